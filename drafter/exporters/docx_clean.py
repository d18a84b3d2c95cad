"""The clean Word export: a resolution in UN layout, with real footnotes and Word lists.

The reading order is the header block, the enacting formula, the preamble, the operative part,
the closing lines and the annexes. A text under negotiation comes out clean: its square brackets
go (their words stay), and its paragraphs, "bis" and alternatives alike, are numbered 1, 2, 3 …
by Word's lists, its negotiation labels never written. `slots` lays the body out once (part, depth, list group) so
that the tracked-changes export places its paragraphs exactly as the clean export does.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from drafter.exporters import ooxml
from drafter.exporters.docx_build import Builder, Line, NoteIds, front_lines, inline_runs, note_ids_of
from drafter.model import Block, CrossHeading, Paragraph, Resolution
from drafter.negotiation_marks import strip_brackets
from drafter.parts import OPERATIVE, PREAMBLE, annex_part, is_annex


@dataclass
class Slot:
    """Where a block sits: its part, depth (0 = PP, OP, annex paragraph), list group and style."""

    block: Block
    part: str
    depth: int
    parent: str | None  # id of the parent paragraph; None at the top
    parent_style: str = ""
    numbered: bool = False  # top-level paragraph numbered 1., 2., …

    @property
    def style(self) -> str:
        if isinstance(self.block, CrossHeading):
            return "UNCrossHeading"
        if self.depth:
            return "UNSubparagraph"
        if self.part == PREAMBLE:
            return "UNPreamble"
        return "UNOperative" if self.numbered else "UNParagraph"


def parts(res: Resolution) -> list[tuple[str, list[Block], bool]]:
    """(part name, blocks, numbered) in reading order; names as `drafter.parts` gives them."""
    out: list[tuple[str, list[Block], bool]] = [(PREAMBLE, res.preamble, False),
                                                (OPERATIVE, res.operative, bool(res.operatives()))]
    for number, annex in enumerate(res.annexes, 1):
        out.append((annex_part(number), annex.blocks, annex.numbered))
    return out


def slots(part: str, blocks: list[Block], numbered: bool) -> list[Slot]:
    out: list[Slot] = []

    def walk(block: Block, depth: int, parent: Paragraph | None) -> None:
        out.append(Slot(block, part, depth, parent.id if parent else None,
                        parent.list_style if parent else "", numbered and depth == 0))
        if isinstance(block, Paragraph):
            for child in block.children:
                walk(child, depth + 1, block)

    for block in blocks:
        walk(block, 0, None)
    return out


def slot_numpr(builder: Builder, slot: Slot) -> tuple[int, int] | None:
    if isinstance(slot.block, CrossHeading):
        return None
    return builder.numpr(slot.part, slot.parent, slot.depth, slot.parent_style, slot.numbered)


def annex_lines(heading: list[str]) -> list[Line]:
    return [Line("UNAnnex" if index == 0 else "UNAnnexTitle", text) for index, text in enumerate(heading)]


def closing_lines(closing: list[str]) -> list[Line]:
    return [Line("UNClosing", text) for text in closing]


def formula_line(formula: str) -> Line:
    return Line("UNFormula", formula, italic=True)


def write_clean(res: Resolution, template: str | None = None) -> bytes:
    """The .docx bytes of `res` in UN layout."""
    builder = Builder(res, template)
    ids = note_ids_of(res)

    def note_id(note: str) -> int:
        return ids.get(note, 0)

    for line in front_lines(res):
        builder.add_line(line)
    if res.formula:
        builder.add_line(formula_line(res.formula))
    for name, blocks, numbered in parts(res):
        if is_annex(name):
            continue
        for slot in slots(name, blocks, numbered):
            _block(builder, slot, note_id)
    for line in closing_lines(res.closing):
        builder.add_line(line)
    for number, annex in enumerate(res.annexes, 1):
        for line in annex_lines(annex.heading):
            builder.add_line(line)
        for slot in slots(annex_part(number), annex.blocks, annex.numbered):
            _block(builder, slot, note_id)
    for note in res.footnotes:
        builder.add_note(ids[note.id], [inline_runs(strip_brackets(note.content), note_id)])
    builder.running_heads(res.front.symbol)
    return builder.to_bytes()


def _block(builder: Builder, slot: Slot, note_id: NoteIds) -> etree._Element:
    runs = inline_runs(strip_brackets(slot.block.content), note_id)
    return builder.add(ooxml.paragraph(slot.style, runs, slot_numpr(builder, slot)), slot.block.id)

