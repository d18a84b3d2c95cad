"""Hypothesis strategies for the model: whole resolutions whose content is already normalised.

Text mixes XML-special characters (& < > " '), line breaks, tabs and unicode
beyond the BMP, but never characters XML cannot hold (control characters,
surrogates, U+FFFE/U+FFFF). Footnote references point at footnotes of the same
resolution; some footnotes are referenced twice, some not at all.
"""

from __future__ import annotations

from hypothesis import strategies

from drafter.model import (
    AgendaItem,
    Annex,
    Block,
    Content,
    CrossHeading,
    Footnote,
    FrontMatter,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    normalize_runs,
)

_SPECIAL = "&<>\"' \n\t\r&amp;éçñ—…«»“”中文العربية𝔘"
characters = strategies.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                                   exclude_characters="\ufffe\uffff") | strategies.sampled_from(_SPECIAL)
strings = strategies.text(characters, max_size=20)
words = strategies.text(characters, min_size=1, max_size=12)
LIST_STYLES = ["", "alpha", "roman", "decimal", "bullet"]


def content(note_ids: list[str], max_size: int = 5) -> strategies.SearchStrategy[Content]:
    """Normalised inline content; references only to `note_ids`."""
    item: strategies.SearchStrategy[Inline] = strategies.builds(Text, words, strategies.booleans())
    if note_ids:
        item = item | strategies.builds(NoteRef, strategies.sampled_from(note_ids))
    return strategies.lists(item, max_size=max_size).map(normalize_runs)


def paragraphs(note_ids: list[str], depth: int = 3) -> strategies.SearchStrategy[Paragraph]:
    """A paragraph with sub-paragraphs down to `depth` levels below it."""
    children = strategies.lists(paragraphs(note_ids, depth - 1), max_size=2) if depth > 0 else strategies.just([])
    return strategies.builds(Paragraph, content(note_ids), children, list_style=strategies.sampled_from(LIST_STYLES))


def blocks(note_ids: list[str], max_size: int = 4) -> strategies.SearchStrategy[list[Block]]:
    heading: strategies.SearchStrategy[Block] = strategies.builds(CrossHeading, content(note_ids, 3))
    return strategies.lists(paragraphs(note_ids) | heading, max_size=max_size)


front_matter = strategies.builds(
    FrontMatter,
    organ=strategies.sampled_from(["General Assembly", "Security Council", "Third Committee"]) | strings,
    symbol=strategies.sampled_from(["A/RES/72/169", "S/RES/2532 (2020)", "A/C.3/73/L.12"]) | strings,
    distribution=strings,
    date=strategies.sampled_from(["19 December 2017", "31 February 2019", "2 June 2020"]) | strings,
    original=strings,
    session=strings,
    agenda_items=strategies.lists(strategies.builds(AgendaItem, strings, strings), max_size=3),
    adoption=strategies.just("Resolution adopted by the General Assembly on 19 December 2017") | strings,
    report=strings,
    sponsors=strings,
    doc_type=strategies.sampled_from(["resolution", "draft resolution", ""]) | strings,
    number=strings,
    title=strings,
    extra=strategies.lists(strings, max_size=3),
)


@strategies.composite
def resolutions(draw: strategies.DrawFn) -> Resolution:
    notes = draw(strategies.lists(strategies.builds(Footnote, content([], 3)), max_size=4))
    ids = [note.id for note in notes]
    annex = strategies.builds(Annex, strategies.lists(strings, max_size=2), blocks(ids, 3), strategies.booleans())
    res = Resolution(
        front=draw(front_matter),
        formula=draw(strategies.just("The General Assembly,") | strings),
        preamble=draw(blocks(ids)),
        operative=draw(blocks(ids)),
        footnotes=notes,
        closing=draw(strategies.lists(strategies.sampled_from(["73rd plenary meeting", "19 December 2017"]) | strings,
                                      max_size=3)),
        annexes=draw(strategies.lists(annex, max_size=2)),
        language=draw(strategies.sampled_from(["en", "fr", "es", "ar", "zh", "ru"]) | strings),
        warnings=draw(strategies.lists(strings, max_size=2)),
    )
    twice = draw(strategies.booleans())
    if ids and twice:
        # the same footnote referenced from two paragraphs, as "see note 1" texts do
        res.operative += [Paragraph((Text("First"), NoteRef(ids[0]))), Paragraph((Text("Again"), NoteRef(ids[0])))]
    return res
