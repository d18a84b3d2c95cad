"""Taking a delegation's proposal into the draft as one undoable edit.

`take(doc, received)` is one `Compound` of the primitive edits (`drafter.edits`): the change of the draft
the proposal asks for, and its state becoming "taken" (`drafter.edits.proposals.SetState`); undoing it puts
back the text and the state it had. Dropping one is `drafter.edits.proposals.drop`: its state only.

A proposal names its places by the labels of the text it was made on (SENT, a version of the draft, or
the base); the draft keeps SENT's paragraph and footnote ids, so each label finds its paragraph in the
draft however it is numbered now. Words are taken where the draft still reads, at those words and the
characters either side, what SENT read; where it does not (the paragraph was edited there since, or a
competing proposal was taken), `Stale` says so and names the paragraph, to be edited by hand. So do a
paragraph the draft no longer has, a deletion of a paragraph edited since, and a label whose text is not
the text the delegation saw.

Footnotes follow their references, as in the editor: a footnote the proposal brings comes in, one nothing
cites any more goes, and the footnotes are numbered again by first citation.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import replace

from drafter.compare.labels import labels_of
from drafter.edits.actions import Builder, notes_follow
from drafter.edits.primitives import (
    DeleteBlock,
    Document,
    Edit,
    InsertBlock,
    InsertNote,
    MoveBlock,
    SetContent,
    Where,
    container,
    find,
    locate,
    note_refs,
)
from drafter.edits.proposals import Received, SetState
from drafter.errors import DrafterError
from drafter.model import Block, Content, Footnote, NoteRef, Paragraph, Resolution, new_id, normalize_runs
from drafter.negotiate.proposals import COMMENT, DELETE_PARAGRAPH, MOVE, NEW_PARAGRAPH, TAKEN, Proposal
from drafter.negotiate.received import anchor_of, digest, proposal_of, sent_text
from drafter.negotiate.spans import slice_content, splice, text_of
from drafter.parts import parts_of
from drafter.versions import BASE


class Stale(DrafterError):
    """A proposal cannot be taken as it stands: the draft changed at its place since the text it was made on.
    `block_id` is the draft's paragraph (or footnote) to edit by hand, "" when the draft has none."""

    def __init__(self, received: Received, reason: str, block_id: str = "") -> None:
        sent = "the base" if received.sent == BASE else received.sent
        super().__init__(f"{received.id} ({received.author}) was made on {sent}: {reason}. It cannot be taken as "
                         "it stands; edit the paragraph by hand.")
        self.reason = reason
        self.block_id = block_id


