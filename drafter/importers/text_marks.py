"""Footnote markers in text copied from a PDF: which bare digits are markers.

A PDF's text layer loses superscripts, so a marker is a bare number glued to a
word ("outer space,4"), glued to a year ("July 20203 and") or set apart by
spaces ("the Sustainable Development Goals 12 and"). Most such numbers are not
markers. The markers of new notes stand in the order of the notes, and where the
notes are printed at the foot of each page, the marker of a note stands on that
page or the one before. So the reader collects every candidate of the whole text
and keeps the longest chain of candidates whose notes rise in order, each on its
note's page or the page before; one marker it cannot find does not cost the
markers after it. A later number glued to a word may cite a note again. A note
whose marker is not found is named in a warning with its page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from drafter.model import Inline, NoteRef, Text

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_DIGIT = re.compile(r"\d")
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPTS}]")
# a number set apart by spaces, marked by the line joiner: plain, or after a word that counts ("Goals 12")
OPEN, CLOSE, WEAK_OPEN, WEAK_CLOSE = "\ue000", "\ue001", "\ue002", "\ue003"
_INLINE = re.compile(
    rf"(?P<sup>[{SUPERSCRIPTS}]+)|\[\^(?P<ref>\d+)\]|(?P<star>\*(?=\S)(?:[^*\n]|\n(?!\n))+?(?<=\S)\*)"
)
_GLUED = re.compile(  # not the decimals of "0.7 per cent" (but "by 2030.2"); the first test fails fastest
    r"(?=\d)(?<=[a-z\)\]”’\",.;:])"
    r"(?<!Add\.)(?<!Rev\.)(?<!Corr\.)(?<!para\.)(?<!paras\.)(?<!No\.)(?<!chap\.)(?<!sect\.)(?<!vol\.)"
    r"(?<!\b\d\.)(?<!\b\d\d\.)(\d{1,3})(?=[\s,.;:)”’]|$)"
)
_YEAR_GLUED = re.compile(r"\b((?:19|20)\d\d)(\d{1,2})\b")
_SPACED = re.compile(f"[{OPEN}{WEAK_OPEN}](\\d+)[{CLOSE}{WEAK_CLOSE}]")

# what a candidate weighs in the chain: each marker counts one; of two candidates for one note the
# glued one wins over the spaced one, and that over one after a number word
_WEIGHT = {"explicit": 1000.0, "glued": 1.0002, "year": 1.0002, "spaced": 1.0001, "weak": 1.0}


@dataclass
class Block:
    """A paragraph's text as the line joiner made it, with the page each of its lines came from."""

    text: str
    pages: list[tuple[int, int]] = field(default_factory=list)  # (offset of a line, its page)

    def page_at(self, offset: int) -> int:
        page = self.pages[0][1] if self.pages else 0
        for start, number in self.pages:
            if start > offset:
                break
            page = number
        return page


@dataclass
class _Candidate:
    block: int
    start: int
    end: int
    value: int
    kind: str
    page: int


