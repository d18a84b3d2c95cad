"""The tracked differences drawn from a change list: inline redline or side by side.

Marks read in black and white as well as in colour: inserted text is bold and underlined
(blue), deleted text struck through (red), technical updates and renumbering dotted and
light; the margin names the paragraph and its kind (⇅ moved, + inserted, − deleted).
Each record of the change list is one block (redline) or one table row (side by side).

A view remembers what each block or row shows (`Look`) and, given a new change list,
rewrites only the records whose look changed: the run of records between the first and
the last place where the order of records differs is replaced, other records are rewritten
one by one. In the redline the margin (mark and label) is painted, not written, so the
renumbering that follows an inserted paragraph rewrites nothing. A view that is not
visible draws nothing; it catches up when it is shown.

Rewriting a block lays its text out again, a millisecond for a long paragraph. When an
edit rewrites many records (it re-indents a paragraph with many sub-paragraphs, say), the
redline rewrites those in sight at once and the others a few at a time at later turns of
the event loop (`CHUNK`, `LATER_MS`), so that a keystroke never waits for text nobody sees;
until then those blocks show what they showed before.
"""

from __future__ import annotations

import math
from functools import partial

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from drafter.compare import kinds
from drafter.compare.changes import Change, ChangeList
from drafter.labels import SUB_LEVELS
from drafter.tracking.live import Key, record_key
from ui.editor.layout import serif
from ui.review.marks import (
    MARGIN_COLOUR,
    MARKS,
    Look,
    char_format,
    depth_of,
    label_of,
    lead_of,
    margin_font,
    margin_format,
    marked_runs,
    note_of,
    number_of,
    write_ops,
)
from ui.review.table import HEADER_ROWS, ChangeTable
from ui.runs import Run, changed_runs, text_document_runs, unchanged_positions
from ui.scrollbars import quieten
from ui.textblocks import CHUNK, DeferredRewrites, EditGroups, Step, apply_steps, finish_layout, in_sight, splice

_GUTTER = 76  # the redline's margin, left of each record's text
_TAB = 80  # the margin label ends at the next multiple of this, as a tab stop would put it
_WIDEST = 2 * _TAB  # a longer label (a split into several paragraphs) is cut short
_NUMBER = 30  # room before a paragraph's text for its number or letter, painted there


