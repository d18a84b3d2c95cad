"""The full comparison after a pause, run in another thread while edits go on (`tracking.live.BackgroundComparison`)."""

from __future__ import annotations

import random
import sys
import threading
from pathlib import Path

import drafter
from drafter import edits, serialize
from drafter.compare.engine import Comparison
from drafter.model import Paragraph, Text
from drafter.tracking.live import LiveComparison

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def records(changes) -> list[dict]:  # type: ignore[no-untyped-def]
    return [record.to_dict() for record in changes.records]


def fresh(doc: edits.Document, live: LiveComparison) -> list[dict]:
    return records(Comparison(doc.base, doc.draft, live.options).run())


def push(doc: edits.Document, live: LiveComparison, edit: edits.Edit | None) -> None:
    assert edit is not None
    edit.apply(doc)
    live.update(edit.scope())


def random_edit(doc: edits.Document, rng: random.Random) -> edits.Edit | None:
    paras = [b for b in edits.reading_order(doc.draft) if isinstance(b, Paragraph) and b.text]
    para = rng.choice(paras)
    roll = rng.random()
    if roll < 0.5:  # a word typed at the start of a word: footnote references stay (deleting one deletes its note)
        starts, at = [0], 0
        for item in para.content:
            if isinstance(item, Text):
                starts += [at + index + 1 for index, char in enumerate(item.text) if char == " "]
            at += len(item.text) if isinstance(item, Text) else 1
        left, right = edits.split_content(para.content, rng.choice(starts))
        return edits.set_content(doc, para.id, [*left, Text(rng.choice(["further", "urgently", "all"]) + " "), *right])
    if roll < 0.7:
        return edits.split(doc, para.id, rng.randrange(1, max(2, len(para.text))))
    if roll < 0.85:
        return edits.move(doc, para.id, rng.choice((-1, 1)))
    return edits.join(doc, para.id)


def edited(name: str, count: int, seed: int) -> tuple[edits.Document, LiveComparison, random.Random]:
    doc = edits.Document.from_base(drafter.load(str(CORPUS / name)))
    live = LiveComparison(doc)
    rng = random.Random(seed)
    done = 0
    while done < count:
        edit = random_edit(doc, rng)
        if edit is not None:
            push(doc, live, edit)
            done += 1
    return doc, live, rng


def test_a_settling_taken_when_no_edit_came_in_between() -> None:
    doc, live, rng = edited("A-RES-80-5.txt", 40, 3)
    assert live.dirty
    settling = live.in_background()
    worker = threading.Thread(target=settling.run)
    worker.start()
    worker.join()
    assert live.take_result(settling) is not None
    assert not live.dirty
    assert records(live.changes) == fresh(doc, live)
    # the comparison now reads the documents themselves, and the quick path goes on from it
    blocks = {id(block) for block in edits.reading_order(doc.draft)}
    assert all(id(pair.new) in blocks for pair in live.comparison.pairs)
    for _ in range(20):
        edit = random_edit(doc, rng)
        if edit is not None:
            push(doc, live, edit)
    live.settle()
    assert records(live.changes) == fresh(doc, live)


def test_edits_while_it_runs_stop_it_and_nothing_is_taken() -> None:
    doc, live, rng = edited("A-RES-80-5.txt", 30, 5)
    settling = live.in_background()
    worker = threading.Thread(target=settling.run)
    worker.start()
    made = 0
    while worker.is_alive() or made < 10:  # edits in this thread while the comparison runs in the other
        edit = random_edit(doc, rng)
        if edit is not None:
            push(doc, live, edit)
            made += 1
    worker.join()
    quick = records(live.changes)
    assert live.take_result(settling) is None  # stale: nothing taken
    assert records(live.changes) == quick and live.dirty
    live.settle()
    assert records(live.changes) == fresh(doc, live)


def test_it_compares_the_documents_as_they_were_when_it_began() -> None:
    doc, live, rng = edited("A-RES-80-5.txt", 30, 9)
    settling = live.in_background()
    as_it_was = serialize.from_dict(serialize.to_dict(doc.draft))
    base = serialize.from_dict(serialize.to_dict(doc.base))
    for _ in range(30):  # the documents change under it (the edits are not reported, so it runs to the end)
        edit = random_edit(doc, rng)
        if edit is not None:
            edit.apply(doc)
    doc.base.operative.pop()
    settling.run()
    assert settling.result is not None
    assert records(settling.result[1]) == records(Comparison(base, as_it_was, live.options).run())


def test_a_snapshot_is_a_copy_of_the_structure_sharing_the_contents() -> None:
    res = drafter.load(str(CORPUS / "A-RES-80-5.txt"))
    copy = res.snapshot()
    assert serialize.to_dict(copy) == serialize.to_dict(res)
    first, mine = res.operative[0], copy.operative[0]
    assert first is not mine and first.content is mine.content
    res.operative.pop(0)
    res.front.title = "changed"
    assert copy.operative[0] is mine and copy.front.title != "changed"


def test_an_edit_stops_it_early() -> None:
    doc, live, rng = edited("A-RES-80-5.txt", 10, 7)
    settling = live.in_background()
    edit = random_edit(doc, rng)
    while edit is None:
        edit = random_edit(doc, rng)
    push(doc, live, edit)
    settling.run()  # stops at the first block it looks at: the document changed since it began
    assert settling.result is None
    assert live.take_result(settling) is None


def test_it_looks_often_whether_to_stop() -> None:
    """A stopped comparison ends at its next look (`stale`). Between two looks it makes a few thousand
    calls at most, in its searches for moves, splits and merges too, here over a draft two thirds
    rewritten (these searches did not look: some 20,000 calls went by, tens of ms an edit waited for)."""
    doc = edits.Document.from_base(drafter.load(str(CORPUS / "A-RES-80-5.txt")))
    live = LiveComparison(doc)
    rng = random.Random(9)
    paras = [b for b in edits.reading_order(doc.draft) if isinstance(b, Paragraph) and b.text]
    words = sorted({word for para in paras for word in para.text.split()})
    for para in rng.sample(paras, len(paras) * 2 // 3):
        salad = " ".join(rng.choice(words) for _ in range(rng.randint(8, 60)))
        push(doc, live, edits.set_content(doc, para.id, [Text(salad)]))
    settling = live.in_background()
    calls = most = looks = 0

    def stale() -> bool:
        nonlocal calls, most, looks
        most, calls, looks = max(most, calls), 0, looks + 1
        return False

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    settling.stale = stale  # type: ignore[method-assign]
    sys.setprofile(count)
    try:
        settling.run()
    finally:
        sys.setprofile(None)
    assert settling.result is not None and looks > 1000
    assert most < 10_000, most
