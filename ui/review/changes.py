"""The change list panel: counts per kind, toggles, next/previous, accept/reject, and the table of changes.

A new change list updates the table in place: the runs of rows where the order of changes differs
are removed and inserted again, and other rows whose change reads differently report it, so the
table keeps its selection and redraws only what changed.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from drafter.compare import kinds
from drafter.compare.changes import Change, ChangeList
from drafter.compare.render import inline
from drafter.model import Resolution
from drafter.tracking.live import Key, record_key
from drafter.tracking.since import Since
from ui.review.marked import OPS_ROLE, MarkedTextDelegate
from ui.review.redline import label_of
from ui.runs import changed_runs, unchanged_positions

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Kind", "Base", "Draft", "Change")


def hidden_kinds(hide_renumbering: bool, hide_technical: bool) -> set[str]:
    return ({kinds.RENUMBERED} if hide_renumbering else set()) | ({kinds.TECHNICAL} if hide_technical else set())


class ChangeListModel(QAbstractTableModel):
    """The visible changes of a change list, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes: ChangeList | None = None
        self.rows: list[Change] = []
        self.hidden: set[str] = set()
        self.since: Since | None = None  # the version whose later changes are marked "new since"
        self.new_keys: set[Key] = set()  # the record keys of those changes

    def set_since(self, since: Since | None, draft: Resolution | None) -> None:
        """Mark the changes that are new since a version (None: mark none)."""
        self.since = since
        rows = self.rows
        keys = {record_key(c) for c in since.new_changes(rows, draft)} if since and draft else set()
        if keys != self.new_keys:
            self.new_keys = keys
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))

    def is_new(self, change: Change) -> bool:
        return record_key(change) in self.new_keys

    def set_changes(self, changes: ChangeList | None, hidden: set[str] | None = None) -> None:
        """Show another change list, updating the rows in place."""
        self.changes = changes
        if hidden is not None:
            self.hidden = hidden
        rows = [c for c in changes.changes if c.kind not in self.hidden] if changes else []
        old = list(self.rows)
        runs = changed_runs([record_key(c) for c in old], [record_key(c) for c in rows])
        for start, end, first, last in reversed(runs):
            if end > start:
                self.beginRemoveRows(QModelIndex(), start, end - 1)
                del self.rows[start:end]
                self.endRemoveRows()
            if last > first:
                self.beginInsertRows(QModelIndex(), start, start + last - first - 1)
                self.rows[start:start] = rows[first:last]
                self.endInsertRows()
        self.rows = rows
        changed = [row for row, before in unchanged_positions(runs, len(rows))
                   if old[before] is not rows[row] and _reads(old[before]) != _reads(rows[row])]
        for first, last in _stretches(changed):  # one signal per stretch: renumbering changes long stretches
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        change = self.rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and self.is_new(change):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and self.since is not None:
            return f"{change.kind}, new since {self.since.name}" if self.is_new(change) else change.kind
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return change.kind
            if index.column() == 1:
                return change.old_label or ("" if not change.front_field else "front")
            if index.column() == 2:
                return change.new_label if not change.front_field else label_of(change)
            text = inline(change.ops, trim=role == Qt.ItemDataRole.DisplayRole) if change.ops else ""
            return text.replace("\n", " ")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.ToolTipRole)
        if role == OPS_ROLE and index.column() == len(COLUMNS) - 1:
            return change.ops
        if role == Qt.ItemDataRole.UserRole:
            return index.row()
        return None

    def change(self, row: int) -> Change | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, block_id: str) -> int:
        for row, change in enumerate(self.rows):
            if block_id in change.new_ids or block_id in change.old_ids:
                return row
        return -1


def _stretches(numbers: list[int]) -> list[tuple[int, int]]:
    """Increasing numbers as (first, last) stretches of consecutive ones."""
    out: list[tuple[int, int]] = []
    for number in numbers:
        if out and out[-1][1] == number - 1:
            out[-1] = (out[-1][0], number)
        else:
            out.append((number, number))
    return out


def _reads(change: Change) -> tuple[object, ...]:
    """What a row shows of a change."""
    return change.kind, change.old_label, change.new_label, change.front_field, change.ops


