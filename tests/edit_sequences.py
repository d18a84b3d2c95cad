"""Random sequences of core edits applied, undone and redone, with a check after every step (the
property tests of `drafter.edits` share this loop)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from drafter.edits import Document, Edit
from drafter.serialize import to_dict

Step = tuple[str, float, float, float]  # action, which unit, where in it, another fraction


def state(doc: Document) -> tuple[dict[str, Any], dict[str, Any]]:
    return to_dict(doc.base), to_dict(doc.draft)


def apply_undo_redo(doc: Document, sequence: Sequence[Step], build: Callable[..., Edit | None],
                    check: Callable[[Document], None]) -> None:
    """Each step built (building changes nothing), applied and checked; then every edit undone, each undo
    giving back the exact document before it; then all redone, giving the same result again."""
    snapshots = [state(doc)]
    done: list[Edit] = []
    for action, pick, offset, other in sequence:
        edit = build(doc, action, pick, offset, other)
        assert state(doc) == snapshots[-1], "building an edit must leave the document as it was"
        if edit is None:
            continue
        edit.apply(doc)
        check(doc)
        done.append(edit)
        snapshots.append(state(doc))
    final = snapshots[-1]
    for edit in reversed(done):
        snapshots.pop()
        edit.revert(doc)
        assert state(doc) == snapshots[-1]  # undo restores the exact document, footnotes and all
    for edit in done:  # redo after undo gives the same result again
        edit.apply(doc)
    assert state(doc) == final


def apply_then_revert(doc: Document, sequence: Sequence[Step], build: Callable[..., Edit | None],
                      after: Callable[[Edit], None]) -> None:
    """Each step built and applied, then `after(edit)`; then every edit reverted, the last first, each
    followed by `after(edit)` too."""
    done: list[Edit] = []
    for action, pick, offset, other in sequence:
        edit = build(doc, action, pick, offset, other)
        if edit is None:
            continue
        edit.apply(doc)
        after(edit)
        done.append(edit)
    for edit in reversed(done):
        edit.revert(doc)
        after(edit)
