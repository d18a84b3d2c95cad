"""The word ops that turn one paragraph's wording into another's, cut as the comparer cuts words."""

from __future__ import annotations

from drafter.compare.changes import Op
from drafter.compare.words import EQUAL, Codec, Options, diff_tokens, segment_text, tokenize
from drafter.model import Text


def word_ops(old: str, new: str) -> list[Op]:
    """The word diff of two texts as `drafter.compare` ops ("equal", "delete", "insert"), the deletion
    first in each changed group."""
    if old == new:
        return [Op(EQUAL, new)] if new else []
    options = Options()
    before = tokenize((Text(old),), options)
    after = tokenize((Text(new),), options)
    return [Op(segment.op, segment_text(segment, before, after))
            for segment in diff_tokens(before, after, Codec())]


def added(ops: list[Op]) -> list[str]:
    """The inserted pieces, stripped."""
    return [op.text.strip() for op in ops if op.op == "insert" and op.text.strip()]


def removed(ops: list[Op]) -> list[str]:
    """The deleted pieces, stripped."""
    return [op.text.strip() for op in ops if op.op == "delete" and op.text.strip()]
