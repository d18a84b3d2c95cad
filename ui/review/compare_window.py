"""Compare two files: two resolutions side by side with the change list, without editing.

The window fits the screen it opens on, sizes the change list's columns to what they hold, shows above
them what the readers of the two files could not read (without changes, the bar says "No changes in what
was read"), and exports the comparison as Word (tracked changes, static redline, comparison table) or HTML
(redline, comparison table) with the same exporters as the draft's Export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from drafter.compare import compare
from drafter.compare.changes import Change
from drafter.compare.render import to_html
from drafter.draftfile import atomic_write
from drafter.edits import Document
from drafter.errors import DrafterError
from drafter.exporters.html_table import to_html_table
from drafter.model import Resolution
from ui.export import run_export
from ui.review.changes import COLUMNS, ChangePanel
from ui.review.redline import ReviewView
from ui.warnings_bar import WarningsBar, reader_warnings
from ui.worker import Job

# the export's file-type filter → the export (keys of ui.export.FORMATS)
EXPORTS = {
    "Word, tracked changes against the base (*.docx)": "tracked",
    "Word, static redline (*.docx)": "redline",
    "Word, comparison table (*.docx)": "table",
    "HTML, static redline (*.html)": "redline-html",
    "HTML, comparison table (*.html)": "table-html",
}
CHANGE_COLUMN_MIN = 260  # px the Change column keeps when the window is wide enough


class CompareWindow(QMainWindow):
    def __init__(self, old: Resolution, new: Resolution, old_name: str, new_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{new} compared with {old} — Drafter").format(new=new_name, old=old_name))
        self.old, self.new = old, new
        self.old_name, self.new_name = old_name, new_name
        self.changes = compare(old, new)
        self.view = ReviewView("side")
        self.view.base_name, self.view.draft_name = old_name, new_name
        self.panel = ChangePanel(review=False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.warnings_bar = WarningsBar()
        self.warnings_bar.jump_requested.connect(self._jump_to_key)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.warnings_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.show_warnings()
        export = QAction(self.tr("&Export comparison…"), self)
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.triggered.connect(self.export)
        self.menuBar().addMenu(self.tr("&File")).addAction(export)
        self.panel.toggles_changed.connect(lambda *_: self.refresh())
        self.panel.jump_requested.connect(self._jump)
        self.jobs: list[Job] = []
        self.fitted = False
        self.user_sized = False  # the user dragged the splitter: keep the panel's width
        self.splitter.splitterMoved.connect(self._user_sized)
        self.refresh()
        self.resize(1280, 800)

    def refresh(self) -> None:
        self.view.show_changes(self.changes, self.panel.hidden())
        self.panel.set_changes(self.changes)
        self.fit_columns()

    def show_warnings(self) -> None:
        """What the readers of the two files could not read, each with its file and place. Without changes,
        the bar says that the comparison speaks only of what was read."""
        found = reader_warnings(self.old, self.old_name) + reader_warnings(self.new, self.new_name)
        lead = self.tr("No changes in what was read. ") if found and not self.changes.changes else ""
        self.warnings_bar.show_warnings(found, lead)
        self.warnings_bar.keyboard_order()

    # --- size ---------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if not self.fitted:
            self.fitted = True
            self.fit_screen()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_sized:
            self.fit_columns()

    def _user_sized(self) -> None:
        self.user_sized = True

    def fit_screen(self) -> None:
        """No larger than the screen's available area (a 1000 px screen keeps the window whole)."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        width = min(self.width(), room.width() - frame.width())
        height = min(self.height(), room.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self.move(room.topLeft())
        self.fit_columns()

    def fit_columns(self) -> None:
        """Kind, Base and Draft as wide as what they show; the Change column gets the rest, and the
        change list as much of the window as keeps the Change column readable."""
        table, model = self.panel.table, self.panel.model
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        widths = []
        for column in range(len(COLUMNS) - 1):
            texts = [str(model.data(model.index(row, column)) or "") for row in range(model.rowCount())]
            texts.append(COLUMNS[column])
            width = max(metrics.horizontalAdvance(text) for text in texts) + 16
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
            widths.append(width)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        wanted = sum(widths) + CHANGE_COLUMN_MIN + table.verticalScrollBar().sizeHint().width() + 16
        total = max(self.splitter.width(), self.width())
        panel = min(wanted, total // 2)
        if not self.user_sized:
            self.splitter.blockSignals(True)
            self.splitter.setSizes([total - panel, panel])
            self.splitter.blockSignals(False)

    # --- moving through the changes ----------------------------------------------------------------
    def _jump(self, change: Change) -> None:
        self._jump_to_key((change.new_ids or change.old_ids or ("",))[0])

    def _jump_to_key(self, key: str) -> None:
        self.view.scroll_to(key)
        self.centre_cursor()

    def centre_cursor(self) -> None:
        """The change the cursor is on in the middle of the view, not at its bottom edge."""
        bar = self.view.verticalScrollBar()
        rect = self.view.cursorRect()
        bar.setValue(bar.value() + rect.center().y() - self.view.viewport().height() // 2)

    # --- export ---------------------------------------------------------------------------------
    def export(self) -> None:
        stem = Path(self.new_name).with_suffix("")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export comparison"), f"{stem}-comparison.docx",
                                                   ";;".join(EXPORTS))
        if path:
            self.export_to(path, EXPORTS.get(chosen, "tracked" if path.endswith(".docx") else "redline-html"))

    def export_to(self, path: str, key: str) -> Job | None:
        """Write the comparison as `key` (see EXPORTS) to `path`; Word files in the background."""
        suffix = ".html" if key.endswith("html") else ".docx"
        if not path.lower().endswith(suffix):
            path += suffix
        if key.endswith("html"):
            title = f"{self.new_name} compared with {self.old_name}"
            hide = {"hide_renumbering": self.panel.hide_renumbering.isChecked(),
                    "hide_technical": self.panel.hide_technical.isChecked()}
            found = reader_warnings(self.old, self.old_name) + reader_warnings(self.new, self.new_name)
            warnings = [{"file": item.source, "message": item.text} for item in found]  # as the bar lists them
            write = to_html_table if key == "table-html" else to_html
            try:
                page = write(self.changes, title=title, warnings=warnings, **hide)
                atomic_write(path, page.encode("utf-8"))
            except DrafterError as exc:
                self._failed(str(exc))
            return None
        job = run_export(self, Document(self.old, self.new), key, path, "",
                         lambda done: self.statusBar().showMessage(self.tr("Exported {path}").format(path=done), 6000),
                         self._failed)
        self.jobs.append(job)
        return job

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Export failed"), message)
