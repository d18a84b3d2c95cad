"""Lead phrases as UN texts italicise them."""

from __future__ import annotations

import pytest

from drafter.leadwords import lead_phrase, starts_like_paragraph


@pytest.mark.parametrize(("text", "lead"), [
    ("Deeply concerned that the situation", "Deeply concerned"),
    ("Also calls upon States to", "Also calls upon"),
    ("Once again urges States that have", "Once again urges"),
    ("Recalling also its resolution 70/153", "Recalling also"),
    ("Recalling further the World Conference", "Recalling further"),
    ("Takes note with appreciation of the report", "Takes note with appreciation"),
    ("Strongly condemns all attacks", "Strongly condemns"),
    ("Bearing in mind that", "Bearing in mind"),
    ("Further emphasizes the role", "Further emphasizes"),
    ("Decides to continue its consideration", "Decides"),
    ("Guided by the purposes", "Guided by"),
])
def test_lead_phrase(text: str, lead: str) -> None:
    assert text[: lead_phrase(text)] == lead


@pytest.mark.parametrize("text", ["the situation in Somalia", "Somalia, and", "Universal Declaration of", "2030"])
def test_no_lead_phrase(text: str) -> None:
    assert lead_phrase(text) == 0
    assert not starts_like_paragraph(text)
