"""A scroll bar that repaints only when it would look different, and then cheaply.

A long document grows by a line or a paragraph at almost every edit, and the scroll bar of its
view is told its range changed each time; in a document some metres long its handle stays where
it was to the pixel, but the style draws the whole bar again all the same. `QuietScrollBar` skips
the repaint when the handle would be drawn where it is. When the handle did move, the style would
draw the whole groove again with its gradient (about a millisecond with Fusion, for each view at
each edit that changes the document's height): the bar keeps it as a picture, made again only when
its size, state or palette change, and draws the handle and the arrows over it (QStyle draws the
sub-controls an option names).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider, QWidget

_QUIET = (QAbstractSlider.SliderChange.SliderRangeChange, QAbstractSlider.SliderChange.SliderValueChange,
          QAbstractSlider.SliderChange.SliderStepsChange)
_SC = QStyle.SubControl
_BEHIND = _SC.SC_ScrollBarGroove | _SC.SC_ScrollBarAddPage | _SC.SC_ScrollBarSubPage
_IN_FRONT = (_SC.SC_ScrollBarSlider | _SC.SC_ScrollBarAddLine | _SC.SC_ScrollBarSubLine | _SC.SC_ScrollBarFirst
             | _SC.SC_ScrollBarLast)  # the arrows overlap the handle's end by a pixel at either end


class QuietScrollBar(QScrollBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drawn: QRect | None = None  # where the handle was when the bar was last painted
        self._behind: tuple[object, QPixmap] | None = None  # what the picture of the rest was drawn for, and it

    def _option(self) -> QStyleOptionSlider:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return option

    def _handle(self, option: QStyleOptionSlider | None = None) -> QRect:
        return self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option or self._option(),
                                           _SC.SC_ScrollBarSlider, self)

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        if change in _QUIET and self._drawn is not None and self._handle() == self._drawn:
            return
        super().sliderChange(change)

    def paintEvent(self, event: QPaintEvent) -> None:
        option = self._option()
        self._drawn = self._handle(option)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture_behind(option))
        option.subControls = _IN_FRONT
        self.style().drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, self)
        painter.end()

    def _picture_behind(self, option: QStyleOptionSlider) -> QPixmap:
        """The groove as the style draws it, kept while nothing it shows changes."""
        ratio = self.devicePixelRatioF()
        key = (self.size().toTuple(), ratio, option.state, option.activeSubControls, option.orientation,
               self.palette().cacheKey(), id(self.style()))
        if self._behind is None or self._behind[0] != key:
            picture = QPixmap(self.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(self.palette().window().color())
            painter = QPainter(picture)
            behind = QStyleOptionSlider(option)
            behind.subControls = _BEHIND
            self.style().drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, behind, painter, self)
            painter.end()
            self._behind = (key, picture)
        return self._behind[1]


def quieten(view: QAbstractScrollArea) -> None:
    """Give a view a vertical scroll bar that repaints only when it looks different."""
    view.setVerticalScrollBar(QuietScrollBar())
