"""Named versions of a draft: "Zero draft", "Rev.1", "A/C.3/80/L.12", each a snapshot of the draft.

A version is the draft as it stood when the user saved it under a name, with the date and a note.
Paragraph and footnote ids are kept in the snapshot, so any two versions, the base and the
current draft align by identity, as the base and the draft do.

A snapshot is kept in its serialized form and turned into a `Resolution` only when asked for:
a draft with thirty versions opens as fast as one with none.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from drafter import serialize
from drafter.errors import DrafterError
from drafter.model import Resolution

BASE = "base"  # the name that stands for the draft's base (the A/RES text) wherever a version is named
CURRENT = "current"  # the name that stands for the draft as it is now


class UnknownVersion(DrafterError):
    """A version was named that the draft does not hold."""

    def __init__(self, name: str, names: list[str]) -> None:
        known = ", ".join(f'"{n}"' for n in names) if names else "none yet"
        super().__init__(f'the draft has no version "{name}" (its versions: {known}; '
                         f'"{BASE}" names the base, "{CURRENT}" the draft as it is)')
        self.name = name


@dataclass
class Version:
    """One named snapshot of the draft."""

    name: str
    date: str  # ISO 8601, UTC
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict, repr=False)  # the snapshot, as `serialize.to_dict`
    _text: Resolution | None = field(default=None, repr=False, compare=False)

    @classmethod
    def snapshot(cls, name: str, text: Resolution, note: str = "", date: str = "") -> Version:
        stamp = date or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return cls(name, stamp, note, serialize.to_dict(text))

    def text(self) -> Resolution:
        """The snapshot as a resolution of its own (a fresh copy each time: edits never reach it)."""
        if self._text is None:
            self._text = serialize.from_dict(self.data)
        return copy.deepcopy(self._text)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "date": self.date, "note": self.note, "text": self.data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Version:
        name, text = data["name"], data["text"]
        if not isinstance(name, str) or not name.strip() or not isinstance(text, dict):
            raise ValueError("a version has no name or no text")
        return cls(name, str(data.get("date", "")), str(data.get("note", "")), text)


def clean_name(name: str) -> str:
    """The name as stored, or a clear error for a name that cannot be one."""
    name = " ".join(name.split())
    if not name:
        raise DrafterError("a version needs a name, such as \"Rev.1\" or \"A/C.3/80/L.12\"")
    if any(ord(ch) < 32 for ch in name):
        raise DrafterError("a version name cannot hold control characters")
    if name.casefold() in (BASE, CURRENT):
        raise DrafterError(f'"{name}" is reserved: it names the {"base" if name.casefold() == BASE else "draft"}')
    return name


def add(versions: list[Version], name: str, text: Resolution, note: str = "", date: str = "") -> Version:
    """Add a snapshot of `text` named `name`; a name already used is refused."""
    name = clean_name(name)
    if any(v.name.casefold() == name.casefold() for v in versions):
        raise DrafterError(f'the draft already has a version "{name}"; choose another name')
    version = Version.snapshot(name, text, note, date)
    versions.append(version)
    return version


def find(versions: list[Version], name: str) -> Version:
    """The version named `name` (case and spacing ignored)."""
    wanted = " ".join(name.split()).casefold()
    for version in versions:
        if version.name.casefold() == wanted:
            return version
    raise UnknownVersion(name, [v.name for v in versions])


def pick(versions: list[Version], name: str, base: Resolution, current: Resolution) -> Resolution:
    """The text a name stands for: "base", "current" or a version's snapshot."""
    key = " ".join(name.split()).casefold()
    if key == BASE:
        return base
    if key == CURRENT:
        return current
    return find(versions, name).text()


def previous(versions: list[Version]) -> Version | None:
    """The latest version, the one the current draft was last sent as."""
    return versions[-1] if versions else None


__all__ = ["BASE", "CURRENT", "UnknownVersion", "Version", "add", "clean_name", "find", "pick", "previous"]
