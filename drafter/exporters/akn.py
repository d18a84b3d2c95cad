"""Akoma Ntoso 3.0 export of a resolution, following AKN4UN.

A resolution is written as `akomaNtoso/statement name="resolution"`:

- `meta`: FRBR identification, a `TLCOrganization` for Drafter, unreferenced
  footnotes as `notes/note`, and what AKN has no place for (language code,
  warnings, list styles) in `proprietary source="#drafter"`.
- `preface`: each front-matter field in its own `p`, wrapped in the AKN inline
  that names it (`docAuthority`, `docNumber`, `docDate`, `session`,
  `docProponent`, `docType`, `docTitle`) or in `inline name="..."`.
- `preamble`: `formula name="enactingFormula"`, then each PP as a `container`
  named after its opening phrase; sub-paragraphs as `blockList`/`item`.
- `mainBody`: each OP as `paragraph eId="para_N"` with `num` and `content/p`,
  or `list` with `intro` and `point`s (nested for deeper levels).
- cross-headings as `block name="crossHeading"`: the schema allows
  `crossHeading` only inside a hierarchy, not between the paragraphs of
  `mainBody` or in the preamble.
- footnotes inline as `authorialNote marker="N" placement="bottom"` at every
  reference; the first carries `GUID` = the footnote id (the schema wants
  `eId` and `GUID` unique, so repeats get their own `eId` and share the marker).
- `conclusions`: one `p` per closing line, dates as `docDate`.
- `attachments/attachment/doc name="annex"` for annexes (heading lines in its `preface`,
  whether its paragraphs are numbered in its own `meta/proprietary`).

Every paragraph, cross-heading and footnote keeps its Drafter id in `GUID`, so
`drafter.importers.akn.from_akn(to_akn(res)) == res`.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from lxml import etree

from drafter.akn_namespaces import AKN_NS, DRAFTER_NS, EXTENSION_VERSION, LANGUAGES, akn, ext
from drafter.model import (
    Annex,
    Block,
    CrossHeading,
    Footnote,
    Inline,
    Paragraph,
    Resolution,
    Text,
    normalize_runs,
    sub_label,
)

# Elements whose children are other elements only: the pretty-printer indents inside these
# and never inside anything else, so no whitespace is added to text.
STRUCTURAL = frozenset({
    "akomaNtoso", "statement", "doc", "meta", "identification", "FRBRWork", "FRBRExpression",
    "FRBRManifestation", "references", "notes", "note", "proprietary", "preface", "preamble",
    "mainBody", "conclusions", "attachments", "attachment", "formula", "container", "blockList",
    "item", "paragraph", "point", "list", "intro", "content", "resolution",
})

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_DEFAULT_NS: Any = {None: AKN_NS}  # AKN as the default namespace (lxml-stubs reject a None prefix)
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML cannot hold (most control characters)."""
    return _ILLEGAL.sub("", text)


def iso_date(text: str, whole: bool = False) -> str | None:
    """"19 December 2017" → "2017-12-19"; None if there is no valid English date in `text`."""
    match = _DATE.fullmatch(text.strip()) if whole else _DATE.search(text)
    if not match:
        return None
    day, month, year = int(match[1]), MONTHS.index(match[2].lower()) + 1, int(match[3])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, akn(tag), {k: xml_safe(v) for k, v in attrs.items()})
    if text:
        el.text = xml_safe(text)
    return el


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-").lower()


