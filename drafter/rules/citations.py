"""How resolutions are cited (R8 of the domain notes).

"resolution 71/197 of 19 December 2016" where a preambular paragraph recalls it
for the first time (later mentions, and citations such as "the implementation of
resolution 79/16" or "paragraph 7 of resolution 46/30", go without the date in
adopted texts); several: "its resolutions 47/19 of 24 November 1992,
… and 72/4 of 1 November 2017"; the short number, not "A/RES/71/197"; Security
Council resolutions with their year: "resolution 2532 (2020)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.model import Paragraph
from drafter.rules.base import Context, Finding, Fix, Rule, lead_of
from drafter.rules.grammar import LANGS, citation_lists, other_body

R8 = "R8 — UN Editorial Manual, “Resolutions and decisions”: citation of resolutions"

_LONG = re.compile(r"\b(?:A|S)/RES/(\d+/\d+|\d{3,4}\s*\(\d{4}\))")
_SC = re.compile(r"\b(?:Security Council|(?<=its )|(?<=Council ))resolutions?\s+((?:\d{3,4}(?:\s*\(\d{4}\))?"
                 r"(?:,\s*|\s+and\s+|,\s+and\s+)?)+)")
_SC_ITEM = re.compile(r"(?<!\()\b(\d{3,4})\b(?!\s*\(\d{4}\))(?!/)")


def body(ctx: Context) -> Iterator[tuple[str, Paragraph]]:
    """Every paragraph of the preamble and operative part, sub-paragraphs included, in reading order."""
    yield from ctx.res.labelled()


def _recalled(text: str, start: int, lang: str, lead: str) -> bool:
    """Is the citation at `start` what the lead recalls ("Recalling its resolution …")?"""
    if not lead or not LANGS[lang].recall.match(text):
        return False
    between = text[len(lead):start].strip().lower()
    return between in ("", "its", "also its", "further its", "sa", "la", "su", "la", "also", "further")


def _dates(rule: Rule, ctx: Context) -> Iterator[Finding]:
    seen: set[str] = set()
    for label, para in body(ctx):
        text = para.text
        lead = lead_of(para)
        for clist in citation_lists(text, ctx.lang):
            recalled = ctx.lang in LANGS and _recalled(text, clist.start, ctx.lang, lead)
            for index, item in enumerate(clist.items):
                shared = index + 1 < len(clist.items) and clist.items[index + 1].dated
                if item.number in seen or other_body(text, clist, item, ctx.lang) or shared or not recalled:
                    seen.add(item.number)
                    continue
                seen.add(item.number)
                if not item.dated:
                    yield rule.finding(para, label, item.start, item.end,
                                       f"The first citation of resolution {item.number} gives its date: "
                                       f"“resolution {item.number} of [date]”")


def _short(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for label, para in body(ctx):
        for match in _LONG.finditer(para.text):
            before = para.text[max(0, match.start() - 12):match.start()].lower()
            short = match.group(1)
            new = short if "resolution" in before else f"resolution {short}"
            yield rule.finding(para, label, match.start(), match.end(),
                               f"Cite the short number: “{new}”, not “{match.group()}”",
                               Fix(f"Write “{new}”", match.start(), match.end(), new))


def _council(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.lang != "en":
        return
    for label, para in body(ctx):
        text = para.text
        for match in _SC.finditer(text):
            prefix = text[max(0, match.start() - 20):match.start()]
            if "Security Council" not in match.group() and not ctx.council and "Security Council" not in prefix:
                continue
            for item in _SC_ITEM.finditer(match.group(1)):
                start = match.start(1) + item.start()
                yield rule.finding(para, label, start, match.start(1) + item.end(),
                                   f"Cite Security Council resolutions with their year: “resolution "
                                   f"{item.group(1)} (year)”")


RULES = [
    Rule("citation-date", "The first citation of a resolution gives its date", R8, "citations", _dates),
    Rule("citation-short", "Resolutions are cited by their short number, not A/RES/…", R8, "citations", _short),
    Rule("citation-council", "Security Council resolutions are cited with their year", R8, "citations", _council),
]
