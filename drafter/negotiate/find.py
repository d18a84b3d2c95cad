"""A delegation's text compared with SENT, as proposals.

The comparer (`drafter.compare.compare`) pairs the paragraphs; each difference becomes proposals:
words changed in a paired paragraph are one proposal per changed group (`spans.changed_spans`); an
inserted paragraph is a new paragraph placed after the SENT paragraph it follows in the delegation's text;
a deleted one a deletion; a moved one a move (and its words, if it changed); a split keeps the first part
as the paragraph and adds the others as new paragraphs; a merge keeps the first paragraph and deletes the
others. Footnotes changed in their words are word proposals on "footnote N"; a footnote the delegation
adds travels with the proposal that cites it. Changes to the front matter are not proposals: they are
reported as warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from drafter.compare.changes import Change, Op
from drafter.compare.engine import Comparison
from drafter.compare.kinds import DELETED, INSERTED, MERGED, MOVED, SPLIT, UNCHANGED
from drafter.compare.labels import labels_of
from drafter.compare.memo import Memo
from drafter.compare.words import Options, superscript
from drafter.model import Block, Content, Footnote, Inline, NoteRef, Paragraph, Resolution, Text
from drafter.negotiate.proposals import (
    DELETE,
    DELETE_PARAGRAPH,
    INSERT,
    MOVE,
    NEW_PARAGRAPH,
    REPLACE,
    Proposal,
)
from drafter.negotiate.spans import changed_spans, slice_content
from drafter.parts import FOOTNOTES, FRONT, parts_of


@dataclass
class Place:
    part: str
    parent: str | None  # the parent paragraph's id
    siblings: list[Block]
    index: int


def places(res: Resolution) -> dict[str, Place]:
    """Where every block of a resolution sits."""
    out: dict[str, Place] = {}

    def walk(blocks: list[Block], part: str, parent: str | None) -> None:
        for index, block in enumerate(blocks):
            out[block.id] = Place(part, parent, blocks, index)
            if isinstance(block, Paragraph):
                walk(list(block.children), part, block.id)

    for part, blocks in parts_of(res).items():
        walk(blocks, part, None)
    return out


def by_label(res: Resolution) -> dict[str, Block | Footnote]:
    """A resolution's paragraphs, headings and footnotes by label ("PP3", "heading 1", "footnote 2")."""
    by_id: dict[str, Block | Footnote] = {block.id: block for block in res.blocks()}
    by_id.update({note.id: note for note in res.footnotes})
    return {label: by_id[block_id] for block_id, label in labels_of(res).items() if block_id in by_id}


def shown(content: Sequence[Inline], res: Resolution) -> str:
    """Content as text, footnote references as their printed markers in superscript."""
    return "".join(item.text if isinstance(item, Text) else superscript(res.marker(item.note)) for item in content)


