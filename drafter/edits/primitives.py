"""Every change to a document as a small reversible edit object.

A `Document` holds the base (the text negotiated from), the draft (the text being
written) and metadata. An `Edit` changes one side of it with `apply` and undoes
itself exactly with `revert`; the app wraps each edit in one undo command. Edits
are primitive (set the content of a block, insert, delete or move a block, insert,
delete or reorder footnotes, set a field) or a `Compound` of primitives; the
functions at the end of this module build the compounds users ask for (split,
join, indent, outdent, PP ↔ OP, footnotes, accept and reject a change).

Positions inside content count characters of the text runs and one character per
footnote reference, the way an editor shows them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from drafter.leadwords import lead_phrase
from drafter.model import (
    Block,
    Bracket,
    Content,
    CrossHeading,
    Footnote,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    normalize_runs,
)
from drafter.parts import parts_of
from drafter.versions import Version

if TYPE_CHECKING:
    from drafter.edits.proposals import Received

Side = Literal["draft", "base"]
Unit = Paragraph | CrossHeading | Footnote


@dataclass
class Metadata:
    """What a draft file records besides the two texts."""

    title: str = ""  # working name of the draft
    author: str = ""
    base_source: str = ""  # the file the base was imported from
    created: str = ""  # ISO 8601
    modified: str = ""
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """The base, the draft made from it, metadata, the draft's named versions (oldest first) and the
    delegations' proposals on it (`drafter.edits.proposals`)."""

    base: Resolution
    draft: Resolution
    meta: Metadata = field(default_factory=Metadata)
    versions: list[Version] = field(default_factory=list)
    proposals: list[Received] = field(default_factory=list)

    @classmethod
    def from_base(cls, base: Resolution, source: str = "") -> Document:
        """A new draft that starts as an exact copy of `base` (same ids, so the two align)."""
        return cls(base, copy.deepcopy(base), Metadata(title=base.front.symbol, base_source=source))

    def side(self, side: Side) -> Resolution:
        return self.draft if side == "draft" else self.base


@dataclass(frozen=True)
class Where:
    """A place for a block: a part ("preamble", "operative", "annex 1"), a parent paragraph or none, an index."""

    part: str
    parent: str | None
    index: int


@dataclass(frozen=True)
class Scope:
    """What an edit touched, for views to refresh: block contents only, or the structure too."""

    side: Side
    content: frozenset[str] = frozenset()
    structure: bool = False
    notes: bool = False
    fields: bool = False

    def __or__(self, other: Scope) -> Scope:
        return Scope(self.side if self.side == other.side else "draft", self.content | other.content,
                     self.structure or other.structure, self.notes or other.notes, self.fields or other.fields)


class EditError(ValueError):
    """An edit does not fit the document (a bug in the caller, never a user error)."""


# --- finding things -----------------------------------------------------------------------------
def container(res: Resolution, part: str, parent: str | None) -> list[Any]:
    """The list a block at (part, parent) lives in."""
    if parent is None:
        found = parts_of(res).get(part)
        if found is None:
            raise EditError(f"no part {part!r}")
        return found
    owner = find(res, parent)
    if not isinstance(owner, Paragraph):
        raise EditError(f"no paragraph {parent!r}")
    return owner.children


def walk(res: Resolution) -> Iterator[tuple[Block, Where, int]]:
    """Every block in reading order with its place and depth (0 for top level)."""
    def inner(blocks: Sequence[Block], part: str, parent: str | None, depth: int) -> Iterator[tuple[Block, Where, int]]:
        for index, block in enumerate(blocks):
            yield block, Where(part, parent, index), depth
            if isinstance(block, Paragraph):
                yield from inner(block.children, part, block.id, depth + 1)

    for name, blocks in parts_of(res).items():
        yield from inner(blocks, name, None, 0)


def find(res: Resolution, unit_id: str) -> Unit | None:
    """The paragraph, heading or footnote with this id."""
    stack: list[Block] = [block for blocks in parts_of(res).values() for block in reversed(blocks)]
    while stack:
        block = stack.pop()
        if block.id == unit_id:
            return block
        if isinstance(block, Paragraph) and block.children:
            stack.extend(reversed(block.children))
    return res.footnote(unit_id)


