"""The Library pane as a user runs it: `drafter FILE` in a real X server (Xvfb) with `DRAFTER_LIBRARY` set to a
library made from corpus texts (tests/data/corpus), Ctrl+L and a phrase typed through xdotool, Down and
Enter; the paragraph found is in the draft (the state dump) and, after Ctrl+S, in the saved file with its
source."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafter import draftfile, load
from drafter.edits import Document
from drafter.library import Library
from drafter.model import Paragraph
from tests.corpus import CORPUS
from tests.ui.test_x11 import App, display, paragraphs

__all__ = ["display"]  # the X server fixture of tests/ui/test_x11.py

TEXTS = ["A-RES-80-13.txt", "A-RES-80-31.txt", "A-RES-80-48.txt", "A-RES-75-180.txt"]
PHRASE = "full and effective participation"


def test_ctrl_l_a_phrase_typed_and_enter_inserts_the_paragraph_found(display: str, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "library"
    with Library(folder) as library:
        assert len(library.add([CORPUS / name for name in TEXTS]).added) == len(TEXTS)
        best = library.search(PHRASE).results[0]
    assert best.label.startswith("PP")
    doc = Document.from_base(load(str(CORPUS / "A-RES-72-169-clean.txt")), "A-RES-72-169-clean.txt")
    path = tmp_path / "draft.drafter"
    draftfile.save(doc, str(path))
    preamble = len(doc.draft.preambular())
    monkeypatch.setenv("DRAFTER_LIBRARY", str(folder))
    running = App(display, path, tmp_path)
    try:
        running.go_to("OP2")
        running.keys("ctrl+l")
        time.sleep(0.5)
        running.type(PHRASE, delay_ms=40)
        time.sleep(3.0)  # the pause after typing, and the search
        running.keys("Down")
        running.keys("Return")
        wording = " ".join(best.text.split())
        state = running.dump(lambda s: paragraphs(s["document"]).get(f"PP{preamble + 1}") == wording)
        assert state["cursor"]["label"] == f"PP{preamble + 1}"  # the cursor in the paragraph inserted
        running.keys("ctrl+s")
        end = time.monotonic() + 30
        found: list[str] = []
        while time.monotonic() < end and not found:
            time.sleep(0.2)
            saved = draftfile.read(path)
            found = [block.source for block in saved.draft.preambular() if isinstance(block, Paragraph)
                     and block.source]
        assert found == [f"{best.symbol} {best.label}"]
        assert saved.draft.preambular()[-1].text == wording
    finally:
        running.close()