@dataclass
class Finder:
    sent: Resolution
    text: Resolution
    author: str
    source: str
    next_id: Callable[[], str]
    proposals: list[Proposal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    memo: Memo | None = None

    def __post_init__(self) -> None:
        self.changes = Comparison(self.sent, self.text, Options(), self.memo).run()  # as `compare` does
        self.labels = labels_of(self.sent)
        self.old_places, self.new_places = places(self.sent), places(self.text)
        self.sent_parts = set(parts_of(self.sent))
        self.old_notes = {note.id: note for note in self.sent.footnotes}
        self.new_notes = {note.id: note for note in self.text.footnotes}
        self.new_to_old: dict[str, str] = {}
        self.note_keys: dict[str, str] = {}  # footnote id of either side -> the key of its pair
        for record in self.changes.records:
            if record.part == FRONT or not record.old_ids or not record.new_ids:
                continue
            self.new_to_old[record.new_ids[0]] = record.old_ids[0]  # a split's first part, a merge's first paragraph
            if record.part == FOOTNOTES:
                key = f"n{len(self.note_keys)}"
                self.note_keys[record.old_ids[0]] = self.note_keys[record.new_ids[0]] = key

    # --- helpers -----------------------------------------------------------------------------------
    def _add(self, proposal: Proposal) -> None:
        self.proposals.append(proposal)

    def _remap(self, content: Sequence[Inline], notes: dict[str, Content]) -> Content:
        """New-side content with its footnote references turned into SENT's, or carried in `notes`."""
        out: list[Inline] = []
        for item in content:
            if isinstance(item, NoteRef):
                partner = self.new_to_old.get(item.note, "")
                if partner in self.old_notes:
                    out.append(NoteRef(partner))
                    continue
                note = self.new_notes.get(item.note)
                notes[item.note] = note.content if note is not None else ()
                out.append(item)
            else:
                out.append(item)
        return tuple(out)

    def _remap_block(self, block: Block, notes: dict[str, Content]) -> Block:
        if isinstance(block, Paragraph):
            children = [self._remap_block(child, notes) for child in block.children]
            return replace(block, content=self._remap(block.content, notes),
                           children=[child for child in children if isinstance(child, Paragraph)])
        return replace(block, content=self._remap(block.content, notes))

    def _inside_new(self, block_id: str) -> bool:
        """Whether a block of the delegation's text sits inside a paragraph that SENT lacks."""
        parent = self.new_places[block_id].parent if block_id in self.new_places else None
        while parent is not None:
            if parent not in self.new_to_old:
                return True
            parent = self.new_places[parent].parent
        return False

    def _old_gone_above(self, block_id: str) -> bool:
        """Whether a SENT block's parent is itself deleted (its deletion says it all)."""
        parent = self.old_places[block_id].parent
        return parent is not None and parent not in set(self.new_to_old.values())

    def _place(self, new_id: str) -> tuple[str, str | None, str | None]:
        """Where a block of the delegation's text stands, in SENT's labels."""
        place = self.new_places[new_id]
        after = None
        for sibling in reversed(place.siblings[:place.index]):
            partner = self.new_to_old.get(sibling.id)
            if partner is not None:
                after = self.labels.get(partner)
                break
        parent = self.labels.get(self.new_to_old.get(place.parent, "")) if place.parent else None
        return place.part, parent, after

    # --- proposals -----------------------------------------------------------------------------------
    def words(self, old: Block | Footnote, new: Block | Footnote) -> None:
        label = self.labels.get(old.id)
        if label is None or old.content == new.content:
            return
        spans = changed_spans(old.content, new.content, lambda n: self.note_keys.get(n, "o" + n),
                              lambda n: self.note_keys.get(n, "w" + n))
        if not spans and self._remap(new.content, {}) != old.content:
            self.warnings.append(f"{self.author}: {label} differs from the text sent in its formatting only "
                                 "(italics); formatting is not a proposal")
        for (a, b), (c, d) in spans:
            notes: dict[str, Content] = {}
            piece = self._remap(slice_content(new.content, c, d), notes)
            kind = REPLACE if a < b and c < d else INSERT if a == b else DELETE
            ops = ([Op("delete", shown(slice_content(old.content, a, b), self.sent))] if a < b else []) + \
                  ([Op("insert", shown(slice_content(new.content, c, d), self.text))] if c < d else [])
            self._add(Proposal(self.next_id(), self.author, kind, label, start=a, end=b, content=piece, notes=notes,
                               ops=ops, source=self.source))

    def new_paragraph(self, new_id: str) -> None:
        if self._inside_new(new_id):
            return
        block = self.text_block(new_id)
        part = self.new_places[new_id].part
        if part not in self.sent_parts:
            self.warnings.append(f"{self.author}: adds a paragraph to {part}, which the text sent does not have "
                                 f"(“{' '.join(block.text.split()[:8])} …”); it is not read as a proposal")
            return
        notes: dict[str, Content] = {}
        copied = self._remap_block(block, notes)
        part, parent, after = self._place(new_id)
        self._add(Proposal(self.next_id(), self.author, NEW_PARAGRAPH, None, after, part, parent, block=copied,
                           notes=notes, ops=[Op("insert", shown(block.content, self.text))], source=self.source))

    def delete_paragraph(self, old_id: str) -> None:
        if self._old_gone_above(old_id) or old_id not in self.labels:
            return
        block = self.sent_block(old_id)
        self._add(Proposal(self.next_id(), self.author, DELETE_PARAGRAPH, self.labels[old_id],
                           ops=[Op("delete", shown(block.content, self.sent))], source=self.source))

    def text_block(self, block_id: str) -> Block:
        place = self.new_places[block_id]
        return place.siblings[place.index]

    def sent_block(self, block_id: str) -> Block:
        place = self.old_places[block_id]
        return place.siblings[place.index]

    def paired(self, record: Change) -> None:
        old_id, new_id = record.old_ids[0], record.new_ids[0]
        if self._inside_new(new_id):  # taken into a new paragraph: it goes from its SENT place
            self.delete_paragraph(old_id)
            return
        old_place, new_place = self.old_places[old_id], self.new_places[new_id]
        parent_moved = (self.new_to_old.get(new_place.parent or "") != old_place.parent
                        or old_place.part != new_place.part)
        if (record.kind == MOVED or parent_moved) and new_place.part not in self.sent_parts:
            self.warnings.append(f"{self.author}: moves {self.labels.get(old_id)} to {new_place.part}, which the "
                                 "text sent does not have; the move is not read as a proposal")
        elif record.kind == MOVED or parent_moved:
            part, parent, after = self._place(new_id)
            self._add(Proposal(self.next_id(), self.author, MOVE, self.labels.get(old_id), after, part, parent,
                               source=self.source))
        if record.old_content is not None or record.kind in (SPLIT, MERGED):  # the comparer saw the words change
            self.words(self.sent_block(old_id), self.text_block(new_id))

    def run(self) -> None:
        fields = [record.front_field for record in self.changes.records
                  if record.part == FRONT and record.kind != UNCHANGED]
        if fields:
            self.warnings.append(f"{self.author}: the front matter differs from the text sent "
                                 f"({', '.join(fields)}); it is not read as proposals")
        for record in self.changes.records:
            if record.part == FRONT:
                continue
            if record.part == FOOTNOTES:
                if record.old_ids and record.new_ids and record.old_content is not None:
                    self.words(self.old_notes[record.old_ids[0]], self.new_notes[record.new_ids[0]])
                continue
            if record.kind == INSERTED:
                self.new_paragraph(record.new_ids[0])
            elif record.kind == DELETED:
                self.delete_paragraph(record.old_ids[0])
            elif record.kind == SPLIT:
                self.paired(Change(record.kind, record.part, record.old_ids[:1], record.new_ids[:1]))
                for new_id in record.new_ids[1:]:
                    self.new_paragraph(new_id)
            elif record.kind == MERGED:
                self.paired(Change(record.kind, record.part, record.old_ids[:1], record.new_ids[:1]))
                for old_id in record.old_ids[1:]:
                    self.delete_paragraph(old_id)
            else:
                self.paired(record)


def counter(prefix: str = "P", start: int = 1) -> Callable[[], str]:
    """Proposal ids P1, P2, … shared by all the files of one compilation."""
    numbers: Iterator[int] = iter(range(start, 1 << 62))
    return lambda: f"{prefix}{next(numbers)}"


def find(sent: Resolution, text: Resolution, author: str, *, source: str = "",
         next_id: Callable[[], str] | None = None, memo: Memo | None = None) -> tuple[list[Proposal], list[str]]:
    """The proposals that turn SENT into `text`, by `author`, and warnings for what is not a proposal; `memo`
    (of `Options()`) keeps the words of SENT from one delegation's comparison to the next."""
    finder = Finder(sent, text, author, source, next_id or counter(), memo=memo)
    finder.run()
    return finder.proposals, finder.warnings


__all__ = ["by_label", "counter", "find", "places", "shown"]
