"""The structured editor: the draft as it reads on paper, where every paragraph is a unit.

Typing inside a block is left to QTextEdit; the block is then read back and sent as one
`SetContent` edit. Keys that change structure (Enter, Backspace at the start, Delete at
the end, Tab, Shift+Tab, Alt+Up/Down, paste of several paragraphs, edits across blocks)
are turned into the edits of `drafter.edits` instead. The editor never changes the
model: it emits `edit_requested`, and redraws what the controller reports as changed:
the blocks whose content changed, or after a change of structure the blocks that differ
from the model's reading order (`blocks.Blocks.update`); labels are painted, not written.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from drafter import edits
from drafter.edits import Document, Edit, Scope
from drafter.edits.paste import is_plain, paste_text
from drafter.model import Content, Text
from ui.editor import layout
from ui.editor.blocks import Blocks
from ui.editor.margin import paint_margin
from ui.scrollbars import quieten
from ui.textblocks import CHUNK, DeferredRewrites, finish_layout, in_sight, repaint_block


def _nothing() -> None:
    pass


class StructuredEditor(QTextEdit):
    edit_requested = Signal(object)  # an Edit for the undo stack
    undo_requested = Signal()
    redo_requested = Signal()
    unit_changed = Signal(str, str)  # key and margin label of the unit under the cursor
    notice = Signal(str)  # something the user should know of an action (a pasted footnote left out)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.changed_keys: set[str] = set()
        self._rendering = False
        self._in_key = False
        self._dirty: set[int] = set()
        self._target: tuple[str, int] | None = None
        self._last_unit: tuple[str, str] = ("", "")
        # called at every key and mouse press, before anything else: the user is at work
        self.on_activity: Callable[[], None] = _nothing
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setAcceptDrops(False)
        self.setObjectName("editor")
        self.document().setDocumentMargin(8)
        self.document().setDefaultFont(layout.serif(12))
        self.blocks = Blocks(self.document())
        quieten(self)
        self._marker = layout.NoteMarker(self._marker_text, self)
        self.document().documentLayout().registerHandler(layout.NOTE_OBJECT, self._marker)
        self.document().contentsChange.connect(self._on_contents_change)
        self.cursorPositionChanged.connect(self._on_cursor)
        # re-indents the blocks out of sight that a change of structure left for later (`Blocks.update`)
        self._later = DeferredRewrites(self, self._catch_up_later)
        self.deferring = True  # False: every block is re-indented at once

    # --- model → view ------------------------------------------------------------------------
    def _marker_text(self, note_id: str) -> str:
        return self.doc.draft.marker(note_id) if self.doc is not None else "?"

    def set_document(self, doc: Document | None) -> None:
        self.doc = doc
        self._target = None
        self.rerender()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def rerender(self) -> None:
        """Lay the whole document out again (another document, or the blocks lost step with the model)."""
        place = self._target or self.cursor_place()
        scroll = self.verticalScrollBar().value()
        self._rendering = True
        try:
            if self.doc is None:
                self.blocks.clear()
            else:
                self.blocks.render(self.doc.draft)
        finally:
            self._rendering = False
        self.viewport().update()
        self.verticalScrollBar().setValue(scroll)
        if place is not None:
            self.place_cursor(*place)
        self._target = None

    def restructure(self) -> None:
        """Rewrite the blocks that differ from the model after a change of structure, footnotes or fields."""
        assert self.doc is not None
        place = self._target or self.cursor_place()
        self._rendering = True
        try:
            relabelled = self.blocks.update(self.doc.draft, self._near())
        finally:
            self._rendering = False
        if self.blocks.waiting:
            self._later.start()
        if relabelled:
            self.viewport().update()
        if place is not None:
            self.place_cursor(*place)
        self._target = None
        self._on_cursor()

    def _near(self) -> range | None:
        """The blocks in the viewport and two more on each side; None when nothing may wait."""
        return in_sight(self, 2) if self.deferring else None

    def _catch_up_later(self, out_of_sight_rewrites: int = CHUNK) -> None:
        """Re-indent some of the blocks out of sight left for later (those in sight first)."""
        if self.doc is None or self._rendering:
            return
        self._rendering = True
        try:
            self.blocks.catch_up(self._near(), out_of_sight_rewrites)
        finally:
            self._rendering = False
        if self.blocks.waiting:
            self._later.start()

    def finish(self) -> None:
        """Re-indent now every block left for later."""
        self._later.stop()
        if self.blocks.waiting:
            self._catch_up_later(len(self.blocks.rows))

    def waiting(self) -> bool:
        """Whether blocks out of sight still wait to be re-indented."""
        return bool(self.blocks.waiting)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scrolled onto blocks left for later: those now in sight are re-indented before they are painted,
        the others left for later still."""
        super().scrollContentsBy(dx, dy)
        if dy and self._later.isActive() and not self._rendering:
            self._later.stop()
            self._catch_up_later(0)  # the rest at the turns that follow

    def on_changed(self, scope: Scope) -> None:
        """The controller applied or reverted an edit."""
        if self.doc is None or scope.side != "draft":
            return
        if scope.structure or scope.notes or scope.fields:
            self.restructure()
            return
        for key in scope.content:
            self._refresh_block(key)
        if self._target is not None:
            self.place_cursor(*self._target)
            self._target = None

    def _refresh_block(self, key: str) -> None:
        assert self.doc is not None
        unit = edits.find(self.doc.draft, key)
        block = self.block_of(key)
        if unit is None or not block.isValid():
            self.rerender()
            return
        self.blocks.typed(key, unit.content)
        if layout.read_content(block) == unit.content:
            return
        place = self.cursor_place()
        self._rendering = True
        try:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            layout.write_content(cursor, layout.kind_of(block), unit.content)
        finally:
            self._rendering = False
        if place is not None and place[0] == key:
            self.place_cursor(*place)

    def set_changed_keys(self, keys: set[str]) -> None:
        """Mark these units as changed against the base (a bar in the margin); repaint the ones that flipped."""
        if keys != self.changed_keys:
            flipped = keys ^ self.changed_keys
            self.changed_keys = keys
            for key in flipped:
                if self.blocks.number(key) >= 0:  # a unit that went (joined, say) has nothing to repaint
                    repaint_block(self, self.block_of(key))

    # --- places ----------------------------------------------------------------------------
    def block_of(self, key: str) -> QTextBlock:
        number = self.blocks.number(key)
        block = self.document().findBlockByNumber(number) if number >= 0 else QTextBlock()
        if block.isValid() and layout.key_of(block) == key:
            return block
        block = self.document().firstBlock()
        while block.isValid():
            if layout.key_of(block) == key:
                return block
            block = block.next()
        return QTextBlock()

    def cursor_place(self) -> tuple[str, int] | None:
        cursor = self.textCursor()
        key = layout.key_of(cursor.block())
        return (key, cursor.positionInBlock()) if key else None

    def place_cursor(self, key: str, offset: int = 0, end: int | None = None) -> bool:
        block = self.block_of(key)
        if not block.isValid():
            return False
        cursor = QTextCursor(block)
        size = block.length() - 1
        cursor.setPosition(block.position() + min(max(offset, 0), size))
        if end is not None:
            cursor.setPosition(block.position() + min(end, size), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def go_to(self, key: str) -> None:
        if self.place_cursor(key, 0):
            self.setFocus()

    def current_key(self) -> str:
        return layout.key_of(self.textCursor().block())

    # --- view → edits ------------------------------------------------------------------------
    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._rendering:
            return
        doc = self.document()
        first = doc.findBlock(position).blockNumber()
        last = doc.findBlock(position + added).blockNumber()
        self._dirty.update(range(first, last + 1))
        if not self._in_key:
            QTimer.singleShot(0, self.flush)

    def flush(self) -> None:
        """Send the blocks typed in since the last flush as edits."""
        if not self._dirty or self.doc is None:
            self._dirty.clear()
            return
        numbers, self._dirty = sorted(self._dirty), set()
        for number in numbers:
            block = self.document().findBlockByNumber(number)
            key = layout.key_of(block)
            if not key:
                continue
            edit = self._content_edit(key, layout.read_content(block))
            if edit is not None:
                self.edit_requested.emit(edit)

    def _content_edit(self, key: str, content: Content) -> Edit | None:
        assert self.doc is not None
        if key.startswith("field:"):
            value = "".join(item.text for item in content if isinstance(item, Text))
            path = layout.field_path(key)
            unchanged = edits.field_value(self.doc.draft, path) == value
            return None if unchanged else edits.SetField(path, value, label="Typing")
        return edits.set_content(self.doc, key, content)

    def request(self, edit: Edit | None, target: tuple[str, int] | None = None) -> bool:
        if edit is None:
            return False
        self.flush()
        self._target = target
        self.edit_requested.emit(edit)
        self._target = None
        return True

    # --- keys ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.on_activity()
        self._in_key = True
        try:
            if not self._handle_key(event):
                self._plain_typing_format(event)
                super().keyPressEvent(event)
        finally:
            self._in_key = False
        self.flush()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.on_activity()
        super().mousePressEvent(event)

    def _plain_typing_format(self, event: QKeyEvent) -> None:
        """Text typed right after a footnote marker or a bracket mark is plain text, not another mark."""
        fmt = self.currentCharFormat()
        if event.text() and (fmt.objectType() == layout.NOTE_OBJECT or layout.is_bracket_format(fmt)):
            self.setCurrentCharFormat(layout.char_format(layout.kind_of(self.textCursor().block())))

    def _handle_key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return True
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            return True
        if self.doc is None:
            return True
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key == Qt.Key.Key_Tab and not mods:
            self.indent_current()
            return True
        if key == Qt.Key.Key_Backtab:
            self.outdent_current()
            return True
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return True
        if event.matches(QKeySequence.StandardKey.Cut) and self._spans():
            self.copy()
            self.delete_selection()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & Qt.KeyboardModifier.ShiftModifier:
            if self.textCursor().hasSelection():
                self.delete_selection()
            self.split_current()
            return True
        if key == Qt.Key.Key_Backspace and not self.textCursor().hasSelection() and self.textCursor().atBlockStart():
            self.join_back()
            return True
        if key == Qt.Key.Key_Delete and not self.textCursor().hasSelection() and self.textCursor().atBlockEnd():
            self.join_forward()
            return True
        if self._spans() and (key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or (event.text().isprintable()
                              and event.text())):
            self.delete_selection()
            return key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        return False

    def _spans(self) -> bool:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return False
        doc = self.document()
        return doc.findBlock(cursor.selectionStart()) != doc.findBlock(cursor.selectionEnd())

    def _text_unit(self) -> tuple[str, int] | None:
        """The body block under the cursor (paragraph or heading) and the offset in it."""
        cursor = self.textCursor()
        if layout.kind_of(cursor.block()) not in layout.TEXT_KINDS:
            return None
        return layout.key_of(cursor.block()), cursor.positionInBlock()

    # --- actions (also used by the menus) --------------------------------------------------------
    def split_current(self) -> None:
        self.flush()
        place = self._text_unit()
        if place is None or self.doc is None:
            self._next_block()
            return
        key, offset = place
        edit = edits.split(self.doc, key, offset)
        new_key = next((e.block.id for e in (edit.edits if edit else []) if isinstance(e, edits.InsertBlock)), key)
        at_start = offset == 0 and edit is not None and len(edit.edits) == 1
        self.request(edit, (key, 0) if at_start else (new_key, 0))

    def _next_block(self) -> None:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        self.setTextCursor(cursor)

    def join_back(self) -> None:
        self.flush()
        place = self._text_unit()
        if place is None or self.doc is None:
            return
        prev = edits.actions.previous_block(self.doc, place[0])
        if prev is None:
            return
        self.request(edits.join(self.doc, place[0]), (prev.id, edits.length(prev.content)))

    def join_forward(self) -> None:
        self.flush()
        place = self._text_unit()
        block = self.textCursor().block().next()
        if place is None or self.doc is None or layout.kind_of(block) not in layout.TEXT_KINDS:
            return
        self.request(edits.join(self.doc, layout.key_of(block)), place)

    def delete_selection(self) -> None:
        self.flush()
        cursor = self.textCursor()
        doc = self.document()
        start, end = doc.findBlock(cursor.selectionStart()), doc.findBlock(cursor.selectionEnd())
        if self.doc is None or not {layout.kind_of(start), layout.kind_of(end)} <= set(layout.TEXT_KINDS):
            QTimer.singleShot(0, lambda: None)
            return
        s_off = cursor.selectionStart() - start.position()
        e_off = cursor.selectionEnd() - end.position()
        edit = edits.delete_range(self.doc, layout.key_of(start), s_off, layout.key_of(end), e_off)
        gone = edit is not None and any(isinstance(step, edits.DeleteBlock) and step.block_id == layout.key_of(start)
                                        for step in edit.edits)
        self.request(edit, (layout.key_of(end), 0) if gone else (layout.key_of(start), s_off))

    def indent_current(self) -> None:
        place = self._text_unit()
        if place is not None and self.doc is not None:
            self.request(edits.indent(self.doc, place[0]), place)

    def outdent_current(self) -> None:
        place = self._text_unit()
        if place is not None and self.doc is not None:
            self.request(edits.outdent(self.doc, place[0]), place)

    def move_current(self, step: int) -> None:
        place = self._text_unit()
        if place is not None and self.doc is not None:
            self.request(edits.move(self.doc, place[0], step), place)

    def toggle_current_kind(self) -> None:
        place = self._text_unit()
        if place is not None and self.doc is not None:
            self.request(edits.toggle_kind(self.doc, place[0]), place)

    def insert_footnote(self, text: str = "") -> None:
        place = self._text_unit()
        if place is None or self.doc is None:
            return
        edit = edits.insert_footnote(self.doc, place[0], place[1], [Text(text)] if text else [])
        inserted = edit.edits[0] if edit is not None else None
        note_id = inserted.note.id if isinstance(inserted, edits.InsertNote) else ""
        self.request(edit, (note_id, len(text)))

    def cite_footnote(self, note_id: str) -> None:
        place = self._text_unit()
        if place is not None and self.doc is not None:
            self.request(edits.cite_footnote(self.doc, place[0], place[1], note_id), (place[0], place[1] + 1))

    def remove_current_footnote(self) -> None:
        """Delete the footnote whose text holds the cursor, or whose marker is just before it."""
        if self.doc is None:
            return
        key = self.current_key()
        if self.doc.draft.footnote(key) is None:
            fmt = self.textCursor().charFormat()
            key = str(fmt.property(layout.P_NOTE)) if fmt.objectType() == layout.NOTE_OBJECT else ""
        if key:
            self.request(edits.remove_footnote(self.doc, key))

    # --- clipboard -------------------------------------------------------------------------------
    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste: one line goes in as typed; more is read as the text reader reads a file (numbered
        paragraphs, wrapped lines, sub-paragraph labels, footnotes) and inserted as paragraphs."""
        text = source.text()
        if not text or self.doc is None:
            return
        self.flush()
        place = self._text_unit()
        if place is not None and not is_plain(text):
            if self.textCursor().hasSelection():
                self.delete_selection()
                place = self._text_unit() or place
            pasted = paste_text(self.doc, place[0], place[1], text)
            for warning in pasted.warnings:
                self.notice.emit(warning)
            if self.request(pasted.edit, pasted.cursor):
                return
        text = text.replace(layout.OBJECT_CHAR, "")
        cursor = self.textCursor()
        cursor.insertText(text if is_plain(text) else " ".join(text.split()),
                          layout.char_format(layout.kind_of(cursor.block())))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    # --- painting --------------------------------------------------------------------------------
    def _on_cursor(self) -> None:
        key = layout.key_of(self.textCursor().block())
        unit = (key, self.blocks.margin(key))
        if unit != self._last_unit:
            self._last_unit = unit
            self.unit_changed.emit(*unit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        finish_layout(self.document())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_margin(self, self.blocks, self.changed_keys)
