"""Moves in the real main window on the bundled sample A/RES/72/169, with Alt+Up/Down key presses: the
paragraph the user moved is the one the change list, after the full comparison too, and the tracked Word
export call moved."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from PySide6.QtCore import Qt

from tests.ui.conftest import op, text_of
from ui.main_window import MainWindow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ALT = Qt.KeyboardModifier.AltModifier


def listed(window: MainWindow) -> list[tuple[str, str, str]]:
    """The change list as shown: kind, base label, draft label."""
    model = window.panel.model
    return [(model.data(model.index(row, 0)), model.data(model.index(row, 1)), model.data(model.index(row, 2)))
            for row in range(model.rowCount())]


def moved(window: MainWindow) -> list[tuple[str, str, str]]:
    return [row for row in listed(window) if row[0] == "moved"]


def alt(qtbot, window: MainWindow, key: str, direction: Qt.Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    window.editor.place_cursor(key, 2)
    window.editor.setFocus()
    for _ in range(times):
        qtbot.keyClick(window.editor, direction, ALT)


def moved_in_export(path: Path) -> list[str]:
    """The text of each paragraph the tracked export marks as moved to its new place (w:moveTo)."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    out = []
    for para in body.iter(f"{W}p"):
        runs = [t.text or "" for move in para.iter(f"{W}moveTo") for t in move.iter(f"{W}t")]
        if runs:
            out.append("".join(runs))
    return out


def test_alt_down_moves_op3_and_op3_is_the_one_moved(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.panel.hide_renumbering.setChecked(False)
    third, fourth = op(window, 3), op(window, 4)
    alt(qtbot, window, third, Qt.Key.Key_Down)
    assert op(window, 4) == third and op(window, 3) == fourth
    assert listed(window) == [("renumbered", "OP4", "OP3"), ("moved", "OP3", "OP4")]
    window.controller.settle_now()
    assert listed(window) == [("renumbered", "OP4", "OP3"), ("moved", "OP3", "OP4")]
    # a second move: OP8 up twice (to OP6); no paragraph the user did not move reads as moved
    eighth = op(window, 8)
    alt(qtbot, window, eighth, Qt.Key.Key_Up, times=2)
    assert op(window, 6) == eighth
    expected = [("moved", "OP3", "OP4"), ("moved", "OP8", "OP6")]
    assert moved(window) == expected
    assert {row[0] for row in listed(window)} == {"moved", "renumbered"}
    window.controller.settle_now()
    assert moved(window) == expected
    target = tmp_path / "tracked.docx"
    assert window.export("tracked", str(target), "Delegation of Ruritania") is not None
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    assert moved_in_export(target) == [text_of(window, third), text_of(window, eighth)]
    # undo both: nothing reads as moved
    for _ in range(3):
        qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: listed(window) == [])  # a run of undo steps is shown at the next turn
    doc = window.controller.doc
    assert doc is not None and doc.draft.moved == ()


def test_a_paragraph_dropped_in_the_outline_is_the_one_moved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.outline.outline
    operative = model.index(1, 0)
    first = op(window, 1)
    data = model.mimeData([model.index(0, 0, operative)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, operative)
    assert op(window, 3) == first
    assert moved(window) == [("moved", "OP1", "OP3")]
    window.controller.settle_now()
    assert moved(window) == [("moved", "OP1", "OP3")]
