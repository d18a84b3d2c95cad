"""The Word reader on Word files from three writers (tests/data/word/reader): every paragraph stays one,
and text boxes, equations, embedded documents, content controls, fields and endnotes are read; hidden
text, pictures, charts and objects are named in warnings.

The words and paragraphs of each file are counted here on their own, from the XML, the way Word shows
them: the `w:t` and `m:t` text outside deletions, the first branch of alternate content, field results
and not their instructions, hidden runs left out, embedded documents read from their own parts.
"""

from __future__ import annotations

import email
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

import drafter
from drafter.compare import compare
from drafter.importers.docx import read_docx
from drafter.model import NoteRef, Paragraph, Resolution, plain_text, sub_label
from tests.corpus import DATA, model_text, words
from tests.docx_fixtures import document_xml, raw_docx, zip_bomb

READER = DATA / "word" / "reader"
FILES = sorted(READER.glob("*.docx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HTML_BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6")


# --- the independent count ------------------------------------------------------------------
@dataclass
class Source:
    paragraphs: list[str] = field(default_factory=list)  # the text of each paragraph Word shows, in order
    notes: list[str] = field(default_factory=list)  # the text of each footnote and endnote cited
    hidden: list[str] = field(default_factory=list)  # hidden text, left out

    def words(self) -> Counter[str]:
        return Counter(words(" ".join(self.paragraphs + self.notes)))


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    return etree.fromstring(archive.read(name)) if name in archive.namelist() else None


def _shown(root: etree._Element, hidden_styles: set[str], hidden: list[str]) -> None:
    """Remove from `root` what Word does not show: deletions, fallbacks, hidden runs, field instructions."""
    for el in list(root.iter(f"{MC}Fallback", f"{W}del", f"{W}moveFrom")):
        el.getparent().remove(el)
    for run in root.iter(f"{W}r"):
        props = run.find(f"{W}rPr")
        style = props.find(f"{W}rStyle") if props is not None else None
        if props is not None and (props.find(f"{W}vanish") is not None
                                  or (style is not None and style.get(f"{W}val") in hidden_styles)):
            hidden.append("".join(t.text or "" for t in run.iter(f"{W}t")))
            for t in list(run.iter(f"{W}t")):
                t.getparent().remove(t)
    results: list[bool] = []  # for each open field: past its separator
    for el in list(root.iter(f"{W}fldChar", f"{W}t")):
        if el.tag == f"{W}t":
            if not all(results):
                el.getparent().remove(el)
            continue
        kind = el.get(f"{W}fldCharType")
        if kind == "begin":
            results.append(False)
        elif kind == "separate":
            results[-1] = True
        elif kind == "end":
            results.pop()


def _paragraph_text(p: etree._Element) -> str:
    pieces: list[str] = []
    last_math: etree._Element | None = None  # the math argument the last piece came from
    for t in p.iter(f"{W}t", f"{M}t"):
        if next(t.iterancestors(f"{W}p")) is not p:
            continue  # a paragraph of a text box anchored here: counted on its own
        if t.tag == f"{M}t":
            container = t.getparent().getparent()
            pieces.append(("" if container is last_math else " ") + (t.text or ""))
            last_math = container
        else:
            pieces.append((" " if last_math is not None else "") + (t.text or ""))
            last_math = None
    return "".join(pieces)


def source_of(data: bytes) -> Source:
    out = Source()
    archive = zipfile.ZipFile(io.BytesIO(data))
    styles = _xml(archive, "word/styles.xml")
    hidden_styles = {s.get(f"{W}styleId") for s in (styles.iter(f"{W}style") if styles is not None else ())
                     if s.find(f"{W}rPr/{W}vanish") is not None}
    relations = _xml(archive, "word/_rels/document.xml.rels")
    rels = {rel.get("Id"): rel.get("Target") for rel in (relations if relations is not None else ())}
    doc = _xml(archive, "word/document.xml")
    assert doc is not None
    _shown(doc, {s for s in hidden_styles if s}, out.hidden)
    for el in doc.iter(f"{W}p", f"{W}altChunk"):
        if el.tag == f"{W}p":
            text = _paragraph_text(el)
            if text.strip():
                out.paragraphs.append(text)
            continue
        name = "word/" + rels[el.get(R_ID)].lstrip("/").removeprefix("word/")
        inner = _chunk(name, archive.read(name))
        out.paragraphs += inner.paragraphs
        out.notes += inner.notes
    for kind in ("footnote", "endnote"):
        cited = {ref.get(f"{W}id") for ref in doc.iter(f"{W}{kind}Reference")}
        notes = _xml(archive, f"word/{kind}s.xml")
        for note in notes.iter(f"{W}{kind}") if notes is not None else ():
            if note.get(f"{W}id") in cited:
                _shown(note, set(), out.hidden)
                out.notes.append(" ".join(_paragraph_text(p) for p in note.iter(f"{W}p")))
    return out


def _chunk(name: str, data: bytes) -> Source:
    if name.endswith(".docx"):
        return source_of(data)
    if name.endswith(".mht"):
        message = email.message_from_bytes(data)
        data = next(part.get_payload(decode=True) for part in message.walk()
                    if part.get_content_type() == "text/html")
        name = name.replace(".mht", ".htm")
    if name.endswith(".htm"):
        root = lxml.html.fromstring(data)
        return Source([" ".join(el.text_content().split()) for el in root.iter(*_HTML_BLOCKS)])
    if name.endswith(".txt"):
        return Source([line for line in data.decode("utf-8-sig").splitlines() if line.strip()])
    return Source()  # a kind the reader names in a warning


def printed(res: Resolution) -> list[tuple[str, str]]:
    """In a document that is no resolution, each paragraph with the label typed before it in the source
    ("" for none): the model derives a list item's label (`sub_label`) and keeps it out of the text."""
    out: list[tuple[str, str]] = []

    def walk(para: Paragraph, label: str, depth: int) -> None:
        out.append((label, para.text))
        for index, child in enumerate(para.children, 1):
            walk(child, sub_label(depth, index, res.language, para.list_style), depth + 1)

    for block in res.preamble if not res.formula else ():
        if isinstance(block, Paragraph):
            walk(block, "", 1)
    return out


def model_paragraphs(res: Resolution) -> int:
    """The paragraphs of the model as Word counts paragraphs: the formula and the meeting line are one each."""
    return len(res.blocks()) + bool(res.formula) + bool(res.closing)


# --- every file ------------------------------------------------------------------------------
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_words_and_paragraphs_as_word_shows_them(path: Path) -> None:
    res = drafter.load(str(path))
    source = source_of(path.read_bytes())
    labels = " ".join(label for label, _ in printed(res))
    assert Counter(words(f"{model_text(res)} {labels}")) == source.words()
    # the front matter is parsed into its fields (front.py): paragraphs are counted from the formula on
    start = source.paragraphs.index(res.formula) if res.formula else 0
    assert model_paragraphs(res) == len(source.paragraphs) - start
    for hidden in filter(str.strip, source.hidden):
        assert any("hidden text was left out" in w and " ".join(hidden.split()[:3]) in w for w in res.warnings), \
            (hidden, res.warnings)


def test_the_count_sees_what_the_reader_reads() -> None:
    """The independent count is no copy of the reader: it finds the text boxes, equations and chunks too."""
    textbox = source_of((READER / "pd-textbox-a.docx").read_bytes())
    assert "Note by the Secretariat" in textbox.paragraphs
    assert textbox.paragraphs.count("Note by the Secretariat") == 1
    equation = source_of((READER / "pd-equation-a.docx").read_bytes())
    assert {"x", "2", "a", "b", "GDP", "log"} <= set(equation.words())
    chunks = source_of((READER / "pd-altchunk-a.docx").read_bytes())
    assert "Contributions were pledged by Qatar and others." in chunks.paragraphs
    assert len(chunks.notes) == 3


# --- paragraphs --------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "count"), [("pd-one-word.docx", 27), ("pd-lines.docx", 280),
                                             ("word-tables.docx", 6)])
