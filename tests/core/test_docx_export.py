"""Word export: clean round trips over the corpus, tracked changes proven by accept/reject all,
the markup rules (ids, footnotes, moves, renumbering), LibreOffice reading the files, saving safely."""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import drafter
from drafter.errors import ExportFailed
from drafter.exporters import command
from drafter.exporters.docx import export_docx, to_docx_bytes
from drafter.exporters.docx_clean import write_clean
from drafter.exporters.docx_redline import write_redline, write_table
from drafter.exporters.docx_tracked import write_tracked
from drafter.model import Paragraph, Resolution, Text
from drafter.serialize import to_dict
from tests import ooxml_review as review
from tests.core.test_compare import base, block_p, content, set_text
from tests.corpus import CORPUS, PDFS, TEXTS, load

DATE = "2026-11-29T10:00:00Z"


def same_model(res: Resolution) -> dict[str, Any]:
    """The model without ids and warnings: what a round trip must keep."""
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("id", "note", "warnings")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    out = strip(to_dict(res))
    out["refs"] = [[res.marker(item.note) for item in para.content if not isinstance(item, Text)]
                   for _label, para in res.labelled()]
    return out


def read_back(data: bytes, tmp_path: Path, name: str = "out.docx") -> Resolution:
    path = tmp_path / name
    path.write_bytes(data)
    return drafter.load(str(path))


# --- clean export -------------------------------------------------------------------------
@pytest.mark.parametrize("path", [*TEXTS, *PDFS], ids=lambda p: p.name)
def test_clean_export_reads_back_as_the_same_model(path: Path, tmp_path: Path) -> None:
    res = load(path)
    back = read_back(write_clean(res), tmp_path)
    assert same_model(back) == same_model(res)


def test_clean_export_layout_parts() -> None:
    res = load(CORPUS / "A-RES-72-169-clean.txt")
    parts = review.read(write_clean(res))
    files = parts.files
    styles = files["word/styles.xml"].decode()
    for style in ("FootnoteText", "FootnoteReference", "UNOperative", "UNSubparagraph", "UNPreamble"):
        assert f'w:styleId="{style}"' in styles
    assert "Times New Roman" in styles and '<w:sz w:val="20"/>' in styles
    assert "word/stylesWithEffects.xml" not in files
    body = parts.document
    ops = [p for p in body.iter(review.q("p")) if p.find(f"{review.q('pPr')}/{review.q('pStyle')}").get(review.q("val"))
           == "UNOperative"]
    assert len(ops) == len(res.operatives())
    assert all(p.find(f"{review.q('pPr')}/{review.q('numPr')}") is not None for p in ops)
    # numbers come from the list, never from the text
    assert not any((p.findtext(f".//{review.q('t')}") or "").strip()[:2].rstrip(".").isdigit() for p in ops)
    # lead words in italics
    first_pp = next(p for p in body.iter(review.q("p")) if p.find(f".//{review.q('pStyle')}").get(review.q("val"))
                    == "UNPreamble")
    assert first_pp.find(f"{review.q('r')}/{review.q('rPr')}/{review.q('i')}") is not None
    # footnotes: separators, then one note per footnote; note 1 referenced twice (PP1 and OP15)
    notes = parts.footnotes
    assert notes is not None
    kinds = [n.get(review.q("type"), "normal") for n in notes.iter(review.q("footnote"))]
    assert kinds[:2] == ["separator", "continuationSeparator"]
    assert kinds.count("normal") == len(res.footnotes)
    refs = [r.get(review.q("id")) for r in body.iter(review.q("footnoteReference"))]
    assert refs == ["1", "2", "3", "4", "6", "5"] or sorted(refs) == ["1", "2", "3", "4", "5", "6"]
    # the second citation of note 1 (OP15) is Word's NOTEREF field to a bookmark around the first
    bookmark = next(body.iter(review.q("bookmarkStart")))
    assert bookmark.getnext().find(review.q("footnoteReference")).get(review.q("id")) == "1"
    instructions = [t.text for t in body.iter(review.q("instrText"))]
    assert instructions == [f" NOTEREF {bookmark.get(review.q('name'))} \\f \\h "]
    headers = "".join(files[n].decode() for n in files if n.startswith("word/header"))
    assert "A/RES/72/169" in headers
    footers = "".join(files[n].decode() for n in files if n.startswith("word/footer"))
    assert "PAGE" in footers and "NUMPAGES" in footers