class Marks:
    """Parses inline marks of a text's blocks; bare digits become note references where chosen."""

    def __init__(self, notes: dict[str, int], starred: bool) -> None:
        """`notes`: each note's marker and the page its text is printed on (0: not known)."""
        self.notes = notes
        self.starred = starred
        self.chosen: dict[int, list[_Candidate]] = {}  # block → the bare numbers in it taken for markers
        self.missing: list[str] = []  # notes whose marker was not found
        self._blocks: list[Block] = []
        self._chain: list[_Candidate] = []

    # --- choosing the markers -------------------------------------------------
    def plan(self, blocks: list[Block], first: int = 0) -> None:
        """Find every candidate of the text from block `first` on (the front matter before it has
        no markers) and choose the markers among them."""
        found = [c for index, block in enumerate(blocks) if index >= first for c in self._scan(index, block)]
        chain = _longest_chain([c for c in found if self._fits(c)])
        in_chain = {id(c) for c in chain}
        cited: set[int] = set()
        for candidate in found:
            if id(candidate) in in_chain or (candidate.kind in ("glued", "year") and candidate.value in cited):
                if candidate.kind != "explicit":
                    self.chosen.setdefault(candidate.block, []).append(candidate)
                cited.add(candidate.value)
            elif candidate.kind == "explicit":
                cited.add(candidate.value)
        self.missing = [m for m in self.notes if m.isdigit() and int(m) not in cited]
        self._blocks = blocks
        self._chain = chain

    def warnings(self) -> list[str]:
        """A warning for each note whose marker was not found, with its place: the pages where it was
        looked for, and the paragraph of the marker before it."""
        out = []
        for marker in self.missing:
            page = self.notes[marker]
            found = f"no marker {marker} was found"
            if page:
                found += f" on pages {page - 1} and {page}" if page > 1 else " on page 1"
                found += f" (the note is printed on page {page})"
            before = [c for c in self._chain if c.value < int(marker)]
            if before:
                words = " ".join(_restored(self._blocks[before[-1].block].text).split()[:6])
                found += f"; it would follow note {before[-1].value}'s marker, in “{words}…”"
            out.append(f"footnote {marker} is never referenced in the text: {found}")
        return out

    def _fits(self, candidate: _Candidate) -> bool:
        """Can the candidate be the first marker of its note: on its note's page or the page before?"""
        if candidate.kind == "explicit":
            return True
        page = self.notes.get(str(candidate.value), -1)
        if page < 0:
            return False
        if not page:
            return candidate.kind != "weak"
        return page - 1 <= candidate.page <= page

    def _scan(self, index: int, block: Block, low: int = 0, high: int = -1) -> list[_Candidate]:
        """The candidates of block.text[low:high], read as `parse` reads it."""
        out: list[_Candidate] = []
        high = len(block.text) if high < 0 else high
        position = low
        for match in _inline_marks(block.text, low, high):
            if match.group("star") and not self.starred:
                continue
            out.extend(self._bare(index, block, position, match.start()))
            marker = match.group("sup") or match.group("ref")
            if marker:
                value = marker.translate(_SUP_TO_DIGIT)
                out.append(_Candidate(index, match.start(), match.end(), int(value), "explicit",
                                      block.page_at(match.start())))
            else:
                out.extend(self._scan(index, block, match.start() + 1, match.end() - 1))
            position = match.end()
        out.extend(self._bare(index, block, position, high))
        return out

    def _bare(self, index: int, block: Block, start: int, end: int) -> list[_Candidate]:
        """Numbers in block.text[start:end] that may be markers of this text's notes."""
        text = block.text[start:end]
        if not self.notes or not _DIGIT.search(text):
            return []
        out: list[_Candidate] = []
        position = 0
        spaced = _SPACED.finditer(text) if OPEN in text or WEAK_OPEN in text else ()
        matches = sorted([*_GLUED.finditer(text), *_YEAR_GLUED.finditer(text), *spaced], key=lambda m: m.start())
        for match in matches:
            group = 2 if match.re is _YEAR_GLUED else 1
            begin = match.start() if match.re is _SPACED else match.start(group)
            if begin < position or match.group(group) not in self.notes:
                continue
            if match.re is _SPACED:
                kind = "spaced" if match.group()[0] == OPEN else "weak"
            else:
                kind = "year" if match.re is _YEAR_GLUED else "glued"
            out.append(_Candidate(index, start + begin, start + match.end(), int(match.group(group)), kind,
                                  block.page_at(start + begin)))
            position = match.end()
        return out

    # --- reading the blocks ---------------------------------------------------
    def parse(self, block: Block | str, index: int = -1, low: int = 0, high: int = -1) -> list[Inline]:
        """The inlines of block `index` (a note's text: -1): italics, explicit markers and chosen ones."""
        block = Block(block) if isinstance(block, str) else block
        high = len(block.text) if high < 0 else high
        out: list[Inline] = []
        position = low
        for match in _inline_marks(block.text, low, high):
            if match.group("star") and not self.starred:
                continue
            out.extend(self._digits(block, index, position, match.start()))
            marker = match.group("sup") or match.group("ref")
            if marker:
                out.append(NoteRef(marker.translate(_SUP_TO_DIGIT)))
            else:
                inner = self.parse(block, index, match.start() + 1, match.end() - 1)
                out.extend(Text(i.text.replace("\n", " "), True) if isinstance(i, Text) else i for i in inner)
            position = match.end()
        out.extend(self._digits(block, index, position, high))
        return out

    def _digits(self, block: Block, index: int, start: int, end: int) -> list[Inline]:
        """block.text[start:end] with the chosen candidates in it as note references."""
        out: list[Inline] = []
        position = start
        for candidate in self.chosen.get(index, []):
            if start <= candidate.start < end:
                out.append(Text(block.text[position:candidate.start]))
                out.append(NoteRef(str(candidate.value)))
                position = candidate.end
        out.append(Text(block.text[position:end]))
        return [Text(_restored(i.text)) if isinstance(i, Text) else i for i in out
                if not isinstance(i, Text) or i.text]


def _inline_marks(text: str, low: int, high: int) -> Iterator[re.Match[str]]:
    """The superscript markers, [^n] references and *italics* of text[low:high]."""
    if "*" in text or "[^" in text or _SUPERSCRIPT.search(text, low, high):
        yield from _INLINE.finditer(text, low, high)


def _restored(text: str) -> str:
    """The text with the numbers set apart that were no markers as they stood."""
    return _SPACED.sub(r" \1", text) if OPEN in text or WEAK_OPEN in text else text


def _longest_chain(candidates: list[_Candidate]) -> list[_Candidate]:
    """The heaviest run of candidates, in text order, whose note numbers rise strictly.

    A Fenwick tree over note numbers holds, for each number, the best chain ending at or below it."""
    if not candidates:
        return []
    size = max(c.value for c in candidates) + 2
    tree: list[tuple[float, int]] = [(0.0, 1)] * (size + 1)  # (weight, minus the index of the chain's end)
    back: list[int] = []
    best: tuple[float, int] = (0.0, 1)
    for index, candidate in enumerate(candidates):
        position, found = candidate.value, (0.0, 1)  # number v sits at v + 1: those below v end at v
        while position > 0:
            found = max(found, tree[position])
            position -= position & -position
        back.append(-found[1])
        entry = (found[0] + _WEIGHT[candidate.kind], -index)
        best = max(best, entry)
        position = candidate.value + 1
        while position <= size:
            tree[position] = max(tree[position], entry)
            position += position & -position
    chain: list[_Candidate] = []
    index = -best[1]
    while 0 <= index < len(candidates):
        chain.append(candidates[index])
        index = back[index]
    return chain[::-1]
