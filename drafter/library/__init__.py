"""The library of adopted texts: agreed language, search and provenance, offline.

A negotiator defends a wording by its pedigree ("this is 75/180 OP4 verbatim") and resists new
language. The library holds the texts the user has (PDF, Word, text, Akoma Ntoso, .drafter), one
SQLite file with a full-text index, and answers three questions fast enough to be asked of every
paragraph of a draft as it is typed: where does this wording come from (`provenance`), which
texts use this phrase (`search`), and how did this paragraph read through its series (`history`).

The API, for the command line and the app::

    from drafter.library import Library

    library = Library()                      # the user's library (or Library(folder), $DRAFTER_LIBRARY)
    report = library.add(["~/UN/texts"])     # files and folders; AddReport: added, skipped, failed
    found = library.search("full and effective participation", since=2015, part="operative")
    found.uses, found.latest, found.results  # Hit: symbol, date, label, text, score, match, spans
    traced = library.provenance(["Reaffirms that it is one of the purposes …", …],
                                exclude_symbols=["A/C.3/80/L.12"])
    traced[0].status, traced[0].earliest, traced[0].latest, traced[0].ops   # Provenance
    library.history("A/RES/76/159", "OP5").steps                            # Step: symbol, label, ops
    library.remove("A/RES/75/180"); library.documents(); library.stats()
    library.close()                          # or `with Library() as library:`

Threads: a `Library` may be used from any thread, and from several: its calls run one at a time (a
lock around one SQLite connection), so a worker thread can trace paragraphs while another adds files.
Each call is short (a search or the provenance of one resolution takes milliseconds; `add` takes
the lock per file), and nothing returned refers back to the library. Build the `Library` in the
thread that will use it most, or share one; never touch widgets from the worker (the results are
plain data).

Failures: every error is a `LibraryError` (a `drafter.errors.DrafterError`) with a one-line message:
the library deleted or replaced while open (`LibraryGone`), another program holding its write lock
(`LibraryLocked`, after `timeout` seconds), a damaged file. Files that cannot be read never stop
`add`: they are listed in its report with the reason.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.library.api import Added, AddReport, Document, History, Library, Stats, default_folder
    from drafter.library.matching import NEAR
    from drafter.library.provenance import EDITED, NEW, VERBATIM, Provenance, Source
    from drafter.library.search import Found, Hit
    from drafter.library.series import Member, Step
    from drafter.library.store import LibraryError, LibraryGone, LibraryLocked

# the names above by module: the package is imported on demand, so that `drafter` starts without SQLite
# or rapidfuzz when no library command runs
_HOMES = {
    "drafter.library.api": ["AddReport", "Added", "Document", "History", "Library", "Stats", "default_folder"],
    "drafter.library.matching": ["NEAR"],
    "drafter.library.provenance": ["EDITED", "NEW", "VERBATIM", "Provenance", "Source"],
    "drafter.library.search": ["Found", "Hit"],
    "drafter.library.series": ["Member", "Step"],
    "drafter.library.store": ["LibraryError", "LibraryGone", "LibraryLocked"],
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(_HOME[name]), name)
    raise AttributeError(f"module 'drafter.library' has no attribute {name!r}")


__all__ = [
    "EDITED",
    "NEAR",
    "NEW",
    "VERBATIM",
    "AddReport",
    "Added",
    "Document",
    "Found",
    "History",
    "Hit",
    "Library",
    "LibraryError",
    "LibraryGone",
    "LibraryLocked",
    "Member",
    "Provenance",
    "Source",
    "Stats",
    "Step",
    "default_folder",
]
