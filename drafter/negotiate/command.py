"""`drafter compile SENT FILE[=DELEGATION]... -o OUT.docx [--as revisions|compilation|table] [--json]
[--version NAME]`.

SENT is the text the delegations were sent (any format Drafter reads; a .drafter draft stands for its
draft, or with `--version NAME` for that named version of it, "base" for its base). Each FILE is a
delegation's return: a Word file with tracked changes is read author by author; `FILE=DELEGATION`
attributes a whole file (a clean edited copy, or revisions by a person's name) to one delegation. Bad
input ends in one line on stderr and exit code 2; the output is written atomically.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from drafter import inputs
from drafter.errors import DrafterError
from drafter.options import check_output, person, whole_number

if TYPE_CHECKING:
    from drafter.model import Resolution
    from drafter.negotiate.compilation import Compilation

FORMS = ("revisions", "compilation", "table")


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "compile",
        help="compile delegations' proposals on a text: Word revisions by delegation, a compilation text, a table",
        description="Read the files delegations returned on SENT (Word files with tracked changes and comments, "
                    "or clean copies named FILE=DELEGATION) and write their proposals as one Word file: "
                    "revisions by delegation (default), a compilation text with OP5 bis and alt labels, or a "
                    "table. --json prints the proposals, their conflicts and the warnings.",
    )
    parser.add_argument("sent", metavar="SENT", help="the text sent to the delegations (any format, or a .drafter)")
    parser.add_argument("files", metavar="FILE[=DELEGATION]", nargs="+",
                        help="a delegation's file; =DELEGATION names the delegation for a file without tracked "
                             "changes (or makes every revision of the file that delegation's)")
    parser.add_argument("-o", "--output", metavar="OUT.docx", help="the Word file to write")
    parser.add_argument("--as", dest="form", choices=FORMS, default="revisions",
                        help="revisions (default): SENT with the proposals as Word revisions by delegation; "
                             "compilation: each paragraph with the proposals on it; table: paragraph | proposals | "
                             "status")
    parser.add_argument("--version", metavar="NAME",
                        help="SENT is a .drafter draft: compile against its version NAME (\"base\" for its base) "
                             "rather than the draft as it is")
    parser.add_argument("--json", action="store_true", help="print the proposals, conflicts and warnings as JSON")
    parser.add_argument("--author", type=person, default="Drafter",
                        help="author of the comments on competing proposals")
    parser.add_argument("--jobs", type=whole_number("a number of processes", 1, 64), default=1, metavar="N",
                        help="read the files with N processes (default 1; more helps on an idle machine)")
    parser.set_defaults(handler=run)
    return parser


def file_and_name(argument: str) -> tuple[str, str | None]:
    """`FILE` or `FILE=DELEGATION`; a file whose own name holds "=" is taken whole when it exists."""
    if os.path.exists(argument) or "=" not in argument:
        if not os.path.isfile(argument):
            raise DrafterError(f"{argument}: no such file")
        return argument, None
    path, name = argument.rsplit("=", 1)
    if not os.path.isfile(path):
        raise DrafterError(f"{path}: no such file")
    if not name.strip():
        raise DrafterError(f"{argument}: the delegation's name after '=' is empty")
    return path, " ".join(name.split())


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except DrafterError as error:
        print(f"drafter compile: {error}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from drafter.exporters.ooxml import atomic_write
    from drafter.negotiate.compilation import compile_files

    if not args.output and not args.json:
        raise DrafterError("say where to write the compilation (-o OUT.docx), or ask for --json")
    files = [file_and_name(argument) for argument in args.files]
    if args.output:  # a Word file in a folder that takes it, and none of the files read
        check_output("-o", args.output, (".docx",), what="the compilation",
                     reads=(args.sent, *(path for path, _ in files)))
    if not os.path.isfile(args.sent):
        raise DrafterError(f"{args.sent}: no such file")
    sent = _sent(args.sent, args.version)
    compilation = compile_files(sent, files, jobs=args.jobs)
    if args.output:
        data = _write(compilation, args.form, args.author)
        atomic_write(args.output, data)
    if args.json:
        output = compilation.to_dict() | {"warnings": [found.to_dict() for found in _warnings(args, compilation)]}
        json.dump(output, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(args.output)
        own = len(sent.warnings)  # SENT's reader's warnings come first; the files' name their file
        for number, warning in enumerate(compilation.warnings):
            print(f"drafter compile: {args.sent + ': ' if number < own else ''}{warning}", file=sys.stderr)
    return 0


def _warnings(args: argparse.Namespace, compilation: Compilation) -> list[inputs.FileWarning]:
    """The warnings of a compilation, each with its file: SENT's reader's, each delegation file's (its
    reader's and those about its proposals), then the writer's, which concern the file written."""
    out = [inputs.FileWarning(args.sent, warning) for warning in compilation.sent.warnings]
    for intake in compilation.intakes:
        named = os.path.basename(intake.path) + ": "  # how the compilation names the file in its warnings
        out += [inputs.FileWarning(intake.path, warning.removeprefix(named)) for warning in intake.warnings]
    written = compilation.warnings[len(out):]
    return out + [inputs.FileWarning(args.output or args.sent, warning) for warning in written]


def _sent(path: str, version: str | None) -> Resolution:
    """The text sent: the file's text, or (`--version`) a named version of a draft file."""
    entry = inputs.read(path)
    if version is None:
        return entry.text
    try:
        return entry.named(version, "--version")
    except DrafterError as error:
        if path in str(error):
            raise
        raise DrafterError(f"{path}: {error}") from None


def _write(compilation: Compilation, form: str, author: str) -> bytes:
    if form == "revisions":
        from drafter.negotiate.compile_revisions import write_revisions

        data, warnings = write_revisions(compilation, author)
        compilation.warnings += warnings
        return data
    from drafter.negotiate.compile_text import write_compilation, write_table

    return write_compilation(compilation) if form == "compilation" else write_table(compilation)


__all__ = ["FORMS", "file_and_name", "register", "run"]
