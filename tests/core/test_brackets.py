"""Negotiation marks on real UN texts: square brackets through every edit, bis/ter and alt labels against
a named version, paragraph status, the draft file, the clean and tracked Word exports, the checks."""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings, strategies
from lxml import etree

from drafter import draftfile, edits, serialize, versions
from drafter import negotiation_edits as negotiation
from drafter import negotiation_marks as marks
from drafter.cli import main as cli_main
from drafter.edits import Document, Edit
from drafter.exporters.docx import to_docx_bytes
from drafter.model import Bracket, Content, Paragraph, Resolution, Text, normalize_runs
from drafter.rules import RULES, check
from tests import ooxml_review as review
from tests.core.test_edits import build as core_edit
from tests.core.test_edits import check_invariants
from tests.corpus import CORPUS, DATA, load
from tests.edit_sequences import Step, apply_undo_redo
from tests.strategies import resolutions

TEXT = CORPUS / "A-RES-76-159.txt"
FILES = [CORPUS / name for name in ("A-RES-76-159.txt", "A-RES-72-169-clean.txt", "A-RES-80-24.txt")]
MARKER = "\u00a7"  # typed by the tests; in no text of the corpus
SOFFICE = shutil.which("soffice")


def fresh(path: Path = TEXT) -> Document:
    return Document.from_base(copy.deepcopy(load(path)))


def do(doc: Document, edit: Edit | None) -> Edit:
    assert edit is not None
    edit.apply(doc)
    return edit


def find_para(doc: Document, words: str) -> Paragraph:
    return next(para for _label, para in doc.draft.labelled() if words in para.text)


def word_span(para: Paragraph, words: str) -> tuple[int, int]:
    """The content positions of some words of a paragraph that has no footnote reference before them."""
    start = para.text.index(words)
    assert edits.length(para.content) >= start + len(words)
    return start, start + len(words)


def bracket_words(doc: Document, para: Paragraph, words: str, holder: str) -> None:
    do(doc, negotiation.bracket(doc, para.id, *word_span(para, words), holder))


def bracketed(doc: Document) -> Document:
    """A/RES/76/159 with three brackets: inside OP3, the whole of OP5, and nested in OP7."""
    bracket_words(doc, doc.draft.operatives()[2], "dialogue among cultures", "EU")
    do(doc, negotiation.bracket_whole(doc, doc.draft.operatives()[4].id, "G77"))
    op7 = doc.draft.operatives()[6]
    bracket_words(doc, op7, "international cooperation in the field of human rights", "Russian Federation")
    bracket_words(doc, doc.draft.operatives()[6], "field of human rights", "United States")
    return doc


def all_contents(res: Resolution) -> list[Content]:
    return [unit.content for unit in [*edits.reading_order(res), *res.footnotes]]


def assert_balanced(res: Resolution) -> None:
    """Each bracket: one "[" then one "]", in one paragraph; no pair id in two places."""
    seen: Counter[str] = Counter()
    for content in all_contents(res):
        assert marks.balanced(content) == content
        for item in content:
            if isinstance(item, Bracket):
                seen[item.pair] += 1
    assert all(count == 2 for count in seen.values())


def without_marker(content: Content) -> Content:
    return normalize_runs(Text(item.text.replace(MARKER, ""), item.italic)
                                if type(item) is Text else item for item in content)


# --- brackets through edits ----------------------------------------------------------------------
def test_a_bracket_is_put_shown_and_taken_away() -> None:
    doc = fresh()
    op3 = doc.draft.operatives()[2]
    before = op3.content
    edit = do(doc, negotiation.bracket(doc, op3.id, *word_span(op3, "dialogue among cultures"), "EU"))
    op3 = doc.draft.operatives()[2]
    assert "[dialogue among cultures]" in op3.text
    [span] = marks.spans(op3.content)
    assert span.holder == "EU"
    do(doc, negotiation.hold(doc, op3.id, span.start + 3, "Mexico"))
    assert marks.spans(doc.draft.operatives()[2].content)[0].holder == "Mexico"
    do(doc, negotiation.unbracket(doc, op3.id, span.start + 3))
    assert doc.draft.operatives()[2].content == normalize_runs(before)
    assert negotiation.bracket(doc, op3.id, 4, 4, "EU") is None  # nothing selected
    assert negotiation.unbracket(doc, op3.id, 2) is None  # no bracket there
    edit.revert(doc)


