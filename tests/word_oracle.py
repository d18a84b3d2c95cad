"""An independent reading of a .docx: what a reader of the document sees, from zipfile and lxml alone.

This is the yardstick the Word reader is measured against, so it shares no code with `drafter`. It reads:

- the words: `w:t` in the body, table cells, content controls and text boxes (each box once: of an
  `mc:AlternateContent` only the `mc:Choice` is read, its VML `mc:Fallback` copy is not), `m:t` of
  equations (each `m:t` a separate piece, so "x", "=", "2" stay three tokens whatever layout a reader
  gives the equation), the notes (footnotes and endnotes referenced from the text, in order of first
  reference) and the parts of `w:altChunk` (an embedded .docx read by this same oracle; HTML and plain
  text by their block elements and lines). Field results count, field codes (`w:instrText`) do not.
- what a reader must leave out, listed with the place: `w:delText` and text inside `w:del`/`w:moveFrom`
  (`deleted`), runs that `w:vanish` hides, directly or through a character, paragraph or default style
  (`hidden`), custom footnote marks (`marks`), notes no text refers to (`unreferenced`) and altChunk
  parts in formats it cannot read (`unread`). Headers, footers and comments are not part of the text.
- Word's paragraph count: the non-empty paragraphs of the main story after joining every paragraph whose
  mark is deleted (`w:del`/`w:moveFrom` in its `w:pPr/w:rPr`) or hidden (`w:vanish` there) to the next one,
  as Word shows them. Each non-empty paragraph inside a table cell counts (nested tables too; a cell a
  merge covers is empty): a cell paragraph is a paragraph a delegate reads, edits and compares. A text
  box's paragraphs count once, as paragraphs of their own after the paragraph they are anchored in: a box
  is a block of text apart from its anchor line, and a reader that glues it into the anchor changes what
  a comparison calls a paragraph. The paragraphs of an altChunk count where the chunk stands. Notes are
  counted apart (`notes`).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R_NS.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/math": M.encode(),
}
_WORD = re.compile(r"\w+")
_SPACES = {"tab", "ptab", "br", "cr"}
_PASS_THROUGH = {"ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent"}
_HTML_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "div", "pre",
                "blockquote", "caption", "address"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def words(text: str) -> list[str]:
    """The word tokens of a text: runs of letters, digits and underscores; punctuation is not a word."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class Para:
    """A paragraph as a reader sees it: its pieces (source, text) and the start of the paragraph that holds
    or anchors it. Sources: "body", "table cell", "content control", "text box", "equation", "footnote",
    "endnote", "embedded document"."""

    pieces: tuple[tuple[str, str], ...]
    source: str
    anchor: str

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.pieces)


@dataclass(frozen=True)
class Left:
    """Text a reader must leave out, with the start of the paragraph it stands in."""

    text: str
    anchor: str


