"""Reading resolutions from plain text.

Users have two kinds of text: clean text (paragraphs separated by blank lines,
`*italic*`, superscript markers ¹ ², footnote blocks where pages broke) and text
copied out of a UN PDF (wrapped lines, running heads, job numbers, barcodes,
footnote blocks after a rule, markers as bare digits glued to words). One
reader serves both: it removes page furniture, sets footnote blocks aside,
cuts the rest into paragraphs and parses inline marks. The structure builder
joins paragraphs that page breaks cut in two.
"""

from __future__ import annotations

import re
import unicodedata

from drafter.importers.blocks import RawBlock, RawDoc
from drafter.importers.structure import ANNEX, FORMULA
from drafter.leadwords import starts_like_paragraph
from drafter.model import Inline, NoteRef, Text

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPTS}]")
_DIGIT = re.compile(r"\d")

_HEADER_KEY = re.compile(r"^[a-z]+: ")
_RULE = re.compile(r"^_{5,}$")
_SEPARATOR = re.compile(r"^-{3,}$")
_JOB = re.compile(r"^\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d{6})?\s*(?:\*\d{7}\*)?$")
_BARCODE = re.compile(r"^\*\d{7,}\*$")
_DATECODE = re.compile(r"^\d{6}$")
_PAGE = re.compile(r"^\d{1,3}/\d{1,3}$")
# a page number and a job number on one line, as a PDF viewer copies a page foot ("4/7 19-05118")
_PAGE_JOB = re.compile(r"^(?:\d{1,3}/\d{1,3}\s+\d{2}-\d{5}|\d{2}-\d{5}\s+\d{1,3}/\d{1,3})$")
_SYMBOL_ALONE = re.compile(r"^(?:A/RES/\d+/\d+(?: [A-Z])?|A/C\.\d/\d+/L\.\d+(?:/Rev\.\d+)?|A/\d+/L\.\d+"
                           r"(?:/Rev\.\d+)?|S/\d{4}/\d+|S/RES/\d+ \(\d{4}\)|A/HRC/\S+|E/\S+)$")
_GLUED_SYMBOL = re.compile(r"(?<=[,;.:]) (?:S/\d{4}/\d+|A/RES/\d+/\d+)\s*$")
_NOTE_LINE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_SUP_NOTE = re.compile(rf"^([{SUPERSCRIPTS}]+)\s*(\S.*)$", re.S)
_REFLOWED_NOTE = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_LABEL_ONLY = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,4}\)|[a-z]{1,4}[.)])$")
_LINE_LABEL = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,4}\))\s")
_INLINE = re.compile(
    rf"(?P<sup>[{SUPERSCRIPTS}]+)|\[\^(?P<ref>\d+)\]|(?P<star>\*(?=\S)(?:[^*\n]|\n(?!\n))+?(?<=\S)\*)"
)
_GLUED = re.compile(
    r"(?<!Add\.)(?<!Rev\.)(?<!Corr\.)(?<!para\.)(?<!paras\.)(?<!No\.)(?<!chap\.)(?<!sect\.)(?<!vol\.)"
    r"(?<=[a-z\)\]”’\",.;:])(\d{1,3})(?=[\s,.;:)”’]|$)"
)
_OPEN, _CLOSE = "\ue000", "\ue001"
_SPACED = re.compile(r"(?<=[A-Za-z,;.”’)]) (\d{1,2})(?=[ ,.;:)]|$|[a-z])")
# words after which a number is a number, not a footnote marker
_NUMBER_WORDS = set(
    "article articles paragraph paragraphs resolution resolutions goal goals target targets annex chapter "
    "section rule rules principle principles decision decisions protocol no vol para page from to and of "
    "on by than at in over under between the some about nearly approximately least".split()
)
_CANDIDATE = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_YEAR_GLUED = re.compile(r"\b((?:19|20)\d\d)(\d{1,2})\b")


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
    lines, notes = _take_notes(lines, raw, body)
    starred = any("*" in line and not _BARCODE.match(line.strip()) for line in lines)
    raw.notes = {marker: _Marks(set(), starred).parse(note) for marker, note in notes.items()}
    blank = sum(1 for line in lines if not line.strip())
    line_mode = blank < 0.25 * max(1, len(lines) - blank)
    superscripted = _SUPERSCRIPT.search(text) is not None
    marks = _Marks(set() if superscripted else set(notes), starred)
    for block in _paragraphs(lines, line_mode):
        raw.blocks.append(RawBlock(marks.parse(block)))
    return raw


# --- furniture and footnotes ------------------------------------------------
def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(_JOB.match(stripped) or _BARCODE.match(stripped) or _DATECODE.match(stripped)
                or _PAGE.match(stripped) or _SEPARATOR.match(stripped) or _PAGE_JOB.match(stripped))


