"""Text copied from UN PDFs: the front matter of drafts (L. documents), paragraphs that end at a page foot,
and footnote markers found in order even where one is lost.

The drafts in tests/data/drafts are built from corpus texts in the layout of the PDFs' text layer (see its
README); the long texts are A/RES/80/5 as its PDF gives it and A/RES/80/24 laid out in pages. Each expected
value was read off the source text.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest

import drafter
import drafter.cli
from drafter.importers.blocks import RawBlock, RawDoc
from drafter.importers.structure import build
from drafter.importers.text import parse_text
from drafter.leadwords import opens_with_lead
from drafter.model import NoteRef, Paragraph, Resolution, Text
from tests.corpus import CORPUS, DATA

DRAFTS = DATA / "drafts"
CUBA = "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America " \
       "against Cuba"
FIRST_SPONSORS = (
    "Algeria, Angola, Azerbaijan, Bangladesh, Belarus, Bolivia (Plurinational State of), Burundi, Cambodia, China, "
    "Cuba, Democratic People’s Republic of Korea, Egypt, Eritrea, Indonesia, Iran (Islamic Republic of), "
    "Kazakhstan, Lao People’s Democratic Republic, Myanmar, Nicaragua, Pakistan, Russian Federation, Sri Lanka, "
    "Syrian Arab Republic, Venezuela (Bolivarian Republic of), Viet Nam and Zimbabwe")
HUMAN_RIGHTS_ITEM = ("Promotion and protection of human rights: human rights questions, including alternative "
                     "approaches for improving the effective enjoyment of human rights and fundamental freedoms")

# file: (organ, symbol, date, session, agenda number, agenda title, sponsors, title, extra), (PPs, OPs, notes)
DRAFT_FACTS = {
    "A-80-L.6.txt": (
        ("General Assembly", "A/80/L.6", "22 October 2025", "Eightieth session", "38", CUBA, "Cuba", CUBA, []),
        (8, 5, 1)),
    "A-C.1-80-L.3.txt": (
        ("First Committee", "A/C.1/80/L.3", "9 October 2025", "Eightieth session", "97 (a)",
         "Prevention of an arms race in outer space: prevention of an arms race in outer space", FIRST_SPONSORS,
         "Prevention of an arms race in outer space", ["General Assembly"]),
        (24, 9, 6)),
    "A-C.2-80-L.27.txt": (
        ("Second Committee", "A/C.2/80/L.27", "4 November 2025", "Eightieth session", "13",
         "Integrated and coordinated implementation of and follow-up to the outcomes of the major United Nations "
         "conferences and summits in the economic, social and related fields",
         "Bolivia (Plurinational State of), Ecuador, Guatemala, Mexico, Paraguay, Peru and Venezuela (Bolivarian "
         "Republic of)", "International Day of the World’s Indigenous Women and Girls", ["General Assembly"]),
        (11, 3, 13)),
    "A-C.3-76-L.31.txt": (
        ("Third Committee", "A/C.3/76/L.31", "29 October 2021", "Seventy-sixth session", "74 (b)", HUMAN_RIGHTS_ITEM,
         "Azerbaijan, Belarus, China, Cuba, Nicaragua, Venezuela (Bolivarian Republic of) and Zimbabwe",
         "Enhancement of international cooperation in the field of human rights", ["General Assembly"]),
        (15, 17, 6)),
}


def draft(name: str) -> str:
    return (DRAFTS / name).read_text(encoding="utf-8")


def read(text: str) -> Resolution:
    return build(parse_text(text))


def copied(text: str) -> str:
    """The text as a PDF viewer copies it: the lines without the blank lines between blocks."""
    return "\n".join(line for line in text.split("\n") if line.strip())


def one_line_masthead(text: str) -> str:
    """The masthead run together on one line, as a reader that joins a page's lines gives it."""
    head, body = text.split("\n---\n", 1)[1].split("The General Assembly,", 1)
    return " ".join(head.split()) + "\n\nThe General Assembly," + body


