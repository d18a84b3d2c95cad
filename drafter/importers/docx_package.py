"""The zip package of a Word document, opened with a guard.

A .docx comes from outside, so the zip is bounded (entries, declared and counted sizes, compression
ratio) and every XML part goes through `drafter.safexml`. A document embedded in another one (`w:altChunk`)
is opened as a package of its own that draws on the same budget of bytes, so nesting cannot multiply it.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from typing import BinaryIO, NoReturn

from lxml import etree

from drafter import safexml
from drafter.errors import ImportFailed
from drafter.importers.docx_props import W

MAX_ENTRIES = 5000  # a resolution has about 20; images add a few each
MAX_TOTAL = 100 * 1024 * 1024  # uncompressed bytes read from all parts together
MAX_RATIO = 200  # deflate of real XML stays far below; zeros reach 1000:1
RATIO_FLOOR = 2 * 1024 * 1024  # smaller parts are never refused for their ratio
_CHUNK = 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


def sniff(path: str) -> None:
    """Refuse, with the reason a user can act on, a file that is no .docx at all."""
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


class Package:
    """The parts of the zip, read within bounds; `budget` is shared with the package that embeds this one."""

    def __init__(self, path: str, archive: zipfile.ZipFile, budget: list[int] | None = None) -> None:
        self.path, self.archive = path, archive
        self.budget = budget if budget is not None else [0]  # bytes read so far, by every nested package
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            self.fail(f"has {len(infos)} entries in its zip, far more than a Word document has")
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            self.fail("is damaged: its zip lists the same part twice")
        self.names = set(names)

    @classmethod
    def embedded(cls, outer: Package, data: bytes) -> Package:
        """A .docx stored inside `outer` (an altChunk), sharing its budget; raises `ImportFailed`."""
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (*ZIP_ERRORS, ValueError) as exc:
            raise ImportFailed(outer.path, "has an embedded Word document that is not a valid zip package") from exc
        return cls(outer.path, archive, outer.budget)

    def fail(self, reason: str) -> NoReturn:
        raise ImportFailed(self.path, reason)

    def read(self, name: str) -> bytes | None:
        if name not in self.names:
            return None
        info = self.archive.getinfo(name)
        limit = min(safexml.MAX_BYTES, MAX_TOTAL - self.budget[0])
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
        self.budget[0] += size
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

    def relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, its last path segment; part name) of the part `part`, internal ones."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, tuple[str, str]] = {}
        for rel in root.iter(_RELS + "Relationship") if root is not None else ():
            kind, target = rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            name = posixpath.normpath(target.lstrip("/") if target.startswith("/") else
                                      posixpath.join(folder, target))
            if not name.startswith("../"):
                out[rel.get("Id", "")] = (kind, name)
        return out

    def rels(self, part: str) -> dict[str, str]:
        """Relationship type (its last path segment) → part name, for the part `part`."""
        out: dict[str, str] = {}
        for kind, name in self.relations(part).values():
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
