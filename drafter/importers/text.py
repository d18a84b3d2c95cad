"""Reading resolutions from plain text.

Users have two kinds of text: clean text (paragraphs separated by blank lines,
`*italic*`, superscript markers ¹ ², footnote blocks where pages broke) and text
copied out of a UN PDF (wrapped lines, running heads, job numbers, barcodes,
footnote blocks after a rule, markers as bare digits glued to words). One
reader serves both: it removes page furniture, noting on which page each line
and each note stands, sets footnote blocks aside, hands the front matter on one
line a block and cuts the rest into paragraphs (a page that opens with a lead
phrase after a paragraph's end opens a paragraph), then parses inline marks and
chooses which bare digits are markers (text_marks). The structure builder joins
paragraphs that page breaks cut in two.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from drafter.importers.blocks import RawBlock, RawDoc
from drafter.importers.front import L_NUMBER
from drafter.importers.structure import ANNEX, FORMULA
from drafter.importers.text_marks import CLOSE, OPEN, SUPERSCRIPTS, WEAK_CLOSE, WEAK_OPEN, Block, Marks
from drafter.leadwords import opens_with_lead, starts_like_paragraph

_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPTS}]")

_HEADER_KEY = re.compile(r"^[a-z]+: ")
_RULE = re.compile(r"^_{5,}$")
_SEPARATOR = re.compile(r"^-{3,}$")
_JOB = re.compile(r"^\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d{6})?\s*(?:\*\d{7}\*)?$")
_BARCODE = re.compile(r"^\*\d{7,}\*$")
_DATECODE = re.compile(r"^\d{6}$")
_PAGE = re.compile(r"^\d{1,3}/\d{1,3}$")
# a page number and a job number on one line, as a PDF viewer copies a page foot ("4/7 19-05118")
_PAGE_JOB = re.compile(r"^(?:\d{1,3}/\d{1,3}\s+\d{2}-\d{5}|\d{2}-\d{5}\s+\d{1,3}/\d{1,3})$")
_SYMBOL_ALONE = re.compile(rf"^(?:A/RES/\d+/\d+(?: [A-Z])?|A/C\.\d/\d+/{L_NUMBER}|A/\d+/{L_NUMBER}"
                           r"|S/\d{4}/\d+|S/RES/\d+ \(\d{4}\)|A/HRC/\S+|E/\S+)$")
_GLUED_SYMBOL = re.compile(r"(?<=[,;.:]) (?:S/\d{4}/\d+|A/RES/\d+/\d+)\s*$")
_NOTE_LINE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_SUP_NOTE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s*(\S.*)$", re.S)
_REFLOWED_NOTE = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_LABEL_ONLY = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,4}\)|[a-z]{1,4}[.)])$")
# a paragraph's last line: its final punctuation, perhaps with a footnote marker after it ("space,4")
_ENDS_PARAGRAPH = re.compile(r"[,;.:][”’)]?\s?\d{0,3}$")
_LINE_LABEL = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,4}\))\s")
_SPACED = re.compile(r"(?<=[A-Za-z0-9,;.”’)]) (\d{1,2})(?![.,]\d)(?=[ ,.;:)]|$|[a-z])")
_DIGIT_AFTER_SPACE = re.compile(r" \d")
_GAP = re.compile(r"[ \t]{2,}")
# words after which a number is a number, not a footnote marker
_NUMBER_WORDS = set(
    "no vol para page from to and of on by than at in over under between the some about nearly approximately "
    "least".split()
)
# nouns after which a number is most often a number ("Goal 12"), but may be a marker ("the Sustainable
# Development Goals 12 and"): a weak candidate, taken only where the notes' pages vouch for it
_NUMBERED_NOUNS = set(
    "article articles paragraph paragraphs resolution resolutions goal goals target targets annex chapter "
    "section rule rules principle principles decision decisions protocol".split()
)


def strip_corpus_header(text: str) -> str:
    """Drop a `source: … / ---` header such as the corpus files carry."""
    head = text[:4000].split("\n")
    if head and head[0].startswith("source:"):
        for index, line in enumerate(head[:20]):
            if line.strip() == "---":
                return "\n".join(text.split("\n")[index + 1:])
            if index and not _HEADER_KEY.match(line):
                break
    return text


def parse_text(text: str, body: bool = False) -> RawDoc:
    """`body`: the text is body text alone (pasted into a draft), so a symbol standing alone is a running head."""
    text = unicodedata.normalize("NFC", strip_corpus_header(text)).replace("\u00a0", " ").replace("\r", "")
    lines = [line.rstrip() for line in text.split("\n")]
    raw = RawDoc()
    taken = _take_notes(lines, body)
    starred = any("*" in line and not _BARCODE.match(line.strip()) for line in taken.lines)
    raw.notes = {marker: Marks({}, starred).parse(note) for marker, note in taken.notes.items()}
    blank = sum(1 for line in taken.lines if not line.strip())
    line_mode = blank < 0.25 * max(1, len(taken.lines) - blank)
    # the front matter, one line a block: its fields run on from line to line without blank lines between
    formula = None if body else next((i for i, line in enumerate(taken.lines) if FORMULA.match(line.strip())), None)
    front = [Block(line.strip(), [(0, 1)]) for line in taken.lines[:formula or 0] if line.strip()]
    start = formula or 0
    blocks = front + _paragraphs(taken.lines[start:], taken.pages[start:], line_mode)
    superscripted = _SUPERSCRIPT.search(text) is not None
    marks = Marks({} if superscripted else taken.note_pages(), starred)
    marks.plan(blocks, len(front))
    raw.blocks = [RawBlock(marks.parse(block, index)) for index, block in enumerate(blocks)]
    raw.warnings.extend(marks.warnings())
    return raw


# --- furniture and footnotes ------------------------------------------------
def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(_JOB.match(stripped) or _BARCODE.match(stripped) or _DATECODE.match(stripped)
                or _PAGE.match(stripped) or _SEPARATOR.match(stripped) or _PAGE_JOB.match(stripped))


@dataclass
class _Taken:
    """The body lines with the page each stands on, and the notes with the page each is printed on."""

    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    printed_on: dict[str, int] = field(default_factory=dict)  # notes at a page foot, after a rule

    def note_pages(self) -> dict[str, int]:
        """Each note's page, where the notes stand at the feet of two pages or more (else 0: not known)."""
        paged = len(set(self.printed_on.values())) > 1
        return {marker: self.printed_on.get(marker, 0) if paged else 0 for marker in self.notes}


