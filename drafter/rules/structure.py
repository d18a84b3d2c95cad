"""How paragraphs open and end, and how they are numbered (R2, R3, R4, P1 of the domain notes).

Preambular paragraphs open with a participle or an adjective phrase and end with
a comma; operative paragraphs open with a verb in the present tense and end with a
semicolon, the last one with a full stop; a single operative paragraph is not
numbered; sub-paragraphs go (a) → (i) → a. → i.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.labels import SUB_LEVELS
from drafter.leadwords import OPERATIVE_VERBS, PREAMBULAR_OPENERS
from drafter.model import DEPTH_STYLES, Paragraph, sub_label
from drafter.rules.base import Context, Finding, Fix, Rule, last_leaf, lead_of, top_level

R2 = "R2 — UN Editorial Manual, “Resolutions and decisions”; AKN4UN (preamble in italics, PPs end with a comma)"
P1 = "P1 — practice of every adopted text; UN Editorial Manual, “Resolutions and decisions”"
R3 = "R3 — UN Editorial Manual: OPs numbered with arabic numerals; AKN4UN: a single OP is not numbered"
R4 = "R4 — UN Editorial Manual: sub-paragraphs (a), then (i), then a., then i.; bullets never end with semicolons"

_MODIFIERS = {"also", "further", "again", "once", "strongly", "deeply", "gravely", "fully", "seriously",
              "firmly", "urgently", "warmly", "profoundly", "greatly", "equally", "moreover", "furthermore",
              "most", "highly", "particularly", "especially", "reiterating"}
_EN_OPENERS = {"desirous", "anxious", "cognisant", "resolved", "reassured", "heartened", "noting", "recognising"}
_FR_ADJECTIVES = {"consciente", "convaincue", "préoccupée", "profondément", "gravement", "résolue", "ayant",
                  "alarmée", "déterminée", "soucieuse", "vivement", "sachant", "considérant", "guidée",
                  "notant", "prenant", "tenant", "réaffirmant", "saluant", "inquiète", "satisfaite"}
_ES_ADJECTIVES = {"consciente", "convencida", "preocupada", "profundamente", "gravemente", "decidida",
                  "alarmada", "guiada", "teniendo", "habiendo", "observando", "tomando", "satisfecha",
                  "reconociendo", "acogiendo", "expresando", "destacando", "poniendo"}
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_TRAILING = re.compile(r"[\s,;:.]*$")


def _head(lead: str) -> str:
    """The word of the lead phrase that carries it ("Also requests" → "requests")."""
    words = [w.lower() for w in _WORD.findall(lead)]
    for word in words:
        if word not in _MODIFIERS and word != "again":
            return word
    return words[0] if words else ""


def is_preambular_lead(lead: str, lang: str) -> bool:
    head = _head(lead)
    if not head:
        return False
    if lang == "fr":
        return head.endswith("ant") or head in _FR_ADJECTIVES
    if lang == "es":
        return head.endswith(("ando", "endo")) or head in _ES_ADJECTIVES
    return head.endswith(("ing", "ed")) or head in PREAMBULAR_OPENERS or head in _EN_OPENERS


def is_operative_lead(lead: str, lang: str) -> bool:
    head = _head(lead)
    if not head:
        return False
    if lang == "fr":
        return not head.endswith("ant")
    if lang == "es":
        return not head.endswith(("ando", "endo"))
    return head in OPERATIVE_VERBS or (head.endswith("s") and not head.endswith("ss"))


def _first_word(text: str) -> tuple[int, int]:
    match = _WORD.search(text)
    return (match.start(), match.end()) if match else (0, min(len(text), 1))


def _pp_opening(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.lang not in ("en", "fr", "es"):  # the lead-word lists cover these three
        return
    for label, para in top_level(ctx.res):
        if not label.startswith("PP"):
            continue
        lead = lead_of(para) or para.text[slice(*_first_word(para.text))]
        if not is_preambular_lead(lead, ctx.lang):
            start, end = _first_word(para.text)
            yield rule.finding(para, label, start, end, f"{label} should open with a participle or an adjective "
                               f"phrase (“Recalling”, “Deeply concerned”), not “{para.text[start:end]}”")


def _op_opening(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.lang not in ("en", "fr", "es"):
        return
    for label, para in top_level(ctx.res):
        if not label.startswith("OP"):
            continue
        lead = lead_of(para) or para.text[slice(*_first_word(para.text))]
        if not is_operative_lead(lead, ctx.lang):
            start, end = _first_word(para.text)
            yield rule.finding(para, label, start, end, f"{label} should open with a verb in the present tense "
                               f"(“Requests”, “Calls upon”), not “{para.text[start:end]}”")


def _ending_fix(leaf: Paragraph, mark: str) -> Fix:
    text = leaf.text
    tail = _TRAILING.search(text)
    start = tail.start() if tail else len(text)
    return Fix(f"End with “{mark}”", start, len(text), mark)


def _ending(leaf: Paragraph, mark: str) -> bool:
    return leaf.text.rstrip().endswith(mark)


def _pp_ending(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for label, para in top_level(ctx.res):
        leaf = last_leaf(para)
        if label.startswith("PP") and not _ending(leaf, ","):
            where = ctx.res.labels().get(leaf.id, label)
            end = len(leaf.text.rstrip())
            yield rule.finding(leaf, where, max(0, end - 1), end, f"{label} should end with a comma",
                               _ending_fix(leaf, ","))


def _op_ending(rule: Rule, ctx: Context) -> Iterator[Finding]:
    ops = [(label, para) for label, para in top_level(ctx.res) if label.startswith("OP")]
    for index, (label, para) in enumerate(ops):
        mark = "." if index == len(ops) - 1 else ";"
        leaf = last_leaf(para)
        if not _ending(leaf, mark):
            where = ctx.res.labels().get(leaf.id, label)
            end = len(leaf.text.rstrip())
            what = "the last operative paragraph ends with a full stop" if mark == "." else \
                f"{label} should end with a semicolon"
            yield rule.finding(leaf, where, max(0, end - 1), end, what[0].upper() + what[1:],
                               _ending_fix(leaf, mark))


_TYPED_NUMBER = re.compile(r"^\s*1\s*[.)]\s+")


def _single_op(rule: Rule, ctx: Context) -> Iterator[Finding]:
    ops = ctx.res.operatives()
    if len(ops) == 1:
        match = _TYPED_NUMBER.match(ops[0].text)
        if match:
            yield rule.finding(ops[0], "OP1", match.start(), match.end(),
                               "A single operative paragraph is not numbered", Fix("Remove the number", 0,
                                                                                  match.end(), ""))


_DEPTH_STYLE = dict(enumerate(DEPTH_STYLES, 1))


def _walk(label: str, para: Paragraph, depth: int, labels: dict[str, str]) -> Iterator[tuple[str, Paragraph, int]]:
    for child in para.children:
        yield labels.get(child.id, label), child, depth
        yield from _walk(label, child, depth + 1, labels)


def _sub_levels(rule: Rule, ctx: Context) -> Iterator[Finding]:
    labels = ctx.res.labels()
    for label, para in top_level(ctx.res):
        parents = [(label, para, 0)] + [(lbl, child, depth) for lbl, child, depth in _walk(label, para, 1, labels)]
        for where, parent, depth in parents:
            style = parent.list_style
            if parent.children and depth >= SUB_LEVELS:
                yield rule.finding(parent, where, 0, 0, f"The sub-paragraphs of {where} are at level {depth + 1}; "
                                   f"the Editorial Manual has {SUB_LEVELS}: (a), (i), a., i.")
            if parent.children and style and style != "bullet" and style != _DEPTH_STYLE.get(depth + 1, style):
                expected = f"{sub_label(depth + 1, 1)}, {sub_label(depth + 1, 2)}"
                found = f"{sub_label(depth + 1, 1, style=style)}, {sub_label(depth + 1, 2, style=style)}"
                yield rule.finding(parent, where, 0, 0, f"The sub-paragraphs of {where} are labelled {found}; "
                                   f"at this level they are {expected}")
            if style == "bullet":
                for child in parent.children:
                    text = child.text.rstrip()
                    if text.endswith(";"):
                        yield rule.finding(child, labels.get(child.id, where), len(text) - 1, len(text),
                                           "Bulleted items never end with a semicolon",
                                           Fix("Remove the semicolon", len(text) - 1, len(text), ""))


RULES = [
    Rule("pp-opening", "Preambular paragraphs open with a participle or adjective phrase", R2, "structure",
         _pp_opening),
    Rule("op-opening", "Operative paragraphs open with a verb in the present tense", R2, "structure", _op_opening),
    Rule("pp-ending", "Preambular paragraphs end with a comma", R2, "structure", _pp_ending),
    Rule("op-ending", "Operative paragraphs end with a semicolon, the last with a full stop", P1, "structure",
         _op_ending),
    Rule("single-op", "A single operative paragraph is not numbered", R3, "structure", _single_op),
    Rule("sub-levels", "Sub-paragraph levels go (a), (i), a., i.", R4, "structure", _sub_levels),
]
