"""The document under construction: the reference template, its body, lists and footnotes.

`Builder` opens resources/un-template.docx with python-docx, empties the body and appends
paragraphs made with `drafter.exporters.ooxml`. Lists are Word lists: one `w:num` per group of
siblings (restarting at 1), on the abstract list whose format prints the label the model derives,
so numbers never appear in the text. Footnotes are written into the template's footnotes.xml
after its two separators; on saving they are numbered, and put, in the order of their references.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

from drafter.exporters import ooxml
from drafter.exporters.docx_comments import write_comments
from drafter.model import FrontMatter, Inline, NoteRef, Paragraph, Resolution, Text, sub_label
from drafter.negotiation_marks import spans, status_name

# The abstract lists of the template (see packaging/make_template.py), by the label they print.
ABSTRACT = {"1.": 0, "(a)": 1, "(i)": 2, "a.": 3, "i.": 4, "a)": 5, "i)": 6, "•": 7}

NoteIds = Callable[[str], int]


def list_format(depth: int, language: str, style: str) -> int:
    """The abstract list for sub-paragraphs at `depth` (1 = "(a)") under a parent of `style`."""
    return ABSTRACT.get(sub_label(depth, 1, language, style), 1)


def inline_runs(content: Sequence[Inline], note_ids: NoteIds, removed: bool = False) -> list[etree._Element]:
    """The runs of a paragraph's content: italic runs as w:i, footnote references as references."""
    out: list[etree._Element] = []
    for item in content:
        if isinstance(item, Text):
            if item.text:
                out.append(ooxml.text_run(item.text, item.italic, removed))
        else:
            out.append(ooxml.note_run(note_ids(item.note)))
    return out


@dataclass
class Line:
    """One paragraph of the front matter or closing: style, text, and italic."""

    style: str
    text: str
    italic: bool = False
    key: str = ""  # the model field it shows


def front_lines(res: Resolution) -> list[Line]:
    """The header block as paragraphs, in an order the importer reads back field by field."""
    front: FrontMatter = res.front
    lines: list[Line] = []
    lines.append(Line("UNMasthead", "United Nations" + (f"\t{front.symbol}" if front.symbol else ""), key="symbol"))
    if front.organ:
        lines.append(Line("UNOrgan", front.organ, key="organ"))
    if front.distribution:
        lines.append(Line("UNHeaderBlock", f"Distr.: {front.distribution}", key="distribution"))
    if front.date:
        lines.append(Line("UNHeaderBlock", front.date, key="date"))
    if front.original:
        lines.append(Line("UNHeaderBlock", f"Original: {front.original}", key="original"))
    lines += [Line("UNHeaderBlock", extra, key="extra") for extra in front.extra]
    rule = "UNHeaderLine"
    if front.session:
        lines.append(Line(rule, front.session, key="session"))
        rule = "UNAgenda"
    if front.agenda_items:
        numbers = [item.number for item in front.agenda_items]
        joined = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
        word = "Agenda item" if len(numbers) == 1 else "Agenda items"
        title = front.agenda_items[-1].title
        # one paragraph, the title after a line break: a title opening with "(bb)" is not a list label
        lines.append(Line(rule, f"{word} {joined}" + (f"\n{title}" if title else ""), key="agenda_items"))
        rule = "UNAgenda"
    if rule == "UNHeaderLine":
        lines.append(Line(rule, ""))
    if front.adoption:
        lines.append(Line("UNAdoption", front.adoption, key="adoption"))
    if front.report:
        lines.append(Line("UNReport", front.report, italic=True, key="report"))
    if front.sponsors or front.doc_type != "resolution":
        lines.append(Line("UNSponsors", f"{front.sponsors}: {front.doc_type}".lstrip(": "), key="sponsors"))
    if front.number:
        lines.append(Line("UNTitle", f"{front.number}.\t{front.title}", key="title"))
    elif front.title:
        lines.append(Line("UNTitle", front.title, key="title"))
    return lines


