"""Square brackets typed as text, made bracket marks: compilation texts written by LibreOffice and python-docx,
the rule that leaves the UN's own brackets alone tried on every text of the corpus, the command line, and the
warning a reader gives (which the proposals import passes on)."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

import pytest

from drafter import draftfile, edits
from drafter import negotiation_edits as negotiation
from drafter import negotiation_marks as marks
from drafter import typed_brackets as typed
from drafter.cli import main as cli_main
from drafter.comments import Comment
from drafter.edits import Document
from drafter.importers import load as read
from drafter.model import Bracket, NoteRef, Resolution, Text
from drafter.negotiate.received import read_files
from tests.corpus import CORPUS, DATA, PDFS, TEXTS, load

BRACKETS = DATA / "brackets"
sys.path.insert(0, str(BRACKETS))
from make import EXPECTED  # noqa: E402  (what make.py wrote into the files)

SOURCE = CORPUS / "A-RES-76-159.txt"


def texts(res: Resolution) -> dict[str, str]:
    return {label: para.text for label, para in res.labelled()}


def recognised(path: Path) -> tuple[Document, typed.Recognition]:
    doc = Document.from_base(read(str(path)))
    edit, found = negotiation.recognise_typed(doc)
    assert edit is not None
    edit.apply(doc)
    return doc, found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_compilation_texts_by_libreoffice_and_python_docx(name: str) -> None:
    path = BRACKETS / name
    before = read(str(path))
    expected = EXPECTED[name]
    doc, found = recognised(path)
    got = [(f.place, f.words, f.holder, f.whole) for f in found.found]
    wanted = [(place, words if words is not None else got_words, holder, whole)
              for (place, words, holder, whole), (_p, got_words, _h, _w) in zip(expected["found"], got, strict=True)]
    assert got == wanted
    assert [(left.place, left.text) for left in found.unpaired] == expected["unpaired"]
    assert sorted(left.text for left in found.left if not left.unpaired) == sorted(expected.get("kept", []))
    by_place = {label: para for label, para in doc.draft.labelled()}
    for place, _words, holder, whole in expected["found"]:  # each a mark on its words, held as the file says
        para = by_place[place]
        assert holder in [span.holder for span in marks.spans(para.content)], place
        first, last = para.content[0], para.content[-1]
        assert whole == (isinstance(first, Bracket) and isinstance(last, Bracket) and first.pair == last.pair)
    unmarked = {label for label, *_rest in expected["found"]}
    assert {label: text for label, text in texts(doc.draft).items() if label not in unmarked} == \
        {label: text for label, text in texts(before).items() if label not in unmarked}
    # one undoable step: reverting it gives the text as read
    doc2 = Document.from_base(before)
    edit, _found = negotiation.recognise_typed(doc2)
    assert edit is not None
    edit.apply(doc2)
    edit.revert(doc2)
    assert [p.content for p in doc2.draft.blocks()] == [p.content for p in before.blocks()]


def test_a_paragraph_bracketed_whole_with_its_number_typed_in_it() -> None:
    """rev1.docx (python-docx): "[4. Requests …;]" is OP4 in brackets, its typed number gone; the holders
    written after a "]" go into the mark; the UN's own brackets stay as they were typed."""
    doc, _found = recognised(BRACKETS / "rev1.docx")
    now = texts(doc.draft)
    assert now["OP4"] == "[Requests the Secretary-General to submit a report at its seventy-seventh session;]"
    assert now["OP2"].endswith("of the United Nations [and the responsibility of all Member States] to promote "
                               "human rights;")
    assert "“[t]he purposes" in now["OP1"] and "[sic]" in now["OP1"] and "[…]" in now["OP1"]
    assert "(A/76/[xxx])" in now["OP3"] and now["OP6"].endswith("session.]")
    assert not marks.has_brackets(edits.find(doc.draft, doc.draft.operatives()[0].id).content)


def test_the_libreoffice_compilation_reads_as_the_adopted_text_once_its_brackets_are_marks() -> None:
    """A/RES/76/159 with brackets typed into it: without its marks it is the adopted text again, word for word
    (the holders "(EU)" and "]US" are no words of the text), but for OP10's unpaired "[" which stays."""
    doc, _found = recognised(BRACKETS / "compilation.docx")
    adopted = texts(load(SOURCE))
    for label, para in doc.draft.labelled():
        clean = "".join(item.text for item in marks.strip_brackets(para.content) if isinstance(item, Text))
        want = adopted[label].replace("in international forums", "[in international forums") \
            if label == "OP10" else adopted[label]
        assert " ".join(clean.split()) == " ".join(want.split()), label
    op5 = next(p for label, p in doc.draft.labelled() if label == "OP5")
    assert "[build [an international] order]" in op5.text  # nested marks show as the brackets they are
    assert sum(isinstance(item, Bracket) for item in op5.content) == 4


