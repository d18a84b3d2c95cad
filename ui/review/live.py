"""Live comparison while typing: re-compare only the block that changed (no Qt here).

A full run of the comparer aligns the paragraphs of the base and the draft. While the
user types in one block, the alignment stays as it is and only that block's record is
diffed again (a few hundred microseconds instead of a whole comparison); edits that
change the structure, footnotes or fields, and a pause in typing, run the full
comparison again so that alignment catches up (a heavily rewritten paragraph may turn
from "modified" into "deleted + inserted").

This uses `drafter.compare.engine.Comparison` internals (`pairs`, `regroups`,
`note_pairs`, `_pair_record`, `_one_side`, `_regroup_record`); the core should offer a
public `Comparison.recompare(block_id) -> Change` instead (see the report).
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.compare.changes import Change, ChangeList
from drafter.compare.engine import FOOTNOTES, Comparison
from drafter.compare.kinds import UNCHANGED
from drafter.compare.words import Options
from drafter.edits import Document, Scope
from drafter.model import Block, Footnote

_CACHES = ("_cuts", "_items", "_tokens_cache")  # per-block caches of Comparison, keyed by id(block)


@dataclass
class _Source:
    kind: str  # "pair", "note", "inserted", "regroup"
    payload: object


class LiveComparison:
    """The change list of a document, kept current edit by edit."""

    def __init__(self, doc: Document, options: Options | None = None) -> None:
        self.doc = doc
        self.options = options or Options()
        self.changes: ChangeList
        self.dirty = False  # records were recomputed alone since the last full run
        self.full()

    def full(self) -> ChangeList:
        comparison = Comparison(self.doc.base, self.doc.draft, self.options)
        self.changes = comparison.run()
        self.comparison = comparison
        self.note_map = {old.id: new.id for old, new in comparison.note_pairs}
        self.sources: dict[str, _Source] = {}
        for pair in comparison.pairs:
            self.sources[pair.new.id] = _Source("pair", pair)
        for old_note, new_note in comparison.note_pairs:
            self.sources[new_note.id] = _Source("note", (old_note, new_note))
        for regroup in comparison.regroups:
            for para in regroup.new:
                self.sources[para.id] = _Source("regroup", regroup)
        for block in comparison.pool_new:
            self.sources[block.id] = _Source("inserted", block)
        for note in self.doc.draft.footnotes:
            if note.id not in self.sources:
                self.sources[note.id] = _Source("inserted", note)
        self.index = {}
        for number, record in enumerate(self.changes.records):
            for new_id in record.new_ids:
                self.index[new_id] = number
        self.dirty = False
        return self.changes

    def _forget(self, block: object) -> None:
        """Drop what the comparison cached about a block whose content changed (caches keyed by id())."""
        for name in _CACHES:
            cache = getattr(self.comparison, name, None)
            if isinstance(cache, dict):
                cache.pop(id(block), None)

    def _record(self, key: str) -> Change | None:
        source = self.sources.get(key)
        comp = self.comparison
        if source is None:
            return None
        payload = source.payload
        if source.kind == "pair":
            self._forget(payload.new)  # type: ignore[attr-defined]
        elif source.kind == "note":
            self._forget(payload[1])  # type: ignore[index]
        elif source.kind == "regroup":
            for para in payload.new:  # type: ignore[attr-defined]
                self._forget(para)
        else:
            self._forget(payload)
        if source.kind == "pair":
            pair = source.payload
            return comp._pair_record(comp.part_new[pair.new.id], pair.old, pair.new,  # type: ignore[attr-defined]
                                     pair.moved, self.note_map)  # type: ignore[attr-defined]
        if source.kind == "note":
            notes: tuple[Footnote, Footnote] = source.payload  # type: ignore[assignment]
            return comp._pair_record(FOOTNOTES, notes[0], notes[1], False, self.note_map)
        if source.kind == "regroup":
            return comp._regroup_record(source.payload)  # type: ignore[arg-type]
        block = source.payload
        assert isinstance(block, Block | Footnote)
        part = FOOTNOTES if isinstance(block, Footnote) else comp.part_new[block.id]
        return comp._one_side(part, block, inserted=True)

    def update(self, scope: Scope) -> list[int] | None:
        """Bring the change list up to date after an edit: the numbers of the records that changed,
        or None after a full comparison."""
        if scope.side != "draft" or scope.structure or scope.notes or scope.fields:
            self.full()
            return None
        touched: list[int] = []
        for key in scope.content:
            number = self.index.get(key)
            record = self._record(key)
            if number is None or record is None:
                self.full()
                return None
            self.changes.records[number] = record
            touched.append(number)
        self.changes.changes = [r for r in self.changes.records if r.kind != UNCHANGED]
        self.dirty = self.dirty or bool(touched)
        return touched

    def settle(self) -> bool:
        """A full comparison after a pause in typing; True when it found something the quick path did not."""
        if not self.dirty:
            return False
        before = [record.to_dict() for record in self.changes.records]
        self.full()
        return [record.to_dict() for record in self.changes.records] != before