class _Writer:
    """Writes one resolution; keeps the footnote counters and list styles while doing so."""

    def __init__(self, res: Resolution) -> None:
        self.res = res
        self.notes = {note.id: (index, note) for index, note in enumerate(res.footnotes, 1)}
        self.uses: dict[str, int] = {}  # footnote id → occurrences written so far
        self.open_notes: list[str] = []  # footnotes being written, against cycles
        self.styles: dict[str, str] = {}  # paragraph id → list_style

    # --- inline content ----------------------------------------------------
    def inlines(self, host: etree._Element, content: list[Inline]) -> None:
        last: etree._Element | None = None
        for item in normalize_runs(content):
            if isinstance(item, Text) and not item.italic:
                text = xml_safe(item.text)
                if last is None:
                    host.text = (host.text or "") + text
                else:
                    last.tail = (last.tail or "") + text
            elif isinstance(item, Text):
                last = _sub(host, "i", item.text)
            elif item.note in self.notes and item.note not in self.open_notes:
                last = self.authorial_note(host, item.note)

    def authorial_note(self, host: etree._Element, note_id: str) -> etree._Element:
        marker, note = self.notes[note_id]
        count = self.uses[note_id] = self.uses.get(note_id, 0) + 1
        attrs = {"marker": str(marker), "placement": "bottom"}
        if count == 1:
            attrs.update(eId=f"fn_{marker}", GUID=note.id)
        else:
            attrs["eId"] = f"fn_{marker}__ref_{count}"
        el = _sub(host, "authorialNote", **attrs)
        self.open_notes.append(note_id)
        self.inlines(_sub(el, "p"), note.content)
        self.open_notes.pop()
        return el

    # --- paragraphs ----------------------------------------------------------
    def remember_style(self, para: Paragraph) -> None:
        if para.list_style:
            self.styles[para.id] = para.list_style

    def hierarchy(self, parent: etree._Element, tag: str, para: Paragraph, eid: str, num: str,
                  depth: int) -> None:
        """An OP or annex paragraph (`paragraph`) or a sub-paragraph (`point`)."""
        self.remember_style(para)
        el = _sub(parent, tag, eId=eid, GUID=para.id)
        if num:
            _sub(el, "num", num)
        if not para.children:
            self.inlines(_sub(_sub(el, "content"), "p"), para.content)
            return
        listing = _sub(el, "list", eId=f"{eid}__list_1")
        self.inlines(_sub(_sub(listing, "intro"), "p"), para.content)
        for index, child in enumerate(para.children, 1):
            label = sub_label(depth, index, self.res.language, para.list_style)
            self.hierarchy(listing, "point", child, f"{eid}__point_{_label_id(label, index)}", label,
                           depth + 1)

    def item(self, parent: etree._Element, para: Paragraph, eid: str, depth: int) -> None:
        """The body of a PP or of one of its sub-paragraphs: `p`, or a `blockList`."""
        self.remember_style(para)
        if not para.children:
            self.inlines(_sub(parent, "p"), para.content)
            return
        block_list = _sub(parent, "blockList", eId=f"{eid}__list_1")
        self.inlines(_sub(block_list, "listIntroduction"), para.content)
        for index, child in enumerate(para.children, 1):
            label = sub_label(depth, index, self.res.language, para.list_style)
            child_eid = f"{eid}__item_{_label_id(label, index)}"
            item = _sub(block_list, "item", eId=child_eid, GUID=child.id)
            _sub(item, "num", label)
            self.item(item, child, child_eid, depth + 1)

    def cross_heading(self, parent: etree._Element, heading: CrossHeading, eid: str) -> None:
        self.inlines(_sub(parent, "block", name="crossHeading", eId=eid, GUID=heading.id), heading.content)

    def body(self, parent: etree._Element, blocks: list[Block], prefix: str, numbered: bool) -> None:
        number = heading = 0
        for block in blocks:
            if isinstance(block, CrossHeading):
                heading += 1
                self.cross_heading(parent, block, f"{prefix}crossHeading_{heading}")
            else:
                number += 1
                num = f"{number}." if numbered else ""
                self.hierarchy(parent, "paragraph", block, f"{prefix}para_{number}", num, 1)
        if not blocks:
            _sub(parent, "p")  # mainBody may not be empty

    def preamble(self, parent: etree._Element) -> None:
        res = self.res
        if not res.formula and not res.preamble:
            return
        preamble = _sub(parent, "preamble")
        if res.formula:
            _sub(_sub(preamble, "formula", name="enactingFormula"), "p", res.formula)
        number = heading = 0
        for block in res.preamble:
            if isinstance(block, CrossHeading):
                heading += 1
                self.cross_heading(preamble, block, f"preamble__crossHeading_{heading}")
                continue
            number += 1
            eid = f"pp_{number}"
            container = _sub(preamble, "container", name=_opening(block), eId=eid, GUID=block.id)
            self.item(container, block, eid, 1)

    # --- the whole document ------------------------------------------------------
    def document(self) -> etree._Element:
        res = self.res
        root = etree.Element(akn("akomaNtoso"), nsmap=_DEFAULT_NS)
        statement = _sub(root, "statement", name="resolution")
        meta = _sub(statement, "meta")
        work = _work_uri(res)
        _identification(meta, res, work, "!main")
        _preface(statement, res)
        self.preamble(statement)
        self.body(_sub(statement, "mainBody"), res.operative, "", len(res.operatives()) > 1)
        if res.closing:
            conclusions = _sub(statement, "conclusions")
            for line in res.closing:
                date = iso_date(line, whole=True)
                p = _sub(conclusions, "p")
                if date:
                    _sub(p, "docDate", line, date=date)
                else:
                    p.text = xml_safe(line)
        if res.annexes:
            attachments = _sub(statement, "attachments")
            for index, annex in enumerate(res.annexes, 1):
                self.annex(attachments, annex, index, work)
        self.meta_tail(meta)
        return root

    def annex(self, parent: etree._Element, annex: Annex, index: int, work: str) -> None:
        prefix = f"att_{index}__"
        doc = _sub(_sub(parent, "attachment", eId=f"att_{index}"), "doc", name="annex")
        meta = _sub(doc, "meta")
        _identification(meta, self.res, work, f"!annex_{index}")
        data = etree.SubElement(_sub(meta, "proprietary", source="#drafter"), ext("annex"),
                                nsmap={"drafter": DRAFTER_NS})
        data.set("numbered", "true" if annex.numbered else "false")
        if annex.heading:
            preface = _sub(doc, "preface", eId=f"{prefix}preface")
            for line in annex.heading:
                _sub(preface, "p", line)
        self.body(_sub(doc, "mainBody"), annex.blocks, prefix, annex.numbered)

    def meta_tail(self, meta: etree._Element) -> None:
        """References, unreferenced footnotes and Drafter's own data, written last."""
        res = self.res
        refs = _sub(meta, "references", source="#drafter")
        _sub(refs, "TLCOrganization", eId="un", href="/ontology/organization/un", showAs="United Nations")
        _sub(refs, "TLCOrganization", eId="drafter", href="/ontology/organization/drafter", showAs="Drafter")
        notes: etree._Element | None = None
        for marker, note in enumerate(res.footnotes, 1):
            if note.id not in self.uses:
                notes = _sub(meta, "notes", source="#drafter") if notes is None else notes
                self.orphan(notes, marker, note)
        proprietary = _sub(meta, "proprietary", source="#drafter")
        data = etree.SubElement(proprietary, ext("resolution"), version=EXTENSION_VERSION,
                                nsmap={"drafter": DRAFTER_NS})
        etree.SubElement(data, ext("language")).text = xml_safe(res.language)
        for warning in res.warnings:
            etree.SubElement(data, ext("warning")).text = xml_safe(warning)
        for para_id, style in self.styles.items():
            etree.SubElement(data, ext("listStyle"), ref=xml_safe(para_id)).text = xml_safe(style)

    def orphan(self, parent: etree._Element, marker: int, note: Footnote) -> None:
        el = _sub(parent, "note", marker=str(marker), placement="bottom", eId=f"fn_{marker}", GUID=note.id)
        self.uses[note.id] = 1
        self.inlines(_sub(el, "p"), note.content)


