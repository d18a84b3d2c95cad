"""Garbage collection kept for the pauses in typing (no Qt).

Python collects cyclic garbage by itself now and then; a full collection walks every object
the app holds (the documents, their undo history, the widgets' wrappers) and takes tens of
milliseconds, long enough to make a keystroke wait. So after a pause in typing (and after a
document is opened) `collect_garbage` collects, then freezes what survives: the collections Python starts
by itself while the user types then walk only what is new. What was frozen and later became
garbage is reclaimed by the next full collection, at most `FULL_EVERY` seconds of pauses later.
"""

from __future__ import annotations

import gc
import time

FULL_EVERY = 300.0  # seconds between two full collections, each made in a pause

_last_full = 0.0


def collect_garbage(full: bool = False) -> None:
    """Collect (everything if `full` or if the last full collection is old, else the young objects)
    and freeze the survivors."""
    global _last_full
    now = time.monotonic()
    if full or now - _last_full >= FULL_EVERY:
        gc.unfreeze()
        gc.collect()
        _last_full = now
    else:
        gc.collect(1)
    gc.freeze()
