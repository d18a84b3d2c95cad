"""The main window: composes the editor, the review views, the outline, the change list and the other panes,
and wires them. The File menu's work is `ui.files`, the menus are built by `ui.menus`, keyboard access to
the panes is `ui.shortcuts`, Print and Export PDF are `ui.printing`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from drafter import edits
from drafter.compare.changes import Change
from drafter.edits import Side
from drafter.followup import FollowUp
from drafter.tracking import resolve
from ui.about import show_about
from ui.author import AuthorField
from ui.checks_panel import Checker, ChecksPanel, underline
from ui.comments_ui import CommentsUi
from ui.controller import DocumentController
from ui.editor.editor import StructuredEditor
from ui.files import FileActions
from ui.find import FindDialog, find_all, replace_edit
from ui.followup_dialog import FollowUpPanel
from ui.journal_ui import JournalUi
from ui.library_session import LibrarySession
from ui.library_ui import LibraryUi, source_note
from ui.menus import build_menus
from ui.navigation import reveal_in_review, to_upper_third
from ui.palette import PaletteMenu, lead_paragraph
from ui.printing import Printing
from ui.proposals_ui import ProposalsUi
from ui.provenance_ui import ProvenanceUi
from ui.review.changes import ChangePanel
from ui.review.consistency import from_environment as check_views
from ui.review.outline import OutlineView
from ui.review.redline import ReviewView
from ui.review.sync import ReviewSync
from ui.review.three_columns import ThreeColumns
from ui.settings import Settings
from ui.shortcuts import Pane, Panes
from ui.statedump import from_environment
from ui.versions_ui import VersionsUi
from ui.warnings_bar import WarningsBar, warnings_of

log = logging.getLogger(__name__)
FOLLOW_MS = 150  # the outline and the review view go to the cursor's paragraph once it rests there this long


class MainWindow(QMainWindow):
    undo_action: QAction
    redo_action: QAction
    recent_menu: QMenu
    cite_menu: QMenu
    rules_menu: QMenu
    view_actions: dict[str, QAction]

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._following = ""  # the paragraph the outline and the review view go to (`_follow_cursor`)
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(self._follow_cursor)
        recovery = Path(settings.recovery_dir) if settings.recovery_dir else None
        self.controller = DocumentController(recovery, self)
        self.editor = StructuredEditor()
        self.redline = ReviewView("redline")
        self.side = ReviewView("side")
        self.review = QStackedWidget()
        self.review.addWidget(self.redline)
        self.review.addWidget(self.side)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.review)
        self.splitter.setSizes([620, 560])
        self.warnings_bar = WarningsBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.warnings_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.outline = OutlineView()
        self.panel = ChangePanel()
        self.panel.hide_renumbering.setChecked(settings.hide_renumbering)
        self.panel.hide_technical.setChecked(settings.hide_technical)
        self.outline_dock = self._dock(self.tr("Outline"), self.outline, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.changes_dock = self._dock(self.tr("Changes"), self.panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.checks = ChecksPanel()
        self.checker = Checker(self.controller, settings, self)
        self.checks_dock = self._dock(self.tr("Editorial checks"), self.checks, Qt.DockWidgetArea.RightDockWidgetArea)
        self.automatic = FollowUpPanel()
        self.automatic_dock = self._dock(self.tr("Automatic changes"), self.automatic,
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.changes_dock, self.automatic_dock)
        self.automatic_dock.hide()
        self.three_columns = ThreeColumns(self.controller)
        self.three_columns_dock = self._dock(self.tr("Base, previous version, current"), self.three_columns,
                                             Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.changes_dock, self.three_columns_dock)
        self.three_columns_dock.hide()
        self.where = QLabel("")
        self.counts = QLabel("")
        self.author_field = AuthorField(settings)
        self.statusBar().addWidget(self.where)
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().addPermanentWidget(self.author_field)
        self.review_sync = ReviewSync(self.controller, self.editor, self.redline, self.side, self.panel, self.outline,
                                      self.counts)
        self.find_dialog: FindDialog | None = None
        self.files = FileActions(self)
        self.versions = VersionsUi(self)
        for widget in self.versions.widgets():
            self.statusBar().addPermanentWidget(widget)
        self.printing = Printing(self)
        self.proposals = ProposalsUi(self)
        self.panes = Panes(self)
        self.panes.panes.append(self.proposals.pane())
        self.library_session = LibrarySession(settings, self)  # the app's one open library of adopted texts
        self.library = LibraryUi(self, self.library_session)
        self.panes.panes.append(self.library.pane())
        self.statusBar().addPermanentWidget(self.library.adding.bar)
        self.statusBar().addPermanentWidget(self.library.status)
        self.provenance = ProvenanceUi(self)
        self.panes.panes.append(self.provenance.pane())
        self.palette_menu = PaletteMenu(self)
        self.comments = CommentsUi(self)
        self.tabifyDockWidget(self.checks_dock, self.comments.dock)
        self.comments.dock.hide()  # shown for a draft with comments, and by any action on comments
        self.panes.panes.append(Pane(self.tr("Co&mments"), "Ctrl+6", lambda: self.comments.panel.tree,
                                     self.comments.dock))
        build_menus(self)
        self._wire()
        self.set_view(settings.view)
        self.journal_ui = JournalUi(self)
        self._restore_layout()
        self._update_title()
        self.state_dump = from_environment(self, self.controller, self.redline, self.panel)
        self.views_check = check_views(self, self.controller, self.redline, self.panel.hidden)
        if self.state_dump is not None:
            self.editor.cursorPositionChanged.connect(self.state_dump.moved)

    def cursor_place(self) -> tuple[str, int] | None:
        return self.editor.cursor_place()

    def views_current(self) -> bool:
        """Whether every view shows the current revision of the document (`ReviewSync.views_current`)."""
        return self.review_sync.views_current()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def _wire(self) -> None:
        c, editor = self.controller, self.editor
        editor.edit_requested.connect(c.push)
        editor.undo_requested.connect(c.stack.undo)
        editor.redo_requested.connect(c.stack.redo)
        editor.unit_changed.connect(self._on_unit)
        editor.notice.connect(self._notice)
        c.changed.connect(self.editor.on_changed)
        self.editor.on_activity = c.interrupt
        c.views_changed.connect(self.review_sync.views_changed)
        c.compared.connect(self.review_sync.compared)
        c.replaced.connect(self._on_replaced)
        # methods, not lambdas: a connection to a method of this window goes with the window, and the
        # controller's undo stack, cleared as it is destroyed after the window, must not call into it
        c.path_changed.connect(self._update_title)
        c.stack.cleanChanged.connect(self._update_title)
        self.panel.jump_requested.connect(self._jump_to_change)
        self.panel.accept_requested.connect(self._accept)
        self.panel.reject_requested.connect(self._reject)
        self.panel.toggles_changed.connect(self._on_toggles)
        self.outline.jump_requested.connect(self.jump_to_key)
        self.outline.outline.move_requested.connect(self._move_block)
        self.checker.found.connect(self.checks.set_findings)
        self.checker.found.connect(lambda found: underline(self.editor, found))
        self.checks.jump_requested.connect(self._jump_to_span)
        self.checks.fix_requested.connect(self.checker.fix)
        self.automatic.jump_requested.connect(self.jump_to_key)
        self.warnings_bar.jump_requested.connect(self.jump_to_key)
        self.palette_menu.lead_chosen.connect(self.insert_lead)
        c.replaced.connect(self._follow_language)

    # --- reacting to the document ------------------------------------------------------------------
    def _on_replaced(self) -> None:
        self.review_sync.replaced()
        self._update_title()
        doc = self.controller.doc
        self.warnings_bar.show_warnings(warnings_of(doc, self.controller.title) if doc is not None else [])

    def _notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_toggles(self, hide_renumbering: bool, hide_technical: bool) -> None:
        self.settings.hide_renumbering = hide_renumbering
        self.settings.hide_technical = hide_technical
        self.controller.show_again()

    def _on_unit(self, key: str, label: str) -> None:
        source = source_note(self, key)
        self.where.setText(self.tr("{label} · wording of {source}").format(label=label, source=source) if source
                           else label or "")
        self._following = key if key and not key.startswith("field:") else ""
        self._follow.start()

    def _follow_cursor(self) -> None:
        """The outline and the review view go to the paragraph the cursor is in, once it rests there and they
        show the edit that put it there: keys that move the cursor from paragraph to paragraph (Enter, Backspace,
        Alt+Up) do not wait for them to scroll."""
        if self.controller.views_behind():
            self._follow.start()
            return
        key, self._following = self._following, ""
        if key:
            self.outline.select_key(key)
            self._review_view().scroll_to(key)

    def _follow_language(self) -> None:
        doc = self.controller.doc
        self.palette_menu.set_language(doc.draft.language if doc else "en")

    def _update_title(self, *_why: object) -> None:
        self.setWindowTitle(f"{self.controller.title}[*] — Drafter")
        self.setWindowModified(not self.controller.stack.isClean())

    # --- navigation and review -----------------------------------------------------------------------
    def set_view(self, key: str) -> None:
        self.settings.view = key
        self.review.setVisible(key != "editor")
        self.review.setCurrentWidget(self.side if key == "side-by-side" else self.redline)  # it catches up when shown
        for name, entry in self.view_actions.items():
            entry.setChecked(name == key)

    def _review_view(self) -> ReviewView:
        return self.redline if self.review.currentWidget() is self.redline else self.side

    def jump_to_key(self, key: str) -> None:
        """Go to a paragraph or footnote: the editor and the review view show it at their upper third."""
        self.editor.go_to(key)
        to_upper_third(self.editor)
        self.panel.select_block(key)
        reveal_in_review(self._review_view(), key)

    def _jump_to_span(self, key: str, start: int, end: int) -> None:
        if self.editor.place_cursor(key, start, end):
            to_upper_third(self.editor)
            reveal_in_review(self._review_view(), key)

    def _jump_to_change(self, change: Change) -> None:
        key = (change.new_ids or change.old_ids or ("",))[0]
        if change.new_ids:
            self.editor.go_to(key)
            to_upper_third(self.editor)
        for view in (self.redline, self.side):
            view.scroll_to(key)
        reveal_in_review(self._review_view(), key)

    def _accept(self, change: Change) -> None:
        self._resolve(change, "draft")

    def _reject(self, change: Change) -> None:
        self._resolve(change, "base")

    def _resolve(self, change: Change, keep: Side) -> None:
        doc = self.controller.compared_doc
        if doc is None:
            return
        if keep == "draft" and not self.controller.against_base:
            self.statusBar().showMessage(self.tr("Against a version, only Reject applies: it puts the version's "
                                                 "wording back. Accept changes the base."), 6000)
            return
        fresh = self.controller.fresh_changes()
        match = next((c for c in fresh.changes if (c.kind, c.old_ids, c.new_ids, c.front_field)
                      == (change.kind, change.old_ids, change.new_ids, change.front_field)), None)
        edit = resolve(doc, fresh, match, keep) if match is not None else None
        if not self.controller.push(edit):
            self.statusBar().showMessage(self.tr("This change cannot be accepted or rejected on its own "
                                                 "(renumbering follows other changes)."), 5000)

    def resolve_current(self, keep: Side) -> None:
        change = self.panel.chosen()
        if change is not None:
            self._resolve(change, keep)

    def _move_block(self, key: str, where: edits.Where) -> None:
        if self.controller.doc is not None:
            self.controller.push(edits.move_to(self.controller.doc, key, where))

    def insert_lead(self, part: str, word: str) -> None:
        doc = self.controller.doc
        if doc is not None:
            self.editor.flush()
            edit, key = lead_paragraph(doc, part, word, self.editor.current_key())
            if self.controller.push(edit):
                self.editor.place_cursor(key, len(word) + 1)
                self.editor.setFocus()

    def show_automatic(self, followup: FollowUp) -> None:
        """The automatic changes of a follow-up draft, in their dock (beside the change list, raised)."""
        self.automatic.show_followup(followup)
        self.automatic_dock.show()
        self.automatic_dock.raise_()
        QTimer.singleShot(0, self._give_automatic_room)  # once the dock is laid out in its tab

    def _give_automatic_room(self) -> None:
        height = max(self.automatic_dock.height(), self.automatic.sizeHint().height(), self.height() // 3)
        self.resizeDocks([self.automatic_dock], [height], Qt.Orientation.Vertical)

    # --- find and replace --------------------------------------------------------------------------------
    def show_find(self) -> None:
        if self.find_dialog is None:
            self.find_dialog = FindDialog(self)
            self.find_dialog.find_requested.connect(self.find_next)
            self.find_dialog.replace_requested.connect(self.replace)
        self.find_dialog.present()

    def find_next(self, needle: str, case: bool, backwards: bool = False) -> bool:
        doc = self.controller.doc
        matches = find_all(doc.draft, needle, case) if doc else []
        if doc is None or not matches:
            self.statusBar().showMessage(self.tr("Not found: {text}").format(text=needle), 4000)
            return False
        order = [b.id for b in edits.reading_order(doc.draft)] + [n.id for n in doc.draft.footnotes]
        here = self.editor.cursor_place() or ("", -1)
        rank = {key: i for i, key in enumerate(order)}
        position = (rank.get(here[0], -1), self.editor.textCursor().selectionEnd() - self.editor.textCursor().block()
                    .position() if not backwards else self.editor.textCursor().selectionStart()
                    - self.editor.textCursor().block().position())
        keyed = sorted(matches, key=lambda m: (rank.get(m.key, 0), m.start))
        if backwards:
            before = [m for m in keyed if (rank.get(m.key, 0), m.end) < position]
            match = before[-1] if before else keyed[-1]
        else:
            after = [m for m in keyed if (rank.get(m.key, 0), m.start) >= position]
            match = after[0] if after else keyed[0]
        self.editor.place_cursor(match.key, match.start, match.end)
        return True

    def replace(self, needle: str, replacement: str, case: bool, everything: bool) -> None:
        doc = self.controller.doc
        if doc is None or not needle:
            return
        matches = find_all(doc.draft, needle, case)
        if not everything:
            cursor = self.editor.textCursor()
            here = self.editor.current_key()
            start = cursor.selectionStart() - cursor.block().position()
            matches = [m for m in matches if m.key == here and m.start == start
                       and cursor.selectedText().lower() == needle.lower()]
            if not matches:
                self.find_next(needle, case)
                return
        self.controller.push(replace_edit(doc, matches, replacement))
        self.statusBar().showMessage(self.tr("Replaced {n}").format(n=len(matches)), 4000)
        if not everything:
            self.find_next(needle, case)
    def _citer(self, note_id: str) -> Callable[[], None]:
        return lambda: self.editor.cite_footnote(note_id)

    def fill_cite_menu(self) -> None:
        self.cite_menu.clear()
        doc = self.controller.doc
        for number, note in enumerate(doc.draft.footnotes if doc else [], 1):
            self.cite_menu.addAction(f"{number}. {note.text[:60]}", self._citer(note.id))

    # --- files (ui.files) --------------------------------------------------------------------------------
    def open_path(self, path: str, base: str | None = None) -> None:
        self.files.open_path(path, base)

    def export(self, key: str, path: str, author: str, track_front: bool = False) -> object:
        return self.files.export(key, path, author, track_front)

    def new_followup(self) -> object:
        return self.files.new_followup()

    def _may_discard(self) -> bool:
        return self.files.may_discard()

    # --- closing ------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush()
        if not self._may_discard():
            event.ignore()
            return
        self.controller.close_journal()
        self.library_session.close()
        self.settings.save_window(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.settings.sync()
        event.accept()

    def _restore_layout(self) -> None:
        geometry, state, splitter = self.settings.geometry(), self.settings.state(), self.settings.splitter()
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:
            self.resizeDocks([self.outline_dock], [250], Qt.Orientation.Horizontal)
            self.resizeDocks([self.changes_dock], [210], Qt.Orientation.Vertical)
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def show_about(self) -> None:
        show_about(self)
