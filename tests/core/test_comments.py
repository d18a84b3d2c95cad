"""Comments: anchored on words that survive edits, kept in the draft file, written as Word comments that
Drafter and LibreOffice read back, read from files written by Word, LibreOffice and python-docx."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies
from lxml import etree

from drafter import draftfile, edits
from drafter.comment_anchors import new_comment, placements, texts
from drafter.comments import ON_PARAGRAPH, ON_WORDS, PARAGRAPH_GONE, WORDS_CHANGED, WORDS_GONE, Comment, new_reply
from drafter.edits import Document
from drafter.edits.comments import AddComment, DeleteComment, SetComment
from drafter.exporters.docx_clean import write_clean
from drafter.exporters.docx_tracked import write_tracked
from drafter.importers import load as load_file
from drafter.importers.word_comments import read_comments
from drafter.model import Resolution, Text
from drafter.negotiate import revisions
from tests.core.test_edits import ACTIONS, FILES, build
from tests.corpus import CORPUS, DATA, load

NEGOTIATE = DATA / "negotiate"
SOFFICE = shutil.which("soffice")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
ODF = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "dc": "http://purl.org/dc/elements/1.1/",
       "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"}


def fresh(name: str = "A-RES-72-169-clean.txt") -> Document:
    return Document.from_base(copy.deepcopy(load(CORPUS / name)))


def comment_on(doc: Document, block_id: str, words: str, text: str, author: str, date: str = "") -> Comment:
    """A comment on the first occurrence of `words` in a block of the draft, added as the app adds it."""
    body = texts(doc.draft)[block_id]
    at = body.index(words)
    made = new_comment(doc.draft, block_id, at, at + len(words), text, author, date or "2026-03-02T09:30:00Z")
    AddComment(made).apply(doc)
    return made


def spot_text(res: Resolution, comment: Comment) -> tuple[str, str]:
    spot = placements(res)[comment.id]
    return spot.state, texts(res).get(spot.block, "")[spot.start:spot.end]


def remove_words(doc: Document, block_id: str, words: str) -> None:
    unit = edits.find(doc.draft, block_id)
    assert unit is not None
    at = texts(doc.draft)[block_id].index(words)
    left, rest = edits.split_content(unit.content, at)
    _gone, right = edits.split_content(rest, len(words))
    edit = edits.set_content(doc, block_id, [*left, *right])
    assert edit is not None
    edit.apply(doc)


# --- anchoring ------------------------------------------------------------------------------------
def test_comment_on_deleted_words_survives_on_its_paragraph_and_comes_back_with_undo() -> None:
    doc = fresh()
    op1 = doc.draft.operatives()[0].id
    comment = comment_on(doc, op1, "promote, protect and encourage respect", "Keep all three verbs.", "European Union")
    assert spot_text(doc.draft, comment) == (ON_WORDS, "promote, protect and encourage respect")
    edit = edits.set_content(doc, op1, [Text("Reaffirms the principles of the Charter;")])
    assert edit is not None
    edit.apply(doc)
    spot = placements(doc.draft)[comment.id]
    assert (spot.state, spot.block) == (WORDS_GONE, op1)
    assert doc.draft.comments[0].quote == "promote, protect and encourage respect"  # the quoted words are kept
    path_data = draftfile.dumps(doc)
    again = draftfile.from_dict(__import__("json").loads(path_data))
    assert again.draft.comments == doc.draft.comments
    assert placements(again.draft)[comment.id] == spot
    edit.revert(doc)
    assert spot_text(doc.draft, comment) == (ON_WORDS, "promote, protect and encourage respect")


def test_comment_follows_its_words_when_they_move() -> None:
    doc = fresh()
    op1, op3 = doc.draft.operatives()[0].id, doc.draft.operatives()[2].id
    words = "promote, protect and encourage respect for human rights"
    comment = comment_on(doc, op1, words, "Agreed language of 1993.", "Switzerland")
    text_before = texts(doc.draft)[op1]
    # typing earlier in the paragraph shifts the words: the comment stays on them
    unit = edits.find(doc.draft, op1)
    assert unit is not None
    typed = edits.set_content(doc, op1, [Text("Firmly "), *unit.content])
    assert typed is not None
    typed.apply(doc)
    assert spot_text(doc.draft, comment) == (ON_WORDS, words)
    assert placements(doc.draft)[comment.id].start == text_before.index(words) + len("Firmly ")
    # the paragraph moves down: the comment goes with it
    moved = edits.move(doc, op1, 1)
    assert moved is not None
    moved.apply(doc)
    assert placements(doc.draft)[comment.id].block == op1
    # cut from the paragraph and pasted into another: the comment goes where the words went
    remove_words(doc, op1, words)
    target = edits.find(doc.draft, op3)
    assert target is not None
    pasted = edits.set_content(doc, op3, [*target.content, Text(f" {words}")])
    assert pasted is not None
    pasted.apply(doc)
    spot = placements(doc.draft)[comment.id]
    assert (spot.state, spot.block) == (ON_WORDS, op3)
    assert texts(doc.draft)[op3][spot.start:spot.end] == words


def test_split_takes_the_comment_to_the_new_paragraph_and_join_brings_it_back() -> None:
    doc = fresh()
    op2 = doc.draft.operatives()[1].id
    comment = comment_on(doc, op2, "collective responsibility", "Whose?", "Canada")
    at = texts(doc.draft)[op2].index("States have")
    split = edits.split(doc, op2, at)
    assert split is not None
    split.apply(doc)
    spot = placements(doc.draft)[comment.id]
    assert spot.state == ON_WORDS and spot.block != op2
    assert texts(doc.draft)[spot.block].startswith("States have")
    joined = edits.join(doc, spot.block)
    assert joined is not None
    joined.apply(doc)
    assert placements(doc.draft)[comment.id].block == op2


def test_edited_words_keep_the_comment_and_a_deleted_paragraph_hands_it_to_the_one_before() -> None:
    doc = fresh()
    pp2, pp3 = doc.draft.preambular()[1].id, doc.draft.preambular()[2].id
    comment = comment_on(doc, pp3, "Millennium Declaration", "Cite the date.", "Japan")
    whole = new_comment(doc.draft, pp3, 0, 0, "On the whole paragraph.", "Japan")
    AddComment(whole).apply(doc)
    text = texts(doc.draft)[pp3]
    edit = edits.set_content(doc, pp3, [Text(text.replace("Millennium Declaration", "Millennium Declarations"))])
    assert edit is not None
    edit.apply(doc)
    state, words = spot_text(doc.draft, comment)
    assert state in (ON_WORDS, WORDS_CHANGED) and words.startswith("Millennium Declaration")
    assert placements(doc.draft)[whole.id].state == ON_PARAGRAPH
    deleted = edits.Compound([edits.DeleteBlock(pp3)], "Delete")
    deleted.apply(doc)
    for made in (comment, whole):
        spot = placements(doc.draft)[made.id]
        assert (spot.state, spot.block) == (PARAGRAPH_GONE, pp2)
    deleted.revert(doc)
    assert placements(doc.draft)[whole.id].block == pp3


def test_comment_edits_undo_exactly() -> None:
    doc = fresh()
    op1 = doc.draft.operatives()[0].id
    comment = comment_on(doc, op1, "Reaffirms", "First.", "Chile")
    reply = new_reply(comment, "Second.", "Peru")
    steps = [AddComment(reply), SetComment(comment.id, done=True), SetComment(reply.id, text="Second, edited."),
             DeleteComment(comment.id)]
    seen = [list(doc.draft.comments)]
    for step in steps:
        step.apply(doc)
        seen.append(list(doc.draft.comments))
    assert seen[1][1].reply_to == comment.id and seen[2][0].done and seen[3][1].text == "Second, edited."
    assert seen[-1] == []  # a comment goes with its replies
    for step, before in zip(reversed(steps), reversed(seen[:-1]), strict=True):
        step.revert(doc)
        assert doc.draft.comments == before


# --- a property: random edits of the text never lose a comment -----------------------------------------
@dataclass
class Wanted:
    block: str
    words: str


def _anchor_some(doc: Document, picks: list[tuple[float, float, int]]) -> list[Comment]:
    blocks = [b for b in edits.reading_order(doc.draft) if b.text.strip()]
    made: list[Comment] = []
    for pick, where, count in picks:
        block = blocks[int(pick * len(blocks)) % len(blocks)]
        body = texts(doc.draft)[block.id]
        starts = [m.start() for m in re.finditer(r"\S+", body)]
        first = starts[int(where * len(starts)) % len(starts)]
        tail = list(re.finditer(r"\S+", body[first:]))[:count]
        end = first + (tail[-1].end() if count and tail else 0)  # count 0: on the whole paragraph
        made.append(new_comment(doc.draft, block.id, first if count else 0, end, f"Note {len(made)}", "Delegate"))
        AddComment(made[-1]).apply(doc)
    AddComment(new_reply(made[0], "A reply.", "Facilitator")).apply(doc)
    return made


def _check(doc: Document, made: list[Comment], total: int) -> None:
    found = texts(doc.draft)
    spots = placements(doc.draft)
    assert len(doc.draft.comments) == total and set(spots) == {c.id for c in doc.draft.comments}
    for comment in made:
        spot = spots[comment.id]
        assert spot.block in found or not found
        body = found.get(spot.block, "")
        if comment.quote and comment.quote in found.get(comment.block, ""):
            assert (spot.state, spot.block) == (ON_WORDS, comment.block)  # words still home: on them
        if spot.state == ON_WORDS:
            assert body[spot.start:spot.end] == comment.quote
        elif spot.state == ON_PARAGRAPH:
            assert not comment.quote and spot.block == comment.block
        elif spot.state in (WORDS_CHANGED, WORDS_GONE):
            assert spot.block == comment.block and comment.quote not in body
            assert 0 <= spot.start <= spot.end <= len(body)
        else:
            assert spot.state == PARAGRAPH_GONE and comment.block not in found


PICKS = strategies.lists(strategies.tuples(strategies.floats(0, 1), strategies.floats(0, 1),
                                           strategies.integers(0, 4)), min_size=1, max_size=5)
STEPS = strategies.lists(strategies.tuples(strategies.sampled_from(ACTIONS), strategies.floats(0, 1),
                                           strategies.floats(0, 1), strategies.floats(0, 1)), min_size=1, max_size=10)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.sampled_from(FILES), PICKS, STEPS)
def test_random_edits_leave_every_comment_on_its_words_or_its_paragraph(path: Path, picks: list[tuple[float, float,
                                                                        int]], sequence: list[tuple[str, float,
                                                                        float, float]]) -> None:
    doc = Document.from_base(copy.deepcopy(load(path)))
    made = _anchor_some(doc, picks)
    total = len(doc.draft.comments)
    first = placements(doc.draft)
    for comment in made:
        assert first[comment.id].state == (ON_WORDS if comment.quote else ON_PARAGRAPH)
    done: list[edits.Edit] = []
    for action, pick, offset, other in sequence:
        edit = build(doc, action, pick, offset, other)
        if edit is None:
            continue
        edit.apply(doc)
        done.append(edit)
        _check(doc, made, total)
    for edit in reversed(done):
        edit.revert(doc)
    assert placements(doc.draft) == first  # undoing the edits puts every comment back on its words


# --- Word out and in ------------------------------------------------------------------------------
WORDS = "promote, protect and encourage respect"  # of OP1 of A/RES/72/169


def _commented(doc: Document) -> dict[str, Comment]:
    """The draft of A/RES/72/169 with a thread, a resolved comment on a paragraph and one on deleted words."""
    op1, op2, pp2 = doc.draft.operatives()[0].id, doc.draft.operatives()[1].id, doc.draft.preambular()[1].id
    root = comment_on(doc, op1, WORDS, "Why not “interrelatedness”?", "European Union", "2026-01-05T10:00:00Z")
    reply = new_reply(root, "Agreed language of 1993.", "Group of 77 and China", "2026-01-06T11:15:00Z")
    AddComment(reply).apply(doc)
    whole = new_comment(doc.draft, pp2, 0, 0, "Update to the 2030 Agenda.", "Canada", "2026-01-07T09:00:00Z")
    AddComment(whole).apply(doc)
    SetComment(whole.id, done=True).apply(doc)
    gone = comment_on(doc, op2, "collective responsibility", "Too strong.", "Russian Federation",
                      "2026-01-08T08:00:00Z")
    remove_words(doc, op2, "collective responsibility")
    return {"root": root, "reply": reply, "whole": whole, "gone": gone}


def _read_back(data: bytes, path: Path) -> list[tuple[str, str, str, str, bool, bool]]:
    path.write_bytes(data)
    read = read_comments(revisions.open_package(str(path)))
    return [(c.author, c.date, c.text, c.words, c.reply_to is not None, c.done) for c in read]


def test_comments_written_to_word_and_read_back(tmp_path: Path) -> None:
    doc = fresh()
    made = _commented(doc)
    draftfile.save(doc, tmp_path / "draft.drafter")
    doc = draftfile.read(tmp_path / "draft.drafter")
    assert doc.draft.comments[1].reply_to == made["root"].id and doc.draft.comments[2].done
    thread = [("European Union", "2026-01-05T10:00:00Z", "Why not “interrelatedness”?", WORDS, False, False),
              ("Group of 77 and China", "2026-01-06T11:15:00Z", "Agreed language of 1993.", WORDS, True, False)]
    whole = texts(doc.draft)[made["whole"].block]
    clean = _read_back(write_clean(doc.draft), tmp_path / "clean.docx")
    assert clean[:2] == thread
    assert clean[2] == ("Canada", "2026-01-07T09:00:00Z", "Update to the 2030 Agenda.", " ".join(whole.split()),
                        False, True)
    assert clean[3][0] == "Russian Federation" and clean[3][2].startswith("On words since deleted: “collective")
    data, _counts = write_tracked(doc.base, doc.draft, "Drafter", "2026-01-09T12:00:00Z")
    tracked = _read_back(data, tmp_path / "tracked.docx")
    assert tracked[:3] == clean[:3]
    assert tracked[3] == ("Russian Federation", "2026-01-08T08:00:00Z", "Too strong.", "collective responsibility",
                          False, False)  # on the deleted words, which the tracked export shows
    with zipfile.ZipFile(tmp_path / "tracked.docx") as archive:
        kinds = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        extended = etree.fromstring(archive.read("word/commentsExtended.xml"))
        comments = etree.fromstring(archive.read("word/comments.xml"))
    assert "commentsExtended+xml" in kinds and "comments+xml" in kinds and "commentsExtended.xml" in rels
    assert [c.get(f"{W}initials") for c in comments.iter(f"{W}comment")] == ["EU", "GC", "C", "RF"]
    entries = list(extended.iter(f"{W15}commentEx"))
    last = [c.findall(f"{W}p")[-1].get(f"{W14}paraId") for c in comments.iter(f"{W}comment")]
    assert [e.get(f"{W15}paraId") for e in entries] == last
    assert [e.get(f"{W15}paraIdParent") for e in entries] == [None, last[0], None, None]
    assert [e.get(f"{W15}done") for e in entries] == ["0", "0", "1", "0"]
    # and Drafter reads its own exports back onto the same paragraphs and words
    for name in ("clean.docx", "tracked.docx"):
        again = load_file(str(tmp_path / name))
        assert [(c.author, c.text, c.reply_to is not None, c.done) for c in again.comments] == [
            (c.author, c.text, c.reply_to is not None, c.done) for c in doc.draft.comments]
        assert [spot_text(again, c) for c in again.comments] == [spot_text(doc.draft, c) for c in doc.draft.comments]
        assert again.comments[3].quote == "collective responsibility"


def test_comment_in_a_bracketed_paragraph_stays_on_its_words_in_the_clean_export(tmp_path: Path) -> None:
    from drafter.negotiation_marks import bracket

    doc = fresh()
    op2 = doc.draft.operatives()[1]
    body = texts(doc.draft)[op2.id]
    at = body.index("collective responsibility")
    bracketed = edits.set_content(doc, op2.id, bracket(op2.content, at, at + len("collective"), "European Union"))
    assert bracketed is not None
    bracketed.apply(doc)
    comment = comment_on(doc, op2.id, "responsibility to uphold", "Which principles?", "Chile")
    assert texts(doc.draft)[op2.id][placements(doc.draft)[comment.id].start - 2] == "]"
    clean = _read_back(write_clean(doc.draft), tmp_path / "clean.docx")  # the clean text has no brackets
    tracked = _read_back(write_tracked(doc.base, doc.draft, "Drafter", "2026-01-09T12:00:00Z")[0],
                         tmp_path / "tracked.docx")
    for read in (clean, tracked):
        assert [(author, words) for author, _date, text, words, _reply, _done in read if author == "Chile"] == [
            ("Chile", "responsibility to uphold")]


def test_export_passes_the_ooxml_schema(tmp_path: Path) -> None:
    from openxml_audit import OpenXmlValidator

    doc = fresh()
    _commented(doc)
    (tmp_path / "clean.docx").write_bytes(write_clean(doc.draft))
    (tmp_path / "tracked.docx").write_bytes(write_tracked(doc.base, doc.draft, "Drafter", "2026-01-09T12:00:00Z")[0])
    for name in ("clean.docx", "tracked.docx"):
        result = OpenXmlValidator().validate(str(tmp_path / name))
        assert result.is_valid, (name, [str(error) for error in result.errors][:5])


def test_comments_of_files_by_word_libreoffice_and_python_docx_are_attached() -> None:
    word = load_file(str(NEGOTIATE / "word-comments.docx"))  # written by Microsoft Word
    assert [(c.author, c.date, c.text) for c in word.comments] == [
        ("Michael Williamson", "2016-07-03T15:10:00Z", "A tachyon walks into a bar."),
        ("Michael Williamson", "2016-07-03T15:12:00Z", "Fin.")]
    assert [spot_text(word, c) for c in word.comments] == [(ON_WORDS, "Ouch"), (ON_PARAGRAPH, "Ouch.")]
    assert [c.initials for c in word.comments] == ["MW", "MW"]
    # OP7 of the text sent, OP8 once the European Union's new paragraph after OP4 is in
    for name, author, words, label in (("eu.docx", "European Union", "preventing violations", "OP8"),
                                       ("russia.docx", "Russian Federation", "at its", "OP17")):
        res = load_file(str(NEGOTIATE / name))  # LibreOffice; python-docx and lxml
        assert [(c.author, spot_text(res, c)) for c in res.comments] == [(author, (ON_WORDS, words))]
        block = placements(res)[res.comments[0].id].block
        assert res.labels()[block] == label
        paragraph = read_comments(revisions.open_package(str(NEGOTIATE / name)))[0].after
        assert " ".join(texts(res)[block].split()) == paragraph


# --- LibreOffice as the reader and the writer ---------------------------------------------------------------
def _soffice(source: Path, kind: str, out: Path) -> Path:
    out.mkdir(exist_ok=True)
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation=file://{source.parent}/lo-profile",
                    "--convert-to", kind, "--outdir", str(out), str(source)], check=True, capture_output=True,
                   timeout=240)
    return out / f"{source.stem}.{kind.split(':')[0]}"


def _annotations(content: bytes) -> list[tuple[str, str, str, str]]:
    """Each office:annotation: author, text, resolved flag and the text its range covers."""
    root = etree.fromstring(content)
    tag, end = f"{{{ODF['office']}}}annotation", f"{{{ODF['office']}}}annotation-end"
    spans: dict[str, list[str]] = {}
    open_names: set[str] = set()

    def walk(node: etree._Element) -> None:
        for child in node:
            name = child.get(f"{{{ODF['office']}}}name", "")
            if child.tag == tag:
                open_names.add(name)
                spans[name] = []
            elif child.tag == end:
                open_names.discard(name)
            else:
                for key in open_names:
                    spans[key].append(child.text or "")
                walk(child)
            for key in open_names:
                spans[key].append(child.tail or "")

    walk(root)
    out = []
    for node in root.iter(tag):
        text = " ".join("".join(p.itertext()) for p in node.iterfind("text:p", ODF))
        out.append((node.findtext("dc:creator", namespaces=ODF) or "", text,
                    node.get(f"{{{ODF['loext']}}}resolved", ""), "".join(spans[node.get(f"{{{ODF['office']}}}name")])))
    return out


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_reads_the_comments_and_its_own_copy_reads_back_in_drafter(tmp_path: Path) -> None:
    doc = fresh()
    made = _commented(doc)
    path = tmp_path / "tracked.docx"
    path.write_bytes(write_tracked(doc.base, doc.draft, "Drafter", "2026-01-09T12:00:00Z")[0])
    with zipfile.ZipFile(_soffice(path, "odt", tmp_path / "odt")) as archive:
        found = _annotations(archive.read("content.xml"))
    by_author = {author: (text, resolved, covered) for author, text, resolved, covered in found}
    assert len(found) == 4
    assert by_author["European Union"] == ("Why not “interrelatedness”?", "false", WORDS)
    assert by_author["Group of 77 and China"][:2] == ("Agreed language of 1993.", "false")  # the reply
    assert by_author["Canada"][:2] == ("Update to the 2030 Agenda.", "true")
    assert by_author["Russian Federation"][0] == "Too strong."
    # LibreOffice's own .docx of it: Drafter finds every comment on the same words again
    copy_path = _soffice(path, "docx:MS Word 2007 XML", tmp_path / "docx")
    read = load_file(str(copy_path))
    again = {c.author: c for c in read.comments}  # LibreOffice writes them in reading order
    assert {(c.author, c.text, c.done) for c in again.values()} == {(c.author, c.text, c.done)
                                                                    for c in doc.draft.comments}
    assert spot_text(read, again["European Union"]) == (ON_WORDS, WORDS)
    assert again["Canada"].quote == ""
    assert again["Russian Federation"].quote == made["gone"].quote
