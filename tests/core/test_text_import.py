"""Hand-checked facts of real resolutions read from text: counts, labels and paragraph texts.

Each expected value was read off the source text in tests/data/corpus.
"""

from __future__ import annotations

from functools import cache

import pytest

import drafter
from drafter.model import CrossHeading, NoteRef, Paragraph, Resolution
from tests.corpus import CORPUS


@cache
def load(name: str) -> Resolution:
    return drafter.load(str(CORPUS / name))


def para(res: Resolution, label: str) -> Paragraph:
    return dict(res.labelled())[label]


def headings(res: Resolution) -> list[str]:
    return [b.text for b in res.preamble + res.operative if isinstance(b, CrossHeading)]


def subs(res: Resolution) -> int:
    return sum(1 for label, _ in res.labelled() if "(" in label)


def lead(p: Paragraph) -> str:
    first = p.content[0]
    assert not isinstance(first, NoteRef) and first.italic, f"no italic lead words in {p.text[:40]!r}"
    return first.text


# name, preambular, operative, sub-paragraphs, footnotes
COUNTS = [
    ("A-RES-72-169-clean.txt", 14, 17, 0, 6),
    ("A-RES-75-180.txt", 15, 17, 0, 5),
    ("A-RES-76-159.txt", 15, 17, 0, 6),
    ("A-RES-75-289.txt", 8, 5, 0, 1),
    ("A-RES-77-7.txt", 8, 5, 0, 1),
    ("A-RES-80-1.txt", 5, 3, 3, 1),
    ("A-RES-80-5.txt", 0, 1, 0, 15),
    ("A-RES-80-11.txt", 16, 30, 15, 4),
    ("A-RES-80-12.txt", 14, 10, 11, 5),
    ("A-RES-80-24.txt", 35, 23, 0, 20),
    ("A-RES-80-54.txt", 1, 15, 0, 4),
    ("S-2018-257.txt", 19, 29, 0, 0),
    ("S-2018-693.txt", 36, 57, 24, 0),
    ("S-2020-445.txt", 17, 39, 22, 0),
    ("S-2022-158.txt", 34, 24, 0, 0),
]


@pytest.mark.parametrize(("name", "pps", "ops", "sub", "notes"), COUNTS, ids=[c[0] for c in COUNTS])
def test_counts(name: str, pps: int, ops: int, sub: int, notes: int) -> None:
    res = load(name)
    assert (len(res.preambular()), len(res.operatives()), subs(res), len(res.footnotes)) == (pps, ops, sub, notes)


def test_sample_72_169_clean_text() -> None:
    res = load("A-RES-72-169-clean.txt")
    front = res.front
    assert (front.organ, front.symbol, front.number) == ("General Assembly", "A/RES/72/169", "72/169")
    assert front.title == "Enhancement of international cooperation in the field of human rights"
    assert (front.date, front.session) == ("23 January 2018", "Seventy-second session")
    assert front.agenda_items[0].number == "72 (b)"
    assert front.adoption == "Resolution adopted by the General Assembly on 19 December 2017"
    assert front.report == "[on the report of the Third Committee (A/72/439/Add.2)]"
    assert res.formula == "The General Assembly,"
    assert res.closing == ["73rd plenary meeting", "19 December 2017"]
    assert res.warnings == []
    # note 1 is cited in PP1 and again in OP15
    note1 = res.footnotes[0].id
    citing = [label for label, p in res.labelled() if NoteRef(note1) in p.content]
    assert citing == ["PP1", "OP15"]
    assert res.footnotes[0].text == "A/CONF.157/24 (Part I), chap. III."
    assert any(getattr(c, "italic", False) and c.text == "Official Records of the General Assembly, Seventy-first "
               "Session, Supplement No. 53 (A/71/53)" for c in res.footnotes[2].content)
    # PP4 and OP15 are whole, though a page break and a footnote block fell inside them
    assert "commemorate the tenth anniversary of the adoption of the Durban Declaration and Programme of Action," \
        in para(res, "PP4").text
    assert para(res, "PP4").text.endswith("in the field of human rights,")
    assert "seventieth anniversary of the Universal Declaration of Human Rights and of the twenty-fifth" \
        in para(res, "OP15").text
    assert [lead(para(res, label)) for label in ("PP3", "PP4", "OP4", "OP11", "OP12")] == [
        "Recalling also", "Recalling further", "Also reaffirms", "Further emphasizes", "Calls upon"]
    assert para(res, "OP17").text == (
        "Decides to continue its consideration of the question at its seventy-third session.")


def test_pdf_text_75_180_joins_pages_and_finds_glued_markers() -> None:
    res = load("A-RES-75-180.txt")
    assert res.front.report == "[on the report of the Third Committee (A/75/478/Add.2, para. 89)]"
    assert res.front.agenda_items[0].title.startswith("Promotion and protection of human rights: human rights")
    pp3 = para(res, "PP3")
    # "… 17 July 20203 and": the 3 is footnote 3 glued to the year
    assert "Human Rights Council resolution 44/18 of 17 July 2020 and the resolutions" in pp3.text
    assert pp3.content.count(NoteRef(res.footnotes[2].id)) == 1
    pp4 = para(res, "PP4")
    assert "held in Geneva from 20 to 24 April 2009, and the political declaration" in pp4.text
    assert "Enhancement of international cooperation" not in res.footnotes[-1].text
    assert para(res, "OP3").text.startswith("Reaffirms that dialogue among cultures")
    assert para(res, "OP14").text.endswith("understanding and dialogue in ensuring the promotion and protection of all "
                                           "human rights;")
    assert res.closing == ["46th plenary meeting", "16 December 2020"]