class ReviewView(QTextEdit):
    """A read-only view of a change list: `mode` "redline" (one block per record) or "side" (a table)."""

    def __init__(self, mode: str = "redline", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        quieten(self)
        self.setObjectName(f"review-{mode}")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.changes: ChangeList | None = None
        self.hidden: set[str] = set()
        self._rows: dict[str, int] | None = {}  # block id → record number, made when first asked for
        self.looks: list[Look] = []  # what each drawn record shows
        self._records: list[Change | None] = []  # the records the looks were made of (None: left for later)
        self._waiting: dict[int, Look] = {}  # record number → its look, for the blocks left for later
        self._hidden_drawn: set[str] = set()
        self._first = 0  # blocks or rows before the first record
        self.stale = False  # the change list moved on while this view was hidden
        self.wanted = 0  # the revision of the document whose change list the view was given
        self.drawn = 0  # the revision whose change list it showed when it last drew
        self.base_name = "Base"
        self.draft_name = "Draft"
        self._metrics = QFontMetricsF(margin_font())
        self._number_font = serif(12.0)
        self._margin_font = margin_font()
        self._gutters: dict[str, int] = {}  # margin text → the width it takes, to the next tab stop
        self._later = DeferredRewrites(self, self._catch_up_later)  # rewrites the blocks left for later
        self.deferring = True  # False: every block is rewritten at once
        self._out_of_sight_rewrites = 0  # blocks out of sight that this update rewrites
        self._drawing = False  # an update is under way (its edits may scroll the view)

    @property
    def rows(self) -> dict[str, int]:
        """Block id → the number of the record that shows it."""
        if self._rows is None:
            self._rows = {}
            if self.changes is not None:
                for number, record in enumerate(self.changes.records):
                    for block_id in (*record.new_ids, *record.old_ids):
                        self._rows.setdefault(block_id, number)
        return self._rows

    def _shown(self, record: Change) -> bool:
        return record.kind != kinds.UNCHANGED and record.kind not in self.hidden

    # --- what a record looks like -------------------------------------------------------------------
    def _look(self, record: Change) -> Look:
        shown = self._shown(record)
        mark = MARKS.get(record.kind, " ") if shown else " "
        label = label_of(record)
        ops = tuple(record.ops)
        if self.mode == "redline":
            margin = f"{mark} {label}"
            gutter = self._gutters.get(margin)
            if gutter is None:
                width = self._metrics.horizontalAdvance(margin.ljust(14))
                gutter = self._gutters[margin] = min(_WIDEST, max(_TAB, math.ceil((width + 1) / _TAB) * _TAB))
            number = number_of(record)
            return Look(record_key(record), (mark, label, number), (depth_of(label), gutter, bool(number)),
                        (ops, shown, note_of(record) if shown else "", lead_of(record)))
        was = record.old_label if record.old_label and record.new_label and record.old_label != record.new_label else ""
        left = bool(record.old_ids or record.front_field)
        right = bool(record.new_ids or record.front_field)
        return Look(record_key(record), (mark, label, was), (), (ops, shown, left, right))

    # --- showing a change list ------------------------------------------------------------------------
    def show_changes(self, changes: ChangeList, hidden: set[str] | None = None, revision: int = 0) -> None:
        """Show a change list (of document revision `revision`), rewriting what differs from the one shown;
        a hidden view waits until shown."""
        self.changes = changes
        self.hidden = set(hidden or ())
        self.wanted = revision
        self._rows = None
        self.stale = True
        if self.isVisible():
            self._catch_up()

    def shows(self, revision: int) -> bool:
        """Whether the view shows the change list of `revision` in full (a hidden view shows nothing: it
        catches up when it is shown)."""
        return not self.isVisible() or (self.drawn == revision and not self.stale and not self._later.isActive())

    def reset(self) -> None:
        """Another document: the next change list is drawn anew, from the top."""
        self.changes = None
        self.looks = []
        self._records = []
        self._waiting = {}
        self._rows = {}
        self.stale = False
        self._first = 0
        self.document().clear()

    def update_records(self, changes: ChangeList, keys: tuple[Key, ...], revision: int) -> None:
        """Show `changes`, in which only the records of these keys differ from the change list shown
        (their number and order did not change); anything else is drawn as `show_changes` does."""
        if not keys and changes is not self.changes and self.shows(self.wanted) and self.isVisible() \
                and len(self._records) == len(changes.records):
            # the same records anew (the pause's comparison found what the quick path had): taken, not redrawn
            self.changes, self._records, self._rows = changes, list(changes.records), None
            self.wanted = self.drawn = revision
            return
        if changes is not self.changes or self.stale or not self.isVisible() \
                or len(self.looks) != len(changes.records):
            self.show_changes(changes, self.hidden, revision)
            return
        self.wanted = revision
        wanted = set(keys)
        numbers = [number for number, look in enumerate(self.looks) if look.key in wanted]
        for number in numbers:  # rewritten now if left for later
            self._waiting.pop(number, None)
        margins = []
        groups = EditGroups(QTextCursor(self.document()))
        self._drawing = True
        try:
            for number in sorted(numbers):
                before = self.looks[number]
                self._records[number] = record = self.changes.records[number]
                self.looks[number] = self._look(record)
                if not self._redraw(groups, number, before) and before.margin != self.looks[number].margin:
                    margins.append(number)
            groups.close()
        finally:
            self._drawing = False
        self.drawn = revision
        self._repaint_margins(margins)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.mode == "side" and self._first:  # the table is there
            self.table.fit(self.viewport().width())
        finish_layout(self.document())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale and self.changes is not None:
            self._catch_up()

    def _catch_up_later(self, out_of_sight_rewrites: int = CHUNK) -> None:
        """Rewrite the blocks left for later that are in sight, and `out_of_sight_rewrites` more."""
        if self.changes is not None and not self.isVisible():
            self.stale = True  # hidden meanwhile: drawn when shown again
        elif self._waiting and not self.stale and self.drawn == self.wanted:
            self._rewrite_waiting(out_of_sight_rewrites)
        elif self.changes is not None:
            self._out_of_sight_rewrites = out_of_sight_rewrites
            try:
                self._catch_up()
            finally:
                self._out_of_sight_rewrites = 0

    def _rewrite_waiting(self, out_of_sight: int) -> None:
        """Rewrite the blocks left for later that are in sight, and `out_of_sight` more, looking at them
        alone: the change list is still the one they were left in."""
        assert self.changes is not None
        near = in_sight(self, 2)
        steps: list[Step] = []
        for number in sorted(self._waiting):
            block_number = number + self._first
            if block_number not in near:
                if not out_of_sight:
                    continue
                out_of_sight -= 1
            before, self.looks[number] = self.looks[number], self._waiting.pop(number)
            self._records[number] = self.changes.records[number]
            steps.append((block_number, partial(self._rewrite_block, number, block_number, before)))
        self._drawing = True
        try:
            apply_steps(QTextCursor(self.document()), [], steps)
        finally:
            self._drawing = False
        if self._waiting:
            self._later.start()

    def finish(self) -> None:
        """Rewrite now the blocks left for later."""
        self._later.stop()
        deferring, self.deferring = self.deferring, False
        try:
            if self.changes is not None and self.isVisible():
                self._catch_up()
        finally:
            self.deferring = deferring

    def _catch_up(self) -> None:
        self._drawing = True
        try:
            self._draw_changes()
        finally:
            self._drawing = False
        self.drawn = self.wanted

    def _draw_changes(self) -> None:
        assert self.changes is not None
        records = self.changes.records
        known = {id(record): (record, look) for record, look in zip(self._records, self.looks, strict=True)
                 if record is not None} if self.hidden == self._hidden_drawn else {}
        looks = [found[1] if (found := known.get(id(record))) is not None and found[0] is record
                 else self._look(record) for record in records]  # the look drawn for this very record, else anew
        self._records, self._hidden_drawn = list(records), set(self.hidden)
        if self.looks and looks and self._drawn() == len(self.looks):
            self._update(looks)
        else:
            self._render_all(looks)
        self.stale = False

    def _drawn(self) -> int:
        """The records the document holds."""
        return self.document().blockCount() if self.mode == "redline" else self.table.rows()

    def _render_all(self, looks: list[Look]) -> None:
        """Draw the whole change list; the view keeps its place unless it showed nothing before."""
        assert self.changes is not None
        fresh = not self.looks
        self._waiting = {}
        scroll = self.verticalScrollBar().value()
        document = self.document()
        document.clear()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        self.looks = looks
        if self.mode == "redline":
            self._first = 0
            for number, record in enumerate(self.changes.records):
                if number:
                    cursor.insertBlock()
                self._write_block(cursor, record, looks[number])
        else:
            self.table = ChangeTable(cursor, len(looks), (self.base_name, self.draft_name), self.viewport().width())
            self._first = HEADER_ROWS
            for number, record in enumerate(self.changes.records):
                self.table.write_row(number, record, looks[number], self._shown(record))
        cursor.endEditBlock()
        finish_layout(document)
        self.setTextCursor(QTextCursor(document))
        self.verticalScrollBar().setValue(0 if fresh else scroll)

    def _update(self, looks: list[Look]) -> None:
        """Rewrite the records whose look changed."""
        assert self.changes is not None
        records = self.changes.records
        old = self.looks
        runs = changed_runs([look.key for look in old], [look.key for look in looks])
        self.looks = looks
        cursor = QTextCursor(self.document())
        if self.mode == "redline":
            self._update_blocks(cursor, old, text_document_runs(runs, len(old), len(looks)))
            return
        if runs:  # the table is laid out as a whole anyway
            cursor.beginEditBlock()
            for start, end, first, last in reversed(runs):
                self.table.replace_rows(start, end, last - first)
            for _start, _end, first, last in runs:
                for number in range(first, last):
                    self.table.write_row(number, records[number], looks[number], self._shown(records[number]))
            cursor.endEditBlock()
        margins = []
        groups = EditGroups(cursor)
        for number, before_number in unchanged_positions(runs, len(looks)):
            before = old[before_number]
            if before != looks[number] and not self._redraw(groups, number, before) \
                    and before.margin != looks[number].margin:
                margins.append(number)
        groups.close()
        self._repaint_margins(margins)

    # --- redline ------------------------------------------------------------------------------------------
    def _update_blocks(self, cursor: QTextCursor, old: list[Look], runs: list[Run]) -> None:
        """Replace the runs of blocks and rewrite the blocks whose look changed, in one pass (`apply_steps`);
        a record whose margin alone changed is repainted, not rewritten."""
        refreshes: list[Step] = []
        margins = []
        near = in_sight(self, 2) if self.deferring else range(self.document().blockCount())
        out_of_sight_rewrites = self._out_of_sight_rewrites
        self._waiting = {}
        for number, before_number in unchanged_positions(runs, len(self.looks)):
            before, look = old[before_number], self.looks[number]
            if before is look:  # the same record: nothing to draw
                continue
            if before.text == look.text and before.shape == look.shape:
                if before.margin != look.margin:
                    margins.append(number)
                continue
            block_number = before_number + self._first
            if block_number not in near:
                if not out_of_sight_rewrites:  # drawn as it was: a later turn rewrites it
                    self._waiting[number] = look
                    self.looks[number], self._records[number] = before, None
                    continue
                out_of_sight_rewrites -= 1
            refreshes.append((block_number, partial(self._rewrite_block, number, block_number, before)))
        apply_steps(cursor, [(start + self._first, partial(self._splice_records, start, end, first, last))
                             for start, end, first, last in runs], refreshes)
        if self._waiting:
            self._later.start()
        self._repaint_margins(margins)

    def _splice_records(self, start: int, end: int, first: int, last: int, cursor: QTextCursor) -> None:
        """The blocks of records [start, end) drawn before give way to those of records [first, last)."""
        splice(self.document(), cursor, start + self._first, end + self._first, last - first,
               partial(self._write_nth, first))

    def _rewrite_block(self, number: int, block_number: int, before: Look, cursor: QTextCursor) -> None:
        """Block `block_number`, which showed `before`, shows record `number`."""
        assert self.changes is not None
        look = self.looks[number]
        cursor.setPosition(self.document().findBlockByNumber(block_number).position())
        if before.text == look.text:  # only indented or outdented
            cursor.setBlockFormat(self._block_format(look))
            return
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._write_block(cursor, self.changes.records[number], look)

    def _block_format(self, look: Look) -> QTextBlockFormat:
        depth, gutter, numbered = look.shape
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(_GUTTER + 8 + 28 * min(depth, SUB_LEVELS))  # as the editor indents
        fmt.setTextIndent(gutter - _GUTTER + (_NUMBER if numbered else 0))
        fmt.setBottomMargin(6)
        return fmt

    def _write_nth(self, first: int, cursor: QTextCursor, index: int) -> None:
        assert self.changes is not None
        self._write_block(cursor, self.changes.records[first + index], self.looks[first + index])

    def _write_block(self, cursor: QTextCursor, record: Change, look: Look) -> None:
        cursor.setBlockFormat(self._block_format(look))
        cursor.setBlockCharFormat(char_format("equal"))
        shown = self._shown(record)
        write_ops(cursor, record.ops, "both", hidden=not shown, lead=lead_of(record))
        note = note_of(record) if shown else ""
        if note:
            cursor.insertText(note, margin_format())

    # --- one record ----------------------------------------------------------------------------------------
    def _redraw(self, groups: EditGroups, number: int, before: Look) -> bool:
        """Rewrite what changed of one record in place: it showed `before`, it shows `self.looks[number]`.
        False if nothing was to write (in the redline, a margin is painted: see `_repaint_margins`)."""
        assert self.changes is not None
        record = self.changes.records[number]
        look = self.looks[number]
        if self.mode == "redline":
            if before.text == look.text and before.shape == look.shape:
                return False
            self._rewrite_block(number, number + self._first, before, groups.at(number))
        else:
            cursor = groups.at(number)
            columns: tuple[int, ...] = (0, 1, 2) if before.text != look.text else (0,)
            if before.margin == look.margin:
                columns = tuple(c for c in columns if c)
            self.table.clear_cells(cursor, number, columns)
            self.table.write_row(number, record, look, self._shown(record), columns)
        return True

    def _repaint_margins(self, numbers: list[int]) -> None:
        """Repaint the view if the painted margin of one of these records is in sight."""
        if self.mode != "redline" or not numbers:
            return
        sight = in_sight(self)
        if any(number + self._first in sight for number in numbers):
            self.viewport().update()

    # --- painting and places ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.mode != "redline" or not self.looks:
            return
        painter = QPainter(self.viewport())
        painter.setFont(self._margin_font)
        painter.setPen(MARGIN_COLOUR)
        numbers: list[tuple[QPointF, str]] = []  # painted after the labels, in the text's face: one change of font
        offset_x = self.horizontalScrollBar().value()
        offset_y = self.verticalScrollBar().value()
        height = self.viewport().height()
        doc_layout = self.document().documentLayout()
        block = self.cursorForPosition(self.viewport().rect().topLeft()).block()
        while block.isValid():
            rect = doc_layout.blockBoundingRect(block).translated(-offset_x, -offset_y)
            if rect.top() > height:
                break
            number = block.blockNumber() - self._first
            layout = block.layout()
            if 0 <= number < len(self.looks) and layout.lineCount():
                look = self.looks[number]
                mark, label, paragraph_number = look.margin
                text = self._metrics.elidedText(f"{mark} {label}", Qt.TextElideMode.ElideRight, look.shape[1] - 6)
                line = layout.lineAt(0)
                x = rect.left() + block.blockFormat().leftMargin() - _GUTTER
                baseline = rect.top() + line.y() + line.ascent()
                painter.drawText(QPointF(x, baseline), text)
                if paragraph_number:  # as on paper, before the text
                    numbers.append((QPointF(x + look.shape[1] + 8, baseline), paragraph_number))
            block = block.next()
        if numbers:
            painter.setFont(self._number_font)
            painter.setPen(self.palette().text().color())
            for point, paragraph_number in numbers:
                painter.drawText(point, paragraph_number)
        painter.end()

    def read_back(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """What the redline's text document shows: per block its margin label and its runs (`marked_runs`);
        text in the margin's format (notes such as "(moved from OP7)") is left out."""
        out: list[tuple[str, list[tuple[str, str]]]] = []
        block = self.document().firstBlock()
        while block.isValid():
            number = block.blockNumber() - self._first
            out.append((self.looks[number].margin[1] if 0 <= number < len(self.looks) else "", marked_runs(block)))
            block = block.next()
        return out

    def scroll_to(self, block_id: str) -> None:
        number = self.rows.get(block_id)
        if number is None or self.stale:
            return
        if self.mode == "redline":
            block = self.document().findBlockByNumber(number + self._first)
            cursor = QTextCursor(block)
        else:
            cursor = self.table.cursor_at(number)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scrolled onto blocks left for later: those now in sight are rewritten before they are painted."""
        super().scrollContentsBy(dx, dy)
        if dy and self._later.isActive() and not self._drawing:
            self._later.stop()
            self._catch_up_later(0)  # the rest at the turns that follow
