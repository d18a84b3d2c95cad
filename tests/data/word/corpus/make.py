"""Regenerate the Word corpus: `python tests/data/word/corpus/make.py [--shared PATH] [--crosscheck]`.

1. Copies the Word-authored files that hold text from `shared/corpus/word/{mammoth,python-docx}` (found
   beside the repository, or at --shared) with their licences.
2. Writes the LibreOffice files (make_lo.py; needs `soffice` with LibreOffice Math) and the python-docx
   files (make_docx.py).
3. With --crosscheck, exports every file to text with LibreOffice and writes crosscheck.md: where
   LibreOffice's reading and tests/word_oracle.py differ, by file.

The suite never runs this: the files it writes are committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path[:0] = [str(HERE), str(ROOT)]

import make_docx  # noqa: E402
import make_lo  # noqa: E402

from tests import word_oracle  # noqa: E402

WORD_SOURCES = ("mammoth", "python-docx")


def copy_word(shared: Path) -> list[Path]:
    made = []
    for source in WORD_SOURCES:
        folder = shared / "corpus" / "word" / source
        shutil.copy(folder / "LICENSE", HERE / f"LICENSE-{source}.txt")
        for path in sorted(folder.glob("*.docx")):
            if word_oracle.read(path).words():
                target = HERE / f"word-{source}-{path.name}"
                shutil.copy(path, target)
                made.append(target)
    return made


def crosscheck(files: list[Path]) -> str:
    """LibreOffice's text export of each file against the oracle's words."""
    lines = ["# LibreOffice's text export against tests/word_oracle.py", "",
             "`soffice --convert-to txt` of each file; words as the oracle counts them (runs of letters and "
             "digits). `oracle only`: words the oracle reads that LibreOffice's export lacks; `LibreOffice only`: "
             "the reverse. Notes, text boxes and equations are left out of LibreOffice's text export by design.", "",
             "| file | oracle words | LibreOffice words | oracle only | LibreOffice only |", "|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", scratch,
                        *map(str, files)], check=True, capture_output=True, timeout=900)
        for path in files:
            exported = Path(scratch) / f"{path.stem}.txt"
            text = exported.read_text(encoding="utf-8-sig") if exported.exists() else ""
            theirs = Counter(word_oracle.words(text))
            ours = word_oracle.read(path).words()
            only_ours, only_theirs = ours - theirs, theirs - ours
            if not only_ours and not only_theirs:
                continue
            lines.append(f"| {path.name} | {sum(ours.values())} | {sum(theirs.values())} | "
                         f"{_few(only_ours)} | {_few(only_theirs)} |")
    return "\n".join(lines) + "\n"


def _few(words: Counter[str]) -> str:
    shown = ", ".join(f"{word}×{count}" if count > 1 else word for word, count in words.most_common(12))
    more = len(words) - 12
    return shown + (f" (+{more} more)" if more > 0 else "") if words else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--crosscheck", action="store_true")
    args = parser.parse_args()
    files = copy_word(args.shared) + make_lo.make(HERE) + make_docx.make(HERE)
    print(f"{len(files)} files written to {HERE}")
    if args.crosscheck:
        (HERE / "crosscheck.md").write_text(crosscheck(sorted(HERE.glob("*.docx"))), encoding="utf-8")
        print("crosscheck.md written")


if __name__ == "__main__":
    main()
