"""Losing nothing: the real app killed while a user types, restarted, and the draft recovered with its undo
history; two windows on one draft; a full disk and a read-only state folder while the journal is written.

The kill test starts the app in a process of its own (offscreen) on a UN text, typing a seeded random key
script through the editor's own key handling (`tests/ui/keyscript.py`), and kills it (SIGKILL) at a
random moment. The next start must offer the draft (Enter accepts), and show it as it stood after an edit
made at least one second before the kill, or later; then Ctrl+Z, pressed until nothing is left to undo,
must walk back through the states the first run went through. `KILLS` sets how many kills (10 here; the
long run, tests/benchmarks/run_kills.sh, sets 100).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from drafter import draftfile, journal, load, serialize
from drafter.edits import Document
from drafter.journal import store
from tests.corpus import CORPUS
from tests.ui.conftest import Dialogs, op, text_of
from tests.ui.keyscript import digest
from ui import journal_ui
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("KILLS", "10"))
TEXTS = ("A-RES-72-169-clean.txt", "A-RES-80-11.txt", "A-RES-80-12.txt")
Log = list[dict[str, Any]]


# --- the kill harness --------------------------------------------------------------------------------------
class Child:
    """`python -m tests.ui.keyscript` with a home of its own (`folder`)."""

    def __init__(self, folder: Path, file: Path, log: Path, *options: str) -> None:
        self.log = log
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
                   XDG_CONFIG_HOME=str(folder / "config"), XDG_STATE_HOME=str(folder / "state"),
                   XDG_DATA_HOME=str(folder / "data"), XDG_CACHE_HOME=str(folder / "cache"))
        (folder / "config").mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen([sys.executable, "-m", "tests.ui.keyscript", "--log", str(log), *options,
                                         str(file)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)

    def lines(self) -> Log:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines() if line.endswith("}")]

    def wait_for(self, until: Any, timeout: float = 60.0) -> Log:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            lines = self.lines()
            if until(lines):
                return lines
            if self.process.poll() is not None:
                raise AssertionError(f"the app ended ({self.process.returncode}): {self.stderr()}")
            time.sleep(0.05)
        raise AssertionError(f"timed out; the log says {self.lines()[-3:]}")

    def stderr(self) -> str:
        return self.process.stderr.read().decode(errors="replace")[-3000:] if self.process.stderr else ""

    def finish(self, timeout: float = 120.0) -> Log:
        try:
            self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        assert self.process.returncode == 0, self.stderr()
        return self.lines()


def draft_to_type_in(folder: Path, seed: int) -> Path:
    """A saved draft file (even seeds) or a UN text that starts an unsaved draft (odd seeds)."""
    text = CORPUS / TEXTS[seed % len(TEXTS)]
    if seed % 2:
        target = folder / text.name
        shutil.copyfile(text, target)
        return target
    target = folder / "draft.drafter"
    draftfile.save(Document.from_base(load(str(text)), text.name), target)
    return target


def states_by_index(steps: Log, upto: int) -> dict[int, str]:
    """The document with the first i steps of the undo history done, for every i, as the run went until
    step `upto`: the state at the last step with that index (the index moves by one step at most)."""
    out: dict[int, str] = {}
    for line in steps[:upto + 1]:
        out[line["index"]] = line["digest"]
    return out


def kill_and_recover(folder: Path, seed: int) -> dict[str, Any]:
    """One run killed at a random moment, and the start after it; returns what was found."""
    chance = random.Random(seed)
    file = draft_to_type_in(folder, seed)
    original = file.read_bytes()
    first = Child(folder, file, folder / "typed.log", "--seed", str(seed))
    try:
        first.wait_for(lambda lines: any(line.get("step", 0) >= 1 for line in lines))
        time.sleep(chance.uniform(0.5, 4.0))
        killed = time.time()
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(30)
    finally:
        if first.process.poll() is None:
            first.process.kill()
    lines = first.lines()
    steps = [line for line in lines if "step" in line]
    assert [line["step"] for line in steps] == list(range(len(steps)))
    settled = max(line["step"] for line in steps if line["t"] <= killed - 1.0) if steps[0]["t"] <= killed - 1.0 else 0
    second = Child(folder, file, folder / "recovered.log", "--undo-walk", "--quit")
    found = second.finish()
    prompts = [line["prompt"] for line in found if "prompt" in line]
    shown = next(line for line in found if line.get("step") == 0)
    walk = [line for line in found if "undo" in line]
    changed = any(line["digest"] != steps[0]["digest"] or line["count"] for line in steps)
    assert file.read_bytes() == original, "the draft file itself is never written by the journal"
    if not changed:  # killed before any key changed the draft: nothing to recover, nothing asked
        assert prompts == [] and shown["digest"] == steps[0]["digest"]
        return {"steps": len(steps), "recovered": 0}
    assert len(prompts) == 1 and "can be recovered" in prompts[0], prompts
    candidates = [line for line in steps[settled:] if (line["digest"], line["index"], line["count"])
                  == (shown["digest"], shown["index"], shown["count"])]
    if not candidates:  # killed after an edit reached the journal but before the log said so
        assert lines[-1].get("pre") == len(steps), f"recovered a state the run never had (seed {seed})"
        candidates = [verified(folder, file, seed, len(steps), original)]
        assert (candidates[0]["digest"], candidates[0]["index"]) == (shown["digest"], shown["index"])
        steps.append(candidates[0])
    assert any(walks_back(walk, states_by_index(steps, line["step"]), shown["index"]) for line in candidates), (
        f"seed {seed}: the undo walk after recovery does not go back through the run's states")
    assert store.crashed(folder / "state" / "drafter" / "journal") == []  # closed cleanly: nothing left
    return {"steps": len(steps), "recovered": shown["index"], "settled": settled, "at": candidates[-1]["step"]}


def walks_back(walk: Log, expected: dict[int, str], index: int) -> bool:
    if [line["index"] for line in walk] != list(range(index - 1, -1, -1)):
        return False
    return all(line["digest"] == expected.get(line["index"]) for line in walk)


def verified(folder: Path, file: Path, seed: int, steps: int, original: bytes) -> dict[str, Any]:
    """The state after key `steps` of the script, from a run of its own that is not killed (the keys
    make the same edits whenever they are pressed)."""
    again = folder / "again"
    again.mkdir()
    copy = again / file.name
    copy.write_bytes(original)
    run = Child(again, copy, again / "typed.log", "--seed", str(seed), "--steps", str(steps), "--quit")
    return [line for line in run.finish() if "step" in line][-1]


@pytest.mark.parametrize("seed", range(KILLS))
def test_a_kill_at_any_moment_loses_nothing_and_keeps_the_undo_history(tmp_path: Path, seed: int) -> None:
    found = kill_and_recover(tmp_path, 1000 + seed)
    assert found["steps"] >= 2


# --- in the test's own process --------------------------------------------------------------------------
def press_when_asked(qtbot: Any, key: Qt.Key = Qt.Key.Key_Return) -> list[str]:
    """Answer the next message box with a real key press; returns the texts seen."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            qtbot.keyClick(box, key)
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    return seen


