"""The Provenance pane: for the paragraph under the editor's cursor, its status, the earliest and the latest
adopted texts that hold its wording, every source, and its wording against the nearest source as a redline.
"History of this paragraph" opens its wording through its series (`ui.series_history`).

The pane only shows: `ui.provenance_ui` traces the paragraphs and tells it what to show.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.provenance_text import STATUSES, alike, date_of, headline, legend, redline_html, source_line

if TYPE_CHECKING:
    from drafter.library import Provenance


class ProvenancePanel(QWidget):
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.dates = QLabel("")
        self.dates.setWordWrap(True)
        self.dates.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources = QTreeWidget()
        self.sources.setHeaderLabels([self.tr("Adopted text"), self.tr("Paragraph"), self.tr("Date"),
                                      self.tr("Alike")])
        self.sources.setRootIsDecorated(False)
        self.sources.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sources.setAccessibleName(self.tr("Sources of the paragraph's wording"))
        self.against = QLabel("")
        self.redline = QTextBrowser()
        self.redline.setAccessibleName(self.tr("The paragraph against its nearest source"))
        self.redline.setOpenLinks(False)
        self.history_button = QPushButton(self.tr("&History of this paragraph…"))
        self.history_button.setAccessibleName(self.tr("History of this paragraph through its series"))
        self.history_button.clicked.connect(self.history_requested)
        key = QLabel(legend())
        key.setWordWrap(True)
        key.setTextFormat(Qt.TextFormat.RichText)
        key.setStyleSheet("color: #555555; font-size: 8pt")
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        for widget in (self.heading, self.dates, self.sources, self.against):
            column.addWidget(widget)
        column.addWidget(self.redline, 1)
        column.addWidget(self.history_button)
        column.addWidget(key)
        self.label = ""
        self.found: Provenance | None = None
        self.show_message(self.tr("No paragraph traced yet."))

    def show_message(self, text: str) -> None:
        """Nothing to show of a paragraph: why (no library, not traced yet, not a paragraph)."""
        self.found = None
        self.heading.setText(html.escape(text))
        for widget in (self.dates, self.against):
            widget.setText("")
        self.sources.clear()
        self.redline.clear()
        self.history_button.setEnabled(False)

    def show_paragraph(self, label: str, found: Provenance, note: str = "") -> None:
        """A paragraph's provenance; `note` says when it is of the paragraph as it read before the last edits."""
        self.label, self.found = label, found
        status = STATUSES[found.status]
        extra = f" <i>({html.escape(note)})</i>" if note else ""
        self.heading.setText(f"<b>{html.escape(label)}</b> <span style='color:{status.colour}'>{status.glyph}</span>"
                             f" {html.escape(headline(found))}{extra}")
        if found.earliest is not None and found.latest is not None:
            self.dates.setText(self.tr("Earliest: {earliest}\nLatest: {latest}").format(
                earliest=source_line(found.earliest), latest=source_line(found.latest)))
        else:
            self.dates.setText(self.tr("No adopted text holds this wording or nearly."))
        self.sources.clear()
        for source in found.sources:
            self.sources.addTopLevelItem(QTreeWidgetItem([source.symbol or source.path, source.label,
                                                          date_of(source), alike(source).removesuffix(" alike")]))
        for column in range(3):
            self.sources.resizeColumnToContents(column)
        nearest = found.nearest
        if nearest is None:
            self.against.setText(self.tr("No wording near it in the library."))
            self.redline.clear()
        else:
            self.against.setText(self.tr("Against the nearest, {source}:").format(source=source_line(nearest)))
            self.redline.setHtml(f"<div style='font-family: serif; font-size: 11pt'>{redline_html(found.ops)}</div>")
        self.history_button.setEnabled(nearest is not None)


__all__ = ["ProvenancePanel"]
