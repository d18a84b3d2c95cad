"""The word changes of one paragraph as ranges of tokens, read back from the comparison's word ops.

The comparison's ops show each side as its tokens show it (a footnote reference as the superscript
marker of its side). Cutting the content of both sides the same way gives the tokens, and walking the
ops over them gives each contiguous change as an old and a new range of tokens. Ops that only change
the spacing of equal words (`drafter.compare.spacing`) make no change here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from drafter.compare.changes import Op
from drafter.compare.words import NOTE_PLACE, Options, cut, name_notes
from drafter.model import Inline

_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Token:
    """A word, a punctuation mark or a footnote reference, with the spaces after it."""

    shown: str  # as the comparison's ops show it: a footnote reference as its superscript marker
    text: str  # as a statement quotes it: a footnote reference leaves only the spaces after it
    note: str | None = None  # the footnote a reference points to

    @property
    def wordy(self) -> bool:
        return bool(_WORD.search(self.text))


@dataclass(frozen=True)
class Group:
    """One contiguous change: the tokens of the earlier text it takes out and of the later one it puts in."""

    old: range
    new: range
    renumbering: bool = False  # every op of it follows the renumbering of paragraphs
    technical: bool = False  # every op of it is a mechanical session update


def tokens_of(content: Sequence[Inline], markers: dict[str, str]) -> list[Token]:
    """The tokens of content as the comparison cuts them; `markers` gives each footnote's superscript."""
    options = Options()
    tokens, at = cut(content, options)
    notes = dict(at)
    named = name_notes(tokens, at, options, lambda note: (note, markers.get(note, "?")))
    out: list[Token] = []
    for index, shown in enumerate(named.texts):
        note = notes.get(index)
        if note is None:
            out.append(Token(shown, shown))
        else:
            out.append(Token(shown, tokens.texts[index].replace(NOTE_PLACE, "", 1), note))
    return out


class _Side:
    """One side's tokens as one string, and a position in it."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.text = "".join(token.shown for token in tokens)
        self.starts = [0, *accumulate(len(token.shown) for token in tokens)][:-1]
        self.count = len(tokens)
        self.at = 0  # characters passed
        self.entered = 0  # tokens begun

    def take(self, text: str) -> bool:
        """Pass `text`, which must come next; False when it does not, or does not end on a token's end."""
        if not self.text.startswith(text, self.at):
            return False
        self.at += len(text)
        self.entered = bisect_left(self.starts, self.at)
        return self.at == len(self.text) or self.starts[self.entered] == self.at

    def follow(self, count: int) -> None:
        """Pass `count` whole tokens, whatever their spacing (the other side's text was shown)."""
        self.entered += count
        self.at = self.starts[self.entered] if self.entered < self.count else len(self.text)

    def pass_equal(self, text: str) -> int | None:
        """Pass equal text, which may end inside a token (before its spaces); the tokens begun in it."""
        if not self.text.startswith(text, self.at):
            return None
        before = self.entered
        self.at += len(text)
        self.entered = bisect_left(self.starts, self.at)
        return self.entered - before


def groups_of(ops: Sequence[Op], old: Sequence[Token], new: Sequence[Token]) -> list[Group] | None:
    """The contiguous changes of a paragraph's ops; None when the ops do not fit the tokens."""
    before, after = _Side(old), _Side(new)
    groups: list[Group] = []
    start: tuple[int, int] | None = None
    flags: list[Op] = []

    def close() -> None:
        nonlocal start
        if start is not None:
            groups.append(Group(range(start[0], before.entered), range(start[1], after.entered),
                                all(op.renumbering for op in flags), all(op.technical for op in flags)))
            start = None
            flags.clear()

    for op in ops:
        if not op.text.strip():  # the spacing of equal words: the new side's spaces pass, the old side's are passed
            if op.op == "insert" and not after.take(op.text):
                return None
            continue
        if op.op == "equal":
            close()
            count = after.pass_equal(op.text)
            if count is None:
                return None
            before.follow(count)
            continue
        if start is None:
            start = (before.entered, after.entered)
        flags.append(op)
        if not (before if op.op == "delete" else after).take(op.text):
            return None
    close()
    if before.at != len(before.text) or after.at != len(after.text):
        return None
    return groups
