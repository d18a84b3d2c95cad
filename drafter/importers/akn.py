"""Akoma Ntoso 3.0 import: the reverse of `drafter.exporters.akn`, and a fair reading of AKN from other tools.

Drafter's own files (those with `proprietary/drafter:resolution`) come back
exactly: ids from `GUID`, text as written, list styles, language and warnings.
Other files are read by element: paragraphs and points of any hierarchy,
preamble containers, recitals and block lists, headings of sections and
divisions as cross-headings, footnotes from `authorialNote` or from `noteRef`
into `meta/notes`; whitespace is collapsed as a reader of the XML would see it,
and elements without ids get fresh ones.

Everything is parsed through `drafter.safexml.parse`; whatever cannot be read
raises `ImportFailed` with one sentence saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafter.akn_namespaces import AKN_NS, DRAFTER_NS, LANGUAGES
from drafter.errors import ImportFailed
from drafter.model import (
    AgendaItem,
    Annex,
    Block,
    CrossHeading,
    Footnote,
    FrontMatter,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    new_id,
    normalize_runs,
)
from drafter.safexml import UnsafeXML, parse

DOCUMENT_TYPES = {"statement", "doc", "act", "bill", "debateReport", "debate", "amendment", "judgment",
                  "portion", "amendmentList", "officialGazette", "documentCollection"}
# Hierarchy elements read as one paragraph with sub-paragraphs.
PARAGRAPHS = {"paragraph", "subparagraph", "point", "alinea", "indent", "clause", "subclause", "level",
              "article", "rule", "subrule", "proviso", "transitional"}
# Elements that group paragraphs: their num and heading become a cross-heading.
GROUPS = {"section", "subsection", "division", "subdivision", "chapter", "subchapter", "part", "subpart",
          "title", "subtitle", "book", "tome", "hcontainer", "container", "blockContainer", "tblock",
          "list", "sublist", "recitals", "citations", "content", "intro", "wrapUp"}
TEXT_BLOCKS = {"p", "block", "listIntroduction", "listWrapUp"}
FRONT_FIELDS = {"docAuthority": "organ", "docNumber": "symbol", "docDate": "date", "date": "date",
                "session": "session", "docProponent": "sponsors", "docType": "doc_type",
                "docTitle": "title", "distribution": "distribution", "original": "original",
                "adoption": "adoption", "report": "report", "number": "number"}
_DIGITS = re.compile(r"[0-9]{1,9}")


def _local(el: etree._Element) -> str:
    """The local name of an AKN element; "" for other namespaces, comments and processing instructions."""
    if not isinstance(el.tag, str):
        return ""
    qname = etree.QName(el)
    return qname.localname if qname.namespace == AKN_NS else ""


def _plain(el: etree._Element) -> str:
    """The text of an element, notes left out."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and _local(child) not in ("authorialNote", "noteRef"):
            parts.append(_plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _join(parts: list[list[Inline]]) -> list[Inline]:
    """Inline content of several blocks, one line each."""
    out: list[Inline] = []
    for part in parts:
        if out and part:
            out.append(Text("\n"))
        out.extend(part)
    return out


@dataclass
class _Note:
    order: int
    marker: str
    guid: str = ""
    content: list[Inline] | None = None


class _Reader:
    def __init__(self) -> None:
        self.exact = False  # a Drafter file: text is kept as written
        self.language = ""
        self.styles: dict[str, str] = {}
        self.warnings: list[str] = []
        self.ids: set[str] = set()
        self.notes: dict[str, _Note] = {}  # marker (or a unique key) → note
        self.targets: dict[str, str] = {}  # eId of a note → its key

    # --- ids and text ----------------------------------------------------------
    def claim(self, guid: str | None) -> str:
        """`guid` if it is free, else a fresh id: ids stay unique whatever the file says."""
        ident = guid if guid and guid not in self.ids else new_id()
        self.ids.add(ident)
        return ident

    def text(self, value: str) -> str:
        return value if self.exact else " ".join(value.split())

    def tidy(self, content: list[Inline]) -> list[Inline]:
        content = normalize_runs(content)
        if self.exact:
            return content
        out: list[Inline] = []
        for item in content:
            if isinstance(item, Text):
                text = re.sub(r"\s+", " ", item.text)
                previous = out[-1] if out else None
                if not isinstance(previous, NoteRef) and (previous is None or previous.text.endswith(" ")):
                    text = text.lstrip()
                item = Text(text, item.italic)
            out.append(item)
        if out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text.rstrip(), out[-1].italic)
        return normalize_runs(out)

    # --- inline content and notes -----------------------------------------------
    def inlines(self, host: etree._Element, italic: bool = False,
                out: list[Inline] | None = None) -> list[Inline]:
        out = [] if out is None else out
        if host.text:
            out.append(Text(host.text, italic))
        for child in host:
            name = _local(child)
            # a NoteRef holds the note's key until every occurrence has been seen (`_set_note_ids`)
            if name == "authorialNote":
                out.append(NoteRef(self.register(child)))
            elif name == "noteRef":
                key = self.targets.get((child.get("href") or "").lstrip("#"))
                if key is not None:
                    out.append(NoteRef(key))
            elif name in ("eol", "br"):
                out.append(Text("\n", italic))
            elif isinstance(child.tag, str):
                self.inlines(child, italic or name == "i", out)
            if child.tail:
                out.append(Text(child.tail, italic))
        return out

    def host(self, el: etree._Element) -> list[Inline]:
        return self.tidy(self.inlines(el))

    def blocks(self, el: etree._Element) -> list[Inline]:
        """The text blocks inside a container (`content`, `intro`, a note), one line each."""
        parts: list[list[Inline]] = []
        for child in el:
            name = _local(child)
            if name in TEXT_BLOCKS:
                parts.append(self.host(child))
            elif name in GROUPS or name == "blockList":
                parts.append(self.blocks(child))
        return self.tidy(_join(parts))

    def register(self, el: etree._Element) -> str:
        """The key of the footnote `el` (an `authorialNote` or `note`), read on its first occurrence."""
        marker = el.get("marker") or ""
        key = f"\0m:{marker}" if marker else f"\0n:{len(self.notes)}"
        note = self.notes.get(key)
        if note is None:
            note = self.notes[key] = _Note(len(self.notes), marker)
            note.content = self.blocks(el)
        note.guid = note.guid or el.get("GUID") or ""
        if el.get("eId"):
            self.targets[el.get("eId") or ""] = key
        return key

    def footnotes(self) -> tuple[list[Footnote], dict[str, str]]:
        """The footnotes in marker order, and the footnote id for each key."""
        def order(note: _Note) -> tuple[int, int, int]:
            if _DIGITS.fullmatch(note.marker):
                return (0, int(note.marker), note.order)
            return (1, 0, note.order)

        out: list[Footnote] = []
        ids: dict[str, str] = {}
        for key, note in sorted(self.notes.items(), key=lambda pair: order(pair[1])):
            ids[key] = self.claim(note.guid)
            out.append(Footnote(note.content or [], id=ids[key]))
        return out, ids

    # --- paragraphs ----------------------------------------------------------------
    def paragraph(self, el: etree._Element, parts: list[list[Inline]],
                  children: list[Paragraph]) -> Paragraph:
        ident = self.claim(el.get("GUID"))
        return Paragraph(self.tidy(_join(parts)), children, id=ident, list_style=self.styles.get(ident, ""))

    def hierarchy(self, el: etree._Element) -> Paragraph:
        """`paragraph`, `point` and their kin: text from `content` or `intro`, children from `list`."""
        parts: list[list[Inline]] = []
        children: list[Paragraph] = []
        for child in el:
            name = _local(child)
            if name in ("content", "intro"):
                parts.append(self.blocks(child))
            elif name in PARAGRAPHS:
                children.append(self.hierarchy(child))
            elif name in ("list", "sublist"):
                for sub in child:
                    sub_name = _local(sub)
                    if sub_name == "intro":
                        parts.append(self.blocks(sub))
                    elif sub_name in PARAGRAPHS:
                        children.append(self.hierarchy(sub))
                    elif sub_name == "wrapUp":
                        self.wrap_up(sub)
            elif name == "wrapUp":
                self.wrap_up(child)
        return self.paragraph(el, parts, children)

    def wrap_up(self, el: etree._Element) -> None:
        text = " ".join(_plain(el).split())
        if text:
            self.warnings.append(f"Text after a list of sub-paragraphs was left out: {text[:80]}")

    def item(self, el: etree._Element) -> Paragraph:
        """A PP (`container`, `recital`) or a block-list `item`: text blocks, sub-paragraphs as items."""
        parts: list[list[Inline]] = []
        children: list[Paragraph] = []
        for child in el:
            name = _local(child)
            if name in TEXT_BLOCKS:
                parts.append(self.host(child))
            elif name == "blockList":
                for sub in child:
                    if _local(sub) in TEXT_BLOCKS:
                        parts.append(self.host(sub))
                    elif _local(sub) == "item":
                        children.append(self.item(sub))
            elif name in ("container", "item"):
                children.append(self.item(child))
            elif name in ("intro", "content"):
                parts.append(self.blocks(child))
        return self.paragraph(el, parts, children)

    def blocks_of(self, parent: etree._Element, preamble: bool = False) -> list[Block]:
        """Paragraphs and cross-headings in `mainBody`, `preamble` or a group inside them."""
        out: list[Block] = []
        for el in parent:
            name = _local(el)
            if name == "crossHeading" or (name == "block" and el.get("name", "").lower() == "crossheading"):
                out.append(CrossHeading(self.host(el), id=self.claim(el.get("GUID"))))
            elif name in PARAGRAPHS:
                out.append(self.hierarchy(el))
            elif name in ("recital", "citation", "blockList") or (preamble and name == "container"):
                out.append(self.item(el))
            elif name in TEXT_BLOCKS:
                content = self.host(el)
                if content:
                    out.append(Paragraph(content, id=self.claim(el.get("GUID"))))
            elif name in GROUPS:
                self.group(el, out, preamble)
        return out

    def group(self, el: etree._Element, out: list[Block], preamble: bool) -> None:
        heading = [self.host(c) for c in el if _local(c) in ("num", "heading", "subheading")]
        content = self.tidy(_join([[*h, Text(" ")] for h in heading if h]))
        if content:
            out.append(CrossHeading(content, id=self.claim(el.get("GUID"))))
        out.extend(self.blocks_of(el, preamble))

    # --- the document --------------------------------------------------------------
    def meta(self, meta: etree._Element | None) -> str:
        """Read Drafter's extension and unreferenced notes; return the FRBR language, if any."""
        if meta is None:
            return ""
        for data in meta.iter(f"{{{DRAFTER_NS}}}resolution"):
            self.exact = True
            for child in data:
                name = etree.QName(child).localname if isinstance(child.tag, str) else ""
                if name == "language":
                    self.language = child.text or ""
                elif name == "warning":
                    self.warnings.append(child.text or "")
                elif name == "listStyle":
                    self.styles[child.get("ref") or ""] = child.text or ""
        for note in meta.iter(f"{{{AKN_NS}}}note"):
            self.register(note)
        language = meta.find(f".//{{{AKN_NS}}}FRBRlanguage")
        return language.get("language", "") if language is not None else ""

    def front(self, preface: etree._Element | None) -> FrontMatter:
        front = FrontMatter()
        if preface is None:
            return front
        seen: set[str] = set()
        for el in preface.iter():
            name = _local(el)
            if name in ("authorialNote", "noteRef"):
                continue
            name = el.get("name", "") if name == "inline" else name
            attr = FRONT_FIELDS.get(name)
            if attr and attr not in seen:
                seen.add(attr)
                setattr(front, attr, self.text(_plain(el)))
            elif name == "extra":
                front.extra.append(self.text(_plain(el)))
            elif name == "agendaItemNumber":
                front.agenda_items.append(AgendaItem(self.text(_plain(el))))
            elif name == "agendaItemTitle" and front.agenda_items:
                front.agenda_items[-1].title = self.text(_plain(el))
        return front

    def lines(self, el: etree._Element) -> list[str]:
        """Each text block under `el` as one line (closing lines, annex headings)."""
        out: list[str] = []
        for child in el:
            name = _local(child)
            if name in TEXT_BLOCKS | {"num", "heading", "subheading"}:
                line = self.text(_plain(child))
                if line or self.exact:
                    out.append(line)
            elif name in GROUPS or name == "blockList":
                out.extend(self.lines(child))
        return out

    def annex(self, attachment: etree._Element) -> Annex:
        annex = Annex(self.lines(attachment))
        for doc in attachment:
            if _local(doc) in DOCUMENT_TYPES:
                preface, preamble = doc.find(f"{{{AKN_NS}}}preface"), doc.find(f"{{{AKN_NS}}}preamble")
                annex.heading += self.lines(preface) if preface is not None else []
                annex.blocks += self.blocks_of(preamble, True) if preamble is not None else []
                annex.blocks += self.blocks_of(_body(doc))
                flag = doc.find(f"{{{AKN_NS}}}meta//{{{DRAFTER_NS}}}annex")
                numbered = _body(doc).find(f"{{{AKN_NS}}}paragraph/{{{AKN_NS}}}num") is not None
                annex.numbered = flag.get("numbered") == "true" if flag is not None else numbered
        return annex

    def resolution(self, doc: etree._Element) -> Resolution:
        def find(tag: str) -> etree._Element | None:
            return doc.find(f"{{{AKN_NS}}}{tag}")

        frbr_language = self.meta(find("meta"))
        res = Resolution(front=self.front(find("preface")))
        preamble = find("preamble")
        if preamble is not None:
            formula = [self.text("\n".join(self.lines(f))) for f in preamble if _local(f) == "formula"]
            res.formula = "\n".join(formula)
            res.preamble = self.blocks_of(preamble, preamble=True)
        res.operative = self.blocks_of(_body(doc))
        conclusions = find("conclusions")
        res.closing = self.lines(conclusions) if conclusions is not None else []
        attachments = find("attachments")
        if attachments is not None:
            res.annexes = [self.annex(a) for a in attachments if _local(a) == "attachment"]
        res.footnotes, ids = self.footnotes()
        _set_note_ids(res, ids)
        reverse = {three: two for two, three in LANGUAGES.items()}
        res.language = self.language if self.exact else reverse.get(frbr_language, "en")
        res.warnings = self.warnings
        return res


