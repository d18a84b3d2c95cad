"""The real window from the keyboard alone: every pane by its shortcut and by F6, Accept, Reject and Fix
without the mouse, accessible names everywhere, and the author of changes in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QInputDialog,
    QTextEdit,
    QWidget,
)

from tests.ui.conftest import op, pp, text_of
from ui.app import initial_document
from ui.checks_panel import DEBOUNCE_MS
from ui.export import ExportDialog
from ui.main_window import MainWindow

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def _key(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key pressed wherever the focus is, as the user would press it."""
    target = _focus()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


def _ready(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.editor.setFocus()


@pytest.mark.parametrize(("key", "pane"), [(Qt.Key.Key_O, "outline"), (Qt.Key.Key_C, "change-list"),
                                           (Qt.Key.Key_E, "findings"), (Qt.Key.Key_V, "review-redline"),
                                           (Qt.Key.Key_U, "automatic-changes"), (Qt.Key.Key_D, "editor")])
def test_each_pane_gets_the_focus_from_its_shortcut(qtbot, window: MainWindow, key: Qt.Key, pane: str) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, window)
    if pane == "editor":
        window.outline.setFocus()
    window.outline_dock.close()  # a closed pane opens for its shortcut
    window.set_view("editor")  # and the review view comes back for its own
    _key(qtbot, key, CTRL_SHIFT)
    focused = _focus()
    assert focused is not None and focused.objectName() == pane, focused
    assert focused.isVisible()


def test_f6_goes_round_the_panes_that_are_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, window)
    seen = []
    for _ in range(6):
        _key(qtbot, Qt.Key.Key_F6)
        focused = _focus()
        seen.append(focused.objectName() if focused is not None else "")
    assert seen == ["review-redline", "outline", "change-list", "findings", "editor", "review-redline"]
    _key(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is window.editor
    names = [entry.text() for entry in window.panes.menu_entries()]
    assert "&Outline" in names and "&Next pane" in names  # shown in View › Go to, with their keys
    shortcuts = {entry.text(): entry.shortcut().toString() for entry in window.panes.menu_entries()}
    assert shortcuts["&Outline"] == "Ctrl+Shift+O" and shortcuts["&Next pane"] == "F6"


def _with_changes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc, _saved = initial_document(str(CORPUS / "A-RES-76-159.txt"), str(CORPUS / "A-RES-75-180.txt"))
    window.controller.set_document(doc, None)
    window.panel.hide_technical.setChecked(True)
    window.controller.settle_now()
    _ready(qtbot, window)


def test_accept_and_reject_from_the_keyboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _with_changes(qtbot, window)
    doc = window.controller.doc
    assert doc is not None
    _key(qtbot, Qt.Key.Key_C, CTRL_SHIFT)
    assert _focus() is window.panel.table
    _key(qtbot, Qt.Key.Key_Home)  # the first change
    first = window.panel.chosen()
    assert first is not None and first.kind == "modified" and first.new_label == "PP4"
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus() is window.panel.accept_button
    _key(qtbot, Qt.Key.Key_Space)  # Accept: the base takes the draft's words
    assert window.controller.doc is doc
    base_pp4 = doc.base.preambular()[3].text
    assert base_pp4 == text_of(window, pp(window, 4))
    live = window.controller.live
    assert live is not None and all(change.new_label != "PP4" for change in live.changes.changes)
    _key(qtbot, Qt.Key.Key_C, CTRL_SHIFT)
    _key(qtbot, Qt.Key.Key_Home)
    change = window.panel.chosen()
    assert change is not None and change.new_label == "PP13"
    draft_before = text_of(window, pp(window, 13))
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus() is window.panel.reject_button
    _key(qtbot, Qt.Key.Key_Space)  # Reject: the draft takes the base's words back
    assert text_of(window, pp(window, 13)) == doc.base.preambular()[12].text != draft_before


def _select_finding(qtbot, window: MainWindow, key: str) -> None:  # type: ignore[no-untyped-def]
    """Down the list of findings, from the keyboard, to the first one on paragraph `key`."""
    for _ in range(window.checks.list.count() + 1):
        finding = window.checks.current()
        if finding is not None and finding.target == key:
            return
        _key(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"no finding on {key}")


def test_fix_from_the_keyboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, window)
    key = pp(window, 1)
    window.editor.place_cursor(key, 0)
    window.editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)  # PP1 loses its comma
    qtbot.wait(DEBOUNCE_MS + 150)
    assert any(f.rule == "pp-ending" and f.target == key for f in window.checks.findings)
    _key(qtbot, Qt.Key.Key_E, CTRL_SHIFT)
    assert _focus() is window.checks.list
    _select_finding(qtbot, window, key)
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus() is window.checks.fix_button
    _key(qtbot, Qt.Key.Key_Space)
    assert text_of(window, key).endswith(",")
    qtbot.wait(DEBOUNCE_MS + 150)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not text_of(window, key).endswith(",")
    qtbot.wait(DEBOUNCE_MS + 150)
    _key(qtbot, Qt.Key.Key_E, CTRL_SHIFT)
    _select_finding(qtbot, window, key)
    _key(qtbot, Qt.Key.Key_X, CTRL_SHIFT)  # View › Editorial checks › Fix the selected finding
    assert text_of(window, key).endswith(",")


