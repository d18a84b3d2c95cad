"""File › Print and File › Export PDF, for the clean draft and for its redline against the base.

Both go through the same pages (`ui.typeset.Typeset` over a `ui.paper.Paper`): Print on the printer
the print dialog sets up, Export PDF into a PDF written atomically (the previous file stays whole if
writing fails).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPdfWriter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox

from drafter.atomic import write_atomically
from drafter.errors import DrafterError, ExportFailed
from drafter.model import Resolution
from ui.paper import Paper, clean, redline
from ui.typeset import Typeset, page_layout

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ui.main_window import MainWindow

PDF_RESOLUTION = 300  # dots per inch of the PDF's coordinates (text and rules stay vectors)
KINDS = {"clean": "the clean draft", "redline": "the redline against the base"}


def paper_of(kind: str, base: Resolution, draft: Resolution) -> Paper:
    return redline(base, draft) if kind == "redline" else clean(draft)


def pdf_bytes(paper: Paper) -> tuple[bytes, int]:
    """The PDF of `paper` and its number of pages."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout())
    writer.setTitle(paper.title)
    writer.setCreator("Drafter")
    pages = Typeset(paper, writer).paint()
    del writer  # the PDF is finished when its writer goes
    buffer.close()
    return bytes(data.data()), pages


def write_pdf(paper: Paper, path: str) -> int:
    """Write `paper` as a PDF at `path` (atomically); returns the number of pages."""
    data, pages = pdf_bytes(paper)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise ExportFailed(path, f"the PDF could not be written ({exc.strerror or exc}).") from exc
    return pages


def print_paper(paper: Paper, printer: QPrinter) -> int:
    """Print `paper` on a printer the print dialog set up; returns the number of pages."""
    printer.setFullPage(True)  # the margins are the layout's own
    printer.setDocName(paper.title)
    return Typeset(paper, printer).paint()


class Printing(QObject):
    """The Print and Export PDF entries of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.printer: QPrinter | None = None  # kept, so that the print dialog remembers the printer chosen
        self.actions: dict[tuple[str, str], QAction] = {}

    def add_to(self, menu: QMenu) -> None:
        """File › Print (clean draft Ctrl+P, redline Ctrl+Shift+P) and File › Export PDF."""
        printing = menu.addMenu(self.tr("&Print"))
        pdf = menu.addMenu(self.tr("Export P&DF"))
        for kind, title, shortcut in (("clean", self.tr("&Clean draft…"), QKeySequence.StandardKey.Print),
                                      ("redline", self.tr("&Redline against the base…"), "Ctrl+Shift+P")):
            self.actions[("print", kind)] = self._add(printing, title, self._printer_of(kind), shortcut)
            self.actions[("pdf", kind)] = self._add(pdf, title, self._exporter_of(kind))

    def _add(self, menu: QMenu, title: str, slot: Callable[[], object],
             shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        entry = QAction(title, self.window)
        if shortcut is not None:
            entry.setShortcut(QKeySequence(shortcut))
        entry.triggered.connect(slot)
        menu.addAction(entry)
        return entry

    def _printer_of(self, kind: str) -> Callable[[], object]:
        return lambda: self.print_(kind)

    def _exporter_of(self, kind: str) -> Callable[[], object]:
        return lambda: self.export_pdf(kind)

    def paper(self, kind: str) -> Paper | None:
        doc = self.window.controller.doc
        if doc is None:
            return None
        self.window.editor.flush()
        return paper_of(kind, doc.base, doc.draft)

    def print_(self, kind: str) -> int:
        """Ask for a printer, then print; returns the number of pages printed (0: nothing was)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded when first needed: it slows the start

        paper = self.paper(kind)
        if paper is None:
            return 0
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setPageLayout(page_layout())
        dialog = QPrintDialog(self.printer, self.window)
        dialog.setWindowTitle(self.tr("Print {what}").format(what=KINDS[kind]))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        with _busy():
            pages = print_paper(paper, self.printer)
        self.window.statusBar().showMessage(self.tr("Printed {n} page(s)").format(n=pages), 6000)
        return pages

    def export_pdf(self, kind: str, path: str = "") -> str:
        """Ask for a file (unless given), then write the PDF; returns its path ("" if none was written)."""
        paper = self.paper(kind)
        if paper is None:
            return ""
        if not path:
            stem = self.window.files.suggested_stem()
            suggested = os.path.splitext(stem)[0] + ("-redline" if kind == "redline" else "") + ".pdf"
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export {what} as PDF").format(
                what=KINDS[kind]), suggested, "PDF (*.pdf)")
            if not path:
                return ""
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        try:
            with _busy():
                pages = write_pdf(paper, path)
        except DrafterError as exc:
            QMessageBox.warning(self.window, self.tr("Export failed"), str(exc))
            return ""
        self.window.statusBar().showMessage(self.tr("Exported {path} ({n} pages)").format(path=path, n=pages), 6000)
        return path


class _busy:
    """The busy cursor while pages are set (a second or so for a long resolution)."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def __exit__(self, *_exc: object) -> None:
        QApplication.restoreOverrideCursor()
