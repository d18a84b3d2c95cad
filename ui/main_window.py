"""The main window: an outline of the resolution beside its reading view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem

from drafter.model import Resolution
from ui.render import to_html


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Drafter")
        self.outline = QTreeWidget()
        self.outline.setHeaderLabels([self.tr("Paragraph"), self.tr("Opens with")])
        self.view = QTextBrowser()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.outline)
        splitter.addWidget(self.view)
        splitter.setSizes([360, 840])
        self.setCentralWidget(splitter)
        self.outline.itemActivated.connect(self._jump)
        self.outline.itemClicked.connect(self._jump)

    def show_resolution(self, res: Resolution, name: str) -> None:
        self.setWindowTitle(f"{name} — Drafter")
        self.view.setHtml(to_html(res))
        self.outline.clear()
        for label, para in res.labelled():
            item = QTreeWidgetItem([label, " ".join(para.text.split()[:6])])
            item.setData(0, Qt.ItemDataRole.UserRole, para.id)
            self.outline.addTopLevelItem(item)
        self.outline.resizeColumnToContents(0)
        self.statusBar().showMessage(
            self.tr("{pp} preambular, {op} operative paragraphs, {fn} footnotes").format(
                pp=len(res.preambular()), op=len(res.operatives()), fn=len(res.footnotes)))

    def _jump(self, item: QTreeWidgetItem) -> None:
        anchor = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(anchor, str):
            self.view.scrollToAnchor(anchor)


__all__ = ["MainWindow"]
