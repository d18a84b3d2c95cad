"""What the editor paints beside and before its text: the margin label of each unit (PP3, OP2(a), the
names of front-matter fields), the paragraph numbers and letters, the bar that marks a unit changed
against the base, the rule above the footnotes, and the name of an empty field. Labels are painted,
not written, so that renumbering rewrites no text."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QTextBlock
from PySide6.QtWidgets import QTextEdit

from ui.editor import layout
from ui.editor.blocks import Blocks

_MARGIN_COLOUR = QColor("#6b6b6b")
_CHANGE_COLOUR = QColor("#c0392b")


def paint_margin(editor: QTextEdit, blocks: Blocks, changed: set[str]) -> None:
    """Paint the blocks in sight of `editor`'s viewport."""
    painter = QPainter(editor.viewport())
    small = QFont("Sans Serif")
    small.setPointSizeF(7.5)
    offset_y = editor.verticalScrollBar().value()
    offset_x = editor.horizontalScrollBar().value()
    height = editor.viewport().height()
    block = editor.cursorForPosition(editor.viewport().rect().topLeft()).block()
    block = block.previous() if block.previous().isValid() else block
    doc_layout = editor.document().documentLayout()
    seen_note = False
    while block.isValid():
        rect = doc_layout.blockBoundingRect(block).translated(-offset_x, -offset_y)
        if rect.top() > height:
            break
        _paint_block(painter, block, rect, small, seen_note, blocks, changed, editor.document().documentMargin())
        seen_note = seen_note or layout.kind_of(block) == layout.NOTE
        block = block.next()
    painter.end()


def _paint_block(painter: QPainter, block: QTextBlock, rect: QRectF, small: QFont, seen_note: bool,
                 blocks: Blocks, changed: set[str], doc_margin: float) -> None:
    fmt = block.blockFormat()
    kind = layout.kind_of(block)
    line = block.layout().lineAt(0) if block.layout().lineCount() else None
    baseline = rect.top() + fmt.topMargin() + (line.y() + line.ascent() if line is not None else 12)
    key = layout.key_of(block)
    label, margin = blocks.labels.get(key, ("", ""))
    if kind == layout.NOTE and not seen_note:
        painter.setPen(QColor("#000000"))
        y = rect.top() + 2
        painter.drawLine(QPointF(layout.GUTTER + doc_margin, y), QPointF(layout.GUTTER + doc_margin + 140, y))
    if key in changed:
        painter.fillRect(int(layout.GUTTER + doc_margin - 9), int(rect.top() + fmt.topMargin()), 3,
                         int(rect.height() - fmt.topMargin() - fmt.bottomMargin()), _CHANGE_COLOUR)
    if margin:
        painter.setFont(small)
        painter.setPen(_MARGIN_COLOUR)
        painter.drawText(QPointF(doc_margin, baseline), margin)
    if label and line is not None:
        painter.setFont(layout.serif(10 if kind == layout.NOTE else 12))
        painter.setPen(QColor("#000000"))
        if kind == layout.SUB:
            x = fmt.leftMargin() - layout.INDENT
        elif kind == layout.NOTE:
            x = fmt.leftMargin() - 16
        else:
            x = fmt.leftMargin()
        painter.drawText(QPointF(x + doc_margin, baseline), label)
    if block.length() <= 1 and kind in (layout.FIELD, layout.FORMULA):
        painter.setFont(layout.serif(10))
        painter.setPen(QColor("#a0a0a0"))
        painter.drawText(QPointF(fmt.leftMargin() + fmt.textIndent() + doc_margin, baseline),
                         f"({margin})")
