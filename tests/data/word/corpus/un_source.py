"""Real UN texts from tests/data/corpus for the Word corpus: front lines, body paragraphs and footnotes.

The reflowed texts (A/RES/80/11 and later) have one paragraph per block and footnotes as `[^n]: …` after
a closing `---`; their footnote markers are digits glued to the word before ("peace,1"). A marker is taken
where the next expected note number stands glued after a letter or punctuation mark, and becomes `[^n]`.
A year takes no marker digit ("November 20242" is 2024 and note 2); a marker set apart after a comma
at the end of a paragraph is one too. Two extraction artefacts are undone:
a running head left standing alone (the title again) is dropped, and a paragraph a page break cut in two
(its second half starting in lower case) is joined again: neither is part of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FORMULA = "The General Assembly,"


@dataclass
class UnText:
    symbol: str
    title: str
    front: list[str]  # the lines before the enacting formula
    body: list[str]  # the formula and what follows, `[^n]` where a footnote is referenced
    notes: dict[int, str]


def load(name: str) -> UnText:
    raw = (CORPUS / name).read_text(encoding="utf-8")
    header, _, text = raw.partition("\n---\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    text, _, tail = text.partition("\n---\n")
    notes: dict[int, str] = {}
    for block in re.split(r"\n\s*\n", tail):
        match = re.match(r"\s*\[\^(\d+)\]:\s*(.*)", block, re.S)
        if match:
            notes[int(match.group(1))] = " ".join(match.group(2).split())
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]
    start = paragraphs.index(FORMULA)
    title = " ".join(fields["title"].split())
    body: list[str] = []
    for para in paragraphs[start:]:
        if para == title:
            continue
        if body and _continues(body[-1], para):
            body[-1] += " " + para
        else:
            body.append(para)
    return UnText(fields["symbol"], title, paragraphs[:start], _markers(body, len(notes)), notes)


def _continues(before: str, para: str) -> bool:
    """A block that goes on from the one before: it starts in lower case, or with a number that is no
    paragraph number after a block with no closing punctuation."""
    if para[0].islower():
        return True
    return para[0].isdigit() and not re.match(r"\d+\.\s", para) and not before.endswith((".", ",", ";", ":"))


def _markers(body: list[str], count: int) -> list[str]:
    """Glued note numbers as `[^n]`, in order; markers the source already writes as `[^n]` are kept."""
    expected = 1
    out = []
    for para in body:
        def mark(match: re.Match[str]) -> str:
            nonlocal expected
            if match.group(1):
                expected = max(expected, int(match.group(1)) + 1)
                return match.group()
            if int(match.group(3)) != expected or expected > count:
                return match.group()
            expected += 1
            return f"{match.group(2)}[^{match.group(3)}]"

        para = re.sub(r"\[\^(\d+)\]|([A-Za-z,.;:)\]”’]|\b(?:19|20)\d\d)(\d{1,2})(?=[\s,.;:]|$)", mark, para)
        out.append(re.sub(r"\[\^(\d+)\]|(,) (\d{1,2})$", mark, para))  # "Conference, 15": a marker set apart
    return out


def split_label(para: str) -> tuple[str | None, str]:
    """ "12. Requests …" → ("12", "Requests …"); other paragraphs have no number."""
    match = re.match(r"(\d{1,3})\.\s+(.*)", para)
    return (match.group(1), match.group(2)) if match else (None, para)
