"""The change list: what the comparer hands to views, exporters and `apply`/`revert`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from drafter.compare.kinds import KINDS, MOVED
from drafter.model import Content


class Op(NamedTuple):
    """One piece of a word diff: `op` is "equal", "insert" or "delete".

    `technical` marks a mechanical session update (ordinal, symbol, date, year);
    `renumbering` a cross-reference that follows the renumbering of paragraphs.
    """

    op: str
    text: str
    technical: bool = False
    renumbering: bool = False


@dataclass
class Change:
    """One change between the two versions.

    Paragraph changes name the paragraphs by id and by label ("PP3", "OP2(a)",
    "footnote 3", "heading 1"); a split has one old and two new ids, a merge the
    reverse. Front matter changes name the field (`front_field`) and carry both
    values. `old_content`/`new_content` hold the content of each side (in the
    order of the ids) where the two differ, so that `apply` and `revert` are exact.
    """

    kind: str
    part: str  # "front", "preamble", "operative", "annex 1", "footnotes"
    old_ids: tuple[str, ...] = ()
    new_ids: tuple[str, ...] = ()
    old_label: str | None = None
    new_label: str | None = None
    ops: list[Op] = field(default_factory=list)
    front_field: str = ""
    relabelled: bool = False  # the label changed (OP4 → OP5), whatever the kind
    old_content: tuple[Content, ...] | None = None
    new_content: tuple[Content, ...] | None = None
    old_value: Any = None
    new_value: Any = None

    def relabel(self, new_label: str | None, part: str, relabelled: bool) -> Change:
        """A copy with another new label and part (what follows a renumbering), without
        `dataclasses.replace`, which checks every field: a renumbering relabels hundreds of records."""
        copy = object.__new__(Change)
        copy.__dict__.update(self.__dict__)
        copy.new_label, copy.part, copy.relabelled = new_label, part, relabelled
        return copy

    @property
    def old_id(self) -> str | None:
        return self.old_ids[0] if self.old_ids else None

    @property
    def new_id(self) -> str | None:
        return self.new_ids[0] if self.new_ids else None

    @property
    def moved_from(self) -> str | None:
        return self.old_label if self.kind == MOVED else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "part": self.part,
            "old": self.old_label,
            "new": self.new_label,
            "old_ids": list(self.old_ids),
            "new_ids": list(self.new_ids),
            "ops": [
                {"op": op.op, "text": op.text, "technical": op.technical, "renumbering": op.renumbering}
                for op in self.ops
            ],
        }
        if self.front_field:
            out["field"] = self.front_field
        if self.kind == MOVED:
            out["moved_from"] = self.old_label
        if self.relabelled:
            out["relabelled"] = True
        return out


class Node(NamedTuple):
    """A block in the structure of one side: its id, whether it is a cross-heading, its children."""

    id: str
    heading: bool = False
    list_style: str = ""
    children: tuple[Node, ...] = ()


@dataclass
class Layout:
    """The structure of one side: block ids per part, footnote ids in order, annex headings."""

    parts: dict[str, list[Node]] = field(default_factory=dict)
    footnotes: list[str] = field(default_factory=list)
    annexes: list[dict[str, Any]] = field(default_factory=list)  # each annex's fields but its blocks
    warnings: list[str] = field(default_factory=list)


@dataclass
class ChangeList:
    """The changes from `old` to `new`, in the reading order of the new version.

    `changes` is what users see (no unchanged paragraphs); `records` also keeps
    the unchanged pairs, which `apply` and `revert` need.
    """

    changes: list[Change]
    records: list[Change]
    old_layout: Layout
    new_layout: Layout
    old_symbol: str = ""
    new_symbol: str = ""

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for change in self.changes:
            counts[change.kind] = counts.get(change.kind, 0) + 1
        return counts

    def of_kind(self, *kinds: str) -> list[Change]:
        return [change for change in self.changes if change.kind in kinds]

    def visible(self, *, hide_renumbering: bool = False, hide_technical: bool = False) -> list[Change]:
        hidden = set()
        if hide_renumbering:
            hidden.add("renumbered")
        if hide_technical:
            hidden.add("technical")
        return [change for change in self.changes if change.kind not in hidden]

    def to_dict(self, changes: list[Change] | None = None) -> dict[str, Any]:
        shown = self.changes if changes is None else changes
        return {
            "old": self.old_symbol,
            "new": self.new_symbol,
            "changes": [change.to_dict() for change in shown],
            "counts": self.counts,
        }

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return True
