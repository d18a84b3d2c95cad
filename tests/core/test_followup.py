"""The follow-up draft, measured against the next real resolution of each series."""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

import pytest

import drafter
from drafter.compare import compare
from drafter.errors import DrafterError
from drafter.followup import FollowUpError, Update, followup
from drafter.followup_command import explain, register
from drafter.model import FrontMatter, Paragraph, Resolution, Text, iter_paragraphs
from tests.benchmarks.bench_followup import CORPUS, SERIES, by_label, is_right, score
from tests.corpus import load

ENHANCEMENT, CUBA, BIENNIAL = SERIES

# (made, of all real mechanical updates; automatic changes to the text) — every one of them right.
FIGURES = {ENHANCEMENT.base: (3, 5, 3), CUBA.base: (5, 7, 5), BIENNIAL.base: (3, 4, 3)}


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2011", "-").split())


@pytest.mark.parametrize("series", SERIES, ids=lambda s: s.base)
def test_figures(series) -> None:  # type: ignore[no-untyped-def]
    result = score(series)
    made, total, changes = FIGURES[series.base]
    assert len(series.expected) == total
    assert len(result.made) == made
    assert len(result.right) == changes
    assert result.wrong == [], [(u.label, u.after) for u in result.wrong]
    # every update that the base alone can tell is made; the others are the Council's or new documents
    assert all(not e.predictable for e in result.missed)


@pytest.mark.parametrize("series", [ENHANCEMENT, CUBA], ids=lambda s: s.base)
def test_expected_updates_are_real(series) -> None:  # type: ignore[no-untyped-def]
    """The hand-made list of updates: each is in the next real text and not yet in the base."""
    base, real = load(CORPUS / series.base), load(CORPUS / series.next)
    real_text = _norm("\n".join(p.text for p in by_label(real).values()))
    for expected in series.expected:
        assert _norm(expected.after) in real_text, expected
        assert _norm(expected.after) not in _norm(by_label(base)[expected.label].text), expected


def test_enhancement_updates() -> None:
    fu = followup(load(CORPUS / ENHANCEMENT.base), session=76)
    body = [(u.label, u.before, u.after, u.reason) for u in fu.updates if u.rule != "front"]
    assert body == [
        ("PP3", "74/153 of 18 December 2019", "75/180 of 16 December 2020",
         "recall chain: previous resolution replaced by the base"),
        ("OP17", "seventy-sixth", "seventy-seventh", "session moved forward (76 → 77)"),
        ("footnote 3", "Seventy-fifth Session, Supplement No. 53 (A/75/53",
         "Seventy-sixth Session, Supplement No. 53 (A/76/53",
         "Official Records of the base's cycle moved forward (75 → 76)"),
    ]
    assert (fu.base_number, str(fu.base_date), fu.predecessor, fu.cycle) == ("75/180", "2020-12-16", "74/153", 1)
    notes = " ".join(n.message for n in fu.notes)
    assert "Human Rights Council resolution 44/18" in notes
    assert "footnote 3 now cites the Official Records" in notes


def test_cuba_updates() -> None:
    fu = followup(load(CORPUS / CUBA.base), session=77)
    text = dict(fu.resolution.labelled())
    assert text["PP6"].text.endswith("73/8 of 1 November 2018, 74/7 of 7 November 2019 and 75/289 of 23 June 2021,")
    assert "71/5, 72/4, 73/8, 74/7 and 75/289, the economic" in text["PP8"].text
    assert text["OP1"].text.startswith("Takes note of the report of the Secretary-General on the implementation "
                                       "of resolution 75/289;")
    assert "General Assembly at its seventy-eighth session;" in text["OP4"].text
    assert "provisional agenda of its seventy-eighth session" in text["OP5"].text
    assert any("A/75/81" in n.message for n in fu.notes)
    assert fu.resolution.footnotes[0].text == "A/75/81 and A/75/81/Add.1."  # new reports cannot be guessed


def test_biennial() -> None:
    base = load(CORPUS / BIENNIAL.base)
    fu = followup(base, session=74)
    assert (fu.predecessor, fu.cycle) == ("70/153", 2)
    text = dict(fu.resolution.labelled())
    assert "its resolution 72/169 of 19 December 2017, Human Rights Council resolution 32/6" in text["PP3"].text
    assert text["OP17"].text.endswith("at its seventy-fifth session.")
    assert "Seventy-third Session, Supplement No. 53 (A/73/53)" in fu.resolution.footnotes[2].text
    # OP15 devotes a meeting of the seventy-third session to an anniversary: a one-time event, left alone
    assert text["OP15"].text == dict(base.labelled())["OP15"].text
    assert any(n.label == "OP15" and "one-time event" in n.message for n in fu.notes)
    # PP2 recalls 70/1 (the 2030 Agenda, cited with its own title): not the series
    assert "70/1 of 25 September 2015" in text["PP2"].text


