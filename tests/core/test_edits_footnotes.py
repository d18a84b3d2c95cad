"""Footnotes follow the text that cites them: a note cited only in deleted text goes with it in the same edit
(and comes back on undo), the others are numbered by first citation, and no export holds a note nothing cites.
On the bundled sample A/RES/72/169 (PP3 cites notes 2 and 3, PP4 note 4) and other corpus texts."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies
from lxml import etree

import drafter
from drafter import edits
from drafter.compare import compare
from drafter.compare.render import to_html
from drafter.edits import Document, Edit
from drafter.edits.paste import paste_text
from drafter.exporters.akn import to_akn
from drafter.exporters.docx import to_docx_bytes
from drafter.model import NoteRef, Text
from drafter.resources import sample_path
from tests.corpus import CORPUS, load
from tests.edit_sequences import Step, apply_undo_redo, state

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sample() -> Document:
    return Document.from_base(drafter.load(str(sample_path())))


def markers(doc: Document, key: str) -> list[str]:
    unit = edits.find(doc.draft, key)
    assert unit is not None
    return [doc.draft.marker(item.note) for item in unit.content if isinstance(item, NoteRef)]


def note_texts(doc: Document) -> list[str]:
    return [note.text for note in doc.draft.footnotes]


def notes_follow_citations(doc: Document) -> None:
    """Every note is cited, and the notes stand in the order of their first citation."""
    res = doc.draft
    assert {note.id for note in res.footnotes} <= edits.primitives.cited_notes(res)
    assert [note.id for note in res.footnotes] == edits.citation_order(res)


def offset_of_note(doc: Document, key: str, number: int) -> int:
    """The editor offset of the `number`-th footnote reference in a block (0 for the first)."""
    unit = edits.find(doc.draft, key)
    assert unit is not None
    at, seen = 0, 0
    for item in unit.content:
        if isinstance(item, NoteRef):
            if seen == number:
                return at
            seen += 1
        at += len(item.text) if isinstance(item, Text) else 1
    raise AssertionError("no such reference")


def apply_and_check_undo(doc: Document, edit: Edit | None) -> None:
    assert edit is not None
    before = state(doc)
    edit.apply(doc)
    after = state(doc)
    notes_follow_citations(doc)
    edit.revert(doc)
    assert state(doc) == before
    edit.apply(doc)
    assert state(doc) == after


def test_deleting_pp3_whole_takes_notes_2_and_3_along() -> None:
    doc = sample()
    pp3, pp4 = doc.draft.preambular()[2], doc.draft.preambular()[3]
    assert markers(doc, pp3.id) == ["2", "3"] and markers(doc, pp4.id) == ["4"]
    apply_and_check_undo(doc, edits.delete_range(doc, pp3.id, 0, pp4.id, 0))
    assert doc.draft.preambular()[2].id == pp4.id  # the paragraph that stays keeps its id
    assert markers(doc, pp4.id) == ["2"]  # "Action,⁴" reads "Action,²"
    assert note_texts(doc)[:2] == ["A/CONF.157/24 (Part I), chap. III.", "Resolution 66/3."]
    assert len(doc.draft.footnotes) == len(doc.base.footnotes) - 2


def test_a_selection_across_paragraphs_takes_the_notes_it_covers() -> None:
    doc = sample()
    pp2, pp3 = doc.draft.preambular()[1], doc.draft.preambular()[2]
    between = offset_of_note(doc, pp3.id, 1)  # after note 2, before note 3
    apply_and_check_undo(doc, edits.delete_range(doc, pp2.id, 20, pp3.id, between))
    assert doc.draft.preambular()[1].id == pp2.id
    assert markers(doc, pp2.id) == ["2"]  # note 3 of the base, now the second
    assert note_texts(doc)[1].startswith("See Official Records of the General Assembly, Seventy-first Session")
    assert "Resolution 55/2." not in note_texts(doc)


def test_deleting_a_marker_inside_a_paragraph_takes_its_note() -> None:
    """Backspace or Delete over a marker, or a cut of the words around it: the editor sends the new content."""
    doc = sample()
    pp3 = doc.draft.preambular()[2]
    at = offset_of_note(doc, pp3.id, 0)
    left, rest = edits.split_content(pp3.content, at)
    _marker, right = edits.split_content(rest, 1)
    edit = edits.set_content(doc, pp3.id, [*left, *right])
    apply_and_check_undo(doc, edit)
    assert markers(doc, pp3.id) == ["2"]
    assert "Resolution 55/2." not in note_texts(doc)
    assert isinstance(edit, edits.Compound) and any(isinstance(step, edits.DeleteNote) for step in edit.edits)


def test_typing_is_still_one_mergeable_step() -> None:
    doc = sample()
    pp3 = doc.draft.preambular()[2]
    edit = edits.set_content(doc, pp3.id, [Text("Recalling "), *pp3.content])
    assert isinstance(edit, edits.SetContent)


def test_a_note_cited_twice_stays_and_is_numbered_by_its_first_citation() -> None:
    doc = sample()
    pp1 = doc.draft.preambular()[0]
    first_note = doc.draft.footnotes[0]
    pp4 = doc.draft.preambular()[3]
    cite = edits.cite_footnote(doc, pp4.id, 0, first_note.id)
    assert cite is not None
    cite.apply(doc)
    apply_and_check_undo(doc, edits.delete_range(doc, pp1.id, 0, doc.draft.preambular()[1].id, 0))
    assert doc.draft.footnote(first_note.id) is not None  # still cited in PP4
    # PP3 (now PP2) cites the notes 55/2 and Official Records first, then PP4 (now PP3) cites the Vienna note
    assert note_texts(doc)[:3] == ["Resolution 55/2.", note_texts(doc)[1], "A/CONF.157/24 (Part I), chap. III."]
    assert markers(doc, pp4.id) == ["3", "4"]


def _deleted_draft() -> Document:
    doc = sample()
    pp3, pp4 = doc.draft.preambular()[2], doc.draft.preambular()[3]
    edit = edits.delete_range(doc, pp3.id, 0, pp4.id, 0)
    assert edit is not None
    edit.apply(doc)
    op2 = doc.draft.operatives()[1]
    edit = edits.delete_range(doc, op2.id, 5, doc.draft.operatives()[2].id, 3)
    assert edit is not None
    edit.apply(doc)
    return doc


def _docx_notes(data: bytes) -> tuple[list[str], dict[str, str], str]:
    """The footnote references of the body in order, the footnotes by id, and the body's text."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        names = package.namelist()
        notes = etree.fromstring(package.read("word/footnotes.xml")) if "word/footnotes.xml" in names else None
    refs = [el.get(f"{W}id") for el in body.iter(f"{W}footnoteReference")]
    texts: dict[str, str] = {}
    if notes is not None:
        for note in notes.iter(f"{W}footnote"):
            if note.get(f"{W}type") in (None, "normal"):
                texts[note.get(f"{W}id") or ""] = "".join(t.text or "" for t in note.iter(f"{W}t", f"{W}delText"))
    text = "".join((el.text or "") if el.tag in (f"{W}t", f"{W}delText") else f"[{el.get(f'{W}id')}]"
                   for el in body.iter(f"{W}t", f"{W}delText", f"{W}footnoteReference"))
    return [ref or "" for ref in refs], texts, text


