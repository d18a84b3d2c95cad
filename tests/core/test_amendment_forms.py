"""The languages of amendments are tables of one builder: each table has every sentence and noun the builder asks
for, and every kind of statement, on every kind of place, is worded in each language with no slot left unfilled."""

from __future__ import annotations

import itertools

import pytest

from drafter.amendments.languages import WORDINGS, wording_for
from drafter.amendments.places import ANNEX, FOOTNOTE, HEADING, OPERATIVE, PREAMBLE, TITLE, Level, Place
from drafter.amendments.statement import ACTIONS, AFTER, BEFORE, END, INTO, NOTE_MARK, Line, Note, Statement

PLACES = [Place(TITLE), Place(FOOTNOTE, 3), Place(HEADING, text="Part one", within=OPERATIVE), Place(PREAMBLE),
          Place(OPERATIVE), Place(ANNEX, annex=2), Place(PREAMBLE, 3), Place(PREAMBLE, 3, suffix="bis"),
          Place(PREAMBLE, 21, (Level(1, 1),)), Place(PREAMBLE, 3, (Level(1, 1, "", "a bis"),), suffix="ter"),
          Place(OPERATIVE, 5), Place(OPERATIVE, 5, (Level(1, 2), Level(2, 3)), suffix="bis"), Place(ANNEX, 4),
          Place(ANNEX, 4, (Level(1, 1),), annex=2), Place(ANNEX, 17, (Level(1, 2),), numbered=False)]
LINES = (Line("Chapeau" + NOTE_MARK), Line("first", Level(1, 1), 1), Line("second", Level(1, 2), 1))


def statements() -> list[Statement]:
    out = []
    for action, place, words in itertools.product(ACTIONS, PLACES, ("urges", "strongly urges")):
        for position, target in itertools.product((AFTER, BEFORE, INTO, END), (None, PLACES[6], PLACES[4])):
            lines = (Line("New heading"),) if place.part == HEADING else LINES
            out.append(Statement(action, place, old_words=words, new_words=words, anchor="the State",
                                 position=position, target=target, lines=lines, kind=place.part,
                                 associated=len(words.split()), reference=position == INTO,
                                 footnote=2 if target else 0, chapeau=target is None,
                                 merged=((PLACES[10], "OP5"),) if target == PLACES[4] else (),
                                 notes=[Note("A note", 0, "1")]))
    return out


def test_the_tables_have_the_same_entries() -> None:
    english = WORDINGS["en"]
    for forms in WORDINGS.values():
        assert set(forms.sentences) == set(english.sentences)
        assert set(forms.nouns) == set(english.nouns)
        assert set(forms.positions) == set(english.positions) == set(forms.destinations)
        assert set(forms.kinds) == set(english.kinds)


@pytest.mark.parametrize("language", sorted(WORDINGS))
def test_every_statement_is_worded_in_every_language(language: str) -> None:
    wording = wording_for(language)
    worded = [wording.render(statement) for statement in statements()]
    assert len(worded) > 1000 and not any("{" in text or "}" in text for text in worded)
    assert not any(text.startswith(" ") or "  " in text.split("\n")[0] for text in worded)
    named = [wording.statement(Statement("delete_paragraph", place)) for place in PLACES]
    assert len(set(named)) == len(PLACES)  # every place is named apart


def test_articles_contract_with_their_prepositions() -> None:
    """French and Spanish: "au", "du", "de l'", "à la", "al", "del", by the gender of the noun."""
    french, spanish = wording_for("fr"), wording_for("es")
    delete = Statement("delete", Place(FOOTNOTE, 2), old_words="urges")
    assert french.statement(delete) == "À la note 2, supprimer le mot «\u00a0urges\u00a0»."
    sub = Statement("delete_paragraph", Place(PREAMBLE, 3, (Level(1, 1),), suffix="bis"))
    assert french.statement(sub) == "Supprimer l'alinéa a) de l'alinéa 3 bis du préambule."
    move = Statement("move_paragraph", Place(OPERATIVE, 2), position=INTO, target=Place(OPERATIVE))
    assert spanish.statement(move) == "Trasládese el párrafo 2 de la parte dispositiva a la parte dispositiva."
    into = Statement("insert_paragraph", position=INTO, target=Place(OPERATIVE, 4), kind="sub",
                     lines=(Line("text"),))
    assert french.statement(into) == "Au paragraphe 4 du dispositif, insérer un nouvel alinéa ainsi libellé\u00a0: " \
                                     "«\u00a0text\u00a0»"
