"""The app's one open library of adopted texts (`drafter.library.Library`), shared by whatever uses it.

`MainWindow.library_session` is the only place the app opens a library. Its folder is the one chosen in
the app (File › Use library folder…, kept in the settings), else `$DRAFTER_LIBRARY`, else the user data
folder. It is opened on first use, and only when that folder holds a library: starting the app makes
none (File › Add to library… does).

- `library()` is the open `Library`, or None when there is none yet or it cannot be opened (`problem`
  says why). Opening may wait for another program's lock (up to `TIMEOUT` seconds): call it from a worker.
- `run(task, done, failed)` calls `task(library)` in a worker thread (`ui.worker`) and `done(result)` back
  in the GUI thread; a `LibraryError` (deleted, locked, damaged) becomes one line for `failed`, and for
  the `problem` signal, which is emitted when the library stops working and again ("") when it works.
  A library deleted or replaced while in use is let go, and opened again (if it is back) on the next use.
- `changed` is emitted after files were added or removed, and when another library is used.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from drafter.errors import DrafterError
from drafter.library import Library, LibraryGone, default_folder
from drafter.library.store import FILE_NAME
from ui.settings import Settings
from ui.worker import Job

log = logging.getLogger(__name__)

TIMEOUT = 2.0  # seconds a call waits for another program's lock before it says the library is locked


@dataclass
class Outcome:
    value: Any = None
    error: str = ""


class LibrarySession(QObject):
    changed = Signal()  # files added or removed, or another library in use
    problem = Signal(str)  # the library stopped working (one line), or works again ("")

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._lock = threading.Lock()
        self._library: Library | None = None
        self._jobs: set[Job] = set()
        self._closed = False
        self.last_problem = ""  # why the library could not be opened, the last time it could not
        self.reported = ""  # the problem last emitted
        self._gone = ""  # why the library in use went away (deleted or replaced), until one is opened again
        self._folder = self._chosen()  # read here, in the GUI thread: workers ask `folder()` too
        # adding files may take minutes: it has a thread of its own, and the shared pool stays free for searches
        self._long = QThreadPool(self)
        self._long.setMaxThreadCount(1)

    # --- which library ------------------------------------------------------------------------------
    def _chosen(self) -> Path:
        chosen = self.settings.library_folder.strip()
        return Path(chosen).expanduser() if chosen else default_folder()

    def folder(self) -> Path:
        return self._folder

    def exists(self) -> bool:
        return (self.folder() / FILE_NAME).is_file()

    def no_library(self) -> str:
        return self.tr("No library in {folder}: File › Add to library… makes one").format(folder=self.folder())

    def use_folder(self, folder: str) -> None:
        """Use the library in `folder` from now on ("" for the default one)."""
        self._let_go()
        self._gone = ""
        self.settings.library_folder = folder
        self._folder = self._chosen()
        self.changed.emit()

    # --- the open library -----------------------------------------------------------------------------
    def library(self) -> Library | None:
        """The open library (opened now if need be), or None: no library in the folder, or it cannot be
        opened (`last_problem` says why)."""
        return self._open(create=False)

    def _open(self, create: bool) -> Library | None:
        with self._lock:
            if self._library is not None:
                return self._library
            if self._closed or (not create and not self.exists()):
                return None
            try:
                self._library = Library(self.folder(), timeout=TIMEOUT)
            except DrafterError as exc:
                self.last_problem = str(exc)
                return None
            self._gone = ""
            return self._library

    def _let_go(self, library: Library | None = None) -> None:
        """Close the open library (only if it is still `library`, when given)."""
        with self._lock:
            if self._library is None or (library is not None and self._library is not library):
                return
            opened, self._library = self._library, None
        try:
            opened.close()
        except DrafterError as exc:
            log.info("closing the library: %s", exc)

    def close(self) -> None:
        """The window closes: results still coming are dropped, the library closed."""
        self._closed = True
        self._let_go()

    # --- work in a worker --------------------------------------------------------------------------
    def run(self, task: Callable[[Library], Any], done: Callable[[Any], object],
            failed: Callable[[str], object] | None = None, *, create: bool = False) -> Job:
        """`task(library)` in a worker, then `done(result)` or `failed(message)` in the GUI thread;
        `create`: make the library if the folder holds none (adding files does; it is long work, and runs in
        a thread of its own)."""

        def work() -> Outcome:
            library = self._open(create)
            if library is None:  # none there; or the one in use went away (said until it is back)
                return Outcome(error=self.last_problem if self.exists() or create else self._gone or self.no_library())
            try:
                return Outcome(task(library))
            except LibraryGone as exc:
                self._let_go(library)
                self._gone = self.tr("{why}; it is used again once it is back").format(why=str(exc).split(";")[0])
                return Outcome(error=self._gone)
            except DrafterError as exc:
                return Outcome(error=str(exc))

        job = Job(work)
        job.signals.finished.connect(lambda outcome: self._finished(job, outcome, done, failed))
        job.signals.failed.connect(lambda message: self._finished(job, Outcome(error=message), done, failed))
        self._jobs.add(job)
        if create:
            self._long.start(job)
        else:
            job.start()
        return job

    def _finished(self, job: Job, outcome: Outcome, done: Callable[[Any], object],
                  failed: Callable[[str], object] | None) -> None:
        self._jobs.discard(job)
        if self._closed:
            return
        if outcome.error != self.reported:  # said once, and once again when it works
            self.reported = outcome.error
            self.problem.emit(outcome.error)
        if outcome.error:
            if failed is not None:
                failed(outcome.error)
        else:
            done(outcome.value)

    def busy(self) -> bool:
        return bool(self._jobs)


__all__ = ["TIMEOUT", "LibrarySession"]
