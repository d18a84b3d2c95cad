"""Named versions in the app: File › Save version…, and the "Compare against" choice.

Saving a version keeps the draft as it stands under a name ("Rev.1", "A/C.3/80/L.12") and saves
the draft file with it, so a named version is never only in memory. The "Compare against" box in
the status bar (and View › Compare against) sets what the redline, the side-by-side view, the
change list and the tracked export show the draft against: the base (the A/RES text) or a version.
Against a version, Reject puts the version's wording back into the draft; Accept, which would change
the text compared against, is for the base only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox, QWidget

from drafter import versions
from drafter.errors import DrafterError

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class VersionsUi(QObject):
    """The versions of the open draft, as the window offers them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.box = QComboBox()
        self.box.setToolTip(self.tr("What the draft is compared against: its base or one of its versions"))
        self.box.setAccessibleName(self.tr("Compare against"))
        self.box.activated.connect(lambda index: self.choose(str(self.box.itemData(index))))
        self.label = QLabel(self.tr("Against:"))
        self.controller.replaced.connect(self.refill)
        self.controller.against_changed.connect(lambda _name: self.refill())

    def widgets(self) -> list[QWidget]:
        return [self.label, self.box]

    def names(self) -> list[tuple[str, str]]:
        """(name, what the user sees) for the base and every version, newest version last."""
        doc = self.controller.doc
        if doc is None:
            return []
        base = doc.base.front.symbol or self.tr("the base")
        rows = [(versions.BASE, self.tr("Base ({symbol})").format(symbol=base))]
        rows += [(v.name, v.name) for v in doc.versions]
        return rows

    def refill(self) -> None:
        against = self.controller.against
        self.window.panel.against = self.tr("the base") if self.controller.against_base else against
        with QSignalBlocker(self.box):
            self.box.clear()
            for name, title in self.names():
                self.box.addItem(title, name)
            index = self.box.findData(self.controller.against)
            self.box.setCurrentIndex(max(index, 0))
        self.box.setEnabled(self.box.count() > 1)

    def fill_menu(self, menu: QMenu) -> None:
        menu.clear()
        group = QActionGroup(menu)
        for name, title in self.names():
            entry = QAction(title, menu)
            entry.setCheckable(True)
            entry.setChecked(name == self.controller.against)
            entry.triggered.connect(lambda _checked=False, chosen=name: self.choose(chosen))
            group.addAction(entry)
            menu.addAction(entry)

    def choose(self, name: str) -> None:
        if self.controller.doc is None or name == self.controller.against:
            return
        try:
            self.controller.compare_against(name)
        except DrafterError as error:
            QMessageBox.warning(self.window, self.tr("Compare against"), str(error))
        shown = self.tr("the base") if self.controller.against_base else self.controller.against
        self.window.statusBar().showMessage(self.tr("Comparing against {name}").format(name=shown), 4000)

    def save_version(self) -> None:
        """Ask for a name, keep the draft under it and save the draft file."""
        doc = self.controller.doc
        if doc is None:
            return
        suggestion = f"Rev.{len(doc.versions)}" if doc.versions else self.tr("Zero draft")
        name, ok = QInputDialog.getText(self.window, self.tr("Save version"),
                                        self.tr("Name of this version (e.g. Zero draft, Rev.1, A/C.3/80/L.12):"),
                                        QLineEdit.EchoMode.Normal, suggestion)
        if not ok:
            return
        note, ok = QInputDialog.getText(self.window, self.tr("Save version"), self.tr("Note (optional):"))
        if not ok:
            return
        try:
            version = versions.add(doc.versions, name, doc.draft, note.strip())
        except DrafterError as error:
            QMessageBox.warning(self.window, self.tr("Save version"), str(error))
            return
        if not self.window.files.save():
            doc.versions.remove(version)  # not on disk: a version only in memory would be lost on closing
            return
        self.refill()
        self.window.statusBar().showMessage(self.tr("Version {name} saved").format(name=version.name), 4000)
