"""Equal words whose spacing differs: ops that give back both texts exactly.

Tokens keep their trailing spaces, and two tokens that differ only there are the same word to the
diff ("tenth " before "anniversary" in one text, "tenth" before "." in the other). Equal text is shown
as the new text has it, so the old text read back from the ops would lose the space between two words
("tenthanniversary"). Here a space that one text has and the other lacks becomes an insertion or a
deletion of its own, right after the word; the ops still end where the tokens end, and a writer that
follows the tokens (the tracked Word export) passes over such an op: it compares the spacing of equal
tokens itself. A difference in the width of a space (one space or two) is no change: the new text's is
shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.compare.changes import Op


def equal_ops(olds: Sequence[str], news: Sequence[str]) -> list[Op]:
    """The ops of a run of tokens the diff found equal (`olds` and `news` of the same length)."""
    ops: list[Op] = []
    shown: list[str] = []
    for old, new in zip(olds, news, strict=True):
        if old == new:
            shown.append(new)
            continue
        word = new.rstrip()
        old_space, new_space = old[len(old.rstrip()):], new[len(word):]
        if bool(old_space) == bool(new_space):
            shown.append(new)
            continue
        shown.append(word)
        ops.append(Op("equal", "".join(shown)))
        shown = []
        ops.append(Op("delete", old_space) if old_space else Op("insert", new_space))
    if shown:
        ops.append(Op("equal", "".join(shown)))
    return ops


def by_tokens(ops: list[Op]) -> list[Op]:
    """The ops as the diff made them, whole tokens each: a space inserted after an equal word goes back
    into it, a space deleted after one is dropped (for writers that compare the spacing of equal tokens
    themselves)."""
    out: list[Op] = []
    for op in ops:
        if op.op == "equal" or op.text.strip():
            out.append(op)
        elif op.op == "insert" and out and out[-1].op == "equal":
            out[-1] = out[-1]._replace(text=out[-1].text + op.text)
    return out
