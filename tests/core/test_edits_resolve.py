"""Accept and reject: one change at a time, until base and draft agree."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import edits as ed
from drafter import tracking
from drafter.compare import compare
from drafter.edits import Document
from drafter.model import Text
from drafter.serialize import to_dict
from tests.core.test_edits import ACTIONS, FILES, SAMPLE, build, check_invariants
from tests.corpus import CORPUS, load


def edited(path: Any, sequence: list[tuple[str, float, float, float]]) -> Document:
    doc = Document.from_base(copy.deepcopy(load(path)))
    for action, pick, offset, other in sequence:
        edit = build(doc, action, pick, offset, other)
        if edit is not None:
            edit.apply(doc)
    return doc


def settle(doc: Document, keep: str) -> int:
    """Resolve changes one by one (recomparing each time) until none can be resolved; the count left."""
    for _ in range(200):
        changes = compare(doc.base, doc.draft)
        for change in changes.changes:
            before = (to_dict(doc.base), to_dict(doc.draft))
            edit = tracking.resolve(doc, changes, change, keep)  # type: ignore[arg-type]
            assert (to_dict(doc.base), to_dict(doc.draft)) == before, "building must leave the document alone"
            if edit is not None:
                edit.apply(doc)
                check_invariants(doc)
                edit.revert(doc)
                assert (to_dict(doc.base), to_dict(doc.draft)) == before
                edit.apply(doc)
                break
        else:
            return len([c for c in changes.changes if c.kind != "renumbered"])
    return -1


def test_reject_puts_the_base_text_back() -> None:
    doc = Document.from_base(copy.deepcopy(load(SAMPLE)))
    op17 = doc.draft.operatives()[16]
    edit = ed.set_content(doc, op17.id, [*op17.content, Text(" and strongly")])
    assert edit is not None
    edit.apply(doc)
    changes = compare(doc.base, doc.draft)
    assert changes.counts["modified"] == 1
    reject = tracking.reject(doc, changes, changes.changes[0])
    assert reject is not None
    reject.apply(doc)
    assert to_dict(doc.draft) == to_dict(doc.base)


def test_accept_takes_the_draft_into_the_base() -> None:
    doc = Document.from_base(copy.deepcopy(load(SAMPLE)))
    op3 = doc.draft.operatives()[2]
    split = ed.split(doc, op3.id, 0)
    assert split is not None
    split.apply(doc)
    new = doc.draft.operatives()[2]
    typed = ed.set_content(doc, new.id, [Text("Decides to proclaim a new international day of cooperation;")])
    assert typed is not None
    typed.apply(doc)
    changes = compare(doc.base, doc.draft)
    inserted = changes.of_kind("inserted")
    assert len(inserted) == 1
    accept = tracking.accept(doc, changes, inserted[0])
    assert accept is not None
    accept.apply(doc)
    assert not compare(doc.base, doc.draft).changes


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES[:3]),
       st.lists(st.tuples(st.sampled_from(ACTIONS), st.floats(0, 1), st.floats(0, 1), st.floats(0, 1)),
                min_size=1, max_size=6),
       st.sampled_from(["base", "draft"]))
def test_resolving_every_change_makes_the_sides_agree(path: Any, sequence: list[tuple[str, float, float, float]],
                                                      keep: str) -> None:
    doc = edited(path, sequence)
    assert settle(doc, keep) == 0


def test_rejecting_a_move_out_of_a_list_whose_sibling_followed_it() -> None:
    """In the annex of A/RES/80/5, sub-paragraph (i) moved above (h) and then out a level, taking (h) along as
    its own sub-paragraph. Putting (i) back after (h) would put it inside itself: it goes after (g), and
    rejecting the next change puts (h) back in its place."""
    sequence = [("up", 0.92578125, 0.0, 0.0), ("outdent", 0.921875, 0.0, 0.0)]
    for keep in ("base", "draft"):
        doc = edited(CORPUS / "A-RES-80-5.txt", sequence)
        assert compare(doc.base, doc.draft).changes
        assert settle(doc, keep) == 0


def test_the_merge_across_a_moved_paragraph_is_accepted_and_rejected() -> None:
    """S/2018/257 → S/2019/266 merges PP14 + PP16 into PP14 while PP15, between them, moves to PP8: accepting
    or rejecting that merge (and then every other change) makes the two sides agree."""
    for keep in ("base", "draft"):
        doc = Document(copy.deepcopy(load(CORPUS / "S-2018-257.txt")), copy.deepcopy(load(CORPUS / "S-2019-266.txt")))
        changes = compare(doc.base, doc.draft)
        merge = next(c for c in changes.changes if c.kind == "merged")
        edit = tracking.resolve(doc, changes, merge, keep)  # type: ignore[arg-type]
        assert edit is not None
        edit.apply(doc)
        check_invariants(doc)
        assert not [c for c in compare(doc.base, doc.draft).changes if c.kind == "merged"]
        assert settle(doc, keep) == 0