class Builder:
    """A .docx being written: body paragraphs, list instances, footnotes, running heads."""

    def __init__(self, res: Resolution, template: str | None = None) -> None:
        self.res = res
        self.doc = Document(str(template or ooxml.TEMPLATE))
        self.body = self.doc.element.body
        self.sect = self.body.find(ooxml.w("sectPr"))
        for child in list(self.body):
            if child is not self.sect:
                self.body.remove(child)
        self.numbering = self.doc.part.numbering_part.element
        self.lists: dict[object, int] = {}
        notes_part = next(rel.target_part for rel in self.doc.part.rels.values()
                          if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES)
        self.notes_part = notes_part
        self.notes = etree.fromstring(notes_part.blob)
        self.language = res.language
        self.placed: dict[str, etree._Element] = {}  # block id → its paragraph, where comments are anchored
        self.removed: dict[str, etree._Element] = {}  # base block id → its deleted paragraph (tracked export)
        self.annotated: set[int] = set()  # the paragraphs that have their negotiation comment

    # --- body -----------------------------------------------------------------
    def add(self, p: etree._Element, key: str = "", removed: bool = False) -> etree._Element:
        """Append a paragraph; `key` the block it writes (of the base if `removed`), for comments."""
        if key:
            (self.removed if removed else self.placed).setdefault(key, p)
        if self.sect is not None:
            self.sect.addprevious(p)
        else:
            self.body.append(p)
        return p

    def add_line(self, line: Line, children: Iterable[etree._Element] | None = None,
                 mark: etree._Element | None = None) -> etree._Element:
        runs = list(children) if children is not None else self.line_runs(line.text, line.italic)
        return self.add(ooxml.paragraph(line.style, runs, mark=mark))

    @staticmethod
    def line_runs(text: str, italic: bool = False, removed: bool = False) -> list[etree._Element]:
        """Text with tabs as w:tab and newlines as w:br (the masthead, agenda and title use them)."""
        runs: list[etree._Element] = []
        for index, piece in enumerate(re.split(r"([\t\n])", text)):
            if index % 2:
                run = ooxml.el("r")
                ooxml.sub(run, "tab" if piece == "\t" else "br")
                runs.append(run)
                continue
            if piece:
                runs.append(ooxml.text_run(piece, italic, removed))
        return runs

    # --- lists ------------------------------------------------------------------
    def list_id(self, key: object, abstract: int, ilvl: int) -> int:
        """The w:num of one group of siblings, created (restarting at 1) on first use."""
        found = self.lists.get(key)
        if found is None:
            num = self.numbering.add_num(abstract)
            num.add_lvlOverride(ilvl=ilvl).add_startOverride(1)
            found = int(num.numId)
            self.lists[key] = found
        return found

    def numpr(self, part: str, parent: object, depth: int, parent_style: str = "",
              numbered: bool = True) -> tuple[int, int] | None:
        """(numId, ilvl) of a paragraph at `depth` (0 = PP/OP/annex paragraph) under `parent`."""
        if depth == 0:
            return (self.list_id(("top", part), 0, 0), 0) if numbered else None
        abstract = list_format(depth, self.language, parent_style)
        return self.list_id(("sub", parent), abstract, min(depth, 8)), min(depth, 8)

    # --- footnotes ----------------------------------------------------------------
    def add_note(self, note_id: int, paragraphs: list[list[etree._Element]],
                 mark: etree._Element | None = None) -> None:
        note = ooxml.sub(self.notes, "footnote", id=str(note_id))
        for index, runs in enumerate(paragraphs or [[]]):
            lead: list[etree._Element] = []
            if index == 0:  # the number first, then a tab to the text: as UN documents set their notes
                ref = ooxml.el("r")
                ref.append(ooxml.reference_props())
                ooxml.sub(ref, "footnoteRef")
                tab = ooxml.el("r")
                ooxml.sub(tab, "tab")
                lead = [ref, tab]
            p = ooxml.paragraph("FootnoteText", [*lead, *runs],
                             mark=mark if mark is not None and index < len(paragraphs) - 1 else None,
                             indent=(ooxml.NOTE_TEXT, ooxml.NOTE_TEXT - ooxml.NOTE_MARK))
            note.append(p)

    # --- negotiation notes ---------------------------------------------------------
    def annotate(self, p: etree._Element, block: object, author: str) -> None:
        """A Word comment over a paragraph of a negotiated text that names its status ("Agreed ad ref") and who
        holds its brackets, for a paragraph that is not open or has brackets; nothing for the others."""
        text = negotiation_note(block)
        if not text or id(block) in self.annotated:
            return
        self.annotated.add(id(block))
        initials = "".join(word[:1] for word in author.split())[:4] or "D"
        made = self.doc.comments.add_comment(text=text, author=author or "Drafter", initials=initials)
        number = str(made.comment_id)
        props = p.find(ooxml.w("pPr"))
        start = ooxml.el("commentRangeStart", id=number)
        if props is not None:
            props.addnext(start)
        else:
            p.insert(0, start)
        p.append(ooxml.el("commentRangeEnd", id=number))
        p.append(ooxml.el("r", ooxml.el("rPr", ooxml.el("rStyle", val="CommentReference")),
                          ooxml.el("commentReference", id=number)))

    # --- the package --------------------------------------------------------------
    def running_heads(self, symbol: str) -> None:
        section = self.doc.sections[0]
        for story in (section.header, section.even_page_header):
            for t in story._element.iter(ooxml.w("t")):
                if t.text == "SYMBOL":
                    t.text = symbol
        props = self.doc.core_properties
        props.title = self.res.front.title or symbol or "Resolution"
        props.subject = symbol

    def set_tracking(self, on: bool) -> None:
        settings = self.doc.settings.element
        if on and settings.find(ooxml.w("trackRevisions")) is None:
            anchor = settings.find(ooxml.w("defaultTabStop"))
            node = ooxml.el("trackRevisions")
            if anchor is not None:
                anchor.addprevious(node)
            else:
                settings.append(node)

    def references(self) -> list[tuple[etree._Element, str, bool]]:
        """Each w:footnoteReference of the body in reading order, with its note id and whether it is deleted."""
        removed = set(map(ooxml.w, ooxml.REMOVED))
        return [(ref, ref.get(ooxml.w("id"), ""), any(a.tag in removed for a in ref.iterancestors()))
                for ref in self.body.iter(ooxml.w("footnoteReference"))]

    @staticmethod
    def holders(refs: list[tuple[etree._Element, str, bool]]) -> dict[str, etree._Element]:
        """The one reference that stays a footnote reference for each note: its first live one, else its first
        one; in reading order."""
        chosen: dict[str, etree._Element] = {}
        for ref, note_id, deleted in refs:
            if not deleted:
                chosen.setdefault(note_id, ref)
        for ref, note_id, _deleted in refs:
            chosen.setdefault(note_id, ref)
        place = {ref: index for index, (ref, _note_id, _deleted) in enumerate(refs)}
        return dict(sorted(chosen.items(), key=lambda item: place[item[1]]))

    def order_notes(self) -> None:
        """The notes numbered 1, 2, 3 … in the order of their references (deleted ones included) and written
        into footnotes.xml in that order: Word finds a note by its id, but LibreOffice gives the k-th
        reference the k-th note of the file. Notes nothing cites come last."""
        notes = [node for node in self.notes.iterfind(ooxml.w("footnote")) if node.get(ooxml.w("type")) is None]
        by_id = {node.get(ooxml.w("id"), ""): node for node in notes}
        refs = self.references()
        cited = [note_id for note_id in self.holders(refs) if note_id in by_id]
        order = [*cited, *(note_id for note_id in by_id if note_id not in cited)]
        number = {note_id: str(index) for index, note_id in enumerate(order, 1)}
        for ref, note_id, _deleted in refs:
            if note_id in number:
                ref.set(ooxml.w("id"), number[note_id])
        for node in notes:
            self.notes.remove(node)
        for note_id in order:
            by_id[note_id].set(ooxml.w("id"), number[note_id])
            self.notes.append(by_id[note_id])

    def repeat_marks(self) -> None:
        """A note cited again (note 1 of 72/169 in PP1 and OP15) is, as Word makes it, a NOTEREF field to a
        bookmark around the note's first live reference: one note, printed with the same number at both places.
        A deleted repeat is the printed number alone, so that each note keeps one footnote reference."""
        refs = self.references()
        cited = Counter(note_id for _, note_id, _ in refs)
        holders = {note_id: ref for note_id, ref in self.holders(refs).items() if cited[note_id] > 1}
        gone = {ref for ref, _note_id, deleted in refs if deleted}
        live = {note_id: ref for note_id, ref in holders.items() if ref not in gone}  # the fields' targets
        ids = (node.get(ooxml.w("id"), "") for node in self.body.iter())
        next_id = max((int(v) for v in ids if v.lstrip("-").isdigit()), default=0) + 1
        for bookmark_id, (note_id, ref) in enumerate(live.items(), next_id):
            run = _parent(ref)
            run.addprevious(ooxml.el("bookmarkStart", id=str(bookmark_id), name=f"_RefNote{note_id}"))
            run.addnext(ooxml.el("bookmarkEnd", id=str(bookmark_id)))
        for ref, note_id, deleted in refs:
            if note_id not in holders or holders[note_id] is ref:
                continue
            run = _parent(ref)
            if deleted:
                # deleted text: the printed number alone (LibreOffice loses the rest of a deletion after a field)
                printed = ooxml.el("delText")
                printed.text = note_id
                run.replace(ref, printed)
                continue
            for field_run in reversed(_noteref_field(f"_RefNote{note_id}", note_id)):
                run.addnext(field_run)
            _parent(run).remove(run)

    def to_bytes(self) -> bytes:
        write_comments(self)
        self.order_notes()
        self.repeat_marks()
        self.notes_part._blob = etree.tostring(self.notes, xml_declaration=True, encoding="UTF-8",
                                               standalone=True)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _parent(node: etree._Element) -> etree._Element:
    parent = node.getparent()
    assert parent is not None, "a reference always sits in a run"
    return parent


