"""A long resolution with 27 notes in the layout of a UN PDF's text layer: every marker found at its word,
whatever its form, and a lost marker costs only its own note.

The text (tests/data/drafts/A-RES-80-24-27-notes.txt, built by tests/data/drafts/make_drafts.py) is
A/RES/80/24 with its 20 notes, a built paragraph and two preambular paragraphs of A/RES/80/10 with seven notes
more, wrapped and cut into pages with each note at the foot of the page of its marker. Its markers come in
every form a text layer gives them: set apart between spaces after a word ("the Sustainable Development
Goals 12 and in line with") and after a comma ("rules of procedure, 19 and"), glued to a word
("Sustainable Development18 and"), to a number ("of 19721") and to punctuation ("disarmament,3").
"""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

import pytest

from drafter.model import Resolution
from tests.core.test_text_drafts import read, referenced
from tests.corpus import DATA

DRAFTS = DATA / "drafts"
BUILT = DRAFTS / "A-RES-80-24-27-notes.txt"
SPACED = {12, 19}


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_drafts", DRAFTS / "make_drafts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_drafts"] = module
    spec.loader.exec_module(module)
    return module


MAKE = _builder()


@pytest.fixture(scope="module")
def model() -> Resolution:
    """The text before it was laid out: what every marker must be found next to."""
    return MAKE.twenty_seven_notes()


@pytest.fixture(scope="module")
def whole() -> Resolution:
    return read(BUILT.read_text(encoding="utf-8"))


def _last_words(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The six words before each marker, as the layout prints them ("Nuclear- Test-Ban" of the reflowed
    source is "Nuclear-Test-Ban" on the page)."""
    return [(number, " ".join(re.sub(r"(?<=\w)- (?!(?:and|or|to)\b)(?=\w)", "-", words).split()[-6:]))
            for number, words in found]


def test_the_file_is_what_the_builder_makes(model: Resolution) -> None:
    text = BUILT.read_text(encoding="utf-8")
    assert text.split("\n---\n", 1)[1] == MAKE.laid_out(model, MAKE.LONG, SPACED) + "\n"
    for form in ("the Sustainable Development Goals 12 and in line with", "rules of procedure, 19 and",
                 "Sustainable Development18 and", "of 19721", "disarmament,3"):
        assert " ".join(text.split()).count(form) == 1, form
    assert len(model.footnotes) == 27


def test_every_one_of_27_notes_is_referenced_at_its_word(model: Resolution, whole: Resolution) -> None:
    found = referenced(whole)
    assert [number for number, _words in found] == list(range(1, 28))
    assert _last_words(found) == _last_words(referenced(model))
    assert found[11] == (12, "crucial contribution to progress across all the Sustainable Development Goals")
    assert found[18] == (19, "four core issues, in accordance with the rules of procedure,")
    assert [note.text for note in whole.footnotes] == [note.text for note in model.footnotes]
    assert (len(whole.preambular()), len(whole.operatives())) == (len(model.preambular()), len(model.operatives()))
    assert whole.warnings == []


@pytest.mark.parametrize("lost", range(1, 28))
def test_a_lost_marker_names_its_note_alone(model: Resolution, whole: Resolution, lost: int) -> None:
    text = MAKE.laid_out(model, MAKE.LONG, SPACED, lost=lost)
    assert text != MAKE.laid_out(model, MAKE.LONG, SPACED)
    res = read(text)
    assert referenced(res) == [entry for entry in referenced(whole) if entry[0] != lost]
    assert (len(res.preambular()), len(res.operatives())) == (len(whole.preambular()), len(whole.operatives()))
    assert len(res.warnings) == 1, res.warnings
    assert res.warnings[0].startswith(f"footnote {lost} is never referenced in the text: no marker {lost} was found")
    assert [note.text for note in res.footnotes] == [note.text for note in whole.footnotes]
