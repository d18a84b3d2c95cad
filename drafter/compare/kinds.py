"""What kind of change a word diff is: negotiated, technical, or renumbering.

Technical updates are the mechanical edits of a follow-up text: session
ordinals ("seventy-third" → "seventy-fifth", "Seventy-first Session"),
resolution and document symbols ("70/153", "A/71/53", "S/2018/257") with their
dates ("of 17 December 2015"), years, Security Council resolution numbers
("2408 (2018)"), and in the front matter also plain numbers (agenda items,
meetings). A changed group of words is technical when every word in it is such a
token or a connector ("and", "of", ","), and at least one is such a token.

Renumbering: a cross-reference that follows the shift of paragraph numbers
("paragraph 5 above" → "paragraph 6 above" where OP5 became OP6).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from functools import lru_cache

from drafter.compare.words import DELETE, EQUAL, INSERT, Segment, Tokens

UNCHANGED = "unchanged"
INSERTED = "inserted"
DELETED = "deleted"
MODIFIED = "modified"
MOVED = "moved"
SPLIT = "split"
MERGED = "merged"
RENUMBERED = "renumbered"
TECHNICAL = "technical"
KINDS = (INSERTED, DELETED, MODIFIED, MOVED, SPLIT, MERGED, RENUMBERED, TECHNICAL)

# Op tags
TAG_TECHNICAL = "technical"
TAG_RENUMBERING = "renumbering"

_UNITS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
          "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINAL = re.compile(
    rf"(?:(?:{_TENS})[-\u2010\u2011](?:{_UNITS})|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth"
    r"|hundredth|\d+(?:st|nd|rd|th))",
    re.IGNORECASE,
)
_SIMPLE_ORDINAL = re.compile(_UNITS, re.IGNORECASE)
_YEAR = re.compile(r"(?:19[4-9]\d|20\d\d)")
_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])")
_NUMBER = re.compile(r"\d+")
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"])
_CONNECTORS = frozenset([",", ";", "and", "of", "resolution", "resolutions", "decision", "decisions",
                         "(", ")", "to", "its"])
_PARAGRAPH_WORDS = frozenset(["paragraph", "paragraphs", "para", "paras", "para.", "paras."])
_REFERENCE_FILLER = frozenset([",", "and", "to", "(", ")", "-", "\u2013", "or"])
_EXTERNAL = frozenset(["resolution", "resolutions", "decision", "decisions", "report", "document",
                       "annex", "declaration", "convention", "agreement", "charter", "article"])


def _is_symbol(word: str) -> bool:
    return "/" in word and any(ch.isdigit() for ch in word)


def _word_at(texts: list[str], index: int) -> str:
    return texts[index].strip().lower() if 0 <= index < len(texts) else ""


_NEVER, _ALWAYS, _BEFORE_SESSION, _NUMBER_CLASS = 0, 1, 2, 3


@lru_cache(maxsize=1 << 16)
def word_class(word: str) -> int:
    """What a word alone says about being technical: never (0), always (1), a simple ordinal that
    is technical before "session" (2), or a number that depends on its neighbours (3)."""
    if _is_symbol(word) or _ORDINAL.fullmatch(word) or _YEAR.fullmatch(word):
        return _ALWAYS
    if _SIMPLE_ORDINAL.fullmatch(word):
        return _BEFORE_SESSION
    if word.lower() in _MONTHS:
        return _ALWAYS
    if _NUMBER.fullmatch(word):
        return _NUMBER_CLASS
    return _NEVER


def is_technical(texts: list[str], index: int, front: bool = False) -> bool:
    """Whether the token at `index` of token texts (`Tokens.texts`) is a session ordinal, symbol,
    year or date part."""
    word = texts[index].strip()
    if not word:
        return False
    kind = word_class(word)
    if kind in (_NEVER, _ALWAYS):
        return kind == _ALWAYS
    if kind == _BEFORE_SESSION:
        return _word_at(texts, index + 1) == "session"
    # a number
    if front:
        return True
    if _DAY.fullmatch(word) and (_word_at(texts, index + 1) in _MONTHS
                                 or _word_at(texts, index - 1) in _MONTHS):
        return True
    # Security Council style: "resolution 2408 (2018)"
    return _word_at(texts, index + 1) == "(" and bool(_YEAR.fullmatch(_word_at(texts, index + 2)))


def _groups(segments: list[Segment]) -> list[tuple[list[int], range, range]]:
    """The changed segments, grouped between equal segments: their indexes, and the old and new
    token ranges of the group (what `_ranges` gives)."""
    groups: list[tuple[list[int], range, range]] = []
    current: list[int] = []
    old_range = new_range = range(0, 0)
    for index, segment in enumerate(segments):
        if segment.op == EQUAL:
            if current:
                groups.append((current, old_range, new_range))
                current = []
                old_range = new_range = range(0, 0)
        else:
            current.append(index)
            if segment.op == DELETE:
                old_range = segment.old
            elif segment.op == INSERT:
                new_range = segment.new
    if current:
        groups.append((current, old_range, new_range))
    return groups


Refiner = Callable[[range, range], list[Segment]]


def tag_segments(
    segments: list[Segment],
    old: Tokens,
    new: Tokens,
    *,
    op_numbers: Mapping[int, int] | None = None,
    front: bool = False,
    refine: Refiner | None = None,
) -> tuple[list[Segment], list[str]]:
    """The segments, with one tag each: "" (negotiated or equal), "technical" or "renumbering".

    Semantic cleanup merges "[-74/153 of 18 December 2019, Council resolution 44/18-]" into one
    replacement; `refine` re-diffs such a group word by word, and when every piece of it is a
    technical update the finer pieces replace the group.
    """
    numbers = op_numbers or {}
    tags = [""] * len(segments)
    refined: list[tuple[list[int], list[Segment], list[str]]] = []  # groups and their finer pieces
    for group, old_range, new_range in _groups(segments):
        tag = group_tag(old, new, old_range, new_range, numbers, front)
        if tag:
            for index in group:
                tags[index] = tag
        elif tag is None and refine is not None:
            fine = refine(old_range, new_range)
            fine_tags = [""] * len(fine)
            for piece, piece_old, piece_new in _groups(fine):
                piece_tag = _tag_group(old, new, piece_old, piece_new, numbers, front)
                for index in piece:
                    fine_tags[index] = piece_tag
            changed = [tag for segment, tag in zip(fine, fine_tags, strict=True) if segment.op != EQUAL]
            if any(changed):
                if not all(changed):
                    fine, fine_tags = _merge_negotiated(fine, fine_tags)
                refined.append((group, fine, fine_tags))
    if not refined:
        return segments, tags
    out_segments: list[Segment] = []
    out_tags: list[str] = []
    position = 0
    for group, fine, fine_tags in refined:
        out_segments += segments[position:group[0]]
        out_tags += tags[position:group[0]]
        out_segments += fine
        out_tags += fine_tags
        position = group[-1] + 1
    out_segments += segments[position:]
    out_tags += tags[position:]
    return out_segments, out_tags


def group_tag(old: Tokens, new: Tokens, old_range: range, new_range: range, op_numbers: Mapping[int, int],
              front: bool = False) -> str | None:
    """The tag of one changed group of a diff (its deleted and inserted token ranges; an empty one is
    `range(0, 0)`), or None when it is negotiated as a whole but a finer diff of it could still find
    technical pieces (`tag_segments` then refines it)."""
    tag = _tag_group(old, new, old_range, new_range, op_numbers, front)
    if tag or len(old_range) + len(new_range) <= 2 or not _may_hold_technical(old, new, old_range, new_range):
        return tag
    return None


def _may_hold_technical(old: Tokens, new: Tokens, old_range: range, new_range: range) -> bool:
    """Whether any finer piece of a changed group could be tagged: some word in it or next to it
    (or the first word of the new text, which a deletion-only piece looks at) could be technical,
    or some token is whitespace only."""
    texts = [*old.texts[old_range.start:old_range.stop], *new.texts[new_range.start:new_range.stop]]
    if new.texts:
        texts.append(new.texts[0])
        if new_range.start >= 1:
            texts.append(new.texts[new_range.start - 1])
        if new_range.stop < len(new.texts):
            texts.append(new.texts[new_range.stop])
    cores = list(map(str.strip, texts))
    return "" in cores or any(map(word_class, cores))  # a class other than _NEVER (0)


def _merge_negotiated(segments: list[Segment], tags: list[str]) -> tuple[list[Segment], list[str]]:
    """Join negotiated pieces that only one or two equal words keep apart, as semantic cleanup would."""
    pieces: list[tuple[range, range, str, bool]] = []  # old, new, tag, is_equal
    for group_or_equal in _runs(segments):
        if segments[group_or_equal[0]].op == EQUAL:
            segment = segments[group_or_equal[0]]
            pieces.append((segment.old, segment.new, "", True))
        else:
            old_range, new_range = _ranges(segments, group_or_equal)
            old_range = old_range if len(old_range) else range(segments[group_or_equal[0]].old.start,
                                                                segments[group_or_equal[0]].old.start)
            new_range = new_range if len(new_range) else range(segments[group_or_equal[0]].new.start,
                                                                segments[group_or_equal[0]].new.start)
            tag = tags[group_or_equal[0]]
            if (len(pieces) >= 2 and not tag and not pieces[-2][3] and not pieces[-2][2]
                    and pieces[-1][3] and len(pieces[-1][0]) <= 2):
                first = pieces[-2]
                pieces[-2:] = []
                old_range = range(first[0].start, old_range.stop)
                new_range = range(first[1].start, new_range.stop)
            pieces.append((old_range, new_range, tag, False))
    out: list[Segment] = []
    out_tags: list[str] = []
    for old_range, new_range, tag, is_equal in pieces:
        if is_equal:
            out.append(Segment(EQUAL, old_range, new_range))
            out_tags.append("")
            continue
        if len(old_range):
            out.append(Segment(DELETE, old_range, range(new_range.start, new_range.start)))
            out_tags.append(tag)
        if len(new_range):
            out.append(Segment(INSERT, range(old_range.stop, old_range.stop), new_range))
            out_tags.append(tag)
    return out, out_tags


def _runs(segments: list[Segment]) -> list[list[int]]:
    """Indexes of segments: each equal one alone, each changed group together."""
    runs: list[list[int]] = []
    for index, segment in enumerate(segments):
        if segment.op != EQUAL and runs and segments[runs[-1][0]].op != EQUAL:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _ranges(segments: list[Segment], group: list[int]) -> tuple[range, range]:
    old_range = range(0, 0)
    new_range = range(0, 0)
    for index in group:
        if segments[index].op == DELETE:
            old_range = segments[index].old
        elif segments[index].op == INSERT:
            new_range = segments[index].new
    return old_range, new_range


def _tag_group(old: Tokens, new: Tokens, old_range: range, new_range: range,
               op_numbers: Mapping[int, int], front: bool) -> str:
    words = False  # any token not whitespace only
    mechanical = True  # every word technical or a connector
    technical = False  # and at least one technical
    for texts, indexes in ((old.texts, old_range), (new.texts, new_range)):
        for i in indexes:
            core = texts[i].strip()
            if not core:
                continue
            words = True
            kind = word_class(core)  # `is_technical`, without its call for the words that settle it alone
            if kind == _ALWAYS or (kind != _NEVER and is_technical(texts, i, front)):
                technical = True
            elif core.lower() not in _CONNECTORS:
                mechanical = False
                break
        if not mechanical:
            break
    if not words:
        return TAG_TECHNICAL  # whitespace only
    if mechanical:
        if technical:
            return TAG_TECHNICAL
        # "and" → "," when a symbol joins a list: technical if it touches a technical word
        before = new_range.start - 1
        after = new_range.stop
        if (before >= 0 and is_technical(new.texts, before, front)) or (
            after < len(new.texts) and is_technical(new.texts, after, front)
        ):
            return TAG_TECHNICAL
    if _is_reference_shift(old, new, old_range, new_range, op_numbers):
        return TAG_RENUMBERING
    return ""


def _is_reference_shift(old: Tokens, new: Tokens, old_range: range, new_range: range,
                        op_numbers: Mapping[int, int]) -> bool:
    if not op_numbers or not old_range or not new_range:
        return False
    first = old.texts[old_range[0]].strip()
    if first and not first[0].isdecimal():  # the usual case: no number changed here
        return False
    deleted = [core for core in map(str.strip, old.texts[old_range.start:old_range.stop]) if core]
    inserted = [core for core in map(str.strip, new.texts[new_range.start:new_range.stop]) if core]
    if not deleted or len(deleted) != len(inserted):
        return False
    for before, after in zip(deleted, inserted, strict=True):
        if not (before.isdecimal() and after.isdecimal() and before.isascii() and after.isascii()):
            return False
        if op_numbers.get(int(before)) != int(after) or before == after:
            return False
    # look back for "paragraph(s)" over numbers and list fillers
    index = new_range.start - 1
    steps = 0
    while index >= 0 and steps < 10:
        word = new.texts[index].strip().lower()
        if word in _PARAGRAPH_WORDS:
            break
        if not (word.isdecimal() or word in _REFERENCE_FILLER or (len(word) <= 4 and word.isalpha())):
            return False
        index -= 1
        steps += 1
    else:
        return False
    if index < 0:
        return False
    # "paragraph 5 of resolution 72/169" points elsewhere
    stop = new_range.stop
    if _word_at(new.texts, stop) == "of":
        following = [_word_at(new.texts, stop + k) for k in (1, 2, 3)]
        if "present" not in following and any(word in _EXTERNAL for word in following):
            return False
    return True


def text_kind(segments: list[Segment], tags: list[str]) -> str:
    """unchanged, technical, renumbered or modified, from the word diff of one pair."""
    return kind_of_tags({tag for segment, tag in zip(segments, tags, strict=True) if segment.op != EQUAL})


def kind_of_tags(tags: AbstractSet[str]) -> str:
    """unchanged, technical, renumbered or modified, from the tags of the changed pieces of a diff."""
    if not tags:
        return UNCHANGED
    if "" in tags:
        return MODIFIED
    return TECHNICAL if TAG_TECHNICAL in tags else RENUMBERED
