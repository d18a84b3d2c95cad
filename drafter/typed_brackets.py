"""Square brackets typed as characters, made bracket marks: a compilation text, a facilitator's Rev. or a
delegation's file arrives as Word or text with its brackets as plain "[" and "]".

**What is recognised.** In every paragraph and heading, the typed "[" and "]" pair up as they
nest ("[a [b] c]" is two brackets); each pair becomes a bracket mark (`drafter.negotiation_marks`) around
the same words. Who holds it is read where compilation texts write it, and that text then goes (the mark
carries it): right after the "]", "[…] (US)", "[…](EU, G77)" or "[…]US" (capitals, no space); or else a
comment on the bracketed words (or, for a whole paragraph, on the paragraph) whose whole text names a
delegation: "US", "Held by EU", "G77 bracket". A bracket around the whole text of a paragraph ("[OP5 …]",
the final ";" or "." inside or after it) becomes a paragraph bracket, around all of it; a paragraph
number typed inside it ("[4. Requests …]", "[OP4 …]") goes when it is the number the paragraph has.

**What stays text: the UN's own square brackets.** A pair is no negotiation mark when it stands in a footnote
(a footnote cites a source, whose words are not negotiated in the text: "the [Secretariat] will notify" in
the note of S/2024/557), or when what it holds is
- an ellipsis in a quotation: "[…]", "[...]", "[. . .]"; or nothing at all ("[]");
- an editor's note: "[sic]", "[emphasis added]", "[footnote omitted]", "[original]", "[translation]";
- a letter changed in a quotation: one letter before the rest of its word, "“[t]he right …”";
- a footnote reference written out: "^3", or a number of one to three digits right after a word or
  sign, "Charter[1]" (a number after a space, "within [5] years", is negotiated);
- a document symbol, or part of one: "[A/C.3/80/L.12]", "A/80/[xxx]", "E/2025/[…]/Add.1".
A "[" or "]" without its partner in the same paragraph stays text and is named with its paragraph. A
negotiation bracket left in an issued text by mistake is one all the same: of the corpus, only the draft
S/2018/221 has one, "[through, inter alia, mediation]" in OP7(a)(vi).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.comments import Comment
from drafter.model import Content, Inline, Resolution, Text, new_id, normalize_runs
from drafter.negotiation_marks import closing, opening

OBJECT = "\ufffc"  # stands for a footnote reference or an existing mark in the flat text
UNPAIRED = "no partner in its paragraph"
IN_NOTE = "in a footnote (a source's words, not negotiated ones)"
COMMAND = "Negotiation › Recognise typed brackets"
LABEL = "Recognise typed brackets"

_EDITORIAL_WORDS = {"sic", "sic!", "emphasis added", "emphasis in original", "italics added", "italics in original",
                    "footnote omitted", "footnotes omitted", "citation omitted", "citations omitted", "original",
                    "translation", "translated"}
_SYMBOL = re.compile(r"[A-Z]{1,4}(?:\.\d+)?(?:/[\w.\-]+)+(?:\s+and\s+(?:Corr|Add)\.\d+)*")
_ELLIPSIS = re.compile(r"[\s.…]+")
_NOTE_MARK = re.compile(r"\^\w{1,4}|\d{1,3}|\*{1,3}")
_ATTACHED = re.compile(r"[A-Z][A-Z0-9]{1,7}(?:[/+][A-Z][A-Z0-9]{1,7})*(?![\w’'])")
_IN_PARENTHESES = re.compile(r" ?\(([^()\[\]]{2,60})\)")
_NAME = re.compile(r"[A-Z][\w.’'\-]*(?: (?:[\w.’'\-]+)){0,4}")
_SEPARATOR = re.compile(r"\s*(?:,|/|\+|&|\band\b)\s*")
_HOLD_WORDS = re.compile(r"(?:(?:bracket(?:s|ed)?|held|proposed)\s+by\s+(?P<after>.+))|"
                         r"(?:(?P<before>.+?)\s+(?:brackets?|bracketed|proposal|reservation))", re.IGNORECASE)
_TYPED_NUMBER = re.compile(r"(?:(?:OP|PP)\s?)?(\d+(?:\s?\(\w+\))*(?:\s(?:bis|ter|quater|quinquies|sexies))?)"
                           r"[.:]?\s+")
_END_SIGNS = ";,.:"


def holder_named(text: str) -> str:
    """The delegation(s) a short text names ("US", "EU, G77", "Russian Federation"), or ""."""
    text = " ".join(text.split()).strip(" .;")
    if not 2 <= len(text) <= 60 or re.fullmatch(r"[IVXLCDM]+", text) or re.search(r"/\d", text):
        return ""
    parts = [part for part in _SEPARATOR.split(text) if part]
    if parts and all(len(part) > 1 and _NAME.fullmatch(part) for part in parts):
        return text
    return ""


def holder_in_comment(text: str) -> str:
    """The holder a comment's whole text names: "US", "Held by EU", "G77 bracket"; or ""."""
    text = " ".join(text.split()).strip(" .;")
    found = _HOLD_WORDS.fullmatch(text)
    return holder_named((found.group("after") or found.group("before")) if found else text)


