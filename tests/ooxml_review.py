"""Accept all and reject all on an exported .docx, in pure Python, and the words that remain.

`accept`: drop w:del and w:moveFrom with their content, unwrap w:ins and w:moveTo, join a paragraph
whose mark is deleted (or moved away) to the next one. `reject`: the reverse, with w:delText read
as text. `words` reads the body in order, then the footnotes in the order of their first reference.
`resolved_docx` writes the result back as a .docx without revisions, for the importer.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
_WORD = re.compile(r"[^\W_]+")


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Parts:
    document: etree._Element
    footnotes: etree._Element | None
    files: dict[str, bytes]


def read(data: bytes) -> Parts:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    notes = files.get("word/footnotes.xml")
    return Parts(etree.fromstring(files["word/document.xml"]),
                 etree.fromstring(notes) if notes is not None else None, files)


def _mark(p: etree._Element) -> str | None:
    rpr = p.find(f"{q('pPr')}/{q('rPr')}")
    if rpr is None:
        return None
    for kind in ("ins", "del", "moveFrom", "moveTo"):
        if rpr.find(q(kind)) is not None:
            return kind
    return None


def resolve(root: etree._Element, accept_all: bool) -> etree._Element:
    """A copy of a part (document or footnotes) with every revision accepted or rejected."""
    root = copy.deepcopy(root)
    drop, keep = (("del", "moveFrom"), ("ins", "moveTo")) if accept_all else (("ins", "moveTo"), ("del", "moveFrom"))
    for kind in drop:
        for node in list(root.iter(q(kind))):
            parent = node.getparent()
            if parent is not None and parent.tag != q("rPr"):
                parent.remove(node)
    for kind in keep:
        for node in list(root.iter(q(kind))):
            parent = node.getparent()
            if parent is None or parent.tag == q("rPr"):
                continue
            index = parent.index(node)
            for offset, child in enumerate(list(node)):
                parent.insert(index + offset, child)
            parent.remove(node)
    for tag in RANGES:
        for node in list(root.iter(q(tag))):
            node.getparent().remove(node)  # type: ignore[union-attr]
    for node in root.iter(q("delText")):
        node.tag = q("t")
    # paragraph marks: a removed mark joins the paragraph to the next one
    gone = ("del", "moveFrom") if accept_all else ("ins", "moveTo")
    for container in [root, *root.iter(q("body"), q("footnote"))]:
        paragraphs = [p for p in container if p.tag == q("p")]
        for p, after in zip(paragraphs, [*paragraphs[1:], None], strict=False):
            if _mark(p) in gone and after is not None:
                runs = [child for child in p if child.tag != q("pPr")]
                ppr = after.find(q("pPr"))
                at = 0 if ppr is None else 1
                for offset, child in enumerate(runs):
                    after.insert(at + offset, child)
                container.remove(p)
    for rpr in root.iter(q("rPr")):
        for kind in ("ins", "del", "moveFrom", "moveTo"):
            for node in rpr.findall(q(kind)):
                rpr.remove(node)
    return root


def _note_texts(notes: etree._Element | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for note in notes.iter(q("footnote")) if notes is not None else ():
        out[note.get(q("id"), "")] = " ".join(_text(p) for p in note.iter(q("p")))
    return out


def _text(p: etree._Element) -> str:
    parts: list[str] = []
    instruction: str | None = None
    in_noteref = False
    for node in p.iter(q("t"), q("tab"), q("br"), q("footnoteReference"), q("fldChar"), q("instrText"),
                       q("delInstrText")):
        parent = node.getparent()
        if node.tag == q("fldChar"):
            kind = node.get(q("fldCharType"))
            if kind == "begin":
                instruction = ""
            elif kind == "separate":
                match = re.match(r"\s*NOTEREF\s+_RefNote(\d+)", instruction or "")
                in_noteref = match is not None
                if match:
                    parts.append(f" \x00{match.group(1)} ")  # a note cited again: the same note
            elif kind == "end":
                instruction, in_noteref = None, False
        elif node.tag in (q("instrText"), q("delInstrText")):
            instruction = (instruction or "") + (node.text or "")
        elif in_noteref:
            continue
        elif node.tag == q("t") and parent is not None and (
                parent.find(q("footnoteReference")) is not None
                or parent.find(f"{q('rPr')}/{q('rStyle')}[@{q('val')}='FootnoteReference']") is not None):
            continue  # the printed mark of a note cited again in deleted text
        elif node.tag == q("t"):
            parts.append(node.text or "")
        elif node.tag == q("footnoteReference"):
            parts.append(f" \x00{node.get(q('id'))} ")
        else:
            parts.append(" ")
    return "".join(parts)


def words(document: etree._Element, notes: etree._Element | None) -> tuple[list[str], list[str]]:
    """The words of the body in reading order, and of the footnotes in order of first reference."""
    body: list[str] = []
    note_text = _note_texts(notes)
    order: list[str] = []
    for p in document.iter(q("p")):
        text = _text(p)
        for note_id in re.findall(r"\x00(-?\d+)", text):
            if note_id not in order:
                order.append(note_id)
        body += _WORD.findall(re.sub(r"\x00-?\d+", " ", text))
    footnote_words: list[str] = []
    seen_texts: list[str] = []
    for note_id in order:
        text = note_text.get(note_id, "")
        seen_texts.append(text)
        footnote_words += _WORD.findall(text)
    return body, footnote_words


def accepted_words(data: bytes) -> tuple[list[str], list[str]]:
    parts = read(data)
    notes = resolve(parts.footnotes, True) if parts.footnotes is not None else None
    return words(resolve(parts.document, True), notes)


def rejected_words(data: bytes) -> tuple[list[str], list[str]]:
    parts = read(data)
    notes = resolve(parts.footnotes, False) if parts.footnotes is not None else None
    return words(resolve(parts.document, False), notes)


def plain_words(data: bytes) -> tuple[list[str], list[str]]:
    parts = read(data)
    return words(parts.document, parts.footnotes)


def resolved_docx(data: bytes, accept_all: bool) -> bytes:
    """The .docx with all revisions accepted (or rejected), for reading back with the importer."""
    parts = read(data)
    files = dict(parts.files)
    files["word/document.xml"] = etree.tostring(resolve(parts.document, accept_all))
    if parts.footnotes is not None:
        files["word/footnotes.xml"] = etree.tostring(resolve(parts.footnotes, accept_all))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def revision_counts(data: bytes) -> dict[str, int]:
    """Revision elements by kind, in the document and the footnotes, paragraph marks included."""
    parts = read(data)
    counts: dict[str, int] = {}
    for root in (parts.document, parts.footnotes):
        for kind in ("ins", "del", "moveFrom", "moveTo"):
            counts[kind] = counts.get(kind, 0) + (len(list(root.iter(q(kind)))) if root is not None else 0)
    return counts


def ids(data: bytes) -> list[str]:
    """Every w:id of revisions and range markers, document and footnotes together."""
    parts = read(data)
    out: list[str] = []
    tags = [q(t) for t in ("ins", "del", "moveFrom", "moveTo", *("moveFromRangeStart", "moveToRangeStart"))]
    for root in (parts.document, parts.footnotes):
        for node in root.iter(*tags) if root is not None else ():
            out.append(node.get(q("id"), ""))
    return out