def test_every_pane_list_and_button_has_an_accessible_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.warnings_bar.show()
    window.automatic_dock.show()
    kinds = (QAbstractItemView, QAbstractButton, QTextEdit, QDockWidget)
    reachable = [widget for widget in window.findChildren(QWidget)
                 if isinstance(widget, kinds) and widget.isVisible()
                 and (widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(widget, QDockWidget))]
    assert len(reachable) >= 15
    unnamed = [f"{type(widget).__name__} {widget.objectName()}" for widget in reachable if not widget.accessibleName()]
    assert unnamed == []


# --- the author of changes -------------------------------------------------------------------------------------
def test_the_status_bar_names_the_author_and_changes_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, window)
    field = window.author_field
    assert field.isVisible() and field.text() == "Author: not set"
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QInputDialog, "author-dialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isAncestorOf(_focus()), timeout=2000)
    editor = _focus()
    assert editor is not None
    qtbot.keyClicks(editor, "Republic of Cuba")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.settings.author == "Republic of Cuba"
    assert field.text() == "Author: Republic of Cuba"
    _ready(qtbot, window)
    qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File › Export…
    export = window.findChild(ExportDialog)
    assert export is not None and export.author.text() == "Republic of Cuba"  # the tracked export's author
    export.close()


def test_the_author_is_the_one_the_tracked_export_writes(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    window.author_field.set_author("Republic of Cuba")
    key = op(window, 17)
    window.editor.place_cursor(key, 0)
    window.editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, " Indeed.")
    target = tmp_path / "tracked.docx"
    job = window.export("tracked", str(target), window.settings.author)
    assert job is not None
    qtbot.waitUntil(target.exists, timeout=20000)
    document = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert 'w:author="Republic of Cuba"' in document


def test_the_reader_warnings_from_the_keyboard(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list\n\nEggs, milk and bread.\n", "utf-8")
    window.open_path(str(notes))
    qtbot.waitUntil(lambda: window.warnings_bar.isVisible(), timeout=10000)
    _ready(qtbot, window)
    _key(qtbot, Qt.Key.Key_W, CTRL_SHIFT)
    assert _focus() is window.warnings_bar.list
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus() is window.warnings_bar.dismiss
    _key(qtbot, Qt.Key.Key_Space)
    assert window.warnings_bar.isHidden()
    window.editor.setFocus()
    _key(qtbot, Qt.Key.Key_W, CTRL_SHIFT)  # shown again
    assert window.warnings_bar.isVisible() and _focus() is window.warnings_bar.list