def test_next_session() -> None:
    fu = followup(load(CORPUS / ENHANCEMENT.base), session=76, next_session=78)
    assert dict(fu.resolution.labelled())["OP17"].text.endswith("at its seventy-eighth session.")


def test_front_matter_becomes_a_draft() -> None:
    base = load(CORPUS / ENHANCEMENT.base)
    fu = followup(base, session=76, sponsors="Cuba, Nicaragua and Venezuela (Bolivarian Republic of)")
    front = fu.resolution.front
    assert (front.symbol, front.organ, front.distribution, front.session) == (
        "A/C.3/76/L.__", "Third Committee", "Limited", "Seventy-sixth session")
    assert (front.doc_type, front.number, front.adoption, front.report) == ("draft resolution", "", "", "")
    assert front.sponsors.startswith("Cuba")
    assert front.title == base.front.title
    assert fu.resolution.closing == []
    assert followup(base, session=76, committee="plenary").resolution.front.symbol == "A/76/L.__"
    cuba = followup(load(CORPUS / CUBA.base), session=77).resolution.front
    assert cuba.symbol == "A/77/L.__"
    with pytest.raises(FollowUpError):
        followup(base, session=76, committee="Seventh Committee")


def test_same_ids_and_base_untouched() -> None:
    base = load(CORPUS / CUBA.base)
    before = copy.deepcopy(base)
    fu = followup(base, session=77)
    assert [p.id for p in iter_paragraphs(base.preamble + base.operative)] == \
        [p.id for p in iter_paragraphs(fu.resolution.preamble + fu.resolution.operative)]
    assert [n.id for n in base.footnotes] == [n.id for n in fu.resolution.footnotes]
    assert base == before


def test_comparer_sees_exactly_the_updates() -> None:
    base = load(CORPUS / ENHANCEMENT.base)
    fu = followup(base, session=76)
    changes = compare(base, fu.resolution)
    changed = {change.new_id for change in changes.changes if change.part != "front" and change.new_id}
    assert changed == {u.target for u in fu.updates if u.rule != "front"}
    assert all(change.kind == "technical" for change in changes.changes if change.new_id in changed)


def test_reject_one_update() -> None:
    base = load(CORPUS / CUBA.base)
    fu = followup(base, session=77)
    update = next(u for u in fu.updates if u.label == "PP8")
    fu.reject(update)
    assert dict(fu.resolution.labelled())["PP8"].text == dict(base.labelled())["PP8"].text
    assert update not in fu.updates
    assert "75/289" in dict(fu.resolution.labelled())["PP6"].text  # the others stay
    symbol = next(u for u in fu.updates if u.label == "symbol")
    fu.reject(symbol)
    assert fu.resolution.front.symbol == "A/RES/75/289"


def test_scorer_catches_a_wrong_change() -> None:
    base = load(CORPUS / ENHANCEMENT.base)
    real = load(CORPUS / ENHANCEMENT.next)
    fu = followup(base, session=76)
    op17 = dict(fu.resolution.labelled())["OP17"]
    op17.content = (Text("Decides", True), Text(" to continue its consideration of the question at its "
                                                "seventy-ninth session."))
    start = op17.text.index("seventy-ninth")
    assert not is_right(Update(op17.id, "OP17", "seventy-sixth", "seventy-ninth", "", "session", start),
                        fu.resolution, real)
    pp3 = dict(fu.resolution.labelled())["PP3"]
    start = pp3.text.index("75/180")
    assert is_right(Update(pp3.id, "PP3", "", "75/180 of 16 December 2020", "", "recall", start), fu.resolution, real)


def test_session_must_move_forward() -> None:
    with pytest.raises(FollowUpError):
        followup(load(CORPUS / ENHANCEMENT.base), session=75)


def _synthetic(lang: str, pps: list[str], ops: list[str], adoption: str) -> Resolution:
    def para(text: str) -> Paragraph:
        head, _, rest = text.partition(" ")
        return Paragraph((Text(head, True), Text(" " + rest)))

    return Resolution(front=FrontMatter(symbol="A/RES/75/180", number="75/180", title="Titre",
                                        adoption=adoption, report="[report of the Third Committee]"),
                      preamble=[para(t) for t in pps], operative=[para(t) for t in ops], language=lang)


