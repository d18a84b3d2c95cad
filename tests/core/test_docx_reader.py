"""The Word reader: real .docx files built by tests/docx_fixtures.py, and hostile ones."""

from __future__ import annotations

import io
import os
import re
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings, strategies

from drafter.errors import ImportFailed
from drafter.importers.blocks import RawBlock, RawDoc
from drafter.importers.docx import read_docx
from drafter.importers.docx_text import tidy
from drafter.importers.structure import build
from drafter.model import Bracket, NoteRef, Text, plain_text, trim_runs
from tests.docx_fixtures import (
    DELETED,
    INSERTED,
    Lists,
    Para,
    corpus_72_169,
    document_xml,
    raw_docx,
    resolution_72_169,
    write_docx,
    zip_bomb,
)


def _text(block: RawBlock) -> str:
    return plain_text(block.content)


def _numbered(raw: RawDoc) -> list[RawBlock]:
    return [b for b in raw.blocks if b.label is not None]


def _plain(markup: str) -> str:
    return re.sub(r"\[\^\d+\]", "", markup).replace("*", "")


@pytest.fixture(scope="module")
def res_72_169(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return resolution_72_169(tmp_path_factory.mktemp("docx") / "A-RES-72-169.docx")


@pytest.fixture(scope="module")
def raw_72_169(res_72_169: Path) -> RawDoc:
    return read_docx(str(res_72_169))


# --- A/RES/72/169 as a Word file ------------------------------------------------------
def test_automatic_numbering_gives_op_labels(res_72_169: Path, raw_72_169: RawDoc) -> None:
    # the file really numbers its OPs through numbering.xml, not typed digits
    with zipfile.ZipFile(res_72_169) as archive:
        body = archive.read("word/document.xml").decode()
    assert body.count("<w:numPr>") == 18  # 17 OPs and the deleted old OP 17
    assert not re.search(r"<w:t>\d+\.", body)
    ops = _numbered(raw_72_169)
    assert [b.label for b in ops] == [f"{n}." for n in range(1, 18)]
    assert {b.level for b in ops} == {0}
    assert _text(ops[0]).startswith("Reaffirms that it is one of the purposes")
    assert _text(ops[16]).startswith("Decides to continue its consideration")


def test_paragraphs_in_body_order(raw_72_169: RawDoc) -> None:
    corpus = corpus_72_169()
    texts = [_text(b) for b in raw_72_169.blocks]
    assert texts[:len(corpus.head)] == [_plain(line) for line in corpus.head]
    formula_at = texts.index("The General Assembly,")
    pps = raw_72_169.blocks[formula_at + 1:formula_at + 15]
    assert [_text(b) for b in pps] == [_plain(pp) for pp in corpus.pps]
    assert all(b.label is None for b in pps)
    assert texts[-2:] == ["73rd plenary meeting", "19 December 2017"]
    assert len(raw_72_169.blocks) == len(corpus.head) + 1 + 14 + 17 + 2


def test_lead_words_are_italic(raw_72_169: RawDoc) -> None:
    corpus = corpus_72_169()
    ops = _numbered(raw_72_169)
    for block, markup in zip(ops[:16], corpus.ops[:16], strict=True):
        lead = re.match(r"\*(.+?)\*", markup)
        assert lead is not None
        assert block.content[0] == Text(lead.group(1), italic=True)
        assert isinstance(block.content[1], Text) and not block.content[1].italic
    formula_at = [_text(b) for b in raw_72_169.blocks].index("The General Assembly,")
    leads = [b.content[0] for b in raw_72_169.blocks[formula_at + 1:formula_at + 15]]
    assert leads[:4] == [Text("Reaffirming", True), Text("Recalling", True), Text("Recalling also", True),
                         Text("Recalling further", True)]
    # italics inside a paragraph survive too
    report = next(b for b in raw_72_169.blocks if _text(b).startswith("[on the report"))
    assert report.content[1] == Text("on the report of the Third Committee (A/72/439/Add.2)", True)


def test_footnote_markers_follow_first_reference(raw_72_169: RawDoc) -> None:
    refs = [item.note for b in raw_72_169.blocks for item in b.content if isinstance(item, NoteRef)]
    # footnote ids in the file run 9, 8, … 4; the printed markers are in order of reference,
    # and note 1 is cited again in OP 15
    assert refs == ["1", "2", "3", "4", "5", "6", "1"]
    op15 = _numbered(raw_72_169)[14]
    assert [i.note for i in op15.content if isinstance(i, NoteRef)] == ["6", "1"]
    corpus = corpus_72_169()
    assert {m: plain_text(c) for m, c in raw_72_169.notes.items()} == {
        str(m): _plain(text) for m, text in corpus.notes.items()}
    assert raw_72_169.notes["1"] == (Text("A/CONF.157/24 (Part I), chap. III."),)
    assert raw_72_169.notes["3"] == (
        Text("See "),
        Text("Official Records of the General Assembly, Seventy-first Session, Supplement No. 53 (A/71/53)",
             True),
        Text(", chap. V, sect. A."),
    )


def test_op15_cut_by_page_break_is_one_paragraph(raw_72_169: RawDoc) -> None:
    op15 = _numbered(raw_72_169)[14]
    assert "anniversary of the Universal Declaration of Human Rights" in _text(op15)


def test_tracked_changes_read_as_accepted(res_72_169: Path, raw_72_169: RawDoc) -> None:
    ops = _numbered(raw_72_169)
    assert f"Invites States{INSERTED} and relevant" in _text(ops[13])
    assert DELETED.strip() not in _text(ops[2])
    assert "the holding of conferences at the national" in _text(ops[2])
    assert _text(ops[16]) == ("Decides to continue its consideration of the question "
                              "at its seventy-fifth session.")
    assert not any("seventy-third session." in _text(b) for b in raw_72_169.blocks)
    assert raw_72_169.warnings == [
        "the Word file had 4 tracked changes; they were read as if all were accepted"]
    # python-docx would have lost the inserted text: the reason this reader reads the XML itself
    paragraphs = docx.Document(str(res_72_169)).paragraphs
    assert not any(INSERTED in p.text for p in paragraphs)


def test_untracked_file_has_no_warning(tmp_path: Path) -> None:
    raw = read_docx(str(resolution_72_169(tmp_path / "clean.docx", tracked=False)))
    assert raw.warnings == []
    ops = _numbered(raw)
    assert len(ops) == 17
    assert "conferences and meetings at the national" in _text(ops[2])
    assert _text(ops[16]).endswith("at its seventy-third session.")


def test_centered_paragraphs(raw_72_169: RawDoc) -> None:
    centered = [_text(b) for b in raw_72_169.blocks if b.centered]
    assert centered == ["Resolution adopted by the General Assembly on 19 December 2017",
                        "[on the report of the Third Committee (A/72/439/Add.2)]"]


def test_end_to_end_through_structure_builder(raw_72_169: RawDoc) -> None:
    res = build(raw_72_169)
    assert len(res.preambular()) == 14
    assert len(res.operatives()) == 17
    assert len(res.footnotes) == 6
    assert res.formula == "The General Assembly,"
    assert res.closing == ["73rd plenary meeting", "19 December 2017"]
    op15 = res.operatives()[14]
    cited = [res.marker(i.note) for i in op15.content if isinstance(i, NoteRef)]
    assert cited == ["6", "1"]
    assert res.footnotes[0].text == "A/CONF.157/24 (Part I), chap. III."
    assert res.operatives()[0].content[0] == Text("Reaffirms", True)
    assert INSERTED in res.operatives()[13].text


# --- lists -------------------------------------------------------------------------------
TWO_LEVELS = Lists(abstract={30: [("decimal", "%1.")], 31: [("lowerLetter", "(%1)"), ("lowerRoman", "(%2)")]},
                   nums={30: 30, 31: 31})


def test_two_level_list(tmp_path: Path) -> None:
    paras = [Para("The General Assembly,"), Para("*Decides*:", num=(30, 0)),
             Para("the first;", num=(31, 0)), Para("the second:", num=(31, 0)),
             Para("sub one;", num=(31, 1)), Para("sub two;", num=(31, 1)),
             Para("the third:", num=(31, 0)), Para("sub again;", num=(31, 1)),
             Para("*Requests* a report.", num=(30, 0))]
    raw = read_docx(str(write_docx(tmp_path / "list.docx", paras, lists=TWO_LEVELS)))
    assert [(b.label, b.level) for b in raw.blocks[1:]] == [
        ("1.", 0), ("(a)", 0), ("(b)", 0), ("(i)", 1), ("(ii)", 1), ("(c)", 0), ("(i)", 1), ("2.", 0)]
    assert [_text(b) for b in raw.blocks[1:3]] == ["Decides:", "the first;"]
    res = build(raw)
    op1 = res.operatives()[0]
    assert [c.text for c in op1.children] == ["the first;", "the second:", "the third:"]
    assert [c.text for c in op1.children[1].children] == ["sub one;", "sub two;"]
    assert len(res.operatives()) == 2


def test_lists_sharing_a_definition_continue_unless_restarted(tmp_path: Path) -> None:
    lists = Lists(abstract={40: [("decimal", "%1.")]}, nums={40: 40, 41: 40, 42: 40},
                  start_overrides={42: {0: 1}})
    paras = [Para("one", num=(40, 0)), Para("two", num=(40, 0)), Para("three", num=(41, 0)),
             Para("again one", num=(42, 0)), Para("again two", num=(42, 0)), Para("four", num=(41, 0))]
    raw = read_docx(str(write_docx(tmp_path / "restart.docx", paras, lists=lists)))
    assert [b.label for b in raw.blocks] == ["1.", "2.", "3.", "1.", "2.", "3."]


def test_numbering_and_italics_through_styles(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("first item", style="List Number")  # the style carries numPr (numId 5)
    document.add_paragraph("second item", style="List Number")
    document.add_paragraph("a quotation", style="Quote")  # italic paragraph style
    para = document.add_paragraph("Plain, then ")
    para.add_run("emphasis", style="Emphasis")  # italic character style
    upright = para.add_run(" upright")
    upright.italic = False
    quote = document.add_paragraph("upright inside a quote", style="Quote")
    quote.runs[0].italic = False
    path = tmp_path / "styles.docx"
    document.save(str(path))
    raw = read_docx(str(path))
    assert [(b.label, b.level, _text(b)) for b in raw.blocks[:2]] == [
        ("1.", 0, "first item"), ("2.", 0, "second item")]
    assert raw.blocks[2].content == (Text("a quotation", True),)
    assert raw.blocks[3].content == (Text("Plain, then "), Text("emphasis", True), Text(" upright"))
    assert raw.blocks[4].content == (Text("upright inside a quote"),)


def test_typed_labels_are_split_off(tmp_path: Path) -> None:
    paras = [Para("1.\t*Reaffirms* its commitment;"), Para("(a)\tthe right to food;"),
             Para("(iv) the fourth point;"), Para("b.\tsecond-level item;"),
             Para("72/169. Enhancement of international cooperation"), Para("2030 Agenda for development"),
             Para("General Assembly")]
    raw = read_docx(str(write_docx(tmp_path / "typed.docx", paras)))
    assert [(b.label, _text(b)) for b in raw.blocks] == [
        ("1.", "Reaffirms its commitment;"), ("(a)", "the right to food;"), ("(iv)", "the fourth point;"),
        ("b.", "second-level item;"), (None, "72/169. Enhancement of international cooperation"),
        (None, "2030 Agenda for development"), (None, "General Assembly")]
    assert raw.blocks[0].content[0] == Text("Reaffirms", True)
    assert all(b.level is None for b in raw.blocks)


# --- inline details, written as raw XML -----------------------------------------------
def _read_body(tmp_path: Path, body: str) -> RawDoc:
    return read_docx(str(raw_docx(tmp_path / "raw.docx", document_xml(body))))


def test_tabs_breaks_symbols_fields_hidden_text(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t>follow</w:t><w:noBreakHyphen/><w:t>up</w:t><w:tab/><w:t>and</w:t><w:br/>'
            '<w:t>more</w:t><w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t xml:space="preserve"> result</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>'
            '<w:hyperlink><w:r><w:t xml:space="preserve"> link</w:t></w:r></w:hyperlink></w:p>'
            '<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell one</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:p><w:r><w:t>cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<w:p><w:r><w:t>after the table</w:t></w:r></w:p>')
    raw = _read_body(tmp_path, body)
    assert [_text(b) for b in raw.blocks] == [
        "follow-up and more• result link", "cell one", "cell two", "after the table"]
    assert raw.warnings == ["paragraph 1 ('follow-up and more• result link'): hidden text was left out ('hidden')"]


def test_deleted_paragraph_mark_joins_next_and_moves(tmp_path: Path) -> None:
    body = ('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>'
            '<w:r><w:t xml:space="preserve">Stresses that </w:t></w:r></w:p>'
            '<w:p><w:r><w:t>cooperation matters;</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:rPr><w:moveFrom w:id="2" w:author="A"/></w:rPr></w:pPr>'
            '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>Moved text;</w:t></w:r></w:moveFrom></w:p>'
            '<w:p><w:r><w:t>Middle;</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:rPr><w:moveTo w:id="4" w:author="A"/></w:rPr></w:pPr>'
            '<w:moveTo w:id="5" w:author="A"><w:r><w:t>Moved text;</w:t></w:r></w:moveTo></w:p>'
            '<w:p><w:r><w:rPr><w:i/><w:rPrChange w:id="6" w:author="A"><w:rPr/></w:rPrChange></w:rPr>'
            '<w:t>Now italic</w:t></w:r></w:p>')
    raw = _read_body(tmp_path, body)
    assert [_text(b) for b in raw.blocks] == ["Stresses that cooperation matters;", "Middle;", "Moved text;",
                                              "Now italic"]
    assert raw.blocks[3].content == (Text("Now italic", True),)
    assert raw.warnings == ["the Word file had 4 tracked changes; they were read as if all were accepted"]


def test_footnote_without_text_and_custom_mark(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r>'
            '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="6"/><w:t>*</w:t></w:r></w:p>')
    raw = _read_body(tmp_path, body)
    assert raw.blocks[0].content == (Text("Text"), NoteRef("1"), NoteRef("*"))
    assert raw.notes == {"1": (), "*": ()}
    assert raw.warnings == ["footnotes 1, *: referenced in the text, but the file has no text for it"]


# --- hostile and wrong files ---------------------------------------------------------------
def _refused(path: Path, *words: str) -> str:
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed) as info:
            read_docx(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30 * 1024 * 1024  # the time it takes: tests/benchmarks/bench_hostile.py
    reason = info.value.reason
    assert info.value.path == str(path)
    assert "\n" not in reason
    for word in words:
        assert word in reason, reason
    return reason


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
                            for i in range(1, 10))
                  + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                  '<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>').encode()
