"""`drafter library …` and `drafter provenance FILE`: the library from the command line.

    drafter library add PATH… | --samples      files and folders (recursively)
    drafter library list | stats | remove SYMBOL|PATH
    drafter library search "full and effective participation" [--organ] [--since YEAR] [--lead Urges]
                                                                [--part operative] [--limit N] [--json]
    drafter library history A/RES/76/159 [--paragraph OP5]
    drafter provenance DRAFT [--json]

Every command takes `--library DIR` (else $DRAFTER_LIBRARY, else the user data folder). The library
itself is imported when a library command runs, not when `drafter` starts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from drafter.errors import DrafterError
from drafter.library.store import PARTS

if TYPE_CHECKING:
    from drafter.library.api import Library

_BAR = 30  # characters of the progress bar


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number


def _year(value: str) -> int:
    number = _positive(value)
    if not 1945 <= number <= 2200:
        raise argparse.ArgumentTypeError(f"{value} is not a year of the United Nations (1945 on)")
    return number


def _with_library(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--library", metavar="DIR", help="the library's folder (default: $DRAFTER_LIBRARY, "
                                                          "else the user data folder)")
    return parser


def register(subparsers: Any) -> None:
    """Add the `library` and `provenance` sub-commands."""
    library = subparsers.add_parser(
        "library", help="the library of adopted texts: add, list, search, history",
        description="A library of the adopted texts you have, searched offline: agreed language, its uses "
                    "and its history.")
    actions = library.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = _with_library(actions.add_parser("add", help="add files and folders (recursively)"))
    add.add_argument("paths", metavar="PATH", nargs="*", help="files (PDF, Word, text, Akoma Ntoso, .drafter) "
                                                              "and folders")
    add.add_argument("--samples", action="store_true", help="add the texts Drafter ships")
    add.set_defaults(handler=_add)

    listing = _with_library(actions.add_parser("list", help="list the documents, by date"))
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(handler=_list)

    remove = _with_library(actions.add_parser("remove", help="remove a document by symbol or path"))
    remove.add_argument("target", metavar="SYMBOL|PATH")
    remove.set_defaults(handler=_remove)

    stats = _with_library(actions.add_parser("stats", help="documents, paragraphs and the database's size"))
    stats.add_argument("--json", action="store_true", help="print the figures as JSON")
    stats.set_defaults(handler=_stats)

    search = _with_library(actions.add_parser(
        "search", help="find a phrase, words or a paragraph in the library",
        description="Exact phrases first (the latest first, with how many texts use the phrase), then "
                    "paragraphs that read nearly like a long query, then paragraphs with all the words."))
    search.add_argument("query", metavar="QUERY", help='words, a phrase or a whole paragraph (quote it)')
    search.add_argument("--organ", default="", help='only texts of this organ ("General Assembly", "Security")')
    search.add_argument("--since", type=_year, metavar="YEAR", help="only texts adopted in YEAR or later")
    search.add_argument("--lead", default="", metavar="WORDS", help='only paragraphs with this lead ("Urges")')
    search.add_argument("--part", choices=PARTS, help="only preambular, operative or annex paragraphs")
    search.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N hits (20)")
    search.add_argument("--json", action="store_true", help="print the hits as JSON")
    search.add_argument("--no-color", action="store_true", help="no colour in the terminal")
    search.set_defaults(handler=_search)

    history = _with_library(actions.add_parser(
        "history", help="a resolution's series, and one paragraph's wording through it"))
    history.add_argument("symbol", metavar="SYMBOL", help='"A/RES/76/159" or "76/159"')
    history.add_argument("--paragraph", default="", metavar="LABEL", help='a paragraph of SYMBOL ("OP5", "PP3")')
    history.add_argument("--json", action="store_true", help="print the series as JSON")
    history.add_argument("--no-color", action="store_true", help="no colour in the terminal")
    history.set_defaults(handler=_history)

    provenance = _with_library(subparsers.add_parser(
        "provenance", help="where each paragraph of a draft comes from",
        description="For every paragraph: the earliest and the latest texts of the library that hold it "
                    "verbatim or nearly (90 % of its words in order), and what it adds or removes."))
    provenance.add_argument("file", metavar="FILE", help="a draft or any resolution")
    provenance.add_argument("--json", action="store_true", help="print the provenance as JSON")
    provenance.add_argument("--no-color", action="store_true", help="no colour in the terminal")
    provenance.set_defaults(handler=_provenance)


def _open(args: argparse.Namespace) -> Library:
    from drafter.library.api import Library

    return Library(args.library or None)


def _color(args: argparse.Namespace) -> bool:
    return not args.no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


class _Bar:
    """A progress bar on stderr, drawn only on a terminal."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.shown or total == 0:
            return
        filled = _BAR * done // total
        name = os.path.basename(path)[:40]
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (_BAR - filled)}] {done}/{total} {name:<40}")
        if done == total:
            sys.stderr.write("\r" + " " * (_BAR + 56) + "\r")
        sys.stderr.flush()