def test_deleting_one_end_removes_the_bracket_and_its_words_stay() -> None:
    doc = bracketed(fresh())
    op3 = doc.draft.operatives()[2]
    span = marks.spans(op3.content)[0]
    # the user deletes the "[" and the word before it, as a Backspace over a selection does
    do(doc, edits.delete_range(doc, op3.id, span.start - 5, op3.id, span.start + 1))
    op3 = doc.draft.operatives()[2]
    assert not marks.spans(op3.content) and "[" not in op3.text and "]" not in op3.text
    assert "dialogue among cultures" in op3.text
    assert_balanced(doc.draft)


def test_enter_inside_a_bracket_brackets_both_parts_and_backspace_makes_one_again() -> None:
    doc = bracketed(fresh())
    op7 = doc.draft.operatives()[6]
    before = op7.content
    at = op7.text.index("field of human rights")
    do(doc, edits.split(doc, op7.id, at))
    first, second = doc.draft.operatives()[6], doc.draft.operatives()[7]
    assert first.text.endswith("in the ]") and second.text.startswith("[[field of human rights]")
    assert_balanced(doc.draft)
    assert {span.holder for span in marks.spans(second.content)} == {"Russian Federation", "United States"}
    do(doc, edits.join(doc, second.id))
    assert doc.draft.operatives()[6].content == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.sampled_from(FILES),
       strategies.lists(strategies.tuples(strategies.sampled_from(["type", "split-join", "type-lead"]),
                                          strategies.floats(0, 1), strategies.floats(0, 1)), min_size=1, max_size=15))
