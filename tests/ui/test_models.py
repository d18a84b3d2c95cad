"""Every item model of the app passes pytest-qt's qtmodeltester, empty and full."""

from __future__ import annotations

import copy

from drafter import edits
from drafter.compare import compare
from drafter.model import Paragraph, Text
from tests.corpus import CORPUS, load
from ui.review.changes import ChangeListModel
from ui.review.outline import OutlineModel


def edited() -> edits.Document:
    doc = edits.Document.from_base(copy.deepcopy(load(CORPUS / "A-RES-80-11.txt")))
    first = doc.draft.operatives()[0]
    first.children.append(Paragraph((Text("a new sub-paragraph;"),)))
    doc.draft.operatives()[2].content = (Text("Decides to do something else entirely;"),)
    return doc


def test_change_list_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChangeListModel()
    qtmodeltester.check(model)
    doc = edited()
    model.set_changes(compare(doc.base, doc.draft))
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.set_changes(compare(doc.base, doc.draft), {"renumbered"})
    qtmodeltester.check(model)


def test_outline_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = OutlineModel()
    qtmodeltester.check(model)
    doc = edited()
    model.set_resolution(doc.draft)
    model.set_changed({doc.draft.operatives()[2].id})
    qtmodeltester.check(model)
    model.update_text(doc.draft.operatives()[0].id, "Changed words")
    qtmodeltester.check(model)


def test_change_list_model_tells_views_of_every_row_that_reads_differently() -> None:
    """Inserting an operative paragraph at the top renumbers every later one: each row whose text
    changed is inside a `dataChanged` range, and consecutive rows share one signal."""
    doc = edits.Document.from_base(copy.deepcopy(load(CORPUS / "A-RES-80-11.txt")))
    for para in doc.draft.operatives():  # each changed, so that each is a row before and after renumbering
        para.content = (*para.content, Text(" further"))
    model = ChangeListModel()
    model.set_changes(compare(doc.base, doc.draft))
    columns = range(model.columnCount())

    def shown() -> dict[tuple[str, ...], list[object]]:
        return {(*change.old_ids, "|", *change.new_ids): [model.data(model.index(row, col)) for col in columns]
                for row, change in enumerate(model.rows)}

    before = shown()
    doc.draft.operative.insert(0, Paragraph((Text("Decides to begin with a new paragraph;"),)))
    ranges: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles=None: ranges.append((top.row(), bottom.row())))
    model.set_changes(compare(doc.base, doc.draft))
    after = shown()
    changed_rows = {row for row, change in enumerate(model.rows)
                    if (key := (*change.old_ids, "|", *change.new_ids)) in before and before[key] != after[key]}
    assert len(changed_rows) >= 5
    assert all(any(first <= row <= last for first, last in ranges) for row in changed_rows)
    assert len(ranges) < len(changed_rows)