def editorial(flat: str, start: int, end: int) -> str:
    """Why the typed pair at `start` ("[") and `end` ("]") of a flat text is the UN's own and no negotiation
    mark; "" when it is one."""
    inner = flat[start + 1:end]
    before, after = flat[start - 1:start], flat[end + 1:end + 2]
    if not inner.strip() or _ELLIPSIS.fullmatch(inner):
        return "an ellipsis" if inner.strip() else "empty"
    if inner.strip().lower() in _EDITORIAL_WORDS:
        return "an editor's note"
    if len(inner) == 1 and inner.isalpha() and after.isalpha() and after.islower():
        return "a letter changed in a quotation"
    if (inner.startswith("^") and _NOTE_MARK.fullmatch(inner)) or \
            (_NOTE_MARK.fullmatch(inner) and before and not before.isspace() and before not in "(["):
        return "a footnote reference"
    if _SYMBOL.fullmatch(inner.strip()) or before == "/" or after == "/":
        return "a document symbol"
    return ""


@dataclass(frozen=True)
class Found:
    """A typed bracket made a mark: the paragraph (id and label), the words, its holder."""

    unit: str
    place: str
    words: str
    holder: str = ""
    whole: bool = False  # around the whole paragraph

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "words": self.words, "holder": self.holder, "whole_paragraph": self.whole}


@dataclass(frozen=True)
class Left:
    """A typed bracket left as text, and why: the UN's own (an ellipsis, "[sic]"…), or one without partner."""

    unit: str
    place: str
    text: str  # "[sic]", or the lone "[" or "]"
    reason: str
    near: str = ""  # for a lone one, a few words around it

    @property
    def unpaired(self) -> bool:
        return self.reason == UNPAIRED

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "text": self.text, "reason": self.reason, "near": self.near}


@dataclass
class Recognition:
    """What recognising a text's typed brackets found, and the contents it gives each unit that changes."""

    found: list[Found] = field(default_factory=list)
    left: list[Left] = field(default_factory=list)
    contents: dict[str, tuple[Content, Content]] = field(default_factory=dict)  # unit id → (before, after)

    @property
    def unpaired(self) -> list[Left]:
        return [left for left in self.left if left.unpaired]

    def places(self) -> list[str]:
        return list(dict.fromkeys(found.place for found in self.found))

    def summary(self) -> str:
        """One or two sentences for the user: how many, where; the unpaired ones by paragraph."""
        count = len(self.found)
        out = "No typed square brackets to recognise." if not count else \
            f"{count} typed bracket{'s' if count != 1 else ''} made bracket marks ({_listed(self.places())})."
        if self.unpaired:
            out += " Left as text, without a partner in their paragraph: " + "; ".join(
                f"“{left.text}” in {left.place}" for left in self.unpaired) + "."
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"found": [found.to_dict() for found in self.found],
                "unpaired": [left.to_dict() for left in self.unpaired],
                "kept_as_text": [left.to_dict() for left in self.left if not left.unpaired]}


def _listed(places: list[str], most: int = 6) -> str:
    shown = ", ".join(places[:most])
    return shown + (f" and {len(places) - most} more" if len(places) > most else "")


# --- one content -----------------------------------------------------------------------------------
Cell = tuple[str, bool, Inline | None]  # a character, its italic, or the item that is no typed text


