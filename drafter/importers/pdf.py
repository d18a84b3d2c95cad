"""Reading the official UN PDFs into `RawDoc`.

The text layer of a UN PDF gives every character with its advance, baseline, size
and font (`pdf_chars` reads them). From these the reader rebuilds lines (characters sharing a baseline),
words (`pdf_words`: from the gap between one character's advance and the next, in spaces of
the font, which repairs the "Presid en t" pieces that justified text leaves in naive
extractions and finds the words a writer places without a space character) and
paragraphs (first-line indents, vertical gaps, labels such as "1." and "(a)").
Running heads, job numbers, page numbers and barcodes are recognised by where
they sit and what they say, and dropped; raised small digits are footnote
references, and the text under the short rule at the foot of a page is the
footnotes, joined where a note runs over to the next page.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.errors import ImportFailed
from drafter.importers.blocks import RawBlock, RawDoc
from drafter.importers.pdf_chars import Char, PageChars, read_chars
from drafter.importers.pdf_words import CUT_LOW, breaks, inlines, word_cut
from drafter.model import Content, Inline, NoteRef, Text, normalize_runs, plain_text

_TERMINAL = (".", ";", ":", ",", "!", "?")
_MARKER_CHARS = set("0123456789*†‡")

_LABEL = re.compile(r"^(?:\d{1,3}\.|\((?:[a-z]{1,3}|[ivxlc]{1,6}|\d{1,2})\)|[a-z]{1,3}\.|[ivxlc]{1,6}\.|[•▪◦·–])$")
_FOOTER = re.compile(
    r"^(?:\*\d{5,}\*|\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?|\d{1,3}/\d{1,3}|\(?[A-Z]\)?|\d{6})$"
)
_RUNNING_SYMBOL = re.compile(r"^[A-Z]{1,2}(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?$")
_SEPARATOR = re.compile(r"^_{5,}$")


@dataclass
class _Line:
    chars: list[Char]  # sorted left to right; spaces of the PDF included
    page: int
    y: float = 0.0
    size: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    text: str = ""
    _cut: float | None = None

    def __post_init__(self) -> None:
        ink = [c for c in self.chars if not c.space]
        sizes = Counter(round(c.size, 1) for c in ink if not c.marker)
        self.size = sizes.most_common(1)[0][0] if sizes else max(c.size for c in ink)
        main = [c.y for c in ink if abs(c.size - self.size) < 0.2] or [c.y for c in ink]
        self.y = statistics.median(main)
        self.x0, self.x1 = ink[0].x0, max(c.x1 for c in ink)
        self.text = "".join(c.ch for c in ink)

    @property
    def cut(self) -> float:
        """The gap in spaces above which two characters of the line belong to different words."""
        if self._cut is None:
            self._cut = word_cut(self.chars)
        return self._cut


@dataclass
class _Layout:
    """Measures of the whole document: body size, text column, line pitch."""

    size: float
    left: float
    right: float
    pitch: float


@dataclass
class _Page:
    body: list[_Line] = field(default_factory=list)
    notes: list[_Line] = field(default_factory=list)
    header: list[_Line] = field(default_factory=list)  # page 1 front matter, one block a line


# --- public ------------------------------------------------------------------
def read_pdf(path: str) -> RawDoc:
    """Read a UN PDF into paragraphs, labels and footnotes; raise ImportFailed for unusable files."""
    pages, images = read_chars(path)
    if not any(chars for chars, _ in pages):
        if images:
            raise ImportFailed(path, "the PDF has no text layer; it is a scan — run OCR first.")
        raise ImportFailed(path, "the PDF contains no text.")
    try:
        return _assemble(pages)
    except (ValueError, IndexError, ZeroDivisionError, statistics.StatisticsError) as exc:
        raise ImportFailed(path, f"the layout of the PDF could not be understood ({exc}).") from exc


# --- lines -------------------------------------------------------------------
def _lines(chars: list[Char], page: int, body: float) -> list[list[_Line]]:
    """Characters grouped by baseline, top to bottom; each group cut into segments at wide gaps."""
    tolerance = 0.45 * body
    groups: list[list[Char]] = []
    top = 0.0
    for char in sorted(chars, key=lambda c: -c.y):
        if not groups or char.y < top - tolerance:
            groups.append([])
            top = char.y
        groups[-1].append(char)
    out: list[list[_Line]] = []
    for group in groups:
        group.sort(key=lambda c: c.x0)
        lines: list[_Line] = []
        for segment in _segments(group, body):
            line = _Line(segment, page)
            if lines and _lone_marker(lines[-1], line):  # a note's marker set apart by a tab
                line = _Line([*lines.pop().chars, *segment], page)
            lines.append(line)
        for line in lines:
            _mark_refs(line)
        if lines:
            out.append(lines)
    return out


def _lone_marker(marker: _Line, line: _Line) -> bool:
    """Whether `marker` is only raised small marks before `line` on its baseline: how word processors lay
    out a note, its number then a tab to the text."""
    return (all(c.ch in _MARKER_CHARS for c in marker.chars if not c.space) and marker.size < 0.8 * line.size
            and marker.y > line.y + 0.15 * line.size)


def _segments(chars: list[Char], body: float) -> list[list[Char]]:
    out: list[list[Char]] = []
    last: Char | None = None
    for char in chars:
        if char.space:
            if out:
                out[-1].append(char)
            continue
        if last is None or char.x0 - last.x1 > max(4 * max(char.size, last.size), 3.5 * body):
            out.append([])
        out[-1].append(char)
        last = char
    return [_trim(seg) for seg in out]


def _trim(chars: list[Char]) -> list[Char]:
    start, end = 0, len(chars)
    while start < end and chars[start].space:
        start += 1
    while end > start and chars[end - 1].space:
        end -= 1
    return chars[start:end]


def _mark_refs(line: _Line) -> None:
    """Flag raised digits in a smaller size: footnote references, or the marker opening a note."""
    for char in line.chars:
        char.marker = (char.ch in _MARKER_CHARS and char.size < 0.8 * line.size
                       and char.y > line.y + 0.15 * line.size)


def _is_furniture(line: _Line, page: int, height: float, layout: _Layout) -> bool:
    text = line.text
    if any(c.barcode for c in line.chars if not c.space):
        return True
    if line.y < 0.11 * height:
        return bool(_FOOTER.match(" ".join(_words(line))))
    if page > 0 and line.y > 0.89 * height:
        small = line.size < 0.95 * layout.size
        return small and (all(c.bold for c in line.chars if not c.space) or bool(_RUNNING_SYMBOL.match(text)))
    return False


def _words(line: _Line) -> list[str]:
    return plain_text(inlines(line.chars, CUT_LOW)).split()


def _line_content(line: _Line, start: int = 0) -> Content:
    return inlines(line.chars[start:], line.cut)


def _label(line: _Line) -> tuple[str, int, float] | None:
    """The label opening a line, the index of the first character after it and the gap to it."""
    ink = [i for i, c in enumerate(line.chars) if not c.space]
    threshold = line.cut
    word = ""
    for pos, index in enumerate(ink):
        char = line.chars[index]
        word += char.ch
        nxt = ink[pos + 1] if pos + 1 < len(ink) else None
        if nxt is None:
            return (word, len(line.chars), 99.0) if _LABEL.match(word) else None
        after = line.chars[nxt]
        spaced = any(c.space for c in line.chars[index + 1:nxt])
        if breaks(char, after, spaced, threshold):
            gap = (after.x0 - char.x1) / max(line.size, 1.0)
            if _LABEL.match(word) or (word.isdigit() and len(word) < 4 and gap > 1.0):
                return word, nxt, gap
            return None
        if len(word) > 8:
            return None
    return None


# --- pages ---------------------------------------------------------------------
def _layout(pages: list[PageChars]) -> _Layout:
    sizes = Counter(round(c.size, 1) for chars, _ in pages for c in chars if not c.space and not c.bold)
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    return _Layout(size, 0.0, 0.0, 1.2 * size)


def _measure(layout: _Layout, pages: list[_Page]) -> None:
    """Left margin, right edge and line pitch from the body lines of the document."""
    body = [line for page in pages for line in page.body if abs(line.size - layout.size) < 0.3]
    if not body:
        return
    lefts = Counter(round(line.x0) for line in body)
    layout.left = float(min(x for x, n in lefts.items() if n >= max(2, lefts.most_common(1)[0][1] // 5)))
    rights = Counter(round(line.x1) for line in body)
    layout.right = float(max(x for x, n in rights.items() if n >= max(2, rights.most_common(1)[0][1] // 4)))
    pitches = Counter(round(a.y - b.y, 1) for page in pages for a, b in zip(page.body, page.body[1:], strict=False)
                      if abs(a.size - layout.size) < 0.3 and abs(b.size - layout.size) < 0.3
                      and 0.9 * layout.size < a.y - b.y < 1.5 * layout.size)
    if pitches:
        layout.pitch = pitches.most_common(1)[0][0]


def _split_page(index: int, chars: list[Char], height: float, layout: _Layout) -> _Page:
    page = _Page()
    in_notes = False
    for group in _lines(chars, index, layout.size):
        text_lines = [line for line in group if not _is_furniture(line, index, height, layout)]
        if not text_lines:
            continue
        if index == 0 and group[0].y > 0.8 * height and not in_notes:
            page.header.extend(text_lines)
            continue
        line = text_lines[0] if len(text_lines) == 1 else _Line([c for seg in text_lines for c in seg.chars], index)
        if _SEPARATOR.match(line.text):
            in_notes = True
            continue
        if not in_notes and _opens_notes(line, layout, height):
            in_notes = True
        (page.notes if in_notes else page.body).append(line)
    return page


def _opens_notes(line: _Line, layout: _Layout, height: float) -> bool:
    """Without a rule: a small-type line low on the page that starts with a raised marker."""
    first = next((c for c in line.chars if not c.space), None)
    return (first is not None and first.marker and line.size < 0.92 * layout.size
            and line.y < 0.4 * height)


# --- paragraphs ------------------------------------------------------------------
@dataclass
class _Open:
    label: str | None
    content: list[Inline]
    last: _Line
    centered: bool


class _Builder:
    def __init__(self, layout: _Layout) -> None:
        self.layout = layout
        self.blocks: list[RawBlock] = []
        self.open: _Open | None = None

    def flush(self) -> None:
        if self.open is not None and (self.open.content or self.open.label):
            block = self.open
            self.blocks.append(RawBlock(normalize_runs(block.content), block.label, centered=block.centered))
        self.open = None

    def header(self, line: _Line) -> None:
        self.flush()
        self.blocks.append(RawBlock(_line_content(line)))

    def add(self, line: _Line) -> None:
        label = _label(line)
        centered = self._centered(line)
        current = self.open
        if current is None or self._starts(current, line, label, centered):
            self.flush()
            if label is not None:
                self.open = _Open(label[0], list(_line_content(line, label[1])), line, centered)
            else:
                self.open = _Open(None, list(_line_content(line)), line, centered)
            return
        _append(current.content, _line_content(line))
        current.last = line

    def _centered(self, line: _Line) -> bool:
        layout = self.layout
        if layout.right <= layout.left:
            return False
        before, after = line.x0 - layout.left, layout.right - line.x1
        return before > 3 * layout.size and abs(before - after) < 2 * layout.size

    def _starts(self, current: _Open, line: _Line, label: tuple[str, int, float] | None, centered: bool) -> bool:
        if not current.content:
            return False
        prev = current.last
        text = plain_text(current.content).rstrip()
        indent = 0.8 * self.layout.size
        if centered != current.centered or _bold(line) != _bold(prev) or abs(line.size - prev.size) > 1.0:
            return True
        if line.x0 < self.layout.left - indent:
            return True
        if line.page != prev.page:
            indented = line.x0 > self.layout.left + indent
            return label is not None or (indented and text.endswith(_TERMINAL))
        gap = prev.y - line.y > 1.3 * max(self.layout.pitch, 1.15 * max(line.size, prev.size))
        if gap or centered:
            return gap
        if label is not None and (line.x0 > prev.x0 + indent or label[2] > 1.0 or text.endswith(_TERMINAL)):
            return True
        return line.x0 > prev.x0 + indent


def _bold(line: _Line) -> bool:
    return all(c.bold for c in line.chars if not c.space)


def _append(content: list[Inline], more: Sequence[Inline]) -> None:
    """Join a wrapped line: a space, except after a hyphen that ends the line."""
    if not more:
        return
    last = next((item for item in reversed(content) if isinstance(item, Text)), None)
    first = more[0]
    hyphen = last is not None and last.text.endswith("-") and isinstance(content[-1], Text)
    if hyphen and isinstance(first, Text) and re.match(r"(?:and|or|to)\s", first.text):
        hyphen = False  # a suspended compound: "troop- and police-contributing"
    if content and not hyphen:
        italic = bool(last and last.italic and isinstance(first, Text) and first.italic)
        content.append(Text(" ", italic))
    content.extend(more)


def _notes(pages: list[_Page]) -> dict[str, Sequence[Inline]]:
    notes: dict[str, list[Inline]] = {}
    current: str | None = None
    for page in pages:
        for line in page.notes:
            content = _line_content(line)
            lead = content[0] if content else None
            if isinstance(lead, NoteRef):
                current = lead.note
                notes[current] = _strip_left(content[1:])
            elif isinstance(lead, Text) and (match := re.match(r"(\d{1,3})\s+", lead.text)) and _leads(line):
                current = match.group(1)
                notes[current] = _strip_left([Text(lead.text[match.end():], lead.italic), *content[1:]])
            elif current is not None:
                _append(notes[current], content)
    return {key: normalize_runs(value) for key, value in notes.items()}


def _leads(line: _Line) -> bool:
    first = next(c for c in line.chars if not c.space)
    return first.size < line.size - 0.5 or first.y > line.y + 0.5


def _strip_left(content: Sequence[Inline]) -> list[Inline]:
    """The content, the white space at its start removed: the first run of a footnote's text."""
    out = list(content)
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip(), out[0].italic)
    return out


def _assemble(pages_chars: list[PageChars]) -> RawDoc:
    layout = _layout(pages_chars)
    pages = [_split_page(i, chars, height, layout) for i, (chars, height) in enumerate(pages_chars)]
    _measure(layout, pages)
    builder = _Builder(layout)
    for page in pages:
        for line in page.header:
            builder.header(line)
        for line in page.body:
            builder.add(line)
    builder.flush()
    raw = RawDoc(blocks=builder.blocks, notes=_notes(pages))
    refs = {item.note for block in raw.blocks for item in block.content if isinstance(item, NoteRef)}
    for marker in sorted(refs - set(raw.notes)):
        raw.warnings.append(f"footnote {marker} is referenced but its text was not found")
    return raw
