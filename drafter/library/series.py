"""Series: the texts of one resolution across sessions, and one paragraph's wording through them.

Two documents of one organ are in the same series when they have the same title (numbers aside:
"2020 review of …" and "2025 review of …"), or when one recalls the other as its own resolution
("Recalling its resolution 75/180") and their titles are nearly the same (at least `TITLE_OVERLAP` of
their words, small words aside, in common: a title that gained a word). A text recalls many
resolutions of other series ("Nuclear disarmament" recalls "Reducing nuclear danger"): those keep
their own series. A series is named by the smallest
id among its documents; series are made again after every change to the library, in one pass.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from drafter.compare.changes import Op
from drafter.library import matching
from drafter.library.ops import word_ops
from drafter.library.store import paragraph_ids

TITLE_OVERLAP = 0.75  # the words two titles share over the words of both, for a recall to join two series


class _Groups:
    """Union-find over document ids."""

    def __init__(self, ids: list[int]) -> None:
        self.parent = {doc: doc for doc in ids}

    def find(self, doc: int) -> int:
        root = doc
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[doc] != root:
            self.parent[doc], doc = root, self.parent[doc]
        return root

    def join(self, one: int, other: int) -> None:
        first, second = self.find(one), self.find(other)
        if first != second:
            self.parent[max(first, second)] = min(first, second)


_SMALL_WORDS = frozenset("a an and as at by for from in into its of on or the to with".split())


def _overlap(one: str, other: str) -> float:
    """The words two titles share over the words of both (small words aside)."""
    first, second = set(one.split()) - _SMALL_WORDS, set(other.split()) - _SMALL_WORDS
    if not first or not second:
        return 1.0  # a text without a title (a Security Council text) follows what it recalls
    return len(first & second) / len(first | second)


def assign(conn: sqlite3.Connection) -> int:
    """Put every document in its series (inside the caller's transaction); how many documents moved."""
    rows = conn.execute("SELECT id, number, organ, title_key, recalls, series FROM documents").fetchall()
    groups = _Groups([row[0] for row in rows])
    by_title: dict[tuple[str, str], int] = {}
    by_number: dict[str, list[int]] = {}
    titles = {}
    for doc, number, organ, key, _recalls, _series in rows:
        titles[doc] = key
        if key:
            first = by_title.setdefault((organ, key), doc)
            groups.join(first, doc)
        if number:
            by_number.setdefault(number, []).append(doc)
    for doc, _number, _organ, key, recalls, _series in rows:
        for number in recalls.split():
            for other in by_number.get(number, ()):
                if other != doc and _overlap(key, titles[other]) >= TITLE_OVERLAP:
                    groups.join(doc, other)
    moved = [(groups.find(row[0]), row[0]) for row in rows if row[5] != groups.find(row[0])]
    conn.executemany("UPDATE documents SET series = ? WHERE id = ?", moved)
    return len(moved)


@dataclass
class Member:
    """One document of a series."""

    symbol: str
    date: str
    title: str
    doc: int


@dataclass
class Step:
    """How one paragraph read in one text of the series: `ops` turn the previous step's wording into this one."""

    symbol: str
    date: str
    label: str
    text: str
    similarity: float  # to the previous step (1.0 for the first)
    ops: list[Op] = field(default_factory=list)


def members(conn: sqlite3.Connection, doc: int) -> list[Member]:
    """The documents of the series of `doc`, oldest first (by date, then by symbol)."""
    series = conn.execute("SELECT series FROM documents WHERE id = ?", (doc,)).fetchone()
    if series is None or series[0] is None:
        rows = conn.execute("SELECT symbol, date, title, id FROM documents WHERE id = ?", (doc,)).fetchall()
    else:
        rows = conn.execute("SELECT symbol, date, title, id FROM documents WHERE series = ? ORDER BY date, id",
                            series).fetchall()
    return [Member(*row) for row in rows]


def _paragraphs(conn: sqlite3.Connection, doc: int) -> list[tuple[str, str]]:
    return conn.execute("SELECT label, text FROM paragraphs WHERE id >= ? AND id < ? ORDER BY id",
                        paragraph_ids(doc)).fetchall()


def _closest(wording: list[str], candidates: list[tuple[str, str]], threshold: float) -> tuple[str, str, float] | None:
    best: tuple[str, str, float] | None = None
    for label, text in candidates:
        score = matching.similarity(wording, matching.masked(matching.words(text)), threshold)
        if score and (best is None or score > best[2]):
            best = (label, text, score)
    return best


FOLLOW = 0.5  # the similarity at which a paragraph is taken for the same one in the next text of its series


def paragraph_history(conn: sqlite3.Connection, chain: list[Member], start: int, label: str) -> list[Step]:
    """The wording of paragraph `label` of `chain[start]` through the series: each step the paragraph of
    that text most like the step next to it (towards `start`), while one is at least `FOLLOW` alike."""
    wanted = " ".join(label.split()).casefold()
    own = [(name, text) for name, text in _paragraphs(conn, chain[start].doc) if name.casefold() == wanted]
    if not own:
        return []
    found: dict[int, tuple[str, str, float]] = {start: (*own[0], 1.0)}
    for direction in (-1, 1):
        index = start
        wording = matching.masked(matching.words(own[0][1]))
        while 0 <= index + direction < len(chain):
            index += direction
            match = _closest(wording, _paragraphs(conn, chain[index].doc), FOLLOW)
            if match is None:
                break
            found[index] = match
            wording = matching.masked(matching.words(match[1]))
    steps: list[Step] = []
    previous = ""
    for index in sorted(found):
        step_label, text, _score = found[index]
        score = 1.0 if not steps else matching.similarity(matching.masked(matching.words(previous)),
                                                         matching.masked(matching.words(text)))
        ops = word_ops(previous, text) if steps else [Op("equal", text)]
        steps.append(Step(chain[index].symbol, chain[index].date, step_label, text, round(score, 3), ops))
        previous = text
    return steps
