"""Build the draft resolutions (L. documents) of this folder from the corpus in tests/data/corpus.

Each draft is the text layer of a UN PDF as PyMuPDF gives it (lines as printed, a space at each line's end,
running heads, job numbers, footnote blocks after a rule at each page foot), in the layout of the issued
L. documents: masthead, session, committee, agenda item and its title, the sponsors' line ending in
": draft resolution", the title, then the body. Two kinds of source:

- a raw text layer (A-RES-80-4, A-RES-80-10, A-RES-76-159): its pages are kept as they are; only the
  masthead is replaced, the running heads carry the draft's symbol and no title, and the meeting lines go;
- a reflowed text (A-RES-80-19, A-RES-80-24): its paragraphs and notes are read with Drafter, then wrapped
  at the width of the PDFs' lines and cut into pages of 46 lines, each note printed at the foot of the
  page that holds its marker.

    PYTHONPATH=. python tests/data/drafts/make_drafts.py
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import drafter
from drafter.model import Footnote, NoteRef, Paragraph, Resolution, Text

HERE = Path(__file__).parent
CORPUS = HERE.parent / "corpus"
PAGE_LINES = 46


@dataclass
class Masthead:
    symbol: str
    date: str
    job: str  # "25-16185"
    session: str
    committee: str  # "" for the plenary
    agenda: list[str]  # "Agenda item 97 (a)" and the title's lines
    sponsors: list[str]  # the lines of "…: draft resolution"
    title: list[str]
    source: str = ""

    def lines(self) -> list[str]:
        out = ["United Nations ", self.symbol, " ", " ", "General Assembly ", "Distr.: Limited ", f"{self.date} ",
               " ", "Original: English ", " ", f"{self.job} (E)    {_datecode(self.date)} ",
               f"*{self.job.replace('-', '')}* ", " ", " ", f"{self.session} "]
        if self.committee:
            out.append(f"{self.committee} ")
        out += [f"{line} " for line in self.agenda] + [" "] * 4
        out += [f"{line} " for line in self.sponsors] + [" "] * 3
        out += [f"{line} " for line in self.title] + [" "] * 3
        return out

    def head(self, page: int, pages: int) -> list[str]:
        """The running head of a page after the first, as the text layer gives it."""
        if page % 2 == 0:
            return [f"{self.symbol} ", " ", self.job, f"{page}/{pages} ", " "]
        return [self.symbol, " ", f"{page}/{pages}", f"{self.job} ", " "]

    def closing(self) -> list[str]:
        return []


@dataclass
class Adopted(Masthead):
    """The masthead of an adopted resolution: adoption and report lines, number and title; its running
    heads carry the title."""

    adopted: str = ""
    report: str = ""
    meeting: str = ""

    def lines(self) -> list[str]:
        number = self.symbol.removeprefix("A/RES/")
        out = ["United Nations ", self.symbol, " ", " ", "General Assembly ", "Distr.: General ", f"{self.date} ",
               " ", f"{self.job} (E) ", f"*{self.job.replace('-', '')}* ", " ", " ", f"{self.session} "]
        out += [f"{line} " for line in self.agenda] + [" "] * 4
        out += [" Resolution adopted by the General Assembly ", f"on {self.adopted} ", " ", " ", f"{self.report} "]
        out += [" "] * 3 + [f"{number}. {self.title[0]} "] + [f"{line} " for line in self.title[1:]] + [" "] * 3
        return out

    def head(self, page: int, pages: int) -> list[str]:
        if page % 2 == 0:
            return [f"{self.symbol} ", *self.title, " ", self.job, f"{page}/{pages} ", " "]
        return [*(f"{line} " for line in self.title), self.symbol, " ", f"{page}/{pages}", f"{self.job} ", " "]

    def closing(self) -> list[str]:
        return [f"{self.meeting} ", f"{self.adopted} ", " "]


def _datecode(date: str) -> str:
    day, month, year = date.split()
    months = "January February March April May June July August September October November December".split()
    return f"{int(day):02d}{months.index(month) + 1:02d}{year[2:]}"


def _header(masthead: Masthead, source: str, what: str) -> str:
    kind = "issued resolutions" if isinstance(masthead, Adopted) else "issued L. documents"
    return (f"source: built from tests/data/corpus/{source} ({what}); masthead, symbol, sponsors, dates and job "
            f"numbers built in the layout of the {kind}\nsymbol: {masthead.symbol}\n---\n")


# --- drafts from a raw text layer ---------------------------------------------------------------
def from_raw(name: str, masthead: Masthead, symbol: str, head_title: list[str]) -> str:
    """The pages of a raw text layer under a draft's masthead, running heads and no meeting lines."""
    text = (CORPUS / name).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    lines = text.split("\n")
    formula = next(i for i, line in enumerate(lines) if line.strip().startswith("The General Assembly"))
    body = lines[formula:]
    out: list[str] = []
    index = 0
    while index < len(body):
        line = body[index]
        if line.strip() == symbol:
            # the symbol and the title's lines of a running head, in either order: the symbol alone
            while out and out[-1].strip() in head_title:
                out.pop()
            out.append(line.replace(symbol, masthead.symbol))
            index += 1
            while index < len(body) and body[index].strip() in head_title:
                index += 1
            continue
        if re.match(r"^\d+(?:st|nd|rd|th) plenary meeting", line.strip()):
            index += 2  # the meeting and its date close an adopted text, not a draft
            continue
        out.append(line)
        index += 1
    return "\n".join(masthead.lines() + out)


