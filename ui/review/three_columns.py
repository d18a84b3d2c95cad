"""The three-column view: base (A/RES) | previous version | current draft, paragraph by paragraph.

The previous version is the draft's latest named version. The view is drawn anew a moment after
the change list changes, and only while it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QTextBrowser, QVBoxLayout, QWidget

from drafter.compare.three_way import three_way, to_html
from ui.controller import DocumentController

REDRAW_MS = 300


class ThreeColumns(QWidget):
    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.browser = QTextBrowser()
        self.browser.setObjectName("three-columns")
        self.browser.setAccessibleName(self.tr("Base, previous version and current draft"))
        self.browser.setOpenLinks(False)
        self.only_differing = QCheckBox(self.tr("Only paragraphs that differ in any of the three"))
        self.only_differing.setChecked(True)
        self.only_differing.toggled.connect(lambda _on: self.redraw())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.only_differing)
        layout.addWidget(self.browser)
        self.names: tuple[str, str, str] | None = None  # the columns drawn last, None before the first time
        self.revision = -1  # the document revision drawn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        controller.compared.connect(lambda *_: self._timer.start())
        controller.replaced.connect(self._timer.start)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.revision != self.controller.revision:
            self._timer.start(0)

    def redraw(self) -> None:
        if not self.isVisible():
            return
        doc = self.controller.doc
        self.revision = self.controller.revision
        if doc is None or not doc.versions:
            self.names = None
            self.browser.setHtml(self.tr("<p>The draft has no versions yet. File › Save version… keeps the draft "
                                         "as it stands; this view then shows the base, that version and the "
                                         "draft as it is, side by side.</p>"))
            return
        latest = doc.versions[-1]
        self.names = (doc.base.front.symbol or self.tr("Base"), latest.name, self.tr("Current draft"))
        rows = three_way(doc.base, latest.text(), doc.draft)
        if self.only_differing.isChecked():
            rows = [row for row in rows if row.differs]
        place = self.browser.verticalScrollBar().value()
        self.browser.setHtml(to_html(rows, self.names))
        self.browser.verticalScrollBar().setValue(place)
