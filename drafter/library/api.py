"""`Library`: the library of adopted texts as one object (see the package's docstring for its use)."""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from drafter import inputs
from drafter.errors import DrafterError, ImportFailed
from drafter.library import index, series
from drafter.library.index import content_hash
from drafter.library.provenance import Provenance, excluded_documents, trace
from drafter.library.search import Filters, Found, search
from drafter.library.series import Member, Step
from drafter.library.store import FILE_NAME, LibraryError, Store, transaction
from drafter.model import Resolution

log = logging.getLogger(__name__)

ENVIRONMENT = "DRAFTER_LIBRARY"  # a folder that holds the library, instead of the user data folder
Progress = Callable[[int, int, str], None]  # files done, files in all, the file being read
BATCH_FILES = 50  # files read are stored together, in one transaction, this many at a time …
BATCH_SECONDS = 1.0  # … or after this long


def default_folder() -> Path:
    """Where the library lives: $DRAFTER_LIBRARY, else the user data folder (platformdirs)."""
    chosen = os.environ.get(ENVIRONMENT, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir("Drafter", appauthor=False)) / "library"


@dataclass
class Added:
    path: str
    symbol: str
    paragraphs: int
    warnings: list[str]


@dataclass
class AddReport:
    """What `add` did with each file: added, skipped (already there), failed (with the reason), and the
    files of other kinds found in folders."""

    added: list[Added] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)


@dataclass
class Document:
    """A document of the library, as `documents()` lists it."""

    symbol: str
    organ: str
    date: str
    session: str
    title: str
    agenda: str
    series: int | None
    path: str
    paragraphs: int
    warnings: list[str]


@dataclass
class Stats:
    documents: int
    paragraphs: int
    series: int
    size: int  # bytes on disk, the write-ahead log included
    path: str


@dataclass
class History:
    """A series, oldest first, and (when asked for) one paragraph's wording through it."""

    members: list[Member]
    paragraph: str = ""
    steps: list[Step] = field(default_factory=list)


