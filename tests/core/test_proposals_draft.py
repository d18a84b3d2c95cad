"""Delegations' proposals kept in a draft file and taken into the draft one undoable edit at a time.

The draft is tests/data/draftfiles/format-2.drafter (written by Drafter before draft files kept proposals): its
version "Zero draft" is the text sent (A/RES/76/159 as LibreOffice's sent.docx reads), and its draft has since
put a new first operative paragraph and changed the old OP1. The delegations' files are those of
tests/data/negotiate (LibreOffice, python-redlines, python-docx and lxml), made on the text sent.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import shutil
from pathlib import Path

import pytest

from drafter import cli, draftfile, serialize, versions
from drafter.edits import Document, SetContent
from drafter.edits.proposals import AddProposals, Received, drop, number, received_by_id
from drafter.errors import DrafterError, DraftFileError
from drafter.model import Text
from drafter.negotiate import revisions
from drafter.negotiate.apply import take as take_on_sent
from drafter.negotiate.proposals import COMMENT, DROPPED, MOVE, NEW_PARAGRAPH, OPEN, TAKEN
from drafter.negotiate.received import UnreadableProposal, proposal_of, read_files, receive
from drafter.negotiate.spans import text_of
from drafter.negotiate.taking import Stale, blocker, mapped_span, take
from tests.core.test_proposals import DATA, FILES, MANIFEST, NAMED, full, texts

DRAFTS = Path(__file__).resolve().parents[1] / "data" / "draftfiles"
FORMAT_2 = DRAFTS / "format-2.drafter"
SENT = "Zero draft"
WELCOMES = "Welcomes the work of the facilitator of the informal consultations;"
AUTHORS = [author for info in MANIFEST["files"].values() for author in info["authors"]]


def opened() -> Document:
    return draftfile.read(FORMAT_2)


def with_proposals(doc: Document | None = None) -> Document:
    """The draft with every delegation's proposals imported on "Zero draft" (an undoable edit)."""
    doc = doc or opened()
    sent = versions.pick(doc.versions, SENT, doc.base, doc.draft)
    reading = read_files(sent, FILES)
    assert reading.files == len(FILES)
    received = receive(reading.proposals, sent, SENT)
    number(received, doc.proposals)
    AddProposals(received).apply(doc)
    return doc


@pytest.fixture(scope="module")
def imported() -> Document:
    return with_proposals()


def as_drafted(expected: list[str]) -> list[str]:
    """A delegation's text with what the draft did since "Zero draft": the new first OP, "once again" in OP1."""
    out = list(expected)
    first = next(i for i, text in enumerate(out) if text.startswith("Reaffirms that it is one of the purposes"))
    out[first] = out[first].replace("Reaffirms that", "Reaffirms once again that", 1)
    return [*out[:first], WELCOMES, *out[first:]]


def file_of(author: str) -> str:
    return next(name for name, info in MANIFEST["files"].items() if author in info["authors"])


def the_draft(doc: Document) -> dict[str, object]:
    return serialize.to_dict(doc.draft)


# --- the draft file ------------------------------------------------------------------------------------
def test_a_format_2_file_opens_without_proposals_and_is_saved_as_format_2(tmp_path: Path) -> None:
    doc = opened()
    assert doc.proposals == [] and [v.name for v in doc.versions] == [SENT]
    assert texts(doc.draft)[len(doc.draft.preambular())] == WELCOMES
    draftfile.save(doc, tmp_path / "again.drafter")
    data = json.loads((tmp_path / "again.drafter").read_text("utf-8"))
    assert data["version"] == 2 and "proposals" not in data  # a reader of format 2 still opens it


