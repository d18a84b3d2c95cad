"""The editor's blocks kept in step with the model, rewriting only the blocks that changed.

`Blocks` remembers, for each block of the editor's QTextDocument in order, the unit it shows:
its key, kind, depth, whether it has a printed label, and its content. After an edit, `update`
compares that with the model's units (`layout.units`): the runs of blocks whose keys changed
are replaced (`runs.changed_runs`: a paragraph moved past another is taken out and put in
again), any other block whose shape or content differs is rewritten in place, and every other
block is left alone. Changes far apart go in edit blocks of their own, as the document lays
out again everything between the first and the last change of one edit block. A whole
`render` is for another document.

A block whose indentation alone changed (its paragraph went a level up or down, its kind the
same) and that is out of sight may be left as it was drawn (`update`'s `near` and `out_of_sight_rewrites`):
laying a long text out again takes a millisecond, and an edit that re-indents many paragraphs
need not wait for those nobody sees. `waiting` says some were left; `catch_up` re-indents them
later, looking at them alone.

Printed labels ("6.", "(b)") and margin labels ("OP6(b)") are not part of the document: the
editor paints them from `labels`, so renumbering the paragraphs after an inserted one changes
no block. Footnote markers draw their number from the model; the blocks that cite a footnote
whose number changed are laid out again (`markContentsDirty`), not rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import NamedTuple

from PySide6.QtGui import QTextCursor, QTextDocument

from drafter.model import Bracket, Inline, Resolution, Text
from ui.editor import layout
from ui.runs import changed_runs, text_document_runs, unchanged_positions
from ui.textblocks import Step, apply_steps, finish_layout, splice

# a run is (text, italic), a bracket mark (text, italic, holder, pair), a footnote reference its note id
Signature = tuple[tuple[str, bool] | tuple[str, bool, str, str] | str, ...]


def signature(content: Sequence[Inline]) -> Signature:
    return tuple((item.text, item.italic, item.holder, item.pair) if isinstance(item, Bracket)
                 else (item.text, item.italic) if isinstance(item, Text) else item.note for item in content)


class Row(NamedTuple):
    """What one block shows; two blocks with equal rows are laid out alike. (A tuple: an edit of structure
    makes and compares one for every block.)"""

    key: str
    kind: str
    depth: int
    labelled: int  # the room its printed label takes (`layout.label_room`)
    content: Signature

    def shape(self) -> tuple[str, int, int]:
        return self.kind, self.depth, self.labelled

    def cites(self, notes: set[str]) -> bool:
        return any(isinstance(item, str) and item in notes for item in self.content)


def _char_style(kind: str) -> str:
    """Kinds whose text is set alike (see `layout.char_format`)."""
    if kind in (layout.NOTE, layout.FIELD):
        return kind
    return "bold" if kind in (layout.HEADING, layout.ANNEX_HEAD) else "plain"


def _write(cursor: QTextCursor, unit: layout.Unit) -> None:
    """Write a unit into the (empty) block at the cursor."""
    cursor.setBlockFormat(layout.block_format(unit))
    cursor.setBlockCharFormat(layout.char_format(unit.kind))
    layout.write_content(cursor, unit.kind, unit.content)


def _write_nth(units: list[layout.Unit], first: int, cursor: QTextCursor, index: int) -> None:
    _write(cursor, units[first + index])


def _refresh(document: QTextDocument, number: int, unit: layout.Unit, reshaped: bool, rewritten: bool,
             cursor: QTextCursor) -> None:
    """Block `number` takes the shape (block format) or the content of `unit`, or both."""
    block = document.findBlockByNumber(number)
    cursor.setPosition(block.position())
    if reshaped:
        cursor.setBlockFormat(layout.block_format(unit))
    if rewritten:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        cursor.setBlockCharFormat(layout.char_format(unit.kind))
        layout.write_content(cursor, unit.kind, unit.content)


def _splice(document: QTextDocument, start: int, end: int, units: list[layout.Unit], first: int, last: int,
            cursor: QTextCursor) -> None:
    """Blocks [start, end) give way to the blocks of units [first, last)."""
    splice(document, cursor, start, end, last - first, partial(_write_nth, units, first))


class Blocks:
    """The rows of an editor's document, and the labels the editor paints beside them."""

    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self.rows: list[Row] = []
        self.labels: dict[str, tuple[str, str]] = {}  # key → (printed label, margin label)
        self.markers: dict[str, str] = {}  # footnote id → its number, as the blocks were last laid out
        self._numbers: dict[str, int] | None = None
        self._seen: dict[str, tuple[object, Signature]] = {}  # key → the content list last seen, its signature
        self._waiting: dict[str, layout.Unit] = {}  # the units whose blocks keep their former indentation

    # --- reading -----------------------------------------------------------------------------
    def number(self, key: str) -> int:
        """The block number of a unit, -1 if no block shows it."""
        if self._numbers is None:
            self._numbers = {row.key: number for number, row in enumerate(self.rows)}
        return self._numbers.get(key, -1)

    @property
    def waiting(self) -> bool:
        """Whether blocks were left with their former indentation (see `update`)."""
        return bool(self._waiting)

    def label(self, key: str) -> str:
        return self.labels.get(key, ("", ""))[0]

    def margin(self, key: str) -> str:
        return self.labels.get(key, ("", ""))[1]

    def typed(self, key: str, content: Sequence[Inline]) -> None:
        """The block of `key` now shows `content` (the user typed it, or it was rewritten)."""
        number = self.number(key)
        if number >= 0:
            row = self.rows[number]
            self.rows[number] = Row(row.key, row.kind, row.depth, row.labelled, signature(content))
            self._seen[key] = (content, self.rows[number].content)

    # --- writing -----------------------------------------------------------------------------
    def clear(self) -> None:
        self.document.clear()
        self._waiting = {}
        self._remember([], [])

    def render(self, res: Resolution) -> None:
        """Lay the whole resolution out (the document is cleared first)."""
        self._waiting = {}
        units = list(layout.units(res))
        self.document.clear()
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        for index, unit in enumerate(units):
            if index:
                cursor.insertBlock()
            _write(cursor, unit)
        cursor.endEditBlock()
        finish_layout(self.document)
        self._remember(units, [self._row_of(unit) for unit in units])

    def update(self, res: Resolution, near: range | None = None, out_of_sight_rewrites: int = 0) -> bool:
        """Bring the blocks up to date with `res`, rewriting only what changed; True if a label changed.
        Blocks whose indentation alone changed and whose number (before the update) is not in `near`
        are left as they were drawn, but for `out_of_sight_rewrites` of them."""
        units = list(layout.units(res))
        rows = [self._row_of(unit) for unit in units]
        old = self.rows
        if not old or not rows or self.document.blockCount() != len(old):
            self.render(res)
            return True
        runs = changed_runs([row.key for row in old], [row.key for row in rows])
        runs = text_document_runs(runs, len(old), len(rows))
        markers = _markers(units)
        renumbered = {key for key in markers.keys() | self.markers.keys() if markers.get(key) != self.markers.get(key)}
        refreshes: list[Step] = []
        dirty: list[int] = []
        self._waiting = {}
        for number, before_number in unchanged_positions(runs, len(rows)):
            row, before = rows[number], old[before_number]
            if row == before:
                if renumbered and row.cites(renumbered):
                    dirty.append(number)
                continue
            reshaped = before.shape() != row.shape()
            rewritten = before.content != row.content or _char_style(before.kind) != _char_style(row.kind)
            if reshaped and not rewritten and before.kind == row.kind and near is not None \
                    and before_number not in near:
                if not out_of_sight_rewrites:
                    rows[number] = before  # drawn as it was, for now
                    self._waiting[row.key] = units[number]
                    continue
                out_of_sight_rewrites -= 1
            if reshaped or rewritten:
                refreshes.append((before_number, partial(_refresh, self.document, before_number, units[number],
                                                         reshaped, rewritten)))
            elif renumbered and row.cites(renumbered):
                dirty.append(number)
        apply_steps(QTextCursor(self.document), [
            (start, partial(_splice, self.document, start, end, units, first, last))
            for start, end, first, last in runs], refreshes)
        for number in dirty:
            block = self.document.findBlockByNumber(number)
            self.document.markContentsDirty(block.position(), block.length())
        labels_before = self.labels
        self._remember(units, rows)
        return self.labels != labels_before

    def catch_up(self, near: range | None, out_of_sight: int) -> None:
        """Re-indent the blocks left with their former indentation that are `near`, and `out_of_sight` more
        (None: all of them). Only those blocks are looked at: nothing changed since `update` left them, as
        every change of structure goes through `update` again."""
        numbered = sorted((self.number(key), key) for key in self._waiting)
        steps: list[Step] = []
        for number, key in numbered:
            if number < 0:  # no block shows it any more (every change of structure updates: never so)
                del self._waiting[key]
                continue
            if near is not None and number not in near:
                if not out_of_sight:
                    continue
                out_of_sight -= 1
            unit = self._waiting.pop(key)
            row = self.rows[number]
            self.rows[number] = Row(key, unit.kind, unit.depth, layout.label_room(unit.label), row.content)
            steps.append((number, partial(_refresh, self.document, number, unit, True, False)))
        apply_steps(QTextCursor(self.document), [], steps)

    def _row_of(self, unit: layout.Unit) -> Row:
        """The row of a unit; the signature of its content is computed again only if it is another list."""
        seen = self._seen.get(unit.key)
        content = seen[1] if seen is not None and seen[0] is unit.content else signature(unit.content)
        return Row(unit.key, unit.kind, unit.depth, layout.label_room(unit.label), content)

    def _remember(self, units: list[layout.Unit], rows: list[Row]) -> None:
        self.rows = rows
        self._seen = {unit.key: (unit.content, row.content) for unit, row in zip(units, rows, strict=True)}
        self.labels = {unit.key: (unit.label, unit.margin) for unit in units}
        self.markers = _markers(units)
        self._numbers = None


def _markers(units: list[layout.Unit]) -> dict[str, str]:
    return {unit.key: unit.label for unit in units if unit.kind == layout.NOTE}
