"""Every item model of the app passes pytest-qt's qtmodeltester, empty and full."""

from __future__ import annotations

import copy

from drafter import edits as ed
from drafter.compare import compare
from drafter.model import Paragraph, Text
from tests.corpus import CORPUS, load
from ui.review.changes import ChangeListModel
from ui.review.outline import OutlineModel


def edited() -> ed.Document:
    doc = ed.Document.from_base(copy.deepcopy(load(CORPUS / "A-RES-80-11.txt")))
    first = doc.draft.operatives()[0]
    first.children.append(Paragraph([Text("a new sub-paragraph;")]))
    doc.draft.operatives()[2].content = [Text("Decides to do something else entirely;")]
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
