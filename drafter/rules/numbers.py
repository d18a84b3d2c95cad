"""Numbers under ten in words, and "per cent" written out (R7 of the domain notes)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from num2words import num2words

from drafter.rules.base import Context, Finding, Fix, Rule
from drafter.sessions import MONTHS

R7 = "R7 — UN Editorial Manual: numbers under 10 are written in words; “per cent” is written out"

_DIGIT = re.compile(r"(?<![\w./\-–(§°])([1-9])(?![\w./\-–%°:,])(?:\s+)([^\W\d_][\w\-]*)")
# Words before a figure that make it a reference, not a count ("paragraph 3", "Goal 5", "No. 4").
_REFERENCES = {
    "paragraph", "paragraphs", "para", "paras", "article", "articles", "goal", "goals", "target", "targets",
    "no", "nos", "number", "chapter", "chap", "chapters", "section", "sect", "sections", "annex", "annexes",
    "principle", "principles", "rule", "rules", "level", "levels", "phase", "category", "categories",
    "protocol", "part", "parts", "step", "table", "figure", "tier", "appendix", "item", "items", "add", "corr",
    "rev", "vol", "volume", "stage", "resolution", "resolutions", "decision", "decisions", "recommendation",
    "recommendations", "option", "options", "box", "indicator", "indicators", "schedule", "page", "pages",
    "point", "points", "action", "actions", "objective", "objectives", "priority", "priorities", "cluster",
    "pillar", "pillars", "module", "area", "areas", "and", "to", "or", "of", "supplement", "class", "covid",
    "group", "grade", "conference", "sdg", "sdgs", "art", "arts", "clause", "footnote", "session", "component",
}
_AFTER = {"per", "percent", "million", "billion", "trillion", "p.m", "a.m", "km", "kg", "mm", "cm", "m", "degrees",
          "and", "or", "to", "bis", "ter", "above", "below", "of"}
_PERCENT = re.compile(r"(\d)\s*%")


def _previous_words(text: str, start: int) -> list[str]:
    return [w.lower().rstrip(".") for w in re.findall(r"[\w.]+", text[max(0, start - 40):start])][-3:]


def _digits(rule: Rule, ctx: Context) -> Iterator[Finding]:
    lang = ctx.lang if ctx.lang in ("en", "fr", "es", "ru", "ar") else "en"
    months = {m.lower() for m in MONTHS.get(lang, MONTHS["en"])} | {m.lower() for m in MONTHS["en"]}
    for label, para in ctx.res.labelled():
        text = para.text
        for match in _DIGIT.finditer(text):
            after = match.group(2).lower()
            if after in months or after in _AFTER or after[:1].isdigit():
                continue
            if match.group(2)[:1].isupper() and lang == "en" and after not in ("states", "member"):
                continue  # "3 Rue …", "Annex 2 International …": names, not counts
            if any(word in _REFERENCES for word in _previous_words(text, match.start())):
                continue
            words = str(num2words(int(match.group(1)), lang=lang))
            yield rule.finding(para, label, match.start(1), match.end(1),
                               f"Write numbers under ten in words: “{words} {match.group(2)}”",
                               Fix(f"Write “{words}”", match.start(1), match.end(1), words))


def _percent(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.lang != "en":
        return
    for label, para in ctx.res.labelled():
        for match in _PERCENT.finditer(para.text):
            start = match.start() + 1
            yield rule.finding(para, label, start, match.end(), "Write “per cent” out",
                               Fix("Write “per cent”", start, match.end(), " per cent"))


RULES = [
    Rule("numbers-in-words", "Numbers under ten are written in words", R7, "numbers", _digits),
    Rule("per-cent", "“per cent” is written out", R7, "numbers", _percent),
]
