"""The provenance of paragraphs: which adopted texts hold each wording, verbatim or nearly.

For a paragraph: its sources (paragraphs that hold it verbatim or nearly, at least `matching.NEAR`
alike: the verbatim copies, the latest first, then each near wording by its latest paragraph, one
per document, `SOURCES` at most), how many paragraphs hold it, the earliest and the latest of them,
and the word ops that turn the nearest wording into this one. Its status: "verbatim" (some
paragraph holds the same words), "edited" (only near ones), "new" (none; `nearest` is then the
closest wording at least `CLOSE` alike, when the sketch finds one). The text itself, when it is in
the library, is left out (`excluded_documents`).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from drafter.compare.changes import Op
from drafter.library import matching
from drafter.library.index import UNDATED_FIRST
from drafter.library.near import Wording, holders, near, rows, verbatim
from drafter.library.ops import added, removed, word_ops
from drafter.library.store import DocumentInfo, document_of, paragraph_ids
from drafter.library.vocabulary import Vocabulary

CLOSE = 0.6  # the least similarity at which a new paragraph's closest wording is still named
VERBATIM, EDITED, NEW = "verbatim", "edited", "new"
SOURCES = 10  # sources listed per paragraph (the count of all is `uses`)


@dataclass
class Source:
    """A paragraph of the library that holds a wording."""

    symbol: str
    label: str
    date: str
    similarity: float
    verbatim: bool
    text: str
    path: str

    def to_dict(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "label": self.label, "date": self.date,
                "similarity": round(self.similarity, 3), "verbatim": self.verbatim}


@dataclass
class Provenance:
    """Where one wording comes from."""

    text: str
    status: str  # VERBATIM, EDITED or NEW
    uses: int = 0  # paragraphs of the library that hold it verbatim or nearly
    sources: list[Source] = field(default_factory=list)
    earliest: Source | None = None
    latest: Source | None = None
    nearest: Source | None = None
    ops: list[Op] = field(default_factory=list)  # nearest wording → this one

    @property
    def added(self) -> list[str]:
        return added(self.ops)

    @property
    def removed(self) -> list[str]:
        return removed(self.ops)

    def to_dict(self) -> dict[str, Any]:
        def one(source: Source | None) -> dict[str, Any] | None:
            return source.to_dict() if source is not None else None

        return {"status": self.status, "uses": self.uses, "sources": [s.to_dict() for s in self.sources],
                "earliest": one(self.earliest), "latest": one(self.latest), "nearest": one(self.nearest),
                "added": self.added, "removed": self.removed,
                "ops": [{"op": op.op, "text": op.text} for op in self.ops]}


def excluded_documents(documents: dict[int, DocumentInfo], symbols: Collection[str],
                       hashes: Collection[str]) -> set[int]:
    """The documents that are the text itself: by content hash or by symbol."""
    wanted = {symbol.strip() for symbol in symbols if symbol.strip()}
    return {doc.id for doc in documents.values() if doc.hash in hashes or (doc.symbol and doc.symbol in wanted)}


@dataclass
class _Found:
    """What the library holds of one paragraph, before its sources are read."""

    text: str
    exact: int
    sources: list[Wording]  # at least NEAR alike
    closest: Wording | None
    verbatim: list[tuple[int, str]]  # paragraphs with its very words, the latest first

    @cached_property
    def earliest(self) -> Wording | None:
        return min(self.sources, key=_first_date) if self.sources else None

    @cached_property
    def latest(self) -> Wording | None:
        return max(self.sources, key=_last_date) if self.sources else None

    @cached_property
    def listed(self) -> list[tuple[int, float]]:
        """(paragraph, similarity) of the sources to list: verbatim copies, then the nearest wordings, one
        per document."""
        seen: set[int] = set()
        unique: list[tuple[int, float]] = []
        candidates = itertools.chain(((para, 1.0) for para, _date in self.verbatim),
                                     ((w.last, w.similarity) for w in self.sources))
        for para, score in candidates:
            doc = document_of(para)
            if doc not in seen:
                seen.add(doc)
                unique.append((para, score))
                if len(unique) == SOURCES:
                    break
        return unique


def _first_date(wording: Wording) -> str:
    return wording.first_date


def _last_date(wording: Wording) -> str:
    return wording.last_date


class _Exclusions:
    """The paragraphs of the documents that are the text itself, by wording."""

    def __init__(self, conn: sqlite3.Connection, documents: Collection[int]) -> None:
        self.paragraphs: set[int] = set()
        self.by_wording: dict[int, set[int]] = {}
        for doc in documents:
            for para, masked in conn.execute("SELECT id, masked FROM paragraphs WHERE id >= ? AND id < ?",
                                             paragraph_ids(doc)):
                self.paragraphs.add(para)
                self.by_wording.setdefault(masked, set()).add(para)

    def apply(self, conn: sqlite3.Connection, wording: Wording) -> Wording | None:
        """The wording as the other documents hold it (None if only the text itself does)."""
        mine = self.by_wording.get(wording.masked)
        if not mine:
            return wording
        held = wording.held - len(mine)
        if held <= 0:
            return None
        first, first_date, last, last_date = wording.first, wording.first_date, wording.last, wording.last_date
        if first in mine:
            first, first_date = holders(conn, wording.masked, 1, mine, latest=False)[0]
            first_date = first_date or UNDATED_FIRST
        if last in mine:
            last, last_date = holders(conn, wording.masked, 1, mine)[0]
        return wording._replace(held=held, first=first, first_date=first_date, last=last, last_date=last_date)


def trace(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], vocabulary: Vocabulary,
          paragraphs: Sequence[str], excluded: Collection[int] = ()) -> list[Provenance]:
    """The provenance of each paragraph text, in order; `excluded` documents are never sources."""
    exclusions = _Exclusions(conn, excluded)
    found: list[_Found] = []
    for text in paragraphs:
        exact = matching.words(text)
        # the sources first; only a paragraph without any needs the wider (and slower) look for its closest
        held = [exclusions.apply(conn, wording) for wording in near(conn, vocabulary, exact, matching.NEAR)]
        if not any(held):
            held = [exclusions.apply(conn, wording) for wording in near(conn, vocabulary, exact, CLOSE)]
        wordings = [wording for wording in held if wording is not None]
        sources = [w for w in wordings if w.similarity >= matching.NEAR]
        digest = matching.digest(exact) if exact else 0
        copies = verbatim(conn, digest, SOURCES, exclusions.paragraphs) if sources else []
        found.append(_Found(text, digest, sources, wordings[0] if wordings else None, copies))
    shown: set[int] = set()
    for item in found:
        shown.update(para for para, _score in item.listed)
        shown.update(w.first for w in (item.earliest,) if w is not None)
        shown.update(w.last for w in (item.latest, item.closest) if w is not None)
    info = rows(conn, "paragraphs", "id", shown, "label, text, exact, date")
    return [_provenance(item, documents, info) for item in found]


def _provenance(item: _Found, documents: dict[int, DocumentInfo], info: dict[int, tuple]) -> Provenance:
    def source(para: int, similarity: float) -> Source:
        doc = documents[document_of(para)]
        label, text, exact, date = info[para]
        return Source(doc.symbol, label, date, similarity, exact == item.exact, text, doc.path)

    status = VERBATIM if item.verbatim else EDITED if item.sources else NEW
    result = Provenance(item.text, status, sum(w.held for w in item.sources),
                        [source(para, score) for para, score in item.listed])
    earliest, latest = item.earliest, item.latest
    if earliest is not None and latest is not None:
        result.earliest = source(earliest.first, earliest.similarity)
        result.latest = source(latest.last, latest.similarity)
    if result.sources:
        result.nearest = result.sources[0]
    elif item.closest is not None:
        result.nearest = source(item.closest.last, item.closest.similarity)
    if result.nearest is not None:
        result.ops = word_ops(result.nearest.text, item.text)
    return result


__all__ = ["CLOSE", "EDITED", "NEW", "SOURCES", "VERBATIM", "Provenance", "Source", "excluded_documents", "trace"]
