"""Three ways to find the paragraphs of a large library that read nearly like a given one, measured.

1. The sketch table (`drafter.library.near`): the 6 smallest trigram hashes of each distinct wording
   in a SQLite table; candidates share two (one for a short wording), and each candidate wording is
   checked once with rapidfuzz.
2. FTS5 candidates: the paragraph's 8 rarest words (document frequencies from `fts5vocab`), the
   best 200 paragraphs holding any of them by BM25, checked with rapidfuzz.
3. datasketch's MinHash LSH (64 permutations, threshold 0.5) over the same trigrams, in memory: built
   on the first (the oldest) `LSH_DOCUMENTS` documents only (its build time and memory grow with the library: both
   are scaled up to the whole), candidates checked with rapidfuzz.

Recall is measured against an exhaustive search: every paragraph of the library compared with each
query by rapidfuzz (words turned into characters, `process.cdist`). Every method reads the candidates'
matching forms from the library's `wordings` table.
"""

from __future__ import annotations

import re
import sqlite3
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Indel

from drafter.library import matching
from drafter.library.index import labelled_paragraphs
from drafter.library.store import FILE_NAME, PARAGRAPH_BITS
from drafter.library.vocabulary import Vocabulary
from tests.corpus import CORPUS, TEXTS, load

QUERIES = 60
LSH_DOCUMENTS = 1000
_FTS_TOKEN = re.compile(r"\w+")


def _queries() -> list[str]:
    """All paragraphs of A/RES/76/159 and the first of A/RES/80/5, then others of the corpus."""
    texts = [text for _l, _p, text, _para in labelled_paragraphs(load(CORPUS / "A-RES-76-159.txt"))]
    texts += [text for _l, _p, text, _para in labelled_paragraphs(load(CORPUS / "A-RES-80-5.txt"))][:20]
    for path in TEXTS[::5]:
        texts += [text for _l, _p, text, _para in labelled_paragraphs(load(path))][:2]
    return [text for text in texts if len(matching.words(text)) >= 5][:QUERIES]


def _truth(conn: sqlite3.Connection, queries: list[str], vocabulary: Vocabulary) -> list[set[int]]:
    ids: list[int] = []
    encoded: list[str] = []
    forms = dict(conn.execute("SELECT masked, form FROM wordings"))  # one character a word already
    for para, masked in conn.execute("SELECT id, masked FROM paragraphs"):
        ids.append(para)
        encoded.append(forms[masked])
    wanted = [vocabulary.encode(matching.masked(matching.words(text))) for text in queries]
    scores = process.cdist(wanted, encoded, scorer=Indel.normalized_similarity, score_cutoff=matching.NEAR,
                           workers=1)
    return [{ids[column] for column in row.nonzero()[0]} for row in scores]


def _recall(found: list[set[int]], truth: list[set[int]]) -> float:
    wanted = sum(len(t) for t in truth)
    return sum(len(f & t) for f, t in zip(found, truth, strict=True)) / max(1, wanted)


def _checked(conn: sqlite3.Connection, vocabulary: Vocabulary, query: str, candidates: set[int]) -> set[int]:
    """The candidate paragraphs that are near the query (their matching form read from the library)."""
    tokens = vocabulary.encode(matching.masked(matching.words(query)))
    out: set[int] = set()
    marks = ",".join("?" * len(candidates))
    for para, form in conn.execute(f"SELECT p.id, w.form FROM paragraphs p JOIN wordings w ON w.masked = p.masked "
                                   f"WHERE p.id IN ({marks})", list(candidates)):
        if matching.similarity(tokens, form, matching.NEAR):
            out.add(para)
    return out


def _paragraphs(conn: sqlite3.Connection, wordings: list[int]) -> set[int]:
    marks = ",".join("?" * len(wordings))
    return {para for (para,) in conn.execute(f"SELECT id FROM paragraphs WHERE masked IN ({marks})", wordings)}


def _fts(conn: sqlite3.Connection, vocabulary: Vocabulary, queries: list[str]) -> tuple[list[set[int]], float]:
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, text_index, row)")
    found: list[set[int]] = []
    start = time.process_time()
    for query in queries:
        tokens = sorted(set(token.lower() for token in _FTS_TOKEN.findall(query)))
        frequency = {term: count for term, count in conn.execute(
            f"SELECT term, doc FROM temp.vocabulary WHERE term IN ({','.join('?' * len(tokens))})", tokens)}
        rare = sorted(tokens, key=lambda token: frequency.get(token, 0))[:8]
        match = " OR ".join(f'"{token}"' for token in rare)
        candidates = {row[0] for row in conn.execute(
            "SELECT rowid FROM text_index WHERE text_index MATCH ? ORDER BY rank LIMIT 200", (match,))}
        found.append(_checked(conn, vocabulary, query, candidates) if candidates else set())
    return found, (time.process_time() - start) / len(queries)


def _shingles(form: str) -> set[bytes]:
    """The word trigrams of a matching form (one character a word)."""
    if len(form) < 3:
        return {form.encode()}
    return {form[index:index + 3].encode() for index in range(len(form) - 2)}


