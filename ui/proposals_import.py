"""File › Import proposals…: delegations' files read as proposals on a version of the draft.

The user picks several files at once, then the text they were made on (the draft's versions, newest
first, and the base; the latest version is offered first, the base when the draft has no version). Which
files hold tracked changes is looked up off the GUI thread; for each file without them the user names the
delegation whose text it is (the file's name is offered). The files are then read off the GUI thread
(`drafter.edits.proposals.read_files`, in a `ui.worker.Job`), and the proposals come into the draft as one
undoable step; what the reading warns of goes to the window's warnings bar, each warning naming its file.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from drafter import inputs, versions
from drafter.edits.proposals import AddProposals, Received, number
from drafter.model import Resolution
from drafter.negotiate.received import Reading, read_files, receive
from ui.warnings_bar import ReaderWarning, place_of
from ui.worker import Job

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILES = "Delegations' files (*.docx *.drafter *.txt *.pdf *.xml *.json);;All files (*)"
SWITCH_INTERVAL = 0.0005  # seconds, while the files are read: the GUI thread gets the interpreter back soon


def tracked_authors(paths: Sequence[str]) -> list[list[str] | None]:
    """Per file, the authors of its tracked changes (an empty list: none); None for a file that is no Word
    file (a clean copy in another format). A Word file that cannot be opened counts as one with revisions:
    its reading says what is wrong with it."""
    from drafter.negotiate.revisions import open_package

    out: list[list[str] | None] = []
    for path in paths:
        if inputs.is_draft_file(path) or not _is_zip(path):
            out.append(None)
            continue
        try:
            out.append(list(open_package(path).authors))
        except Exception:
            out.append(["?"])
    return out


def _is_zip(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def suggested_name(path: str) -> str:
    """The delegation a file's name suggests: "usa-comments_rev1.docx" → "usa comments rev1"."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return " ".join(re.split(r"[\s_\-.]+", stem)).strip()


def read_slowly(sent: Resolution, files: list[tuple[str, str | None]]) -> Reading:
    """`read_files` in a worker thread, handing the interpreter back to the GUI thread often."""
    usual = sys.getswitchinterval()
    sys.setswitchinterval(min(usual, SWITCH_INTERVAL))
    try:
        return read_files(sent, files)
    finally:
        sys.setswitchinterval(usual)


