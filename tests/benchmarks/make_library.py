"""A synthetic library at the scale of every General Assembly resolution since 1946, made from the corpus.

    .venv/bin/python tests/benchmarks/make_library.py [--count 20000] [--out DIR] [--seed 1]

First the corpus is measured: paragraphs per text, and, between consecutive texts of the series it
holds (A/RES/72/169 → 75/180 → 76/159 and 75/289 → 77/7 → 80/4),
how many paragraphs are dropped, inserted or reworded, and in a reworded paragraph how many words are
substituted, inserted and deleted. Then COUNT texts are written as plain-text resolutions: each a
mutated copy of a corpus text (its template, which gives it its title and so its series), its
paragraphs sampled and reworded at the measured rates with words drawn from the corpus's own word
frequencies, its symbol and date spread over the sessions of 1946–2025.

The texts go to a cache folder (never into git): by default the user cache folder's
`drafter-bench/library-COUNT`. The same seed gives the same texts.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from drafter.compare import Op, compare  # noqa: E402
from drafter.model import Resolution, iter_paragraphs  # noqa: E402
from drafter.sessions import format_date, session_heading  # noqa: E402
from tests.corpus import CORPUS, TEXTS, load, words  # noqa: E402

FIRST_YEAR, LAST_YEAR = 1946, 2025
# consecutive texts of the General Assembly series in the corpus (the Security Council drafts of one
# subject from year to year are rewritten rather than updated: they are no model of a GA series)
SERIES = [("A-RES-72-169-clean.txt", "A-RES-75-180.txt"), ("A-RES-75-180.txt", "A-RES-76-159.txt"),
          ("A-RES-75-289.txt", "A-RES-77-7.txt"), ("A-RES-77-7.txt", "A-RES-80-4.txt")]


@dataclass
class Rates:
    """What changes from one text of a series to the next, measured on the corpus's General Assembly series."""

    paragraph_dropped: float  # share of the old text's paragraphs that are gone
    paragraph_inserted: float  # new paragraphs per paragraph of the new text
    paragraph_reworded: float  # share of the kept paragraphs whose words changed
    word_substituted: float  # shares of the word edits in a reworded paragraph
    word_inserted: float
    word_deleted: float
    edit_ratios: list[float]  # words edited per word, of each reworded paragraph seen


def _flat(res: Resolution) -> tuple[list[str], list[str]]:
    """Preambular and operative texts, sub-paragraphs and annex paragraphs as operative ones."""
    preamble = [" ".join(p.text.split()) for p in iter_paragraphs(list(res.preamble))]
    operative = [" ".join(p.text.split()) for p in iter_paragraphs(list(res.operative))]
    for annex in res.annexes:
        operative += [" ".join(p.text.split()) for p in iter_paragraphs(list(annex.blocks))]
    return [t for t in preamble if t], [t for t in operative if t]


def _word_edits(ops: list[Op]) -> tuple[int, int, int]:
    """Words substituted, inserted and deleted by a paragraph's ops."""
    substituted = inserted = deleted = gone = came = 0
    for op in [*ops, None]:
        if op is None or op.op == "equal":
            substituted += min(gone, came)
            deleted += max(0, gone - came)
            inserted += max(0, came - gone)
            gone = came = 0
        elif op.op == "delete":
            gone += len(words(op.text))
        else:
            came += len(words(op.text))
    return substituted, inserted, deleted


def measure() -> Rates:
    dropped = inserted = reworded = old_total = new_total = 0
    edits = [0, 0, 0]
    ratios: list[float] = []
    for old_name, new_name in SERIES:
        old, new = load(CORPUS / old_name), load(CORPUS / new_name)
        old_total += len(iter_paragraphs(old.preamble + old.operative))
        new_total += len(iter_paragraphs(new.preamble + new.operative))
        changes = compare(old, new)
        dropped += changes.counts.get("deleted", 0)
        inserted += changes.counts.get("inserted", 0)
        for change in changes.changes:
            if change.kind not in ("modified", "technical", "moved") or change.part == "front" or all(
                    op.op == "equal" for op in change.ops):
                continue
            reworded += 1
            counts = _word_edits(change.ops)
            edits = [a + b for a, b in zip(edits, counts, strict=True)]
            length = sum(len(words(op.text)) for op in change.ops if op.op != "delete")
            ratios.append(min(1.0, sum(counts) / max(1, length)))
    total = max(1, sum(edits))
    return Rates(dropped / old_total, inserted / new_total, reworded / max(1, new_total - inserted),
                 edits[0] / total, edits[1] / total, edits[2] / total, sorted(ratios))


