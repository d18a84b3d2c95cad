"""Make the delegations' Word files of tests/data/negotiate from A/RES/76/159, by writers other than Drafter.

    /work/main/.venv/bin/python tests/data/negotiate/make.py      (from the repository root)

The text sent to the delegations (`sent.fodt`, converted to `sent.docx` by LibreOffice) is A/RES/76/159
from tests/data/corpus, written here as a flat OpenDocument text: front matter, the formula, the preambular
paragraphs with their lead words in italics, the operative paragraphs as a numbered list, the footnotes.
Each delegation's file is that text with its own edits (`EDITS`), written by one of three writers:

- LibreOffice: `eu.fodt` holds the edits as recorded changes (`text:tracked-changes`) by their authors
  ("European Union", and one by "Canada") and a comment (`office:annotation`); `soffice --headless
  --convert-to docx` writes `eu.docx` with `w:ins`/`w:del` and comments.xml;
- python-redlines (its Docxodus engine, the delegation as author): `g77.docx`, sent.docx compared with
  a clean copy holding the edits of the "Group of 77 and China";
- python-docx and lxml: `usa.docx`, a clean edited copy of sent.docx (no revisions: the delegation is
  named on the command line), and `russia.docx`, revisions written as Word writes them (`w:ins`, `w:del`,
  deleted paragraph marks, a move as `w:moveFrom`/`w:moveTo`) by "Russian Federation", with a comment.

`manifest.json` records, for each file, its writer, its authors, the edits each author made and the text
(every paragraph's plain text, in order) that accepting that author's revisions alone gives: what the tests
compare Drafter's reading with. The edits are functions of this script, not of Drafter.

`bench_files(symbol_text, count, folder)` writes delegation files for the benchmark the same way
(python-docx and lxml), from any corpus text.
"""

from __future__ import annotations

import copy
import json
import random
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from lxml import etree  # noqa: E402

from drafter.compare.labels import labels_of  # noqa: E402
from drafter.importers import load  # noqa: E402  (reads the corpus text: the source, not a writer)
from drafter.model import Block, NoteRef, Paragraph, Resolution, Text, all_blocks  # noqa: E402

SOURCE = ROOT / "tests" / "data" / "corpus" / "A-RES-76-159.txt"
DATE = "2026-11-30T10:00:00"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# --- the text, as pieces -----------------------------------------------------------------------------


@dataclass
class Piece:
    text: str
    italic: bool = False
    note: str | None = None  # a footnote reference: the note's text
    change: tuple[str, str] | None = None  # ("ins" | "del", author)


@dataclass
class Para:
    label: str  # PP3, OP5, or "" for front matter and closing lines; NEW for a proposed paragraph
    pieces: list[Piece]
    numbered: bool = False
    mark: tuple[str, str] | None = None  # the whole paragraph inserted or deleted, by an author
    comments: list[tuple[str, str, str]] = field(default_factory=list)  # (words, author, comment text)
    annex: bool = False  # in an annex, after the closing lines

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces if p.note is None)


@dataclass
class Doc:
    front: list[Para]
    body: list[Para]  # the preamble and operative part, then the annexes' headings and paragraphs
    closing: list[Para]

    def find(self, label: str) -> Para:
        return next(p for p in self.body if p.label == label)