def _label_id(label: str, index: int) -> str:
    core = label.strip("().")
    return core if core.isalnum() and core.isascii() else str(index)


def _opening(para: Paragraph) -> str:
    """The name of a PP container: its italic opening phrase ("recalling"), else its first word."""
    content = normalize_runs(para.content)
    first = content[0] if content else None
    if isinstance(first, Text) and first.italic:
        phrase = first.text
    else:
        words = para.text.split()
        phrase = words[0] if words else ""
    phrase = " ".join(phrase.split()).strip(" ,;:.").lower()[:60]
    return phrase or "paragraph"


def _work_uri(res: Resolution) -> str:
    organ = {"general assembly": "unga", "security council": "unsc"}.get(
        res.front.organ.strip().lower(), _slug(res.front.organ) or "un")
    number = _slug(res.front.symbol) or _slug(res.front.number) or "unnumbered"
    return f"/akn/un/statement/resolution/{organ}/{_work_date(res)[0]}/{number}"


def _work_date(res: Resolution) -> tuple[str, str]:
    """The date for FRBR: adoption, else the closing lines, else distribution; (date, which one)."""
    candidates = [(res.front.adoption, "adoption"), *[(line, "adoption") for line in res.closing],
                  (res.front.date, "distribution")]
    for text, name in candidates:
        date = iso_date(text)
        if date:
            return date, name
    return "0001-01-01", "unknown"