XXE = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       b'<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')


@pytest.mark.parametrize(("name", "make", "words"), [
    ("random", lambda p: p.write_bytes(os.urandom(4096)), ["not a valid zip"]),
    ("empty", lambda p: p.write_bytes(b""), ["is empty"]),
    ("no-document", lambda p: raw_docx(p, None, {"word/styles.xml": b"<x/>"}), ["no word/document.xml"]),
    ("excel", lambda p: raw_docx(p, None, {"xl/workbook.xml": b"<x/>"}), ["Excel"]),
    ("bomb", lambda p: zip_bomb(p), ["1024 MB", "zip bomb"]),
    ("bomb-lying-size", lambda p: zip_bomb(p, declared=1000), ["damaged"]),
    ("ratio", lambda p: raw_docx(p, b" " * (3 << 20)), ["compressed", "zip bombs"]),
    ("billion-laughs", lambda p: raw_docx(p, BILLION_LAUGHS), ["DOCTYPE"]),
    ("external-entity", lambda p: raw_docx(p, XXE), ["DOCTYPE"]),
    ("utf16-entity", lambda p: raw_docx(p, XXE.decode().replace("?>", ' encoding="UTF-16"?>', 1)
                                        .encode("utf-16")), ["DOCTYPE"]),
    ("deep", lambda p: raw_docx(p, document_xml("<w:p>" * 100_000 + "</w:p>" * 100_000)), ["depth"]),
    ("ole-encrypted", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                                              + "EncryptionInfo".encode("utf-16-le") + bytes(1000)),
     ["password-protected", "without a password"]),
    ("ole-doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)), [".doc"]),
    ("pdf", lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes(100)), ["PDF"]),
    ("not-wordml", lambda p: raw_docx(p, b"<html><body/></html>"), ["no document body"]),
    ("many-entries", lambda p: raw_docx(p, document_xml(""), {f"e{i}": b"" for i in range(5001)}),
     ["entries"]),
])
def test_hostile_files_are_refused(tmp_path: Path, name: str, make: Callable[[Path], object],
                                   words: list[str]) -> None:
    path = tmp_path / f"{name}.docx"
    make(path)
    reason = _refused(path, *words)
    assert "root:" not in reason  # nothing of /etc/passwd leaks


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="cannot be opened"):
        read_docx(str(tmp_path / "absent.docx"))