def front_facts(res: Resolution) -> tuple[object, ...]:
    front = res.front
    assert len(front.agenda_items) == 1
    item = front.agenda_items[0]
    assert (front.distribution, front.original, front.doc_type, front.number) == (
        "Limited", "English", "draft resolution", "")
    return (front.organ, front.symbol, front.date, front.session, item.number, item.title, front.sponsors,
            front.title, front.extra)


def counts(res: Resolution) -> tuple[int, int, int]:
    return len(res.preambular()), len(res.operatives()), len(res.footnotes)


def with_markers(para: Paragraph, res: Resolution) -> str:
    """The paragraph's text with each footnote reference as [n]."""
    number = {note.id: index for index, note in enumerate(res.footnotes, 1)}
    return "".join(item.text if isinstance(item, Text) else f"[{number[item.note]}]" for item in para.content)


def referenced(res: Resolution) -> list[tuple[int, str]]:
    """Each footnote reference in reading order: the note's number and the ten words before it."""
    number = {note.id: index for index, note in enumerate(res.footnotes, 1)}
    out = []
    for block in res.blocks():
        text = ""
        for item in block.content:
            if isinstance(item, NoteRef):
                out.append((number[item.note], " ".join(text.split()[-10:])))
            else:
                text += item.text
    return out


# --- 1. the front matter of L. documents -------------------------------------------------------
@pytest.mark.parametrize("layout", ["issued", "copied"])
@pytest.mark.parametrize("name", list(DRAFT_FACTS))
def test_each_field_of_a_draft_comes_out_alone(name: str, layout: str) -> None:
    text = draft(name) if layout == "issued" else copied(draft(name))
    res = read(text)
    facts, numbers = DRAFT_FACTS[name]
    assert front_facts(res) == facts
    assert counts(res) == numbers
    assert res.warnings == []


@pytest.mark.parametrize("name", list(DRAFT_FACTS))
def test_a_masthead_run_together_on_one_line_still_splits(name: str) -> None:
    res = read(one_line_masthead(draft(name)))
    facts, numbers = DRAFT_FACTS[name]
    assert front_facts(res)[:-1] == facts[:-1]
    job = re.search(r"\d\d-\d{5} \(E\)", draft(name))
    assert job and any(job.group() in line for line in res.front.extra)  # the job number is kept, not lost
    assert counts(res) == numbers


@pytest.mark.parametrize(("name", "issued", "placeholder", "organ"), [
    ("A-C.3-76-L.31.txt", "A/C.3/76/L.31", "A/C.3/76/L.__", "Third Committee"),
    ("A-80-L.6.txt", "A/80/L.6", "A/80/L.xx", "General Assembly"),
    ("A-C.1-80-L.3.txt", "A/C.1/80/L.3", "A/C.1/80/L.x", "First Committee"),
])
def test_a_placeholder_symbol_is_the_symbol(name: str, issued: str, placeholder: str, organ: str) -> None:
    text = draft(name).replace(issued, placeholder)
    res = read(text)
    assert (res.front.symbol, res.front.organ) == (placeholder, organ)
    assert counts(res) == DRAFT_FACTS[name][1]
    # the running heads that carry the placeholder are page furniture, not text
    assert not [b.text for b in res.blocks() if placeholder in b.text]
    assert res.warnings == []


def _typed_lines(name: str) -> list[str]:
    """The draft as a delegate types it in Word: one paragraph a field, then the body's paragraphs."""
    res = read(draft(name))
    front = res.front
    lines = [front.symbol, "General Assembly", f"Distr.: {front.distribution}", front.date,
             f"Original: {front.original}", front.session, front.organ,
             f"Agenda item {front.agenda_items[0].number}", front.agenda_items[0].title,
             f"{front.sponsors}: draft resolution", front.title, "The General Assembly,"]
    lines += [p.text for p in res.preambular()]
    lines += [f"{index}. {p.text}" for index, p in enumerate(res.operatives(), 1)]
    return lines