class _Taking:
    """One proposal against the draft, the steps applied as they are collected (`actions.Builder`); without a
    builder, only whether it can be taken. `sent`: the text it was made on, when the caller has it at hand."""

    def __init__(self, doc: Document, received: Received, builder: Builder | None,
                 sent: Resolution | None = None, labels: dict[str, str] | None = None) -> None:
        self.doc, self.received, self._b = doc, received, builder
        self.proposal: Proposal = proposal_of(received)
        self.sent = sent if sent is not None else sent_text(doc, received.sent)
        self.ids = {label: key for key, label in (labels if labels is not None else labels_of(self.sent)).items()}
        self.sent_name = "the base" if received.sent == BASE else received.sent

    @property
    def draft(self) -> Resolution:
        return self.doc.draft

    @property
    def b(self) -> Builder:
        assert self._b is not None
        return self._b

    @property
    def checking(self) -> bool:
        return self._b is None

    def stale(self, reason: str, block_id: str = "") -> Stale:
        return Stale(self.received, reason, block_id)

    def sent_id(self, label: str | None) -> str:
        key = self.ids.get(label or "")
        if key is None:
            raise self.stale(f"{self.sent_name} has no {label}")
        return key

    def in_draft(self, label: str | None) -> Block | Footnote:
        """The draft's paragraph (or footnote) that was SENT's `label`."""
        unit = find(self.draft, self.sent_id(label))
        if unit is None:
            raise self.stale(f"the draft no longer has {label}")
        return unit

    def check_digest(self) -> None:
        if not self.received.digest:
            return
        anchor = anchor_of(self.proposal)
        key = self.ids.get(anchor or "")
        if digest(find(self.sent, key) if key else None) != self.received.digest:
            raise self.stale(f"{anchor} of {self.sent_name} is no longer the text the delegation saw")

    def run(self) -> None:
        self.check_digest()
        kind = self.proposal.kind
        if self.proposal.words:
            self.words()
        elif kind == NEW_PARAGRAPH:
            self.new_paragraph()
        elif kind == MOVE:
            self.move()
        elif kind == DELETE_PARAGRAPH:
            self.delete()
        elif kind != COMMENT:
            raise self.stale(f"a proposal of kind {kind!r} cannot be taken")

    # --- words --------------------------------------------------------------------------------------------
    def words(self) -> None:
        proposal = self.proposal
        label = proposal.paragraph
        sent_unit = find(self.sent, self.sent_id(label))
        unit = self.in_draft(label)
        assert sent_unit is not None
        span = mapped_span(sent_unit.content, unit.content, proposal.start, proposal.end)
        if span is None:
            raise self.stale(f"{label} has changed at those words since", unit.id)
        if self.checking:
            return
        start, end = span
        brought = self.bring_notes(proposal.content, proposal.notes)
        content = normalize_runs(list(splice(unit.content, [((start, end), brought)])))
        gone = set(note_refs(slice_content(unit.content, start, end)))
        self.b.add(SetContent(unit.id, unit.content, content, label="Take proposal"))
        notes_follow(self.b, gone)

    def bring_notes(self, content: Content, notes: dict[str, Content]) -> Content:
        """The footnotes `content` cites that the draft lacks come in (the proposal's own, or SENT's); the
        references are renamed where a new footnote's id is taken in the draft."""
        renamed: dict[str, str] = {}
        for item in content:
            if not isinstance(item, NoteRef) or self.draft.footnote(item.note) is not None:
                continue
            if item.note in notes:
                words = notes[item.note]
            elif (sent_note := self.sent.footnote(item.note)) is not None:
                words = sent_note.content
            else:
                raise self.stale(f"it cites a footnote that neither the draft nor {self.sent_name} has")
            key = item.note if find(self.draft, item.note) is None else new_id()
            renamed[item.note] = key
            self.b.add(InsertNote(Footnote(words, id=key), len(self.draft.footnotes), label="Take proposal"))
        return tuple(NoteRef(renamed.get(item.note, item.note)) if isinstance(item, NoteRef) else item
                     for item in content)

    # --- paragraphs ---------------------------------------------------------------------------------------
    def new_paragraph(self) -> None:
        block = self.proposal.block
        if block is None:
            raise self.stale("it holds no paragraph")
        where = self.place(placed_id(self.received))
        if self.checking:
            return
        self.b.add(InsertBlock(self.fresh_ids(copy.deepcopy(block)), where, label="Take proposal"))
        notes_follow(self.b, set())

    def fresh_ids(self, block: Block) -> Block:
        """The block with new ids where the draft already uses one, its references to new footnotes brought in."""
        content = self.bring_notes(block.content, self.proposal.notes)
        key = block.id if find(self.draft, block.id) is None else new_id()
        if isinstance(block, Paragraph):
            return replace(block, id=key, content=content, children=[
                child for child in map(self.fresh_ids, block.children) if isinstance(child, Paragraph)])
        return replace(block, id=key, content=content)

    def place(self, moving: str | None = None) -> Where:
        """Where a new or moved paragraph goes in the draft: after the paragraph it follows (first under its
        parent, or first in its part), and after the paragraphs that earlier proposals of the same place,
        already taken, put there. `moving`: the block that goes, counted out of its old place."""
        proposal = self.proposal
        if proposal.after is not None:
            anchor = self.in_draft(proposal.after)
            where = locate(self.draft, anchor.id)
            if moving is not None and moving == anchor.id:
                raise self.stale(f"{proposal.paragraph} cannot follow itself")
            part, parent, index = where.part, where.parent, where.index + 1
        elif proposal.parent is not None:
            owner = self.in_draft(proposal.parent)
            part, parent, index = locate(self.draft, owner.id).part, owner.id, 0
        else:
            if proposal.part not in parts_of(self.draft):
                raise self.stale(f"the draft has no {proposal.part}")
            part, parent, index = proposal.part, None, 0
        siblings = [block.id for block in container(self.draft, part, parent)]
        if moving in siblings and siblings.index(moving) < index:
            index -= 1
        siblings = [key for key in siblings if key != moving]
        earlier = self.placed_before()
        while index < len(siblings) and siblings[index] in earlier:
            index += 1
        return Where(part, parent, index)

    def placed_before(self) -> set[str]:
        """The blocks that proposals listed before this one, on the same text and place, put there when taken."""
        out: set[str] = set()
        for item in self.doc.proposals:
            if item is self.received:
                break
            if item.state != TAKEN or item.sent != self.received.sent or item.kind not in (NEW_PARAGRAPH, MOVE):
                continue
            other = proposal_of(item)
            if other.place == self.proposal.place:
                key = placed_id(item) if other.kind == NEW_PARAGRAPH else self.ids.get(other.paragraph or "")
                if key:
                    out.add(key)
        return out

    def move(self) -> None:
        block = self.in_draft(self.proposal.paragraph)
        if isinstance(block, Footnote):
            raise self.stale("a footnote does not move")
        where = self.place(moving=block.id)
        if not self.checking:
            self.b.add(MoveBlock(block.id, where, label="Take proposal", by_author=True))

    def delete(self) -> None:
        label = self.proposal.paragraph
        block = self.in_draft(label)
        sent_block = find(self.sent, block.id)
        if isinstance(block, Footnote) or sent_block is None:
            raise self.stale(f"{label} is no paragraph to delete")
        if digest(block) != digest(sent_block):
            raise self.stale(f"{label} has changed since", block.id)
        if self.checking:
            return
        cited = {ref for unit in _with_children(block) for ref in note_refs(unit.content)}
        self.b.add(DeleteBlock(block.id, label="Take proposal"))
        notes_follow(self.b, cited)


