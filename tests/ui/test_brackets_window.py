"""Negotiating in the real main window: words selected with the keyboard and bracketed with the menu's
shortcut, a paragraph's status set and marked in the outline, everything undone with Ctrl+Z."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from drafter import edits, versions
from drafter import negotiation_marks as marks
from drafter.model import Bracket, Paragraph
from tests.ui.conftest import op, text_of
from ui.main_window import MainWindow
from ui.negotiation_ui import ALTERNATIVE_KEY, BRACKET_KEY, STATUS_KEY

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
SHOTS = os.environ.get("DRAFTER_SCREENSHOTS")  # a folder to keep the screenshots in


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, key, modifiers)


def paragraph(window: MainWindow, key: str) -> Paragraph:
    doc = window.controller.doc
    assert doc is not None
    found = edits.find(doc.draft, key)
    assert isinstance(found, Paragraph)
    return found


def outline_text(window: MainWindow, key: str) -> str:
    return window.outline.outline.by_key[key].item.text()


def menu_of(window: MainWindow) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&Negotiation")


def menu_entry(window: MainWindow, title: str) -> QAction:
    menu = menu_of(window)
    entries = [*menu.actions(), *(e for a in menu.actions() if a.menu() for e in a.menu().actions())]
    return next(entry for entry in entries if entry.text().replace("&", "") == title)


def test_bracket_status_outline_and_undo_with_the_keyboard(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.settings.author = "Mexico"
    editor = window.editor
    key = op(window, 3)
    before = paragraph(window, key).content
    words = text_of(window, key).split()
    assert menu_entry(window, "Bracket the selection").shortcut().toString() == BRACKET_KEY
    editor.go_to(key)
    editor.setFocus()
    # skip the lead word, select the next three words with Ctrl+Shift+Right
    press(qtbot, editor, Qt.Key.Key_Right, CTRL)
    press(qtbot, editor, Qt.Key.Key_Right, CTRL | SHIFT, times=3)
    selected = editor.textCursor().selectedText()
    assert selected.split() == words[1:4]
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL | SHIFT)  # Negotiation › Bracket the selection
    para = paragraph(window, key)
    [span] = marks.spans(para.content)
    assert span.holder == "Mexico"
    bracketed = f"[{selected.strip()}]"  # the space the selection ends with stays outside
    assert f"{words[0]} {bracketed} {words[4]}" in para.text
    assert bracketed in editor.block_of(key).text()  # the editor shows the marks
    # typing right after the "]" is plain text, not part of the mark
    qtbot.keyClicks(editor, ",")
    para = paragraph(window, key)
    assert f"{bracketed}, {words[4]}" in para.text and [s.holder for s in marks.spans(para.content)] == ["Mexico"]
    assert sum(isinstance(item, Bracket) for item in para.content) == 2
    # status: agreed ad ref by the shortcut, marked in the outline
    assert menu_entry(window, "Next status (open, agreed ad ref, agreed)").shortcut().toString() == STATUS_KEY
    qtbot.keyClick(editor, Qt.Key.Key_G, CTRL | SHIFT)
    assert paragraph(window, key).status == marks.AD_REF
    qtbot.waitUntil(lambda: "◐ OP3  " in outline_text(window, key), timeout=3000)  # after "● " (changed)
    # another paragraph agreed from the menu
    other = op(window, 1)
    editor.go_to(other)
    menu_entry(window, "Agreed").trigger()
    assert paragraph(window, other).status == marks.AGREED
    qtbot.waitUntil(lambda: outline_text(window, other).startswith("✔ OP1  "), timeout=3000)
    assert not {"◐", "✔"} & set(outline_text(window, op(window, 2)))
    window.outline_dock.show()
    window.jump_to_key(key)
    qtbot.waitUntil(window.views_current, timeout=5000)
    shot = window.grab()
    assert not shot.isNull()
    shot.save(str(tmp_path / "brackets-window.png"))
    if SHOTS:
        shot.save(str(Path(SHOTS) / "brackets-window.png"))
    # Ctrl+Z takes back every step: status, status, typing, bracket
    editor.setFocus()
    for _ in range(4):
        qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert paragraph(window, key).content == before
    assert paragraph(window, key).status == marks.OPEN and paragraph(window, other).status == marks.OPEN
    assert "[" not in editor.block_of(key).text()
    qtbot.waitUntil(lambda: not {"◐", "✔", "●"} & set(outline_text(window, key) + outline_text(window, other)),
                    timeout=3000)
    assert window.controller.stack.index() == 0


def test_backspace_over_a_bracket_takes_its_partner_and_alternatives_get_their_labels(window: MainWindow,
                                                                                      qtbot: QtBot) -> None:
    window.settings.author = "EU"
    editor = window.editor
    key = op(window, 2)
    editor.go_to(key)
    editor.setFocus()
    press(qtbot, editor, Qt.Key.Key_Right, CTRL, times=2)
    press(qtbot, editor, Qt.Key.Key_Right, CTRL | SHIFT, times=2)
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL | SHIFT)
    assert len(marks.spans(paragraph(window, key).content)) == 1
    # the cursor stands after the "]": Backspace deletes it, and the "[" goes with it
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    para = paragraph(window, key)
    assert not any(isinstance(item, Bracket) for item in para.content)
    assert "[" not in editor.block_of(key).text() and "]" not in editor.block_of(key).text()
    # a new alternative of OP2 by its shortcut: OP2 alt 1 and alt 2 in the margin and the outline
    assert menu_entry(window, "New alternative of the paragraph").shortcut().toString() == ALTERNATIVE_KEY
    qtbot.keyClick(editor, Qt.Key.Key_L, CTRL | SHIFT)
    doc = window.controller.doc
    assert doc is not None
    labels = doc.draft.labels()
    second = doc.draft.operatives()[2]
    assert labels[key] == "OP2 alt 1" and labels[second.id] == "OP2 alt 2"
    assert editor.blocks.margin(second.id) == "OP2 alt 2"
    qtbot.waitUntil(lambda: "OP2 alt 2  " in outline_text(window, second.id), timeout=3000)
    assert labels[doc.draft.operatives()[3].id] == "OP3"


def test_numbered_as_in_a_version_a_new_paragraph_is_bis(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    doc = window.controller.doc
    assert doc is not None
    versions.add(doc.versions, "Rev.1", doc.draft)
    numbering = next(a.menu() for a in menu_of(window).actions() if a.text().replace("&", "") == "Number paragraphs")
    numbering.aboutToShow.emit()
    titles = [entry.text() for entry in numbering.actions()]
    assert titles == ["By position: 1, 2, 3 …", "As in the base (A/RES/72/169)", "As in Rev.1"]
    numbering.actions()[2].trigger()
    assert doc.draft.number_as is not None and doc.draft.number_as.name == "Rev.1"
    editor = window.editor
    key, next_key = op(window, 5), op(window, 6)
    editor.place_cursor(key, len(text_of(window, key)))
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Encourages all States to share good practices;")
    new = doc.draft.operatives()[5]
    assert new.text == "Encourages all States to share good practices;"
    assert editor.blocks.margin(new.id) == "OP5 bis" and editor.blocks.label(new.id) == "5 bis."
    assert editor.blocks.margin(next_key) == "OP6" and editor.blocks.label(next_key) == "6."
    qtbot.waitUntil(lambda: "OP5 bis  Encourages" in outline_text(window, new.id), timeout=3000)
    window.jump_to_key(new.id)
    qtbot.waitUntil(window.views_current, timeout=5000)
    shot = window.grab()
    shot.save(str(tmp_path / "bis-window.png"))
    if SHOTS:
        shot.save(str(Path(SHOTS) / "bis-window.png"))
    # back to numbering by position: the new paragraph is 6, the one after it 7
    numbering.aboutToShow.emit()
    numbering.actions()[0].trigger()
    assert editor.blocks.margin(new.id) == "OP6" and editor.blocks.margin(next_key) == "OP7"
    assert editor.blocks.label(next_key) == "7."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the numbering is one undo step
    assert editor.blocks.margin(new.id) == "OP5 bis"
