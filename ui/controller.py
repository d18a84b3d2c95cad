"""The open document: the core `Document`, its undo stack, its file and its live comparison.

Widgets never change the document themselves: they emit intents, the main window turns
them into edits with `drafter.edits`, and `push` runs them through the undo stack.
"""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from drafter import draftfile
from drafter.compare.changes import ChangeList
from drafter.edits import Document, Edit, Scope
from drafter.errors import DrafterError
from ui.commands import EditCommand
from ui.review.live import LiveComparison

log = logging.getLogger(__name__)
SETTLE_MS = 400


class DocumentController(QObject):
    changed = Signal(object)  # Scope: the document changed
    compared = Signal(object)  # list of record numbers updated, or None after a full comparison
    replaced = Signal()  # another document (open, new, recover)
    path_changed = Signal(str)

    def __init__(self, recovery_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.doc: Document | None = None
        self.live: LiveComparison | None = None
        self.path: str | None = None
        self.session = uuid.uuid4().hex[:8]
        self.recovery_dir = recovery_dir
        self.recovery_file: Path | None = None
        self._autosaved_index = 0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settle_now)

    # --- documents ------------------------------------------------------------------------
    def set_document(self, doc: Document, path: str | None) -> None:
        """Show another document; opening creates no undo history."""
        self.discard_recovery()
        self.stack.clear()
        self.doc = doc
        self.path = path
        self.live = LiveComparison(doc)
        self.stack.setClean()
        self._autosaved_index = self.stack.index()
        self.replaced.emit()
        self.path_changed.emit(path or "")

    def open(self, path: str) -> None:
        self.set_document(draftfile.read(path), path)

    def save(self, path: str | None = None) -> None:
        target = path or self.path
        assert self.doc is not None and target
        draftfile.save(self.doc, target)
        self.path = target
        self.stack.setClean()
        self.discard_recovery()
        self.path_changed.emit(target)

    # --- edits ---------------------------------------------------------------------------------
    def push(self, edit: Edit | None) -> bool:
        if edit is None or self.doc is None:
            return False
        self.stack.push(EditCommand(self, edit))
        return True

    def apply_edit(self, edit: Edit) -> None:
        assert self.doc is not None
        edit.apply(self.doc)
        self._after(edit.scope())

    def revert_edit(self, edit: Edit) -> None:
        assert self.doc is not None
        edit.revert(self.doc)
        self._after(edit.scope())

    def _after(self, scope: Scope) -> None:
        self.changed.emit(scope)
        if self.live is None:
            return
        touched = self.live.update(scope)
        self.compared.emit(touched)
        if touched is not None:
            self._settle.start()

    def _settle_now(self) -> None:
        if self.live is not None and self.live.settle():
            self.compared.emit(None)

    def fresh_changes(self) -> ChangeList:
        """The change list after a full comparison (accept and reject need one)."""
        assert self.live is not None
        if self.live.dirty:
            self.live.full()
            self.compared.emit(None)
        return self.live.changes

    # --- autosave -----------------------------------------------------------------------------
    def autosave(self) -> Path | None:
        """Write a recovery file if the document changed since the last one."""
        if self.doc is None or self.stack.isClean() or self.stack.index() == self._autosaved_index:
            return self.recovery_file
        try:
            self.recovery_file = draftfile.write_recovery(self.doc, self.path, self.session, self.recovery_dir)
            self._autosaved_index = self.stack.index()
        except OSError:
            log.exception("autosave failed")
        except DrafterError:
            log.exception("autosave failed")
        return self.recovery_file

    def discard_recovery(self) -> None:
        if self.recovery_file is not None:
            draftfile.discard(self.recovery_file)
            self.recovery_file = None

    @property
    def title(self) -> str:
        if self.path:
            return os.path.basename(self.path)
        if self.doc is not None and self.doc.meta.title:
            return f"{self.doc.meta.title} (draft)"
        return "Untitled draft"