def test_reader_warns_where_the_typed_brackets_are_and_names_the_unpaired() -> None:
    res = read(str(BRACKETS / "rev1.docx"))
    hint = next(w for w in res.warnings if typed.is_hint(w))
    assert "PP1, OP2, OP4" in hint and "3 bracketed spans" in hint and typed.COMMAND in hint
    assert any(w.startswith("OP6: a typed “]”") and "seventy-seventh session.]" in w for w in res.warnings)


def test_the_proposals_import_passes_the_warning_on() -> None:
    sent = load(SOURCE)
    reading = read_files(sent, [(str(BRACKETS / "compilation.docx"), "Facilitator")])
    assert any(w.startswith("compilation.docx: typed square brackets") and "PP3, PP5, OP5, OP7" in w
               for w in reading.warnings)
    assert any(w.startswith("compilation.docx: OP10: a typed “[”") for w in reading.warnings)


# --- the rule -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("typed_text", "words", "holder"), [
    ("agree [within five years] (US) to act", "within five years", "US"),
    ("agree [within five years]US, to act", "within five years", "US"),
    ("agree [within five years] (EU, G77) to act", "within five years", "EU, G77"),
    ("agree [within five years] (Russian Federation) to act", "within five years", "Russian Federation"),
    ("agree [within five years] (2015) to act", "within five years", ""),
    ("agree [within five years] (A/70/1) to act", "within five years", ""),
    ("agree [within five years] (a) to act", "within five years", ""),
    ("agree [within five years] (XXI) to act", "within five years", ""),
    ("act within [5] years", "5", ""),
    ("the rights of State[s] parties", "s", ""),
])
def test_negotiated_brackets_and_their_holders(typed_text: str, words: str, holder: str) -> None:
    content, found, left = typed.recognise_content((Text(typed_text),), "OP1")
    assert [(f.words, f.holder) for f in found] == [(words, holder)] and left == []
    [span] = marks.spans(content)
    flat = "".join(item.text for item in content if isinstance(item, Text))
    assert flat[span.start + 1:span.end] == words and span.holder == holder
    assert holder == "" or holder not in flat.replace(words, "")  # the written holder went into the mark


@pytest.mark.parametrize(("typed_text", "reason"), [
    ("as it said: “the State shall […] act”", "an ellipsis"),
    ("as it said: “the State shall [...] act”", "an ellipsis"),
    ("as it said: “[t]he State shall act”", "a letter changed in a quotation"),
    ("the Convention [sic] on the Rights", "an editor's note"),
    ("“shall act” [emphasis added]", "an editor's note"),
    ("in the Charter[1] and", "a footnote reference"),
    ("in the Charter[^12] and", "a footnote reference"),
    ("in document [A/C.3/80/L.12/Rev.1]", "a document symbol"),
    ("in document A/80/[xxx] of", "a document symbol"),
    ("an empty [] pair", "empty"),
])
def test_the_uns_own_brackets_stay_text(typed_text: str, reason: str) -> None:
    content, found, left = typed.recognise_content((Text(typed_text),), "OP1")
    assert found == [] and [entry.reason for entry in left] == [reason]
    assert content == (Text(typed_text),)


def test_footnotes_keep_their_brackets_and_paragraphs_their_marks() -> None:
    res = copy.deepcopy(load(SOURCE))
    note = res.footnotes[0]
    note.content = (Text("Official Records, the [Secretariat] will notify"),)
    para = res.operatives()[0]
    para.content = (*para.content, Text(" [as appropriate] (US)"))
    found = typed.recognise(res)
    assert [(f.place, f.words, f.holder) for f in found.found] == [("OP1", "as appropriate", "US")]
    assert [(left.place, left.text, left.reason) for left in found.left] == [
        ("footnote 1", "[Secretariat]", typed.IN_NOTE)]


def test_a_holder_in_a_comment_on_the_bracketed_words_or_on_a_whole_paragraph() -> None:
    res = copy.deepcopy(load(SOURCE))
    first, second = res.operatives()[0], res.operatives()[1]
    first.content = (Text("Decides [to act] now;"),)
    second.content = (Text("[Decides to act later;]"),)
    res.comments = [Comment("c1", "A delegate", "2026-01-01T00:00:00Z", "Bracketed by EU", first.id, "[to act]"),
                    Comment("c2", "A delegate", "2026-01-01T00:00:00Z", "G77 bracket", second.id, ""),
                    Comment("c3", "Other", "2026-01-01T00:00:00Z", "Why?", first.id, "", reply_to="c1")]
    found = typed.recognise(res)
    assert [(f.place, f.holder, f.whole) for f in found.found] == [("OP1", "EU", False), ("OP2", "G77", True)]
    assert typed.holder_in_comment("Could the facilitator clarify the scope?") == ""


