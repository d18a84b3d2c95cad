"""The main window's files: open (or drop), read off the GUI thread, save, recent files, export, compare, follow-up.

`FileActions` does what the File menu asks for the window it belongs to: reading a resolution or a
draft, saving, exporting and comparing, each slow step in the thread pool (`ui.worker.Job`), and it
says what went wrong in one message naming the file once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from drafter import draftfile, inputs
from drafter.edits import Document
from drafter.errors import DrafterError
from drafter.followup import FollowUp
from drafter.model import Resolution
from drafter.resources import sample_path
from ui.export import ExportDialog, default_stem, run_export
from ui.followup_dialog import FollowUpDialog, Request, build
from ui.review.compare_window import CompareWindow
from ui.warnings_bar import DRAFT_SOURCE
from ui.worker import Job

if TYPE_CHECKING:
    from ui.main_window import MainWindow

OPEN_FILTER = "Drafts and resolutions (*.drafter *.pdf *.docx *.txt *.xml *.json);;All files (*)"
RESOLUTIONS = "Resolutions (*.pdf *.docx *.txt *.xml *.json);;All files (*)"


def one_message(path: str, message: str) -> str:
    """What went wrong with `path`, naming it once: the core's errors already begin with the path."""
    return message if path in message else f"{path}: {message}"


def dropped_file(data: QMimeData) -> str:
    """The one local file a drag carries, or ""."""
    files = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
    return files[0] if len(files) == 1 and os.path.isfile(files[0]) else ""


