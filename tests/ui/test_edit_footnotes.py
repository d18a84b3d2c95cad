"""Footnotes go with the text that cited them, in the real main window on the bundled sample A/RES/72/169,
with real key presses: PP3 cites notes 2 and 3, PP4 ("… Programme of Action,⁴") note 4."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.core.test_edits_footnotes import offset_of_note
from tests.ui.conftest import pp
from ui.editor import layout
from ui.main_window import MainWindow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def notes(window: MainWindow) -> list[str]:
    doc = window.controller.doc
    assert doc is not None
    return [note.text for note in doc.draft.footnotes]


def painted_markers(window: MainWindow, key: str) -> list[str]:
    """The numbers the editor draws for the footnote references of a block."""
    block = window.editor.block_of(key)
    out = []
    for frag in layout.fragments(block):
        fmt = frag.charFormat()
        if fmt.objectType() == layout.NOTE_OBJECT:
            out.append(window.editor._marker.marker(str(fmt.property(layout.P_NOTE))))
    return out


def note_blocks(window: MainWindow) -> list[tuple[str, str]]:
    """The footnotes the editor lists under the text: painted number and text."""
    out = []
    block = window.editor.document().firstBlock()
    while block.isValid():
        if layout.kind_of(block) == layout.NOTE:
            out.append((window.editor.blocks.label(layout.key_of(block)), block.text()))
        block = block.next()
    return out


def select_to_start_of(qtbot, window: MainWindow, start: str, end: str) -> None:  # type: ignore[no-untyped-def]
    """From the start of block `start`, Shift+Down until the cursor is in block `end`, then Shift+Home."""
    editor = window.editor
    editor.place_cursor(start, 0)
    editor.setFocus()
    for _ in range(40):
        if editor.current_key() == end:
            break
        qtbot.keyClick(editor, Qt.Key.Key_Down, SHIFT)
    assert editor.current_key() == end
    qtbot.keyClick(editor, Qt.Key.Key_Home, SHIFT)
    assert editor.textCursor().positionInBlock() == 0


def note_offset(window: MainWindow, key: str, number: int) -> int:
    doc = window.controller.doc
    assert doc is not None
    return offset_of_note(doc, key, number)


def test_delete_pp3_with_its_notes_then_undo(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pp3, pp4 = pp(window, 3), pp(window, 4)
    before = notes(window)
    assert painted_markers(window, pp3) == ["2", "3"] and painted_markers(window, pp4) == ["4"]
    select_to_start_of(qtbot, window, pp3, pp4)
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    assert pp(window, 3) == pp4
    assert "Resolution 55/2." not in notes(window) and len(notes(window)) == len(before) - 2
    assert painted_markers(window, pp4) == ["2"]  # "Action,²", and note 2 is now "Resolution 66/3."
    listed = note_blocks(window)
    assert listed[1] == ("2", "Resolution 66/3.") and len(listed) == len(before) - 2
    target = tmp_path / "clean.docx"
    assert window.export("clean", str(target), "") is not None
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        footnotes = etree.fromstring(package.read("word/footnotes.xml"))
    held = {el.get(f"{W}id"): "".join(t.text or "" for t in el.iter(f"{W}t")) for el in footnotes.iter(f"{W}footnote")
            if el.get(f"{W}type") in (None, "normal")}
    text = "".join(el.text or "" if el.tag == f"{W}t" else f"[{el.get(f'{W}id')}]"
                   for el in body.iter(f"{W}t", f"{W}footnoteReference"))
    cited = re.findall(r"\[(\d+)\]", text)
    assert sorted(held) == sorted(cited)
    action = re.search(r"Programme of Action,\[(\d+)\]", text)
    assert action is not None and held[action.group(1)] == "Resolution 66/3."
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)  # one step brings the paragraph and both notes back
    assert notes(window) == before
    assert pp(window, 3) == pp3 and painted_markers(window, pp3) == ["2", "3"]
    assert painted_markers(window, pp4) == ["4"] and len(note_blocks(window)) == len(before)


def test_cut_across_paragraphs_takes_the_notes_it_covers(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pp2, pp3 = pp(window, 2), pp(window, 3)
    before = notes(window)
    editor = window.editor
    editor.place_cursor(pp2, 10)
    editor.setFocus()
    for _ in range(40):
        if editor.current_key() == pp3:
            break
        qtbot.keyClick(editor, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(editor, Qt.Key.Key_Home, SHIFT)
    while editor.textCursor().positionInBlock() <= note_offset(window, pp3, 0):  # word by word past note 2
        qtbot.keyClick(editor, Qt.Key.Key_Right, CTRL | SHIFT)
    covered = editor.textCursor().positionInBlock()
    assert note_offset(window, pp3, 0) < covered < note_offset(window, pp3, 1)
    qtbot.keyClick(editor, Qt.Key.Key_X, CTRL)
    assert "Resolution 55/2." not in notes(window) and len(notes(window)) == len(before) - 1
    assert painted_markers(window, pp2) == ["2"]
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert notes(window) == before


def test_backspace_and_delete_over_a_marker(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pp3, pp4 = pp(window, 3), pp(window, 4)
    before = notes(window)
    editor = window.editor
    editor.place_cursor(pp3, note_offset(window, pp3, 0) + 1)  # just after the marker of note 2
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert "Resolution 55/2." not in notes(window)
    assert painted_markers(window, pp3) == ["2"] and painted_markers(window, pp4) == ["3"]
    editor.place_cursor(pp3, note_offset(window, pp3, 0))  # just before the marker left
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert len(notes(window)) == len(before) - 2 and painted_markers(window, pp4) == ["2"]
    # Delete at the end of PP3 joins PP4 to it: the notes stay as they are
    editor.place_cursor(pp3, 0)
    editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert painted_markers(window, pp3) == ["2"] and len(notes(window)) == len(before) - 2
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert notes(window) == before
    assert painted_markers(window, pp3) == ["2", "3"] and painted_markers(window, pp4) == ["4"]