def from_resolution(res: Resolution) -> Doc:
    front = res.front
    lines = [f"United Nations\t{front.symbol}", front.organ, f"Distr.: {front.distribution}", front.date,
             front.session, *(f"Agenda item {item.number}" for item in front.agenda_items),
             *(item.title for item in front.agenda_items), front.adoption, front.report,
             f"{front.number}.\t{front.title}", res.formula]
    notes = {note.id: note.text for note in res.footnotes}

    def pieces(content: tuple[Text | NoteRef, ...]) -> list[Piece]:
        return [Piece(item.text, item.italic) if isinstance(item, Text) else Piece("", note=notes[item.note])
                for item in content]

    def para(label: str, paragraph: Block) -> Para:
        if "(" not in label or not isinstance(paragraph, Paragraph):
            return Para(label, pieces(paragraph.content), numbered=label.startswith("OP"))
        typed = "(" + label.rsplit("(", 1)[1]  # a sub-paragraph's label, typed before a tab
        return Para(label, [Piece(f"{typed}\t"), *pieces(paragraph.content)])

    body = [para(label, paragraph) for label, paragraph in res.labelled()]
    annexes: list[Para] = []
    labels = labels_of(res)
    for annex in res.annexes:
        annexes += [Para("", [Piece(line)]) for line in annex.heading]
        for block in all_blocks(annex.blocks):
            label = labels.get(block.id, "")
            if isinstance(block, Paragraph) and "(" in label:
                annexes.append(para(label, block))
            else:
                numbered = annex.numbered and isinstance(block, Paragraph)
                annexes.append(Para(label, pieces(block.content), numbered=numbered))
    for item in annexes:
        item.annex = True
    return Doc([Para("", [Piece(line)]) for line in lines if line.strip()], [*body, *annexes],
               [Para("", [Piece(line)]) for line in res.closing])


def markup(text: str, change: tuple[str, str] | None = None) -> list[Piece]:
    """`*italic*` markup as pieces."""
    return [Piece(part, index % 2 == 1, change=change) for index, part in enumerate(text.split("*")) if part]


# --- edits (what a delegation does to the text) ----------------------------------------------------------


def _split(para: Para, words: str) -> tuple[int, int]:
    """Cut the pieces of a paragraph so that `words` is pieces [start, stop)."""
    at = para.text.find(words)
    if at < 0 or para.text.find(words, at + 1) >= 0:
        raise ValueError(f"{para.label}: {words!r} is not found once")
    for cut in (at, at + len(words)):
        offset = 0
        for index, piece in enumerate(para.pieces):
            if piece.note is not None:
                continue
            if offset < cut < offset + len(piece.text):
                head, tail = piece.text[:cut - offset], piece.text[cut - offset:]
                para.pieces[index:index + 1] = [Piece(head, piece.italic, change=piece.change),
                                                Piece(tail, piece.italic, change=piece.change)]
                break
            offset += len(piece.text)
    offset, start, stop = 0, None, None
    for index, piece in enumerate(para.pieces):
        if piece.note is None:
            if offset == at and start is None:
                start = index
            offset += len(piece.text)
            if offset == at + len(words):
                stop = index + 1
    assert start is not None and stop is not None
    return start, stop


def replace(doc: Doc, label: str, old: str, new: str, author: str) -> None:
    """Replace (new "" deletes) words of a paragraph."""
    para = doc.find(label)
    start, stop = _split(para, old)
    for piece in para.pieces[start:stop]:
        piece.change = ("del", author)
    para.pieces[stop:stop] = markup(new, ("ins", author)) if new else []


def insert(doc: Doc, label: str, after: str, new: str, author: str) -> None:
    """Insert words after the words `after` of a paragraph."""
    para = doc.find(label)
    _start, stop = _split(para, after)
    para.pieces[stop:stop] = markup(new, ("ins", author))


def add_paragraph(doc: Doc, after: str, text: str, author: str) -> None:
    at = doc.body.index(doc.find(after)) + 1
    while at < len(doc.body) and doc.body[at].label == "NEW":
        at += 1
    doc.body.insert(at, Para("NEW", markup(text, ("ins", author)), numbered=after.startswith("OP"),
                             mark=("ins", author)))


def delete_paragraph(doc: Doc, label: str, author: str) -> None:
    para = doc.find(label)
    para.mark = ("del", author)
    for piece in para.pieces:
        piece.change = ("del", author)


def comment(doc: Doc, label: str, words: str, author: str, text: str) -> None:
    para = doc.find(label)
    _split(para, words)
    para.comments.append((words, author, text))


# The edits of each delegation: ("replace", label, old, new) | ("insert", label, after, new) |
# ("new", after label, text) | ("delete", label) | ("comment", label, words, text) | ("move", label, after label)
EU, CANADA, G77, USA, RUSSIA = "European Union", "Canada", "Group of 77 and China", "United States", \
    "Russian Federation"
