"""Taking proposals into SENT: `take(sent, proposals)` is a new resolution, SENT untouched.

Word proposals change their paragraph's text span by span (identical proposals of several delegations
count once; insertions at one point go in the order given); moved and new paragraphs go after the
paragraph they follow, in the order given, so that a delegation's new paragraphs after one paragraph keep
their order; deletions come last, so that the paragraphs others place theirs after are still there.
Footnotes follow their references: a note no paragraph cites any longer goes, a note a proposal brings
comes in, numbered by its first reference. Proposals that cannot all be taken (words that overlap) raise
`ProposalClash`; comments change nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from drafter.errors import DrafterError
from drafter.model import Block, Content, Footnote, NoteRef, Paragraph, Resolution
from drafter.negotiate.find import by_label
from drafter.negotiate.proposals import DELETE_PARAGRAPH, MOVE, NEW_PARAGRAPH, Proposal
from drafter.negotiate.spans import splice
from drafter.parts import parts_of

Holder = list[Any]  # the blocks of a part, or the sub-paragraphs of a paragraph: where a block sits


class ProposalClash(DrafterError):
    """Proposals that change the same words cannot be taken together."""

    def __init__(self, first: Proposal, second: Proposal) -> None:
        super().__init__(f"proposals {first.id} ({first.author}) and {second.id} ({second.author}) change the same "
                         f"words of {first.paragraph}; take one of them")
        self.ids = (first.id, second.id)


class UnknownPlace(DrafterError):
    """A proposal names a paragraph the text does not have (it was made against another text)."""

    def __init__(self, proposal: Proposal, label: str) -> None:
        super().__init__(f"proposal {proposal.id} ({proposal.author}) names {label}, which this text does not have")


class _Taker:
    def __init__(self, sent: Resolution) -> None:
        self.res = sent.snapshot()
        self.sent_notes = [note.id for note in sent.footnotes]
        self.by_label = by_label(self.res)  # a snapshot keeps SENT's ids, so its labels are SENT's
        self.last: dict[tuple[str, str | None, str | None], str] = {}  # a place -> the block put there last
        self.uncited = set(self.sent_notes) - set(_references(self.res.blocks()))  # notes SENT itself never cites

    def find(self, proposal: Proposal, label: str | None) -> Block | Footnote:
        found = self.by_label.get(label or "")
        if found is None:
            raise UnknownPlace(proposal, label or "no paragraph")
        return found

    def container(self, block_id: str) -> Holder | None:
        """The list that holds a block (a part, or a paragraph's sub-paragraphs)."""
        def search(blocks: Holder) -> Holder | None:
            for block in blocks:
                if block.id == block_id:
                    return blocks
                if isinstance(block, Paragraph) and (found := search(block.children)) is not None:
                    return found
            return None

        for blocks in parts_of(self.res).values():
            if (found := search(blocks)) is not None:
                return found
        return None

    def words(self, proposals: list[Proposal]) -> None:
        by_paragraph: dict[str, list[Proposal]] = {}
        for proposal in proposals:
            if proposal.words:
                by_paragraph.setdefault(proposal.paragraph or "", []).append(proposal)
        for label, items in by_paragraph.items():
            order = {id(p): index for index, p in enumerate(items)}
            items = sorted(items, key=lambda p: (p.start, p.end, order[id(p)]))
            kept: list[Proposal] = []
            for proposal in items:
                if kept and (kept[-1].start, kept[-1].end, kept[-1].content) == \
                        (proposal.start, proposal.end, proposal.content):
                    continue  # the same change asked twice
                if kept and proposal.start < kept[-1].end:
                    raise ProposalClash(kept[-1], proposal)
                kept.append(proposal)
            target = self.find(kept[0], label)
            target.content = splice(target.content, [((p.start, p.end), p.content) for p in kept])

    def put(self, proposal: Proposal, block: Block) -> None:
        """A block to the place a new paragraph or move names."""
        key = proposal.place
        if key in self.last and (holder := self.container(self.last[key])) is not None:
            at = next(i for i, b in enumerate(holder) if b.id == self.last[key]) + 1
        elif proposal.after is not None:
            anchor = self.find(proposal, proposal.after)
            holder = self.container(anchor.id)
            if holder is None:
                raise UnknownPlace(proposal, proposal.after)
            at = next(i for i, b in enumerate(holder) if b.id == anchor.id) + 1
        elif proposal.parent is not None:
            parent = self.find(proposal, proposal.parent)
            if not isinstance(parent, Paragraph):
                raise UnknownPlace(proposal, proposal.parent)
            holder, at = _holder(parent.children), 0
        else:
            part = parts_of(self.res).get(proposal.part)
            if part is None:
                raise UnknownPlace(proposal, proposal.part or "no part")
            holder, at = part, 0
        holder.insert(at, block)
        self.last[key] = block.id

    def remove(self, block: Block) -> None:
        holder = self.container(block.id)
        if holder is not None:
            holder.remove(block)

    def paragraph(self, proposal: Proposal) -> Block:
        found = self.find(proposal, proposal.paragraph)
        if isinstance(found, Footnote):
            raise UnknownPlace(proposal, proposal.paragraph or "")
        return found

    def notes(self, proposals: list[Proposal]) -> None:
        brought: dict[str, Content] = {}
        for proposal in proposals:
            brought.update(proposal.notes)
        cited = list(dict.fromkeys(_references(self.res.blocks())))
        if not brought and set(cited) == set(self.sent_notes) - self.uncited:
            return  # the notes SENT cited, still cited: SENT's numbering stays
        kept = {note.id: note for note in self.res.footnotes}
        out = [kept[note] if note in kept else Footnote(brought[note], id=note) for note in cited
               if note in kept or note in brought]
        self.res.footnotes = out + [note for note in self.res.footnotes if note.id in self.uncited]

    def take(self, proposals: list[Proposal]) -> Resolution:
        self.words(proposals)
        for proposal in proposals:
            if proposal.kind == MOVE:
                block = self.paragraph(proposal)
                self.remove(block)
                self.put(proposal, block)
            elif proposal.kind == NEW_PARAGRAPH and proposal.block is not None:
                self.put(proposal, proposal.block)
        for proposal in proposals:
            if proposal.kind == DELETE_PARAGRAPH:
                self.remove(self.paragraph(proposal))
        self.notes(proposals)
        return self.res


def _holder(children: list[Paragraph]) -> Holder:
    return children


def _references(blocks: Iterable[Block]) -> list[str]:
    return [item.note for block in blocks for item in block.content if isinstance(item, NoteRef)]


def take(sent: Resolution, proposals: Iterable[Proposal]) -> Resolution:
    """SENT with the proposals taken in (a new resolution; SENT is not changed)."""
    return _Taker(sent).take(list(proposals))


__all__ = ["ProposalClash", "UnknownPlace", "take"]