def locate(res: Resolution, block_id: str) -> Where:
    """The place of a block: its part, its parent paragraph or none, its index there."""
    for part, blocks in parts_of(res).items():
        stack: list[tuple[Sequence[Block], str | None]] = [(blocks, None)]
        while stack:
            siblings, parent = stack.pop()
            for index, block in enumerate(siblings):
                if block.id == block_id:
                    return Where(part, parent, index)
                if isinstance(block, Paragraph) and block.children:
                    stack.append((block.children, block.id))
    raise EditError(f"no block {block_id!r}")


def reading_order(res: Resolution) -> list[Block]:
    """Every block in reading order (`walk` without the places: several times quicker)."""
    return res.blocks()


# --- content helpers -------------------------------------------------------------------------
def length(content: Sequence[Inline]) -> int:
    """Characters of the runs plus one per footnote reference."""
    return sum(len(item.text) if isinstance(item, Text) else 1 for item in content)


def split_content(content: Sequence[Inline], offset: int) -> tuple[Content, Content]:
    left: list[Inline] = []
    right: list[Inline] = []
    pos = 0
    for item in content:
        size = len(item.text) if isinstance(item, Text) else 1
        if pos + size <= offset:
            left.append(item)
        elif pos >= offset:
            right.append(item)
        else:
            assert isinstance(item, Text)
            cut = offset - pos
            left.append(Text(item.text[:cut], item.italic))
            right.append(Text(item.text[cut:], item.italic))
        pos += size
    return normalize_runs(left), normalize_runs(right)


def insert_inline(content: Sequence[Inline], offset: int, items: Sequence[Inline]) -> Content:
    left, right = split_content(content, offset)
    return normalize_runs([*left, *items, *right])


def with_lead_italic(content: Sequence[Inline]) -> Content:
    """Content whose opening italic run is exactly the lead phrase, where one is recognised.

    Other italic runs (titles such as *Official Records*) are kept; without a recognised
    lead phrase the content is returned as it is.
    """
    text = "".join(item.text for item in content if isinstance(item, Text))
    lead = lead_phrase(text)
    if lead == 0:
        return normalize_runs(content)
    out: list[Inline] = []
    pos = 0
    opening = True  # still inside the run of italic text the paragraph opens with
    for item in content:
        if isinstance(item, NoteRef | Bracket):  # a bracket mark stays the mark it is
            out.append(item)
            pos += len(item.text) if isinstance(item, Bracket) else 0
            continue
        text = item.text
        head = min(len(text), max(0, lead - pos))  # the part of the run inside the lead phrase
        if head:
            out.append(Text(text[:head], True))
        if head < len(text):  # after the lead phrase, italic only once the opening italic run has ended
            opening = opening and item.italic
            out.append(Text(text[head:], item.italic and not opening))
        pos += len(text)
    return normalize_runs(out)


def note_refs(content: Sequence[Inline]) -> list[str]:
    return [item.note for item in content if isinstance(item, NoteRef)]


def cited_notes(res: Resolution) -> set[str]:
    """The ids of the footnotes some paragraph or heading cites."""
    return {ref for block in reading_order(res) for ref in note_refs(block.content)}


def citation_order(res: Resolution) -> list[str]:
    """Footnote ids in the order of their first citation; notes never cited keep their place at the end."""
    seen: dict[str, None] = {}
    existing = {note.id for note in res.footnotes}
    for block in reading_order(res):
        for ref in note_refs(block.content):
            if ref in existing:
                seen.setdefault(ref, None)
    return [*seen, *(note.id for note in res.footnotes if note.id not in seen)]


def field_value(res: Resolution, path: Sequence[str | int]) -> Any:
    """A field of the resolution by path, as `SetField` names it: ("front", "title"), ("closing", 0)."""
    value: Any = res
    for key in path:
        value = value[key] if isinstance(key, int) else getattr(value, key)
    return value


# --- primitive edits -----------------------------------------------------------------------
class Edit:
    """A reversible change of one side of a document."""

    side: Side = "draft"
    label: str = ""

    def apply(self, doc: Document) -> None:
        raise NotImplementedError

    def revert(self, doc: Document) -> None:
        raise NotImplementedError

    def scope(self) -> Scope:
        return Scope(self.side, structure=True)