# --- drafts laid out from a reflowed text -------------------------------------------------------
@dataclass
class _Page:
    lines: list[str] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)


def laid_out(source: str | Resolution, masthead: Masthead, spaced: set[int], break_after: str = "",
             lost: int | None = None) -> str:
    """The paragraphs and notes of a reflowed corpus text (its name, or the text read), wrapped and cut
    into pages.

    `spaced`: notes whose marker stands apart between spaces ("procedure 12 and"), the others glued
    ("space,4"); `break_after`: the page ends after the paragraph that ends with this text; `lost`: a note
    whose marker the text layer lost (its note still printed at the foot of its page)."""
    res = drafter.load(str(CORPUS / source)) if isinstance(source, str) else source
    number = {note.id: index for index, note in enumerate(res.footnotes, 1)}
    paragraphs: list[tuple[str, list[str]]] = []  # label line, wrapped lines
    for para in res.preambular():
        paragraphs.append(("", _wrap(_with_markers(para, number, spaced), 80)))
    for index, para in enumerate(res.operatives(), 1):
        paragraphs.append((f"{index}. ", _wrap(_with_markers(para, number, spaced), 84)))
    notes = {index: _wrap(f"{index} {note.text}", 92) for index, note in enumerate(res.footnotes, 1)}
    pages = [_Page()]
    room = PAGE_LINES - 24  # the masthead fills half the first page
    pages[0].lines += ["The General Assembly, ", " "]
    for label, wrapped in [*paragraphs, ("", masthead.closing())]:
        lines = ([label] if label else []) + wrapped + ([" "] if wrapped else [])
        for line in lines:
            page = pages[-1]
            markers = [int(m) for m in re.findall(r"\x01(\d+)\x01", line)]
            foot = sum(len(notes[m]) + 1 for m in page.notes + markers) + (2 if page.notes or markers else 0)
            if len(page.lines) + foot >= room:
                pages.append(_Page())
                page, room = pages[-1], PAGE_LINES
            page.lines.append(line)
            page.notes += markers
        if break_after and wrapped and wrapped[-1].replace("\x01", "").rstrip().endswith(break_after):
            pages.append(_Page())
            room = PAGE_LINES
    out = list(masthead.lines())
    for number_of_page, page in enumerate(pages, 1):
        if number_of_page > 1:
            out += ["", *masthead.head(number_of_page, len(pages))]
        while page.lines and not page.lines[-1].strip():  # the rule follows a page's last line
            page.lines.pop()
        out += [_printed(line, lost) for line in page.lines]
        if page.notes:
            out += ["__________________ ", " "]
            for index, marker in enumerate(page.notes):
                out += [f"{line} " for line in notes[marker]] + ([" "] if index < len(page.notes) - 1 else [])
    return "\n".join(out)


