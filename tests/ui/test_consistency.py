"""Every view equals what a fresh computation from the document would show, after any sequence of edits.

A hypothesis state machine drives the real main window offscreen with real key events (typing, a word
selected and typed over, Backspace and Delete over selections that span paragraphs, Enter, a paste of
several paragraphs, undo and redo, Alt+Up/Down, Tab/Shift+Tab, PP↔OP, accept and reject, find and
replace all, a footnote inserted). After every step it waits, as a user would, until the window says its
views are current (`views_current`), without calling any of the catch-up methods that would hide a lag, and checks:
- the redline, read back from its text document, shows the live change list, and so does a redline
  drawn anew; its accepted text is the draft's, its rejected text the base's, paragraph by paragraph;
- once the pause's full comparison has been shown, the change list equals a fresh comparison;
- the change list panel, the outline and the editor equal the same views built from scratch;
- every footnote of the draft is cited, and the notes are numbered by first citation.
The bounded run here takes a few seconds; `DRAFTER_STATEFUL_RUNS=200 DRAFTER_STATEFUL_STEPS=30` runs
the long one (tests/benchmarks/run_consistency.sh).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings, strategies
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from drafter import load
from drafter.compare.engine import Comparison
from drafter.edits import Document
from drafter.model import NoteRef, Resolution
from tests.corpus import CORPUS
from tests.ui.test_incremental import document_of, rows_of, tree_of
from ui.main_window import MainWindow
from ui.review.changes import ChangeListModel
from ui.review.outline import OutlineModel
from ui.review.redline import ReviewView
from ui.settings import Settings

RUNS = int(os.environ.get("DRAFTER_STATEFUL_RUNS", "6"))
STEPS = int(os.environ.get("DRAFTER_STATEFUL_STEPS", "14"))
MODIFIER = Qt.KeyboardModifier
CTRL, SHIFT, ALT = MODIFIER.ControlModifier, MODIFIER.ShiftModifier, MODIFIER.AltModifier
WORDS = strategies.sampled_from(["the", "Member States", "shared", "sustainable", "Notes", "2030", "(a)", "“agreed”",
                                  " "])
PASTES = strategies.sampled_from([
    "Welcomes the report of the Secretary-General;\nRequests the Secretary-General to report;",
    "Noting with appreciation the work done,\n\nRecalling its resolution 70/1,",
    "one line only",
])


def _pairs() -> list[tuple[str, str]]:
    return [("A-RES-72-169-clean.txt", "A-RES-75-180.txt"), ("A-RES-75-180.txt", "A-RES-76-159.txt")]


def _document(base_name: str, draft_name: str) -> Document:
    doc = Document.from_base(load(str(CORPUS / base_name)), base_name)
    doc.draft = load(str(CORPUS / draft_name))
    return doc


def type_into(widget: QWidget, text: str) -> None:
    """Typed key by key; characters beyond ASCII come as the key events a keyboard layout sends."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def accepted(runs: list[list[str]]) -> str:
    return "".join(text for kind, text in runs if kind != "delete")


def rejected(runs: list[list[str]]) -> str:
    return "".join(text for kind, text in runs if kind != "insert")


def cited_in_order(res: Resolution) -> list[str]:
    """The footnotes in the order of their first citation in the body."""
    seen: list[str] = []
    for block in res.blocks():
        for item in block.content:
            if isinstance(item, NoteRef) and item.note not in seen:
                seen.append(item.note)
    return seen