class SetContent(Edit):
    """Replace the content of a paragraph, heading or footnote."""

    def __init__(self, unit_id: str, before: Sequence[Inline], after: Sequence[Inline], side: Side = "draft",
                 label: str = "Typing") -> None:
        self.unit_id, self.before, self.after = unit_id, tuple(before), tuple(after)
        self.side, self.label = side, label

    def _set(self, doc: Document, content: Content) -> None:
        unit = find(doc.side(self.side), self.unit_id)
        if unit is None:
            raise EditError(f"no block {self.unit_id!r}")
        unit.content = content

    def apply(self, doc: Document) -> None:
        self._set(doc, self.after)

    def revert(self, doc: Document) -> None:
        self._set(doc, self.before)

    def scope(self) -> Scope:
        notes = note_refs(self.before) != note_refs(self.after)
        return Scope(self.side, frozenset([self.unit_id]), notes=notes)

    def merge(self, other: SetContent) -> bool:
        """Take a following edit of the same block into this one (typing merges into one undo step)."""
        if other.unit_id != self.unit_id or other.side != self.side or other.label != self.label:
            return False
        self.after = other.after
        return True


class SetField(Edit):
    """Set a field of the resolution by path: ("front", "title"), ("formula",), ("closing", 0)."""

    def __init__(self, path: Sequence[str | int], after: Any, side: Side = "draft", label: str = "Edit field") -> None:
        self.path, self.after, self.side, self.label = tuple(path), copy.deepcopy(after), side, label
        self.before: Any = None

    def _holder(self, doc: Document) -> Any:
        return field_value(doc.side(self.side), self.path[:-1])

    def _swap(self, doc: Document, value: Any) -> Any:
        holder, key = self._holder(doc), self.path[-1]
        if isinstance(key, int):
            old, holder[key] = holder[key], copy.deepcopy(value)
        else:
            old = getattr(holder, key)
            setattr(holder, key, copy.deepcopy(value))
        return old

    def apply(self, doc: Document) -> None:
        self.before = self._swap(doc, self.after)

    def revert(self, doc: Document) -> None:
        self._swap(doc, self.before)

    def scope(self) -> Scope:
        return Scope(self.side, fields=True)


class InsertBlock(Edit):
    def __init__(self, block: Block, where: Where, side: Side = "draft", label: str = "Insert paragraph") -> None:
        self.block, self.where, self.side, self.label = block, where, side, label

    def apply(self, doc: Document) -> None:
        """Inserts a copy, so that redo after undo puts back the block as it was first inserted."""
        container(doc.side(self.side), self.where.part, self.where.parent).insert(
            self.where.index, copy.deepcopy(self.block))

    def revert(self, doc: Document) -> None:
        del container(doc.side(self.side), self.where.part, self.where.parent)[self.where.index]


class DeleteBlock(Edit):
    def __init__(self, block_id: str, side: Side = "draft", label: str = "Delete paragraph") -> None:
        self.block_id, self.side, self.label = block_id, side, label
        self.where: Where | None = None
        self.block: Block | None = None

    def apply(self, doc: Document) -> None:
        res = doc.side(self.side)
        self.where = locate(res, self.block_id)
        self.block = container(res, self.where.part, self.where.parent).pop(self.where.index)

    def revert(self, doc: Document) -> None:
        assert self.where is not None and self.block is not None
        container(doc.side(self.side), self.where.part, self.where.parent).insert(self.where.index, self.block)


class MoveBlock(Edit):
    """Move a block; `to.index` counts in the target list after the block has left its old place.
    `by_author`: the author moved this block (Alt+Up/Down, drag and drop), and the draft records it
    (`Resolution.moved`) so that a comparison reports this block as the one moved."""

    def __init__(self, block_id: str, to: Where, side: Side = "draft", label: str = "Move paragraph",
                 by_author: bool = False) -> None:
        self.block_id, self.to, self.side, self.label, self.by_author = block_id, to, side, label, by_author
        self.origin: Where | None = None
        self.moved_before: tuple[str, ...] = ()

    def apply(self, doc: Document) -> None:
        res = doc.side(self.side)
        self.origin = locate(res, self.block_id)
        block = container(res, self.origin.part, self.origin.parent).pop(self.origin.index)
        container(res, self.to.part, self.to.parent).insert(self.to.index, block)
        if self.by_author:
            self.moved_before = res.moved
            res.moved = (*[key for key in res.moved if key != self.block_id], self.block_id)

    def revert(self, doc: Document) -> None:
        assert self.origin is not None
        res = doc.side(self.side)
        block = container(res, self.to.part, self.to.parent).pop(self.to.index)
        container(res, self.origin.part, self.origin.parent).insert(self.origin.index, block)
        if self.by_author:
            res.moved = self.moved_before