def test_each_word_paragraph_and_cell_stays_one_paragraph(name: str, count: int) -> None:
    path = READER / name
    res = drafter.load(str(path))
    assert not res.formula  # a document without the formula: plain paragraphs
    assert [f"{label} {text}".strip() for label, text in printed(res)] == source_of(path.read_bytes()).paragraphs
    assert len(res.blocks()) == count


@pytest.mark.parametrize("name", ["pd-resolution.docx", "lo-paragraphs.docx"])
def test_a_resolution_keeps_every_paragraph(name: str) -> None:
    res = drafter.load(str(READER / name))
    source = source_of((READER / name).read_bytes())
    body = source.paragraphs[source.paragraphs.index("The General Assembly,") + 1:]
    assert [block.text for block in res.blocks()] == body
    # the two halves of a paragraph that a page break cut in the PDF are two paragraphs in Word
    texts = [block.text for block in res.blocks()]
    assert any(t.startswith("the inputs from the group of independent eminent persons") for t in texts)


def test_a_deleted_paragraph_mark_still_joins_two_paragraphs(tmp_path: Path) -> None:
    body = ('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>'
            '<w:r><w:t xml:space="preserve">Stresses that </w:t></w:r></w:p>'
            '<w:p><w:r><w:t>cooperation matters;</w:t></w:r></w:p><w:p><w:r><w:t>and more</w:t></w:r></w:p>')
    res = drafter.load(str(raw_docx(tmp_path / "joined.docx", document_xml(body))))
    assert [b.text for b in res.preamble] == ["Stresses that cooperation matters;", "and more"]


