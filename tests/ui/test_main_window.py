"""The real main window driven with real key presses: editing, tracked differences, undo, structure, review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from drafter import edits
from tests.ui.conftest import op, pp, text_of
from ui.main_window import MainWindow


def end_of(window: MainWindow, key: str) -> None:
    editor = window.editor
    assert editor.place_cursor(key, 0)
    editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    editor.setFocus()


def redline_text(window: MainWindow) -> str:
    return window.redline.toPlainText()


def test_opens_the_sample(window: MainWindow) -> None:
    assert "A/RES/72/169" in window.windowTitle() or "sample" in window.windowTitle()
    assert "Reaffirms that it is one of the purposes" in window.editor.toPlainText()
    assert window.panel.model.rowCount() == 0
    assert not window.isWindowModified()
    assert window.outline.outline.rowCount() == 2  # preamble and operative part


def test_edit_op17_shows_in_redline_and_change_list_then_undo_redo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    key = op(window, 17)
    end_of(window, key)
    for _ in range(len("third session.")):
        qtbot.keyClick(window.editor, Qt.Key.Key_Left)
    qtbot.keyClicks(window.editor, "seventy-")
    assert "at its seventy-seventy-third session." in text_of(window, key)
    model = window.panel.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "modified"
    assert model.data(model.index(0, 2)) == "OP17"
    assert "[-seventy-third-]{+seventy-seventy-third+}" in model.data(model.index(0, 3))
    assert window.isWindowModified()
    block = window.redline.document().findBlockByNumber(window.redline.rows[key])
    underlined = [f for f in block.textFormats() if f.format.fontUnderline()]
    assert underlined and block.text()[underlined[0].start:underlined[0].start + underlined[0].length].strip() \
        == "seventy-seventy-third"
    struck = [f for f in block.textFormats() if f.format.fontStrikeOut()]
    assert struck and block.text()[struck[0].start:struck[0].start + struck[0].length].strip() == "seventy-third"
    assert key in window.editor.changed_keys
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "seventy-seventy" not in text_of(window, key)
    assert model.rowCount() == 0
    assert not window.isWindowModified()
    assert "seventy-seventy" not in window.editor.toPlainText()
    window.redo_action.trigger()
    assert "seventy-seventy-third" in text_of(window, key)
    assert "seventy-seventy-third" in window.editor.toPlainText()
    assert model.rowCount() == 1


def test_new_op3_renumbers_with_no_other_change(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    old_op3 = op(window, 3)
    end_of(window, op(window, 2))
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(window.editor, "Decides to proclaim an international day of cooperation;")
    assert text_of(window, op(window, 3)).startswith("Decides to proclaim")
    assert op(window, 4) == old_op3
    doc = window.controller.doc
    assert doc is not None
    new = edits.find(doc.draft, op(window, 3))
    assert new is not None and new.content[0] == edits.primitives.Text("Decides", True)  # lead word italic by itself
    window.panel.hide_renumbering.setChecked(True)
    kinds = [window.panel.model.data(window.panel.model.index(r, 0)) for r in range(window.panel.model.rowCount())]
    assert kinds == ["inserted"]
    window.panel.hide_renumbering.setChecked(False)
    kinds = {window.panel.model.data(window.panel.model.index(r, 0)) for r in range(window.panel.model.rowCount())}
    assert kinds == {"inserted", "renumbered"}
    assert "3.\t" not in window.editor.toPlainText()  # labels are painted, not text
    assert window.editor.blocks.label(op(window, 4)) == "4."  # painted beside the block


def test_enter_backspace_join_and_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    key = op(window, 5)
    original = text_of(window, key)
    window.editor.place_cursor(key, 10)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    second = op(window, 6)
    assert text_of(window, key) + text_of(window, second) == original
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert text_of(window, key) == original
    assert window.panel.model.rowCount() == 0
    window.editor.place_cursor(op(window, 6), 0)
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    doc = window.controller.doc
    assert doc is not None
    assert doc.draft.labels()[key] == "OP5"
    assert len(doc.draft.operatives()[4].children) == 1
    assert window.editor.blocks.label(doc.draft.operatives()[4].children[0].id) == "(a)"
    qtbot.keyClick(window.editor, Qt.Key.Key_Backtab)
    assert len(doc.draft.operatives()[4].children) == 0


def test_move_pp_with_alt_up(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    moving = pp(window, 4)
    window.editor.place_cursor(moving, 3)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert pp(window, 3) == moving
    kinds = {window.panel.model.data(window.panel.model.index(r, 0)) for r in range(window.panel.model.rowCount())}
    assert "moved" in kinds
    assert window.editor.cursor_place() == (moving, 3)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pp(window, 4) == moving


def test_footnote_insert_edit_and_renumber(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc = window.controller.doc
    assert doc is not None
    first = doc.draft.footnotes[0].id
    key = pp(window, 1)
    window.editor.place_cursor(key, 11)
    window.editor.setFocus()
    window.editor.insert_footnote()
    qtbot.keyClicks(window.editor, "See A/80/1.")
    assert doc.draft.footnotes[0].text == "See A/80/1."
    assert doc.draft.marker(first) == "2"  # renumbered by position
    assert len(doc.draft.footnotes) == len(doc.base.footnotes) + 1
    kinds = {window.panel.model.data(window.panel.model.index(r, 0)) for r in range(window.panel.model.rowCount())}
    assert "inserted" in kinds
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.draft.footnotes) == len(doc.base.footnotes)


def test_reject_a_change(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    key = op(window, 1)
    window.editor.place_cursor(key, 0)
    window.editor.moveCursor(QTextCursor.MoveOperation.EndOfWord)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, " once again")
    assert window.panel.model.rowCount() == 1
    window.panel.table.selectRow(0)
    qtbot.mouseClick(window.panel.reject_button, Qt.MouseButton.LeftButton)
    assert "once again" not in text_of(window, key)
    assert window.panel.model.rowCount() == 0
    assert "once again" not in window.editor.toPlainText()
    window.undo_action.trigger()
    assert "once again" in text_of(window, key)


def test_accept_a_change(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    key = op(window, 2)
    end_of(window, key)
    qtbot.keyClicks(window.editor, " Indeed.")
    window.panel.table.selectRow(0)
    qtbot.mouseClick(window.panel.accept_button, Qt.MouseButton.LeftButton)
    doc = window.controller.doc
    assert doc is not None
    assert doc.base.operatives()[1].text.endswith("Indeed.")
    assert window.panel.model.rowCount() == 0


def test_next_change_by_keyboard_and_side_by_side(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for number in (3, 9):
        end_of(window, op(window, number))
        qtbot.keyClicks(window.editor, " More.")
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.editor.current_key() == op(window, 3)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.editor.current_key() == op(window, 9)
    window.set_view("side-by-side")
    assert "More." in window.side.toPlainText()
    window.set_view("redline")


def test_paste_several_paragraphs(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData

    doc = window.controller.doc
    assert doc is not None
    count = len(doc.draft.operatives())
    end_of(window, op(window, 4))
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    data = QMimeData()
    data.setText("Requests the Secretary-General to report\non the matter;\nDecides to remain seized of the"
                 " matter:\n(a) first;\n(b) second;")
    window.editor.insertFromMimeData(data)
    assert len(doc.draft.operatives()) == count + 2
    assert text_of(window, op(window, 5)) == "Requests the Secretary-General to report on the matter;"
    assert [c.text for c in doc.draft.operatives()[5].children] == ["first;", "second;"]


def test_find_and_replace(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.find_next("Vienna Declaration", False)
    window.replace("Vienna Declaration", "Vienna declaration", True, True)
    doc = window.controller.doc
    assert doc is not None
    assert "Vienna Declaration" not in window.editor.toPlainText()
    window.undo_action.trigger()
    assert "Vienna Declaration" in window.editor.toPlainText()


def test_drag_and_drop_in_outline_asks_for_a_move(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.outline.outline
    operative = model.index(1, 0)
    data = model.mimeData([model.index(0, 0, operative)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, operative) is False
    doc = window.controller.doc
    assert doc is not None
    assert doc.draft.labels()[doc.base.operatives()[0].id] == "OP3"


def test_redline_has_one_block_per_record_and_updates_in_place(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from tests.corpus import CORPUS
    from ui.app import initial_document

    doc, _ = initial_document(str(CORPUS / "A-RES-76-159.txt"), str(CORPUS / "A-RES-72-169-clean.txt"))
    window.controller.set_document(doc, None)
    live = window.controller.live
    assert live is not None
    assert window.redline.document().blockCount() == len(live.changes.records)
    key = op(window, 17)
    end_of(window, key)
    qtbot.keyClicks(window.editor, " Indeed")
    block = window.redline.document().findBlockByNumber(window.redline.rows[key])
    assert block.text().rstrip().endswith("Indeed")
    assert window.redline.document().blockCount() == len(live.changes.records)
