"""How paragraphs are labelled: "PP3", "OP5(a)(i)" by position, and "OP5 bis", "OP5 alt 1" while negotiated.

Labels are derived, never stored: `Resolution.labelled()` gives them from the paragraphs' places, and
from the draft's setting "number as in <version>" (`Resolution.number_as`) while it is negotiated.
This module works on anything shaped like a paragraph (`Labelled`), so the model uses it without it
knowing the model.

While delegations negotiate, the paragraphs of the text they started from keep their numbers, so
that everyone's references stay valid: a new paragraph proposed after OP5 is "OP5 bis" (then "ter",
"quater", …), whatever was inserted or deleted before it. Which paragraphs are "existing" is relative
to a reference text, the draft's base or one of its named versions: the setting keeps the label each
paragraph had there. A paragraph of that text keeps its label wherever it now stands; a new one takes
the label of the paragraph before it in its part, with the first suffix no other paragraph uses
("OP0 bis" before the first existing one).

Alternatives of a paragraph (sibling paragraphs that follow each other and share
`Paragraph.alternative`) share one label: "OP5 alt 1", "OP5 alt 2". Without a reference, the
paragraphs are numbered by position, alternatives counting once.

Sub-paragraphs are labelled alike inside their parentheses: "OP5(a)", a new one after it
"OP5(a bis)"; without a reference, or under a new paragraph, by position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar


class Labelled(Protocol):
    """What labelling needs of a paragraph."""

    @property
    def id(self) -> str: ...

    @property
    def alternative(self) -> str: ...

    @property
    def list_style(self) -> str: ...

    @property
    def children(self: P) -> Sequence[P]: ...


P = TypeVar("P", bound=Labelled)

# --- sub-paragraph labels ---------------------------------------------------------------------
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (UN practice doubles the letter)."""
    base = chr(ord("a") + (n - 1) % 26)
    return base * ((n - 1) // 26 + 1)


@lru_cache(maxsize=4096)
def sub_label(depth: int, index: int, language: str = "en", style: str = "") -> str:
    """The printed label of the index-th sub-paragraph (from 1) at depth 1..4.

    By depth: (a) → (i) → a. → i. in English; a) → i) → a. → i. in French and Spanish.
    `style` overrides that order where a source does (S/2018/693 opens a list with (i)): "alpha" and
    "roman" are the bracketed forms, "alpha." and "roman." the forms with a full stop, "decimal" is
    1., 2., and "bullet" a bullet.
    """
    style = style or DEPTH_STYLES[(depth - 1) % 4]
    if style == "bullet":
        return "•"
    if style == "decimal":
        return f"{index}."
    core = roman(index) if style.startswith("roman") else letters(index)
    if style.endswith("."):
        return f"{core}."
    if language in ("fr", "es"):
        return f"{core})"
    return f"({core})"


# the label styles of sub-paragraph levels 1 to 4 (UN Editorial Manual; AKN4UN)
DEPTH_STYLES = ("alpha", "roman", "alpha.", "roman.")
SUB_LEVELS = len(DEPTH_STYLES)  # the deepest level of the Editorial Manual; deeper ones are indented as it is


def sub_labels(prefix: str, parent: P, depth: int = 1) -> list[tuple[str, P]]:
    """Negotiation labels of the sub-paragraphs under a paragraph labelled `prefix`, in reading order:
    OP5(a), OP5(a)(i), in every language."""
    out: list[tuple[str, P]] = []
    style = "" if parent.list_style == "bullet" else parent.list_style
    for index, child in enumerate(parent.children, 1):
        label = f"{prefix}({_label_core(depth, index, style)})"
        out.append((label, child))
        if child.children:
            out.extend(sub_labels(label, child, depth + 1))
    return out


@lru_cache(maxsize=4096)
def _label_core(depth: int, index: int, style: str) -> str:
    """The English printed label of a sub-paragraph without its brackets and stop: "a", "iv"."""
    return sub_label(depth, index, "en", style).strip("().")



# --- while negotiated ------------------------------------------------------------------------------
SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
_ALT = re.compile(r" alt \d+$")
_SUFFIX = re.compile(r" (?:" + "|".join(SUFFIXES) + r"|\d+)$")
_LAST_CORE = re.compile(r"\(([^()]*)\)$")


def negotiation_labels(parts: Iterable[tuple[str, Sequence[P]]],
                       reference: dict[str, str] | None) -> list[tuple[str, P]]:
    """Every paragraph of the parts (("PP", preambular paragraphs), ("OP", operative ones)) with its label, in
    reading order; `reference` is the label each paragraph had in the text the draft is numbered as in."""
    out: list[tuple[str, P]] = []
    for prefix, paragraphs in parts:
        out += _part(prefix, paragraphs, reference)
    return out


def groups(paragraphs: Sequence[P]) -> list[list[P]]:
    """Ps with their alternatives: each run of siblings sharing an `alternative` key is one group."""
    out: list[list[P]] = []
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


def _part(prefix: str, paragraphs: Sequence[P],
          reference: dict[str, str] | None) -> list[tuple[str, P]]:
    out: list[tuple[str, P]] = []
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


def _children(label: str, parent: P, reference: dict[str, str] | None,
              depth: int = 1) -> list[tuple[str, P]]:
    """The sub-paragraphs of a paragraph labelled `label`: by position, or as in the reference."""
    if reference is None:
        return sub_labels(label, parent, depth)
    style = "" if parent.list_style == "bullet" else parent.list_style
    out: list[tuple[str, P]] = []
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


def _cores(parent: P, reference: dict[str, str]) -> set[str]:
    """The labels inside the parentheses that the reference gives the sub-paragraphs of `parent`."""
    return {found.group(1) for child in parent.children
            if (found := _LAST_CORE.search(reference.get(child.id, ""))) is not None}


def printed(label: str) -> str:
    """The number printed before an operative paragraph: "OP5" → "5.", "OP5 bis" → "5 bis."."""
    return f"{label[2:]}." if label.startswith("OP") else ""


__all__ = ["DEPTH_STYLES", "SUFFIXES", "Labelled", "groups", "letters", "negotiation_labels", "next_label", "printed",
           "roman", "root", "sub_label", "sub_labels", "without_alternative"]
