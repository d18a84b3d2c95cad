"""The app's one open library of adopted texts, shared by every part of the app that reads it.

`library()` opens it on first use, from $DRAFTER_LIBRARY or the user data folder, and only if a library
is there (the app never makes one by merely starting); None when there is none or it cannot be opened
(the reason in `last_problem`). `changed` is emitted after files are added or removed, or the library is
replaced. The `Library` is safe to use from worker threads (`ui.worker`).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from drafter.library import Library

log = logging.getLogger(__name__)


class LibrarySession(QObject):
    changed = Signal()

    def __init__(self, settings: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._lock = threading.Lock()
        self._library: Library | None = None
        self._tried = False
        self.last_problem = ""

    def library(self) -> Library | None:
        """The open library, or None. Opening may wait for another program's lock: call it from a worker."""
        with self._lock:
            if not self._tried:
                self._tried = True
                self._library = self._open()
            return self._library

    def _open(self) -> Library | None:
        from drafter.library import Library, LibraryError, default_folder
        from drafter.library.store import FILE_NAME

        folder = default_folder()
        if not (Path(folder) / FILE_NAME).is_file():
            return None
        try:
            return Library(folder)
        except LibraryError as error:
            self.last_problem = str(error)
            log.warning("the library cannot be opened: %s", error)
            return None

    def close(self) -> None:
        with self._lock:
            if self._library is not None:
                self._library.close()
            self._library, self._tried = None, True
