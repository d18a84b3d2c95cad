"""Real .docx files for the reader's tests, and hostile ones.

`write_docx` builds a document with python-docx and adds what python-docx has
no API for with lxml: list definitions in numbering.xml, a footnotes part, and
tracked changes (w:ins, w:del, revised paragraph marks). Paragraph text uses a
small markup: `*italic*`, `[^7]` a reference to footnote id 7, `{+inserted+}`
and `{-deleted-}`.

`resolution_72_169` writes A/RES/72/169 (from the corpus) as a delegate's
Word file: OPs an automatic list, lead words in italics, footnotes, and a few
tracked changes.
"""

from __future__ import annotations

import itertools
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

CORPUS = Path(__file__).parent / "data" / "corpus" / "A-RES-72-169-clean.txt"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MARKUP = re.compile(r"\{\+(.+?)\+\}|\{-(.+?)-\}|\*(.+?)\*|\[\^(\d+)\]")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_REVISION = {"w:author": "Delegate", "w:date": "2026-11-29T10:00:00Z"}


@dataclass
class Para:
    text: str  # the markup above
    num: tuple[int, int] | None = None  # (numId, ilvl) of an automatic list
    style: str | None = None
    centered: bool = False
    mark: str | None = None  # "ins" or "del": the whole paragraph inserted or deleted


@dataclass
class Lists:
    """Definitions for numbering.xml: abstract lists by id, and list instances (numIds)."""

    abstract: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # id → [(numFmt, lvlText)]
    nums: dict[int, int] = field(default_factory=dict)  # numId → abstract id
    start_overrides: dict[int, dict[int, int]] = field(default_factory=dict)  # numId → {ilvl: start}


def write_docx(path: Path, paras: list[Para], *, lists: Lists | None = None,
               footnotes: dict[int, str] | None = None) -> Path:
    document = docx.Document()
    ids = itertools.count(100)
    for spec in paras:
        paragraph = document.add_paragraph(style=spec.style)
        if spec.centered:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if spec.num is not None:
            ppr = paragraph._p.get_or_add_pPr()
            style = ppr.find(qn("w:pStyle"))
            ppr.insert(0 if style is None else 1, parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{spec.num[1]}"/><w:numId w:val="{spec.num[0]}"/></w:numPr>'))
        if spec.mark is not None:
            mark_rpr = OxmlElement("w:rPr")
            mark_rpr.append(_revision(spec.mark, ids))
            paragraph._p.get_or_add_pPr().append(mark_rpr)
        _add_markup(paragraph, spec.text, spec.mark, ids)
    if lists is not None:
        _add_lists(document, lists)
    if footnotes is not None:
        blob = _footnotes_xml(footnotes).encode("utf-8")
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, blob, document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(path))
    return path


def _revision(kind: str, ids: itertools.count[int]) -> etree._Element:
    return OxmlElement(f"w:{kind}", {qn("w:id"): str(next(ids)), **{qn(k): v for k, v in _REVISION.items()}})


def _add_markup(paragraph: DocxParagraph, text: str, whole: str | None, ids: itertools.count[int]) -> None:
    pos = 0
    for match in [*_MARKUP.finditer(text), None]:
        end = match.start() if match else len(text)
        if end > pos:
            _run(paragraph, text[pos:end], False, whole, ids)
        if match is None:
            break
        pos = match.end()
        inserted, deleted, italic, note = match.groups()
        if note is not None:
            run = paragraph.add_run()
            run.font.superscript = True
            run._r.append(OxmlElement("w:footnoteReference", {qn("w:id"): note}))
            _wrap(run._r, whole, ids)
        elif italic is not None:
            _run(paragraph, italic, True, whole, ids)
        else:
            for piece, piece_italic in _italics(inserted if inserted is not None else deleted):
                _run(paragraph, piece, piece_italic, "ins" if inserted is not None else "del", ids)


def _italics(text: str) -> list[tuple[str, bool]]:
    return [(piece, index % 2 == 1) for index, piece in enumerate(text.split("*")) if piece]


def _run(paragraph: DocxParagraph, text: str, italic: bool, change: str | None,
         ids: itertools.count[int]) -> None:
    run = paragraph.add_run(text)
    if italic:
        run.italic = True
    _wrap(run._r, change, ids)


def _wrap(r: etree._Element, change: str | None, ids: itertools.count[int]) -> None:
    if change is None:
        return
    if change == "del":
        for t in r.findall(qn("w:t")):
            t.tag = qn("w:delText")
    wrapper = _revision(change, ids)
    r.addprevious(wrapper)
    wrapper.append(r)


