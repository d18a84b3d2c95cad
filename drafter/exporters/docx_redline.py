"""Static comparisons for printing: a redline and a two-column table, both without revisions.

The redline is the tracked export with each revision turned into formatting that reads in black
and white: inserted (and moved-in) text bold and underlined, deleted (and moved-away) text struck
through. The table has one row per paragraph of either version: the base with its label on the
left (deleted words struck through), the new text with its label on the right (inserted words
bold and underlined); unchanged paragraphs are left out unless asked for.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from drafter.compare.kinds import UNCHANGED
from drafter.exporters import ooxml as ox
from drafter.exporters.docx_build import Builder, inline_runs
from drafter.exporters.docx_ops import BREAK, Piece
from drafter.exporters.docx_tracked import Tracked
from drafter.model import Inline, NoteRef, Resolution, Text

_STYLE = {ox.INS: "Inserted", ox.MOVE_TO: "Inserted", ox.DEL: "Deleted", ox.MOVE_FROM: "Deleted"}


def flatten(root: etree._Element) -> None:
    """Turn every revision of a part into run styles, in place."""
    for tag in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"):
        for node in list(root.iter(ox.w(tag))):
            node.getparent().remove(node)  # type: ignore[union-attr]
    for kind, style in _STYLE.items():
        for node in list(root.iter(ox.w(kind))):
            parent = node.getparent()
            if parent is None:
                continue
            if parent.tag == ox.w("rPr"):
                parent.remove(node)
                if not len(parent):
                    parent.getparent().remove(parent)  # type: ignore[union-attr]
                continue
            index = parent.index(node)
            for offset, run in enumerate(list(node)):
                _style(run, style)
                parent.insert(index + offset, run)
            parent.remove(node)
    for node in root.iter(ox.w("delText")):
        node.tag = ox.w("t")


def _style(run: etree._Element, style: str) -> None:
    props = run.find(ox.w("rPr"))
    if props is None:
        props = ox.el("rPr")
        run.insert(0, props)
    if props.find(ox.w("rStyle")) is None:  # footnote references keep their own style
        props.insert(0, ox.el("rStyle", val=style))
    else:
        for tag in ("b", "u") if style == "Inserted" else ("strike",):
            node = ox.el(tag, val="single") if tag == "u" else ox.el(tag)
            props.append(node)


def write_redline(old: Resolution, new: Resolution, template: str | None = None,
                  track_front: bool = False) -> bytes:
    """The tracked export with its revisions as formatting; the front matter as in `write_tracked`."""
    tracked = Tracked(old, new, "Drafter", ox.Stamp.iso(None), template, track_front)
    data = tracked.write()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename in ("word/document.xml", "word/footnotes.xml"):
                root = etree.fromstring(content)
                flatten(root)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif info.filename == "word/settings.xml":
                content = content.replace(b"<w:trackRevisions/>", b"")
            target.writestr(info, content)
    return out.getvalue()


def _cell_runs(items: list[Piece], keep: str, res: Resolution) -> list[etree._Element]:
    """One side's pieces as styled runs; footnote references shown as their printed markers."""
    out: list[etree._Element] = []
    for piece in items:
        if piece.kind not in ("equal", keep):
            continue
        style = None if piece.kind == "equal" else ("Inserted" if keep == "insert" else "Deleted")
        content: list[Inline] = [Text(" \u00b6 ") if x is BREAK else x for x in piece.content]
        for item in content:
            if isinstance(item, NoteRef):
                out.append(ox.text_run(res.marker(item.note), style="FootnoteReference"))
            elif item.text:
                out.append(ox.text_run(item.text, item.italic, style=style))
    return out


def write_table(old: Resolution, new: Resolution, template: str | None = None, *,
                include_unchanged: bool = False) -> bytes:
    """A two-column comparison table, base | new, one row per changed paragraph, with labels."""
    tracked = Tracked(old, new, "Drafter", "", template)
    tracked.prepare()
    builder: Builder = tracked.b
    title = f"Comparison of {new.front.symbol or 'the new text'} with {old.front.symbol or 'the base'}"
    builder.add(ox.paragraph("UNTitle", [ox.text_run(title)]))
    table = ox.el("tbl")
    props = ox.sub(table, "tblPr")
    ox.sub(props, "tblStyle", val="TableGrid")
    ox.sub(props, "tblW", w="5000", type="pct")
    grid = ox.sub(table, "tblGrid")
    for _ in range(2):
        ox.sub(grid, "gridCol", w="4680")
    _row(table, [[ox.text_run(f"Base: {old.front.symbol or 'old'}")]],
         [[ox.text_run(f"New: {new.front.symbol or 'new'}")]], header=True)
    for record in tracked.changes.records:
        if record.part == "front" or (record.kind == UNCHANGED and not include_unchanged):
            continue
        olds = [tracked.content_of(True, i) for i in record.old_ids]
        news = [tracked.content_of(False, i) for i in record.new_ids]
        if record.old_content or record.kind in (UNCHANGED,) or not (olds and news):
            items = tracked.ops_pieces(record, olds, news) if olds and news else \
                [Piece("delete", [x for c in olds for x in c]), Piece("insert", [x for c in news for x in c])]
        else:
            items = [Piece("equal", news[0])]
        left = [ox.text_run(f"{record.old_label}  ", extra=("b",))] if record.old_label else []
        right = [ox.text_run(f"{record.new_label}  ", extra=("b",))] if record.new_label else []
        if record.kind not in (UNCHANGED,):
            right.append(ox.text_run(f"[{record.kind}]  ", italic=True))
        _row(table, [left + _cell_runs(items, "delete", old)] if olds else [left],
             [right + _cell_runs(items, "insert", new)] if news else [right])
    builder.add(table)
    builder.add(ox.paragraph("UNParagraph"))
    builder.running_heads(new.front.symbol)
    return builder.to_bytes()


def _row(table: etree._Element, left: list[list[etree._Element]], right: list[list[etree._Element]],
         header: bool = False) -> None:
    row = ox.sub(table, "tr")
    if header:
        ox.sub(ox.sub(row, "trPr"), "tblHeader")
    for paragraphs in (left, right):
        cell = ox.sub(row, "tc")
        ox.sub(ox.sub(cell, "tcPr"), "tcW", w="2500", type="pct")
        for runs in paragraphs or [[]]:
            cell.append(ox.paragraph("UNTableHead" if header else "UNTableText", runs))


__all__ = ["flatten", "inline_runs", "write_redline", "write_table"]
