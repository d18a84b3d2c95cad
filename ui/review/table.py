"""The side-by-side view's table: a row a record, its label, the base's text and the draft's.

Its first column is as wide as the longest labels need; the base and the draft share the rest of the
view's width, which `fit` follows when the view is resized.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextLength, QTextTable, QTextTableFormat

from drafter.compare import kinds
from drafter.compare.changes import Change
from ui.review.marks import Look, margin_format, write_ops

LABEL_COLUMN = 92  # wide enough for "⇅ annex 1 para 12"
HEADER_ROWS = 1


def _columns(width: float) -> list[QTextLength]:
    text = max(120.0, (width - LABEL_COLUMN - 56) / 2)
    fixed = QTextLength.Type.FixedLength
    return [QTextLength(fixed, LABEL_COLUMN), QTextLength(fixed, text), QTextLength(fixed, text)]


class ChangeTable:
    """The rows of a change list in a text document, under a header row."""

    def __init__(self, cursor: QTextCursor, count: int, titles: tuple[str, str], width: float) -> None:
        fmt = QTextTableFormat()
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        fmt.setBorder(0.5)
        fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
        fmt.setHeaderRowCount(HEADER_ROWS)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(_columns(width))
        self.table: QTextTable = cursor.insertTable(count + HEADER_ROWS, 3, fmt)
        bold = QTextCharFormat(margin_format())
        bold.setFontWeight(QFont.Weight.Bold)
        for col, title in enumerate(("", *titles)):
            self.table.cellAt(0, col).firstCursorPosition().insertText(title, bold)

    def fit(self, width: float) -> None:
        fmt = self.table.format()
        fmt.setColumnWidthConstraints(_columns(width))
        self.table.setFormat(fmt)

    def rows(self) -> int:
        """The records the table holds."""
        return self.table.rows() - HEADER_ROWS

    def replace_rows(self, start: int, end: int, count: int) -> None:
        """Rows of records [start, end) give way to `count` empty rows."""
        if end > start:
            self.table.removeRows(start + HEADER_ROWS, end - start)
        if count:
            at = start + HEADER_ROWS
            if at >= self.table.rows():
                self.table.appendRows(count)
            else:
                self.table.insertRows(at, count)

    def clear_cells(self, cursor: QTextCursor, number: int, columns: tuple[int, ...]) -> None:
        for col in columns:
            cell = self.table.cellAt(number + HEADER_ROWS, col)
            cursor.setPosition(cell.firstCursorPosition().position())
            cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()

    def write_row(self, number: int, record: Change, look: Look, shown: bool,
                  columns: tuple[int, ...] = (0, 1, 2)) -> None:
        row = number + HEADER_ROWS
        mark, label, was = look.margin
        if 0 in columns:
            cell = self.table.cellAt(row, 0).firstCursorPosition()
            cell.insertText(f"{mark} {label}", margin_format())
            if was:
                cell.insertText(f"\u2028was {was}", margin_format())
        if 1 in columns and (record.old_ids or record.front_field):
            write_ops(self.table.cellAt(row, 1).firstCursorPosition(), record.ops, "old",
                      hidden=not shown and record.kind != kinds.UNCHANGED)
        if 2 in columns and (record.new_ids or record.front_field):
            write_ops(self.table.cellAt(row, 2).firstCursorPosition(), record.ops, "new", hidden=not shown)

    def cursor_at(self, number: int) -> QTextCursor:
        return self.table.cellAt(number + HEADER_ROWS, 0).firstCursorPosition()