def _take_notes(lines: list[str], raw: RawDoc, body: bool = False) -> tuple[list[str], dict[str, str]]:
    """Remove page furniture and footnote blocks; return the body lines and the notes' text."""
    out: list[str] = []
    notes: dict[str, str] = {}
    seen_formula = body
    mode = ""  # "rule": notes after a rule, to the page foot; "sup": a ¹ note, to a blank line
    current: str | None = None
    heads = _running_head_lines(lines)
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if index - 1 in heads:
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
            mode, current = "rule", None
            continue
        if _SYMBOL_ALONE.match(line) and seen_formula:
            index = _skip_running_head(lines, index)
            mode, current = "", None
            continue
        if _is_furniture(line):
            if out and seen_formula:  # the symbol of a running head a viewer copied onto the line before
                out[-1] = _GLUED_SYMBOL.sub("", out[-1])
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
                continue
            if current is not None:
                notes[current] = _join(notes[current], line)
                continue
            mode = ""
        if mode:
            continue
        if not seen_formula and FORMULA.match(line):
            seen_formula = True
        out.append(lines[index - 1])
    return out, notes


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
def _paragraphs(lines: list[str], line_mode: bool) -> list[str]:
    blocks: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if blocks[-1]:
                blocks.append([])
            continue
        if blocks[-1] and (_starts_new(blocks[-1], stripped, line_mode)
                           or (line_mode and _heading_line(blocks[-1][-1], stripped, lines, index))):
            blocks.append([])
        blocks[-1].append(stripped)
    out: list[str] = []
    pending_label = ""
    for block in blocks:
        if not block:
            continue
        text = _join_lines(block)
        if _LABEL_ONLY.match(text):
            pending_label = text
            continue
        if pending_label:
            text, pending_label = f"{pending_label} {text}", ""
        out.append(text)
    if pending_label:
        out.append(pending_label)
    return out


def _heading_line(prev: str, line: str, lines: list[str], index: int) -> bool:
    """A short unpunctuated line between a paragraph's end and a paragraph's start ("Reporting")."""
    if not prev.endswith((",", ";", ".", ":")) or line.endswith((",", ";", ".", ":")) or len(line) > 70:
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


def _starts_new(block: list[str], line: str, line_mode: bool) -> bool:
    prev = block[-1]
    if _LABEL_ONLY.match(prev):
        return False
    if _LABEL_ONLY.match(line) or ANNEX.match(line) or ANNEX.match(prev):
        return True
    if _LINE_LABEL.match(line):
        return line_mode or re.search(r"[.;:]\d{0,2}$", prev) is not None
    if not line_mode:
        return False
    if starts_like_paragraph(line) and (
        prev.endswith((",", ";", ".", ":"))
        or (len(block) == 1 and len(prev) < 70 and not prev.endswith(("-", "–")))  # a heading line
    ):
        return True
    return FORMULA.match(line) is not None


def _join_lines(lines: list[str]) -> str:
    """Join wrapped lines; a number set apart by a space at a line end or before a wide gap
    ("Development 1 \\n", "2023, 4  as") is kept as a possible footnote marker."""
    marked = [_SPACED.sub(_mark_spaced, line) for line in lines]
    text = marked[0]
    for line in marked[1:]:
        text = _join(text, line)
    return re.sub(r"[ \t]{2,}", " ", text)


def _mark_spaced(match: re.Match[str]) -> str:
    before = match.string[:match.start()].rsplit(" ", 1)[-1].lower()
    if before in _NUMBER_WORDS:
        return match.group()
    glued_after = match.end() < len(match.string) and match.string[match.end()].isalpha()
    return f"{_OPEN}{match.group(1)}{_CLOSE}" + (" " if glued_after else "")


def _join(text: str, line: str) -> str:
    if text.endswith("-") and not text.endswith(" -") and line[:1].isalnum():
        return text + line
    return f"{text} {line}"


# --- inline marks -------------------------------------------------------------
class _Marks:
    """Parses inline marks, keeping count of footnote markers so bare digits are read in order."""

    def __init__(self, notes: set[str], starred: bool) -> None:
        self.notes = notes
        self.starred = starred
        self.last = 0

    def parse(self, text: str) -> list[Inline]:
        out: list[Inline] = []
        position = 0
        for match in _INLINE.finditer(text):
            if match.group("star") and not self.starred:
                continue
            out.extend(self._digits(text[position:match.start()]))
            marker = match.group("sup") or match.group("ref")
            if marker:
                out.append(self._ref(marker.translate(_SUP_TO_DIGIT)))
            else:
                inner = match.group("star")[1:-1].replace("\n", " ")
                out.extend(Text(i.text, True) if isinstance(i, Text) else i for i in self.parse(inner))
            position = match.end()
        out.extend(self._digits(text[position:]))
        return out

    def _ref(self, marker: str) -> NoteRef:
        if marker.isdigit():
            self.last = max(self.last, int(marker))
        return NoteRef(marker)

    def _digits(self, text: str) -> list[Inline]:
        """Bare digits that name a footnote: glued to a word ("2015,1 and", "July 20203 and") or set
        apart at a line end; a candidate counts only if it is the next marker or one already used."""
        if not self.notes or not _DIGIT.search(text):
            return [Text(text.replace(_OPEN, " ").replace(_CLOSE, ""))] if text else []
        out: list[Inline] = []
        position = 0
        found = sorted([*_GLUED.finditer(text), *_YEAR_GLUED.finditer(text), *_CANDIDATE.finditer(text)],
                       key=lambda m: m.start())
        for match in found:
            group = 2 if match.re is _YEAR_GLUED else 1
            marker, start = match.group(group), match.start(group)
            if match.re is _CANDIDATE:
                start = match.start()
            if start < position:
                continue
            value = int(marker)
            spaced = match.re is _CANDIDATE
            if marker in self.notes and (value == self.last + 1 or (not spaced and value <= self.last)):
                out.append(Text(text[position:start]))
                out.append(self._ref(marker))
                position = match.end()
        out.append(Text(text[position:]))
        restored = [Text(_CANDIDATE.sub(r" \1", i.text)) if isinstance(i, Text) else i for i in out]
        return [i for i in restored if not isinstance(i, Text) or i.text]
