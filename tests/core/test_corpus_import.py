"""Every corpus text imports, keeps every word of its source, and round-trips through JSON."""

from __future__ import annotations

import re

import pytest

import drafter
from drafter.exporters.akn import to_akn
from drafter.importers.akn import from_akn
from drafter.importers.text import strip_corpus_header
from drafter.serialize import from_dict, to_dict
from tests.corpus import PDFS, TEXTS, load, word_difference

# Words a reader is meant to leave out: page furniture and the symbol in running heads.
_FURNITURE = re.compile(r"^(?:\d+|E|A|S|C|L|RES|Rev|HRC)$")
_LABEL = re.compile(r"^(?:[a-z]{1,2}|[ivxlc]+)$")


@pytest.fixture(scope="module", params=TEXTS, ids=[p.name for p in TEXTS])
def loaded(request: pytest.FixtureRequest) -> tuple[str, drafter.Resolution]:
    path = request.param
    return strip_corpus_header(path.read_text(encoding="utf-8")), load(path)


def test_imports_as_a_resolution(loaded: tuple[str, drafter.Resolution]) -> None:
    _, res = loaded
    assert res.formula.startswith("The ")
    assert res.front.symbol
    assert res.operatives(), "no operative paragraph found"
    assert all(p.text for _, p in res.labelled()), "an empty paragraph was created"


def test_keeps_every_word(loaded: tuple[str, drafter.Resolution]) -> None:
    """Nothing lost, doubled or glued: only furniture, markers and labels may go."""
    source, res = loaded
    lost, added = word_difference(source, res)
    title_words = set(re.findall(r"[^\W\d_]+", res.front.title))
    unexplained_lost = {
        word: count for word, count in lost.items()
        if not (_FURNITURE.match(word) or _LABEL.match(word) or word in title_words
                or word in ("United", "Nations"))
    }
    derived = set(re.findall(r"[^\W\d_]+|\d+", res.front.symbol))
    # a marker glued to a year ("July 20203") leaves the year: 20203 lost, 2020 added
    glued_years = {word[:4] for word in lost if re.fullmatch(r"(?:19|20)\d{3,4}", word)}
    unexplained_added = {
        word: count for word, count in added.items() if word not in derived and word not in glued_years
    }
    assert not unexplained_lost, f"words lost: {unexplained_lost}"
    assert not unexplained_added, f"words added or doubled: {unexplained_added}"


def test_no_furniture_left(loaded: tuple[str, drafter.Resolution]) -> None:
    _, res = loaded
    for label, para in res.labelled():
        assert not re.search(r"\b\d{2}-\d{5}\b|\*\d{7}\*|\b\d{1,2}/\d{1,2}\s*$", para.text), label
        assert res.front.symbol not in para.text or "resolution" in para.text.lower(), label


def test_json_round_trip_is_identity(loaded: tuple[str, drafter.Resolution]) -> None:
    _, res = loaded
    assert from_dict(to_dict(res)) == res


def test_akn_round_trip_is_identity(loaded: tuple[str, drafter.Resolution]) -> None:
    _, res = loaded
    assert from_akn(to_akn(res)) == res


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_pdf_imports_and_round_trips(path) -> None:  # type: ignore[no-untyped-def]
    res = load(path)
    assert res.formula == "The Security Council,"
    assert res.front.symbol == path.stem.removesuffix("-EN").replace("_", "/")
    assert res.operatives() and res.preambular()
    assert from_dict(to_dict(res)) == res
    assert from_akn(to_akn(res)) == res
