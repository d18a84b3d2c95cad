"""A delegation's Word file as each of its revision authors wrote it.

A file returned with tracked changes may hold the revisions of several authors (the delegation, and
others before it). `resolve` rewrites the package's XML for one author: that author's `w:ins` and
`w:moveTo` kept and `w:del` and `w:moveFrom` dropped, everyone else's revisions rejected (insertions
removed, deletions restored as text), a paragraph whose mark is deleted joined to the next one. The
result holds no revisions, and `read_as` reads it with `drafter.importers` like any Word file.

Formatting changes (`w:rPrChange`, `w:pPrChange`, …) do not change the words: they are accepted for
every author, and `Package.formatting` counts them so that the reader can say so.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from drafter import safexml
from drafter.errors import ImportFailed
from drafter.importers import MAX_BYTES, load
from drafter.importers.docx_parts import relation
from drafter.model import Resolution

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_ENTRIES = 5000
EVERY_AUTHOR = "\x00every author"  # `resolve` with every revision accepted
NO_AUTHOR = "\x00no author"  # `resolve` with every revision rejected: the text the file was made from


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
REVISIONS = (INS, DEL, MOVE_FROM, MOVE_TO)
ADDING = (INS, MOVE_TO)
_RANGES = tuple(w(t) for t in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"))
_FORMATTING = tuple(w(t) for t in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange",
                                   "tcPrChange", "tblGridChange", "tblPrExChange", "numberingChange",
                                   "cellIns", "cellDel", "cellMerge"))
_W_PREFIX = f'xmlns:w="{W}"'.encode()
_REVISION_TAG = re.compile(rb"<w:(?:ins|del|moveFrom|moveTo)(\s[^>]*)?/?>")
_AUTHOR = re.compile(rb'\sw:author="([^"]*)"')
_FORMATTING_TAG = re.compile(rb"<w:(?:" + b"|".join(etree.QName(tag).localname.encode() for tag in _FORMATTING)
                             + rb")[\s/>]")
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)


@dataclass
class Package:
    """The parts of a .docx, and which of them hold text that revisions change."""

    path: str
    entries: list[tuple[zipfile.ZipInfo, bytes]]
    text_parts: list[str]  # the main document, its footnotes and endnotes
    roots: dict[str, etree._Element] = field(default_factory=dict)

    def root(self, name: str) -> etree._Element:
        if name not in self.roots:
            try:
                self.roots[name] = safexml.parse(self.part(name) or b"")
            except safexml.UnsafeXML as exc:
                raise ImportFailed(self.path, f"has a part ({name}) that cannot be read safely: {exc}") from exc
        return self.roots[name]

    def part(self, name: str) -> bytes | None:
        return next((data for info, data in self.entries if info.filename == name), None)

    @property
    def authors(self) -> list[str]:
        """The authors of the file's text revisions, in the order of their first revision."""
        found: dict[str, None] = {}
        for name in self.text_parts:
            data = self.part(name) or b""
            if name not in self.roots and _W_PREFIX in data[:4096]:  # the usual prefix: a scan, not a parse
                for match in _REVISION_TAG.finditer(data):
                    author = _AUTHOR.search(match.group(1))
                    text = html.unescape(author.group(1).decode("utf-8", "replace")) if author else ""
                    found.setdefault(text or "(no author)", None)
                continue
            for node in self.root(name).iter(*REVISIONS):
                found.setdefault(node.get(w("author"), "") or "(no author)", None)
        return list(found)

    @property
    def formatting(self) -> int:
        """How many formatting changes the file tracks (a scan of the part where it uses the usual prefix)."""
        count = 0
        for name in self.text_parts:
            data = self.part(name) or b""
            if name not in self.roots and _W_PREFIX in data[:4096]:
                count += len(_FORMATTING_TAG.findall(data))
            else:
                count += sum(1 for _node in self.root(name).iter(*_FORMATTING))
        return count