# --- text boxes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["pd-textbox-a.docx", "lo-frame-a.docx"])
def test_a_text_box_is_read_once_after_its_anchor(name: str) -> None:
    res = drafter.load(str(READER / name))
    texts = [block.text for block in res.blocks()]
    anchor = next(i for i, t in enumerate(texts) if t.startswith("Recalling the relevant provisions"))
    assert texts[anchor + 1:anchor + 3] == ["Note by the Secretariat", "The programme budget implications of the "
                                            "draft resolution are set out in document A/C.5/80/12."]
    assert sum("programme budget implications" in t for t in texts) == 1


def test_a_box_written_only_in_vml_and_a_box_from_word() -> None:
    res = drafter.load(str(READER / "pd-textbox-a.docx"))
    assert [b.text for b in res.blocks()][-2:] == ["Decides to remain seized of the matter.",
                                                   "Draft resolution submitted by the Vice-Chair"]
    word = read_docx(str(READER / "word-text-box.docx"))
    assert [plain_text(b.content) for b in word.blocks] == ["Datum plane"]
    assert word.warnings == []


# --- equations ----------------------------------------------------------------------------------
def test_equations_read_as_linear_text() -> None:
    texts = [block.text for block in drafter.load(str(READER / "pd-equation-a.docx")).blocks()]
    assert "Notes that the index rises as x^2 where the gap grows, and as (a)/(b)." in texts
    assert "Index=∑_(i=1)^n w_i√(3&y)+(p,q)+log GDP" in texts
    libre = [block.text for block in drafter.load(str(READER / "lo-formula-a.docx")).blocks()]
    assert "Notes that the index rises as x^2+(a)/(b) where the gap grows." in libre
    assert "∑_(i=1)^n w_i√(y)" in libre


def test_equation_elements(tmp_path: Path) -> None:
    math = ('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
            '<m:sSubSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sub><m:r><m:t>i+1</m:t></m:r></m:sub>'
            '<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSubSup><m:r><m:t>=</m:t></m:r>'
            '<m:limLow><m:e><m:r><m:t>lim</m:t></m:r></m:e><m:lim><m:r><m:t>n→∞</m:t></m:r></m:lim></m:limLow>'
            '<m:m><m:mr><m:e><m:r><m:t>a</m:t></m:r></m:e><m:e><m:r><m:t>b</m:t></m:r></m:e></m:mr>'
            '<m:mr><m:e><m:r><m:t>c</m:t></m:r></m:e><m:e><m:r><m:t>d</m:t></m:r></m:e></m:mr></m:m>'
            '<m:f><m:fPr><m:type m:val="lin"/></m:fPr><m:num><m:r><m:t>1</m:t></m:r></m:num>'
            '<m:den><m:r><m:t>n</m:t></m:r></m:den></m:f>'
            '<m:r><w:rPr><w:del w:id="1" w:author="A"/></w:rPr><m:t>gone</m:t></m:r>'
            '<m:unknownThing><m:e><m:r><m:t>kept</m:t></m:r></m:e></m:unknownThing></m:oMath>')
    raw = read_docx(str(raw_docx(tmp_path / "math.docx", document_xml(f"<w:p>{math}</w:p>"))))
    assert [plain_text(b.content) for b in raw.blocks] == ["x_(i+1)^2=lim_(n→∞)■(a&b@c&d)1/nkept"]


