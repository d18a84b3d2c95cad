"""The edges of the real window: reader warnings, where jumps land, error messages, the recovery prompt,
the checks panel, the unsaved mark and the automatic-changes panel."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from drafter import draftfile, edits
from drafter.journal import codec, records
from drafter.journal.replay import Start, start_record, step_record
from drafter.model import Text
from tests.ui.conftest import Dialogs, op, pp, text_of
from tests.ui.test_recovery import press_when_asked
from ui import app as ui_app
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
SHOPPING = "Shopping list\n\nEggs, milk and bread.\nCall the plumber on Tuesday.\n"


def _open(qtbot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """File › Open with Ctrl+O, the file dialog answering `path`; waits until the document is read."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    before = window.controller.doc
    window.activateWindow()
    qtbot.keyClick(window.editor, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.doc is not before, timeout=10000)


# --- 1. the reader's warnings ---------------------------------------------------------------------------
def test_a_text_that_is_no_resolution_opens_with_the_readers_warning(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.warnings_bar.isHidden()  # the sample reads cleanly
    notes = tmp_path / "notes.txt"
    notes.write_text(SHOPPING, "utf-8")
    _open(qtbot, window, notes, monkeypatch)
    bar = window.warnings_bar
    assert bar.isVisible()
    cli = subprocess.run([sys.executable, "-m", "drafter.cli", "inspect", str(notes)], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    said = [line.split("warning:", 1)[1].strip() for line in cli.stdout.splitlines() if line.startswith("warning:")]
    assert said and [line.split(" — ", 1)[1] for line in bar.lines()] == said  # what the command line says
    assert bar.lines()[0].startswith("whole text — no enacting formula")
    assert "notes.txt" in bar.title.text()
    assert bar.geometry().bottom() < window.splitter.geometry().top()  # above the editor
    qtbot.mouseClick(bar.dismiss, Qt.MouseButton.LeftButton)
    assert bar.isHidden()


def test_each_warning_names_its_place_and_jumps_there(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    _open(qtbot, window, CORPUS / "A-RES-80-11.txt", monkeypatch)
    bar = window.warnings_bar
    lines = bar.lines()
    assert len(lines) == 2 and lines[0].startswith("OP1 — sub-paragraph labels missing under")
    assert lines[1].startswith("OP2 — ")
    bar.list.setCurrentRow(1)
    bar.list.setFocus()
    qtbot.keyClick(bar.list, Qt.Key.Key_Return)
    assert window.editor.current_key() == op(window, 2)
    bar.list.setFocus()
    qtbot.keyClick(bar.list, Qt.Key.Key_Escape)
    assert bar.isHidden()
    window.open_path(str(ROOT / "resources" / "sample-A-RES-72-169.txt"))  # the next file opened says nothing
    qtbot.waitUntil(lambda: "72/169" in window.windowTitle(), timeout=10000)
    assert bar.isHidden() and bar.lines() == []


# --- 2. where a jump lands ---------------------------------------------------------------------------------
def _upper_third(view) -> bool:  # type: ignore[no-untyped-def]
    height = view.viewport().height()
    top = view.cursorRect().top()
    return height / 6 <= top <= height / 2


def test_a_jump_from_the_outline_lands_at_the_upper_third(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.set_view("redline")
    window.controller.settle_now()
    for number in (10, 2, 14):  # down, up, down again
        key = op(window, number)
        node = window.outline.outline.by_key[key]
        index = node.item.index()
        window.outline.scrollTo(index)
        qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton,
                         pos=window.outline.visualRect(index).center())
        assert window.editor.current_key() == key
        assert _upper_third(window.editor), (number, window.editor.cursorRect())
        assert _upper_third(window.redline), (number, window.redline.cursorRect())


# --- 3. one clear message ------------------------------------------------------------------------------------
def test_a_file_that_cannot_be_read_is_named_once(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, tmp_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(empty), ""))
    window.activateWindow()
    qtbot.keyClick(window.editor, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=10000)
    message = dialogs.shown[-1]
    assert message.count(str(empty)) == 1, message
    assert "is empty" in message
    broken = tmp_path / "broken.drafter"
    broken.write_text("{not json", "utf-8")
    window.open_path(str(broken))
    assert dialogs.shown[-1].count(str(broken)) == 1, dialogs.shown[-1]


# --- 4. the recovery prompt -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("zone", "expected"), [("UTC", "7 December 2026 at 15:12"),
                                                ("Europe/Paris", "7 December 2026 at 16:12"),
                                                ("America/New_York", "7 December 2026 at 10:12")])
