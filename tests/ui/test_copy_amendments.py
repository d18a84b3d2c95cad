"""Edit › Copy as amendments in the real main window: the draft is edited with key presses, the menu's
shortcut (Ctrl+Shift+M) is pressed, and the clipboard holds the amendments as text."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.conftest import op, text_of
from ui.main_window import MainWindow

COPY = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def type_over(qtbot, window: MainWindow, key: str, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """Select `old` in a paragraph of the draft and type `new` over it, key by key."""
    start = text_of(window, key).index(old)
    assert window.editor.place_cursor(key, start, start + len(old))
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, new)


def test_copy_as_amendments_puts_the_statements_on_the_clipboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    type_over(qtbot, window, op(window, 10), "cooperative approach", "cooperative and constructive approach")
    type_over(qtbot, window, op(window, 17), "seventy-third", "seventy-sixth")
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(window.editor, Qt.Key.Key_M, COPY)
    qtbot.waitUntil(lambda: bool(QGuiApplication.clipboard().text()), timeout=5000)
    assert QGuiApplication.clipboard().text() == (
        "Paragraphs are referred to by their numbers in A/RES/72/169; the paragraphs that follow an inserted or "
        "deleted paragraph are renumbered accordingly.\n"
        "\n"
        "1. In operative paragraph 10, insert the words \u201cand constructive\u201d after the word "
        "\u201ccooperative\u201d.\n"
        "2. In operative paragraph 17, replace the word \u201cseventy-third\u201d with \u201cseventy-sixth\u201d.\n")
    assert window.statusBar().currentMessage().startswith("Copied 2 amendments to the clipboard")
    shot = os.environ.get("DRAFTER_SHOT")  # a look at the window after copying, when asked for
    if shot:
        window.grab().save(shot)


def test_an_unchanged_draft_copies_that_there_is_nothing_to_amend(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    edit = next(entry for entry in window.menuBar().actions() if entry.text() == "&Edit").menu()
    entry = next(item for item in edit.actions() if item.text() == "Copy as a&mendments")
    assert entry.shortcut().toString() == "Ctrl+Shift+M"
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(window.editor, Qt.Key.Key_M, COPY)
    qtbot.waitUntil(lambda: bool(QGuiApplication.clipboard().text()), timeout=5000)
    assert QGuiApplication.clipboard().text() == "No amendments: the two texts do not differ in their wording.\n"
    assert window.statusBar().currentMessage() == "No amendments: the draft words nothing differently from its base"