def test_draft_front_matter(tmp_path: Path) -> None:
    res = load(CORPUS / "S-2020-445.txt")
    draft = copy.deepcopy(res)
    draft.front.symbol, draft.front.sponsors = "A/C.3/73/L.12", "Cuba, Nicaragua and Venezuela"
    draft.front.doc_type, draft.front.organ = "draft resolution", "Third Committee"
    data = write_clean(draft)
    body_words = review.plain_words(data)[0]
    text = " ".join(body_words)
    assert "Cuba Nicaragua and Venezuela draft resolution" in text
    back = read_back(data, tmp_path)
    assert (back.front.symbol, back.front.sponsors, back.front.doc_type) == (
        "A/C.3/73/L.12", "Cuba, Nicaragua and Venezuela", "draft resolution")


# --- tracked changes: accept all gives the new words, reject all the base words -------------
PAIRS = [
    ("A-RES-75-180.txt", "A-RES-76-159.txt"),
    ("A-RES-75-289.txt", "A-RES-77-7.txt"),
    ("S-2018-257.txt", "S-2019-266.txt"),
    ("S-2019-266.txt", "S-2020-445.txt"),
    ("A-RES-72-169-clean.txt", "A-RES-75-180.txt"),
]


def check_tracked(old: Resolution, new: Resolution, tmp_path: Path | None = None) -> bytes:
    data, counts = write_tracked(old, new, author="Delegation of X", date=DATE, track_front=True)
    assert review.accepted_words(data) == review.plain_words(write_clean(new))
    assert review.rejected_words(data) == review.plain_words(write_clean(old))
    ids = review.ids(data)
    assert len(ids) == len(set(ids)), "revision and range ids must be unique"
    parts = review.read(data)
    for root in (parts.document, parts.footnotes):
        for node in root.iter(*(review.q(k) for k in ("ins", "del", "moveFrom", "moveTo"))) if root is not None else ():
            assert node.get(review.q("author")) == "Delegation of X" and node.get(review.q("date")) == DATE
        for node in root.iter(review.q("del"), review.q("moveFrom")) if root is not None else ():
            inside_del = node.tag == review.q("del")
            for run_text in node.iter(review.q("t"), review.q("delText")):
                assert (run_text.tag == review.q("delText")) == inside_del
    # never a deleted and an inserted reference to one footnote
    removed = {r.get(review.q("id")) for tag in ("del", "moveFrom") for w in parts.document.iter(review.q(tag))
               for r in w.iter(review.q("footnoteReference"))}
    added = {r.get(review.q("id")) for tag in ("ins", "moveTo") for w in parts.document.iter(review.q(tag))
             for r in w.iter(review.q("footnoteReference"))}
    assert not removed & added
    if tmp_path is not None:  # and the importer reads the accepted file as the new text
        accepted = read_back(review.resolved_docx(data, True), tmp_path, "accepted.docx")
        assert same_model(accepted)["operative"] == same_model(new)["operative"]
        assert same_model(accepted)["preamble"] == same_model(new)["preamble"]
    assert counts
    return data


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p[0]}->{p[1]}")
def test_tracked_export_of_real_pairs(pair: tuple[str, str], tmp_path: Path) -> None:
    old, new = load(CORPUS / pair[0]), load(CORPUS / pair[1])
    data = check_tracked(old, new, tmp_path)
    assert review.revision_counts(data)["ins"] > 0 and review.revision_counts(data)["del"] > 0


def test_tracked_export_with_moves_and_five_per_cent_edits(tmp_path: Path) -> None:
    from tests.benchmarks.bench_compare import edited_copy

    old = load(CORPUS / "A-RES-80-5.txt")
    new = edited_copy(old)
    data = check_tracked(old, new, tmp_path)
    parts = review.read(data)
    starts = {n.get(review.q("name")) for n in parts.document.iter(review.q("moveFromRangeStart"))}
    ends = {n.get(review.q("name")) for n in parts.document.iter(review.q("moveToRangeStart"))}
    assert len(starts) >= 3 and starts == ends


def test_unchanged_words_between_revisions_are_one_run() -> None:
    """A paragraph with one word replaced is four runs, not a run a word: the text before the change,
    the deletion, the insertion and the text after it."""
    old = load(CORPUS / "A-RES-76-159.txt")
    new = copy.deepcopy(old)
    para = max(new.operative, key=lambda p: len(p.text) if isinstance(p, Paragraph) else 0)
    words = para.text.split(" ")
    middle = len(words) // 2
    set_text(para, " ".join([*words[:middle], "negotiated", *words[middle + 1:]]))
    data, _counts = write_tracked(old, new, author="Drafter")
    changed = [p for p in review.read(data).document.iter(review.q("p")) if p.find(f".//{review.q('ins')}") is not None]
    assert len(changed) == 1
    texts = ["".join(t.text or "" for t in run if t.tag in (review.q("t"), review.q("delText")))
             for run in changed[0].iter(review.q("r"))]
    assert texts == [" ".join(words[:middle]) + " ", words[middle] + " ", "negotiated ",
                     " ".join(words[middle + 1:])]


