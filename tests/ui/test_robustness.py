"""Ship it: the About box, unexpected errors in slots, thousands of edits, hostile files — in the real window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from drafter import __version__, journal, serialize
from tests.benchmarks.bench_load import apply_random_edits, longest_text, open_window, rss_mb, undo_all
from tests.docx_fixtures import zip_bomb
from tests.ui.conftest import Dialogs, op
from tests.ui.test_recovery import crash, press_when_asked
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
def test_exception_in_a_slot_shows_dialog_keeps_document_logs_and_syncs_the_journal(
        qtbot, window: MainWindow, log_folder: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown: list[str] = []
    monkeypatch.setattr(app, "show_error", lambda parent, details, safe=False: shown.append(details) if safe else None)
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
    # the hook synced the journal: a crash now loses nothing, and the next start offers the draft
    crash(window)
    folder = Path(settings.recovery_dir)
    assert len(journal.crashed(folder)) == 1
    fresh = MainWindow(settings)
    qtbot.addWidget(fresh)
    seen = press_when_asked(qtbot)
    assert app.offer_recovery(fresh, folder)
    assert "Recover it?" in seen[0]
    assert fresh.controller.doc is not None and serialize.to_dict(fresh.controller.doc.draft) == before
    assert fresh.isWindowModified()
    fresh.controller.stack.setClean()
    window.controller.stack.setClean()


# --- 3. Under load (the times of these edits are measured in tests/benchmarks/bench_load.py) ---------------------
EDITS = 300  # 10,000 take several minutes (tests/benchmarks/bench_load.py), too long for the suite


def test_many_random_edits_and_all_undone(qtbot) -> None:  # type: ignore[no-untyped-def]
    """EDITS random edits on the longest corpus text through the editor's own edit path, with the live
    comparison on, then every one undone: the draft is as it was, the memory stays bounded."""
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
    window.close()


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
