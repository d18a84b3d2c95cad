"""The library pane's widgets: the search field, its filters, the uses line, a message line and the results.

It only shows and asks: `search_changed` when the query or a filter changed, `insert_requested(row)`
when a result is chosen (Enter or a double click), `leave_requested` on Escape. Down in the search field
goes to the results. What searches is `ui.library_ui`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from drafter.library import Found, Hit
from drafter.library.search import Filters

ANY_YEAR = 1944  # the spin box's "any year"
MARK = "background-color: #ffe08a; font-weight: 600"  # the words that match
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
PAD = 4


def marked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` as HTML, the spans marked."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out += [html.escape(text[at:start]), f'<span style="{MARK}">{html.escape(text[start:end])}</span>']
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def row_html(hit: Hit) -> str:
    near = "" if hit.match == "exact" else f' <span style="color:#666">(near, {hit.score:.0%})</span>'
    return (f"<b>{html.escape(hit.symbol or hit.path)}</b> &nbsp;{html.escape(hit.date)} &nbsp;"
            f"<b>{html.escape(hit.label)}</b>{near}<br>{marked(hit.text, hit.spans)}")


def uses_line(found: Found) -> str:
    """"Used in 14 resolutions, last in A/RES/80/31 OP5"."""
    if not found.results:
        return f"Not found in the library: {found.query}"
    count = f"{found.uses}" if found.counted else f"at least {found.uses}"
    noun = "resolution" if found.uses == 1 and found.counted else "resolutions"
    line = f"Used in {count} {noun}" if found.uses else "Not used word for word; near wordings"
    latest = found.latest
    return line + (f", last in {latest.symbol} {latest.label}" if latest is not None and found.uses else "")


class _Rows(QStyledItemDelegate):
    """A result as rich text, wrapped to the list's width: symbol, date, label, and the paragraph with its
    match marked."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(self.view.font())
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(self.view.viewport().width() - 2 * PAD, 80))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        document = self._document(index)
        return QSize(self.view.viewport().width(), int(document.size().height()) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        self.view.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, self.view)
        document = self._document(index)
        painter.save()
        painter.translate(view.rect.left() + PAD, view.rect.top() + PAD)
        document.drawContents(painter)
        painter.restore()


class _Field(QLineEdit):
    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class _Results(QListView):
    chosen = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class LibraryPanel(QWidget):
    search_changed = Signal()
    insert_requested = Signal(int)  # the row of the result to insert
    leave_requested = Signal()  # Escape: back to the draft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.field = _Field()
        self.field.setPlaceholderText(self.tr("Search the library: a phrase, some words or a whole paragraph"))
        self.field.setAccessibleName(self.tr("Search the library"))
        self.field.setClearButtonEnabled(True)
        self.part = QComboBox()
        self.part.addItem(self.tr("Any part"), "")
        self.part.addItem(self.tr("Preambular"), "preamble")
        self.part.addItem(self.tr("Operative"), "operative")
        self.part.setAccessibleName(self.tr("Part"))
        self.since = QSpinBox()
        self.since.setRange(ANY_YEAR, 2100)
        self.since.setSpecialValueText(self.tr("any year"))
        self.since.setPrefix("")
        self.since.setAccessibleName(self.tr("Since the year"))
        self.lead = QLineEdit()
        self.lead.setPlaceholderText(self.tr("lead phrase"))
        self.lead.setAccessibleName(self.tr("Lead phrase"))
        self.organ = QLineEdit()
        self.organ.setPlaceholderText(self.tr("organ"))
        self.organ.setAccessibleName(self.tr("Organ"))
        self.uses = QLabel("")
        self.uses.setWordWrap(True)
        self.uses.setAccessibleName(self.tr("Uses of the wording"))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #9a3412")
        self.message.setAccessibleName(self.tr("Library message"))
        self.message.hide()
        self.model = QStandardItemModel(self)
        self.results = _Results()
        self.results.setModel(self.model)
        self.results.setItemDelegate(_Rows(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.setAccessibleName(self.tr("Paragraphs found: Enter inserts one at the cursor"))
        self._layout()
        self.field.textChanged.connect(self.search_changed)
        self.field.down.connect(self.to_results)
        for box in (self.lead, self.organ):
            box.textChanged.connect(self.search_changed)
        self.part.currentIndexChanged.connect(self.search_changed)
        self.since.valueChanged.connect(self.search_changed)
        self.results.chosen.connect(self.insert_requested)
        self.results.doubleClicked.connect(lambda index: self.insert_requested.emit(index.row()))

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.part)
        since = QFormLayout()
        since.addRow(self.tr("since"), self.since)
        filters.addLayout(since)
        filters.addWidget(self.lead, 1)
        filters.addWidget(self.organ, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.field)
        column.addLayout(filters)
        column.addWidget(self.message)
        column.addWidget(self.uses)
        column.addWidget(self.results, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)

    # --- what is asked ------------------------------------------------------------------------------
    def query(self) -> str:
        return self.field.text().strip()

    def filters(self) -> Filters:
        """The filters, as `Library.search` takes them."""
        year = self.since.value()
        return Filters(self.organ.text().strip(), None if year == ANY_YEAR else year, self.lead.text().strip(),
                       str(self.part.currentData() or ""))

    def to_results(self) -> None:
        if self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)
            self.results.setCurrentIndex(self.model.index(0, 0))  # the best result first

    # --- what is shown ------------------------------------------------------------------------------
    def show_found(self, found: Found | None, line: str = "") -> None:
        """The results of a search (None: none to show), and the uses line."""
        self.hits = list(found.results) if found is not None else []
        self.model.clear()
        for hit in self.hits:
            item = QStandardItem(f"{hit.symbol} {hit.date} {hit.label}: {hit.text}")
            item.setData(row_html(hit), HTML_ROLE)
            item.setToolTip(f"{hit.symbol} {hit.label}\n{hit.path}")
            self.model.appendRow(item)
        self.uses.setText(line or (uses_line(found) if found is not None else ""))

    def show_message(self, text: str) -> None:
        """A one-line message (the library cannot be used), or none."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def result_texts(self) -> list[str]:
        return [str(self.model.item(row).text()) for row in range(self.model.rowCount())]


__all__ = ["LibraryPanel", "marked", "row_html", "uses_line"]