def crash(window: MainWindow) -> None:
    """What a kill leaves: the journal as far as it is on disk, the lock of a process that is gone."""
    controller = window.controller
    assert controller.journal is not None and controller.sync_journal()
    key = controller.journal.key
    assert key is not None
    controller.journal.writer.close(remove=False)
    controller.journal = None
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    holder = store.Holder(gone.pid, store.Holder.me().host, store.Holder.me().boot, "1")
    store.lock_path(controller.journal_folder, key).write_bytes(holder.to_json())


@pytest.fixture
def fresh(qtbot: Any, settings: Settings) -> Iterator[MainWindow]:
    """A second window, as the next start of the app makes it."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    yield window
    window.controller.stack.setClean()


def test_recovery_brings_back_the_draft_and_its_undo_history_and_goes_on(
        qtbot: Any, window: MainWindow, settings: Settings, fresh: MainWindow) -> None:
    editor, key = window.editor, op(window, 3)
    editor.place_cursor(key, 0)
    qtbot.keyClicks(editor, "Firmly ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "New words")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Other words")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    doc = window.controller.doc
    assert doc is not None
    states = [digest(doc)]
    stack = window.controller.stack
    while stack.canUndo():
        stack.undo()
        states.append(digest(doc))
    while stack.canRedo():
        stack.redo()
    stack.undo()  # one step left to redo
    assert digest(doc) == states[1]
    crash(window)
    seen = press_when_asked(qtbot)
    assert journal_ui.offer_recovery(fresh, Path(settings.recovery_dir))
    assert "did not close normally" in seen[0] and "can be recovered" in seen[0]
    controller = fresh.controller
    assert controller.doc is not None and digest(controller.doc) == states[1]
    assert (controller.stack.index(), controller.stack.count()) == (stack.index(), stack.count())
    assert fresh.isWindowModified()
    fresh.editor.setFocus()
    qtbot.keyClick(fresh.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # the redo is there
    assert digest(controller.doc) == states[0]
    for expected in states[1:]:
        qtbot.keyClick(fresh.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert digest(controller.doc) == expected
    # the recovered session writes on in the same journal: a second crash loses nothing either
    fresh.editor.place_cursor(op(fresh, 1), 0)
    qtbot.keyClicks(fresh.editor, "Again ")
    after = digest(controller.doc)
    crash(fresh)
    third = MainWindow(settings)
    qtbot.addWidget(third)
    press_when_asked(qtbot)
    assert journal_ui.offer_recovery(third, Path(settings.recovery_dir))
    assert third.controller.doc is not None and digest(third.controller.doc) == after
    assert text_of(third, op(third, 1)).startswith("Again ")
    third.controller.stack.setClean()


def test_a_saved_draft_recovers_onto_its_file_and_a_save_restarts_the_journal(
        qtbot: Any, window: MainWindow, settings: Settings, fresh: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "mine.drafter"
    window.controller.save(str(path))
    folder = Path(settings.recovery_dir)
    assert window.controller.sync_journal()
    assert [p.name for p in folder.glob("*.journal")] == [f"{journal.draft_key(str(path))}.journal"]
    window.editor.place_cursor(op(window, 2), 0)
    qtbot.keyClicks(window.editor, "Saved ")
    window.controller.save()
    assert window.controller.sync_journal()
    size = (folder / f"{journal.draft_key(str(path))}.journal").stat().st_size
    qtbot.keyClicks(window.editor, "then typed ")
    assert window.controller.sync_journal()
    assert (folder / f"{journal.draft_key(str(path))}.journal").stat().st_size > size
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # past the save
    doc = window.controller.doc
    assert doc is not None and not text_of(window, op(window, 2)).startswith("Saved ")
    expected = digest(doc)
    crash(window)
    seen = press_when_asked(qtbot)
    assert journal_ui.offer_recovery(fresh, folder)
    assert "mine.drafter since it was last saved" in seen[0]
    assert fresh.controller.path == str(path) and digest(fresh.controller.doc) == expected
    # the file was changed by another program meanwhile: the recovered draft opens as an unsaved copy
    fresh.controller.stack.setClean()
    fresh.editor.place_cursor(op(fresh, 2), 0)
    qtbot.keyClicks(fresh.editor, "More ")
    expected = digest(fresh.controller.doc)
    crash(fresh)
    path.write_bytes(path.read_bytes().replace(b'"notes": ""', b'"notes": "changed elsewhere"'))
    third = MainWindow(settings)
    qtbot.addWidget(third)
    seen = press_when_asked(qtbot)
    assert journal_ui.offer_recovery(third, folder)
    assert "opens as an unsaved copy" in seen[0]
    assert third.controller.path is None and digest(third.controller.doc) == expected
    third.controller.stack.setClean()


def test_escape_keeps_the_journal_for_the_next_start_and_a_clean_close_removes_it(
        qtbot: Any, window: MainWindow, settings: Settings, fresh: MainWindow) -> None:
    window.editor.place_cursor(op(window, 1), 0)
    qtbot.keyClicks(window.editor, "Kept ")
    crash(window)
    folder = Path(settings.recovery_dir)
    press_when_asked(qtbot, Qt.Key.Key_Escape)
    assert not journal_ui.offer_recovery(fresh, folder)
    assert len(store.crashed(folder)) == 1  # still there
    press_when_asked(qtbot)
    assert journal_ui.offer_recovery(fresh, folder)
    assert text_of(fresh, op(fresh, 1)).startswith("Kept ")
    fresh.controller.stack.setClean()
    fresh.close()
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("damage", ["torn", "flipped"])
def test_a_damaged_journal_recovers_what_comes_before_the_damage_and_says_so(
        qtbot: Any, window: MainWindow, settings: Settings, fresh: MainWindow, damage: str) -> None:
    editor = window.editor
    editor.place_cursor(op(window, 4), 0)
    states = []
    for word in ("One ", "two ", "three "):
        qtbot.keyClicks(editor, word)
        states.append(digest(window.controller.doc))
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        states.append(digest(window.controller.doc))
    assert window.controller.journal is not None
    file = window.controller.journal.path
    assert file is not None
    crash(window)
    data = file.read_bytes()
    last = data.rindex(b'{"kind":') - 12  # the last record's header
    damaged = bytearray(data[:last + 20] if damage == "torn" else data)  # torn: a power cut in the last record
    if damage == "flipped":
        damaged[last + 30] ^= 0x04
    file.write_bytes(bytes(damaged))
    seen = press_when_asked(qtbot)
    assert journal_ui.offer_recovery(fresh, Path(settings.recovery_dir))
    if damage == "torn":
        assert "was cut off as it was written" in seen[0]
    else:
        assert "is damaged (its checksum does not match)" in seen[0]
    controller = fresh.controller
    assert controller.doc is not None
    assert digest(controller.doc) == states[-2]  # all but the last Enter, whose record is damaged
    assert controller.sync_journal()  # the journal goes on from there; its damaged end is kept aside
    assert (file.parent / (file.name + ".damaged")).read_bytes() == bytes(damaged)
    assert file.read_bytes() == data[:last]
    fresh.controller.stack.setClean()


# --- two windows on one draft --------------------------------------------------------------------------------
def test_a_second_instance_opens_a_read_only_copy(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                   dialogs: Dialogs) -> None:
    path = tmp_path / "shared.drafter"
    draftfile.save(Document.from_base(load(str(CORPUS / TEXTS[0])), TEXTS[0]), path)
    original = path.read_bytes()
    other = Child(tmp_path / "other", path, tmp_path / "other.log", "--steps", "0")
    try:
        other.wait_for(lambda lines: any(line.get("done") for line in lines))
        holder = store.other_holder(tmp_path / "other" / "state" / "drafter" / "journal", journal.draft_key(str(path)))
        assert holder is not None and holder.pid == other.process.pid
        window.controller.journal_folder = tmp_path / "other" / "state" / "drafter" / "journal"  # the same user
        seen = press_when_asked(qtbot)
        window.open_path(str(path))
        assert "is open in Drafter (process" in seen[0] and "read-only copy" in seen[0]
        controller = window.controller
        assert controller.read_only and controller.path == str(path) and window.editor.isReadOnly()
        assert "read-only copy" in window.windowTitle()
        before = digest(controller.doc)
        window.editor.place_cursor(op(window, 1), 0)
        qtbot.keyClicks(window.editor, "Nothing")
        assert digest(controller.doc) == before and controller.stack.count() == 0
        window.files.save()
        assert "read-only copy" in dialogs.shown[-1]
        assert path.read_bytes() == original
        copy = tmp_path / "copy.drafter"
        window.controller.save(str(copy))
        assert not controller.read_only and not window.editor.isReadOnly()
        qtbot.keyClicks(window.editor, "Mine ")
        assert text_of(window, op(window, 1)).startswith("Mine ")
    finally:
        other.process.kill()
        other.process.wait()
    # its process gone, the lock is stale: the draft opens as any other
    window.controller.stack.setClean()
    window.open_path(str(path))
    assert not window.controller.read_only and window.controller.path == str(path)


# --- a full disk, a read-only folder -------------------------------------------------------------------------
def mount(folder: Path, size: str, read_only: bool = False) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "small"
    if not mount(folder, "1m"):
        pytest.skip("mounting a small tmpfs is not permitted here (tests/core/test_journal.py fills a disk "
                    "by a file-size limit instead)")
    yield folder
    unmount(folder)


def test_a_full_disk_says_so_once_and_loses_nothing(qtbot: Any, settings: Settings, small_disk: Path) -> None:
    settings.recovery_dir = str(small_disk / "journal")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    doc = Document.from_base(load(str(CORPUS / TEXTS[1])), TEXTS[1])
    window.controller.set_document(doc, None)
    window.show()
    editor = window.editor
    editor.place_cursor(op(window, 1), 0)
    qtbot.keyClicks(editor, "Before ")
    assert window.controller.sync_journal()
    filler = small_disk / "filler"
    with open(filler, "wb") as out, pytest.raises(OSError):
        while True:
            out.write(b"\0" * 65536)
            out.flush()
    assert window.controller.journal is not None
    journal_file = window.controller.journal.path
    assert journal_file is not None
    on_disk = journal_file.read_bytes()
    for word in ("while ", "the ", "disk ", "is ", "full "):
        qtbot.keyClicks(editor, word)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.journal_ui.bar.shown), timeout=5000)
    typed = digest(window.controller.doc)
    assert len(window.journal_ui.bar.shown) == 1 and "is full" in window.journal_ui.bar.shown[0]
    assert text_of(window, op(window, 1)).startswith("Before while")  # editing went on
    sound = journal.replay(journal_file.read_bytes())
    assert not sound.problem and journal_file.read_bytes().startswith(on_disk)  # what was on disk is intact
    filler.unlink()
    qtbot.waitUntil(lambda: window.journal_ui.bar.isHidden(), timeout=5000)  # written again
    assert window.controller.sync_journal()
    assert digest(journal.replay(journal_file.read_bytes()).doc) == typed
    assert len(window.journal_ui.bar.shown) == 1
    window.controller.stack.setClean()


def test_a_read_only_state_folder_says_so_and_editing_and_saving_go_on(
        qtbot: Any, settings: Settings, tmp_path: Path, dialogs: Dialogs) -> None:
    folder = tmp_path / "readonly"
    if not mount(folder, "1m", read_only=True):
        pytest.skip("mounting a read-only tmpfs is not permitted here")
    try:
        settings.recovery_dir = str(folder / "journal")
        window = MainWindow(settings)
        qtbot.addWidget(window)
        path = tmp_path / "draft.drafter"
        draftfile.save(Document.from_base(load(str(CORPUS / TEXTS[0])), TEXTS[0]), path)
        window.open_path(str(path))
        window.show()
        qtbot.waitUntil(lambda: bool(window.journal_ui.bar.shown), timeout=5000)
        assert "cannot write its journal" in window.journal_ui.bar.shown[0]
        assert "Read-only file system" in window.journal_ui.bar.shown[0]
        window.editor.place_cursor(op(window, 2), 0)
        qtbot.keyClicks(window.editor, "Still typing ")
        qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert window.controller.doc is not None
        assert serialize.to_dict(draftfile.read(path).draft) == serialize.to_dict(window.controller.doc.draft)
        assert draftfile.read(path).draft.operatives()[1].text.startswith("Still typing ")
        assert len(window.journal_ui.bar.shown) == 1
        window.close()
    finally:
        unmount(folder)
