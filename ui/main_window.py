"""The main window: composes the editor, the review views, the outline and the change list, and wires them."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

import drafter
from drafter import draftfile
from drafter import edits as ed
from drafter.compare.changes import Change
from drafter.edits import Document
from drafter.errors import DrafterError
from drafter.resources import sample_path
from drafter.tracking import resolve
from ui.about import show_about
from ui.checks_panel import Checker, ChecksPanel, rules_menu, underline
from ui.controller import DocumentController
from ui.editor.editor import StructuredEditor
from ui.export import ExportDialog, default_stem, run_export
from ui.find import FindDialog, find_all, replace_edit
from ui.followup_dialog import FollowUpDialog, FollowUpPanel, Request, build
from ui.palette import PaletteMenu, lead_paragraph
from ui.review.changes import ChangePanel
from ui.review.compare_window import CompareWindow
from ui.review.outline import OutlineView
from ui.review.redline import ReviewView
from ui.review.sync import ReviewSync
from ui.settings import Settings
from ui.statedump import from_environment
from ui.worker import Job

log = logging.getLogger(__name__)
OPEN_FILTER = "Drafts and resolutions (*.drafter *.pdf *.docx *.txt *.xml *.json);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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
        self.setCentralWidget(self.splitter)
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
        self.automatic_dock.hide()
        self.where = QLabel("")
        self.counts = QLabel("")
        self.statusBar().addWidget(self.where)
        self.statusBar().addPermanentWidget(self.counts)
        self.review_sync = ReviewSync(self.controller, self.editor, self.redline, self.side, self.panel, self.outline,
                                      self.counts)
        self.find_dialog: FindDialog | None = None
        self.compare_windows: list[CompareWindow] = []
        self.jobs: list[Job] = []
        self._build_actions()
        self._wire()
        self.set_view(settings.view)
        self.autosave = QTimer(self)
        self.autosave.setInterval(settings.autosave_seconds * 1000)
        self.autosave.timeout.connect(self.controller.autosave)
        self.autosave.start()
        self._restore_layout()
        self._update_title()
        self.state_dump = from_environment(self, self.controller, self.redline, self.panel)
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
        self.addDockWidget(area, dock)
        return dock

    # --- actions and menus -------------------------------------------------------------------------
    def _action(self, menu: QMenu, title: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(title, self)
        if shortcut is not None:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        file = self.menuBar().addMenu(self.tr("&File"))
        self._action(file, self.tr("New from a resolution…"), self.new_from_dialog, keys.New)
        self._action(file, self.tr("New &follow-up draft…"), self.new_followup)
        self._action(file, self.tr("&Open…"), self.open_dialog, keys.Open)
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        self._action(file, self.tr("&Save"), self.save, keys.Save)
        self._action(file, self.tr("Save &as…"), self.save_as, keys.SaveAs)
        file.addSeparator()
        self._action(file, self.tr("&Export…"), self.export_dialog, "Ctrl+E")
        self._action(file, self.tr("&Compare two files…"), self.compare_dialog)
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, keys.Quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.controller.stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.controller.stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(keys.Redo)
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self._action(edit, self.tr("Find and &replace…"), self.show_find, keys.Find)
        edit.addSeparator()
        self._action(edit, self.tr("Insert &footnote"), lambda: self.editor.insert_footnote(), "Ctrl+Alt+F")
        self.cite_menu = edit.addMenu(self.tr("&Cite footnote again"))
        self.cite_menu.aboutToShow.connect(self._fill_cite_menu)
        self._action(edit, self.tr("&Delete footnote"), self.editor.remove_current_footnote)
        edit.addSeparator()
        self._action(edit, self.tr("Make sub-paragraph\tTab"), self.editor.indent_current)
        self._action(edit, self.tr("Make paragraph\tShift+Tab"), self.editor.outdent_current)
        self._action(edit, self.tr("Move up\tAlt+Up"), lambda: self.editor.move_current(-1))
        self._action(edit, self.tr("Move down\tAlt+Down"), lambda: self.editor.move_current(1))
        self._action(edit, self.tr("Preambular ↔ operative"), self.editor.toggle_current_kind, "Ctrl+Shift+K")
        self.palette_menu = PaletteMenu(self)
        self.menuBar().addMenu(self.palette_menu)
        view = self.menuBar().addMenu(self.tr("&View"))
        self.view_actions = {}
        for key, title, shortcut in (("redline", self.tr("&Redline"), "Ctrl+1"),
                                     ("side-by-side", self.tr("&Side by side"), "Ctrl+2"),
                                     ("editor", self.tr("&Editor only"), "Ctrl+3")):
            action = self._action(view, title, self._view_setter(key), shortcut)
            action.setCheckable(True)
            self.view_actions[key] = action
        view.addSeparator()
        self._action(view, self.tr("&Next change"), lambda: self.panel.step(1), "F8")
        self._action(view, self.tr("&Previous change"), lambda: self.panel.step(-1), "Shift+F8")
        self._action(view, self.tr("Accept change"), lambda: self._resolve_current("draft"), "Ctrl+Shift+A")
        self._action(view, self.tr("Reject change"), lambda: self._resolve_current("base"), "Ctrl+Shift+R")
        view.addSeparator()
        view.addAction(self.outline_dock.toggleViewAction())
        view.addAction(self.changes_dock.toggleViewAction())
        view.addAction(self.automatic_dock.toggleViewAction())
        checks = view.addMenu(self.tr("Editorial &checks"))
        checks.addAction(self.checks_dock.toggleViewAction())
        self.rules_menu = rules_menu(self, self.checker)
        checks.addMenu(self.rules_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("Open the sample A/RES/72/169"), self.open_sample)
        self._action(help_menu, self.tr("&About Drafter"), self._about)
        self._fill_recent()

    def _view_setter(self, key: str) -> Callable[[], None]:
        return lambda: self.set_view(key)

    def _wire(self) -> None:
        c, ed_ = self.controller, self.editor
        ed_.edit_requested.connect(c.push)
        ed_.undo_requested.connect(c.stack.undo)
        ed_.redo_requested.connect(c.stack.redo)
        ed_.unit_changed.connect(self._on_unit)
        ed_.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
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
        self.panel.accept_requested.connect(lambda change: self._resolve(change, "draft"))
        self.panel.reject_requested.connect(lambda change: self._resolve(change, "base"))
        self.panel.toggles_changed.connect(self._on_toggles)
        self.outline.jump_requested.connect(self._jump_to_key)
        self.outline.outline.move_requested.connect(self._move_block)
        self.checker.found.connect(self.checks.set_findings)
        self.checker.found.connect(lambda found: underline(self.editor, found))
        self.checks.jump_requested.connect(lambda key, start, end: self.editor.place_cursor(key, start, end))
        self.checks.fix_requested.connect(self.checker.fix)
        self.automatic.jump_requested.connect(self._jump_to_key)
        self.palette_menu.lead_chosen.connect(self.insert_lead)
        c.replaced.connect(self._follow_language)

    # --- reacting to the document ------------------------------------------------------------------
    def _on_replaced(self) -> None:
        self.review_sync.replaced()
        self._update_title()

    def _on_toggles(self, hide_renumbering: bool, hide_technical: bool) -> None:
        self.settings.hide_renumbering = hide_renumbering
        self.settings.hide_technical = hide_technical
        self.controller.show_again()

    def _on_unit(self, key: str, label: str) -> None:
        self.where.setText(label or "")
        if key and not key.startswith("field:"):
            self.outline.select_key(key)
            view = self.redline if self.review.currentWidget() is self.redline else self.side
            view.scroll_to(key)

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
        for name, action in self.view_actions.items():
            action.setChecked(name == key)

    def _jump_to_key(self, key: str) -> None:
        self.editor.go_to(key)
        self.panel.select_block(key)

    def _jump_to_change(self, change: Change) -> None:
        key = (change.new_ids or change.old_ids or ("",))[0]
        if change.new_ids:
            self.editor.go_to(key)
        self.redline.scroll_to(key)
        self.side.scroll_to(key)

    def _resolve(self, change: Change, keep: str) -> None:
        doc = self.controller.doc
        if doc is None:
            return
        fresh = self.controller.fresh_changes()
        match = next((c for c in fresh.changes if (c.kind, c.old_ids, c.new_ids, c.front_field)
                      == (change.kind, change.old_ids, change.new_ids, change.front_field)), None)
        edit = resolve(doc, fresh, match, keep) if match is not None else None  # type: ignore[arg-type]
        if not self.controller.push(edit):
            self.statusBar().showMessage(self.tr("This change cannot be accepted or rejected on its own "
                                                 "(renumbering follows other changes)."), 5000)

    def _resolve_current(self, keep: str) -> None:
        change = self.panel.current()
        if change is not None:
            self._resolve(change, keep)

    def _move_block(self, key: str, where: ed.Where) -> None:
        if self.controller.doc is not None:
            self.controller.push(ed.move_to(self.controller.doc, key, where))

    def insert_lead(self, part: str, word: str) -> None:
        doc = self.controller.doc
        if doc is not None:
            self.editor.flush()
            edit, key = lead_paragraph(doc, part, word, self.editor.current_key())
            if self.controller.push(edit):
                self.editor.place_cursor(key, len(word) + 1)
                self.editor.setFocus()

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
        if not matches:
            self.statusBar().showMessage(self.tr("Not found: {text}").format(text=needle), 4000)
            return False
        order = [b.id for b in ed.reading_order(doc.draft)] + [n.id for n in doc.draft.footnotes]  # type: ignore[union-attr]
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

    def _fill_cite_menu(self) -> None:
        self.cite_menu.clear()
        doc = self.controller.doc
        for number, note in enumerate(doc.draft.footnotes if doc else [], 1):
            title = f"{number}. {note.text[:60]}"
            self.cite_menu.addAction(title, self._citer(note.id))

    # --- files ----------------------------------------------------------------------------------------------
    def open_path(self, path: str, base: str | None = None) -> None:
        """A draft file opens as it was saved; any other file becomes the base of a new draft."""
        if path.endswith(draftfile.EXTENSION) and base is None:
            if not self._may_discard():
                return
            try:
                self.controller.open(path)
            except DrafterError as exc:
                self._error(self.tr("Could not open the draft"), exc)
                return
            self.settings.add_recent(path)
            self._fill_recent()
            return
        self.load_async(path, base)

    def load_async(self, path: str, base: str | None = None) -> Job:
        """Import off the GUI thread (long PDFs take a moment), then start a draft from it."""
        if not self._may_discard():
            return Job(lambda: None)
        self.statusBar().showMessage(self.tr("Reading {name}…").format(name=os.path.basename(path)))
        self.setCursor(Qt.CursorShape.BusyCursor)

        def work() -> Document:
            if base is None:
                return Document.from_base(drafter.load(path), path)
            doc = Document.from_base(drafter.load(base), base)
            doc.draft = drafter.load(path)
            return doc

        job = Job(work)
        job.signals.finished.connect(lambda doc: self._loaded(doc, path))
        job.signals.failed.connect(lambda message: self._load_failed(path, message))
        self.jobs.append(job)
        job.start()
        return job

    def _loaded(self, doc: Document, path: str) -> None:
        self.unsetCursor()
        self.statusBar().clearMessage()
        self.controller.set_document(doc, None)
        self.settings.add_recent(path)
        self._fill_recent()

    def _load_failed(self, path: str, message: str) -> None:
        self.unsetCursor()
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Could not read the file"), f"{path}\n\n{message}")

    def open_sample(self) -> None:
        self.open_path(str(sample_path()))

    def new_from_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("New draft from a resolution"), self.settings.last_folder,
                                              "Resolutions (*.pdf *.docx *.txt *.xml *.json);;All files (*)")
        if path:
            self.settings.last_folder = os.path.dirname(path)
            self.load_async(path)

    def new_followup(self) -> FollowUpDialog:
        doc = self.controller.doc
        dialog = FollowUpDialog(doc.base if doc else None, doc.meta.base_source if doc else "",
                                self.settings.last_folder, self)
        dialog.followup_requested.connect(self.make_followup)
        dialog.open()
        return dialog

    def make_followup(self, request: Request) -> Job:
        """Read the base and make the follow-up off the GUI thread, then open it as a new, unsaved draft."""
        if not self._may_discard():
            return Job(lambda: None)
        job = Job(lambda: build(request))
        job.signals.finished.connect(self._followup_made)
        job.signals.failed.connect(lambda message: QMessageBox.warning(self, self.tr("No follow-up draft"), message))
        self.jobs.append(job)
        job.start()
        return job

    def _followup_made(self, result: tuple[Document, object]) -> None:
        doc, fu = result
        self.controller.set_document(doc, None)
        self.controller.stack.resetClean()  # the new draft is not saved yet
        self.automatic.show_followup(fu)  # type: ignore[arg-type]
        self.automatic_dock.show()

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), self.settings.last_folder, OPEN_FILTER)
        if path:
            self.settings.last_folder = os.path.dirname(path)
            self.open_path(path)

    def save(self) -> bool:
        if self.controller.doc is None:
            return False
        if not self.controller.path:
            return self.save_as()
        try:
            self.controller.save()
        except DrafterError as exc:
            self._error(self.tr("The draft was not saved"), exc)
            return False
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=self.controller.path), 4000)
        return True

    def save_as(self) -> bool:
        if self.controller.doc is None:
            return False
        suggested = os.path.join(self.settings.last_folder,
                                 (self.controller.doc.draft.front.symbol or "draft").replace("/", "-")
                                 + draftfile.EXTENSION)
        pattern = f"Drafts (*{draftfile.EXTENSION})"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save draft"), suggested, pattern)
        if not path:
            return False
        if not path.endswith(draftfile.EXTENSION):
            path += draftfile.EXTENSION
        try:
            self.controller.save(path)
        except DrafterError as exc:
            self._error(self.tr("The draft was not saved"), exc)
            return False
        self.settings.add_recent(path)
        self._fill_recent()
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            self.recent_menu.addAction(path, self._opener(path))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def _opener(self, path: str) -> Callable[[], None]:
        return lambda: self.open_path(path)

    def export_dialog(self) -> None:
        doc = self.controller.doc
        if doc is None:
            return
        stem = default_stem(self.controller.path, doc, self.settings.last_folder)
        dialog = ExportDialog(stem, self.settings.author, self)
        dialog.export_requested.connect(self.export)
        dialog.open()

    def export(self, key: str, path: str, author: str, track_front: bool = False) -> Job | None:
        if self.controller.doc is None:
            return None
        if author:
            self.settings.author = author
        job = run_export(self, self.controller.doc, key, path, author,
                         lambda p: self.statusBar().showMessage(self.tr("Exported {path}").format(path=p), 6000),
                         self._export_failed, track_front)
        self.jobs.append(job)
        return job

    def _export_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Export failed"), message)

    def compare_dialog(self) -> None:
        old, _ = QFileDialog.getOpenFileName(self, self.tr("Compare: the earlier text"), self.settings.last_folder)
        if not old:
            return
        new, _ = QFileDialog.getOpenFileName(self, self.tr("Compare: the later text"), os.path.dirname(old))
        if new:
            self.compare_files(old, new)

    def compare_files(self, old: str, new: str) -> Job:
        job = Job(lambda: (drafter.load(old), drafter.load(new)))
        job.signals.finished.connect(lambda pair: self._show_compare(pair, old, new))
        job.signals.failed.connect(lambda message: QMessageBox.warning(self, self.tr("Could not compare"), message))
        self.jobs.append(job)
        job.start()
        return job

    def _show_compare(self, pair: tuple[object, object], old: str, new: str) -> None:
        window = CompareWindow(pair[0], pair[1], os.path.basename(old), os.path.basename(new))  # type: ignore[arg-type]
        self.compare_windows.append(window)
        window.show()

    # --- closing ------------------------------------------------------------------------------------------
    def _may_discard(self) -> bool:
        if self.controller.doc is None or self.controller.stack.isClean():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("The draft has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush()
        if not self._may_discard():
            event.ignore()
            return
        self.controller.discard_recovery()
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

    def _error(self, title: str, exc: DrafterError) -> None:
        QMessageBox.warning(self, title, str(exc))

    def _about(self) -> None:
        show_about(self)
