"""The native draft file: base, draft and metadata in one documented, versioned JSON file.

A draft file (extension `.drafter`, UTF-8 JSON) looks like this:

    {
      "format": "drafter-draft",        # always this string
      "version": 1,                     # the format version; readers refuse newer versions
      "app": "drafter 0.1.0",           # the program that wrote it (informative)
      "saved": "2025-01-31T12:00:00Z",  # when it was written (UTC, informative)
      "meta": {"title": "", "author": "", "base_source": "", "created": "", "modified": "",
               "notes": "", "extra": {}},
      "base": { …a resolution in the lossless form of drafter.serialize.to_dict… },
      "draft": { …the same form… },
      "versions": [                     # named snapshots of the draft, oldest first (see drafter.versions)
        {"name": "Zero draft", "date": "2025-01-20T09:00:00Z", "note": "", "text": { …the same form… }}
      ],
      "proposals": [                    # delegations' proposals (see drafter.edits.proposals), format 3
        { …a proposal as drafter.negotiate.proposals.Proposal.to_dict, with its "state" (open, taken,
          dropped) and "source" (the file it came from)…,
          "sent": "Zero draft",         # the text it was made on: a version's name, or "base"
          "digest": "…" }               # a fingerprint of the paragraph of that text it names
      ]
    }

Every text keeps its paragraph and footnote ids, so a reopened draft aligns with its base and
its versions exactly as before. Format history: 1 — base and draft; 2 — named versions (a
format-1 file opens as a draft with no versions, and is saved as format 2); 3 — proposals. A draft
without proposals is written as format 2, so that a reader of format 2 still opens it; a reader of
format 2 refuses a file that holds proposals rather than lose them on saving.

Saves are atomic: the bytes go to a temporary file in the same folder, are flushed and
fsynced, and `os.replace` puts the file in place; a crash in the middle leaves the previous
file as it was. What is typed between two saves is kept by the journal (`drafter.journal`), which
starts again from the saved file at each save.
"""

from __future__ import annotations

import errno
import json
import logging
import os
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drafter import serialize
from drafter.atomic import write_atomically
from drafter.edits.primitives import Document, Metadata
from drafter.edits.proposals import Received
from drafter.errors import DraftFileError, NewerFormat, SaveFailed
from drafter.version import __version__
from drafter.versions import BASE, Version

log = logging.getLogger(__name__)

FORMAT = "drafter-draft"
VERSION = 3
VERSION_WITHOUT_PROPOSALS = 2  # the format a draft without proposals is written in
EXTENSION = ".drafter"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_dict(doc: Document) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION if doc.proposals else VERSION_WITHOUT_PROPOSALS,
        "app": f"drafter {__version__}",
        "saved": now(),
        "meta": asdict(doc.meta),
        "base": serialize.to_dict(doc.base),
        "draft": serialize.to_dict(doc.draft),
        "versions": [version.to_dict() for version in doc.versions],
        **({"proposals": [item.to_dict() for item in doc.proposals]} if doc.proposals else {}),
    }


def from_dict(data: Any, path: str = "draft file") -> Document:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DraftFileError(path, "this is not a Drafter draft file. To start a draft from a resolution, "
                                   "use File › New from a resolution.")
    try:
        version = int(data.get("version", 0))
    except (TypeError, ValueError):
        raise DraftFileError(path, "the file names no valid format version; it may be damaged.") from None
    if version > VERSION:
        raise NewerFormat(path, version, VERSION)
    try:
        known = {name for name in Metadata.__dataclass_fields__}
        meta = Metadata(**{k: v for k, v in dict(data.get("meta", {})).items() if k in known})
        versions = [Version.from_dict(entry) for entry in data.get("versions", [])]
        doc = Document(serialize.from_dict(data["base"]), serialize.from_dict(data["draft"]), meta, versions)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DraftFileError(path, f"the file is damaged and cannot be read ({exc}).") from exc
    doc.proposals = _proposals(data.get("proposals", []), doc, path)
    return doc


def _proposals(entries: Any, doc: Document, path: str) -> list[Received]:
    """The proposals a draft file holds; each names the text it was made on, which the draft must have."""
    if not isinstance(entries, list):
        raise DraftFileError(path, "the file is damaged and cannot be read (its proposals are not a list).")
    out: list[Received] = []
    names = {BASE, *(version.name for version in doc.versions)}
    for number, entry in enumerate(entries, 1):
        try:
            item = Received.from_dict(entry)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DraftFileError(path, f"the file is damaged and cannot be read (proposal {number}: {exc}).") from exc
        if item.sent not in names:
            raise DraftFileError(path, f"the file is damaged and cannot be read (proposal {item.id} was made on "
                                       f"\"{item.sent}\", a version the draft does not hold).")
        out.append(item)
    if len({item.id for item in out}) != len(out):
        raise DraftFileError(path, "the file is damaged and cannot be read (two proposals have one id).")
    return out


def dumps(doc: Document) -> bytes:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=1).encode("utf-8")


def read(path: str | os.PathLike[str]) -> Document:
    name = os.fspath(path)
    try:
        raw = Path(name).read_bytes()
    except FileNotFoundError:
        raise DraftFileError(name, "the file does not exist.") from None
    except OSError as exc:
        raise DraftFileError(name, f"the file cannot be read ({exc.strerror}).") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DraftFileError(name, "the file is not valid JSON; it may be damaged or not a draft file.") from exc
    return from_dict(data, name)


def _reason(exc: OSError, folder: str) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the folder {folder} cannot be written to. Save the draft in another folder."
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full. Free some space or save the draft on another disk; the previous file is intact."
    return f"the file could not be saved ({exc.strerror or exc}). The previous file is intact."


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` so that a crash at any moment leaves either the old or the new file."""
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise SaveFailed(os.fspath(path), _reason(exc, str(Path(path).parent.resolve()))) from exc


def save(doc: Document, path: str | os.PathLike[str]) -> bytes:
    """Save atomically; sets the metadata's modified (and created) time. Returns the bytes written."""
    stamp = now()
    doc.meta.created = doc.meta.created or stamp
    doc.meta.modified = stamp
    data = dumps(doc)
    atomic_write(path, data)
    log.info("saved %s", path)
    return data


__all__ = ["EXTENSION", "FORMAT", "VERSION", "VERSION_WITHOUT_PROPOSALS", "atomic_write", "dumps", "from_dict", "read",
           "save", "to_dict"]