def test_no_false_marks_in_the_adopted_texts_of_the_corpus() -> None:
    """Every resolution of the corpus holds no bracket to recognise; its footnote references written out
    as a text copy writes them ("Charter[3]") and its document symbols in brackets stay text too."""
    references = symbols = 0
    for path in TEXTS:
        res = load(path)
        assert typed.recognise(res).found == [], path.name
        assert not any(typed.is_hint(w) or typed.UNPAIRED in w for w in res.warnings), path.name
        for key, place, content in typed.units(res):
            written = tuple(Text(f"[{res.marker(item.note)}]") if isinstance(item, NoteRef) else item
                            for item in content)
            text = "".join(item.text for item in written if isinstance(item, Text))
            for symbol in re.findall(r"(?<=\()[A-Z]{1,2}/[\w./\-]+(?=\))", text):
                text = text.replace(f"({symbol})", f"([{symbol}])")
                symbols += 1
            _after, found, left = typed.recognise_content((Text(text),), place, key)
            assert found == [], (path.name, place, [f.words for f in found])
            assert all(entry.reason in ("a footnote reference", "a document symbol") for entry in left)
            references += sum(isinstance(item, NoteRef) for item in content)
    assert references > 200 and symbols > 20  # the rule met many of each


def test_the_security_council_drafts_hold_one_bracket_left_from_negotiation() -> None:
    """The PDFs of the corpus are Security Council drafts: one, S/2018/221, still holds a negotiation bracket
    in its text, "[through, inter alia, mediation]" (OP7(a)(vi)); that is the one mark. S/2024/557's
    "[Secretariat]" is in a footnote and stays text."""
    found = {path.name: typed.recognise(load(path)) for path in PDFS}
    marked = [(name, f.place, f.words) for name, got in found.items() for f in got.found]
    assert marked == [("S_2018_221-EN.pdf", "OP7(a)(vi)", "through, inter alia, mediation")]
    assert [(left.place, left.text) for left in found["S_2024_557-EN.pdf"].left] == [("footnote 1", "[Secretariat]")]


# --- the command line ------------------------------------------------------------------------------------
def test_drafter_brackets_lists_and_writes_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = BRACKETS / "rev1.docx"
    assert cli_main(["brackets", str(source), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(f["place"], f["holder"], f["whole_paragraph"]) for f in data["found"]] == [
        ("PP1", "Russian Federation", False), ("OP2", "EU, CELAC", False), ("OP4", "", True)]
    assert [u["place"] for u in data["unpaired"]] == ["OP6"]
    out = tmp_path / "rev1.drafter"
    assert cli_main(["brackets", str(source), "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert "3 bracketed spans, 1 unpaired" in printed.out and "OP2" in printed.out and "EU, CELAC" in printed.out
    doc = draftfile.read(out)
    held = [span.holder for para in doc.draft.blocks() for span in marks.spans(para.content)]
    assert held == ["Russian Federation", "EU, CELAC", ""]
    assert "[" in doc.base.preambular()[0].text and not marks.has_brackets(doc.base.preambular()[0].content)
    assert edits.find(doc.draft, doc.base.operatives()[3].id) is not None  # the base's ids: the two align
    # the draft holds no more typed brackets: the command finds none in it
    assert cli_main(["brackets", str(out)]) == 0
    assert "0 bracketed spans, 1 unpaired" in capsys.readouterr().out


def test_drafter_brackets_bad_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["brackets", str(BRACKETS / "rev1.docx"), "-o", str(tmp_path / "out.docx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("drafter brackets: -o") and ".drafter" in err
    assert not (tmp_path / "out.docx").exists()
    assert cli_main(["brackets", str(tmp_path / "missing.docx")]) == 2
    assert "cannot be opened" in capsys.readouterr().err


@pytest.mark.parametrize(("typed_text", "place", "text"), [
    ("[OP1 Decides to act;]", "OP1", "[Decides to act;]"),
    ("[1. Decides to act;]", "OP1", "[Decides to act;]"),
    ("[3. Decides to act;]", "OP1", "[3. Decides to act;]"),  # not its own number: the words stay
    ("[Decides to act];", "OP1", "[Decides to act;]"),  # the closing sign goes inside the paragraph bracket
    ("[Decides to act;] (EU)", "OP1", "[Decides to act;]"),
])
def test_a_whole_paragraph_bracket_and_a_typed_number(typed_text: str, place: str, text: str) -> None:
    content, [found], _left = typed.recognise_content((Text(typed_text),), place)
    assert found.whole and "".join(item.text for item in content if isinstance(item, Text)) == text
    first, last = content[0], content[-1]
    assert isinstance(first, Bracket) and isinstance(last, Bracket) and first.pair == last.pair
