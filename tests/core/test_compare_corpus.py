"""The comparer on the real texts of tests/data/corpus, loaded with `drafter.load`.

Expected changes of the real series were written down by reading both texts (and a plain word
diff of the raw files), not by running the comparer.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from functools import cache, partial
from pathlib import Path

import pytest

import drafter
from drafter.compare import Change, ChangeList, apply, command, compare, revert
from drafter.compare.engine import Comparison, labels_of
from drafter.compare.kinds import tag_segments, text_kind
from drafter.compare.render import to_html
from drafter.compare.spacing import equal_ops
from drafter.compare.words import Options, diff_runs, diff_tokens, segment_text
from drafter.model import Paragraph, Resolution, Text
from drafter.serialize import to_dict

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt"))


@cache
def _load(name: str) -> Resolution:
    return drafter.load(str(CORPUS / f"{name}.txt"))


def load(name: str) -> Resolution:
    return copy.deepcopy(_load(name))


def listed(changes: ChangeList) -> list[tuple[str, str | None, str | None]]:
    """(kind, old label, new label) of every change but renumbering; front matter by field."""
    return [(c.kind, c.front_field or c.old_label, c.front_field or c.new_label)
            for c in changes.changes if c.kind != "renumbered"]


def _front(kind: str, *names: str) -> list[tuple[str, str | None, str | None]]:
    return [(kind, name, name) for name in names]


def check_roundtrip(old: Resolution, new: Resolution, changes: ChangeList) -> None:
    assert apply(old, changes) == new
    assert revert(new, changes) == old


# --- real series ----------------------------------------------------------------------------------
def test_human_rights_cooperation_75_180_to_76_159() -> None:
    old, new = load("A-RES-75-180"), load("A-RES-76-159")
    changes = compare(old, new)
    assert listed(changes) == [
        *_front("technical", "symbol", "date", "session", "agenda_items", "adoption", "report", "number",
                "closing"),
        ("technical", "PP3", "PP3"),  # 74/153 of 18 December 2019 → 75/180 …; HRC 44/18 → 47/9
        ("modified", "PP4", "PP4"),  # declarations/meetings; "tenth and twentieth anniversaries"
        ("modified", "PP13", "PP13"),  # "all human rights … for all"
        ("modified", "OP1", "OP1"),
        ("modified", "OP3", "OP3"),  # "a culture of peace, tolerance"
        ("modified", "OP4", "OP4"),
        ("modified", "OP8", "OP8"),
        ("modified", "OP12", "OP12"),
        ("technical", "OP17", "OP17"),  # seventy-sixth → seventy-seventh session
        ("modified", "footnote 3", "footnote 3"),  # Seventy-fifth → Seventy-sixth Session, chap. V → VII
        ("inserted", None, "footnote 5"),  # Resolution 76/1.
    ]
    assert [(c.old_label, c.new_label) for c in changes.of_kind("renumbered")] == [("footnote 5", "footnote 6")]
    pp3 = next(c for c in changes.changes if c.new_label == "PP3")
    assert [(op.op, op.text.strip()) for op in pp3.ops if op.op != "equal"][:2] == [
        ("delete", "74/153"), ("insert", "75/180")]
    op3 = next(c for c in changes.changes if c.new_label == "OP3")
    assert [(op.op, op.text.strip()) for op in op3.ops if op.op != "equal"] == [("insert", "peace,")]
    check_roundtrip(old, new, changes)


def test_cuba_embargo_75_289_to_77_7_is_all_technical() -> None:
    old, new = load("A-RES-75-289"), load("A-RES-77-7")
    changes = compare(old, new)
    assert listed(changes) == [
        *_front("technical", "symbol", "date", "session", "agenda_items", "adoption", "report", "number",
                "closing"),
        ("technical", "PP6", "PP6"),  # the recall chain gains 75/289 and decision 76/563
        ("technical", "PP8", "PP8"),  # the bare list gains 75/289
        ("technical", "OP1", "OP1"),  # report on resolution 74/7 → 75/289
        ("technical", "OP4", "OP4"),  # seventy-sixth → seventy-eighth session
        ("technical", "OP5", "OP5"),
        ("technical", "footnote 1", "footnote 1"),  # A/75/81 and A/75/81/Add.1 → A/76/405 and A/77/358
    ]
    assert changes.visible(hide_technical=True) == []
    check_roundtrip(old, new, changes)


def test_human_rights_cooperation_72_169_to_75_180() -> None:
    old, new = load("A-RES-72-169-clean"), load("A-RES-75-180")
    changes = compare(old, new)
    assert listed(changes) == [
        *_front("technical", "symbol", "date", "session"),
        ("modified", "agenda_items", "agenda_items"),  # the clean 72/169 text has no agenda item title
        ("technical", "adoption", "adoption"),
        ("modified", "report", "report"),  # "para. 89" added to the report line
        *_front("technical", "number", "closing"),
        ("modified", "PP1", "PP1"),  # the comma after "Programme of Action" went
        ("technical", "PP3", "PP3"),
        ("inserted", None, "PP11"),  # the new PP on dialogue among religions … (the session's insertion)
        ("modified", "OP10", "OP10"),  # "cooperative and constructive approach"
        ("deleted", "OP15", None),  # OP15 (the seventieth anniversary meeting) was replaced …
        ("inserted", None, "OP15"),  # … by the North-South, South-South cooperation paragraph
        ("technical", "OP17", "OP17"),
        ("technical", "footnote 3", "footnote 3"),
        ("deleted", "footnote 6", None),  # Resolution 217 A (III), cited only in the old OP15
    ]
    assert [(c.old_label, c.new_label) for c in changes.of_kind("renumbered")] == [
        ("PP11", "PP12"), ("PP12", "PP13"), ("PP13", "PP14"), ("PP14", "PP15")]
    check_roundtrip(old, new, changes)


@pytest.mark.parametrize(("before", "after"), [("S-2018-257", "S-2019-266"), ("S-2019-266", "S-2020-445")])
def test_somalia_series(before: str, after: str) -> None:
    """A text negotiated anew every year: only facts checked by reading are asserted."""
    old, new = load(before), load(after)
    changes = compare(old, new)
    symbol = next(c for c in changes.changes if c.front_field == "symbol")
    assert symbol.kind == "technical"
    if before == "S-2018-257":
        # the mandate is extended by one year, in the same words
        op1 = next(c for c in changes.changes if c.new_label == "OP1" or c.old_label == "OP1")
        assert op1.kind == "technical"
        assert [op.text.strip() for op in op1.ops if op.op == "insert"] == ["2020"]
    else:
        # S/2020/445 no longer opens with the extension of the mandate: OP1 is new text
        assert ("deleted", "OP1", None) in listed(changes) and ("inserted", None, "OP1") in listed(changes)
    # nothing is reported as changed without a change in its words, a move or a renumbering
    for change in changes.changes:
        if change.kind in ("modified", "technical", "inserted", "deleted", "split", "merged"):
            assert any(op.op != "equal" for op in change.ops) or not change.ops
    check_roundtrip(old, new, changes)


def _labels(prefix: str, first: int, last: int) -> list[str]:
    return [f"{prefix}{number}" for number in range(first, last + 1)]


# S/2018/257 → S/2019/266: paragraphs that moved with their edits, and a merge across a paragraph that moved
# away, into a paragraph that adds clauses of its own.
SOMALIA_2019_MOVED = [("PP11", "PP11"), ("OP4", "OP8"), ("OP7", "OP15"), ("OP8", "OP14"), ("OP23", "OP20"),
                      ("OP25", "OP19"), ("OP26", "OP18")]
SOMALIA_2019_MERGED = ("PP14 + PP16", "PP14")


def _by_kind(changes: ChangeList) -> dict[str, set[tuple[str | None, str | None]]]:
    """(old label, new label) of every change by kind; front matter by field."""
    by_kind: dict[str, set[tuple[str | None, str | None]]] = {}
    for change in changes.changes:
        key = (change.front_field, change.front_field) if change.front_field else (
            change.old_label, change.new_label)
        by_kind.setdefault(change.kind, set()).add(key)
    return by_kind


def _old_sides(change: Change) -> set[str]:
    """The old labels of a change ("PP14 + PP16" names two)."""
    return set(change.old_label.split(" + ")) if change.old_label else set()


def _new_sides(change: Change) -> set[str]:
    return set(change.new_label.split(" + ")) if change.new_label else set()


def test_somalia_2018_257_to_2019_266_paragraph_by_paragraph() -> None:
    """S/2018/257 (UNSOM, resolution 2408) against S/2019/266 (UNSOM, resolution 2461), by reading.

    The same renewal, negotiated anew: 48 paragraphs become 38 and the two cross-headings ("UNSOM",
    "Somalia") go. Technical: the symbol, the date and OP1 (UNSOM extended until 31 March 2019 → 2020,
    in the same words). Kept in place, with edits: PP3 (the attacks of 2017 and 2018 → those of 2019;
    its strong condemnation becomes the new OP2), PP4 (a comma; "Al -Shabaab" is a break in the PDF),
    PP6 (support for SRSG Keating → for the Deputy SRSG, after a new opening on the expulsion of SRSG
    Haysom), PP9 → PP7 (its two clauses swapped, Gaalkacyo to Dhusamareb gone), PP15 → PP8 (the Mutual
    Accountability Framework, closing now with PP10's "accountable, acceptable and affordable" security
    sector), PP17 → PP13 (risk of famine → humanitarian crisis, taking in PP19's welcome of donors),
    PP18 → PP15 (S/PRST/2011/15 recalled last instead of first), OP9 → OP3 (opening with OP2's request to
    keep UNSOM in all Federal Member States), OP12 → OP6, OP14 → OP9, OP21 → OP10, OP22 → OP16, OP27 →
    OP17 (children) and OP28 → OP22 (three → four reports, every 120 → 90 days, negotiated; first report
    by 1 May 2018 → 15 May 2019, a date update). OP29 → OP23 is only renumbered. Moved, with edits, the
    fewest words that can read as moved: PP11 (now opening with PP12's welcome of the transition plan;
    PP15, 70 words kept, went before it, 55 words kept), OP4 → OP8 (electoral support; voter registration
    by 2019 → by the first quarter of 2020), OP7 → OP15 (violent extremism, taking in OP18's call to join
    the counter-terrorism conventions and OP17's clause on the recruitment of children), OP8 → OP14 (the
    HRDDP, expanded), OP23 → OP20 (the Human Rights Commission, expanded), OP25 → OP19 (its opening on
    refugees went to PP13) and OP26 → OP18 (humanitarian efforts in 2018 → 2019): evictions, humanitarian,
    children now run children, humanitarian, evictions, and the children paragraph keeps the most words
    of the three. Merged:
    PP14 + PP16 → PP14 (the condemnation of violations takes in the whole of PP16; the Universal Periodic
    Review clause goes). Replaced, gone or kept only as a clause of another paragraph: PP5 (by the new
    PP5 on UNSOM's role), PP7 and PP8 (by PP9 and PP10), PP10, PP12, PP13, PP19, OP2, OP3 (the new OP4
    thanks UNSOM for the support that OP3 underscored), OP5, OP6, OP10, OP11 (by OP5), OP13 (by OP7, the
    Baidoa Agreement), OP15 to OP17 (by OP11 and OP12), OP18, OP19 and OP20 (with OP6, by OP13), OP24. Also
    new: PP12 (delays in the security transition), OP2 (the attack of 1 January 2019 on the UN compound)
    and OP21 (climate risk in the programmes in Somalia).
    """
    old, new = load("S-2018-257"), load("S-2019-266")
    changes = compare(old, new)
    by_kind = _by_kind(changes)
    assert by_kind == {
        "technical": {("symbol", "symbol"), ("date", "date"), ("OP1", "OP1")},
        "modified": {("PP3", "PP3"), ("PP4", "PP4"), ("PP6", "PP6"), ("PP9", "PP7"), ("PP15", "PP8"),
                     ("PP17", "PP13"), ("PP18", "PP15"), ("OP9", "OP3"), ("OP12", "OP6"), ("OP14", "OP9"),
                     ("OP21", "OP10"), ("OP22", "OP16"), ("OP27", "OP17"), ("OP28", "OP22")},
        "deleted": {(label, None) for label in
                    ["PP5", "PP7", "PP8", "PP10", "PP12", "PP13", "PP19", "heading 1", "heading 2", "OP2", "OP3",
                     "OP5", "OP6", "OP10", "OP11", "OP13", *_labels("OP", 15, 20), "OP24"]},
        "inserted": {(None, label) for label in
                     ["PP5", "PP9", "PP10", "PP12", "OP2", "OP4", "OP5", "OP7", *_labels("OP", 11, 13), "OP21"]},
        "renumbered": {("OP29", "OP23")},
        "moved": set(SOMALIA_2019_MOVED),
        "merged": {SOMALIA_2019_MERGED},
    }
    # every paragraph of both texts is accounted for, each once (PP1 and PP2 unchanged)
    records = [r for r in changes.records if r.part != "front"]
    assert sorted(label for r in records for label in _old_sides(r)) == sorted(
        [*old.labels().values(), "heading 1", "heading 2"])
    assert sorted(label for r in records for label in _new_sides(r)) == sorted(new.labels().values())
    assert [(r.kind, r.old_label) for r in records[:2]] == [("unchanged", "PP1"), ("unchanged", "PP2")]

    def edits(label: str) -> list[tuple[str, str]]:
        change = next(c for c in changes.changes if c.old_label == label)
        return [(op.op, op.text.strip()) for op in change.ops if op.op != "equal" and op.text.strip()]

    op1 = next(c for c in changes.changes if c.old_label == "OP1")
    assert [(op.op, op.text.strip(), op.technical) for op in op1.ops if op.op != "equal"] == [
        ("delete", "2019", True), ("insert", "2020", True)]
    assert edits("PP4") == [("delete", "Al-Shabaab"), ("insert", "Al -Shabaab"), ("insert", ",")]
    assert edits("PP6")[2:5] == [("insert", "Deputy"),
                                 ("delete", "SecretaryGeneral and Head of UNSOM, Michael Keating, and"),
                                 ("insert", "Secretary-General, Raisedon Zenenga,")]
    pp15 = edits("PP18")
    assert pp15[0] == ("delete", "Recalling its Presidential statement S/PRST/2011/15, recognising")
    assert pp15[-1] == ("insert", ", and recalling its Presidential statement S/PRST/2011/15,")
    assert edits("OP9")[0] == ("delete", "Welcomes the strong relationship between UNSOM, UNSOS")
    assert edits("OP9")[1][1].startswith("Requests UNSOM to maintain and strengthen its presence in all of the")
    assert edits("OP12")[:2] == [("delete", "importance of"), ("insert", "need for")]
    assert edits("OP21") == [
        ("insert", "urges the Federal Government of Somalia and the Federal Member States to establish frameworks "
                   "for managing resources and power sharing,"),
        ("delete", "achieve this in order to lay the foundations for inclusive and transparent elections,")]
    op22 = next(c for c in changes.changes if c.old_label == "OP28")
    assert [(op.op, op.text.strip(), op.technical) for op in op22.ops if op.op != "equal"] == [
        ("delete", "three", False), ("insert", "four", False), ("delete", "1 May 2018", True),
        ("insert", "15 May 2019", True), ("delete", "120", False), ("insert", "90", False)]
    check_roundtrip(old, new, changes)


@pytest.mark.parametrize(("before", "after"), SOMALIA_2019_MOVED)
def test_somalia_2018_257_to_2019_266_moved_with_edits(before: str, after: str) -> None:
    """Each pair is one paragraph, moved and edited (see the reading above): one change, kind moved, with
    its edits."""
    changes = compare(load("S-2018-257"), load("S-2019-266"))
    found = [c for c in changes.changes if before in _old_sides(c) or after in _new_sides(c)]
    assert [(c.kind, c.old_label, c.new_label) for c in found] == [("moved", before, after)]
    assert any(op.op == "equal" for op in found[0].ops) and any(op.op != "equal" for op in found[0].ops)


def test_somalia_2018_257_to_2019_266_merge() -> None:
    """The new PP14 is the old PP14's condemnation and call for accountability with the whole of PP16 (PP15,
    between them, went to PP8), and clauses of its own: one merge, with its word edits."""
    changes = compare(load("S-2018-257"), load("S-2019-266"))
    old_labels, new_label = SOMALIA_2019_MERGED
    found = [(c.kind, c.old_label, c.new_label) for c in changes.changes
             if _old_sides(c) & set(old_labels.split(" + ")) or new_label in _new_sides(c)]
    assert found == [("merged", old_labels, new_label)]
    merged = next(c for c in changes.changes if c.kind == "merged")
    assert "Universal Periodic Review" in "".join(op.text for op in merged.ops if op.op == "delete")
    assert "hold accountable those responsible for" in "".join(op.text for op in merged.ops if op.op == "equal")


def test_somalia_2019_266_to_2020_445_paragraph_by_paragraph() -> None:
    """S/2019/266 (UNSOM, resolution 2461) against S/2020/445 (AMISOM, resolution 2520), by reading.

    The two texts share their frame and a handful of paragraphs; the rest was written anew. Kept and
    edited: PP1 ("Recalling all its previous resolutions"), PP2 (its clause on regional crises spilling
    over went), the tribute to AMISOM (PP4 → PP5: "security forces personnel", a new closing clause),
    the climate paragraph (PP15 → PP14: rewritten around the same risk-assessment clause), the
    participation OP (OP9 → OP31: "important role", "meaningful", "Internally Displaced Persons
    (IDPs)", civil society instead of the request to UNSOM), the children OP (OP17 → OP33: the same
    commitments on detention, the 2012 Action Plans and handover, in new words) and the humanitarian
    OP (OP18 → OP35: 2019 → 2020, COVID-19, the same demand for access). "Decides to remain actively
    seized of the matter." is the same text, OP23 → OP39. Every other paragraph of S/2019/266 went and
    every other paragraph of S/2020/445 is new: the reporting OP (OP22 → OP37) and the evictions OP
    (OP19 → OP34) keep only their opening formula or one clause and say something else, so they read
    as replaced, as do the Al-Shabaab paragraph (PP3) and the paragraph on violations (PP14 → PP11).
    Nothing moved, split or merged.
    """
    old, new = load("S-2019-266"), load("S-2020-445")
    changes = compare(old, new)
    by_kind = _by_kind(changes)
    modified = {("PP1", "PP1"), ("PP2", "PP2"), ("PP4", "PP5"), ("PP15", "PP14"), ("OP9", "OP31"),
                ("OP17", "OP33"), ("OP18", "OP35")}
    deleted = {(label, None) for label in
               ["PP3", *_labels("PP", 5, 14), *_labels("OP", 1, 8), *_labels("OP", 10, 16),
                *_labels("OP", 19, 22)]}
    new_ops = [*_labels("OP", 1, 30), "OP32", "OP34", *_labels("OP", 36, 38)]
    subs = {"OP2": "abcd", "OP6": "abc", "OP11": "abc", "OP12": "abcdefghi", "OP24": "abc"}
    new_ops += [f"{op}({letter})" for op, letters in subs.items() for letter in letters]
    inserted = {(None, label) for label in
                ["PP3", "PP4", *_labels("PP", 6, 13), *_labels("PP", 15, 17), *new_ops,
                 *_labels("heading ", 1, 4)]}
    assert by_kind == {
        "technical": {("symbol", "symbol"), ("date", "date")},
        "modified": modified,
        "deleted": deleted,
        "inserted": inserted,
        "renumbered": {("OP23", "OP39")},
    }
    # every paragraph of both texts is accounted for, each once
    assert len(old.labels()) == 15 + 23 == len(modified) + len(deleted) + 1
    assert len([c for c in changes.changes if c.new_label and c.part != "front"]) == (
        len(modified) + len(inserted) + 1)

    def edits(label: str) -> list[tuple[str, str]]:
        change = next(c for c in changes.changes if c.old_label == label)
        return [(op.op, op.text.strip()) for op in change.ops if op.op != "equal" and op.text.strip()]

    assert edits("PP1") == [("insert", "all")]
    assert edits("PP2") == [("delete", "and underscoring the importance of working to prevent destabilizing "
                                       "effects of regional crises and disputes from spilling over into Somalia,")]
    assert edits("PP4")[:2] == [("insert", "personnel"), ("delete", "-")]  # "Al -Shabaab" → "Al Shabaab"
    assert edits("OP9")[:5] == [("delete", "importance"), ("insert", "important role"), ("insert", ", meaningful"),
                                ("delete", "IDPs"), ("insert", "Internally Displaced Persons (IDPs)")]
    op35 = edits("OP18")
    assert "2019" in op35[0][1] and op35[0][0] == "delete" and "2020" in op35[1][1] and op35[1][0] == "insert"
    assert ("delete", "aid") in op35 and ("insert", "humanitarian assistance") in op35
    check_roundtrip(old, new, changes)


# --- the two ways word diffs become ops ----------------------------------------------------------------
@pytest.mark.parametrize(("before", "after", "finer"), [
    ("A-RES-75-180", "A-RES-76-159", 2), ("A-RES-75-289", "A-RES-77-7", 0), ("A-RES-72-169-clean", "A-RES-75-180", 1),
    ("S-2018-257", "S-2019-266", 8), ("S-2019-266", "S-2020-445", 3)])
def test_word_diffs_made_in_one_pass_match_the_segment_path(before: str, after: str, finer: int) -> None:
    """`Comparison._ops` makes the ops of a pair in one pass over its diff, unless a changed group needs
    the finer diff that finds technical pieces in it (`finer` pairs of these texts). Both ways must give
    the same ops and kind: checked against the segment path for every pair."""
    comparison = Comparison(load(before), load(after), Options())
    comparison.run()
    needing_finer = 0
    for pair in comparison.pairs:
        old = comparison.block_tokens(pair.old, True)
        new = comparison.block_tokens(pair.new, False)
        refine = partial(diff_tokens, old, new, comparison.codec, semantic=False)
        segments, tags = tag_segments(diff_tokens(old, new, comparison.codec), old, new,
                                      op_numbers=comparison.op_numbers, refine=refine)
        ops: list[tuple[str, str, bool, bool]] = []
        for s, tag in zip(segments, tags, strict=True):
            old_run, new_run = old.texts[s.old.start:s.old.stop], new.texts[s.new.start:s.new.stop]
            if s.op == "equal" and old_run != new_run:  # equal words spaced differently
                ops.extend(equal_ops(old_run, new_run))
            else:
                ops.append((s.op, segment_text(s, old, new), tag == "technical", tag == "renumbering"))
        expected = (ops, text_kind(segments, tags))
        a, b = comparison.codec.code(old), comparison.codec.code(new)
        one_pass = comparison.ops_in_one_pass(old, new, diff_runs(a, b), False) if a != b else expected
        needing_finer += one_pass is None
        assert one_pass in (None, expected)
        made = comparison.ops(old, new)
        assert made == expected
        # the ops give back both texts, words spaced as they are (a space's width aside)
        assert _spaced(op.text for op in made[0] if op.op != "delete") == _spaced(new.texts)
        assert _spaced(op.text for op in made[0] if op.op != "insert") == _spaced(old.texts)
    assert needing_finer == finer


def _spaced(texts: Iterable[str]) -> str:
    """Runs of spaces as one; footnote markers left out (equal text shows the new side's numbers)."""
    return re.sub(r"\s+", " ", re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", "".join(texts)))


# --- every text against itself and against synthetic edits -------------------------------------------
@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_a_text_compared_with_itself(path: Path) -> None:
    res = load(path.stem)
    assert compare(res, load(path.stem)).changes == []


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_a_text_compared_with_its_word_export(path: Path, tmp_path: Path) -> None:
    res = load(path.stem)
    drafter.export_docx(res, str(tmp_path / "clean.docx"))
    assert compare(res, drafter.load(str(tmp_path / "clean.docx"))).changes == []


SOFFICE = shutil.which("soffice")
AS_PDF = ["A-RES-72-169-clean", "A-RES-75-180", "A-RES-80-5", "A-RES-80-11", "S-2019-266"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_a_text_compared_with_the_pdf_of_its_word_export(tmp_path: Path) -> None:
    """The Word export printed to PDF by a word processor (LibreOffice) reads back as the same text: notes
    set off by a tab, sub-paragraphs, an annex and headings included."""
    for name in AS_PDF:
        drafter.export_docx(load(name), str(tmp_path / f"{name}.docx"))
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *(str(tmp_path / f"{n}.docx") for n in AS_PDF)],
                   check=True, capture_output=True, timeout=300)
    for name in AS_PDF:
        back = drafter.load(str(tmp_path / f"{name}.pdf"))
        assert [(c.kind, c.old_label, c.new_label) for c in compare(load(name), back).changes] == [], name


def _blocks(res: Resolution) -> list[Paragraph]:
    """The main list of operative paragraphs (the annex of a declaration when the resolution has one OP)."""
    if len(res.operatives()) < 3 and res.annexes:
        return [b for b in res.annexes[0].blocks if isinstance(b, Paragraph)]
    return res.operatives()


def _edits(res: Resolution) -> list[str]:
    edits = ["insert_op"]
    if len(res.preambular()) >= 3:
        edits += ["move_pp", "merge_pps"]
    if any(len(p.text.split()) >= 12 for p in _blocks(res)):
        edits.append("split_op")
    if any(p.children for p in _blocks(res)):
        edits.append("delete_sub")
    if any(len(n.text.split()) >= 2 for n in res.footnotes):
        edits.append("footnote_word")
    return edits


CASES = [(path.stem, edit) for path in TEXTS for edit in _edits(_load(path.stem))]


@pytest.mark.parametrize(("name", "edit"), CASES, ids=[f"{n}-{e}" for n, e in CASES])
def test_synthetic_edit_is_reported_exactly(name: str, edit: str) -> None:
    old = load(name)
    new = load(name)
    paras = new.operative if _blocks(new) == new.operatives() else new.annexes[0].blocks
    ops = [b for b in paras if isinstance(b, Paragraph)]
    label = "OP" if paras is new.operative else "annex 1 para "
    expected: list[tuple[str, str | None, str | None]]
    if edit == "insert_op":
        paras.insert(paras.index(ops[0]), Paragraph((Text("Welcomes", True),
                                                     Text(" the initiative of the Bureau to hold informal "
                                                          "consultations on this question;"))))
        expected = [("inserted", None, f"{label}1")]
    elif edit == "move_pp":  # PP1 goes before the last PP: the fewer words read as moved
        moved = new.preambular()[0]
        passed = new.preambular()[1:-1]
        new.preamble.remove(moved)
        new.preamble.insert(len(new.preamble) - 1, moved)
        if len(moved.text.split()) <= sum(len(para.text.split()) for para in passed):
            expected = [("moved", "PP1", new.labels()[moved.id])]
        else:  # a long PP1 (A/RES/80/27) stays, and the paragraphs it went past read as moved up
            expected = [("moved", f"PP{number + 2}", f"PP{number + 1}") for number in range(len(passed))]
    elif edit == "merge_pps":
        pps = new.preambular()
        first, second = pps[0], pps[1]
        first.content = (*first.content, Text(" and "), *second.content)
        first.children += second.children
        new.preamble.remove(second)
        expected = [("merged", "PP1 + PP2", "PP1")]
    elif edit == "split_op":
        index, target = next((i, p) for i, p in enumerate(ops) if len(p.text.split()) >= 12)
        words = target.text.split(" ")
        half = len(words) // 2
        target.content = (Text(" ".join(words[:half])),)
        paras.insert(paras.index(target) + 1, Paragraph((Text(" ".join(words[half:])),), target.children))
        target.children = []
        expected = [("split", f"{label}{index + 1}", f"{label}{index + 1} + {label}{index + 2}")]
    elif edit == "delete_sub":
        index, parent = next((i, p) for i, p in enumerate(ops) if p.children)
        removed_label = labels_of(new)[parent.children[0].id]
        del parent.children[0]
        expected = [("deleted", removed_label, None)]
    else:
        number, note = next((i, n) for i, n in enumerate(new.footnotes, 1) if len(n.text.split()) >= 2)
        note.content = (Text("Footnote " + note.text),)
        expected = [("modified", f"footnote {number}", f"footnote {number}")]
    changes = compare(old, new)
    assert listed(changes) == expected
    check_roundtrip(old, new, changes)


# --- the command ----------------------------------------------------------------------------------------
def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="drafter")
    sub = parser.add_subparsers(dest="command")
    command.register(sub)
    args = parser.parse_args(["compare", *argv])
    result: int = args.handler(args)
    return result


