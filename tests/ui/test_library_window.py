"""The library in the real main window: the Library pane (Ctrl+L) searching as you type, Down and Enter
inserting a found paragraph that remembers its source, Ctrl+Z, save and reopen; results of an older query
never shown over a newer one's; the library deleted or locked by another program while the app runs;
File › Add to library… with Word files of LibreOffice and python-docx, a text file and a damaged file.

The library is made in a temporary folder from corpus texts (tests/data/corpus); only the static file
dialogs are answered by the test, everything else is driven with real key events.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from drafter import draftfile, serialize
from drafter.journal.replay import replay
from drafter.journal.store import journal_path
from drafter.library import Found, Library
from drafter.library.store import FILE_NAME
from drafter.model import Paragraph
from tests.corpus import CORPUS
from tests.ui.conftest import op
from ui.library_panel import LibraryPanel
from ui.library_ui import PANE_SHORTCUT
from ui.main_window import MainWindow
from ui.settings import Settings

WORD = Path(__file__).resolve().parents[1] / "data" / "word" / "corpus"
TEXTS = ["A-RES-80-13.txt", "A-RES-80-31.txt", "A-RES-80-48.txt", "A-RES-75-180.txt", "A-RES-76-159.txt"]
PHRASE = "full and effective participation"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("built") / "library"
    with Library(folder) as library:
        assert len(library.add([CORPUS / name for name in TEXTS]).added) == len(TEXTS)
    return folder


@pytest.fixture
def folder(built: Path, tmp_path: Path) -> Path:
    """A copy of the library, the app's for one test (which may delete or lock it)."""
    return Path(shutil.copytree(built, tmp_path / "library"))


@pytest.fixture
def settings(settings: Settings, folder: Path) -> Settings:
    settings.library_folder = str(folder)
    return settings


def holding(phrase: str) -> set[str]:
    """The symbols of the library's texts whose body holds `phrase` (any spacing and punctuation between words)."""
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.IGNORECASE)
    out = set()
    for name in TEXTS:
        header, body = (CORPUS / name).read_text(encoding="utf-8").split("\n---\n", 1)
        symbol = re.search(r"^symbol: (.+)$", header, re.M)
        if symbol and pattern.search(" ".join(body.split())):
            out.add(symbol.group(1).strip())
    return out


def search_in_pane(qtbot: Any, window: MainWindow, text: str) -> LibraryPanel:
    """Ctrl+L, then `text` typed into the search field; returns once the last search's outcome is shown."""
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, CTRL)
    panel = window.library.panel
    qtbot.waitUntil(panel.field.hasFocus, timeout=3000)
    qtbot.keyClicks(panel.field, text)
    settled(qtbot, window)
    return panel


def settled(qtbot: Any, window: MainWindow) -> None:
    """The pause after the last key is over and the latest search came back."""
    qtbot.waitUntil(lambda: not window.library._pause.isActive() and window.library.shown == window.library.searched,
                    timeout=15_000)


def sources(window: MainWindow) -> dict[str, str]:
    doc = window.controller.doc
    assert doc is not None
    return {block.id: block.source for block in doc.draft.blocks() if isinstance(block, Paragraph) and block.source}