class ProposalsImport(QObject):
    """The import for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.jobs: list[Job] = []
        self.busy = False

    def _status(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def choices(self) -> list[tuple[str, str]]:
        """(name, what the user sees): the versions newest first, then the base."""
        doc = self.controller.doc
        if doc is None:
            return []
        base = doc.base.front.symbol or self.tr("the base")
        return [(v.name, v.name) for v in reversed(doc.versions)] + \
            [(versions.BASE, self.tr("Base ({symbol})").format(symbol=base))]

    def ask(self) -> Job | None:
        """File › Import proposals…: the files, the text they were made on, then the reading."""
        doc = self.controller.doc
        if doc is None or self.busy:
            self._status(self.tr("Open a draft first") if doc is None else self.tr("Still reading proposals…"), 4000)
            return None
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import proposals"),
                                                self.window.settings.last_folder, FILES)
        if not paths:
            return None
        self.window.settings.last_folder = os.path.dirname(paths[0])
        choices = self.choices()
        sent = choices[0][0]
        if len(choices) > 1:
            title, ok = QInputDialog.getItem(
                self.window, self.tr("Import proposals"),
                self.tr("The version of the draft these files were made on (the one sent to the delegations):"),
                [shown for _name, shown in choices], 0, False)
            if not ok:
                return None
            sent = next(name for name, shown in choices if shown == title)
        return self.look(list(paths), sent)

    def look(self, paths: list[str], sent: str) -> Job:
        """Which files have tracked changes (off the GUI thread); then the names of the others are asked."""
        self.busy = True
        self._status(self.tr("Looking at {n} files…").format(n=len(paths)))
        job = Job(lambda: tracked_authors(paths))
        job.signals.finished.connect(lambda found: self._looked(paths, sent, found))
        job.signals.failed.connect(self._failed)
        return self._start(job)

    def _looked(self, paths: list[str], sent: str, found: list[list[str] | None]) -> None:
        files: list[tuple[str, str | None]] = []
        for path, authors in zip(paths, found, strict=True):
            if authors:
                files.append((path, None))
                continue
            name, ok = QInputDialog.getText(
                self.window, self.tr("Import proposals"),
                self.tr("{file} has no tracked changes. Whose text is it (the delegation)?").format(
                    file=os.path.basename(path)), QLineEdit.EchoMode.Normal, suggested_name(path))
            if not ok:
                self.busy = False
                self._status(self.tr("Import cancelled: no proposals were imported"), 6000)
                return
            if not " ".join(name.split()):
                self.busy = False
                QMessageBox.warning(self.window, self.tr("Import proposals"),
                                    self.tr("{file}: a delegation needs a name; nothing was imported.").format(
                                        file=os.path.basename(path)))
                return
            files.append((path, " ".join(name.split())))
        self.read(files, sent)

    def read(self, files: list[tuple[str, str | None]], sent: str) -> Job | None:
        """Read the files against the text named `sent`, off the GUI thread."""
        doc = self.controller.doc
        if doc is None:
            self.busy = False
            return None
        text = versions.pick(doc.versions, sent, doc.base.snapshot(), doc.draft)
        self.busy = True
        self.window.setCursor(Qt.CursorShape.BusyCursor)
        self._status(self.tr("Reading {n} delegations' files…").format(n=len(files)))
        target = doc
        def work() -> tuple[Reading, list[Received]]:
            reading = read_slowly(text, files)
            return reading, receive(reading.proposals, text, sent)

        job = Job(work)
        job.signals.finished.connect(lambda result: self._read(result[0], result[1], text, sent, target))
        job.signals.failed.connect(self._failed)
        return self._start(job)

    def _read(self, reading: Reading, received: list[Received], text: Resolution, sent: str, target: object) -> None:
        self.window.unsetCursor()
        try:
            doc = self.controller.doc
            if doc is None or doc is not target:  # another document was opened meanwhile
                self._status(self.tr("The proposals were not imported: another draft is open"), 6000)
                return
            number(received, doc.proposals)
            if received:
                label = self.tr("Import proposals from {n} files").format(n=reading.files)
                self.controller.push(AddProposals(received, label))
            if reading.warnings:  # else the bar keeps what it showed
                self.window.warnings_bar.show_warnings(self.warnings(reading.warnings, text))
            shown = self.tr("the base") if sent == versions.BASE else sent
            self._status(self.tr("{n} proposals imported from {files} files, made on {sent}").format(
                n=len(received), files=reading.files, sent=shown), 8000)
            self.window.proposals.show_panel()
        finally:
            self.busy = False

    def warnings(self, warnings: list[str], sent: Resolution) -> list[ReaderWarning]:
        """The reading's warnings for the bar: each with its file, and the paragraph it names in the draft."""
        doc = self.controller.doc
        labels = doc.draft.labels() if doc is not None else {}
        in_draft = {block.id for block in doc.draft.blocks()} if doc is not None else set()
        out = []
        for warning in warnings:
            source, _, text = warning.partition(": ")
            if not text:
                source, text = "", warning
            place, key = place_of(text, sent)
            if key not in in_draft:
                key = ""
            out.append(ReaderWarning(source or self.tr("proposals"), text, labels.get(key, place), key))
        return out

    def _failed(self, message: str) -> None:
        self.busy = False
        self.window.unsetCursor()
        self.window.statusBar().clearMessage()
        QMessageBox.warning(self.window, self.tr("Could not import the proposals"), message)

    def _start(self, job: Job) -> Job:
        self.jobs.append(job)
        job.start()
        return job


__all__ = ["ProposalsImport", "read_slowly", "suggested_name", "tracked_authors"]
