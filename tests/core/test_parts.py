"""The names of a resolution's parts are one vocabulary: the edits, the comparison and the exporters agree."""

from __future__ import annotations

import copy

from drafter.compare import compare
from drafter.edits import locate, reading_order
from drafter.model import Annex
from drafter.parts import (
    FOOTNOTES,
    FRONT,
    OPERATIVE,
    PREAMBLE,
    RESOLUTION_FIELDS,
    annex_number,
    annex_part,
    is_annex,
    part_names,
    parts_of,
)
from tests.corpus import CORPUS, load


def test_annex_names_read_back() -> None:
    assert [annex_part(n) for n in (1, 2, 12)] == ["annex 1", "annex 2", "annex 12"]
    assert [annex_number(annex_part(n)) for n in (1, 2, 12)] == [1, 2, 12]
    for other in (PREAMBLE, OPERATIVE, FRONT, FOOTNOTES, "annex", "annex x", "annexes 2", ""):
        assert annex_number(other) is None and not is_annex(other)


def test_resolution_fields_are_the_fields_beside_the_parts() -> None:
    assert set(RESOLUTION_FIELDS) == {"formula", "closing", "language"}


def test_every_block_of_a_text_with_an_annex_is_found_in_its_named_part() -> None:
    res = load(CORPUS / "A-RES-80-3.txt")
    assert part_names(res) == [PREAMBLE, OPERATIVE, "annex 1"] == list(parts_of(res))
    assert parts_of(res)["annex 1"] is res.annexes[0].blocks
    assert res.preamble and res.operative and res.annexes[0].blocks
    for name, blocks in parts_of(res).items():
        assert {locate(res, block.id).part for block in blocks} <= {name}
    assert sum(len(blocks) for blocks in parts_of(res).values()) == len(
        [block for block in reading_order(res) if locate(res, block.id).parent is None])


def test_the_comparison_names_parts_as_the_edits_do() -> None:
    old = load(CORPUS / "A-RES-80-5.txt")
    new = copy.deepcopy(old)
    new.annexes.append(Annex(["Annex II"], copy.deepcopy(old.annexes[0].blocks[:2])))
    new.annexes[1].blocks[0].id = "fresh-1"
    new.annexes[1].blocks[1].id = "fresh-2"
    changes = compare(old, new)
    parts = {change.part for change in changes.records}
    assert parts <= {*part_names(new), FRONT, FOOTNOTES}
    inserted = [change for change in changes.records if change.new_ids and change.new_ids[0].startswith("fresh-")]
    assert inserted and {change.part for change in inserted} == {"annex 2"}