def _add(args: argparse.Namespace) -> int:
    from drafter.library import report

    if not args.paths and not args.samples:
        raise DrafterError("library add needs files or folders (or --samples)")
    with _open(args) as library:
        bar = _Bar()
        result = library.add(args.paths, bar)
        if args.samples:
            samples = library.add_samples(bar)
            result.added += samples.added
            result.skipped += samples.skipped
            result.failed += samples.failed
        sys.stdout.write(report.add_text(result, library.stats()))
    return 1 if result.failed else 0  # the others are in; a script still learns that some were not


def _list(args: argparse.Namespace) -> int:
    from drafter.library import report

    with _open(args) as library:
        documents = library.documents()
    if args.json:
        _print_json({"documents": [asdict(doc) for doc in documents]})
    else:
        sys.stdout.write(report.list_text(documents))
    return 0


def _remove(args: argparse.Namespace) -> int:
    with _open(args) as library:
        removed = library.remove(args.target)
    for name in removed:
        print(f"removed {name}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from drafter.library import report

    with _open(args) as library:
        stats = library.stats()
    if args.json:
        _print_json(asdict(stats))
    else:
        sys.stdout.write(report.stats_text(stats))
    return 0


def _search(args: argparse.Namespace) -> int:
    from drafter.library import report

    with _open(args) as library:
        found = library.search(args.query, organ=args.organ, since=args.since, lead=args.lead,
                               part=args.part or "", limit=args.limit)
    if args.json:
        _print_json(found.to_dict())
    else:
        sys.stdout.write(report.search_text(found, _color(args)))
    return 0


def _history(args: argparse.Namespace) -> int:
    from drafter.library import report

    with _open(args) as library:
        history = library.history(args.symbol, args.paragraph)
    if args.json:
        _print_json({"series": [{"symbol": m.symbol, "date": m.date, "title": m.title} for m in history.members],
                     "paragraph": history.paragraph,
                     "steps": [{"symbol": s.symbol, "date": s.date, "label": s.label, "text": s.text,
                                "similarity": s.similarity, "ops": [{"op": o.op, "text": o.text} for o in s.ops]}
                               for s in history.steps]})
    else:
        sys.stdout.write(report.history_text(history, _color(args)))
    return 0


def _provenance(args: argparse.Namespace) -> int:
    from drafter import inputs
    from drafter.library import report

    if not os.path.isfile(args.file):
        raise DrafterError(f"{args.file}: no such file")
    reading = inputs.Reading()
    read = reading.read(args.file).text
    reading.report("provenance")
    with _open(args) as library:
        traced = library.provenance_of(args.file, read)
    if args.json:
        _print_json({"file": args.file, "paragraphs": [{"label": label, "text": found.text, **found.to_dict()}
                                                       for label, found in traced], "warnings": reading.to_json()})
    else:
        sys.stdout.write(report.provenance_text(args.file, traced, _color(args)))
    return 0