def _set_note_ids(res: Resolution, ids: dict[str, str]) -> None:
    def fix(content: list[Inline]) -> None:
        for item in content:
            if isinstance(item, NoteRef):
                item.note = ids[item.note]

    for block in res.blocks():
        fix(block.content)
    for note in res.footnotes:
        fix(note.content)


def _body(doc: etree._Element) -> etree._Element:
    for tag in ("mainBody", "body"):
        body = doc.find(f"{{{AKN_NS}}}{tag}")
        if body is not None:
            return body
    return etree.Element("none")


def from_akn(data: bytes, path: str = "Akoma Ntoso document") -> Resolution:
    """A resolution from AKN 3.0 bytes; `path` only names the source in errors."""
    try:
        root = parse(data)
    except UnsafeXML as exc:
        raise ImportFailed(path, f"is not safe, well-formed XML ({exc})") from exc
    if _local(root) != "akomaNtoso":
        tag = etree.QName(root).localname if isinstance(root.tag, str) else "?"
        raise ImportFailed(path, f"is XML but not Akoma Ntoso 3.0 (its root is <{tag}>, "
                                 f"not <akomaNtoso> in the namespace {AKN_NS})")
    docs = [child for child in root if _local(child) in DOCUMENT_TYPES]
    if not docs:
        raise ImportFailed(path, "is Akoma Ntoso without a document in it (no <statement>, <doc> or <act>)")
    doc = docs[0]
    if doc.find(f"{{{AKN_NS}}}mainBody") is None and doc.find(f"{{{AKN_NS}}}body") is None:
        raise ImportFailed(path, f"is an Akoma Ntoso <{_local(doc)}> without a <mainBody> to read")
    try:
        return _Reader().resolution(doc)
    except (ValueError, TypeError, RecursionError) as exc:
        raise ImportFailed(path, f"is Akoma Ntoso that cannot be read as a resolution ({exc})") from exc


def read_akn(path: str) -> Resolution:
    """Read an Akoma Ntoso file (.xml, .akn) into a resolution."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ImportFailed(path, f"cannot be opened ({exc.strerror or exc})") from exc
    return from_akn(data, path)
