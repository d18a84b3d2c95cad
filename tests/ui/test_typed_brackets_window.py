"""A compilation text with typed brackets opened in the real main window: the warnings bar says where they are
and offers the command; Negotiation › Recognise typed brackets (from the menu with the keyboard, then by its
shortcut) makes them marks in one step, says how many and names the unpaired one; Ctrl+Z takes it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from drafter import negotiation_marks as marks
from drafter import typed_brackets as typed
from tests.corpus import DATA
from tests.ui.conftest import Dialogs
from ui.main_window import MainWindow
from ui.negotiation_ui import RECOGNISE_KEY

REV1 = DATA / "brackets" / "rev1.docx"  # python-docx; see tests/data/brackets/README.md
CTRL, ALT, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier, \
    Qt.KeyboardModifier.ShiftModifier


def _open(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """File › New from a resolution (Ctrl+N), the dialog answering `path`."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    before = window.controller.doc
    window.activateWindow()
    qtbot.keyClick(window.editor, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: window.controller.doc is not before, timeout=20000)


def _labelled_texts(window: MainWindow) -> dict[str, str]:
    doc = window.controller.doc
    assert doc is not None
    return {label: para.text for label, para in doc.draft.labelled()}


def _holders(window: MainWindow) -> list[str]:
    doc = window.controller.doc
    assert doc is not None
    return [span.holder for para in doc.draft.blocks() for span in marks.spans(para.content)]


def test_recognise_typed_brackets_from_the_menu_and_undo(qtbot: QtBot, window: MainWindow, dialogs: Dialogs,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _open(qtbot, window, monkeypatch, REV1)
    bar = window.warnings_bar
    assert bar.isVisible()
    [hint] = [line for line in bar.lines() if typed.COMMAND in line]
    assert hint.startswith("PP1 — typed square brackets") and "PP1, OP2, OP4" in hint
    assert any(line.startswith("OP6 — OP6: a typed “]”") for line in bar.lines())
    before = _labelled_texts(window)
    assert _holders(window) == []
    # Alt+N opens the Negotiation menu; T is "Recognise &typed brackets"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_T)
    qtbot.waitUntil(lambda: bool(_holders(window)), timeout=5000)
    assert _holders(window) == ["Russian Federation", "EU, CELAC", ""]
    after = _labelled_texts(window)
    assert after["OP4"].startswith("[Requests") and "(EU, CELAC)" not in after["OP2"]
    assert window.editor.block_of(window.controller.doc.draft.operatives()[3].id).text().startswith("[Requests")
    [message] = dialogs.shown
    assert "3 typed brackets made bracket marks (PP1, OP2, OP4)" in message and "“]” in OP6" in message
    # the hint is taken: the bar keeps what is still to look at, the unpaired "]"
    assert not any(typed.COMMAND in line for line in bar.lines())
    assert any(line.startswith("OP6 — ") for line in bar.lines())
    # one step: Ctrl+Z gives the typed brackets back, Ctrl+Shift+Z the marks again
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert _labelled_texts(window) == before and _holders(window) == []
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _labelled_texts(window) == after and len(_holders(window)) == 3
    # the shortcut again: nothing left to recognise, and the message says so
    assert RECOGNISE_KEY == "Ctrl+Alt+Shift+T"
    qtbot.keyClick(window.editor, Qt.Key.Key_T, CTRL | ALT | SHIFT)
    assert dialogs.shown[-1].endswith("No typed square brackets to recognise. Left as text, without a partner in "
                                      "their paragraph: “]” in OP6.")
    assert _labelled_texts(window) == after
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert _labelled_texts(window) == before  # that press made no step of its own
