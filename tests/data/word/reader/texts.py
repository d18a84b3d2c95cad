"""The texts of the reader's test files: real UN texts from tests/data/corpus, and a few short lists."""

from __future__ import annotations

import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
COUNTRIES = ["Albania", "Andorra", "Argentina", "Australia", "Austria", "Belgium", "Bolivia", "Brazil",
             "Bulgaria", "Canada", "Chile", "Colombia", "Croatia", "Cyprus", "Czechia", "Denmark", "Ecuador",
             "Estonia", "Finland", "France"]
VOTES = [["Favour", "Against", "Abstaining"], ["151", "5", "12"]]
BOX_TEXT = ["Note by the Secretariat", "The programme budget implications of the draft resolution are set out in "
            "document A/C.5/80/12."]


# --- texts from the corpus ----------------------------------------------------------
def _body(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8").split("\n---\n", 1)[1]


def resolution_80_11() -> list[str]:
    """The paragraphs of A/RES/80/11 (reflowed text) from the formula to the meeting line."""
    chunks = [" ".join(c.split()) for c in re.split(r"\n\s*\n", _body("A-RES-80-11.txt").split("\n---\n")[0])]
    chunks = [c for c in chunks if c]
    start = chunks.index("The General Assembly,")
    end = next(i for i, c in enumerate(chunks) if re.match(r"\d+(st|nd|rd|th) plenary meeting", c))
    return chunks[start:end]


def lines_80_5(count: int = 280) -> list[str]:
    """Lines of A/RES/80/5 as the PDF broke them, from its annex on: text pasted line by line."""
    lines = [" ".join(line.split()) for line in _body("A-RES-80-5.txt").splitlines()]
    start = lines.index("Annex") + 1
    return [line for line in lines[start:] if line][:count]
