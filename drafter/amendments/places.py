"""Where a statement points: a paragraph of the earlier text by its part, number and sub-paragraph levels.

Statements name paragraphs as the earlier text numbers them, so places are taken from that text; the
places of the later text serve only to say what kind of paragraph an insertion adds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from drafter.model import Block, CrossHeading, Paragraph, Resolution, sub_label

PREAMBLE = "preamble"
OPERATIVE = "operative"
ANNEX = "annex"
FOOTNOTE = "footnote"
TITLE = "title"
HEADING = "heading"


@dataclass(frozen=True)
class Level:
    """One sub-paragraph level: its depth (1 for (a)), its position among its siblings (from 1), and the
    list style of its parent (`Paragraph.list_style`), from which the printed label follows."""

    depth: int
    index: int
    style: str = ""
    label: str = ""  # the label while negotiated ("a bis"), where it is not the one its position gives


@dataclass(frozen=True)
class Place:
    """A paragraph, sub-paragraph, footnote, heading or the title of a text."""

    part: str  # PREAMBLE, OPERATIVE, ANNEX, FOOTNOTE, TITLE or HEADING
    number: int = 0  # the paragraph's number in its part, or the footnote's (from 1)
    subs: tuple[Level, ...] = ()
    annex: int = 0  # the annex's number; 0 when the text has a single annex
    numbered: bool = True  # annex paragraphs: printed with their numbers
    text: str = ""  # a heading's words
    within: str = ""  # a heading: the part it stands in
    suffix: str = ""  # what follows the number while negotiated: "bis", "alt 2", "ter alt 1"

    @property
    def is_sub(self) -> bool:
        return bool(self.subs)

    def child(self, index: int, style: str, label: str = "") -> Place:
        return replace(self, subs=(*self.subs, Level(len(self.subs) + 1, index, style, label)))


def quoted_form(text: str) -> str:
    """Text as a statement quotes it: runs of white space (line breaks, tabs) as one space, no space at the ends."""
    return " ".join(text.split())


_LABEL = re.compile(r"(?:PP|OP)(\d+)(?: (.+))?")
_LAST_CORE = re.compile(r"\(([^()]*)\)$")


def places_of(res: Resolution) -> dict[str, Place]:
    """Block and footnote id → place, for every paragraph, sub-paragraph, heading and footnote of `res`.

    Preambular and operative paragraphs take the numbers of the text's labels, which are their positions
    unless the text is negotiated ("OP5 bis", "OP5 alt 2", numbered as in another text)."""
    out: dict[str, Place] = {}
    for number, note in enumerate(res.footnotes, 1):
        out[note.id] = Place(FOOTNOTE, number)
    labels = res.labels()
    _part(PREAMBLE, res.preamble, 0, True, out, labels)
    _part(OPERATIVE, res.operative, 0, True, out, labels)
    single = len(res.annexes) == 1
    for number, annex in enumerate(res.annexes, 1):
        _part(ANNEX, annex.blocks, 0 if single else number, annex.numbered, out, {})
    return out


def _part(part: str, blocks: Sequence[Block], annex: int, numbered: bool, out: dict[str, Place],
          labels: dict[str, str]) -> None:
    number = 0
    for block in blocks:
        if isinstance(block, CrossHeading):
            out[block.id] = Place(HEADING, text=quoted_form(block.text), annex=annex, within=part)
            continue
        number += 1
        found = _LABEL.fullmatch(labels.get(block.id, ""))
        place = Place(part, int(found[1]) if found else number, (), annex, numbered,
                      suffix=(found[2] or "") if found else "")
        out[block.id] = place
        _children(block, place, out, labels)


def _children(para: Paragraph, place: Place, out: dict[str, Place], labels: dict[str, str]) -> None:
    style = "" if para.list_style == "bullet" else para.list_style
    for index, child in enumerate(para.children, 1):
        found = _LAST_CORE.search(labels.get(child.id, ""))
        by_position = sub_label(len(place.subs) + 1, index, "en", style).strip("().")
        below = place.child(index, para.list_style, found[1] if found and found[1] != by_position else "")
        out[child.id] = below
        _children(child, below, out, labels)
