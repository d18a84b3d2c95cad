"""Word files on which the Word reader warns, made by two writers from A/RES/72/169 (tests/data/corpus).

python-docx with lxml (made by the tests, in their temporary folder):
- `tracked_pair`: the resolution with OP3's deletion and OP14's insertion as tracked changes, and the same
  text with the changes made. The reader reads tracked changes as accepted: the two read the same.
- `with_endnote`: the resolution with an endnote on OP1, its text as given.

LibreOffice (in tests/data/warnings/, made once by `python -m tests.warning_files`, which writes each as
flat ODF and has `soffice --headless --convert-to docx` turn it into Word): the same tracked changes
(`lo-tracked.docx`, and `lo-accepted.docx` with them made), and an endnote on OP1 with two texts
(`lo-endnote-a.docx`, `lo-endnote-b.docx`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn

from tests.docx_fixtures import DELETED, INSERTED, OP_LIST, Lists, Para, corpus_72_169, note_id, write_docx

LIBREOFFICE = Path(__file__).parent / "data" / "warnings"
ENDNOTE_A = "See the report of the Secretary-General on the question (A/72/351)."
ENDNOTE_B = "See the report of the Secretary-General on the question (A/73/247)."
_DELETE_AT = 2  # OP3 loses "and meetings "
_INSERT_AT = 13  # OP14 gains ", United Nations entities"


def _refs(text: str) -> str:
    return re.sub(r"\[\^(\d+)\]", lambda m: f"[^{note_id(int(m.group(1)))}]", text)


def _ops(tracked: bool) -> list[str]:
    ops = corpus_72_169().ops
    if tracked:
        ops[_DELETE_AT] = ops[_DELETE_AT].replace("conferences " + DELETED, "conferences {-" + DELETED + "-}")
        ops[_INSERT_AT] = ops[_INSERT_AT].replace("* States and", "* States{+" + INSERTED + "+} and")
    else:  # the changes made
        ops[_DELETE_AT] = ops[_DELETE_AT].replace("conferences " + DELETED, "conferences ")
        ops[_INSERT_AT] = ops[_INSERT_AT].replace("* States and", "* States" + INSERTED + " and")
    return ops


def _resolution(path: Path, tracked: bool) -> Path:
    corpus = corpus_72_169()
    centered = ("Resolution adopted", "[*on the report")
    paras = [Para(line, centered=line.startswith(centered)) for line in corpus.head]
    paras.append(Para(corpus.formula))
    paras += [Para(_refs(pp)) for pp in corpus.pps]
    paras += [Para(_refs(op), num=(OP_LIST, 0)) for op in _ops(tracked)]
    paras += [Para(line) for line in corpus.closing]
    notes = {note_id(marker): text for marker, text in corpus.notes.items()}
    return write_docx(path, paras, lists=Lists(abstract={20: [("decimal", "%1.")]}, nums={OP_LIST: 20}),
                      footnotes=notes)


def tracked_pair(folder: Path) -> tuple[Path, Path]:
    """(the changes made, the changes tracked), written by python-docx."""
    return _resolution(folder / "accepted.docx", False), _resolution(folder / "tracked.docx", True)


def _endnotes_xml(text: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:endnotes {nsdecls("w")}>'
            '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
            '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
            '</w:p></w:endnote><w:endnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:endnote>'
            "</w:endnotes>").encode()


def with_endnote(path: Path, text: str) -> Path:
    """A/RES/72/169 (no tracked changes) with an endnote whose text is `text` at the end of OP1."""
    _resolution(path, tracked=False)
    document = docx.Document(str(path))
    part = Part(PackURI("/word/endnotes.xml"), CONTENT_TYPE.WML_ENDNOTES, _endnotes_xml(text),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.ENDNOTES)
    first_op = next(p for p in document.paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None)
    run = first_op.add_run()
    run.font.superscript = True
    run._r.append(OxmlElement("w:endnoteReference", {qn("w:id"): "1"}))
    document.save(str(path))
    return path


# --- LibreOffice ---------------------------------------------------------------------------------------
_ODF_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
 </style:style>
</office:automatic-styles>
<office:body><office:text>
"""
_CHANGE_INFO = ("<office:change-info><dc:creator>Delegate</dc:creator><dc:date>2026-11-29T10:00:00</dc:date>"
                "</office:change-info>")


