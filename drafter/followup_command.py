"""`drafter followup BASE --session N -o DRAFT`: next session's draft from last session's resolution.

DRAFT is a .docx with every automatic change as a Word revision against the base, a
.drafter native draft file (base and draft), or Drafter's JSON form of the draft. `--explain` prints each
automatic change with its reason, and what must be checked by hand; `--json` prints them as JSON.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from drafter import inputs
from drafter.atomic import write_atomically
from drafter.errors import DrafterError
from drafter.followup import FollowUp, followup
from drafter.options import BadOption, check_output, line_of_text, symbol_date, whole_number

SUFFIXES = (".docx", ".drafter", ".json")
_MAIN_COMMITTEE = re.compile(r"(?:the )?(?:first|second|third|fourth|fifth|sixth|[1-6](?:st|nd|rd|th)?|c\.?[1-6])"
                             r"(?: committee)?")
_PLENARY = frozenset(["plenary", "general assembly", "none", "hrc", "human rights council"])
session_number = whole_number("a session number", 1, 999)


def committee(text: str) -> str:
    """A Main Committee ("Third Committee", "3", "C.3"), "plenary" or "Human Rights Council"."""
    line_of_text(text)
    name = " ".join(text.lower().split())
    if name in _PLENARY or _MAIN_COMMITTEE.fullmatch(name):
        return text
    raise argparse.ArgumentTypeError(f"{text!r} is no body that drafts resolutions: write \"Third Committee\" "
                                     "(First to Sixth), \"plenary\" or \"Human Rights Council\"")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `followup` sub-command; its handler is stored as `handler` in the parsed arguments."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "followup",
        help="draft next session's resolution from the last one",
        description="Turn an adopted resolution into the draft for a later session: draft symbol and "
                    "sponsors, the base added to the recall chain, sessions moved forward, Official Records "
                    "footnotes updated. Every automatic change is tracked against the base.",
    )
    parser.add_argument("base", metavar="BASE",
                        help="the adopted resolution (text, PDF, Word, XML, JSON or a .drafter draft)")
    parser.add_argument("--session", type=session_number, required=True, metavar="N",
                        help="the session of the new draft")
    parser.add_argument("--next-session", type=session_number, metavar="M",
                        help="the session at which the Assembly will take the question up again, after N "
                             "(default: as far after N as the base's was after its own session)")
    parser.add_argument("--committee", type=committee, metavar="NAME",
                        help='"Third Committee", "plenary" or "Human Rights Council" (default: as the base)')
    parser.add_argument("--sponsors", type=line_of_text, default="", metavar="LIST",
                        help='the sponsors line: "Cuba, Nicaragua …"')
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the date of the draft's symbol")
    parser.add_argument("-o", "--output", required=True, metavar="DRAFT",
                        help="the draft to write: .docx (tracked changes against the base), .drafter "
                             "(the native draft file) or .json")
    said = parser.add_mutually_exclusive_group()
    said.add_argument("--explain", action="store_true", help="print every automatic change and its reason")
    said.add_argument("--json", action="store_true",
                      help='print {"output", "updates", "notes", "warnings"} as JSON')
    parser.set_defaults(handler=run)
    return parser


def explain(fu: FollowUp) -> str:
    """The automatic changes and the notes, one a line, as `--explain` prints them."""
    lines = [f"base {fu.base_number or fu.base.symbol}; previous in the series: {fu.predecessor or '—'}"
             + (f" (every {fu.cycle} session{'s' if fu.cycle != 1 else ''})" if fu.cycle else "")]
    for update in fu.updates:
        before = update.before or "—"
        after = update.after or "—"
        lines.append(f"  {update.label:<12} {before} → {after}   [{update.reason}]")
    for note in fu.notes:
        lines.append(f"  check: {note.message}")
    return "\n".join(lines) + "\n"


def write(fu: FollowUp, path: str, source: str = "") -> None:
    """Write the draft: .docx with tracked changes against the base, .drafter (the native draft file:
    base, draft, and each automatic change with its reason under meta.extra["followup"]), else JSON."""
    target = Path(path)
    if target.suffix.lower() == ".drafter":
        from drafter import draftfile
        from drafter.edits.primitives import Document, Metadata

        meta = Metadata(title=fu.resolution.front.symbol, base_source=source, created=draftfile.now(),
                        extra={"followup": {"updates": [u.to_dict() for u in fu.updates],
                                            "notes": [n.message for n in fu.notes]}})
        draftfile.save(Document(fu.base, fu.resolution, meta), target)
        return
    if target.suffix.lower() == ".docx":
        try:
            docx = importlib.import_module("drafter.exporters.docx")
        except ImportError as error:
            raise DrafterError("this installation cannot write Word files yet: write the draft as .json") from error
        docx.export_docx(fu.resolution, target, base=fu.base, track_changes=True, author="Drafter follow-up")
        return
    from drafter.serialize import dumps

    try:
        write_atomically(target, (dumps(fu.resolution) + "\n").encode("utf-8"))
    except OSError as error:
        raise DrafterError(f"{path}: cannot write the draft ({error.strerror or error})") from error


def run(args: argparse.Namespace) -> int:
    """Write the follow-up draft; 0 on success. The base's warnings go to stderr, one a line."""
    check_output("-o", args.output, SUFFIXES, what="the draft", reads=(args.base,))
    try:
        when = None if args.date is None else symbol_date(args.date)
    except argparse.ArgumentTypeError as error:
        raise BadOption(f"--date: {error}") from None
    if args.next_session is not None and args.next_session <= args.session:
        raise BadOption(f"--next-session {args.next_session}: the question is taken up again after the new "
                        f"session ({args.session}): give a later session, or leave it out")
    reading = inputs.Reading()
    base = reading.read(args.base).text  # a .drafter draft stands for its draft
    reading.report("followup")
    council = base.front.symbol.startswith("S/") or "Security Council" in base.formula
    given = [name for name, value in (("--committee", args.committee), ("--next-session", args.next_session))
             if value is not None]
    if council and given:
        raise BadOption(f"{' and '.join(given)}: {args.base} is a Security Council text, which has neither "
                        "committees nor sessions: leave them out")
    fu = followup(base, session=args.session, next_session=args.next_session, committee=args.committee,
                  sponsors=args.sponsors, symbol_date=when)
    write(fu, args.output, args.base)
    body = sum(1 for u in fu.updates if u.rule != "front")
    if args.json:
        data = {"output": args.output, "updates": [u.to_dict() for u in fu.updates],
                "notes": [n.message for n in fu.notes], "warnings": reading.to_json()}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.explain:
        sys.stdout.write(explain(fu))
    else:
        print(f"wrote {args.output}: {body} automatic changes to the text, "
              f"{len(fu.updates) - body} to the front matter, {len(fu.notes)} things to check (--explain)")
    return 0
