"""The review views of the main window kept in step with the open document.

The redline and the side-by-side view, the change list, the outline, the change marks in
the editor's margin and the counts in the status bar follow the controller's
`views_changed` and `compared` signals here. The views draw only what changed, and a view
that is not visible catches up when it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel

from drafter import edits
from drafter.edits import Scope
from ui.controller import Compared, DocumentController
from ui.editor.editor import StructuredEditor
from ui.review.changes import ChangePanel
from ui.review.outline import OutlineView
from ui.review.redline import ReviewView


@dataclass
class ReviewSync:
    controller: DocumentController
    editor: StructuredEditor
    redline: ReviewView
    side: ReviewView
    panel: ChangePanel
    outline: OutlineView
    counts: QLabel
    shown: int = 0  # the revision whose change list the change list panel, margins and counts show
    outline_revision: int = 0  # the revision the outline shows

    def views_current(self) -> bool:
        """Whether every view shows the document as it is now: the change list is of the current
        revision, and the redline, the side-by-side view, the change list and the outline show it."""
        controller = self.controller
        if controller.doc is None:
            return True
        revision = controller.revision
        return (not controller.views_behind() and self.shown == revision and self.outline_revision == revision
                and self.redline.shows(revision) and self.side.shows(revision) and not self.editor.waiting())

    def replaced(self) -> None:
        """Another document: everything anew."""
        doc = self.controller.doc
        self.redline.reset()
        self.side.reset()
        self.editor.set_document(doc)
        self.outline.outline.set_resolution(doc.draft if doc else None)
        self.outline_revision = self.controller.revision
        self.controller.show_again()

    def views_changed(self, scope: Scope) -> None:
        doc = self.controller.doc
        if doc is None or scope.side != "draft":
            self.outline_revision = self.controller.revision
            return
        if scope.structure:
            self.outline.outline.update_resolution(doc.draft)
        else:
            for key in scope.content:
                unit = edits.find(doc.draft, key)
                if unit is not None:
                    self.outline.outline.update_text(key, unit.text)
        self.outline_revision = self.controller.revision

    def compared(self, update: Compared) -> None:
        """The change list changed: only the records of `update.keys`, or any (None)."""
        changes = update.changes
        hidden = self.panel.hidden()
        for view in (self.redline, self.side):
            if update.keys is None:
                view.show_changes(changes, hidden, update.revision)
            else:
                view.update_records(changes, update.keys, update.revision)
        doc = self.controller.doc
        self.panel.set_changes(changes, self.controller.since(), doc.draft if doc else None)
        keys = {i for c in changes.changes if c.kind not in hidden for i in c.new_ids}
        self.editor.set_changed_keys(keys)
        self.outline.outline.set_changed(keys)
        counts = changes.counts
        shown = [f"{counts[kind]} {kind}" for kind in counts if counts[kind]]
        self.counts.setText(", ".join(shown) if shown else self.counts.tr("no changes"))
        self.shown = update.revision
