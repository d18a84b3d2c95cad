"""Where a jump lands: the paragraph jumped to stands a third of the way down the view, not at its edge.

`QTextEdit.ensureCursorVisible` scrolls as little as it can, so a paragraph below the view ends up
on its bottom line, with nothing of what follows in sight. A jump (from the outline, the change
list, the checks, the reader's warnings) scrolls the editor and the review view so that the line
jumped to sits at the upper third of each.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QTextEdit

from ui.review.redline import ReviewView

THIRD = 3  # the line lands at 1/THIRD of the viewport's height


def to_upper_third(view: QTextEdit, rect: QRect | None = None) -> None:
    """Scroll `view` so that `rect` (viewport coordinates; the cursor's by default) stands at its upper third."""
    line = rect if rect is not None else view.cursorRect()
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + line.top() - view.viewport().height() // THIRD)


def reveal_in_review(view: ReviewView, key: str) -> None:
    """Put the record of paragraph `key` at the upper third of a review view, if the view shows it now."""
    if not view.isVisible():
        return
    view.scroll_to(key)
    if key in view.rows and not view.stale:
        to_upper_third(view)