def test_cuba_75_289() -> None:
    res = load("A-RES-75-289.txt")
    assert res.front.title.startswith("Necessity of ending the economic, commercial and financial embargo")
    assert lead(para(res, "OP3")) == "Once again urges"
    assert para(res, "OP5").text.startswith("Decides to include in the provisional agenda of its seventy-sixth session")


def test_single_unnumbered_operative_paragraph_and_annex_80_5() -> None:
    res = load("A-RES-80-5.txt")
    assert res.formula == "The General Assembly"
    assert para(res, "OP1").text.startswith("Adopts the Doha Political Declaration")
    assert res.closing == ["28th plenary meeting", "4 November 2025"]
    assert len(res.annexes) == 1
    annex = res.annexes[0]
    assert annex.heading[0] == "Annex"
    first = annex.blocks[0]
    assert first.text.startswith("We, Heads of State and Government and high representatives, have gathered in Doha")
    assert [n.text for n in res.footnotes[:2]] == [
        "Report of the World Summit for Social Development, Copenhagen, 6–12 March 1995 (United Nations publication, "
        "Sales No. E.96.IV.8), chap. I, resolution 1, annexes I and II.",
        "Resolution 70/1.",
    ]


def test_cross_headings_and_lost_labels_80_11() -> None:
    res = load("A-RES-80-11.txt")
    assert res.front.symbol == "A/RES/80/11"
    assert headings(res) == ["Peacebuilding Commission", "Peacebuilding financing",
                             "Department of Political and Peacebuilding Affairs/Peacebuilding Support Office"]
    assert para(res, "OP1(b)(ii)").text.startswith("Inviting international financial institutions")
    assert para(res, "OP1(e)").text.startswith("Requesting the Peacebuilding Commission to continue serving")
    assert para(res, "OP1(i)").text.startswith("Requesting the Department of Global Communications")
    # a PP cut in two by a page break in the source text is whole again
    assert "and further acknowledging the inputs from the group of independent eminent persons" \
        in para(res, "PP15").text
    assert any("labels missing" in w for w in res.warnings)


def test_sub_paragraphs_80_1_and_80_12() -> None:
    res = load("A-RES-80-1.txt")
    assert para(res, "OP1(b)").text.startswith("The State of Palestine may deliver statements")
    res = load("A-RES-80-12.txt")
    assert len(para(res, "OP7").children) == 9
    assert para(res, "OP7(i)").text.startswith("To provide, upon request, technical assistance")
    assert para(res, "OP8(b)").text.startswith("To continue to provide the Secretary-General")


def test_security_council_draft_257() -> None:
    res = load("S-2018-257.txt")
    front = res.front
    assert (front.organ, front.symbol, front.doc_type) == ("Security Council", "S/2018/257", "draft resolution")
    assert front.sponsors == "United Kingdom of Great Britain and Northern Ireland"
    assert (front.date, front.original, front.distribution) == ("27 March 2018", "English", "General")
    assert res.formula == "The Security Council,"
    assert para(res, "PP1").text == "Recalling its previous resolutions and statements of its President on the " \
        "situation in Somalia,"
    # "29." stands alone at a page foot, its text on the next page
    assert para(res, "OP29").text == "Decides to remain actively seized of the matter."
    assert res.closing == []


def test_long_lists_693() -> None:
    res = load("S-2018-693.txt")
    assert headings(res) == [
        "Current situation", "Humanitarian situation and displacement and development issues", "Political situation",
        "Political Situation", "Security", "Humanitarian situation and displacement", "Operational Challenges",
        "Exit strategy", "Reporting"]
    op11 = para(res, "OP11")
    assert op11.list_style == "roman" and len(op11.children) == 3
    assert len(para(res, "OP56").children) == 10
    assert para(res, "OP56(viii)").text.startswith("developments regarding UNAMID’s support")


def test_somalia_2020_and_annex_2022() -> None:
    res = load("S-2020-445.txt")
    assert headings(res) == ["AMISOM Priorities and tasks", "Logistical and Financial Support", "Somalia",
                             "Reporting"]
    assert [p.text.split()[0] for p in para(res, "OP12").children] == [
        "Maintain", "Reconfigure", "Mentor,", "Contribute", "Assist,", "Conduct", "Protect,", "Receive", "Support"]
    res = load("S-2022-158.txt")
    assert len(res.annexes) == 1
    assert res.annexes[0].heading[0] == "Annex"


def test_a_document_that_is_not_a_resolution_keeps_its_paragraphs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = (CORPUS / "README.md").read_text(encoding="utf-8")
    path = tmp_path / "notes.txt"
    path.write_text(source, encoding="utf-8")
    res = drafter.load(str(path))
    assert res.operatives() == []
    assert any("no enacting formula" in w for w in res.warnings)
    from tests.corpus import word_difference

    lost, added = word_difference(source, res)
    assert all(word.isdigit() for word in lost), lost  # superscript markers (¹ ²) become references
    assert not added
