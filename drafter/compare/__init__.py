"""The comparer: two resolutions in, a change list out. Pure Python, no Qt.

>>> changes = compare(old, new)
>>> changes.counts["modified"], [c.new_label for c in changes.changes]

Paragraphs are aligned first (`align`), words are diffed inside each pair
(`words`), and each change gets a kind (`kinds`): inserted, deleted, modified,
moved, split, merged, renumbered or technical. `apply(old, changes)` rebuilds
the new version and `revert(new, changes)` the old one.
"""

from __future__ import annotations

from drafter.compare.changes import Change, ChangeList, Op
from drafter.compare.engine import compare_resolutions
from drafter.compare.kinds import KINDS
from drafter.compare.patch import ChangeListMismatch, apply, revert
from drafter.compare.words import Options
from drafter.model import Resolution


def compare(
    old: Resolution,
    new: Resolution,
    *,
    ignore_case: bool = False,
    ignore_whitespace: bool = True,
    ignore_quotes: bool = False,
) -> ChangeList:
    """The changes that turn `old` (the base) into `new`, in the reading order of `new`."""
    options = Options(ignore_case=ignore_case, ignore_whitespace=ignore_whitespace,
                      ignore_quotes=ignore_quotes)
    return compare_resolutions(old, new, options)


__all__ = ["KINDS", "Change", "ChangeList", "ChangeListMismatch", "Op", "apply", "compare", "revert"]