def test_command_terminal_json_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = str(CORPUS / "A-RES-75-180.txt"), str(CORPUS / "A-RES-76-159.txt")
    assert _run(old, new, "--no-color") == 0
    out = capsys.readouterr().out
    assert "Base: A/RES/75/180" in out and "PP13: modified" in out
    assert "{+peace,+}" in out
    assert _run(old, new, "--json", "--hide-technical") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["modified"] == 8
    assert {c["kind"] for c in data["changes"]} <= {"modified", "inserted", "renumbered"}
    page = tmp_path / "redline.html"
    assert _run(old, new, "--html", str(page)) == 0
    html = page.read_text(encoding="utf-8")
    assert "<ins>peace, </ins>" in html and "<del" in html and 'href="#c1"' in html


def test_command_ignores_whitespace_unless_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two spaces for one in PP1 (saved as Drafter JSON: the text reader would tidy the spaces away)."""
    res = drafter.load(str(CORPUS / "A-RES-72-169-clean.txt"))
    paths = []
    for name in ("old.json", "new.json"):
        path = tmp_path / name
        path.write_text(json.dumps(to_dict(res)), encoding="utf-8")
        paths.append(str(path))
        first = res.preamble[0]
        assert isinstance(first, Paragraph) and isinstance(first.content[-1], Text)
        last = first.content[-1]
        first.content = (*first.content[:-1], Text(last.text.replace(" ", "  ", 1), last.italic))
    assert _run(*paths, "--json") == 0
    assert json.loads(capsys.readouterr().out)["changes"] == []
    assert _run(*paths, "--json", "--whitespace") == 0
    assert [(c["kind"], c["new"]) for c in json.loads(capsys.readouterr().out)["changes"]] == [("modified", "PP1")]


def test_command_reports_a_bad_file_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(str(tmp_path / "missing.txt"), str(CORPUS / "A-RES-77-7.txt")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err


def test_html_marks_moves_in_black_and_white() -> None:
    old = load("A-RES-75-180")
    new = load("A-RES-75-180")
    new.preamble.insert(5, new.preamble.pop(0))
    html = to_html(compare(old, new))
    assert "moved from PP1" in html and "text-decoration: line-through" in html
