"""The outline: PP1…, OP1…, OP1(a)… with their first words, a mark on each changed paragraph and, while the
text is negotiated, a mark of each paragraph's status (◐ agreed ad ref, ✔ agreed; open paragraphs none).

A tree of standard items over the draft's structure (the view lays out and paints several
hundred rows at every change of structure, which is quick when the model answers in C++).
After a change of structure the tree is brought up to date in place from the resolution:
under each node, the runs of children whose keys changed are taken out and put in again,
and other nodes whose label or words changed are retitled (renumbering after an inserted
paragraph changes labels only). Dragging a paragraph onto another place asks for a move
(`move_requested`); the model itself never changes the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from drafter.edits import Where
from drafter.model import Block, CrossHeading, Paragraph, Resolution
from drafter.negotiation_marks import AD_REF, AGREED, status_name
from drafter.parts import OPERATIVE, PREAMBLE, annex_part
from ui.runs import changed_runs, unchanged_positions

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-drafter-block"
PART = Qt.ItemDataRole.UserRole + 1  # the part a row belongs to ("preamble", "annex 1")
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
STATUS_MARKS = {AD_REF: "◐", AGREED: "✔"}  # the mark of a paragraph's status; an open paragraph has none


@dataclass(eq=False)
class Node:
    """What a row shows, and its rows below; `item` is the row in the model."""

    label: str
    text: str
    key: str = ""  # block id; "" for the part nodes
    part: str = ""
    item: QStandardItem = field(default_factory=QStandardItem)
    children: list[Node] = field(default_factory=list)
    content: object = None  # the content list the words were taken from
    status: str = ""  # the paragraph's status while negotiated ("" open, "ad ref", "agreed")

    def row(self) -> int:
        return self.item.row()


def _first_words(text: str, count: int = 7) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _parts(res: Resolution) -> list[tuple[str, str, list[Block]]]:
    parts: list[tuple[str, str, list[Block]]] = [("Preamble", PREAMBLE, res.preamble),
                                                 ("Operative part", OPERATIVE, res.operative)]
    return parts + [(f"Annex {n}", annex_part(n), a.blocks) for n, a in enumerate(res.annexes, 1)]


def _label(block: Block, labels: dict[str, str]) -> str:
    return "—" if isinstance(block, CrossHeading) else labels.get(block.id, "¶")


def _children(block: Block) -> list[Paragraph]:
    return block.children if isinstance(block, Paragraph) else []


def _status(block: Block) -> str:
    return block.status if isinstance(block, Paragraph) else ""


class OutlineModel(QStandardItemModel):
    move_requested = Signal(str, object)  # block id, Where

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root = Node("", "", item=self.invisibleRootItem())
        self.root.item.setFlags(Qt.ItemFlag.ItemIsDropEnabled)
        self.setColumnCount(1)  # rows put in later must not bring the first column along
        self.changed: set[str] = set()
        self.by_key: dict[str, Node] = {}
        # QStandardItem is no QObject: when Qt deletes the model and its items, the Python wrappers the
        # nodes hold would stay registered at addresses Qt then reuses (a new QTextDocument came back as a
        # stale QStandardItem). Dropping the nodes with the model drops the wrappers with it.
        state = self.__dict__
        self.destroyed.connect(lambda *_: state.clear())

    # --- building ------------------------------------------------------------------------------
    def set_resolution(self, res: Resolution | None) -> None:
        """Show another resolution: the whole tree anew."""
        self.removeRows(0, self.rowCount())
        self.root.children = []
        self.changed = set()
        if res is not None:
            labels = res.labels()
            parts = [self._part(title, part, blocks, labels) for title, part, blocks in _parts(res)]
            self._splice(self.root, 0, 0, parts)
        self._index_keys()

    def update_resolution(self, res: Resolution) -> None:
        """The structure of the shown resolution changed: bring the tree up to date in place."""
        labels = res.labels()
        parts = _parts(res)
        runs = changed_runs([node.part for node in self.root.children], [part for _title, part, _blocks in parts])
        for start, end, first, last in reversed(runs):
            self._splice(self.root, start, end, [self._part(title, part, blocks, labels)
                                                 for title, part, blocks in parts[first:last]])
        for number, _before in unchanged_positions(runs, len(parts)):
            _title, part, blocks = parts[number]
            self._sync(self.root.children[number], blocks, part, labels)
        self._index_keys()

    def _part(self, title: str, part: str, blocks: list[Block], labels: dict[str, str]) -> Node:
        node = Node(title, "", "", part)
        self._new_row(node)
        self._adopt(node, [self._node_of(block, part, labels) for block in blocks])
        return node

    def _node_of(self, block: Block, part: str, labels: dict[str, str]) -> Node:
        node = Node(_label(block, labels), _first_words(block.text), block.id, part, content=block.content,
                    status=_status(block))
        self._new_row(node)
        self._adopt(node, [self._node_of(child, part, labels) for child in _children(block)])
        return node

    @staticmethod
    def _adopt(node: Node, children: list[Node]) -> None:
        """Rows below a row not yet in the model (no signals)."""
        node.children = children
        if children:
            node.item.appendRows([child.item for child in children])

    def _new_row(self, node: Node) -> None:
        """The row of a node not yet in the model."""
        item = node.item
        item.setData(node.key, Qt.ItemDataRole.UserRole)
        item.setData(node.part, PART)
        item.setFlags(_FLAGS | Qt.ItemFlag.ItemIsDragEnabled if node.key else _FLAGS)
        item.setColumnCount(1)  # rows put in later must not bring the first column along
        self._show(node)

    def _show(self, node: Node) -> None:
        """The text and the tip of a node's row."""
        mark = "● " if node.key in self.changed else ""
        status = f"{STATUS_MARKS[node.status]} " if node.status in STATUS_MARKS else ""
        node.item.setText(f"{mark}{status}{node.label}  {node.text}".rstrip() if node.key else node.label)
        notes = (["changed against the base"] if mark else []) + ([status_name(node.status)] if status else [])
        node.item.setToolTip(f"{node.label}: {', '.join(notes)}" if notes else node.label)

    def _splice(self, node: Node, start: int, end: int, fresh: list[Node]) -> None:
        """Children [start, end) of `node` give way to the `fresh` nodes."""
        if end > start:
            node.item.removeRows(start, end - start)
            del node.children[start:end]
        if fresh:
            node.item.insertRows(start, [child.item for child in fresh])
            node.children[start:start] = fresh

    def _sync(self, node: Node, blocks: list[Block] | list[Paragraph], part: str, labels: dict[str, str]) -> None:
        """Make the children of `node` show `blocks`, keeping the nodes whose block stays."""
        runs = changed_runs([child.key for child in node.children], [block.id for block in blocks])
        for start, end, first, last in reversed(runs):
            self._splice(node, start, end, [self._node_of(block, part, labels) for block in blocks[first:last]])
        for number, _before in unchanged_positions(runs, len(blocks)):
            child, block = node.children[number], blocks[number]
            label = _label(block, labels)
            text = child.text if child.content is block.content else _first_words(block.text)
            child.content = block.content
            if (label, text, _status(block)) != (child.label, child.text, child.status):
                child.label, child.text, child.status = label, text, _status(block)
                self._show(child)
            children = _children(block)
            if children or child.children:
                self._sync(child, children, part, labels)

    def _index_keys(self) -> None:
        self.by_key = {}
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            if node.key:
                self.by_key[node.key] = node
            stack.extend(node.children)

    def update_text(self, key: str, text: str) -> None:
        node = self.by_key.get(key)
        if node is not None and _first_words(text) != node.text:
            node.text = _first_words(text)
            self._show(node)

    def set_changed(self, keys: set[str]) -> None:
        if keys == self.changed:
            return
        flipped = keys ^ self.changed
        self.changed = set(keys)
        for key in flipped:
            node = self.by_key.get(key)
            if node is not None:
                self._show(node)

    # --- drag and drop --------------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        keys = [str(key) for key in (i.data(Qt.ItemDataRole.UserRole) for i in indexes if i.isValid()) if key]
        data.setData(MIME, QByteArray(keys[0].encode("utf-8") if keys else b""))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return data.hasFormat(MIME) and parent.isValid()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        key = bytes(data.data(MIME).data()).decode("utf-8")
        part, target = str(parent.data(PART) or ""), str(parent.data(Qt.ItemDataRole.UserRole) or "")
        if not key or not part:
            return False
        index = row if row >= 0 else self.rowCount(parent)
        self.move_requested.emit(key, Where(part, target or None, index))
        return False  # the document changes through the undo stack, and the outline follows


class OutlineView(QTreeView):
    jump_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline = OutlineModel(self)
        self.setModel(self.outline)
        self.setHeaderHidden(True)
        self.setObjectName("outline")
        self.setAccessibleName(self.tr("Outline of the draft"))
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setUniformRowHeights(True)
        self.clicked.connect(self._jump)
        self.activated.connect(self._jump)
        self.outline.rowsInserted.connect(self._expand_inserted)

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            index = self.outline.index(row, 0, parent)
            if self.outline.rowCount(index):
                self.expandRecursively(index)

    def _jump(self, index: QModelIndex) -> None:
        key = self.outline.data(index, Qt.ItemDataRole.UserRole)
        if key:
            self.jump_requested.emit(str(key))

    def select_key(self, key: str) -> None:
        node = self.outline.by_key.get(key)
        if node is not None:
            index = node.item.index()
            self.setCurrentIndex(index)
            self.scrollTo(index)
