"""Internal cross-references ("paragraph 5 above") that renumbering made stale.

The DGACM instructions ask for internal cross-references to be checked again in each
revision, because paragraph numbers change from one draft to the next. With the base
at hand, a reference the base already made to its OP N is stale when that paragraph
is now numbered M; without it, a reference to a paragraph that does not exist, or
is not above (below) where it says, is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.model import Resolution
from drafter.rules.base import Context, Finding, Fix, Rule, holder

R3X = "R3 — UN Editorial Manual: OPs are numbered so references hold; DGACM: check internal cross-references"

_WHERE = {
    "en": r"above|below|of the present resolution|of this resolution",
    "fr": r"ci-dessus|ci-dessous|de la présente résolution",
    "es": r"supra|infra|de la presente resolución",
}
_WORD = {"en": r"paragraphs?", "fr": r"paragraphes?", "es": r"párrafos?"}
_JOIN = {"en": r"and|to", "fr": r"et|à", "es": r"y|a"}
_NUMBER = re.compile(r"\d+")


def _pattern(lang: str) -> re.Pattern[str]:
    num = r"\d+(?:\s*\([a-z]+\))*"
    return re.compile(rf"\b{_WORD[lang]}\s+(?P<nums>{num}(?:(?:,\s*|\s+(?:{_JOIN[lang]})\s+|\s*[-–]\s*){num})*)"
                      rf"\s+(?P<where>{_WHERE[lang]})\b")


def references(text: str, lang: str) -> list[tuple[int, int, int, str]]:
    """(start, end, number, where) of each paragraph number in an internal reference."""
    if lang not in _WHERE:
        return []
    out = []
    for match in _pattern(lang).finditer(text):
        where = match.group("where")
        for number in _NUMBER.finditer(match.group("nums")):
            start = match.start("nums") + number.start()
            out.append((start, start + len(number.group()), int(number.group()), where))
    return out


def _numbers(res: Resolution) -> dict[str, int]:
    return {para.id: index for index, para in enumerate(res.operatives(), 1)}


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    numbers = _numbers(ctx.res)
    by_number = {n: pid for pid, n in numbers.items()}
    base_ids = {n: pid for pid, n in _numbers(ctx.base).items()} if ctx.base else {}
    above, below = _WHERE.get(ctx.lang, "above|below").split("|")[:2]
    for label, para in ctx.res.labelled():
        own = numbers.get(para.id) or next((n for pid, n in numbers.items() if label.startswith(f"OP{n}(")), None)
        old = holder(ctx.base, para.id) if ctx.base else None
        for start, end, n, where in references(para.text, ctx.lang):
            target = base_ids.get(n)
            if old is not None and target and by_number.get(n) != target and _has(old.text, n, where, ctx.lang):
                now = numbers.get(target)
                if now is None:
                    yield rule.finding(para, label, start, end, f"Paragraph {n} of the base, referred to here, "
                                       "has been deleted")
                else:
                    yield rule.finding(para, label, start, end, f"Paragraph {n} of the base is now paragraph "
                                       f"{now}: the reference is stale", Fix(f"Write {now}", start, end, str(now)))
                continue
            if n > len(numbers) or n < 1:
                yield rule.finding(para, label, start, end, f"There is no paragraph {n}")
            elif own is not None and ((where == above and n >= own) or (where == below and n <= own)):
                yield rule.finding(para, label, start, end, f"Paragraph {n} is not {where} OP{own}")


def _has(text: str, number: int, where: str, lang: str) -> bool:
    """Did the base's text of the paragraph make the same reference?"""
    return any(n == number and w == where for _, _, n, w in references(text, lang))


RULES = [Rule("stale-xref", "Cross-references follow the renumbering of paragraphs", R3X, "xrefs", _check)]