def synthetic() -> list[tuple[str, Resolution, Resolution]]:
    """The edits of the comparer's tests, each as (name, base, new)."""
    out = []
    old = base()
    new = copy.deepcopy(old)
    new.operative.insert(0, block_p("*Welcomes* the report of the Secretary-General;", new.footnotes))
    out.append(("op inserted at the top renumbers", old, new))
    new = copy.deepcopy(old)
    del new.preamble[2]
    out.append(("pp deleted", old, new))
    new = copy.deepcopy(old)
    del new.operative[2].children[0]
    out.append(("sub-paragraph deleted", old, new))
    new = copy.deepcopy(old)
    set_text(new.operative[1], "*Considers* that international cooperation must be based on the principles "
                               "of international law;")
    out.append(("one word", old, new))
    new = copy.deepcopy(old)
    new.preamble.insert(4, new.preamble.pop(0))
    out.append(("pp moved", old, new))
    new = copy.deepcopy(old)
    moved = new.preamble.pop(0)
    set_text(moved, "*Reaffirming strongly* its commitment to promoting cooperation, as set forth in the Charter,")
    new.preamble.insert(3, moved)
    out.append(("moved and edited", old, new))
    new = copy.deepcopy(old)
    child = new.operative[2].children.pop(1)
    new.operative[1].children.append(child)
    out.append(("sub-paragraph moved to another parent", old, new))
    new = copy.deepcopy(old)
    op = new.operative[0]
    assert isinstance(op, Paragraph)
    first = Paragraph(content("*Reaffirms* that it is one of the purposes of the United Nations;", new.footnotes))
    second = Paragraph(content("*Stresses* the need to achieve international cooperation;[^1]", new.footnotes))
    new.operative[0:1] = [first, second]
    out.append(("op split", old, new))
    new = copy.deepcopy(old)
    a, b = new.preamble[2], new.preamble[3]
    a.content = (*a.content[:-1], Text(a.content[-1].text.rstrip(",") + " and "), *b.content[1:])  # type: ignore[union-attr]
    del new.preamble[3]
    out.append(("pps merged", old, new))
    new = copy.deepcopy(old)
    new.footnotes[2].content = (Text("See Official Records of the General Assembly, Seventy-third Session, "
                                     "Supplement No. 53 (A/73/53)."),)
    out.append(("footnote edited", old, new))
    new = copy.deepcopy(old)
    new.operative[0].content = tuple(x for x in new.operative[0].content if isinstance(x, Text))
    out.append(("footnote reference deleted", old, new))
    new = copy.deepcopy(old)
    new.front.session = "Seventy-fifth session"
    set_text(new.operative[-1], "*Decides* to continue its consideration of the question at its seventy-fifth "
                                "session.")
    out.append(("technical update", old, new))
    new = copy.deepcopy(old)
    new.preamble.insert(1, copy.deepcopy(new.preamble[0]))
    new.preamble[1].id = "copy"
    new.operative.append(block_p("*Decides* to remain seized of the matter." + "[^2]", new.footnotes))
    out.append(("paragraph with an existing note inserted", old, new))
    return out


@pytest.mark.parametrize("case", synthetic(), ids=lambda c: c[0])
def test_tracked_export_of_synthetic_edits(case: tuple[str, Resolution, Resolution]) -> None:
    _name, old, new = case
    check_tracked(old, new)


def test_renumbering_is_no_text_revision() -> None:
    old = base()
    new = copy.deepcopy(old)
    new.operative.insert(0, block_p("*Welcomes* the report;", new.footnotes))
    data, _ = write_tracked(old, new, date=DATE)
    parts = review.read(data)
    changed = [p for p in parts.document.iter(review.q("p")) if list(p.iter(review.q("ins"), review.q("del")))]
    assert len(changed) == 1  # only the inserted paragraph; OP2 … OP7 keep their text and take new numbers
    assert "".join(changed[0].itertext()) == "Welcomes the report;"


