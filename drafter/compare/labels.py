"""Labels, parts and layout of a resolution as the comparison names them, and footnote references renamed."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import partial
from typing import cast

from drafter.compare.changes import Layout, Node
from drafter.model import Annex, Block, CrossHeading, Inline, NoteRef, Paragraph, Resolution, Text, sub_labels

FRONT = "front"
FOOTNOTES = "footnotes"
FRONT_LABEL = "front matter"
# Fields of the Resolution itself that are compared with the front matter.
_STRUCTURE = frozenset(["front", "preamble", "operative", "footnotes", "annexes", "warnings", "moved"])
RESOLUTION_FIELDS = tuple(f.name for f in fields(Resolution) if f.name not in _STRUCTURE)

# Node's own constructor is Python code; tuple.__new__ makes the same tuples in C (one per block)
_new_node = cast(Callable[[tuple[str, bool, str, tuple[Node, ...]]], Node], partial(tuple.__new__, Node))


def remap_notes(content: list[Inline], mapping: dict[str, str], strict: bool = False) -> list[Inline]:
    """A copy of content with footnote references renamed through `mapping`.

    `strict` renames references that `mapping` lacks to a name no footnote has.
    """
    out: list[Inline] = []
    for item in content:
        if isinstance(item, NoteRef):
            missing = f"\x00{item.note}" if strict else item.note
            out.append(NoteRef(mapping.get(item.note, missing)))
        else:
            out.append(Text(item.text, item.italic))
    return out


def same_content(old: list[Inline], new: list[Inline], note_map: dict[str, str]) -> bool:
    """Whether `new` is `old` with its footnote references renamed through `note_map` (references
    that `note_map` lacks match nothing): `remap_notes(old, note_map, True) == new`, without copies."""
    if len(old) != len(new):
        return False
    for before, after in zip(old, new, strict=True):
        if isinstance(before, NoteRef):
            if not (after.__class__ is NoteRef and isinstance(after, NoteRef)
                    and after.note == note_map.get(before.note, "\x00" + before.note)):
                return False
        elif not (after.__class__ is Text and isinstance(after, Text)
                  and after.text == before.text and after.italic == before.italic):
            return False
    return True


def copy_content(content: list[Inline]) -> list[Inline]:
    return remap_notes(content, {})


# --- labels and layout -------------------------------------------------------------------
def _annex_labels(prefix: str, blocks: Sequence[Block], out: dict[str, str]) -> None:
    number = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            number += 1
            out[block.id] = label = f"{prefix} para {number}"
            if block.children:
                out.update([(para.id, sub) for sub, para in sub_labels(label, block)])


def labels_of(res: Resolution) -> dict[str, str]:
    """Block id → label, for paragraphs, sub-paragraphs, cross-headings and annex paragraphs."""
    out = res.labels()
    headings = 0
    for block in [*res.preamble, *res.operative]:
        if isinstance(block, CrossHeading):
            headings += 1
            out[block.id] = f"heading {headings}"
    for number, annex in enumerate(res.annexes, 1):
        _annex_labels(f"annex {number}", annex.blocks, out)
        count = 0
        for block in annex.blocks:
            if isinstance(block, CrossHeading):
                count += 1
                out[block.id] = f"annex {number} heading {count}"
    for number, note in enumerate(res.footnotes, 1):
        out[note.id] = f"footnote {number}"
    return out


def parts_of(res: Resolution) -> dict[str, list[Block]]:
    parts: dict[str, list[Block]] = {"preamble": res.preamble, "operative": res.operative}
    for number, annex in enumerate(res.annexes, 1):
        parts[f"annex {number}"] = annex.blocks
    return parts


def _node(block: Block) -> Node:
    if isinstance(block, CrossHeading):
        return _new_node((block.id, True, "", ()))
    return _new_node((block.id, False, block.list_style, tuple(map(_node, block.children)) if block.children else ()))


def layout_of(res: Resolution) -> Layout:
    return Layout(
        parts={name: [_node(block) for block in blocks] for name, blocks in parts_of(res).items()},
        footnotes=[note.id for note in res.footnotes],
        annexes=[{f.name: copy.deepcopy(getattr(annex, f.name)) for f in fields(Annex) if f.name != "blocks"}
                 for annex in res.annexes],
        warnings=list(res.warnings),
    )
