"""Amendments in English, as UN amendment documents word them: the words of `drafter.amendments.wording`.

"In the third preambular paragraph, replace the words “urges” with “encourages”." Preambular paragraphs
are named by ordinal in words, operative paragraphs by number, quotes are curly double quotes. The
article is part of each noun ("the third preambular paragraph", "operative paragraph 5"), so there are
no contractions: "of" and "to" are written before the noun.
"""

from __future__ import annotations

from drafter.amendments.places import ANNEX, OPERATIVE, PREAMBLE
from drafter.amendments.wording import Forms

_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
          "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth"]
_CARDINALS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


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


FORMS = Forms(
    language="en",
    ordinal=ordinal,
    cardinal=cardinal,
    sentences={
        "where": "In {with}",
        "in the title": "In the title",
        "replace": "{where}, replace {old} with {quoted}.",
        "reference at": " {side} {anchor}",
        "delete reference": "{where}, delete the reference to footnote {note}{at}.",
        "delete": "{where}, delete {old}{associated}.",
        "insertion at": " {side} {anchor}",
        "insert reference": "{where}, insert a reference to footnote {note}{at}.",
        "insert footnote": "{where}, insert a footnote{at}, reading: {quoted}.",
        "insert": "{where}, insert {new} {side} {anchor}.",
        "delete paragraph": "Delete {place}.",
        "move": "Move {place} {destination}.",
        "insert heading": "Insert the heading {quoted} {where}.",
        "insert paragraph": "Insert {what} {where}, reading:{reading}",
        "replace heading": "Replace {place} with {quoted}.",
        "chapeau": "the chapeau {of}",
        "replace paragraph": "Replace {place} with the following:{reading}",
        "symbol": "{symbol}",
        "no symbol": "the earlier text",
        "numbering": "Paragraphs are referred to by their numbers in {text}; the paragraphs that follow an "
                     "inserted or deleted paragraph are renumbered accordingly.",
        "earlier note": "Footnote {n} of the text.",
        "none": "No amendments: the two texts do not differ in their wording.",
    },
    nouns={
        "title": "the title",
        "footnote": "footnote {n}",
        "heading": "the heading {quoted}",
        "the annex": "the annex",  # the annex and an annex: names only, inside other nouns
        "an annex": "annex {name}",
        "preamble": "the preamble",
        "operative": "the operative part",
        "annex": "{annex}",
        "operative paragraph": "operative paragraph {number}{subs}",
        "annex paragraph": "paragraph {n}{subs} of {annex}",
        "preambular paragraph numbered": "preambular paragraph {n} {suffix}",
        "preambular paragraph": "the {ordinal} preambular paragraph",
        "annex paragraph by ordinal": "the {ordinal} paragraph of {annex}",
        "subparagraph": "subparagraph {subs} {whole}",
        "no place": "",
        "no target": "the text",
    },
    contractions={"with": {"": ""}, "to": {"": "to "}, "of": {"": "of "}},
    positions={"after": "after {with}", "before": "before {with}", "into": "in {with}", "into part": "in {with}",
               "end": "at the end of {with}", "end part": "at the end of {with}"},
    destinations={"after": "to follow {with}", "before": "to precede {with}",
                  "into": "to become a subparagraph of {with}", "into part": "to {with}",
                  "end": "to become the last subparagraph of {with}", "end part": "to the end of {with}"},
    kinds={PREAMBLE: ("a new preambular paragraph", "{n} new preambular paragraphs"),
           OPERATIVE: ("a new operative paragraph", "{n} new operative paragraphs"),
           "sub": ("a new subparagraph", "{n} new subparagraphs"),
           ANNEX: ("a new paragraph", "{n} new paragraphs")},
    words=("the word", "the words"),
    sides=("after", "before"),
    associated=(" and the associated footnote", " and the associated footnotes"),
    verbs={},
)
