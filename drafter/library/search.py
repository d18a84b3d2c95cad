"""Searching the library: exact phrases, all words, and whole paragraphs that read nearly alike.

A search is one query string. Its hits, best first:
1. "exact": paragraphs that hold the words of the query as a phrase (case, accents and punctuation
   aside), the latest first; `uses` counts the documents that hold it and `latest` is the latest hit.
2. "near", for a query of `PARAGRAPH_WORDS` words or more: paragraphs whose whole wording is at
   least `NEAR_SEARCH` alike the query (`drafter.library.near`), the most alike first.
3. "near", while hits are missing: paragraphs that hold all the words in any order, by BM25 rank.
Filters: organ (part of its name), since a year, lead phrase (a word of it), part.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from drafter.library import matching
from drafter.library.near import near, texts
from drafter.library.store import PARAGRAPH_BITS, PARTS, DocumentInfo, LibraryError

PARAGRAPH_WORDS = 8  # a query this long is also looked for as a whole paragraph
NEAR_SEARCH = 0.75  # the least similarity of a paragraph found near a query
_FTS_TOKEN = re.compile(r"\w+")


@dataclass
class Filters:
    organ: str = ""
    since: int | None = None
    lead: str = ""
    part: str = ""

    def admits(self, doc: DocumentInfo) -> bool:
        if self.organ and self.organ.casefold() not in doc.organ.casefold():
            return False
        return not (self.since is not None and (doc.year is None or doc.year < self.since))

    def sql(self) -> tuple[str, list[str]]:
        """Conditions on the paragraphs `p`, and their parameters."""
        where: list[str] = []
        params: list[str] = []
        if self.part:
            where.append("p.part = ?")
            params.append(self.part)
        if self.lead:
            where.append("(' ' || lower(p.lead) || ' ') LIKE ?")
            params.append(f"% {' '.join(self.lead.lower().split())} %")
        return "".join(f" AND {condition}" for condition in where), params


@dataclass
class Hit:
    """A paragraph found; `spans` are the (start, end) offsets of the matched words in `text`."""

    symbol: str
    date: str
    label: str
    text: str
    score: float
    match: str  # "exact" or "near"
    spans: list[tuple[int, int]] = field(default_factory=list)
    path: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "date": self.date, "label": self.label, "text": self.text,
                "score": round(self.score, 3), "match": self.match, "spans": [list(span) for span in self.spans]}


@dataclass
class Found:
    query: str
    uses: int  # documents that hold the query as a phrase
    latest: Hit | None
    results: list[Hit]

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "uses": self.uses, "latest": self.latest.to_dict() if self.latest else None,
                "results": [hit.to_dict() for hit in self.results]}


def _natural(symbol: str) -> str:
    """A sort key that puts A/RES/80/48 after A/RES/80/5."""
    return re.sub(r"\d+", lambda number: number.group().zfill(8), symbol)


def _phrase(tokens: list[str]) -> str:
    return '"' + " ".join(tokens) + '"'


def _spans(text: str, tokens: list[str], phrase: bool) -> list[tuple[int, int]]:
    """Where the query's words stand in a paragraph: the phrase, else each word."""
    if phrase:
        pattern = r"(?<!\w)" + r"\W+".join(map(re.escape, tokens)) + r"(?!\w)"
    else:
        pattern = r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(set(tokens), key=len, reverse=True))) + r")(?!\w)"
    return [match.span() for match in re.finditer(pattern, text, re.IGNORECASE)]


def search(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], query: str, filters: Filters,
           limit: int = 20) -> Found:
    """The hits for `query`, best first (see the module's docstring)."""
    tokens = _FTS_TOKEN.findall(query)
    if not tokens:
        raise LibraryError(f"nothing to search for in {query!r}: give some words")
    if filters.part and filters.part not in PARTS:
        raise LibraryError(f"--part must be one of {', '.join(PARTS)}, not {filters.part!r}")
    limit = max(1, limit)
    where, params = filters.sql()
    join = " JOIN paragraphs p ON p.id = t.rowid" if where else ""
    docs = [documents[doc] for (doc,) in conn.execute(
        f"SELECT DISTINCT t.rowid >> {PARAGRAPH_BITS} FROM text_index t{join} WHERE text_index MATCH ?{where}",
        [_phrase(tokens), *params]) if doc in documents]
    docs = [doc for doc in docs if filters.admits(doc)]
    docs.sort(key=lambda doc: (doc.date, _natural(doc.symbol)), reverse=True)
    hits: list[Hit] = []
    seen: set[int] = set()
    for doc in docs:
        if len(hits) >= limit:
            break
        low = doc.id << PARAGRAPH_BITS
        rows = conn.execute(
            f"SELECT p.id, p.label, p.text FROM text_index t JOIN paragraphs p ON p.id = t.rowid "
            f"WHERE text_index MATCH ? AND t.rowid >= ? AND t.rowid < ?{where} ORDER BY t.rowid",
            [_phrase(tokens), low, low + (1 << PARAGRAPH_BITS), *params]).fetchall()
        for para, label, text in rows[:limit - len(hits)]:
            seen.add(para)
            hits.append(Hit(doc.symbol, doc.date, label, text, 1.0, "exact", _spans(text, tokens, True), doc.path))
    found = Found(query, len(docs), hits[0] if hits else None, hits)
    if len(tokens) >= PARAGRAPH_WORDS and len(hits) < limit:
        _add_near(conn, documents, query, filters, limit, hits, seen)
    if len(tokens) > 1 and len(hits) < limit:
        _add_all_words(conn, documents, tokens, filters, limit, hits, seen)
    return found


def _add_near(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], query: str, filters: Filters,
              limit: int, hits: list[Hit], seen: set[int]) -> None:
    matches = [m for m in near(conn, matching.words(query), NEAR_SEARCH)
               if m.para not in seen and m.doc in documents and filters.admits(documents[m.doc])]
    rows = texts(conn, [m.para for m in matches], "label, text, part, lead")
    for match in matches:
        if len(hits) >= limit:
            return
        label, text, part, lead = rows[match.para]
        if (filters.part and part != filters.part) or (filters.lead and not _lead_has(lead, filters.lead)):
            continue
        doc = documents[match.doc]
        seen.add(match.para)
        hits.append(Hit(doc.symbol, doc.date, label, text, match.similarity, "near", [], doc.path))


def _lead_has(lead: str, wanted: str) -> bool:
    return f" {' '.join(wanted.lower().split())} " in f" {lead.lower()} "


def _add_all_words(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], tokens: list[str],
                   filters: Filters, limit: int, hits: list[Hit], seen: set[int]) -> None:
    where, params = filters.sql()
    rows = conn.execute(
        f"SELECT p.id, p.label, p.text, t.rank FROM text_index t JOIN paragraphs p ON p.id = t.rowid "
        f"WHERE text_index MATCH ?{where} ORDER BY t.rank LIMIT ?",
        [" ".join(_phrase([token]) for token in tokens), *params, 10 * limit]).fetchall()
    best = rows[0][3] if rows and rows[0][3] else -1.0
    for para, label, text, rank in rows:
        if len(hits) >= limit:
            return
        doc = documents.get(para >> PARAGRAPH_BITS)
        if para in seen or doc is None or not filters.admits(doc):
            continue
        seen.add(para)
        score = 0.5 * (rank / best if best else 1.0)
        hits.append(Hit(doc.symbol, doc.date, label, text, score, "near", _spans(text, tokens, False), doc.path))


__all__ = ["NEAR_SEARCH", "PARAGRAPH_WORDS", "PARTS", "Filters", "Found", "Hit", "search"]
