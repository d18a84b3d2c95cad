"""The marks of a text under negotiation: square brackets, paragraph status, "number as in" a reference.

**Square brackets are inline items of their own.** A `Bracket` is one mark, "[" or "]", standing in a
paragraph's content between its text runs, as a `NoteRef` does. The opening and the closing mark of one
bracketed span share a `pair` id and name who holds them (`holder`: a delegation). Why items and not
spans kept beside the content: every edit in `drafter.edits` replaces a content with a new one and
counts positions per character; a mark that is itself one character of the content moves with the
words around it through typing, splitting, joining, deleting and pasting without any edit having to
know of it, the editor shows it as the "[" it is, and undo restores it with the content it belongs to.
Spans would have to be shifted by every edit that changes a content, and one edit that forgot would
put the bracket around other words.

`Bracket` is a `Text` whose text is "[" or "]", so what does not know brackets (the comparison, the
redline, the tracked export, the printed view) shows them as the square brackets they are. What knows
them keeps them apart: `normalize_runs` never merges a mark into a run, `balanced` drops a mark whose
partner went (deleting one end of a bracket removes the bracket), `split_marks` closes a bracket at
a paragraph split and opens it again in the new paragraph, `strip_brackets` takes them all out for the
clean text.

A paragraph's status is "" (open), "ad ref" (agreed ad referendum) or "agreed" (`Paragraph.status`).
Alternatives of a paragraph are sibling paragraphs that share `Paragraph.alternative`, a group key.
`NumberAs` is the draft's setting "number as in <version>": the labels the paragraphs had in that
text, so that they keep them and new ones become "bis", "ter" (`drafter.labels`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from drafter.model import Bracket, Content, Inline, NumberAs, Text, new_id, normalize_runs

OPEN, AD_REF, AGREED = "", "ad ref", "agreed"
STATUSES = (OPEN, AD_REF, AGREED)
STATUS_NAMES = {OPEN: "open", AD_REF: "agreed ad ref", AGREED: "agreed"}
OPENING, CLOSING = "[", "]"


def status_name(status: str) -> str:
    return STATUS_NAMES.get(status, status)


def status_of(name: str) -> str:
    """A status from what a user or a file calls it: "open", "ad ref", "agreed ad ref", "agreed"."""
    key = " ".join(name.lower().replace("-", " ").replace("_", " ").split())
    for status, shown in STATUS_NAMES.items():
        if key in (status, shown) and (key or status == OPEN):
            return status
    raise ValueError(f"unknown paragraph status {name!r}: it is one of {', '.join(STATUS_NAMES.values())}")


def opening(holder: str = "", pair: str = "") -> Bracket:
    return Bracket(OPENING, False, holder, pair or new_id())


def closing(holder: str, pair: str) -> Bracket:
    return Bracket(CLOSING, False, holder, pair)


def size(item: Inline) -> int:
    """How many positions an item takes: its characters, or one for a footnote reference."""
    return len(item.text) if isinstance(item, Text) else 1


@dataclass(frozen=True)
class Span:
    """A bracketed span of a content: the positions of its "[" and "]" (the words lie between)."""

    pair: str
    holder: str
    start: int
    end: int


def spans(content: Sequence[Inline]) -> list[Span]:
    """The bracketed spans of a balanced content, in the order their "[" stand."""
    opened: dict[str, tuple[int, str]] = {}
    out: list[Span] = []
    pos = 0
    for item in content:
        if isinstance(item, Bracket):
            if item.opening:
                opened[item.pair] = (pos, item.holder)
            elif item.pair in opened:
                start, holder = opened.pop(item.pair)
                out.append(Span(item.pair, holder, start, pos))
        pos += size(item)
    return sorted(out, key=lambda span: span.start)


def has_brackets(content: Iterable[Inline]) -> bool:
    return any(isinstance(item, Bracket) for item in content)


def balanced(content: Sequence[Inline]) -> Content:
    """The content with every mark whose partner is missing (or stands on the wrong side) left out, and a
    second mark of a pair that already has one; unchanged (the same object) when nothing is wrong."""
    if not has_brackets(content):
        return tuple(content)
    openings: dict[str, int] = {}
    closings: dict[str, int] = {}
    for index, item in enumerate(content):
        if isinstance(item, Bracket):
            if item.opening:
                openings.setdefault(item.pair, index)
            elif item.pair in openings:
                closings.setdefault(item.pair, index)
    keep = {index for pair, index in openings.items() if pair in closings} | set(closings.values())
    if len(keep) == sum(1 for item in content if isinstance(item, Bracket)):
        return tuple(content)
    return normalize_runs(item for index, item in enumerate(content) if not isinstance(item, Bracket) or index in keep)


def cut(content: Sequence[Inline], offset: int) -> tuple[list[Inline], list[Inline]]:
    """The items before and after a position, a run cut in two where the position falls inside it."""
    left: list[Inline] = []
    right: list[Inline] = []
    pos = 0
    for item in content:
        width = size(item)
        if pos + width <= offset:
            left.append(item)
        elif pos >= offset:
            right.append(item)
        else:
            assert isinstance(item, Text) and not isinstance(item, Bracket)
            left.append(Text(item.text[:offset - pos], item.italic))
            right.append(Text(item.text[offset - pos:], item.italic))
        pos += width
    return left, right


def split_marks(content: Sequence[Inline], offset: int) -> tuple[Content, Content]:
    """A content split at `offset` (Enter): a bracket open there is closed at the end of the first part and
    opened again, as a bracket of its own held by the same delegation, at the start of the second (a part
    that would hold an empty bracket has none: the bracket stays whole in the other part)."""
    left, right = cut(content, offset)
    still_open = [span for span in spans(content) if span.start < offset <= span.end]
    if not still_open:
        return normalize_runs(left), normalize_runs(right)
    left = _without_empty(left + [closing(span.holder, span.pair) for span in reversed(still_open)])
    in_left = {item.pair for item in left if isinstance(item, Bracket)}
    fresh = {span.pair: new_id() if span.pair in in_left else span.pair for span in still_open}
    right = [opening(span.holder, fresh[span.pair]) for span in still_open] + [
        Bracket(item.text, False, item.holder, fresh[item.pair])
        if isinstance(item, Bracket) and item.pair in fresh else item for item in right]
    return normalize_runs(left), normalize_runs(_without_empty(right))


def _without_empty(items: list[Inline]) -> list[Inline]:
    """Items without the brackets that hold nothing ("[" right before its "]")."""
    empty = {first.pair for first, second in pairwise(items)
             if isinstance(first, Bracket) and isinstance(second, Bracket) and first.pair == second.pair
             and first.opening}
    return [item for item in items if not (isinstance(item, Bracket) and item.pair in empty)]


def joined(first: Sequence[Inline], second: Sequence[Inline]) -> list[Inline]:
    """Two contents joined (Backspace at the start of a paragraph): brackets closed at the end of the first
    and opened, held by the same delegations, at the start of the second become one again, as they were
    before a split (nested ones too)."""
    head, tail = list(first), list(second)
    while head and tail:
        end, start = head[-1], tail[0]
        if not (isinstance(end, Bracket) and isinstance(start, Bracket) and not end.opening and start.opening
                and end.holder == start.holder):
            break
        head.pop()
        tail.pop(0)
        pair, gone = end.pair, start.pair
        tail = [Bracket(item.text, False, item.holder, pair) if isinstance(item, Bracket) and item.pair == gone
                else item for item in tail]
    return [*head, *tail]


def renewed(content: Sequence[Inline]) -> Content:
    """The content with new pair ids for its brackets (a copy of a paragraph brackets its words anew)."""
    fresh: dict[str, str] = {}
    return tuple(Bracket(item.text, False, item.holder, fresh.setdefault(item.pair, new_id()))
                 if isinstance(item, Bracket) else item for item in content)


def bracket(content: Sequence[Inline], start: int, end: int, holder: str) -> Content:
    """The content with a new bracket around [start, end), held by `holder`."""
    start, end = sorted((start, end))
    head, rest = cut(content, start)
    middle, tail = cut(rest, end - start)
    pair = new_id()
    return normalize_runs([*head, opening(holder, pair), *middle, closing(holder, pair), *tail])


def without_pair(content: Sequence[Inline], pair: str) -> Content:
    """The content with both marks of one bracket taken out."""
    return normalize_runs(item for item in content if not (isinstance(item, Bracket) and item.pair == pair))


def with_holder(content: Sequence[Inline], pair: str, holder: str) -> Content:
    """The content with one bracket held by another delegation."""
    return tuple(Bracket(item.text, False, holder, pair) if isinstance(item, Bracket) and item.pair == pair
                 else item for item in content)


def innermost(content: Sequence[Inline], start: int, end: int | None = None) -> Span | None:
    """The narrowest bracket around a position (or a selection [start, end)): a position just inside
    its "[" or just after its "]" counts as in it."""
    end = start if end is None else end
    around = [span for span in spans(content) if span.start <= min(start, end) and max(start, end) <= span.end + 1]
    return min(around, key=lambda span: span.end - span.start, default=None)


def strip_brackets(content: Sequence[Inline]) -> Content:
    """The content without its brackets (the clean text): the words stay, the marks go."""
    if not has_brackets(content):
        return tuple(content)
    return normalize_runs(item for item in content if not isinstance(item, Bracket))


def typed_brackets(content: Sequence[Inline]) -> list[tuple[int, int]]:
    """Square brackets typed as text (not bracket marks): each "[" or "]" with its position and length 1."""
    out: list[tuple[int, int]] = []
    pos = 0
    for item in content:
        if isinstance(item, Text) and not isinstance(item, Bracket):
            out += [(pos + index, pos + index + 1) for index, char in enumerate(item.text) if char in "[]"]
        pos += size(item)
    return out


def from_typed(content: Sequence[Inline], holder: str = "") -> Content:
    """Square brackets typed as text made bracket marks where they pair up within the content (a
    compilation text read from a Word file): "[a] b" → a bracket around "a". Unpaired ones stay text."""
    items: list[Inline] = []
    for item in content:
        if type(item) is Text and ("[" in item.text or "]" in item.text):
            items += [Text(piece, item.italic) for piece in re.split(r"([\[\]])", item.text) if piece]
        else:
            items.append(item)
    stack: list[int] = []
    pairs: dict[int, Bracket] = {}
    for index, item in enumerate(items):
        if type(item) is Text and item.text == OPENING:
            stack.append(index)
        elif type(item) is Text and item.text == CLOSING and stack:
            mark = opening(holder)
            pairs[stack.pop()] = mark
            pairs[index] = closing(holder, mark.pair)
    if not pairs:
        return tuple(content)
    return normalize_runs(pairs.get(index, item) for index, item in enumerate(items))


__all__ = ["AD_REF", "AGREED", "CLOSING", "OPEN", "OPENING", "STATUSES", "STATUS_NAMES", "Bracket", "NumberAs",
           "Span", "balanced", "bracket", "closing", "cut", "from_typed", "has_brackets", "innermost", "joined",
           "opening", "renewed", "spans", "split_marks", "status_name", "status_of", "strip_brackets",
           "typed_brackets", "with_holder", "without_pair"]
