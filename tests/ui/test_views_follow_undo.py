"""The views follow an undo after a pause: the redline, read back from the window, shows the document.

Each sequence once left the redline on text the document no longer had: a quick fix of the editorial
checks undone with Ctrl+Z, and a word typed over and undone after the pause's full comparison.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from drafter.compare.engine import Comparison
from tests.corpus import CORPUS
from ui.app import initial_document
from ui.main_window import MainWindow
from ui.review.consistency import mismatches


def settled(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Wait, as a user would, until the pause's comparison ran and every view shows it."""
    qtbot.waitUntil(lambda: not window.controller.settle_pending() and window.views_current(), timeout=10_000)


def redline_is_the_document(window: MainWindow) -> None:
    doc, live = window.controller.doc, window.controller.live
    assert doc is not None and live is not None
    fresh = Comparison(doc.base, doc.draft, live.options).run()
    assert [r.to_dict() for r in live.changes.records] == [r.to_dict() for r in fresh.records]
    assert mismatches(window.redline, fresh, window.panel.hidden()) == []


def test_a_quick_fix_undone_with_ctrl_z_leaves_no_trace_in_the_redline(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc, _ = initial_document(str(CORPUS / "A-RES-80-11.txt"), None)
    window.controller.set_document(doc, None)
    window.controller.set_settle_delay(20)
    window.checker.run()
    row = next(i for i, f in enumerate(window.checks.findings) if f.rule == "repeated-lead")
    window.checks.list.setCurrentRow(row)
    QTest.mouseClick(window.checks.fix_button, Qt.MouseButton.LeftButton)
    settled(qtbot, window)
    assert any(op.op == "insert" and "also" in op.text for c in window.controller.live.changes.changes
               for op in c.ops)
    redline_is_the_document(window)
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, window)
    assert not window.controller.live.changes.changes
    redline_is_the_document(window)
    assert all(kind == "equal" for _label, runs in window.redline.read_back() for kind, _text in runs)


def test_the_debug_check_catches_a_view_that_missed_an_update(qtbot, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With DRAFTER_CHECK_VIEWS set, a redline that stopped following the change list is an error at once."""
    monkeypatch.setenv("DRAFTER_CHECK_VIEWS", "1")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    doc, _ = initial_document(str(CORPUS / "A-RES-75-180.txt"), None)
    win.controller.set_document(doc, None)
    win.controller.set_settle_delay(20)
    win.show()
    qtbot.waitExposed(win)
    check = win.views_check
    assert check is not None
    op2 = doc.draft.operatives()[1]
    win.editor.place_cursor(op2.id, 0)
    qtbot.keyClicks(win.editor, "Also ")
    qtbot.waitUntil(lambda: check.checked > 0, timeout=10_000)  # checked, and found right
    # a redline that claims the revision but draws nothing
    monkeypatch.setattr(type(win.redline), "update_records",
                        lambda view, _changes, _keys, revision: setattr(view, "drawn", revision))
    monkeypatch.setattr(type(win.redline), "show_changes",
                        lambda view, _changes, _hidden=None, revision=0: setattr(view, "drawn", revision))
    with qtbot.captureExceptions() as raised:
        qtbot.keyClicks(win.editor, "again ")
        qtbot.waitUntil(lambda: bool(raised), timeout=10_000)
    assert "does not show its change list at OP2" in str(raised[0][1])
    monkeypatch.undo()
    monkeypatch.setenv("DRAFTER_CHECK_VIEWS", "1")
    # a redline that never draws the revision
    monkeypatch.setattr(type(win.redline), "update_records", lambda *_args: None)
    monkeypatch.setattr(type(win.redline), "show_changes", lambda *_args, **_kwargs: None)
    with qtbot.captureExceptions() as raised:
        qtbot.keyClicks(win.editor, "once more ")
        qtbot.waitUntil(lambda: bool(raised), timeout=15_000)
    assert "has not caught up" in str(raised[0][1])
    win.controller.stack.setClean()


def test_the_outline_and_the_redline_go_to_the_paragraph_an_edit_puts_the_cursor_in(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Enter at the end of a paragraph puts the cursor in a new one, and Backspace at its start joins it
    back: once the cursor rests, the outline and the redline follow it into paragraphs they did not show
    yet, and out of one that is gone (they once went by the records shown before the edit, and stayed
    where they were)."""
    from tests.ui.conftest import op

    editor, redline = window.editor, window.redline
    window.resize(1400, 900)
    last = op(window, len(window.controller.doc.draft.operatives()))  # type: ignore[union-attr]
    editor.place_cursor(last, editor.block_of(last).length() - 1)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Backspace):
        QTest.keyClick(editor, key)
        assert window._follow.isActive()  # once the cursor rests: the key does not wait for them
        current = editor.current_key()
        qtbot.waitUntil(lambda: window.outline.currentIndex().data(Qt.ItemDataRole.UserRole) == current,  # noqa: B023
                        timeout=5000)
        assert window.views_current()
        assert redline.textCursor().blockNumber() == redline.rows[current] + redline._first
    assert editor.current_key() == last