def test_search_as_you_type_insert_undo_save_and_reopen(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    assert window.library.status.text() != "No library"
    qtbot.waitUntil(lambda: window.library.status.text() == f"Library: {len(TEXTS)} texts", timeout=10_000)
    assert str(window.library_session.folder()) in window.library.status.toolTip()
    assert window.library.pane().shortcut == PANE_SHORTCUT == "Ctrl+L"
    doc = window.controller.doc
    assert doc is not None
    window.editor.place_cursor(op(window, 2), 0)  # where the user put the cursor
    count = len(doc.draft.operatives())
    panel = search_in_pane(qtbot, window, PHRASE)
    expected = holding(PHRASE)
    assert len(expected) >= 2
    assert {hit.symbol for hit in panel.hits if hit.match == "exact"} == expected
    assert all(PHRASE in hit.text[start:end].lower() for hit in panel.hits if hit.match == "exact"
               for start, end in hit.spans)
    assert panel.uses.text().startswith((f"Used in {len(expected)} resolutions, last in ",
                                         "Used in at least "))  # a cold cache may stop the count early
    latest = max((hit for hit in panel.hits if hit.match == "exact"), key=lambda hit: hit.date)
    assert panel.uses.text().endswith(f"{latest.symbol} {latest.label}")
    hit = panel.hits[0]
    assert hit.label.startswith("PP")
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)  # back to the draft, the cursor where it was
    assert window.editor.hasFocus() and window.editor.current_key() == op(window, 2)
    qtbot.keyClick(window.editor, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(panel.field.hasFocus, timeout=3000)
    preamble = len(doc.draft.preambular())

    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # Down from the field: to the results
    assert panel.results.hasFocus() and panel.results.currentIndex().row() == 0
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)  # a preambular paragraph: at the end of the preamble
    new = doc.draft.preambular()[-1]
    assert len(doc.draft.preambular()) == preamble + 1 and doc.draft.labels()[new.id] == f"PP{preamble + 1}"
    assert new.text == " ".join(hit.text.split()) and new.source == f"{hit.symbol} {hit.label}"
    assert window.editor.current_key() == new.id
    assert window.where.text() == f"PP{preamble + 1} · wording of {hit.symbol} {hit.label}"  # where a user sees it
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert len(doc.draft.preambular()) == preamble and sources(window) == {}

    window.editor.place_cursor(op(window, 2), 0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(panel.field.hasFocus, timeout=3000)
    qtbot.keyClick(panel.field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(panel.field, "international cooperation")
    qtbot.keyClick(panel.field, Qt.Key.Key_Tab)  # the part filter: Operative
    assert panel.part.hasFocus()
    qtbot.keyClick(panel.part, Qt.Key.Key_Down)
    qtbot.keyClick(panel.part, Qt.Key.Key_Down)
    assert panel.part.currentText() == "Operative"
    settled(qtbot, window)
    assert panel.hits and all(hit.label.startswith("OP") for hit in panel.hits)
    assert panel.hits == Library(window.library_session.folder()).search("international cooperation",
                                                                        part="operative").results
    qtbot.keyClick(panel.part, Qt.Key.Key_Tab)  # since a year
    assert panel.since.hasFocus()
    qtbot.keyClick(panel.since, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(panel.since, "2021")
    settled(qtbot, window)
    since = Library(window.library_session.folder()).search("international cooperation", part="operative",
                                                            since=2021).results
    assert panel.hits == since and {hit.date[:4] for hit in since} == {"2021"}
    hit = panel.hits[1]
    qtbot.keyClick(panel.since, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(panel.part, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    new = doc.draft.operatives()[2]  # after OP2, as OP3
    assert len(doc.draft.operatives()) == count + 1 and doc.draft.labels()[new.id] == "OP3"
    assert new.text == " ".join(hit.text.split()) and new.source == f"{hit.symbol} {hit.label}"
    assert window.where.text() == f"OP3 · wording of {hit.symbol} {hit.label}"
    qtbot.waitUntil(lambda: any(change.new_ids == (new.id,) for change in window.panel.model.rows), timeout=15_000)
    assert window.controller.sync_journal()  # the insert is journaled with its source
    assert window.controller.journal is not None and window.controller.journal.key is not None
    journal = journal_path(window.controller.journal_folder, window.controller.journal.key)
    replayed = replay(journal.read_bytes())
    assert serialize.to_dict(replayed.doc.draft) == serialize.to_dict(doc.draft)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert len(doc.draft.operatives()) == count and sources(window) == {}

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, CTRL)  # the results are still there
    qtbot.waitUntil(panel.field.hasFocus, timeout=3000)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    first = panel.hits[0]
    inserted = sources(window)
    assert list(inserted.values()) == [f"{first.symbol} {first.label}"]
    path = tmp_path / "with-source.drafter"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(path), ""))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert path.exists() and window.controller.stack.isClean()
    saved = draftfile.read(path)
    assert {block.id: block.source for block in saved.draft.blocks()
            if isinstance(block, Paragraph) and block.source} == inserted
    window.open_path(str(path))
    assert sources(window) == inserted
    key = next(iter(inserted))
    window.jump_to_key(key)
    assert window.where.text().endswith(f"wording of {first.symbol} {first.label}")
    assert dialogs.shown == []


def test_an_older_querys_results_never_replace_a_newer_ones(qtbot: Any, window: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real = Library.search
    release = threading.Event()

    def slow(self: Library, query: str, **filters: Any) -> Found:
        if query == "Indian":
            release.wait(10)  # the first query comes back after the second
        return real(self, query, **filters)

    monkeypatch.setattr(Library, "search", slow)
    shown: list[str] = []
    show = LibraryPanel.show_found
    monkeypatch.setattr(LibraryPanel, "show_found", lambda panel, found, line="": (
        shown.append(found.query if found is not None else ""), show(panel, found, line))[1])
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    panel = window.library.panel
    qtbot.waitUntil(panel.field.hasFocus, timeout=3000)
    qtbot.keyClicks(panel.field, "Indian")
    qtbot.waitUntil(lambda: window.library.searched == 1, timeout=5000)  # its search runs
    qtbot.keyClicks(panel.field, " Ocean")
    qtbot.waitUntil(lambda: window.library.shown == 2, timeout=10_000)
    assert shown == ["Indian Ocean"] and {hit.symbol for hit in panel.hits} == holding("Indian Ocean")
    release.set()
    qtbot.waitUntil(lambda: not window.library_session.busy(), timeout=10_000)
    qtbot.wait(50)
    assert shown == ["Indian Ocean"] and all("Indian Ocean" in hit.text for hit in panel.hits)


def test_a_library_deleted_while_in_use_is_said_in_the_pane_and_comes_back(
        qtbot: Any, window: MainWindow, folder: Path, built: Path, dialogs: Any) -> None:
    doc = window.controller.doc
    assert doc is not None
    draft = serialize.to_dict(doc.draft)
    panel = search_in_pane(qtbot, window, "Indian")
    assert panel.hits and not panel.message.isVisible()
    shutil.rmtree(folder)
    qtbot.keyClicks(panel.field, " Ocean")
    settled(qtbot, window)
    message = panel.message.text()
    assert panel.message.isVisible() and "\n" not in message
    assert "deleted or replaced while in use" in message and str(folder) in message
    assert panel.hits == [] and window.library.status.text() == "No library"
    qtbot.keyClicks(panel.field, " zone")  # searching again says it once more, in the same line: no storm
    settled(qtbot, window)
    assert panel.message.isVisible() and str(folder) in panel.message.text() and "\n" not in panel.message.text()
    assert dialogs.shown == [] and serialize.to_dict(doc.draft) == draft and window.controller.doc is doc
    shutil.copytree(built, folder)  # the library is back
    for _ in " zone":
        qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)
    settled(qtbot, window)
    assert panel.field.text() == "Indian Ocean" and not panel.message.isVisible()
    assert {hit.symbol for hit in panel.hits if hit.match == "exact"} == holding("Indian Ocean")
    qtbot.waitUntil(lambda: window.library.status.text() == f"Library: {len(TEXTS)} texts", timeout=10_000)


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
"""


@pytest.fixture
def locked(folder: Path) -> Iterator[subprocess.Popen[str]]:
    """Another program holding an exclusive lock on the library from before the app starts."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder / FILE_NAME)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    yield holder
    if holder.poll() is None:
        holder.kill()
        holder.wait(10)


def test_a_library_locked_by_another_program_is_said_and_the_pane_recovers(
        locked: subprocess.Popen[str], qtbot: Any, window: MainWindow, dialogs: Any) -> None:
    doc = window.controller.doc
    assert doc is not None
    draft = serialize.to_dict(doc.draft)
    panel = search_in_pane(qtbot, window, "Indian Ocean")
    message = panel.message.text()
    assert panel.message.isVisible() and "another program" in message and "\n" not in message
    assert panel.hits == [] and dialogs.shown == [] and serialize.to_dict(doc.draft) == draft
    assert locked.stdin is not None
    locked.stdin.write("done\n")
    locked.stdin.flush()
    locked.wait(10)
    qtbot.keyClicks(panel.field, " as")
    settled(qtbot, window)
    assert not panel.message.isVisible() and {hit.symbol for hit in panel.hits} >= holding("Indian Ocean as")
    qtbot.waitUntil(lambda: window.library.status.text() == f"Library: {len(TEXTS)} texts", timeout=10_000)


def file_entry(window: MainWindow, text: str) -> Any:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert isinstance(menu, QMenu)
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_add_files_to_a_new_library_with_a_summary(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    window.library_session.use_folder(str(tmp_path / "new library"))
    assert window.library.status.text() == "No library"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this was cut off in the download")
    files = [str(WORD / "lo-un-A-RES-80-11.docx"), str(WORD / "pd-un-A-RES-80-24.docx"),
             str(CORPUS / "A-RES-80-13.txt"), str(broken)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args, **_kwargs: (files, ""))
    steps: list[tuple[int, int]] = []
    window.library.adding._progress.step.connect(lambda done, total, _path: steps.append((done, total)))
    file_entry(window, "Add to library…").trigger()
    qtbot.waitUntil(lambda: not window.library.adding.running, timeout=60_000)
    box = window.library.adding.box
    assert box is not None and box.isVisible()
    lines = box.text().splitlines()
    assert lines[0] == "3 added, 0 already in the library, 1 could not be read."
    assert lines[2].startswith("broken.docx: ") and len(lines[2]) > len("broken.docx: ") + 10
    assert f"Could not be read: {broken}: " in box.detailedText()
    assert steps[-1] == (4, 4) and [done for done, _total in steps] == [0, 1, 2, 3, 4]
    qtbot.waitUntil(lambda: window.library.status.text() == "Library: 3 texts", timeout=10_000)
    with Library(tmp_path / "new library") as library:
        symbols = {document.symbol for document in library.documents()}
    assert symbols == {"A/RES/80/11", "A/RES/80/24", "A/RES/80/13"}
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the summary read
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    window.activateWindow()  # the offscreen platform gives the window back its keys only when asked
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    panel = search_in_pane(qtbot, window, "Indian Ocean as a zone of peace")
    assert {hit.symbol for hit in panel.hits if hit.match == "exact"} == {"A/RES/80/13"}

    file_entry(window, "Add to library…").trigger()
    qtbot.waitUntil(lambda: not window.library.adding.running, timeout=60_000)
    assert window.library.adding.box.text().startswith("0 added, 3 already in the library, 1 could not be read.")
    file_entry(window, "Add the bundled samples to the library").trigger()
    qtbot.waitUntil(lambda: not window.library.adding.running, timeout=60_000)
    report = window.library.adding.report
    assert report is not None and not report.failed and len(report.added) + len(report.skipped) >= 1

    texts = tmp_path / "texts"
    (texts / "2020").mkdir(parents=True)
    shutil.copy(CORPUS / "A-RES-75-180.txt", texts)
    shutil.copy(CORPUS / "A-RES-76-159.txt", texts / "2020")
    shutil.copy(CORPUS / "README.md", texts / "2020")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args, **_kwargs: str(texts))
    file_entry(window, "Add a folder to the library…").trigger()  # and the folders in it
    qtbot.waitUntil(lambda: not window.library.adding.running, timeout=60_000)
    box = window.library.adding.box
    assert box is not None
    assert box.text().splitlines()[0] == "2 added, 0 already in the library, 0 could not be read."
    assert box.text().splitlines()[-1].startswith("1 file of other kinds was left aside")
    assert f"Left aside: {texts / '2020' / 'README.md'}" in box.detailedText()


HOLDING_WRITES = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
"""


def test_adding_while_another_program_writes_says_so_once_and_searches_go_on(
        qtbot: Any, window: MainWindow, folder: Path, dialogs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.waitUntil(lambda: window.library.status.text() == f"Library: {len(TEXTS)} texts", timeout=10_000)
    holder = subprocess.Popen([sys.executable, "-c", HOLDING_WRITES, str(folder / FILE_NAME)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            lambda *_args, **_kwargs: ([str(CORPUS / "A-RES-80-14.txt")], ""))
        file_entry(window, "Add to library…").trigger()
        qtbot.waitUntil(lambda: not window.library.adding.running, timeout=30_000)
        assert len(dialogs.shown) == 1 and "another program" in dialogs.shown[0]
        panel = search_in_pane(qtbot, window, "Indian Ocean")  # reading goes on while another program writes
        assert {hit.symbol for hit in panel.hits if hit.match == "exact"} == holding("Indian Ocean")
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(10)
    with Library(folder) as library:
        assert len(library.documents()) == len(TEXTS)  # nothing half added


def test_the_window_goes_on_while_files_are_added(qtbot: Any, window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Official PDFs take a while each: meanwhile the progress bar moves and the pane searches."""
    pdfs = sorted(str(path) for path in (CORPUS / "pdf").glob("*.pdf"))[:10]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args, **_kwargs: (pdfs, ""))
    steps: list[int] = []
    window.library.adding._progress.step.connect(lambda done, _total, _path: steps.append(done))
    file_entry(window, "Add to library…").trigger()
    bar = window.library.adding.bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.maximum() == len(pdfs), timeout=10_000)
    panel = search_in_pane(qtbot, window, "Indian Ocean")
    assert window.library.adding.running, "the add ended before the search: too few files to tell"
    assert {hit.symbol for hit in panel.hits if hit.match == "exact"} >= holding("Indian Ocean")
    qtbot.waitUntil(lambda: not window.library.adding.running, timeout=120_000)
    assert steps == list(range(len(pdfs) + 1)) and not bar.isVisible()
    box = window.library.adding.box
    assert box is not None and box.text().startswith(f"{len(pdfs)} added, 0 already in the library")
    qtbot.waitUntil(lambda: window.library.status.text() == f"Library: {len(TEXTS) + len(pdfs)} texts",
                    timeout=10_000)