def test_proposals_round_trip_through_the_draft_file_with_their_states(imported: Document, tmp_path: Path) -> None:
    doc = copy.deepcopy(imported)
    first_eu = next(item for item in doc.proposals if item.author == "European Union" and proposal_of(item).words)
    first_g77 = next(item for item in doc.proposals if item.author == "Group of 77 and China")
    take(doc, first_eu).apply(doc)
    drop(first_g77).apply(doc)
    target = tmp_path / "with-proposals.drafter"
    draftfile.save(doc, target)
    data = json.loads(target.read_text("utf-8"))
    assert data["version"] == draftfile.VERSION == 3
    back = draftfile.read(target)
    assert [item.to_dict() for item in back.proposals] == [item.to_dict() for item in doc.proposals]
    states = {item.id: item.state for item in back.proposals}
    assert states[first_eu.id] == TAKEN and states[first_g77.id] == DROPPED
    assert sum(state == OPEN for state in states.values()) == len(states) - 2
    assert {item.sent for item in back.proposals} == {SENT}
    assert {proposal_of(item).source for item in back.proposals} == set(MANIFEST["files"])
    assert {item.author for item in back.proposals} == set(AUTHORS)
    assert the_draft(back) == the_draft(doc)
    # what was read back takes and drops as before: the rest of the European Union's proposals
    for item in back.proposals:
        if item.author == "European Union" and item.state == OPEN:
            take(back, item).apply(back)
    assert texts(back.draft) == as_drafted(MANIFEST["files"]["eu.docx"]["authors"]["European Union"])


@pytest.mark.parametrize("change, message", [
    (lambda data: data["proposals"][0].update(sent="Rev.7"), 'made on "Rev.7", a version the draft does not hold'),
    (lambda data: data["proposals"][0].update(state="maybe"), "proposal 1"),
    (lambda data: data["proposals"][1].update(id=data["proposals"][0]["id"]), "two proposals have one id"),
    (lambda data: data.update(proposals={"P1": {}}), "its proposals are not a list"),
    (lambda data: data.update(version=4), "newer"),
])
def test_a_damaged_list_of_proposals_is_refused_with_a_clear_message(imported: Document, tmp_path: Path,
                                                                     change: object, message: str) -> None:
    data = json.loads(draftfile.dumps(imported))
    change(data)  # type: ignore[operator]
    target = tmp_path / "damaged.drafter"
    target.write_text(json.dumps(data), "utf-8")
    with pytest.raises(DraftFileError) as raised:
        draftfile.read(target)
    assert message in str(raised.value) and str(target) in str(raised.value)


# --- taking and dropping ------------------------------------------------------------------------------
@pytest.mark.parametrize("author", AUTHORS)
def test_taking_every_proposal_of_one_delegation_gives_exactly_its_text(author: str) -> None:
    doc = with_proposals()
    own = [item for item in doc.proposals if item.author == author]
    for item in own:
        take(doc, item).apply(doc)
    name = file_of(author)
    assert texts(doc.draft) == as_drafted(MANIFEST["files"][name]["authors"][author])
    assert all(item.state == TAKEN for item in own)
    assert all(item.state == OPEN for item in doc.proposals if item.author != author)


@pytest.mark.parametrize("author", AUTHORS)
def test_on_a_draft_still_as_sent_the_edits_give_the_delegations_text_with_italics_and_footnotes(
        author: str) -> None:
    doc = opened()
    doc.draft = versions.pick(doc.versions, SENT, doc.base, doc.draft)
    with_proposals(doc)
    own = [item for item in doc.proposals if item.author == author]
    for item in own:
        take(doc, item).apply(doc)
    name = file_of(author)
    package = revisions.open_package(str(DATA / name))
    theirs = revisions.read_as(package, revisions.EVERY_AUTHOR if name in NAMED else author)
    assert full(doc.draft) == full(theirs)  # labels, italics, footnote markers and the footnotes' texts
    on_sent = take_on_sent(versions.pick(doc.versions, SENT, doc.base, doc.draft), [proposal_of(item) for item in own])
    assert full(on_sent) == full(doc.draft)


