"""Sub-paragraphs deeper than the Editorial Manual's four levels, made with Enter and Tab in the real window:
they are indented as the fourth level in the editor and the redline, so that a deep paragraph in a narrow
pane still reads as lines of words (it was once laid out one character a line: 2,578 lines for 2,958
characters, and every edit of it took as long to lay out)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock

from drafter.labels import SUB_LEVELS
from tests.ui.conftest import op
from ui.editor import layout
from ui.main_window import MainWindow

LONG = ("calls upon all Member States and the relevant organizations of the United Nations system to support "
        "the implementation of the present resolution, including through international cooperation; ") * 6


def _key(qtbot, window: MainWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.editor, key)


def _nest(qtbot, window: MainWindow, levels: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Below OP1, a chain of sub-paragraphs one level deeper each (Enter, Tab, words); their keys."""
    editor = window.editor
    first = op(window, 1)
    editor.place_cursor(first, editor.block_of(first).length() - 1)
    keys = []
    for _level in range(levels):
        _key(qtbot, window, Qt.Key.Key_Return)
        _key(qtbot, window, Qt.Key.Key_Tab)
        qtbot.keyClicks(editor, "deeper")
        keys.append(editor.current_key())
    editor.textCursor().insertText(" " + LONG)  # what typing does, in one go
    editor.flush()
    return keys


def _redline_block(window: MainWindow, key: str) -> QTextBlock:
    redline = window.redline
    return redline.document().findBlockByNumber(redline.rows[key] + redline._first)


def test_levels_past_the_fourth_are_indented_as_the_fourth(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1400, 900)  # the editor about 400 pixels wide, beside the outline and the redline
    keys = _nest(qtbot, window, SUB_LEVELS + 4)
    qtbot.waitUntil(window.review_sync.views_current, timeout=5000)
    window.editor.finish()
    window.redline.finish()
    depths = [len(window.editor.blocks.margin(key).split("(")) - 1 for key in keys]
    assert depths == list(range(1, SUB_LEVELS + 5))
    for view_margin in (lambda key: window.editor.block_of(key).blockFormat().leftMargin(),
                        lambda key: _redline_block(window, key).blockFormat().leftMargin()):
        margins = [view_margin(key) for key in keys]
        assert margins[:SUB_LEVELS] == sorted(set(margins[:SUB_LEVELS]))  # one step a level, up to the fourth
        assert set(margins[SUB_LEVELS - 1:]) == {margins[SUB_LEVELS - 1]}
    deepest = window.editor.block_of(keys[-1])
    assert layout.kind_of(deepest) == layout.SUB
    window.editor.document().documentLayout().blockBoundingRect(deepest)
    assert deepest.layout().lineCount() * 10 < deepest.length()  # lines of words, not of letters
    fourth = window.editor.block_of(keys[SUB_LEVELS - 1])
    assert window.editor.document().documentLayout().blockBoundingRect(fourth).left() == \
        window.editor.document().documentLayout().blockBoundingRect(deepest).left()
