"""The settings object over a temporary file, and the paste splitter (no window)."""

from __future__ import annotations

from pathlib import Path

from drafter.edits.paste import read_pasted
from drafter.model import Paragraph
from ui.settings import Settings


def test_settings_round_trip(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    assert settings.first_start and settings.view == "redline" and settings.author == ""
    settings.author = "Delegation of Ruritania"
    settings.view = "side-by-side"
    settings.hide_technical = True
    for name in "abcdefghijkl":
        settings.add_recent(f"/tmp/{name}.drafter")
    settings.sync()
    again = Settings(tmp_path / "s.ini")
    assert again.author == "Delegation of Ruritania"
    assert again.view == "side-by-side" and again.hide_technical
    assert again.recent_files[0] == "/tmp/l.drafter" and len(again.recent_files) == 10


def test_paste_from_a_pdf_joins_wrapped_lines() -> None:
    text = ("12. Requests the Secretary-General to submit to the General\nAssembly at its seventy-third session"
            " a report;\n13. Decides to continue its consideration:\n(a) of the first item;\n(i) in part;\n"
            "(b) of the second item.")
    blocks, _notes, _warnings = read_pasted(text)
    assert all(isinstance(block, Paragraph) for block in blocks)
    first, second = blocks
    assert first.text == ("Requests the Secretary-General to submit to the General Assembly at its seventy-third "
                          "session a report;")
    assert isinstance(second, Paragraph) and second.text == "Decides to continue its consideration:"
    assert [child.text for child in second.children] == ["of the first item;", "of the second item."]
    assert [child.text for child in second.children[0].children] == ["in part;"]