def _with_children(block: Block) -> list[Block]:
    out: list[Block] = [block]
    if isinstance(block, Paragraph):
        for child in block.children:
            out += _with_children(child)
    return out


def placed_id(received: Received) -> str | None:
    """The id a new paragraph gets in the draft when it is taken (its own, unless the draft already uses it)."""
    block = received.data.get("block")
    return str(block["id"]) if isinstance(block, dict) and "id" in block else None


def mapped_span(sent: Content, draft: Content, start: int, end: int) -> tuple[int, int] | None:
    """Where SENT's span `start`..`end` is in the draft's content, if the draft reads there, and at the
    character either side, what SENT read; None when it does not."""
    old, new = text_of(sent), text_of(draft)
    if old == new and note_refs(sent) == note_refs(draft):
        return start, end
    low, high = max(start - 1, 0), min(end + 1, len(old))
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        if tag == "equal" and i1 <= low and high <= i2:
            shift = j1 - i1
            if note_refs(slice_content(sent, start, end)) != note_refs(slice_content(draft, start + shift,
                                                                                        end + shift)):
                return None
            return start + shift, end + shift
    return None


def blocker(doc: Document, received: Received, sent: Resolution | None = None,
            labels: dict[str, str] | None = None) -> Stale | None:
    """Why a proposal cannot be taken as it stands (None: it can), the document left as it is. `sent`: the
    text it was made on, and `labels` its labels by id (`labels_of`), when the caller has them at hand."""
    try:
        _Taking(doc, received, None, sent, labels).run()
    except Stale as stale:
        return stale
    return None


def take(doc: Document, received: Received) -> Edit:
    """The edit that takes a proposal: the draft changed as it asks, and its state "taken", in one step.
    Raises `Stale` where it cannot be taken as it stands, and `DrafterError` when it is taken already."""
    if received.state == TAKEN:
        raise DrafterError(f"{received.id} ({received.author}) is taken already")
    with Builder(doc) as builder:
        _Taking(doc, received, builder).run()
        builder.add(SetState(received.id, received.state, TAKEN))
        edit = builder.done(f"Take {received.id} ({received.author})")
    assert edit is not None
    return edit


__all__ = ["Stale", "blocker", "mapped_span", "placed_id", "take"]
