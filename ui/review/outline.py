"""The outline: PP1…, OP1…, OP1(a)… with their first words and a mark on each changed paragraph.

A thin tree model over the draft's structure. Dragging a paragraph onto another place
asks for a move (`move_requested`); the model itself never changes the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from drafter.edits import Where
from drafter.model import Block, CrossHeading, Paragraph, Resolution

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-drafter-block"


@dataclass(eq=False)
class Node:
    label: str
    text: str
    key: str = ""  # block id; "" for the part nodes
    part: str = ""
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


def _first_words(text: str, count: int = 7) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


class OutlineModel(QAbstractItemModel):
    move_requested = Signal(str, object)  # block id, Where

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root = Node("", "")
        self.changed: set[str] = set()
        self.by_key: dict[str, Node] = {}

    # --- building ------------------------------------------------------------------------------
    def set_resolution(self, res: Resolution | None) -> None:
        self.beginResetModel()
        self.root = Node("", "")
        self.by_key = {}
        if res is not None:
            labels = res.labels()
            parts: list[tuple[str, str, list[Block]]] = [("Preamble", "preamble", res.preamble),
                                                         ("Operative part", "operative", res.operative)]
            parts += [(f"Annex {n}", f"annex {n}", a.blocks) for n, a in enumerate(res.annexes, 1)]
            for title, part, blocks in parts:
                node = Node(title, "", "", part, self.root)
                self.root.children.append(node)
                self._add(node, part, blocks, labels)
        self.endResetModel()

    def _add(self, parent: Node, part: str, blocks: list[Block] | list[Paragraph], labels: dict[str, str]) -> None:
        for block in blocks:
            label = "—" if isinstance(block, CrossHeading) else labels.get(block.id, "¶")
            node = Node(label, _first_words(block.text), block.id, part, parent)
            parent.children.append(node)
            self.by_key[block.id] = node
            if isinstance(block, Paragraph):
                self._add(node, part, block.children, labels)

    def update_text(self, key: str, text: str) -> None:
        node = self.by_key.get(key)
        if node is None:
            return
        words = _first_words(text)
        if words != node.text:
            node.text = words
            index = self.createIndex(node.row(), 0, node)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def set_changed(self, keys: set[str]) -> None:
        if keys == self.changed:
            return
        flipped = keys ^ self.changed
        self.changed = set(keys)
        for key in flipped:
            node = self.by_key.get(key)
            if node is not None:
                index = self.createIndex(node.row(), 0, node)
                self.dataChanged.emit(index, index)

    # --- the model -------------------------------------------------------------------------------
    def _node(self, index: Index) -> Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, Node):
                return node
        return self.root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        up = node.parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row(), 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        mark = "● " if node.key in self.changed else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{mark}{node.label}  {node.text}".rstrip() if node.key else node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node.label}: changed against the base" if mark else node.label
        if role == Qt.ItemDataRole.UserRole:
            return node.key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if self._node(index).key:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    # --- drag and drop --------------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        keys = [self._node(i).key for i in indexes if i.isValid() and self._node(i).key]
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
        target = self._node(parent)
        if not key or not target.part:
            return False
        index = row if row >= 0 else len(target.children)
        self.move_requested.emit(key, Where(target.part, target.key or None, index))
        return False  # the document changes through the undo stack, and the model is rebuilt


class OutlineView(QTreeView):
    jump_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline = OutlineModel(self)
        self.setModel(self.outline)
        self.setHeaderHidden(True)
        self.setObjectName("outline")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setUniformRowHeights(True)
        self.clicked.connect(self._jump)
        self.activated.connect(self._jump)
        self.outline.modelReset.connect(self.expandAll)

    def _jump(self, index: QModelIndex) -> None:
        key = self.outline.data(index, Qt.ItemDataRole.UserRole)
        if key:
            self.jump_requested.emit(str(key))

    def select_key(self, key: str) -> None:
        node = self.outline.by_key.get(key)
        if node is not None:
            index = self.outline.createIndex(node.row(), 0, node)
            self.setCurrentIndex(index)
            self.scrollTo(index)
