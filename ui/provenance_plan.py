"""Provenance in the editor, the part without Qt: which paragraphs of the draft to trace, what the library
said of each wording, and where the words new against its nearest source stand in the editor's text.

The provenance of a paragraph depends on its words and the library alone, so results are kept by text
(`Traces`): after an edit only the paragraphs whose text changed are traced again, and a paragraph
typed back to an earlier wording, or moved, costs nothing. The cache is emptied when the library changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.compare.changes import Op

if TYPE_CHECKING:
    from drafter.library import Provenance
    from drafter.model import Resolution

LIMIT = 4000  # wordings kept; past it, those no paragraph of the draft has any longer are forgotten
_SKIPPED = " \t\n\r\u00a0\u2028\u2029\ufffc"  # spaces, line breaks and footnote markers


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the draft as it is traced: the editor's block key, its label, its text."""

    key: str
    label: str
    text: str  # spaces made single, as the library reads paragraphs


def paragraphs_of(res: Resolution) -> list[Paragraph]:
    """Every paragraph of a draft with words, in reading order, read as the library reads a text."""
    from drafter.library.index import labelled_paragraphs

    return [Paragraph(para.id, label, text) for label, _part, text, para in labelled_paragraphs(res)]


class Traces:
    """The provenance of each wording traced, by text."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._found: dict[str, Provenance] = {}

    def __len__(self) -> int:
        return len(self._found)

    def get(self, text: str) -> Provenance | None:
        return self._found.get(text)

    def missing(self, paragraphs: Sequence[Paragraph]) -> list[str]:
        """The texts to trace: those not traced yet, each once, in reading order."""
        seen: set[str] = set()
        out = []
        for para in paragraphs:
            if para.text not in self._found and para.text not in seen:
                seen.add(para.text)
                out.append(para.text)
        return out

    def store(self, results: Sequence[Provenance], keep: Sequence[Paragraph] = ()) -> None:
        """Keep results (each under its text); past `limit`, forget the wordings not in `keep`."""
        for result in results:
            self._found[result.text] = result
        if len(self._found) > self.limit:
            wanted = {para.text for para in keep}
            self._found = {text: found for text, found in self._found.items() if text in wanted}

    def marks(self, paragraphs: Sequence[Paragraph]) -> dict[str, Provenance]:
        """Block key → the provenance of its current text, for the paragraphs traced."""
        return {para.key: self._found[para.text] for para in paragraphs if para.text in self._found}

    def clear(self) -> None:
        self._found.clear()


def new_word_spans(block_text: str, ops: Sequence[Op]) -> list[tuple[int, int]]:
    """Where, in the editor's text of a paragraph, the words inserted by `ops` (nearest wording → this
    one) stand: (start, end) positions, one span per inserted piece. The ops' text and the block's are
    walked together, their spaces and footnote markers skipped; if they part (the block was edited
    since), the spans found up to there are returned."""
    spans: list[tuple[int, int]] = []
    at = 0
    for op in ops:
        if op.op == "delete":
            continue
        first = last = -1
        for char in op.text:
            if char in _SKIPPED:
                continue
            while at < len(block_text) and block_text[at] in _SKIPPED:
                at += 1
            if at >= len(block_text) or block_text[at] != char:
                return spans
            if op.op == "insert":
                first = at if first < 0 else first
                last = at
            at += 1
        if first >= 0:
            if spans and _only_spaces(block_text[spans[-1][1]:first]):
                first = spans.pop()[0]  # one piece with the one before it ("and protect" + "human rights")
            spans.append((first, last + 1))
    return spans


def _only_spaces(text: str) -> bool:
    return all(char in _SKIPPED for char in text)


def nearest_for_history(found: Provenance) -> tuple[str, str] | None:
    """The adopted paragraph whose series history stands for this paragraph's: the latest adopted use of
    its wording (or, for new wording, the closest one the library holds); (symbol, label) or None."""
    source = found.latest if found.latest is not None else found.nearest
    if source is None or not source.symbol or not source.label:
        return None
    return source.symbol, source.label


__all__ = ["LIMIT", "Paragraph", "Traces", "nearest_for_history", "new_word_spans", "paragraphs_of"]