def test_the_front_matter_of_a_draft_typed_in_word(tmp_path: Path) -> None:
    """The same fields from Word files of two writers: python-docx, and LibreOffice from plain text."""
    lines = _typed_lines("A-C.1-80-L.3.txt")
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    by_python_docx = tmp_path / "python-docx.docx"
    document.save(str(by_python_docx))
    typed = tmp_path / "libreoffice.txt"
    typed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path),
                    str(typed)], check=True, capture_output=True, timeout=180)
    facts, _ = DRAFT_FACTS["A-C.1-80-L.3.txt"]
    for path in (by_python_docx, tmp_path / "libreoffice.docx"):
        res = drafter.load(str(path))
        assert (res.front.organ, res.front.symbol, res.front.sponsors, res.front.title) == (
            facts[0], facts[1], facts[6], facts[7]), path.name
        assert [(i.number, i.title) for i in res.front.agenda_items] == [(facts[4], facts[5])], path.name
        assert (len(res.preambular()), len(res.operatives())) == (24, 9), path.name


def test_the_front_matter_of_a_draft_read_back_from_word_and_from_pdf(tmp_path: Path) -> None:
    """A/C.1/80/L.3 exported to Word by Drafter and printed to PDF by LibreOffice: the PDF reader's lines
    give the same fields."""
    source = read(draft("A-C.1-80-L.3.txt"))
    word = tmp_path / "L3.docx"
    assert drafter.cli.main(["export", str(DRAFTS / "A-C.1-80-L.3.txt"), "-o", str(word)]) == 0
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(word)],
                   check=True, capture_output=True, timeout=180)
    for path in (word, tmp_path / "L3.pdf"):
        res = drafter.load(str(path))
        assert front_facts(res) == front_facts(source), path.name
        assert counts(res) == DRAFT_FACTS["A-C.1-80-L.3.txt"][1], path.name


# --- 2. a paragraph that ends at a page foot ---------------------------------------------------
@pytest.mark.parametrize("layout", ["issued", "copied"])
def test_a_paragraph_ending_with_its_marker_at_a_page_foot_stays_whole(layout: str) -> None:
    """A/C.1/80/L.3 page 3 ends "…an arms race in outer space,4", then note 4, the running head of page 4,
    and "Noting with satisfaction the constructive …"."""
    text = draft("A-C.1-80-L.3.txt")
    assert re.search(r"in outer space,4 \n_{10,} \n \n4 Ibid\., .*\n\nA/C\.1/80/L\.3 \n \n25-16185\n4/5 \n \n"
                     r"Noting with satisfaction", text)
    res = read(text if layout == "issued" else copied(text))
    texts = [with_markers(p, res) for p in res.preambular()]
    index = texts.index("Welcoming the adoption by consensus in 2023 by the Disarmament Commission of the "
                        "recommendations to promote the practical implementation of transparency and confidence-"
                        "building measures in outer space activities with the goal of preventing an arms race in "
                        "outer space,[4]")
    assert texts[index + 1] == ("Noting with satisfaction the constructive, structured and focused debate on the "
                                "prevention of an arms race in outer space at the Conference on Disarmament each "
                                "year from 2009 to 2021,")
    assert res.footnotes[3].text == "Ibid., Seventy-eighth Session, Supplement No. 42 (A/78/42), annex."
    assert len(texts) == 24


@pytest.mark.parametrize(("laid_out", "reflowed"), [
    ("A-C.1-80-L.3.txt", "A-RES-80-19.txt"),
    ("A-RES-80-24-laid-out.txt", "A-RES-80-24.txt"),
])
def test_laid_out_in_pages_the_paragraphs_and_markers_are_those_of_the_reflowed_text(laid_out: str,
                                                                                    reflowed: str) -> None:
    """Pages break inside paragraphs and between them; each paragraph comes out whole and alone."""
    paged, flowing = read(draft(laid_out)), drafter.load(str(CORPUS / reflowed))

    def reflowed_text(para: Paragraph) -> str:
        """The reflowing left a space where a line ended with a hyphen: "Nuclear- Test-Ban", "high- level"."""
        return re.sub(r"(?<=\w)- (?!(?:and|or|to)\b)(?=\w)", "-", with_markers(para, flowing))

    assert [with_markers(p, paged) for p in paged.preambular()] == [reflowed_text(p) for p in flowing.preambular()]
    assert [with_markers(p, paged) for p in paged.operatives()] == [reflowed_text(p) for p in flowing.operatives()]
    assert [n.text for n in paged.footnotes] == [n.text for n in flowing.footnotes]
    assert paged.warnings == []


