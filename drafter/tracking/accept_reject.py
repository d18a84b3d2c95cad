"""Accept or reject one change of a comparison as an edit.

Rejecting a change puts the base's version of that spot back into the draft; accepting
it writes the draft's version into the base, so the change is no longer a difference.
Both are the same operation with the roles swapped: make side `dst` agree with side
`src` for one change. The change list must be fresh (made from the document as it is).
"""

from __future__ import annotations

import copy

from drafter.compare.changes import Change, ChangeList
from drafter.compare.kinds import RENUMBERED, UNCHANGED
from drafter.edits.actions import Builder, remove_footnote
from drafter.edits.primitives import (
    Compound,
    DeleteBlock,
    Document,
    InsertBlock,
    InsertNote,
    MoveBlock,
    RenumberNotes,
    SetContent,
    SetField,
    Side,
    Where,
    container,
    find,
    locate,
    walk,
)
from drafter.model import Block, Content, CrossHeading, Footnote, Inline, NoteRef, Paragraph, Resolution, new_id
from drafter.parts import FOOTNOTES, FRONT, RESOLUTION_FIELDS, part_names


class _Resolver:
    def __init__(self, doc: Document, changes: ChangeList, keep: Side) -> None:
        self.keep = keep
        self.dst_side: Side = "draft" if keep == "base" else "base"
        self.src = doc.side(keep)
        self.b = Builder(doc, self.dst_side)
        self.partner: dict[str, str] = {}
        for record in changes.records:
            if len(record.old_ids) == 1 and len(record.new_ids) == 1:
                a, z = record.old_ids[0], record.new_ids[0]
                if keep == "base":
                    self.partner[a] = z
                else:
                    self.partner[z] = a

    def ids(self, change: Change) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(ids on the kept side, ids on the side that changes)."""
        if self.keep == "base":
            return change.old_ids, change.new_ids
        return change.new_ids, change.old_ids

    @property
    def dst(self) -> Resolution:
        return self.b.res

    # --- content -------------------------------------------------------------------------
    def content(self, content: Content) -> Content:
        """Kept-side content with its footnote references turned into the other side's notes."""
        out: list[Inline] = []
        for item in copy.deepcopy(content):
            if isinstance(item, NoteRef):
                target = self.partner.get(item.note, item.note)
                if self.dst.footnote(target) is None:
                    note = self.src.footnote(item.note)
                    if note is None:
                        continue
                    self.b.add(InsertNote(Footnote(copy.deepcopy(note.content), id=target),
                                          len(self.dst.footnotes), self.dst_side))
                out.append(NoteRef(target))
            else:
                out.append(item)
        return tuple(out)

    def copy_block(self, block: Block) -> Block:
        taken = {b.id for b, _w, _d in walk(self.dst)}
        fresh = copy.deepcopy(block)

        def fix(node: Block) -> None:
            if node.id in taken:
                node.id = new_id()
            node.content = self.content(node.content)
            if isinstance(node, Paragraph):
                node.children = [c for c in node.children if c.id not in self.partner]
                for child in node.children:
                    fix(child)

        fix(fresh)
        return fresh

    # --- places --------------------------------------------------------------------------
    def place(self, src_id: str, moving: str | None = None) -> Where | None:
        """Where the block `src_id` of the kept side belongs on the other side: after the partner of
        the nearest earlier sibling, or first under the partner of its parent. Places inside the
        block `moving` (of the other side) are no place for it."""
        inside = _subtree(self.dst, moving) if moving else set()
        where = locate(self.src, src_id)
        siblings = container(self.src, where.part, where.parent)
        for sibling in reversed(siblings[: where.index]):
            partner = self.partner.get(sibling.id)
            if partner is not None and partner not in inside and find(self.dst, partner) is not None:
                at = locate(self.dst, partner)
                if at.parent not in inside:
                    return Where(at.part, at.parent, at.index + 1)
        if where.parent is None:
            return Where(where.part, None, 0) if where.part in part_names(self.dst) else None
        parent = self.partner.get(where.parent)
        if parent is None or parent in inside or not isinstance(find(self.dst, parent), Paragraph):
            return None
        return Where(locate(self.dst, parent).part, parent, 0)

    # --- cases -------------------------------------------------------------------------------
    def run(self, change: Change) -> bool:
        if change.part == FRONT:
            name = change.front_field
            path: tuple[str, ...] = (name,) if name in RESOLUTION_FIELDS else ("front", name)
            value = change.old_value if self.keep == "base" else change.new_value
            self.b.add(SetField(path, value, self.dst_side, "Set field"))
            return True
        src_ids, dst_ids = self.ids(change)
        if change.part == FOOTNOTES:
            return self.note(src_ids, dst_ids)
        if len(src_ids) == 1 and len(dst_ids) == 1:
            return self.pair(change, src_ids[0], dst_ids[0])
        if src_ids and not dst_ids:
            return self.insert(src_ids)
        if dst_ids and not src_ids:
            return self.delete(dst_ids)
        return self.regroup(src_ids, dst_ids)

    def note(self, src_ids: tuple[str, ...], dst_ids: tuple[str, ...]) -> bool:
        if src_ids and dst_ids:
            src, dst = self.src.footnote(src_ids[0]), self.dst.footnote(dst_ids[0])
            if src is None or dst is None:
                return False
            self.b.add(SetContent(dst.id, dst.content, self.content(src.content), self.dst_side))
        elif src_ids:
            note = self.src.footnote(src_ids[0])
            if note is None:
                return False
            index = min(self.src.footnotes.index(note), len(self.dst.footnotes))
            self.b.add(InsertNote(copy.deepcopy(note), index, self.dst_side))
        else:
            edit = remove_footnote(self.b.doc, dst_ids[0], self.dst_side)
            if edit is None:
                return False
            self.b.add(edit)
        return True

    def pair(self, change: Change, src_id: str, dst_id: str) -> bool:
        src, dst = find(self.src, src_id), find(self.dst, dst_id)
        if src is None or dst is None:
            return False
        content = self.content(src.content)
        count = len(self.b.edits)
        if content != dst.content:
            self.b.add(SetContent(dst_id, dst.content, content, self.dst_side))
        if change.kind == "moved":
            to = self.place(src_id, moving=dst_id)
            if to is None:
                return False
            origin = locate(self.dst, dst_id)
            if (origin.part, origin.parent) == (to.part, to.parent) and origin.index < to.index:
                to = Where(to.part, to.parent, to.index - 1)
            if to != origin:
                self.b.add(MoveBlock(dst_id, to, self.dst_side))
        return len(self.b.edits) > count

    def insert(self, src_ids: tuple[str, ...]) -> bool:
        src = find(self.src, src_ids[0])
        to = self.place(src_ids[0])
        if not isinstance(src, Paragraph | CrossHeading) or to is None:
            return False
        self.b.add(InsertBlock(self.copy_block(src), to, self.dst_side, "Restore paragraph"))
        return True

    def delete(self, dst_ids: tuple[str, ...]) -> bool:
        block = find(self.dst, dst_ids[0])
        if not isinstance(block, Paragraph | CrossHeading):
            return False
        if isinstance(block, Paragraph):  # sub-paragraphs that belong elsewhere stay
            at = locate(self.dst, block.id)
            partnered = [child.id for child in block.children if child.id in self.partner.values()]
            for offset, child_id in enumerate(partnered):
                self.b.add(MoveBlock(child_id, Where(at.part, at.parent, at.index + 1 + offset), self.dst_side))
        self.b.add(DeleteBlock(block.id, self.dst_side))
        return True

    def regroup(self, src_ids: tuple[str, ...], dst_ids: tuple[str, ...]) -> bool:
        """A split or merge undone: the kept paragraphs replace the other side's."""
        first = find(self.dst, dst_ids[0])
        if not isinstance(first, Paragraph):
            return False
        at = locate(self.dst, first.id)
        copies: list[Block] = []
        for offset, src_id in enumerate(src_ids):
            src = find(self.src, src_id)
            if not isinstance(src, Paragraph):
                return False
            fresh = self.copy_block(Paragraph(src.content, [], src.id, src.list_style))
            copies.append(fresh)
            self.b.add(InsertBlock(fresh, Where(at.part, at.parent, at.index + offset), self.dst_side))
        last = copies[-1]
        for dst_id in dst_ids:
            block = find(self.dst, dst_id)
            if isinstance(block, Paragraph):
                for child in list(block.children):
                    count = len(_kids(self.dst, last.id))
                    self.b.add(MoveBlock(child.id, Where(at.part, last.id, count), self.dst_side))
            self.b.add(DeleteBlock(dst_id, self.dst_side))
        return True


