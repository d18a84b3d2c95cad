"""The open document: the core `Document`, its undo stack, its file and its live comparison.

Widgets never change the document themselves: they emit intents, the main window turns
them into edits with `drafter.edits`, and `push` runs them through the undo stack.

Every applied or reverted edit is reported at once (`changed`: the editor follows each
step). The live comparison and the views that show it (`views_changed`, `compared`) follow
a new edit at once too; but undo and redo come in runs (holding Ctrl+Z, a jump in the undo
history), and a step that follows a change of structure in the same turn of the event loop
waits for the next turn, where the whole run is compared and shown once. After a pause in
typing the full comparison runs in a thread of its own (`start_settling`), so that a
keystroke never waits for it; its result is shown if no edit came in meanwhile. Garbage is collected
at the pauses too, never by Python in the middle of a keystroke (`ui.pauses`).

Every edit, undo and redo also goes to the draft's journal (`drafter.journal`), written in a thread of
its own: a crash loses nothing, and the next start offers the draft back with its undo history
(`restore`). A draft that another Drafter has open (its journal's lock is held) opens as a read-only
copy, if the user wants one (`ask_in_use`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from drafter import draftfile, versions
from drafter.compare.changes import ChangeList
from drafter.edits import Document, Edit, Scope
from drafter.errors import DrafterError
from drafter.journal import Holder, Journal, Locked, Replayed, default_folder, draft_key, other_holder, store
from drafter.tracking.live import BackgroundComparison, Key, LiveComparison
from drafter.tracking.since import Since
from ui.commands import EditCommand
from ui.pauses import collect_garbage, collect_when_due, hold_collections

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Compared:
    """What the views that show the change list catch up with: the change list of document revision
    `revision`, and the keys of the records that changed since the last one (None: any may have)."""

    revision: int
    changes: ChangeList
    keys: tuple[Key, ...] | None


SETTLE_MS = 400
SWITCH_INTERVAL = 0.0002  # seconds, while the full comparison runs in its thread
_USUAL_INTERVAL = sys.getswitchinterval()
STOP_WAIT = 0.02  # seconds the GUI thread waits at most for a stopped comparison to wind down
GARBAGE_MS = 1000  # how often the controller looks whether a collection is due (`ui.pauses.collect_when_due`)


class DocumentController(QObject):
    changed = Signal(object)  # Scope: the document changed (every step, at once)
    views_changed = Signal(object)  # Scope: what the views other than the editor catch up with
    compared = Signal(object)  # Compared: the change list the views show
    replaced = Signal()  # another document (open, new, recover)
    against_changed = Signal(str)  # the draft is now compared with another text: "base" or a version's name
    path_changed = Signal(str)
    journal_failed = Signal(str)  # what went wrong writing the journal, in words (once, until it works again)
    journal_works = Signal()  # the journal is written again
    read_only_changed = Signal(bool)
    _settled = Signal(object)  # a BackgroundComparison whose run ended, from its thread

    def __init__(self, recovery_dir: Path | None = None, parent: QObject | None = None) -> None:
        """`recovery_dir`: where the journals go (None: the user state folder)."""
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.doc: Document | None = None
        self.live: LiveComparison | None = None
        self.path: str | None = None
        self.against = versions.BASE  # what the draft is compared with: "base" or the name of a version
        self._since: tuple[versions.Version, Since] | None = None
        self.session = uuid.uuid4().hex[:8]
        self.journal_folder = recovery_dir or default_folder()
        self.journaling = True  # False: no journal (a screenshot, a benchmark that compares)
        self.journal: Journal | None = None
        self.read_only = False  # a copy of a draft another Drafter has open
        # asked when the draft to open is open in another Drafter: True opens a read-only copy
        self.ask_in_use: Callable[[str, Holder], bool] | None = None
        self.revision = 0  # counts the document's states: every edit applied or reverted, every other document
        self.compared_revision = 0  # the revision the live comparison's change list is of
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.start_settling)
        self._settling: BackgroundComparison | None = None  # the full comparison running in another thread
        self._thread = threading.Thread()  # the thread it runs in
        self._settled.connect(self._on_settled)  # queued: emitted in the settle thread
        self._pending: Scope | None = None  # changes the views have not caught up with
        self._busy = False  # the views caught up with a change of structure in this turn of the event loop
        self._pushing = False
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._next_turn)
        hold_collections()
        self._active_at = time.monotonic()  # the last key, click or edit
        self._garbage = QTimer(self)
        self._garbage.setInterval(GARBAGE_MS)
        self._garbage.timeout.connect(self._collect_when_due)
        self._garbage.start()

    # --- documents ------------------------------------------------------------------------
    def set_document(self, doc: Document, path: str | None, read_only: bool = False) -> None:
        """Show another document; opening creates no undo history. A draft another Drafter has open opens
        as a read-only copy if `ask_in_use` says so, else not at all (DraftInUse without `ask_in_use`)."""
        if path and not read_only and self.journaling:
            holder = other_holder(self.journal_folder, draft_key(path))
            if holder is not None:
                if self.ask_in_use is None:
                    raise DraftInUse(path, holder)
                if not self.ask_in_use(path, holder):
                    return
                read_only = True
        self.close_journal()
        self._set_read_only(read_only)
        self._show_document(doc, path)
        if not read_only:
            self._start_journal(doc, path)
        collect_garbage(full=True)

    def _show_document(self, doc: Document, path: str | None) -> None:
        self.stack.clear()
        self._pending = None
        self.interrupt()
        self._settling = None  # a comparison still running for the document before stops, and is ignored
        self.doc = doc
        self.path = path
        self.revision += 1
        self.against = versions.BASE
        self.live = LiveComparison(doc)
        self.compared_revision = self.revision
        self.stack.setClean()
        self.replaced.emit()
        self.path_changed.emit(path or "")
        self.against_changed.emit(self.against)

    def compare_against(self, name: str) -> None:
        """Compare the draft with the base or with one of its versions; the undo history stays.

        Against a version, the live comparison sees a document whose base is the version's snapshot
        and whose draft is the document's own draft (the same object, so every edit reaches it)."""
        assert self.doc is not None
        text = versions.pick(self.doc.versions, name, self.doc.base, self.doc.draft)
        self.catch_up()
        self.interrupt()
        self._settle.stop()
        self._settling = None
        against_base = " ".join(name.split()).casefold() == versions.BASE
        self.against = versions.BASE if against_base else versions.find(self.doc.versions, name).name
        doc = self.doc
        self.live = LiveComparison(doc if against_base else Document(text, doc.draft, doc.meta, doc.versions))
        self.revision += 1
        self.compared_revision = self.revision
        self.views_changed.emit(Scope(side="base"))  # what the draft is compared with is another text
        self.against_changed.emit(self.against)
        self._show()

    @property
    def compared_doc(self) -> Document | None:
        """The document the change list is of: the open one, or (against a version) the version and the draft."""
        return self.live.doc if self.live is not None else self.doc

    @property
    def against_base(self) -> bool:
        return self.against == versions.BASE

    def since(self) -> Since | None:
        """The latest version, to mark the changes made since it (None: no version, or it is compared against)."""
        doc = self.doc
        if doc is None or not doc.versions or doc.versions[-1].name == self.against:
            return None
        latest = doc.versions[-1]
        if self._since is None or self._since[0] is not latest:
            self._since = (latest, Since(latest.name, latest.text()))
        return self._since[1]

    def open(self, path: str) -> None:
        self.set_document(draftfile.read(path), path)

    def save(self, path: str | None = None) -> None:
        target = path or self.path
        assert self.doc is not None and target
        if self.read_only and target == self.path:
            raise DrafterError(f"{target}: this is a read-only copy of a draft open in another Drafter window; "
                               "save it under another name (File › Save As)")
        holder = other_holder(self.journal_folder, draft_key(target)) if target != self.path else None
        if holder is not None:
            raise DraftInUse(target, holder)
        saved = draftfile.save(self.doc, target)
        self.path = target
        self.stack.setClean()
        if self.read_only:  # the copy, saved under a name of its own, is a draft like any other
            self._set_read_only(False)
            self._start_journal(self.doc, target, saved)
        elif self.journal is not None:
            self._restart_journal(target, saved)
        self.path_changed.emit(target)

    # --- edits ---------------------------------------------------------------------------------
    def push(self, edit: Edit | None) -> bool:
        if edit is None or self.doc is None or self.read_only:
            return False
        before = self.stack.index()
        self._pushing = True
        try:
            self.stack.push(EditCommand(self, edit))
        finally:
            self._pushing = False
        if self.journal is not None:
            self.journal.pushed(self.doc, edit, before, self.stack.index() == before)
        return True

    def apply_edit(self, edit: Edit) -> None:
        assert self.doc is not None
        self.interrupt()
        edit.apply(self.doc)
        self.revision += 1
        if self.journal is not None and not self._pushing:  # a redo: the stack's index is the step's
            self.journal.redone(self.doc, self.stack.index())
        self._after(edit.scope())

    def revert_edit(self, edit: Edit) -> None:
        assert self.doc is not None
        self.interrupt()
        edit.revert(self.doc)
        self.revision += 1
        if self.journal is not None:  # an undo: the stack's index is the step's, plus one
            self.journal.undone(self.doc, self.stack.index() - 1)
        self._after(edit.scope())

    def _after(self, scope: Scope) -> None:
        self.changed.emit(scope)
        self._pending = scope if self._pending is None else self._pending | scope
        if self._busy and not self._pushing:
            self._turn.start()  # one step of a run of undo or redo: the views catch up at the next turn
            return
        self.catch_up()

    def catch_up(self) -> None:
        """Compare and show the changes the views have not caught up with."""
        scope, self._pending = self._pending, None
        if scope is None:
            return
        if scope.structure or scope.notes or scope.fields:
            self._busy = True
            self._turn.start()
        self.views_changed.emit(scope)
        if self.live is None:
            return
        keys = self.live.update(scope)
        self.compared_revision = self.revision
        self._show(keys)
        if self.live.dirty:
            self._settle.start()

    def _show(self, keys: list[Key] | None = None) -> None:
        """The views show the live change list; `keys` the records that changed (None: any may have)."""
        assert self.live is not None
        self.compared.emit(Compared(self.compared_revision, self.live.changes, None if keys is None else tuple(keys)))

    def show_again(self) -> None:
        """The views draw the change list again (another filter of what they show, say)."""
        if self.live is not None:
            self._show()

    def views_behind(self) -> bool:
        """Whether the document has changed in ways the change list does not show yet."""
        return self._pending is not None or self.compared_revision != self.revision

    def _next_turn(self) -> None:
        self._busy = False
        self.catch_up()

    def start_settling(self) -> None:
        """A pause in typing: the full comparison runs in another thread, on copies of the documents
        (`BackgroundComparison`); the views follow when it ends, if no edit came in between."""
        if self._settling is not None or self.live is None:
            return  # one at a time: when it ends, the timer starts again if the draft changed meanwhile
        self.catch_up()
        self._settle.stop()
        collect_garbage()  # the young objects of the typing before the pause
        if not self.live.dirty:
            return
        background = self._settling = self.live.in_background()
        self._thread = threading.Thread(target=self._run_settling, args=(background,), name="settle", daemon=True)
        self._thread.start()

    def interrupt(self) -> None:
        """The user is at work: a full comparison running in its thread stops (the next pause starts it
        again), so that it neither holds up what the user does nor computes what an edit makes stale."""
        self._active_at = time.monotonic()
        if self._settling is not None and not self._settling.stopped:
            self._settling.stop()
            # let it wind down now, without the GUI thread taking turns with it (it looks at least once
            # every few milliseconds): what the user does next then runs alone
            self._thread.join(STOP_WAIT)

    def _run_settling(self, background: BackgroundComparison) -> None:
        """In the settle thread. Python threads take turns holding the interpreter; the GUI thread asks
        for it back after every Qt call that let it go, and waits up to the switch interval each time
        (5 ms by default: a keystroke could wait hundreds of ms), so the interval is short meanwhile."""
        sys.setswitchinterval(SWITCH_INTERVAL)
        try:
            background.run()
        except Exception:  # the quick path's change list stays; the next edit tries again
            background.failed = True
            log.exception("the full comparison failed")
        finally:
            sys.setswitchinterval(_USUAL_INTERVAL)
        with contextlib.suppress(RuntimeError):  # the controller is gone (the window closed)
            self._settled.emit(background)

    def _on_settled(self, background: BackgroundComparison) -> None:
        self.take_settled(background)  # looked up now, so that a benchmark can time it

    def take_settled(self, background: BackgroundComparison) -> None:
        """Show what the full comparison found, if it is still about the document as it is."""
        if background is not self._settling or self.live is None:
            return  # another document meanwhile
        self._settling = None
        found_more = self.live.take_result(background)
        if found_more is None:  # stale (an edit came in meanwhile: try again at the next pause) or failed
            if self.live.dirty and not background.failed:
                self._settle.start()
            return
        self._show([] if not found_more else None)  # a new change list even when it reads the same
        QTimer.singleShot(0, self._collect_in_pause)  # at the next turn: a keystroke that came meanwhile goes first

    def _collect_in_pause(self) -> None:
        """What the full comparison left, collected if the pause goes on (else at the next one)."""
        if time.monotonic() - self._active_at >= self._settle.interval() / 1000:
            collect_garbage()

    def _collect_when_due(self) -> None:
        collect_when_due(time.monotonic() - self._active_at)

    def set_settle_delay(self, ms: int) -> None:
        """How long a pause in typing lasts before the full comparison runs (SETTLE_MS by default)."""
        self._settle.setInterval(ms)

    def settle_pending(self) -> bool:
        """Whether a pause in typing would run the full comparison, or it is running."""
        return self._settle.isActive() or self._settling is not None

    def settle_now(self) -> None:
        """The full comparison, here and now; the views follow if it found something new."""
        self._settle.stop()
        self._settling = None
        self.catch_up()
        if self.live is not None and self.live.dirty:
            found_more = self.live.settle()
            self._show([] if not found_more else None)
        collect_garbage()

    def fresh_changes(self) -> ChangeList:
        """The change list after a full comparison (accept and reject need one)."""
        assert self.live is not None
        self.catch_up()
        if self.live.dirty:
            self.live.full()
            self._show()
        return self.live.changes

    # --- the journal ------------------------------------------------------------------------------------
    def _new_journal(self) -> Journal:
        return Journal(self.journal_folder, self.journal_failed.emit, self.journal_works.emit, self.session)

    def _start_journal(self, doc: Document, path: str | None, saved: bytes | None = None) -> None:
        if not self.journaling:
            return
        journal = self._new_journal()
        try:
            journal.start(doc, path, self.stack.index(), saved)
        except Locked as exc:  # taken by another Drafter a moment ago
            journal.close(remove=False)
            self._set_read_only(True)
            log.warning("%s is open in %s: read-only", path, exc.holder.describe())
            return
        self.journal = journal

    def _restart_journal(self, path: str, saved: bytes) -> None:
        """After a save: the journal starts again from the saved file (under the file's name)."""
        assert self.journal is not None and self.doc is not None
        try:
            self.journal.start(self.doc, path, self.stack.index(), saved)
        except Locked:  # another Drafter took the file's name meanwhile: this journal goes on under its own
            self.journal.start(self.doc, self.journal.draft_path, self.stack.index())

    def restore(self, replayed: Replayed, file: Path, key: str, path: str | None) -> None:
        """Show a draft recovered from a journal, with its undo history, and go on writing that journal."""
        self.close_journal()
        self._set_read_only(False)
        self._show_document(replayed.doc, path)
        if replayed.start.path is None or path is None:
            self.stack.resetClean()  # an unsaved draft, or one whose saved file changed since
        RestoredCommand.restoring = True
        try:
            for number, edit in enumerate(replayed.commands):
                self.stack.push(RestoredCommand(self, edit, 1 if number < replayed.index else 2))
            self.stack.setIndex(replayed.index)
        finally:
            RestoredCommand.restoring = False
        if self.journaling:
            journal = self._new_journal()
            if path == replayed.start.path:
                journal.resume(replayed, file, key)
            else:  # an unsaved copy: a journal of its own, from the draft as it is (changed: not on disk)
                journal.start(replayed.doc, path, self.stack.index(), earlier=replayed.changes)
                store.remove(file.parent, key)
            self.journal = journal
        collect_garbage(full=True)

    def sync_journal(self, timeout: float = 5.0) -> bool:
        """Everything journaled so far on disk (after an unexpected error, say)."""
        return self.journal.sync(timeout) if self.journal is not None else True

    def close_journal(self, remove: bool = True) -> None:
        """The draft closes cleanly (saved, or its changes discarded by the user): its journal goes."""
        if self.journal is not None:
            self.journal.close(remove)
            self.journal = None

    def _set_read_only(self, value: bool) -> None:
        if value != self.read_only:
            self.read_only = value
            self.read_only_changed.emit(value)
            self.path_changed.emit(self.path or "")  # the title says so

    @property
    def title(self) -> str:
        if self.path and self.read_only:
            return f"{os.path.basename(self.path)} (read-only copy)"
        if self.path:
            return os.path.basename(self.path)
        if self.doc is not None and self.doc.meta.title:
            return f"{self.doc.meta.title} (draft)"
        return "Untitled draft"


class DraftInUse(DrafterError):
    def __init__(self, path: str, holder: Holder) -> None:
        super().__init__(f"{path}: the draft is open in {holder.describe()}; close it there first, or open "
                         "a read-only copy")
        self.holder = holder


class RestoredCommand(EditCommand):
    """A step of an undo history recovered from a journal: put on the stack as it stands (its edit is
    done, or undone, already), so its first `skip` calls (the push's redo; for a step that was undone,
    the undo that brings the stack's index back) do nothing. While `restoring`, no step merges."""

    restoring = False

    def __init__(self, target: DocumentController, edit: Edit, skip: int) -> None:
        super().__init__(target, edit)
        self.skip = skip

    def redo(self) -> None:
        if self.skip:
            self.skip -= 1
            return
        super().redo()

    def undo(self) -> None:
        if self.skip:
            self.skip -= 1
            return
        super().undo()

    def mergeWith(self, other: QUndoCommand) -> bool:
        return not RestoredCommand.restoring and super().mergeWith(other)
