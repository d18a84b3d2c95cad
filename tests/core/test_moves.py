"""Which paragraphs read as moved, on real corpus texts with paragraphs moved.

Two files compared: the paragraphs that stay in place are the run that keeps the most words, so the
fewest words read as moved. A draft edited in Drafter: the paragraph its author moved (Alt+Up/Down, drag
and drop) is the one that reads as moved, in the live change list and after the full comparison alike."""

from __future__ import annotations

import copy
import random

from drafter import edits
from drafter.compare import compare
from drafter.compare.kinds import MOVED, RENUMBERED
from drafter.edits import Document
from drafter.model import Paragraph, Resolution
from drafter.serialize import from_dict, to_dict
from drafter.tracking.live import LiveComparison
from tests.corpus import CORPUS, load

SAMPLE = CORPUS / "A-RES-72-169-clean.txt"


def words(para: Paragraph) -> int:
    return len(para.text.split())


def kinds(changes: object) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.old_label, c.new_label) for c in changes.changes]  # type: ignore[attr-defined]


def moved_ids(changes: object) -> set[str]:
    return {c.new_ids[0] for c in changes.changes if c.kind == MOVED}  # type: ignore[attr-defined]


def reordered(res: Resolution, index: int, to: int) -> Resolution:
    """A copy with operative paragraph `index` taken out and put back at `to` (as a file from elsewhere would
    have it: no record of who moved what)."""
    new = copy.deepcopy(res)
    para = new.operative.pop(index)
    new.operative.insert(to, para)
    return new


def first_pair(res: Resolution, test: object) -> int:
    ops = res.operatives()
    return next(i for i in range(len(ops) - 2) if test(ops[i], ops[i + 1], ops[i + 2]))  # type: ignore[operator]


def test_two_paragraphs_swapped_the_shorter_reads_as_moved() -> None:
    old = load(SAMPLE)
    ops = old.operatives()
    i = first_pair(old, lambda a, b, _c: words(a) > 2 * words(b))
    long, short = ops[i], ops[i + 1]
    changes = compare(old, reordered(old, i, i + 1))  # OP(i+1) down one: the short one went up
    assert kinds(changes) == [("moved", f"OP{i + 2}", f"OP{i + 1}"), ("renumbered", f"OP{i + 1}", f"OP{i + 2}")]
    assert moved_ids(changes) == {short.id} and words(long) > words(short)
    j = first_pair(old, lambda a, b, _c: 2 * words(a) < words(b))
    changes = compare(old, reordered(old, j + 1, j))  # the long one went up past the short one
    assert moved_ids(changes) == {ops[j].id}
    assert kinds(changes) == [("renumbered", f"OP{j + 2}", f"OP{j + 1}"), ("moved", f"OP{j + 1}", f"OP{j + 2}")]


def test_a_long_paragraph_moved_past_short_ones_stays_and_they_read_as_moved() -> None:
    old = load(CORPUS / "A-RES-80-27.txt")
    pps = old.preambular()
    assert words(pps[0]) > sum(words(p) for p in pps[1:-1])  # 194 words against 175
    new = copy.deepcopy(old)
    first = new.preamble.pop(0)
    new.preamble.insert(len(new.preamble) - 1, first)
    changes = compare(old, new)
    assert moved_ids(changes) == {p.id for p in pps[1:-1]}
    assert [kind for kind, _old, _new in kinds(changes)] == [MOVED] * (len(pps) - 2) + [RENUMBERED]
    # moved past fewer words than it has, the short paragraph is the one that moves
    old = load(SAMPLE)
    ops = old.operatives()
    i = first_pair(old, lambda a, b, c: words(a) < words(b) + words(c))
    changes = compare(old, reordered(old, i, i + 2))
    assert moved_ids(changes) == {ops[i].id}


def test_the_paragraph_the_author_moved_reads_as_moved() -> None:
    doc = Document.from_base(load(SAMPLE))
    ops = doc.draft.operatives()
    i = first_pair(doc.draft, lambda a, b, _c: words(a) < words(b) / 2)  # by words the short one would move
    short, long = ops[i], ops[i + 1]
    live = LiveComparison(doc)
    edit = edits.move(doc, long.id, -1)  # the author moves the long one up past the short one
    assert edit is not None
    edit.apply(doc)
    live.update(edit.scope())
    assert doc.draft.moved == (long.id,)
    expected = [("moved", f"OP{i + 2}", f"OP{i + 1}"), ("renumbered", f"OP{i + 1}", f"OP{i + 2}")]
    assert kinds(live.changes) == expected
    live.settle()
    assert kinds(live.changes) == expected
    assert kinds(compare(doc.base, doc.draft)) == expected  # what an export compares
    assert moved_ids(compare(doc.base, reordered(doc.base, i + 1, i))) == {short.id}  # no record: by words
    # the record goes with the draft into its file, and undo takes it back
    assert from_dict(to_dict(doc.draft)).moved == (long.id,)
    edit.revert(doc)
    assert doc.draft.moved == () and "moved" not in to_dict(doc.draft)
    # dropped in the outline, the same
    drop = edits.move_to(doc, long.id, edits.Where("operative", None, i))
    assert drop is not None
    drop.apply(doc)
    assert moved_ids(compare(doc.base, doc.draft)) == {long.id}


def test_moved_paragraphs_are_only_those_the_author_moved() -> None:
    """Random moves with Alt+Up/Down and drops on real texts (sub-paragraphs and annexes included): the change
    list names as moved only paragraphs the author moved, live and after the full comparison alike."""
    for name in ("A-RES-72-169-clean.txt", "S-2018-693.txt", "A-RES-80-5.txt"):
        base = load(CORPUS / name)
        for seed in range(8):
            rng = random.Random(seed)
            doc = Document.from_base(copy.deepcopy(base))
            live = LiveComparison(doc)
            for _step in range(rng.randint(2, 5)):
                blocks = edits.reading_order(doc.draft)
                block = rng.choice(blocks)
                if rng.random() < 0.7:
                    edit = edits.move(doc, block.id, rng.choice((-1, 1)))
                else:
                    edit = edits.move_to(doc, block.id, edits.locate(doc.draft, rng.choice(blocks).id))
                if edit is None:
                    continue
                edit.apply(doc)
                live.update(edit.scope())
                quick = moved_ids(live.changes)
                assert quick <= set(doc.draft.moved), (name, seed)
                if rng.random() < 0.5:
                    live.settle()
                    assert moved_ids(live.changes) == quick, (name, seed)
            quick = moved_ids(live.changes)
            live.settle()
            assert moved_ids(live.changes) == quick <= set(doc.draft.moved), (name, seed)