def test_every_export_of_a_draft_with_deletions_cites_every_note_it_holds() -> None:
    doc = _deleted_draft()
    exports = {
        "clean": to_docx_bytes(doc.draft),
        "tracked": to_docx_bytes(doc.draft, base=doc.base, track_changes=True, date="2025-01-01T00:00:00Z"),
        "redline": to_docx_bytes(doc.draft, base=doc.base, redline=True),
        "table": to_docx_bytes(doc.draft, base=doc.base, table=True),
    }
    for name, data in exports.items():
        refs, notes, _text = _docx_notes(data)
        assert set(notes) == set(refs), name  # each note held is cited, each reference has its note
    refs, notes, text = _docx_notes(exports["clean"])
    assert len(notes) == len(doc.draft.footnotes) == len(doc.base.footnotes) - 2
    # "Action," now carries the note that PP4 cites, not the note "Resolution 55/2." of the deleted PP3
    cited_after_action = re.search(r"Programme of Action,\[(\d+)\]", text)
    assert cited_after_action is not None and notes[cited_after_action.group(1)] == "Resolution 66/3."
    assert "Resolution 55/2." not in notes.values()
    # the tracked export keeps the base's notes only where deleted text still cites them
    refs, notes, text = _docx_notes(exports["tracked"])
    assert "Resolution 55/2." in notes.values()
    akn = etree.fromstring(to_akn(doc.draft))
    held = [el for el in akn.iter() if isinstance(el.tag, str) and el.tag.endswith("authorialNote")]
    cited = [item for block in edits.reading_order(doc.draft) for item in block.content if isinstance(item, NoteRef)]
    assert len(held) == len(cited)
    changes = compare(doc.base, doc.draft)
    draft_notes = {note.id for note in doc.draft.footnotes}
    for record in changes.records:
        if record.part == "footnotes" and record.new_ids:
            assert set(record.new_ids) <= draft_notes and record.new_ids[0] in edits.primitives.cited_notes(doc.draft)
    assert "Resolution 55/2." in to_html(changes)  # shown as a deleted note, struck through


