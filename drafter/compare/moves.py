"""Which paired paragraphs read as moved, from where they stand in the base and in the draft.

A paragraph under another part or under another parent than its base paragraph's counterpart is
moved. Among siblings that kept their parent, some stand out of the base order; those that stay in
place are the heaviest run that keeps the base order, where a paragraph weighs its words and one
its author moved (Alt+Up/Down, drag and drop: `Resolution.moved`) next to nothing (`stay_weight`):
the paragraph the author moved is the one that reads as moved, and otherwise as few words as can be
(as a word diff would have it: one long paragraph moved past several short ones stays, and the short
ones read as moved).

The full comparison pairs paragraphs first (`align`, `Comparison._match_pool`), then decides here
which pairs among siblings read as moved (`choose_moved`). The live comparison keeps the pairing of
the last full comparison after a change of structure (see `live.py`) and asks here which pairs are
out of place now (`out_of_place`); until the full comparison runs again, a paragraph under a
paragraph the base does not have reads as in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import lt
from typing import Protocol

from drafter.compare.align import Item, heaviest_chain
from drafter.model import Block, Paragraph, Resolution
from drafter.parts import parts_of

Place = tuple[str, str | None, int]  # part, parent id (None at the top of the part), index among siblings
AUTHOR_MOVED = 1e-6  # the share of its weight a paragraph keeps when its author moved it


@dataclass(frozen=True)
class Pairing:
    old: str
    new: str


class PairOfBlocks(Protocol):
    """A pair of the full comparison."""

    old: Block
    new: Block
    moved: bool


def stay_weight(words: float, by_author: bool = False) -> float:
    """What keeping a paragraph of `words` words in place weighs: its words, so that as few words as can be
    read as moved; next to nothing if its author moved it, so that it is the one that reads as moved."""
    return max(1.0, words) * (AUTHOR_MOVED if by_author else 1.0)


def shared_words(old: Item, new: Item) -> int:
    """The words a paragraph kept (an edited paragraph's other words read as deleted and inserted, not moved)."""
    if old.key == new.key:
        return old.size
    return sum((old.bag & new.bag).values())


def _same_weight(_new_id: str) -> float:
    return 1.0


Members = list[tuple[int, int, str]]  # (index in the draft, index in the base, draft id) of siblings


def _groups(pairs: Iterable[Pairing], old_places: dict[str, Place], new_places: dict[str, Place],
            partners: dict[str, set[str]], unknown_in_place: bool) -> tuple[set[str], list[Members]]:
    """The draft ids of the pairs under another part or parent, and the pairs that kept their parent by list
    of siblings. A pair under a paragraph no base paragraph is paired with is among the siblings that kept
    their parent if `unknown_in_place`, else in neither."""
    across: set[str] = set()
    siblings: dict[tuple[object, ...], Members] = {}
    for pair in pairs:
        old, new = old_places.get(pair.old), new_places.get(pair.new)
        if old is None or new is None:
            continue
        if new[1] is None:
            same_parent = old[1] is None and old[0] == new[0]
        else:  # under the partner of its parent it went wherever its parent went (which is the one moved)
            partner = partners.get(new[1])
            if partner is None and not unknown_in_place:
                continue
            same_parent = partner is None or old[1] in partner
        if same_parent:
            siblings.setdefault((new[0], new[1], old[1]), []).append((new[2], old[2], pair.new))
        else:
            across.add(pair.new)
    return across, list(siblings.values())


def _out_of_order(members: Members, weight: Callable[[str], float]) -> set[str]:
    """The siblings outside the heaviest run that keeps the base order."""
    members.sort()
    base_order = [old for _new, old, _id in members]
    if all(map(lt, base_order, base_order[1:])):  # the common case: all in the base order
        return set()
    in_place = {new for _old, new in heaviest_chain([(old, new, weight(key)) for new, old, key in members])}
    return {key for new, _old, key in members if new not in in_place}


def out_of_place(pairs: Iterable[Pairing], old_places: dict[str, Place], new_places: dict[str, Place],
                 partners: dict[str, set[str]], weight: Callable[[str], float] = _same_weight) -> set[str]:
    """The draft ids of the pairs that read as moved; `partners` maps a draft id to the base ids it is paired
    with, `weight` a draft id to what keeping it in place weighs (`stay_weight`)."""
    across, groups = _groups(pairs, old_places, new_places, partners, unknown_in_place=True)
    for members in groups:
        across |= _out_of_order(members, weight)
    return across


def places(res: Resolution) -> dict[str, Place]:
    """Every block's part, parent and index among its siblings (parts named as `drafter.parts` names them)."""
    out: dict[str, Place] = {}
    for part, blocks in parts_of(res).items():
        stack: list[tuple[Sequence[Block], str | None]] = [(blocks, None)]
        while stack:
            siblings, parent = stack.pop()
            for index, block in enumerate(siblings):
                out[block.id] = (part, parent, index)
                if isinstance(block, Paragraph) and block.children:
                    stack.append((block.children, block.id))
    return out


def choose_moved(pairs: Sequence[PairOfBlocks], old: Resolution, new: Resolution,
                 regrouped: Iterable[tuple[Sequence[Block], Sequence[Block]]], item: Callable[[Block], Item]) -> None:
    """Set which pairs of siblings that kept their parent read as moved (the others keep what the comparison
    found); `regrouped` are the (base, draft) paragraphs of splits and merges, `item` gives a block's matching
    form."""
    partners: dict[str, set[str]] = {pair.new.id: {pair.old.id} for pair in pairs}
    for base_paras, draft_paras in regrouped:
        for para in draft_paras:
            partners[para.id] = {block.id for block in base_paras}
    by_new = {pair.new.id: pair for pair in pairs}
    by_author = set(new.moved)

    def weight(new_id: str) -> float:
        pair = by_new[new_id]
        return stay_weight(shared_words(item(pair.old), item(pair.new)), new_id in by_author)

    _across, groups = _groups([Pairing(pair.old.id, pair.new.id) for pair in pairs], places(old), places(new),
                              partners, unknown_in_place=False)
    for members in groups:
        moved = _out_of_order(members, weight)
        for _new, _old, key in members:
            by_new[key].moved = key in moved
