"""Small readings of WordprocessingML: the elements the Word reader walks, tracked-change marks,
symbols, typed labels and bookmarked note references.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from lxml import etree

from drafter.importers.docx_content import ALTERNATE, chosen
from drafter.importers.docx_props import PPR, RPR, w
from drafter.model import Content, Inline, Text, trim_runs

P, R, T = w("p"), w("r"), w("t")
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
FOOTNOTE_REF, ENDNOTE_REF = w("footnoteReference"), w("endnoteReference")
# Elements whose children are read as if they stood in their parent.
INLINE_WRAPPERS = {w(t) for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple",
                                   "sdt", "sdtContent", "dir", "bdo")}
BLOCK_WRAPPERS = {w(t) for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo")}
_REVISIONS = {INS, DEL, MOVE_FROM, MOVE_TO}
_PROPERTY_CHANGES = {w(t) for t in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange",
                                     "tcPrChange", "tblGridChange", "tblPrExChange", "numberingChange",
                                     "cellIns", "cellDel", "cellMerge")}
_SYMBOL_FONT = {0xB7: "•", 0xD7: "×", 0xB0: "°", 0xB1: "±", 0xA3: "≤", 0xB3: "≥", 0xAE: "→", 0xA7: "▪"}
# Typed labels: "1." "(a)" "(iv)" "a)" before a tab or space; "a." and "iv." only before a tab.
_TYPED_LABEL = re.compile(r"(\d{1,3}\.|\(\d{1,3}\)|\([a-z]{1,3}\)|\([ivxlc]{1,7}\)|[a-z]{1,2}\)"
                          r"|[ivxlc]{1,7}\))[\t ]+|([a-z]\.|[ivxlc]{1,7}\.)\t[\t ]*")


def paragraphs(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs in reading order, those in tables, content controls and alternate content included."""
    for child in parent:
        if child.tag == P:
            yield child
        elif child.tag in BLOCK_WRAPPERS and not row_deleted(child):
            yield from paragraphs(child)
        elif child.tag == ALTERNATE and (branch := chosen(child)) is not None:
            yield from paragraphs(branch)


def row_deleted(el: etree._Element) -> bool:
    return el.tag == w("tr") and el.find(f"{w('trPr')}/{DEL}") is not None


def mark_revision(rpr: etree._Element | None) -> etree._Element | None:
    """The tracked change of a paragraph's mark, from the mark's properties (`w:pPr/w:rPr`)."""
    if rpr is None:
        return None
    return next((el for el in rpr if el.tag in _REVISIONS), None)


def properties(el: etree._Element) -> etree._Element | None:
    """The properties (`w:pPr` of a paragraph, `w:rPr` of a run), which Word's schema puts first."""
    for child in el:
        if child.tag == PPR or child.tag == RPR:
            return child
        break
    return None


def by_tag(el: etree._Element | None) -> dict[str, etree._Element]:
    """The children of a properties element by tag: one pass instead of a search for each property."""
    return {child.tag: child for child in el} if el is not None else {}


def count_revisions(root: etree._Element | None) -> int:
    """Tracked changes as a reader counts them: a whole inserted paragraph is one."""
    count = 0
    author = w("author")
    for el in root.iter(*_REVISIONS, *_PROPERTY_CHANGES) if root is not None else ():
        before = el.getprevious()
        if before is not None and before.tag == el.tag and before.get(author) == el.get(author):
            continue  # the same change, split over runs
        rpr = el.getparent()
        ppr = rpr.getparent() if rpr is not None else None
        p = ppr.getparent() if ppr is not None and ppr.tag == PPR else None
        if p is not None and rpr is not None and rpr.tag == RPR and p.find(el.tag) is not None:
            continue
        count += 1
    return count