def test_brackets_stay_around_the_same_words(path: Path, steps: list[tuple[str, float, float]]) -> None:
    """Typing before, inside and after brackets, and Enter then Backspace anywhere (inside a bracket too):
    once the typed text is taken out, every paragraph reads as before with its brackets where they were."""
    doc = fresh(path)
    ops = doc.draft.operatives()
    for index, para in enumerate(ops[:4]):
        length = edits.length(para.content)
        do(doc, negotiation.bracket(doc, para.id, length // 4, length // 2, f"Delegation {index}"))
        if index % 2:
            do(doc, negotiation.bracket(doc, para.id, length // 3, length // 2 - 1, "Nested"))
    targets = [para.id for para in doc.draft.operatives()[:4]]
    original = {para.id: para.content for para in doc.draft.operatives()[:4]}
    for action, pick, where in steps:
        key = targets[int(pick * len(targets)) % len(targets)]
        unit = edits.find(doc.draft, key)
        assert unit is not None
        at = 0 if action == "type-lead" else int(where * (edits.length(unit.content) + 1))
        if action.startswith("type"):
            left, right = edits.split_content(unit.content, at)
            do(doc, edits.set_content(doc, key, [*left, Text(MARKER), *right]))
        else:
            split = edits.split(doc, key, at)
            assert split is not None
            do(doc, split)
            inserted = next(e.block.id for e in split.edits if isinstance(e, edits.InsertBlock))
            assert_balanced(doc.draft)
            do(doc, edits.join(doc, inserted if at else key))
            if not at:  # Enter at the start put an empty paragraph before: the text joins it, under its id
                targets[targets.index(key)] = inserted
                original[inserted] = original.pop(key)
        assert_balanced(doc.draft)
    for key, content in original.items():
        unit = edits.find(doc.draft, key)
        assert unit is not None
        assert without_marker(unit.content) == content


def negotiation_step(doc: Document, action: str, pick: float, offset: float, other: float) -> Edit | None:
    """The random edits of the edit tests, and bracketing, unbracketing, holders, status and alternatives."""
    blocks = [b for b in edits.reading_order(doc.draft) if isinstance(b, Paragraph)]
    para = blocks[int(pick * len(blocks)) % len(blocks)] if blocks else None
    if para is None or action not in ("bracket", "unbracket", "hold", "status", "alternative"):
        return core_edit(doc, action, pick, offset, other)
    size = edits.length(para.content)
    at, to = int(offset * size), int(other * size)
    if action == "bracket":
        return negotiation.bracket(doc, para.id, at, to, "EU")
    if action == "unbracket":
        return negotiation.unbracket(doc, para.id, at)
    if action == "hold":
        return negotiation.hold(doc, para.id, at, "G77")
    if action == "status":
        return negotiation.set_status(doc, para.id, marks.STATUSES[int(other * 3) % 3])
    return negotiation.add_alternative(doc, para.id)


ACTIONS = ["type", "split", "join", "indent", "outdent", "up", "down", "toggle", "footnote", "delete", "range",
           "drop", "bracket", "bracket", "unbracket", "hold", "status", "alternative"]


def check_negotiated(doc: Document) -> None:
    check_invariants(doc)
    assert_balanced(doc.draft)
    labels = [label for label, _para in doc.draft.labelled()]
    assert len(labels) == len(set(labels))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.sampled_from(FILES),
       strategies.lists(strategies.tuples(strategies.sampled_from(ACTIONS), strategies.floats(0, 1),
                                          strategies.floats(0, 1), strategies.floats(0, 1)), min_size=1, max_size=14))
def test_random_edits_keep_brackets_balanced_and_undo_exact(path: Path, sequence: list[Step]) -> None:
    doc = bracketed(fresh(TEXT)) if path == TEXT else fresh(path)
    apply_undo_redo(doc, sequence, negotiation_step, check_negotiated)


# --- the draft file -----------------------------------------------------------------------------
def negotiated(doc: Document) -> Document:
    """Brackets, a status, alternatives, a new paragraph and the numbering of the base."""
    bracketed(doc)
    do(doc, negotiation.set_status(doc, doc.draft.operatives()[1].id, marks.AD_REF))
    do(doc, negotiation.set_status(doc, doc.draft.operatives()[0].id, marks.AGREED))
    do(doc, negotiation.add_alternative(doc, doc.draft.operatives()[8].id))
    op5 = doc.draft.operatives()[4]
    do(doc, edits.split(doc, op5.id, edits.length(op5.content)))
    new = doc.draft.operatives()[5]
    do(doc, edits.set_content(doc, new.id, [Text("Encourages all States to share good practices;")]))
    do(doc, negotiation.number_as(doc, "base"))
    return doc


def test_the_draft_file_keeps_every_mark(tmp_path: Path) -> None:
    doc = negotiated(fresh())
    path = tmp_path / "negotiated.drafter"
    draftfile.save(doc, path)
    back = draftfile.read(path)
    assert serialize.to_dict(back.draft) == serialize.to_dict(doc.draft)
    assert back.draft.labels() == doc.draft.labels()
    assert back.draft.number_as is not None and back.draft.number_as.name == "base"
    assert [p.status for p in back.draft.operatives()[:2]] == [marks.AGREED, marks.AD_REF]
    data = json.loads(path.read_text("utf-8"))
    assert data["draft"]["version"] == serialize.NEGOTIATED_VERSION == 2
    assert data["base"]["version"] == 1  # a text without marks is written as before
    spans = [s for p in back.draft.operatives() for s in marks.spans(p.content)]
    assert sorted(s.holder for s in spans) == ["EU", "G77", "Russian Federation", "United States"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions(), strategies.lists(strategies.tuples(strategies.floats(0, 1), strategies.floats(0, 1),
                                                          strategies.sampled_from(["", "EU", "G77 & China"]),
                                                          strategies.sampled_from(marks.STATUSES)), max_size=6))
def test_any_text_with_marks_round_trips(res: Resolution, marking: list[tuple[float, float, str, str]]) -> None:
    """Random resolutions (tests/strategies.py) with random brackets, holders and statuses: written and read back
    the same, marks and all."""
    doc = Document.from_base(res)
    paragraphs = [p for p in edits.reading_order(doc.draft) if isinstance(p, Paragraph)]
    for where, width, holder, status in marking if paragraphs else []:
        para = paragraphs[int(where * len(paragraphs)) % len(paragraphs)]
        size = edits.length(para.content)
        edit = negotiation.bracket(doc, para.id, int(where * size), int(min(1.0, where + width) * size), holder)
        if edit is not None:
            edit.apply(doc)
        if (step := negotiation.set_status(doc, para.id, status)) is not None:
            step.apply(doc)
    assert_balanced(doc.draft)
    back = serialize.loads(serialize.dumps(doc.draft))
    assert serialize.to_dict(back) == serialize.to_dict(doc.draft)
    assert [m for c in all_contents(back) for m in c if isinstance(m, Bracket)] == \
        [m for c in all_contents(doc.draft) for m in c if isinstance(m, Bracket)]


def test_a_draft_file_from_before_the_marks_opens_unchanged() -> None:
    path = DATA / "draftfiles" / "format-1.drafter"
    doc = draftfile.read(path)
    raw = json.loads(path.read_text("utf-8"))
    assert serialize.to_dict(doc.draft) == raw["draft"] and serialize.to_dict(doc.base) == raw["base"]
    assert doc.draft.number_as is None
    assert all(not p.status and not p.alternative for p in edits.reading_order(doc.draft)
               if isinstance(p, Paragraph))
    ops = doc.draft.operatives()
    assert [label for label, _ in doc.draft.labelled() if label.startswith("OP") and "(" not in label] == \
        [f"OP{n}" for n in range(1, len(ops) + 1)]


def test_bad_marks_in_a_file_are_refused_with_a_message() -> None:
    data = serialize.to_dict(negotiated(fresh()).draft)
    data["operative"][0]["status"] = "nearly agreed"
    with pytest.raises(ValueError, match="unknown paragraph status 'nearly agreed'"):
        serialize.from_dict(data)
    data = serialize.to_dict(negotiated(fresh()).draft)
    data["operative"][2]["content"][1]["bracket"] = "{"
    with pytest.raises(ValueError, match="a bracket is"):
        serialize.from_dict(data)


# --- labels ---------------------------------------------------------------------------------------
def labels_by_text(res: Resolution) -> dict[str, str]:
    return {para.text[:40]: label for label, para in res.labelled()}


def test_bis_and_ter_against_a_named_version() -> None:
    doc = fresh()
    versions.add(doc.versions, "Rev.1", doc.draft)
    ops = doc.draft.operatives()
    texts = [op.text[:40] for op in ops]
    # two new paragraphs after OP5, OP2 deleted, OP9 moved before OP4, a new PP before PP1, a new OP5(a)
    for words in ("Calls upon States to act;", "Invites regional organizations to act;"):
        anchor = find_para(doc, texts[4]) if words.startswith("Calls") else find_para(doc, "Calls upon States to act")
        do(doc, edits.insert_paragraphs(doc, anchor.id, [edits.actions.new_paragraph(words)]))
    do(doc, edits.Compound([edits.DeleteBlock(ops[1].id)], "Delete"))
    do(doc, edits.move_to(doc, ops[8].id, edits.locate(doc.draft, ops[3].id)))
    first_pp = doc.draft.preambular()[0]
    do(doc, edits.split(doc, first_pp.id, 0))
    do(doc, edits.set_content(doc, doc.draft.preambular()[0].id, [Text("Bearing in mind the Charter,")]))
    do(doc, edits.insert_paragraphs(doc, ops[4].id, [edits.actions.new_paragraph("to share good practices;")],
                                    as_children=True))
    positional = labels_by_text(doc.draft)
    assert positional["Calls upon States to act;"] == "OP6"  # by position, before the setting
    do(doc, negotiation.number_as(doc, "Rev.1"))
    labels = labels_by_text(doc.draft)
    assert labels[texts[0]] == "OP1" and labels[texts[2]] == "OP3" and labels[texts[4]] == "OP5"
    assert labels["Calls upon States to act;"] == "OP5 bis"
    assert labels["Invites regional organizations to act;"] == "OP5 ter"
    assert labels[texts[8]] == "OP9" and labels[texts[5]] == "OP6" and labels[texts[16]] == "OP17"
    assert texts[1] not in labels and "OP2" not in labels.values()  # OP2 went: nobody else takes its number
    assert labels["Bearing in mind the Charter,"] == "PP0 bis"
    assert labels["to share good practices;"] == "OP5(a)"
    # Rev.2 keeps these labels; a paragraph new since then after OP5 bis is OP5 quater
    versions.add(doc.versions, "Rev.2", doc.draft)
    anchor = find_para(doc, "Calls upon States to act")
    do(doc, edits.insert_paragraphs(doc, anchor.id, [edits.actions.new_paragraph("Welcomes the report;")]))
    do(doc, negotiation.number_as(doc, "Rev.2"))
    labels = labels_by_text(doc.draft)
    assert labels["Welcomes the report;"] == "OP5 quater" and labels["Calls upon States to act;"] == "OP5 bis"
    # numbered by position again: 1 … n
    do(doc, negotiation.number_as(doc, None))
    tops = [label for label, _ in doc.draft.labelled() if label.startswith("OP") and "(" not in label]
    assert tops == [f"OP{n}" for n in range(1, len(doc.draft.operatives()) + 1)]
    with pytest.raises(versions.UnknownVersion, match=r"Rev\.1"):
        negotiation.number_as(doc, "Rev.9")


def test_alternatives_share_a_number() -> None:
    doc = fresh()
    op5 = doc.draft.operatives()[4]
    do(doc, negotiation.add_alternative(doc, op5.id))
    do(doc, negotiation.add_alternative(doc, op5.id))
    labels = [label for label, _ in doc.draft.labelled() if label.startswith("OP") and "(" not in label]
    assert labels[3:8] == ["OP4", "OP5 alt 1", "OP5 alt 2", "OP5 alt 3", "OP6"]
    assert labels[-1] == f"OP{len(doc.draft.operatives()) - 2}"
    third = doc.draft.operatives()[6]
    do(doc, negotiation.leave_alternatives(doc, third.id))
    labels = [label for label, _ in doc.draft.labelled() if label.startswith("OP") and "(" not in label]
    assert labels[3:8] == ["OP4", "OP5 alt 1", "OP5 alt 2", "OP6", "OP7"]


# --- exports --------------------------------------------------------------------------------------
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def body_paragraphs(data: bytes) -> list[Any]:
    document = docx.Document(io.BytesIO(data))
    return [p for p in document.paragraphs if p.style is not None and p.style.style_id in
            ("UNPreamble", "UNOperative", "UNParagraph", "UNSubparagraph")]


def test_clean_export_has_no_brackets_no_labels_and_numbers_one_to_n(tmp_path: Path) -> None:
    doc = negotiated(fresh())
    data = to_docx_bytes(doc.draft)
    paragraphs = body_paragraphs(data)
    assert paragraphs and not any("[" in p.text or "]" in p.text for p in paragraphs)
    assert not any(re.search(r"\b(bis|ter|alt)\b", p.text) for p in paragraphs)
    assert "dialogue among cultures" in " ".join(p.text for p in paragraphs)
    operative = [p for p in paragraphs if p.style.style_id == "UNOperative"]
    assert len(operative) == len(doc.draft.operatives())  # OP5 bis and both alternatives among them
    lists = {p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") for p in operative}
    assert len(lists) == 1  # one Word list: 1, 2, 3 … n
    if SOFFICE is not None:  # the numbers a word processor prints
        path = tmp_path / "clean.docx"
        path.write_bytes(data)
        text = convert(path, "txt").read_text("utf-8-sig")
        numbers = [int(n) for n in re.findall(r"^\s*(\d+)\.\s+[A-Z]", text, re.MULTILINE)]
        assert numbers == list(range(1, len(operative) + 1))
        assert "[" not in text.split("Recalling", 1)[1]


def convert(path: Path, to: str) -> Path:
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation=file://{path.parent}/lo-profile",
                    "--convert-to", to, "--outdir", str(path.parent), str(path)],
                   check=True, capture_output=True, timeout=240)
    return path.with_suffix(f".{to}")


def test_tracked_export_inserts_bis_paragraphs_and_comments_on_status(tmp_path: Path) -> None:
    doc = negotiated(fresh())
    data = to_docx_bytes(doc.draft, base=doc.base, track_changes=True, author="Mexico", date="2026-11-29")
    parts = review.read(data)
    bis = next(p for p in parts.document.iter(f"{W}p") if "share good practices" in "".join(p.itertext()))
    assert bis.find(f"{W}pPr/{W}rPr/{W}ins") is not None  # its paragraph mark inserted
    runs = [r for r in bis.iter(f"{W}r") if r.find(f"{W}t") is not None]
    assert runs and all(r.getparent().tag == f"{W}ins" for r in runs)  # every word inserted
    accepted = docx.Document(io.BytesIO(review.resolved_docx(data, accept_all=True)))
    assert "Reaffirms that [dialogue among cultures] " in "\n".join(p.text for p in accepted.paragraphs)
    rejected = docx.Document(io.BytesIO(review.resolved_docx(data, accept_all=False)))
    assert not any("[" in p.text for p in rejected.paragraphs if p.style.style_id == "UNOperative")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        comments = etree.fromstring(package.read("word/comments.xml"))
    said = {c.get(f"{W}id"): "".join(c.itertext()) for c in comments.iter(f"{W}comment")}
    assert "Status: agreed ad ref." in said.values() and "Status: agreed." in said.values()
    assert any(text == "Brackets held by Russian Federation, United States." for text in said.values())
    op2 = next(p for p in parts.document.iter(f"{W}p") if "Recognizes that, in addition" in "".join(p.itertext()))
    anchored = op2.find(f"{W}commentRangeStart").get(f"{W}id")
    assert said[anchored] == "Status: agreed ad ref."
    assert all(c.get(f"{W}author") == "Mexico" for c in comments.iter(f"{W}comment"))
    if SOFFICE is None:
        return
    path = tmp_path / "tracked.docx"
    path.write_bytes(data)
    odt = convert(path, "odt")
    with zipfile.ZipFile(odt) as package:
        content = etree.fromstring(package.read("content.xml"))
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
    inserted = " ".join(" ".join(region.xpath(".//text()"))
                        for region in content.findall(".//text:tracked-changes/text:changed-region", ns))
    notes = [" ".join(a.xpath(".//text:p//text()", namespaces=ns))
             for a in content.iter(f"{{{ns['office']}}}annotation")]
    assert "Status: agreed ad ref." in notes and "Status: agreed." in notes
    body = " ".join(content.xpath("//text:p//text()", namespaces=ns))
    assert "share good practices" in body and inserted  # LibreOffice reads the paragraph and its insertion
    pdf = convert(path, "pdf")
    assert pdf.stat().st_size > 10_000


# --- checks ---------------------------------------------------------------------------------------
def test_checks_flag_what_the_negotiation_left_and_pass_once_settled() -> None:
    doc = negotiated(fresh())
    found = check(doc.draft)
    brackets = [f for f in found if f.rule == "brackets-left"]
    assert {f.label for f in brackets} == {"OP3", "OP5", "OP7"} and len(brackets) == 4
    assert any(f.message == "Square brackets held by EU left around “dialogue among cultures”" for f in brackets)
    op3 = next(f for f in brackets if f.label == "OP3")
    assert doc.draft.operatives()[2].text[op3.start:op3.end] == "[dialogue among cultures]"
    labels = {f.label for f in found if f.rule == "bis-alt-left"}
    assert labels == {"OP5 bis", "OP9 alt 1", "OP9 alt 2"}
    assert {f.label for f in found if f.rule == "not-agreed"} >= {"OP2", "OP3"}
    assert "OP1" not in {f.label for f in found if f.rule == "not-agreed"}
    # settled: brackets taken away, one wording kept, numbered by position, everything agreed
    for para in [p for p in edits.reading_order(doc.draft) if isinstance(p, Paragraph)]:
        while marks.spans(para.content):
            do(doc, negotiation.unbracket(doc, para.id, marks.spans(para.content)[0].start + 1))
    kept, dropped = [p for p in doc.draft.operatives() if p.alternative]
    do(doc, edits.Compound([edits.DeleteBlock(dropped.id)], "Delete"))
    do(doc, negotiation.leave_alternatives(doc, kept.id))
    do(doc, negotiation.number_as(doc, None))
    for para in [p for p in edits.reading_order(doc.draft) if isinstance(p, Paragraph)]:
        if para.status != marks.AGREED:
            do(doc, negotiation.set_status(doc, para.id, marks.AGREED))
    assert not [f for f in check(doc.draft) if f.rule in ("brackets-left", "bis-alt-left", "not-agreed")]


def test_drafter_check_lists_the_rules_and_flags_a_draft_file(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert {"brackets-left", "bis-alt-left", "not-agreed"} <= set(RULES)
    assert cli_main(["check", "--list"]) == 0
    listed = capsys.readouterr().out
    assert "brackets-left" in listed and "bis-alt-left" in listed and "not-agreed" in listed
    path = tmp_path / "negotiated.drafter"
    draftfile.save(negotiated(fresh()), path)
    assert cli_main(["check", str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert any(f["rule"] == "brackets-left" and f["label"] == "OP3" for f in findings)
    assert any(f["rule"] == "bis-alt-left" and f["label"] == "OP5 bis" for f in findings)


def compilation_by_python_docx(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The General Assembly,")
    document.add_paragraph("Recalling its resolution 75/180 of 16 December 2020,")
    document.add_paragraph("1. Reaffirms that [dialogue among cultures] fosters cooperation;")
    document.add_paragraph("2. Urges all States to [act] [promptly];")
    document.add_paragraph("2 bis. Encourages all States to share good practices;")
    document.save(str(path))


@pytest.mark.parametrize("writer", ["python-docx", "LibreOffice"])
def test_typed_brackets_in_a_word_file_are_flagged_and_made_marks(writer: str, tmp_path: Path) -> None:
    import drafter

    path = tmp_path / "compilation.docx"
    compilation_by_python_docx(path)
    if writer == "LibreOffice":
        if SOFFICE is None:
            pytest.skip("LibreOffice (soffice) is not installed")
        odt = convert(path, "odt")
        path.unlink()
        path = convert(odt, "docx")
    res = drafter.load(str(path))
    found = check(res)
    typed = [f for f in found if f.rule == "brackets-left"]
    assert len(typed) == 6 and all("typed in the text" in f.message for f in typed)
    assert any(f.rule == "bis-alt-left" and "2 bis." in f.message for f in found)
    para = next(p for _label, p in res.labelled() if "dialogue" in p.text)
    made = marks.from_typed(para.content, "EU")
    assert [s.holder for s in marks.spans(made)] == ["EU"]
    assert marks.strip_brackets(made) != made and "[dialogue among cultures]" in "".join(
        item.text for item in made if isinstance(item, Text))


def test_a_quick_fix_in_a_bracketed_paragraph_keeps_its_brackets() -> None:
    from drafter.rules import apply_fix

    doc = fresh()
    op3 = doc.draft.operatives()[2]
    do(doc, edits.set_content(doc, op3.id, [*op3.content[:-1], Text(op3.content[-1].text.replace(
        "civilizations", "civilizations in 3 regions"))]))
    bracket_words(doc, doc.draft.operatives()[2], "dialogue among cultures", "EU")
    finding = next(f for f in check(doc.draft) if f.rule == "numbers-in-words" and f.label == "OP3")
    assert finding.fix is not None and apply_fix(doc.draft, finding)
    op3 = doc.draft.operatives()[2]
    assert "three regions" in op3.text and [s.holder for s in marks.spans(op3.content)] == ["EU"]
    assert "[dialogue among cultures]" in op3.text