def _printed(line: str, lost: int | None) -> str:
    """A line with its markers printed: the lost one left out, with the space that set it apart."""
    if lost is not None:
        line = re.sub(rf" ?\x01{lost}\x01(?= )", "", line)
        line = line.replace(f"\x01{lost}\x01", "")
    return re.sub(r"\x01(\d+)\x01", r"\1", line)


def twenty_seven_notes() -> Resolution:
    """A/RES/80/24 (20 notes) with seven notes more, in reading order: after its note 11, a paragraph of
    A/RES/80/10's words whose marker follows "the Sustainable Development Goals" (built: "…across all the
    Sustainable Development Goals 12 and in line with the targets …" is a sentence of neither text), then A/RES/80/10's
    second and fourth preambular paragraphs with their six notes; notes numbered in order of reference."""
    res = drafter.load(str(CORPUS / "A-RES-80-24.txt"))
    other = drafter.load(str(CORPUS / "A-RES-80-10.txt"))
    goals = Footnote(other.footnotes[11].content)
    built = Paragraph((Text("Recognizing", True), Text(
        " that the empowerment of all women and girls will make a crucial contribution to progress across all "
        "the Sustainable Development Goals"), NoteRef(goals.id), Text(
        " and in line with the targets of the Goals, to the full enjoyment of their human rights,")))
    borrowed = [other.preamble[1], other.preamble[3]]
    at = next(index for index, block in enumerate(res.preamble) if "rules of procedure" in block.text)
    res.preamble[at:at] = [built, *borrowed]
    res.footnotes += [goals, *other.footnotes[:5], other.footnotes[10]]
    order = {note: index for index, note in enumerate(
        dict.fromkeys(item.note for block in res.blocks() for item in block.content if isinstance(item, NoteRef)))}
    res.footnotes.sort(key=lambda note: order[note.id])
    return res


def _with_markers(para: Paragraph, number: dict[str, int], spaced: set[int]) -> str:
    text = ""
    for item in para.content:
        if isinstance(item, Text):
            text += item.text
        elif isinstance(item, NoteRef):
            marker = number[item.note]
            text += f" \x01{marker}\x01 " if marker in spaced else f"\x01{marker}\x01"
    # the reflowing left a space where a line ended with a hyphen: "Nuclear- Test-Ban Treaty", "high- level"
    return re.sub(r"(?<=\w)- (?!(?:and|or|to)\b)(?=\w)", "-", " ".join(text.split()))


def _wrap(text: str, width: int) -> list[str]:
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    return [f"{line} " for line in lines]


# --- the drafts ---------------------------------------------------------------------------------
FIRST = Masthead(
    "A/C.1/80/L.3", "9 October 2025", "25-16185", "Eightieth session", "First Committee",
    ["Agenda item 97 (a)", "Prevention of an arms race in outer space: prevention", "of an arms race in outer space"],
    ["Algeria, Angola, Azerbaijan, Bangladesh, Belarus, Bolivia (Plurinational State",
     "of), Burundi, Cambodia, China, Cuba, Democratic People’s Republic of Korea,",
     "Egypt, Eritrea, Indonesia, Iran (Islamic Republic of), Kazakhstan, Lao People’s",
     "Democratic Republic, Myanmar, Nicaragua, Pakistan, Russian Federation, Sri Lanka,",
     "Syrian Arab Republic, Venezuela (Bolivarian Republic of), Viet Nam and",
     "Zimbabwe: draft resolution"],
    ["Prevention of an arms race in outer space"])