class Library:
    """An open library. Safe to call from any thread: calls run one at a time."""

    def __init__(self, folder: str | Path | None = None, *, timeout: float = 5.0) -> None:
        self.folder = Path(folder).expanduser() if folder else default_folder()
        self._store = Store(self.folder, timeout)

    @property
    def path(self) -> Path:
        return self._store.path

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- adding and removing ------------------------------------------------------------------
    def add(self, paths: Iterable[str | Path], progress: Progress | None = None) -> AddReport:
        """Add files and folders (recursively). A file already in the library (by content) is skipped,
        and so is a text whose symbol is there already; a file that cannot be read is reported and the
        others go on. `progress` is called before each file and once at the end; an exception it raises
        stops the run (the files stored until then stay: they are stored every `BATCH_FILES` files or
        `BATCH_SECONDS` seconds, each batch in one short transaction)."""
        files, other = index.files_under(str(path) for path in paths)
        report = AddReport(other_files=other)
        pending: list[index.DocumentRecord] = []
        since = time.monotonic()
        for done, path in enumerate(files):
            if progress is not None:
                progress(done, len(files), path)
            record = self._read(path, report, {record.hash for record in pending})
            if record is not None:
                pending.append(record)
            if pending and (len(pending) >= BATCH_FILES or time.monotonic() - since > BATCH_SECONDS):
                self._store_all(pending, report)
                pending, since = [], time.monotonic()
        self._store_all(pending, report)
        if report.added:
            with self._store.session("group the texts into series") as conn, transaction(conn):
                series.assign(conn)
            self._store.changed()
        if progress is not None:
            progress(len(files), len(files), "")
        return report

    def add_samples(self, progress: Progress | None = None) -> AddReport:
        """Add the texts Drafter ships."""
        return self.add(index.samples(), progress)

    def _read(self, path: str, report: AddReport, pending: set[str]) -> index.DocumentRecord | None:
        """A file read and described, or None (and the reason in `report`)."""
        try:
            digest = content_hash(path)
        except OSError as exc:
            report.failed.append((path, f"cannot be read ({exc.strerror or exc})"))
            return None
        with self._store.session("look the file up") as conn:
            known = conn.execute("SELECT symbol, path FROM documents WHERE hash = ?", (digest,)).fetchone()
        if known is not None or digest in pending:
            report.skipped.append((path, f"already in the library as {known[0] or known[1]}" if known
                                   else "the same file was just added under another name"))
            return None
        try:
            record = index.describe(path, digest)
        except ImportFailed as exc:
            report.failed.append((path, exc.reason))
            return None
        except DrafterError as exc:
            report.failed.append((path, str(exc)))
            return None
        except Exception as exc:  # a reader's bug must not stop the run: the file is reported instead
            log.exception("reading %s", path)
            report.failed.append((path, f"could not be read ({type(exc).__name__}: {exc})"))
            return None
        if not record.paragraphs:
            report.failed.append((path, "no paragraphs were found in it"))
            return None
        if not (record.symbol or record.title or record.formula):
            report.failed.append((path, "no resolution was recognised in it (no symbol, title or enacting formula)"))
            return None
        return record

    def _store_all(self, records: list[index.DocumentRecord], report: AddReport) -> None:
        """Store documents read, in one transaction; those whose symbol is there already are skipped."""
        if not records:
            return
        added: list[index.DocumentRecord] = []
        with self._store.session("add the files") as conn, transaction(conn):
            vocabulary = self._store.vocabulary(conn)
            symbols: dict[str, str] = {}
            for record in records:
                if record.symbol:
                    same = symbols.get(record.symbol) or next(iter(conn.execute(
                        "SELECT path FROM documents WHERE symbol = ?", (record.symbol,)).fetchone() or ()), None)
                    if same is not None:
                        report.skipped.append((record.path, f"{record.symbol} is already in the library "
                                                            f"(from {same}); remove it first to replace it"))
                        continue
                    symbols[record.symbol] = record.path
                index.store(conn, record, vocabulary)
                added.append(record)
        self._store.changed()
        report.added += [Added(r.path, r.symbol, len(r.paragraphs), r.warnings) for r in added]

    def remove(self, target: str) -> list[str]:
        """Remove the documents with symbol `target`, or added from the file `target` (by its path, or
        by its content when it still exists); the symbols (or paths) removed."""
        with self._store.session(f"remove {target}") as conn, transaction(conn):
            rows = conn.execute("SELECT id, symbol, path FROM documents WHERE symbol = ? COLLATE NOCASE",
                                (target.strip(),)).fetchall()
            if not rows:
                rows = conn.execute("SELECT id, symbol, path FROM documents WHERE path = ?",
                                    (os.path.abspath(target),)).fetchall()
            if not rows and os.path.isfile(target):
                rows = conn.execute("SELECT id, symbol, path FROM documents WHERE hash = ?",
                                    (content_hash(target),)).fetchall()
            if not rows:
                raise LibraryError(f"{target} is not in the library (`drafter library list` shows what is)")
            for doc, _symbol, _path in rows:
                index.unstore(conn, doc)
            series.assign(conn)
        self._store.changed()
        return [symbol or path for _doc, symbol, path in rows]

    # --- what is in it -------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        """Every document, by date of adoption, then symbol."""
        with self._store.session("list the library") as conn:
            rows = conn.execute(
                "SELECT symbol, organ, date, session, title, agenda, series, path, warnings, paragraphs "
                "FROM documents ORDER BY date, symbol")
            return [Document(symbol, organ, date, session, title, agenda, series, path, count, json.loads(warnings))
                    for symbol, organ, date, session, title, agenda, series, path, warnings, count in rows]

    def stats(self) -> Stats:
        with self._store.session("count the library") as conn:
            documents, groups = conn.execute("SELECT COUNT(*), COUNT(DISTINCT series) FROM documents").fetchone()
            paragraphs = conn.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
        size = sum(os.path.getsize(self.folder / name) for name in (FILE_NAME, FILE_NAME + "-wal")
                   if (self.folder / name).exists())
        return Stats(documents, paragraphs, groups, size, str(self.path))

    # --- finding -------------------------------------------------------------------------------
    def search(self, query: str, *, organ: str = "", since: int | None = None, lead: str = "", part: str = "",
               limit: int = 20) -> Found:
        """Exact phrases, all words and near paragraphs (see `drafter.library.search`)."""
        with self._store.session("search the library") as conn:
            documents = self._store.documents(conn)
            return search(conn, documents, self._store.vocabulary(conn), query,
                          Filters(organ.strip(), since, lead.strip(), part.strip()), limit)

    def provenance(self, paragraphs: Sequence[str], *, exclude_symbols: Iterable[str] = (),
                   exclude_hashes: Iterable[str] = ()) -> list[Provenance]:
        """The provenance of each paragraph text, in order; the documents with one of `exclude_symbols`
        or content hashes `exclude_hashes` (the draft itself) are never sources."""
        with self._store.session("trace the paragraphs") as conn:
            documents = self._store.documents(conn)
            excluded = excluded_documents(documents, set(exclude_symbols), set(exclude_hashes))
            return trace(conn, documents, self._store.vocabulary(conn), list(paragraphs), excluded)

    def provenance_of(self, path: str, res: Resolution | None = None) -> list[tuple[str, Provenance]]:
        """The provenance of every paragraph of a file (labelled; `res`, its text when read already), the file
        itself never its own source."""
        res = inputs.read(path).text if res is None else res
        labelled = index.labelled_paragraphs(res)
        results = self.provenance([text for _label, _part, text, _para in labelled],
                                  exclude_symbols=[res.front.symbol], exclude_hashes=[content_hash(path)])
        return [(found[0], result) for found, result in zip(labelled, results, strict=True)]

    def history(self, symbol: str, paragraph: str = "") -> History:
        """The series of the document `symbol` ("A/RES/75/180" or "75/180"), oldest first, and the wording
        of its paragraph `paragraph` ("OP5") through the series."""
        with self._store.session("read the series") as conn:
            row = conn.execute("SELECT id FROM documents WHERE symbol = ? COLLATE NOCASE OR number = ? "
                               "ORDER BY symbol = ? DESC LIMIT 1", (symbol.strip(),) * 3).fetchone()
            if row is None:
                raise LibraryError(f"{symbol} is not in the library (`drafter library list` shows what is)")
            chain = series.members(conn, row[0])
            found = History(chain, paragraph.strip())
            if paragraph:
                start = next(place for place, member in enumerate(chain) if member.doc == row[0])
                found.steps = series.paragraph_history(conn, chain, start, paragraph.strip())
                if not found.steps:
                    raise LibraryError(f"{symbol} has no paragraph {paragraph} (labels read PP3, OP5, OP5(a))")
            return found


__all__ = ["ENVIRONMENT", "AddReport", "Added", "Document", "History", "Library", "Stats", "default_folder"]