def test_moves_have_named_ranges_and_marks() -> None:
    old = base()
    new = copy.deepcopy(old)
    new.preamble.insert(4, new.preamble.pop(0))
    data, counts = write_tracked(old, new, date=DATE)
    assert counts.get("moveFrom", 0) >= 2 and counts.get("moveTo", 0) >= 2
    parts = review.read(data)
    p_from = next(p for p in parts.document.iter(review.q("p"))
                  if p.find(f".//{review.q('moveFromRangeStart')}") is not None)
    assert p_from.find(f"{review.q('pPr')}/{review.q('rPr')}/{review.q('moveFrom')}") is not None
    assert p_from.find(f"{review.q('moveFromRangeEnd')}") is not None
    assert not list(parts.document.iter(review.q("ins"), review.q("del")))


def test_changes_inside_footnotes_are_in_footnotes_xml() -> None:
    old = base()
    new = copy.deepcopy(old)
    new.footnotes[2].content = (Text("See Official Records, Seventy-third Session (A/73/53)."),)
    data, _ = write_tracked(old, new, date=DATE)
    parts = review.read(data)
    assert parts.footnotes is not None
    assert list(parts.footnotes.iter(review.q("ins"))) and list(parts.footnotes.iter(review.q("del")))
    assert not list(parts.document.iter(review.q("ins"), review.q("del")))


# --- static comparisons -----------------------------------------------------------------
def test_redline_has_no_revisions_and_marks_in_black_and_white() -> None:
    old, new = load(CORPUS / "A-RES-72-169-clean.txt"), load(CORPUS / "A-RES-75-180.txt")
    data = write_redline(old, new)
    parts = review.read(data)
    assert sum(review.revision_counts(data).values()) == 0
    xml = etree.tostring(parts.document).decode()
    assert 'w:val="Inserted"' in xml and 'w:val="Deleted"' in xml
    styles = parts.files["word/styles.xml"].decode()
    assert '<w:style w:type="character" w:styleId="Deleted">' in styles and "<w:strike/>" in styles
    # every word of both versions is on the page, run by run
    tracked, _ = write_tracked(old, new, date=DATE)
    assert sorted(_run_words(data, "t")) == sorted(_run_words(tracked, "t") + _run_words(tracked, "delText"))


def _run_words(data: bytes, tag: str) -> list[str]:
    out: list[str] = []
    for node in review.read(data).document.iter(review.q(tag)):
        out += review._WORD.findall(node.text or "")
    return out


def test_comparison_table_has_labels_and_both_versions() -> None:
    old, new = load(CORPUS / "A-RES-72-169-clean.txt"), load(CORPUS / "A-RES-75-180.txt")
    parts = review.read(write_table(old, new))
    rows = list(parts.document.iter(review.q("tr")))
    assert len(rows) > 5
    cells = [["".join(c.itertext()) for c in row.iter(review.q("tc"))] for row in rows]
    assert all(len(c) == 2 for c in cells)
    assert any(c[0].startswith("OP") and c[1].startswith("OP") for c in cells)
    assert any(c[1].startswith("PP") for c in cells)


