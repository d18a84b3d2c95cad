"""The form every reader hands to the structure builder.

A reader (text, PDF, Word) knows its format: line wraps, page furniture, list
numbering, where footnotes sit. It turns the file into `RawDoc`: the document's
paragraphs in reading order, whole (joined across pages), each with its
inline content and, if the source typed or numbered it, its label. Footnote
references carry the printed marker at this stage; the builder turns them into
footnote ids.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from drafter.model import Inline


@dataclass
class RawBlock:
    content: Sequence[Inline]  # as the reader found it; the builder makes the block's content of it
    label: str | None = None  # "1.", "(a)", "a)", "(i)", "a." as typed or numbered
    level: int | None = None  # list level from Word numbering or indentation, if known
    centered: bool = False  # set where the reader knows the paragraph is centred (headings)


@dataclass
class RawDoc:
    blocks: list[RawBlock] = field(default_factory=list)
    notes: dict[str, Sequence[Inline]] = field(default_factory=dict)  # printed marker → content
    warnings: list[str] = field(default_factory=list)
    language: str = "en"
    # Each block is a paragraph of the source as its author made it (Word): the builder joins none of them,
    # where it joins the halves of paragraphs that a page break cut in text taken from a page.
    whole_paragraphs: bool = False


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Reading makes a tree of small objects without cycles: the cycle collector would only walk it over
    and over (a third of the time of reading a long document), so it waits until the reading is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