class MoveRange(Edit):
    """Move `count` blocks of one list, from `start`, to another list at `to` (which counts after they
    have left): the sub-paragraphs of one paragraph handed to another in one step."""

    def __init__(self, start: Where, count: int, to: Where, side: Side = "draft",
                 label: str = "Move paragraphs") -> None:
        self.start, self.count, self.to, self.side, self.label = start, count, to, side, label

    @staticmethod
    def _move(res: Resolution, source: Where, count: int, target: Where) -> None:
        siblings = container(res, source.part, source.parent)
        moved = siblings[source.index:source.index + count]
        if len(moved) != count:
            raise EditError(f"no {count} blocks at {source}")
        del siblings[source.index:source.index + count]
        container(res, target.part, target.parent)[target.index:target.index] = moved

    def apply(self, doc: Document) -> None:
        self._move(doc.side(self.side), self.start, self.count, self.to)

    def revert(self, doc: Document) -> None:
        self._move(doc.side(self.side), self.to, self.count, self.start)


class InsertNote(Edit):
    def __init__(self, note: Footnote, index: int, side: Side = "draft", label: str = "Insert footnote") -> None:
        self.note, self.index, self.side, self.label = note, index, side, label

    def apply(self, doc: Document) -> None:
        doc.side(self.side).footnotes.insert(self.index, copy.deepcopy(self.note))

    def revert(self, doc: Document) -> None:
        del doc.side(self.side).footnotes[self.index]

    def scope(self) -> Scope:
        return Scope(self.side, notes=True, structure=True)


class DeleteNote(Edit):
    def __init__(self, note_id: str, side: Side = "draft", label: str = "Delete footnote") -> None:
        self.note_id, self.side, self.label = note_id, side, label
        self.index = -1
        self.note: Footnote | None = None

    def apply(self, doc: Document) -> None:
        notes = doc.side(self.side).footnotes
        self.index = next(i for i, note in enumerate(notes) if note.id == self.note_id)
        self.note = notes.pop(self.index)

    def revert(self, doc: Document) -> None:
        assert self.note is not None
        doc.side(self.side).footnotes.insert(self.index, self.note)

    def scope(self) -> Scope:
        return Scope(self.side, notes=True, structure=True)


class RenumberNotes(Edit):
    """Put the footnotes in the order of their first citation (or in `order`), so markers follow position."""

    def __init__(self, order: list[str] | None = None, side: Side = "draft", label: str = "Renumber footnotes") -> None:
        self.order, self.side, self.label = order, side, label
        self.before: list[str] = []

    def _arrange(self, doc: Document, order: list[str]) -> None:
        res = doc.side(self.side)
        by_id = {note.id: note for note in res.footnotes}
        res.footnotes[:] = [by_id[note_id] for note_id in order]

    def apply(self, doc: Document) -> None:
        res = doc.side(self.side)
        self.before = [note.id for note in res.footnotes]
        self._arrange(doc, citation_order(res) if self.order is None else self.order)

    def revert(self, doc: Document) -> None:
        self._arrange(doc, self.before)

    def scope(self) -> Scope:
        return Scope(self.side, notes=True, structure=True)


class Compound(Edit):
    """Several edits as one step: applied in order, reverted in reverse."""

    def __init__(self, edits: Sequence[Edit], label: str, side: Side = "draft") -> None:
        self.edits, self.label, self.side = list(edits), label, side

    def apply(self, doc: Document) -> None:
        for edit in self.edits:
            edit.apply(doc)

    def revert(self, doc: Document) -> None:
        for edit in reversed(self.edits):
            edit.revert(doc)

    def scope(self) -> Scope:
        out = Scope(self.side)
        for edit in self.edits:
            out = out | edit.scope()
        return out