EDITS: dict[str, list[tuple[str, ...]]] = {
    EU: [
        ("replace", "PP8", "Stressing", "*Underlining*"),
        ("replace", "OP5", "build an international order", "promote a rules-based international order"),
        ("insert", "OP13", "bilateral,", " subregional,"),
        ("new", "OP4", "*Encourages* States to share good practices in the field of human rights cooperation;"),
        ("comment", "OP7", "preventing violations", "Could the facilitator clarify the scope of prevention?"),
    ],
    CANADA: [
        ("replace", "OP16", "in collaboration with", "in close collaboration with"),
    ],
    G77: [
        ("replace", "PP7", "is not just a matter of relations", "is not merely a matter of relations"),
        ("replace", "OP9", "inter alia,", "among other things,"),
        ("replace", "OP12", "to contribute actively", "to contribute actively and constructively"),
    ],
    USA: [
        ("replace", "PP2", "comprehensive, far-reaching", "comprehensive"),
        ("delete", "OP3"),
        ("replace", "OP12", "Calls upon", "*Encourages*"),
    ],
    RUSSIA: [
        ("replace", "OP5", "build an international order", "build a just and equitable international order"),
        ("insert", "OP13", "bilateral,", " interregional,"),
        ("new", "OP4", "*Calls upon* States to refrain from unilateral coercive measures;"),
        ("delete", "OP9"),
        ("move", "PP15", "PP13"),
        ("comment", "OP17", "at its", "The Russian Federation proposes a biennial cycle."),
    ],
}


def apply_edits(doc: Doc, author: str) -> None:
    for edit in EDITS[author]:
        kind, *args = edit
        if kind == "replace":
            replace(doc, args[0], args[1], args[2], author)
        elif kind == "insert":
            insert(doc, args[0], args[1], args[2], author)
        elif kind == "new":
            add_paragraph(doc, args[0], args[1], author)
        elif kind == "delete":
            delete_paragraph(doc, args[0], author)
        elif kind == "comment":
            comment(doc, args[0], args[1], author, args[2])
        elif kind != "move":  # moves are written by the Word-style writer itself
            raise ValueError(kind)


def accepted(doc: Doc, author: str) -> list[str]:
    """The body's paragraph texts when `author`'s revisions are accepted and everyone else's rejected."""
    out: list[str] = []
    for para in doc.body:
        if para.mark is not None and (para.mark[0] == "ins") != (para.mark[1] == author):
            continue
        words = "".join(p.text for p in para.pieces if p.note is None and (
            p.change is None or (p.change[0] == "ins") == (p.change[1] == author)))
        out.append(words)
    return out


# --- LibreOffice: a flat ODT with recorded changes ------------------------------------------------------
_ODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm" fo:text-align="justify"/>
  <style:text-properties style:font-name="Times New Roman" fo:font-size="10pt"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-indent="1.25cm"/>
 </style:style>
 <style:style style:name="Label" style:family="text"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Ital" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <text:list-style style:name="OPs">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="2cm"
     fo:text-indent="-0.75cm" fo:margin-left="2cm"/>
   </style:list-level-properties>
  </text:list-level-style-number>
 </text:list-style>
