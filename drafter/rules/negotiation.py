"""What a negotiation leaves behind: square brackets, "bis" and "alt" paragraphs, paragraphs not agreed.

A text meant for tabling has none of them: the brackets are gone once the words are agreed, the
alternatives are settled on one wording, and the paragraphs are numbered 1, 2, 3 … again. Brackets
are found as marks (`drafter.negotiation_marks`, with who holds them) and as "[" or "]" typed into
the text (a compilation text read from a Word file); "bis" and "alt" as the labels the draft gives
its paragraphs while it is numbered as in an earlier text or holds alternatives, and as labels typed
at the start of a paragraph ("5 bis.", "OP5 alt 2:").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.labels import SUFFIXES
from drafter.model import Paragraph, Text
from drafter.negotiation_marks import AGREED, OPEN, spans, status_name, typed_brackets
from drafter.rules.base import Context, Finding, Rule

N1 = ("N1 — notes on negotiation, after the UN Editorial Manual and the GA Affairs guidelines for the "
      "submission of draft proposals: square brackets, “bis” labels and alternatives disappear once the text is "
      "agreed; the clean text is numbered 1, 2, 3 …")

_TYPED_LABEL = re.compile(r"^\s*(?:(?:PP|OP)\s*)?\d+\s*(?:" + "|".join(SUFFIXES) + r"|alt(?:\s*\d+)?)\b[.:]?",
                          re.IGNORECASE)


def _paragraphs(ctx: Context) -> Iterator[tuple[str, Paragraph]]:
    yield from ctx.res.labelled()


def _text_offsets(para: Paragraph) -> list[int]:
    """For each content position, the position in the paragraph's text (footnote references take none)."""
    out: list[int] = []
    at = 0
    for item in para.content:
        if isinstance(item, Text):
            out += range(at, at + len(item.text))
            at += len(item.text)
        else:
            out.append(at)
    return [*out, at]


def _brackets(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for label, para in _paragraphs(ctx):
        offsets = _text_offsets(para)
        text = para.text
        for span in spans(para.content):
            start, end = offsets[span.start], offsets[span.end] + 1
            words = " ".join(text[start + 1:end - 1].split())
            quoted = words if len(words) <= 60 else words[:57] + "…"
            held = f" held by {span.holder}" if span.holder else ""
            yield rule.finding(para, label, start, end, f"Square brackets{held} left around “{quoted}”")
        for start, _end in typed_brackets(para.content):
            at = offsets[start]
            yield rule.finding(para, label, at, at + 1,
                               f"A square bracket “{text[at]}” typed in the text: settle the words, or make it a "
                               "bracket (Negotiation › Bracket the selection)")


def _labels(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for label, para in _paragraphs(ctx):
        if "(" in label:
            continue
        if " alt " in label:
            yield rule.finding(para, label, 0, len(para.text),
                               f"{label}: one of several alternatives; keep one wording before tabling")
        elif any(label.endswith(f" {suffix}") for suffix in SUFFIXES):
            yield rule.finding(para, label, 0, len(para.text),
                               f"{label}: numbered as in {_reference(ctx)}; number the paragraphs 1, 2, 3 … "
                               "before tabling (Negotiation › Number by position)")
        typed = _TYPED_LABEL.match(para.text)
        if typed:
            yield rule.finding(para, label, typed.start(), typed.end(),
                               f"A negotiation label “{typed.group().strip()}” typed at the start of {label}")


def _reference(ctx: Context) -> str:
    name = ctx.res.number_as.name if ctx.res.number_as is not None else ""
    return "the base" if name in ("", "base") else name


def _status(rule: Rule, ctx: Context) -> Iterator[Finding]:
    paragraphs = list(_paragraphs(ctx))
    if not any(para.status != OPEN for _label, para in paragraphs):
        return  # the draft does not record what is agreed
    for label, para in paragraphs:
        if para.status != AGREED:
            yield rule.finding(para, label, 0, len(para.text), f"{label} is {status_name(para.status)}, not agreed")


RULES = [
    Rule("brackets-left", "No square brackets are left in a text meant for tabling", N1, "negotiation", _brackets),
    Rule("bis-alt-left", "No “bis” paragraphs or alternatives are left in a text meant for tabling", N1,
         "negotiation", _labels),
    Rule("not-agreed", "Every paragraph is agreed before the text is tabled (where the draft records status)", N1,
         "negotiation", _status),
]
