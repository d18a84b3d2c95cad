"""Compare two files: two resolutions side by side with the change list, without editing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter, QWidget

from drafter.compare import compare
from drafter.compare.changes import Change
from drafter.compare.render import to_html
from drafter.draftfile import atomic_write
from drafter.errors import DrafterError
from drafter.model import Resolution
from ui.review.changes import ChangePanel
from ui.review.redline import ReviewView


class CompareWindow(QMainWindow):
    def __init__(self, old: Resolution, new: Resolution, old_name: str, new_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{new} compared with {old} — Drafter").format(new=new_name, old=old_name))
        self.old_name, self.new_name = old_name, new_name
        self.changes = compare(old, new)
        self.view = ReviewView("side")
        self.view.base_name, self.view.draft_name = old_name, new_name
        self.panel = ChangePanel(review=False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.panel)
        splitter.setSizes([900, 380])
        self.setCentralWidget(splitter)
        export = QAction(self.tr("Export comparison…"), self)
        export.triggered.connect(self.export)
        self.menuBar().addMenu(self.tr("&File")).addAction(export)
        self.panel.toggles_changed.connect(lambda *_: self.refresh())
        self.panel.jump_requested.connect(self._jump)
        self.refresh()
        self.resize(1280, 800)

    def refresh(self) -> None:
        self.view.show_changes(self.changes, self.panel.hidden())
        self.panel.set_changes(self.changes)

    def _jump(self, change: Change) -> None:
        key = (change.new_ids or change.old_ids or ("",))[0]
        self.view.scroll_to(key)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export comparison"),
                                              str(Path(self.new_name).with_suffix(".html")), "*.html")
        if not path:
            return
        try:
            html = to_html(self.changes, title=f"{self.new_name} compared with {self.old_name}",
                           hide_renumbering=self.panel.hide_renumbering.isChecked(),
                           hide_technical=self.panel.hide_technical.isChecked())
            atomic_write(path, html.encode("utf-8"))
        except DrafterError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