# --- the API, the command and saving ----------------------------------------------------------
def test_api_and_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = CORPUS / "A-RES-75-289.txt", CORPUS / "A-RES-77-7.txt"
    out = tmp_path / "tracked.docx"
    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers())
    args = parser.parse_args(["export", str(new), "--base", str(old), "--track-changes", "-o", str(out),
                              "--author", "Cuba", "--date", DATE])
    assert args.handler(args) == 0
    parts = review.read(out.read_bytes())
    assert {n.get(review.q("author")) for n in parts.document.iter(review.q("ins"))} == {"Cuba"}
    export_docx(load(new), tmp_path / "clean.docx")
    assert sum(review.revision_counts((tmp_path / "clean.docx").read_bytes()).values()) == 0
    args = parser.parse_args(["export", str(new), "--track-changes", "-o", str(out)])
    assert args.handler(args) == 2
    assert "--base" in capsys.readouterr().err
    with pytest.raises(ExportFailed):
        to_docx_bytes(load(new), track_changes=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_folder_keeps_the_previous_file(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "draft.docx"
    target.write_bytes(b"previous")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportFailed, match="read-only"):
            export_docx(load(CORPUS / "A-RES-77-7.txt"), target)
        assert target.read_bytes() == b"previous"
    finally:
        folder.chmod(0o700)


def test_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "draft.docx"
    target.write_bytes(b"previous")

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportFailed, match="disk is full"):
        export_docx(load(CORPUS / "A-RES-77-7.txt"), target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.docx"]
    with pytest.raises(ExportFailed, match="folder"):
        export_docx(load(CORPUS / "A-RES-77-7.txt"), tmp_path)


# --- a real word processor reads it ----------------------------------------------------------
SOFFICE = shutil.which("soffice")
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _to_odt(docx: Path) -> etree._Element:
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation=file://{docx.parent}/lo-profile",
                    "--convert-to", "odt", "--outdir", str(docx.parent), str(docx)],
                   check=True, capture_output=True, timeout=240)
    with zipfile.ZipFile(docx.with_suffix(".odt")) as odt:
        return etree.fromstring(odt.read("content.xml"))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_reads_revisions_and_footnotes(tmp_path: Path) -> None:
    from tests.benchmarks.bench_compare import edited_copy

    cases = {
        "tracked.docx": (load(CORPUS / "A-RES-72-169-clean.txt"), load(CORPUS / "A-RES-75-180.txt")),
        "moved.docx": (load(CORPUS / "A-RES-80-5.txt"), edited_copy(load(CORPUS / "A-RES-80-5.txt"))),
    }
    for name, (old, new) in cases.items():
        data, _ = write_tracked(old, new, date=DATE)
        path = tmp_path / name
        path.write_bytes(data)
        root = _to_odt(path)
        ns = {"text": ODF_TEXT}
        regions = root.findall(".//text:tracked-changes/text:changed-region", ns)
        kinds = [region[0].tag.split("}")[1] for region in regions]
        assert kinds.count("insertion") > 0 and kinds.count("deletion") > 0
        # every deleted word is there: LibreOffice keeps deleted text inside its deletion regions
        odt_deleted = [w for region in regions if region[0].tag.endswith("deletion")
                       for w in review._WORD.findall(" ".join(region[0].xpath(".//text:p//text()", namespaces=ns)))]
        parts = review.read(data)
        ours = [w for root_ in (parts.document, parts.footnotes) for tag in ("del", "moveFrom")
                for node in root_.iter(review.q(tag)) if node.getparent().tag != review.q("rPr")
                for w in review._WORD.findall(" ".join(node.itertext()))]
        # (LibreOffice also keeps the text of a footnote whose reference is deleted in the region)
        assert not Counter(ours) - Counter(odt_deleted)
        assert len(odt_deleted) >= len(ours) > 0
        # insertions: one region per stretch of inserted text (a footnote inside one splits it)
        inserted = sum(1 for root_ in (parts.document, parts.footnotes) for tag in ("ins", "moveTo")
                       for node in root_.iter(review.q(tag)) if node.getparent().tag != review.q("rPr"))
        references = len(list(parts.document.iter(review.q("footnoteReference"))))
        assert 0 < kinds.count("insertion") <= inserted + references
        # footnotes are notes: one per reference in the body
        notes = root.findall(".//text:note", ns)
        assert notes and all(n.get(f"{{{ODF_TEXT}}}note-class") == "footnote" for n in notes)
        assert len(notes) == len(list(parts.document.iter(review.q("footnoteReference"))))


def test_html_table_is_a_table_not_the_redline() -> None:
    """The comparison table (HTML) has one three-cell row per change: label, base, new; the redline
    is running text with a side-by-side appendix. They are different documents."""
    from drafter.compare import compare
    from drafter.compare.render import to_html
    from drafter.exporters.html_table import to_html_table

    changes = compare(load(CORPUS / "A-RES-72-169-clean.txt"), load(CORPUS / "A-RES-75-180.txt"))
    table_page, redline_page = to_html_table(changes), to_html(changes)
    parser = etree.HTMLParser()
    table_root = etree.fromstring(table_page, parser)
    redline_root = etree.fromstring(redline_page, parser)
    rows = table_root.xpath("//table[@class='comparison']/tbody/tr")
    assert len(rows) == len(changes.changes)
    assert all(len(row.xpath("./td")) == 3 for row in rows)
    assert [th.text for th in table_root.xpath("//thead/tr/th")] == [
        "Paragraph", "Base: A/RES/72/169", "Draft: A/RES/75/180"]
    assert not table_root.xpath("//div[contains(@class, 'block')]")  # no running redline
    assert redline_root.xpath("//div[contains(@class, 'block')]") and not redline_root.xpath(
        "//table[@class='comparison']")
    deleted = next(row for row in rows if "deleted" in row.get("class", "") and "OP15" in row.xpath("string(./td[1])"))
    assert deleted.xpath("./td[2]//del") and not deleted.xpath("string(./td[3])").strip()
    inserted = next(row for row in rows if row.get("class") == "inserted" and "PP11" in row.xpath("string(./td[1])"))
    assert inserted.xpath("./td[3]//ins") and not inserted.xpath("string(./td[2])").strip()
