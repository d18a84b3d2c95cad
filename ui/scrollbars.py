"""A scroll bar that repaints only when it would look different.

A long document grows by a line or a paragraph at almost every edit, and the scroll bar of its
view is told its range changed each time; in a document some metres long its handle stays where
it was to the pixel, but the style draws the whole bar again all the same (a millisecond with
Fusion). `QuietScrollBar` skips the repaint when the handle would be drawn where it is.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider, QWidget

_QUIET = (QAbstractSlider.SliderChange.SliderRangeChange, QAbstractSlider.SliderChange.SliderValueChange,
          QAbstractSlider.SliderChange.SliderStepsChange)


class QuietScrollBar(QScrollBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drawn: QRect | None = None  # where the handle was when the bar was last painted

    def _handle(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                           QStyle.SubControl.SC_ScrollBarSlider, self)

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        if change in _QUIET and self._drawn is not None and self._handle() == self._drawn:
            return
        super().sliderChange(change)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._drawn = self._handle()
        super().paintEvent(event)


def quieten(view: QAbstractScrollArea) -> None:
    """Give a view a vertical scroll bar that repaints only when it looks different."""
    view.setVerticalScrollBar(QuietScrollBar())
