"""`drafter export NEW [--base OLD] [--track-changes | --redline | --table | --akn] [-o OUT]`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from drafter import inputs
from drafter.errors import DrafterError
from drafter.model import Resolution
from drafter.options import BadOption, check_output, person, revision_date

log = logging.getLogger(__name__)

COMPARED = "--track-changes, --redline or --table"


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `export` sub-command; its handler is stored as `handler` in the parsed arguments."""
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
    parser.add_argument("--base", metavar="OLD", help=f"the base text the changes are shown against, with {COMPARED} "
                                                      "(default for a .drafter draft: its stored base)")
    parser.add_argument("--against", metavar="NAME",
                        help="with a .drafter draft and " + COMPARED + ": show the changes against its version "
                             "NAME (a revised draft against the issued L. document, say), \"base\" for its base")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--track-changes", action="store_true", help="Word revisions against the base")
    kind.add_argument("--redline", action="store_true", help="static redline against the base (no revisions)")
    kind.add_argument("--table", action="store_true", help="comparison table against the base: label, base, new")
    kind.add_argument("--akn", action="store_true", help="Akoma Ntoso XML instead of Word")
    parser.add_argument("--track-front-matter", action="store_true",
                        help="with --track-changes, also track the masthead, adoption line and sponsors (by "
                             "default the front matter is the new text's own, untracked; the title's wording "
                             "is tracked)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="the file to write: .docx (.html for --redline and --table, .xml for --akn); "
                             "default: NEW's name with -tracked, -redline or -table and that extension")
    parser.add_argument("--author", type=person, metavar="NAME",
                        help="with --track-changes, the author of the revisions (default: Drafter)")
    parser.add_argument("--date", type=revision_date, metavar="WHEN",
                        help="with --track-changes, the date of the revisions, ISO 8601: 2026-01-31 or "
                             "2026-01-31T10:00:00Z (default: now)")
    parser.add_argument("--json", action="store_true",
                        help='print {"output": OUT, "warnings": [...]} instead of the name of the file written')
    parser.set_defaults(handler=run)
    return parser


def _compared(args: argparse.Namespace) -> bool:
    return bool(args.track_changes or args.redline or args.table)


def _default_output(args: argparse.Namespace) -> Path:
    suffix = ".xml" if args.akn else ".docx"
    stem = Path(args.new).with_suffix("")
    tail = "-tracked" if args.track_changes else "-redline" if args.redline else "-table" if args.table else ""
    return stem.with_name(stem.name + tail + suffix)


def check_options(args: argparse.Namespace) -> Path:
    """The file to write, once every option is one the export uses and every value can be used;
    raises BadOption (exit code 2, one line) before anything is read or written."""
    if args.against is not None and args.base is not None:
        raise BadOption("--against names a version of the draft file and --base another file: give one of them")
    if args.against is not None and not _compared(args):
        raise BadOption(f"--against {args.against}: a version is compared against only by {COMPARED}: add one")
    if args.base is not None and not _compared(args):
        raise BadOption(f"--base {args.base}: a base is used only by {COMPARED}: add one, or leave --base out")
    if not args.track_changes:
        unused = [name for name, value in (("--author", args.author), ("--date", args.date),
                                           ("--track-front-matter", args.track_front_matter)) if value]
        if unused:
            raise BadOption(f"{' and '.join(unused)}: only revisions have an author and a date: "
                            "add --track-changes, or leave them out")
    suffixes: tuple[str, ...]
    if args.akn:
        suffixes, what = (".xml",), "Akoma Ntoso"
    elif args.redline or args.table:
        suffixes, what = (".docx", ".html", ".htm"), "the comparison"
    else:
        suffixes, what = (".docx",), "the Word export"
    reads = (args.new, args.base)
    if args.output is not None:
        return check_output("-o", args.output, suffixes, what=what, reads=reads)
    target = _default_output(args)
    if any(source and Path(source).resolve() == target.resolve() for source in reads):
        raise BadOption(f"the output would be {target}, the file read: give another file with -o OUT")
    return check_output("output", str(target), suffixes, what=what, reads=reads)


def _write_html(base: Resolution, new: Resolution, target: Path, table: bool, warnings: list[dict[str, str]]) -> None:
    from drafter.compare import compare
    from drafter.compare.render import to_html
    from drafter.exporters.html_table import to_html_table
    from drafter.exporters.ooxml import atomic_write

    changes = compare(base, new)
    page = to_html_table(changes, warnings=warnings) if table else to_html(changes, warnings=warnings)
    atomic_write(target, page.encode("utf-8"))


def run(args: argparse.Namespace) -> int:
    """Export; 0 on success, 2 with one line on stderr for a bad option or a file that cannot be read or
    written (nothing is written then)."""
    try:
        return _run(args)
    except DrafterError as error:
        print(f"drafter export: {error}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    """The readers' warnings go to stderr, one a line, before the file is written."""
    from drafter.exporters.docx import export_docx
    from drafter.exporters.ooxml import atomic_write

    target = check_options(args)
    reading = inputs.Reading()
    entry = reading.read(args.new)
    if args.against:
        base: Resolution | None = entry.named(args.against, "--against")
    else:
        base = reading.base_for(entry, args.base, needed=True, what=COMPARED) if _compared(args) else None
    reading.report("export")
    new = entry.text
    if args.akn:
        from drafter.exporters.akn import to_akn

        atomic_write(target, to_akn(new))
    elif base is not None and (args.redline or args.table) and target.suffix.lower() in (".html", ".htm"):
        _write_html(base, new, target, table=args.table, warnings=reading.to_json())
    else:
        export_docx(new, target, base=base, track_changes=args.track_changes, author=args.author or "Drafter",
                    date=args.date, redline=args.redline, table=args.table,
                    track_front_matter=args.track_front_matter)
    if args.json:
        json.dump({"output": str(target), "warnings": reading.to_json()}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(target)
    return 0
