"""`drafter export NEW [--base OLD] [--track-changes | --redline | --table | --akn] [-o OUT]`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError

log = logging.getLogger(__name__)


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `export` sub-command; its handler is stored as `func` in the parsed arguments."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="write a resolution as Word (clean, tracked changes, redline, table) or Akoma Ntoso",
        description="Write NEW as a Word file in UN layout. With --base OLD and --track-changes, every "
                    "difference from OLD is a native Word revision; --redline and --table write static "
                    "comparisons for printing; --akn writes Akoma Ntoso XML.",
    )
    parser.add_argument("new", metavar="NEW", help="the resolution to export (text, PDF, Word, XML or JSON)")
    parser.add_argument("--base", metavar="OLD", help="the base text the changes are shown against")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--track-changes", action="store_true", help="Word revisions against --base")
    kind.add_argument("--redline", action="store_true", help="static redline against --base (no revisions)")
    kind.add_argument("--table", action="store_true", help="two-column comparison table against --base")
    kind.add_argument("--akn", action="store_true", help="Akoma Ntoso XML instead of Word")
    parser.add_argument("-o", "--output", metavar="OUT", help="the file to write (default: NEW with .docx)")
    parser.add_argument("--author", default="Drafter", help="author of the revisions (default: Drafter)")
    parser.add_argument("--date", help="date of the revisions, ISO 8601 (default: now)")
    parser.set_defaults(handler=run)
    return parser


def _output(args: argparse.Namespace) -> Path:
    if args.output:
        return Path(args.output)
    suffix = ".xml" if args.akn else ".docx"
    stem = Path(args.new).with_suffix("")
    tail = "-tracked" if args.track_changes else "-redline" if args.redline else "-table" if args.table else ""
    return stem.with_name(stem.name + tail + suffix)


def run(args: argparse.Namespace) -> int:
    """Export; 0 on success, 2 with one line on stderr when a file cannot be read or written."""
    import drafter
    from drafter.exporters.docx import export_docx
    from drafter.exporters.ooxml import atomic_write

    try:
        if (args.track_changes or args.redline or args.table) and not args.base:
            raise DrafterError("--track-changes, --redline and --table need --base OLD")
        new = drafter.load(args.new)
        base = drafter.load(args.base) if args.base else None
        target = _output(args)
        if args.akn:
            from drafter.exporters.akn import to_akn

            data = to_akn(new)
            atomic_write(target, data if isinstance(data, bytes) else data.encode("utf-8"))
        else:
            export_docx(new, target, base=base, track_changes=args.track_changes, author=args.author,
                        date=args.date, redline=args.redline, table=args.table)
    except DrafterError as error:
        print(f"drafter export: {error}", file=sys.stderr)
        return 2
    print(target)
    return 0
