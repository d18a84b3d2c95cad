"""Which proposals of different delegations cannot both be taken as they stand.

Two proposals by different authors conflict when they
- change overlapping words of one paragraph ("overlapping words"; the same change asked by both is
  agreement, not a conflict),
- insert words at the same point ("insertions at one point"),
- put new paragraphs at the same place ("new paragraphs at one place"),
- delete a paragraph the other changes, moves, or puts a paragraph under ("deletion of a changed paragraph"),
- move one paragraph to different places ("moves to different places").
Conflicting proposals are grouped (a proposal that conflicts with two others joins them in one group) and
stay side by side; all other proposals combine.

Which of a group can be Word revisions by their delegations at once (`tracked`): in Word and LibreOffice a
word of the text sent carries one deletion at most (a deletion inside another author's deletion is lost), so
two delegations that both remove the same words cannot both be tracked: accepting the one and rejecting the
other would bring back words the first removed. Everything else can stand side by side: insertions at one
point, new paragraphs at one place, an insertion inside words another delegation deletes or replaces, and
words inserted into (or a new paragraph put under) a paragraph another delegation deletes. Of the others the
first in the group is tracked and the rest are alternatives in a comment. Moves are never tracked beside a
proposal they conflict with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from drafter.negotiate.proposals import COMMENT, DELETE_PARAGRAPH, MOVE, NEW_PARAGRAPH, Proposal

OVERLAP = "overlapping words"
SAME_POINT = "insertions at one point"
SAME_PLACE = "new paragraphs at one place"
DELETED_CHANGED = "deletion of a changed paragraph"
MOVES_APART = "moves to different places"
_SIDE_BY_SIDE = frozenset([SAME_POINT, SAME_PLACE])


@dataclass
class Conflict:
    ids: list[str]
    reasons: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # the SENT labels it is about, in order

    @property
    def side_by_side(self) -> bool:
        """Whether the group only holds insertions at one point and new paragraphs at one place."""
        return set(self.reasons) <= _SIDE_BY_SIDE


def _inside(point: Proposal, span: Proposal) -> bool:
    """Whether `point` only inserts words, strictly inside the words `span` removes."""
    return point.start == point.end and span.start < point.start < span.end


def trackable(a: Proposal, b: Proposal) -> bool:
    """Whether two proposals of one conflict group can both be Word revisions by their authors: never both
    removing the same words of the text sent."""
    why = reason(a, b)
    if why is None or why in _SIDE_BY_SIDE:
        return True
    if why == OVERLAP:
        return _inside(a, b) or _inside(b, a)
    if why == DELETED_CHANGED:
        other = b if a.kind == DELETE_PARAGRAPH else a
        return other.kind == NEW_PARAGRAPH or (other.words and other.start == other.end)
    return False


def tracked(members: list[Proposal]) -> list[Proposal]:
    """The proposals of a group that are tracked: in order, each one that can stand beside those before it."""
    out: list[Proposal] = []
    for proposal in members:
        if all(trackable(proposal, earlier) for earlier in out):
            out.append(proposal)
    return out


def _touches(proposal: Proposal, label: str) -> bool:
    """Whether a proposal changes the paragraph `label` or something inside it."""
    for name in (proposal.paragraph, proposal.parent):
        if name is not None and (name == label or name.startswith(label + "(")):
            return True
    return False


def reason(a: Proposal, b: Proposal) -> str | None:
    """Why two proposals conflict, or None."""
    if a.author == b.author or COMMENT in (a.kind, b.kind):
        return None
    if a.words and b.words and a.paragraph == b.paragraph:
        if (a.start, a.end, a.content) == (b.start, b.end, b.content):
            return None
        if a.start == a.end == b.start == b.end:
            return SAME_POINT
        if a.start < b.end and b.start < a.end:
            return OVERLAP
        return None
    if a.kind == b.kind == NEW_PARAGRAPH:
        return SAME_PLACE if a.place == b.place else None
    if a.kind == b.kind == MOVE:
        return MOVES_APART if a.paragraph == b.paragraph and a.place != b.place else None
    for deleting, other in ((a, b), (b, a)):
        if deleting.kind == DELETE_PARAGRAPH and other.kind != DELETE_PARAGRAPH and deleting.paragraph and \
                _touches(other, deleting.paragraph):
            return DELETED_CHANGED
    return None


def conflicts(proposals: list[Proposal]) -> list[Conflict]:
    """The groups of conflicting proposals, each in the order of the proposals, in the order of their first."""
    order = {p.id: index for index, p in enumerate(proposals)}
    group: dict[str, str] = {p.id: p.id for p in proposals}  # union-find: a proposal -> its group's root

    def root(item: str) -> str:
        while group[item] != item:
            group[item] = group[group[item]]
            item = group[item]
        return item

    found: list[tuple[Proposal, Proposal, str]] = []
    by_paragraph: dict[str | None, list[Proposal]] = {}
    for proposal in proposals:
        by_paragraph.setdefault(_key(proposal), []).append(proposal)
    for items in by_paragraph.values():
        for a, b in combinations(items, 2):
            why = reason(a, b)
            if why is not None:
                found.append((a, b, why))
                group[root(a.id)] = root(b.id)
    out: dict[str, Conflict] = {}
    for a, b, why in sorted(found, key=lambda item: (order[item[0].id], order[item[1].id])):
        conflict = out.setdefault(root(a.id), Conflict([]))
        conflict.ids += [p.id for p in (a, b) if p.id not in conflict.ids]
        if why not in conflict.reasons:
            conflict.reasons.append(why)
        for label in (a.paragraph or a.after, b.paragraph or b.after):
            if label is not None and label not in conflict.paragraphs:
                conflict.paragraphs.append(label)
    for conflict in out.values():
        conflict.ids.sort(key=order.__getitem__)
    return sorted(out.values(), key=lambda c: order[c.ids[0]])


def _key(proposal: Proposal) -> str | None:
    """Proposals can only conflict within the top-level paragraph they concern (or its place)."""
    label = proposal.paragraph if proposal.kind != NEW_PARAGRAPH else proposal.parent or (
        f"{proposal.part}:{proposal.after}")
    if label is None:
        return None
    return label.split("(", 1)[0]


__all__ = ["DELETED_CHANGED", "MOVES_APART", "OVERLAP", "SAME_PLACE", "SAME_POINT", "Conflict", "conflicts", "reason",
           "trackable", "tracked"]