def test_undo_puts_back_the_text_and_the_state(imported: Document) -> None:
    doc = copy.deepcopy(imported)
    before = the_draft(doc)
    done = []
    for item in doc.proposals:
        if item.author in ("Russian Federation", "Canada"):
            edit = take(doc, item)
            edit.apply(doc)
            done.append(edit)
    dropped = next(item for item in doc.proposals if item.author == "United States")
    done.append(drop(dropped))
    done[-1].apply(doc)
    assert the_draft(doc) != before and dropped.state == DROPPED
    taken = {item.id for item in doc.proposals if item.state == TAKEN}
    assert {received_by_id(doc, key).author for key in taken} == {"Russian Federation", "Canada"}
    for edit in reversed(done):
        edit.revert(doc)
    assert the_draft(doc) == before
    assert all(item.state == OPEN for item in doc.proposals)
    for edit in done:  # and redo
        edit.apply(doc)
    assert {item.id for item in doc.proposals if item.state == TAKEN} == taken and dropped.state == DROPPED


def test_an_import_is_one_undoable_step() -> None:
    doc = opened()
    sent = versions.pick(doc.versions, SENT, doc.base, doc.draft)
    reading = read_files(sent, FILES[:2])
    edit = AddProposals(receive(reading.proposals, sent, SENT))
    edit.apply(doc)
    count = len(doc.proposals)
    assert count and edit.scope().structure is False
    second = AddProposals(receive(read_files(sent, FILES[2:3]).proposals, sent, SENT))
    number(second.received, doc.proposals)
    second.apply(doc)
    assert [item.id for item in doc.proposals] == [f"P{n}" for n in range(1, len(doc.proposals) + 1)]
    second.revert(doc)
    edit.revert(doc)
    assert doc.proposals == []


def test_words_changed_since_the_version_cannot_be_taken_blindly(imported: Document) -> None:
    doc = copy.deepcopy(imported)
    eu, russia = (next(item for item in doc.proposals if item.author == author and proposal_of(item).paragraph == "OP5"
                       and proposal_of(item).words) for author in ("European Union", "Russian Federation"))
    take(doc, eu).apply(doc)
    with pytest.raises(Stale) as raised:  # a competing proposal on the same words
        take(doc, russia)
    assert "OP5 has changed at those words since" in str(raised.value) and raised.value.block_id
    unchanged = the_draft(doc)
    found = blocker(doc, russia)
    assert found is not None and found.reason == raised.value.reason and the_draft(doc) == unchanged
    assert all(blocker(doc, item) is None for item in doc.proposals if item.author == "Canada")
    assert "edit the paragraph by hand" in str(raised.value) and russia.state == OPEN
    # the draft edited at the words of a proposal since the version
    g77 = next(item for item in doc.proposals if item.author == "Group of 77 and China" and proposal_of(item).paragraph
               == "PP7")
    replaced(doc, doc.draft.preambular()[6].id, "not just", "not only")
    with pytest.raises(Stale, match="PP7 has changed at those words since"):
        take(doc, g77)
    # a change elsewhere in the paragraph: the proposal is taken at its words all the same
    usa = next(item for item in doc.proposals
               if item.author == "United States" and proposal_of(item).paragraph == "PP2")
    pp2 = doc.draft.preambular()[1]
    replaced(doc, pp2.id, "25 September 2015", "25 September of 2015")
    take(doc, usa).apply(doc)
    assert usa.state == TAKEN
    usa_pp2 = MANIFEST["files"]["usa.docx"]["authors"]["United States"][1]
    assert doc.draft.preambular()[1].text == usa_pp2.replace("25 September 2015", "25 September of 2015")


def replaced(doc: Document, key: str, old: str, new: str) -> None:
    """The draft's paragraph `key` with `old` replaced by `new` (as typing would leave it)."""
    unit = next(p for p in doc.draft.blocks() if p.id == key)
    assert old in unit.text
    content = tuple(Text(t.text.replace(old, new), t.italic) if isinstance(t, Text) else t for t in unit.content)
    SetContent(key, unit.content, content).apply(doc)


