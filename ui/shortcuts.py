"""Keyboard access to every pane of the main window.

Tab belongs to the editor (it makes a sub-paragraph), so the panes are reached otherwise:
F6 and Shift+F6 go to the next and the previous pane that is shown; each pane also has a shortcut
of its own (View › Go to), which shows its dock if it was closed. Every pane, list and button gets
an accessible name here or where it is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass
class Pane:
    title: str
    shortcut: str
    target: Callable[[], QWidget]  # the widget that takes the focus
    dock: QDockWidget | None = None
    review: bool = False  # the redline or side-by-side view, hidden in the editor-only view
    reveal: Callable[[], object] | None = None  # shows a pane that is no dock

    def shown(self) -> bool:
        widget = self.target()
        return widget.isVisible() if self.dock is None else not self.dock.isHidden() and widget.isVisible()


class Panes(QObject):
    """The panes in F6 order, their shortcuts, and the View › Go to menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._entries: list[QAction] = []
        window.editor.setAccessibleName(self.tr("Draft editor"))
        window.redline.setAccessibleName(self.tr("Redline: the draft against its base"))
        window.side.setAccessibleName(self.tr("Side by side: the base and the draft"))
        window.panel.keyboard_order()
        window.checks.keyboard_order()
        window.warnings_bar.keyboard_order()
        self.panes = [
            Pane(self.tr("&Draft editor"), "Ctrl+Shift+D", lambda: window.editor),
            Pane(self.tr("&Redline or side-by-side view"), "Ctrl+Shift+V", self._review, review=True),
            Pane(self.tr("&Outline"), "Ctrl+Shift+O", lambda: window.outline, window.outline_dock),
            Pane(self.tr("&Change list"), "Ctrl+Shift+C", lambda: window.panel.table, window.changes_dock),
            Pane(self.tr("Editorial c&hecks"), "Ctrl+Shift+E", lambda: window.checks.list, window.checks_dock),
            Pane(self.tr("&Automatic changes"), "Ctrl+Shift+U", lambda: window.automatic, window.automatic_dock),
            Pane(self.tr("Reader &warnings"), "Ctrl+Shift+W", lambda: window.warnings_bar.list,
                 reveal=window.warnings_bar.reopen),
        ]

    def _review(self) -> QWidget:
        review = self.window.review
        return review.currentWidget() or review

    def menu(self, parent: QMenu) -> QMenu:
        """View › Go to: F6, Shift+F6 and one entry per pane, with their shortcuts shown."""
        menu = parent.addMenu(self.tr("&Go to"))
        self._add(menu, self.tr("&Next pane"), "F6", lambda: self.cycle(1))
        self._add(menu, self.tr("&Previous pane"), "Shift+F6", lambda: self.cycle(-1))
        menu.addSeparator()
        for pane in self.panes:
            self._add(menu, pane.title, pane.shortcut, self._focuser(pane))
        return menu

    def menu_entries(self) -> list[QAction]:
        return list(self._entries)

    def _add(self, menu: QMenu, title: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(title, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        self._entries.append(action)
        return action

    def _focuser(self, pane: Pane) -> Callable[[], None]:
        return lambda: self.focus(pane)

    def focus(self, pane: Pane) -> None:
        """Give the pane the keyboard focus, showing it first if it was closed or hidden."""
        if pane.dock is not None:
            pane.dock.show()
            pane.dock.raise_()
        elif pane.review and not self.window.review.isVisible():
            self.window.set_view("redline")
        elif pane.reveal is not None:
            pane.reveal()
        pane.target().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current(self) -> int:
        """The pane holding the focus, or -1."""
        focused = QApplication.focusWidget()
        for index, pane in enumerate(self.panes):
            target = pane.target()
            if focused is not None and (focused is target or target.isAncestorOf(focused)
                                        or (pane.dock is not None and pane.dock.isAncestorOf(focused))):
                return index
        return -1

    def cycle(self, step: int) -> None:
        """F6 / Shift+F6: the next or previous pane that is shown."""
        shown = [pane for pane in self.panes if pane.shown()]
        if not shown:
            return
        here = self.current()
        order = self.panes[here] if here >= 0 else None
        index = shown.index(order) if order in shown else (-1 if step > 0 else 0)
        self.focus(shown[(index + step) % len(shown)])
