"""The text and the LibreOffice writer of tests/data/negotiate/make.py: a resolution as pieces of text, the edits
a delegation makes to it, and a flat OpenDocument text with the edits as recorded changes by their authors
(converted to .docx by LibreOffice). The Word writer is in word_file.py."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from drafter.compare.labels import labels_of
from drafter.model import Block, NoteRef, Paragraph, Resolution, Text, all_blocks

DATE = "2026-11-30T10:00:00"
Edit = tuple[str, ...]  # ("replace", label, old, new) | ("insert", label, after, new) | ("new", after, text) |
# ("delete", label) | ("comment", label, words, text) | ("move", label, after)

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
def apply_edits(doc: Doc, author: str, edits: list[Edit]) -> None:
    for edit in edits:
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
