"""The provenance of paragraphs: which adopted texts hold each wording, verbatim or nearly.

For a paragraph: its sources (the documents that hold it verbatim or nearly, at least
`matching.NEAR` alike, one paragraph per document, verbatim first, then the most alike, then the
latest), the earliest and the latest of them, and the word ops that turn the nearest wording into
this one. Its status: "verbatim" (some source holds the same words), "edited" (only near ones),
"new" (none; `nearest` is then the closest wording at least `CLOSE` alike, if any).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.compare.changes import Op
from drafter.library import matching
from drafter.library.near import Match, near, texts
from drafter.library.ops import added, removed, word_ops
from drafter.library.store import DocumentInfo

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
    uses: int = 0  # documents that hold it verbatim or nearly
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


def _one_per_document(matches: list[Match]) -> list[Match]:
    seen: set[int] = set()
    out: list[Match] = []
    for match in matches:
        if match.doc not in seen:
            seen.add(match.doc)
            out.append(match)
    return out


def trace(conn: sqlite3.Connection, documents: dict[int, DocumentInfo], paragraphs: Sequence[str],
          excluded: Collection[int] = ()) -> list[Provenance]:
    """The provenance of each paragraph text, in order; `excluded` documents are never sources."""
    found: list[tuple[str, list[Match], list[Match]]] = []
    for text in paragraphs:
        matches = [m for m in near(conn, matching.words(text), CLOSE, excluded) if m.doc in documents]
        sources = _one_per_document([m for m in matches if m.similarity >= matching.NEAR])
        found.append((text, sources, matches))
    picked = {m.para for _text, sources, matches in found for m in _shown(sources, matches)}
    rows = texts(conn, picked, "label, text")
    out: list[Provenance] = []
    for text, sources, matches in found:
        def source(match: Match) -> Source:
            doc = documents[match.doc]
            label, wording = rows[match.para]
            return Source(doc.symbol, label, match.date, match.similarity, match.verbatim, wording, doc.path)

        status = VERBATIM if sources and sources[0].verbatim else EDITED if sources else NEW
        result = Provenance(text, status, len(sources), [source(m) for m in sources[:SOURCES]])
        if sources:
            dated = [m for m in sources if m.date] or sources
            result.earliest = source(min(dated, key=lambda m: m.date))
            result.latest = source(max(dated, key=lambda m: m.date))
            result.nearest = result.sources[0]
        elif matches:
            result.nearest = source(matches[0])
        if result.nearest is not None:
            result.ops = word_ops(result.nearest.text, text)
        out.append(result)
    return out


def _shown(sources: list[Match], matches: list[Match]) -> list[Match]:
    """The matches whose label and text a provenance shows."""
    if not sources:
        return matches[:1]
    dated = [m for m in sources if m.date] or sources
    return [*sources[:SOURCES], min(dated, key=lambda m: m.date), max(dated, key=lambda m: m.date)]


__all__ = ["CLOSE", "EDITED", "NEW", "SOURCES", "VERBATIM", "Provenance", "Source", "excluded_documents", "trace"]
