"""`drafter check FILE`: the editorial checks on the command line (exit code 1 when there are findings)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from drafter import inputs
from drafter.options import BadOption
from drafter.rules import RULES, check


def rule_name(text: str) -> str:
    """The id of one of the rules."""
    if text not in RULES:
        raise argparse.ArgumentTypeError(f"{text!r} is no rule: the rules are {', '.join(RULES)}")
    return text


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `check` sub-command; its handler is stored as `handler` in the parsed arguments."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="check a text against UN editorial practice",
        description="Check the openings and endings of paragraphs, also/further, citations, numbers and "
                    "cross-references. Exit code 1 when there are findings. Rules: "
                    + ", ".join(RULES) + ".",
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="the resolution or draft to check")
    parser.add_argument("--disable", action="append", default=[], type=rule_name, metavar="RULE",
                        help="switch a rule off (repeat for several)")
    parser.add_argument("--base", metavar="BASE",
                        help="the text FILE was drafted from: also finds cross-references made stale by renumbering "
                             "(default for a .drafter draft: its stored base)")
    parser.add_argument("--json", action="store_true",
                        help='print {"findings": [...], "warnings": [...]} as JSON')
    parser.add_argument("--list", action="store_true", help="list the rules and their sources")
    parser.set_defaults(handler=run)
    return parser


def _list() -> int:
    for rule in RULES.values():
        print(f"{rule.id:<18} {rule.title}\n{'':<18} {rule.source}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Check FILE; 1 when there are findings. The readers' warnings go to stderr, one a line."""
    if args.list or not args.file:
        given = [name for name, value in (("FILE", args.file), ("--disable", args.disable), ("--base", args.base),
                                          ("--json", args.json)) if value]
        if given and args.list:
            raise BadOption(f"--list lists the rules and checks nothing: leave out {', '.join(given)}")
        if given:
            raise BadOption(f"{', '.join(given)}: give the FILE to check")
        return _list()
    reading = inputs.Reading()
    entry = reading.read(args.file)  # a .drafter draft: its draft, checked against its stored base
    base = reading.base_for(entry, args.base)
    reading.report("check")
    findings = check(entry.text, disabled=set(args.disable), base=base)
    if args.json:
        data = {"findings": [f.to_dict() for f in findings], "warnings": reading.to_json()}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for finding in findings:
            fix = f"  (fix: {finding.fix.title})" if finding.fix else ""
            print(f"{finding.label:<10} {finding.rule:<18} {finding.message}{fix}")
        print(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}", file=sys.stderr)
    return 1 if findings else 0
