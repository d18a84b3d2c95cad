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
from drafter.library.near import holders, near, rows
from drafter.library.store import (
    PARAGRAPH_BITS,
    PARTS,
    POSITION_BITS,
    DocumentInfo,
    LibraryError,
    document_of,
    paragraph_ids,
)
from drafter.library.vocabulary import Vocabulary

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

    def match(self, query: str) -> str:
        """An FTS5 query on the paragraphs' text, with the lead phrase asked for."""
        out = f"text : ({query})"
        lead = _FTS_TOKEN.findall(self.lead)
        if lead:
            out += f" AND lead : {_phrase(lead)}"
        return out

    def rowids(self, rowid: str = "rowid") -> str:
        """The condition on paragraph ids for the part asked for (the part is in the id, `store.paragraph_id`)."""
        if not self.part:
            return ""
        return f" AND ({rowid} >> {POSITION_BITS}) & 3 = {PARTS.index(self.part)}"

    def admits_paragraph(self, part: str, lead: str) -> bool:
        if self.part and part != self.part:
            return False
        wanted = " ".join(_FTS_TOKEN.findall(self.lead.lower()))
        return not wanted or f" {wanted} " in f" {' '.join(_FTS_TOKEN.findall(lead.lower()))} "


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


def search(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], vocabulary: Vocabulary, query: str,
           filters: Filters, limit: int = 20) -> Found:
    """The hits for `query`, best first (see the module's docstring)."""
    tokens = _FTS_TOKEN.findall(query)
    if not tokens:
        raise LibraryError(f"nothing to search for in {query!r}: give some words")
    if filters.part and filters.part not in PARTS:
        raise LibraryError(f"--part must be one of {', '.join(PARTS)}, not {filters.part!r}")
    limit = max(1, limit)
    phrase = filters.match(_phrase(tokens))
    docs = [documents[doc] for (doc,) in conn.execute(
        f"SELECT DISTINCT rowid >> {PARAGRAPH_BITS} FROM text_index WHERE text_index MATCH ?{filters.rowids()}",
        (phrase,)) if doc in documents]
    docs = [doc for doc in docs if filters.admits(doc)]
    docs.sort(key=lambda doc: (doc.date, _natural(doc.symbol)), reverse=True)
    hits: list[Hit] = []
    seen: set[int] = set()
    for doc in docs:
        if len(hits) >= limit:
            break
        low, high = paragraph_ids(doc.id)
        found = conn.execute(
            "SELECT p.id, p.label, p.text FROM text_index t JOIN paragraphs p ON p.id = t.rowid "
            f"WHERE text_index MATCH ? AND t.rowid >= ? AND t.rowid < ?{filters.rowids('t.rowid')} ORDER BY t.rowid",
            (phrase, low, high))
        for para, label, text in found.fetchall()[:limit - len(hits)]:
            seen.add(para)
            hits.append(Hit(doc.symbol, doc.date, label, text, 1.0, "exact", _spans(text, tokens, True), doc.path))
    result = Found(query, len(docs), hits[0] if hits else None, hits)
    if len(tokens) >= PARAGRAPH_WORDS and len(hits) < limit:
        _add_near(conn, documents, vocabulary, query, filters, limit, hits, seen)
    if len(tokens) > 1 and len(hits) < limit:
        _add_all_words(conn, documents, tokens, filters, limit, hits, seen)
    return result


def _add_near(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], vocabulary: Vocabulary, query: str,
              filters: Filters, limit: int, hits: list[Hit], seen: set[int]) -> None:
    for wording in near(conn, vocabulary, matching.words(query), NEAR_SEARCH):
        held = [para for para, _date in holders(conn, wording.masked, 4 * limit, seen)]
        found = rows(conn, "paragraphs", "id", held, "label, text, part, lead")
        for para in held:
            doc = documents.get(document_of(para))
            label, text, part, lead = found[para]
            if doc is None or not filters.admits(doc) or not filters.admits_paragraph(part, lead):
                continue
            seen.add(para)
            hits.append(Hit(doc.symbol, doc.date, label, text, wording.similarity, "near", [], doc.path))
            if len(hits) >= limit:
                return


def _add_all_words(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], tokens: list[str],
                   filters: Filters, limit: int, hits: list[Hit], seen: set[int]) -> None:
    found = conn.execute(
        "SELECT p.id, p.label, p.text, t.rank FROM text_index t JOIN paragraphs p ON p.id = t.rowid "
        f"WHERE text_index MATCH ?{filters.rowids('t.rowid')} ORDER BY t.rank LIMIT ?",
        (filters.match(" ".join(_phrase([token]) for token in tokens)), 10 * limit)).fetchall()
    best = found[0][3] if found and found[0][3] else -1.0
    for para, label, text, rank in found:
        if len(hits) >= limit:
            return
        doc = documents.get(document_of(para))
        if para in seen or doc is None or not filters.admits(doc):
            continue
        seen.add(para)
        score = 0.5 * (rank / best if best else 1.0)
        hits.append(Hit(doc.symbol, doc.date, label, text, score, "near", _spans(text, tokens, False), doc.path))


__all__ = ["NEAR_SEARCH", "PARAGRAPH_WORDS", "PARTS", "Filters", "Found", "Hit", "search"]
