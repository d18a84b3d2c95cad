"""The bar above the editor that lists what the reader could not read as it should, each warning with its place.

Every file opened goes through a reader, and a reader notes what it could not read as it should in
`Resolution.warnings` (a text that is no resolution at all says it has no enacting formula). The bar
shows them for the document just opened, the base's and the draft's (and in the compare window, the
two files'), each with the file it was in and the paragraph or footnote it names where the warning names
one (a quoted opening, however short, "OP5", "footnote 3"); activating a row jumps there. It stays
until dismissed (the button, or Escape in the list) or another document opens.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from drafter.edits import Document
from drafter.model import Resolution
from ui.editor.layout import units

_QUOTED = re.compile(r"[\"“]([^\"”]+?)…?[\"”]")
_LABEL = re.compile(r"\b((?:PP|OP)\d+(?:\([a-z0-9]+\))*)")
_NOTE = re.compile(r"\bfootnotes?(?: marker)? (\d+)")
_ROWS_SHOWN = 5
DRAFT_SOURCE = "draft_source"  # the key in a document's meta.extra of the file its draft was read from


@dataclass(frozen=True)
class ReaderWarning:
    source: str  # the file's name
    text: str
    place: str  # "PP3", "footnote 2", or "" when the warning is about the whole text
    key: str  # the id to jump to, or ""


def _opening(quoted: str, res: Resolution, labels: dict[str, str]) -> tuple[str, str]:
    """The block a quoted opening names: one whose whole text it is (a short paragraph: "Notes"), else the
    first that begins with it."""
    opening = " ".join(quoted.split())
    texts = [(block, " ".join(block.text.split())) for block in res.blocks()]
    found = next((block for block, text in texts if text == opening), None)
    if found is None:
        found = next((block for block, text in texts if text.startswith(opening)), None)
    return (labels.get(found.id, "heading"), found.id) if found is not None else ("", "")


def place_of(text: str, res: Resolution) -> tuple[str, str]:
    """(label, id) of the paragraph or footnote a warning names, or ("", "")."""
    labels = {unit.key: unit.margin for unit in units(res) if unit.margin} | res.labels()
    by_label = {label: key for key, label in labels.items()}
    found = _LABEL.search(text)
    if found and found.group(1) in by_label:
        return found.group(1), by_label[found.group(1)]
    note = _NOTE.search(text)
    if note and 1 <= int(note.group(1)) <= len(res.footnotes):
        return f"footnote {note.group(1)}", res.footnotes[int(note.group(1)) - 1].id
    for quoted in _QUOTED.finditer(text):
        place = _opening(quoted.group(1), res, labels)
        if place[1]:
            return place
    return "", ""


def reader_warnings(res: Resolution, source: str, leave_out: list[str] | None = None) -> list[ReaderWarning]:
    """The warnings of `res`, read from the file named `source`, each with its place; but those in `leave_out`."""
    return [ReaderWarning(source, text, *place_of(text, res)) for text in res.warnings
            if text not in (leave_out or ())]


def warnings_of(doc: Document, draft_name: str) -> list[ReaderWarning]:
    """The warnings of the base, then those of the draft the base has not (a draft begun from its base
    carries the base's warnings; one read from another file, `meta.extra["draft_source"]`, its own)."""
    base_name = os.path.basename(doc.meta.base_source) or "the base"
    draft_name = os.path.basename(str(doc.meta.extra.get(DRAFT_SOURCE) or "")) or draft_name
    return reader_warnings(doc.base, base_name) + reader_warnings(doc.draft, draft_name, doc.base.warnings)


class _List(QListWidget):
    """As tall as its rows, up to `_ROWS_SHOWN` of them; Escape dismisses the bar."""

    dismissed = Signal()

    def fit(self) -> None:
        rows = [self.sizeHintForRow(row) for row in range(min(self.count(), _ROWS_SHOWN))]
        self.setFixedHeight(sum(rows) + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()  # rows wrap anew at another width

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismissed.emit()
            return
        super().keyPressEvent(event)


class WarningsBar(QFrame):
    """Dismissable; hidden while there is nothing to say."""

    jump_requested = Signal(str)  # paragraph or footnote id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader-warnings")
        self.setAccessibleName(self.tr("Reader warnings"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#reader-warnings { background: #fff4ce; border: 1px solid #d8b84a; }")
        self.warnings: list[ReaderWarning] = []
        self.title = QLabel("")
        self.title.setWordWrap(True)
        self.list = _List()
        self.list.setObjectName("reader-warning-list")
        self.list.setAccessibleName(self.tr("Reader warnings, each with its place"))
        self.list.setWordWrap(True)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setStyleSheet("background: transparent;")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.dismiss = QPushButton(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss the reader warnings"))
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.dismiss.clicked.connect(self.hide)
        self.list.dismissed.connect(self.hide)
        self.list.itemActivated.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.hide()

    def show_warnings(self, warnings: list[ReaderWarning], lead: str = "") -> None:
        """Show `warnings` (hidden when there are none); `lead` goes before the title's sentence. Each row
        names its place, and its file when the warnings come from more than one."""
        self.warnings = list(warnings)
        self.list.clear()
        sources = list(dict.fromkeys(warning.source for warning in self.warnings))  # the base's first
        for warning in self.warnings:
            where = warning.place or self.tr("whole text")
            named = f"{warning.source}: " if len(sources) > 1 else ""
            item = QListWidgetItem(f"{named}{where} — {warning.text}")
            item.setToolTip(f"{warning.source}: {warning.text}")
            item.setData(Qt.ItemDataRole.UserRole, warning.key)
            self.list.addItem(item)
        count = self.tr("1 warning") if len(self.warnings) == 1 else self.tr("{n} warnings").format(
            n=len(self.warnings))
        sentence = self.tr("{name} was not read as it should be ({count}); check these places:") \
            if len(sources) < 2 else self.tr("{name} were not read as they should be ({count}); check these places:")
        self.title.setText(lead + sentence.format(name=" and ".join(sources), count=count))
        self.list.fit()
        self.setVisible(bool(self.warnings))

    def reopen(self) -> None:
        """Show the warnings of the open document again, if there are any (View › Go to › Reader warnings)."""
        self.setVisible(bool(self.warnings))

    def keyboard_order(self) -> None:
        """From the list, Tab reaches Dismiss (called once the bar is in its window)."""
        QWidget.setTabOrder(self.list, self.dismiss)

    def lines(self) -> list[str]:
        """The rows as shown, for tests and copying."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _jump(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(key, str) and key:
            self.jump_requested.emit(key)