def _odf_inline(markup: str, notes: dict[int, str], endnote: str | None = None) -> str:
    """One paragraph's markup (`*italic*`, `[^n]`, `{+inserted+}`, `{-deleted-}`) as ODF."""
    out: list[str] = []
    pos = 0
    for match in re.finditer(r"\{\+(.+?)\+\}|\{-(.+?)-\}|\*(.+?)\*|\[\^(\d+)\]", markup):
        out.append(escape(markup[pos:match.start()]))
        pos = match.end()
        inserted, deleted, italic, note = match.groups()
        if inserted is not None:
            out.append(f'<text:change-start text:change-id="ins"/>{escape(inserted)}'
                       '<text:change-end text:change-id="ins"/>')
        elif deleted is not None:
            out.append('<text:change text:change-id="del"/>')
        elif italic is not None:
            out.append(f'<text:span text:style-name="I">{escape(italic)}</text:span>')
        else:
            out.append(f'<text:note text:note-class="footnote"><text:note-citation>{note}</text:note-citation>'
                       f"<text:note-body><text:p>{escape(notes[int(note)])}</text:p></text:note-body></text:note>")
    out.append(escape(markup[pos:]))
    if endnote is not None:
        out.append('<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation>'
                   f"<text:note-body><text:p>{escape(endnote)}</text:p></text:note-body></text:note>")
    return "".join(out)


def flat_odf(tracked: bool, endnote: str | None = None) -> str:
    """A/RES/72/169 as a LibreOffice document: OPs numbered in their text, footnotes in place."""
    corpus = corpus_72_169()
    notes = {marker: text.replace("*", "") for marker, text in corpus.notes.items()}
    body: list[str] = []
    if tracked:
        body.append('<text:tracked-changes text:track-changes="true">'
                    f'<text:changed-region text:id="ins"><text:insertion>{_CHANGE_INFO}</text:insertion>'
                    '</text:changed-region><text:changed-region text:id="del"><text:deletion>'
                    f"{_CHANGE_INFO}<text:p>{escape(DELETED)}</text:p></text:deletion></text:changed-region>"
                    "</text:tracked-changes>")
    for line in corpus.head:
        style = ' text:style-name="C"' if line.startswith(("Resolution adopted", "[*on the report")) else ""
        body.append(f"<text:p{style}>{_odf_inline(line, notes)}</text:p>")
    body.append(f"<text:p>{escape(corpus.formula)}</text:p>")
    body += [f"<text:p>{_odf_inline(pp, notes)}</text:p>" for pp in corpus.pps]
    for number, op in enumerate(_ops(tracked), 1):
        body.append(f"<text:p>{number}. {_odf_inline(op, notes, endnote if number == 1 else None)}</text:p>")
    body += [f"<text:p>{_odf_inline(line, notes)}</text:p>" for line in corpus.closing]
    return _ODF_HEAD + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


LIBREOFFICE_FILES = {
    "lo-tracked.docx": (True, None),
    "lo-accepted.docx": (False, None),
    "lo-endnote-a.docx": (False, ENDNOTE_A),
    "lo-endnote-b.docx": (False, ENDNOTE_B),
}


def make_libreoffice_files(folder: Path = LIBREOFFICE) -> list[Path]:
    """Write each file of LIBREOFFICE_FILES as flat ODF and convert it to Word with LibreOffice headless."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as work:
        for name, (tracked, endnote) in LIBREOFFICE_FILES.items():
            source = Path(work) / Path(name).with_suffix(".fodt").name
            source.write_text(flat_odf(tracked, endnote), encoding="utf-8")
            subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder), str(source)],
                           check=True, capture_output=True, timeout=300)
            made.append(folder / name)
    return made


if __name__ == "__main__":
    for path in make_libreoffice_files(Path(sys.argv[1]) if len(sys.argv) > 1 else LIBREOFFICE):
        print(path)
