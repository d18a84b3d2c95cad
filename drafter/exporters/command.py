"""`drafter export NEW [--base OLD] [--track-changes | --redline | --table | --akn] [-o OUT]`."""

from __future__ import annotations

import argparse
import datetime
import logging
import sys
from pathlib import Path
from typing import Any

from drafter import inputs
from drafter.errors import DrafterError
from drafter.model import Resolution

log = logging.getLogger(__name__)


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `export` sub-command; its handler is stored as `func` in the parsed arguments."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="write a resolution as Word (clean, tracked changes, redline, table) or Akoma Ntoso",
        description="Write NEW as a Word file in UN layout. With a base and --track-changes, every "
                    "difference from the base is a native Word revision; --redline and --table write static "
                    "comparisons for printing (as HTML when OUT ends in .html); --akn writes Akoma Ntoso XML. "
                    "A .drafter draft is exported with the base it stores unless --base is given.",
    )
    parser.add_argument("new", metavar="NEW",
                        help="the resolution to export (text, PDF, Word, XML, JSON or a .drafter draft)")
    parser.add_argument("--base", metavar="OLD", help="the base text the changes are shown against "
                                                      "(default for a .drafter draft: its stored base)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--track-changes", action="store_true", help="Word revisions against the base")
    kind.add_argument("--redline", action="store_true", help="static redline against the base (no revisions)")
    kind.add_argument("--table", action="store_true", help="comparison table against the base: label, base, new")
    kind.add_argument("--akn", action="store_true", help="Akoma Ntoso XML instead of Word")
    parser.add_argument("--track-front-matter", action="store_true",
                        help="also track the masthead, adoption line and sponsors (by default the front "
                             "matter is the new text's own, untracked; the title's wording is tracked)")
    parser.add_argument("-o", "--output", metavar="OUT", help="the file to write (default: NEW with .docx)")
    parser.add_argument("--author", default="Drafter", help="author of the revisions (default: Drafter)")
    parser.add_argument("--date", type=revision_date, metavar="WHEN",
                        help="date of the revisions, ISO 8601: 2026-01-31 or 2026-01-31T10:00:00Z (default: now)")
    parser.set_defaults(handler=run)
    return parser


def revision_date(text: str) -> datetime.datetime:
    """An ISO 8601 date or date and time (UTC when no zone is given); argparse reports anything else."""
    try:
        when = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as 2026-01-31 or 2026-01-31T10:00:00Z") from None
    return when if when.tzinfo is not None else when.replace(tzinfo=datetime.UTC)


def _output(args: argparse.Namespace) -> Path:
    if args.output:
        return Path(args.output)
    suffix = ".xml" if args.akn else ".docx"
    stem = Path(args.new).with_suffix("")
    tail = "-tracked" if args.track_changes else "-redline" if args.redline else "-table" if args.table else ""
    return stem.with_name(stem.name + tail + suffix)


def _write_html(base: Resolution, new: Resolution, target: Path, table: bool) -> None:
    from drafter.compare import compare
    from drafter.compare.render import to_html
    from drafter.exporters.html_table import to_html_table
    from drafter.exporters.ooxml import atomic_write

    changes = compare(base, new)
    page = to_html_table(changes) if table else to_html(changes)
    atomic_write(target, page.encode("utf-8"))


def run(args: argparse.Namespace) -> int:
    """Export; 0 on success, 2 with one line on stderr when a file cannot be read or written."""
    from drafter.exporters.docx import export_docx
    from drafter.exporters.ooxml import atomic_write

    try:
        entry = inputs.read(args.new)
        compared = args.track_changes or args.redline or args.table
        base = inputs.base_for(entry, args.base, needed=compared,
                               what="--track-changes, --redline and --table") if compared else None
        new = entry.text
        target = _output(args)
        if args.akn:
            from drafter.exporters.akn import to_akn

            atomic_write(target, to_akn(new))
        elif base is not None and (args.redline or args.table) and target.suffix.lower() in (".html", ".htm"):
            _write_html(base, new, target, table=args.table)
        else:
            export_docx(new, target, base=base, track_changes=args.track_changes, author=args.author,
                        date=args.date, redline=args.redline, table=args.table,
                        track_front_matter=args.track_front_matter)
    except DrafterError as error:
        print(f"drafter export: {error}", file=sys.stderr)
        return 2
    print(target)
    return 0
