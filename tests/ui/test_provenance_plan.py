"""Provenance in the editor, the part without Qt: which paragraphs are traced again, results mapped to the
editor's blocks, and where the new words stand in a block's text (real paragraphs of A/RES/75/180 and
A/RES/76/159, their word ops as the library gives them)."""

from __future__ import annotations

from drafter.compare import compare
from drafter.library import Provenance
from drafter.library.ops import word_ops
from tests.corpus import CORPUS, load
from ui.provenance_plan import Paragraph, Traces, new_word_spans, paragraphs_of

OBJECT = "\ufffc"  # a footnote marker in the editor's text


def _op1() -> tuple[str, str]:
    """OP1 of 75/180 and of 76/159, which gained "all" and "for all"."""
    old = load(CORPUS / "A-RES-75-180.txt").operatives()[0].text
    new = load(CORPUS / "A-RES-76-159.txt").operatives()[0].text
    return " ".join(old.split()), " ".join(new.split())


def _inserted(old: str, new: str) -> list[str]:
    """The words the comparer (not the library) finds inserted, piece by piece."""
    draft = load(CORPUS / "A-RES-76-159.txt")
    changes = compare(load(CORPUS / "A-RES-75-180.txt"), draft).changes
    ops = next(c.ops for c in changes if c.new_ids and c.new_ids[0] == draft.operatives()[0].id)
    return [op.text.strip() for op in ops if op.op == "insert" and op.text.strip()]


def test_only_the_texts_not_traced_are_traced_again() -> None:
    draft = load(CORPUS / "A-RES-76-159.txt")
    paragraphs = paragraphs_of(draft)
    assert [p.label for p in paragraphs] == [label for label, _para in draft.labelled()]
    traces = Traces()
    first = traces.missing(paragraphs)
    assert first == list(dict.fromkeys(p.text for p in paragraphs))  # each text once, in reading order
    traces.store([Provenance(text, "verbatim") for text in first])
    assert traces.missing(paragraphs) == []
    edited = [*paragraphs]
    edited[3] = Paragraph(paragraphs[3].key, paragraphs[3].label, paragraphs[3].text + " and more")
    assert traces.missing(edited) == [edited[3].text]  # the one paragraph typed in
    moved = [edited[5], *edited[:5], *edited[6:]]
    assert traces.missing(moved) == [edited[3].text]  # a paragraph moved keeps its result
    marks = traces.marks(edited)
    assert set(marks) == {p.key for p in paragraphs} - {paragraphs[3].key}
    assert all(marks[p.key].text == p.text for p in edited if p.key in marks)
    traces.clear()
    assert traces.missing(paragraphs) == first


def test_past_the_limit_only_the_wordings_in_use_are_kept() -> None:
    paragraphs = paragraphs_of(load(CORPUS / "A-RES-76-159.txt"))
    traces = Traces(limit=len(paragraphs) + 2)
    traces.store([Provenance(p.text, "new") for p in paragraphs])
    traces.store([Provenance(f"an older wording {n}", "new") for n in range(3)], keep=paragraphs)
    assert len(traces) == len({p.text for p in paragraphs})
    assert traces.missing(paragraphs) == []


def test_the_new_words_of_a_real_paragraph_in_the_editor_text() -> None:
    old, new = _op1()
    ops = word_ops(old, new)
    spans = new_word_spans(new, ops)
    assert [new[start:end] for start, end in spans] == _inserted(old, new) == ["all", "for all"]
    # the editor's block: a footnote marker and a double space do not move the words found
    block = new.replace("human rights", f"human{OBJECT} rights").replace(" through", "  through")
    assert [block[start:end] for start, end in new_word_spans(block, ops)] == ["all", "for all"]


def test_words_deleted_are_not_marked_and_words_replaced_are() -> None:
    old, new = _op1()
    changed = new.replace("Member States", "States").replace("international cooperation", "global cooperation")
    spans = new_word_spans(changed, word_ops(old, changed))
    assert [changed[a:b] for a, b in spans] == ["all", "for all", "global"]


def test_a_block_edited_since_the_ops_keeps_the_spans_before_the_edit() -> None:
    old, new = _op1()
    ops = word_ops(old, new)
    typed = new.replace("fundamental freedoms", "fundamental and basic freedoms")
    spans = new_word_spans(typed, ops)
    assert [typed[a:b] for a, b in spans] == ["all"]  # the walk stops where the texts part
    assert new_word_spans(new, word_ops(new, new)) == []  # verbatim: nothing new
