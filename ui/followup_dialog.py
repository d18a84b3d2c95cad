"""File › New follow-up draft…: next session's draft from a base, and the list of its automatic changes.

`FollowUpDialog` asks for the base (a file, or the open draft's base), the session, the committee and
the sponsors and emits `followup_requested`; `build` (pure, run off the GUI thread) makes the `Document`
whose base is the original resolution, so every automatic change is a tracked difference;
`FollowUpPanel` lists the automatic changes with their reasons and what to check by hand.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import drafter
from drafter.edits import Document, Metadata
from drafter.errors import DrafterError
from drafter.followup import FollowUp, base_session, followup
from drafter.model import Resolution

log = logging.getLogger(__name__)
RESOLUTIONS = "Resolutions (*.pdf *.docx *.txt *.xml *.json);;All files (*)"


@dataclass
class Request:
    """What the user asked for: a base (a file to read, or a resolution already open) and the new draft's data."""

    path: str
    base: Resolution | None
    session: int
    committee: str
    sponsors: str


def build(request: Request) -> tuple[Document, FollowUp]:
    """The new draft (base = the original resolution) and the follow-up that explains it."""
    base = request.base if request.base is not None else drafter.load(request.path)
    fu = followup(base, session=request.session, committee=request.committee or None, sponsors=request.sponsors)
    title = fu.resolution.front.symbol or f"follow-up of {fu.base_number or base.front.symbol}"
    return Document(base, fu.resolution, Metadata(title=title, base_source=request.path)), fu


def _session_of(res: Resolution) -> int | None:
    try:
        return base_session(res, res.language)
    except (DrafterError, ValueError):
        return None


class FollowUpDialog(QDialog):
    followup_requested = Signal(object)  # Request

    def __init__(self, open_base: Resolution | None, open_source: str, folder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New follow-up draft"))
        self.open_base = open_base
        self.folder = folder
        self.loaded: tuple[str, Resolution] | None = None
        self.use_open = QRadioButton(self.tr("The open draft's base ({name})").format(
            name=(open_base.front.symbol if open_base else "") or os.path.basename(open_source) or "—"))
        self.use_file = QRadioButton(self.tr("A file:"))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("the adopted resolution (text, PDF, Word, XML or JSON)"))
        browse = QPushButton(self.tr("Browse…"))
        self.session = QSpinBox()
        self.session.setRange(1, 999)
        self.committee = QLineEdit()
        self.committee.setPlaceholderText(self.tr('as the base ("Third Committee", "plenary", …)'))
        self.sponsors = QLineEdit()
        self.sponsors.setPlaceholderText(self.tr("Cuba, Nicaragua, …"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.use_file)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Base"), self.use_open)
        form.addRow("", file_row)
        form.addRow(self.tr("Session"), self.session)
        form.addRow(self.tr("Committee"), self.committee)
        form.addRow(self.tr("Sponsors"), self.sponsors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.use_open.setEnabled(open_base is not None)
        (self.use_open if open_base is not None else self.use_file).setChecked(True)
        browse.clicked.connect(self._browse)
        self.path.editingFinished.connect(self._path_changed)
        self.use_open.toggled.connect(lambda _on: self._default_session())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._default_session()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The base resolution"), self.folder, RESOLUTIONS)
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self.path.setText(path)
        self.use_file.setChecked(True)
        self._path_changed()

    def _path_changed(self) -> None:
        path = self.path.text().strip()
        if path:
            self.use_file.setChecked(True)
        self._default_session()

    def _base(self) -> Resolution | None:
        """The chosen base, read (once) to propose the session; None when it cannot be read yet."""
        if self.use_open.isChecked():
            return self.open_base
        path = self.path.text().strip()
        if not path or not os.path.isfile(path):
            return None
        if self.loaded is None or self.loaded[0] != path:
            try:
                self.loaded = (path, drafter.load(path))
            except DrafterError as exc:
                log.info("cannot read %s: %s", path, exc)
                return None
        return self.loaded[1]

    def _default_session(self) -> None:
        base = self._base()
        number = _session_of(base) if base is not None else None
        if number is not None:
            self.session.setValue(number + 1)

    def request(self) -> Request:
        use_open = self.use_open.isChecked()
        path = self.path.text().strip()
        base = self.open_base if use_open else (self.loaded[1] if self.loaded and self.loaded[0] == path else None)
        return Request(path if not use_open else "", base, self.session.value(), self.committee.text().strip(),
                       self.sponsors.text().strip())

    def accept(self) -> None:
        if not self.use_open.isChecked() and not self.path.text().strip():
            self.path.setFocus()
            return
        self.followup_requested.emit(self.request())
        super().accept()


class FollowUpPanel(QTreeWidget):
    """The automatic changes of the last follow-up (where, before → after, why) and the notes to check by hand."""

    jump_requested = Signal(str)  # paragraph or footnote id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("automatic-changes")
        self.setAccessibleName(self.tr("Automatic changes of the follow-up draft"))
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Where"), self.tr("Change"), self.tr("Reason")])
        self.setRootIsDecorated(True)
        self.changes = QTreeWidgetItem([self.tr("Automatic changes")])
        self.notes = QTreeWidgetItem([self.tr("To check by hand")])
        self.addTopLevelItems([self.changes, self.notes])
        self.itemActivated.connect(self._jump)
        self.itemClicked.connect(self._jump)

    def show_followup(self, fu: FollowUp | None) -> None:
        for top in (self.changes, self.notes):
            top.takeChildren()
        updates = fu.updates if fu is not None else []
        notes = fu.notes if fu is not None else []
        for update in updates:
            item = QTreeWidgetItem([update.label, f"{update.before or '—'} → {update.after or '—'}", update.reason])
            item.setData(0, Qt.ItemDataRole.UserRole, update.target)
            item.setToolTip(1, f"{update.before or '—'} → {update.after or '—'}")
            item.setToolTip(2, f"{update.reason} ({update.rule})")
            self.changes.addChild(item)
        for note in notes:
            item = QTreeWidgetItem([note.label or self.tr("draft"), note.text, note.message])
            item.setData(0, Qt.ItemDataRole.UserRole, note.target)
            item.setToolTip(2, note.message)
            self.notes.addChild(item)
        self.changes.setText(0, self.tr("Automatic changes ({n})").format(n=len(updates)))
        self.notes.setText(0, self.tr("To check by hand ({n})").format(n=len(notes)))
        self.expandAll()
        widest = max(self.fontMetrics().averageCharWidth() * 48, 240)  # the reason column gets the rest
        for column in range(2):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column), widest))

    def sizeHint(self) -> QSize:
        """Wide enough for where, change and reason side by side, and a dozen rows."""
        line = self.fontMetrics().lineSpacing()
        return QSize(self.fontMetrics().averageCharWidth() * 140, line * 14)

    def rows(self) -> list[tuple[str, str, str]]:
        """The automatic changes as (where, change, reason), for tests and copying."""
        items = [self.changes.child(i) for i in range(self.changes.childCount())]
        return [(item.text(0), item.text(1), item.text(2)) for item in items if item is not None]

    def note_rows(self) -> list[str]:
        items = [self.notes.child(i) for i in range(self.notes.childCount())]
        return [item.text(2) for item in items if item is not None]

    def _jump(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(target, str) and target and target not in ("front", "closing"):
            self.jump_requested.emit(target)
