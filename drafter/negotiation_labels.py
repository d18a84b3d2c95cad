"""Labels while a text is negotiated: "OP5 bis", "PP3 ter", "OP5 alt 1", "OP5(a bis)".

While delegations negotiate, the paragraphs of the text they started from keep their numbers, so
that everyone's references stay valid: a new paragraph proposed after OP5 is "OP5 bis" (then "ter",
"quater", …), whatever was inserted or deleted before it. Which paragraphs are "existing" is relative
to a reference text, the draft's base or one of its named versions: the draft's setting "number as
in <version>" (`Resolution.number_as`) keeps the label each paragraph had there. A paragraph of that
text keeps its label wherever it now stands; a new one takes the label of the paragraph before it in
its part, with the first suffix no other paragraph uses ("OP0 bis" before the first existing one).

Alternatives of a paragraph (sibling paragraphs that follow each other and share
`Paragraph.alternative`) share one label: "OP5 alt 1", "OP5 alt 2". Without a reference, the
paragraphs are numbered by position, alternatives counting once.

Sub-paragraphs are labelled alike inside their parentheses: "OP5(a)", a new one after it
"OP5(a bis)"; without a reference, or under a new paragraph, by position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.model import NumberAs, Paragraph, Resolution, sub_label, sub_labels

SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
_ALT = re.compile(r" alt \d+$")
_SUFFIX = re.compile(r" (?:" + "|".join(SUFFIXES) + r"|\d+)$")
_LAST_CORE = re.compile(r"\(([^()]*)\)$")


def negotiation_labels(res: Resolution) -> list[tuple[str, Paragraph]]:
    """Every paragraph of the preamble and the operative part with its label, in reading order."""
    reference = res.number_as.labels if res.number_as is not None else None
    out: list[tuple[str, Paragraph]] = []
    for prefix, paragraphs in (("PP", res.preambular()), ("OP", res.operatives())):
        out += _part(prefix, paragraphs, reference)
    return out


def reference_labels(text: Resolution) -> dict[str, str]:
    """The labels a text gives its paragraphs, for another text to be numbered as in it."""
    return {para.id: label for label, para in text.labelled()}


def numbering(name: str, text: Resolution) -> NumberAs:
    """The setting "number as in `name`", whose text is `text`."""
    return NumberAs(name, reference_labels(text))


def groups(paragraphs: Sequence[Paragraph]) -> list[list[Paragraph]]:
    """Paragraphs with their alternatives: each run of siblings sharing an `alternative` key is one group."""
    out: list[list[Paragraph]] = []
    for para in paragraphs:
        if out and para.alternative and out[-1][-1].alternative == para.alternative:
            out[-1].append(para)
        else:
            out.append([para])
    return out


def without_alternative(label: str) -> str:
    """"OP5 alt 2" → "OP5"."""
    return _ALT.sub("", label)


def root(label: str) -> str:
    """The label a "bis" or "ter" label hangs on: "OP5 ter" → "OP5"."""
    return _SUFFIX.sub("", without_alternative(label))


def next_label(previous: str, taken: set[str]) -> str:
    """The label of a new paragraph after one labelled `previous`: "OP5" → "OP5 bis", or "ter" when
    "OP5 bis" is taken."""
    head = root(previous)
    for suffix in SUFFIXES:
        if f"{head} {suffix}" not in taken:
            return f"{head} {suffix}"
    number = len(SUFFIXES) + 2
    while f"{head} {number}" in taken:
        number += 1
    return f"{head} {number}"


def _part(prefix: str, paragraphs: Sequence[Paragraph], reference: dict[str, str] | None) -> list[tuple[str, Paragraph]]:
    out: list[tuple[str, Paragraph]] = []
    taken = {without_alternative(label) for label in reference.values()} if reference else set()
    used: set[str] = set()
    previous = f"{prefix}0"
    for number, group in enumerate(groups(paragraphs), 1):
        if reference is None:
            label = f"{prefix}{number}"
        else:
            known = [without_alternative(reference[para.id]) for para in group
                     if reference.get(para.id, "").startswith(prefix) and "(" not in reference[para.id]]
            fresh = [label for label in known if label not in used]
            label = fresh[0] if fresh else next_label(previous, taken | used)
        used.add(label)
        previous = label
        for index, para in enumerate(group, 1):
            own = f"{label} alt {index}" if len(group) > 1 else label
            out.append((own, para))
            existing = reference is not None and para.id in reference
            out += _children(own, para, reference if existing else None)
    return out


def _children(label: str, parent: Paragraph, reference: dict[str, str] | None,
              depth: int = 1) -> list[tuple[str, Paragraph]]:
    """The sub-paragraphs of a paragraph labelled `label`: by position, or as in the reference."""
    if reference is None:
        return sub_labels(label, parent, depth)
    style = "" if parent.list_style == "bullet" else parent.list_style
    out: list[tuple[str, Paragraph]] = []
    used: set[str] = set()
    previous = ""
    for index, child in enumerate(parent.children, 1):
        found = _LAST_CORE.search(reference.get(child.id, ""))
        if found and found.group(1) not in used:
            core = found.group(1)
        elif previous:
            core = next_label(previous, used | _cores(parent, reference))
        else:
            core = sub_label(depth, index, "en", style).strip("().")
        used.add(core)
        previous = core
        own = f"{label}({core})"
        out.append((own, child))
        out += _children(own, child, reference if found else None, depth + 1)
    return out


def _cores(parent: Paragraph, reference: dict[str, str]) -> set[str]:
    """The labels inside the parentheses that the reference gives the sub-paragraphs of `parent`."""
    return {found.group(1) for child in parent.children
            if (found := _LAST_CORE.search(reference.get(child.id, ""))) is not None}


def printed(label: str) -> str:
    """The number printed before an operative paragraph: "OP5" → "5.", "OP5 bis" → "5 bis."."""
    return f"{label[2:]}." if label.startswith("OP") else ""


__all__ = ["SUFFIXES", "groups", "negotiation_labels", "next_label", "numbering", "printed", "reference_labels",
           "root", "without_alternative"]
