"""Provenance as a user sees it: `drafter FILE` in a real X server (Xvfb), A/RES/76/159 as the draft and a
small library of its series (tests/data/corpus) in `DRAFTER_LIBRARY`; words typed through xdotool into a
paragraph the library holds word for word turn its margin mark "edited" after the pause in typing.

The state dump (`DRAFTER_STATE_DUMP`) holds the marks drawn; the invariant checked: they are of the
paragraphs as they are, and each status is what a fresh `Library.provenance` of the dumped texts says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafter import draftfile, load
from drafter.edits import Document
from drafter.library import Library
from tests.corpus import CORPUS
from tests.ui.test_x11 import App, _text, display, paragraphs

__all__ = ["display"]  # the X server fixture of tests/ui/test_x11.py

SERIES = ["A-RES-72-169-clean.txt", "A-RES-75-180.txt", "A-RES-76-159.txt"]
TYPED = "Firmly "


def _settled(state: dict[str, Any]) -> bool:
    marks = state.get("provenance") or {}
    return bool(marks.get("current")) and bool(marks.get("marks"))


def _statuses(state: dict[str, Any]) -> dict[str, str]:
    return {mark["label"]: mark["status"] for mark in state["provenance"]["marks"]}


def _check_fresh(state: dict[str, Any], folder: Path, symbol: str) -> None:
    """The marks are of every paragraph as the document has it, each with the status a fresh trace gives."""
    marks = state["provenance"]["marks"]
    document = paragraphs(state["document"])
    assert {mark["label"] for mark in marks} == set(document)
    for mark in marks:
        assert _text(mark["text"]) == _text(document[mark["label"]]), mark["label"]
    with Library(folder) as library:
        fresh = library.provenance([mark["text"] for mark in marks], exclude_symbols=[symbol])
    assert [mark["status"] for mark in marks] == [found.status for found in fresh]


def test_words_typed_into_a_verbatim_paragraph_turn_its_mark_edited(display: str, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "library"
    with Library(folder) as library:
        assert len(library.add([CORPUS / name for name in SERIES]).added) == len(SERIES)
    doc = Document.from_base(load(str(CORPUS / "A-RES-76-159.txt")), "A-RES-76-159.txt")
    symbol = doc.draft.front.symbol
    path = tmp_path / "draft.drafter"
    draftfile.save(doc, str(path))
    monkeypatch.setenv("DRAFTER_LIBRARY", str(folder))
    running = App(display, path, tmp_path)
    try:
        state = running.dump(_settled)
        _check_fresh(state, folder, symbol)
        statuses = _statuses(state)
        assert "edited" in statuses.values()  # the series changed: not every mark is the same
        label = next(label for label, status in statuses.items() if label.startswith("OP") and status == "verbatim")
        running.go_to(label)
        running.type(TYPED)
        state = running.dump(lambda s: _settled(s) and paragraphs(s["document"])[label].startswith(TYPED)
                             and _statuses(s)[label] != "verbatim")
        assert _statuses(state)[label] == "edited"
        assert {key: value for key, value in _statuses(state).items() if key != label} == \
               {key: value for key, value in statuses.items() if key != label}
        _check_fresh(state, folder, symbol)
        running.keys("ctrl+z")  # the words taken back: the paragraph the library holds again
        state = running.dump(lambda s: _settled(s) and not paragraphs(s["document"])[label].startswith(TYPED)
                             and _statuses(s)[label] == "verbatim")
        _check_fresh(state, folder, symbol)
    finally:
        running.close()