# --- embedded documents -----------------------------------------------------------------------
def test_embedded_documents_are_read_where_they_stand() -> None:
    res = drafter.load(str(READER / "pd-altchunk-a.docx"))
    texts = [block.text for block in res.blocks()]
    assert texts == [
        "Recalling its resolution 60/180", "Annex text embedded as a document of its own",
        "Encourages Member States to enhance cooperation on peacebuilding;",
        "Requests the Secretary-General to report on progress.", "Pledges received",
        "Contributions were pledged by Qatar and others.", "Fund for peacebuilding",
        "Trust fund for human security", "Total", "42 million", "Statement in explanation of vote.",
        "Delivered by the representative of Chile.", "Statement delivered on behalf of the Group of 77 and China.",
        "Decides to remain seized of the matter"]
    # the embedded document's footnote is numbered among the outer ones, in order of reference
    cited = [res.marker(item.note) for block in res.blocks() for item in block.content
             if isinstance(item, NoteRef)]
    assert cited == ["1", "2", "3"]
    assert [note.text for note in res.footnotes] == ["Resolution 60/180.", "A/79/552-S/2024/767.",
                                                     "See A/80/L.15."]
    assert "after paragraph 14 ('Statement delivered on behalf of the…'): an embedded RTF document was not read" \
        in res.warnings
    html = next(b for b in res.blocks() if b.text.startswith("Contributions"))
    assert isinstance(html, Paragraph) and any(getattr(item, "italic", False) for item in html.content)


def _with_chunk(path: Path, chunk: bytes, name: str = "word/inner.docx") -> Path:
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'aFChunk" Target="{name.removeprefix("word/")}"/></Relationships>').encode()
    body = ('<w:p><w:r><w:t>Before the chunk</w:t></w:r></w:p><w:altChunk xmlns:r="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships" r:id="rIdC"/><w:p><w:r><w:t>After the chunk</w:t></w:r></w:p>')
    return raw_docx(path, document_xml(body), {"word/_rels/document.xml.rels": rels, name: chunk})


def test_an_embedded_document_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.docx").read_bytes()
    raw = read_docx(str(_with_chunk(tmp_path / "outer.docx", bomb)))
    assert [plain_text(b.content) for b in raw.blocks] == ["Before the chunk", "After the chunk"]
    assert len(raw.warnings) == 1
    assert raw.warnings[0].startswith("after paragraph 1 ('Before the chunk'): an embedded Word document was "
                                      "not read: it would unpack word/document.xml to 1024 MB")
    damaged = read_docx(str(_with_chunk(tmp_path / "damaged.docx", b"PK\x03\x04 not really a zip")))
    assert "an embedded Word document was not read: it has an embedded Word document that is not a valid zip" \
        in damaged.warnings[0]
    other = read_docx(str(_with_chunk(tmp_path / "sheet.docx", b"\x00\x01binary", "word/chart.bin")))
    assert other.warnings == ["after paragraph 1 ('Before the chunk'): an embedded bin file was not read"]


def test_documents_embedded_too_deep_are_named(tmp_path: Path) -> None:
    inner = raw_docx(tmp_path / "level.docx", document_xml("<w:p><w:r><w:t>Deepest</w:t></w:r></w:p>"))
    for level in range(5):
        inner = _with_chunk(tmp_path / f"level{level}.docx", inner.read_bytes())
    raw = read_docx(str(inner))
    texts = [plain_text(b.content) for b in raw.blocks]
    assert texts.count("Before the chunk") == 4
    assert "Deepest" not in texts
    assert raw.warnings == ["after paragraph 4 ('Before the chunk'): a Word document embedded 4 levels deep "
                            "was not read"]


# --- content controls, fields, hidden text, objects ------------------------------------------
def test_content_controls_in_the_body_a_paragraph_a_row_and_cells() -> None:
    res = drafter.load(str(READER / "pd-controls.docx"))
    assert [b.text for b in res.preamble] == [
        "Draft resolution submitted by the Chair", "on the basis of informal consultations",
        "Adopted at the 51st plenary meeting on 26 November 2025", "Country", "Vote", "Brazil", "Yes", "Chile",
        "Abstained", "Decides to remain seized of the matter."]
    libre = drafter.load(str(READER / "lo-controls.docx"))  # a drop-down list LibreOffice writes as w:sdt
    assert [b.text for b in libre.preamble] == ["Vote of Chile: In favour, recorded.", "Adopted on 11/26/25.",
                                                "Speaker: Chile."]