def _subtree(res: Resolution, block_id: str) -> set[str]:
    """The ids of a block and of every block under it."""
    found = find(res, block_id)
    stack: list[Block] = [found] if isinstance(found, Paragraph | CrossHeading) else []
    ids: set[str] = set()
    while stack:
        block = stack.pop()
        ids.add(block.id)
        if isinstance(block, Paragraph):
            stack.extend(block.children)
    return ids


def _kids(res: Resolution, block_id: str) -> list[Paragraph]:
    found = find(res, block_id)
    return found.children if isinstance(found, Paragraph) else []


def resolve(doc: Document, changes: ChangeList, change: Change, keep: Side) -> Compound | None:
    """The edit that makes the other side agree with `keep` at this change, or None where it cannot
    (a renumbering only follows other changes; a block with no place left to go back to)."""
    if change.kind in (UNCHANGED, RENUMBERED) and change.part != FRONT and not change.ops:
        return None
    if change.kind == RENUMBERED:
        return None
    resolver = _Resolver(doc, changes, keep)
    with resolver.b:
        if not resolver.run(change):
            return None
        resolver.b.add(RenumberNotes(side=resolver.dst_side))
        return resolver.b.done("Reject change" if keep == "base" else "Accept change")


def reject(doc: Document, changes: ChangeList, change: Change) -> Compound | None:
    """Put the base's text back into the draft at this change."""
    return resolve(doc, changes, change, "base")


def accept(doc: Document, changes: ChangeList, change: Change) -> Compound | None:
    """Take the draft's text into the base at this change, so it no longer shows as a difference."""
    return resolve(doc, changes, change, "draft")


__all__ = ["accept", "reject", "resolve"]