class Drafting(RuleBasedStateMachine):
    """The real main window on a draft and its base, edited through keys."""

    def __init__(self) -> None:
        super().__init__()
        folder = Path(tempfile.mkdtemp())
        configured = Settings(folder / "settings.ini")
        configured.recovery_dir = str(folder / "recovery")
        configured.first_start = False
        self.window = MainWindow(configured)
        self.window.controller.set_settle_delay(15)
        self.window.show()
        self.window.activateWindow()  # the window's shortcuts take keys only in the active window
        for _ in range(200):
            if QApplication.activeWindow() is self.window:
                break
            QTest.qWait(5)
        self.editor = self.window.editor

    @initialize(pair=strategies.sampled_from(_pairs()))
    def open(self, pair: tuple[str, str]) -> None:
        self.window.controller.set_document(_document(*pair), None)
        self.editor.setFocus()
        self.settle()

    def teardown(self) -> None:
        self.window.controller.stack.setClean()
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()

    # --- input ----------------------------------------------------------------------------------------
    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
            times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(QApplication.focusWidget() or self.editor, key, modifiers)

    def settle(self) -> None:
        """Wait as a user would: until the pause's full comparison ran and every view shows it."""
        controller = self.window.controller
        waited = 0
        while controller.settle_pending() or not self.window.views_current():
            QTest.qWait(5)
            waited += 5
            assert waited < 20_000, "the views did not settle"

    @rule(lines=strategies.integers(0, 90), words=strategies.integers(0, 12))
    def go_to(self, lines: int, words: int) -> None:
        self.editor.setFocus()
        self.key(Qt.Key.Key_Home, CTRL)
        self.key(Qt.Key.Key_Down, times=lines)
        self.key(Qt.Key.Key_Right, CTRL, times=words)

    @rule(text=WORDS)
    def type_text(self, text: str) -> None:
        type_into(self.editor, text)

    @rule(text=WORDS)
    def type_over_a_word(self, text: str) -> None:
        self.key(Qt.Key.Key_Right, CTRL | SHIFT)
        type_into(self.editor, text)

    @rule(lines=strategies.integers(0, 6), key=strategies.sampled_from([Qt.Key.Key_Backspace, Qt.Key.Key_Delete]))
    def delete_over_lines(self, lines: int, key: Qt.Key) -> None:
        self.key(Qt.Key.Key_Right, CTRL | SHIFT)
        self.key(Qt.Key.Key_Down, SHIFT, times=lines)
        self.key(key)

    @rule(key=strategies.sampled_from([Qt.Key.Key_Backspace, Qt.Key.Key_Delete]))
    def join(self, key: Qt.Key) -> None:
        self.key(Qt.Key.Key_Home if key == Qt.Key.Key_Backspace else Qt.Key.Key_End)
        self.key(key)

    @rule()
    def enter(self) -> None:
        self.key(Qt.Key.Key_Return)

    @rule(text=PASTES)
    def paste(self, text: str) -> None:
        QApplication.clipboard().setText(text)
        self.key(Qt.Key.Key_V, CTRL)

    @rule(times=strategies.integers(1, 3))
    def undo(self, times: int) -> None:
        self.key(Qt.Key.Key_Z, CTRL, times)

    @rule(times=strategies.integers(1, 3))
    def redo(self, times: int) -> None:
        self.key(Qt.Key.Key_Z, CTRL | SHIFT, times)

    @rule(key=strategies.sampled_from([Qt.Key.Key_Up, Qt.Key.Key_Down]))
    def move(self, key: Qt.Key) -> None:
        self.key(key, ALT)

    @rule(key=strategies.sampled_from([Qt.Key.Key_Tab, Qt.Key.Key_Backtab]))
    def indent(self, key: Qt.Key) -> None:
        self.key(key, SHIFT if key == Qt.Key.Key_Backtab else Qt.KeyboardModifier.NoModifier)

    @rule()
    def toggle_kind(self) -> None:
        self.key(Qt.Key.Key_K, CTRL | SHIFT)

    @rule(steps=strategies.integers(1, 4), key=strategies.sampled_from([Qt.Key.Key_A, Qt.Key.Key_R]))
    def resolve(self, steps: int, key: Qt.Key) -> None:
        self.settle()  # a change is chosen in the list as shown
        self.key(Qt.Key.Key_F8, times=steps)
        self.key(key, CTRL | SHIFT)
        self.editor.setFocus()

    @rule(needle=strategies.sampled_from(["human rights", "the", "States", "nowhere to be found"]),
          replacement=strategies.sampled_from(["human rights and freedoms", "", "Member States"]))
    def replace_all(self, needle: str, replacement: str) -> None:
        """Ctrl+F, the text to find, Tab, its replacement, Alt+A (Replace all), Escape."""
        self.key(Qt.Key.Key_F, CTRL)
        type_into(QApplication.focusWidget() or self.editor, needle)
        self.key(Qt.Key.Key_Tab)
        type_into(QApplication.focusWidget() or self.editor, replacement)
        self.key(Qt.Key.Key_A, ALT)
        self.key(Qt.Key.Key_Escape)
        self.editor.setFocus()

    @rule(text=strategies.sampled_from(["", "See A/80/1."]))
    def footnote(self, text: str) -> None:
        self.key(Qt.Key.Key_F, CTRL | ALT)
        type_into(QApplication.focusWidget() or self.editor, text)

    # --- the checks -----------------------------------------------------------------------------------------
    @invariant()
    def views_show_the_document(self) -> None:
        self.settle()
        window = self.window
        controller = window.controller
        doc, live = controller.doc, controller.live
        assert doc is not None and live is not None
        assert window.views_current()
        records = live.changes.records
        fresh = Comparison(doc.base, doc.draft, live.options).run()
        assert [r.to_dict() for r in records] == [r.to_dict() for r in fresh.records]
        hidden = window.panel.hidden()
        redline = window.redline
        if redline.isVisible():
            shown = redline.read_back()
            assert len(shown) == len(records)
            drawn = ReviewView("redline")
            drawn.show()
            drawn.show_changes(live.changes, hidden)
            assert document_of(redline.document()) == document_of(drawn.document())
            drawn.close()
            units = {block.id: block for block in doc.draft.blocks()}
            base_blocks = {block.id: block for block in doc.base.blocks()}
            for (label, runs), record in zip(shown, records, strict=True):
                pieces = [list(run) for run in runs]
                if len(record.new_ids) == 1 and record.new_ids[0] in units and record.kind not in hidden:
                    assert _plain(accepted(pieces)) == _plain(units[record.new_ids[0]].text), label
                if len(record.old_ids) == 1 and record.old_ids[0] in base_blocks and record.kind not in hidden:
                    assert _plain(rejected(pieces)) == _plain(base_blocks[record.old_ids[0]].text), label
        panel = ChangeListModel()
        panel.set_changes(live.changes, hidden)
        assert rows_of(window.panel.model) == rows_of(panel)
        outline = OutlineModel()
        outline.set_resolution(doc.draft)
        outline.set_changed({i for c in live.changes.changes if c.kind not in hidden for i in c.new_ids})
        assert tree_of(window.outline.outline) == tree_of(outline)
        assert not window.editor.waiting()
        assert cited_in_order(doc.draft) == [note.id for note in doc.draft.footnotes]


_SUPERSCRIPTS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[,.;:])")


def _plain(text: str) -> str:
    """A paragraph's text as the redline shows it, without footnote markers. Equal words are shown as the
    draft spaces them, so a word that lost the comma after it reads "Action ," on the base's side: spaces
    before punctuation and runs of spaces are not compared."""
    return " ".join(_SPACE_BEFORE_MARK.sub("", text.translate(_SUPERSCRIPTS)).split())


@pytest.mark.usefixtures("qapp")
def test_every_view_equals_a_fresh_computation_after_any_edits() -> None:
    run_state_machine_as_test(Drafting, settings=settings(
        max_examples=RUNS, stateful_step_count=STEPS, deadline=None, derandomize=RUNS <= 6,
        suppress_health_check=list(HealthCheck)))
