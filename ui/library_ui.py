"""The library in the app: the Library pane (Ctrl+L), search as you type, a found paragraph inserted at the
cursor, and the library in use in the status bar.

A search starts `PAUSE_MS` after the last key or change of a filter, in a worker (`LibrarySession.run`);
each search is numbered, and a result that comes back after a newer search was started is dropped, so
an older query's results never replace a newer one's. Enter on a result inserts its paragraph after the
cursor's (`drafter.found.insert_found`): one undoable edit through the controller, so it is journaled,
redlined and listed like any other; the paragraph remembers its source, shown in the status bar while
the cursor is in it. A library deleted or locked while in use is said in one line in the pane, and the
pane works again once the library is back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QToolButton

from drafter import edits
from drafter.errors import DrafterError
from drafter.found import insert_found
from drafter.library import Found, Library, Stats
from drafter.model import Paragraph
from ui.library_add import LibraryAdd
from ui.library_panel import LibraryPanel
from ui.library_session import LibrarySession
from ui.shortcuts import Pane

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PANE_SHORTCUT = "Ctrl+L"
PAUSE_MS = 250  # a search starts this long after the last key typed in the pane


class LibraryUi(QObject):
    def __init__(self, window: MainWindow, session: LibrarySession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.panel = LibraryPanel()
        self.dock = QDockWidget(self.tr("Library"), window)
        self.dock.setObjectName("Library")
        self.dock.setAccessibleName(self.tr("Library of adopted texts"))
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.checks_dock, self.dock)
        self.dock.hide()
        self.adding = LibraryAdd(window, session)
        self.status = QToolButton()
        self.status.setAutoRaise(True)
        self.status.setAccessibleName(self.tr("Library in use"))
        self.status.clicked.connect(self.show_pane)
        self.searched = 0  # the number of the latest search started
        self.shown = 0  # the number of the search whose results are shown
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.search)
        self.panel.search_changed.connect(self._pause.start)
        self.panel.insert_requested.connect(self.insert)
        self.panel.leave_requested.connect(lambda: window.editor.setFocus(Qt.FocusReason.ShortcutFocusReason))
        session.changed.connect(self._library_changed)
        session.problem.connect(self._problem)
        self.dock.visibilityChanged.connect(lambda shown: self.search() if shown and self.panel.query() else None)
        self.refresh_status()

    def pane(self) -> Pane:
        """The pane's place among the window's panes (F6, View › Go to, Ctrl+L)."""
        return Pane(self.tr("&Library"), PANE_SHORTCUT, lambda: self.panel.field, self.dock)

    def show_pane(self) -> None:
        self.window.panes.focus(self.pane())

    # --- searching ---------------------------------------------------------------------------------------
    def search(self) -> None:
        """Search for what the field says, in a worker; the results of older searches are dropped."""
        self._pause.stop()
        query, filters = self.panel.query(), self.panel.filters()
        self.searched += 1
        number = self.searched
        if not query:
            self.shown = number
            self.panel.show_found(None)
            return
        self.panel.uses.setText(self.tr("Searching…"))

        def task(library: Library) -> Found:
            return library.search(query, organ=filters.organ, since=filters.since, lead=filters.lead,
                                  part=filters.part)

        self.session.run(task, lambda found: self._found(number, found), lambda why: self._failed(number, why))

    def _found(self, number: int, found: Found) -> None:
        if number < self.searched:
            return  # a newer search was started: its results are the ones to show
        self.shown = number
        self.panel.show_found(found)

    def _failed(self, number: int, why: str) -> None:
        if number < self.searched:
            return
        self.shown = number
        self.panel.show_found(None)
        self.panel.show_message(why)

    def _problem(self, why: str) -> None:
        """The library stopped working (one line, in the pane and once in the status bar, whichever part of
        the app was using it), or works again."""
        self.panel.show_message(why)
        if why and why != self.session.no_library():  # no library: the status bar says so already
            self.window.statusBar().showMessage(why, 8000)
        if not why or not self.session.exists():
            self.refresh_status()

    def _library_changed(self) -> None:
        self.refresh_status()
        if self.panel.query():
            self.search()

    # --- inserting ---------------------------------------------------------------------------------------
    def insert(self, row: int) -> bool:
        """The result at `row` as a new paragraph after the cursor's: one undoable edit."""
        doc = self.window.controller.doc
        if doc is None or not 0 <= row < len(self.panel.hits):
            return False
        hit = self.panel.hits[row]
        editor = self.window.editor
        editor.flush()  # what was typed last counts
        try:
            edit, key = insert_found(doc, hit.text, hit.symbol, hit.label, editor.current_key())
        except DrafterError as error:
            self.window.statusBar().showMessage(str(error), 6000)
            return False
        if not self.window.controller.push(edit):
            self.window.statusBar().showMessage(self.tr("The paragraph was not inserted: this draft is read-only"),
                                                6000)
            return False
        self.window.jump_to_key(key)
        label = doc.draft.labels().get(key, "")
        self.window.statusBar().showMessage(self.tr("{source} inserted as {label}; Ctrl+Z takes it back").format(
            source=f"{hit.symbol} {hit.label}", label=label), 8000)
        return True

    # --- the status bar ----------------------------------------------------------------------------------
    def refresh_status(self) -> None:
        """The library in use, counted in a worker; "No library" when the folder holds none."""
        folder = self.session.folder()
        if not self.session.exists():
            self._status(self.tr("No library"), self.session.no_library())
            return
        self._status(self.tr("Library"), str(folder))
        self.session.run(lambda library: library.stats(), self._counted,
                         lambda why: self._status(self.tr("Library unavailable"), why))

    def _counted(self, stats: Stats) -> None:
        self._status(self.tr("Library: {n} texts").format(n=stats.documents),
                     self.tr("{path}\n{n} texts, {p} paragraphs; click to search it (Ctrl+L)").format(
                         path=stats.path, n=stats.documents, p=stats.paragraphs))

    def _status(self, text: str, tip: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(tip)


def source_note(window: MainWindow, key: str) -> str:
    """Where the paragraph `key` was taken from ("A/RES/75/180 OP4"), or ""."""
    doc = window.controller.doc
    unit = edits.find(doc.draft, key) if doc is not None and key else None
    return unit.source if isinstance(unit, Paragraph) else ""


__all__ = ["PANE_SHORTCUT", "LibraryUi", "source_note"]
