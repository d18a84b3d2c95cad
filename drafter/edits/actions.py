"""The edits users ask for, built from primitives against the current state of a document.

Each function returns one edit (usually a `Compound`) or None when the action does not
apply here (Backspace at the start of the first paragraph, Tab on a first sub-paragraph).
Builders apply each step to the document as they go, so every step is computed from the
state the steps before it leave behind, and take them all back when their `with` block
ends: the document is as it was, and the caller applies the edit (through undo) itself.
Applying and reverting a few steps costs far less than copying a long resolution.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.edits.primitives import (
    Compound,
    DeleteBlock,
    DeleteNote,
    Document,
    Edit,
    InsertBlock,
    InsertNote,
    MoveBlock,
    MoveRange,
    RenumberNotes,
    SetContent,
    Side,
    Where,
    citation_order,
    cited_notes,
    container,
    find,
    insert_inline,
    locate,
    note_refs,
    reading_order,
    split_content,
    with_lead_italic,
)
from drafter.model import (
    Block,
    Content,
    CrossHeading,
    Footnote,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    iter_paragraphs,
    new_id,
    normalize_runs,
)
from drafter.negotiation_marks import balanced, joined, split_marks
from drafter.parts import OPERATIVE, PREAMBLE


class Builder:
    """Collects edits while applying them to the document; leaving the `with` block reverts them."""

    def __init__(self, doc: Document, side: Side = "draft") -> None:
        self.doc = doc
        self.side = side
        self.edits: list[Edit] = []
        self._applied: list[Edit] = []

    def __enter__(self) -> Builder:
        return self

    def __exit__(self, *_exc: object) -> None:
        while self._applied:
            self._applied.pop().revert(self.doc)

    @property
    def res(self) -> Resolution:
        return self.doc.side(self.side)

    def add(self, edit: Edit) -> None:
        edit.apply(self.doc)
        self._applied.append(edit)
        self.edits.append(edit)

    def done(self, label: str) -> Compound | None:
        if not self.edits:
            return None
        return Compound(list(self.edits), label, self.side)


def set_content(doc: Document, unit_id: str, content: Sequence[Inline], side: Side = "draft",
                label: str = "Typing") -> Edit | None:
    """The content of a block set from the editor: paragraphs get their lead phrase in italics.

    Typing is one `SetContent`; where a footnote reference went (deleted or cut with the text
    around it), the footnotes nothing cites any more go with it in the same step and the
    others are numbered again by first citation."""
    unit = find(doc.side(side), unit_id)
    if unit is None:
        return None
    after = balanced(with_lead_italic(content) if isinstance(unit, Paragraph) else normalize_runs(list(content)))
    if after == unit.content:
        return None
    edit = SetContent(unit_id, unit.content, after, side, label)
    cited = note_refs(unit.content)
    if cited == note_refs(after):
        return edit
    with Builder(doc, side) as b:
        b.add(edit)
        notes_follow(b, set(cited))
        return b.done(label)


def notes_follow(b: Builder, candidates: set[str]) -> None:
    """After text was deleted: the `candidates` (notes the deleted text cited) that nothing cites any more
    go, and the notes are numbered again by first citation where the order changed."""
    res = b.res
    if candidates:
        cited = cited_notes(res)
        for note_id in [note.id for note in res.footnotes if note.id in candidates and note.id not in cited]:
            b.add(DeleteNote(note_id, b.side))
    if [note.id for note in res.footnotes] != citation_order(res):
        b.add(RenumberNotes(side=b.side))


def _sibling_of(block: Block, content: Content) -> Block:
    if isinstance(block, CrossHeading):
        return CrossHeading(content)
    return Paragraph(content, list_style="")


def split(doc: Document, block_id: str, offset: int, side: Side = "draft") -> Compound | None:
    """Enter: a new paragraph of the same kind from `offset` on.

    At the start of a non-empty paragraph an empty one goes before it; at the end of a
    paragraph with sub-paragraphs the new one becomes their first; elsewhere the new
    paragraph follows and takes the sub-paragraphs along, so the reading order stays.
    """
    with Builder(doc, side) as b:
        block = find(b.res, block_id)
        if not isinstance(block, Paragraph | CrossHeading):
            return None
        where = locate(b.res, block_id)
        left, right = split_marks(block.content, offset)  # a bracket open at the split closes and opens again
        if offset == 0 and not left and right:
            b.add(InsertBlock(_sibling_of(block, ()), where, side, "New paragraph"))
            return b.done("New paragraph")
        fresh = _sibling_of(block, right if not isinstance(block, Paragraph) else with_lead_italic(right))
        b.add(SetContent(block_id, block.content, _styled(block, left), side))
        if isinstance(block, Paragraph) and block.children and not right:
            b.add(InsertBlock(fresh, Where(where.part, block_id, 0), side))
            return b.done("New paragraph")
        b.add(InsertBlock(fresh, Where(where.part, where.parent, where.index + 1), side))
        if isinstance(block, Paragraph) and isinstance(fresh, Paragraph):
            fresh.list_style = block.list_style
            if block.children:
                b.add(MoveRange(Where(where.part, block_id, 0), len(block.children), Where(where.part, fresh.id, 0),
                                side))
        b.add(RenumberNotes(side=side))
        return b.done("New paragraph")


def _children(b: Builder, block_id: str) -> list[Paragraph]:
    block = find(b.res, block_id)
    return block.children if isinstance(block, Paragraph) else []


def previous_block(doc: Document, block_id: str, side: Side = "draft") -> Block | None:
    order = reading_order(doc.side(side))
    for index, block in enumerate(order):
        if block.id == block_id:
            return order[index - 1] if index else None
    return None


def join(doc: Document, block_id: str, side: Side = "draft") -> Compound | None:
    """Backspace at the start: the paragraph joins the one before it in reading order."""
    prev = previous_block(doc, block_id, side)
    block = find(doc.side(side), block_id)
    if prev is None or not isinstance(block, Paragraph | CrossHeading):
        return None
    if isinstance(prev, CrossHeading) != isinstance(block, CrossHeading):
        if not block.content and not (isinstance(block, Paragraph) and block.children):
            # an empty paragraph after a heading just goes away (never with sub-paragraphs of its own)
            return Compound([DeleteBlock(block_id, side)], "Join paragraphs", side)
        return None
    with Builder(doc, side) as b:
        merged = joined(prev.content, block.content)  # a bracket split in two is one again
        b.add(SetContent(prev.id, prev.content,
                         with_lead_italic(merged) if isinstance(prev, Paragraph) else normalize_runs(merged), side))
        if isinstance(block, Paragraph) and isinstance(prev, Paragraph) and block.children:
            # prev either has no sub-paragraphs or `block` is its first: the children go first
            part = locate(b.res, prev.id).part
            b.add(MoveRange(Where(part, block_id, 0), len(block.children), Where(part, prev.id, 0), side))
        b.add(DeleteBlock(block_id, side))
        return b.done("Join paragraphs")


def delete_range(doc: Document, start_id: str, start: int, end_id: str, end: int,
                 side: Side = "draft") -> Compound | None:
    """Delete from (start_id, start) to (end_id, end) across paragraphs: what lies between goes,
    the two ends join. From the very start of a block, the blocks wholly in the range go and the
    last block keeps what is left of it (and its id: it is the paragraph that stays). Footnotes
    cited only in the deleted text go with it."""
    res = doc.side(side)
    order = [block.id for block in reading_order(res)]
    if start_id not in order or end_id not in order or order.index(end_id) < order.index(start_id):
        return None
    span = order[order.index(start_id): order.index(end_id) + 1]
    units = [find(res, block_id) for block_id in span]
    first, last = units[0], units[-1]
    assert first is not None and last is not None
    cited = {ref for unit in units if unit is not None for ref in note_refs(unit.content)}
    left, _ = split_content(first.content, start)
    _, right = split_content(last.content, end)
    with Builder(doc, side) as b:
        if start_id == end_id:
            b.add(SetContent(start_id, first.content, _styled(first, [*left, *right]), side))
        elif start == 0 and not any(_inside(res, end_id, block_id) for block_id in span[:-1]):
            for block_id in span[:-1]:
                if find(b.res, block_id) is not None:  # else it went with the paragraph it belonged to
                    b.add(DeleteBlock(block_id, side, "Delete"))
            if right != last.content:
                b.add(SetContent(end_id, last.content, _styled(last, right), side))
        elif not _join_across(b, span, left, right):
            return None
        notes_follow(b, cited)
        return b.done("Delete")


def _join_across(b: Builder, span: list[str], left: Sequence[Inline], right: Sequence[Inline]) -> bool:
    """The first block of `span` keeps `left`, the blocks after it are emptied and joined to it, the
    last with `right`; False where a join cannot be made (a paragraph into a heading)."""
    side = b.side
    start_id, end_id, between = span[0], span[-1], span[1:-1]
    first = find(b.res, start_id)
    assert first is not None
    b.add(SetContent(start_id, first.content, _styled(first, left), side))
    gone = {*between, end_id} if not right else set(between)  # the blocks nothing is left of
    for block_id in span[1:]:
        unit = find(b.res, block_id)
        if unit is None:  # it went with the paragraph it belonged to, all of which lay in the range
            continue
        b.add(SetContent(block_id, unit.content, balanced(right) if block_id == end_id else (), side))
        edit = join(b.doc, block_id, side)
        if edit is None and block_id != end_id and isinstance(unit, Paragraph) \
                and all(para.id in gone for para in iter_paragraphs(list(unit.children))):
            # an emptied paragraph that cannot join a heading goes with its sub-paragraphs, all of
            # which lie wholly in the range
            edit = Compound([DeleteBlock(block_id, side)], "Delete", side)
        if edit is None:
            return False
        b.add(edit)
    return True


def _styled(unit: Paragraph | CrossHeading | Footnote, content: Sequence[Inline]) -> Content:
    """Content as a block keeps it: the lead phrase of a paragraph in italics, a bracket whose other end
    went taken away."""
    return balanced(with_lead_italic(content) if isinstance(unit, Paragraph) else normalize_runs(content))


def insert_paragraphs(doc: Document, after_id: str, paragraphs: Sequence[Paragraph],
                      side: Side = "draft", as_children: bool = False) -> Compound | None:
    """Paragraphs (pasted, say) after a block, or as its first sub-paragraphs."""
    with Builder(doc, side) as b:
        where = locate(b.res, after_id)
        at = Where(where.part, after_id, 0) if as_children else Where(where.part, where.parent, where.index + 1)
        for offset, para in enumerate(paragraphs):
            b.add(InsertBlock(para, Where(at.part, at.parent, at.index + offset), side, "Paste"))
        b.add(RenumberNotes(side=side))
        return b.done("Paste paragraphs")


def indent(doc: Document, block_id: str, side: Side = "draft") -> Compound | None:
    """Tab: the paragraph becomes the last sub-paragraph of the paragraph before it."""
    res = doc.side(side)
    where = locate(res, block_id)
    siblings = container(res, where.part, where.parent)
    if where.index == 0 or not isinstance(siblings[where.index], Paragraph):
        return None
    prev = siblings[where.index - 1]
    if not isinstance(prev, Paragraph):
        return None
    return Compound([MoveBlock(block_id, Where(where.part, prev.id, len(prev.children)), side)], "Indent", side)


def outdent(doc: Document, block_id: str, side: Side = "draft") -> Compound | None:
    """Shift+Tab: the sub-paragraph moves up a level after its parent and takes the ones after it along."""
    res = doc.side(side)
    where = locate(res, block_id)
    if where.parent is None:
        return None
    with Builder(doc, side) as b:
        parent_where = locate(res, where.parent)
        later = len(container(res, where.part, where.parent)) - where.index - 1
        b.add(MoveBlock(block_id, Where(parent_where.part, parent_where.parent, parent_where.index + 1), side))
        if later:
            b.add(MoveRange(Where(where.part, where.parent, where.index), later,
                            Where(where.part, block_id, len(_children(b, block_id))), side))
        return b.done("Outdent")


def move(doc: Document, block_id: str, step: int, side: Side = "draft") -> Compound | None:
    """Alt+Up / Alt+Down: swap with the sibling before or after."""
    res = doc.side(side)
    where = locate(res, block_id)
    siblings = container(res, where.part, where.parent)
    target = where.index + step
    if not 0 <= target < len(siblings):
        return None
    label = "Move up" if step < 0 else "Move down"
    return Compound([MoveBlock(block_id, Where(where.part, where.parent, target), side, label, by_author=True),
                     RenumberNotes(side=side)], label, side)


def move_to(doc: Document, block_id: str, to: Where, side: Side = "draft") -> Compound | None:
    """Drag and drop: `to.index` counts in the target list before the block leaves its place."""
    res = doc.side(side)
    where = locate(res, block_id)
    if to.parent is not None and (to.parent == block_id or _inside(res, to.parent, block_id)
                                  or isinstance(find(res, block_id), CrossHeading)):
        return None  # not into itself, and a heading never becomes a sub-paragraph
    index = to.index
    if (where.part, where.parent) == (to.part, to.parent) and where.index < index:
        index -= 1
    if (where.part, where.parent, where.index) == (to.part, to.parent, index):
        return None
    return Compound([MoveBlock(block_id, Where(to.part, to.parent, index), side, by_author=True),
                     RenumberNotes(side=side)], "Move paragraph", side)


def _inside(res: Resolution, block_id: str, ancestor_id: str) -> bool:
    ancestor = find(res, ancestor_id)
    if not isinstance(ancestor, Paragraph):
        return False
    stack = list(ancestor.children)
    while stack:
        node = stack.pop()
        if node.id == block_id:
            return True
        if isinstance(node, Paragraph):
            stack.extend(node.children)
    return False


def toggle_kind(doc: Document, block_id: str, side: Side = "draft") -> Compound | None:
    """PP → OP (it becomes the first OP) and OP → PP (it becomes the last PP); top level only."""
    res = doc.side(side)
    where = locate(res, block_id)
    if where.parent is not None:
        return None
    if where.part == PREAMBLE:
        to, label = Where(OPERATIVE, None, 0), "Make operative"
    elif where.part == OPERATIVE:
        to, label = Where(PREAMBLE, None, len(res.preamble)), "Make preambular"
    else:
        return None
    return Compound([MoveBlock(block_id, to, side), RenumberNotes(side=side)], label, side)


def insert_footnote(doc: Document, unit_id: str, offset: int, content: Sequence[Inline],
                    side: Side = "draft") -> Compound | None:
    """A new footnote cited at `offset`; the notes are renumbered by position."""
    unit = find(doc.side(side), unit_id)
    if unit is None or isinstance(unit, Footnote):
        return None
    note = Footnote(normalize_runs(list(content)))
    return Compound([
        InsertNote(note, len(doc.side(side).footnotes), side),
        SetContent(unit_id, unit.content, insert_inline(unit.content, offset, [NoteRef(note.id)]), side),
        RenumberNotes(side=side),
    ], "Insert footnote", side)


def cite_footnote(doc: Document, unit_id: str, offset: int, note_id: str, side: Side = "draft") -> Compound | None:
    """Cite an existing footnote once more (one note can be cited twice)."""
    unit = find(doc.side(side), unit_id)
    if unit is None or isinstance(unit, Footnote) or doc.side(side).footnote(note_id) is None:
        return None
    return Compound([
        SetContent(unit_id, unit.content, insert_inline(unit.content, offset, [NoteRef(note_id)]), side),
        RenumberNotes(side=side),
    ], "Cite footnote", side)


def remove_footnote(doc: Document, note_id: str, side: Side = "draft") -> Compound | None:
    """The footnote and every citation of it."""
    res = doc.side(side)
    if res.footnote(note_id) is None:
        return None
    edits: list[Edit] = []
    for block in reading_order(res):
        if note_id in note_refs(block.content):
            without = [item for item in block.content if not (isinstance(item, NoteRef) and item.note == note_id)]
            edits.append(SetContent(block.id, block.content, normalize_runs(without), side))
    edits += [DeleteNote(note_id, side), RenumberNotes(side=side)]
    return Compound(edits, "Delete footnote", side)


def new_paragraph(text: str, italic_lead: bool = True) -> Paragraph:
    content: Content = (Text(text),) if text else ()
    return Paragraph(with_lead_italic(content) if italic_lead else content, id=new_id())
