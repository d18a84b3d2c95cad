"""A change's word diff drawn in a list cell as on paper: deleted words struck through, inserted words
underlined (and bold, unless the change is technical), in the redline's colours.

The model keeps the plain `[-deleted-]{+inserted+}` text as the cell's display and accessible text
(screen readers and copying read it); the delegate draws the ops (`OPS_ROLE`) instead of that text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from drafter.compare.changes import Op
from ui.review.marks import DELETE_COLOUR, INSERT_COLOUR

OPS_ROLE = Qt.ItemDataRole.UserRole + 7  # list[Op] of a change, for the delegate
CONTEXT = 60  # characters of unchanged text kept on each side of a change
_PAD = 4

Segment = tuple[str, str, bool]  # text, "equal" / "insert" / "delete", technical


def segments(ops: list[Op]) -> list[Segment]:
    """The ops as they read in one line: line breaks as spaces, long unchanged stretches cut to their ends."""
    out: list[Segment] = []
    last = len(ops) - 1
    for index, op in enumerate(ops):
        text = " ".join(op.text.split("\n"))
        if op.op == "equal" and len(text) > 2 * CONTEXT + 5:
            head = "" if index == 0 else text[:CONTEXT]
            tail = "" if index == last else text[-CONTEXT:]
            text = f"{head}…{tail}"
        if text:
            out.append((text, op.op, op.technical or op.renumbering))
    return out


def segment_font(base: QFont, kind: str, technical: bool) -> QFont:
    font = QFont(base)
    if kind == "delete":
        font.setStrikeOut(True)
    elif kind == "insert":
        font.setUnderline(True)
        font.setBold(not technical)
    return font


class MarkedTextDelegate(QStyledItemDelegate):
    """Paints the cells whose index has `OPS_ROLE` data; other cells as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        ops = index.data(OPS_ROLE)
        if not ops:
            super().paint(painter, option, index)
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        widget = view.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view, widget)
        selected = bool(view.state & QStyle.StateFlag.State_Selected)
        plain = view.palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        painter.save()
        painter.setClipRect(rect)
        metrics = QFontMetricsF(view.font)
        baseline = rect.top() + (rect.height() + metrics.ascent() - metrics.descent()) / 2
        x, right = float(rect.left() + _PAD), float(rect.right() - _PAD)
        for text, kind, technical in segments(ops):
            font = segment_font(view.font, kind, technical)
            fits = QFontMetricsF(font)
            width = fits.horizontalAdvance(text)
            shown = text if x + width <= right else fits.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
            colour = {"insert": INSERT_COLOUR, "delete": DELETE_COLOUR}.get(kind)
            painter.setPen(plain if colour is None or selected else colour)
            painter.setFont(font)
            painter.drawText(QPointF(x, baseline), shown)
            x += width
            if x > right:
                break
        painter.restore()