</office:automatic-styles>
<office:body><office:text>
"""


class Fodt:
    """A flat ODT of a `Doc`, every change recorded with its author."""

    def __init__(self) -> None:
        self.regions: list[str] = []
        self.notes = 0
        self.comments = 0

    def region(self, kind: str, author: str) -> str:
        name = f"ct{len(self.regions) + 1}"
        tag = "insertion" if kind == "ins" else "deletion"
        self.regions.append(f'<text:changed-region xml:id="{name}" text:id="{name}"><text:{tag}><office:change-info>'
                            f"<dc:creator>{escape(author)}</dc:creator><dc:date>{DATE}</dc:date>"
                            f"</office:change-info></text:{tag}></text:changed-region>")
        return name

    def piece(self, piece: Piece) -> str:
        if piece.note is not None:
            self.notes += 1
            return (f'<text:note text:id="ftn{self.notes}" text:note-class="footnote"><text:note-citation>'
                    f"{self.notes}</text:note-citation><text:note-body><text:p>{escape(piece.note)}</text:p>"
                    "</text:note-body></text:note>")
        text = escape(piece.text).replace("\t", "<text:tab/>")
        if piece.text.endswith("\t"):  # a typed label: a run of its own
            return f'<text:span text:style-name="Label">{text}</text:span>'
        return f'<text:span text:style-name="Ital">{text}</text:span>' if piece.italic else text

    def paragraph(self, para: Para, open_change: str | None) -> tuple[str, str | None]:
        """A text:p; a paragraph-wide change starts at its start and ends at the start of the next one."""
        out = []
        if open_change is not None:
            out.append(f'<text:change-end text:change-id="{open_change}"/>')
        started = None
        if para.mark is not None:
            started = self.region(*para.mark)
            out.append(f'<text:change-start text:change-id="{started}"/>')
        comments = {words: (author, text) for words, author, text in para.comments}
        pending: str | None = None  # the change of the run of pieces being written
        for piece in para.pieces:
            inline = piece.change if para.mark is None else None
            if pending is not None and (inline is None or inline != self._open):
                out.append(f'<text:change-end text:change-id="{pending}"/>')
                pending = None
            if inline is not None and pending is None:
                pending = self.region(*inline)
                self._open = inline
                out.append(f'<text:change-start text:change-id="{pending}"/>')
            if piece.text in comments and piece.change is None:
                author, text = comments.pop(piece.text)
                self.comments += 1
                name = f"__Annotation__{self.comments}"
                out.append(f'<office:annotation office:name="{name}"><dc:creator>{escape(author)}</dc:creator>'
                           f"<dc:date>{DATE}</dc:date><text:p>{escape(text)}</text:p></office:annotation>"
                           f'{self.piece(piece)}<office:annotation-end office:name="{name}"/>')
            else:
                out.append(self.piece(piece))
        if pending is not None:
            out.append(f'<text:change-end text:change-id="{pending}"/>')
        style = "Body" if para.label else "Standard"
        return f'<text:p text:style-name="{style}">{"".join(out)}</text:p>', started

    _open: tuple[str, str] | None = None

    def write(self, doc: Doc) -> str:
        body: list[str] = []
        open_change: str | None = None
        in_list = False
        cut = next((index for index, para in enumerate(doc.body) if para.annex), len(doc.body))
        restart = True  # the operative list, and each annex's, numbers from 1; lists cut by sub-paragraphs go on
        for para in [*doc.front, *doc.body[:cut], *doc.closing, *doc.body[cut:]]:
            xml, started = self.paragraph(para, open_change)
            open_change = started
            if any(para is line for line in doc.closing):
                restart = True
            if para.numbered and not in_list:
                going_on = "" if restart else ' text:continue-numbering="true"'
                body.append(f'<text:list text:style-name="OPs"{going_on}>')
                in_list, restart = True, False
            elif not para.numbered and in_list:
                body.append("</text:list>")
                in_list = False
            body.append(f"<text:list-item>{xml}</text:list-item>" if para.numbered else xml)
        if in_list:
            body.append("</text:list>")
        if open_change is not None:  # the last paragraph's change ends in a paragraph of its own
            end = f'<text:change-end text:change-id="{open_change}"/>'
            body.append(f'<text:p text:style-name="Standard">{end}</text:p>')
        tracked = f'<text:tracked-changes text:track-changes="true">{"".join(self.regions)}</text:tracked-changes>' \
            if self.regions else ""
        return _ODT_HEAD + tracked + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


def soffice_docx(source: Path) -> Path:
    """`soffice --headless --convert-to docx`, next to the source."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
                        "--outdir", str(source.parent), str(source)], check=True, capture_output=True, timeout=180)
    return source.with_suffix(".docx")


