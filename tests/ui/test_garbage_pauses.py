"""Garbage is collected at the pauses in typing, never by Python in the middle of a keystroke (`ui.pauses`):
real keys typed in the real window, the collections seen through `gc.callbacks`."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import op
from ui import pauses
from ui.main_window import MainWindow

DEFAULT_YOUNG = 700  # the young generation's threshold of Python's own collections


class Collections:
    """The collections made while it listens: (generation, the young objects counted when it began)."""

    def __init__(self) -> None:
        self.made: list[tuple[int, int]] = []

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.made.append((info["generation"], gc.get_count()[0]))


@pytest.fixture
def collections() -> Iterator[Collections]:
    seen = Collections()
    gc.callbacks.append(seen)
    yield seen
    gc.callbacks.remove(seen)


class Cycle:
    """Garbage only a collection reclaims: it refers to itself."""

    def __init__(self) -> None:
        self.me = self


def type_in(qtbot, window: MainWindow, number: int) -> None:  # type: ignore[no-untyped-def]
    window.editor.place_cursor(op(window, number), 0)
    window.editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setFocus()
    for _ in range(4):
        qtbot.keyClicks(window.editor, " and further urges Member States to cooperate")
        qtbot.keyClick(window.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(window.editor, "Decides to remain seized of the matter;")
        qtbot.keyClick(window.editor, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)


def test_typing_runs_no_collection_and_a_pause_collects(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                       collections: Collections) -> None:
    controller = window.controller
    controller.set_settle_delay(60_000)  # no pause while the keys come
    assert not gc.isenabled()
    frozen = gc.get_freeze_count()
    type_in(qtbot, window, 2)
    assert controller.stack.index() >= 8  # the keys were edits: typing, Enter, typing, and each undo step
    young = gc.get_count()[0]
    assert young > DEFAULT_YOUNG  # Python by itself would have collected several times meanwhile
    assert collections.made == []
    controller.set_settle_delay(50)  # the user pauses
    qtbot.waitUntil(lambda: any(generation == 1 for generation, _ in collections.made), timeout=5000)
    qtbot.waitUntil(lambda: not controller.settle_pending(), timeout=10_000)
    assert all(generation == 1 for generation, _ in collections.made)  # young objects only: no full collection
    assert gc.get_freeze_count() > frozen  # what survived the typing is frozen: the next collections skip it
    assert gc.get_count()[0] < young


def test_many_new_objects_are_collected_when_the_typing_stops(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                              collections: Collections) -> None:
    first = Cycle()
    gone = weakref.ref(first)
    del first
    garbage = [Cycle() for _ in range(pauses.YOUNG_LIMIT)]  # work on the GUI thread that leaves cycles behind
    del garbage
    assert gone() is not None  # nothing collects them by itself
    window.controller.set_settle_delay(60_000)
    ends = time.monotonic() + 2.5
    while time.monotonic() < ends:  # while the user types (the controller looks every second), they wait
        type_in(qtbot, window, 3)
        qtbot.wait(50)
    assert collections.made == [] and gone() is not None
    qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the user stops: they are collected
    assert [generation for generation, _ in collections.made] == [1]
    assert collections.made[0][1] >= pauses.YOUNG_LIMIT


def test_the_full_collection_waits_for_a_long_pause(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                    collections: Collections,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    frozen = Cycle()
    gone = weakref.ref(frozen)
    del frozen
    gc.freeze()  # garbage that only a full collection reclaims
    monkeypatch.setattr(pauses, "_last_full", time.monotonic() - pauses.FULL_EVERY)  # a full collection is due
    monkeypatch.setattr(pauses, "LONG_PAUSE", 2.5)
    window.controller.set_settle_delay(60_000)
    ends = time.monotonic() + 3.5
    number = 2
    while time.monotonic() < ends:  # the user types on, a key every ~50 ms, for longer than the long pause
        type_in(qtbot, window, number)
        number = 2 + (number - 1) % 5
        qtbot.wait(50)
    assert all(generation < 2 for generation, _ in collections.made) and gone() is not None
    qtbot.waitUntil(lambda: gone() is None, timeout=6000)  # the user stops: the full collection comes
    assert [generation for generation, _ in collections.made].count(2) == 1
