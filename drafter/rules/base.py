"""What a rule is, what it finds, and how a quick fix edits the text.

A `Finding` names the paragraph (id and label), the span of its text that is at
fault, the message, the rule and its source; a `Fix` is a small edit of that
paragraph's plain text (start, end, replacement) that `apply_fix` makes while
keeping italics and footnote references in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.model import (
    Content,
    Footnote,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    iter_paragraphs,
    normalize_runs,
)
from drafter.negotiation_marks import balanced


@dataclass(frozen=True)
class Fix:
    """Replace text[start:end] of the paragraph with `replacement`; `title` is the menu entry."""

    title: str
    start: int
    end: int
    replacement: str


@dataclass
class Finding:
    rule: str
    target: str  # paragraph or footnote id
    label: str  # "PP3", "OP5(a)", "footnote 2"
    start: int
    end: int
    message: str
    source: str
    fix: Fix | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "target": self.target, "label": self.label,
                               "start": self.start, "end": self.end, "message": self.message,
                               "source": self.source}
        if self.fix:
            out["fix"] = {"title": self.fix.title, "start": self.fix.start, "end": self.fix.end,
                          "replacement": self.fix.replacement}
        return out


@dataclass
class Context:
    """What a rule sees: the resolution, and the base it was drafted from when there is one."""

    res: Resolution
    base: Resolution | None = None

    @property
    def lang(self) -> str:
        return self.res.language

    @property
    def council(self) -> bool:
        return self.res.front.symbol.startswith("S/") or "Security Council" in self.res.formula


CheckFn = Callable[["Rule", Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """One editorial check: `id` names it in settings and on the command line."""

    id: str
    title: str
    source: str
    family: str
    run: CheckFn = field(repr=False, compare=False)

    def check(self, res: Resolution, base: Resolution | None = None) -> list[Finding]:
        return list(self.run(self, Context(res, base)))

    def finding(self, para: Paragraph | Footnote, label: str, start: int, end: int, message: str,
                fix: Fix | None = None) -> Finding:
        return Finding(self.id, para.id, label, start, end, message, self.source, fix)


def top_level(res: Resolution) -> Iterator[tuple[str, Paragraph]]:
    """PP1…, OP1… with their labels, sub-paragraphs left out."""
    for label, para in res.labelled():
        if "(" not in label:
            yield label, para


def last_leaf(para: Paragraph) -> Paragraph:
    while para.children:
        para = para.children[-1]
    return para


def lead_of(para: Paragraph) -> str:
    """The lead phrase: the italic run that opens the paragraph, else what `lead_phrase` finds."""
    from drafter.leadwords import lead_phrase

    first = para.content[0] if para.content else None
    if isinstance(first, Text) and first.italic and first.text.strip():
        return first.text.rstrip()
    text = para.text
    return text[: lead_phrase(text)]


# --- editing plain-text spans of inline content -------------------------------------
def replace_span(content: Sequence[Inline], start: int, end: int, new: str) -> Content:
    """Replace plain-text [start, end) of `content` with `new`.

    The new text takes the style of the run where `start` falls; footnote references
    inside the span move after the new text, the others stay where they were.
    """
    out: list[Inline] = []
    moved: list[Inline] = []
    pos = 0
    placed = False
    texts = [i for i, item in enumerate(content) if isinstance(item, Text)]
    last_text = texts[-1] if texts else -1
    for index, item in enumerate(content):
        if isinstance(item, NoteRef):
            (moved if start < pos < end else out).append(item)
            continue
        stop = pos + len(item.text)
        head = item.text[: max(0, min(start, stop) - pos)]
        tail = item.text[max(0, end - pos):] if end < stop else ""
        inside = pos <= start < stop or (index == last_text and start == stop)
        if head:
            out.append(_kept(item, head))
        if inside and not placed:
            out.append(Text(new, item.italic))
            placed = True
        if tail:
            out.extend(moved)
            moved = []
            out.append(_kept(item, tail))
        pos = stop
    if not placed:
        out.append(Text(new))
    out.extend(moved)
    return balanced(normalize_runs(out))


def _kept(item: Text, text: str) -> Text:
    """What stays of a run: the item itself when all of it stays (a bracket mark stays a mark)."""
    return item if text == item.text else Text(text, item.italic)


def holder(res: Resolution, target: str) -> Paragraph | Footnote | None:
    for para in iter_paragraphs(res.preamble + res.operative):
        if para.id == target:
            return para
    for annex in res.annexes:
        for para in iter_paragraphs(annex.blocks):
            if para.id == target:
                return para
    return res.footnote(target)


def apply_fix(res: Resolution, finding: Finding) -> bool:
    """Make the quick fix of `finding` in `res`; False when there is none or the text has moved on."""
    fix = finding.fix
    target = holder(res, finding.target)
    if fix is None or target is None or fix.end > len(target.text):
        return False
    target.content = replace_span(target.content, fix.start, fix.end, fix.replacement)
    return True
