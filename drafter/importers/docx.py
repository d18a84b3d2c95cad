"""Reading Word .docx resolutions into `RawDoc`.

The package is opened by hand: a .docx comes from outside, so the zip is
bounded (entries, declared and counted sizes, compression ratio) and every XML
part goes through `drafter.safexml`. python-docx is not used for reading: it
would parse hostile parts unguarded, and its `.text` drops inserted text.

The text is read as it stands with all tracked changes accepted: `w:ins` and
`w:moveTo` kept, `w:del` and `w:moveFrom` dropped, a deleted paragraph mark
joins its paragraph to the next. Automatic numbering is resolved to the label
Word prints ("1.", "(a)", "(i)"); footnote references get the printed marker,
counted in order of first reference. Headers and footers are not read.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from typing import BinaryIO, NoReturn

from lxml import etree

from drafter import safexml
from drafter.errors import ImportFailed
from drafter.importers.blocks import RawBlock, RawDoc
from drafter.importers.docx_props import (
    ILVL,
    NUMID,
    NUMPR,
    PPR,
    RPR,
    Numbering,
    Styles,
    W,
    int_attr,
    val,
    w,
)
from drafter.model import Content, Inline, NoteRef, Text, plain_text, trim_runs

_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

MAX_ENTRIES = 5000  # a resolution has about 20; images add a few each
MAX_TOTAL = 100 * 1024 * 1024  # uncompressed bytes read from all parts together
MAX_RATIO = 200  # deflate of real XML stays far below; zeros reach 1000:1
RATIO_FLOOR = 2 * 1024 * 1024  # smaller parts are never refused for their ratio
_CHUNK = 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


P, R, T, BODY = w("p"), w("r"), w("t"), w("body")
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
FOOTNOTE_REF = w("footnoteReference")
FLD_SIMPLE, FLD_CHAR, INSTR_TEXT = w("fldSimple"), w("fldChar"), w("instrText")
_NOTEREF = re.compile(r"\s*NOTEREF\s+(\S+)")
# Elements whose children are read as if they stood in their parent.
_INLINE_WRAPPERS = {w(t) for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple",
                                    "sdt", "sdtContent", "dir", "bdo")}
_BLOCK_WRAPPERS = {w(t) for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")}
_REVISIONS = {INS, DEL, MOVE_FROM, MOVE_TO}
_PROPERTY_CHANGES = {w(t) for t in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange",
                                     "tcPrChange", "tblGridChange", "tblPrExChange", "numberingChange",
                                     "cellIns", "cellDel", "cellMerge")}
_SPACES = {w(t): " " for t in ("br", "cr", "ptab")} | {w("tab"): "\t", w("noBreakHyphen"): "-"}
_SYMBOL_FONT = {0xB7: "•", 0xD7: "×", 0xB0: "°", 0xB1: "±", 0xA3: "≤", 0xB3: "≥", 0xAE: "→", 0xA7: "▪"}
# Typed labels: "1." "(a)" "(iv)" "a)" before a tab or space; "a." and "iv." only before a tab.
_TYPED_LABEL = re.compile(r"(\d{1,3}\.|\(\d{1,3}\)|\([a-z]{1,3}\)|\([ivxlc]{1,7}\)|[a-z]{1,2}\)"
                          r"|[ivxlc]{1,7}\))[\t ]+|([a-z]\.|[ivxlc]{1,7}\.)\t[\t ]*")


def read_docx(path: str) -> RawDoc:
    """The paragraphs, labels and footnotes of a Word document, tracked changes accepted."""
    _sniff(path)
    try:
        archive = zipfile.ZipFile(path)
    except (*_ZIP_ERRORS, ValueError) as exc:
        raise ImportFailed(path, "is not a Word document (.docx): it is not a valid zip package") from exc
    with archive:
        try:
            return _Reader(_Package(path, archive)).read()
        except _ZIP_ERRORS as exc:
            raise ImportFailed(path, f"is damaged and cannot be read ({exc})") from exc


def _sniff(path: str) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(_OLE):
                encrypted = _contains(handle, _ENCRYPTED)
    except OSError as exc:
        raise ImportFailed(path, f"cannot be opened ({exc.strerror or exc})") from exc
    if not head:
        raise ImportFailed(path, "is empty")
    if head.startswith(_OLE):
        if encrypted:
            raise ImportFailed(path, "is password-protected; save it without a password and open it again")
        raise ImportFailed(path, "is an old Word 97-2003 document (.doc); save it as Word Document (.docx)")
    if head.startswith(b"%PDF"):
        raise ImportFailed(path, "is a PDF file, not a Word document; import it as a PDF")
    if head.startswith(b"{\\rtf"):
        raise ImportFailed(path, "is an RTF file; save it as Word Document (.docx) and open that")


def _contains(handle: BinaryIO, needle: bytes, limit: int = 32 * _CHUNK) -> bool:
    tail, seen = b"", 0
    while seen < limit:
        chunk = handle.read(_CHUNK)
        if not chunk:
            return False
        if needle in tail + chunk:
            return True
        tail, seen = chunk[-len(needle):], seen + len(chunk)
    return False


class _Package:
    """The parts of the zip, read within bounds."""

    def __init__(self, path: str, archive: zipfile.ZipFile) -> None:
        self.path, self.archive, self.read_total = path, archive, 0
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            self.fail(f"has {len(infos)} entries in its zip, far more than a Word document has")
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            self.fail("is damaged: its zip lists the same part twice")
        self.names = set(names)

    def fail(self, reason: str) -> NoReturn:
        raise ImportFailed(self.path, reason)

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        info = self.archive.getinfo(name)
        limit = min(safexml.MAX_BYTES, MAX_TOTAL - self.read_total)
        if info.file_size > limit:
            self.fail(f"would unpack {name} to {info.file_size // 1_048_576} MB, more than any resolution "
                      "needs (a zip bomb?)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            self.fail(f"has a part ({name}) compressed {info.file_size // max(info.compress_size, 1)} to 1, "
                      "which only zip bombs do")
        chunks, size = [], 0
        with self.archive.open(info) as handle:
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    self.fail(f"unpacks {name} to more than {limit // 1_048_576} MB (a zip bomb?)")
                chunks.append(chunk)
        self.read_total += size
        return b"".join(chunks)

    def xml(self, name: str | None) -> etree._Element | None:
        data = self.read(name) if name else None
        if data is None:
            return None
        if _STRICT_W in data:
            data = data.replace(_STRICT_W, W.encode())
        try:
            root = safexml.parse(data)
        except safexml.UnsafeXML as exc:
            raise ImportFailed(self.path, f"has a part ({name}) that cannot be read safely: {exc}") from exc
        if root.getroottree().docinfo.internalDTD is not None:  # any DOCTYPE, even one safexml missed
            self.fail(f"has a part ({name}) that declares a DOCTYPE, which Word documents never do")
        return root

    def rels(self, part: str) -> dict[str, str]:
        """Relationship type (its last path segment) → part name, for the part `part`."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        for rel in root.iter(_RELS + "Relationship") if root is not None else ():
            kind, target = rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            name = posixpath.normpath(target.lstrip("/") if target.startswith("/") else
                                      posixpath.join(folder, target))
            if not name.startswith("../"):
                out.setdefault(kind, name)
        return out

    def main_part(self) -> str:
        name = self.rels("").get("officeDocument", "word/document.xml")
        if name in self.names:
            return name
        if "word/document.xml" in self.names:
            return "word/document.xml"
        kinds = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint presentation",
                 "content.xml": "an OpenDocument file"}
        kind = next((k for n, k in kinds.items() if n in self.names), "")
        if kind:
            self.fail(f"is {kind}, not a Word document; save the text as Word Document (.docx)")
        self.fail("is a zip file but not a Word document (it has no word/document.xml)")