def open_package(path: str) -> Package:
    """A .docx read within bounds; raises ImportFailed for anything that is not one."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise ImportFailed(path, f"is {size // 1_048_576} MB; Drafter reads Word files up to "
                                     f"{MAX_BYTES // 1_048_576} MB")
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise ImportFailed(path, f"has {len(infos)} entries in its zip, far more than a Word document has")
            total = sum(info.file_size for info in infos)
            if total > 5 * MAX_BYTES:
                raise ImportFailed(path, "would unpack to more than any resolution needs (a zip bomb?)")
            entries = [(info, archive.read(info)) for info in infos]
    except ImportFailed:
        raise
    except _ZIP_ERRORS as exc:
        raise ImportFailed(path, f"is not a Word document (.docx) that can be read ({exc})") from exc
    package = Package(path, entries, [])
    main = relation(package, "", "officeDocument") or "word/document.xml"
    if package.part(main) is None:
        raise ImportFailed(path, "is a zip file but not a Word document (it has no word/document.xml)")
    package.text_parts = [main, *(name for kind in ("footnotes", "endnotes")
                                  if (name := relation(package, main, kind)) and package.part(name) is not None)]
    return package


def _accepted(node: etree._Element, author: str) -> bool:
    if author == EVERY_AUTHOR:
        return True
    if author == NO_AUTHOR:
        return False
    return (node.get(w("author"), "") or "(no author)") == author


def resolve_part(root: etree._Element, author: str) -> etree._Element:
    """A copy of a part with `author`'s revisions accepted and everyone else's rejected."""
    root = etree.fromstring(etree.tostring(root))
    rpr = w("rPr")
    for node in list(root.iter(*REVISIONS)):  # outer revisions before the ones inside them
        parent = node.getparent()
        if parent is None or parent.tag == rpr:
            continue
        if _accepted(node, author) == (node.tag in ADDING):
            if node.tag not in ADDING:
                for text in node.iter(w("delText"), w("delInstrText")):
                    text.tag = w("t") if text.tag == w("delText") else w("instrText")
            _unwrap(node)
        else:
            parent.remove(node)
    _paragraph_marks(root, author)
    for node in list(root.iter(*_RANGES, *_FORMATTING)):
        if (parent := node.getparent()) is not None:
            parent.remove(node)
    return root


def _unwrap(node: etree._Element) -> None:
    parent = node.getparent()
    assert parent is not None
    at = parent.index(node)
    for offset, child in enumerate(list(node)):
        parent.insert(at + offset, child)
    parent.remove(node)


def _paragraph_marks(root: etree._Element, author: str) -> None:
    """A paragraph whose mark goes (deleted and accepted, or inserted and rejected) joins the next one."""
    ppr, rpr, p = w("pPr"), w("rPr"), w("p")
    for para in list(root.iter(p)):
        props = para.find(f"{ppr}/{rpr}")
        marks = [node for node in props if node.tag in REVISIONS] if props is not None else []
        if not marks or props is None:
            continue
        mark = marks[0]
        gone = _accepted(mark, author) != (mark.tag in ADDING)
        for node in marks:
            props.remove(node)
        following = para.getnext()
        while following is not None and following.tag != p and following.tag in _RANGES:
            following = following.getnext()
        if not gone or following is None or following.tag != p:
            continue
        runs = [child for child in para if child.tag != ppr]
        at = 1 if following.find(ppr) is not None else 0
        for offset, child in enumerate(runs):
            following.insert(at + offset, child)
        holder = para.getparent()
        if holder is not None:
            holder.remove(para)


def resolve(package: Package, author: str) -> bytes:
    """The .docx bytes of the file as `author` left it: their revisions accepted, all others rejected."""
    resolved = {name: resolve_part(package.root(name), author) for name in package.text_parts}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in package.entries:
            if info.filename in resolved:
                data = etree.tostring(resolved[info.filename], xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            target.writestr(info, data)
    return out.getvalue()


def moved_texts(package: Package, author: str) -> list[str]:
    """The words of the paragraphs `author` moved (whose mark is their `w:moveTo`), one string each."""
    out: list[str] = []
    if b"moveTo" not in (package.part(package.text_parts[0]) or b""):
        return out
    rpr = f"{w('pPr')}/{w('rPr')}/{MOVE_TO}"
    for p in package.root(package.text_parts[0]).iter(w("p")):
        mark = p.find(rpr)
        if mark is not None and _accepted(mark, author):
            words = "".join(t.text or "" for t in p.iter(w("t")))
            out.append(" ".join(words.split()))
    return out


def read_accepted(package: Package) -> Resolution:
    """The file with every revision accepted, as `drafter.importers` reads any Word file (the same text as
    `read_as(package, EVERY_AUTHOR)`, read once), without the reader's notice that it accepted them."""
    res = load(package.path)
    res.warnings = [warning for warning in res.warnings if "tracked change" not in warning]
    return res


def read_as(package: Package, author: str) -> Resolution:
    """The resolution `author` made of the file (see `resolve`), read by `drafter.importers`."""
    data = resolve(package, author)
    handle, temporary = tempfile.mkstemp(suffix=".docx", prefix="drafter-revisions-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        try:
            return load(temporary)
        except ImportFailed as exc:
            raise ImportFailed(package.path, exc.reason) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


__all__ = ["EVERY_AUTHOR", "NO_AUTHOR", "Package", "moved_texts", "open_package", "read_accepted", "read_as",
           "relation", "resolve", "resolve_part"]
