"""The comparison of two resolutions: alignment, word diffs, classification, change list."""

from __future__ import annotations

import copy
import gc
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import partial
from typing import cast

from drafter.compare import align as al
from drafter.compare import kinds as k
from drafter.compare.changes import Change, ChangeList, Layout, Node, Op
from drafter.compare.memo import Memo
from drafter.compare.moves import choose_moved
from drafter.compare.words import (
    DELETE,
    EQUAL,
    INSERT,
    Options,
    Segment,
    Tokens,
    diff_runs,
    diff_tokens,
    join_tokens,
    name_notes,
    segment_text,
    segments_of,
    superscript,
    tokenize,
)
from drafter.model import (
    Annex,
    Block,
    CrossHeading,
    Footnote,
    FrontMatter,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    all_blocks,
    sub_labels,
)

FRONT = "front"
FOOTNOTES = "footnotes"
FRONT_LABEL = "front matter"
# Fields of the Resolution itself that are compared with the front matter.
_STRUCTURE = frozenset(["front", "preamble", "operative", "footnotes", "annexes", "warnings", "moved"])
RESOLUTION_FIELDS = tuple(f.name for f in fields(Resolution) if f.name not in _STRUCTURE)
_NOT_TECHNICAL_FIELDS = frozenset(["title", "sponsors", "organ", "doc_type", "formula"])

# Op's and Node's own constructors are Python code; tuple.__new__ makes the same tuples in C (one per
# piece of a diff, one per block)
_new_op = cast(Callable[[tuple[str, str, bool, bool]], Op], partial(tuple.__new__, Op))
_new_node = cast(Callable[[tuple[str, bool, str, tuple[Node, ...]]], Node], partial(tuple.__new__, Node))


def remap_notes(content: list[Inline], mapping: dict[str, str], strict: bool = False) -> list[Inline]:
    """A copy of content with footnote references renamed through `mapping`.

    `strict` renames references that `mapping` lacks to a name no footnote has.
    """
    out: list[Inline] = []
    for item in content:
        if isinstance(item, NoteRef):
            missing = f"\x00{item.note}" if strict else item.note
            out.append(NoteRef(mapping.get(item.note, missing)))
        else:
            out.append(Text(item.text, item.italic))
    return out


def _same_content(old: list[Inline], new: list[Inline], note_map: dict[str, str]) -> bool:
    """Whether `new` is `old` with its footnote references renamed through `note_map` (references
    that `note_map` lacks match nothing): `remap_notes(old, note_map, True) == new`, without copies."""
    if len(old) != len(new):
        return False
    for before, after in zip(old, new, strict=True):
        if isinstance(before, NoteRef):
            if not (after.__class__ is NoteRef and isinstance(after, NoteRef)
                    and after.note == note_map.get(before.note, "\x00" + before.note)):
                return False
        elif not (after.__class__ is Text and isinstance(after, Text)
                  and after.text == before.text and after.italic == before.italic):
            return False
    return True


def _copy(content: list[Inline]) -> list[Inline]:
    return remap_notes(content, {})


# --- labels and layout -------------------------------------------------------------------
def _annex_labels(prefix: str, blocks: Sequence[Block], out: dict[str, str]) -> None:
    number = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            number += 1
            out[block.id] = label = f"{prefix} para {number}"
            if block.children:
                out.update([(para.id, sub) for sub, para in sub_labels(label, block)])


def labels_of(res: Resolution) -> dict[str, str]:
    """Block id → label, for paragraphs, sub-paragraphs, cross-headings and annex paragraphs."""
    out = res.labels()
    headings = 0
    for block in [*res.preamble, *res.operative]:
        if isinstance(block, CrossHeading):
            headings += 1
            out[block.id] = f"heading {headings}"
    for number, annex in enumerate(res.annexes, 1):
        _annex_labels(f"annex {number}", annex.blocks, out)
        count = 0
        for block in annex.blocks:
            if isinstance(block, CrossHeading):
                count += 1
                out[block.id] = f"annex {number} heading {count}"
    for number, note in enumerate(res.footnotes, 1):
        out[note.id] = f"footnote {number}"
    return out