PLENARY = Masthead(
    "A/80/L.6", "22 October 2025", "25-17021", "Eightieth session", "",
    ["Agenda item 38", "Necessity of ending the economic, commercial and financial",
     "embargo imposed by the United States of America", "against Cuba"],
    ["Cuba: draft resolution"],
    ["Necessity of ending the economic, commercial and financial embargo", "imposed by the United States of "
     "America against Cuba"])

SECOND = Masthead(
    "A/C.2/80/L.27", "4 November 2025", "25-18112", "Eightieth session", "Second Committee",
    ["Agenda item 13", "Integrated and coordinated implementation of and follow-up",
     "to the outcomes of the major United Nations conferences and",
     "summits in the economic, social and related fields"],
    ["Bolivia (Plurinational State of), Ecuador, Guatemala, Mexico, Paraguay, Peru and",
     "Venezuela (Bolivarian Republic of): draft resolution"],
    ["International Day of the World’s Indigenous Women and Girls"])

THIRD = Masthead(
    "A/C.3/76/L.31", "29 October 2021", "21-15620", "Seventy-sixth session", "Third Committee",
    ["Agenda item 74 (b)", "Promotion and protection of human rights: human rights",
     "questions, including alternative approaches for improving",
     "the effective enjoyment of human rights and fundamental", "freedoms"],
    ["Azerbaijan, Belarus, China, Cuba, Nicaragua, Venezuela (Bolivarian Republic of)",
     "and Zimbabwe: draft resolution"],
    ["Enhancement of international cooperation in the field of human rights"])

LONG = Adopted(
    "A/RES/80/24", "3 December 2025", "25-19878", "Eightieth session", "",
    ["Agenda item 99 (b)", "General and complete disarmament: nuclear", "disarmament"], [],
    ["Nuclear disarmament"], adopted="1 December 2025", report="[on the report of the First Committee "
    "(A/80/534, para. 7)]", meeting="52nd plenary meeting")


def main() -> None:
    drafts = {
        "A-C.1-80-L.3.txt": (FIRST, "A-RES-80-19.txt", "the paragraphs and notes of A/RES/80/19, laid out",
                             laid_out("A-RES-80-19.txt", FIRST, set(), break_after="outer space,4")),
        "A-80-L.6.txt": (PLENARY, "A-RES-80-4.txt", "its pages, from the formula to the last paragraph",
                         from_raw("A-RES-80-4.txt", PLENARY, "A/RES/80/4", [
                             "Necessity of ending the economic, commercial and financial",
                             "embargo imposed by the United States of America against Cuba"])),
        "A-C.2-80-L.27.txt": (SECOND, "A-RES-80-10.txt", "its pages, from the formula to the last paragraph",
                              from_raw("A-RES-80-10.txt", SECOND, "A/RES/80/10",
                                       ["International Day of the World’s Indigenous Women and Girls"])),
        "A-C.3-76-L.31.txt": (THIRD, "A-RES-76-159.txt", "its pages, from the formula to the last paragraph",
                              from_raw("A-RES-76-159.txt", THIRD, "A/RES/76/159",
                                       ["Enhancement of international cooperation in the field of",
                                        "human rights"])),
        "A-RES-80-24-laid-out.txt": (
            LONG, "A-RES-80-24.txt", "the paragraphs and the 20 notes of A/RES/80/24, laid out; the marker of "
            "note 12 set apart between spaces", laid_out("A-RES-80-24.txt", LONG, {12})),
        "A-RES-80-24-27-notes.txt": (
            LONG, "A-RES-80-24.txt and A-RES-80-10.txt", "the paragraphs of A/RES/80/24 with a built paragraph "
            "and two of A/RES/80/10, 27 notes, laid out; the markers of notes 12 (\"Goals 12 and\") and 19 "
            "(\"procedure, 19 and\") set apart between spaces", laid_out(twenty_seven_notes(), LONG, {12, 19})),
    }
    for file_name, (masthead, source, what, text) in drafts.items():
        (HERE / file_name).write_text(_header(masthead, source, what) + text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
