"""The review views of the main window kept in step with the open document.

The redline and the side-by-side view, the change list, the outline, the change marks in
the editor's margin and the counts in the status bar follow the controller's
`views_changed` and `compared` signals here. The views draw only what changed, and a view
that is not visible catches up when it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel

from drafter import edits as ed
from drafter.edits import Scope
from ui.controller import DocumentController
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

    def replaced(self) -> None:
        """Another document: everything anew."""
        doc = self.controller.doc
        self.redline.reset()
        self.side.reset()
        self.editor.set_document(doc)
        self.outline.outline.set_resolution(doc.draft if doc else None)
        self.compared(None)

    def views_changed(self, scope: Scope) -> None:
        doc = self.controller.doc
        if doc is None or scope.side != "draft":
            return
        if scope.structure:
            self.outline.outline.update_resolution(doc.draft)
            return
        for key in scope.content:
            unit = ed.find(doc.draft, key)
            if unit is not None:
                self.outline.outline.update_text(key, unit.text)

    def compared(self, touched: list[int] | None) -> None:
        """The change list changed: only the records numbered in `touched`, or anything (None)."""
        live = self.controller.live
        if live is None:
            return
        changes = live.changes
        hidden = self.panel.hidden()
        for view in (self.redline, self.side):
            if touched is None:
                view.show_changes(changes, hidden)
            else:
                view.update_records(touched)
        self.panel.set_changes(changes)
        keys = {i for c in changes.changes if c.kind not in hidden for i in c.new_ids}
        self.editor.set_changed_keys(keys)
        self.outline.outline.set_changed(keys)
        counts = changes.counts
        shown = [f"{counts[kind]} {kind}" for kind in counts if counts[kind]]
        self.counts.setText(", ".join(shown) if shown else self.counts.tr("no changes"))
