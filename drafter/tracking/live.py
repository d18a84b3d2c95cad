"""Live comparison while editing: keep the alignment, recompute only what an edit changed.

A full run of the comparer aligns the paragraphs of the base and the draft. While the user
types in one block, the alignment stays as it is and only that block's record is diffed
again (a few hundred microseconds instead of a whole comparison). A change of structure
(Enter, Backspace, Tab, a move) keeps the alignment too (`_restructure`): the pairs whose
draft block is gone are dropped (the base block reads as deleted), draft blocks that no
pair holds read as inserted, labels, parts and footnote numbers follow the draft, pairs that
went out of place read as moved (`moves.py`), and only the records whose block content or
move changed are diffed again; the others are kept, relabelled where their label changed.
A pause in typing runs the full comparison again so that alignment catches up (a heavily
rewritten paragraph may turn from "modified" into "deleted + inserted", a paragraph split in
two into one "split" record); the editor runs it in another thread (`BackgroundComparison`, on snapshots
of the two documents) and takes its result only if no edit came in meanwhile. A footnote removed
leaves its base footnote to read as deleted, one added reads as inserted (`_follow_notes`); a change
to the front matter and an edit of the base always run the full comparison.

It works on the state a `Comparison` of this package keeps (its pairs, pools, labels and
record makers), and the editor uses it for the change list it shows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from operator import is_

from drafter.compare.align import Item
from drafter.compare.changes import Change, ChangeList
from drafter.compare.engine import FOOTNOTES, Comparison, Pair, Regroup
from drafter.compare.kinds import RENUMBERED, UNCHANGED
from drafter.compare.memo import Memo
from drafter.compare.moves import Pairing, Place, out_of_place, places, shared_words, stay_weight
from drafter.compare.words import Options, Tokens
from drafter.edits import Document, Scope, walk
from drafter.model import Block, CrossHeading, Footnote, Inline, NoteRef, Resolution

Key = tuple[str, tuple[str, ...], tuple[str, ...]]  # front-matter field, base ids, draft ids


@dataclass(frozen=True, slots=True)
class FromPair:
    """A draft block paired with a base block."""

    pair: Pair


@dataclass(frozen=True, slots=True)
class FromNotes:
    """A draft footnote paired with a base footnote."""

    old: Footnote
    new: Footnote


@dataclass(frozen=True, slots=True)
class FromRegroup:
    """A draft paragraph of a split or a merge."""

    regroup: Regroup


@dataclass(frozen=True, slots=True)
class Alone:
    """A draft block or footnote that nothing in the base is paired with."""

    block: Block | Footnote


Source = FromPair | FromNotes | FromRegroup | Alone  # where the record of a draft block comes from


def record_key(change: Change) -> Key:
    """What a record is about, whatever it says: its front-matter field or its blocks."""
    return change.front_field or "", change.old_ids, change.new_ids


class LiveComparison:
    """The change list of a document, kept current edit by edit."""

    def __init__(self, doc: Document, options: Options | None = None) -> None:
        self.doc = doc
        self.options = options or Options()
        self.memo = Memo(self.options)
        self.changes: ChangeList
        self.dirty = False  # records were recomputed without a full run since the last one
        self.generation = 0  # counts the edits and full runs followed: a `BackgroundComparison` knows its age by it
        self.full()

    def full(self) -> ChangeList:
        comparison = Comparison(self.doc.base, self.doc.draft, self.options, self.memo)
        self._take(comparison, comparison.run())
        self.generation += 1
        return self.changes

    def _take(self, comparison: Comparison, changes: ChangeList) -> None:
        self.changes = changes
        self.comparison = comparison
        self.note_map = {old.id: new.id for old, new in comparison.note_pairs}
        self._gone_notes: dict[str, Footnote] = {}  # draft footnote id → the base footnote it was paired with
        self._index()
        self.dirty = False

    def in_background(self) -> BackgroundComparison:
        """A full comparison to run in another thread (`BackgroundComparison.run`) while the user goes on editing."""
        return BackgroundComparison(self)

    def take_result(self, background: BackgroundComparison) -> bool | None:
        """Take the result of a `BackgroundComparison` that has run: None, and nothing taken, when the document
        changed since it began; else whether it found something the quick path did not."""
        if background.generation != self.generation or background.result is None:
            return None
        comparison, changes, found_more = background.result
        comparison.rebind(self.doc.base, self.doc.draft)
        self.memo = comparison.memo
        self._take(comparison, changes)
        return found_more

    def _index(self) -> None:
        """Which source each draft block's record comes from, where each record is, and what it was made of."""
        comparison = self.comparison
        self.sources: dict[str, Source] = {}
        for pair in comparison.pairs:
            self.sources[pair.new.id] = FromPair(pair)
        for old_note, new_note in comparison.note_pairs:
            self.sources[new_note.id] = FromNotes(old_note, new_note)
        for regroup in comparison.regroups:
            for para in regroup.new:
                self.sources[para.id] = FromRegroup(regroup)
        for block in comparison.pool_new:
            self.sources[block.id] = Alone(block)
        for note in self.doc.draft.footnotes:
            if note.id not in self.sources:
                self.sources[note.id] = Alone(note)
        self.index = {}
        for number, record in enumerate(self.changes.records):
            for new_id in record.new_ids:
                self.index[new_id] = number
        units: dict[str, Block | Footnote] = {block.id: block for block, _where, _depth in walk(self.doc.draft)}
        units.update((note.id, note) for note in self.doc.draft.footnotes)
        self._made: dict[Key, tuple[Change, tuple[object, ...]]] = {
            record_key(record): (record, tuple(units[i].content for i in record.new_ids if i in units))
            for record in self.changes.records
        }
        self._notes = [note.id for note in self.doc.draft.footnotes]
        self._old_places = places(self.doc.base)
        self._full_moved = {pair.new.id: pair.moved for pair in self.comparison.pairs}
        self._seems_moved = self._out_of_place(places(self.doc.draft))

    def _record(self, key: str) -> Change | None:
        source = self.sources.get(key)
        comp = self.comparison
        if isinstance(source, FromPair):
            pair = source.pair
            return comp.pair_record(comp.part_new[pair.new.id], pair.old, pair.new, pair.moved, self.note_map)
        if isinstance(source, FromNotes):
            return comp.pair_record(FOOTNOTES, source.old, source.new, False, self.note_map)
        if isinstance(source, FromRegroup):
            return comp.regroup_record(source.regroup)
        if source is None:
            return None
        block = source.block
        part = FOOTNOTES if isinstance(block, Footnote) else comp.part_new[block.id]
        return comp.one_side(part, block, inserted=True)

    def update(self, scope: Scope) -> list[Key] | None:
        """Bring the change list up to date after an edit: the keys of the records that changed,
        or None when any record may have changed (a change of structure, a full comparison)."""
        self.generation += 1
        if scope.side != "draft" or scope.fields:
            self.full()
            return None
        if scope.structure or scope.notes:
            if not self._restructure():
                self.full()
            return None
        touched: list[Key] = []
        for key in scope.content:
            number = self.index.get(key)
            record = self._record(key)
            if number is None or record is None:
                self.full()
                return None
            self.changes.records[number] = record
            self._made[record_key(record)] = (record, self._contents(key))
            touched.append(record_key(record))
        self.changes.changes = [r for r in self.changes.records if r.kind != UNCHANGED]
        self.dirty = self.dirty or bool(touched)
        return touched

    def _contents(self, key: str) -> tuple[object, ...]:
        """The content of the draft blocks the record of `key` is made of."""
        source = self.sources[key]
        if isinstance(source, FromPair):
            return (source.pair.new.content,)
        if isinstance(source, FromNotes):
            return (source.new.content,)
        if isinstance(source, FromRegroup):
            return tuple(para.content for para in source.regroup.new)
        return (source.block.content,)

    # --- a change of structure, alignment kept ---------------------------------------------------------
    def _restructure(self) -> bool:
        """Follow a change of structure without aligning again; False when only a full run will do."""
        comp, draft = self.comparison, self.doc.draft
        if comp.new is not draft:
            return False
        notes = [note.id for note in draft.footnotes]
        before = {note: number for number, note in enumerate(self._notes)}
        renumbered = {note for number, note in enumerate(notes) if before.get(note) != number}  # markers changed
        unpaired = self._follow_notes(draft) if renumbered or len(notes) != len(before) else []
        self._notes = notes
        comp.follow(draft)
        remove = self._mark_moves(places(draft))
        self._index_sources()
        # front matter and deleted footnotes as they were; footnotes anew if their numbers changed
        paired_old = {old.id for old, _new in comp.note_pairs}
        records = [r for r in self.changes.records if r.front_field
                   or (r.part == FOOTNOTES and not r.new_ids and r.old_ids[0] not in paired_old)]
        records += [comp.one_side(FOOTNOTES, old, inserted=False) for old in unpaired]
        paired = {new.id for _old, new in comp.note_pairs}
        for old_note, new_note in comp.note_pairs:
            records.append(self._remade((new_note,), ("", (old_note.id,), (new_note.id,)), partial(
                comp.pair_record, FOOTNOTES, old_note, new_note, False, self.note_map), bool(renumbered)))
        for note in draft.footnotes:
            if note.id not in paired:
                records.append(self._remade((note,), ("", (), (note.id,)), partial(
                    comp.one_side, FOOTNOTES, note, inserted=True), bool(renumbered)))
        made, labels, parts = self._made, comp.new_labels, comp.part_new
        for pair in comp.pairs:
            new = pair.new
            key: Key = ("", (pair.old.id,), (new.id,))
            kept = made.get(key)
            if kept is not None and len(kept[1]) == 1 and kept[1][0] is new.content and new.id not in remove \
                    and not _cites(new, renumbered):  # most pairs: what `_remade` does, in short
                record, label, part = kept[0], labels.get(new.id), parts[new.id]
                if record.new_label != label or record.part != part:
                    if record.kind in (UNCHANGED, RENUMBERED):  # it may turn from one into the other
                        records.append(self._remade((new,), key, partial(
                            comp.pair_record, part, pair.old, new, pair.moved, self.note_map), True))
                        continue
                    record = record.relabel(label, part, record.old_label != label)
                    made[key] = (record, kept[1])
                records.append(record)
                continue
            records.append(self._remade((new,), key, partial(
                comp.pair_record, parts[new.id], pair.old, new, pair.moved, self.note_map),
                new.id in remove or _cites(new, renumbered)))
        for regroup in comp.regroups:
            key = ("", tuple(p.id for p in regroup.old), tuple(p.id for p in regroup.new))
            records.append(self._remade(regroup.new, key, partial(comp.regroup_record, regroup),
                                        any(_cites(para, renumbered) for para in regroup.new)))
        for block in comp.pool_old:
            key = ("", (block.id,), ())
            kept = made.get(key)  # a deleted block's record stays as it was
            records.append(kept[0] if kept is not None else self._remade((), key, partial(
                comp.one_side, comp.part_old.get(block.id, ""), block, inserted=False)))
        for block in comp.pool_new:
            records.append(self._remade((block,), ("", (), (block.id,)), partial(
                comp.one_side, comp.part_new[block.id], block, inserted=True), _cites(block, renumbered)))
        records = comp.in_reading_order(records)
        self.changes = ChangeList([r for r in records if r.kind != UNCHANGED], records, self.changes.old_layout,
                                  self.changes.new_layout, self.changes.old_symbol, self.changes.new_symbol)
        self.index = {new_id: number for number, record in enumerate(records) for new_id in record.new_ids}
        self.dirty = True
        return True

    def _follow_notes(self, draft: Resolution) -> list[Footnote]:
        """Footnotes went or came: a draft footnote that went leaves its base footnote to read as deleted (the
        base footnotes that did, returned), one that comes back (an undo) is paired with it again, and a new
        one reads as inserted until the next full comparison aligns the footnotes again."""
        comp = self.comparison
        now = {note.id: note for note in draft.footnotes}
        unpaired = []
        pairs = []
        for old, new in comp.note_pairs:
            if new.id in now:
                pairs.append((old, now[new.id]))
            else:
                self._gone_notes[new.id] = old
                unpaired.append(old)
        paired_old = {old.id for old, _new in pairs}
        paired_new = {new.id for _old, new in pairs}
        for note_id, old in list(self._gone_notes.items()):
            if note_id in now and note_id not in paired_new and old.id not in paired_old:
                pairs.append((old, now[note_id]))  # back, with its base footnote
                paired_old.add(old.id)
                del self._gone_notes[note_id]
        comp.note_pairs = pairs
        self.note_map = {old.id: new.id for old, new in pairs}
        return [old for old in unpaired if old.id not in paired_old]

    def _out_of_place(self, places: dict[str, Place]) -> set[str]:
        comp = self.comparison
        partners: dict[str, set[str]] = {pair.new.id: {pair.old.id} for pair in comp.pairs}
        for regroup in comp.regroups:
            for para in regroup.new:
                partners[para.id] = {old.id for old in regroup.old}
        pairs = [Pairing(pair.old.id, pair.new.id) for pair in comp.pairs]
        by_new = {pair.new.id: pair for pair in comp.pairs}
        by_author = set(self.doc.draft.moved)

        def weight(new_id: str) -> float:  # as the full comparison weighs them (`moves.choose_moved`)
            old, new = by_new[new_id].old, by_new[new_id].new
            words = shared_words(comp.memo.item(old.content, isinstance(old, CrossHeading)),
                                 comp.memo.item(new.content, isinstance(new, CrossHeading)))
            return stay_weight(words, new_id in by_author)

        return out_of_place(pairs, self._old_places, places, partners, weight)

    def _mark_moves(self, places: dict[str, Place]) -> set[str]:
        """Set which pairs read as moved; the draft ids of those that changed. A pair keeps what the full
        comparison said of it unless it went out of place, or back in place, since."""
        seems = self._out_of_place(places)
        changed = set()
        for pair in self.comparison.pairs:
            key = pair.new.id
            moved = self._full_moved.get(key, False) if (key in seems) == (key in self._seems_moved) else key in seems
            if moved != pair.moved:
                pair.moved = moved
                changed.add(key)
        return changed

    def _index_sources(self) -> None:
        comp = self.comparison
        sources: dict[str, Source] = {new.id: FromNotes(old, new) for old, new in comp.note_pairs}
        for pair in comp.pairs:
            sources[pair.new.id] = FromPair(pair)
        for regroup in comp.regroups:
            for para in regroup.new:
                sources[para.id] = FromRegroup(regroup)
        for block in comp.pool_new:
            sources[block.id] = Alone(block)
        for note in self.doc.draft.footnotes:
            sources.setdefault(note.id, Alone(note))
        self.sources = sources

    def _remade(self, blocks: Sequence[Block | Footnote], key: Key, make: Callable[[], Change],
                anew: bool = False) -> Change:
        """The record of draft `blocks`: the one made before if their content is the same (relabelled if
        their label changed), else (or if `anew`) `make()` anew."""
        comp = self.comparison
        contents = tuple([block.content for block in blocks])
        made = None if anew else self._made.get(key)
        if made is not None and len(made[1]) == len(contents) and all(map(is_, made[1], contents)):
            record = made[0]
            ids = key[2]
            new_label = " + ".join(comp.new_labels.get(i, "?") for i in ids) if len(ids) > 1 \
                else comp.new_labels.get(ids[0]) if ids else record.new_label
            part = comp.part_new.get(ids[0], record.part) if ids else record.part
            if (record.new_label, record.part) == (new_label, part):
                return record
            if record.kind not in (UNCHANGED, RENUMBERED) or len(ids) != 1 or not key[1]:
                relabelled = record.relabelled if len(ids) != 1 or not key[1] else record.old_label != new_label
                record = record.relabel(new_label, part, relabelled)
                self._made[key] = (record, contents)
                return record
        record = make()
        self._made[key] = (record, contents)
        return record

    def settle(self) -> bool:
        """A full comparison after a pause in typing; True when it found something the quick path did not."""
        if not self.dirty:
            return False
        before = [record.to_dict() for record in self.changes.records]
        self.full()
        return [record.to_dict() for record in self.changes.records] != before


