"""Text pasted into a paragraph, read as the text reader reads a file and inserted as paragraphs.

Text copied from Word has one paragraph per line; text copied from a UN PDF has each number
alone on a line, paragraphs wrapped over lines, page furniture and footnote blocks. The text
reader (`drafter.importers.text`) and the structure builder (`structure.build_body`) read it
into paragraphs with their sub-paragraphs and footnotes, exactly as they read a file; numbers
and labels are not kept as text (the editor numbers paragraphs by position), lead words are set
in italics.

The first pasted paragraph joins the text before the cursor, the others follow it at its level,
and the text after the cursor ends the last one, which also takes along the sub-paragraphs the
paragraph under the cursor had. Pasted footnotes become footnotes of the draft, numbered by
position with the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from drafter.edits.actions import Builder, notes_follow
from drafter.edits.primitives import (
    Compound,
    DeleteBlock,
    Document,
    InsertBlock,
    InsertNote,
    MoveRange,
    SetContent,
    Side,
    Where,
    find,
    length,
    locate,
    split_content,
    with_lead_italic,
)
from drafter.importers.structure import LABEL, build_body
from drafter.importers.text import parse_text
from drafter.model import (
    Block,
    CrossHeading,
    Footnote,
    NoteRef,
    Paragraph,
    Text,
    all_blocks,
    iter_paragraphs,
    normalize_runs,
)

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_OBJECT = "\ufffc"  # a footnote marker copied out of the editor, which plain text cannot carry


def read_pasted(text: str) -> tuple[list[Block], list[Footnote], list[str]]:
    """The paragraphs (with their sub-paragraphs) and headings of pasted text, the footnotes they cite, and
    what could not be placed (a footnote whose marker was not recognised in the pasted text)."""
    clean = text.replace(_OBJECT, "").replace("\r\n", "\n").replace("\r", "\n")
    raw = parse_text(clean, body=True)
    for block in raw.blocks:  # a marker whose note was not copied stays the character it was
        block.content = [Text(item.note.translate(_SUPERSCRIPT)) if isinstance(item, NoteRef)
                         and item.note not in raw.notes else item for item in block.content]
    res = build_body(raw)
    blocks: list[Block] = [*res.preamble, *res.operative]
    for paragraph in iter_paragraphs(blocks):
        paragraph.content = with_lead_italic(paragraph.content)
    cited = {item.note for block in all_blocks(blocks) for item in block.content if isinstance(item, NoteRef)}
    left_out = [f"the pasted footnote “{note.text[:60]}” is cited nowhere in the pasted text: it was left out"
                for note in res.footnotes if note.id not in cited]
    return blocks, [note for note in res.footnotes if note.id in cited], left_out


def is_plain(text: str) -> bool:
    """Text that goes in as typed: one line that opens with no label ("3.", "(a)")."""
    return "\n" not in text and "\r" not in text and not LABEL.match(text)


@dataclass
class Pasted:
    """The edit of a paste, and where the cursor goes after it: the end of the pasted text."""

    edit: Compound | None
    cursor: tuple[str, int]
    warnings: list[str] = field(default_factory=list)


def paste_text(doc: Document, key: str, offset: int, text: str, side: Side = "draft") -> Pasted:
    """Insert pasted text at (key, offset) of a paragraph or heading (no edit when nothing can be read)."""
    blocks, notes, warnings = read_pasted(text)
    unit = find(doc.side(side), key)
    if not blocks or not isinstance(unit, Paragraph | CrossHeading):
        return Pasted(None, (key, offset), warnings)
    with Builder(doc, side) as b:
        for note in notes:
            b.add(InsertNote(note, len(b.res.footnotes), side, "Paste"))
        if isinstance(unit, CrossHeading):
            cursor = _into_heading(b, unit, offset, blocks)
        else:
            cursor = _into_paragraph(b, unit, offset, blocks)
        notes_follow(b, set())
        return Pasted(b.done("Paste"), cursor, warnings)


def _into_heading(b: Builder, heading: CrossHeading, offset: int, blocks: list[Block]) -> tuple[str, int]:
    """One line goes into the heading; paragraphs go after it, the heading as it is."""
    if len(blocks) == 1 and not (isinstance(blocks[0], Paragraph) and blocks[0].children):
        left, right = split_content(heading.content, offset)
        b.add(SetContent(heading.id, heading.content, normalize_runs([*left, *blocks[0].content, *right]),
                         b.side, "Paste"))
        return heading.id, length(left) + length(blocks[0].content)
    _after(b, heading.id, blocks)
    return blocks[-1].id, length(blocks[-1].content)


def _into_paragraph(b: Builder, para: Paragraph, offset: int, blocks: list[Block]) -> tuple[str, int]:
    side = b.side
    left, right = split_content(para.content, offset)
    first, rest = blocks[0], list(blocks[1:])
    if rest and right and not isinstance(rest[-1], Paragraph):
        rest.append(Paragraph())  # after a pasted heading, the text after the cursor is a paragraph of its own
    cursor = (para.id, length(left) + length(first.content))
    if rest:
        cursor = (rest[-1].id, length(rest[-1].content))
        if isinstance(rest[-1], Paragraph):
            rest[-1].content = with_lead_italic([*rest[-1].content, *right])
            right = ()
    b.add(SetContent(para.id, para.content, with_lead_italic([*left, *first.content, *right]), side, "Paste"))
    where = locate(b.res, para.id)
    own = len(para.children)
    _after(b, para.id, rest, sub=where.parent is not None)
    last = find(b.res, rest[-1].id) if rest else None
    if own and isinstance(last, Paragraph):  # what followed the cursor follows the pasted text
        b.add(MoveRange(Where(where.part, para.id, 0), own, Where(where.part, last.id, len(last.children)), side))
    now = find(b.res, para.id)
    if isinstance(first, Paragraph) and first.children and isinstance(now, Paragraph):
        if now.children:  # the pasted sub-paragraphs go first, in the list of those it had
            for index, child in enumerate(first.children):
                b.add(InsertBlock(child, Where(where.part, para.id, index), side, "Paste"))
        else:  # the paragraph takes the pasted sub-paragraphs in their own list style ("(i)" first)
            b.add(DeleteBlock(para.id, side, "Paste"))
            b.add(InsertBlock(replace(now, children=list(first.children), list_style=first.list_style),
                              where, side, "Paste"))  # its status, alternative group and source stay
    return cursor


def _after(b: Builder, anchor: str, blocks: list[Block], sub: bool = False) -> None:
    """Insert `blocks` after the block `anchor`, at its level (a heading under a paragraph becomes a paragraph)."""
    at = locate(b.res, anchor)
    for index, block in enumerate(blocks):
        if sub and isinstance(block, CrossHeading):
            block = blocks[index] = Paragraph(with_lead_italic(list(block.content)), id=block.id)
        b.add(InsertBlock(block, Where(at.part, at.parent, at.index + 1 + index), b.side, "Paste"))