class ChangePanel(QWidget):
    """Counts, toggles and the list; emits intents for the main window."""

    jump_requested = Signal(object)  # Change
    accept_requested = Signal(object)
    reject_requested = Signal(object)
    toggles_changed = Signal(bool, bool)  # hide renumbering, hide technical

    def __init__(self, parent: QWidget | None = None, review: bool = True) -> None:
        super().__init__(parent)
        self.model = ChangeListModel(self)
        self.against = self.tr("the base")  # what the draft is compared with, as the counts name it
        self.counts = QLabel(self.tr("No changes"))
        self.counts.setWordWrap(True)
        self.counts.setObjectName("change-counts")
        self.hide_renumbering = QCheckBox(self.tr("Hide renumbering"))
        self.hide_technical = QCheckBox(self.tr("Hide technical updates"))
        self.table = QTableView()
        self.table.setObjectName("change-list")
        self.table.setAccessibleName(self.tr("Changes against the base"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(len(COLUMNS) - 1, MarkedTextDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for Accept and Reject (rows, not cells)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # widths from contents would read every row
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("renumbered", "annex 1 para 12(a)(iii)", "annex 1 para 12(a)(iii)")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.accept_button.setToolTip(self.tr("Take this change into the base, so it is no longer a difference"))
        self.reject_button.setToolTip(self.tr("Put the base text back into the draft"))
        self.setAccessibleName(self.tr("Change list"))
        for widget, name in ((self.prev_button, self.tr("Previous change")), (self.next_button, self.tr("Next change")),
                             (self.accept_button, self.tr("Accept the selected change")),
                             (self.reject_button, self.tr("Reject the selected change")),
                             (self.hide_renumbering, self.tr("Hide renumbering")),
                             (self.hide_technical, self.tr("Hide technical updates"))):
            widget.setAccessibleName(name)
        toggles = QHBoxLayout()
        toggles.addWidget(self.hide_renumbering)
        toggles.addWidget(self.hide_technical)
        toggles.addStretch()
        buttons = QHBoxLayout()
        for button in (self.prev_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch()
        if review:
            buttons.addWidget(self.accept_button)
            buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.counts)
        layout.addLayout(toggles)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.review = review
        self.table.activated.connect(self._jump)
        self.table.clicked.connect(self._jump)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.accept_button.clicked.connect(lambda: self._emit(self.accept_requested))
        self.reject_button.clicked.connect(lambda: self._emit(self.reject_requested))
        self.hide_renumbering.toggled.connect(self._toggled)
        self.hide_technical.toggled.connect(self._toggled)

    def keyboard_order(self) -> None:
        """From the list, Tab reaches Accept and Reject first (called once the panel is in its window)."""
        order: list[QWidget] = [self.table, self.accept_button, self.reject_button] if self.review else [self.table]
        order += [self.prev_button, self.next_button, self.hide_renumbering, self.hide_technical]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _toggled(self) -> None:
        self.toggles_changed.emit(self.hide_renumbering.isChecked(), self.hide_technical.isChecked())

    def hidden(self) -> set[str]:
        return hidden_kinds(self.hide_renumbering.isChecked(), self.hide_technical.isChecked())

    def set_changes(self, changes: ChangeList | None, since: Since | None = None,
                    draft: Resolution | None = None) -> None:
        """Show a change list; with `since`, the changes new since that version are marked (in bold)."""
        current = self.current()
        self.model.set_changes(changes, self.hidden())
        self.model.set_since(since, draft)
        if changes is None:
            self.counts.setText(self.tr("No document"))
        else:
            counts = changes.counts
            listed = ", ".join(f"{counts[kind]} {kind}" for kind in kinds.KINDS if counts.get(kind))
            if listed and since is not None:
                listed += self.tr("; {n} new since {name} (in bold)").format(n=len(self.model.new_keys),
                                                                              name=since.name)
            self.counts.setText(self.tr("Changes: {listed}").format(listed=listed) if listed
                                else self.tr("No changes against {what}").format(what=self.against))
        if current is not None and self.current() is None:
            key = (current.new_ids or current.old_ids or (current.front_field,))[0]
            row = self.model.row_of(key)
            if row >= 0:
                self.table.selectRow(row)

    def current(self) -> Change | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.change(rows[0].row()) if rows else None

    def chosen(self) -> Change | None:
        """The change Accept and Reject act on: the selected one, or the one the keyboard stands on."""
        return self.current() or self.model.change(self.table.currentIndex().row())

    def _emit(self, signal: Any) -> None:
        change = self.chosen()
        if change is not None:
            signal.emit(change)

    def _jump(self, index: QModelIndex) -> None:
        change = self.model.change(index.row())
        if change is not None:
            self.jump_requested.emit(change)

    def step(self, direction: int) -> None:
        """Select and jump to the next (1) or previous (-1) change."""
        count = self.model.rowCount()
        if not count:
            return
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() + direction if rows else (0 if direction > 0 else count - 1)
        row = max(0, min(count - 1, row))
        self.table.selectRow(row)
        self._jump(self.model.index(row, 0))

    def select_block(self, block_id: str) -> None:
        row = self.model.row_of(block_id)
        if row >= 0:
            self.table.selectRow(row)
