"""The app shows the readers' warnings of every file it reads, each naming its file and its place: a
resolution opened as a new draft or dropped on the window, a draft file (its base's and its draft's), a draft
read against another base, and the compare window's two files, which without changes say that only what was
read is the same.
Word files of LibreOffice and python-docx (tests/warning_files.py); the window driven with its keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

import drafter
from drafter import draftfile
from drafter.edits import Document, Metadata
from tests.corpus import CORPUS
from tests.ui.conftest import op
from tests.warning_files import ENDNOTE_A, LIBREOFFICE, tracked_pair, with_endnote
from ui.app import initial_document
from ui.main_window import MainWindow
from ui.review.compare_window import CompareWindow

TRACKED, ACCEPTED = LIBREOFFICE / "lo-tracked.docx", LIBREOFFICE / "lo-accepted.docx"
ENDNOTE = LIBREOFFICE / "lo-endnote-a.docx"


def _answer_open_with(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """The file dialogs answer `paths`, one a dialog."""
    answers = [str(path) for path in paths]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (answers.pop(0), ""))


def _wait_for_document(qtbot, window: MainWindow, keys: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    before = window.controller.doc
    window.activateWindow()
    qtbot.keyClick(window.editor, keys, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.controller.doc is not before, timeout=20000)


def _messages(path: Path) -> list[str]:
    return drafter.load(str(path)).warnings


def test_a_word_file_with_tracked_changes_opened_as_a_new_draft(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.warnings_bar.isHidden()
    _answer_open_with(monkeypatch, TRACKED)
    _wait_for_document(qtbot, window, Qt.Key.Key_N)  # File › New from a resolution
    bar = window.warnings_bar
    assert bar.isVisible() and "lo-tracked.docx" in bar.title.text()
    assert [line.split(" — ", 1)[1] for line in bar.lines()] == _messages(TRACKED)
    assert "tracked change" in bar.lines()[0]


def test_a_draft_file_shows_its_bases_and_its_drafts_warnings(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    draft = tmp_path / "both.drafter"
    meta = Metadata(title="both", base_source=str(TRACKED), extra={"draft_source": str(ENDNOTE)})
    draftfile.save(Document(drafter.load(str(TRACKED)), drafter.load(str(ENDNOTE)), meta), draft)
    _answer_open_with(monkeypatch, draft)
    _wait_for_document(qtbot, window, Qt.Key.Key_O)
    bar = window.warnings_bar
    expected = ([f"lo-tracked.docx: whole text — {text}" for text in _messages(TRACKED)]
                + [f"lo-endnote-a.docx: whole text — {text}" for text in _messages(ENDNOTE)])
    assert bar.isVisible() and bar.lines() == expected and len(expected) == 2
    assert "lo-endnote-a.docx" in bar.title.text() and "lo-tracked.docx" in bar.title.text()


def test_a_draft_read_against_another_base_names_both_files(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, tmp_path: Path) -> None:
    accepted, tracked = tracked_pair(tmp_path)  # python-docx's
    noted = with_endnote(tmp_path / "noted.docx", ENDNOTE_A)
    doc, saved = initial_document(str(noted), str(tracked))  # `drafter gui noted.docx --base tracked.docx`
    window.controller.set_document(doc, saved)
    bar = window.warnings_bar
    assert [line.split(" — ", 1)[0] for line in bar.lines()] == ["tracked.docx: whole text", "noted.docx: whole text"]
    assert [line.split(" — ", 1)[1] for line in bar.lines()] == _messages(tracked) + _messages(noted)
    doc, saved = initial_document(str(accepted), str(accepted))  # a file that reads cleanly says nothing
    window.controller.set_document(doc, saved)
    assert bar.isHidden() and bar.lines() == []


def _compare_from_the_file_menu(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                old: Path, new: Path) -> CompareWindow:
    """File › Compare two files…, from the keyboard (Alt+F, C); the dialogs answer `old` then `new`."""
    _answer_open_with(monkeypatch, old, new)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_C)
    qtbot.waitUntil(lambda: bool(window.files.compare_windows), timeout=20000)
    compared = window.files.compare_windows[-1]
    qtbot.addWidget(compared)
    qtbot.waitExposed(compared)
    return compared


def test_the_compare_window_shows_both_files_warnings(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    compared = _compare_from_the_file_menu(qtbot, window, monkeypatch, ACCEPTED, TRACKED)
    bar = compared.warnings_bar
    assert compared.changes.changes == []  # the tracked changes read as accepted: the same words
    assert bar.isVisible() and bar.title.text().startswith("No changes in what was read.")
    assert [line.split(" — ", 1)[1] for line in bar.lines()] == _messages(TRACKED)
    assert "lo-tracked.docx" in bar.title.text()
    bar.list.setFocus()
    qtbot.keyClick(bar.list, Qt.Key.Key_Escape)
    assert bar.isHidden()


def test_the_compare_window_names_each_file_when_both_warn(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    compared = _compare_from_the_file_menu(qtbot, window, monkeypatch, TRACKED, ENDNOTE)
    lines = compared.warnings_bar.lines()
    assert [line.split(":", 1)[0] for line in lines] == ["lo-tracked.docx", "lo-endnote-a.docx"]
    assert [line.split(" — ", 1)[1] for line in lines] == _messages(TRACKED) + _messages(ENDNOTE)


def test_a_short_opening_still_names_its_place(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A warning that quotes an opening shorter than six characters ("Asks:") names the paragraph and
    jumps to it."""
    source = (CORPUS / "A-RES-80-11.txt").read_text(encoding="utf-8")
    first_op = re.search(r"\n1\. Reaffirms all relevant[^\n]*\n", source)
    assert first_op is not None
    short = tmp_path / "short.txt"
    short.write_text(source[:first_op.start()] + "\n1. Asks:\n" + source[first_op.end():], encoding="utf-8")
    assert any('"Asks:…"' in text for text in _messages(short))
    _answer_open_with(monkeypatch, short)
    _wait_for_document(qtbot, window, Qt.Key.Key_O)
    bar = window.warnings_bar
    row = next(number for number, line in enumerate(bar.lines()) if '"Asks:…"' in line)
    assert bar.lines()[row].startswith("OP1 — ")
    bar.list.setCurrentRow(row)
    bar.list.setFocus()
    qtbot.keyClick(bar.list, Qt.Key.Key_Return)
    assert window.editor.current_key() == op(window, 1)


def test_a_file_dropped_on_the_window_opens_with_its_warnings(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow) -> None:
    """What Qt delivers when a file from the desktop is dropped on the editor (which takes no drops itself)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(ENDNOTE))])
    where = QPointF(window.editor.mapTo(window, window.editor.rect().center()))
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, data, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    before = window.controller.doc
    QApplication.sendEvent(window, QDropEvent(where, Qt.DropAction.CopyAction, data, buttons, keys))
    qtbot.waitUntil(lambda: window.controller.doc is not before, timeout=20000)
    bar = window.warnings_bar
    assert bar.isVisible() and "lo-endnote-a.docx" in bar.title.text()
    assert [line.split(" — ", 1)[1] for line in bar.lines()] == _messages(ENDNOTE)
    folder = QMimeData()
    folder.setUrls([QUrl.fromLocalFile(str(LIBREOFFICE))])  # a folder is no file to open
    refused = QDragEnterEvent(where, Qt.DropAction.CopyAction, folder, buttons, keys)
    refused.ignore()
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()