def parts_of(res: Resolution) -> dict[str, list[Block]]:
    parts: dict[str, list[Block]] = {"preamble": res.preamble, "operative": res.operative}
    for number, annex in enumerate(res.annexes, 1):
        parts[f"annex {number}"] = annex.blocks
    return parts


def _node(block: Block) -> Node:
    if isinstance(block, CrossHeading):
        return _new_node((block.id, True, "", ()))
    return _new_node((block.id, False, block.list_style, tuple(map(_node, block.children)) if block.children else ()))


def layout_of(res: Resolution) -> Layout:
    return Layout(
        parts={name: [_node(block) for block in blocks] for name, blocks in parts_of(res).items()},
        footnotes=[note.id for note in res.footnotes],
        annexes=[{f.name: copy.deepcopy(getattr(annex, f.name)) for f in fields(Annex) if f.name != "blocks"}
                 for annex in res.annexes],
        warnings=list(res.warnings),
    )


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


def _own_label_changed(old: str, new: str) -> bool:
    """Whether the paragraph's own number changed, not only its parent's."""
    def last(label: str) -> str:
        return label[label.rfind("("):] if label.endswith(")") else label
    return last(old) != last(new)


@dataclass
class _Pair:
    old: Block
    new: Block
    moved: bool


@dataclass
class _Regroup:
    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]


