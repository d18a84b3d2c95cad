"""Views made of one text block per item (the editor, the redline): runs of blocks replaced, changes
grouped into edit blocks, a block repainted, the layout finished."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QTimer, SignalInstance
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

# Blocks out of sight that an edit would rewrite may wait: `CHUNK` of them are rewritten at each later
# turn of the event loop, the first `LATER_MS` after the edit is done, so that keys typed meanwhile go first.
CHUNK = 6
LATER_MS = 20


def splice(document: QTextDocument, cursor: QTextCursor, start: int, end: int, count: int,
           write: Callable[[QTextCursor, int], None]) -> None:
    """Blocks [start, end) give way to `count` blocks; `write(cursor, i)` fills the i-th, the cursor in its
    (empty) block. Only a run that replaces at least one block may begin at the first block
    (`runs.text_document_runs`)."""
    if end > start:
        first, last = document.findBlockByNumber(start), document.findBlockByNumber(end - 1)
        if count:
            cursor.setPosition(first.position())
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        else:  # the run goes with the paragraph separator before it; the block before keeps its formats
            before = first.previous()  # (Qt gives it the formats of the last block removed if it is empty)
            formats = before.blockFormat(), before.charFormat()
            cursor.setPosition(first.position() - 1)
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setBlockFormat(formats[0])
            cursor.setBlockCharFormat(formats[1])
    elif count:
        before = document.findBlockByNumber(start - 1)
        cursor.setPosition(before.position() + before.length() - 1)
        cursor.insertBlock()
    for index in range(count):
        if index:
            cursor.insertBlock()
        write(cursor, index)


class EditGroups:
    """Edit blocks for changes to blocks in order: changes to blocks close together share one, changes
    far apart get their own. The document lays out again everything between the first and the last
    change of one edit block, and each edit block costs a round of signals and layout of its own (in a
    long document, about a millisecond however small the change)."""

    GAP = 3  # unchanged blocks between two changes that one edit block may span

    def __init__(self, cursor: QTextCursor) -> None:
        self.cursor = cursor
        self._last: int | None = None

    def at(self, number: int) -> QTextCursor:
        """The cursor to change block `number` with (numbers come in increasing or in decreasing order)."""
        if self._last is None or abs(number - self._last) > self.GAP + 1:
            self.close()
            self.cursor.beginEditBlock()
        self._last = number
        return self.cursor

    def close(self) -> None:
        if self._last is not None:
            self.cursor.endEditBlock()
            self._last = None


def repaint_block(view: QTextEdit, block: QTextBlock) -> None:
    """Repaint the band of a text view's viewport a block takes, margins included, if it is in view."""
    if not block.isValid():
        return
    rect = view.document().documentLayout().blockBoundingRect(block)
    top = int(rect.top()) - view.verticalScrollBar().value()
    viewport = view.viewport()
    if top < viewport.height() and top + rect.height() > 0:
        viewport.update(0, top, viewport.width(), int(rect.height()) + 1)


def finish_layout(document: QTextDocument) -> None:
    """Lay a document out to its end now. Qt lays a long document out bit by bit on a timer after it
    is filled or its width changes, and an edit made before it is through leaves the blocks it had
    not reached without a layout for good (neither painted nor measured): views edited in place
    call this after each whole rendering and each resize."""
    document.documentLayout().blockBoundingRect(document.lastBlock())


Step = tuple[int, Callable[[QTextCursor], None]]  # (block number before any change, the change)


def apply_steps(cursor: QTextCursor, runs: list[Step], refreshes: list[Step]) -> None:
    """Replace runs of blocks and refresh single blocks, in one pass from the end of the document, so
    that each step finds its block at the number it had before any change and changes close together
    share one edit block (`EditGroups`). A run (`splice`) at number n puts its blocks before the block
    that had n, so that block is refreshed first."""
    steps = sorted([(number, 0, step) for number, step in runs] + [(number, 1, step) for number, step in refreshes],
                   key=lambda item: (item[0], item[1]), reverse=True)
    groups = EditGroups(cursor)
    for number, _order, step in steps:
        step(groups.at(number))
    groups.close()


class DeferredRewrites:
    """Calls `slot` `LATER_MS` after the edit in hand is done: `start` arms it, and the wait begins at the
    next turn of the event loop, once the edit's own work has run (a heavy edit takes longer than
    `LATER_MS`: a wait begun inside it would end before it does, and its work left for later would run
    before the keys typed meanwhile)."""

    def __init__(self, owner: QObject, slot: Callable[[], None]) -> None:
        self._wait = QTimer(owner)
        self._wait.setSingleShot(True)
        self._wait.setInterval(LATER_MS)
        self._wait.timeout.connect(slot)
        self._arm = QTimer(owner)
        self._arm.setSingleShot(True)
        self._arm.setInterval(0)
        self._arm.timeout.connect(self._wait.start)

    def start(self) -> None:
        self._wait.stop()
        self._arm.start()

    def stop(self) -> None:
        self._arm.stop()
        self._wait.stop()

    def isActive(self) -> bool:
        return self._arm.isActive() or self._wait.isActive()

    @property
    def timeout(self) -> SignalInstance:
        """Emitted as `slot` is called."""
        return self._wait.timeout


def in_sight(view: QTextEdit, extra: int = 0) -> range:
    """The numbers of the blocks in a text view's viewport, and `extra` more on each side."""
    top = view.cursorForPosition(QPoint(0, 0)).blockNumber()
    bottom = view.cursorForPosition(QPoint(0, view.viewport().height())).blockNumber()
    return range(max(0, top - extra), bottom + extra + 1)
