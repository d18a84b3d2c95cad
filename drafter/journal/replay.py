"""Replaying a journal: the document it starts from, every edit, undo and redo after it, in order.

The first record is the start: the draft as it was opened, saved or made (the whole draft file), where
it is saved (or none), and when. Every other record is one step:

    {"kind": "edit", "t": 1733580000.25, "merge": false, "edit": {…an edit, see drafter.journal.codec…}}
    {"kind": "undo", "t": …}
    {"kind": "redo", "t": …}

An edit either becomes a new step of the undo history (after the steps undone before it are dropped) or,
with "merge", is taken into the last step (typing merges into one step). Replaying keeps the history as
the app keeps it, so the recovered draft comes back with its undo and redo as they were.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from drafter import draftfile
from drafter.edits.primitives import Document, Edit
from drafter.errors import DrafterError
from drafter.journal import records
from drafter.journal.codec import decode_edit

START, EDIT, UNDO, REDO = "start", "edit", "undo", "redo"


@dataclass
class Start:
    """What the start record says."""

    path: str | None  # where the draft is saved; None for a draft never saved
    time: float  # when the journal started (seconds since the epoch)
    title: str = ""
    session: str = ""
    digest: str = ""  # SHA-256 of the saved file as it was then ("" for an unsaved draft)
    earlier: int = 0  # changes made since the last save before this start (a journal started again)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": START, "path": self.path, "t": self.time, "title": self.title, "session": self.session,
                "digest": self.digest, "earlier": self.earlier}


@dataclass
class Replayed:
    """A journal replayed: the document, its undo history (`commands`, the first `index` of them done)."""

    doc: Document
    start: Start
    commands: list[Edit] = field(default_factory=list)
    index: int = 0
    steps: int = 0  # the edits, undos and redos replayed
    last_time: float = 0.0  # when the last of them was made
    end: int = 0  # the offset in the file after the last step replayed
    torn: bool = False  # the last record was cut off (and left out)
    problem: str = ""  # why the replay stopped before the end of the file, in words

    @property
    def changes(self) -> int:
        """The changes made since the draft was opened or last saved."""
        return self.start.earlier + self.steps

    @property
    def when(self) -> datetime:
        return datetime.fromtimestamp(self.last_time or self.start.time, UTC)


class Unreadable(DrafterError):
    """A journal with nothing to recover from: no start record, or one that cannot be read."""


def start_record(start: Start, document: bytes) -> bytes:
    """The payload of a start record: `start`, and the draft file's bytes (JSON) as they are."""
    head = json.dumps(start.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return head[:-1] + b',"document":' + document + b"}"


def step_record(kind: str, time: float, edit: dict[str, Any] | None = None, merge: bool = False) -> bytes:
    record: dict[str, Any] = {"kind": kind, "t": time}
    if edit is not None:
        record.update(merge=merge, edit=edit)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def replay(data: bytes, name: str = "journal") -> Replayed:
    """Replay a journal file's bytes; raises Unreadable if not even its start can be read."""
    reading = records.read(data)
    if reading.unknown_format:
        raise Unreadable(f"{name}: not a Drafter journal")
    if not reading.payloads:
        what = "damaged" if reading.damaged is not None else "missing"
        raise Unreadable(f"{name}: the journal's first record is {what}")
    steps = reading.payloads[1:]
    out, failed = _run(reading.payloads[0], steps, name)
    if failed is not None:  # replayed again up to the step that failed: that one may have been half done
        out, _again = _run(reading.payloads[0], steps[:failed[0] - 1], name)
        out.problem = (f"change {failed[0]} of the journal could not be replayed ({failed[1]}); the {out.steps} "
                       f"changes before it are recovered, the {len(steps) - out.steps} from it on are not")
        return out
    out.torn = reading.torn
    if reading.damaged is not None:
        out.problem = (f"change {reading.damaged} of the journal is damaged (its checksum does not match); the "
                       f"{out.steps} changes before it are recovered, what follows ({reading.after} bytes) is not")
    return out


def _run(first: bytes, steps: list[bytes], name: str) -> tuple[Replayed, tuple[int, str] | None]:
    """The start and `steps` replayed, and the number (from 1) of the step that failed, with why."""
    try:
        data = json.loads(first)
        start = Start(data["path"], float(data["t"]), str(data.get("title", "")), str(data.get("session", "")),
                      str(data.get("digest", "")), int(data.get("earlier", 0)))
        doc = draftfile.from_dict(data["document"], name)
    except (ValueError, KeyError, TypeError, DrafterError) as exc:
        raise Unreadable(f"{name}: the journal's start cannot be read ({exc})") from exc
    out = Replayed(doc, start)
    out.end = len(records.MAGIC) + records.HEADER.size + len(first)
    for number, payload in enumerate(steps, 1):
        try:
            _step(out, json.loads(payload))
        except Exception as exc:  # an edit that fails on replay, whatever it raises, ends the replay there
            return out, (number, str(exc))
        out.end += records.HEADER.size + len(payload)
    return out, None


def _step(out: Replayed, record: dict[str, Any]) -> None:
    kind = record["kind"]
    if kind == EDIT:
        edit = decode_edit(record["edit"])
        del out.commands[out.index:]
        if record.get("merge"):
            if not out.commands:
                raise ValueError("a change taken into a step that is not there")
            top = out.commands[-1]
            merge = getattr(top, "merge", None)
            edit.apply(out.doc)
            if merge is None or not merge(edit):
                raise ValueError(f"a change that cannot be taken into the step before it ({type(top).__name__})")
        else:
            edit.apply(out.doc)
            out.commands.append(edit)
            out.index += 1
    elif kind == UNDO:
        if out.index == 0:
            raise ValueError("an undo with nothing to undo")
        out.commands[out.index - 1].revert(out.doc)
        out.index -= 1
    elif kind == REDO:
        if out.index == len(out.commands):
            raise ValueError("a redo with nothing to redo")
        out.commands[out.index].apply(out.doc)
        out.index += 1
    else:
        raise ValueError(f"a record of an unknown kind {kind!r}")
    out.steps += 1
    out.last_time = float(record["t"])
