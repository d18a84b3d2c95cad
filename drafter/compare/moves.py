"""Which paired paragraphs read as moved, from where they stand in the base and in the draft.

The live comparison keeps the pairing of the last full comparison after a change of structure
(see `live.py`) and asks here which pairs are out of place now: a paragraph under another part or
under another parent than its base paragraph's counterpart, or out of order among the siblings
that came from the same base parent (those outside the longest run that keeps the base order).
The full comparison decides much the same way, give or take which of two swapped paragraphs it
calls moved, or what becomes of the sub-paragraphs of a paragraph split in two; until it runs
again, a paragraph under a paragraph the base does not have reads as in place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

Place = tuple[str, str | None, int]  # part, parent id (None at the top of the part), index among siblings


@dataclass(frozen=True)
class Pairing:
    old: str
    new: str


def out_of_place(pairs: Iterable[Pairing], old_places: dict[str, Place], new_places: dict[str, Place],
                 partners: dict[str, set[str]]) -> set[str]:
    """The draft ids of the pairs that read as moved; `partners` maps a draft id to the base ids it is paired with."""
    moved: set[str] = set()
    siblings: dict[tuple[object, ...], list[tuple[int, int, str]]] = {}
    for pair in pairs:
        old, new = old_places.get(pair.old), new_places.get(pair.new)
        if old is None or new is None:
            continue
        if new[1] is None:
            same_parent = old[1] is None
        else:  # under a new paragraph (the second half of a split, say) no one can tell: in place
            partner = partners.get(new[1])
            same_parent = partner is None or old[1] in partner
        if old[0] != new[0] or not same_parent:
            moved.add(pair.new)
        else:
            siblings.setdefault((new[0], new[1], old[1]), []).append((new[2], old[2], pair.new))
    for members in siblings.values():
        members.sort()
        kept = _increasing([old for _new, old, _id in members])
        moved.update(member[2] for index, member in enumerate(members) if index not in kept)
    return moved


def _increasing(values: list[int]) -> set[int]:
    """The positions of a longest strictly increasing subsequence of `values`."""
    tails: list[int] = []  # the smallest last value of an increasing run of each length
    at: list[int] = []  # the position of that value
    before = [-1] * len(values)
    for index, value in enumerate(values):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            at.append(index)
        else:
            tails[length], at[length] = value, index
        before[index] = at[length - 1] if length else -1
    out: set[int] = set()
    index = at[-1] if at else -1
    while index >= 0:
        out.add(index)
        index = before[index]
    return out
