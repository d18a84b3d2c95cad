"""`drafter brackets FILE`: the square brackets typed in a text, as bracket marks would hold them.

Lists each bracketed span (its paragraph, its words, who holds it, whether it is around the whole
paragraph), the UN's own brackets kept as text and why, and each "[" or "]" without a partner; with
`-o DRAFT.drafter`, writes a draft whose text has them as bracket marks (the file as read is its base; a
.drafter draft keeps its base and versions). The rule is `drafter.typed_brackets`'s.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from drafter import draftfile, inputs
from drafter import negotiation_edits as negotiation
from drafter import typed_brackets as typed
from drafter.edits.primitives import Document
from drafter.options import check_output


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "brackets", help="list the square brackets typed in a text; -o writes a draft with them as marks",
        description="Find the square brackets typed as characters in a text (a compilation text, a Rev., a "
                    "delegation's file) and list them as bracket marks would hold them: the paragraph, the "
                    "words, the holder written after the \"]\" (\"[…] (US)\", \"[…]US\") or in a comment. "
                    "The UN's own brackets (\"[…]\", \"[sic]\", footnote references, document symbols) stay text.")
    parser.add_argument("file", metavar="FILE", help="the text (Word, text, PDF, XML, JSON or a .drafter draft)")
    parser.add_argument("--json", action="store_true", help='print {"found", "unpaired", "kept_as_text", '
                                                            '"warnings"} as JSON')
    parser.add_argument("-o", "--output", metavar="DRAFT.drafter",
                        help="write a draft with the brackets as marks (the file as read is its base)")
    parser.set_defaults(handler=run)
    return parser


def _lines(found: typed.Recognition) -> list[str]:
    lines = []
    for span in found.found:
        held = f"held by {span.holder}" if span.holder else "holder not named"
        whole = ", the whole paragraph" if span.whole else ""
        lines.append(f"{span.place:<12} [{span.words}]  ({held}{whole})")
    lines += [f"{left.place:<12} {left.text} stays text: {left.reason}" for left in found.left if not left.unpaired]
    lines += [f"{left.place:<12} unpaired “{left.text}” stays text: {left.near}" for left in found.unpaired]
    count = len(found.found)
    lines.append(f"{count} bracketed span{'s' if count != 1 else ''}, {len(found.unpaired)} unpaired")
    return lines


def run(args: argparse.Namespace) -> int:
    """0 on success; a file that cannot be read or written is a `DrafterError` (`drafter.cli` says it, 2)."""
    if args.output:
        check_output("-o", args.output, (draftfile.EXTENSION,), what="the draft", reads=(args.file,))
    entry = inputs.read(args.file)
    warnings = [w for w in entry.warnings if not typed.is_hint(w.message) and typed.UNPAIRED not in w.message]
    for warning in warnings:
        print(warning.line("brackets"), file=sys.stderr)
    if entry.stored_base is not None:
        doc = Document(entry.stored_base, entry.text, versions=list(entry.versions))
    else:
        doc = Document.from_base(entry.text, args.file)
    edit, found = negotiation.recognise_typed(doc)
    if args.json:
        print(json.dumps(found.to_dict() | {"warnings": [w.to_dict() for w in warnings]}, ensure_ascii=False,
                         indent=2))
    else:
        sys.stdout.write("\n".join(_lines(found)) + "\n")
    if args.output:
        if edit is not None:
            edit.apply(doc)
        draftfile.save(doc, args.output)
        print(f"drafter brackets: wrote {args.output}", file=sys.stderr)
    return 0