def test_a_paragraph_deleted_or_edited_since_is_no_place_to_take_a_proposal(imported: Document) -> None:
    def on_op9(doc: Document, author: str) -> Received:
        return next(item for item in doc.proposals if item.author == author and proposal_of(item).paragraph == "OP9")

    g77, russia = "Group of 77 and China", "Russian Federation"
    doc = copy.deepcopy(imported)
    take(doc, on_op9(doc, g77)).apply(doc)
    with pytest.raises(Stale, match="OP9 has changed since"):  # deleting a paragraph edited since
        take(doc, on_op9(doc, russia))
    doc = copy.deepcopy(imported)
    take(doc, on_op9(doc, russia)).apply(doc)
    with pytest.raises(Stale, match="the draft no longer has OP9") as raised:
        take(doc, on_op9(doc, g77))
    assert raised.value.block_id == ""


def test_proposals_on_the_base_are_not_taken_once_the_base_changed_at_their_paragraph() -> None:
    doc = opened()
    reading = read_files(doc.base, FILES[1:2])  # the Group of 77, on the base
    AddProposals(receive(reading.proposals, doc.base, versions.BASE)).apply(doc)
    pp7 = next(item for item in doc.proposals if proposal_of(item).paragraph == "PP7")
    base_pp7 = doc.base.preambular()[6]
    SetContent(base_pp7.id, base_pp7.content, (Text("Underlining something else,"),), side="base").apply(doc)
    with pytest.raises(Stale, match="PP7 of the base is no longer the text the delegation saw"):
        take(doc, pp7)


def test_taken_or_dropped_proposals_are_not_taken_or_dropped_again(imported: Document) -> None:
    doc = copy.deepcopy(imported)
    first, second = doc.proposals[0], doc.proposals[1]
    take(doc, first).apply(doc)
    with pytest.raises(DrafterError, match="taken already"):
        take(doc, first)
    with pytest.raises(DrafterError, match="only an open proposal is dropped"):
        drop(first)
    drop(second).apply(doc)
    take(doc, second).apply(doc)  # a dropped proposal may still be taken
    assert second.state == TAKEN


def test_comments_moves_and_new_paragraphs_are_taken_as_one_edit_each(imported: Document) -> None:
    doc = copy.deepcopy(imported)
    comment = next(item for item in doc.proposals if proposal_of(item).kind == COMMENT)
    before = the_draft(doc)
    take(doc, comment).apply(doc)
    assert the_draft(doc) == before and comment.state == TAKEN
    move = next(item for item in doc.proposals if proposal_of(item).kind == MOVE)
    edit = take(doc, move)
    edit.apply(doc)
    labels = [text[:30] for text in texts(doc.draft)]
    sent = versions.pick(doc.versions, SENT, doc.base, doc.draft)
    assert labels.index(texts(sent)[14][:30]) == labels.index(texts(sent)[12][:30]) + 1  # PP15 after PP13
    edit.revert(doc)
    assert the_draft(doc) == before
    new = [item for item in doc.proposals if proposal_of(item).kind == NEW_PARAGRAPH]
    assert {item.author for item in new} == {"European Union", "Russian Federation"}
    for item in reversed(new):  # both, in either order: each goes after OP4, the earlier listed first
        take(doc, item).apply(doc)
    ops = [p.text for p in doc.draft.operatives()]
    blocks = [proposal_of(item).block for item in new]
    assert [text[:40] for text in ops[5:7]] == [block.text[:40] for block in blocks if block is not None]


