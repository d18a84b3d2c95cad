"""Finding the paragraphs of the library whose wording is near a given one.

Candidates come from the sketch table (paragraphs that share one of the wording's smallest trigram
hashes, of a length that can reach the threshold); the candidates with the same masked wording are
checked once, with `matching.similarity`. A sketch hash held by more than `CAP` paragraphs is
left out: a trigram so common ("of the United Nations") says little of a paragraph, and the
wording has other hashes. Verbatim copies are also found through the `exact` hash, whatever their number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from drafter.library import matching
from drafter.library.store import document_of

CAP = 4000  # a sketch hash held by more paragraphs than this is left out
_CHUNK = 900  # ids per "IN (…)" query


@dataclass(frozen=True, slots=True)
class Match:
    """A paragraph of the library near a wording."""

    para: int
    similarity: float
    verbatim: bool
    date: str

    @property
    def doc(self) -> int:
        return document_of(self.para)


def texts(conn: sqlite3.Connection, ids: Iterable[int], columns: str = "text") -> dict[int, tuple[str, ...]]:
    """Columns of paragraphs by id (`columns` is a fixed list of column names, never user input)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[int, tuple[str, ...]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, {columns} FROM paragraphs WHERE id IN ({marks})", chunk):
            out[row[0]] = tuple(row[1:])
    return out


def near(conn: sqlite3.Connection, exact: list[str], threshold: float,
         excluded: Collection[int] = ()) -> list[Match]:
    """The paragraphs whose wording is at least `threshold` alike `exact` (the words of `matching.words`),
    none of the documents `excluded`; verbatim copies first, then by similarity."""
    tokens = matching.masked(exact)
    if not tokens:
        return []
    own_exact, own_masked = matching.digest(exact), matching.digest(tokens)
    low, high = matching.length_bounds(len(tokens), threshold)
    hashes = matching.sketch(tokens)
    marks = ",".join("?" * len(hashes))
    counts = dict(conn.execute(f"SELECT h, COUNT(*) FROM sketch WHERE h IN ({marks}) GROUP BY h", hashes))
    # when every hash is common, the least common one still finds the near copies
    hashes = [value for value in hashes if counts.get(value, 0) <= CAP] or (
        [min(counts, key=counts.__getitem__)] if counts else [])
    rows: dict[int, tuple[int, int, str]] = {}  # id → masked, exact, date
    if hashes:
        marks = ",".join("?" * len(hashes))
        query = ("SELECT p.id, p.masked, p.exact, p.date FROM sketch s JOIN paragraphs p ON p.id = s.para "
                 f"WHERE s.h IN ({marks}) AND p.words BETWEEN ? AND ? GROUP BY p.id")
        for para, masked, exact_hash, date in conn.execute(query, (*hashes, low, high)):
            rows[para] = (masked, exact_hash, date)
    for para, date in conn.execute("SELECT id, date FROM paragraphs WHERE exact = ?", (own_exact,)):
        rows[para] = (own_masked, own_exact, date)
    if excluded:
        rows = {para: row for para, row in rows.items() if document_of(para) not in excluded}
    groups: dict[int, int] = {}  # masked hash → one paragraph that has it
    for para, (masked, _exact, _date) in rows.items():
        groups.setdefault(masked, para)
    scores: dict[int, float] = {own_masked: 1.0}
    forms = texts(conn, [para for masked, para in groups.items() if masked != own_masked], "form")
    for masked, para in groups.items():
        if masked != own_masked:
            scores[masked] = matching.similarity(tokens, forms[para][0].split(), threshold)
    out = [Match(para, scores[masked], exact_hash == own_exact, date)
           for para, (masked, exact_hash, date) in rows.items() if scores.get(masked, 0.0) >= threshold]
    out.sort(key=lambda match: match.date, reverse=True)  # the latest first, undated last …
    out.sort(key=lambda match: (not match.verbatim, -match.similarity))  # … among equals
    return out


__all__ = ["CAP", "Match", "near", "texts"]
