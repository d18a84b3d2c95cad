"""Reading the front matter: header block, adoption lines, sponsors, number and title.

The front matter arrives as the lines before the enacting formula. Readers
lay them out differently (one field a line, or several fields on one line), so
each field is found by its own pattern in the joined text, and what no pattern
claims is kept in `FrontMatter.extra`, never dropped. A draft's sponsor list is
the run of lines of States' names before ": draft resolution"; the agenda item's
title runs from "Agenda item 97 (a)" to it. A symbol may be a placeholder typed
before issue ("A/C.3/76/L.__", "A/80/L.xx").
"""

from __future__ import annotations

import re

from drafter.model import AgendaItem, FrontMatter

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = rf"\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}"

# the number of an L. document, or the placeholder drafters type before it is issued ("L.__", "L.xx")
L_NUMBER = r"L\.(?:\d+|_+|[xX]{1,3}\b|…)(?:/Rev\.\d+)?"
SYMBOL = re.compile(
    rf"\b(?:A/RES/\d+/\d+(?: [A-Z]\b)?|A/C\.\d/\d+/{L_NUMBER}|A/\d+/{L_NUMBER}"
    rf"|A/HRC/RES/\d+/\d+|A/HRC/\d+/{L_NUMBER}|E/RES/\d{{4}}/\d+|E/\d{{4}}/{L_NUMBER}"
    r"|S/RES/\d+ \(\d{4}\)|S/\d{4}/\d+)"
)
ORGANS = ["General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council"]
COMMITTEES = {
    "1": "First Committee", "2": "Second Committee", "3": "Third Committee",
    "4": "Fourth Committee", "5": "Fifth Committee", "6": "Sixth Committee",
}
_FIELDS = [
    ("distribution", re.compile(r"Distr\.:\s*(General|Limited|Restricted)")),
    ("original", re.compile(r"Original:\s*([A-Z][a-z]+)")),
    ("session", re.compile(r"\b((?:[A-Z][a-z]+-)?[A-Za-z]+ (?:special |emergency special )?session)\b")),
    ("adoption", re.compile(rf"(Resolution adopted by the [A-Z][A-Za-z ]+?\s+on\s+{DATE})")),
    ("report", re.compile(r"(\[[^\]]{5,300}\])")),
]
_AGENDA = re.compile(r"Agenda items?\s+(\d+(?:\s*\([a-z]\))?(?:(?:,\s*|\s+and\s+)\d+(?:\s*\([a-z]\))?)*)")
_NUMBER = re.compile(r"(?m)^\s*(\d{1,3}/\d{1,4}(?: [A-Z])?)\.\s+")
_SPONSORS = re.compile(r"\*?:\s*\*?\s*(?:revised\s+)?draft\s+resolution\b", re.IGNORECASE)
_COMMITTEE_LINE = re.compile(r"(?m)^((?:First|Second|Third|Fourth|Fifth|Sixth) Committee)$")
# a line of a sponsor list that goes on in the next line: "…, Viet Nam and" / "Bolivarian Republic of"
_LIST_GOES_ON = re.compile(r"(?:,|\band|\bof|\bthe|\(|-|–)\*?$")
_CONNECTORS = {"of", "the", "and", "de", "del", "da", "du"}
_FURNITURE = re.compile(r"^(?:United Nations|Distr\.:?)$")


def parse_front(lines: list[str]) -> FrontMatter:
    text = "\n".join(line.strip() for line in lines)
    front = FrontMatter()
    spans: list[tuple[int, int]] = []

    def claim(match: re.Match[str]) -> None:
        spans.append((match.start(), match.end()))

    symbol = next((m for m in SYMBOL.finditer(text) if not _in_brackets(text, m.start())), None)
    if symbol:
        front.symbol = symbol.group()
        claim(symbol)
    front.organ = _organ(text, front.symbol)
    organ = re.search(re.escape(front.organ), text) if front.organ else None
    if organ:
        claim(organ)
    for name, pattern in _FIELDS:
        match = pattern.search(text)
        if match:
            setattr(front, name, " ".join(match.group(1).split()))
            claim(match)
    date = re.search(DATE, text)
    while date and _inside(date.start(), spans):
        date = re.compile(DATE).search(text, date.end())
    if date:
        front.date = " ".join(date.group().split())
        claim(date)

    agenda = _AGENDA.search(text)
    if agenda:
        claim(agenda)
    boundaries = sorted(start for start, _ in spans)
    number = _NUMBER.search(text)
    sponsors = _SPONSORS.search(text)
    if sponsors:
        begin = _sponsors_start(text, sponsors.start(), spans, agenda)
        front.sponsors = " ".join(text[begin:sponsors.start()].replace("*", " ").split())
        front.doc_type = "revised draft resolution" if "revised" in sponsors.group().lower() else "draft resolution"
        spans.append((begin, sponsors.end()))
        boundaries.append(begin)
    if number:
        front.number = number.group(1)
        boundaries.append(number.start())
    if agenda:
        stop = min([b for b in boundaries if b > agenda.end()] or [len(text)])
        title = " ".join(text[agenda.end():stop].split())
        front.agenda_items = [AgendaItem(item.strip(), "") for item in re.split(r",\s*|\s+and\s+", agenda.group(1))]
        if front.agenda_items:
            front.agenda_items[-1].title = title
        spans.append((agenda.start(), stop))
    if number:
        front.title = " ".join(text[number.end():].split())
        spans.append((number.start(), len(text)))
    elif sponsors:
        rest = text[sponsors.end():]
        front.title = " ".join(rest.split())
        spans.append((sponsors.end(), len(text)))
    front.extra = _leftover(text, spans)
    if not front.symbol and front.number and front.organ == "General Assembly":
        front.symbol = f"A/RES/{front.number}"
    return front


