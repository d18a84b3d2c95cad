"""Edit objects: building one leaves the document alone, and apply-then-revert restores it exactly, for random
sequences on the corpus."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies

from drafter import edits
from drafter.edits import Document, Edit
from drafter.model import Content, CrossHeading, NoteRef, Paragraph, Text, iter_paragraphs
from drafter.serialize import to_dict
from tests.corpus import CORPUS, load
from tests.edit_sequences import Step, apply_then_revert, apply_undo_redo, state

SAMPLE = CORPUS / "A-RES-72-169-clean.txt"
FILES = [CORPUS / name for name in ("A-RES-72-169-clean.txt", "A-RES-80-11.txt", "A-RES-80-5.txt",
                                    "S-2018-693.txt", "A-RES-80-24.txt")]


def fresh(path: Any = SAMPLE) -> Document:
    return Document.from_base(copy.deepcopy(load(path)))


def check_invariants(doc: Document) -> None:
    for res in (doc.base, doc.draft):
        ids = [block.id for block in edits.reading_order(res)] + [note.id for note in res.footnotes]
        assert len(ids) == len(set(ids))
        notes = {note.id for note in res.footnotes}
        for block in edits.reading_order(res):
            assert all(ref.note in notes for ref in block.content if isinstance(ref, NoteRef))


ACTIONS = ["type", "split", "join", "indent", "outdent", "up", "down", "toggle", "footnote", "cite",
           "unfootnote", "delete", "range", "field", "drop"]


def build(doc: Document, action: str, pick: float, offset: float, other: float) -> Edit | None:
    blocks = edits.reading_order(doc.draft)
    if not blocks:
        return None
    block = blocks[int(pick * len(blocks)) % len(blocks)]
    at = int(offset * (edits.length(block.content) + 1))
    if action == "type":
        left, right = edits.split_content(block.content, at)
        return edits.set_content(doc, block.id, [*left, Text(" new words"), *right])
    if action == "split":
        return edits.split(doc, block.id, at)
    if action == "join":
        return edits.join(doc, block.id)
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
    if action == "cite" and doc.draft.footnotes:
        note = doc.draft.footnotes[int(other * len(doc.draft.footnotes)) % len(doc.draft.footnotes)]
        return edits.cite_footnote(doc, block.id, at, note.id)
    if action == "unfootnote" and doc.draft.footnotes:
        note = doc.draft.footnotes[int(other * len(doc.draft.footnotes)) % len(doc.draft.footnotes)]
        return edits.remove_footnote(doc, note.id)
    if action == "delete":
        return edits.Compound([edits.DeleteBlock(block.id)], "Delete")
    if action == "range":
        end = blocks[min(len(blocks) - 1, blocks.index(block) + int(other * 4))]
        return edits.delete_range(doc, block.id, at, end.id, int(other * edits.length(end.content)))
    if action == "field":
        return edits.SetField(("front", "title"), f"Title {pick:.3f}")
    if action == "drop":
        target = blocks[int(other * len(blocks)) % len(blocks)]
        where = edits.locate(doc.draft, target.id)
        return edits.move_to(doc, block.id, where)
    return None


FRACTION = strategies.floats(0, 1)
steps = strategies.lists(strategies.tuples(strategies.sampled_from(ACTIONS), FRACTION, FRACTION, FRACTION),
                         min_size=1, max_size=12)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.sampled_from(FILES), steps)
def test_apply_then_revert_restores_exactly(path: Any, sequence: list[Step]) -> None:
    apply_undo_redo(fresh(path), sequence, build, check_invariants)


def _contents(doc: Document) -> list[object]:
    """Every content of both sides."""
    units = [*edits.reading_order(doc.base), *edits.reading_order(doc.draft), *doc.base.footnotes, *doc.draft.footnotes]
    return [unit.content for unit in units]


def _immutable(content: object) -> bool:
    return type(content) is tuple and all(type(item) in (Text, NoteRef) for item in content)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.sampled_from(FILES), steps)
def test_edits_leave_every_content_immutable(path: Any, sequence: list[tuple[str, float, float, float]]) -> None:
    """An edit gives a block new content, a tuple of frozen inlines, which nothing can change in place: the
    full comparison after a pause reads snapshots that share contents with the document
    (`Resolution.snapshot`) while the user goes on editing, and the live comparison and the redline reuse
    what they made of a content that is the same object."""
    doc = fresh(path)
    assert all(_immutable(content) for content in _contents(doc))

    def check(edit: Edit) -> None:
        assert all(_immutable(content) for content in _contents(doc)), edit

    apply_then_revert(doc, sequence, build, check)
    with pytest.raises(AttributeError):
        next(item for content in _contents(doc) for item in content if isinstance(item, Text)).text = "changed"


def test_split_and_join_keep_text_and_ids() -> None:
    doc = fresh()
    op = doc.draft.operatives()[16]
    text = op.text
    edit = edits.split(doc, op.id, 10)
    assert edit is not None
    edit.apply(doc)
    assert doc.draft.operatives()[16].id == op.id
    assert doc.draft.operatives()[16].text + doc.draft.operatives()[17].text == text
    second = doc.draft.operatives()[17]
    joined = edits.join(doc, second.id)
    assert joined is not None
    joined.apply(doc)
    assert doc.draft.operatives()[16].text == text
    assert len(doc.draft.operatives()) == len(doc.base.operatives())


def test_enter_at_the_end_starts_an_empty_paragraph_of_the_same_kind() -> None:
    doc = fresh()
    op = doc.draft.operatives()[1]
    edit = edits.split(doc, op.id, edits.length(op.content))
    assert edit is not None
    edit.apply(doc)
    assert len(doc.draft.operatives()) == len(doc.base.operatives()) + 1
    assert doc.draft.operatives()[2].content == ()
    assert doc.draft.labels()[op.id] == "OP2"


def test_indent_and_outdent() -> None:
    doc = fresh()
    third = doc.draft.operatives()[2]
    edit = edits.indent(doc, third.id)
    assert edit is not None
    edit.apply(doc)
    assert doc.draft.labels()[third.id] == "OP2(a)"
    back = edits.outdent(doc, third.id)
    assert back is not None
    back.apply(doc)
    assert doc.draft.labels()[third.id] == "OP3"
    assert state(doc)[1] == to_dict(doc.base)


def test_outdent_takes_the_later_siblings_along() -> None:
    parent = Paragraph((Text("Requests:"),), [Paragraph((Text(t),)) for t in "abc"])
    doc = fresh()
    doc.draft.operative.insert(0, parent)
    middle = parent.children[1]
    edit = edits.outdent(doc, middle.id)
    assert edit is not None
    edit.apply(doc)
    assert [c.text for c in parent.children] == ["a"]
    assert [c.text for c in middle.children] == ["c"]
    assert doc.draft.labels()[middle.id] == "OP2"


def test_lead_word_is_italic_by_itself() -> None:
    content = edits.with_lead_italic([Text("Also requests the Secretary-General to report")])
    assert content == (Text("Also requests", True), Text(" the Secretary-General to report"))
    typed = edits.with_lead_italic([Text("Reaffirms", True), Text("s that")])
    assert typed[0] == Text("Reaffirmss", True) or typed[0].italic
    titled = edits.with_lead_italic([Text("Notes the "), Text("Official Records", True), Text(".")])
    assert titled[2] == Text("Official Records", True)


def test_footnotes_are_renumbered_by_position_and_can_be_cited_twice() -> None:
    doc = fresh()
    first_pp = doc.draft.preambular()[0]
    edit = edits.insert_footnote(doc, first_pp.id, 5, [Text("New note.")])
    assert edit is not None
    edit.apply(doc)
    new_note = doc.draft.footnotes[0]
    assert new_note.text == "New note."
    assert len(doc.draft.footnotes) == len(doc.base.footnotes) + 1
    last_op = doc.draft.operatives()[-1]
    cite = edits.cite_footnote(doc, last_op.id, 0, new_note.id)
    assert cite is not None
    cite.apply(doc)
    assert doc.draft.footnotes[0].id == new_note.id
    gone = edits.remove_footnote(doc, new_note.id)
    assert gone is not None
    gone.apply(doc)
    assert to_dict(doc.draft) == to_dict(doc.base)


def test_move_and_toggle_kind() -> None:
    doc = fresh()
    pps = doc.draft.preambular()
    edit = edits.move(doc, pps[3].id, -1)
    assert edit is not None
    edit.apply(doc)
    assert doc.draft.labels()[pps[3].id] == "PP3"
    last_pp = doc.draft.preambular()[-1]
    toggle = edits.toggle_kind(doc, last_pp.id)
    assert toggle is not None
    toggle.apply(doc)
    assert doc.draft.labels()[last_pp.id] == "OP1"


def test_headings_stay_headings() -> None:
    doc = fresh(CORPUS / "A-RES-80-11.txt")
    heading = next(b for b in doc.draft.operative if isinstance(b, CrossHeading))
    edit = edits.split(doc, heading.id, 3)
    assert edit is not None
    edit.apply(doc)
    assert sum(isinstance(b, CrossHeading) for b in doc.draft.operative) == \
        sum(isinstance(b, CrossHeading) for b in doc.base.operative) + 1
    # dropped onto a sub-paragraph, a heading does not become one
    parent = next(b for b in doc.draft.operative if isinstance(b, Paragraph) and b.children)
    assert edits.move_to(doc, heading.id, edits.Where("operative", parent.id, 0)) is None


@pytest.mark.parametrize("path", FILES[:3])
def test_delete_range_joins_the_ends(path: Any) -> None:
    doc = fresh(path)
    blocks = edits.reading_order(doc.draft)
    start, end = blocks[1], blocks[4]
    edit = edits.delete_range(doc, start.id, 3, end.id, 5)
    assert edit is not None
    edit.apply(doc)
    assert len(edits.reading_order(doc.draft)) == len(blocks) - 3
    edit.revert(doc)
    assert state(doc)[1] == to_dict(doc.base)


def _heading_before_sub_paragraphs(doc: Document) -> tuple[CrossHeading, Paragraph]:
    """A heading followed by a paragraph with sub-paragraphs (A/RES/80/5, annex: "Follow-up")."""
    blocks = edits.reading_order(doc.draft)
    for before, block in itertools.pairwise(blocks):
        if isinstance(before, CrossHeading) and isinstance(block, Paragraph) and block.children:
            return before, block
    raise AssertionError("no heading before a paragraph with sub-paragraphs")


def test_an_emptied_paragraph_after_a_heading_keeps_its_sub_paragraphs() -> None:
    doc = fresh(CORPUS / "A-RES-80-5.txt")
    _heading, para = _heading_before_sub_paragraphs(doc)
    children = [child.id for child in para.children]
    edits.set_content(doc, para.id, []).apply(doc)
    # Backspace at its start cannot join it to the heading, nor take its sub-paragraphs with it
    assert edits.join(doc, para.id) is None
    assert [child.id for child in para.children] == children


def test_delete_range_from_a_heading_through_a_paragraph_and_its_sub_paragraphs() -> None:
    doc = fresh(CORPUS / "A-RES-80-5.txt")
    heading, para = _heading_before_sub_paragraphs(doc)
    blocks = edits.reading_order(doc.draft)
    last_child = para.children[-1]
    after = blocks[blocks.index(last_child) + 1]
    # from the end of the heading to the middle of the block after the sub-paragraphs: the paragraph and
    # its sub-paragraphs go; the rest of that block cannot join a heading, so nothing is done
    assert edits.delete_range(doc, heading.id, edits.length(heading.content), after.id, 3) is None
    # up to the end of the last sub-paragraph: the paragraph goes with all its sub-paragraphs
    edit = edits.delete_range(doc, heading.id, edits.length(heading.content), last_child.id,
                              edits.length(last_child.content))
    assert edit is not None
    edit.apply(doc)
    ids = [block.id for block in edits.reading_order(doc.draft)]
    assert heading.id in ids and para.id not in ids and last_child.id not in ids
    assert len(ids) == len(blocks) - 1 - len(iter_paragraphs(list(para.children)))
    edit.revert(doc)
    assert state(doc)[1] == to_dict(doc.base)


# --- lead italics by runs -------------------------------------------------------------------------
def _lead_italic_by_character(content: list[Any]) -> Content:
    """The reference: the rule applied one character at a time (as `with_lead_italic` once did)."""
    from drafter.leadwords import lead_phrase
    from drafter.model import normalize_runs

    lead = lead_phrase("".join(item.text for item in content if isinstance(item, Text)))
    if lead == 0:
        return normalize_runs(list(content))
    out: list[Any] = []
    pos, opening = 0, True
    for item in content:
        if isinstance(item, NoteRef):
            out.append(NoteRef(item.note))
            continue
        for char in item.text:
            if pos < lead:
                italic = True
            else:
                opening = opening and item.italic
                italic = item.italic and not opening
            out.append(Text(char, italic))
            pos += 1
    return normalize_runs(out)


@strategies.composite
def _runs(draw: Any) -> list[Any]:
    text = draw(strategies.sampled_from(["", "Decides ", "Further requests ", "Recalling also ", "Welcomes "]))
    text += draw(strategies.text(alphabet="ab ,.", max_size=30))
    cuts = sorted(draw(strategies.lists(strategies.integers(0, len(text)), max_size=5)))
    content: list[Any] = []
    for start, stop in zip([0, *cuts], [*cuts, len(text)], strict=True):
        content.append(Text(text[start:stop], draw(strategies.booleans())))
        if draw(strategies.booleans()):
            content.append(NoteRef("n1"))
    return content


@given(_runs())
@settings(max_examples=400, deadline=None)
def test_lead_italic_works_by_runs_as_it_did_by_characters(content: list[Any]) -> None:
    assert edits.with_lead_italic(content) == _lead_italic_by_character(content)



def _spelled(items: list[Any]) -> list[tuple[str, bool] | str]:
    """Each character with its style, each footnote reference by its note."""
    return [piece for item in items
            for piece in ([(char, item.italic) for char in item.text] if isinstance(item, Text) else [item.note])]


@given(strategies.lists(strategies.one_of(
    strategies.builds(Text, strategies.sampled_from(["", "a", "bb", " "]), strategies.booleans()),
    strategies.builds(NoteRef, strategies.sampled_from(["n1", "n2"]))), max_size=10))
@settings(max_examples=300, deadline=None)
def test_runs_of_one_style_merge_and_empty_runs_go(content: list[Any]) -> None:
    from itertools import pairwise

    from drafter.model import normalize_runs

    out = normalize_runs(content)
    assert all(item.text for item in out if isinstance(item, Text))
    assert not any(isinstance(a, Text) and isinstance(b, Text) and a.italic == b.italic for a, b in pairwise(out))
    assert _spelled(list(out)) == _spelled(content)  # nothing lost, nothing restyled, in order