class FileActions(QObject):
    """The File menu's work for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.settings = window.settings
        self.jobs: list[Job] = []
        self.compare_windows: list[CompareWindow] = []
        window.setAcceptDrops(True)  # a file dropped on the window opens as File › Open opens it
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and isinstance(event, QDropEvent):  # drag enter and move are drop events too
            path = dropped_file(event.mimeData())
            if path:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.open_path(path)
                return True
        return super().eventFilter(watched, event)

    def _status(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def _start(self, job: Job) -> Job:
        self.jobs.append(job)
        job.start()
        return job

    # --- opening ------------------------------------------------------------------------------------
    def open_path(self, path: str, base: str | None = None) -> None:
        """A draft file opens as it was saved; any other file becomes the base of a new draft."""
        if path.endswith(draftfile.EXTENSION) and base is None:
            if not self.window._may_discard():
                return
            try:
                self.controller.open(path)
            except DrafterError as exc:
                self._warn(self.tr("Could not open the draft"), one_message(path, str(exc)))
                return
            self.settings.add_recent(path)
            self.fill_recent()
            return
        self.load_async(path, base)

    def load_async(self, path: str, base: str | None = None) -> Job:
        """Import off the GUI thread (long PDFs take a moment), then start a draft from it."""
        if not self.window._may_discard():
            return Job(lambda: None)
        self._status(self.tr("Reading {name}…").format(name=os.path.basename(path)))
        self.window.setCursor(Qt.CursorShape.BusyCursor)

        def work() -> Document:  # a draft file given as either stands for its draft, with its warnings
            if base is None:
                return Document.from_base(inputs.read(path).text, path)
            doc = Document.from_base(inputs.read(base).text, base)
            doc.draft = inputs.read(path).text
            doc.meta.extra[DRAFT_SOURCE] = path  # the warnings bar names the file each warning is from
            return doc

        job = Job(work)
        job.signals.finished.connect(lambda doc: self._loaded(doc, path))
        job.signals.failed.connect(lambda message: self._load_failed(path, message))
        return self._start(job)

    def _loaded(self, doc: Document, path: str) -> None:
        self.window.unsetCursor()
        self.window.statusBar().clearMessage()
        self.controller.set_document(doc, None)
        self.settings.add_recent(path)
        self.fill_recent()

    def _load_failed(self, path: str, message: str) -> None:
        self.window.unsetCursor()
        self.window.statusBar().clearMessage()
        self._warn(self.tr("Could not read the file"), one_message(path, message))

    def open_sample(self) -> None:
        self.open_path(str(sample_path()))

    def _ask_open(self, title: str, pattern: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, title, self.settings.last_folder, pattern)
        if path:
            self.settings.last_folder = os.path.dirname(path)
        return path

    def new_from_dialog(self) -> None:
        path = self._ask_open(self.tr("New draft from a resolution"), RESOLUTIONS)
        if path:
            self.load_async(path)

    def open_dialog(self) -> None:
        path = self._ask_open(self.tr("Open"), OPEN_FILTER)
        if path:
            self.open_path(path)

    def fill_recent(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for path in self.settings.recent_files:
            menu.addAction(path, self._opener(path))
        menu.setEnabled(bool(self.settings.recent_files))

    def _opener(self, path: str) -> Callable[[], None]:
        return lambda: self.open_path(path)

    # --- follow-up drafts ---------------------------------------------------------------------------
    def new_followup(self) -> FollowUpDialog:
        doc = self.controller.doc
        dialog = FollowUpDialog(doc.base if doc else None, doc.meta.base_source if doc else "",
                                self.settings.last_folder, self.window)
        dialog.followup_requested.connect(self.make_followup)
        dialog.open()
        return dialog

    def make_followup(self, request: Request) -> Job:
        """Read the base and make the follow-up off the GUI thread, then open it as a new, unsaved draft."""
        if not self.window._may_discard():
            return Job(lambda: None)
        job = Job(lambda: build(request))
        job.signals.finished.connect(self._followup_made)
        job.signals.failed.connect(lambda message: self._warn(self.tr("No follow-up draft"),
                                                              one_message(request.path, message)
                                                              if request.path else message))
        return self._start(job)

    def _followup_made(self, result: tuple[Document, FollowUp]) -> None:
        doc, fu = result
        self.controller.set_document(doc, None)
        self.controller.stack.resetClean()  # the new draft is not saved yet
        self.window.show_automatic(fu)

    # --- saving ---------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.controller.doc is None:
            return False
        if not self.controller.path:
            return self.save_as()
        return self._save_to(self.controller.path)

    def save_as(self) -> bool:
        doc = self.controller.doc
        if doc is None:
            return False
        suggested = os.path.join(self.settings.last_folder,
                                 (doc.draft.front.symbol or "draft").replace("/", "-") + draftfile.EXTENSION)
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save draft"), suggested,
                                              f"Drafts (*{draftfile.EXTENSION})")
        if not path:
            return False
        if not path.endswith(draftfile.EXTENSION):
            path += draftfile.EXTENSION
        if not self._save_to(path):
            return False
        self.settings.add_recent(path)
        self.fill_recent()
        return True

    def _save_to(self, path: str) -> bool:
        self.window.editor.flush()  # what was typed last is in the file
        try:
            self.controller.save(path)
        except DrafterError as exc:
            self._warn(self.tr("The draft was not saved"), one_message(path, str(exc)))
            return False
        self._status(self.tr("Saved {path}").format(path=path), 4000)
        return True

    def may_discard(self) -> bool:
        """Whether the open draft may go: saved, or the user says so (and saves if asked to)."""
        if self.controller.doc is None or self.controller.stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(self.window, self.tr("Unsaved changes"),
                                      self.tr("The draft has unsaved changes. Save them first?"),
                                      buttons.Save | buttons.Discard | buttons.Cancel)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # --- export and comparison -------------------------------------------------------------------------
    def suggested_stem(self) -> str:
        """Where an export goes by default, without its extension (`ui.export.default_stem`)."""
        doc = self.controller.doc
        return default_stem(self.controller.path, doc, self.settings.last_folder) if doc is not None else ""

    def export_dialog(self) -> None:
        if self.controller.doc is None:
            return
        dialog = ExportDialog(self.suggested_stem(), self.settings.author, self.window)
        dialog.export_requested.connect(self.export)
        dialog.open()

    def export(self, key: str, path: str, author: str, track_front: bool = False) -> Job | None:
        doc = self.controller.compared_doc  # the draft against what it is compared with now: base or version
        if doc is None:
            return None
        if author:
            self.settings.author = author
            self.window.author_field.refresh()
        job = run_export(self.window, doc, key, path, author,
                         lambda done: self._status(self.tr("Exported {path}").format(path=done), 6000),
                         lambda message: self._warn(self.tr("Export failed"), one_message(path, message)),
                         track_front)
        self.jobs.append(job)
        return job

    def compare_dialog(self) -> None:
        old, _ = QFileDialog.getOpenFileName(self.window, self.tr("Compare: the earlier text"),
                                             self.settings.last_folder)
        if not old:
            return
        new, _ = QFileDialog.getOpenFileName(self.window, self.tr("Compare: the later text"), os.path.dirname(old))
        if new:
            self.compare_files(old, new)

    def compare_files(self, old: str, new: str) -> Job:
        job = Job(lambda: (inputs.read(old).text, inputs.read(new).text))
        job.signals.finished.connect(lambda pair: self._show_compare(pair, old, new))
        job.signals.failed.connect(lambda message: self._warn(self.tr("Could not compare"), message))
        return self._start(job)

    def _show_compare(self, pair: tuple[Resolution, Resolution], old: str, new: str) -> None:
        window = CompareWindow(pair[0], pair[1], os.path.basename(old), os.path.basename(new))
        self.compare_windows.append(window)
        window.show()
