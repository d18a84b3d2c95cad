"""The records of a comparison: word diffs of paired, regrouped and one-sided blocks, in reading order.

`RecordMaker` is the half of a `Comparison` (`engine.py`) that turns what the alignment found into
`Change` records; its methods are public so that the live comparison can make the record of one block
anew after an edit without comparing everything again.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import partial
from typing import cast

from drafter.compare import kinds as k
from drafter.compare.changes import Change, Op
from drafter.compare.labels import FRONT, FRONT_LABEL, RESOLUTION_FIELDS, copy_content, same_content
from drafter.compare.memo import Memo
from drafter.compare.spacing import equal_ops
from drafter.compare.words import (
    DELETE,
    EQUAL,
    INSERT,
    Codec,
    Options,
    Segment,
    Tokens,
    diff_runs,
    diff_tokens,
    join_tokens,
    name_notes,
    segment_text,
    segments_of,
    tokenize,
)
from drafter.model import Block, CrossHeading, Footnote, FrontMatter, Inline, Paragraph, Resolution, Text

_NOT_TECHNICAL_FIELDS = frozenset(["title", "sponsors", "organ", "doc_type", "formula"])

# Op's own constructor is Python code; tuple.__new__ makes the same tuples in C (one per piece of a diff)
_new_op = cast(Callable[[tuple[str, str, bool, bool]], Op], partial(tuple.__new__, Op))


def _own_label_changed(old: str, new: str) -> bool:
    """Whether the paragraph's own number changed, not only its parent's."""
    def last(label: str) -> str:
        return label[label.rfind("("):] if label.endswith(")") else label
    return last(old) != last(new)


@dataclass
class Pair:
    """A base block and the draft block it is paired with."""

    old: Block
    new: Block
    moved: bool


@dataclass
class Regroup:
    """Base paragraphs and the draft paragraphs they were split or merged into."""

    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]


class RecordMaker:
    """Records from an alignment: set up by `Comparison`, which holds the alignment itself."""

    old: Resolution
    new: Resolution
    options: Options
    memo: Memo
    codec: Codec
    part_new: dict[str, str]
    old_labels: dict[str, str]
    new_labels: dict[str, str]
    markers_old: dict[str, str]
    markers_new: dict[str, str]
    note_key_old: dict[str, str]
    note_key_new: dict[str, str]
    pairs: list[Pair]
    op_numbers: dict[int, int]

    # --- word diffs --------------------------------------------------------------------------
    def _old_note(self, note_id: str) -> tuple[str, str]:
        return self.note_key_old.get(note_id, "o" + note_id), self.markers_old.get(note_id, "?")

    def _new_note(self, note_id: str) -> tuple[str, str]:
        return self.note_key_new.get(note_id, "w" + note_id), self.markers_new.get(note_id, "?")

    def _tokens(self, content: list[Inline], old_side: bool) -> Tokens:
        return tokenize(content, self.options, self._old_note if old_side else self._new_note)

    def block_tokens(self, block: Block | Footnote, old_side: bool) -> Tokens:
        """The tokens of a block, its footnote references named for its side."""
        tokens, at = self.memo.cut(block.content)
        return name_notes(tokens, at, self.options, self._old_note if old_side else self._new_note)

    def ops(self, old: Tokens, new: Tokens, front: bool = False) -> tuple[list[Op], str]:
        """The word diff of two token lists as ops, and the kind of change it makes (`kinds.text_kind`)."""
        a, b = self.codec.code(old), self.codec.code(new)
        if a == b:
            return ([_new_op((EQUAL, "".join(new.texts), False, False))] if a else []), k.UNCHANGED
        runs = diff_runs(a, b)
        found = self.ops_in_one_pass(old, new, runs, front)
        if found is not None:
            return found

        def refine(old_range: range, new_range: range) -> list[Segment]:
            return diff_tokens(old, new, self.codec, old_range, new_range, semantic=False)

        segments, tags = k.tag_segments(segments_of(runs), old, new, op_numbers=self.op_numbers, front=front,
                                        refine=refine)
        ops: list[Op] = []
        for s, tag in zip(segments, tags, strict=True):
            if s.op == EQUAL and old.texts[s.old.start:s.old.stop] != new.texts[s.new.start:s.new.stop]:
                ops.extend(equal_ops(old.texts[s.old.start:s.old.stop], new.texts[s.new.start:s.new.stop]))
            else:
                ops.append(_new_op((s.op, segment_text(s, old, new), tag == k.TAG_TECHNICAL,
                                    tag == k.TAG_RENUMBERING)))
        return ops, k.text_kind(segments, tags)

    def ops_in_one_pass(self, old: Tokens, new: Tokens, runs: list[tuple[str, int]],
                         front: bool) -> tuple[list[Op], str] | None:
        """`_ops` straight from the diff's runs, for a pair none of whose changed groups needs the finer
        diff of `kinds.tag_segments` (None for the others): the usual case, and a third cheaper."""
        old_texts, new_texts = old.texts, new.texts
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
                    olds, news = old_texts[i:i + n], new_texts[j:j + n]
                    if olds == news:
                        ops.append(_new_op((EQUAL, "".join(news), False, False)))
                    else:
                        ops.extend(equal_ops(olds, news))
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
    def pair_record(self, part: str, old: Block | Footnote, new: Block | Footnote,
                     moved: bool, note_map: dict[str, str]) -> Change:
        same = same_content(old.content, new.content, note_map)
        if same:  # nothing to diff: the same runs and the same (paired) footnotes
            ops, kind = [Op("equal", self._shown(new.content))], k.UNCHANGED
        else:
            ops, kind = self.ops(self.block_tokens(old, True), self.block_tokens(new, False))
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
            change.old_content = (copy_content(old.content),)
            change.new_content = (copy_content(new.content),)
        return change

    def _shown(self, content: list[Inline]) -> str:
        """The text of new content as the ops show it, footnote markers as superscripts."""
        markers = self.markers_new
        return "".join([item.text if isinstance(item, Text) else markers.get(item.note, "?")
                        for item in content])

    def one_side(self, part: str, block: Block | Footnote, inserted: bool) -> Change:
        content = copy_content(block.content)
        tokens = self.block_tokens(block, not inserted)
        text = "".join(tokens.texts)
        if inserted:
            return Change(k.INSERTED, part, (), (block.id,), None, self.new_labels.get(block.id),
                          [Op("insert", text)] if text else [], new_content=(content,))
        return Change(k.DELETED, part, (block.id,), (), self.old_labels.get(block.id), None,
                      [Op("delete", text)] if text else [], old_content=(content,))

    def regroup_record(self, regroup: Regroup) -> Change:
        def joined(paras: tuple[Paragraph, ...], old_side: bool) -> Tokens:
            tokens = self.block_tokens(paras[0], old_side)
            for para in paras[1:]:
                tokens = join_tokens(tokens, self.block_tokens(para, old_side))
            return tokens

        ops, _kind = self.ops(joined(regroup.old, True), joined(regroup.new, False))
        kind = k.SPLIT if len(regroup.new) > 1 else k.MERGED
        return Change(
            kind, self.part_new.get(regroup.new[0].id, ""),
            tuple(p.id for p in regroup.old), tuple(p.id for p in regroup.new),
            " + ".join(self.old_labels.get(p.id, "?") for p in regroup.old),
            " + ".join(self.new_labels.get(p.id, "?") for p in regroup.new), ops,
            old_content=tuple(copy_content(p.content) for p in regroup.old),
            new_content=tuple(copy_content(p.content) for p in regroup.new),
        )

    def front_records(self) -> list[Change]:
        records: list[Change] = []
        names = [f.name for f in fields(FrontMatter)]
        for name in [*names, *RESOLUTION_FIELDS]:
            holder_old: object = self.old.front if name in names else self.old
            holder_new: object = self.new.front if name in names else self.new
            before, after = getattr(holder_old, name), getattr(holder_new, name)
            if before == after:
                continue
            ops, kind = self.ops(self._tokens([Text(_field_text(before))], True),
                                  self._tokens([Text(_field_text(after))], False),
                                  front=name not in _NOT_TECHNICAL_FIELDS)
            if kind in (k.UNCHANGED, k.RENUMBERED):
                kind = k.UNCHANGED if kind == k.UNCHANGED else k.MODIFIED
            records.append(Change(kind, FRONT, (), (), FRONT_LABEL, FRONT_LABEL, ops, front_field=name,
                                  old_value=copy.deepcopy(before), new_value=copy.deepcopy(after)))
        return records

    def count_op_numbers(self) -> dict[int, int]:
        numbers: dict[int, int] = {}
        for pair in self.pairs:
            old_label = self.old_labels.get(pair.old.id, "")
            new_label = self.new_labels.get(pair.new.id, "")
            if old_label[2:].isdigit() and new_label[2:].isdigit() and old_label.startswith("OP") \
                    and new_label.startswith("OP"):
                numbers[int(old_label[2:])] = int(new_label[2:])
        return numbers

    def in_reading_order(self, records: list[Change]) -> list[Change]:
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
