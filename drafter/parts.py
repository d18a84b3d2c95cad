"""The parts of a resolution by name, as the edits, the comparison, the exporters and the app call them.

A block lives in a part: "preamble", "operative" or "annex n" (annexes counted from 1). The comparison
also names the front matter ("front") and the footnotes ("footnotes") as parts of its records. The
fields of a `Resolution` beside its parts (`RESOLUTION_FIELDS`: the enacting formula, the closing
lines, the language) are compared and set along with the front matter.
"""

from __future__ import annotations

from dataclasses import fields

from drafter.model import Block, Resolution

FRONT = "front"
PREAMBLE = "preamble"
OPERATIVE = "operative"
FOOTNOTES = "footnotes"
ANNEX = "annex"  # "annex 1", "annex 2": `annex_part`

# the fields of a Resolution that hold its parts, its front matter, its warnings, its moves, its numbering or its
# comments
_STRUCTURE = frozenset(["front", "preamble", "operative", "footnotes", "annexes", "warnings", "moved", "number_as",
                        "comments"])
RESOLUTION_FIELDS = tuple(f.name for f in fields(Resolution) if f.name not in _STRUCTURE)


def annex_part(number: int) -> str:
    """The name of the number-th annex (from 1): "annex 3"."""
    return f"{ANNEX} {number}"


def annex_number(part: str) -> int | None:
    """The number of an annex from its part name ("annex 3" → 3); None for another part."""
    head, _space, number = part.partition(" ")
    return int(number) if head == ANNEX and number.isdigit() else None


def is_annex(part: str) -> bool:
    return annex_number(part) is not None


def part_names(res: Resolution) -> list[str]:
    """The parts that hold blocks, in reading order."""
    return [PREAMBLE, OPERATIVE, *(annex_part(number) for number in range(1, len(res.annexes) + 1))]


def parts_of(res: Resolution) -> dict[str, list[Block]]:
    """The top-level blocks of each part, by name, in reading order (the lists themselves, not copies)."""
    out: dict[str, list[Block]] = {PREAMBLE: res.preamble, OPERATIVE: res.operative}
    for number, annex in enumerate(res.annexes, 1):
        out[annex_part(number)] = annex.blocks
    return out
