"""The journal's writer: a thread of its own that appends records and makes them durable.

The GUI thread hands over work (`begin`, `append`, …) and goes on at once. The thread writes each record
as soon as it gets it (a killed process loses nothing the thread has written: it is in the kernel), and
makes it durable with fsync after a pause of `PAUSE` seconds, or at the latest `LATEST` seconds after the
oldest record not yet synced, while records go on coming (a power cut loses at most that).

When writing fails (a full disk, a folder that became read-only), the file is cut back to its last whole
record, so that what is on disk stays sound; the work is kept in memory and tried again every `RETRY`
seconds, and `report` is called once with a message for the user; `cleared` is called when writing
works again. Both are called in the writer's thread.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import queue
import shutil
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from drafter.atomic import write_atomically
from drafter.journal import records

log = logging.getLogger(__name__)

PAUSE = 0.3  # seconds without a new record before the journal is synced
LATEST = 1.0  # seconds at most between a record and its sync while records go on coming
RETRY = 1.0  # seconds between two tries after writing failed

Payload = Callable[[], bytes]


@dataclass
class _Begin:
    path: Path
    payload: Payload
    drop: Path | None  # the journal it replaces, removed once the new one is in place


@dataclass
class _Resume:
    path: Path
    end: int  # where its sound part ends: what follows is kept aside, then cut off


@dataclass
class _Record:
    payload: Payload


@dataclass
class _Sync:
    done: threading.Event = field(default_factory=threading.Event)


@dataclass
class _Close:
    remove: bool
    done: threading.Event = field(default_factory=threading.Event)


_Item = _Begin | _Resume | _Record | _Sync | _Close


def _nothing(*_args: object) -> None:
    pass


def message(exc: OSError, folder: Path) -> str:
    """What a failure to write the journal means for the user, in words."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (f"The disk that holds Drafter's journal ({folder}) is full. Your changes go on being kept, "
                "in memory, and are written as soon as there is room again; until then a crash would lose "
                "them. Free some space, or save the draft (File › Save As) on another disk.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Drafter cannot write its journal in {folder} ({exc.strerror}): until it can, a crash would "
                "lose the changes made since the draft was last saved. Save often, or make that folder "
                "writable again.")
    return (f"Drafter could not write its journal in {folder} ({exc.strerror or exc}): until it can, a crash "
            "would lose the changes made since the draft was last saved. Save often.")