def test_french() -> None:
    res = _synthetic("fr", ["Rappelant sa résolution 74/153 du 18 décembre 2019,",
                            "Rappelant également ses résolutions 72/1 du 1er novembre 2017 et 71/2 du "
                            "2 décembre 2016,"],
                     ["Décide de poursuivre l’examen de la question à sa soixante-seizième session."],
                     "Résolution adoptée par l’Assemblée générale le 16 décembre 2020")
    fu = followup(res, session=76)
    text = [p.text for _, p in fu.resolution.labelled()]
    assert text[0] == "Rappelant sa résolution 75/180 du 16 décembre 2020,"
    assert text[1] == "Rappelant également ses résolutions 72/1 du 1er novembre 2017 et 71/2 du 2 décembre 2016,"
    assert text[2].endswith("à sa soixante-dix-septième session.")
    assert fu.resolution.front.session == "Soixante-seizième session"


def test_spanish() -> None:
    res = _synthetic("es", ["Recordando sus resoluciones 73/8, de 1 de noviembre de 2018, y 74/7, de 7 de noviembre "
                            "de 2019,"],
                     ["Decide incluir en el programa provisional de su septuagésimo sexto período de sesiones el "
                      "tema.", ],
                     "Resolución aprobada por la Asamblea General el 23 de junio de 2021")
    fu = followup(res, session=77)
    text = [p.text for _, p in fu.resolution.labelled()]
    assert text[0] == ("Recordando sus resoluciones 73/8, de 1 de noviembre de 2018, 74/7, de 7 de noviembre de "
                       "2019, y 75/180, de 23 de junio de 2021,")
    assert "su septuagésimo octavo período de sesiones" in text[1]


def test_a_list_that_is_not_a_chain_is_not_extended() -> None:
    res = _synthetic("en", ["Recalling its resolutions 70/1 of 25 September 2015 and 74/153 of 18 December 2019,"],
                     ["Decides to continue its consideration of the question at its seventy-sixth session."],
                     "Resolution adopted by the General Assembly on 16 December 2020")
    fu = followup(res, session=76)
    assert fu.resolution.preambular()[0].text == ("Recalling its resolutions 70/1 of 25 September 2015 and "
                                                  "75/180 of 16 December 2020,")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("A-RES-*.txt")), ids=lambda p: p.name)
def test_every_corpus_text_follows_up(path: Path) -> None:
    """No crash, no change outside the rules, and a text whose only automatic changes are explained."""
    base = load(path)
    number = base.front.number or "80/1"
    fu = followup(base, session=int(number.split("/")[0]) + 1)
    for update in fu.updates:
        assert update.reason and update.rule in {"front", "recall", "report", "session", "records"}
        assert update.before != update.after


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.handler(args))


def test_command_json_and_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "draft.json"
    assert _run(["followup", str(CORPUS / CUBA.base), "--session", "77", "--sponsors", "Cuba", "-o", str(out),
                 "--explain"]) == 0
    printed = capsys.readouterr().out
    assert "recall chain: base added to the list" in printed and "check: footnote 1" in printed
    draft = drafter.load(str(out))
    assert draft.front.symbol == "A/77/L.__" and "75/289" in dict(draft.labelled())["OP1"].text
    assert json.loads(out.read_text(encoding="utf-8"))["front"]["sponsors"] == "Cuba"
    docx = tmp_path / "draft.docx"
    assert _run(["followup", str(CORPUS / CUBA.base), "--session", "77", "-o", str(docx)]) == 0
    assert docx.stat().st_size > 0
    native = tmp_path / "draft.drafter"
    assert _run(["followup", str(CORPUS / CUBA.base), "--session", "77", "-o", str(native)]) == 0
    from drafter import draftfile

    doc = draftfile.read(native)
    assert doc.base.front.symbol == "A/RES/75/289" and doc.draft.front.symbol == "A/77/L.__"
    assert doc.meta.extra["followup"]["updates"][-1]["reason"].startswith("session moved forward")
    with pytest.raises(DrafterError):
        _run(["followup", str(CORPUS / CUBA.base), "--session", "77", "--date", "3 Nov", "-o", str(out)])


def test_explain_names_every_update() -> None:
    fu = followup(load(CORPUS / ENHANCEMENT.base), session=76)
    text = explain(fu)
    assert "previous in the series: 74/153 (every 1 session)" in text
    assert text.count("\n") == 1 + len(fu.updates) + len(fu.notes)