def _noteref_field(bookmark: str, mark: str) -> list[etree._Element]:
    """The runs of a NOTEREF field (begin, instruction, separate, printed mark, end) in FootnoteReference style."""
    def run(*children: etree._Element) -> etree._Element:
        node = ooxml.el("r", ooxml.el("rPr", ooxml.el("rStyle", val="FootnoteReference")))
        node.extend(children)
        return node

    instruction = ooxml.el("instrText")
    instruction.text = f" NOTEREF {bookmark} \\f \\h "
    instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    result = ooxml.el("t")
    result.text = mark
    return [run(ooxml.el("fldChar", fldCharType="begin")), run(instruction),
            run(ooxml.el("fldChar", fldCharType="separate")), run(result), run(ooxml.el("fldChar", fldCharType="end"))]


def negotiation_note(block: object) -> str:
    """What a comment says of a paragraph under negotiation: "Status: agreed ad ref. Brackets: EU, G77."."""
    if not isinstance(block, Paragraph):
        return ""
    parts: list[str] = []
    if block.status:
        parts.append(f"Status: {status_name(block.status)}.")
    holders = list(dict.fromkeys(span.holder or "not named" for span in spans(block.content)))
    if holders:
        parts.append(f"Brackets held by {', '.join(holders)}.")
    return " ".join(parts)


def note_ids_of(res: Resolution) -> dict[str, int]:
    """Footnote id → w:footnote id in a clean export: its position, from 1."""
    return {note.id: index for index, note in enumerate(res.footnotes, 1)}


def refs(content: Sequence[Inline]) -> list[str]:
    return [item.note for item in content if isinstance(item, NoteRef)]
