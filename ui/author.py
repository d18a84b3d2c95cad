"""The status bar field that names the author of new changes (the name tracked Word exports write).

The name lives in the settings (`Settings.author`), where the export dialog takes it from too;
clicking the field (or Edit › Author of changes…) asks for another one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QToolButton, QWidget

from ui.settings import Settings


class AuthorField(QToolButton):
    author_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("author-of-changes")
        self.setAutoRaise(True)
        self.setAccessibleName(self.tr("Author of changes"))
        self.setToolTip(self.tr("The name written on tracked changes in Word exports; click to change it"))
        self.clicked.connect(self.ask)
        self.dialog: QInputDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        name = self.settings.author
        self.setText(self.tr("Author: {name}").format(name=name) if name else self.tr("Author: not set"))
        self.setAccessibleDescription(self.text())

    def ask(self) -> QInputDialog:
        """Ask for the name, without blocking (the dialog answers through `set_author`)."""
        dialog = self.dialog = QInputDialog(self.window())
        dialog.setObjectName("author-dialog")
        dialog.setWindowTitle(self.tr("Author of changes"))
        dialog.setLabelText(self.tr("Name written on the changes you make (a delegation or a person):"))
        dialog.setTextValue(self.settings.author)
        dialog.textValueSelected.connect(self.set_author)
        dialog.open()
        return dialog

    def set_author(self, name: str) -> None:
        self.settings.author = " ".join(name.split())
        self.refresh()
        self.author_changed.emit(self.settings.author)