# --- python-docx and lxml: Word's own markup --------------------------------------------------------------
class WordFile:
    """sent.docx opened with python-docx, edited in place: as revisions by an author, or clean."""

    def __init__(self, sent: Path, labels: dict[str, str]) -> None:
        self.document = docx.Document(str(sent))
        self.ids = iter(range(9000, 100000))
        self.by_label: dict[str, etree._Element] = {}
        texts = {_plain(text): label for label, text in labels.items()}
        for paragraph in self.document.paragraphs:
            label = texts.get(_plain(paragraph.text))
            if label:
                self.by_label[label] = paragraph._p
        missing = set(labels) - set(self.by_label)
        if missing:
            raise ValueError(f"paragraphs not found in sent.docx: {sorted(missing)}")

    def mark(self, kind: str, author: str) -> etree._Element:
        node = etree.Element(qn(f"w:{kind}"))
        node.set(qn("w:id"), str(next(self.ids)))
        node.set(qn("w:author"), author)
        node.set(qn("w:date"), DATE + "Z")
        return node

    def _run_with(self, label: str, words: str) -> etree._Element:
        """The run of a paragraph holding `words`, cut so that they are a run of their own."""
        p = self.by_label[label]
        for r in p.iter(qn("w:r")):
            t = r.find(qn("w:t"))
            if t is None or not t.text or words not in t.text or not _simple(r):
                continue
            head, tail = t.text.split(words, 1)
            for text, before in ((head, True), (tail, False)):
                if text:
                    piece = copy.deepcopy(r)
                    _set_text(piece, text)
                    (r.addprevious if before else r.addnext)(piece)
            _set_text(r, words)
            return r
        raise ValueError(f"{label}: no run holds {words!r}")

    def replace(self, label: str, old: str, new: str, author: str | None) -> None:
        r = self._run_with(label, old)
        added = []
        for piece in markup(new) if new else []:
            run = copy.deepcopy(r)
            _set_text(run, piece.text, piece.italic)
            added.append(run)
        if author is None:
            for run in reversed(added):
                r.addnext(run)
            r.getparent().remove(r)
            return
        deleted = self.mark("del", author)
        r.addprevious(deleted)
        deleted.append(r)
        r.find(qn("w:t")).tag = qn("w:delText")
        if added:
            inserted = self.mark("ins", author)
            inserted.extend(added)
            deleted.addnext(inserted)

    def insert(self, label: str, after: str, new: str, author: str | None) -> None:
        r = self._run_with(label, after)
        runs = []
        for piece in markup(new):
            run = copy.deepcopy(r)
            _set_text(run, piece.text, piece.italic)
            runs.append(run)
        if author is None:
            for run in reversed(runs):
                r.addnext(run)
            return
        inserted = self.mark("ins", author)
        inserted.extend(runs)
        r.addnext(inserted)

    def new(self, after: str, text: str, author: str | None, at: etree._Element | None = None) -> etree._Element:
        anchor = at if at is not None else self.by_label[after]
        p = copy.deepcopy(anchor)
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        template = next(iter(anchor.iter(qn("w:r"))))
        runs = []
        for piece in markup(text):
            run = copy.deepcopy(template)
            for child in list(run):
                if child.tag != qn("w:rPr"):
                    run.remove(child)
            _set_text(run, piece.text, piece.italic)
            runs.append(run)
        if author is not None:
            self._paragraph_mark(p, "ins", author)
            inserted = self.mark("ins", author)
            inserted.extend(runs)
            p.append(inserted)
        else:
            p.extend(runs)
        anchor.addnext(p)
        return p

    def _paragraph_mark(self, p: etree._Element, kind: str, author: str) -> None:
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.SubElement(p, qn("w:pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, qn("w:rPr"))
        rpr.append(self.mark(kind, author))

    def delete(self, label: str, author: str | None) -> None:
        p = self.by_label[label]
        if author is None:
            p.getparent().remove(p)
            return
        self._paragraph_mark(p, "del", author)
        self._wrap_runs(p, "del", author)

    def _wrap_runs(self, p: etree._Element, kind: str, author: str) -> None:
        for r in [child for child in p if child.tag == qn("w:r")]:
            wrapper = self.mark(kind, author)
            r.addprevious(wrapper)
            wrapper.append(r)
            if kind == "del":
                for t in r.iter(qn("w:t")):
                    t.tag = qn("w:delText")

    def move(self, label: str, after: str, author: str | None) -> None:
        """The paragraph moved after another: Word's w:moveFrom where it was and w:moveTo where it goes."""
        p = self.by_label[label]
        anchor = self.by_label[after]
        if author is None:
            anchor.addnext(p)
            return
        copied = copy.deepcopy(p)
        for side, para in (("moveFrom", p), ("moveTo", copied)):
            self._paragraph_mark(para, side, author)
            self._wrap_runs(para, side, author)
            range_id = str(next(self.ids))
            start = etree.Element(qn(f"w:{side}RangeStart"))
            for name, value in (("w:id", range_id), ("w:name", "move1"), ("w:author", author),
                                ("w:date", DATE + "Z")):
                start.set(qn(name), value)
            end = etree.Element(qn(f"w:{side}RangeEnd"))
            end.set(qn("w:id"), range_id)
            ppr = para.find(qn("w:pPr"))
            (ppr.addnext if ppr is not None else para.insert)(start) if ppr is not None else para.insert(0, start)
            para.append(end)
        anchor.addnext(copied)

    def comment(self, label: str, words: str, author: str, text: str) -> None:
        r = self._run_with(label, words)
        from docx.text.run import Run

        paragraph = next(p for p in self.document.paragraphs if p._p is self.by_label[label])
        self.document.add_comment(Run(r, paragraph), text=text, author=author,
                                  initials="".join(w[0] for w in author.split()))

    def apply(self, author: str, tracked: bool) -> None:
        by = author if tracked else None
        for edit in EDITS[author]:
            kind, *args = edit
            if kind == "replace":
                self.replace(args[0], args[1], args[2], by)
            elif kind == "insert":
                self.insert(args[0], args[1], args[2], by)
            elif kind == "new":
                self.new(args[0], args[1], by)
            elif kind == "delete":
                self.delete(args[0], by)
            elif kind == "move":
                self.move(args[0], args[1], by)
            elif kind == "comment" and tracked:
                self.comment(args[0], args[1], author, args[2])

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


def _simple(run: etree._Element) -> bool:
    """A run of one piece of text (which a copy can be cut from)."""
    return len(run.findall(qn("w:t"))) == 1 and run.find(qn("w:tab")) is None


def _plain(text: str) -> str:
    """A paragraph's text as python-docx reads it (a non-breaking hyphen is a w:noBreakHyphen)."""
    return text.replace("\u2011", "-").strip()


def _set_text(run: etree._Element, text: str, italic: bool | None = None) -> None:
    t = run.find(qn("w:t"))
    if t is None:
        t = etree.SubElement(run, qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if italic is not None:
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.Element(qn("w:rPr"))
            run.insert(0, rpr)
        for tag in ("w:i", "w:iCs"):
            for node in rpr.findall(qn(tag)):
                rpr.remove(node)
        if italic:
            etree.SubElement(rpr, qn("w:i"))


def redline(author: str, sent: Path, edited: Path, target: Path) -> Path:
    """python-redlines' Docxodus engine: sent.docx against the edited copy, the delegation as author."""
    from python_redlines.engines import DocxodusEngine

    data, _log, _error = DocxodusEngine().run_redline(author, sent.read_bytes(), edited.read_bytes())
    target.write_bytes(data)
    return target


# --- the files -----------------------------------------------------------------------------------------
def expected_move(texts: list[str], doc: Doc, author: str) -> list[str]:
    """The accepted text with the author's moves done (the LibreOffice model has none)."""
    labels = [p.label for p in doc.body]
    for kind, *args in EDITS[author]:
        if kind == "move":
            at = labels.index(args[0])
            text, label = texts.pop(at), labels.pop(at)
            to = labels.index(args[1]) + 1
            texts.insert(to, text)
            labels.insert(to, label)
    return texts


def bench_files(source: Path, count: int, folder: Path, edits: int = 6, seed: int = 80) -> tuple[Path, list[Path]]:
    """A text sent (LibreOffice) and `count` delegations' files (python-docx and lxml, revisions by
    "Delegation n"), each with `edits` changes to paragraphs of its own choosing, for the benchmark."""


    rng = random.Random(seed)
    res = load(str(source))
    sent = from_resolution(res)
    (folder / "sent.fodt").write_text(Fodt().write(sent), encoding="utf-8")
    sent_docx = soffice_docx(folder / "sent.fodt")
    labels = {p.label: p.text.strip() for p in sent.body}
    unique = [label for label, text in labels.items() if label and list(labels.values()).count(text) == 1]
    out = []
    for number in range(1, count + 1):
        author = f"Delegation {number}"
        word = WordFile(sent_docx, {label: labels[label] for label in unique})
        chosen = rng.sample(unique, edits)
        for index, label in enumerate(chosen):
            runs = [r.findtext(qn("w:t")) or "" for r in word.by_label[label].iter(qn("w:r")) if _simple(r)]
            words = re.findall(r"(?<= )[a-z]+(?= )", max(runs, key=len)) if runs else []
            if not words:
                continue
            chosen_word = rng.choice(words)
            if index % 3 == 0:
                word.replace(label, f" {chosen_word} ", " further ", author)
            elif index % 3 == 1:
                word.insert(label, f" {chosen_word} ", "and relevant ", author)
            elif "(" not in label:
                word.new(label, "*Encourages* all Member States to consider the matter further;", author)
        out.append(word.save(folder / f"delegation-{number}.docx"))
    return sent_docx, out


def main() -> None:
    sent_res = load(str(SOURCE))
    sent = from_resolution(sent_res)
    (HERE / "sent.fodt").write_text(Fodt().write(sent), encoding="utf-8")
    soffice_docx(HERE / "sent.fodt")
    labels = {p.label: p.text.strip() for p in sent.body}
    manifest: dict[str, object] = {"source": "tests/data/corpus/A-RES-76-159.txt", "sent": "sent.docx", "files": {}}
    files: dict[str, object] = {}

    eu = from_resolution(sent_res)
    apply_edits(eu, EU)
    apply_edits(eu, CANADA)
    (HERE / "eu.fodt").write_text(Fodt().write(eu), encoding="utf-8")
    soffice_docx(HERE / "eu.fodt")
    files["eu.docx"] = {"writer": "LibreOffice (recorded changes in eu.fodt, converted by soffice)",
                        "authors": {EU: accepted(eu, EU), CANADA: accepted(eu, CANADA)}}

    g77 = from_resolution(sent_res)
    apply_edits(g77, G77)
    clean = WordFile(HERE / "sent.docx", labels)
    clean.apply(G77, tracked=False)
    with tempfile.TemporaryDirectory() as scratch:
        edited = clean.save(Path(scratch) / "g77-clean.docx")
        redline(G77, HERE / "sent.docx", edited, HERE / "g77.docx")
    files["g77.docx"] = {"writer": "python-redlines 2.0 (Docxodus engine), author set to the delegation",
                         "authors": {G77: accepted(g77, G77)}}

    usa = from_resolution(sent_res)
    apply_edits(usa, USA)
    copy_ = WordFile(HERE / "sent.docx", labels)
    copy_.apply(USA, tracked=False)
    copy_.save(HERE / "usa.docx")
    files["usa.docx"] = {"writer": "python-docx (a clean edited copy, no revisions)", "clean": USA,
                         "authors": {USA: accepted(usa, USA)}}

    russia = from_resolution(sent_res)
    apply_edits(russia, RUSSIA)
    word = WordFile(HERE / "sent.docx", labels)
    word.apply(RUSSIA, tracked=True)
    word.save(HERE / "russia.docx")
    files["russia.docx"] = {"writer": "python-docx and lxml (w:ins, w:del, paragraph marks, w:moveFrom/w:moveTo, "
                                      "a comment by python-docx)",
                            "authors": {RUSSIA: expected_move(accepted(russia, RUSSIA), russia, RUSSIA)}}
    manifest["files"] = files
    manifest["edits"] = {author: [list(edit) for edit in edits] for author, edits in EDITS.items()}
    manifest["sent_texts"] = [p.text for p in sent.body]
    manifest["sent_labels"] = [p.label for p in sent.body]
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("written:", ", ".join(sorted(["sent.docx", *files])))


if __name__ == "__main__":
    main()
