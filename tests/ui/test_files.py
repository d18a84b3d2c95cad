"""Files through the real window: save, close, reopen; export; the journal and recovery; the screenshot path."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from drafter import journal
from tests.ui.conftest import Dialogs, op, text_of
from tests.ui.test_recovery import crash, press_when_asked
from ui import app as ui_app
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def type_at_end(qtbot, window: MainWindow, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    window.editor.place_cursor(key, 0)
    window.editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, text)


def test_save_close_reopen(qtbot, window: MainWindow, settings: Settings, tmp_path: Path,  # type: ignore[no-untyped-def]
                           dialogs: Dialogs) -> None:
    type_at_end(qtbot, window, op(window, 17), " Indeed.")
    assert window.isWindowModified()
    path = tmp_path / "draft.drafter"
    window.controller.save(str(path))
    assert not window.isWindowModified()
    assert "draft.drafter" in window.windowTitle()
    window.close()
    assert dialogs.shown == []  # nothing unsaved: no question
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.open_path(str(path))
    assert text_of(again, op(again, 17)).endswith("Indeed.")
    assert again.panel.model.rowCount() == 1  # the base came back with the draft
    assert not again.isWindowModified()
    assert str(path) in settings.recent_files


def test_closing_with_unsaved_changes_asks(qtbot, window: MainWindow, dialogs: Dialogs) -> None:  # type: ignore[no-untyped-def]
    type_at_end(qtbot, window, op(window, 1), " More.")
    dialogs.answers = [QMessageBox.StandardButton.Cancel]
    assert not window.close()
    assert dialogs.shown
    dialogs.answers = [QMessageBox.StandardButton.Discard]
    assert window.close()


def test_export_tracked_changes(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    type_at_end(qtbot, window, op(window, 17), " Indeed.")
    target = tmp_path / "tracked.docx"
    job = window.export("tracked", str(target), "Delegation of Ruritania")
    assert job is not None
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    with zipfile.ZipFile(target) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "Indeed" in xml
    assert "Delegation of Ruritania" in xml
    assert "<w:ins " in xml
    assert window.settings.author == "Delegation of Ruritania"


def test_export_redline_html_and_akn(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    type_at_end(qtbot, window, op(window, 2), " Indeed.")
    for key, name in (("redline-html", "r.html"), ("akn", "a.xml")):
        target = tmp_path / name
        window.statusBar().clearMessage()
        job = window.export(key, str(target), "")
        assert job is not None
        qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    assert "<ins>" in (tmp_path / "r.html").read_text("utf-8")
    assert "Indeed." in (tmp_path / "a.xml").read_text("utf-8")


def test_journal_and_recovery(qtbot, window: MainWindow, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    type_at_end(qtbot, window, op(window, 17), " Recovered words.")
    crash(window)  # as if this session had been killed
    fresh = MainWindow(settings)
    qtbot.addWidget(fresh)
    press_when_asked(qtbot)
    assert ui_app.offer_recovery(fresh, Path(settings.recovery_dir))
    assert text_of(fresh, op(fresh, 17)).endswith("Recovered words.")
    assert fresh.isWindowModified()
    assert journal.crashed(Path(settings.recovery_dir)) == []  # the recovered draft's journal is this session's
    fresh.controller.stack.setClean()


def test_undo_history_covers_structure_and_clean_state(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    type_at_end(qtbot, window, op(window, 3), " X")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(window.editor, "Decides to act;")
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab)
    stack = window.controller.stack
    while stack.canUndo():
        qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stack.isClean() and not window.isWindowModified()
    # a run of undo steps shows in the views at the next turn of the event loop
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 0, timeout=2000)


@pytest.mark.parametrize("view", ["redline", "side-by-side", "compare"])
def test_screenshot_command(tmp_path: Path, view: str) -> None:
    out = tmp_path / f"{view}.png"
    sample = ROOT / "resources" / "sample-A-RES-72-169.txt"
    newer = ROOT / "tests" / "data" / "corpus" / "A-RES-76-159.txt"
    args = [sys.executable, "-m", "ui", str(newer), "--base", str(sample), "--view", view, "--screenshot", str(out)]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() >= 1200 and image.height() >= 800
