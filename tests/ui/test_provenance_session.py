"""Provenance reads the app's one library through `LibrarySession.run`: a library deleted while the app runs
is reported by the session (its `problem` signal, the status bar, the Library pane and the Provenance pane
say the same line), and once the library is back the marks are drawn again and the panes say nothing of it.
And how alike a source is reads true: an edited wording never reads as 100% alike."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from drafter.library import Library
from drafter.library.provenance import Source
from tests.corpus import CORPUS, load
from ui.main_window import MainWindow
from ui.provenance_plan import paragraphs_of
from ui.provenance_text import alike, source_line
from ui.settings import Settings

SERIES = [CORPUS / name for name in ("A-RES-72-169-clean.txt", "A-RES-75-180.txt")]
DRAFT = CORPUS / "A-RES-76-159.txt"
WAIT = 30000


def _source(similarity: float, verbatim: bool = False) -> Source:
    return Source("A/RES/75/180", "PP3", "2020-12-16", similarity, verbatim, "", "")


def test_how_alike_a_source_is_reads_true() -> None:
    assert alike(_source(1.0, verbatim=True)) == "verbatim"
    assert alike(_source(1.0)) == "same but for numbers"  # the library sets numbers aside
    assert alike(_source(0.998)) == "99% alike"  # never "100%" for a wording that is not the same
    assert alike(_source(0.934)) == "93% alike"
    assert source_line(_source(1.0)) == "A/RES/75/180 PP3 (2020-12-16), same but for numbers"


def test_a_recall_brought_up_to_date_is_same_but_for_numbers_in_the_pane(
        qtbot: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "library"
    with Library(folder) as library:
        library.add(SERIES)
        pp3 = library.provenance([paragraphs_of(load(DRAFT))[2].text], exclude_symbols=["A/RES/76/159"])[0]
    assert pp3.status == "edited" and pp3.nearest is not None and pp3.nearest.similarity == 1.0
    window = _open(qtbot, settings, monkeypatch, folder)
    doc = window.controller.doc
    assert doc is not None
    key = paragraphs_of(doc.draft)[2].key
    window.jump_to_key(key)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    panel = window.provenance.panel
    qtbot.waitUntil(lambda: panel.sources.hasFocus(), timeout=5000)
    assert "PP3" in panel.heading.text() and "Edited" in panel.heading.text()
    cells = [panel.sources.topLevelItem(0).text(column) for column in range(4)]
    assert cells == ["A/RES/75/180", "PP3", "2020-12-16", "same but for numbers"]
    assert "100%" not in panel.dates.text() + panel.against.text()
    _close(window)


def _open(qtbot: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch, folder: Path) -> MainWindow:
    from ui.app import initial_document

    monkeypatch.setenv("DRAFTER_LIBRARY", str(folder))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.controller.set_document(*initial_document(str(DRAFT), None))
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.waitUntil(lambda: window.provenance.current and bool(window.provenance.marks.marks), timeout=WAIT)
    return window


def _close(window: MainWindow) -> None:
    window.controller.stack.setClean()
    window.library_session.close()


def test_a_library_deleted_is_reported_by_the_session_and_used_again_once_back(
        qtbot: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "library"
    with Library(folder) as library:
        library.add(SERIES)
    kept = tmp_path / "kept"
    shutil.copytree(folder, kept)
    window = _open(qtbot, settings, monkeypatch, folder)
    said: list[str] = []
    window.library_session.problem.connect(said.append)
    window.provenance.dock.show()
    shutil.rmtree(folder)
    doc = window.controller.doc
    assert doc is not None
    key = doc.draft.operatives()[2].id
    window.jump_to_key(key)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Firmly ")
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT)  # provenance's own run failed: the session says why
    assert "deleted" in said[0]
    assert said[0] in window.statusBar().currentMessage()
    assert window.library.panel.message.text() == said[0]  # the Library pane says the same line
    assert "deleted" in window.provenance.panel.heading.text()
    shutil.copytree(kept, folder)  # back: the next pause uses it again
    qtbot.keyClicks(window.editor, "and ")
    qtbot.waitUntil(lambda: said[-1] == "", timeout=WAIT)
    qtbot.waitUntil(lambda: window.provenance.current, timeout=WAIT)
    assert window.provenance.marks.marks[key].status == "edited"  # "Firmly and" is new against the series
    assert "OP3" in window.provenance.panel.heading.text() and "deleted" not in window.provenance.panel.heading.text()
    _close(window)
