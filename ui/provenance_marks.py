"""Provenance in the editor: a mark in the left margin of each paragraph traced (a green disc for verbatim,
an amber diamond for edited, a blue hollow square for new), its tooltip naming the sources, and the words
new against the nearest source on a light background.

A transparent layer over the editor's viewport paints them (it takes no mouse and no focus, and nothing it
paints enters the document or its undo history); the tooltip comes from the viewport's tooltip event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QPainter, QPaintEvent, QPen, QPolygonF, QTextLine
from PySide6.QtWidgets import QToolTip, QWidget

from ui.editor import layout
from ui.editor.editor import StructuredEditor
from ui.provenance_text import INSERTED_BACKGROUND, STATUSES

SIZE = 9.0  # the mark's width and height
MARK_RIGHT = 14.0  # the mark's right edge stands this far left of the text column (the change bar is nearer)
_WORDS = QColor(INSERTED_BACKGROUND)
_WORDS.setAlpha(150)


@dataclass
class Mark:
    """What the editor shows of one paragraph's provenance."""

    status: str
    tooltip: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # the new words, positions in the block


def _x(line: QTextLine, position: int) -> float:
    """Where a character of a block starts on its line (PySide gives the position back beside it)."""
    found = line.cursorToX(position)
    assert isinstance(found, tuple)
    return float(found[0])


class ProvenanceMarks(QWidget):
    def __init__(self, editor: StructuredEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("provenance-marks")
        self.marks: dict[str, Mark] = {}
        self.show_words = True
        editor.viewport().installEventFilter(self)
        editor.verticalScrollBar().valueChanged.connect(self.update)
        editor.horizontalScrollBar().valueChanged.connect(self.update)
        editor.document().documentLayout().update.connect(self.update)
        self._fit()

    def show_marks(self, marks: dict[str, Mark]) -> None:
        self.marks = marks
        self.update()

    def forget_words(self, keys: frozenset[str]) -> None:
        """The new words of these paragraphs no longer stand where they were (they are being edited)."""
        for key in keys & self.marks.keys():
            self.marks[key].spans = []
        self.update()

    def set_show_words(self, shown: bool) -> None:
        self.show_words = shown
        self.update()

    # --- where things are ------------------------------------------------------------------------
    def _origin(self, key: str) -> QPointF | None:
        block = self.editor.block_of(key)
        if not block.isValid() or block.layout() is None or not block.layout().lineCount():
            return None
        top_left = self.editor.document().documentLayout().blockBoundingRect(block).topLeft()
        return top_left - QPointF(self.editor.horizontalScrollBar().value(), self.editor.verticalScrollBar().value())

    def mark_rect(self, key: str) -> QRectF | None:
        """The mark of a paragraph, in viewport coordinates, beside its first line."""
        origin = self._origin(key)
        if origin is None:
            return None
        line = self.editor.block_of(key).layout().lineAt(0)
        right = layout.GUTTER + self.editor.document().documentMargin() - MARK_RIGHT
        middle = origin.y() + line.y() + line.height() / 2
        return QRectF(right - SIZE, middle - SIZE / 2, SIZE, SIZE)

    def word_rects(self, key: str, start: int, end: int) -> list[QRectF]:
        origin = self._origin(key)
        if origin is None:
            return []
        text_layout = self.editor.block_of(key).layout()
        out = []
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            first, last = max(start, line.textStart()), min(end, line.textStart() + line.textLength())
            if first < last:
                left, right = _x(line, first), _x(line, last)
                out.append(QRectF(left, line.y(), right - left, line.height()).translated(origin))
        return out

    def key_at(self, point: QPointF) -> str:
        """The paragraph whose mark is at a point of the viewport (a little room around it), or ""."""
        for key in self.marks:
            rect = self.mark_rect(key)
            if rect is not None and rect.adjusted(-6, -5, 6, 5).contains(point):
                return key
        return ""

    # --- events and painting -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self._fit()
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            key = self.key_at(QPointF(event.pos()))
            if key:
                QToolTip.showText(event.globalPos(), self.marks[key].tooltip, self.editor.viewport())
                return True
        return False

    def _fit(self) -> None:
        self.setGeometry(self.editor.viewport().geometry())
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.height()
        for key, mark in self.marks.items():
            rect = self.mark_rect(key)
            if rect is None or rect.bottom() < 0 or rect.top() > height:
                continue
            if self.show_words:
                for start, end in mark.spans:
                    for words in self.word_rects(key, start, end):
                        painter.fillRect(words, _WORDS)
            _paint_mark(painter, mark.status, rect)
        painter.end()


def _paint_mark(painter: QPainter, status: str, rect: QRectF) -> None:
    colour = QColor(STATUSES[status].colour)
    if status == "verbatim":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(rect)
    elif status == "edited":
        centre = rect.center()
        half = rect.width() / 2 + 1
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(QPolygonF([centre + QPointF(0, -half), centre + QPointF(half, 0),
                                       centre + QPointF(0, half), centre + QPointF(-half, 0)]))
    else:
        painter.setPen(QPen(colour, 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0.8, 0.8, -0.8, -0.8))


__all__ = ["Mark", "ProvenanceMarks"]
