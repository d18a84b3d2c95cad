"""Words of a PDF line: where a word ends between two characters of the text layer.

Gaps are measured in spaces of the font (`Char.space_width`), from the end of one character's advance
to the start of the next: what the page adds between them. Inside a word that is kerning or, on a line
justified by spreading letters, up to 0.8 of a space; between words it is a space, widened by
justification (down to 0.8 of one where a writer set no space character). Raised footnote markers
become `NoteRef`s.
"""

from __future__ import annotations

import statistics

from drafter.importers.pdf_chars import Char
from drafter.model import Content, Inline, NoteRef, Text, normalize_runs

_CLOSERS = set(",.;:)]’”!?%-")
_OPENERS = set("([‘“")
CUT_LOW, CUT_HIGH = 0.7, 0.85  # the bounds of a line's cut, in spaces
_CLOSING_GAP = 1.0  # a space before closing punctuation needs a full space on the page


def _unit(a: Char, b: Char) -> float:
    """The width of a space between two characters: the larger font's, the text's after a raised marker."""
    return b.space_width if a.marker else max(a.space_width, b.space_width)


def word_cut(chars: list[Char]) -> float:
    """The gap (in spaces) above which two characters of this line belong to different words.

    Justification widens the spaces of a line by one amount and may spread the letters of its words a
    little; the cut is 60% of the line's median gap between words (across a space character, or where
    the page sets none, any gap over half a space), kept within 0.7–0.85 of a space.
    """
    spaced: list[float] = []
    wide: list[float] = []
    prev: Char | None = None
    between = False
    for char in chars:
        if char.space:
            between = True
            continue
        if prev is not None and (between or not spaced):
            gap = (char.x0 - prev.x1) / max(prev.space_width, char.space_width)
            if between:
                spaced.append(gap)
            elif gap > 0.5:
                wide.append(gap)
        prev, between = char, False
    gaps = spaced or wide
    if not gaps:
        return CUT_LOW
    return min(CUT_HIGH, max(CUT_LOW, 0.6 * statistics.median(gaps)))


def breaks(a: Char, b: Char, spaced: bool, threshold: float) -> bool:
    """Whether a word ends between `a` and `b`; `spaced` when the page sets a space character there."""
    gap = (b.x0 - a.x1) / _unit(a, b)
    if b.ch in _CLOSERS or a.ch in _OPENERS:
        return gap >= (0.5 if spaced else _CLOSING_GAP)
    if spaced:
        return gap > -0.4
    return gap > threshold


def inlines(chars: list[Char], threshold: float) -> Content:
    """The characters of (part of) a line as content: words apart where `breaks` says, footnote markers
    as references."""
    out: list[Inline] = []
    prev: Char | None = None
    spaced = False
    marker = ""
    for char in chars:
        if char.space:
            spaced = True
            continue
        if char.marker:
            marker += char.ch
            prev = char
            continue
        if marker:
            out.append(NoteRef(marker))
            marker = ""
        if prev is not None and breaks(prev, char, spaced, threshold):
            out.append(Text(" ", prev.italic and char.italic))
        out.append(Text(char.ch, char.italic))
        prev, spaced = char, False
    if marker:
        out.append(NoteRef(marker))
    return normalize_runs(out)