def _take_notes(lines: list[str], body: bool = False) -> _Taken:
    """Remove page furniture and footnote blocks; return the body lines and the notes' text."""
    taken = _Taken()
    out, notes = taken.lines, taken.notes
    seen_formula = body
    mode = ""  # "rule": notes after a rule, to the page foot; "sup": a ¹ note, to a blank line
    current: str | None = None
    heads = _running_head_lines(lines)
    page, between = 1, False  # the page, and whether the lines are those between two pages

    def turn() -> None:
        nonlocal page, between
        if seen_formula and not between:
            page, between = page + 1, True

    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if index - 1 in heads:
            turn()
            continue
        start = _REFLOWED_NOTE.match(line) or _SUP_NOTE.match(line)
        if start and current is not None and start.re is _REFLOWED_NOTE and int(start.group(1)) != int(current) + 1:
            # "[^7]: February 1984." inside note 2: a date the extractor took for a marker
            notes[current] = _join(notes[current], f"{start.group(1)} {start.group(2)}")
            continue
        if start:
            current = start.group(1).translate(_SUP_TO_DIGIT)
            notes[current] = start.group(2)
            mode = mode or "sup"
            continue
        if _RULE.match(line):
            mode, current, between = "rule", None, False
            continue
        if _SYMBOL_ALONE.match(line) and seen_formula:
            turn()
            index = _skip_running_head(lines, index)
            mode, current = "", None
            continue
        if _is_furniture(line):
            if out and seen_formula:  # the symbol of a running head a viewer copied onto the line before
                out[-1] = _GLUED_SYMBOL.sub("", out[-1])
            turn()
            mode, current = "", None
            continue
        if mode == "sup" and not line:
            mode, current = "", None
            continue
        if mode and line:
            note = _NOTE_LINE.match(line)
            if mode == "rule" and note and (current is None or int(note.group(1)) == int(current) + 1):
                current = note.group(1)
                notes[current] = note.group(2)
                taken.printed_on[current] = page
                continue
            if current is not None:
                notes[current] = _join(notes[current], line)
                continue
            mode = ""
        if mode:
            continue
        if not seen_formula and FORMULA.match(line):
            seen_formula = True
        if line:
            between = False
        out.append(lines[index - 1])
        taken.pages.append(page)
    return taken


def _running_head_lines(lines: list[str]) -> set[int]:
    """Lines of the resolution's title repeated in running heads, next to the symbol or page number."""
    number = next((i for i, line in enumerate(lines[:200]) if re.match(r"^\s*\d{1,3}/\d{1,4}\.\s", line)), None)
    if number is None:
        return set()
    end = next((i for i in range(number, min(number + 8, len(lines))) if FORMULA.match(lines[i].strip())), number)
    title = set(re.findall(r"\w+", " ".join(lines[number:end]).lower()))
    anchors = [i for i, line in enumerate(lines) if i > end and (_SYMBOL_ALONE.match(line.strip())
                                                                  or _PAGE.match(line.strip()))]
    out: set[int] = set()
    for anchor in anchors:
        for i in range(max(end + 1, anchor - 4), min(len(lines), anchor + 5)):
            words = re.findall(r"\w+", lines[i].lower())
            if words and set(words) <= title and not lines[i].rstrip().endswith((",", ";", ".")):
                out.add(i)
    return out


def _skip_running_head(lines: list[str], index: int) -> int:
    """After a symbol line at a page top, skip the title lines and page number of the running head."""
    for ahead in range(index, min(index + 7, len(lines))):
        if _is_furniture(lines[ahead]):
            end = ahead + 1
            while end < len(lines) and (not lines[end].strip() or _is_furniture(lines[end])):
                end += 1
            return end
    return index