class Stale(Exception):
    """An edit came in while a `BackgroundComparison` ran: its result would be of no use."""


def _never() -> bool:
    return False


class _Watched(Memo):
    """A memo that stops the comparison using it (`Stale`) as soon as the document changes: the
    comparison asks it for every block's tokens and matching form, and checks with it at every
    step of its searches for moves, splits and merges, so it never runs on for long."""

    def __init__(self, options: Options, stale: Callable[[], bool]) -> None:
        super().__init__(options)
        self._stale = stale

    def stop_watching(self) -> None:
        """The comparison is over: the memo serves the live comparison from now on."""
        self._stale = _never

    def check(self) -> None:
        if self._stale():
            raise Stale

    def cut(self, content: Sequence[Inline]) -> tuple[Tokens, list[tuple[int, str]]]:
        self.check()
        return super().cut(content)

    def item(self, content: Sequence[Inline], heading: bool) -> Item:
        self.check()
        return super().item(content, heading)


class BackgroundComparison:
    """The full comparison after a pause in typing, made on copies of the base and the draft
    (`Resolution.snapshot`) with a memo of its own seeded with the tokens the live one learnt, so
    that `run` can go on in another thread while the user edits: it reads nothing the editor
    changes. An edit that comes in meanwhile stops it (its result would be stale);
    `LiveComparison.take_result` takes the result if none came."""

    def __init__(self, live: LiveComparison) -> None:
        self.generation = live.generation
        self._live = live  # only its edit count is read, to stop early
        self._old, self._new = live.doc.base.snapshot(), live.doc.draft.snapshot()
        self._options = live.options
        self._cuts = live.memo.cuts()
        self._before = list(live.changes.records)
        self.result: tuple[Comparison, ChangeList, bool] | None = None
        self.seconds = 0.0  # how long `run` took
        self.failed = False  # set by whoever runs it, should `run` raise
        self._stopped = False

    def stop(self) -> None:
        """Stop as soon as it can (the user is at work again: its result would likely be stale, and it
        takes turns with the thread that shows the work)."""
        self._stopped = True

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stale(self) -> bool:
        return self._stopped or self._live.generation != self.generation

    def run(self) -> None:
        """The comparison; `result` stays None if an edit came in meanwhile, or it was stopped."""
        start = time.perf_counter()
        memo = _Watched(self._options, self.stale)
        memo.seed(self._cuts)
        try:
            comparison = Comparison(self._old, self._new, self._options, memo)
            changes = comparison.run()
        except Stale:
            return
        finally:
            self.seconds = time.perf_counter() - start
        if self.stale():
            return
        memo.stop_watching()
        self.result = comparison, changes, changes.records != self._before


def _cites(block: Block | Footnote, notes: set[str]) -> bool:
    return bool(notes) and any(isinstance(item, NoteRef) and item.note in notes for item in block.content)
