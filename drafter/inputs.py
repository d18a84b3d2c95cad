"""What the commands read: any resolution file, or a Drafter draft file with its stored base.

A `.drafter` file (see `drafter.draftfile`) holds a draft and the base it was made from. Every
command reads it as the draft; where a command compares and no `--base` is given, the stored base
is the base. A file is taken for a draft file by its extension or, under another name, by its
content (`"format": "drafter-draft"` at the top of a JSON object).
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter import draftfile
from drafter.errors import DrafterError
from drafter.model import Resolution

_SNIFF_BYTES = 512


@dataclass
class Input:
    """A file read by a command: the text it stands for, and the base a draft file stores."""

    path: str
    text: Resolution
    stored_base: Resolution | None = None  # only for a draft file

    @property
    def is_draft(self) -> bool:
        return self.stored_base is not None


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
        return Input(path, doc.draft, doc.base)
    import drafter

    return Input(path, drafter.load(path))


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


__all__ = ["Input", "base_for", "is_draft_file", "read"]
