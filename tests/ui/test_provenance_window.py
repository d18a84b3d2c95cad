"""Provenance in the real main window: A/RES/76/159 open as the draft, a library of its series (72/169, 75/180
and 76/159 itself, never its own source) built in a temporary folder from tests/data/corpus.

What the marks must say is worked out with the comparer, not the library: a paragraph the comparer finds
unchanged since 75/180 is verbatim, one it finds changed is edited, with the words it finds inserted
highlighted. And always: the marks are what a fresh `Library.provenance` of the current paragraphs says.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from drafter.compare import compare
from drafter.library import Library
from drafter.model import Resolution
from tests.corpus import CORPUS, load
from ui.app import initial_document
from ui.main_window import MainWindow
from ui.provenance_plan import paragraphs_of
from ui.provenance_ui import HISTORY_SHORTCUT, PANE_SHORTCUT, PAUSE_MS
from ui.settings import Settings

SERIES = [CORPUS / name for name in ("A-RES-72-169-clean.txt", "A-RES-75-180.txt", "A-RES-76-159.txt")]
DRAFT = CORPUS / "A-RES-76-159.txt"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
WAIT = 30000


@pytest.fixture(scope="module")
def library_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("library")
    with Library(folder) as library:
        assert len(library.add(SERIES).added) == len(SERIES)
    return folder


def _open(qtbot: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch, folder: Path) -> MainWindow:
    monkeypatch.setenv("DRAFTER_LIBRARY", str(folder))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    doc, path = initial_document(str(DRAFT), None)
    window.controller.set_document(doc, path)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


@pytest.fixture
def drafted(qtbot: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch,
            library_folder: Path) -> Iterator[MainWindow]:
    window = _open(qtbot, settings, monkeypatch, library_folder)
    qtbot.waitUntil(lambda: window.provenance.current, timeout=WAIT)
    yield window
    window.controller.stack.setClean()
    window.library_session.close()


def _changed_since_75_180(draft: Resolution) -> dict[str, list[str]]:
    """Label → the words the comparer finds inserted since 75/180 (footnote markers aside), for each paragraph
    whose words changed."""
    labels = draft.labels()
    out = {}
    for change in compare(load(CORPUS / "A-RES-75-180.txt"), draft).changes:
        if change.part in ("preamble", "operative") and change.new_ids and any(op.op != "equal" for op in change.ops):
            inserted = [re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", op.text).strip() for op in change.ops if op.op == "insert"]
            out[labels[change.new_ids[0]]] = [words for words in inserted if words]
    return out


def _check_marks_are_fresh(window: MainWindow, folder: Path) -> None:
    """The invariant: every paragraph's mark is what a fresh trace of its current text says."""
    doc = window.controller.doc
    assert doc is not None
    paragraphs = paragraphs_of(doc.draft)
    with Library(folder) as library:
        fresh = library.provenance([p.text for p in paragraphs], exclude_symbols=[doc.draft.front.symbol])
    marks = window.provenance.marks.marks
    assert set(marks) == {p.key for p in paragraphs}
    for para, found in zip(paragraphs, fresh, strict=True):
        assert marks[para.key].status == found.status, para.label
        assert (window.provenance.drawn[para.key][1].sources[0].symbol if found.sources else None) == \
               (found.sources[0].symbol if found.sources else None), para.label


def _highlighted(window: MainWindow, key: str) -> list[str]:
    text = window.editor.block_of(key).text()
    return [text[start:end].replace("\ufffc", "") for start, end in window.provenance.marks.marks[key].spans]


def test_unchanged_paragraphs_are_verbatim_and_changed_ones_edited_with_their_new_words(
        drafted: MainWindow, library_folder: Path, tmp_path: Path) -> None:
    doc = drafted.controller.doc
    assert doc is not None
    changed = _changed_since_75_180(doc.draft)
    assert len(changed) >= 8  # the series really changed
    marks = drafted.provenance.marks.marks
    for label, para in doc.draft.labelled():
        assert marks[para.id].status == ("edited" if label in changed else "verbatim"), label
        if label in changed:
            assert " ".join(_highlighted(drafted, para.id)).split() == " ".join(changed[label]).split(), label
        else:
            assert marks[para.id].spans == []
    _check_marks_are_fresh(drafted, library_folder)
    assert drafted.provenance.show_words.isChecked()  # a library is there: new words show
    drafted.editor.grab().save(str(tmp_path / "margin.png"))


