"""The real window: a follow-up draft with its automatic changes, editorial checks with quick fixes, the palette."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import pp, text_of
from ui.checks_panel import DEBOUNCE_MS
from ui.main_window import MainWindow

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _followup(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_followup()
    dialog.set_path(str(CORPUS / "A-RES-75-180.txt"))
    assert dialog.session.value() == 76  # the base's session + 1
    dialog.session.setValue(76)
    dialog.sponsors.setText("Cuba, Nicaragua")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.automatic.rows() != [], timeout=10000)


def test_new_followup_draft_tracks_the_technical_updates(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _followup(qtbot, window)
    doc = window.controller.doc
    assert doc is not None
    assert doc.base.front.number == "75/180"
    assert doc.draft.front.symbol == "A/C.3/76/L.__"
    assert "Enhancement of international cooperation" in window.editor.toPlainText()
    rows = window.automatic.rows()
    where = [row[0] for row in rows]
    assert {"PP3", "OP17", "footnote 3"} <= set(where)
    reasons = dict((row[0], row[2]) for row in rows)
    assert "recall chain" in reasons["PP3"]
    assert "session moved forward" in reasons["OP17"]
    assert window.automatic.note_rows()  # things to check by hand
    model = window.panel.model
    window.panel.hide_technical.setChecked(False)
    labels = {model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert {"PP3", "OP17"} <= labels
    assert window.isWindowModified()  # a new draft, not saved yet
    # rejecting the OP17 change through the change list puts the base text back
    op17 = doc.draft.operatives()[16].id
    assert "seventy-seventh" in text_of(window, op17)
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 2)) == "OP17")
    window.panel.reject_requested.emit(model.change(row))
    assert "seventy-sixth" in text_of(window, op17)


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(DEBOUNCE_MS + 150)


def test_checks_find_a_missing_comma_and_fix_it_undoably(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.checker.run()
    before = list(window.checker.findings)
    key = pp(window, 1)
    assert text_of(window, key).endswith(",")
    assert window.editor.place_cursor(key, 0)
    window.editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert not text_of(window, key).endswith(",")
    _settle(qtbot)
    found = [f for f in window.checks.findings if f.rule == "pp-ending" and f.target == key]
    assert found and found[0].label == "PP1"
    row = window.checks.findings.index(found[0])
    item = window.checks.list.item(row)
    assert "PP1" in item.text() and "pp-ending" in item.toolTip()
    assert any(mark.cursor.block().position() == window.editor.block_of(key).position()
               for mark in window.editor.extraSelections())  # the span is underlined
    window.checks.list.setCurrentRow(row)
    window.checks._jump(item)
    assert window.editor.current_key() == key
    assert window.checks.fix_button.isEnabled()
    qtbot.mouseClick(window.checks.fix_button, Qt.MouseButton.LeftButton)
    assert text_of(window, key).endswith(",")
    _settle(qtbot)
    assert not [f for f in window.checks.findings if f.rule == "pp-ending" and f.target == key]
    assert len(window.checks.findings) == len(before)
    window.undo_action.trigger()
    assert not text_of(window, key).endswith(",")
    window.undo_action.trigger()
    assert text_of(window, key).endswith(",")


def test_disabling_a_rule_hides_its_findings(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    key = pp(window, 1)
    assert window.editor.place_cursor(key, 0)
    window.editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    _settle(qtbot)
    assert any(f.rule == "pp-ending" for f in window.checks.findings)
    action = next(a for a in window.rules_menu.actions() if a.data() == "pp-ending")
    assert action.isChecked()
    action.trigger()
    assert "pp-ending" in window.settings.disabled_rules
    assert not any(f.rule == "pp-ending" for f in window.checks.findings)
    assert window.checks.list.count() == len(window.checks.findings)
    window.settings.sync()
    from ui.settings import Settings

    assert "pp-ending" in Settings(window.settings._qs.fileName()).disabled_rules
    action.trigger()
    assert any(f.rule == "pp-ending" for f in window.checks.findings)
    assert window.settings.disabled_rules == set()


def test_palette_inserts_a_paragraph_with_the_lead_word(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc = window.controller.doc
    assert doc is not None
    operative = window.palette_menu.operative.actions()
    assert [a.text() for a in operative[:4]] == ["Urges", "Calls upon", "Encourages", "Invites"]
    count = len(doc.draft.operatives())
    window.editor.place_cursor(doc.draft.operatives()[1].id, 0)
    next(a for a in operative if a.text() == "Calls upon").trigger()
    assert len(doc.draft.operatives()) == count + 1
    new = doc.draft.operatives()[2]
    assert new.text.startswith("Calls upon")
    assert window.editor.current_key() == new.id
    qtbot.keyClicks(window.editor, "all States to cooperate;")
    window.editor.flush()
    assert text_of(window, new.id) == "Calls upon all States to cooperate;"
    preambular = window.palette_menu.preambular.actions()
    assert preambular
    count_pp = len(doc.draft.preambular())
    preambular[0].trigger()  # the cursor is in the operative part: appended to the preamble
    assert len(doc.draft.preambular()) == count_pp + 1
    assert doc.draft.preambular()[-1].text.startswith(preambular[0].text())
    window.undo_action.trigger()
    assert len(doc.draft.preambular()) == count_pp
