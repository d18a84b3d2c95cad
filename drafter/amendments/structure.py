"""All the statements of a comparison: paragraphs inserted, deleted, moved, split or merged, and the word
statements of every changed paragraph, footnote and title, in the reading order of the texts.

An insertion or a move is placed next to a paragraph that stays where it was ("after operative paragraph
5"). Of several next to one another, the first follows the paragraph before them and each other one
follows the moved paragraph just before it or precedes the paragraph after them, so that, applied in
order, they come out in the order of the later text. A paragraph the comparison pairs with one under
another paragraph (or in another part) is moved too. An inserted paragraph, and the paragraphs a split or
a merge makes, are quoted whole with their sub-paragraphs; a paragraph of the earlier text that ends up
inside such a quote is deleted where it was (unless a paragraph around it already goes). Where new
paragraphs are inserted just where one without sub-paragraphs is deleted, that one is replaced.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.amendments.paragraph import Footnotes, ParagraphChanges, quote_marked
from drafter.amendments.pieces import Token, groups_of, tokens_of
from drafter.amendments.places import HEADING, TITLE, Level, Place, places_of, quoted_form
from drafter.amendments.statement import (
    AFTER,
    BEFORE,
    DELETE_PARAGRAPH,
    END,
    INSERT_PARAGRAPH,
    INTO,
    MOVE_PARAGRAPH,
    REPLACE_PARAGRAPH,
    Line,
    Note,
    Statement,
)
from drafter.compare import kinds
from drafter.compare.changes import Change, ChangeList
from drafter.compare.labels import labels_of
from drafter.compare.words import superscript
from drafter.model import Block, CrossHeading, NoteRef, Paragraph, Resolution, Text, all_blocks
from drafter.parts import FOOTNOTES, FRONT, OPERATIVE, PREAMBLE, annex_number, parts_of

_REGROUPS = (kinds.SPLIT, kinds.MERGED)
_MOVED_OR_NEW = (kinds.INSERTED, kinds.MOVED)


class Maker:
    """One pass over a change list; `run` gives the statements and the warnings."""

    def __init__(self, old: Resolution, new: Resolution, changes: ChangeList) -> None:
        self.old, self.new, self.changes = old, new, changes
        self.old_places, self.new_places = places_of(old), places_of(new)
        self.old_labels = labels_of(old)
        self.old_markers = {note.id: superscript(str(n)) for n, note in enumerate(old.footnotes, 1)}
        self.new_markers = {note.id: superscript(str(n)) for n, note in enumerate(new.footnotes, 1)}
        self.old_blocks = {block.id: block for block in old.blocks()}
        self.new_blocks = {block.id: block for block in new.blocks()}
        self.old_parent = _parents(old)
        self.new_parent = _parents(new)
        self.lists = _lists(new)  # new block id → its part and the list it is in
        self.old_lists = _lists(old)
        self.records: dict[str, Change] = {}  # new block id → its record
        self.positions = {new_id: float(index) for index, record in enumerate(changes.records)
                          for new_id in record.new_ids}  # new block id → the position of its record
        self.old_records: dict[str, Change] = {}
        for record in changes.records:
            if record.part not in (FRONT, FOOTNOTES):
                self.records.update((new_id, record) for new_id in record.new_ids)
                self.old_records.update((old_id, record) for old_id in record.old_ids)
        # paragraphs paired with one that stood under another paragraph, or in another part: moved too
        self.moved = {new_id for new_id, record in self.records.items()
                      if record.kind == kinds.MOVED or (record.kind not in (kinds.INSERTED, *_REGROUPS)
                                                        and not self._same_parent(record))}
        # the paragraphs of splits and merges that do not stand where the earlier ones stood: new ones
        self.displaced = {new_id for record in changes.records if record.kind in _REGROUPS
                          and not self._in_place(record) for new_id in record.new_ids}
        earlier = {record.new_ids[0]: record.old_ids[0] for record in changes.records
                   if record.part == FOOTNOTES and record.old_ids and record.new_ids}
        self.footnotes = Footnotes({note.id: n for n, note in enumerate(old.footnotes, 1)},
                                   {note.id: quoted_form(note.text) for note in new.footnotes}, earlier)
        self.statements: list[Statement] = []
        self.warnings: list[str] = []
        self.covered: set[str] = set()  # later blocks quoted whole by a statement
        self.gone: set[str] = set()  # earlier blocks a statement takes out
        self.doomed: dict[str, float] = {}  # earlier blocks to delete, with the order of the statement
        self.front_fields: list[str] = []
        self.replaced: set[str] = set()  # earlier paragraphs deleted where new ones are inserted: replaced

    def run(self) -> tuple[list[Statement], list[str]]:
        for index, record in enumerate(self.changes.records):
            self._record(float(index), record)
        self._deletions()
        self._check_leftovers()
        self.statements.sort(key=lambda statement: statement.order)
        return self.statements, self.warnings

    # --- records ---------------------------------------------------------------------------------
    def _record(self, order: float, record: Change) -> None:
        if record.part == FRONT:
            self._front(order, record)
        elif record.part == FOOTNOTES:
            if record.old_content is not None and record.old_ids and record.new_ids:
                old_id = record.old_ids[0]
                self._words(order, record, self.old_places[old_id], record.old_label or "")
        elif record.kind == kinds.DELETED:
            self.doomed.setdefault(record.old_ids[0], -1.0)  # placed in `_deletions`
        elif any(new_id in self.covered for new_id in record.new_ids):
            for old_id in record.old_ids:  # its earlier text is quoted in a new paragraph: taken out where it was
                self.doomed.setdefault(old_id, order)
        elif record.kind == kinds.INSERTED:
            self._insertion(order, record.new_ids[0])
        elif record.kind in _REGROUPS:
            self._regroup(order, record)
        else:
            old_id, new_id = record.old_ids[0], record.new_ids[0]
            if new_id in self.moved:
                self._move(order, old_id, new_id)
            if record.old_content is not None:
                self._words(order, record, self.old_places[old_id], self.old_labels.get(old_id, ""))

    def _front(self, order: float, record: Change) -> None:
        if record.front_field != "title":
            self.front_fields.append(record.front_field)
            return
        old_tokens = tokens_of((Text(self.old.front.title),), {})
        new_tokens = tokens_of((Text(self.new.front.title),), {})
        groups = groups_of(record.ops, old_tokens, new_tokens)
        changes = ParagraphChanges(old_tokens, new_tokens, groups or [], self.footnotes, Place(TITLE), "title")
        self._add(order, changes.statements() if groups is not None else [changes.replacement()])

    def _words(self, order: float, record: Change, place: Place, label: str) -> None:
        """The word statements of a paragraph, heading or footnote whose text changed."""
        old_id, new_id = record.old_ids[0], record.new_ids[0]
        old = self.old_blocks.get(old_id) or self.old.footnote(old_id)
        new = self.new_blocks.get(new_id) or self.new.footnote(new_id)
        assert old is not None and new is not None
        new_tokens = tokens_of(new.content, self.new_markers)
        if isinstance(old, CrossHeading):
            text = quote_marked(new_tokens)
            self._add(order, [Statement(REPLACE_PARAGRAPH, place, label, old_words=place.text, lines=(Line(text),),
                                        notes=self._notes(new_tokens))])
            return
        old_tokens = tokens_of(old.content, self.old_markers)
        groups = groups_of(record.ops, old_tokens, new_tokens)
        chapeau = any(isinstance(block, Paragraph) and block.children for block in (old, new))
        changes = ParagraphChanges(old_tokens, new_tokens, groups or [], self.footnotes, place, label, chapeau)
        self._add(order, changes.statements() if groups is not None else [changes.replacement()])

    def _at(self, new_id: str) -> tuple[str, Sequence[Block], int]:
        """A later block's part, the list it is in, and its index there."""
        part, siblings = self.lists[new_id]
        return part, siblings, next(i for i, block in enumerate(siblings) if block.id == new_id)

    def _insertion(self, order: float, new_id: str) -> None:
        """Inserted paragraphs next to one another, in one statement (a heading in one of its own)."""
        part, siblings, at = self._at(new_id)
        run = [siblings[at]]
        if not isinstance(siblings[at], CrossHeading):
            for block in siblings[at + 1:]:
                if isinstance(block, CrossHeading) or self._kind(block) != kinds.INSERTED:
                    break
                run.append(block)
        lines: list[Line] = []
        notes: list[Note] = []
        for block in run:
            self._quote_whole(block, lines, notes)
        position, anchor = self._where(part, siblings, at)
        replaced = self._replaced_slot(position, anchor, run)
        if replaced is not None:  # a paragraph deleted where these are inserted: the one is replaced with the others
            self.replaced.add(replaced)
            self._add(order, [Statement(REPLACE_PARAGRAPH, self.old_places[replaced],
                                        self.old_labels.get(replaced, ""), lines=tuple(lines), notes=notes)])
            return
        place = self.new_places[new_id]
        kind = HEADING if place.part == HEADING else "sub" if place.is_sub else place.part
        target, target_label = self._target(part, anchor)
        self._add(order, [Statement(INSERT_PARAGRAPH, None, target_label, position=position, target=target,
                                    target_label=target_label, kind=kind, lines=tuple(lines), notes=notes)])

    def _replaced_slot(self, position: str, anchor: str | None, run: list[Block]) -> str | None:
        """The earlier paragraph, deleted and without sub-paragraphs, that stood where `run` is inserted."""
        if isinstance(run[0], CrossHeading) or position not in (AFTER, BEFORE) or anchor not in self.old_lists:
            return None
        if any(new_id in self.moved for new_id in getattr(self.old_records.get(anchor), "new_ids", ())):
            return None  # next to a moved paragraph, which stood elsewhere
        _part, siblings = self.old_lists[anchor]
        at = next(i for i, block in enumerate(siblings) if block.id == anchor) + (1 if position == AFTER else -1)
        if not 0 <= at < len(siblings):
            return None
        slot = siblings[at]
        record = self.old_records.get(slot.id)
        if not isinstance(slot, Paragraph) or slot.children or slot.id in self.replaced \
                or record is None or record.kind != kinds.DELETED:
            return None
        return slot.id

    def _regroup(self, order: float, record: Change) -> None:
        """A split or a merge: the earlier paragraphs replaced with the later ones, quoted whole; where the
        later ones stand elsewhere, the earlier ones deleted and the later ones inserted."""
        if record.new_ids[0] in self.displaced:
            for old_id in record.old_ids:
                self.doomed.setdefault(old_id, order)
            for new_id in record.new_ids:  # each after what stands before it (a heading between them, say)
                if new_id not in self.covered:
                    _part, siblings, at = self._at(new_id)
                    before = self.positions.get(siblings[at - 1].id, order) if at else order
                    self._insertion(max(order, before + 0.5), new_id)
            return
        lines: list[Line] = []
        notes: list[Note] = []
        for new_id in record.new_ids:
            self._quote_whole(self.new_blocks[new_id], lines, notes)
        first, *others = record.old_ids
        self.gone.update(record.old_ids)
        merged = tuple((self.old_places[old_id], self.old_labels.get(old_id, "")) for old_id in others)
        self._add(order, [Statement(REPLACE_PARAGRAPH, self.old_places[first], self.old_labels.get(first, ""),
                                    merged=merged, lines=tuple(lines), notes=notes)])

    def _move(self, order: float, old_id: str, new_id: str) -> None:
        part, siblings, at = self._at(new_id)
        position, anchor = self._where(part, siblings, at)
        target, target_label = self._target(part, anchor)
        self._add(order, [Statement(MOVE_PARAGRAPH, self.old_places[old_id], self.old_labels.get(old_id, ""),
                                    position=position, target=target, target_label=target_label)])

    def _deletions(self) -> None:
        """Earlier paragraphs deleted, or quoted elsewhere: one statement each, none under one that goes. A
        deletion comes just before the statements of the next earlier paragraph that the later text keeps."""
        index = {old_id: i for i, record in enumerate(self.changes.records) for old_id in record.old_ids}
        following = float(next((i for i, record in enumerate(self.changes.records) if record.part == FOOTNOTES),
                               len(self.changes.records)))
        orders: dict[str, float] = {}
        for block in reversed(self.old.blocks()):
            orders[block.id] = following - 0.5
            record = self.old_records.get(block.id)
            if record is not None and record.kind != kinds.DELETED:
                following = float(index[block.id])
        for block in self.old.blocks():
            order = self.doomed.get(block.id)
            if order is None or block.id in self.replaced:
                continue
            order = orders[block.id] if order < 0 else order
            ancestor_gone = any(parent in self.gone for parent in self._old_ancestors(block.id))
            self.gone.add(block.id)
            if not ancestor_gone:
                self._add(order, [Statement(DELETE_PARAGRAPH, self.old_places[block.id],
                                            self.old_labels.get(block.id, ""))])

    # --- placing ---------------------------------------------------------------------------------
    def _where(self, part: str, siblings: Sequence[Block], at: int) -> tuple[str, str | None]:
        """Where a paragraph inserted or moved to `siblings[at]` goes: next to which paragraph of the earlier
        text (its id), or into the part (None)."""
        if at > 0:
            before = siblings[at - 1]
            if self._kind(before) != kinds.INSERTED and self._anchors(before, last=True):
                return AFTER, self._old_id(before, last=True)
        following = next((block for block in siblings[at + 1:] if self._stays(block)
                          and self._anchors(block, last=False)), None)
        if following is not None:
            return BEFORE, self._old_id(following, last=False)
        parent = self.new_parent.get(siblings[at].id)
        position = INTO if at == 0 or all(self._kind(block) == kinds.INSERTED for block in siblings[:at]) else END
        return position, self._old_id(self.new_blocks[parent], last=False) if parent is not None else None

    def _target(self, part: str, old_id: str | None) -> tuple[Place, str]:
        """The place and label of the paragraph `old_id`, or of the part itself."""
        if old_id is None:
            return _part_place(part, len(self.new.annexes)), part
        return self.old_places[old_id], self.old_labels.get(old_id, "")

    def _kind(self, block: Block) -> str:
        record = self.records.get(block.id)
        if record is None or block.id in self.displaced:
            return kinds.INSERTED
        return kinds.MOVED if block.id in self.moved else record.kind

    def _same_parent(self, record: Change) -> bool:
        """Whether a pair's later paragraph stands under the later partner of its earlier parent (or both stand
        in the same part, under none)."""
        old_id, new_id = record.old_ids[0], record.new_ids[0]
        old_parent, new_parent = self.old_parent.get(old_id), self.new_parent.get(new_id)
        if old_parent is None or new_parent is None:
            return old_parent == new_parent and self.lists[new_id][0] == self.old_lists[old_id][0]
        return old_parent in getattr(self.records.get(new_parent), "old_ids", ())

    def _in_place(self, record: Change) -> bool:
        """Whether the later paragraphs of a split or merge stand where the earlier ones stood: together, under
        the same paragraph, right after the one the first earlier paragraph followed (those between deleted)."""
        first_new, first_old = record.new_ids[0], record.old_ids[0]
        part, siblings = self.lists[first_new]
        old_part, old_siblings = self.old_lists[first_old]
        new_parent, old_parent = self.new_parent.get(first_new), self.old_parent.get(first_old)
        if new_parent is None or old_parent is None:
            if new_parent != old_parent or part != old_part:
                return False
        elif old_parent not in getattr(self.records.get(new_parent), "old_ids", ()):
            return False
        at = next(i for i, block in enumerate(siblings) if block.id == first_new)
        if [block.id for block in siblings[at:at + len(record.new_ids)]] != list(record.new_ids):
            return False  # something stands between the later paragraphs
        old_at = next(i for i, block in enumerate(old_siblings) if block.id == first_old)
        start = 0
        if at > 0:
            before = self.records.get(siblings[at - 1].id)
            if before is None or before.kind in (*_MOVED_OR_NEW, *_REGROUPS) or siblings[at - 1].id in self.moved:
                return False
            start = next((i + 1 for i, block in enumerate(old_siblings) if block.id == before.old_ids[-1]), old_at + 1)
            if start > old_at:
                return False
        return all(getattr(self.old_records.get(block.id), "kind", "") == kinds.DELETED
                   for block in old_siblings[start:old_at])

    def _stays(self, block: Block) -> bool:
        return self._kind(block) not in _MOVED_OR_NEW

    def _anchors(self, block: Block, last: bool) -> bool:
        """Whether an insertion may be placed after (`last`) or before this block by its earlier paragraph:
        not inside the paragraphs a split made."""
        record = self.records.get(block.id)
        if record is None or record.kind != kinds.SPLIT:
            return True
        return block.id == record.new_ids[-1 if last else 0]

    def _old_id(self, block: Block, last: bool) -> str:
        return self.records[block.id].old_ids[-1 if last else 0]

    # --- helpers ---------------------------------------------------------------------------------
    def _quote_whole(self, block: Block, lines: list[Line], notes: list[Note]) -> None:
        """A later block quoted with its sub-paragraphs, and marked as quoted."""
        base = len(self.new_places[block.id].subs) if block.id in self.new_places else 0

        def walk(item: Block, level: Level | None) -> None:
            self.covered.add(item.id)
            tokens = tokens_of(item.content, self.new_markers)
            lines.append(Line(quote_marked(tokens), level, level.depth - base if level else 0))
            notes.extend(self._notes(tokens))
            if isinstance(item, Paragraph):
                for index, child in enumerate(item.children, 1):
                    walk(child, Level((level.depth if level else base) + 1, index, item.list_style))

        walk(block, None)

    def _notes(self, tokens: Sequence[Token]) -> list[Note]:
        return [self.footnotes.note(token.note) for token in tokens if token.note]

    def _old_ancestors(self, old_id: str) -> list[str]:
        out: list[str] = []
        parent = self.old_parent.get(old_id)
        while parent is not None:
            out.append(parent)
            parent = self.old_parent.get(parent)
        return out

    def _add(self, order: float, statements: list[Statement]) -> None:
        for statement in statements:
            statement.order = order
            self.statements.append(statement)

    def _check_leftovers(self) -> None:
        """Warnings for what no statement says."""
        if self.front_fields:
            fields = ", ".join(name.replace("_", " ") for name in self.front_fields)
            self.warnings.append(f"front matter changed ({fields}): amendments concern the text itself, so no "
                                 "statement names it")
        old_heads = [" / ".join(annex.heading) for annex in self.old.annexes]
        new_heads = [" / ".join(annex.heading) for annex in self.new.annexes]
        for number in range(1, max(len(old_heads), len(new_heads)) + 1):
            before = old_heads[number - 1] if number <= len(old_heads) else None
            after = new_heads[number - 1] if number <= len(new_heads) else None
            if before is None:
                self.warnings.append(f"annex {number} is new ({after}): no statement gives its heading")
            elif after is None:
                self.warnings.append(f"annex {number} ({before}) is gone: no statement deletes its heading")
            elif before != after:
                self.warnings.append(f"the heading of annex {number} changed ({before} → {after}): no statement "
                                     "names it")
        cited = {item.note for block in self.new.blocks() for item in block.content if isinstance(item, NoteRef)}
        earlier = set(self.footnotes.earlier)
        for number, note in enumerate(self.new.footnotes, 1):
            if note.id not in cited and note.id not in earlier:
                self.warnings.append(f"footnote {number} of the later text is cited nowhere: no statement adds it")


def _lists(res: Resolution) -> dict[str, tuple[str, Sequence[Block]]]:
    """Block id → its part and the list of blocks it is in."""
    out: dict[str, tuple[str, Sequence[Block]]] = {}

    def note(part: str, blocks: Sequence[Block]) -> None:
        for block in blocks:
            out[block.id] = (part, blocks)
            if isinstance(block, Paragraph):
                note(part, block.children)

    for part, blocks in parts_of(res).items():
        note(part, blocks)
    return out


def _parents(res: Resolution) -> dict[str, str]:
    out: dict[str, str] = {}
    for blocks in parts_of(res).values():
        for block in all_blocks(blocks):
            if isinstance(block, Paragraph):
                out.update((child.id, block.id) for child in block.children)
    return out


def _part_place(part: str, annexes: int) -> Place:
    number = annex_number(part)
    if number is None:
        return Place(PREAMBLE if part == PREAMBLE else OPERATIVE)
    return Place("annex", annex=0 if annexes == 1 else number)
