"""The journal of one open draft: what the app tells it (edits, undo, redo, saves) becomes records.

The app's undo history is a stack of steps with an index (the steps before it are done). The journal
holds the steps made since it started (`Tracker`): an edit, an undo or a redo of one of those is one
record. An undo or redo of a step older than the journal (made before the last save), or of a step the
journal only holds in part, cannot be written as a step: the journal then starts again from the draft
as it is (a start record with the whole draft), as it does when the draft is saved. So does an edit it
cannot write (`CodecError`), after saying so once.

Everything slow (JSON, the file, fsync) happens in the writer's thread (`drafter.journal.writer`); on
the caller's thread an edit costs the walk over its attributes (`codec.encode_edit`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from drafter import draftfile
from drafter.edits.primitives import Document, Edit
from drafter.journal import store
from drafter.journal.codec import CodecError, encode_edit
from drafter.journal.replay import EDIT, REDO, UNDO, Replayed, Start, start_record, step_record
from drafter.journal.writer import Writer

log = logging.getLogger(__name__)


class Tracker:
    """Which steps of the undo history the journal holds: those from `base` up to `known`, and whether
    one of them (`partial`) it holds only in part (typing taken into a step older than the journal)."""

    def __init__(self, index: int = 0, count: int | None = None) -> None:
        self.restart(index, index if count is None else count)

    def restart(self, index: int, count: int | None = None) -> None:
        self.base, self.known = index, index if count is None else count
        self.partial: int | None = None

    def pushed(self, index_before: int, merged: bool) -> bool:
        """An edit was pushed at `index_before` (the steps from there on are gone); whether it is written as
        taken into the step before it (True) or as a step of its own."""
        if self.partial is not None and self.partial >= index_before:
            self.partial = None
        if merged:
            top = index_before - 1
            self.known = index_before
            if top >= self.base:
                return True
            self.base = self.partial = top  # the new part of an older step: a step of its own here
            return False
        self.known = index_before + 1
        return False

    def holds(self, step: int) -> bool:
        """Whether the journal holds step `step` whole (so that its undo or redo can be written)."""
        return self.base <= step < self.known and step != self.partial


class Journal:
    """The journal of one open draft, in `folder`, for as long as the draft is open."""

    def __init__(self, folder: Path, report: Callable[[str], None], cleared: Callable[[], None],
                 session: str) -> None:
        self.folder = folder
        self.session = session
        self.report = report
        self.writer = Writer(folder, report, cleared)
        self.tracker = Tracker()
        self.key: str | None = None
        self.draft_path: str | None = None
        self.title = ""
        self.changes = 0  # steps written since the draft was opened or last saved
        self._told: set[str] = set()  # the kinds of edit it could not write, said once each

    @property
    def path(self) -> Path | None:
        return store.journal_path(self.folder, self.key) if self.key else None

    def key_for(self, draft_path: str | None) -> str:
        return store.draft_key(draft_path) if draft_path else store.session_key(self.session)

    # --- starting -------------------------------------------------------------------------------------
    def start(self, doc: Document, draft_path: str | None, index: int = 0, saved: bytes | None = None,
              earlier: int = 0) -> None:
        """Start from the draft as it was opened or made (`doc`), or as just saved to `draft_path` (`saved`,
        the bytes written); `index` is the undo history's, `earlier` the changes `doc` holds that are on disk
        nowhere else. Raises store.Locked if another live process has the draft open."""
        self.changes = earlier
        self._begin(doc, draft_path, index, saved)

    def _restart(self, doc: Document, index: int) -> None:
        """Start again from the draft as it is, changed since it was last saved."""
        self._begin(doc, self.draft_path, index, None)

    def _begin(self, doc: Document, draft_path: str | None, index: int, saved: bytes | None) -> None:
        old = self.path
        self._take(draft_path)
        self.title = doc.meta.title or doc.draft.front.symbol
        begun = time.time()
        data = draftfile.to_dict(doc) if saved is None else None
        path, title, session, earlier = draft_path, self.title, self.session, self.changes

        def payload() -> bytes:
            document = saved if saved is not None else json.dumps(data, ensure_ascii=False).encode("utf-8")
            start = Start(path, begun, title, session, _digest(path, saved), earlier)
            return start_record(start, document)

        assert self.path is not None
        self.writer.begin(self.path, payload, drop=old)
        self.tracker.restart(index)

    def resume(self, replayed: Replayed, file: Path, key: str) -> None:
        """Go on with a journal found after a crash, replayed as `replayed` (the app shows that draft)."""
        self.key = None
        self._take(replayed.start.path, key)
        self.title = replayed.start.title
        self.changes = replayed.changes
        self.writer.resume(file, replayed.end)
        self.tracker.restart(0, len(replayed.commands))

    def _take(self, draft_path: str | None, key: str | None = None) -> None:
        """Lock the journal's name for `draft_path` (raises store.Locked), leaving the previous one."""
        key = key or self.key_for(draft_path)
        if key != self.key:
            try:
                store.acquire(self.folder, key, draft_path or "")
            except OSError as exc:  # the writer says what this means when it cannot write either
                log.warning("no lock for the journal %s: %s", key, exc)
            if self.key is not None:
                store.release(self.folder, self.key)
        self.key, self.draft_path = key, draft_path

    # --- steps ---------------------------------------------------------------------------------------------
    def pushed(self, doc: Document, edit: Edit, index_before: int, merged: bool) -> None:
        """An edit was pushed on the undo history (`merged`: taken into the step before it)."""
        try:
            data = encode_edit(edit)
        except CodecError as exc:
            self._cannot_write(edit, exc)
            self.changes += 1
            self._restart(doc, index_before + (0 if merged else 1))
            return
        self.changes += 1
        merge = self.tracker.pushed(index_before, merged)
        now = time.time()
        self.writer.append(lambda: step_record(EDIT, now, data, merge))

    def undone(self, doc: Document, step: int) -> None:
        """Step `step` was undone (the history's index is now `step`)."""
        self.changes += 1
        if self.tracker.holds(step):
            now = time.time()
            self.writer.append(lambda: step_record(UNDO, now))
        else:
            self._restart(doc, step)

    def redone(self, doc: Document, step: int) -> None:
        """Step `step` was redone (the history's index is now `step + 1`)."""
        self.changes += 1
        if self.tracker.holds(step):
            now = time.time()
            self.writer.append(lambda: step_record(REDO, now))
        else:
            self._restart(doc, step + 1)

    def _cannot_write(self, edit: Edit, exc: CodecError) -> None:
        log.error("an edit cannot be journaled: %s", exc)
        kind = type(edit).__name__
        if kind not in self._told:
            self._told.add(kind)
            self.report(f"A change of the kind “{edit.label or kind}” cannot be written to the journal ({exc}); "
                        "the whole draft is written there instead after each such change.")

    # --- ending ------------------------------------------------------------------------------------------
    def sync(self, timeout: float = 5.0) -> bool:
        return self.writer.sync(timeout)

    def close(self, remove: bool = True) -> None:
        """The draft closes: the journal goes (`remove`, a clean close) or stays for the next start."""
        self.writer.close(remove)
        if self.key is not None:
            store.release(self.folder, self.key)
            self.key = None


def _digest(path: str | None, saved: bytes | None) -> str:
    if path is None:
        return ""
    try:
        return hashlib.sha256(saved if saved is not None else Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""

