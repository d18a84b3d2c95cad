"""Which changes against the base are new since a version: "new since Rev.1" in the change list.

A change is new since a version when the draft's text at that change is not what the version
had: a draft paragraph (or footnote) whose content differs from the version's paragraph of the
same id, or that the version did not have; a deletion of a paragraph the version still had; a
move that put a paragraph after another one than in the version; a front-matter field whose value
differs. Paragraph ids are kept across versions, so the test is a lookup, fast enough to run on
every change list the views show.
"""

from __future__ import annotations

from drafter.compare.changes import Change
from drafter.compare.kinds import MOVED
from drafter.edits.primitives import walk
from drafter.model import Resolution
from drafter.parts import RESOLUTION_FIELDS

Places = dict[str, tuple[object, str | None]]


def _places(res: Resolution) -> Places:
    """Each block and footnote id → (its content, the id of the block before it in its list)."""
    out: Places = {}
    before: dict[tuple[str, str | None], str | None] = {}
    for block, where, _depth in walk(res):
        key = (where.part, where.parent)
        out[block.id] = (block.content, before.get(key))
        before[key] = block.id
    for note in res.footnotes:
        out[note.id] = (note.content, None)
    return out


class Since:
    """Tells the changes of a change list that are new since `version` (a snapshot of the draft)."""

    def __init__(self, name: str, version: Resolution) -> None:
        self.name = name
        self.version = version
        self._then = _places(version)

    def is_new(self, change: Change, draft: Resolution, now: Places | None = None) -> bool:
        if change.front_field:
            holder: object = self.version if change.front_field in RESOLUTION_FIELDS else self.version.front
            return bool(getattr(holder, change.front_field, None) != change.new_value)
        if not change.new_ids:  # deleted: new if the version still had it
            return any(key in self._then for key in change.old_ids)
        now = now if now is not None else _places(draft)
        for key in change.new_ids:
            then, current = self._then.get(key), now.get(key)
            if then is None or current is None or then[0] != current[0]:
                return True
            if change.kind == MOVED and then[1] != current[1]:
                return True
        return False

    def new_changes(self, changes: list[Change], draft: Resolution) -> list[Change]:
        now = _places(draft)
        return [change for change in changes if self.is_new(change, draft, now)]


__all__ = ["Since"]
