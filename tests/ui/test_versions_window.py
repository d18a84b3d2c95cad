"""Versions in the window: Save version…, Compare against a version, Reject against it, the export against it."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog

from drafter import draftfile, edits, versions
from drafter.compare.engine import Comparison
from drafter.edits import Document
from drafter.model import Text
from tests.corpus import CORPUS, load
from ui.main_window import MainWindow
from ui.review.consistency import mismatches


def settled(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.controller.settle_pending() and window.views_current(), timeout=10_000)


def views_show(window: MainWindow, against_text: object) -> None:
    """The change list and the redline are those of a fresh comparison of the draft with `against_text`."""
    doc, live = window.controller.doc, window.controller.live
    assert doc is not None and live is not None
    fresh = Comparison(against_text, doc.draft, live.options).run()  # type: ignore[arg-type]
    assert [r.to_dict() for r in live.changes.records] == [r.to_dict() for r in fresh.records]
    assert mismatches(window.redline, fresh, window.panel.hidden()) == []


def type_at_end(qtbot, window: MainWindow, key: str, words: str) -> None:  # type: ignore[no-untyped-def]
    doc = window.controller.doc
    assert doc is not None
    unit = edits.find(doc.draft, key)
    assert unit is not None
    window.editor.setFocus()
    assert window.editor.place_cursor(key, len(unit.text), len(unit.text))
    QTest.keyClicks(window.editor, words)
    settled(qtbot, window)


@pytest.fixture
def drafted(window: MainWindow, tmp_path: Path) -> tuple[MainWindow, Path]:
    doc = Document.from_base(copy.deepcopy(load(CORPUS / "A-RES-75-180.txt")), "A-RES-75-180.txt")
    for index, name in enumerate(("Zero draft", "Rev.1")):
        op = doc.draft.operatives()[index]
        edit = edits.set_content(doc, op.id, [*op.content, Text(f" ({name})")])
        assert edit is not None
        edit.apply(doc)
        versions.add(doc.versions, name, doc.draft)
    path = tmp_path / "d.drafter"
    draftfile.save(doc, path)
    window.controller.set_document(draftfile.read(path), str(path))
    window.controller.set_settle_delay(20)
    return window, path


def choose_in_menu(window: MainWindow, title: str) -> None:
    """View › Compare against › `title`, as the menu offers it."""
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    against = next(a.menu() for a in view.actions() if a.menu() is not None and "against" in a.text())
    against.aboutToShow.emit()
    entry = next(a for a in against.actions() if a.text() == title)
    entry.trigger()


def test_compare_against_a_version_shows_only_what_changed_since(qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    window, _path = drafted
    doc = window.controller.doc
    assert window.versions.box.count() == 3 and window.versions.box.isEnabled()
    type_at_end(qtbot, window, doc.draft.operatives()[2].id, " and beyond")
    views_show(window, doc.base)
    assert {c.new_label for c in window.controller.live.changes.changes} == {"OP1", "OP2", "OP3"}
    choose_in_menu(window, "Rev.1")
    settled(qtbot, window)
    assert window.controller.against == "Rev.1" and window.versions.box.currentText() == "Rev.1"
    views_show(window, versions.find(doc.versions, "Rev.1").text())
    assert [c.new_label for c in window.controller.live.changes.changes] == ["OP3"]
    # typing goes on against the version; the views follow
    type_at_end(qtbot, window, doc.draft.operatives()[0].id, " now")
    views_show(window, versions.find(doc.versions, "Rev.1").text())
    assert [c.new_label for c in window.controller.live.changes.changes] == ["OP1", "OP3"]
    # against the zero draft, OP2's round shows too; back to the base, everything
    window.versions.box.setCurrentIndex(window.versions.box.findData("Zero draft"))
    window.versions.box.activated.emit(window.versions.box.currentIndex())
    settled(qtbot, window)
    assert [c.new_label for c in window.controller.live.changes.changes] == ["OP1", "OP2", "OP3"]
    choose_in_menu(window, "Base (A/RES/75/180)")
    settled(qtbot, window)
    views_show(window, doc.base)


def test_reject_against_a_version_brings_back_its_wording_and_accept_is_refused(qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    window, _path = drafted
    doc = window.controller.doc
    base_before = copy.deepcopy(doc.base)
    rev1_op2 = versions.find(doc.versions, "Rev.1").text().operatives()[1].text
    type_at_end(qtbot, window, doc.draft.operatives()[1].id, " and more")
    choose_in_menu(window, "Rev.1")
    settled(qtbot, window)
    window.panel.step(1)
    QTest.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settled(qtbot, window)
    assert "Accept changes the base" in window.statusBar().currentMessage()
    assert doc.base == base_before and doc.draft.operatives()[1].text.endswith("and more")
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settled(qtbot, window)
    assert doc.draft.operatives()[1].text == rev1_op2
    assert not window.controller.live.changes.changes
    views_show(window, versions.find(doc.versions, "Rev.1").text())
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, window)
    assert doc.draft.operatives()[1].text.endswith("and more")
    views_show(window, versions.find(doc.versions, "Rev.1").text())


def test_save_version_keeps_it_in_the_file(qtbot, drafted, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, path = drafted
    doc = window.controller.doc
    type_at_end(qtbot, window, doc.draft.operatives()[4].id, " (Rev.2)")
    answers = iter([("A/C.3/76/L.12", True), ("as issued", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    next(a for a in file_menu.actions() if a.text() == "Save &version…").trigger()
    reopened = draftfile.read(path)
    assert [v.name for v in reopened.versions] == ["Zero draft", "Rev.1", "A/C.3/76/L.12"]
    assert reopened.versions[-1].note == "as issued"
    assert reopened.versions[-1].text().operatives()[4].text.endswith("(Rev.2)")
    assert window.versions.box.count() == 4 and window.controller.stack.isClean()


def test_the_tracked_export_is_against_the_chosen_version(qtbot, drafted, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from drafter import load as read_file

    window, _path = drafted
    choose_in_menu(window, "Zero draft")
    settled(qtbot, window)
    target = tmp_path / "rev.docx"
    job = window.files.export("tracked", str(target), "Ruritania")
    assert job is not None
    qtbot.waitUntil(target.exists, timeout=20_000)
    from docx import Document as WordDocument

    inserted = [el.xpath("string(.)") for el in WordDocument(str(target)).element.body.iter()
                if el.tag.endswith("}ins")]
    assert "".join(inserted).strip() == "(Rev.1)"
    assert read_file(str(target)).operatives()[1].text.endswith("(Rev.1)")


def test_the_change_list_marks_what_is_new_since_the_latest_version(qtbot, drafted) -> None:  # type: ignore[no-untyped-def]
    window, _path = drafted
    doc = window.controller.doc
    type_at_end(qtbot, window, doc.draft.operatives()[2].id, " and beyond")
    model = window.panel.model
    marked = {model.data(model.index(r, 2)): model.is_new(model.change(r)) for r in range(model.rowCount())}
    assert marked == {"OP1": False, "OP2": False, "OP3": True}
    assert "1 new since Rev.1" in window.panel.counts.text()
    bold = model.data(model.index(2, 0), Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()
    # an edit to a paragraph the versions changed too is new since Rev.1 as well
    type_at_end(qtbot, window, doc.draft.operatives()[0].id, " again")
    marked = {model.data(model.index(r, 2)): model.is_new(model.change(r)) for r in range(model.rowCount())}
    assert marked == {"OP1": True, "OP2": False, "OP3": True}
    # against Rev.1 itself, everything listed is new since it: nothing is marked
    choose_in_menu(window, "Rev.1")
    settled(qtbot, window)
    assert not model.new_keys and "new since" not in window.panel.counts.text()
    assert window.panel.counts.text().startswith("Changes:")
    window.editor.setFocus()
    for _ in range(2):
        QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, window)
    assert window.panel.counts.text() == "No changes against Rev.1"


def test_three_columns_show_base_previous_version_and_current(qtbot, drafted, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window, _path = drafted
    doc = window.controller.doc
    type_at_end(qtbot, window, doc.draft.operatives()[2].id, " and beyond")
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = window.three_columns
    qtbot.waitUntil(lambda: view.isVisible() and view.revision == window.controller.revision, timeout=5000)
    assert view.names == ("A/RES/75/180", "Rev.1", "Current draft")
    table = view.browser.document().rootFrame().childFrames()[0]
    cells = {}
    for row in range(table.rows()):  # type: ignore[attr-defined]
        texts = [table.cellAt(row, col).firstCursorPosition().block().text() for col in range(4)]  # type: ignore[attr-defined]
        cells[texts[0]] = texts[1:]
    assert not cells["OP1"][0].endswith("(Zero draft)") and cells["OP1"][1].endswith("(Zero draft)")
    assert cells["OP2"][1].endswith("(Rev.1)") and cells["OP3"][2].endswith("and beyond")
    assert not cells["OP3"][1].endswith("and beyond")
    window.three_columns_dock.setFloating(True)
    window.three_columns_dock.resize(1400, 700)
    qtbot.wait(100)
    window.three_columns_dock.grab().save(str(tmp_path / "three.png"))
    if shots := __import__("os").environ.get("DRAFTER_SHOTS"):
        window.three_columns_dock.grab().save(str(Path(shots) / "three-columns.png"))
