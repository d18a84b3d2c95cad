"""Access to the corpus copied into tests/data, and the word check the import tests share."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import drafter
from drafter.model import Block, Paragraph, Resolution

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt"))
PDFS = sorted((CORPUS / "pdf").glob("*.pdf"))

_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def words(text: str) -> list[str]:
    """Word and number tokens; superscript markers count as numbers."""
    return _TOKEN.findall(re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", " 0 ", text))


def _block_text(block: Block) -> list[str]:
    out = [block.text]
    if isinstance(block, Paragraph):
        for child in block.children:
            out.extend(_block_text(child))
    return out


def model_text(res: Resolution) -> str:
    """Every word the model holds, front matter included."""
    front = res.front
    parts = [front.organ, front.symbol, front.date, front.session, front.adoption, front.report,
             front.number, front.title, *front.extra, res.formula, *res.closing]
    if front.distribution:
        parts.append(f"Distr.: {front.distribution}")
    if front.original:
        parts.append(f"Original: {front.original}")
    if front.sponsors or front.doc_type != "resolution":
        parts.append(f"{front.sponsors}: {front.doc_type}")
    if front.agenda_items:
        parts.append("Agenda item")
    for item in front.agenda_items:
        parts += [item.number, item.title]
    for block in res.preamble + res.operative:
        parts.extend(_block_text(block))
    parts.extend(note.text for note in res.footnotes)
    for annex in res.annexes:
        parts.extend(annex.heading)
        for block in annex.blocks:
            parts.extend(_block_text(block))
    return "\n".join(parts)


def word_difference(source: str, res: Resolution) -> tuple[Counter[str], Counter[str]]:
    """Words of the source missing from the model, and words of the model not in the source."""
    source_words = Counter(words(source))
    model_words = Counter(words(model_text(res)))
    return source_words - model_words, model_words - source_words


@cache
def load(path: Path) -> Resolution:
    """The model of a corpus file, read once per test session (tests must not change it)."""
    return drafter.load(str(path))
