"""A repeated lead word takes "also", then "further" (P2 of the domain notes).

"Recalling …, / Recalling also …, / Recalling further …,"; "Requests …; / Also requests …;
/ Further requests …". Two rules, because adopted texts are strict about one and
not the other:

- `also-further`: "also" and "further" in UN order — "further" never before "also",
  and neither without an earlier paragraph with the same lead;
- `repeated-lead`: a preambular paragraph that repeats the lead of the paragraph just
  before takes "also". Operative paragraphs are left out: adopted texts often repeat
  "Encourages" in consecutive operative paragraphs (A/RES/80/11, 80/38).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter.model import Paragraph
from drafter.rules.base import Context, Finding, Fix, Rule, lead_of, top_level

P2 = "P2 — practice of adopted texts (“Recalling also”, “Recalling further”; “Also requests”, “Further requests”)"

# (also, further) per language, after a PP lead ("Recalling also") and before an English OP verb ("Also requests").
PP_ADVERBS = {"en": ("also", "further"), "fr": ("également", "en outre"), "es": ("también", "además")}
_ALSO = {"also", "également", "aussi", "también", "asimismo"}
_FURTHER = {"further", "furthermore", "outre", "además"}
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@dataclass
class Lead:
    text: str  # the lead phrase as written ("Recalling also", "Also requests")
    core: str  # without the adverb, lower case ("recalling", "requests")
    head: str  # its first word ("calls" in "calls upon")
    adverb: str  # "also", "further" or ""


def parse(para: Paragraph, op: bool, lang: str) -> Lead:
    """The lead of a paragraph and its "also"/"further".

    English: the italic lead phrase; "Also requests" (OP, adverb first), "Recalling also" (PP, adverb
    after). French and Spanish put the adverb after the verb in both parts ("Prie également",
    "Recordando además"), and the lead is taken as the first word.
    """
    if lang == "en":
        text = lead_of(para).strip()
        words = _WORD.findall(text)
        first = op  # English OPs write the adverb first
        adverb = ""
        core_words: list[str] = []
        for index, word in enumerate(words):
            lower = word.lower()
            if not adverb and (index == 0) == first and (lower in _ALSO or lower in _FURTHER):
                adverb = "also" if lower in _ALSO else "further"
            else:
                core_words.append(lower)
    else:
        words = para.text.split()[:3]
        core_words = [words[0].lower().strip(",")] if words else []
        second = words[1].lower().strip(",") if len(words) > 1 else ""
        adverb = "also" if second in _ALSO else "further" if second in _FURTHER or (second == "en" and \
            len(words) > 2 and words[2].lower().startswith("outre")) else ""
        text = " ".join(words[: 1 + (adverb != "") + (second == "en" and adverb != "")])
    core = " ".join(core_words)
    return Lead(text, core, core_words[0] if core_words else "", adverb)


def _parts(ctx: Context) -> Iterator[tuple[bool, list[tuple[str, Paragraph, Lead]]]]:
    for op, prefix in ((False, "PP"), (True, "OP")):
        rows = [(label, para, parse(para, op, ctx.lang)) for label, para in top_level(ctx.res)
                if label.startswith(prefix)]
        yield op, rows


def _with_adverb(lead: Lead, adverb: str, op: bool, lang: str) -> str:
    """The lead rewritten with "also" or "further" (or without any when `adverb` is "")."""
    words = [w for w in lead.text.split() if w.lower().strip(",") not in _ALSO | _FURTHER]
    bare = " ".join(words)
    if op and lang == "en":
        bare = bare[:1].upper() + bare[1:]
        return f"{adverb.capitalize()} {bare[:1].lower() + bare[1:]}" if adverb else bare
    if not adverb:
        return bare
    index = 0 if adverb == "also" else 1
    return f"{bare} {PP_ADVERBS.get(lang, PP_ADVERBS['en'])[index]}"


def _order(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for op, rows in _parts(ctx):
        seen: dict[str, list[str]] = {}
        for label, para, lead in rows:
            earlier = seen.get(lead.head, [])
            if lead.adverb and lead.head and not earlier:
                new = _with_adverb(lead, "", op, ctx.lang)
                yield rule.finding(para, label, 0, len(lead.text), f"{label} says “{lead.adverb}” but no paragraph "
                                   f"before it opens with “{new}”", Fix(f"Write “{new}”", 0, len(lead.text), new))
            elif lead.adverb == "further" and "also" not in earlier:
                new = _with_adverb(lead, "also", op, ctx.lang)
                yield rule.finding(para, label, 0, len(lead.text), f"{label}: “also” comes before “further”",
                                   Fix(f"Write “{new}”", 0, len(lead.text), new))
            if lead.head:
                seen.setdefault(lead.head, []).append(lead.adverb)


def _repeated(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for op, rows in _parts(ctx):
        if op:
            continue
        for (_, _, before), (label, para, lead) in itertools.pairwise(rows):
            opening = " ".join(para.text.split()[:8]).lower()
            if lead.core and lead.core == before.core and not lead.adverb and not before.adverb and \
                    not any(word in opening.split() for word in _ALSO | _FURTHER):
                new = _with_adverb(lead, "also", op, ctx.lang)
                yield rule.finding(para, label, 0, len(lead.text), f"{label} repeats the lead of the paragraph "
                                   f"before: “{new}”", Fix(f"Write “{new}”", 0, len(lead.text), new))


RULES = [
    Rule("also-further", "“Also” and “further” follow an earlier paragraph with the same lead, in that order", P2,
         "leads", _order),
    Rule("repeated-lead", "A preambular paragraph repeating the lead before it takes “also”", P2, "leads",
         _repeated),
]
