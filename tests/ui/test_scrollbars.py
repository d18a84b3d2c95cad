"""The quiet scroll bar looks like the style's own at every place of its handle, and follows it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QScrollBar

from ui.scrollbars import QuietScrollBar


def _bars(qtbot) -> tuple[QuietScrollBar, QScrollBar]:  # type: ignore[no-untyped-def]
    quiet, plain = QuietScrollBar(), QScrollBar(Qt.Orientation.Vertical)
    for bar in (quiet, plain):
        qtbot.addWidget(bar)
        bar.setOrientation(Qt.Orientation.Vertical)
        bar.resize(15, 400)
        bar.setRange(0, 100_000)
        bar.setPageStep(600)
        bar.show()
    return quiet, plain


def _largest_difference(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            worst = max(worst, *(abs(((pa >> s) & 255) - ((pb >> s) & 255)) for s in (0, 8, 16)))
    return worst


@pytest.mark.parametrize("value", [0, 1, 37_000, 99_999, 100_000])
def test_looks_like_the_styles_scroll_bar(qtbot, value: int) -> None:  # type: ignore[no-untyped-def]
    quiet, plain = _bars(qtbot)
    for bar in (quiet, plain):
        bar.setValue(value)
    # the same picture but for rounding in the arrows' gradients (a level or two of 255)
    assert _largest_difference(quiet.grab().toImage(), plain.grab().toImage()) <= 3


def test_the_handle_moves_and_a_disabled_bar_looks_disabled(qtbot) -> None:  # type: ignore[no-untyped-def]
    quiet, plain = _bars(qtbot)
    before = quiet.grab().toImage()
    for bar in (quiet, plain):
        bar.setValue(60_000)
    moved = quiet.grab().toImage()
    assert _largest_difference(before, moved) > 20  # the handle is drawn elsewhere, not the old picture
    assert _largest_difference(moved, plain.grab().toImage()) <= 3
    for bar in (quiet, plain):
        bar.setEnabled(False)
    assert _largest_difference(quiet.grab().toImage(), plain.grab().toImage()) <= 3
