"""The real main window, offscreen, on the bundled sample, with settings and recovery files in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from drafter import edits
from drafter.resources import sample_path
from ui.app import initial_document
from ui.main_window import MainWindow
from ui.settings import Settings


class Dialogs:
    """Message boxes answered without a user: `answers` (a list) is consumed in order, default No/Discard."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.answers: list[object] = []

    def __call__(self, *args: object, **kwargs: object) -> object:
        from PySide6.QtWidgets import QMessageBox

        self.shown.append(" ".join(str(a) for a in args[1:3]))
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Discard


@pytest.fixture(autouse=True)
def no_user_library(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The window's library is an empty folder unless a test sets its own: a library in the user's data
    folder is never read or traced by the tests."""
    if "DRAFTER_LIBRARY" not in os.environ:
        monkeypatch.setenv("DRAFTER_LIBRARY", str(tmp_path_factory.mktemp("no-library")))


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    from PySide6.QtWidgets import QMessageBox

    fake = Dialogs()
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, fake)
    return fake


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    value = Settings(tmp_path / "settings.ini")
    value.recovery_dir = str(tmp_path / "recovery")
    value.first_start = False
    return value


@pytest.fixture
def window(qtbot, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(settings)
    qtbot.addWidget(win)
    doc, path = initial_document(str(sample_path()), None)
    win.controller.set_document(doc, path)
    win.show()
    qtbot.waitExposed(win)
    from PySide6.QtWidgets import QApplication

    win.activateWindow()  # the window's shortcuts take keys only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    win.controller.stack.setClean()


def op(window: MainWindow, number: int) -> str:
    doc = window.controller.doc
    assert doc is not None
    return doc.draft.operatives()[number - 1].id


def pp(window: MainWindow, number: int) -> str:
    doc = window.controller.doc
    assert doc is not None
    return doc.draft.preambular()[number - 1].id


def text_of(window: MainWindow, key: str) -> str:
    doc = window.controller.doc
    assert doc is not None
    unit = edits.find(doc.draft, key)
    assert unit is not None
    return unit.text
