"""Filtered searches and the near-wording look-up of the library, checked against the corpus itself.

A filtered search reads the full-text index with the year as a bound on paragraph ids and checks the
part and the lead as the rows come: its hits must be exactly the unfiltered hits that pass the filter,
worked out here from the hits' dates, labels and texts. The near wordings of a paragraph must be
every wording of the library at least 90 % alike, worked out by comparing it with every one.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.library import Library, matching
from drafter.library.index import labelled_paragraphs
from drafter.library.near import near
from drafter.library.store import FILE_NAME
from drafter.library.vocabulary import Vocabulary
from tests.corpus import CORPUS, TEXTS, load

PHRASES = ["human rights and fundamental freedoms", "calls upon all States", "the Secretary-General",
           "international cooperation", "Member States"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("library")
    with Library(path) as library:
        report = library.add([str(text) for text in TEXTS])
        assert not report.failed
    return path


@pytest.fixture
def library(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    monkeypatch.setattr("drafter.library.search.COUNT_SECONDS", 60.0)  # every hit counted, however busy
    with Library(folder) as opened:
        yield opened


def _exact(library: Library, phrase: str, **filters: Any) -> set[tuple[str, str]]:
    return {(hit.symbol, hit.label) for hit in library.search(phrase, limit=5000, **filters).results
            if hit.match == "exact"}


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_year_filter_keeps_exactly_the_hits_of_that_year_and_later(library: Library, phrase: str) -> None:
    everywhere = library.search(phrase, limit=5000).results
    years = sorted({hit.date[:4] for hit in everywhere if hit.date})
    assert len(years) > 1, "the phrase should be in texts of several years"
    for year in years:
        wanted = {(h.symbol, h.label) for h in everywhere if h.match == "exact" and h.date[:4] >= year}
        assert _exact(library, phrase, since=int(year)) == wanted, year
        assert library.search(phrase, since=int(year)).uses == len({symbol for symbol, _label in wanted})
    assert _exact(library, phrase, since=int(years[-1]) + 1) == set()


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_part_filter_keeps_exactly_the_hits_of_that_part(library: Library, phrase: str) -> None:
    everywhere = [h for h in library.search(phrase, limit=5000).results if h.match == "exact"]
    for part, prefix in (("preamble", "PP"), ("operative", "OP"), ("annex", "annex")):
        assert _exact(library, phrase, part=part) == {(h.symbol, h.label) for h in everywhere
                                                      if h.label.startswith(prefix)}, part


def test_a_lead_filter_keeps_the_hits_whose_lead_holds_it_whatever_the_case(library: Library) -> None:
    everywhere = [h for h in library.search("States", limit=5000).results if h.match == "exact"]
    for lead in ("Urges", "Calls upon", "Recalls"):
        pattern = re.compile(r"(\w+ ){0,2}" + r"\W+".join(lead.split()) + r"\b", re.IGNORECASE)
        found = _exact(library, "States", lead=lead)
        assert found, lead
        assert found == _exact(library, "States", lead=lead.upper()) == _exact(library, "States", lead=lead.lower())
        texts = {(h.symbol, h.label): h.text for h in everywhere}
        assert found <= set(texts)
        assert all(pattern.match(texts[key]) for key in found), lead
        # every paragraph that opens with the lead is found (a lead phrase is the paragraph's first words)
        opening = {key for key, text in texts.items() if re.match(r"\W*" + r"\W+".join(lead.split()) + r"\b", text,
                                                                   re.IGNORECASE)}
        assert opening <= found, lead


def test_filters_together(library: Library) -> None:
    everywhere = [h for h in library.search("human rights", limit=5000).results if h.match == "exact"]
    found = _exact(library, "human rights", since=2021, part="operative", organ="General Assembly")
    assert found == {(h.symbol, h.label) for h in everywhere
                     if h.date >= "2021" and h.label.startswith("OP") and h.symbol.startswith("A/")}


def test_near_wordings_are_all_those_at_least_90_per_cent_alike(folder: Path) -> None:
    conn = sqlite3.connect(folder / FILE_NAME)
    vocabulary = Vocabulary()
    vocabulary.learn(conn.execute("SELECT id, word FROM vocabulary"))
    every = conn.execute("SELECT masked, form, count, last_date FROM wordings").fetchall()
    checked = 0
    for name in ("A-RES-76-159.txt", "A-RES-80-5.txt"):
        for _label, _part, text, _para in labelled_paragraphs(load(CORPUS / name)):
            exact = matching.words(text)
            form = vocabulary.encode(matching.masked(exact))
            wanted = {masked: (round(matching.similarity(form, other), 9), held) for masked, other, held, _last in every
                      if matching.similarity(form, other, matching.NEAR) >= matching.NEAR}
            found = near(conn, vocabulary, exact, matching.NEAR)
            assert {w.masked: (round(w.similarity, 9), w.held) for w in found} == wanted, text
            order = [(w.similarity, w.last_date) for w in found]
            assert order == sorted(order, reverse=True)
            checked += len(found)
    conn.close()
    assert checked > 100
