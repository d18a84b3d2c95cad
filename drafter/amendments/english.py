"""Amendments in English, as UN amendment documents word them.

"In the third preambular paragraph, replace the words “urges” with “encourages”." Preambular paragraphs
are named by ordinal in words, operative paragraphs by number, quotes are curly double quotes.
"""

from __future__ import annotations

from drafter.amendments.places import ANNEX, FOOTNOTE, HEADING, OPERATIVE, PREAMBLE, TITLE, Place
from drafter.amendments.statement import (
    AFTER,
    BEFORE,
    DELETE,
    DELETE_PARAGRAPH,
    INSERT,
    INSERT_PARAGRAPH,
    INTO,
    MOVE_PARAGRAPH,
    REPLACE,
    REPLACE_PARAGRAPH,
    Statement,
)
from drafter.amendments.wording import Wording

_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
          "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth"]
_CARDINALS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_KINDS = {PREAMBLE: "preambular paragraph", OPERATIVE: "operative paragraph", "sub": "subparagraph",
          ANNEX: "paragraph"}


def cardinal(n: int) -> str:
    if n < 20:
        return _CARDINALS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_CARDINALS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_CARDINALS[hundreds]} hundred" + (f" and {cardinal(rest)}" if rest else "")
    return str(n)


def ordinal(n: int) -> str:
    """1 → "first", 21 → "twenty-first", 40 → "fortieth", 101 → "one hundred and first"."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return f"{_TENS[tens]}-{_UNITS[unit]}" if unit else _TENS[tens][:-1] + "ieth"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_CARDINALS[hundreds]} hundred"
        return f"{head} and {ordinal(rest)}" if rest else head + "th"
    return f"{n}th"


class English(Wording):
    language = "en"

    def noun(self, place: Place) -> str:
        """The place as a noun phrase: "the third preambular paragraph", "operative paragraph 5 (b)"."""
        subs = self.labels(place.subs)
        if place.part == TITLE:
            return "the title"
        if place.part == FOOTNOTE:
            return f"footnote {place.number}"
        if place.part == HEADING:
            return f"the heading {self.quote(place.text)}"
        annex = "the annex" if not place.annex else f"annex {self.annex_name(place.annex)}"
        if not place.number:
            return {PREAMBLE: "the preamble", OPERATIVE: "the operative part"}.get(place.part, annex)
        if place.part == PREAMBLE:  # by ordinal, or by number with the label of a negotiated text
            whole = f"preambular paragraph {place.number} {place.suffix}" if place.suffix else \
                f"the {ordinal(place.number)} preambular paragraph"
        elif place.part == OPERATIVE:
            return f"operative paragraph {place.number}" + (f" {place.suffix}" if place.suffix else "") + \
                (f" {subs}" if subs else "")
        elif place.numbered:
            return f"paragraph {place.number}" + (f" {subs}" if subs else "") + f" of {annex}"
        else:
            whole = f"the {ordinal(place.number)} paragraph of {annex}"
        return f"subparagraph {subs} of {whole}" if subs else whole

    def words(self, quoted: str) -> str:
        return f"the word{'' if self.single(quoted) else 's'} {self.quote(quoted)}"

    def statement(self, st: Statement) -> str:
        place = self.noun(st.place) if st.place else ""
        where = f"In {place}"
        side = "after" if st.position != BEFORE else "before"
        if st.action == REPLACE:
            return f"{where}, replace {self.words(st.old_words)} with {self.quote(st.new_words)}."
        if st.action == DELETE and st.reference:
            at = f" {side} {self.words(st.anchor)}" if st.anchor else ""
            return f"{where}, delete the reference to footnote {st.footnote}{at}."
        if st.action == DELETE:
            associated = "" if not st.associated else \
                " and the associated footnote" + ("s" if st.associated > 1 else "")
            return f"{where}, delete {self.words(st.old_words)}{associated}."
        if st.action == INSERT and st.reference:
            at = f" {side} {self.words(st.anchor)}" if st.anchor else ""
            if st.footnote:
                return f"{where}, insert a reference to footnote {st.footnote}{at}."
            return f"{where}, insert a footnote{at}, reading: {self.quote(st.new_words)}."
        if st.action == INSERT:
            return f"{where}, insert {self.words(st.new_words)} {side} {self.words(st.anchor)}."
        if st.action == DELETE_PARAGRAPH:
            return f"Delete {place}."
        if st.action == INSERT_PARAGRAPH:
            return self._insertion(st)
        if st.action == MOVE_PARAGRAPH:
            return f"Move {place} {self._destination(st)}."
        if st.action == REPLACE_PARAGRAPH:
            return self._replacement(st, place)
        raise ValueError(f"no wording for {st.action}")

    def _insertion(self, st: Statement) -> str:
        where = self._position(st)
        if st.kind == HEADING:
            return f"Insert the heading {self.quote(st.lines[0].text)} {where}."
        count = self.top_lines(st)
        kind = _KINDS.get(st.kind, "paragraph")
        what = f"a new {kind}" if count == 1 else f"{cardinal(count)} new {kind}s"
        return f"Insert {what} {where}, reading:{self.reading(st.lines)}"

    def _position(self, st: Statement) -> str:
        target = self.noun(st.target) if st.target else "the text"
        if st.position == AFTER:
            return f"after {target}"
        if st.position == BEFORE:
            return f"before {target}"
        return f"in {target}" if st.position == INTO else f"at the end of {target}"

    def _destination(self, st: Statement) -> str:
        target = self.noun(st.target) if st.target else "the text"
        if st.position == AFTER:
            return f"to follow {target}"
        if st.position == BEFORE:
            return f"to precede {target}"
        of_paragraph = bool(st.target and st.target.number)
        if st.position == INTO:
            return f"to become a subparagraph of {target}" if of_paragraph else f"to {target}"
        return f"to become the last subparagraph of {target}" if of_paragraph else f"to the end of {target}"

    def _replacement(self, st: Statement, place: str) -> str:
        if st.place and st.place.part == HEADING:
            return f"Replace {place} with {self.quote(st.lines[0].text)}."
        if st.merged:
            place = self.join([place, *(self.noun(other) for other, _label in st.merged)])
        elif st.chapeau:
            place = f"the chapeau of {place}"
        return f"Replace {place} with the following:{self.reading(st.lines)}"

    def numbering(self, symbol: str) -> str:
        text = symbol or "the earlier text"
        return (f"Paragraphs are referred to by their numbers in {text}; the paragraphs that follow an "
                "inserted or deleted paragraph are renumbered accordingly.")

    def earlier_note(self, number: int) -> str:
        return f"Footnote {number} of the text."

    def bullet(self, index: int) -> str:
        return f"bullet {index}"

    def none(self) -> str:
        return "No amendments: the two texts do not differ in their wording."
