"""The Proposals panel: each paragraph of the draft with the delegations' proposals on it, in redline.

A tree: a paragraph's row (its label in the draft, and in the text the proposals were made on where that
numbered it otherwise), and under it a row per proposal, or per conflict with the competing proposals side
by side, one column each. A filter by delegation and "Open only" narrow it. Take, Drop and Edit by hand
act on the proposal that has the keyboard's cell; while the tree has the focus, Ctrl+Enter takes it,
Delete drops it, Enter goes to its paragraph in the editor, Left and Right go from one competing proposal
to the other.

The panel only shows and asks: `ui.proposals_ui` changes the document.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.negotiate.proposals import DROPPED, OPEN, TAKEN
from ui.proposals_rows import GONE, Cell, Group

HTML_ROLE = Qt.ItemDataRole.UserRole + 11  # the cell's rich text, for the delegate
ID_ROLE = Qt.ItemDataRole.UserRole + 12  # the proposal's id ("" on a paragraph's row)
KEY_ROLE = Qt.ItemDataRole.UserRole + 13  # the draft's paragraph id the row is under
BAR_ROLE = Qt.ItemDataRole.UserRole + 14  # the colour of the bar at the cell's left: conflict, taken, dropped
BARS = {"conflict": "#e08a00", TAKEN: "#2e7d32", DROPPED: "#9e9e9e"}
Index = QModelIndex | QPersistentModelIndex
TAKE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
DROP_KEYS = ("Delete",)
EDIT_KEYS = ("Return", "Enter")
_PAD = 4


class _RichText(QStyledItemDelegate):
    """Draws a cell's rich text, wrapped to the cell's width (a paragraph's row: to the whole row)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        self._heights: dict[tuple[str, int], int] = {}  # (rich text, width) -> height: rows are laid out often

    def _document(self, html: str, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(self.tree.font())
        document.setHtml(html)
        document.setTextWidth(max(width - 2 * _PAD, 40))
        return document

    def _width(self, index: Index) -> int:
        """The width the cell's text has: its column's (a spanned row: the whole row's), the first column
        less the indentation of its level."""
        tree = self.tree
        depth = 1 if index.parent().isValid() else 0
        indent = tree.indentation() * (depth + (1 if tree.rootIsDecorated() else 0)) if index.column() == 0 else 0
        if tree.isFirstColumnSpanned(index.row(), index.parent()):
            return tree.viewport().width() - indent
        return tree.columnWidth(index.column()) - indent

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if not index.data(HTML_ROLE):
            return super().sizeHint(option, index)
        width, html = self._width(index), str(index.data(HTML_ROLE))
        height = self._heights.get((html, width))
        if height is None:
            if len(self._heights) > 20_000:
                self._heights.clear()
            height = self._heights[(html, width)] = int(self._document(html, width).size().height()) + 2 * _PAD
        return QSize(max(width, 40), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not index.data(HTML_ROLE):
            super().paint(painter, option, index)
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        style = self.tree.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, self.tree)
        document = self._document(str(index.data(HTML_ROLE)), view.rect.width())
        bar = index.data(BAR_ROLE)
        if bar:
            painter.fillRect(view.rect.left(), view.rect.top() + 2, 3, view.rect.height() - 4, QColor(str(bar)))
        painter.save()
        painter.translate(view.rect.left() + _PAD, view.rect.top() + _PAD)
        painter.setClipRect(0, 0, view.rect.width() - _PAD, view.rect.height() - _PAD)
        document.drawContents(painter)
        painter.restore()


class _Tree(QTreeWidget):
    """Rows wrap anew whenever the columns get another width (a resize, another number of columns)."""

    def __init__(self) -> None:
        super().__init__()
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.doItemsLayout)
        self.header().sectionResized.connect(lambda *_args: self._relayout.start())
        palette = self.palette()  # the cell with the keyboard in a light blue, the redline's colours readable
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#cfe2f7"))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
        self.setPalette(palette)

    def fit_columns(self) -> None:
        """The columns share the width of the view equally (competing proposals side by side)."""
        count, width = self.columnCount(), self.viewport().width()
        for column in range(count):
            share = width // count if column < count - 1 else width - (count - 1) * (width // count)
            if self.columnWidth(column) != share:
                self.setColumnWidth(column, share)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
        self._relayout.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left and Right go from one competing proposal to the other, where a row holds several."""
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        index = self.currentIndex()
        if step is not None and index.parent().isValid() and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            beside = index.siblingAtColumn(index.column() + step)
            if beside.isValid() and beside.data(ID_ROLE):
                self.setCurrentIndex(beside)
                return
            if index.siblingAtColumn(index.column() - step).data(ID_ROLE):
                return  # at the end of a row of competing proposals: stay
        super().keyPressEvent(event)


class ProposalsPanel(QWidget):
    take_requested = Signal(str)  # a proposal's id
    drop_requested = Signal(str)
    edit_requested = Signal(str, str)  # a proposal's id ("" for a paragraph's row), the draft's paragraph id
    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposals-panel")
        self.authors = QComboBox()
        self.authors.setAccessibleName(self.tr("Show the proposals of"))
        self.authors.addItem(self.tr("All delegations"), "")
        self.authors.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.authors.setMinimumContentsLength(12)
        self.open_only = QCheckBox(self.tr("&Open only"))
        self.open_only.setToolTip(self.tr("Hide the proposals taken or dropped"))
        self.counts = QLabel("")
        self._shape: list[tuple[str, list[list[str]]]] = []  # each paragraph shown, and its proposals' ids
        self.tree = _Tree()
        self.tree.setObjectName("proposals-tree")
        self.tree.setAccessibleName(self.tr("Proposals, paragraph by paragraph"))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setItemDelegate(_RichText(self.tree))
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setMinimumSectionSize(60)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # widths stay as they are
        self.tree.setMinimumWidth(240)
        self.take_button = QPushButton(self.tr("&Take"))
        self.drop_button = QPushButton(self.tr("Dro&p"))
        self.edit_button = QPushButton(self.tr("Edit by &hand"))
        for button, what, keys in ((self.take_button, self.tr("Take the proposal into the draft"), TAKE_KEYS[0]),
                                   (self.drop_button, self.tr("Drop the proposal"), DROP_KEYS[0]),
                                   (self.edit_button, self.tr("Go to its paragraph in the editor"), EDIT_KEYS[0])):
            button.setToolTip(f"{what} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Delegation:")))
        top.addWidget(self.authors, 1)
        top.addWidget(self.open_only)
        buttons = QHBoxLayout()
        for button in (self.take_button, self.drop_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.counts)
        self.take_button.clicked.connect(self.take_current)
        self.drop_button.clicked.connect(self.drop_current)
        self.edit_button.clicked.connect(self.edit_current)
        self.tree.itemActivated.connect(lambda _item, _column: self.edit_current())
        self.tree.currentItemChanged.connect(lambda *_args: self._enable())
        self.tree.selectionModel().currentChanged.connect(lambda *_args: self._enable())
        self.authors.currentIndexChanged.connect(lambda _index: self.filter_changed.emit())
        self.open_only.toggled.connect(lambda _on: self.filter_changed.emit())
        self._keys(TAKE_KEYS, self.take_current, self.tr("Take"))
        self._keys(DROP_KEYS, self.drop_current, self.tr("Drop"))
        self._keys(EDIT_KEYS, self.edit_current, self.tr("Edit by hand"))
        QWidget.setTabOrder(self.authors, self.open_only)
        QWidget.setTabOrder(self.open_only, self.tree)
        self._enable()

    def _keys(self, keys: tuple[str, ...], slot: object, title: str) -> None:
        """Shortcuts that act while the tree has the focus."""
        action = QAction(title, self.tree)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.tree.addAction(action)

    # --- what is shown ------------------------------------------------------------------------------
    def author(self) -> str | None:
        return str(self.authors.currentData() or "") or None

    def set_authors(self, names: list[str]) -> None:
        chosen = self.author()
        self.authors.blockSignals(True)
        self.authors.clear()
        self.authors.addItem(self.tr("All delegations"), "")
        for name in names:
            self.authors.addItem(name, name)
        self.authors.setCurrentIndex(max(self.authors.findData(chosen or ""), 0))
        self.authors.blockSignals(False)

    def show_groups(self, groups: list[Group], counts: str) -> None:
        """Show the groups, keeping the proposal (or paragraph) that had the keyboard's cell, the paragraphs
        collapsed, and the scroll."""
        shape = [(group.key, [[cell.received.id for cell in slot] for slot in group.slots]) for group in groups]
        self.counts.setText(counts)
        if shape == self._shape:  # the same rows (typing in the draft, say): only what they read changes
            self._update(groups)
            return
        self._shape = shape
        here = self.current()
        scrolled = self.tree.verticalScrollBar().value()
        collapsed = {str(top.data(0, KEY_ROLE)) for top, _rows in self._groups() if not top.isExpanded()}
        self.tree.clear()
        width = max([len(slot) for group in groups for slot in group.slots] + [1])
        self.tree.setColumnCount(width)
        self.tree.fit_columns()
        tops, spanned = [], []
        for group in groups:  # built apart from the tree, and added at once: the tree is laid out once
            top = QTreeWidgetItem()
            self._heading(top, group)
            spanned.append(top)
            for slot in group.slots:
                row = QTreeWidgetItem(top)
                for column, cell in enumerate(slot):
                    self._cell(row, column, cell, group.key)
                if len(slot) == 1:
                    spanned.append(row)
            tops.append(top)
        self.tree.addTopLevelItems(tops)
        for item in spanned:  # while the paragraphs are collapsed, spanning lays out their rows only
            item.setFirstColumnSpanned(True)
        self.tree.expandAll()
        for top in tops:
            if str(top.data(0, KEY_ROLE)) in collapsed:
                top.setExpanded(False)
        self.tree.doItemsLayout()  # the heights of the rows at the columns' new widths
        self.tree.verticalScrollBar().setValue(scrolled)
        self.choose(*here)
        self._enable()

    def _update(self, groups: list[Group]) -> None:
        """What the rows read, in place (the rows are the same proposals as shown)."""
        for (top, rows), group in zip(self._groups(), groups, strict=True):
            self._heading(top, group)
            for row, slot in zip(rows, group.slots, strict=True):
                for column, cell in enumerate(slot):
                    self._cell(row, column, cell, group.key)
        self.tree.doItemsLayout()
        self._enable()

    def _heading(self, top: QTreeWidgetItem, group: Group) -> None:
        title = f'<b>{escape(group.label)}</b>&nbsp; <span style="color:#555555">{escape(group.text)}</span>'
        if group.key == GONE:
            title = f"<b>{escape(group.label)}</b>: {escape(group.text)}"
        self._fill(top, 0, title, f"{group.label}: {group.text}", "", group.key)

    def _cell(self, row: QTreeWidgetItem, column: int, cell: Cell, key: str) -> None:
        self._fill(row, column, cell.html, cell.plain, cell.received.id, key)
        row.setToolTip(column, self._tip(cell))
        bar = BARS.get(cell.received.state) or (BARS["conflict"] if cell.conflict else "")
        if row.data(column, BAR_ROLE) != bar:
            row.setData(column, BAR_ROLE, bar)

    @staticmethod
    def _fill(item: QTreeWidgetItem, column: int, html: str, plain: str, proposal: str, key: str) -> None:
        for role, value in ((HTML_ROLE, html), (Qt.ItemDataRole.DisplayRole, plain),
                            (Qt.ItemDataRole.AccessibleTextRole, plain), (ID_ROLE, proposal), (KEY_ROLE, key)):
            if item.data(column, role) != value:  # what did not change is not drawn again
                item.setData(column, role, value)

    def _tip(self, cell: Cell) -> str:
        state = {OPEN: self.tr("open"), TAKEN: self.tr("taken"), DROPPED: self.tr("dropped")}[cell.received.state]
        return f"{cell.received.id} · {cell.received.author} · {state}"

    # --- the keyboard's cell ----------------------------------------------------------------------------
    def current(self) -> tuple[str, str]:
        """(proposal id or "", draft paragraph id) of the cell that has the keyboard."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return "", ""
        return str(index.data(ID_ROLE) or ""), str(index.data(KEY_ROLE) or "")

    def _groups(self) -> list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]]:
        """Each paragraph's row with the rows of proposals under it."""
        out = []
        for top in filter(None, map(self.tree.topLevelItem, range(self.tree.topLevelItemCount()))):
            out.append((top, [child for child in map(top.child, range(top.childCount())) if child is not None]))
        return out

    def choose(self, proposal: str, key: str = "") -> bool:
        """Give the keyboard's cell to a proposal (or, failing that, to the paragraph `key`)."""
        fallback: QModelIndex | None = None
        for top, rows in self._groups():
            if key and top.data(0, KEY_ROLE) == key and fallback is None:
                fallback = self.tree.indexFromItem(top, 0)
            for row in rows:
                for column in range(self.tree.columnCount()):
                    if proposal and row.data(column, ID_ROLE) == proposal:
                        self.tree.setCurrentIndex(self.tree.indexFromItem(row, column))
                        return True
        if fallback is not None:
            self.tree.setCurrentIndex(fallback)
        return False

    def proposal_ids(self) -> list[list[str]]:
        """The proposals shown, row by row (side by side in one row where they conflict)."""
        return [[str(row.data(c, ID_ROLE)) for c in range(self.tree.columnCount()) if row.data(c, ID_ROLE)]
                for _top, rows in self._groups() for row in rows]

    def _enable(self) -> None:
        proposal, key = self.current()
        self.take_button.setEnabled(bool(proposal))
        self.drop_button.setEnabled(bool(proposal))
        self.edit_button.setEnabled(bool(key) and key != GONE)

    def take_current(self) -> None:
        proposal, _key = self.current()
        if proposal:
            self.take_requested.emit(proposal)

    def drop_current(self) -> None:
        proposal, _key = self.current()
        if proposal:
            self.drop_requested.emit(proposal)

    def edit_current(self) -> None:
        proposal, key = self.current()
        if key and key != GONE:
            self.edit_requested.emit(proposal, key)


__all__ = ["DROP_KEYS", "EDIT_KEYS", "HTML_ROLE", "ID_ROLE", "KEY_ROLE", "TAKE_KEYS", "ProposalsPanel"]
