"""Find and replace across paragraphs and footnotes: the search (no Qt) and the dialog (intents only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QDialog, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from drafter import edits
from drafter.edits import Compound, Document, Edit
from drafter.model import Content, Inline, NoteRef, Resolution, Text


@dataclass(frozen=True)
class Match:
    key: str
    start: int
    end: int


def unit_text(content: Sequence[Inline]) -> str:
    """The text as the editor counts it: one object character per footnote reference."""
    return "".join(item.text if isinstance(item, Text) else "\ufffc" for item in content)


def units(res: Resolution) -> list[tuple[str, Content]]:
    out = [(block.id, block.content) for block in edits.reading_order(res)]
    return out + [(note.id, note.content) for note in res.footnotes]


def find_all(res: Resolution, needle: str, case: bool = False) -> list[Match]:
    if not needle:
        return []
    wanted = needle if case else needle.lower()
    found: list[Match] = []
    for key, content in units(res):
        text = unit_text(content)
        hay = text if case else text.lower()
        start = hay.find(wanted)
        while start >= 0:
            found.append(Match(key, start, start + len(needle)))
            start = hay.find(wanted, start + len(needle))
    return found


def _replaced(content: Sequence[Inline], matches: list[Match], replacement: str) -> list[Inline]:
    out = list(content)
    for match in sorted(matches, key=lambda m: -m.start):
        left, rest = edits.split_content(out, match.start)
        middle, right = edits.split_content(rest, match.end - match.start)
        if any(isinstance(item, NoteRef) for item in middle):
            continue
        italic = bool(middle) and isinstance(middle[0], Text) and middle[0].italic
        out = [*left, Text(replacement, italic), *right]
    return out


def replace_edit(doc: Document, matches: list[Match], replacement: str) -> Edit | None:
    """One undo step replacing every match."""
    by_key: dict[str, list[Match]] = {}
    for match in matches:
        by_key.setdefault(match.key, []).append(match)
    steps: list[Edit] = []
    for key, found in by_key.items():
        unit = edits.find(doc.draft, key)
        if unit is None:
            continue
        edit = edits.set_content(doc, key, _replaced(unit.content, found, replacement), label="Replace")
        if edit is not None:
            steps.append(edit)
    return Compound(steps, "Replace") if steps else None


class FindDialog(QDialog):
    """Intents only: the main window searches and changes the document.

    Enter in the dialog is Find next, its one default button; the other buttons take neither Enter
    nor, after a click, the focus (Space would press them again): each time the dialog is opened the
    focus is in the Find field with its text selected, ready to be typed over."""

    find_requested = Signal(str, bool, bool)  # text, match case, backwards
    replace_requested = Signal(str, str, bool, bool)  # text, replacement, match case, all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find and replace"))
        self.needle = QLineEdit()
        self.replacement = QLineEdit()
        self.case = QCheckBox(self.tr("Match &case"))
        self.status = QLabel("")
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Find")), 0, 0)
        grid.addWidget(self.needle, 0, 1)
        grid.addWidget(QLabel(self.tr("Replace with")), 1, 0)
        grid.addWidget(self.replacement, 1, 1)
        grid.addWidget(self.case, 2, 1)
        grid.addWidget(self.status, 3, 0, 1, 2)
        self.find_button = self._button(self.tr("&Find next"), lambda: self._find(False), 0, grid)
        self.previous_button = self._button(self.tr("Find &previous"), lambda: self._find(True), 1, grid)
        self.replace_button = self._button(self.tr("&Replace"), lambda: self._replace(False), 2, grid)
        self.replace_all_button = self._button(self.tr("Replace &all"), lambda: self._replace(True), 3, grid)
        self.find_button.setDefault(True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_needle)

    def _button(self, title: str, slot: Callable[[], None], row: int, grid: QGridLayout) -> QPushButton:
        button = QPushButton(title)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reached with Tab, never left holding the focus by a click
        button.clicked.connect(slot)
        grid.addWidget(button, row, 2)
        return button

    def present(self) -> None:
        """Show the dialog (again) with the focus in the Find field and its text selected."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.focus_needle()

    def focus_needle(self) -> None:
        self.needle.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.needle.selectAll()

    def _find(self, backwards: bool) -> None:
        self.find_requested.emit(self.needle.text(), self.case.isChecked(), backwards)

    def _replace(self, everything: bool) -> None:
        self.replace_requested.emit(self.needle.text(), self.replacement.text(), self.case.isChecked(), everything)
