"""The library's database: one SQLite file with a full-text index (FTS5), and its failures in words.

Tables: `documents` (one row per file added: its content hash, symbol, organ, date of adoption,
session, title, agenda item, series, the resolutions it recalls and the reader's warnings);
`paragraphs` (one per paragraph and sub-paragraph: label, part, lead phrase, text, footnotes, and the
hashes of `drafter.library.matching`; its id tells its document and part (`paragraph_id`), so that a
full-text hit names them without a join, and a document's paragraphs are a range of ids);
`wordings` (one per distinct wording, numbers masked: its matching form, how many paragraphs hold it,
the earliest and the latest of them), so that a wording repeated in a thousand resolutions is
checked once; `sketch` (hash → wording, to find near wordings); `vocabulary` (word → the number that
makes it one character of a wording's matching form); `text_index` (FTS5 over the paragraphs' text
and lead phrase, external content).

The file is opened in WAL mode: searches go on while another process adds files. Every operation
checks first that the file is still the one that was opened (a library deleted or replaced while in
use), and turns SQLite's errors into a `LibraryError` of one line.
"""

from __future__ import annotations

import datetime
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError
from drafter.library.vocabulary import Vocabulary

log = logging.getLogger(__name__)

FILE_NAME = "library.sqlite"
SCHEMA_VERSION = 1
PARTS = ("preamble", "operative", "annex")  # the parts a paragraph is in
CACHE_KIB = 65536  # SQLite's page cache: the wordings and their sketch of a large library stay in memory
# a paragraph's id is (document id << PARAGRAPH_BITS) + (its part's number << POSITION_BITS) + its position in
# the part: ids run in date order (`document_id`), then in reading order, and a full-text hit tells its
# document and its part without a join
PARAGRAPH_BITS = 16
POSITION_BITS = 14
MAX_PARAGRAPHS = 1 << POSITION_BITS  # in one part

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    symbol TEXT NOT NULL,
    number TEXT NOT NULL,
    organ TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    date TEXT NOT NULL,
    year INTEGER,
    session TEXT NOT NULL,
    title TEXT NOT NULL,
    agenda TEXT NOT NULL,
    title_key TEXT NOT NULL,
    recalls TEXT NOT NULL,
    series INTEGER,
    paragraphs INTEGER NOT NULL,
    warnings TEXT NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_symbol ON documents(symbol);
CREATE INDEX IF NOT EXISTS documents_series ON documents(series, date);
CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    part TEXT NOT NULL,
    lead TEXT NOT NULL,
    text TEXT NOT NULL,
    footnotes TEXT NOT NULL,
    exact INTEGER NOT NULL,
    masked INTEGER NOT NULL,
    date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_exact ON paragraphs(exact, date);