# --- random edit sequences ------------------------------------------------------------------------------------
FILES = [CORPUS / name for name in ("A-RES-72-169-clean.txt", "A-RES-80-24.txt", "A-RES-80-5.txt",
                                    "A-RES-80-10.txt")]
ACTIONS = ["type", "backspace", "split", "join", "forward", "indent", "outdent", "up", "down", "toggle", "footnote",
           "cite", "unfootnote", "range", "drop", "paste"]
PASTED = "Stresses the need for cooperation;\n(a) first;\n(b) second;\nDecides to remain seized of the matter."


def build(doc: Document, action: str, pick: float, offset: float, other: float) -> Edit | None:
    blocks = edits.reading_order(doc.draft)
    if not blocks:
        return None
    block = blocks[int(pick * len(blocks)) % len(blocks)]
    size = edits.length(block.content)
    at = int(offset * (size + 1))
    if action == "type":
        left, right = edits.split_content(block.content, at)
        return edits.set_content(doc, block.id, [*left, Text(" new words"), *right])
    if action == "backspace":  # a stretch of a paragraph deleted (a cut), markers and all
        left, rest = edits.split_content(block.content, at)
        _gone, right = edits.split_content(rest, int(other * 40))
        return edits.set_content(doc, block.id, [*left, *right], label="Cut")
    if action == "split":
        return edits.split(doc, block.id, at)
    if action == "join":
        return edits.join(doc, block.id)
    if action == "forward":  # Delete at the end of a block joins the next one
        index = blocks.index(block)
        return edits.join(doc, blocks[index + 1].id) if index + 1 < len(blocks) else None
    if action == "indent":
        return edits.indent(doc, block.id)
    if action == "outdent":
        return edits.outdent(doc, block.id)
    if action in ("up", "down"):
        return edits.move(doc, block.id, -1 if action == "up" else 1)
    if action == "toggle":
        return edits.toggle_kind(doc, block.id)
    if action == "footnote":
        return edits.insert_footnote(doc, block.id, at, [Text("A/80/1, annex.")])
    notes = doc.draft.footnotes
    if action == "cite" and notes:
        return edits.cite_footnote(doc, block.id, at, notes[int(other * len(notes)) % len(notes)].id)
    if action == "unfootnote" and notes:
        return edits.remove_footnote(doc, notes[int(other * len(notes)) % len(notes)].id)
    if action == "range":
        end = blocks[min(len(blocks) - 1, blocks.index(block) + int(other * 4))]
        start = 0 if other < 0.3 else at
        return edits.delete_range(doc, block.id, start, end.id, int(offset * edits.length(end.content)))
    if action == "drop":
        target = blocks[int(other * len(blocks)) % len(blocks)]
        return edits.move_to(doc, block.id, edits.locate(doc.draft, target.id))
    if action == "paste":
        return paste_text(doc, block.id, at, PASTED).edit
    return None


FRACTION = strategies.floats(0, 1)
steps = strategies.lists(strategies.tuples(strategies.sampled_from(ACTIONS), FRACTION, FRACTION, FRACTION),
                         min_size=1, max_size=14)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.sampled_from(FILES), steps)
def test_notes_stay_cited_and_in_order_through_random_edits(path: Any, sequence: list[Step]) -> None:
    doc = Document.from_base(copy.deepcopy(load(path)))
    notes_follow_citations(doc)
    apply_undo_redo(doc, sequence, build, notes_follow_citations)