# --- the comparison ------------------------------------------------------------------------
class Comparison:
    """One run of the comparer over two resolutions."""

    def __init__(self, old: Resolution, new: Resolution, options: Options, memo: Memo | None = None) -> None:
        """`memo` (made with the same options) carries what an earlier comparison of these documents learnt."""
        self.old = old
        self.new = new
        self.options = options
        self.memo = memo if memo is not None and memo.options == options else Memo(options)
        self.memo.begin()
        self.codec = self.memo.codec
        self.pairs: list[_Pair] = []
        self.done_old: set[str] = set()
        self.done_new: set[str] = set()
        self.regroups: list[_Regroup] = []
        self.pool_old: list[Block] = []
        self.pool_new: list[Block] = []
        self.part_old: dict[str, str] = {}
        self.part_new: dict[str, str] = {}
        self.old_labels = labels_of(old)
        self.new_labels = labels_of(new)
        self._markers_old = {note.id: superscript(str(n)) for n, note in enumerate(old.footnotes, 1)}
        self._markers_new = {note.id: superscript(str(n)) for n, note in enumerate(new.footnotes, 1)}
        self.note_pairs: list[tuple[Footnote, Footnote]] = []
        self.note_key_old: dict[str, str] = {}
        self.note_key_new: dict[str, str] = {}
        self.by_author = frozenset(new.moved)  # the blocks the author moved: the ones to call moved

    # --- structure -------------------------------------------------------------------
    def _cut(self, block: Block | Footnote) -> tuple[Tokens, list[tuple[int, str]]]:
        """The tokens of a block before its footnote references are named."""
        return self.memo.cut(block.content)

    def _item(self, block: Block | Footnote) -> al.Item:
        return self.memo.item(block.content, isinstance(block, CrossHeading))

    def _align_lists(self, old: Sequence[Block], new: Sequence[Block]) -> None:
        if not old and not new:  # the children of most paragraphs
            return
        old = [block for block in old if block.id not in self.done_old]
        new = [block for block in new if block.id not in self.done_new]
        old_items = [self._item(block) for block in old]
        new_items = [self._item(block) for block in new]
        matches = al.align(old_items, new_items)
        matches, regroups = al.find_regroups(old_items, new_items, matches, self.memo.check)
        matched_old = {i for i, _j in matches}
        matched_new = {j for _i, j in matches}
        for regroup in regroups:
            olds = tuple(old[i] for i in regroup.old)
            news = tuple(new[j] for j in regroup.new)
            if all(isinstance(b, Paragraph) for b in (*olds, *news)):
                paras_old = tuple(b for b in olds if isinstance(b, Paragraph))
                paras_new = tuple(b for b in news if isinstance(b, Paragraph))
                self.regroups.append(_Regroup(paras_old, paras_new))
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
        self.pairs.append(_Pair(old, new, moved))
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
            matches = al.match_moves([self._item(b) for b in pool_old], [self._item(b) for b in pool_new],
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
                for a, b in al.align([old_items[i] for i in refs_old], [new_items[j] for j in refs_new], 0.3):
                    pairs[refs_old[a]] = refs_new[b]
        rest_old = [i for i in range(len(old_notes)) if i not in pairs]
        taken = set(pairs.values())
        rest_new = [j for j in range(len(new_notes)) if j not in taken]
        for i, j in al.greedy_pairs(old_items, new_items, rest_old, rest_new, al.PAIR):
            pairs[i] = j
        for number, (i, j) in enumerate(sorted(pairs.items())):
            self.note_pairs.append((old_notes[i], new_notes[j]))
            self.note_key_old[old_notes[i].id] = self.note_key_new[new_notes[j].id] = f"n{number}"
        # the keys of paired footnote references (`name_notes`), learnt at once rather than one diff at a time
        self.codec.learn([f"\x00{key}" for key in self.note_key_old.values()])

    def _content_pairs(self) -> list[tuple[list[Inline], list[Inline]]]:
        out = [(p.old.content, p.new.content) for p in self.pairs]
        out += [([i for b in r.old for i in b.content], [i for b in r.new for i in b.content])
                for r in self.regroups]
        return out

    # --- word diffs --------------------------------------------------------------------------
    def _old_note(self, note_id: str) -> tuple[str, str]:
        return self.note_key_old.get(note_id, "o" + note_id), self._markers_old.get(note_id, "?")

    def _new_note(self, note_id: str) -> tuple[str, str]:
        return self.note_key_new.get(note_id, "w" + note_id), self._markers_new.get(note_id, "?")

    def _tokens(self, content: list[Inline], old_side: bool) -> Tokens:
        return tokenize(content, self.options, self._old_note if old_side else self._new_note)

    def _block_tokens(self, block: Block | Footnote, old_side: bool) -> Tokens:
        """The tokens of a block, its footnote references named for its side."""
        tokens, at = self._cut(block)
        return name_notes(tokens, at, self.options, self._old_note if old_side else self._new_note)

    def _ops(self, old: Tokens, new: Tokens, front: bool = False) -> tuple[list[Op], str]:
        """The word diff of two token lists as ops, and the kind of change it makes (`kinds.text_kind`)."""
        a, b = self.codec.code(old), self.codec.code(new)
        if a == b:
            return ([_new_op((EQUAL, "".join(new.texts), False, False))] if a else []), k.UNCHANGED
        runs = diff_runs(a, b)
        found = self._ops_in_one_pass(old, new, runs, front)
        if found is not None:
            return found

        def refine(old_range: range, new_range: range) -> list[Segment]:
            return diff_tokens(old, new, self.codec, old_range, new_range, semantic=False)

        segments, tags = k.tag_segments(segments_of(runs), old, new, op_numbers=self.op_numbers, front=front,
                                        refine=refine)
        ops = [_new_op((s.op, segment_text(s, old, new), tag == k.TAG_TECHNICAL, tag == k.TAG_RENUMBERING))
               for s, tag in zip(segments, tags, strict=True)]
        return ops, k.text_kind(segments, tags)

    def _ops_in_one_pass(self, old: Tokens, new: Tokens, runs: list[tuple[str, int]],
                         front: bool) -> tuple[list[Op], str] | None:
        """`_ops` straight from the diff's runs, for a pair none of whose changed groups needs the finer
        diff of `kinds.tag_segments` (None for the others): the usual case, and a third cheaper."""
        new_texts = new.texts
        ops: list[Op] = []
        tags: set[str] = set()
        i = j = deleted = inserted = 0  # deleted, inserted: the lengths of the changed group so far
        for code, n in [*runs, ("=", 0)]:  # an empty last run closes the last group
            if code == "-":
                deleted += n
                i += n
            elif code == "+":
                inserted += n
                j += n
            else:
                if (deleted or inserted) and not self._group_ops(
                        old, new, range(i - deleted, i) if deleted else range(0, 0),
                        range(j - inserted, j) if inserted else range(0, 0), front, ops, tags):
                    return None
                deleted = inserted = 0
                if n:
                    ops.append(_new_op((EQUAL, "".join(new_texts[j:j + n]), False, False)))
                    i += n
                    j += n
        return ops, k.kind_of_tags(tags)

    def _group_ops(self, old: Tokens, new: Tokens, old_range: range, new_range: range, front: bool,
                   ops: list[Op], tags: set[str]) -> bool:
        """The ops of one changed group (the deletion first), and its tag into `tags`; False when the group
        needs a finer diff."""
        tag = k.group_tag(old, new, old_range, new_range, self.op_numbers, front)
        if tag is None:
            return False
        tags.add(tag)
        technical, renumbering = tag == k.TAG_TECHNICAL, tag == k.TAG_RENUMBERING
        if old_range:
            ops.append(_new_op((DELETE, "".join(old.texts[old_range.start:old_range.stop]), technical, renumbering)))
        if new_range:
            ops.append(_new_op((INSERT, "".join(new.texts[new_range.start:new_range.stop]), technical, renumbering)))
        return True

    # --- records -----------------------------------------------------------------------------
    def _pair_record(self, part: str, old: Block | Footnote, new: Block | Footnote,
                     moved: bool, note_map: dict[str, str]) -> Change:
        same = _same_content(old.content, new.content, note_map)
        if same:  # nothing to diff: the same runs and the same (paired) footnotes
            ops, kind = [Op("equal", self._shown(new.content))], k.UNCHANGED
        else:
            ops, kind = self._ops(self._block_tokens(old, True), self._block_tokens(new, False))
        old_label = self.old_labels.get(old.id)
        new_label = self.new_labels.get(new.id)
        relabelled = old_label != new_label
        if moved:
            kind = k.MOVED
        elif kind == k.UNCHANGED and relabelled and not isinstance(old, CrossHeading) and (
            isinstance(old, Footnote) or _own_label_changed(old_label or "", new_label or "")
        ):
            kind = k.RENUMBERED
        change = Change(kind, part, (old.id,), (new.id,), old_label, new_label, ops, relabelled=relabelled)
        if not same:
            change.old_content = (_copy(old.content),)
            change.new_content = (_copy(new.content),)
        return change

    def _shown(self, content: list[Inline]) -> str:
        """The text of new content as the ops show it, footnote markers as superscripts."""
        markers = self._markers_new
        return "".join([item.text if isinstance(item, Text) else markers.get(item.note, "?")
                        for item in content])

    def _one_side(self, part: str, block: Block | Footnote, inserted: bool) -> Change:
        content = _copy(block.content)
        tokens = self._block_tokens(block, not inserted)
        text = "".join(tokens.texts)
        if inserted:
            return Change(k.INSERTED, part, (), (block.id,), None, self.new_labels.get(block.id),
                          [Op("insert", text)] if text else [], new_content=(content,))
        return Change(k.DELETED, part, (block.id,), (), self.old_labels.get(block.id), None,
                      [Op("delete", text)] if text else [], old_content=(content,))

    def _regroup_record(self, regroup: _Regroup) -> Change:
        def joined(paras: tuple[Paragraph, ...], old_side: bool) -> Tokens:
            tokens = self._block_tokens(paras[0], old_side)
            for para in paras[1:]:
                tokens = join_tokens(tokens, self._block_tokens(para, old_side))
            return tokens

        ops, _kind = self._ops(joined(regroup.old, True), joined(regroup.new, False))
        kind = k.SPLIT if len(regroup.new) > 1 else k.MERGED
        return Change(
            kind, self.part_new.get(regroup.new[0].id, ""),
            tuple(p.id for p in regroup.old), tuple(p.id for p in regroup.new),
            " + ".join(self.old_labels.get(p.id, "?") for p in regroup.old),
            " + ".join(self.new_labels.get(p.id, "?") for p in regroup.new), ops,
            old_content=tuple(_copy(p.content) for p in regroup.old),
            new_content=tuple(_copy(p.content) for p in regroup.new),
        )

    def _front_records(self) -> list[Change]:
        records: list[Change] = []
        names = [f.name for f in fields(FrontMatter)]
        for name in [*names, *RESOLUTION_FIELDS]:
            holder_old: object = self.old.front if name in names else self.old
            holder_new: object = self.new.front if name in names else self.new
            before, after = getattr(holder_old, name), getattr(holder_new, name)
            if before == after:
                continue
            ops, kind = self._ops(self._tokens([Text(_field_text(before))], True),
                                  self._tokens([Text(_field_text(after))], False),
                                  front=name not in _NOT_TECHNICAL_FIELDS)
            if kind in (k.UNCHANGED, k.RENUMBERED):
                kind = k.UNCHANGED if kind == k.UNCHANGED else k.MODIFIED
            records.append(Change(kind, FRONT, (), (), FRONT_LABEL, FRONT_LABEL, ops, front_field=name,
                                  old_value=copy.deepcopy(before), new_value=copy.deepcopy(after)))
        return records

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
        contents: list[list[Inline]] = []
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
        self.op_numbers = self._op_numbers()
        note_map = {old.id: new.id for old, new in self.note_pairs}
        records = self._front_records()
        for old_note, new_note in self.note_pairs:
            records.append(self._pair_record(FOOTNOTES, old_note, new_note, False, note_map))
        for pair in self.pairs:
            records.append(self._pair_record(self.part_new[pair.new.id], pair.old, pair.new, pair.moved,
                                             note_map))
        records += [self._regroup_record(regroup) for regroup in self.regroups]
        paired_notes_old = {old.id for old, _new in self.note_pairs}
        paired_notes_new = {new.id for _old, new in self.note_pairs}
        for block in self.pool_old:
            records.append(self._one_side(self.part_old[block.id], block, inserted=False))
        for block in self.pool_new:
            records.append(self._one_side(self.part_new[block.id], block, inserted=True))
        for note in self.old.footnotes:
            if note.id not in paired_notes_old:
                records.append(self._one_side(FOOTNOTES, note, inserted=False))
        for note in self.new.footnotes:
            if note.id not in paired_notes_new:
                records.append(self._one_side(FOOTNOTES, note, inserted=True))
        records = self._in_reading_order(records)
        return ChangeList(
            changes=[r for r in records if r.kind != k.UNCHANGED],
            records=records,
            old_layout=layout_of(self.old),
            new_layout=layout_of(self.new),
            old_symbol=self.old.front.symbol,
            new_symbol=self.new.front.symbol,
        )

    def _op_numbers(self) -> dict[int, int]:
        numbers: dict[int, int] = {}
        for pair in self.pairs:
            old_label = self.old_labels.get(pair.old.id, "")
            new_label = self.new_labels.get(pair.new.id, "")
            if old_label[2:].isdigit() and new_label[2:].isdigit() and old_label.startswith("OP") \
                    and new_label.startswith("OP"):
                numbers[int(old_label[2:])] = int(new_label[2:])
        return numbers

    def _in_reading_order(self, records: list[Change]) -> list[Change]:
        """Front matter, then the blocks in the order of the new text (deletions after their
        predecessor), then footnotes."""
        position: dict[str, float] = {}
        for index, block in enumerate(self.new.blocks()):
            position[block.id] = float(index)
        for index, note in enumerate(self.new.footnotes):
            position[note.id] = 1e6 + index
        new_of_old: dict[str, str] = {}
        for record in records:
            for old_id in record.old_ids:
                if record.new_ids:
                    new_of_old[old_id] = record.new_ids[0]
        last = -0.5
        order_old: dict[str, float] = {}
        for block in self.old.blocks():
            partner = new_of_old.get(block.id)
            if partner is not None and partner in position:
                last = position[partner]
            order_old[block.id] = last + 0.5
        last = 1e6 - 0.5
        for note in self.old.footnotes:
            partner = new_of_old.get(note.id)
            if partner is not None and partner in position:
                last = position[partner]
            order_old[note.id] = last + 0.5

        def key(record: Change) -> float:
            if record.part == FRONT:
                return -1.0
            if record.new_ids:
                return position.get(record.new_ids[0], 0.0)
            return order_old.get(record.old_ids[0], 0.0)

        return sorted(records, key=key)


def _field_text(value: object) -> str:
    if isinstance(value, list):
        parts = []
        for item in value:
            number = getattr(item, "number", None)
            title = getattr(item, "title", "")
            parts.append(f"{number} {title}".strip() if number is not None else str(item))
        return "\n".join(parts)
    return str(value)


def compare_resolutions(old: Resolution, new: Resolution, options: Options) -> ChangeList:
    return Comparison(old, new, options).run()


__all__ = ["EQUAL", "Comparison", "compare_resolutions", "labels_of", "layout_of", "remap_notes"]