def _cells(content: Sequence[Inline]) -> list[Cell]:
    out: list[Cell] = []
    for item in content:
        if type(item) is Text:
            out += [(char, item.italic, None) for char in item.text]
        else:
            out.append((OBJECT, False, item))
    return out


def _pairs(flat: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The typed pairs of a flat text as they nest, and the positions of those without a partner."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for index, char in enumerate(flat):
        if char == "[":
            stack.append(index)
        elif char == "]":
            if stack:
                pairs.append((stack.pop(), index))
            else:
                lone.append(index)
    return sorted(pairs), sorted(lone + stack)


class _Marking:
    """The marks, deletions and moves that recognising one content makes, then the content they give."""

    def __init__(self, content: Sequence[Inline]) -> None:
        self.cells = _cells(content)
        self.flat = "".join(cell[0] for cell in self.cells)
        self.put: dict[int, list[Inline]] = {}  # cell index → what stands there instead
        self.after: dict[int, list[Inline]] = {}  # cell index → marks that follow it

    def gone(self, start: int, end: int) -> None:
        for index in range(start, end):
            self.put.setdefault(index, [])

    def content(self) -> Content:
        items: list[Inline] = []
        start = 0
        for index in sorted({*self.put, *self.after}):  # the cells between changes are taken as they are
            items += self._as_is(start, index)
            items += self.put[index] if index in self.put else self._as_is(index, index + 1)
            items += self.after.get(index, [])
            start = index + 1
        return normalize_runs(items + self._as_is(start, len(self.cells)))

    def _as_is(self, start: int, end: int) -> list[Inline]:
        """The cells start..end as content: their characters as runs, their items as they were."""
        out: list[Inline] = []
        chars: list[str] = []
        italic = False
        for char, char_italic, item in self.cells[start:end]:
            if item is None and (not chars or char_italic == italic):
                chars.append(char)
                italic = char_italic
                continue
            if chars:
                out.append(Text("".join(chars), italic))
                chars = []
            if item is None:
                chars, italic = [char], char_italic
            else:
                out.append(item)
        if chars:
            out.append(Text("".join(chars), italic))
        return out


def _typed_holder(marking: _Marking, end: int) -> tuple[str, int]:
    """The holder written right after the "]" at `end`, and where that writing ends."""
    rest = marking.flat[end + 1:end + 64]
    attached = _ATTACHED.match(rest)
    if attached:
        return attached.group(0), end + 1 + attached.end()
    written = _IN_PARENTHESES.match(rest)
    holder = holder_named(written.group(1)) if written else ""
    return (holder, end + 1 + written.end()) if written and holder else ("", end + 1)


def _whole(marking: _Marking, start: int, stop: int) -> int | None:
    """Where the closing mark of a bracket around the whole paragraph goes (after the last sign), or None
    when the typed pair [start … (holder ends at) stop) is not around the whole of it."""
    flat = marking.flat
    if flat[:start].strip() or flat[stop:].strip().strip(_END_SIGNS).strip():
        return None
    return len(flat.rstrip()) - 1


def recognise_content(content: Sequence[Inline], place: str = "", unit: str = "", comments: Iterable[Comment] = (),
                      in_note: bool = False) -> tuple[Content, list[Found], list[Left]]:
    """A content with its typed brackets made marks (see the module's rule); what was found, what was left.
    In a footnote (`in_note`) they all stay text."""
    if not _typed_in(content):  # most paragraphs of a text that has some have none: nothing to build
        return tuple(content), [], []
    marking = _Marking(content)
    flat = marking.flat
    pairs, lone = _pairs(flat)
    left = [Left(unit, place, flat[index], UNPAIRED, _context(flat, index)) for index in lone]
    found: list[Found] = []
    notes = [(" ".join(c.quote.split()), holder_in_comment(c.text)) for c in comments if not c.is_reply]
    for start, end in pairs:
        reason = IN_NOTE if in_note else editorial(flat, start, end)
        if reason:
            left.append(Left(unit, place, flat[start:end + 1].replace(OBJECT, ""), reason))
            continue
        holder, stop = _typed_holder(marking, end)
        inner = " ".join(flat[start + 1:end].replace(OBJECT, "").split())
        whole_end = _whole(marking, start, stop) if (start, end) == pairs[0] else None
        holder = holder or next((name for quote, name in notes if name and quote in (
            inner, f"[{inner}]", *(("",) if whole_end is not None else ()))), "")
        pair = new_id()
        marking.put[start] = [opening(holder, pair)]
        marking.gone(end + 1, stop)
        if whole_end is None:
            marking.put[end] = [closing(holder, pair)]
        else:
            marking.gone(end, end + 1)
            marking.after.setdefault(whole_end, []).append(closing(holder, pair))
            inner = _typed_number(marking, start, place) or inner
        found.append(Found(unit, place, inner, holder, whole_end is not None))
    if not found:  # the UN's own brackets only: nothing was marked
        return normalize_runs(content), found, left
    return marking.content(), found, left


def _typed_number(marking: _Marking, start: int, place: str) -> str:
    """Take out a paragraph number typed inside a whole-paragraph bracket when it is the paragraph's own
    ("[4. Requests" in OP4); the bracketed words that are left, or "" when there was none."""
    number = _TYPED_NUMBER.match(marking.flat, start + 1)
    label = re.sub(r"^(?:OP|PP)", "", place)
    if number is None or not label or number.group(1).replace(" ", "") != label.replace(" ", ""):
        return ""
    marking.gone(number.start(), number.end())
    return " ".join(marking.flat[number.end():].strip().rstrip("]").split())


def _context(flat: str, index: int, width: int = 24) -> str:
    before = re.sub(r"\s+", " ", flat[max(0, index - width):index]).lstrip()
    after = re.sub(r"\s+", " ", flat[index + 1:index + 1 + width]).rstrip()
    return f"“…{before}{flat[index]}{after}…”".replace(OBJECT, "")


# --- a whole text --------------------------------------------------------------------------------------
def units(res: Resolution) -> list[tuple[str, str, Content]]:
    """(id, place, content) of every paragraph, heading and footnote, in reading order."""
    labels = res.labels()
    out = [(block.id, labels.get(block.id, "heading"), block.content) for block in res.blocks()]
    return out + [(note.id, f"footnote {number}", note.content) for number, note in enumerate(res.footnotes, 1)]


def _typed_in(content: Sequence[Inline]) -> bool:
    """Whether a content has a "[" or "]" as text."""
    return any(type(item) is Text and ("[" in item.text or "]" in item.text) for item in content)


def _typed_anywhere(res: Resolution) -> bool:
    """Whether any paragraph, heading or footnote has a "[" or "]" as text (most texts have none)."""
    contents = [block.content for block in res.blocks()] + [note.content for note in res.footnotes]
    return any(_typed_in(content) for content in contents)


def recognise(res: Resolution) -> Recognition:
    """Every typed bracket of a text recognised (the text itself is not changed: see `contents`)."""
    out = Recognition()
    if not _typed_anywhere(res):
        return out
    on: dict[str, list[Comment]] = {}
    for comment in res.comments:
        on.setdefault(comment.block, []).append(comment)
    for key, place, content in units(res):
        after, found, left = recognise_content(content, place, key, on.get(key, ()), place.startswith("footnote"))
        out.found += found
        out.left += left
        if found:
            out.contents[key] = (tuple(content), after)
    return out


def reader_warnings(res: Resolution) -> list[str]:
    """What a reader says of a text with typed brackets: where they are, and how to make them marks; each
    unpaired one with its paragraph."""
    found = recognise(res)
    out = []
    if found.found:
        out.append(f"typed square brackets, not bracket marks, in {_listed(found.places())} "
                   f"({len(found.found)} bracketed spans): {COMMAND} makes them marks")
    out += [f"{left.place}: a typed “{left.text}” has {UNPAIRED} and stays text: {left.near}"
            for left in found.unpaired]
    return out


def is_hint(warning: str) -> bool:
    """Whether a reader warning is the hint `reader_warnings` gives for recognisable brackets."""
    return warning.startswith("typed square brackets, not bracket marks")


__all__ = ["COMMAND", "IN_NOTE", "UNPAIRED", "Found", "Left", "Recognition", "editorial", "holder_in_comment",
           "holder_named", "is_hint", "reader_warnings", "recognise", "recognise_content", "units"]