class Writer:
    def __init__(self, folder: Path, report: Callable[[str], None] = _nothing,
                 cleared: Callable[[], None] = _nothing) -> None:
        self.folder = folder
        self.report, self.cleared = report, cleared
        self._queue: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self._backlog: deque[_Item] = deque()  # handed over, not yet done (in order)
        self._fd: int | None = None
        self._path: Path | None = None
        self._good = 0  # the size of the file's sound part
        self._failing = False
        self._next_try = 0.0
        self._first_unsynced = 0.0  # when the oldest record not yet synced was written (0: none)
        self._last_write = 0.0
        self.written = 0  # records written (the start records included)
        self.syncs = 0
        self._thread = threading.Thread(target=self._run, name="journal", daemon=True)
        self._thread.start()

    # --- the GUI thread's side ------------------------------------------------------------------------
    def begin(self, path: Path, payload: Payload, drop: Path | None = None) -> None:
        """A new journal at `path` whose first record is `payload`, put in place atomically; `drop`, the
        journal it takes over from, goes once it is there."""
        self._queue.put(_Begin(path, payload, drop))

    def resume(self, path: Path, end: int) -> None:
        """Go on appending to an existing journal whose sound part ends at `end`."""
        self._queue.put(_Resume(path, end))

    def append(self, payload: Payload) -> None:
        self._queue.put(_Record(payload))

    def sync(self, timeout: float = 5.0) -> bool:
        """Wait until everything handed over is written and synced (False: it could not be, in time)."""
        item = _Sync()
        self._queue.put(item)
        return item.done.wait(timeout)

    def close(self, remove: bool, timeout: float = 5.0) -> bool:
        """End the thread: the journal synced and kept, or removed (`remove`)."""
        item = _Close(remove)
        self._queue.put(item)
        finished = item.done.wait(timeout)
        self._thread.join(timeout)
        return finished

    @property
    def path(self) -> Path | None:
        return self._path

    # --- the writer's thread ----------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            try:
                item: _Item | None = self._queue.get(timeout=self._wait())
            except queue.Empty:
                item = None
            if item is not None:
                self._backlog.append(item)
            if isinstance(item, _Close):
                self._finish(item)
                return
            if not self._failing or time.monotonic() >= self._next_try:
                self._drain()
            self._sync_when_due()

    def _wait(self) -> float | None:
        """How long to wait for work: until a sync or a new try is due."""
        deadlines = []
        if self._first_unsynced:
            deadlines.append(min(self._last_write + PAUSE, self._first_unsynced + LATEST))
        if self._backlog:
            deadlines.append(self._next_try)
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None

    def _drain(self) -> None:
        while self._backlog:
            item = self._backlog[0]
            try:
                self._do(item)
            except OSError as exc:
                self._failed(exc)
                return
            self._backlog.popleft()
            if self._failing:
                self._failing = False
                log.info("the journal is written again")
                self.cleared()

    def _do(self, item: _Item) -> None:
        if isinstance(item, _Record):
            self._write(records.frame(item.payload()))
        elif isinstance(item, _Begin):
            self._begin(item)
        elif isinstance(item, _Resume):
            self._resume(item)
        elif isinstance(item, _Sync):
            self._fsync()
            item.done.set()

    def _write(self, data: bytes) -> None:
        if self._fd is None:
            raise OSError(errno.EBADF, "the journal is not open")
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view):]
        self._good += len(data)
        self.written += 1
        self._last_write = time.monotonic()
        self._first_unsynced = self._first_unsynced or self._last_write

    def _begin(self, item: _Begin) -> None:
        data = records.MAGIC + records.frame(item.payload())
        item.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(item.path, data)
        self._open(item.path, len(data))
        self.written += 1
        if item.drop is not None and item.drop != item.path:
            with contextlib.suppress(FileNotFoundError):
                item.drop.unlink()

    def _resume(self, item: _Resume) -> None:
        size = item.path.stat().st_size
        if size > item.end:  # a torn or damaged end: kept aside for whoever wants to look, then cut off
            shutil.copyfile(item.path, item.path.with_name(item.path.name + ".damaged"))
            with open(item.path, "r+b") as out:
                out.truncate(item.end)
                os.fsync(out.fileno())
        self._open(item.path, item.end)

    def _open(self, path: Path, size: int) -> None:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND)
        self._close_file()
        self._fd, self._path, self._good = descriptor, path, size
        self._first_unsynced = 0.0

    def _failed(self, exc: OSError) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._good)  # a record half written goes: the file stays sound
        self._next_try = time.monotonic() + RETRY
        if not self._failing:
            self._failing = True
            log.warning("the journal cannot be written: %s", exc)
            self.report(message(exc, self.folder))

    def _sync_when_due(self) -> None:
        if not self._first_unsynced:
            return
        now = time.monotonic()
        if now >= self._last_write + PAUSE or now >= self._first_unsynced + LATEST:
            with contextlib.suppress(OSError):
                self._fsync()

    def _fsync(self) -> None:
        if self._fd is not None and self._first_unsynced:
            sync = getattr(os, "fdatasync", os.fsync)
            sync(self._fd)
            self.syncs += 1
        self._first_unsynced = 0.0

    def _close_file(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
        self._fd = None

    def _finish(self, item: _Close) -> None:
        self._drain()
        self._backlog.clear()
        if item.remove:
            self._close_file()
            if self._path is not None:
                with contextlib.suppress(FileNotFoundError):
                    self._path.unlink()
        else:
            with contextlib.suppress(OSError):
                self._fsync()
            self._close_file()
        item.done.set()
