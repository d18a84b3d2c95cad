"""The comparison of two resolutions: alignment of paragraphs, sub-paragraphs and footnotes.

What the alignment found becomes records in `records.py` (`RecordMaker`, which `Comparison` extends);
labels, parts and layout come from `labels.py`.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Sequence

from drafter.compare import align, kinds
from drafter.compare.changes import ChangeList
from drafter.compare.labels import FRONT_LABEL, labels_of, layout_of, remap_notes
from drafter.compare.memo import Memo
from drafter.compare.moves import choose_moved
from drafter.compare.records import Pair, RecordMaker, Regroup
from drafter.compare.words import EQUAL, Options, Tokens, superscript
from drafter.model import Block, CrossHeading, Footnote, Inline, NoteRef, Paragraph, Resolution, all_blocks
from drafter.parts import FOOTNOTES, FRONT, RESOLUTION_FIELDS, parts_of


def _unpaired_under(block: Block, done: set[str]) -> set[str]:
    """The ids of a block and of the blocks under it, not going into blocks already paired (their
    sub-paragraphs are aligned under their own pair)."""
    found = {block.id}
    stack = list(block.children) if isinstance(block, Paragraph) else []
    while stack:
        child = stack.pop()
        if child.id not in done:
            found.add(child.id)
            stack.extend(child.children)
    return found


# --- the comparison ------------------------------------------------------------------------
class Comparison(RecordMaker):
    """One run of the comparer over two resolutions."""

    def __init__(self, old: Resolution, new: Resolution, options: Options, memo: Memo | None = None) -> None:
        """`memo` (made with the same options) carries what an earlier comparison of these documents learnt."""
        self.old = old
        self.new = new
        self.options = options
        self.memo = memo if memo is not None and memo.options == options else Memo(options)
        self.memo.begin()
        self.codec = self.memo.codec
        self.pairs: list[Pair] = []
        self.done_old: set[str] = set()
        self.done_new: set[str] = set()
        self.regroups: list[Regroup] = []
        self.pool_old: list[Block] = []
        self.pool_new: list[Block] = []
        self.part_old: dict[str, str] = {}
        self.part_new: dict[str, str] = {}
        self.old_labels = labels_of(old)
        self.new_labels = labels_of(new)
        self.markers_old = {note.id: superscript(str(n)) for n, note in enumerate(old.footnotes, 1)}
        self.markers_new = {note.id: superscript(str(n)) for n, note in enumerate(new.footnotes, 1)}
        self.note_pairs: list[tuple[Footnote, Footnote]] = []
        self.note_key_old: dict[str, str] = {}
        self.note_key_new: dict[str, str] = {}
        self.by_author = frozenset(new.moved)  # the blocks the author moved: the ones to call moved

    # --- structure -------------------------------------------------------------------
    def _cut(self, block: Block | Footnote) -> tuple[Tokens, list[tuple[int, str]]]:
        """The tokens of a block before its footnote references are named."""
        return self.memo.cut(block.content)

    def _item(self, block: Block | Footnote) -> align.Item:
        return self.memo.item(block.content, isinstance(block, CrossHeading))

    def _align_lists(self, old: Sequence[Block], new: Sequence[Block]) -> None:
        if not old and not new:  # the children of most paragraphs
            return
        old = [block for block in old if block.id not in self.done_old]
        new = [block for block in new if block.id not in self.done_new]
        old_items = [self._item(block) for block in old]
        new_items = [self._item(block) for block in new]
        matches = align.align(old_items, new_items)
        matches, regroups = align.find_regroups(old_items, new_items, matches, self.memo.check)
        matched_old = {i for i, _j in matches}
        matched_new = {j for _i, j in matches}
        for regroup in regroups:
            bases = tuple(old[i] for i in regroup.old)
            drafts = tuple(new[j] for j in regroup.new)
            if all(isinstance(b, Paragraph) for b in (*bases, *drafts)):
                paras_old = tuple(b for b in bases if isinstance(b, Paragraph))
                paras_new = tuple(b for b in drafts if isinstance(b, Paragraph))
                self.regroups.append(Regroup(paras_old, paras_new))
                self.done_old.update(p.id for p in paras_old)
                self.done_new.update(p.id for p in paras_new)
                matched_old.update(regroup.old)
                matched_new.update(regroup.new)
                self._align_lists([c for p in paras_old for c in p.children],
                                  [c for p in paras_new for c in p.children])
        for i, j in matches:
            self._pair(old[i], new[j], moved=False)
        self.pool_old += [block for i, block in enumerate(old) if i not in matched_old]
        self.pool_new += [block for j, block in enumerate(new) if j not in matched_new]

    def _pair(self, old: Block, new: Block, moved: bool) -> None:
        self.pairs.append(Pair(old, new, moved))
        self.done_old.add(old.id)
        self.done_new.add(new.id)
        if isinstance(old, Paragraph) and isinstance(new, Paragraph):
            self._align_lists(old.children, new.children)

    def _match_pool(self) -> None:
        """Leftovers matched across gaps, parents and parts are moves; unmatched parents open up."""
        opened: set[tuple[str, str]] = set()
        while True:
            self._clean_pools()
            pool_old, pool_new = self.pool_old, self.pool_new
            matches = align.match_moves([self._item(b) for b in pool_old], [self._item(b) for b in pool_new],
                                     self.memo.check)
            for i, j in matches:
                old, new = pool_old[i], pool_new[j]
                if old.id in self.done_old or new.id in self.done_new:
                    continue
                # children opened into the pool go back under their parent
                inner_old = _unpaired_under(old, self.done_old)
                inner_new = _unpaired_under(new, self.done_new)
                self.pool_old = [b for b in self.pool_old if b.id not in inner_old]
                self.pool_new = [b for b in self.pool_new if b.id not in inner_new]
                # what comes back to the pool from under them is opened again
                opened -= {("old", i) for i in inner_old} | {("new", i) for i in inner_new}
                self._pair(old, new, moved=not self._same_place(old, new))
            self._clean_pools()
            grew = False
            for side, pool in (("old", self.pool_old), ("new", self.pool_new)):
                for block in list(pool):
                    if isinstance(block, Paragraph) and (side, block.id) not in opened:
                        opened.add((side, block.id))
                        pool.extend(block.children)
                        grew = grew or bool(block.children)
            if not matches and not grew:
                return

    def _same_place(self, old: Block, new: Block) -> bool:
        """Whether a pair found across gaps stands where its base block stood all the same: the same label
        in the same part (a sub-paragraph under a paragraph rewritten whole, which pairs with nothing), unless
        its author moved it (other moves may have brought it back to its number, out of order all the same)."""
        label = self.old_labels.get(old.id)
        return (new.id not in self.by_author and label is not None and label == self.new_labels.get(new.id)
                and self.part_old.get(old.id) == self.part_new.get(new.id))

    def _clean_pools(self) -> None:
        """The pools without blocks paired meanwhile, each block once."""
        seen: set[tuple[str, str]] = set()
        for side, done in (("pool_old", self.done_old), ("pool_new", self.done_new)):
            kept: list[Block] = []
            for block in getattr(self, side):
                if block.id not in done and (side, block.id) not in seen:
                    seen.add((side, block.id))
                    kept.append(block)
            setattr(self, side, kept)

    # --- footnotes -----------------------------------------------------------------------
    def _align_footnotes(self) -> None:
        old_notes, new_notes = self.old.footnotes, self.new.footnotes
        old_items = [self._item(note) for note in old_notes]
        new_items = [self._item(note) for note in new_notes]
        old_at = {note.id: i for i, note in enumerate(old_notes)}
        new_at = {note.id: j for j, note in enumerate(new_notes)}
        old_keys = Counter(item.key for item in old_items)
        new_keys = Counter(item.key for item in new_items)
        unique_new = {item.key: j for j, item in enumerate(new_items) if new_keys[item.key] == 1}
        pairs: dict[int, int] = {
            i: unique_new[item.key] for i, item in enumerate(old_items)
            if old_keys[item.key] == 1 and item.key in unique_new
        }
        # footnotes cited at the same place of paired paragraphs
        for old_content, new_content in self._content_pairs():
            refs_old = [old_at[r.note] for r in old_content if isinstance(r, NoteRef) and r.note in old_at]
            if not refs_old:  # most paragraphs cite no footnote
                continue
            refs_new = [new_at[r.note] for r in new_content if isinstance(r, NoteRef) and r.note in new_at]
            refs_old = [i for i in dict.fromkeys(refs_old) if i not in pairs]
            taken = set(pairs.values())
            refs_new = [j for j in dict.fromkeys(refs_new) if j not in taken]
            if refs_old and refs_new:
                for a, b in align.align([old_items[i] for i in refs_old], [new_items[j] for j in refs_new], 0.3):
                    pairs[refs_old[a]] = refs_new[b]
        rest_old = [i for i in range(len(old_notes)) if i not in pairs]
        taken = set(pairs.values())
        rest_new = [j for j in range(len(new_notes)) if j not in taken]
        for i, j in align.greedy_pairs(old_items, new_items, rest_old, rest_new, align.PAIR):
            pairs[i] = j
        for number, (i, j) in enumerate(sorted(pairs.items())):
            self.note_pairs.append((old_notes[i], new_notes[j]))
            self.note_key_old[old_notes[i].id] = self.note_key_new[new_notes[j].id] = f"n{number}"
        # the keys of paired footnote references (`name_notes`), learnt at once rather than one diff at a time
        self.codec.learn([f"\x00{key}" for key in self.note_key_old.values()])

    def _content_pairs(self) -> list[tuple[Sequence[Inline], Sequence[Inline]]]:
        out: list[tuple[Sequence[Inline], Sequence[Inline]]] = [(p.old.content, p.new.content) for p in self.pairs]
        out += [([i for b in r.old for i in b.content], [i for b in r.new for i in b.content])
                for r in self.regroups]
        return out

    # --- following the draft ------------------------------------------------------------------
    def follow(self, draft: Resolution) -> dict[str, Block]:
        """The draft changed in structure (a split, a join, a move, an indent, PP↔OP) since the alignment,
        and no content is compared again: pairs whose draft block is gone leave their base block to read
        as deleted, draft blocks that no pair holds read as inserted, and parts, labels, footnote markers
        and OP numbers follow the draft. The draft's blocks by id, in reading order."""
        self.new = draft
        self.markers_new = {note.id: superscript(str(n)) for n, note in enumerate(draft.footnotes, 1)}
        blocks: dict[str, Block] = {}
        self.part_new = {}
        for name, part in parts_of(draft).items():
            for block in all_blocks(part):
                blocks[block.id] = block
                self.part_new[block.id] = name
        self.new_labels = labels_of(draft)
        held: set[str] = set()
        pairs = []
        for pair in self.pairs:
            now = blocks.get(pair.new.id)
            if now is None:
                self.pool_old.append(pair.old)  # its draft block is gone: the base block reads as deleted
                continue
            pair.new = now
            pairs.append(pair)
            held.add(now.id)
        self.pairs = pairs
        regroups = []
        for regroup in self.regroups:
            drafts = [blocks.get(para.id) for para in regroup.new]
            if not all(isinstance(para, Paragraph) for para in drafts):
                self.pool_old.extend(regroup.old)
                continue
            regroup.new = tuple(para for para in drafts if isinstance(para, Paragraph))
            regroups.append(regroup)
            held.update(para.id for para in regroup.new)
        self.regroups = regroups
        self.pool_old = list({block.id: block for block in self.pool_old}.values())
        self.pool_new = [block for block_id, block in blocks.items() if block_id not in held]
        self.op_numbers = self.count_op_numbers()
        return blocks

    def rebind(self, base: Resolution, draft: Resolution) -> None:
        """Point a comparison made on copies of the documents (`Resolution.snapshot`) at the documents
        themselves: the same ids hold the same content."""
        bases = {block.id: block for block in base.blocks()}
        drafts = {block.id: block for block in draft.blocks()}
        old_notes = {note.id: note for note in base.footnotes}
        new_notes = {note.id: note for note in draft.footnotes}
        self.old, self.new = base, draft
        for pair in self.pairs:
            pair.old, pair.new = bases[pair.old.id], drafts[pair.new.id]
        for regroup in self.regroups:
            regroup.old = tuple(_paragraph(bases[para.id]) for para in regroup.old)
            regroup.new = tuple(_paragraph(drafts[para.id]) for para in regroup.new)
        self.pool_old = [bases[block.id] for block in self.pool_old]
        self.pool_new = [drafts[block.id] for block in self.pool_new]
        self.note_pairs = [(old_notes[a.id], new_notes[b.id]) for a, b in self.note_pairs]

    # --- the run -------------------------------------------------------------------------------
    def run(self) -> ChangeList:
        """The change list. Python's cyclic garbage collector is paused meanwhile: a comparison
        makes tens of thousands of small objects, and the collections their number sets off walk
        everything the process holds to find no cycle (a tenth of the time of a comparison)."""
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._run()
        finally:
            self.memo.end()
            if paused:
                gc.enable()

    def _run(self) -> ChangeList:
        old_parts, new_parts = parts_of(self.old), parts_of(self.new)
        contents: list[Sequence[Inline]] = []
        for parts, part_of in ((old_parts, self.part_old), (new_parts, self.part_new)):
            for name, blocks in parts.items():
                for block in all_blocks(blocks):
                    part_of[block.id] = name
                    contents.append(block.content)
        contents += [note.content for note in (*self.old.footnotes, *self.new.footnotes)]
        self.memo.prepare(contents)
        for name in dict.fromkeys([*old_parts, *new_parts]):
            self._align_lists(old_parts.get(name, []), new_parts.get(name, []))
        self._match_pool()
        choose_moved(self.pairs, self.old, self.new, [(r.old, r.new) for r in self.regroups], self._item)
        self._align_footnotes()
        self.op_numbers = self.count_op_numbers()
        note_map = {old.id: new.id for old, new in self.note_pairs}
        records = self.front_records()
        for old_note, new_note in self.note_pairs:
            records.append(self.pair_record(FOOTNOTES, old_note, new_note, False, note_map))
        for pair in self.pairs:
            records.append(self.pair_record(self.part_new[pair.new.id], pair.old, pair.new, pair.moved,
                                             note_map))
        records += [self.regroup_record(regroup) for regroup in self.regroups]
        paired_notes_old = {old.id for old, _new in self.note_pairs}
        paired_notes_new = {new.id for _old, new in self.note_pairs}
        for block in self.pool_old:
            records.append(self.one_side(self.part_old[block.id], block, inserted=False))
        for block in self.pool_new:
            records.append(self.one_side(self.part_new[block.id], block, inserted=True))
        for note in self.old.footnotes:
            if note.id not in paired_notes_old:
                records.append(self.one_side(FOOTNOTES, note, inserted=False))
        for note in self.new.footnotes:
            if note.id not in paired_notes_new:
                records.append(self.one_side(FOOTNOTES, note, inserted=True))
        records = self.in_reading_order(records)
        return ChangeList(
            changes=[r for r in records if r.kind != kinds.UNCHANGED],
            records=records,
            old_layout=layout_of(self.old),
            new_layout=layout_of(self.new),
            old_symbol=self.old.front.symbol,
            new_symbol=self.new.front.symbol,
        )

def _paragraph(block: Block) -> Paragraph:
    assert isinstance(block, Paragraph)  # a regroup's blocks are paragraphs, in a copy as in the original
    return block


def compare_resolutions(old: Resolution, new: Resolution, options: Options) -> ChangeList:
    return Comparison(old, new, options).run()


__all__ = ["EQUAL", "FOOTNOTES", "FRONT", "FRONT_LABEL", "RESOLUTION_FIELDS", "Comparison", "Pair", "Regroup",
           "compare_resolutions", "labels_of", "layout_of", "parts_of", "remap_notes"]