# --- paragraphs -------------------------------------------------------------
def _paragraphs(lines: list[str], pages: list[int], line_mode: bool) -> list[Block]:
    blocks: list[list[tuple[str, int]]] = [[]]
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if blocks[-1]:
                blocks.append([])
            continue
        if blocks[-1]:
            prev, prev_page = blocks[-1][-1]
            if (_starts_new(prev, len(blocks[-1]), stripped, line_mode)
                    or (line_mode and _heading_line(prev, stripped, lines, index))
                    or (pages[index] != prev_page and _new_on_new_page(prev, stripped))):
                blocks.append([])
        blocks[-1].append((stripped, pages[index]))
    out: list[Block] = []
    pending_label = ""
    for lines_of_block in blocks:
        if not lines_of_block:
            continue
        block = _join_lines(lines_of_block)
        if _LABEL_ONLY.match(block.text):
            pending_label = block.text
            continue
        if pending_label:
            shift = len(pending_label) + 1
            block = Block(f"{pending_label} {block.text}", [(0, block.pages[0][1])]
                          + [(start + shift, page) for start, page in block.pages[1:]])
            pending_label = ""
        out.append(block)
    if pending_label:
        out.append(Block(pending_label, [(0, pages[-1] if pages else 1)]))
    return out


def _new_on_new_page(prev: str, line: str) -> bool:
    """A page that opens with a lead phrase after a paragraph's end ("outer space,4" / "Noting with
    satisfaction"): the paragraph ended with the page, where no blank line stands between the two."""
    return _ENDS_PARAGRAPH.search(prev) is not None and opens_with_lead(line)


def _heading_line(prev: str, line: str, lines: list[str], index: int) -> bool:
    """A short unpunctuated line between a paragraph's end and a paragraph's start ("Reporting")."""
    if not _ENDS_PARAGRAPH.search(prev) or line.endswith((",", ";", ".", ":")) or len(line) > 70:
        return False
    ahead = [n.strip() for n in lines[index + 1:index + 5] if n.strip()]

    def opens(text: str) -> bool:
        return bool(_LINE_LABEL.match(text) or _LABEL_ONLY.match(text) or starts_like_paragraph(text))

    if not ahead:
        return False
    if opens(ahead[0]):
        return True
    # a heading of two lines: "AMISOM" / "Priorities and tasks"
    return len(ahead) > 1 and len(ahead[0]) <= 70 and not ahead[0].endswith((",", ";", ".", ":")) and opens(ahead[1])


def _starts_new(prev: str, count: int, line: str, line_mode: bool) -> bool:
    """Does `line` open a new block after `prev`, the last of the block's `count` lines?"""
    if _LABEL_ONLY.match(prev):
        return False
    if _LABEL_ONLY.match(line) or ANNEX.match(line) or ANNEX.match(prev):
        return True
    if _LINE_LABEL.match(line):
        return line_mode or re.search(r"[.;:]\d{0,2}$", prev) is not None
    if not line_mode:
        return False
    if starts_like_paragraph(line) and (
        _ENDS_PARAGRAPH.search(prev) is not None
        or (count == 1 and len(prev) < 70 and not prev.endswith(("-", "–")))  # a heading line
    ):
        return True
    return FORMULA.match(line) is not None


def _join_lines(lines: list[tuple[str, int]]) -> Block:
    """Join wrapped lines, noting the page of each; a number set apart by a space at a line end or before
    a wide gap ("Development 1 \\n", "2023, 4  as") is kept as a possible footnote marker."""
    text, pages = "", []
    for line, page in lines:
        marked = _GAP.sub(" ", _SPACED.sub(_mark_spaced, line) if _DIGIT_AFTER_SPACE.search(line) else line)
        text = _join(text, marked) if text else marked
        pages.append((len(text) - len(marked), page))
    return Block(text, pages)


def _mark_spaced(match: re.Match[str]) -> str:
    before = match.string[:match.start()].rsplit(" ", 1)[-1].lower()
    if before in _NUMBER_WORDS or (before[-1:].isdigit() and not re.search(r"(?:19|20)\d\d$", before)):
        return match.group()
    weak = before in _NUMBERED_NOUNS or before[-1:].isdigit()  # "Goals 12", "the Decade 2024–2034 12"
    opening, closing = (WEAK_OPEN, WEAK_CLOSE) if weak else (OPEN, CLOSE)
    glued_after = match.end() < len(match.string) and match.string[match.end()].isalpha()
    return f"{opening}{match.group(1)}{closing}" + (" " if glued_after else "")


def _join(text: str, line: str) -> str:
    if text.endswith("-") and not text.endswith(" -") and line[:1].isalnum():
        return text + line
    if text.endswith("–") and text[-2:-1].isdigit() and line[:1].isdigit():  # "the Decade 2024–" / "2034"
        return text + line
    return f"{text} {line}"