def summary(changes: int, endnotes: int, notes: Mapping[str, Sequence[Inline]]) -> list[str]:
    """The warnings about the whole file: tracked changes accepted, notes without text, endnotes."""
    out: list[str] = []
    if changes:
        out.append(f"the Word file had {changes} tracked change{'s' * (changes != 1)}; "
                   "they were read as if all were accepted")
    missing = [marker for marker, content in notes.items() if not content]
    if missing:
        out.append(f"footnote{'s' * (len(missing) > 1)} {', '.join(missing)}: "
                   "referenced in the text, but the file has no text for it")
    if endnotes:
        plural = endnotes != 1
        out.append(f"{endnotes} endnote{'s were' if plural else ' was'} read as footnote{'s' * plural}, "
                   "numbered with the footnotes in order of reference")
    return out


def sym(el: etree._Element) -> str:
    """A w:sym character; Symbol-font codes in the private area mapped where they are common."""
    raw = el.get(w("char")) or ""
    if not re.fullmatch(r"[0-9A-Fa-f]{1,6}", raw):
        return ""
    code = min(int(raw, 16), 0x10FFFF)
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
        if "symbol" in (el.get(w("font")) or "").lower() and code in _SYMBOL_FONT:
            return _SYMBOL_FONT[code]
    char = chr(code)
    return char if char.isprintable() else ""


def tidy(content: Sequence[Inline]) -> Content:
    """`trim_runs` of the runs of one paragraph, in one pass: adjacent runs of one style merged, empty ones
    dropped, white space removed at both ends (brackets and note references stand as they are)."""
    out: list[Inline] = []
    for item in content:
        if type(item) is Text:
            if not item.text:
                continue
            last = out[-1] if out else None
            if type(last) is Text and last.italic == item.italic:
                out[-1] = Text(last.text + item.text, item.italic)
                continue
        out.append(item)
    if out and type(first := out[0]) is Text:
        out[0] = Text(first.text.lstrip(), first.italic)
    if out and type(final := out[-1]) is Text:
        out[-1] = Text(final.text.rstrip(), final.italic)
    return tuple(item for item in out if type(item) is not Text or item.text)


def spaced(content: list[Inline], equations: set[int]) -> list[Inline]:
    """Equations (the runs whose ids are in `equations`) set apart from the words that touch them, as Word
    sets them."""
    out: list[Inline] = []
    for index, item in enumerate(content):
        if id(item) in equations and isinstance(item, Text):
            before = content[index - 1] if index else None
            after = content[index + 1] if index + 1 < len(content) else None
            lead = " " if isinstance(before, Text) and before.text[-1:].isalnum() else ""
            tail = " " if isinstance(after, Text) and after.text[:1].isalnum() else ""
            item = Text(f"{lead}{item.text}{tail}")
        out.append(item)
    return out


def untab(content: Sequence[Inline]) -> Content:
    if not any(isinstance(it, Text) and "\t" in it.text for it in content):
        return tuple(content)
    return tuple(Text(it.text.replace("\t", " "), it.italic) if isinstance(it, Text) else it for it in content)


def bookmarked_notes(root: etree._Element | None) -> dict[str, tuple[str, str]]:
    """Bookmark name → (kind, id) of the first note referenced inside that bookmark."""
    names: dict[str, str] = {}  # open bookmark id → name
    out: dict[str, tuple[str, str]] = {}
    for node in root.iter(w("bookmarkStart"), w("bookmarkEnd"), FOOTNOTE_REF, ENDNOTE_REF) \
            if root is not None else ():
        if node.tag == w("bookmarkStart"):
            names[node.get(w("id"), "")] = node.get(w("name"), "")
        elif node.tag == w("bookmarkEnd"):
            names.pop(node.get(w("id"), ""), None)
        else:
            for name in names.values():
                out.setdefault(name, ("end" if node.tag == ENDNOTE_REF else "foot", node.get(w("id"), "")))
    return out


def typed_label(content: Content) -> tuple[str | None, Content]:
    """Split a label typed at the start ("1.<tab>", "(a) ") from the content."""
    first = content[0] if content else None
    match = _TYPED_LABEL.match(first.text) if isinstance(first, Text) else None
    if match is None or not isinstance(first, Text):
        return None, content
    rest = Text(first.text[match.end():], first.italic)
    return match.group(1) or match.group(2), trim_runs([rest, *content[1:]])


def quote(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def has_text(el: etree._Element) -> bool:
    return any((t.text or "").strip() for t in el.iter(T, "{*}t"))