def _add_lists(document: docx.document.Document, lists: Lists) -> None:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for abstract_id, levels in lists.abstract.items():
        lvls = "".join(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{567 * (ilvl + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
            for ilvl, (fmt, text) in enumerate(levels))
        element = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        first_num.addprevious(element)
    for num_id, abstract_id in lists.nums.items():
        overrides = "".join(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/>'
                            "</w:lvlOverride>"
                            for ilvl, start in lists.start_overrides.get(num_id, {}).items())
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                   f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'))


def _footnotes_xml(footnotes: dict[int, str]) -> str:
    notes = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
             "</w:r></w:p></w:footnote>"]
    for note_id, text in footnotes.items():
        runs = "".join(f'<w:r>{"<w:rPr><w:i/></w:rPr>" if italic else ""}'
                       f'<w:t xml:space="preserve">{_escape(piece)}</w:t></w:r>'
                       for piece, italic in _italics(text))
        notes.append(f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                     '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                     f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs}</w:p></w:footnote>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {nsdecls("w")}>' \
           f'{"".join(notes)}</w:footnotes>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- A/RES/72/169 --------------------------------------------------------------
@dataclass
class Corpus:
    head: list[str]
    formula: str
    pps: list[str]  # markup, lead phrase in italics, footnote references as [^marker]
    ops: list[str]  # markup without the typed number
    closing: list[str]
    notes: dict[int, str]  # marker → text (markup)


def corpus_72_169() -> Corpus:
    text = CORPUS.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    notes: dict[int, str] = {}
    head: list[str] = []
    body: list[str] = []
    closing: list[str] = []
    formula = ""
    for chunk in chunks:
        note = re.match(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+) (.*)", chunk, re.S)
        if note:
            notes[int(note.group(1).translate(_SUPERSCRIPT))] = note.group(2)
        elif chunk.startswith("*73rd"):
            closing = [f"*{line.strip('*')}*" for line in chunk.splitlines()]
        elif formula:
            if body and not body[-1].rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰").endswith((",", ";", ".")):
                body[-1] = f"{body[-1]} {chunk}"  # a paragraph cut by the page break
            else:
                body.append(chunk)
        elif chunk == "The General Assembly,":
            formula = chunk
        else:
            head.extend(line.strip() for line in chunk.splitlines())
    body = [re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", lambda m: f"[^{m.group(0).translate(_SUPERSCRIPT)}]", b) for b in body]
    pps = [re.sub(r"^(\w+(?: (?:also|further))?)", r"*\1*", b) for b in body if not re.match(r"\d+\. ", b)]
    ops = [re.sub(r"^\d+\. ", "", b) for b in body if re.match(r"\d+\. ", b)]
    return Corpus(head, formula, pps, ops, closing, notes)


OP_LIST = 20  # numId of the operative paragraphs
INSERTED = ", United Nations entities"
DELETED = "and meetings "
NEW_LAST_OP = "*Decides* to continue its consideration of the question at its seventy-fifth session."


def note_id(marker: int) -> int:
    """Footnote ids in the file run backwards, so that markers must come from the order of reference."""
    return 10 - marker


def resolution_72_169(path: Path, tracked: bool = True) -> Path:
    corpus = corpus_72_169()
    centered = ("Resolution adopted", "[*on the report")
    paras = [Para(line, centered=line.startswith(centered)) for line in corpus.head]
    paras.append(Para(corpus.formula))
    paras += [Para(_refs(pp)) for pp in corpus.pps]
    ops = [_refs(op) for op in corpus.ops]
    if tracked:
        ops[2] = ops[2].replace("conferences " + DELETED, "conferences {-" + DELETED + "-}")
        ops[13] = ops[13].replace("* States and", "* States{+" + INSERTED + "+} and")
    paras += [Para(op, num=(OP_LIST, 0)) for op in ops]
    if tracked:
        paras[-1].mark = "del"
        paras.append(Para(NEW_LAST_OP, num=(OP_LIST, 0), mark="ins"))
    paras += [Para(line) for line in corpus.closing]
    lists = Lists(abstract={20: [("decimal", "%1.")]}, nums={OP_LIST: 20})
    notes = {note_id(marker): text for marker, text in corpus.notes.items()}
    return write_docx(path, paras, lists=lists, footnotes=notes)


def _refs(text: str) -> str:
    return re.sub(r"\[\^(\d+)\]", lambda m: f"[^{note_id(int(m.group(1)))}]", text)


# --- hostile files ---------------------------------------------------------------
CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                 b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 b'officedocument.wordprocessingml.document.main+xml"/></Types>')
ROOT_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
             b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             b"</Relationships>")


def document_xml(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document {nsdecls("w")}><w:body>{body}</w:body></w:document>').encode()


def raw_docx(path: Path, document: bytes | None, parts: dict[str, bytes] | None = None) -> Path:
    """A minimal package: content types, the root relationships, and the parts given."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        if document is not None:
            archive.writestr("word/document.xml", document)
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return path


def zip_bomb(path: Path, size: int = 1 << 30, declared: int | None = None) -> Path:
    """word/document.xml of `size` zero bytes, deflated in a few milliseconds.

    The deflate stream is one compressed megabyte of zeros repeated: after a full
    flush the compressor starts afresh, so each block is the same bytes. The
    central directory declares `declared` bytes (default: the truth).
    """
    mega = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(mega)) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()
    count = size // mega
    compressed_size = len(block) * count + len(tail)
    declared = size if declared is None else declared
    crc = 0  # not computed: a reader must refuse before it gets that far
    name = b"word/document.xml"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, compressed_size, declared,
                        len(name), 0) + name
    with open(path, "wb") as handle:
        entries = [_stored_central(b"[Content_Types].xml", CONTENT_TYPES, 0)]
        entries.append(_stored_central(b"_rels/.rels", ROOT_RELS, len(entries[0][1])))
        handle.write(entries[0][1] + entries[1][1])
        offset = handle.tell()
        handle.write(local)
        for _ in range(count):
            handle.write(block)
        handle.write(tail)
        directory_at = handle.tell()
        central = [e[0] for e in entries]
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, compressed_size,
                                   declared, len(name), 0, 0, 0, 0, 0, offset) + name)
        directory = b"".join(central)
        handle.write(directory)
        handle.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory),
                                 directory_at, 0))
    return path


def _stored_central(name: bytes, data: bytes, offset: int) -> tuple[bytes, bytes]:
    """(central directory entry, local header and data) of an uncompressed entry."""
    crc = zlib.crc32(data)
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, len(data), len(data), len(name), 0)
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, crc, len(data), len(data),
                          len(name), 0, 0, 0, 0, 0, offset)
    return central + name, local + name + data