def test_typing_new_words_into_a_verbatim_paragraph_turns_its_mark_edited(
        qtbot: Any, drafted: MainWindow, library_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = drafted.controller.doc
    assert doc is not None
    changed = _changed_since_75_180(doc.draft)
    label, para = next((label, para) for label, para in doc.draft.labelled()
                       if label.startswith("OP") and label not in changed)
    assert drafted.provenance.marks.marks[para.id].status == "verbatim"
    traced: list[list[str]] = []
    original = Library.provenance

    def recording(self: Library, paragraphs: Any, **options: Any) -> Any:
        traced.append(list(paragraphs))
        return original(self, paragraphs, **options)

    monkeypatch.setattr(Library, "provenance", recording)
    drafted.jump_to_key(para.id)
    drafted.editor.place_cursor(para.id, len(para.text.rstrip(";.,")))  # before the closing punctuation
    drafted.editor.setFocus()
    qtbot.keyClicks(drafted.editor, " and of solidarity among peoples")
    assert not drafted.provenance.current  # the marks wait for a pause in typing
    qtbot.waitUntil(lambda: drafted.provenance.current, timeout=WAIT)
    assert drafted.provenance.marks.marks[para.id].status == "edited", label
    assert _highlighted(drafted, para.id) == ["and of solidarity among peoples"]
    assert [len(texts) for texts in traced] == [1]  # only the paragraph typed in was traced again
    qtbot.keyClick(drafted.editor, Qt.Key.Key_Z, CTRL)  # undone: verbatim again, from what was traced before
    qtbot.waitUntil(lambda: drafted.provenance.current, timeout=WAIT)
    assert drafted.provenance.marks.marks[para.id].status == "verbatim"
    assert len(traced) == 1
    _check_marks_are_fresh(drafted, library_folder)
    qtbot.keyClicks(drafted.editor, " and of solidarity")  # typed again, checked against a fresh trace
    qtbot.waitUntil(lambda: drafted.provenance.current, timeout=WAIT)
    assert drafted.provenance.marks.marks[para.id].status == "edited", label
    _check_marks_are_fresh(drafted, library_folder)


def test_the_tooltip_of_a_mark_names_the_sources(qtbot: Any, drafted: MainWindow) -> None:
    doc = drafted.controller.doc
    assert doc is not None
    key = doc.draft.operatives()[0].id
    drafted.jump_to_key(key)
    rect = drafted.provenance.marks.mark_rect(key)
    assert rect is not None
    viewport = drafted.editor.viewport()
    at = rect.center().toPoint()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=5000)
    tip = re.sub("<[^>]+>", " ", QToolTip.text())
    assert "OP1" in tip and "Edited" in tip
    assert "Earliest: A/RES/72/169 OP1 (2017-12-19)" in tip and "Latest: A/RES/75/180 OP1 (2020-12-16)" in tip
    assert "A/RES/76/159" not in tip  # the draft is never its own source
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=5000)
    elsewhere = QPoint(int(rect.right()) + 200, at.y())
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, elsewhere, viewport.mapToGlobal(elsewhere)))
    qtbot.wait(50)
    assert not QToolTip.isVisible()  # no mark there: no provenance tooltip


def test_the_pane_and_the_history_from_the_keyboard(qtbot: Any, drafted: MainWindow, tmp_path: Path) -> None:
    doc = drafted.controller.doc
    assert doc is not None
    key = doc.draft.operatives()[0].id
    drafted.jump_to_key(key)
    drafted.editor.setFocus()
    qtbot.keyClick(drafted.editor, Qt.Key.Key_7, CTRL)
    panel = drafted.provenance.panel
    qtbot.waitUntil(lambda: panel.sources.hasFocus(), timeout=5000)
    assert PANE_SHORTCUT == "Ctrl+7"
    assert "OP1" in panel.heading.text() and "Edited" in panel.heading.text()
    rows = [panel.sources.topLevelItem(n).text(0) for n in range(panel.sources.topLevelItemCount())]
    assert rows[0] == "A/RES/75/180" and "A/RES/76/159" not in rows
    redline = panel.redline.toHtml()
    assert "for all" in panel.redline.toPlainText() and "background-color:#cfe6ff" in redline
    drafted.grab().save(str(tmp_path / "pane.png"))
    qtbot.keyClick(panel.sources, Qt.Key.Key_D, CTRL | SHIFT)  # back to the editor; down to OP2
    qtbot.waitUntil(lambda: drafted.editor.hasFocus(), timeout=5000)
    second = doc.draft.operatives()[1].id
    for _ in range(20):
        if drafted.editor.current_key() == second:
            break
        qtbot.keyClick(drafted.editor, Qt.Key.Key_Down)
    assert drafted.editor.current_key() == second
    expected = "Edited" if "OP2" in _changed_since_75_180(doc.draft) else "Verbatim"
    assert "OP2" in panel.heading.text() and expected in panel.heading.text()
    assert panel.redline.toPlainText().split() == doc.draft.operatives()[1].text.split() or expected == "Edited"
    qtbot.keyClick(drafted.editor, Qt.Key.Key_Up)  # back in OP1 for its history
    assert drafted.editor.current_key() == key
    qtbot.keyClick(drafted.editor, Qt.Key.Key_7, CTRL)
    qtbot.waitUntil(lambda: panel.sources.hasFocus(), timeout=5000)
    qtbot.keyClick(panel.sources, Qt.Key.Key_H, CTRL | SHIFT)
    assert HISTORY_SHORTCUT == "Ctrl+Shift+H"
    qtbot.waitUntil(lambda: drafted.provenance.history_dialog is not None
                    and drafted.provenance.history_dialog.isVisible(), timeout=WAIT)
    dialog = drafted.provenance.history_dialog
    assert dialog is not None
    text = dialog.text.toPlainText()
    order = [text.index(name) for name in ("A/RES/72/169 OP1", "A/RES/75/180 OP1", "This draft, OP1")]
    assert order == sorted(order)
    assert "A/RES/76/159 OP1" not in text  # the draft is the last step, not a text of the library
    dialog.grab().save(str(tmp_path / "history.png"))
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_show_new_words_from_the_view_menu(qtbot: Any, drafted: MainWindow) -> None:
    action = drafted.provenance.show_words
    assert action.isChecked() and drafted.provenance.marks.show_words
    qtbot.keyClick(drafted, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_W)
    qtbot.waitUntil(lambda: not action.isChecked(), timeout=5000)
    assert not drafted.provenance.marks.show_words


