"""Searching the library: exact phrases, all words, and whole paragraphs that read nearly alike.

A search is one query string. Its hits, best first:
1. "exact": paragraphs that hold the words of the query as a phrase (case, accents and punctuation
   aside), the latest first; `uses` counts the documents that hold it and `latest` is the latest hit.
   A phrase of common words ("of the") is counted for `COUNT_SECONDS` only: `counted` is then False
   and `uses` a lower bound (the hits are the latest all the same: ids run in date order).
2. "near", while hits are missing: for a query of `NEAR_WORDS` words or more, the paragraphs whose
   wording is at least `NEAR_SEARCH` alike (`drafter.library.near`), the most alike first; for a
   shorter one, paragraphs that hold all the words in any order, by the share of the query's words
   they hold in order.
A query of `PARAGRAPH_WORDS` words or more is a whole paragraph: the hits are the paragraphs whose
wording is near it, those that hold it word for word ("exact") first.
Filters: organ (part of its name), since a year, lead phrase (a word of it), part.
"""

from __future__ import annotations

import datetime
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from drafter.library import matching
from drafter.library.near import holders, near, rows
from drafter.library.store import (
    DAY_BITS,
    PARAGRAPH_BITS,
    PARTS,
    POSITION_BITS,
    DocumentInfo,
    LibraryError,
    document_of,
)
from drafter.library.vocabulary import Vocabulary

NEAR_WORDS = 8  # a query this long is also looked for as a whole paragraph (and not as scattered words) …
PARAGRAPH_WORDS = 20  # … and one this long only as a paragraph
COUNT_SECONDS = 0.02  # the time the uses of a phrase are counted in (and past which no near hits are added)
ALL_WORDS = 5  # paragraphs with all the words read per hit wanted
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

    def columns(self) -> str:
        """The columns a full-text scan reads: the id, and the lead phrase when one is asked for."""
        return "rowid, lead" if self.lead else "rowid, ''"

    def rowids(self) -> str:
        """The condition on paragraph ids for the year asked for: ids run in date order
        (`store.document_id`), so that the full-text index skips the older ones by itself."""
        if self.since is None:
            return ""
        first = datetime.date(min(max(self.since, 1), 9999), 1, 1).toordinal()
        return f" AND rowid >= {first << (DAY_BITS + PARAGRAPH_BITS)}"

    def admits_id(self, paragraph: int, lead: str) -> bool:
        """Whether a paragraph is in the part (its id holds it, `store.paragraph_id`) and has the lead asked
        for. Checked as the rows come rather than in SQL, so that a search of a rare part or lead stops at
        its deadline (a condition in SQL is met inside one step of the full-text index)."""
        if self.part and (paragraph >> POSITION_BITS) & 3 != PARTS.index(self.part):
            return False
        return self.admits_lead(lead)

    def admits_paragraph(self, part: str, lead: str) -> bool:
        return not (self.part and part != self.part) and self.admits_lead(lead)

    def admits_lead(self, lead: str) -> bool:
        """Whether the words of the lead asked for stand in `lead` as a phrase (case and accents aside)."""
        wanted = self._lead_words
        return not wanted or f" {wanted} " in f" {_plain_words(lead)} "

    @cached_property
    def _lead_words(self) -> str:
        return _plain_words(self.lead)