def test_a_web_page_stored_as_an_embedded_document() -> None:
    res = drafter.load(str(READER / "js-altchunk-a.docx"))  # html-docx-js: the whole body is one .mht chunk
    texts = [b.text for b in res.blocks()]
    assert res.formula == "The General Assembly,"
    assert texts[0].startswith("Guided by the purposes and principles")
    assert texts[-6:] == ["Favour", "Against", "Abstaining", "151", "5", "12"]


def test_fields_give_their_results_not_their_instructions() -> None:
    res = drafter.load(str(READER / "pd-fields.docx"))
    assert res.operatives()[-1].text == ("Decides to include the item in the agenda of its eightieth session, as "
                                         "set out in paragraph 12 of document A/80/L.15;")
    libre = [b.text for b in drafter.load(str(READER / "lo-hidden.docx")).blocks()]
    assert re.fullmatch(r"Adopted on \S+, page 1 of 1\.", libre[-1])


def test_hidden_text_is_left_out_and_named() -> None:
    res = drafter.load(str(READER / "pd-hidden.docx"))
    assert not any("Secretariat]" in b.text or "capitals" in b.text for b in res.blocks())
    assert [w for w in res.warnings if "hidden" in w] == [
        "paragraph 2 ('Guided by the purposes and principles…'): hidden text was left out ('[check with the "
        "Secretariat]')",
        "paragraph 3 ('Recalling the relevant provisions adopted at…'): hidden text was left out ('consult capitals "
        "before Friday')",
        "after paragraph 3 ('Recalling the relevant provisions adopted at…'): hidden text was left out "
        "('Alternative wording kept for reference.')",
        "footnote 1: hidden text was left out ('Verify the symbol.')"]
    assert res.footnotes[0].text == "See A/80/L.15."


def test_pictures_charts_and_objects_are_named() -> None:
    res = drafter.load(str(READER / "pd-objects.docx"))
    assert [w for w in res.warnings if "was not read" in w] == [
        "paragraph 3 ('Emblem of the United Nations:'): a picture ('UN emblem') was not read",
        "paragraph 4 ('Votes by region:'): a chart was not read",
        "paragraph 5 ('The formula applies.'): an embedded object (Equation.3) was not read"]
    word = read_docx(str(READER / "word-tiny-picture.docx"))
    assert word.blocks == []
    assert word.warnings == ["at the start of the document: a picture was not read"]


def test_text_in_an_element_the_reader_does_not_know_is_named(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t>Known</w:t></w:r><w:futureThing><w:r><w:t>unknown words</w:t></w:r></w:futureThing>'
            '</w:p><w:futureBlock><w:p><w:r><w:t>lost block</w:t></w:r></w:p></w:futureBlock>'
            '<w:p><w:r><w:ruby><w:rt><w:r><w:t>guide</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>Base</w:t></w:r>'
            '</w:rubyBase></w:ruby></w:r></w:p>')
    raw = read_docx(str(raw_docx(tmp_path / "future.docx", document_xml(body))))
    assert [plain_text(b.content) for b in raw.blocks] == ["Known", "Base"]
    assert raw.warnings == ["paragraph 1 ('Known'): the text of a futureThing element was not read",
                            "after paragraph 1 ('Known'): the text of a futureBlock element was not read",
                            "paragraph 2 ('Base'): a phonetic guide was not read"]


# --- endnotes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["pd-endnotes-a.docx", "lo-endnotes-a.docx"])
def test_endnotes_become_footnotes_numbered_in_order(name: str) -> None:
    res = drafter.load(str(READER / name))
    cited = [res.marker(item.note) for block in res.blocks() for item in block.content
             if isinstance(item, NoteRef)]
    assert cited == ["1", "2", "3", "4", "5", "6"]
    texts = [note.text for note in res.footnotes]
    assert texts[1::2] == ["Resolution 60/180.", "A/79/552-S/2024/767.", "A/79/609-S/2024/827."]  # the endnotes
    assert [w for w in res.warnings if "endnote" in w] == [
        "3 endnotes were read as footnotes, numbered with the footnotes in order of reference"]


def test_endnotes_written_by_another_writer() -> None:
    raw = read_docx(str(READER / "word-endnotes.docx"))
    assert raw.blocks[0].content[1:4:2] == (NoteRef("1"), NoteRef("2"))
    assert {marker: plain_text(note) for marker, note in raw.notes.items()} == {
        "1": "A tachyon walks into a bar.", "2": "Fin."}
    assert raw.warnings == ["2 endnotes were read as footnotes, numbered with the footnotes in order of reference"]


