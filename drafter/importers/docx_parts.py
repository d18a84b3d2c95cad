"""The parts of a Word package beside the body: a part by name, its XML, the part a relationship points to.

`Parts` is what a reader of comments (or of revisions, `drafter.negotiate.revisions.Package`) needs of a
package; `open_parts` reads the few parts a reader asks for from a .docx, each within bounds.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Protocol

from lxml import etree

from drafter import safexml
from drafter.errors import ImportFailed

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
MAX_PART = 20 * 1024 * 1024  # bytes one part may unpack to (the importers' bound on a whole file)
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Parts(Protocol):
    text_parts: list[str]  # the main document first

    def part(self, name: str) -> bytes | None: ...

    def root(self, name: str) -> etree._Element: ...


def relation(package: Parts, part: str, kind: str) -> str | None:
    """The part a relationship of type `kind` of `part` points to ("" for the package's own)."""
    folder, base = posixpath.split(part)
    data = package.part(posixpath.join(folder, "_rels", base + ".rels"))
    if data is None:
        return None
    try:
        rels = safexml.parse(data)
    except safexml.UnsafeXML:
        return None
    for rel in rels.iter(_REL):
        if rel.get("Type", "").rsplit("/", 1)[-1] == kind and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            return posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
    return None


@dataclass
class ZipParts:
    """Parts read from a .docx on demand, each at most MAX_PART bytes."""

    path: str
    archive: zipfile.ZipFile
    text_parts: list[str] = field(default_factory=list)
    roots: dict[str, etree._Element] = field(default_factory=dict)

    def part(self, name: str) -> bytes | None:
        try:
            info = self.archive.getinfo(name)
            if info.file_size > MAX_PART:
                raise ImportFailed(self.path, f"has a part ({name}) far larger than any resolution needs")
            return self.archive.read(info)
        except KeyError:
            return None
        except _ZIP_ERRORS as exc:
            raise ImportFailed(self.path, f"has a part ({name}) that cannot be unpacked ({exc})") from exc

    def root(self, name: str) -> etree._Element:
        if name not in self.roots:
            try:
                self.roots[name] = safexml.parse(self.part(name) or b"")
            except safexml.UnsafeXML as exc:
                raise ImportFailed(self.path, f"has a part ({name}) that cannot be read safely: {exc}") from exc
        return self.roots[name]


def open_parts(path: str) -> ZipParts:
    """The parts of a .docx; ImportFailed for a file that is none. Close `archive` when done."""
    try:
        archive = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        raise ImportFailed(path, f"is not a Word document (.docx) that can be read ({exc})") from exc
    parts = ZipParts(path, archive)
    parts.text_parts = [relation(parts, "", "officeDocument") or "word/document.xml"]
    return parts


__all__ = ["MAX_PART", "Parts", "W", "ZipParts", "open_parts", "relation", "w"]
