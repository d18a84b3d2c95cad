"""The word ops that turn one paragraph's wording into another's, as `drafter.compare` gives them."""

from __future__ import annotations

from drafter.compare import compare
from drafter.compare.changes import Op
from drafter.compare.kinds import DELETED, INSERTED
from drafter.compare.words import EQUAL, Codec, Options, diff_tokens, segment_text, tokenize
from drafter.model import Paragraph, Resolution, Text


def _alone(text: str) -> Resolution:
    return Resolution(operative=[Paragraph((Text(text),))])


def word_ops(old: str, new: str) -> list[Op]:
    """The word diff of two paragraph texts: the ops of the comparer's change between them (technical
    updates marked), or, where the comparer does not pair two wordings this far apart, a plain word diff."""
    if old == new:
        return [Op(EQUAL, new)] if new else []
    changes = [c for c in compare(_alone(old), _alone(new)).changes if c.part != "front"]
    if len(changes) == 1 and changes[0].kind not in (INSERTED, DELETED) and changes[0].ops:
        return changes[0].ops
    options = Options()
    before = tokenize((Text(old),), options)
    after = tokenize((Text(new),), options)
    return [Op(segment.op, segment_text(segment, before, after)) for segment in diff_tokens(before, after, Codec())]


def added(ops: list[Op]) -> list[str]:
    """The inserted pieces, stripped."""
    return [op.text.strip() for op in ops if op.op == "insert" and op.text.strip()]


def removed(ops: list[Op]) -> list[str]:
    """The deleted pieces, stripped."""
    return [op.text.strip() for op in ops if op.op == "delete" and op.text.strip()]