def _lsh(conn: sqlite3.Connection, vocabulary: Vocabulary, queries: list[str]) -> dict[str, Any]:
    from datasketch import MinHash, MinHashLSH

    last = conn.execute("SELECT id FROM documents ORDER BY id LIMIT 1 OFFSET ?", (LSH_DOCUMENTS - 1,)).fetchone()[0]
    limit = (last + 1) << PARAGRAPH_BITS  # the paragraphs of the first LSH_DOCUMENTS documents (the oldest)
    rows = conn.execute("SELECT p.id, w.form FROM paragraphs p JOIN wordings w ON w.masked = p.masked "
                        "WHERE p.id < ?", (limit,)).fetchall()
    total = conn.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
    tracemalloc.start()
    start = time.process_time()
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    for para, form in rows:
        sketch = MinHash(num_perm=64)
        sketch.update_batch(list(_shingles(form)))
        lsh.insert(para, sketch, check_duplication=False)
    build = time.process_time() - start
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    found: list[set[int]] = []
    start = time.process_time()
    for query in queries:
        sketch = MinHash(num_perm=64)
        sketch.update_batch(list(_shingles(vocabulary.encode(matching.masked(matching.words(query))))))
        candidates = set(lsh.query(sketch))
        found.append(_checked(conn, vocabulary, query, candidates) if candidates else set())
    per_query = (time.process_time() - start) / len(queries)
    scale = total / max(1, len(rows))
    return {"paragraphs": len(rows), "build_s": build, "memory_mb": memory / 2**20, "found": found, "limit": limit,
            "per_query_ms": per_query * 1000, "scaled_build_s": build * scale,
            "scaled_memory_mb": memory / 2**20 * scale}


def compare_methods(folder: Path, near: Callable[..., Any]) -> dict[str, Any]:
    conn = sqlite3.connect(folder / FILE_NAME)
    conn.execute("PRAGMA cache_size=-65536")  # as the library sets it
    vocabulary = Vocabulary()
    vocabulary.learn(conn.execute("SELECT id, word FROM vocabulary"))
    queries = _queries()
    print(f"near-duplicate methods, {len(queries)} paragraphs, similarity ≥ {matching.NEAR} "
          "(recall against an exhaustive search; the exhaustive search itself takes a while) …", flush=True)
    start = time.process_time()
    truth = _truth(conn, queries, vocabulary)
    exhaustive = time.process_time() - start
    start = time.process_time()
    found = [[w.masked for w in near(conn, vocabulary, matching.words(query), matching.NEAR)] for query in queries]
    sketch_ms = (time.process_time() - start) / len(queries) * 1000
    sketch = [_paragraphs(conn, wordings) for wordings in found]
    fts, fts_s = _fts(conn, vocabulary, queries)
    try:
        lsh = _lsh(conn, vocabulary, queries)
    except ImportError:
        print("  datasketch is not installed (pip install -e '.[bench]'): MinHash LSH left out")
        lsh = {"paragraphs": 0, "build_s": 0.0, "memory_mb": 0.0, "found": [set() for _ in queries], "limit": 0,
               "per_query_ms": 0.0, "scaled_build_s": 0.0, "scaled_memory_mb": 0.0}
    inside = [{para for para in t if para < lsh["limit"]} for t in truth]
    sketch_inside = [{para for para in found if para < lsh["limit"]} for found in sketch]
    size = sum(row[0] for row in conn.execute("SELECT pgsize FROM dbstat WHERE name IN ('sketch', 'wordings')")) \
        if _has_dbstat(conn) else 0
    out = {
        "queries": len(queries), "near_copies": sum(len(t) for t in truth), "exhaustive_s": exhaustive,
        "sketch": {"ms": sketch_ms, "recall": _recall(sketch, truth), "recall_part": _recall(sketch_inside, inside),
                   "table_mb": size / 2**20},
        "fts5": {"ms": fts_s * 1000, "recall": _recall(fts, truth)},
        "lsh": {"ms": lsh["per_query_ms"], "recall_part": _recall(lsh["found"], inside), "part": lsh["paragraphs"],
                "build_s": lsh["build_s"], "memory_mb": lsh["memory_mb"], "scaled_build_s": lsh["scaled_build_s"],
                "scaled_memory_mb": lsh["scaled_memory_mb"]},
    }
    print(f"  exhaustive search: {out['near_copies']} near copies, {exhaustive:.0f} s CPU")
    print(f"  sketch table in SQLite + rapidfuzz: {sketch_ms:.2f} ms CPU per paragraph, recall "
          f"{out['sketch']['recall']:.3f} (on the first {LSH_DOCUMENTS} documents {out['sketch']['recall_part']:.3f}), "
          f"no memory beyond SQLite's cache, {size / 2**20:.0f} MB on disk (sketch and wordings)")
    print(f"  FTS5 rarest words + rapidfuzz:      {fts_s * 1000:.2f} ms CPU per paragraph, recall "
          f"{out['fts5']['recall']:.3f}")
    print(f"  datasketch MinHash LSH + rapidfuzz: {lsh['per_query_ms']:.2f} ms CPU per paragraph, recall "
          f"{out['lsh']['recall_part']:.3f} on the first {LSH_DOCUMENTS} documents ({lsh['paragraphs']} paragraphs): "
          f"built in {lsh['build_s']:.1f} s CPU, {lsh['memory_mb']:.0f} MB; for the whole library about "
          f"{lsh['scaled_build_s']:.0f} s and {lsh['scaled_memory_mb']:.0f} MB at every start")
    conn.close()
    return out


def _has_dbstat(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.Error:
        return False
    return True
