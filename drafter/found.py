"""A paragraph found in the library of adopted texts, put into a draft as one undoable edit.

The paragraph goes in as a new paragraph of the part its label names (PP: the preamble, OP and
anything else: the operative part), after the paragraph the cursor is in when that is in the same
part, else where that part is nearest (the end of the preamble; the start of the operative part when
the cursor is above it, its end otherwise). Its labels follow from its place, as every label does. It
remembers where its wording came from: `Paragraph.source`, the symbol and label of the paragraph
found ("A/RES/75/180 OP4"), kept through edits, saved in the draft file and journaled with the edit.
"""

from __future__ import annotations

from drafter.edits import Compound, Document, EditError, InsertBlock, Where, locate, new_paragraph
from drafter.parts import OPERATIVE, PREAMBLE


def part_of_label(label: str) -> str:
    """The part a library label stands for: PP… the preamble, anything else the operative part."""
    return PREAMBLE if label.strip().upper().startswith("PP") else OPERATIVE


def source_of(symbol: str, label: str) -> str:
    return " ".join(part for part in (symbol.strip(), label.strip()) if part)


def _where(doc: Document, part: str, current: str) -> Where:
    res = doc.draft
    try:
        here: Where | None = locate(res, current) if current else None
    except (EditError, KeyError, ValueError):
        here = None
    while here is not None and here.parent is not None:  # the top-level paragraph the cursor is in
        here = locate(res, here.parent)
    if here is not None and here.part == part:
        return Where(part, None, here.index + 1)
    if part == PREAMBLE:
        return Where(PREAMBLE, None, len(res.preamble))
    above = here is None or here.part == PREAMBLE
    return Where(OPERATIVE, None, 0 if above else len(res.operative))


def insert_found(doc: Document, text: str, symbol: str, label: str, current: str = "") -> tuple[Compound, str]:
    """The edit that inserts the paragraph `label` of `symbol`, whose text is `text`, near the paragraph
    `current` (the cursor's; see the module's docstring), and the new paragraph's id."""
    wording = " ".join(text.split())
    if not wording:
        raise EditError(f"{source_of(symbol, label)} has no text to insert")
    para = new_paragraph(wording)
    para.source = source_of(symbol, label)
    title = f"Insert {para.source} from the library"
    return Compound([InsertBlock(para, _where(doc, part_of_label(label), current), label=title)], title), para.id


__all__ = ["insert_found", "part_of_label", "source_of"]
