"""The `drafter` command: inspect, compare and the app.

Every error a user can cause ends in one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from typing import NoReturn

from drafter import inputs
from drafter.amendments.command import register as register_amendments
from drafter.brackets_command import register as register_brackets
from drafter.compare import command as compare_command
from drafter.errors import DrafterError
from drafter.exporters import command as export_command
from drafter.followup_command import register as register_followup
from drafter.library.command import register as register_library
from drafter.model import CrossHeading, Paragraph, Resolution
from drafter.negotiate.command import register as register_compile
from drafter.rules.command import register as register_check
from drafter.version import __version__
from drafter.versions_command import register as register_versions

Handler = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """Bad arguments end in one line on stderr and exit code 2 (argparse would print the usage too)."""

    commands: frozenset[str] = frozenset()  # the sub-commands' names, on the top-level parser

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _inspect(args: argparse.Namespace) -> int:
    from drafter.serialize import summary

    reading = inputs.Reading()
    entry = reading.read(args.file)
    reading.report("inspect")
    res = entry.text
    if args.json:
        data = summary(res) | {"warnings": reading.to_json()}  # each with its file: a draft file's base's too
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if entry.stored_base is not None:
        base = entry.stored_base.front
        sys.stdout.write(f"draft file: the draft below; its base is {base.symbol or base.title or 'untitled'} "
                         f"({len(entry.stored_base.preambular())} preambular, "
                         f"{len(entry.stored_base.operatives())} operative)\n")
    sys.stdout.write(describe(res))
    return 0


def _first_words(text: str, count: int = 10) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def describe(res: Resolution) -> str:
    """The human summary `drafter inspect` prints."""
    front = res.front
    lines = [
        f"organ:     {front.organ or '?'}",
        f"symbol:    {front.symbol or '?'}",
        f"type:      {front.doc_type}",
        f"title:     {front.title or '—'}",
    ]
    for name in ("session", "date", "adoption", "report", "sponsors"):
        value = getattr(front, name)
        if value:
            lines.append(f"{name + ':':<10} {value}")
    for item in front.agenda_items:
        lines.append(f"agenda:    {item.number} {item.title}".rstrip())
    subs = sum(1 for label, _ in res.labelled() if "(" in label)
    lines.append(
        f"counts:    {len(res.preambular())} preambular, {len(res.operatives())} operative, "
        f"{subs} sub-paragraphs, {len(res.footnotes)} footnotes, {len(res.annexes)} annexes"
    )
    lines.append(f"formula:   {res.formula}")
    labels = res.labels()
    for block in res.preamble + res.operative:
        if isinstance(block, CrossHeading):
            lines.append(f"  — {block.text}")
            continue
        _describe_para(block, labels, lines)
    for index, note in enumerate(res.footnotes, 1):
        lines.append(f"  [{index}] {_first_words(note.text, 14)}")
    if res.closing:
        lines.append("closing:   " + " / ".join(res.closing))
    for annex in res.annexes:
        lines.append(f"annex:     {' / '.join(annex.heading)} ({len(annex.blocks)} paragraphs)")
    for warning in res.warnings:
        lines.append(f"warning:   {warning}")
    return "\n".join(lines) + "\n"


def _describe_para(para: Paragraph, labels: dict[str, str], lines: list[str]) -> None:
    label = labels.get(para.id, "?")
    lines.append(f"  {label:<12} {_first_words(para.text)}")
    for child in para.children:
        _describe_para(child, labels, lines)


def _gui_files(args: argparse.Namespace) -> None:
    """The app's files checked before it starts: one line and exit code 2, not a window, for a bad one."""
    from drafter.options import BadOption, check_output

    if args.base is not None and args.file is None:
        raise BadOption(f"--base {args.base}: give the FILE to compare with it")
    if args.view == "compare" and args.base is None:
        raise BadOption("--view compare: give FILE and --base BASE, the two files to compare")
    for option, path in (("FILE", args.file), ("--base", args.base)):
        if path is not None and not os.path.isfile(path):
            raise BadOption(f"{option} {path}: " + ("is a folder: give a file" if os.path.isdir(path)
                                                    else "no such file"))
    if args.screenshot is not None:
        check_output("--screenshot", args.screenshot, (".png",), what="the screenshot",
                     reads=(args.file, args.base))


def _gui(args: argparse.Namespace) -> int:
    _gui_files(args)
    from ui.app import main as gui_main

    return gui_main(args.file, screenshot=args.screenshot, base=args.base, view=args.view)


def build_parser() -> Parser:
    parser = Parser(prog="drafter", description="Draft, compare and export UN resolutions. "
                                                "`drafter FILE` opens FILE in the app, as `drafter gui FILE` does.")
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command")

    inspect = sub.add_parser("inspect", help="show what Drafter recognizes in a file")
    inspect.add_argument("file")
    inspect.add_argument("--json", action="store_true", help="print the model as JSON (schema in the README)")
    inspect.set_defaults(handler=_inspect)

    gui = sub.add_parser("gui", help="open the app")
    gui.add_argument("file", nargs="?", help="a draft (.drafter) or any resolution to start a draft from")
    gui.add_argument("--base", metavar="BASE", help="compare the draft with this base instead")
    gui.add_argument("--view", choices=["redline", "side-by-side", "editor", "compare"], help="the view to open")
    gui.add_argument("--screenshot", metavar="PNG", help="render the window offscreen to a PNG and exit")
    gui.set_defaults(handler=_gui)

    compare_command.register(sub)
    export_command.register(sub)
    register_followup(sub)
    register_check(sub)
    register_versions(sub)
    register_compile(sub)
    register_amendments(sub)
    register_brackets(sub)
    register_library(sub)
    parser.commands = frozenset(sub.choices)
    return parser


def _with_command(argv: list[str], commands: frozenset[str]) -> list[str]:
    """`drafter FILE …` (an existing file, no command) is `drafter gui FILE …`."""
    first = next((i for i, arg in enumerate(argv) if arg not in ("-v", "--verbose")), None)
    if first is None or argv[first].startswith("-") or argv[first] in commands:
        return argv
    if os.path.isfile(argv[first]):
        return [*argv[:first], "gui", *argv[first:]]
    if os.sep in argv[first] or os.path.splitext(argv[first])[1]:
        raise DrafterError(f"{argv[first]}: no such file (and no such command)")
    return argv


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        argv = _with_command(argv, parser.commands)
    except DrafterError as exc:
        print(f"drafter: {exc}", file=sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a bad argument already reported in one line
        return stop.code if isinstance(stop.code, int) else 2
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(name)s: %(message)s")
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        return _gui(argparse.Namespace(file=None, screenshot=None, base=None, view=None))
    try:
        return handler(args)
    except DrafterError as exc:  # the command, then what is wrong, on one line
        print(f"drafter {args.command}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of our output (head, less) has gone: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
