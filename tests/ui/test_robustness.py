"""Ship it: the About box, unexpected errors in slots, thousands of edits, hostile files — in the real window."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from drafter import __version__, draftfile, serialize
from tests.benchmarks.bench_load import apply_random_edits, longest_text, open_window, rss_mb, undo_all
from tests.docx_fixtures import zip_bomb
from tests.ui.conftest import Dialogs, op
from ui import app
from ui.about import BUNDLED, AboutDialog
from ui.main_window import MainWindow

LICENCES = ("LGPL-3.0", "MIT", "BSD-3-Clause", "Apache-2.0", "LGPL-2.1")
COMPONENTS = ("PySide6", "shiboken6", "python-docx", "lxml", "pypdfium2", "PDFium", "diff-match-patch",
              "charset-normalizer", "platformdirs", "num2words")


def _action(window: MainWindow, title: str):  # type: ignore[no-untyped-def]
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:
            if action.text().replace("&", "") == title:
                return action
    raise AssertionError(f"no menu action {title!r}")


# --- 1. About ------------------------------------------------------------------------------------------
def test_about_names_version_and_every_licence(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _action(window, "About Drafter").trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.label.text()
    assert __version__ in text
    for name in COMPONENTS:
        assert name in text, name
    for licence in LICENCES:
        assert licence in text, licence
    for name, licence in BUNDLED:  # each component next to its own licence
        assert f"{name}</td><td>&nbsp;&nbsp;{licence}" in text.replace("&amp;", "&")
    assert "A/RES/72/169" in text and "Copyright, United Nations" in text
    dialog.close()


# --- 2. An exception in a slot -----------------------------------------------------------------------
@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    import platformdirs

    folder = tmp_path / "logs"
    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(folder))
    root = logging.getLogger()
    level = root.level
    added = app.setup_logging()
    yield folder
    for handler in list(root.handlers):
        if added is not None and getattr(handler, "baseFilename", "") == str(added):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.mark.qt_no_exception_capture  # the app's own excepthook must see the exception, not pytest-qt's
def test_exception_in_a_slot_shows_dialog_keeps_document_logs_and_leaves_recovery(
        qtbot, window: MainWindow, log_folder: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[str] = []
    monkeypatch.setattr(app, "show_error", lambda parent, details, recovery=None: shown.append(details))
    app.install_excepthook(window)
    # an unsaved change, so there is work to lose
    window.editor.place_cursor(op(window, 1), 0)
    window.editor.textCursor().insertText("Firmly ")
    window.editor.flush()
    assert window.isWindowModified()
    doc = window.controller.doc
    assert doc is not None
    before = serialize.to_dict(doc.draft)

    def broken() -> None:
        raise RuntimeError("boom in a slot")

    action = _action(window, "Next change")
    action.triggered.connect(broken)
    action.trigger()  # a real Qt signal into a Python slot that raises
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)

    assert "RuntimeError: boom in a slot" in shown[0]
    assert window.controller.doc is doc and serialize.to_dict(doc.draft) == before
    logged = (log_folder / "drafter.log").read_text("utf-8")
    assert "Traceback (most recent call last)" in logged and "boom in a slot" in logged
    recovery = window.controller.recovery_file
    assert recovery is not None and recovery.exists()
    assert serialize.to_dict(draftfile.read(recovery).draft) == before
    # the next start: the session is gone (simulated by a pid that no longer runs) and the file is offered
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    data = json.loads(recovery.read_text("utf-8"))
    data["recovery"]["pid"] = dead.pid
    recovery.write_text(json.dumps(data), "utf-8")
    folder = Path(settings.recovery_dir)
    found = draftfile.list_recoveries(folder)
    assert [r.path for r in found] == [recovery]
    fresh = MainWindow(settings)
    qtbot.addWidget(fresh)
    dialogs = Dialogs()
    from PySide6.QtWidgets import QMessageBox

    dialogs.answers = [QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", dialogs)
    assert app.offer_recovery(fresh, folder)
    assert "Recover your work?" in dialogs.shown[0]
    assert fresh.controller.doc is not None and serialize.to_dict(fresh.controller.doc.draft) == before
    assert fresh.isWindowModified()
    fresh.controller.stack.setClean()
    window.controller.stack.setClean()


# --- 3. Under load -----------------------------------------------------------------------------------------
EDITS = 300  # 10,000 take about 4 minutes here (see tests/benchmarks/bench_load.py), too long for the suite


def test_ten_thousand_edits(qtbot) -> None:  # type: ignore[no-untyped-def]
    """EDITS random edits (not 10,000: see EDITS) on the longest corpus text through the editor's own
    edit path, with live comparison, then undo them all."""
    window = open_window(longest_text())
    qtbot.addWidget(window)
    doc = window.controller.doc
    assert doc is not None
    before = serialize.to_dict(doc.draft)
    rss0 = rss_mb()
    run = apply_random_edits(window, EDITS, seed=7)
    assert window.controller.live is not None and window.controller.live.changes.changes
    rss1 = rss_mb()
    undo_all(window, run)
    assert serialize.to_dict(doc.draft) == before
    assert window.controller.stack.isClean()
    assert rss1 - rss0 < 150, f"memory grew by {rss1 - rss0:.0f} MB"
    typing = sorted(run.by_kind.get("type", []) + run.by_kind.get("delete", []))
    p99 = typing[int(len(typing) * 0.99) - 1]
    print(f"\n{EDITS} edits: typing/deleting p99 {p99:.1f} ms, max of all {max(run.times):.1f} ms; "
          f"RSS +{rss1 - rss0:.0f} MB")
    assert p99 < 50, f"typing p99 {p99:.1f} ms"
    window.close()


def test_structural_edits_under_50_ms(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Enter, Backspace, Tab, Shift+Tab, Alt+Up/Down on A/RES/80/5, each with the events it leaves (redraws,
    layout, painting). Timed as the CPU time of the GUI thread: what the user waits for on a machine that
    runs nothing else (nothing in the edit path waits), and the same on a busy one, where the wall time
    (tests/benchmarks/bench_load.py) grows by what the other work takes."""
    window = open_window(longest_text())
    qtbot.addWidget(window)
    run = apply_random_edits(window, 120, seed=3)
    structural = sorted(t for kind, times in run.cpu_by_kind.items() if kind not in ("type", "delete") for t in times)
    wall = sorted(t for kind, times in run.by_kind.items() if kind not in ("type", "delete") for t in times)
    window.controller.stack.setClean()
    window.close()
    p99 = structural[int(len(structural) * 0.99) - 1]
    print(f"\n{len(structural)} structural edits: p99 {p99:.1f} ms of CPU, {wall[int(len(wall) * 0.99) - 1]:.1f} ms "
          f"of wall time")
    assert p99 < 50, f"p99 {p99:.1f} ms"


# --- 4. Hostile input -------------------------------------------------------------------------------------------
def test_zip_bomb_opened_from_the_menu_keeps_the_window_responsive(
        qtbot, window: MainWindow, dialogs: Dialogs, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = zip_bomb(tmp_path / "bomb.docx")
    doc = window.controller.doc
    assert doc is not None
    before = serialize.to_dict(doc.draft)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bomb), ""))
    _action(window, "Open…").trigger()  # how long the event loop waits meanwhile: tests/benchmarks/bench_hostile.py
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=30_000)
    assert "Could not read the file" in dialogs.shown[0]
    assert window.controller.doc is doc and serialize.to_dict(doc.draft) == before
    assert not window.isWindowModified()