CREATE INDEX IF NOT EXISTS paragraphs_masked ON paragraphs(masked, date);
CREATE TABLE IF NOT EXISTS wordings (
    masked INTEGER PRIMARY KEY,
    words INTEGER NOT NULL,
    form TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_date TEXT NOT NULL,
    first_para INTEGER NOT NULL,
    last_date TEXT NOT NULL,
    last_para INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sketch (
    h INTEGER NOT NULL,
    masked INTEGER NOT NULL,
    words INTEGER NOT NULL,
    PRIMARY KEY (h, masked)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS vocabulary (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE IF NOT EXISTS text_index USING fts5(
    text, lead, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
"""


class LibraryError(DrafterError):
    """The library cannot do what was asked; the message is one line that says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


class LibraryLocked(LibraryError):
    """Another program holds the library's write lock."""


class LibraryGone(LibraryError):
    """The library's file was deleted or replaced while it was open."""


@dataclass(frozen=True)
class DocumentInfo:
    """What a search or a provenance needs of a document, kept in memory (a few hundred bytes each)."""

    id: int
    symbol: str
    organ: str
    date: str
    year: int | None
    hash: str
    path: str
    series: int | None
    order: str = ""  # sorts by date, then by symbol in number order (A/RES/80/5 before A/RES/80/48)


class Store:
    """One open library file. Every use goes through `session()`, which serialises the threads."""

    def __init__(self, folder: Path, timeout: float = 5.0) -> None:
        self.folder = folder
        self.path = folder / FILE_NAME
        self.lock = threading.RLock()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{folder}: the library folder cannot be made ({exc.strerror or exc})") from exc
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(f"{self.path}: the library cannot be opened ({exc})") from exc
        self._identity = self._stat()
        self._documents: dict[int, DocumentInfo] | None = None
        self._vocabulary = Vocabulary()
        self._version = -1  # SQLite's data_version when what is kept in memory was read
        with self.session("open the library", follow=False) as conn:
            self._prepare(conn)

    # --- the connection ---------------------------------------------------------------------------
    def _stat(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self.path)
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def _prepare(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryError(f"{self.path}: this library was made by a newer version of Drafter "
                               f"(library format {version}); update Drafter to use it")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys=OFF")
        if version < SCHEMA_VERSION:
            conn.executescript(f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA user_version={SCHEMA_VERSION};COMMIT;")

    @contextmanager
    def session(self, doing: str, follow: bool = True) -> Iterator[sqlite3.Connection]:
        """The connection, for one operation (`doing` names it in an error), errors turned into words."""
        with self.lock:
            conn = self._conn
            if conn is None:
                raise LibraryError(f"{self.path}: the library is closed; open it again to {doing}")
            if self._stat() != self._identity:
                raise LibraryGone(f"{self.path}: the library was deleted or replaced while in use; "
                                  f"open it again (a new, empty one is made if it is gone) to {doing}")
            try:
                if follow:
                    self._follow(conn)
                yield conn
            except sqlite3.OperationalError as exc:
                self._rollback()
                raise self._translate(exc, doing) from exc
            except sqlite3.DatabaseError as exc:
                self._rollback()
                raise LibraryError(f"{self.path}: cannot {doing}: the file is damaged or is not a Drafter "
                                   f"library ({exc}); move it away and add the texts again") from exc
            except BaseException:
                self._rollback()
                raise

    def _follow(self, conn: sqlite3.Connection) -> None:
        """Read again what is kept in memory when another program changed the library."""
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._version = version
            self._documents = None
            self._vocabulary.learn(conn.execute("SELECT id, word FROM vocabulary WHERE id > ?",
                                                (self._vocabulary.last,)))

    def _rollback(self) -> None:
        self._documents = None
        self._vocabulary = Vocabulary()  # words learnt in the transaction are gone with it
        self._version = -1
        if self._conn is not None and self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error as exc:  # the error that brought us here says more
                log.info("rollback failed: %s", exc)

    def _translate(self, exc: sqlite3.OperationalError, doing: str) -> LibraryError:
        message = str(exc)
        if "locked" in message or "busy" in message:
            return LibraryLocked(f"{self.path}: cannot {doing}: another program is changing the library "
                                 "(it holds the write lock); try again when it has finished")
        if "readonly" in message or "read-only" in message:
            return LibraryError(f"{self.path}: cannot {doing}: the library is read-only here; "
                                "choose another folder with --library DIR")
        if "disk" in message and "full" in message:
            return LibraryError(f"{self.path}: cannot {doing}: the disk is full; free some space and try again")
        if self._stat() != self._identity:
            return LibraryGone(f"{self.path}: the library was deleted or replaced while in use; open it again")
        if "no such table" in message or "malformed" in message:
            return LibraryError(f"{self.path}: cannot {doing}: the file is damaged or is not a Drafter library "
                                f"({message}); move it away and add the texts again")
        return LibraryError(f"{self.path}: cannot {doing} ({message})")

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # --- what is kept in memory ---------------------------------------------------------------
    def documents(self, conn: sqlite3.Connection) -> dict[int, DocumentInfo]:
        """Every document by id (read once, kept until the library changes)."""
        if self._documents is None:
            rows = conn.execute("SELECT id, symbol, organ, date, year, hash, path, series FROM documents")
            self._documents = {doc: DocumentInfo(doc, symbol, organ, date, year, digest, path, series,
                                                 f"{date} {_natural(symbol)}")
                               for doc, symbol, organ, date, year, digest, path, series in rows}
        return self._documents

    def changed(self) -> None:
        """Forget what is kept in memory: documents were added or removed."""
        self._documents = None

    def vocabulary(self, conn: sqlite3.Connection) -> Vocabulary:
        """The library's words (inside a write transaction: with those another program added meanwhile)."""
        if conn.in_transaction:
            self._vocabulary.learn(conn.execute("SELECT id, word FROM vocabulary WHERE id > ?",
                                                (self._vocabulary.last,)))
        return self._vocabulary


def _natural(symbol: str) -> str:
    """A symbol with its numbers padded, so that text order is number order."""
    return re.sub(r"\d+", lambda number: number.group().zfill(8), symbol)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error (the write lock is taken at the start)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def document_of(paragraph_id: int) -> int:
    return paragraph_id >> PARAGRAPH_BITS


DAY_BITS = 10  # texts of one day a document id tells apart


def document_id(conn: sqlite3.Connection, date: str) -> int:
    """A new document's id: its date's day number, then a serial of that day, so that ids (and so paragraph
    ids) run in date order whatever order texts are added in (an undated text counts as of day 0)."""
    day = datetime.date.fromisoformat(date).toordinal() if date else 0
    low = day << DAY_BITS
    last = conn.execute("SELECT MAX(id) FROM documents WHERE id >= ? AND id < ?", (low, low + (1 << DAY_BITS)))
    found = last.fetchone()[0]
    number = low if found is None else found + 1
    if number >= low + (1 << DAY_BITS):
        raise LibraryError(f"more than {1 << DAY_BITS} texts of {date or 'no date'} in the library")
    return number


def paragraph_id(doc: int, part: str, position: int) -> int:
    return (doc << PARAGRAPH_BITS) + (PARTS.index(part) << POSITION_BITS) + position


def part_of(paragraph: int) -> str:
    return PARTS[(paragraph >> POSITION_BITS) & 3]


def paragraph_ids(doc: int) -> tuple[int, int]:
    """The range of the ids of a document's paragraphs: `low <= id < high`."""
    return doc << PARAGRAPH_BITS, (doc + 1) << PARAGRAPH_BITS
