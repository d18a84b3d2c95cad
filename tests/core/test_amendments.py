"""Formal amendments from comparisons: the statements of real series name the right paragraphs, and an
independent reader (tests/amendment_reader.py) that applies them to the earlier text gets the later one.

The expected statements of the corpus pairs were written down by reading both texts (the comparer's
report only lists which paragraphs differ).
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path

import pytest

import drafter
from drafter.amendments import Amendments, amendments
from drafter.amendments.english import ordinal as english_ordinal
from drafter.amendments.french import ordinal as french_ordinal
from drafter.amendments.spanish import ordinal as spanish_ordinal
from drafter.cli import main
from drafter.compare import compare
from drafter.model import Resolution
from tests.amendment_reader import Reader, normal, ordinal_number, outline_of

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@cache
def _load(name: str) -> Resolution:
    return drafter.load(str(CORPUS / f"{name}.txt"))


def load(name: str) -> Resolution:
    return copy.deepcopy(_load(name))


def read_back(old: Resolution, found: Amendments) -> Reader:
    """The earlier text with every statement applied in order, by the independent reader."""
    reader = Reader(old)
    for entry in found.to_dict()["amendments"]:
        reader.apply(entry["text"])
    return reader


def check_read_back(old: Resolution, new: Resolution, found: Amendments) -> Reader:
    """The statements, applied to `old`, give `new`: paragraphs, headings, footnotes and title."""
    reader = read_back(old, found)
    assert reader.outline() == outline_of(new)
    assert normal(reader.title) == normal(new.front.title)
    changes = compare(old, new)
    old_numbers = {note.id: number for number, note in enumerate(old.footnotes, 1)}
    for record in changes.records:
        if record.part == "footnotes" and record.old_ids and record.new_ids:
            later = new.footnote(record.new_ids[0])
            assert later is not None
            assert normal(reader.footnotes[old_numbers[record.old_ids[0]]]) == normal(later.text)
    paired = {record.new_ids[0] for record in changes.records
              if record.part == "footnotes" and record.old_ids and record.new_ids}
    cited = {item.note for block in new.blocks() for item in block.content if hasattr(item, "note")}
    added = {normal(note.text) for note in new.footnotes if note.id not in paired and note.id in cited}
    assert {normal(text) for text in reader.new_footnotes} == added
    return reader


def texts(found: Amendments) -> list[str]:
    return [entry["text"] for entry in found.to_dict()["amendments"]]


# --- the Enhancement series -----------------------------------------------------------------------
def test_72_169_to_75_180_names_the_paragraphs_by_ordinal_and_reads_back() -> None:
    old, new = load("A-RES-72-169-clean"), load("A-RES-75-180")
    found = amendments(old, new)
    statements = texts(found)
    assert "In the first preambular paragraph, replace the word \u201cAction,\u201d with \u201cAction\u201d." \
        in statements
    assert any(text.startswith("In the third preambular paragraph, replace the word \u201c70/153\u201d")
               for text in statements)
    assert "Insert a new preambular paragraph after the tenth preambular paragraph, reading: \u201cRecognizing " \
           "that the enhancement of international cooperation and genuine dialogue contributes to the effective " \
           "functioning of the international human rights system,\u201d" in statements
    assert "In operative paragraph 10, insert the words \u201cand constructive\u201d after the word " \
           "\u201ccooperative\u201d." in statements
    assert "Delete operative paragraph 15." in statements
    assert any(text.startswith("Insert a new operative paragraph after operative paragraph 14, reading: "
                               "\u201cEncourages all Member States") for text in statements)
    assert "In operative paragraph 17, replace the word \u201cseventy-third\u201d with \u201cseventy-sixth\u201d." \
        in statements
    assert {entry["paragraph"] for entry in found.to_dict()["amendments"]} == \
        {"PP1", "PP3", "PP10", "OP10", "OP14", "OP15", "OP17", "footnote 3"}
    assert found.numbering.startswith("Paragraphs are referred to by their numbers in A/RES/72/169")
    assert any("front matter changed" in warning for warning in found.warnings)
    check_read_back(old, new, found)


def test_75_180_to_76_159_quotes_words_once_and_carries_the_new_footnote() -> None:
    old, new = load("A-RES-75-180"), load("A-RES-76-159")
    found = amendments(old, new)
    statements = texts(found)
    assert "In the thirteenth preambular paragraph, insert the word \u201call\u201d after the words " \
           "\u201crespect for\u201d." in statements
    assert "In operative paragraph 3, insert the word \u201cpeace,\u201d after the words \u201cculture of\u201d." \
        in statements
    # "18" alone is ambiguous in the third preambular paragraph: the word before it makes the quote unique
    assert "In the third preambular paragraph, replace the words \u201cof 18\u201d with \u201cof 16\u201d." \
        in statements
    tenth = next(text for text in statements if "tenth anniversary" in text)
    assert tenth == ("In the fourth preambular paragraph, replace the words \u201ctenth anniversary\u201d with "
                     "\u201ctenth\u00b9 and twentieth\u00b2 anniversaries\u201d.\n"
                     "\u00b9 Footnote 4 of the text.\n\u00b2 Resolution 76/1.")
    assert "In the fourth preambular paragraph, delete the reference to footnote 4 after the word " \
           "\u201cAction,\u201d." in statements
    labels = [entry["paragraph"] for entry in found.to_dict()["amendments"]]
    assert sorted(set(labels)) == sorted({"PP3", "PP4", "PP13", "OP1", "OP3", "OP4", "OP8", "OP12", "OP17",
                                          "footnote 3"})
    check_read_back(old, new, found)


def test_the_reader_reads_ordinals_independently() -> None:
    for number in (1, 2, 3, 9, 11, 12, 19, 20, 21, 34, 40, 58, 99):
        assert ordinal_number(english_ordinal(number)) == number
    assert [english_ordinal(n) for n in (3, 21, 40, 101)] == ["third", "twenty-first", "fortieth",
                                                             "one hundred and first"]