def test_a_page_that_opens_with_a_lead_phrase_opens_a_paragraph_80_10() -> None:
    """A/RES/80/10 as its PDF gives it: page 1 ends "…on Population and Development,10", page 2 opens
    "Reaffirming the 2030 Agenda for Sustainable Development 11  and that …"."""
    res = drafter.load(str(CORPUS / "A-RES-80-10.txt"))
    texts = [with_markers(p, res) for p in res.preambular()]
    assert len(texts) == 11
    assert texts[2].endswith("the Programme of Action of the International Conference on Population and "
                             "Development,[10]")
    assert texts[3] == ("Reaffirming the 2030 Agenda for Sustainable Development[11] and that the empowerment of "
                        "all women and girls will make a crucial contribution to progress across all the "
                        "Sustainable Development Goals and targets,")


def _page_break(before: str, after: str) -> Resolution:
    """Two halves as a reader hands them over at a page break, the marker still glued to the text."""
    raw = RawDoc(blocks=[RawBlock([Text("The General Assembly,")]), RawBlock([Text(before)]),
                         RawBlock([Text(after)]), RawBlock([Text("Decides to remain seized of the matter.")], "1.")])
    return build(raw)


def test_the_builder_joins_only_what_a_page_break_cut() -> None:
    """Sentences of A/RES/80/19 and A/RES/80/5 cut at a page break the way a reader may pass them on."""
    welcoming = ("Welcoming the adoption by consensus in 2023 by the Disarmament Commission of the recommendations "
                 "to promote the practical implementation of transparency and confidence-building measures in outer "
                 "space activities with the goal of preventing an arms race in outer space,4")
    noting = ("Noting with satisfaction the constructive, structured and focused debate on the prevention of an arms "
              "race in outer space at the Conference on Disarmament each year from 2009 to 2021,")
    assert [p.text for p in _page_break(welcoming, noting).preambular()] == [welcoming, noting]
    # a page that opens with a lead phrase opens a paragraph even where the page ended without punctuation
    cut = "Recognizing that the prevention of an arms race in outer space would avert a grave danger for peace"
    assert len(_page_break(cut, noting).preambular()) == 2
    # "Financing for Development" opening a page is no lead phrase: the sentence goes on
    addis = "We reaffirm the Addis Ababa Action Agenda of the Third International Conference on"
    joined = _page_break(addis, "Financing for Development as an integral part of the 2030 Agenda,")
    assert [p.text for p in joined.preambular()] == [
        f"{addis} Financing for Development as an integral part of the 2030 Agenda,"]


# --- 3. one lost marker costs only its own note ------------------------------------------------
def _doha(old: str, new: str) -> Resolution:
    text = (CORPUS / "A-RES-80-5.txt").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return read(text.replace(old, new))


def test_the_markers_of_a_long_resolution_in_its_pdf_layout_80_5() -> None:
    res = drafter.load(str(CORPUS / "A-RES-80-5.txt"))
    found = referenced(res)
    assert [number for number, _ in found[:15]] == list(range(1, 16))
    assert found[11] == (12, "of Action for Landlocked Developing Countries for the Decade 2024–2034")
    assert res.warnings == []
    # numbers that are numbers: "0.7 per cent", "between 0.15 and 0.2 per cent"
    assert any("the targets of 0.7 per cent of gross national income" in b.text and "between 0.15 and 0.2 per "
               "cent" in b.text and not any(isinstance(i, NoteRef) for i in b.content) for b in res.blocks())


@pytest.mark.parametrize("spaced", ["2034 12 and", "2034 and the Sustainable Development Goals 12 and"])
def test_a_marker_set_apart_between_spaces_is_found(spaced: str) -> None:
    """The marker of note 12, glued to its year in the PDF ("203412 and"), set apart between spaces, also
    after a word that most often takes a number ("Goals 12"): the note at the foot of page 5 vouches for it."""
    res = _doha("203412 and", spaced)
    found = referenced(res)
    assert [number for number, _ in found[:15]] == list(range(1, 16))
    assert found[11][1].endswith(spaced[:-len(" 12 and")])
    assert res.warnings == []


