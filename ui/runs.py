"""Where two sequences of keys differ, as the runs to replace (no Qt).

Views that show a sequence of items (the editor's blocks, the records of the redline, the
outline's rows, the change list) update themselves by replacing only the runs of items
whose keys changed, and then refreshing, one by one, the items whose key stayed.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from difflib import SequenceMatcher

Run = tuple[int, int, int, int]  # old[a:b] became new[c:d]


def changed_runs(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[Run]:
    """The runs that differ, in order: `old[a:b]` became `new[c:d]`, and between the runs the keys are
    the same on both sides. A paragraph moved past a long one is one short run taken out and one put
    in, not a run over both (the longest matching stretches are kept)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    if start == limit and len(old) == len(new):
        return []
    tail = 0
    while tail < limit - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    old_end, new_end = len(old) - tail, len(new) - tail
    if start in (old_end, new_end):
        return [(start, old_end, start, new_end)]
    matcher = SequenceMatcher(None, old[start:old_end], new[start:new_end], autojunk=False)
    return [(start + a, start + b, start + c, start + d)
            for tag, a, b, c, d in matcher.get_opcodes() if tag != "equal"]


def unchanged_positions(runs: list[Run], new_length: int) -> list[tuple[int, int]]:
    """(new index, old index) of every item outside the runs: the items whose key stayed."""
    out: list[tuple[int, int]] = []
    new_at = shift = 0
    for _a, b, c, d in runs:
        out.extend((index, index - shift) for index in range(new_at, c))
        new_at, shift = d, d - b
    out.extend((index, index - shift) for index in range(new_at, new_length))
    return out


def text_document_runs(runs: list[Run], old_length: int, new_length: int) -> list[Run]:
    """The runs, those that would only take out or only put in items at the very start made to replace
    one item more (a text document has no place before its first block to put a block in)."""
    out = []
    for a, b, c, d in runs:
        if a == 0 and (a == b or c == d) and b < old_length and d < new_length:
            b, d = b + 1, d + 1
        out.append((a, b, c, d))
    return out
