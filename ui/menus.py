"""The main window's menus: File, Edit, Negotiation, View and Help, each entry wired to what does the work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.checks_panel import rules_menu
from ui.copy_amendments import copy_as_amendments
from ui.negotiation_ui import negotiation_menu

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def action(window: MainWindow, menu: QMenu, title: str, slot: Callable[[], object],
           shortcut: Shortcut = None) -> QAction:
    entry = QAction(title, window)
    if shortcut is not None:
        entry.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
    entry.triggered.connect(slot)
    menu.addAction(entry)
    return entry


def build_menus(window: MainWindow) -> None:
    _file_menu(window)
    _edit_menu(window)
    negotiation_menu(window)
    window.menuBar().addMenu(window.palette_menu)
    _view_menu(window)
    help_menu = window.menuBar().addMenu(window.tr("&Help"))
    action(window, help_menu, window.tr("Open the sample A/RES/72/169"), window.files.open_sample)
    action(window, help_menu, window.tr("&About Drafter"), window.show_about)


def _file_menu(window: MainWindow) -> None:
    keys, files = QKeySequence.StandardKey, window.files
    menu = window.menuBar().addMenu(window.tr("&File"))
    action(window, menu, window.tr("&New from a resolution…"), files.new_from_dialog, keys.New)
    action(window, menu, window.tr("New &follow-up draft…"), files.new_followup)
    action(window, menu, window.tr("&Open…"), files.open_dialog, keys.Open)
    window.recent_menu = menu.addMenu(window.tr("Open &recent"))
    action(window, menu, window.tr("&Save"), files.save, keys.Save)
    action(window, menu, window.tr("Save &as…"), files.save_as, keys.SaveAs)
    action(window, menu, window.tr("Save &version…"), window.versions.save_version)
    action(window, menu, window.tr("&Import proposals…"), window.proposals.importer.ask)
    menu.addSeparator()
    adding = window.library.adding
    action(window, menu, window.tr("Add to &library…"), adding.add_files)
    action(window, menu, window.tr("Add a folder &to the library…"), adding.add_folder)
    action(window, menu, window.tr("Add the bundled sa&mples to the library"), adding.add_samples)
    action(window, menu, window.tr("&Use library folder…"), adding.use_folder)
    menu.addSeparator()
    action(window, menu, window.tr("&Export…"), files.export_dialog, "Ctrl+E")
    window.printing.add_to(menu)
    action(window, menu, window.tr("&Compare two files…"), files.compare_dialog)
    menu.addSeparator()
    action(window, menu, window.tr("&Quit"), window.close, keys.Quit)
    files.fill_recent()


def _edit_menu(window: MainWindow) -> None:
    keys, editor, stack = QKeySequence.StandardKey, window.editor, window.controller.stack
    menu = window.menuBar().addMenu(window.tr("&Edit"))
    window.undo_action = stack.createUndoAction(window, window.tr("&Undo"))
    window.undo_action.setShortcut(keys.Undo)
    window.redo_action = stack.createRedoAction(window, window.tr("&Redo"))
    window.redo_action.setShortcut(keys.Redo)
    menu.addActions([window.undo_action, window.redo_action])
    menu.addSeparator()
    action(window, menu, window.tr("Find and &replace…"), window.show_find, keys.Find)
    action(window, menu, window.tr("Copy as a&mendments"), lambda: copy_as_amendments(window), "Ctrl+Shift+M")
    menu.addSeparator()
    action(window, menu, window.tr("Insert &footnote"), lambda: editor.insert_footnote(), "Ctrl+Alt+F")
    window.cite_menu = menu.addMenu(window.tr("&Cite footnote again"))
    window.cite_menu.aboutToShow.connect(window.fill_cite_menu)
    action(window, menu, window.tr("&Delete footnote"), editor.remove_current_footnote)
    menu.addSeparator()
    action(window, menu, window.tr("Make sub-paragraph\tTab"), editor.indent_current)
    action(window, menu, window.tr("Make paragraph\tShift+Tab"), editor.outdent_current)
    action(window, menu, window.tr("Move up\tAlt+Up"), lambda: editor.move_current(-1))
    action(window, menu, window.tr("Move down\tAlt+Down"), lambda: editor.move_current(1))
    action(window, menu, window.tr("Preambular ↔ operative"), editor.toggle_current_kind, "Ctrl+Shift+K")
    menu.addSeparator()
    comments = window.comments
    action(window, menu, window.tr("New co&mment"), comments.new_comment, "Ctrl+Alt+M")
    action(window, menu, window.tr("Reply to comment"), comments.reply, "Ctrl+Alt+Shift+M")
    action(window, menu, window.tr("Resolve or reopen comment"), comments.resolve, "Ctrl+Alt+Shift+R")
    action(window, menu, window.tr("Edit comment\tF2"), comments.edit)
    action(window, menu, window.tr("Delete comment"), comments.delete)
    menu.addSeparator()
    action(window, menu, window.tr("&Author of changes…"), window.author_field.ask)


def _view_menu(window: MainWindow) -> None:
    menu = window.menuBar().addMenu(window.tr("&View"))
    window.view_actions = {}
    for key, title, shortcut in (("redline", window.tr("&Redline"), "Ctrl+1"),
                                 ("side-by-side", window.tr("&Side by side"), "Ctrl+2"),
                                 ("editor", window.tr("&Editor only"), "Ctrl+3")):
        entry = action(window, menu, title, _view_setter(window, key), shortcut)
        entry.setCheckable(True)
        window.view_actions[key] = entry
    against = menu.addMenu(window.tr("Compare &against"))
    against.aboutToShow.connect(lambda: window.versions.fill_menu(against))
    menu.addSeparator()
    action(window, menu, window.tr("&Next change"), lambda: window.panel.step(1), "F8")
    action(window, menu, window.tr("&Previous change"), lambda: window.panel.step(-1), "Shift+F8")
    action(window, menu, window.tr("Accept change"), lambda: window.resolve_current("draft"), "Ctrl+Shift+A")
    action(window, menu, window.tr("Reject change"), lambda: window.resolve_current("base"), "Ctrl+Shift+R")
    menu.addSeparator()
    window.panes.menu(menu)
    for dock in (window.outline_dock, window.changes_dock, window.automatic_dock, window.proposals.dock,
                 window.comments.dock, window.library.dock, window.provenance.dock):
        menu.addAction(dock.toggleViewAction())
    three = window.three_columns_dock.toggleViewAction()
    three.setShortcut(QKeySequence("Ctrl+4"))
    menu.addAction(three)
    checks = menu.addMenu(window.tr("Editorial &checks"))
    checks.addAction(window.checks_dock.toggleViewAction())
    action(window, checks, window.tr("&Fix the selected finding"), window.checks.fix_current, "Ctrl+Shift+X")
    window.rules_menu = rules_menu(window, window.checker)
    checks.addMenu(window.rules_menu)
    menu.addSeparator()
    window.provenance.add_to(menu)


def _view_setter(window: MainWindow, key: str) -> Callable[[], None]:
    return lambda: window.set_view(key)
