"""The commands read Drafter's own files: a .drafter draft is its draft, with its stored base wherever
--base is left out. Bad option values end in one line. The tracked export's front matter is the draft's own."""

from __future__ import annotations

import copy
import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from drafter import cli, draftfile
from drafter.compare import compare
from drafter.compare.render import to_json
from drafter.errors import ExportFailed
from drafter.exporters.docx import to_docx_bytes
from drafter.exporters.docx_clean import write_clean
from drafter.exporters.docx_tracked import write_tracked
from drafter.rules import check
from tests import ooxml_review as review
from tests.core.test_docx_export import read_back, same_model
from tests.corpus import CORPUS

BASE = CORPUS / "A-RES-75-180.txt"
FRONT_STYLES = {"UNMasthead", "UNOrgan", "UNHeaderBlock", "UNHeaderLine", "UNAgenda", "UNAdoption", "UNReport",
                "UNSponsors"}
REVISIONS = ("ins", "del", "moveFrom", "moveTo")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two follow-up drafts of A/RES/75/180 written by `drafter followup` (sessions 76 and 77)."""
    folder = tmp_path_factory.mktemp("drafts")
    out = []
    for session in (76, 77):
        target = folder / f"d{session}.drafter"
        assert cli.main(["followup", str(BASE), "--session", str(session), "-o", str(target)]) == 0
        out.append(target)
    return out[0], out[1]


def test_inspect_a_draft_shows_its_draft(drafts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    doc = draftfile.read(drafts[0])
    code, out, _ = run(["inspect", str(drafts[0])], capsys)
    assert code == 0
    pps, ops = len(doc.draft.preambular()), len(doc.draft.operatives())
    assert pps > 10 and ops > 10
    assert f"counts:    {pps} preambular, {ops} operative" in out
    assert "symbol:    A/C.3/76/L.__" in out and "A/RES/75/180" in out.splitlines()[0]
    assert '"format"' not in out
    code, out, _ = run(["inspect", str(drafts[0]), "--json"], capsys)
    assert json.loads(out)["symbol"] == "A/C.3/76/L.__"


def test_a_draft_under_another_name_is_read_by_its_content(drafts: tuple[Path, Path], tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    renamed = tmp_path / "draft.json"
    renamed.write_bytes(drafts[0].read_bytes())
    code, out, _ = run(["inspect", str(renamed)], capsys)
    assert code == 0 and "symbol:    A/C.3/76/L.__" in out


def test_check_lints_the_draft_text(drafts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    doc = draftfile.read(drafts[0])
    _, out, _ = run(["check", str(drafts[0]), "--json"], capsys)
    found = json.loads(out)["findings"]
    expected = [f.to_dict() for f in check(doc.draft, base=doc.base)]
    assert found == expected
    assert not any("format" in f["message"] for f in found)  # nothing read from the JSON keys


def test_compare_a_draft_with_its_stored_base_and_two_drafts(drafts: tuple[Path, Path],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    doc = draftfile.read(drafts[0])
    code, out, _ = run(["compare", str(drafts[0]), "--json"], capsys)
    assert code == 0
    assert json.loads(out) == json.loads(to_json(compare(doc.base, doc.draft)))
    assert json.loads(out)["old"] == "A/RES/75/180" and json.loads(out)["new"] == "A/C.3/76/L.__"
    code, out, _ = run(["compare", str(drafts[0]), str(drafts[1]), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["old"], data["new"]) == ("A/C.3/76/L.__", "A/C.3/77/L.__")
    code, _, err = run(["compare", str(BASE)], capsys)
    assert code == 2 and "OLD and NEW" in err


def test_export_a_draft_without_base(drafts: tuple[Path, Path], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    doc = draftfile.read(drafts[0])
    clean, tracked = tmp_path / "clean.docx", tmp_path / "tracked.docx"
    assert run(["export", str(drafts[0]), "-o", str(clean)], capsys)[0] == 0
    assert review.plain_words(clean.read_bytes()) == review.plain_words(write_clean(doc.draft))
    assert sum(review.revision_counts(clean.read_bytes()).values()) == 0
    assert run(["export", str(drafts[0]), "--track-changes", "-o", str(tracked)], capsys)[0] == 0
    data = tracked.read_bytes()
    assert review.accepted_words(data) == review.plain_words(write_clean(doc.draft))
    rejected = read_back(review.resolved_docx(data, False), tmp_path, "rejected.docx")
    for part in ("preamble", "operative"):
        assert same_model(rejected)[part] == same_model(doc.base)[part]
    # the front matter is the draft's own: rejecting every change leaves it as the draft has it
    own = _front_texts(review.read(write_clean(doc.draft)).document)
    assert _front_texts(review.resolve(review.read(data).document, False)) == own
    # with the front matter tracked, rejecting everything gives the base word for word
    full = tmp_path / "full.docx"
    assert run(["export", str(drafts[0]), "--track-changes", "--track-front-matter", "-o", str(full)], capsys)[0] == 0
    assert review.rejected_words(full.read_bytes()) == review.plain_words(write_clean(doc.base))


def test_export_redline_and_table_of_a_draft(drafts: tuple[Path, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for flag, name in (("--redline", "r.docx"), ("--table", "t.docx"), ("--redline", "r.html"),
                       ("--table", "t.html")):
        assert run(["export", str(drafts[0]), flag, "-o", str(tmp_path / name)], capsys)[0] == 0
    assert "<table class=\"comparison\">" in (tmp_path / "t.html").read_text("utf-8")
    assert "<del>" in (tmp_path / "r.html").read_text("utf-8")
    with zipfile.ZipFile(tmp_path / "t.docx") as archive:
        assert b"<w:tbl>" in archive.read("word/document.xml")


def test_followup_from_a_draft(drafts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "next.json"
    code, out, _ = run(["followup", str(drafts[0]), "--session", "78", "-o", str(target)], capsys)
    assert code == 0 and "wrote" in out
    assert json.loads(target.read_text("utf-8"))["front"]["session"].startswith("Seventy-eighth")


def test_export_a_draft_with_another_base(drafts: tuple[Path, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """--base wins over the stored base; a draft file given as --base stands for its draft."""
    later = draftfile.read(drafts[1]).draft
    earlier = draftfile.read(drafts[0]).draft
    out = tmp_path / "x.docx"
    assert run(["export", str(drafts[1]), "--base", str(drafts[0]), "--track-changes", "-o", str(out)],
               capsys)[0] == 0
    rejected = read_back(review.resolved_docx(out.read_bytes(), False), tmp_path, "rejected.docx")
    assert same_model(rejected)["operative"] == same_model(earlier)["operative"]
    assert same_model(rejected)["operative"] != same_model(later)["operative"]


@pytest.mark.parametrize("argv", [
    ["export", str(BASE), "--date", "notadate"],
    ["export", str(BASE), "--track-changes", "--base", str(BASE), "--date", "29/11/2026"],
    ["followup", str(BASE), "--session", "seventy", "-o", "x.json"],
    ["compare", str(BASE), str(BASE), "--no-such-option"],
])
def test_bad_option_values_end_in_one_line(argv: list[str], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.docx"
    code, _out, err = run([*argv, "-o", str(target)] if argv[0] == "export" else argv, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("drafter")
    assert not target.exists()


def test_a_string_date_is_checked_by_the_exporter(drafts: tuple[Path, Path]) -> None:
    doc = draftfile.read(drafts[0])
    with pytest.raises(ExportFailed, match="not a date"):
        to_docx_bytes(doc.draft, base=doc.base, track_changes=True, date="notadate")
    data = to_docx_bytes(doc.draft, base=doc.base, track_changes=True, date="2026-01-31")
    dates = {node.get(review.q("date")) for node in review.read(data).document.iter(review.q("ins"))}
    assert dates == {"2026-01-31T00:00:00Z"}


# --- the tracked export's front matter ----------------------------------------------------------
def _paragraphs(data: bytes) -> list[tuple[str, etree._Element]]:
    root = review.read(data).document
    out = []
    for p in root.iter(review.q("p")):
        style = p.find(f"{review.q('pPr')}/{review.q('pStyle')}")
        out.append((style.get(review.q("val"), "") if style is not None else "", p))
    return out


def _front_texts(root: etree._Element) -> list[str]:
    out = []
    for p in root.iter(review.q("p")):
        style = p.find(f"{review.q('pPr')}/{review.q('pStyle')}")
        if style is not None and style.get(review.q("val")) in FRONT_STYLES:
            out.append("".join(t.text or "" for t in p.iter(review.q("t"))))
    return out


def _revisions(p: etree._Element) -> list[etree._Element]:
    return [node for node in p.iter(*(review.q(kind) for kind in REVISIONS))]


def test_front_matter_is_the_drafts_own_by_default(drafts: tuple[Path, Path]) -> None:
    doc = draftfile.read(drafts[0])
    data, _ = write_tracked(doc.base, doc.draft, date="2026-11-29T10:00:00Z")
    paragraphs = _paragraphs(data)
    front = [p for style, p in paragraphs if style in FRONT_STYLES]
    assert front and all(not _revisions(p) for p in front)
    assert sum(1 for style, _ in paragraphs if style == "UNMasthead") == 1
    titles = [p for style, p in paragraphs if style == "UNTitle"]
    assert len(titles) == 1 and not _revisions(titles[0])  # the same title: nothing to track
    assert any(_revisions(p) for style, p in paragraphs if style not in FRONT_STYLES)  # the body is tracked
    tracked, _ = write_tracked(doc.base, doc.draft, date="2026-11-29T10:00:00Z", track_front=True)
    assert any(_revisions(p) for style, p in _paragraphs(tracked) if style in FRONT_STYLES)


def test_a_changed_title_is_tracked_word_by_word(drafts: tuple[Path, Path]) -> None:
    doc = draftfile.read(drafts[0])
    draft = copy.deepcopy(doc.draft)
    draft.front.title = draft.front.title.replace("international cooperation", "global cooperation")
    data, _ = write_tracked(doc.base, draft, date="2026-11-29T10:00:00Z")
    title = next(p for style, p in _paragraphs(data) if style == "UNTitle")
    deleted = "".join(t.text or "" for t in title.iter(review.q("delText")))
    inserted = "".join(t.text or "" for node in title.iter(review.q("ins")) for t in node.iter(review.q("t")))
    assert (deleted, inserted) == ("international", "global")
    assert review.accepted_words(data) == review.plain_words(write_clean(draft))
    words = " ".join(review.rejected_words(data)[0])
    assert re.search(r"Enhancement of international cooperation in the field of human rights", words)
