"""`drafter version add DRAFT NAME` and `drafter versions DRAFT`: a draft's named versions.

`version add` keeps the draft as it stands under a name ("Zero draft", "Rev.1", "A/C.3/80/L.12");
the file is rewritten atomically, so a kill in the middle leaves it as it was. `versions`
lists them, oldest first, with date, note and size.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from drafter import draftfile, versions
from drafter.edits import Document
from drafter.errors import DrafterError
from drafter.inputs import Input, Reading, is_draft_file


def register(subparsers: Any) -> None:
    """Add the `version` and `versions` sub-commands."""
    version = subparsers.add_parser("version", help="keep the draft as it stands under a name",
                                    description="Keep the draft of a .drafter file as a named version.")
    actions = version.add_subparsers(dest="action", required=True, metavar="add")
    add = actions.add_parser("add", help="add a version named NAME: the draft as it stands now")
    add.add_argument("file", metavar="DRAFT", help="a .drafter draft file")
    add.add_argument("name", metavar="NAME", help='the version\'s name, e.g. "Rev.1" or "A/C.3/80/L.12"')
    add.add_argument("--note", default="", help="a note kept with the version")
    add.set_defaults(handler=_add)

    listing = subparsers.add_parser("versions", help="list a draft's named versions",
                                    description="List the named versions of a .drafter draft, oldest first.")
    listing.add_argument("file", metavar="DRAFT", help="a .drafter draft file")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(handler=_list)


def _read(path: str, command: str) -> tuple[Document, Reading]:
    """The draft file, its warnings (its base's and its draft's) printed on stderr as every command does."""
    if not is_draft_file(path):
        raise DrafterError(f"{path}: versions are kept in a .drafter draft file; "
                           "make one with `drafter followup` or File › Save in the app")
    doc = draftfile.read(path)
    reading = Reading([Input(path, doc.draft, doc.base)])
    reading.report(command)
    return doc, reading


def _add(args: argparse.Namespace) -> int:
    doc, _ = _read(args.file, "version")
    if any(ord(ch) < 32 and ch not in "\t\n" for ch in args.note):
        raise DrafterError("--note cannot hold control characters")
    version = versions.add(doc.versions, args.name, doc.draft, args.note.strip())
    draftfile.save(doc, args.file)
    print(f'{args.file}: version "{version.name}" added ({len(doc.versions)} in all)')
    return 0


def _list(args: argparse.Namespace) -> int:
    doc, reading = _read(args.file, "versions")
    rows = [{"name": v.name, "date": v.date, "note": v.note,
             "paragraphs": len(text.preambular()) + len(text.operatives())}
            for v in doc.versions for text in [v.text()]]
    if args.json:
        json.dump({"file": args.file, "versions": rows, "warnings": reading.to_json()}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print(f"{args.file}: no versions yet (add one with `drafter version add {args.file} NAME`)")
        return 0
    width = max(len(v.name) for v in doc.versions)
    for row in rows:
        note = f"  {row['note']}" if row["note"] else ""
        print(f"{row['name']!s:<{width}}  {row['date']}  {row['paragraphs']} paragraphs{note}")
    return 0
