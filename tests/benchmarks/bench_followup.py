"""How well the follow-up predicts the next real resolution of a series.

For each series, the follow-up of the base is compared with the next real text:

- recall: of the real mechanical updates between the two texts (listed below by hand,
  from reading both), how many the follow-up made;
- wrong: of the follow-up's automatic changes to the text, how many the real next
  text does not share. A change is right when every word it wrote stands, unchanged,
  in the aligned paragraph of the real text, and the real text adds nothing inside it.

Front matter is left out of both figures: the real next text is an adopted resolution,
the follow-up a draft. The biennial series (72/169 → 74/153) has no next text in the
corpus; it is scored against the updates the domain notes list.

    .venv/bin/python tests/benchmarks/bench_followup.py
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import drafter  # noqa: E402
from drafter.followup import FollowUp, Update, followup  # noqa: E402
from drafter.model import Footnote, Paragraph, Resolution  # noqa: E402
from drafter.rules.base import holder  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"


@dataclass(frozen=True)
class Expected:
    """A real mechanical update: the base paragraph (label) and the text the next resolution has there."""

    label: str
    after: str
    predictable: bool = True  # can it be known from the base alone?


@dataclass
class Series:
    name: str
    base: str
    next: str | None
    session: int
    expected: list[Expected] = field(default_factory=list)


SERIES = [
    Series("Enhancement of international cooperation, 75/180 → 76/159 (annual)", "A-RES-75-180.txt",
           "A-RES-76-159.txt", 76, [
               Expected("PP3", "its resolution 75/180 of 16 December 2020"),
               Expected("PP3", "Human Rights Council resolution 47/9 of 12 July 2021", predictable=False),
               Expected("footnote 3", "Seventy-sixth Session, Supplement No. 53 (A/76/53)"),
               Expected("footnote 3", "chap. VII", predictable=False),
               Expected("OP17", "at its seventy-seventh session"),
           ]),
    Series("Cuba embargo, 75/289 → 77/7 (the 76th session adopted none)", "A-RES-75-289.txt", "A-RES-77-7.txt", 77, [
        Expected("PP6", "74/7 of 7 November 2019 and 75/289 of 23 June 2021"),
        Expected("PP6", "and its decision 76/563 of 11 May 2022", predictable=False),
        Expected("PP8", "74/7 and 75/289, the"),
        Expected("OP1", "implementation of resolution 75/289"),
        Expected("OP4", "at its seventy-eighth session"),
        Expected("OP5", "provisional agenda of its seventy-eighth session"),
        Expected("footnote 1", "A/76/405 and A/77/358", predictable=False),
    ]),
    Series("Enhancement of international cooperation, 72/169 → 74/153 (biennial; from the domain notes)",
           "A-RES-72-169-clean.txt", None, 74, [
               Expected("PP3", "its resolution 72/169 of 19 December 2017"),
               Expected("PP3", "Human Rights Council resolution 38/3 of 5 July 2018", predictable=False),
               Expected("footnote 3", "Seventy-third Session, Supplement No. 53 (A/73/53)"),
               Expected("OP17", "at its seventy-fifth session"),
           ]),
]

_TOKEN = re.compile(r"\w+(?:[/.\-\u2011]\w+)*|[^\w\s]")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("\u2011", "-"))


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2011", "-").split())


def by_label(res: Resolution) -> dict[str, Paragraph | Footnote]:
    out: dict[str, Paragraph | Footnote] = dict(res.labelled())
    out.update({f"footnote {index}": note for index, note in enumerate(res.footnotes, 1)})
    return out


def counterpart(item: Paragraph | Footnote, label: str, real: Resolution) -> Paragraph | Footnote | None:
    """The paragraph of the real next text that best matches `item` (same part, most similar words)."""
    kind = label.split()[0] if label.startswith("footnote") else label[:2]
    pool = [p for lbl, p in by_label(real).items() if (lbl.split()[0] if lbl.startswith("footnote") else lbl[:2])
            == kind]
    mine = tokens(item.text)
    scored = [(difflib.SequenceMatcher(None, mine, tokens(p.text), autojunk=False).ratio(), i)
              for i, p in enumerate(pool)]
    if not scored:
        return None
    best, index = max(scored)
    return pool[index] if best >= 0.5 else None


def is_right(update: Update, draft: Resolution, real: Resolution) -> bool:
    """Do the words the update wrote stand in the real next text, with nothing added inside them?"""
    item = holder(draft, update.target)
    if item is None:
        return False
    other = counterpart(item, update.label, real)
    if other is None:
        return False
    text = item.text
    start = len(tokens(text[: update.start]))
    end = start + len(tokens(update.after))
    matcher = difflib.SequenceMatcher(None, tokens(text), tokens(other.text), autojunk=False)
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 < end and i2 > start:  # a word the update wrote was changed or removed
            return False
        if i1 == i2 and start < i1 < end:  # the real text adds words inside it
            return False
    return True


def is_expected(update: Update, draft: Resolution, series: Series) -> bool:
    """Without a real next text: does the update write part of one of the listed real updates?"""
    item = holder(draft, update.target)
    text = _norm(item.text) if item else ""
    return any(e.label == update.label and _norm(update.after) in _norm(e.after) and _norm(e.after) in text
               for e in series.expected)


@dataclass
class Score:
    series: Series
    followup: FollowUp
    made: list[Expected]
    missed: list[Expected]
    right: list[Update]
    wrong: list[Update]


def score(series: Series) -> Score:
    base = drafter.load(str(CORPUS / series.base))
    fu = followup(base, session=series.session)
    draft = fu.resolution
    labels_of_base = {para_id: label for label, para_id in
                      ((lbl, p.id) for lbl, p in by_label(base).items())}
    made, missed = [], []
    for expected in series.expected:
        base_item = by_label(base)[expected.label]
        item = holder(draft, base_item.id)
        (made if item is not None and _norm(expected.after) in _norm(item.text) else missed).append(expected)
    right, wrong = [], []
    real = drafter.load(str(CORPUS / series.next)) if series.next else None
    for update in fu.updates:
        if update.rule == "front":
            continue
        assert labels_of_base.get(update.target) == update.label
        ok = is_right(update, draft, real) if real is not None else is_expected(update, draft, series)
        (right if ok else wrong).append(update)
    return Score(series, fu, made, missed, right, wrong)


def report(result: Score) -> str:
    series = result.series
    total = len(series.expected)
    predictable = [e for e in series.expected if e.predictable]
    made_predictable = [e for e in result.made if e.predictable]
    changes = len(result.right) + len(result.wrong)
    lines = [
        series.name,
        f"  real mechanical updates made: {len(result.made)} of {total} "
        f"({len(made_predictable)} of the {len(predictable)} that the base alone can tell)",
        f"  automatic changes to the text: {changes}, wrong: {len(result.wrong)}",
    ]
    lines += [f"    missed {e.label}: “{e.after}”" + ("" if e.predictable else " (not knowable from the base)")
              for e in result.missed]
    lines += [f"    WRONG {u.label}: “{u.before}” → “{u.after}”" for u in result.wrong]
    return "\n".join(lines)


def main() -> int:
    results = [score(series) for series in SERIES]
    for result in results:
        print(report(result))
    made = sum(len(r.made) for r in results)
    total = sum(len(r.series.expected) for r in results)
    changes = sum(len(r.right) + len(r.wrong) for r in results)
    wrong = sum(len(r.wrong) for r in results)
    print(f"all series: {made} of {total} real mechanical updates made; {wrong} of {changes} automatic changes wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