def _plain_words(text: str) -> str:
    """The words of a text, lower case and without accents, one space apart (as the full-text index reads)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    return " ".join(_FTS_TOKEN.findall(plain.casefold()))


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
    # documents that hold the query as a phrase (at least so many, when not `counted`); for a whole
    # paragraph, paragraphs that hold it verbatim or nearly
    uses: int
    latest: Hit | None
    results: list[Hit]
    counted: bool = True  # False: a phrase of common words, not counted to the end (`COUNT_SECONDS`)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "uses": self.uses, "counted": self.counted,
                "latest": self.latest.to_dict() if self.latest else None,
                "results": [hit.to_dict() for hit in self.results]}


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
    if len(tokens) >= PARAGRAPH_WORDS:
        return _paragraph(conn, documents, vocabulary, query, tokens, filters, limit)
    phrase = f"text : ({_phrase(tokens)})"
    deadline = time.perf_counter() + COUNT_SECONDS
    chosen, uses, complete = _holding(conn, documents, phrase, filters, limit, deadline)
    found = rows(conn, "paragraphs", "id", chosen, "label, text")
    hits: list[Hit] = []
    for para in chosen:
        doc = documents[document_of(para)]
        label, text = found[para]
        hits.append(Hit(doc.symbol, doc.date, label, text, 1.0, "exact", _spans(text, tokens, True), doc.path))
    seen = set(chosen)
    result = Found(query, uses, hits[0] if hits else None, hits, complete)
    if hits and time.perf_counter() > deadline:  # the phrase's own uses are the answer; the rest would be late
        return result
    if len(tokens) >= NEAR_WORDS and len(hits) < limit:
        extra = _paragraph(conn, documents, vocabulary, query, tokens, filters, limit).results
        hits += [hit for hit in extra if hit.match == "near" and (hit.symbol, hit.label) not in
                 {(seen_hit.symbol, seen_hit.label) for seen_hit in hits}][:limit - len(hits)]
    elif len(tokens) > 1 and len(hits) < limit:
        _add_all_words(conn, documents, tokens, filters, limit, hits, seen)
    return result


def _holding(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], phrase: str, filters: Filters,
             limit: int, deadline: float) -> tuple[list[int], int, bool]:
    """The latest `limit` paragraphs that match (paragraph ids run in date order, `store.document_id`), how
    many documents match, and whether all were counted within `COUNT_SECONDS` (a phrase of common words,
    "of the", is held by half the library: it is then counted as far as time allows)."""
    chosen: list[int] = []
    counted: set[int] = set()
    cursor = conn.execute(f"SELECT {filters.columns()} FROM text_index WHERE text_index MATCH ?{filters.rowids()} "
                          "ORDER BY rowid DESC", (phrase,))
    while batch := cursor.fetchmany(64):
        for para, lead in batch:
            if not filters.admits_id(para, lead):
                continue
            doc = para >> PARAGRAPH_BITS
            if doc not in counted:
                info = documents.get(doc)
                if info is None or not filters.admits(info):
                    continue
                counted.add(doc)
            if len(chosen) < limit:
                chosen.append(para)
        if time.perf_counter() > deadline:
            cursor.close()
            return chosen, len(counted), False
    return chosen, len(counted), True


def _paragraph(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], vocabulary: Vocabulary, query: str,
               tokens: list[str], filters: Filters, limit: int) -> Found:
    """A whole paragraph looked for: the paragraphs whose wording is near it, those that hold it word for
    word ("exact") first; `uses` counts the paragraphs at least `matching.NEAR` alike, as provenance
    does. (A full-text phrase of fifty words, "the" and "of" among them, takes FTS5 far longer.)"""
    wordings = near(conn, vocabulary, matching.words(query), NEAR_SEARCH)
    hits: list[Hit] = []
    for wording in wordings:
        if len(hits) >= limit:
            break
        held = [para for para, _date in holders(conn, wording.masked, 4 * limit)]
        found = rows(conn, "paragraphs", "id", held, "label, text, part, lead")
        for para in held:
            doc = documents.get(document_of(para))
            label, text, part, lead = found[para]
            if doc is None or not filters.admits(doc) or not filters.admits_paragraph(part, lead):
                continue
            spans = _spans(text, tokens, True)
            hits.append(Hit(doc.symbol, doc.date, label, text, 1.0 if spans else wording.similarity,
                            "exact" if spans else "near", spans, doc.path))
            if len(hits) >= limit:
                break
    hits.sort(key=lambda hit: hit.match != "exact")  # stable: each group keeps its order
    sources = [wording for wording in wordings if wording.similarity >= matching.NEAR]
    latest = None
    if sources:
        para = max(sources, key=lambda wording: wording.last_date).last
        label, text = rows(conn, "paragraphs", "id", [para], "label, text")[para]
        doc = documents[document_of(para)]
        latest = Hit(doc.symbol, doc.date, label, text, 1.0, "near", _spans(text, tokens, True), doc.path)
    return Found(query, sum(wording.held for wording in sources), latest, hits)


def _add_all_words(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], tokens: list[str],
                   filters: Filters, limit: int, hits: list[Hit], seen: set[int]) -> None:
    """Paragraphs with all the words, scored by the share of the query's words they hold in order (halved:
    below any exact hit and most near paragraphs). Taken from the last added, `ALL_WORDS` × `limit` at most,
    read for `COUNT_SECONDS` at most: ranking every paragraph that holds "of" and "States", or looking
    through them all for the few of a part, would take longer than the search may."""
    most = ALL_WORDS * limit
    found: list[int] = []
    deadline = time.perf_counter() + COUNT_SECONDS
    words = " ".join(_phrase([token]) for token in tokens)
    cursor = conn.execute(f"SELECT {filters.columns()} FROM text_index WHERE text_index MATCH ?{filters.rowids()} "
                          "ORDER BY rowid DESC", (f"text : ({words})",))
    while len(found) < most and (batch := cursor.fetchmany(64)):
        found += [para for para, lead in batch if para not in seen and filters.admits_id(para, lead)
                  and document_of(para) in documents and filters.admits(documents[document_of(para)])]
        if time.perf_counter() > deadline:
            break
    cursor.close()
    found = found[:most]
    info = rows(conn, "paragraphs", "id", found, "label, text")
    wanted = [token.lower() for token in tokens]
    scored = list(found)  # the latest first: ids run in date order
    shares = {para: matching.in_order(wanted, [t.lower() for t in _FTS_TOKEN.findall(info[para][1])])
              for para in scored}
    scored.sort(key=shares.__getitem__, reverse=True)
    for para in scored[:limit - len(hits)]:
        doc = documents[document_of(para)]
        label, text = info[para]
        seen.add(para)
        hits.append(Hit(doc.symbol, doc.date, label, text, 0.5 * shares[para], "near", _spans(text, tokens, False),
                        doc.path))


__all__ = ["NEAR_SEARCH", "NEAR_WORDS", "PARAGRAPH_WORDS", "PARTS", "Filters", "Found", "Hit", "search"]
