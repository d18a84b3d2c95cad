"""The word statements of one changed paragraph, footnote or title.

Each contiguous change becomes one statement: "replace the words …", "delete the words …" or "insert the
words … after the words …". What a statement quotes of the earlier text occurs there once, and still once
when the statements before it, or all the others, are applied: each can be read (and voted on) alone or
in order. A change whose words occur elsewhere is quoted with the unchanged words next to it, one at a
time, until it is unique, and two changes too close to quote apart become one statement. Words put in
are quoted as a separate insertion only where the later text has a space before them (after the anchor)
or after them (before it); words glued to a neighbour ("Action," for "Action") are quoted with it as a
replacement.

Quotes leave out the markers of unchanged footnote references. A reference that goes with deleted words
is "the associated footnote"; one in new words is marked, and its footnote given with the statement; one
put in or taken out alone is a statement of its own.

When fewer than half of the paragraph's words are unchanged (counted on its longer side) the paragraph is
replaced as a whole: past that point the pieces quoted would together be longer than the paragraph, and a
delegate follows the new paragraph more easily than a string of replacements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from drafter.amendments.pieces import Group, Token
from drafter.amendments.places import Place, quoted_form
from drafter.amendments.statement import (
    AFTER,
    BEFORE,
    DELETE,
    INSERT,
    NOTE_MARK,
    REPLACE,
    REPLACE_PARAGRAPH,
    Line,
    Note,
    Statement,
)

REPLACE_SHARE = 0.5  # fewer than this share of the words unchanged: the paragraph is replaced
_WORD = re.compile(r"\w")


@dataclass
class Footnotes:
    """What statements need to know of the footnotes of both texts."""

    numbers: dict[str, int]  # earlier footnote id → its number in the earlier text
    texts: dict[str, str]  # later footnote id → its text, as quoted
    earlier: dict[str, str]  # later footnote id → the earlier footnote it is

    def note(self, later_id: str) -> Note:
        return Note(self.texts.get(later_id, ""), self.numbers.get(self.earlier.get(later_id, ""), 0))


def plain(tokens: Sequence[Token]) -> str:
    return quoted_form("".join(token.text for token in tokens))


def quote_marked(tokens: Sequence[Token], marked: range | None = None) -> str:
    """Tokens as quoted, the footnote references at the indexes in `marked` (all when None) marked."""
    return quoted_form("".join(NOTE_MARK + token.text if token.note and (marked is None or index in marked)
                               else token.text for index, token in enumerate(tokens)))


def occurrences(text: str, quote: str) -> int:
    """How often `quote` occurs in `text` as whole words (overlaps counted)."""
    if not quote:
        return 0
    head = r"(?<!\w)" if _WORD.match(quote[0]) else ""
    tail = r"(?!\w)" if _WORD.match(quote[-1]) else ""
    return len(re.findall(f"(?={head}{re.escape(quote)}{tail})", text))


class ParagraphChanges:
    """The statements that turn one paragraph of the earlier text (`old`) into the later one (`new`)."""

    def __init__(self, old: Sequence[Token], new: Sequence[Token], groups: Sequence[Group], footnotes: Footnotes,
                 place: Place, label: str, chapeau: bool = False) -> None:
        self.old, self.new, self.groups = old, new, list(groups)
        self.footnotes = footnotes
        self.place, self.label, self.chapeau = place, label, chapeau
        self.old_text = plain(old)
        self._texts: tuple[str, ...] = (self.old_text,)  # where the quotes of the group at hand must be unique

    def statements(self) -> list[Statement]:
        active = [group for group in self.groups if not group.renumbering]
        if not active:
            return []
        if self._mostly_changed(active):
            return [self.replacement()]
        bounds: list[Group] | None = self.groups
        while bounds is not None:
            made = self._all(bounds)
            if not isinstance(made, int):
                return made
            bounds = self._merged(bounds, made)
        return [self.replacement()]

    def replacement(self) -> Statement:
        """The paragraph replaced as a whole (only its own words when it has sub-paragraphs)."""
        text = self._quote_new(0, len(self.new), range(0, len(self.new)))
        return self._made(REPLACE_PARAGRAPH, lines=(Line(text),), notes=self._notes(range(0, len(self.new))),
                          chapeau=self.chapeau)

    # --- one statement per change ---------------------------------------------------------------
    def _all(self, bounds: list[Group]) -> list[Statement] | int:
        """A statement or more for each change; or the index of the first change that cannot be quoted alone."""
        out: list[Statement] = []
        for index, group in enumerate(bounds):
            if group.renumbering:
                continue
            others = [other for other in range(len(bounds)) if other != index and not bounds[other].renumbering]
            self._texts = (self.old_text, self._mixed(bounds, {other for other in others if other < index}),
                           self._mixed(bounds, set(others)))
            made = self._group(group, bounds[index - 1] if index else None,
                               bounds[index + 1] if index + 1 < len(bounds) else None)
            if made is None:
                return index
            out.extend(made)
        return out

    @staticmethod
    def _merged(bounds: list[Group], index: int) -> list[Group] | None:
        """The groups with the one at `index` joined to its neighbour; None when it has none."""
        if len(bounds) < 2:
            return None
        first, second = (index - 1, index) if index > 0 else (index, index + 1)
        left, right = bounds[first], bounds[second]
        joined = Group(range(left.old.start, right.old.stop), range(left.new.start, right.new.stop),
                       False, left.technical and right.technical)
        return [*bounds[:first], joined, *bounds[second + 1:]]

    def _group(self, group: Group, before: Group | None, after: Group | None) -> list[Statement] | None:
        gap_left = group.old.start - (before.old.stop if before else 0)
        gap_right = (after.old.start if after else len(self.old)) - group.old.stop
        old_words = plain(self.old[group.old.start:group.old.stop])
        new_part = self.new[group.new.start:group.new.stop]
        new_words = plain(new_part)
        if not old_words and not new_words:
            return self._references(group, gap_left, gap_right)
        if not old_words and _WORD.match(new_words):
            insertion = self._insertion(group, gap_left, gap_right)
            if insertion is not None:
                return [insertion]
        if not new_words and self._findable(old_words) and not any(token.note for token in new_part):
            return [self._made(DELETE, group, old_words=old_words, associated=self._dropped(group))]
        return self._replacement(group, gap_left, gap_right)

    def _insertion(self, group: Group, gap_left: int, gap_right: int) -> Statement | None:
        words = self._quote_new(group.new.start, group.new.stop, group.new)
        notes = self._notes(group.new)
        if gap_left and self.new[group.new.start - 1].shown[-1:].isspace():
            for size in range(1, gap_left + 1):
                anchor = plain(self.old[group.old.start - size:group.old.start])
                if self._findable(anchor):
                    return self._made(INSERT, group, new_words=words, anchor=anchor, position=AFTER, notes=notes)
        if gap_right and self.new[group.new.stop - 1].shown[-1:].isspace():
            for size in range(1, gap_right + 1):
                anchor = plain(self.old[group.old.stop:group.old.stop + size])
                if self._findable(anchor):
                    return self._made(INSERT, group, new_words=words, anchor=anchor, position=BEFORE, notes=notes)
        return None

    def _replacement(self, group: Group, gap_left: int, gap_right: int) -> list[Statement] | None:
        """The change quoted with as few unchanged words around it as make its quote unique."""
        left = right = 0
        while True:
            old_words = plain(self.old[group.old.start - left:group.old.stop + right])
            new_words = self._quote_new(group.new.start - left, group.new.stop + right, group.new)
            # a footnote reference opening the new words follows the word before it: quote that word too
            if self._findable(old_words) and not (new_words.startswith(NOTE_MARK) and left < gap_left):
                return [self._made(REPLACE, group, old_words=old_words, new_words=new_words,
                                   notes=self._notes(group.new), associated=self._dropped(group))]
            if left < gap_left and (left <= right or right >= gap_right):
                left += 1
            elif right < gap_right:
                right += 1
            else:
                return None

    def _references(self, group: Group, gap_left: int, gap_right: int) -> list[Statement]:
        """Footnote references put in or taken out where no word changed: one statement each."""
        anchor, position = self._anchor(group, gap_left, gap_right)
        out: list[Statement] = []
        for token in self.old[group.old.start:group.old.stop]:
            if token.note:
                out.append(self._made(DELETE, group, anchor=anchor, position=position, reference=True,
                                      footnote=self.footnotes.numbers.get(token.note, 0)))
        for token in self.new[group.new.start:group.new.stop]:
            if token.note:
                note = self.footnotes.note(token.note)
                out.append(self._made(INSERT, group, anchor=anchor, position=position, reference=True,
                                      footnote=note.footnote, new_words="" if note.footnote else note.text))
        return out

    def _anchor(self, group: Group, gap_left: int, gap_right: int) -> tuple[str, str]:
        """The fewest words before a place (else after it) that occur once; at worst all there are."""
        lefts = [plain(self.old[group.old.start - size:group.old.start]) for size in range(1, gap_left + 1)]
        rights = [plain(self.old[group.old.stop:group.old.stop + size]) for size in range(1, gap_right + 1)]
        for words, position in [*((w, AFTER) for w in lefts), *((w, BEFORE) for w in rights)]:
            if self._findable(words):
                return words, position
        if lefts and lefts[-1]:
            return lefts[-1], AFTER
        return (rights[-1], BEFORE) if rights and rights[-1] else ("", "")

    # --- helpers -------------------------------------------------------------------------------
    def _mostly_changed(self, active: list[Group]) -> bool:
        changed = sum(token.wordy for group in active for token in self.old[group.old.start:group.old.stop])
        kept = sum(token.wordy for token in self.old) - changed
        longer = max(sum(token.wordy for token in self.old), sum(token.wordy for token in self.new))
        return longer == 0 or kept < REPLACE_SHARE * longer

    def _findable(self, quote: str) -> bool:
        """Whether a quote has a word and occurs once: in the earlier text, once the statements before it are
        applied, and once all the others are."""
        return bool(_WORD.search(quote)) and all(occurrences(text, quote) == 1 for text in self._texts)

    def _mixed(self, bounds: list[Group], applied: set[int]) -> str:
        """The paragraph with the changes at `applied` (indexes in `bounds`) made and the others not."""
        pieces: list[Token] = []
        at = 0
        for index, group in enumerate(bounds):
            pieces.extend(self.old[at:group.old.start])
            taken = self.new[group.new.start:group.new.stop] if index in applied else \
                self.old[group.old.start:group.old.stop]
            pieces.extend(taken)
            at = group.old.stop
        pieces.extend(self.old[at:])
        return plain(pieces)

    def _quote_new(self, start: int, stop: int, marked: range) -> str:
        """New words from `start` to `stop`, the footnote references inside `marked` marked."""
        return quote_marked(self.new[start:stop], range(marked.start - start, marked.stop - start))

    def _notes(self, marked: range) -> list[Note]:
        return [self.footnotes.note(token.note) for token in self.new[marked.start:marked.stop] if token.note]

    def _dropped(self, group: Group) -> int:
        return sum(1 for token in self.old[group.old.start:group.old.stop] if token.note)

    def _made(self, action: str, group: Group | None = None, **fields: Any) -> Statement:
        return Statement(action, self.place, self.label, technical=bool(group and group.technical), **fields)
