"""Replaying a change list: `apply` turns the old version into the new one, `revert` the reverse.

The change list carries the structure of both sides (block ids, nesting, list
styles, footnote order) and, for every block whose content changed, the
content of both sides. Unchanged blocks are taken from the document given, with
their footnote references renamed to the other side's footnotes; front matter
fields the list does not name are kept.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from drafter.compare.changes import Change, ChangeList, Layout, Node
from drafter.compare.labels import FRONT, RESOLUTION_FIELDS, layout_of, remap_notes
from drafter.errors import DrafterError
from drafter.model import Annex, Block, CrossHeading, Footnote, Inline, Paragraph, Resolution


class ChangeListMismatch(DrafterError):
    """The change list was made for another document than the one it is applied to."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the change list does not fit this document: {reason}")
        self.reason = reason


def _ids(layout: Layout) -> list[str]:
    out: list[str] = []

    def walk(nodes: Sequence[Node]) -> None:
        for node in nodes:
            out.append(node.id)
            walk(node.children)

    for nodes in layout.parts.values():
        walk(nodes)
    return out + layout.footnotes


def _sources(res: Resolution) -> dict[str, Block | Footnote]:
    out: dict[str, Block | Footnote] = {}

    for block in res.blocks():
        out[block.id] = block
    for note in res.footnotes:
        out[note.id] = note
    return out


class _Builder:
    def __init__(self, source: Resolution, changes: ChangeList, forward: bool) -> None:
        self.source = source
        self.forward = forward
        self.src_layout = changes.old_layout if forward else changes.new_layout
        self.dst_layout = changes.new_layout if forward else changes.old_layout
        if _ids(layout_of(source)) != _ids(self.src_layout):
            raise ChangeListMismatch("its paragraphs and footnotes are not the ones of this document")
        self.nodes = _sources(source)
        self.by_dst: dict[str, tuple[Change, int]] = {}
        self.note_map: dict[str, str] = {}
        self.front: list[Change] = []
        for record in changes.records:
            if record.part == FRONT:
                self.front.append(record)
                continue
            src_ids, dst_ids = self._sides(record)
            for index, dst in enumerate(dst_ids):
                self.by_dst[dst] = (record, index)
            if record.part == "footnotes" and len(src_ids) == 1 and len(dst_ids) == 1:
                self.note_map[src_ids[0]] = dst_ids[0]

    def _sides(self, record: Change) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if self.forward:
            return record.old_ids, record.new_ids
        return record.new_ids, record.old_ids

    def content(self, dst_id: str) -> list[Inline]:
        found = self.by_dst.get(dst_id)
        if found is None:
            raise ChangeListMismatch(f"no record for block {dst_id}")
        record, index = found
        stored = record.new_content if self.forward else record.old_content
        if stored is not None:
            return copy.deepcopy(stored[index])
        src_ids, _dst = self._sides(record)
        source = self.nodes.get(src_ids[0]) if src_ids else None
        if source is None:
            raise ChangeListMismatch(f"block {src_ids[0] if src_ids else dst_id} is missing")
        return remap_notes(source.content, self.note_map)

    def block(self, node: Node) -> Block:
        if node.heading:
            return CrossHeading(self.content(node.id), id=node.id)
        return self.paragraph(node)

    def paragraph(self, node: Node) -> Paragraph:
        children = [self.paragraph(child) for child in node.children]
        return Paragraph(self.content(node.id), children, id=node.id, list_style=node.list_style)

    def build(self) -> Resolution:
        src = self.source
        parts = {name: [self.block(node) for node in nodes] for name, nodes in self.dst_layout.parts.items()}
        result = Resolution(
            front=copy.deepcopy(src.front),
            preamble=parts.get("preamble", []),
            operative=parts.get("operative", []),
            footnotes=[Footnote(self.content(note_id), id=note_id) for note_id in self.dst_layout.footnotes],
            annexes=[
                Annex(**copy.deepcopy(meta), blocks=parts.get(f"annex {number}", []))
                for number, meta in enumerate(self.dst_layout.annexes, 1)
            ],
            warnings=list(self.dst_layout.warnings),
            **{name: copy.deepcopy(getattr(src, name)) for name in RESOLUTION_FIELDS},
        )
        for record in self.front:
            value = copy.deepcopy(record.new_value if self.forward else record.old_value)
            holder: object = result if record.front_field in RESOLUTION_FIELDS else result.front
            setattr(holder, record.front_field, value)
        return result


def apply(old: Resolution, changes: ChangeList) -> Resolution:
    """The new version, rebuilt from the old one and the change list."""
    return _Builder(old, changes, forward=True).build()


def revert(new: Resolution, changes: ChangeList) -> Resolution:
    """The old version, rebuilt from the new one and the change list."""
    return _Builder(new, changes, forward=False).build()
