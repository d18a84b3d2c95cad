"""`drafter compare OLD NEW`: the command-line face of the comparer."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any

from drafter import inputs, versions
from drafter.atomic import write_atomically
from drafter.compare import compare, render
from drafter.errors import DrafterError
from drafter.model import Resolution
from drafter.options import check_output

log = logging.getLogger(__name__)


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `compare` sub-command; its handler is stored as `handler` in the parsed arguments."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "compare",
        help="compare two versions of a resolution",
        description="Compare NEW with the base OLD: paragraphs are aligned, words are diffed inside each "
                    "paragraph, and each change is classed (inserted, deleted, modified, moved, split, "
                    "merged, renumbered, technical).",
    )
    parser.add_argument("old", metavar="OLD", help="the base version (text, PDF, Word, XML, JSON or a .drafter "
                                                   "draft); a .drafter draft alone is compared with its stored base")
    parser.add_argument("new", metavar="NEW", nargs="?", help="the version compared with the base")
    parser.add_argument("--from", dest="from_version", metavar="NAME",
                        help='with one .drafter draft: compare from its version NAME ("base" for its base)')
    parser.add_argument("--to", dest="to_version", metavar="NAME",
                        help="with one .drafter draft and --from: compare to its version NAME (default: the draft "
                             "as it is)")
    parser.add_argument("--json", action="store_true", help="print the change list as JSON")
    parser.add_argument("--html", metavar="OUT", help="write a self-contained HTML redline to OUT")
    parser.add_argument("--no-color", action="store_true", help="no colour in the terminal report")
    parser.add_argument("--hide-renumbering", action="store_true",
                        help="leave out paragraphs whose only change is their number")
    parser.add_argument("--hide-technical", action="store_true",
                        help="leave out technical updates (sessions, symbols, dates, years)")
    parser.add_argument("--ignore-case", action="store_true", help="ignore differences of case")
    parser.add_argument("--ignore-quotes", action="store_true",
                        help="ignore the style of quotes and apostrophes")
    parser.add_argument("--whitespace", action="store_true",
                        help="show differences of whitespace alone (ignored by default)")
    parser.set_defaults(handler=run)
    return parser


def _use_color(args: argparse.Namespace) -> bool:
    return not args.no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _sides(reading: inputs.Reading, args: argparse.Namespace) -> tuple[Resolution, Resolution]:
    """The two texts: OLD and NEW (a draft file stands for its draft), a draft file's base and draft, or
    two of its versions (`--from`, `--to`)."""
    old_path, new_path = args.old, args.new
    if (args.from_version or args.to_version) and new_path is not None:
        raise DrafterError("--from and --to name versions of one .drafter draft: give that file alone")
    if args.to_version and not args.from_version:
        raise DrafterError("--to needs --from (the version to compare from)")
    first = reading.read(old_path)
    if args.from_version:
        return (first.named(args.from_version, "--from"),
                first.named(args.to_version or versions.CURRENT, "--to"))
    if new_path is not None:
        return first.text, reading.read(new_path).text
    if first.stored_base is None:
        raise DrafterError("give OLD and NEW, or one .drafter draft to compare with its stored base")
    return first.stored_base, first.text


def run(args: argparse.Namespace) -> int:
    """Compare the two files; 0 on success, 2 with one line on stderr for a bad option or a file that cannot
    be read or written."""
    try:
        return _run(args)
    except DrafterError as error:
        print(f"drafter compare: {error}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    """The readers' warnings go to stderr first, one a line, and into the JSON; a comparison without
    changes says so only of what was read when there are warnings."""
    html = None if args.html is None else check_output("--html", args.html, (".html", ".htm"),
                                                         what="the redline page", reads=(args.old, args.new))
    reading = inputs.Reading()
    old, new = _sides(reading, args)
    warnings = reading.report("compare")
    changes = compare(old, new, ignore_case=args.ignore_case, ignore_quotes=args.ignore_quotes,
                      ignore_whitespace=not args.whitespace)
    hide = {"hide_renumbering": args.hide_renumbering, "hide_technical": args.hide_technical}
    if html is not None:
        try:
            write_atomically(html, render.to_html(changes, **hide, warnings=reading.to_json()).encode("utf-8"))
        except OSError as error:
            raise DrafterError(f"cannot write {html}: {error.strerror or error}") from error
        log.info("wrote %s", html)
    if args.json:
        print(render.to_json(changes, hide_renumbering=args.hide_renumbering, hide_technical=args.hide_technical,
                             warnings=reading.to_json()))
    else:
        sys.stdout.write(render.summary(changes, color=_use_color(args), hide_renumbering=args.hide_renumbering,
                                        hide_technical=args.hide_technical, warnings=warnings))
    return 0
