"""What the commands read: any resolution file, or a Drafter draft file with its stored base.

A `.drafter` file (see `drafter.draftfile`) holds a draft and the base it was made from. Every
command reads it as the draft; where a command compares and no `--base` is given, the stored base
is the base. A file is taken for a draft file by its extension or, under another name, by its
content (`"format": "drafter-draft"` at the top of a JSON object).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from drafter import draftfile, versions
from drafter.errors import DrafterError
from drafter.importers import load
from drafter.model import Resolution
from drafter.versions import Version

_SNIFF_BYTES = 512


@dataclass
class Input:
    """A file read by a command: the text it stands for, and the base a draft file stores."""

    path: str
    text: Resolution
    stored_base: Resolution | None = None  # only for a draft file
    versions: list[Version] = field(default_factory=list)  # a draft file's named versions, oldest first

    def named(self, name: str, option: str) -> Resolution:
        """The text `name` stands for in a draft file: "base", "current" or one of its versions."""
        if self.stored_base is None:
            raise DrafterError(f"{option} names a version of a .drafter draft file; {self.path} is not one")
        return versions.pick(self.versions, name, self.stored_base, self.text)

    @property
    def is_draft(self) -> bool:
        return self.stored_base is not None

    @property
    def warnings(self) -> list[FileWarning]:
        """What the reader could not read as it should. A draft file: its stored base's warnings, then those
        of its draft that the base has not (a draft begins as a copy of its base, warnings and all)."""
        if self.stored_base is None:
            return [FileWarning(self.path, text) for text in self.text.warnings]
        out = [FileWarning(f"{self.path} (base)", text) for text in self.stored_base.warnings]
        return out + [FileWarning(f"{self.path} (draft)", text) for text in self.text.warnings
                      if text not in self.stored_base.warnings]


@dataclass(frozen=True)
class FileWarning:
    """One thing a reader could not read as it should, and the file it was in (for a draft file, with
    "(base)" or "(draft)" after its name: the text of the two it concerns)."""

    file: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """As every command's `--json` output lists it: `{"file": …, "message": …}`."""
        return {"file": self.file, "message": self.message}

    def line(self, command: str) -> str:
        """As a command prints it on stderr: `drafter compare: old.docx: the Word file had …`."""
        return f"drafter {command}: {self.file}: {' '.join(self.message.split())}"


def is_draft_file(path: str) -> bool:
    """Whether `path` is a Drafter draft file (by its extension, or by its first bytes)."""
    if path.lower().endswith(draftfile.EXTENSION):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and f'"{draftfile.FORMAT}"'.encode() in head


def read(path: str) -> Input:
    """The resolution at `path`; for a draft file its draft, with the stored base kept beside it."""
    if is_draft_file(path):
        doc = draftfile.read(path)
        return Input(path, doc.draft, doc.base, doc.versions)
    return Input(path, load(path))


@dataclass
class Reading:
    """The files one command reads, in order, so that it can say what their readers could not read."""

    files: list[Input] = field(default_factory=list)

    def read(self, path: str) -> Input:
        entry = read(path)
        if all(earlier.path != path for earlier in self.files):  # a file read twice warns once
            self.files.append(entry)
        return entry

    def base_for(self, entry: Input, base_path: str | None, needed: bool = False,
                 what: str = "this export") -> Resolution | None:
        """As `base_for`, the file `--base` names read with the others."""
        if base_path:
            return self.read(base_path).text
        return base_for(entry, None, needed, what)

    @property
    def warnings(self) -> list[FileWarning]:
        return [warning for entry in self.files for warning in entry.warnings]

    def report(self, command: str, out: TextIO | None = None) -> int:
        """Print every warning on stderr (or `out`), one a line, each after the file's name; how many."""
        found = self.warnings
        stream = out or sys.stderr
        for warning in found:
            stream.write(warning.line(command) + "\n")
        stream.flush()
        return len(found)

    def to_json(self) -> list[dict[str, str]]:
        return [warning.to_dict() for warning in self.warnings]


def base_for(entry: Input, base_path: str | None, needed: bool = False, what: str = "this export") -> Resolution | None:
    """The base a command compares `entry` with: `--base` when given (its draft, for a draft file),
    else the base a draft file stores; None when neither, or a clear error when `needed`."""
    if base_path:
        return read(base_path).text
    if entry.stored_base is not None:
        return entry.stored_base
    if needed:
        raise DrafterError(f"{what} needs --base OLD (or a .drafter draft, which stores its base)")
    return None


__all__ = ["FileWarning", "Input", "Reading", "base_for", "is_draft_file", "read"]