def _identification(meta: etree._Element, res: Resolution, work: str, component: str) -> None:
    date, date_name = _work_date(res)
    lang = LANGUAGES.get(res.language, res.language if re.fullmatch(r"[a-z]{2,3}", res.language) else "und")
    expression = f"{work}/{lang}@"
    ident = _sub(meta, "identification", source="#drafter")
    levels = [("FRBRWork", work), ("FRBRExpression", expression),
              ("FRBRManifestation", f"{expression}/{component}.xml")]
    for level, uri in levels:
        el = _sub(ident, level)
        this = f"{uri}/{component}" if level != "FRBRManifestation" else uri
        _sub(el, "FRBRthis", value=this)
        _sub(el, "FRBRuri", value=uri if level != "FRBRManifestation" else f"{expression}.akn")
        _sub(el, "FRBRdate", date=date, name=date_name)
        _sub(el, "FRBRauthor", href="#drafter" if level == "FRBRManifestation" else "#un")
        if level == "FRBRWork":
            _sub(el, "FRBRcountry", value="un")
            if res.front.symbol:
                _sub(el, "FRBRnumber", value=res.front.symbol)
            _sub(el, "FRBRname", value=res.front.doc_type or "resolution")
        elif level == "FRBRExpression":
            _sub(el, "FRBRlanguage", language=lang)


def _preface(statement: etree._Element, res: Resolution) -> None:
    """Front matter, one field to a `p`; the importer reads it back by element and name."""
    front = res.front
    preface = _sub(statement, "preface")

    def field(tag: str, value: str, **attrs: str) -> None:
        if value:
            _sub(_sub(preface, "p"), tag, value, **attrs)

    field("docAuthority", front.organ)
    field("inline", front.distribution, name="distribution")
    date = iso_date(front.date, whole=True)
    if date:
        field("docDate", front.date, date=date)
    else:
        field("inline", front.date, name="date")
    field("inline", front.original, name="original")
    field("docNumber", front.symbol)
    field("session", front.session)
    for item in front.agenda_items:
        p = _sub(preface, "p")
        _sub(p, "inline", item.number, name="agendaItemNumber")
        _sub(p, "inline", item.title, name="agendaItemTitle")
    field("inline", front.adoption, name="adoption")
    field("inline", front.report, name="report")
    field("docProponent", front.sponsors)
    _sub(_sub(preface, "p"), "docType", front.doc_type)  # always: "" differs from the default
    field("inline", front.number, name="number")
    field("docTitle", front.title)
    for line in front.extra:
        _sub(_sub(preface, "p"), "inline", line, name="extra")


def _indent(el: etree._Element, level: int = 0) -> None:
    """Pretty-print structural elements only, so mixed content keeps its exact text."""
    if etree.QName(el).localname not in STRUCTURAL or not len(el) or (el.text and el.text.strip()):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level


def to_akn(res: Resolution) -> bytes:
    """The resolution as an AKN 3.0 `statement`, UTF-8 encoded, with an XML declaration."""
    root = _Writer(res).document()
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