def test_a_span_is_found_where_the_draft_still_reads_as_the_text_sent() -> None:
    sent = (Text("Urges all States to cooperate fully with the mechanism;"),)
    same = mapped_span(sent, sent, 0, 5)
    assert same == (0, 5)
    longer = (Text("Strongly urges all States to cooperate fully with the mechanism;"),)
    assert mapped_span(sent, longer, 23, 31) == (32, 40)  # "cooperate", moved along
    assert text_of(longer)[32:40] == text_of(sent)[23:31]
    changed = (Text("Urges all States to work fully with the mechanism;"),)
    assert mapped_span(sent, changed, 20, 29) is None  # "cooperate" is gone
    assert mapped_span(sent, changed, 29, 29) is None  # a point beside words that changed
    assert mapped_span(sent, changed, 40, 43) is not None  # "the mechanism" still reads so


# --- reading files and drafter compile --version ------------------------------------------------------
def test_a_file_that_cannot_be_read_is_named_and_the_others_come_in(imported: Document, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    clean = tmp_path / "clean.docx"
    shutil.copy(DATA / "usa.docx", clean)
    sent = versions.pick(imported.versions, SENT, imported.base, imported.draft)
    reading = read_files(sent, [(str(broken), None), (str(clean), None), FILES[1]])
    assert reading.files == 1 and {p.author for p in reading.proposals} == {"Group of 77 and China"}
    assert any(w.startswith("broken.docx: ") for w in reading.warnings)
    assert "broken.docx: not imported" in reading.warnings and "clean.docx: not imported" in reading.warnings
    assert any("clean.docx" in w and "NAME" in w for w in reading.warnings)


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


def test_compile_against_a_named_version_of_a_draft_file(imported: Document) -> None:
    files = [str(DATA / "eu.docx"), str(DATA / "russia.docx")]
    code, out, err = run(["compile", str(FORMAT_2), "--version", "zero  draft", *files, "--json"])
    assert code == 0, err
    data = json.loads(out)
    on_version = [p for p in imported.proposals if proposal_of(p).source in ("eu.docx", "russia.docx")]
    assert [(p["author"], p["kind"], p["paragraph"]) for p in data["proposals"]] == \
        [(p.author, proposal_of(p).kind, proposal_of(p).paragraph) for p in on_version]
    assert not [w for w in data["warnings"] if "differs from the text sent" in w["message"]]
    code, out, err = run(["compile", str(FORMAT_2), *files, "--json"])  # the draft as it is: OP1 is new
    assert code == 0 and any("differs from the text sent" in w["message"] for w in json.loads(out)["warnings"])
    code, out, err = run(["compile", str(FORMAT_2), "--version", "Rev.3", *files, "--json"])
    assert code == 2 and 'has no version "Rev.3"' in err and "Zero draft" in err and str(FORMAT_2) in err
    code, out, err = run(["compile", str(DATA / "sent.docx"), "--version", SENT, *files, "--json"])
    assert code == 2 and "is not one" in err


def test_received_proposals_keep_the_text_they_were_made_on(imported: Document) -> None:
    item = imported.proposals[0]
    back = Received.from_dict(json.loads(json.dumps(item.to_dict())))
    assert back == item and back.sent == SENT and len(back.digest) == 16
    with pytest.raises(ValueError, match="names no text"):
        Received.from_dict({**item.to_dict(), "sent": " "})


def test_a_proposal_that_cannot_be_read_is_kept_as_it_is(imported: Document, tmp_path: Path) -> None:
    doc = copy.deepcopy(imported)
    doc.proposals[0].data["block"] = {"id": 7}  # as a damaged or newer file may hold it
    doc.proposals[0].data["kind"] = "new paragraph"
    damaged = doc.proposals[0].to_dict()
    target = tmp_path / "kept.drafter"
    draftfile.save(doc, target)
    back = draftfile.read(target)
    with pytest.raises(UnreadableProposal, match=f"proposal {damaged['id']} .* cannot be read .* kept as it is"):
        proposal_of(back.proposals[0])
    with pytest.raises(DrafterError, match="cannot be read"):
        take(back, back.proposals[0])
    take(back, back.proposals[1]).apply(back)  # the others are taken all the same
    draftfile.save(back, target)
    assert draftfile.read(target).proposals[0].to_dict() == damaged