def test_a_lost_marker_is_named_alone_with_its_page_80_5() -> None:
    whole = referenced(drafter.load(str(CORPUS / "A-RES-80-5.txt")))
    res = _doha("203412 and", "2034 and")
    assert referenced(res) == [entry for entry in whole if entry[0] != 12]
    assert res.warnings == [
        "footnote 12 is never referenced in the text: no marker 12 was found on pages 4 and 5 (the note is "
        "printed on page 5); it would follow note 11's marker, in “Doha Programme of Action for the…”"]


def test_a_lost_marker_is_named_alone_with_its_page_80_24() -> None:
    """A/RES/80/24 laid out in ten pages with its 20 notes; note 12's marker stands apart ("procedure, 12 and")."""
    text = draft("A-RES-80-24-laid-out.txt")
    whole = read(text)
    assert [number for number, _ in referenced(whole)] == list(range(1, 21))
    assert referenced(whole)[11] == (12, "four core issues, in accordance with the rules of procedure,")
    assert text.count("procedure, 12 and") == 1
    res = read(text.replace("procedure, 12 and", "procedure, and"))
    assert referenced(res) == [entry for entry in referenced(whole) if entry[0] != 12]
    assert (len(res.preambular()), len(res.operatives())) == (35, 23)
    assert res.warnings == [
        "footnote 12 is never referenced in the text: no marker 12 was found on pages 4 and 5 (the note is "
        "printed on page 5); it would follow note 11's marker, in “Reaffirming the proposals submitted by the…”"]


def test_a_lost_marker_without_pages_is_named_with_its_paragraph_80_19() -> None:
    """A/RES/80/19 reflowed, its notes at the end: where the marker of note 4 is lost, notes 5 and 6 are still
    found and the warning names note 4 and the paragraph of the marker before it."""
    text = (CORPUS / "A-RES-80-19.txt").read_text(encoding="utf-8")
    whole = referenced(read(text))
    assert text.count("outer space,4") == 1
    res = read(text.replace("outer space,4", "outer space,"))
    assert referenced(res) == [entry for entry in whole if entry[0] != 4]
    assert res.warnings == ["footnote 4 is never referenced in the text: no marker 4 was found; it would follow "
                            "note 3's marker, in “Noting also that there were no…”"]


def test_decimals_and_front_matter_numbers_are_not_markers() -> None:
    """"target 16.4" of A/RES/80/38 and 80/46 is a target, not note 4; "General 1 December 2025" in the
    masthead of A/RES/80/11 is a date, not note 1."""
    for name, phrase in [("A-RES-80-38.txt", "target 16.4 of the 2030 Agenda"),
                         ("A-RES-80-46.txt", "target 16.4, which aims")]:
        res = drafter.load(str(CORPUS / name))
        assert any(phrase in b.text for b in res.blocks()), name
    front = drafter.load(str(CORPUS / "A-RES-80-11.txt")).front
    assert (front.date, front.extra) == ("1 December 2025", [])


@pytest.mark.parametrize(("opening", "lead"), [
    ("Noting with satisfaction the constructive, structured and focused debate", True),
    ("Reaffirming the 2030 Agenda for Sustainable Development 11  and that the", True),
    ("Considering that wide participation in the legal regime applicable to outer space", True),
    ("Also requests the Secretary-General to submit", True),
    ("Financing for Development as an integral part of the 2030 Agenda.", False),
    ("Beijing Declaration and Platform for Action, 8 the Durban Declaration", False),
    ("Development Goals Summits held in 2019 and 2023, 4  as well as the relevant", False),
    ("United Nations, Treaty Series, vol. 610, No. 8843.", False),
])
def test_which_page_openings_are_lead_phrases(opening: str, lead: bool) -> None:
    """First lines of pages and paragraphs of A/RES/80/5, 80/10 and 80/19."""
    assert opens_with_lead(opening) is lead