@dataclass
class Reading:
    paragraphs: list[Para] = field(default_factory=list)  # the main story, non-empty, in reading order
    notes: list[Para] = field(default_factory=list)  # footnote and endnote paragraphs, by first reference
    hidden: list[Left] = field(default_factory=list)
    deleted: list[Left] = field(default_factory=list)
    marks: list[Left] = field(default_factory=list)
    unreferenced: list[str] = field(default_factory=list)  # "footnote 3"
    unread: list[str] = field(default_factory=list)  # altChunk parts of other formats
    numbered: int = 0  # paragraphs Word numbers automatically
    label_words: set[str] = field(default_factory=set)  # the words of numbering level texts ("Article")

    @property
    def paragraph_count(self) -> int:
        return len(self.paragraphs)

    def words(self) -> Counter[str]:
        return Counter(word for para in [*self.paragraphs, *self.notes] for word in words(para.text))

    def words_by_source(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        for para in [*self.paragraphs, *self.notes]:
            for source, text in para.pieces:
                out.setdefault(source, Counter()).update(words(text))
        return out


def read(path: str | Path) -> Reading:
    with open(path, "rb") as handle:
        return read_bytes(handle.read())


def read_bytes(data: bytes) -> Reading:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _Document(archive).read()


def _snippet(text: str) -> str:
    return " ".join(text.split()[:8])


class _Styles:
    """What the oracle needs of styles.xml: hidden-ness and numbering, through `w:basedOn`."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.default_hidden = False
        if root is None:
            return
        for style in root.iter(w("style")):
            self.styles[style.get(w("styleId"), "")] = style
        default = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_hidden = _on(default.find(w("vanish"))) if default is not None else False

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        out: list[etree._Element] = []
        while style_id and style_id in self.styles and len(out) < 20:
            style = self.styles[style_id]
            out.append(style)
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return out

    def hidden(self, rpr: etree._Element | None, pstyle: str | None) -> bool:
        direct = rpr.find(w("vanish")) if rpr is not None else None
        if direct is not None:
            return _on(direct)
        rstyle = rpr.find(w("rStyle")) if rpr is not None else None
        chains = [self._chain(rstyle.get(w("val")) if rstyle is not None else None), self._chain(pstyle)]
        for chain in chains:
            for style in chain:
                found = style.find(f"{w('rPr')}/{w('vanish')}")
                if found is not None:
                    return _on(found)
        return self.default_hidden

    def numbered(self, pstyle: str | None) -> bool:
        for style in self._chain(pstyle):
            num = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
            if num is not None:
                return num.get(w("val")) != "0"
        return False


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(w("val"), "true").lower() not in ("0", "false", "off")


class _Document:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())
        self.main = self._main_part()
        self.rels = self._rels(self.main)
        self.styles = _Styles(self._xml(self._target("styles")))
        self.out = Reading()
        self.boxes: list[Para] = []  # text box paragraphs waiting for their anchor paragraph to end
        self.note_refs: list[tuple[str, str, str]] = []  # (kind, id, anchor) in order of reference
        self.custom_mark = False  # the next w:t is a custom footnote mark
        numbering = self._xml(self._target("numbering"))
        for level in numbering.iter(w("lvlText")) if numbering is not None else ():
            self.out.label_words.update(words(re.sub(r"%\d", " ", level.get(w("val"), ""))))

    # --- the package ---------------------------------------------------------------------------
    def _bytes(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        data = self.archive.read(name)
        for strict, transitional in _STRICT.items():
            data = data.replace(strict, transitional)
        return data

    def _xml(self, name: str | None) -> etree._Element | None:
        data = self._bytes(name) if name else None
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True)) if data else None

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type's last segment, part name) of the internal relationships of `part`."""
        folder, base = posixpath.split(part)
        root = self._xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        for rel in root.iter(f"{{{PKG_RELS}}}Relationship") if root is not None else ():
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], name)
        return out

    def _main_part(self) -> str:
        root = self._xml("_rels/.rels")
        for rel in root.iter(f"{{{PKG_RELS}}}Relationship") if root is not None else ():
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
        return "word/document.xml"

    def _target(self, kind: str) -> str | None:
        return next((name for rel_kind, name in self.rels.values() if rel_kind == kind), None)

    def _content_type(self, name: str) -> str:
        root = self._xml("[Content_Types].xml")
        if root is None:
            return ""
        for el in root:
            if el.get("PartName", "").lstrip("/") == name:
                return el.get("ContentType", "")
        ext = name.rsplit(".", 1)[-1].lower()
        return next((el.get("ContentType", "") for el in root if el.get("Extension", "").lower() == ext), "")

    # --- the story -----------------------------------------------------------------------------
    def read(self) -> Reading:
        doc = self._xml(self.main)
        body = doc.find(w("body")) if doc is not None else None
        if body is not None:
            self.out.paragraphs.extend(self._blocks(body, "body"))
        self._read_notes()
        return self.out

    def _blocks(self, parent: etree._Element, source: str) -> list[Para]:
        """The non-empty paragraphs under a block container, paragraphs with deleted or hidden marks joined."""
        out: list[Para] = []
        pending: list[tuple[str, str]] = []
        for child in parent:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if child.tag == w("p"):
                pieces, joined = self._paragraph(child, source, pending)
                if joined:
                    pending = pieces
                    continue
                pending = []
                self._emit(out, pieces, source)
            elif child.tag == w("tbl"):
                for cell in child.iter(w("tc")):
                    if cell.getparent() is not None and _owning_table(cell) is child:
                        out.extend(self._blocks(cell, "table cell"))
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    out.extend(self._blocks(content, "content control"))
            elif tag in ("customXml", "ins", "moveTo"):
                out.extend(self._blocks(child, source))
            elif child.tag == w("altChunk"):
                out.extend(self._alt_chunk(child))
        if pending:
            self._emit(out, pending, source)
        return out

    def _emit(self, out: list[Para], pieces: list[tuple[str, str]], source: str) -> None:
        text = "".join(text for _, text in pieces)
        anchor = _snippet(text)
        if text.strip():
            out.append(Para(tuple(pieces), source, anchor))
        for index, (kind, note_id, where) in enumerate(self.note_refs):
            if not where:
                self.note_refs[index] = (kind, note_id, anchor or "(an empty paragraph)")
        out.extend(Para(box.pieces, box.source, box.anchor or anchor) for box in self.boxes)
        self.boxes = []

    def _paragraph(self, p: etree._Element, source: str,
                   pending: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
        """The pieces of a paragraph (after `pending`), and whether its mark is deleted or hidden."""
        ppr = p.find(w("pPr"))
        style = ppr.find(w("pStyle")) if ppr is not None else None
        pstyle = style.get(w("val")) if style is not None else None
        num = ppr.find(f"{w('numPr')}/{w('numId')}") if ppr is not None else None
        if (num is not None and num.get(w("val")) != "0") or (num is None and self.styles.numbered(pstyle)):
            self.out.numbered += 1
        pieces = list(pending)
        self._inline(p, source, pstyle, pieces, deleted=False)
        mark = ppr.find(w("rPr")) if ppr is not None else None
        joined = mark is not None and (
            mark.find(w("del")) is not None or mark.find(w("moveFrom")) is not None or _on(mark.find(w("vanish"))))
        return pieces, joined

    def _inline(self, parent: etree._Element, source: str, pstyle: str | None, out: list[tuple[str, str]],
                deleted: bool) -> None:
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child)
            if child.tag == w("r"):
                self._run(child, source, pstyle, out, deleted)
            elif child.tag in (w("del"), w("moveFrom")):
                self._inline(child, source, pstyle, out, deleted=True)
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._inline(content, "content control", pstyle, out, deleted)
            elif name.namespace == W and name.localname in _PASS_THROUGH:
                self._inline(child, source, pstyle, out, deleted)
            elif name.namespace == M and name.localname in ("oMath", "oMathPara"):
                self._math(child, out, deleted)
            elif name.namespace == MC and name.localname == "AlternateContent":
                self._alternate(child, source, pstyle, out, deleted)

    def _math(self, math: etree._Element, out: list[tuple[str, str]], deleted: bool) -> None:
        for text in math.iter(f"{{{M}}}t"):
            inside_deleted = deleted or any(a.tag in (w("del"), w("moveFrom")) for a in text.iterancestors())
            if inside_deleted:
                self.out.deleted.append(Left(text.text or "", ""))
            else:
                out.append(("equation", f" {text.text or ''} "))

    def _alternate(self, el: etree._Element, source: str, pstyle: str | None, out: list[tuple[str, str]],
                   deleted: bool) -> None:
        """Of the choices, the first; its fallback is a copy for older readers and is not read."""
        choice = el.find(f"{{{MC}}}Choice")
        chosen = choice if choice is not None else el.find(f"{{{MC}}}Fallback")
        if chosen is not None:
            self._inline(chosen, source, pstyle, out, deleted)

    def _boxes(self, holder: etree._Element, deleted: bool) -> None:
        """The text boxes inside a drawing, picture or chosen alternative: their paragraphs wait for the
        anchor paragraph to end."""
        for box in holder.iter(w("txbxContent")):
            between = _ancestors_below(box, holder)
            if any(etree.QName(a).localname == "Fallback" or a.tag == w("txbxContent") for a in between):
                continue  # a fallback copy, or a box in a box (read with its outer box)
            saved, self.boxes = self.boxes, []
            paragraphs = self._blocks(box, "text box")
            self.boxes = saved
            if deleted:
                self.out.deleted.extend(Left(p.text, p.anchor) for p in paragraphs)
            else:
                self.boxes.extend(Para(p.pieces, "text box" if p.source == "body" else p.source, "")
                                  for p in paragraphs)

    def _run(self, r: etree._Element, source: str, pstyle: str | None, out: list[tuple[str, str]],
             deleted: bool) -> None:
        hidden = self.styles.hidden(r.find(w("rPr")), pstyle)
        for child in r:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if child.tag in (w("t"), w("delText")):
                text = child.text or ""
                if deleted or child.tag == w("delText"):
                    self.out.deleted.append(Left(text, _snippet("".join(t for _, t in out))))
                elif hidden:
                    self.out.hidden.append(Left(text, _snippet("".join(t for _, t in out))))
                elif self.custom_mark and text.strip():
                    self.out.marks.append(Left(text, _snippet("".join(t for _, t in out))))
                    self.custom_mark = False
                else:
                    out.append((source, text))
            elif child.tag in (w("footnoteReference"), w("endnoteReference")) and not deleted and not hidden:
                self.note_refs.append((local.replace("Reference", ""), child.get(w("id"), ""), ""))
                follows = child.get(w("customMarkFollows"), "0").lower()
                self.custom_mark = follows in ("1", "true", "on")
            elif local in _SPACES and child.tag == w(local):
                out.append((source, " "))
            elif child.tag == w("noBreakHyphen"):
                out.append((source, "-"))
            elif child.tag == w("sym") and not deleted and not hidden:
                out.append((source, _symbol(child.get(w("char"), ""))))
            elif child.tag in (w("drawing"), w("pict"), w("object")):
                self._boxes(child, deleted or hidden)
            elif etree.QName(child).namespace == MC and local == "AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                chosen = choice if choice is not None else child.find(f"{{{MC}}}Fallback")
                if chosen is not None:
                    self._boxes(chosen, deleted or hidden)

    # --- notes and embedded parts --------------------------------------------------------------
    def _read_notes(self) -> None:
        parts = {kind: self._xml(self._target(kind + "s")) for kind in ("footnote", "endnote")}
        bodies: dict[tuple[str, str], etree._Element] = {}
        for kind, root in parts.items():
            for note in root.iterchildren(w(kind)) if root is not None else ():
                if note.get(w("type"), "normal") == "normal":
                    bodies[(kind, note.get(w("id"), ""))] = note
        seen: set[tuple[str, str]] = set()
        index = 0
        while index < len(self.note_refs):  # a note may refer to another: the list grows while read
            kind, note_id, anchor = self.note_refs[index]
            index += 1
            if (kind, note_id) in seen or (kind, note_id) not in bodies:
                continue
            seen.add((kind, note_id))
            for para in self._blocks(bodies[(kind, note_id)], kind):
                self.out.notes.append(Para(tuple((kind if s in ("body", kind) else s, t) for s, t in para.pieces),
                                           kind, anchor))
        self.out.unreferenced = [f"{kind} {note_id}" for kind, note_id in bodies if (kind, note_id) not in seen]

    def _alt_chunk(self, chunk: etree._Element) -> list[Para]:
        rel = self.rels.get(chunk.get(f"{{{R_NS}}}id", ""))
        name = rel[1] if rel else ""
        data = self.archive.read(name) if name in self.names else None
        kind = self._content_type(name).lower()
        if data is None:
            self.out.unread.append(f"altChunk {name or '(no part)'}")
            return []
        if "wordprocessingml.document" in kind or data.startswith(b"PK"):
            inner = read_bytes(data)
            self.out.notes.extend(Para(tuple(("embedded document", t) for _, t in p.pieces), p.source, p.anchor)
                                  for p in inner.notes)
            self.out.hidden.extend(inner.hidden)
            self.out.deleted.extend(inner.deleted)
            return [Para(tuple(("embedded document", t) for _, t in p.pieces), "embedded document", p.anchor)
                    for p in inner.paragraphs]
        if "html" in kind:
            return [Para((("embedded document", text),), "embedded document", _snippet(text))
                    for text in html_paragraphs(data)]
        if kind.startswith("text/plain"):
            lines = data.decode("utf-8-sig", "replace").splitlines()
            return [Para((("embedded document", line),), "embedded document", _snippet(line))
                    for line in lines if line.strip()]
        self.out.unread.append(f"altChunk {name} ({kind or 'unknown type'})")
        return []


