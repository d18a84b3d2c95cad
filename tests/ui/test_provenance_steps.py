"""Provenance marks under any edits: the real main window on A/RES/76/159 with a small library of its series
and two other resolutions (tests/data/corpus, built in a temporary folder), driven by random steps through
keys: words typed into a paragraph, words deleted, undo, redo, moving up and down, and a paragraph found
with Ctrl+L inserted. After each step, once the pause in typing has passed and the marks are drawn, they
are what a fresh `Library.provenance` of the current paragraphs says.

`DRAFTER_STATEFUL_RUNS` and `DRAFTER_STATEFUL_STEPS` make the run longer (a few examples by default).
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, settings, strategies
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from drafter.edits import Document
from drafter.library import Library
from tests.corpus import CORPUS, load
from ui.main_window import MainWindow
from ui.provenance_plan import paragraphs_of
from ui.settings import Settings

RUNS = int(os.environ.get("DRAFTER_STATEFUL_RUNS", "5"))
STEPS = int(os.environ.get("DRAFTER_STATEFUL_STEPS", "10"))
TEXTS = ["A-RES-72-169-clean.txt", "A-RES-75-180.txt", "A-RES-76-159.txt", "A-RES-80-48.txt", "A-RES-80-31.txt"]
DRAFT = "A-RES-76-159.txt"
PHRASES = ["full and effective participation", "international cooperation in the field of human rights"]
WORDS = ["and of solidarity ", "firmly ", "all ", "the equal "]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
WAIT_MS = 30_000


def _library() -> Path:
    folder = Path(tempfile.mkdtemp()) / "library"
    with Library(folder) as library:
        assert len(library.add([CORPUS / name for name in TEXTS]).added) == len(TEXTS)
    return folder


class Tracing(RuleBasedStateMachine):
    """The real main window, its library in `DRAFTER_LIBRARY`, edited through keys."""

    folder: Path  # the library, made once for the whole run
    ran: ClassVar[list[str]] = []  # the steps taken, over the whole run

    def __init__(self) -> None:
        super().__init__()
        folder = Path(tempfile.mkdtemp())
        configured = Settings(folder / "settings.ini")
        configured.recovery_dir = str(folder / "recovery")
        configured.first_start = False
        self.window = MainWindow(configured)
        self.window.resize(1400, 900)
        self.window.show()
        self.window.activateWindow()  # the window's shortcuts take keys only in the active window
        for _ in range(200):
            if QApplication.activeWindow() is self.window:
                break
            QTest.qWait(5)
        self.editor = self.window.editor
        self.library = Library(self.folder)  # the fresh traces the marks are checked against

    @initialize()
    def open(self) -> None:
        self.window.controller.set_document(Document.from_base(load(CORPUS / DRAFT), DRAFT), None)
        self.editor.setFocus()
        self.wait_for_marks()

    def teardown(self) -> None:
        self.window.controller.stack.setClean()
        self.window.library_session.close()
        self.window.close()
        self.window.deleteLater()
        self.library.close()
        QApplication.processEvents()

    # --- input ----------------------------------------------------------------------------------------------
    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
            times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(QApplication.focusWidget() or self.editor, key, modifiers)

    def wait_for_marks(self) -> None:
        """Wait as a user would: for the pause in typing, and the marks drawn for the draft as it is."""
        waited = 0
        while not self.window.provenance.current:
            QTest.qWait(20)
            waited += 20
            assert waited < WAIT_MS, "the marks were never drawn"

    @rule(lines=strategies.integers(1, 12), up=strategies.booleans())
    def move(self, lines: int, up: bool) -> None:
        self.ran.append("move")
        self.key(Qt.Key.Key_Up if up else Qt.Key.Key_Down, times=lines)

    @rule(words=strategies.sampled_from(WORDS), at_end=strategies.booleans())
    def type_words(self, words: str, at_end: bool) -> None:
        self.ran.append("type_words")
        self.key(Qt.Key.Key_End if at_end else Qt.Key.Key_Home)
        QTest.keyClicks(self.editor, words)

    @rule(words=strategies.integers(1, 4))
    def delete_words(self, words: int) -> None:
        self.ran.append("delete_words")
        self.key(Qt.Key.Key_Delete, CTRL, words)

    @rule(times=strategies.integers(1, 2))
    def undo(self, times: int) -> None:
        self.ran.append("undo")
        self.key(Qt.Key.Key_Z, CTRL, times)

    @rule(times=strategies.integers(1, 2))
    def redo(self, times: int) -> None:
        self.ran.append("redo")
        self.key(Qt.Key.Key_Z, CTRL | SHIFT, times)

    @rule(phrase=strategies.sampled_from(PHRASES), row=strategies.integers(0, 2))
    def insert_found(self, phrase: str, row: int) -> None:
        """Ctrl+L, the phrase, the search's pause; Down to the results, down to a row, Enter."""
        self.ran.append("insert_found")
        library = self.window.library
        self.key(Qt.Key.Key_L, CTRL)
        field = library.panel.field
        assert field.hasFocus()
        field.clear()
        QTest.keyClicks(field, phrase)
        waited = 0
        while library.shown != library.searched or library.panel.query() != phrase or library._pause.isActive():
            QTest.qWait(20)
            waited += 20
            assert waited < WAIT_MS, "the search never ended"
        hits = len(library.panel.hits)
        assert hits, phrase
        self.key(Qt.Key.Key_Down, times=1 + min(row, hits - 1))
        doc = self.window.controller.doc
        assert doc is not None
        before = len(paragraphs_of(doc.draft))
        self.key(Qt.Key.Key_Return)
        assert len(paragraphs_of(doc.draft)) == before + 1
        assert self.editor.hasFocus()

    # --- the check ----------------------------------------------------------------------------------------
    @invariant()
    def marks_are_a_fresh_trace(self) -> None:
        self.wait_for_marks()
        doc = self.window.controller.doc
        assert doc is not None
        paragraphs = paragraphs_of(doc.draft)
        fresh = self.library.provenance([para.text for para in paragraphs], exclude_symbols=[doc.draft.front.symbol])
        marks = self.window.provenance.marks.marks
        assert set(marks) == {para.key for para in paragraphs}
        for para, found in zip(paragraphs, fresh, strict=True):
            assert marks[para.key].status == found.status, para.label
            drawn = self.window.provenance.drawn[para.key][1]
            assert [source.symbol for source in drawn.sources] == [source.symbol for source in found.sources]


@pytest.mark.usefixtures("qapp")
def test_the_marks_equal_a_fresh_trace_after_any_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _library()
    monkeypatch.setenv("DRAFTER_LIBRARY", str(folder))
    monkeypatch.setattr(Tracing, "folder", folder, raising=False)
    monkeypatch.setattr(Tracing, "ran", [])
    run_state_machine_as_test(Tracing, settings=settings(
        max_examples=RUNS, stateful_step_count=STEPS, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))
    assert {"type_words", "delete_words", "undo", "redo", "insert_found"} <= set(Tracing.ran), Counter(Tracing.ran)
