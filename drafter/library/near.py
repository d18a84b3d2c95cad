"""Finding the wordings of the library near a given one, and the paragraphs that hold a wording.

Candidates come from the sketch table: the distinct wordings that share two of the given wording's
smallest trigram hashes (one, for a short wording) and whose length can reach the threshold. Each is
checked once with `matching.similarity`, however many paragraphs hold it (a wording repeated in a
thousand resolutions is one row of `wordings`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Indel

from drafter.library import matching
from drafter.library.vocabulary import Vocabulary

_CHUNK = 900  # ids per "IN (…)" query


class Wording(NamedTuple):
    """A wording of the library (numbers masked) near the one looked for, and the paragraphs that hold it."""

    masked: int
    similarity: float
    held: int  # paragraphs that hold it
    first: int  # the earliest of them (undated ones last)
    first_date: str
    last: int  # the latest
    last_date: str


def rows(conn: sqlite3.Connection, table: str, key: str, keys: Iterable[int], columns: str) -> dict[int, tuple]:
    """`columns` of the rows of `table` whose `key` is in `keys`, by key (table and column names are fixed
    names of the schema, never user input)."""
    wanted = list(dict.fromkeys(keys))
    out: dict[int, tuple] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {key}, {columns} FROM {table} WHERE {key} IN ({marks})", chunk):
            out[row[0]] = tuple(row[1:])
    return out


def near(conn: sqlite3.Connection, vocabulary: Vocabulary, exact: list[str], threshold: float) -> list[Wording]:
    """The wordings at least `threshold` alike `exact` (the words of `matching.words`), the most alike
    first, then the most recent."""
    tokens = matching.masked(exact)
    if not tokens:
        return []
    own = matching.digest(tokens)
    wording = vocabulary.encode(tokens)
    low, high = matching.length_bounds(len(wording), threshold)
    hashes = matching.sketch(wording)
    # the candidates and their rows in one statement: their ids never come back to Python, and only the
    # rows that pass the check become objects
    found = conn.execute(_CANDIDATES.format(marks=",".join("?" * len(hashes))),
                         (*hashes, low, high, min(len(hashes), matching.shared(wording)), own)).fetchall()
    forms = [row[1] for row in found]
    scores = process.extract(wording, forms, scorer=Indel.normalized_similarity, score_cutoff=threshold, limit=None)
    out = [Wording(found[index][0], score, *found[index][2:]) for _form, score, index in scores]
    out.sort(key=_order, reverse=True)
    return out


def _order(wording: Wording) -> tuple[float, str]:
    return wording.similarity, wording.last_date


# the wordings that share enough of a sketch, with their length in bounds, and the wording itself; one row
# each (UNION drops the wording's own row when the sketch finds it too)
_CANDIDATES = """
SELECT masked, form, count, first_para, first_date, last_para, last_date FROM wordings
WHERE masked IN (SELECT masked FROM sketch WHERE h IN ({marks}) AND words BETWEEN ? AND ? GROUP BY masked
                 HAVING COUNT(*) >= ? UNION SELECT ?)
"""


def holders(conn: sqlite3.Connection, masked: int, limit: int, excluded: Collection[int] = (),
            latest: bool = True) -> list[tuple[int, str]]:
    """Up to `limit` paragraphs (id, date) that hold a wording, the latest (or the earliest, undated last)
    first, none of the paragraphs `excluded`."""
    order = "date DESC, id DESC" if latest else "date = '', date, id"
    query = f"SELECT id, date FROM paragraphs WHERE masked = ? ORDER BY {order} LIMIT ?"
    found = conn.execute(query, (masked, limit + len(excluded))).fetchall()
    return [(para, date) for para, date in found if para not in excluded][:limit]


def verbatim(conn: sqlite3.Connection, exact: int, limit: int, excluded: Collection[int] = ()) -> list[tuple[int, str]]:
    """Up to `limit` paragraphs (id, date) with the very words `exact` hashes, the latest first."""
    found = conn.execute("SELECT id, date FROM paragraphs WHERE exact = ? ORDER BY date DESC, id DESC LIMIT ?",
                         (exact, limit + len(excluded))).fetchall()
    return [(para, date) for para, date in found if para not in excluded][:limit]


__all__ = ["Wording", "holders", "near", "rows", "verbatim"]
