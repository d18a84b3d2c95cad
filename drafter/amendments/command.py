"""`drafter amendments OLD NEW`: the changes between two texts as formal amendments."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from drafter import inputs
from drafter.amendments import amendments
from drafter.amendments.languages import WORDINGS
from drafter.errors import DrafterError
from drafter.model import Resolution


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `amendments` sub-command; its handler is stored as `handler` in the parsed arguments."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "amendments",
        help="word the changes from OLD to NEW as formal amendments",
        description="Compare NEW with OLD and word each change as a formal amendment, in UN form: "
                    "\"In the third preambular paragraph, replace the words …\", \"Delete operative "
                    "paragraph 13.\" Paragraphs are named as OLD numbers them.",
    )
    parser.add_argument("old", metavar="OLD", help="the earlier text (text, PDF, Word, XML, JSON or a .drafter "
                                                   "draft); a .drafter draft alone is compared with its stored base")
    parser.add_argument("new", metavar="NEW", nargs="?", help="the text the amendments lead to")
    parser.add_argument("--json", action="store_true", help="print the amendments as JSON")
    parser.add_argument("--lang", choices=sorted(WORDINGS),
                        help="the language to word them in (by default OLD's language)")
    parser.set_defaults(handler=run)
    return parser


def _sides(reading: inputs.Reading, old_path: str, new_path: str | None) -> tuple[Resolution, Resolution]:
    first = reading.read(old_path)
    if new_path is not None:
        return first.text, reading.read(new_path).text
    if first.stored_base is None:
        raise DrafterError("give OLD and NEW, or one .drafter draft to word against its stored base")
    return first.stored_base, first.text


def run(args: argparse.Namespace) -> int:
    """Print the amendments; 0 on success, 2 when a file cannot be read."""
    reading = inputs.Reading()
    try:
        old, new = _sides(reading, args.old, args.new)
        found = amendments(old, new, language=args.lang)
    except DrafterError as error:
        print(f"drafter amendments: {error}", file=sys.stderr)
        return 2
    reading.report("amendments")
    for warning in found.warnings:
        print(f"drafter amendments: warning: {warning}", file=sys.stderr)
    if args.json:  # the readers' warnings, then those of the wording, on the text worded
        worded = [inputs.FileWarning(args.new or args.old, warning).to_dict() for warning in found.warnings]
        print(json.dumps(found.to_dict() | {"warnings": reading.to_json() + worded}, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(found.text())
    return 0
