"""The live comparison keeps the records of blocks an edit did not touch (`LiveComparison._restructure`):
after any random edit, undo included, each kept record must read as the record made anew from the
comparison's state would (`LiveComparison._record`), and every draft block must have its record."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings, strategies

from drafter import edits
from drafter.edits import Edit
from drafter.tracking.live import LiveComparison
from tests.core.test_edits import FILES, build, fresh, steps
from tests.edit_sequences import apply_then_revert


def check_records(live: LiveComparison) -> None:
    doc = live.doc
    ids = [block.id for block in edits.reading_order(doc.draft)] + [note.id for note in doc.draft.footnotes]
    assert sorted(i for record in live.changes.records for i in record.new_ids) == sorted(ids)
    for record in live.changes.records:
        if len(record.new_ids) == 1 and len(record.old_ids) <= 1:
            anew = live._record(record.new_ids[0])
            assert anew is not None and anew.to_dict() == record.to_dict(), record.new_label


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.sampled_from(FILES[:3]), steps)
def test_kept_records_read_as_records_made_anew(path: Any, sequence: list[Any]) -> None:
    doc = fresh(path)
    live = LiveComparison(doc)

    def follow(edit: Edit) -> None:
        live.update(edit.scope())
        check_records(live)

    apply_then_revert(doc, sequence, build, follow)


def test_a_footnote_removed_and_brought_back_follows_the_quick_path() -> None:
    """Removing a footnote reads as a deleted footnote without the whole comparison; its undo gives back the
    change list as it was, the footnote paired with its base footnote again."""
    doc = fresh(FILES[2])  # A/RES/80/5
    live = LiveComparison(doc)
    note = doc.draft.footnotes[len(doc.draft.footnotes) // 2]
    before = [record.to_dict() for record in live.changes.records]
    fulls: list[int] = []
    full = live.full
    live.full = lambda: (fulls.append(1), full())[1]  # type: ignore[method-assign]
    edit = edits.remove_footnote(doc, note.id)
    assert edit is not None
    edit.apply(doc)
    live.update(edit.scope())
    assert fulls == []
    deleted = [r for r in live.changes.records if r.old_ids == (note.id,) and not r.new_ids]
    assert [r.kind for r in deleted] == ["deleted"]
    check_records(live)
    edit.revert(doc)
    live.update(edit.scope())
    assert fulls == []
    assert [record.to_dict() for record in live.changes.records] == before
