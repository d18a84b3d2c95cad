"""Proposals in the app: the Proposals dock, its pane for the keyboard, and what Take, Drop and Edit by hand do.

Take pushes one undoable edit (`drafter.edits.taking.take`: the draft changed and the state "taken";
Ctrl+Z takes both back). A proposal that cannot be taken as it stands (the draft changed at its words
since the version it was made on, a competing proposal was taken) is not taken: the user is told why,
and offered to edit the paragraph by hand. Drop is one undoable edit too. The panel follows every edit,
undo and redo: at once when a proposal's state changed, after a pause in typing otherwise (what can be
taken as it stands depends on the draft's words).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMessageBox

from drafter.edits import Scope
from drafter.edits.proposals import DROPPED, OPEN, TAKEN, drop, received_by_id
from drafter.errors import DrafterError
from drafter.negotiate.received import proposal_of, sent_text
from drafter.negotiate.taking import Stale, blocker, mapped_span, take
from ui.proposals_import import ProposalsImport
from ui.proposals_panel import ProposalsPanel
from ui.proposals_rows import Rows, Sent, authors
from ui.shortcuts import Pane

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PANE_SHORTCUT = "Ctrl+5"
PAUSE_MS = 500  # after typing, the panel is drawn again this long after the last keystroke


class ProposalsUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.panel = ProposalsPanel()
        self.dock = QDockWidget(self.tr("Proposals"), window)
        self.dock.setObjectName("Proposals")
        self.dock.setAccessibleName(self.tr("Proposals"))
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.checks_dock, self.dock)
        self.dock.hide()
        self.importer = ProposalsImport(window)
        self.sent: Sent | None = None
        self._drawn: tuple[object, ...] | None = None  # the proposals and states last drawn
        self._stale = True  # the draft changed since the panel was drawn
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.refresh)
        self.controller.replaced.connect(self._replaced)
        self.controller.changed.connect(self._changed)
        self.dock.visibilityChanged.connect(lambda shown: self.refresh() if shown and self._stale else None)
        self.panel.filter_changed.connect(self.refresh)
        self.panel.take_requested.connect(self.take)
        self.panel.drop_requested.connect(self.drop)
        self.panel.edit_requested.connect(self.edit_by_hand)

    def pane(self) -> Pane:
        """The panel's place among the window's panes (F6, View › Go to)."""
        return Pane(self.tr("&Proposals"), PANE_SHORTCUT, lambda: self.panel.tree, self.dock)

    def show_panel(self) -> None:
        """Show the panel, raised, with room for proposals side by side."""
        self.dock.show()
        self.dock.raise_()
        if self._stale or self._signature() != self._drawn:
            self.refresh()
        QTimer.singleShot(0, self._give_room)  # once the dock is laid out

    def _give_room(self) -> None:
        wanted = max(self.window.width() * 2 // 5, 420)
        if self.dock.width() < wanted and not self.dock.isFloating():
            self.window.resizeDocks([self.dock], [wanted], Qt.Orientation.Horizontal)

    # --- following the document ---------------------------------------------------------------------
    def _replaced(self) -> None:
        doc = self.controller.doc
        self.sent = Sent(doc) if doc is not None else None
        self._drawn = None
        self._stale = True
        if self.dock.isVisible():
            self.refresh()

    def _signature(self) -> tuple[object, ...]:
        doc = self.controller.doc
        return tuple((item.id, item.state) for item in doc.proposals) if doc is not None else ()

    def _changed(self, scope: Scope) -> None:
        self._stale = True
        if not self.dock.isVisible():
            return  # drawn when it is shown
        if self._signature() != self._drawn:
            self.refresh()  # a proposal came in, or its state changed: at once
        elif scope.content or scope.structure or scope.notes:
            self._pause.start()

    def refresh(self) -> None:
        doc = self.controller.doc
        if doc is None or self.sent is None:
            self.panel.show_groups([], "")
            return
        self._pause.stop()
        self._stale = False
        self._drawn = self._signature()
        self.panel.set_authors(authors(doc.proposals))
        groups = Rows(doc, self.sent).build(self.panel.author(), self.panel.open_only.isChecked())
        states = [item.state for item in doc.proposals]
        counts = self.tr("{n} proposals: {open} open, {taken} taken, {dropped} dropped").format(
            n=len(states), open=states.count(OPEN), taken=states.count(TAKEN), dropped=states.count(DROPPED))
        self.panel.show_groups(groups, counts if states else self.tr("No proposals: File › Import proposals…"))

    # --- take, drop, edit by hand -------------------------------------------------------------------------
    def take(self, proposal_id: str) -> bool:
        doc = self.controller.doc
        if doc is None:
            return False
        self.window.editor.flush()  # what was typed last counts
        item = received_by_id(doc, proposal_id)
        try:
            edit = take(doc, item)
        except Stale as stale:
            self._cannot_take(proposal_id, stale)
            return False
        except DrafterError as error:
            self.window.statusBar().showMessage(str(error), 6000)
            return False
        self.controller.push(edit)
        self.window.statusBar().showMessage(self.tr("{id} ({author}) taken into the draft; Ctrl+Z takes it back")
                                            .format(id=item.id, author=item.author), 6000)
        self.panel.choose(proposal_id)
        return True

    def _cannot_take(self, proposal_id: str, stale: Stale) -> None:
        title = self.tr("Cannot take this proposal as it stands")
        if not stale.block_id:  # no paragraph of the draft to go to
            QMessageBox.information(self.window, title, str(stale))
            return
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.window, title,
                                      self.tr("{why}\n\nGo to the paragraph to edit it by hand?").format(why=stale),
                                      buttons.Yes | buttons.No)
        if answer == buttons.Yes:
            self.edit_by_hand(proposal_id, stale.block_id)

    def drop(self, proposal_id: str) -> bool:
        doc = self.controller.doc
        if doc is None:
            return False
        item = received_by_id(doc, proposal_id)
        try:
            edit = drop(item)
        except DrafterError as error:
            self.window.statusBar().showMessage(str(error), 6000)
            return False
        self.controller.push(edit)
        self.window.statusBar().showMessage(self.tr("{id} ({author}) dropped").format(id=item.id, author=item.author),
                                            4000)
        self.panel.choose(proposal_id)
        return True

    def edit_by_hand(self, proposal_id: str, key: str) -> None:
        """The paragraph in the editor, the proposal's words selected where the draft still has them."""
        doc = self.controller.doc
        if doc is None:
            return
        self.window.jump_to_key(key)
        item = next((entry for entry in doc.proposals if entry.id == proposal_id), None)
        try:
            words = item is not None and item.state == OPEN and proposal_of(item).words and blocker(doc, item) is None
            span = self._span_in_draft(proposal_id, key) if words else None
        except DrafterError:  # a proposal that cannot be read: the paragraph, as it is
            span = None
        if span is not None:
            self.window.editor.place_cursor(key, *span)
        self.window.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _span_in_draft(self, proposal_id: str, key: str) -> tuple[int, int] | None:
        doc = self.controller.doc
        assert doc is not None
        item = received_by_id(doc, proposal_id)
        try:
            sent = sent_text(doc, item.sent)
        except DrafterError:
            return None
        old = next((b for b in sent.blocks() if b.id == key), None) or sent.footnote(key)
        new = next((b for b in doc.draft.blocks() if b.id == key), None) or doc.draft.footnote(key)
        if old is None or new is None:
            return None
        proposal = proposal_of(item)
        return mapped_span(old.content, new.content, proposal.start, proposal.end)


__all__ = ["PANE_SHORTCUT", "ProposalsUi"]