class Generator:
    def __init__(self, rates: Rates, seed: int) -> None:
        self.rates = rates
        self.random = random.Random(seed)
        self.templates = []
        for path in TEXTS:
            res = load(path)
            preamble, operative = _flat(res)
            if operative:
                self.templates.append((res.front.title or f"Question considered in {res.front.symbol}",
                                       preamble, operative))
        self.vocabulary = [word for _title, pre, ops in self.templates for text in pre + ops
                           for word in text.split()]

    def reword(self, text: str) -> str:
        rates, pick = self.rates, self.random
        tokens = text.split()
        changes = max(1, round(len(tokens) * pick.choice(rates.edit_ratios)))
        for _ in range(changes):
            if not tokens:
                break
            place = pick.randrange(len(tokens))
            roll = pick.random()
            if roll < rates.word_substituted:
                tokens[place] = pick.choice(self.vocabulary)
            elif roll < rates.word_substituted + rates.word_inserted:
                tokens.insert(place, pick.choice(self.vocabulary))
            elif len(tokens) > 3:
                del tokens[place]
        return " ".join(tokens)

    def part(self, texts: list[str], pool: list[str]) -> list[str]:
        out: list[str] = []
        rates, pick = self.rates, self.random
        for text in texts:
            if pick.random() >= rates.paragraph_dropped:
                out.append(self.reword(text) if pick.random() < rates.paragraph_reworded else text)
            if pick.random() < rates.paragraph_inserted:
                out.append(pick.choice(pool))
        return out or texts[:1]

    def text(self, number: int, count: int) -> tuple[str, str]:
        """The file name and the text of the number-th resolution of `count`."""
        pick = self.random
        title, preamble, operative = pick.choice(self.templates)
        other = pick.choice(self.templates)
        year = FIRST_YEAR + (LAST_YEAR - FIRST_YEAR + 1) * number // count
        session = year - 1945
        serial = number + (year - FIRST_YEAR) * count // -(LAST_YEAR - FIRST_YEAR + 1) + 1  # from 1 in each year
        adopted = datetime.date(year, 9, 15) + datetime.timedelta(days=pick.randrange(100))
        issued = adopted + datetime.timedelta(days=pick.randrange(5, 30))
        paragraphs = self.part(preamble, other[1] or preamble)
        operatives = self.part(operative, other[2])
        lines = ["United Nations", f"A/RES/{session}/{serial}", "General Assembly", "Distr.: General",
                 format_date(issued), session_heading(session), f"Agenda item {pick.randrange(1, 180)}",
                 f"Resolution adopted by the General Assembly on {format_date(adopted)}",
                 f"{session}/{serial}. {title}", "", "The General Assembly,", ""]
        for text in paragraphs:
            lines += [text, ""]
        for index, text in enumerate(operatives, 1):
            lines += [f"{index}. {text}", ""]
        lines += [f"{pick.randrange(20, 90)}th plenary meeting", format_date(adopted), ""]
        return f"A-RES-{session}-{serial}.txt", "\n".join(lines)


def default_folder(count: int) -> Path:
    return Path(platformdirs.user_cache_dir("drafter-bench", appauthor=False)) / f"library-{count}"


def generate(count: int, out: Path, seed: int = 1) -> Path:
    """Write `count` texts under `out/texts` (unless they are there already); the folder of texts."""
    texts = out / "texts"
    done = out / "made.json"
    if done.exists() and json.loads(done.read_text())["count"] == count:
        return texts
    texts.mkdir(parents=True, exist_ok=True)
    rates = measure()
    generator = Generator(rates, seed)
    for number in range(count):
        name, text = generator.text(number, count)
        (texts / name).write_text(text, encoding="utf-8")
    done.write_text(json.dumps({"count": count, "seed": seed, "rates": asdict(rates)}, indent=2))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = args.out or default_folder(args.count)
    rates = measure()
    print("measured on the corpus series:", json.dumps(asdict(rates), indent=2))
    texts = generate(args.count, out, args.seed)
    print(f"{args.count} texts in {texts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