def _symbol(code: str) -> str:
    """A w:sym character; one of a symbol font's private codes is not a word character either way."""
    value = int(code, 16) if re.fullmatch(r"[0-9A-Fa-f]{1,6}", code) else 0
    return chr(value) if value and not 0xF000 <= value <= 0xF0FF and value <= 0x10FFFF else ""


def _ancestors_below(el: etree._Element, holder: etree._Element) -> list[etree._Element]:
    out = []
    for ancestor in el.iterancestors():
        if ancestor is holder:
            break
        out.append(ancestor)
    return out


def _owning_table(cell: etree._Element) -> etree._Element | None:
    return next((a for a in cell.iterancestors(w("tbl"))), None)


def html_paragraphs(data: bytes) -> list[str]:
    """The text of each block element of an HTML document that holds text of its own, in order."""
    root = lxml_html.document_fromstring(data)
    for junk in root.xpath("//script|//style|//head"):
        junk.getparent().remove(junk)
    out: list[str] = []

    def visit(el: etree._Element) -> list[str]:
        """Collect `el`'s own text (that of nested blocks goes to their own paragraphs)."""
        own: list[str] = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str) and child.tag.lower() in _HTML_BLOCKS:
                flush(own)
                own = []
                flush(visit(child))
            elif isinstance(child.tag, str) and child.tag.lower() == "br":
                own.append(" ")
            elif isinstance(child.tag, str):
                own.extend(visit(child))
            own.append(child.tail or "")
        return own

    def flush(pieces: list[str]) -> None:
        text = " ".join("".join(pieces).split())
        if text:
            out.append(text)

    body = root.find("body")
    flush(visit(body if body is not None else root))
    return out
