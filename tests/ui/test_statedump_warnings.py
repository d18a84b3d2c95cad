"""The app's state dump (`DRAFTER_STATE_DUMP`) lists the readers' warnings as `{"file", "message"}`, as the
warnings bar shows them: a Word file of LibreOffice with tracked changes (tests/data/warnings) opened as a new
draft with Ctrl+N, then the sample, which warns of nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

import drafter
from drafter.resources import sample_path
from tests.warning_files import LIBREOFFICE
from ui.app import initial_document
from ui.main_window import MainWindow
from ui.settings import Settings

TRACKED = LIBREOFFICE / "lo-tracked.docx"


@pytest.fixture
def dumped(qtbot, settings: Settings, tmp_path: Path,  # type: ignore[no-untyped-def]
           monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[MainWindow, Path]]:
    dump = tmp_path / "state.json"
    monkeypatch.setenv("DRAFTER_STATE_DUMP", str(dump))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.controller.set_document(*initial_document(str(sample_path()), None))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    yield window, dump
    window.controller.stack.setClean()


def _read(dump: Path) -> dict[str, object]:
    try:
        return json.loads(dump.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _open_as_new_draft(qtbot, window: MainWindow, path: Path,  # type: ignore[no-untyped-def]
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    before = window.controller.doc
    qtbot.keyClick(window.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File › New from a resolution
    qtbot.waitUntil(lambda: window.controller.doc is not before, timeout=20000)


def test_the_state_dump_lists_the_reader_warnings(qtbot, dumped: tuple[MainWindow, Path],  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window, dump = dumped
    qtbot.waitUntil(lambda: "warnings" in _read(dump), timeout=20000)
    assert _read(dump)["warnings"] == []  # the sample reads as it is
    _open_as_new_draft(qtbot, window, TRACKED, monkeypatch)
    wanted = [{"file": TRACKED.name, "message": text} for text in drafter.load(str(TRACKED)).warnings]
    assert wanted and "tracked change" in wanted[0]["message"]
    qtbot.waitUntil(lambda: _read(dump).get("warnings") == wanted, timeout=20000)
    bar = window.warnings_bar  # the dump lists what the bar shows
    assert [line.split(" — ", 1)[1] for line in bar.lines()] == [found["message"] for found in wanted]
    assert TRACKED.name in bar.title.text()