def _sponsors_start(text: str, end: int, spans: list[tuple[int, int]], agenda: re.Match[str] | None) -> int:
    """Where the sponsor list that ends at `end` (before ": draft resolution") begins.

    The list starts a line of its own and may wrap over several; a line before it belongs to it where the
    list goes on ("…, Viet Nam and" / "Zimbabwe") or is a list of names itself, never the agenda item's
    title's first line. Where one line also holds the end of the agenda title ("… outer space Algeria,
    Bangladesh"), the list starts at its first name."""
    floor = max([stop for _, stop in spans if stop <= end] or [0])
    if agenda and text.startswith("\n", agenda.end()):
        title_end = text.find("\n", agenda.end() + 1)  # the agenda item's title fills at least a line
        if 0 <= title_end < end:
            floor = max(floor, title_end)
    start = text.rfind("\n", 0, end) + 1
    while start > floor:
        before = text.rfind("\n", 0, start - 1) + 1
        line, following = text[before:start - 1], text[start:end]
        names = "," in line and all(_is_name(part) for part in re.split(r",\s*|\s+and\s+", line.strip(" ,")))
        if not (names or _LIST_GOES_ON.search(line) or following[:1].islower() or following[:1] == ")"):
            break
        start = before
    return _first_name(text, max(start, floor), end)


def _first_name(text: str, start: int, end: int) -> int:
    """The start of the list of names in text[start:end]: every name but the first stands alone between
    commas or "and"; the first may follow other words on its line, of which only its own are capitalized."""
    pieces = list(re.finditer(r"[^,]+", text[start:end]))
    if not pieces:
        return start
    names: list[re.Match[str]] = []
    for piece in reversed(pieces):
        parts = re.split(r"\s+and\s+", piece.group())
        if piece.group().strip() and not all(_is_name(part) for part in parts):
            break
        names.insert(0, piece)
    if names and names[0] is pieces[0]:
        return start + len(pieces[0].group()) - len(pieces[0].group().lstrip())
    head = pieces[len(pieces) - len(names) - 1]
    words = list(re.finditer(r"[^\s(]+(?:\s*\([^)]*\))?|\([^)]*\)", head.group()))  # "Bolivia (… of)" is one
    first = len(words)
    while first > 0 and _is_name(words[first - 1].group()):
        first -= 1
    while first < len(words) and words[first].group().lower() in _CONNECTORS:
        first += 1
    half = (len(words) - first) // 2
    if half and [w.group() for w in words[first:first + half]] == [w.group() for w in words[len(words) - half:]]:
        first = len(words) - half  # "… against Cuba Cuba: draft resolution": the title ends with the name
    if first < len(words):
        return start + head.start() + words[first].start()
    return start + names[0].start() if names else start  # no names: the whole line stays the sponsors


def _is_name(part: str) -> bool:
    """Does the text read like a State's name ("Bolivarian Republic of Venezuela", "Côte d’Ivoire")?"""
    words = re.sub(r"\([^)]*\)?|\*", " ", part).split()
    if not words or len(words) > 8:
        return False
    return all(word[0].isupper() or word.lower() in _CONNECTORS or word.startswith(("d’", "d'"))
               for word in words) and any(word[0].isupper() for word in words)


def _organ(text: str, symbol: str) -> str:
    committee = re.match(r"A/C\.(\d)/", symbol)
    if committee:
        return COMMITTEES.get(committee.group(1), "General Assembly")
    standing = _COMMITTEE_LINE.search(text)
    if standing and not symbol.startswith(("A/RES/", "S/", "E/")):
        return standing.group(1)
    for organ in ORGANS:
        if organ in text:
            return organ
    if symbol.startswith("S/"):
        return "Security Council"
    if symbol.startswith("A/HRC"):
        return "Human Rights Council"
    if symbol.startswith("A/"):
        return "General Assembly"
    return ""


def _in_brackets(text: str, position: int) -> bool:
    """Inside "[on the report of … (A/72/439/Add.2)]": a reference, not the document's own symbol."""
    return text.rfind("[", 0, position) > text.rfind("]", 0, position)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _leftover(text: str, spans: list[tuple[int, int]]) -> list[str]:
    keep = [True] * len(text)
    for start, end in spans:
        for index in range(start, end):
            keep[index] = False
    rest = "".join(ch if keep[i] else "\n" for i, ch in enumerate(text))
    out = []
    for line in rest.split("\n"):
        line = line.strip(" :,")
        if line and not _FURNITURE.match(line):
            out.append(line)
    return out