@pytest.mark.parametrize("kind", ["none", "empty"])
def test_no_library_or_an_empty_one_no_marks_and_no_error(qtbot: Any, settings: Settings,
                                                           monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                           kind: str) -> None:
    folder = tmp_path / "library"
    if kind == "empty":
        Library(folder).close()
    window = _open(qtbot, settings, monkeypatch, folder)
    qtbot.waitUntil(lambda: window.provenance.current, timeout=WAIT)
    assert window.provenance.marks.marks == {}
    assert not window.provenance.show_words.isChecked()
    assert (window.library_session.library() is None) == (kind == "none")
    assert not (folder / "library.sqlite").exists() or kind == "empty"  # the app made no library
    qtbot.keyClick(window.editor, Qt.Key.Key_7, CTRL)
    qtbot.waitUntil(lambda: window.provenance.dock.isVisible(), timeout=5000)
    assert "library" in window.provenance.panel.heading.text().lower() or "traced" in \
        window.provenance.panel.heading.text()
    window.library_session.close()


def test_a_library_deleted_while_the_app_runs_is_said_once_and_the_draft_is_untouched(
        qtbot: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch, library_folder: Path,
        tmp_path: Path) -> None:
    folder = tmp_path / "library"
    shutil.copytree(library_folder, folder)
    window = _open(qtbot, settings, monkeypatch, folder)
    qtbot.waitUntil(lambda: window.provenance.current, timeout=WAIT)
    marks = {key: mark.status for key, mark in window.provenance.marks.marks.items()}
    shutil.rmtree(folder)
    doc = window.controller.doc
    assert doc is not None
    key = doc.draft.operatives()[2].id
    window.provenance.dock.show()
    window.jump_to_key(key)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Firmly ")
    qtbot.waitUntil(lambda: "deleted" in window.statusBar().currentMessage(), timeout=WAIT)
    assert "deleted" in window.provenance.panel.heading.text()
    assert doc.draft.operatives()[2].text.startswith("Firmly ")  # what was typed is there
    assert {key: mark.status for key, mark in window.provenance.marks.marks.items()} == marks
    window.statusBar().clearMessage()
    qtbot.keyClicks(window.editor, "and ")
    qtbot.wait(3 * PAUSE_MS)
    assert window.statusBar().currentMessage() == ""  # said once, not at every pause
    assert "deleted" in window.provenance.panel.heading.text()
    window.controller.stack.setClean()
    window.library_session.close()


def test_another_text_opened_is_traced_without_itself(qtbot: Any, drafted: MainWindow, library_folder: Path) -> None:
    """75/180 opened after 76/159: what was traced for 76/159 (75/180 a source) is not reused for 75/180."""
    drafted.controller.set_document(*initial_document(str(CORPUS / "A-RES-75-180.txt"), None))
    doc = drafted.controller.doc
    assert doc is not None and doc.draft.front.symbol == "A/RES/75/180"
    qtbot.waitUntil(lambda: drafted.provenance.current, timeout=WAIT)
    _check_marks_are_fresh(drafted, library_folder)
    sources = {source.symbol for _label, found in drafted.provenance.drawn.values() for source in found.sources}
    assert "A/RES/75/180" not in sources and "A/RES/72/169" in sources