# --- the document ------------------------------------------------------------
def _paragraphs(parent: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs in reading order, those in tables and content controls included."""
    for child in parent:
        if child.tag == P:
            yield child
        elif child.tag in _BLOCK_WRAPPERS and not _row_deleted(child):
            yield from _paragraphs(child)


def _row_deleted(el: etree._Element) -> bool:
    return el.tag == w("tr") and el.find(f"{w('trPr')}/{DEL}") is not None


def _mark_revision(p: etree._Element) -> etree._Element | None:
    rpr = p.find(f"{PPR}/{RPR}")
    if rpr is None:
        return None
    return next((el for el in rpr if el.tag in _REVISIONS), None)


def _count_revisions(root: etree._Element | None) -> int:
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


def _sym(el: etree._Element) -> str:
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


def _untab(content: Sequence[Inline]) -> Content:
    return tuple(Text(it.text.replace("\t", " "), it.italic) if isinstance(it, Text) else it for it in content)


def _bookmarked_notes(root: etree._Element | None) -> dict[str, str]:
    """Bookmark name → the id of the first footnote referenced inside that bookmark."""
    names: dict[str, str] = {}  # open bookmark id → name
    out: dict[str, str] = {}
    for node in root.iter(w("bookmarkStart"), w("bookmarkEnd"), FOOTNOTE_REF) if root is not None else ():
        if node.tag == w("bookmarkStart"):
            names[node.get(w("id"), "")] = node.get(w("name"), "")
        elif node.tag == w("bookmarkEnd"):
            names.pop(node.get(w("id"), ""), None)
        else:
            for name in names.values():
                out.setdefault(name, node.get(w("id"), ""))
    return out


def _typed_label(content: Content) -> tuple[str | None, Content]:
    """Split a label typed at the start ("1.<tab>", "(a) ") from the content."""
    first = content[0] if content else None
    match = _TYPED_LABEL.match(first.text) if isinstance(first, Text) else None
    if match is None or not isinstance(first, Text):
        return None, content
    rest = Text(first.text[match.end():], first.italic)
    return match.group(1) or match.group(2), trim_runs([rest, *content[1:]])


class _Reader:
    def __init__(self, package: _Package) -> None:
        self.package = package
        main = package.main_part()
        self.doc = package.xml(main)
        if self.doc is None or self.doc.tag != w("document") or self.doc.find(BODY) is None:
            package.fail("is not a Word document: its main part has no document body")
        rels = package.rels(main)
        self.styles = Styles(package.xml(rels.get("styles")))
        self.numbering = Numbering(package.xml(rels.get("numbering")), self.styles)
        self.notes_root = package.xml(rels.get("footnotes"))
        self.notes: dict[str, etree._Element] = {}
        for note in self.notes_root.iterchildren(w("footnote")) if self.notes_root is not None else ():
            if note.get(w("type"), "normal") == "normal":
                self.notes[note.get(w("id"), "")] = note
        self.bookmarks = _bookmarked_notes(self.doc)
        self.instruction: str | None = None  # the instruction of the complex field being read
        self.in_noteref = False  # inside the printed result of a NOTEREF field
        self.markers: dict[str, str] = {}
        self.numbered = 0  # notes numbered so far (custom marks are not)
        self.in_note = False
        self.endnotes = 0
        self.out = RawDoc()

    def read(self) -> RawDoc:
        body = self.doc.find(BODY) if self.doc is not None else None
        pending: list[Inline] = []
        for p in _paragraphs(body) if body is not None else ():
            content = [*pending, *self.inlines(p)]
            mark = _mark_revision(p)
            if mark is not None and mark.tag in (DEL, MOVE_FROM):
                pending = content  # the paragraph mark is deleted: it runs on into the next one
                continue
            pending = []
            block = self.block(p, content)
            if block is not None:
                self.out.blocks.append(block)
        if pending and (block := self.block(None, pending)) is not None:
            self.out.blocks.append(block)
        changes = _count_revisions(self.doc) + _count_revisions(self.notes_root)
        if changes:
            self.out.warnings.append(f"the Word file had {changes} tracked change{'s' * (changes != 1)}; "
                                     "they were read as if all were accepted")
        missing = [marker for marker, content in self.out.notes.items() if not content]
        if missing:
            self.out.warnings.append(f"footnote{'s' * (len(missing) > 1)} {', '.join(missing)}: "
                                     "referenced in the text, but the file has no text for it")
        if self.endnotes:
            self.out.warnings.append(f"the Word file has {self.endnotes} endnote reference(s); "
                                     "endnotes were not read")
        return self.out

    def block(self, p: etree._Element | None, raw: list[Inline]) -> RawBlock | None:
        ppr = p.find(PPR) if p is not None else None
        pstyle = self.styles.para_style(ppr)
        jc = val(self.styles.para_prop(w("jc"), pstyle, ppr))
        label, level = self.number(pstyle, ppr) if p is not None else (None, None)
        content = trim_runs(raw)
        if label is not None and (problem := self.numbering.problem(plain_text(content))):
            self.out.warnings.append(problem)
        if label is None:
            label, content = _typed_label(content)
        content = _untab(content)
        if not any(isinstance(it, NoteRef) or it.text.strip() for it in content):
            return None
        return RawBlock(content, label=label, level=level, centered=jc == "center")

    def number(self, pstyle: str | None, ppr: etree._Element | None) -> tuple[str | None, int | None]:
        direct = ppr.find(NUMPR) if ppr is not None else None
        num_id, ilvl = val(direct.find(NUMID)) if direct is not None else None, None
        if direct is not None and direct.find(ILVL) is not None:
            ilvl = int_attr(val(direct.find(ILVL)), 0, 0, 8)
        if num_id is None or ilvl is None:
            styled = self.styles.para_prop(NUMPR, pstyle, None)
            if styled is not None:
                num_id = num_id if num_id is not None else val(styled.find(NUMID))
                if ilvl is None and styled.find(ILVL) is not None:
                    ilvl = int_attr(val(styled.find(ILVL)), 0, 0, 8)
        if num_id is None or num_id == "0":
            return None, None
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, pstyle)
        label = self.numbering.label(num_id, ilvl)
        return (label, ilvl) if label is not None else (None, None)

    def inlines(self, p: etree._Element) -> list[Inline]:
        out: list[Inline] = []
        self._walk(p, self.styles.para_style(p.find(PPR)), out)
        return out

    def _walk(self, parent: etree._Element, pstyle: str | None, out: list[Inline]) -> None:
        for child in parent:
            if child.tag == R:
                self._run(child, pstyle, out)
            elif child.tag == FLD_SIMPLE and self._noteref(child.get(w("instr"), ""), out):
                continue
            elif child.tag in _INLINE_WRAPPERS:
                self._walk(child, pstyle, out)

    def _noteref(self, instruction: str, out: list[Inline]) -> bool:
        """A NOTEREF field to a bookmarked footnote reference cites that note again (Word's way)."""
        match = _NOTEREF.match(instruction)
        note_id = self.bookmarks.get(match.group(1)) if match else None
        if note_id is None or self.in_note:
            return False
        out.append(NoteRef(self.marker(note_id)))
        return True

    def _field_char(self, kind: str, out: list[Inline]) -> None:
        if kind == "begin":
            self.instruction = ""
        elif kind == "separate":
            self.in_noteref = self._noteref(self.instruction or "", out)
            self.instruction = None
        elif kind == "end":
            self.instruction, self.in_noteref = None, False

    def _run(self, r: etree._Element, pstyle: str | None, out: list[Inline]) -> None:
        rpr = r.find(RPR)
        if self.styles.run_prop(w("vanish"), pstyle, rpr):
            return
        italic = self.styles.run_prop(w("i"), pstyle, rpr)
        custom: str | None = None  # a note whose printed mark is the text that follows
        for child in r:
            tag = child.tag
            if tag == FLD_CHAR:
                self._field_char(child.get(w("fldCharType"), ""), out)
            elif tag == INSTR_TEXT and self.instruction is not None:
                self.instruction += child.text or ""
            elif self.in_noteref:
                continue  # the printed number of a note cited again: the reference stands for it
            elif tag == T:
                if custom is not None and (child.text or "").strip():
                    out.append(NoteRef(self.marker(custom, (child.text or "").strip())))
                    custom = None
                else:
                    out.append(Text(child.text or "", italic))
            elif tag in _SPACES:
                out.append(Text(_SPACES[tag], italic))
            elif tag == w("sym"):
                out.append(Text(_sym(child), italic))
            elif tag == FOOTNOTE_REF and not self.in_note:
                note_id = child.get(w("id"), "")
                if child.get(w("customMarkFollows"), "0").lower() in ("1", "true", "on"):
                    custom = note_id
                else:
                    out.append(NoteRef(self.marker(note_id)))
            elif tag == w("endnoteReference"):
                self.endnotes += 1
        if custom is not None:
            out.append(NoteRef(self.marker(custom)))

    def marker(self, note_id: str, custom: str | None = None) -> str:
        """The printed marker of a note, numbering it at its first reference."""
        if note_id not in self.markers:
            if custom is None:
                self.numbered += 1
            marker = custom or str(self.numbered)
            self.markers[note_id] = marker
            self.out.notes[marker] = self.note_content(note_id)
        return self.markers[note_id]

    def note_content(self, note_id: str) -> Content:
        note = self.notes.get(note_id)
        if note is None:
            return ()
        content: list[Inline] = []
        self.in_note = True
        try:
            for p in _paragraphs(note):
                content.extend([*self.inlines(p), Text(" ")])
        finally:
            self.in_note = False
        return _untab(trim_runs(content))

