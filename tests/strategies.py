"""Hypothesis strategies for the model: whole resolutions whose content is already normalised.

Text mixes XML-special characters (& < > " '), line breaks, tabs and unicode
beyond the BMP, but never characters XML cannot hold (control characters,
surrogates, U+FFFE/U+FFFF). Footnote references point at footnotes of the same
resolution; some footnotes are referenced twice, some not at all.
"""

from __future__ import annotations

from hypothesis import strategies as st

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
characters = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                           exclude_characters="\ufffe\uffff") | st.sampled_from(_SPECIAL)
strings = st.text(characters, max_size=20)
words = st.text(characters, min_size=1, max_size=12)
LIST_STYLES = ["", "alpha", "roman", "decimal", "bullet"]


def content(note_ids: list[str], max_size: int = 5) -> st.SearchStrategy[Content]:
    """Normalised inline content; references only to `note_ids`."""
    item: st.SearchStrategy[Inline] = st.builds(Text, words, st.booleans())
    if note_ids:
        item = item | st.builds(NoteRef, st.sampled_from(note_ids))
    return st.lists(item, max_size=max_size).map(normalize_runs)


def paragraphs(note_ids: list[str], depth: int = 3) -> st.SearchStrategy[Paragraph]:
    """A paragraph with sub-paragraphs down to `depth` levels below it."""
    children = st.lists(paragraphs(note_ids, depth - 1), max_size=2) if depth > 0 else st.just([])
    return st.builds(Paragraph, content(note_ids), children, list_style=st.sampled_from(LIST_STYLES))


def blocks(note_ids: list[str], max_size: int = 4) -> st.SearchStrategy[list[Block]]:
    heading: st.SearchStrategy[Block] = st.builds(CrossHeading, content(note_ids, 3))
    return st.lists(paragraphs(note_ids) | heading, max_size=max_size)


front_matter = st.builds(
    FrontMatter,
    organ=st.sampled_from(["General Assembly", "Security Council", "Third Committee"]) | strings,
    symbol=st.sampled_from(["A/RES/72/169", "S/RES/2532 (2020)", "A/C.3/73/L.12"]) | strings,
    distribution=strings,
    date=st.sampled_from(["19 December 2017", "31 February 2019", "2 June 2020"]) | strings,
    original=strings,
    session=strings,
    agenda_items=st.lists(st.builds(AgendaItem, strings, strings), max_size=3),
    adoption=st.just("Resolution adopted by the General Assembly on 19 December 2017") | strings,
    report=strings,
    sponsors=strings,
    doc_type=st.sampled_from(["resolution", "draft resolution", ""]) | strings,
    number=strings,
    title=strings,
    extra=st.lists(strings, max_size=3),
)


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    notes = draw(st.lists(st.builds(Footnote, content([], 3)), max_size=4))
    ids = [note.id for note in notes]
    annex = st.builds(Annex, st.lists(strings, max_size=2), blocks(ids, 3), st.booleans())
    res = Resolution(
        front=draw(front_matter),
        formula=draw(st.just("The General Assembly,") | strings),
        preamble=draw(blocks(ids)),
        operative=draw(blocks(ids)),
        footnotes=notes,
        closing=draw(st.lists(st.sampled_from(["73rd plenary meeting", "19 December 2017"]) | strings,
                              max_size=3)),
        annexes=draw(st.lists(annex, max_size=2)),
        language=draw(st.sampled_from(["en", "fr", "es", "ar", "zh", "ru"]) | strings),
        warnings=draw(st.lists(strings, max_size=2)),
    )
    twice = draw(st.booleans())
    if ids and twice:
        # the same footnote referenced from two paragraphs, as "see note 1" texts do
        res.operative += [Paragraph((Text("First"), NoteRef(ids[0]))), Paragraph((Text("Again"), NoteRef(ids[0])))]
    return res