# --- two versions that differ in one place ------------------------------------------------------
@pytest.mark.parametrize(("old", "new", "word"), [
    ("pd-textbox-a.docx", "pd-textbox-b.docx", "14"), ("lo-frame-a.docx", "lo-frame-b.docx", "14"),
    ("pd-equation-a.docx", "pd-equation-b.docx", "3"), ("lo-formula-a.docx", "lo-formula-b.docx", "3"),
    ("pd-endnotes-a.docx", "pd-endnotes-b.docx", "768"), ("lo-endnotes-a.docx", "lo-endnotes-b.docx", "768"),
    ("pd-altchunk-a.docx", "pd-altchunk-b.docx", "strengthen"),
    ("pd-altchunk-a.docx", "pd-altchunk-c.docx", "Norway"),
    ("js-altchunk-a.docx", "js-altchunk-b.docx", "interconnected"),
])
def test_versions_differing_in_one_place_compare_as_changed(old: str, new: str, word: str) -> None:
    changes = compare(drafter.load(str(READER / old)), drafter.load(str(READER / new)))
    inserted = " ".join(op.text for change in changes.changes for op in change.ops if op.op == "insert")
    assert word in inserted
    assert not compare(drafter.load(str(READER / old)), drafter.load(str(READER / old))).changes


def test_shapes_of_every_kind(tmp_path: Path) -> None:
    namespaces = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                  'xmlns:v="urn:schemas-microsoft-com:vml" '
                  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                  'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
                  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')

    def box(text: str) -> str:
        return f"<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>" \
               "</wps:txbx></wps:wsp>"

    group = (f'<w:p {namespaces}><w:r><w:t>Group</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="1" name="g"/>'
             '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
             f'<wpg:wgp>{box("First box")}{box("Second box")}</wpg:wgp></a:graphicData></a:graphic></wp:inline>'
             "</w:drawing></w:r></w:p>")
    smart_art = (f'<w:p {namespaces}><w:r><w:t>Diagram</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="2" '
                 'name="d" descr="Steps of the review"/><a:graphic><a:graphicData uri="http://schemas.'
                 'openxmlformats.org/drawingml/2006/diagram"/></a:graphic></wp:inline></w:drawing></w:r></w:p>')
    vml = (f'<w:p {namespaces}><w:r><w:t>Old shapes</w:t></w:r><w:r><w:pict><v:shape><v:imagedata/></v:shape>'
           '</w:pict></w:r><w:r><w:pict><v:shape><v:textpath string="Peace and security"/></v:shape></w:pict>'
           "</w:r></w:p>")
    fallback_only = (f'<w:p {namespaces}><w:r><w:t>Fallback</w:t></w:r><w:r><mc:AlternateContent><mc:Fallback>'
                     "<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>From the fallback</w:t></w:r></w:p>"
                     "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")
    hidden_box = (f'<w:p {namespaces}><w:r><w:t>Visible</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:drawing>'
                  f'<wp:inline><a:graphic><a:graphicData uri="x">{box("Hidden box")}</a:graphicData></a:graphic>'
                  "</wp:inline></w:drawing></w:r></w:p>")
    raw = read_docx(str(raw_docx(tmp_path / "shapes.docx",
                                 document_xml(group + smart_art + vml + fallback_only + hidden_box))))
    assert [plain_text(b.content) for b in raw.blocks] == [
        "Group", "First box", "Second box", "Diagram", "Old shapes", "Fallback", "From the fallback", "Visible"]
    assert raw.warnings == [
        "paragraph 4 ('Diagram'): a SmartArt diagram ('Steps of the review') was not read",
        "paragraph 5 ('Old shapes'): a picture was not read",
        "paragraph 5 ('Old shapes'): a WordArt text ('Peace and security') was not read",
        "paragraph 8 ('Visible'): hidden text was left out ('Hidden box')"]


def test_a_field_left_open_hides_nothing_after_its_paragraph(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText> DOCPROPERTY broken </w:instrText></w:r></w:p>'
            '<w:p><w:r><w:t>The next paragraph is read.</w:t></w:r></w:p>')
    raw = read_docx(str(raw_docx(tmp_path / "open-field.docx", document_xml(body))))
    assert [plain_text(b.content) for b in raw.blocks] == ["Before", "The next paragraph is read."]
