"""File › Add to library…, Add a folder to the library…, Add the bundled samples, Use library folder….

`Library.add` runs in a worker (`LibrarySession.run`), its progress in the status bar (a bar and the file
being read), the window responsive meanwhile. At the end a summary says what was added, what was there
already and what could not be read, each such file with its reason (all of them in the details).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar

from drafter.library import AddReport, Library
from drafter.library.index import EXTENSIONS
from ui.library_session import LibrarySession

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILES_FILTER = ("Texts the library reads (" + " ".join(f"*{ext}" for ext in sorted(EXTENSIONS)) + ");;"
                "All files (*)")
SHOWN_FAILURES = 12  # the files that could not be read named in the summary itself; all are in its details


def summary(report: AddReport) -> tuple[str, str]:
    """The summary of an add (a few lines) and its details (every file)."""
    lines = [f"{len(report.added)} added, {len(report.skipped)} already in the library, "
             f"{len(report.failed)} could not be read."]
    if report.failed:
        lines.append("")
        lines += [f"{os.path.basename(path)}: {why}" for path, why in report.failed[:SHOWN_FAILURES]]
        if len(report.failed) > SHOWN_FAILURES:
            lines.append(f"… and {len(report.failed) - SHOWN_FAILURES} more (Show Details)")
    if report.other_files:
        other = len(report.other_files)
        lines += ["", f"{other} file{'s' if other != 1 else ''} of other kinds {'were' if other != 1 else 'was'} "
                      "left aside (the library reads PDF, Word, text, Akoma Ntoso and .drafter files)."]
    details = ([f"Added: {item.path} ({item.symbol or 'no symbol'}, {item.paragraphs} paragraphs)"
                for item in report.added]
               + [f"Added with a warning: {item.path}: {warning}" for item in report.added for warning in item.warnings]
               + [f"Already there: {path}: {why}" for path, why in report.skipped]
               + [f"Could not be read: {path}: {why}" for path, why in report.failed]
               + [f"Left aside: {path}" for path in report.other_files])
    return "\n".join(lines), "\n".join(details)


class _Progress(QObject):
    step = Signal(int, int, str)  # files done, files in all, the file being read (emitted from the worker)


class LibraryAdd(QObject):
    def __init__(self, window: MainWindow, session: LibrarySession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.running = False
        self.report: AddReport | None = None  # the last add's
        self.box: QMessageBox | None = None  # the last summary shown
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setAccessibleName(self.tr("Adding to the library"))
        self.bar.hide()
        self._progress = _Progress(self)
        self._progress.step.connect(self._step)

    # --- the menu's entries ------------------------------------------------------------------------------
    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Add to the library"),
                                                self.window.settings.last_folder, FILES_FILTER)
        if paths:
            self.add(paths)

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Add a folder to the library (and the "
                                                                       "folders in it)"),
                                                  self.window.settings.last_folder)
        if folder:
            self.add([folder])

    def add_samples(self) -> None:
        self._run(lambda library: library.add_samples(self._progress.step.emit), self.tr("the bundled samples"))

    def use_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Use the library in this folder"),
                                                  str(self.session.folder()))
        if folder:
            self.session.use_folder(folder)
            self.window.statusBar().showMessage(self.tr("Library in use: {folder}").format(folder=folder), 6000)

    # --- adding ------------------------------------------------------------------------------------------
    def add(self, paths: Sequence[str]) -> bool:
        """Add files and folders (recursively) in a worker; False if an add is running already."""
        what = os.path.basename(paths[0]) if len(paths) == 1 else self.tr("{n} files").format(n=len(paths))
        return self._run(lambda library: library.add(list(paths), self._progress.step.emit), what)

    def _run(self, task: Callable[[Library], AddReport], what: str) -> bool:
        if self.running:
            self.window.statusBar().showMessage(self.tr("Files are being added to the library: wait until it "
                                                        "is done"), 5000)
            return False
        self.running = True
        self.bar.setRange(0, 0)
        self.bar.show()
        self.window.statusBar().showMessage(self.tr("Adding {what} to the library…").format(what=what))
        self.session.run(task, self._done, self._failed, create=True)
        return True

    def _step(self, done: int, total: int, path: str) -> None:
        if not self.running:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if path:
            self.window.statusBar().showMessage(self.tr("Adding to the library ({done}/{total}): {name}").format(
                done=done + 1, total=total, name=os.path.basename(path)))

    def _done(self, report: AddReport) -> None:
        self._stop()
        self.report = report
        self.session.changed.emit()
        text, details = summary(report)
        self.window.statusBar().showMessage(text.splitlines()[0], 8000)
        box = QMessageBox(QMessageBox.Icon.Information if not report.failed else QMessageBox.Icon.Warning,
                          self.tr("Added to the library"), text, QMessageBox.StandardButton.Ok, self.window)
        if details:
            box.setDetailedText(details)
        self.box = box
        box.open()  # not modal to the app: the window goes on

    def _failed(self, why: str) -> None:
        self._stop()
        self.window.statusBar().showMessage(why, 8000)
        QMessageBox.warning(self.window, self.tr("The files were not added to the library"), why)

    def _stop(self) -> None:
        self.running = False
        self.bar.hide()
        self.window.statusBar().clearMessage()


__all__ = ["FILES_FILTER", "LibraryAdd", "summary"]