def test_the_recovery_prompt_says_when_in_words(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, settings: Settings, monkeypatch: pytest.MonkeyPatch,
        zone: str, expected: str) -> None:
    doc = window.controller.doc
    assert doc is not None
    folder = Path(settings.recovery_dir)
    moment = datetime(2026, 12, 7, 15, 12, 31, tzinfo=UTC).timestamp()  # a session that crashed then
    start = Start(None, moment - 60, "A/RES/72/169", "crashed")
    edit = edits.set_content(doc, op(window, 1), [Text("Recovered.")])
    assert edit is not None
    data = (records.MAGIC + records.frame(start_record(start, draftfile.dumps(doc)))
            + records.frame(step_record("edit", moment, codec.encode_edit(edit))))
    (folder / "unsaved-crashed.journal").write_bytes(data)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        seen = press_when_asked(qtbot, Qt.Key.Key_Escape)  # not now: the journal stays
        assert not ui_app.offer_recovery(window, folder)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert expected in seen[0], seen[0]
    assert "1 change made to A/RES/72/169" in seen[0] and "2026-12-07T" not in seen[0]
    assert (folder / "unsaved-crashed.journal").exists()


# --- 5. the checks panel ----------------------------------------------------------------------------------------
def test_findings_wrap_and_name_their_paragraph_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc, _saved = ui_app.initial_document(str(CORPUS / "S-2018-693.txt"), None)
    window.controller.set_document(doc, None)
    window.resize(1400, 900)
    window.checks_dock.show()
    qtbot.waitUntil(lambda: window.checks.list.count() >= 8, timeout=5000)
    listed = window.checks.list
    line = listed.fontMetrics().lineSpacing()
    for row, finding in enumerate(window.checks.findings):
        text = listed.item(row).text()
        assert text.count(finding.label) == 1, text  # "PP2: PP2 repeats …" no more
        assert finding.message in text
    width = listed.fontMetrics().horizontalAdvance
    item = listed.item(max(range(listed.count()), key=lambda row: width(listed.item(row).text())))
    assert width(item.text()) > listed.viewport().width()  # it needs two lines
    assert listed.visualItemRect(item).height() >= 2 * line  # and gets them


# --- 6. the unsaved mark -----------------------------------------------------------------------------------------
def _shown_title(window: MainWindow) -> str:
    handle = window.windowHandle()
    assert handle is not None
    return handle.title()


def test_the_unsaved_mark_follows_the_undo_stacks_clean_state(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.drafter"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))
    editor = window.editor
    window.activateWindow()
    editor.place_cursor(op(window, 4), 0)
    editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    editor.setFocus()
    qtbot.keyClicks(editor, " First words.")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Save: asks where, saves there
    assert path.exists() and _shown_title(window) == "mine.drafter — Drafter"
    saved = text_of(window, op(window, 4))
    steps = 0
    editor.place_cursor("field:front.organ", 0)  # a header field: every key its own undo step
    qtbot.keyClicks(editor, "The ")
    editor.place_cursor(pp(window, 2), 0)
    qtbot.keyClicks(editor, "Again ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(editor, "A new note.")
    assert window.isWindowModified() and _shown_title(window) == "mine.drafter* — Drafter"
    stack = window.controller.stack
    while stack.index() > stack.cleanIndex():
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        steps += 1
        assert window.isWindowModified() == (stack.index() != stack.cleanIndex())
    assert steps > 4
    assert _shown_title(window) == "mine.drafter — Drafter" and not window.isWindowModified()
    assert text_of(window, op(window, 4)) == saved
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # past the saved state
    assert _shown_title(window) == "mine.drafter* — Drafter"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _shown_title(window) == "mine.drafter — Drafter"


# --- 7. the automatic changes ----------------------------------------------------------------------------------------
def test_the_automatic_changes_get_room_after_a_followup(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1400, 900)
    dialog = window.new_followup()
    dialog.set_path(str(CORPUS / "A-RES-75-180.txt"))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.automatic.rows() != [], timeout=10000)
    qtbot.waitUntil(lambda: window.automatic.isVisible(), timeout=2000)
    panel = window.automatic
    qtbot.waitUntil(lambda: panel.height() >= 240, timeout=2000)  # given room once laid out in its tab
    assert panel.width() >= 0.8 * window.width(), panel.size()  # was squeezed beside the change list
    reason = panel.columnViewportPosition(2)
    assert 0 < reason < panel.viewport().width() - 300  # the reasons are in sight
