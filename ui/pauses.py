"""Garbage collection kept for the pauses in typing (no Qt).

Python collects cyclic garbage by itself whenever enough new objects have piled up, in whatever thread
allocates: in the middle of a keystroke, or in the thread of the full comparison while the GUI thread
waits for the interpreter. A collection of the young objects takes up to ~15 ms, a full one walks every
object the app holds (the documents, their undo history, the widgets' wrappers) and takes hundreds. So
the app makes every collection itself (`hold_collections` turns Python's own off):

- at a pause in typing (and after a document is opened), `collect_garbage` collects the young objects,
  then freezes what survives, so that later collections walk only what is new;
- when many new objects piled up (`YOUNG_LIMIT`: work that is not typing, or a full comparison whose
  result came while the user typed) and the user has stopped for `SHORT_PAUSE` (or, whatever the user
  does, when ten times as many piled up), or after a long pause (`LONG_PAUSE`) when the last full
  collection is `FULL_EVERY` seconds old (what was frozen and became garbage since is reclaimed then):
  `collect_when_due`, which the app calls every second.
"""

from __future__ import annotations

import gc
import time

FULL_EVERY = 300.0  # seconds between two full collections
LONG_PAUSE = 3.0  # seconds without a key or a click before a full collection that is due is made
YOUNG_LIMIT = 50_000  # new objects (less those freed) that make a collection due (~10 ms)
SHORT_PAUSE = 0.4  # seconds without a key or a click before such a collection is made

_last_full = time.monotonic()


def hold_collections() -> None:
    """Python's own collections off for good: from now on the app collects (see the module's words).
    Kept off, never turned back on, so that code that turns collections off around its own work (the
    comparison, the Word reader) and back on after it leaves them off."""
    gc.disable()


def collect_garbage(full: bool = False) -> None:
    """Collect the young objects (everything if `full`) and freeze the survivors."""
    global _last_full
    if full:
        gc.unfreeze()
        gc.collect()
        _last_full = time.monotonic()
    else:
        gc.collect(1)
    gc.freeze()


def full_due() -> bool:
    return time.monotonic() - _last_full >= FULL_EVERY


def collect_when_due(idle: float) -> str:
    """After `idle` seconds without a key or a click: the collection that is due, if any; says which
    ("full", "young" or "")."""
    if idle >= LONG_PAUSE and full_due():
        collect_garbage(full=True)
        return "full"
    young = gc.get_count()[0]
    if young >= YOUNG_LIMIT * 10 or (young >= YOUNG_LIMIT and idle >= SHORT_PAUSE):
        collect_garbage()
        return "young"
    return ""