# --- fuzzing ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    paras = [Para("The General Assembly,"), Para("*Decides*:[^2]", num=(30, 0)),
             Para("the first{+ new+};", num=(31, 0)), Para("sub{- old-};", num=(31, 1))]
    path = write_docx(tmp_path_factory.mktemp("fuzz") / "small.docx", paras, lists=TWO_LEVELS,
                      footnotes={2: "Resolution *55/2*."})
    return path.read_bytes()


def _read_or_refuse(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzzed.docx"
    path.write_bytes(data)
    try:
        raw = read_docx(str(path))
    except ImportFailed as exc:
        assert exc.reason
        return
    assert all(isinstance(b, RawBlock) for b in raw.blocks)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strategies.data())
def test_fuzz_mutated_zip_bytes(tmp_path: Path, small_docx: bytes, data: strategies.DataObject) -> None:
    blob = bytearray(small_docx)
    for _ in range(data.draw(strategies.integers(1, 8))):
        blob[data.draw(strategies.integers(0, len(blob) - 1))] = data.draw(strategies.integers(0, 255))
    if data.draw(strategies.booleans()):
        del blob[data.draw(strategies.integers(0, len(blob))):]
    _read_or_refuse(tmp_path, bytes(blob))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strategies.data())
def test_fuzz_mutated_xml_parts(tmp_path: Path, small_docx: bytes, data: strategies.DataObject) -> None:
    source = zipfile.ZipFile(io.BytesIO(small_docx))
    target = data.draw(strategies.sampled_from(["word/document.xml", "word/numbering.xml", "word/footnotes.xml",
                                                "word/styles.xml", "word/_rels/document.xml.rels"]))
    part = bytearray(source.read(target))
    for _ in range(data.draw(strategies.integers(1, 6))):
        at = data.draw(strategies.integers(0, len(part) - 1))
        noise = bytes([data.draw(strategies.integers(0, 255))])
        part[at:at + 1] = data.draw(strategies.sampled_from([b"", b"<", b">", b"\"", b"9", b"-1", b"w:", b"&",
                                                             b"<w:p>", b"</w:r>", noise]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, bytes(part) if info.filename == target else source.read(info))
    _read_or_refuse(tmp_path, out.getvalue())


# --- the reader's one-pass trim -------------------------------------------------------------
_INLINES = strategies.lists(strategies.one_of(
    strategies.builds(Text, strategies.sampled_from(["", " ", "  ", "a", " b ", "c\t", "\td"]), strategies.booleans()),
    strategies.builds(NoteRef, strategies.sampled_from(["1", "2"])),
    strategies.builds(Bracket, strategies.sampled_from(["[", "]", ""]), strategies.booleans())), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_INLINES)
def test_tidy_is_trim_runs(content: list[Text | NoteRef]) -> None:
    assert tidy(content) == trim_runs(content)
