"""Raw WordprocessingML helpers the exporters share: elements, runs, revision marks, ids, saving.

python-docx opens the reference template and saves the package; everything it has no API for
(footnotes, revisions, list instances) is built here with lxml. One `Stamp` per document hands
out the `w:id` of every revision and range marker, so ids never collide.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from drafter.atomic import write_atomically
from drafter.errors import ExportFailed

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "un-template.docx"

# Revision wrappers and where their text goes
INS, DEL, MOVE_FROM, MOVE_TO = "ins", "del", "moveFrom", "moveTo"
REMOVED = (DEL, MOVE_FROM)  # text inside these is w:delText
LIST_STEP = 475  # twips: the first-line indent of a paragraph and one level of list indentation
NOTE_TEXT, NOTE_MARK = 1267, 1022  # twips: where a footnote's text stands, and its number before it


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def el(tag: str, *children: etree._Element, **attrs: str) -> etree._Element:
    """A w: element with w: attributes (`val="x"` becomes `w:val="x"`)."""
    node = etree.Element(w(tag), {w(k): v for k, v in attrs.items()}, nsmap={"w": W_NS})
    node.extend(children)
    return node


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, w(tag), {w(k): v for k, v in attrs.items()})


@dataclass
class Stamp:
    """Author, date and the one id counter of a document's revisions and range markers."""

    author: str = "Drafter"
    date: str = ""
    next_id: int = 1
    moves: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def iso(when: datetime.datetime | str | None) -> str:
        """`w:date` of a revision: UTC, to the second; a string must be an ISO 8601 date (and time)."""
        if when is None:
            when = datetime.datetime.now(datetime.UTC)
        if isinstance(when, str):
            try:
                when = datetime.datetime.fromisoformat(when.strip())
            except ValueError:
                raise ExportFailed("revision date", f"{when!r} is not a date: write it as 2026-01-31 or "
                                                    "2026-01-31T10:00:00Z") from None
        if when.tzinfo is not None:
            when = when.astimezone(datetime.UTC)
        return when.replace(microsecond=0, tzinfo=None).isoformat() + "Z"

    def take(self) -> str:
        value = str(self.next_id)
        self.next_id += 1
        return value

    def mark(self, kind: str, *children: etree._Element) -> etree._Element:
        """A revision element (w:ins, w:del, w:moveFrom, w:moveTo) with id, author and date."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return el(kind, *children, id=self.take(), author=self.author, date=self.date)

    def move_name(self) -> str:
        self.moves += 1
        return f"move{self.moves}"


def rpr(italic: bool = False, style: str | None = None, extra: Iterable[str] = ()) -> etree._Element | None:
    if not italic and style is None and not extra:
        return None
    props = el("rPr")
    if style is not None:
        sub(props, "rStyle", val=style)
    for tag in extra:
        sub(props, tag)
    if italic:
        sub(props, "i")
    return props


def text_run(text: str, italic: bool = False, removed: bool = False, style: str | None = None,
             extra: Iterable[str] = ()) -> etree._Element:
    """A run of text; `removed` writes w:delText (for runs inside w:del or w:moveFrom)."""
    run = el("r")
    props = rpr(italic, style, extra)
    if props is not None:
        run.append(props)
    node = sub(run, "delText" if removed else "t")
    node.text = text
    if text[:1].isspace() or text[-1:].isspace():
        node.set(XML_SPACE, "preserve")
    return run


def note_run(note_id: int, extra: Iterable[str] = ()) -> etree._Element:
    """A footnote reference: a run in style FootnoteReference holding w:footnoteReference."""
    run = el("r")
    run.append(rpr(style="FootnoteReference", extra=extra))  # type: ignore[arg-type]
    sub(run, "footnoteReference", id=str(note_id))
    return run


def level_indent(ilvl: int) -> tuple[int, int] | None:
    """(left, hanging) of a list paragraph at `ilvl` where the template's list levels fall short: from
    ilvl 2 ("(i)" under "(a)") on, each level's label stands one step further in than its parent's
    (the template puts "(i)" at the indent of "(a)"), its text wrapping one step further in still."""
    if ilvl < 2:
        return None
    return LIST_STEP * (ilvl + 1), LIST_STEP


def paragraph(style: str, children: Iterable[etree._Element] = (), numpr: tuple[int, int] | None = None,
              mark: etree._Element | None = None, keep_next: bool = False,
              indent: tuple[int, int] | None = None) -> etree._Element:
    """A w:p in `style`, in list `numpr` (numId, ilvl), with a revision `mark` on its paragraph mark;
    `indent` (left, hanging) in twips, else the indent of the list level (`level_indent`)."""
    p = el("p")
    ppr = sub(p, "pPr")
    sub(ppr, "pStyle", val=style)
    if keep_next:
        sub(ppr, "keepNext")
    if numpr is not None:
        num = sub(ppr, "numPr")
        sub(num, "ilvl", val=str(numpr[1]))
        sub(num, "numId", val=str(numpr[0]))
        indent = indent or level_indent(numpr[1])
    if indent is not None:
        sub(ppr, "ind", left=str(indent[0]), hanging=str(indent[1]))
    if mark is not None:
        sub(ppr, "rPr").append(mark)
    p.extend(children)
    return p


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` atomically (`drafter.atomic`); any failure raises ExportFailed."""
    target = Path(path)
    if target.is_dir():
        raise ExportFailed(str(target), "is a folder; give a file name such as draft.docx")
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise ExportFailed(str(target), _reason(exc, target.parent)) from exc


def _reason(exc: OSError, folder: Path) -> str:
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot be written: the folder {folder} is read-only or not yours; choose another folder"
    if exc.errno == errno.ENOSPC:
        return "cannot be written: the disk is full; free some space and export again"
    if exc.errno == errno.ENOENT:
        return f"cannot be written: the folder {folder} does not exist"
    return f"cannot be written ({exc.strerror or exc})"
