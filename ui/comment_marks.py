"""Where comments are, in the editor: the words of each comment highlighted, and a mark in the right margin.

A transparent layer over the editor's viewport (it takes no mouse and no focus) paints, for each thread,
a light highlight over the words it is on (paler once resolved; none for a comment on a whole paragraph or
on words since deleted) and, at the right edge of the paragraph's first line, a small mark with the number
of threads that stand on that paragraph. The selected comment is highlighted more strongly.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QTextLine
from PySide6.QtWidgets import QWidget

from drafter.comments import Comment, Placement
from ui.editor.editor import StructuredEditor

_OPEN = QColor(255, 200, 0, 70)
_CHOSEN = QColor(255, 170, 0, 130)
_DONE = QColor(150, 150, 150, 40)
_MARK = QColor("#d08c00")
_MARK_DONE = QColor("#9a9a9a")
MARK_WIDTH = 18


def _x(line: QTextLine, position: int) -> float:
    """Where a character of a block starts on its line (PySide gives the position back beside it)."""
    found = line.cursorToX(position)
    assert isinstance(found, tuple)
    return float(found[0])


class CommentMarks(QWidget):
    def __init__(self, editor: StructuredEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("comment-marks")
        self.spots: list[tuple[Comment, Placement]] = []
        self.chosen = ""
        editor.viewport().installEventFilter(self)
        editor.verticalScrollBar().valueChanged.connect(self.update)
        editor.horizontalScrollBar().valueChanged.connect(self.update)
        editor.document().documentLayout().update.connect(self.update)
        self._fit()

    def show_spots(self, spots: list[tuple[Comment, Placement]], chosen: str = "") -> None:
        """The threads' first comments and where they stand; `chosen` the selected one."""
        self.spots = spots
        self.chosen = chosen
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self._fit()
        return False

    def _fit(self) -> None:
        self.setGeometry(self.editor.viewport().geometry())
        self.raise_()

    def rects(self, key: str, start: int, end: int) -> list[QRectF]:
        """The rectangles, in viewport coordinates, of characters start..end of a block of the editor."""
        block = self.editor.block_of(key)
        if not block.isValid() or not block.layout():
            return []
        layout = self.editor.document().documentLayout()
        origin = layout.blockBoundingRect(block).topLeft() - QPointF(self.editor.horizontalScrollBar().value(),
                                                                      self.editor.verticalScrollBar().value())
        out: list[QRectF] = []
        text_layout = block.layout()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            first, last = max(start, line.textStart()), min(end, line.textStart() + line.textLength())
            if first >= last:
                continue
            left, right = _x(line, first), _x(line, last)
            out.append(QRectF(left, line.y(), right - left, line.height()).translated(origin))
        return out

    def first_line(self, key: str) -> QRectF | None:
        rects = self.rects(key, 0, 1 << 30)
        return rects[0] if rects else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        height = self.height()
        on_block: Counter[str] = Counter()
        done_block: Counter[str] = Counter()
        for comment, spot in self.spots:
            (done_block if comment.done else on_block)[spot.block] += 1
            if not spot.on_words or spot.end <= spot.start:
                continue
            colour = _CHOSEN if comment.id == self.chosen else _DONE if comment.done else _OPEN
            for rect in self.rects(spot.block, spot.start, spot.end):
                if rect.bottom() >= 0 and rect.top() <= height:
                    painter.fillRect(rect, colour)
        small = QFont(self.font())
        small.setPointSizeF(7.5)
        small.setBold(True)
        painter.setFont(small)
        for key in {*on_block, *done_block}:
            line = self.first_line(key)
            if line is None or line.bottom() < 0 or line.top() > height:
                continue
            count = on_block[key] or done_block[key]
            box = QRectF(self.width() - MARK_WIDTH - 2, line.top() + 2, MARK_WIDTH, 14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_MARK if on_block[key] else _MARK_DONE)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.end()


__all__ = ["CommentMarks"]
