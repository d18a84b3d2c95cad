"""The tracked differences drawn from a change list: inline redline or side by side.

Marks read in black and white as well as in colour: inserted text is bold and underlined
(blue), deleted text struck through (red), technical updates and renumbering dotted and
light; the margin names the paragraph and its kind (⇅ moved, + inserted, − deleted).
Each record of the change list is one block (redline) or one table row (side by side), so
a record recomputed while typing is redrawn alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextLength, QTextTableFormat
from PySide6.QtWidgets import QTextEdit, QWidget

from drafter.compare import kinds as k
from drafter.compare.changes import Change, ChangeList, Op
from ui.editor.layout import serif

INSERT_COLOUR = QColor("#0b4f9c")
DELETE_COLOUR = QColor("#b3261e")
_MARK = {k.INSERTED: "+", k.DELETED: "−", k.MODIFIED: "|", k.MOVED: "⇅", k.SPLIT: "⟨", k.MERGED: "⟩",
         k.TECHNICAL: "·", k.RENUMBERED: "#"}


def _fmt(kind: str, technical: bool = False, size: float = 12.0) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(serif(size))
    if kind == "insert":
        fmt.setFontUnderline(True)
        if technical:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        else:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(INSERT_COLOUR)
    elif kind == "delete":
        fmt.setFontStrikeOut(True)
        fmt.setForeground(DELETE_COLOUR.lighter(130) if technical else DELETE_COLOUR)
    return fmt


def _margin_fmt() -> QTextCharFormat:
    fmt = QTextCharFormat()
    font = QFont("Sans Serif")
    font.setPointSizeF(8)
    fmt.setFont(font)
    fmt.setForeground(QColor("#555555"))
    return fmt


def _depth(label: str | None) -> int:
    return (label or "").count("(")


_SHORT = {"agenda_items": "agenda", "distribution": "distr.", "doc_type": "type"}


def label_of(change: Change) -> str:
    if change.front_field:
        return _SHORT.get(change.front_field, change.front_field.replace("_", " "))
    return change.new_label or change.old_label or ""


def write_ops(cursor: QTextCursor, ops: list[Op], side: str = "both", hidden: bool = False) -> None:
    """The ops of a record: `side` "old" leaves insertions out, "new" deletions; hidden ones read as plain text."""
    for op in ops:
        op = op._replace(text=op.text.replace("\n", "\u2028"))  # a line break, never a new block
        technical = op.technical or op.renumbering
        if op.op == "equal":
            cursor.insertText(op.text, _fmt("equal"))
        elif op.op == "insert" and side in ("both", "new"):
            cursor.insertText(op.text, _fmt("equal") if hidden else _fmt("insert", technical))
        elif op.op == "delete" and side in ("both", "old") and not (hidden and side == "both"):
            cursor.insertText(op.text, _fmt("equal") if hidden else _fmt("delete", technical))


def note_of(change: Change) -> str:
    if change.kind == k.MOVED:
        return f"  (moved from {change.old_label})"
    if change.kind in (k.SPLIT, k.MERGED):
        return f"  ({change.kind} from {change.old_label})"
    if change.relabelled and change.old_label and change.new_label:
        return f"  (was {change.old_label})"
    return ""


class ReviewView(QTextEdit):
    """A read-only view of a change list: `mode` "redline" (one block per record) or "side" (a table)."""

    def __init__(self, mode: str = "redline", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setReadOnly(True)
        self.setObjectName(f"review-{mode}")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.changes: ChangeList | None = None
        self.hidden: set[str] = set()
        self.rows: dict[str, int] = {}  # block id → record number
        self._first = 0  # blocks or rows before the first record
        self.stale = False  # the change list moved on while this view was hidden
        self.base_name = "Base"
        self.draft_name = "Draft"

    def _shown(self, record: Change) -> bool:
        return record.kind != k.UNCHANGED and record.kind not in self.hidden

    # --- whole render ------------------------------------------------------------------------
    def show_changes(self, changes: ChangeList, hidden: set[str] | None = None) -> None:
        """Draw a whole change list; the view keeps its place unless it showed nothing before."""
        fresh = self.changes is None
        self.changes = changes
        self.stale = False
        self.hidden = set(hidden or ())
        self.rows = {}
        for number, record in enumerate(changes.records):
            for block_id in (*record.new_ids, *record.old_ids):
                self.rows.setdefault(block_id, number)
        scroll = self.verticalScrollBar().value()
        document = self.document()
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        if self.mode == "redline":
            self._redline(cursor, changes)
        else:
            self._table(cursor, changes)
        cursor.endEditBlock()
        self.setTextCursor(QTextCursor(document))
        self.verticalScrollBar().setValue(0 if fresh else scroll)

    def _redline(self, cursor: QTextCursor, changes: ChangeList) -> None:
        self._first = 0
        for number, record in enumerate(changes.records):
            if number:
                cursor.insertBlock()
            self._write_block(cursor, record)

    def _block_format(self, record: Change) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(84 + 28 * _depth(label_of(record)))
        fmt.setTextIndent(-76)
        fmt.setBottomMargin(6)
        return fmt

    def _write_block(self, cursor: QTextCursor, record: Change) -> None:
        cursor.setBlockFormat(self._block_format(record))
        shown = self._shown(record)
        mark = _MARK.get(record.kind, " ") if shown else " "
        label = label_of(record)
        cursor.insertText(f"{mark} {label}".ljust(14) + "\t", _margin_fmt())
        if not record.ops and record.kind == k.UNCHANGED:
            cursor.insertText("", _fmt("equal"))
        write_ops(cursor, record.ops, "both", hidden=not shown)
        note = note_of(record) if shown else ""
        if note:
            cursor.insertText(note, _margin_fmt())

    def _table(self, cursor: QTextCursor, changes: ChangeList) -> None:
        records = [r for r in changes.records]
        fmt = QTextTableFormat()
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setBorder(0.5)
        fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
        fmt.setHeaderRowCount(1)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 12),
                                       QTextLength(QTextLength.Type.PercentageLength, 44),
                                       QTextLength(QTextLength.Type.PercentageLength, 44)])
        table = cursor.insertTable(len(records) + 1, 3, fmt)
        bold = _margin_fmt()
        bold.setFontWeight(QFont.Weight.Bold)
        for col, title in enumerate(("", self.base_name, self.draft_name)):
            table.cellAt(0, col).firstCursorPosition().insertText(title, bold)
        self._first = 1
        self.table = table
        for number, record in enumerate(records):
            self._write_row(number, record)

    def _write_row(self, number: int, record: Change) -> None:
        row = number + self._first
        shown = self._shown(record)
        cell = self.table.cellAt(row, 0).firstCursorPosition()
        cell.insertText(f"{_MARK.get(record.kind, ' ') if shown else ' '} {label_of(record)}", _margin_fmt())
        if record.old_label and record.new_label and record.old_label != record.new_label:
            cell.insertText(f"\u2028was {record.old_label}", _margin_fmt())
        left = self.table.cellAt(row, 1).firstCursorPosition()
        right = self.table.cellAt(row, 2).firstCursorPosition()
        if record.old_ids or record.front_field:
            write_ops(left, record.ops, "old", hidden=not shown and record.kind != k.UNCHANGED)
        if record.new_ids or record.front_field:
            write_ops(right, record.ops, "new", hidden=not shown)

    # --- partial updates -----------------------------------------------------------------------
    def update_records(self, numbers: list[int]) -> None:
        """Redraw only these records (their number and order did not change)."""
        if self.changes is None:
            return
        for number in numbers:
            record = self.changes.records[number]
            if self.mode == "redline":
                block = self.document().findBlockByNumber(number + self._first)
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                self._write_block(cursor, record)
            else:
                for col in range(3):
                    cell = self.table.cellAt(number + self._first, col)
                    cursor = cell.firstCursorPosition()
                    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.removeSelectedText()
                self._write_row(number, record)

    def scroll_to(self, block_id: str) -> None:
        number = self.rows.get(block_id)
        if number is None:
            return
        if self.mode == "redline":
            block = self.document().findBlockByNumber(number + self._first)
            cursor = QTextCursor(block)
        else:
            cursor = self.table.cellAt(number + self._first, 0).firstCursorPosition()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
