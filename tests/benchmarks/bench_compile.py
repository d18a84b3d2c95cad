"""Speed of `drafter compile`: 20 delegations' Word files against A/RES/80/5 (65 KB, an annex of 46
paragraphs with sub-paragraphs), each with six revisions by its delegation written as Word writes them.

The files are made first, untimed (`tests/data/negotiate/make.py`, `bench_files`: the text sent by
LibreOffice, the delegations' revisions by python-docx and lxml). Timed, round after round: reading SENT,
reading the 20 files (each delegation's text, its proposals against SENT), the conflicts, and writing the
revisions form (.docx) — what `drafter compile SENT FILE… -o OUT.docx` does after it starts — once with the
files read one after the other and once by two processes. Each round prints the wall time and the CPU time of
the main process (the second figure stays about the same on a busy machine) and of the reading processes; the
medians are compared with the target. The machine's load average is printed too: on a shared machine it says
how far to trust a figure.

    .venv/bin/python tests/benchmarks/bench_compile.py [--files 20] [--rounds 5]

Target: < 2 s for 20 files.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from drafter import importers  # noqa: E402
from drafter.negotiate.compilation import compile_files  # noqa: E402
from drafter.negotiate.compile_revisions import write_revisions  # noqa: E402

SOURCE = ROOT / "tests" / "data" / "corpus" / "A-RES-80-5.txt"
MAKE = ROOT / "tests" / "data" / "negotiate" / "make.py"
TARGET = 2.0


def _make_module() -> Any:
    spec = importlib.util.spec_from_file_location("negotiate_make", MAKE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["negotiate_make"] = module
    spec.loader.exec_module(module)
    return module


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compile_once(sent_path: Path, files: list[Path], jobs: int) -> tuple[float, float, float, int, int]:
    """One compilation, timed: (wall seconds, CPU seconds of this process, CPU seconds of the processes it
    started, proposals, conflicts)."""
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    sent = importers.load(str(sent_path))
    compilation = compile_files(sent, [(str(path), None) for path in files], jobs=jobs)
    data, _warnings = write_revisions(compilation, date="2026-12-01")
    assert data[:2] == b"PK"
    return time.perf_counter() - wall, time.process_time() - cpu, _children_cpu() - children, \
        len(compilation.proposals), len(compilation.conflicts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    make = _make_module()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        made = time.perf_counter()
        sent, files = make.bench_files(SOURCE, args.files, folder)
        print(f"made {len(files)} delegation files from A/RES/80/5 in {time.perf_counter() - made:.1f} s (untimed)")
        results: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        counts = (0, 0)
        for round_number in range(1, args.rounds + 1):
            for jobs in (1, 2):
                wall, cpu, children, *found = compile_once(sent, files, jobs)
                counts = (found[0], found[1])
                results[jobs].append((wall, cpu))
                print(f"round {round_number}, {jobs} process{'es' if jobs > 1 else ''}: {wall:.2f} s "
                      f"(CPU of the main process {cpu:.2f} s" + (f", of the readers {children:.2f} s)" if jobs > 1
                                                                  else ")"))
    print(f"{counts[0]} proposals, {counts[1]} conflicts; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores")
    for jobs, figures in results.items():
        median = statistics.median(wall for wall, _cpu in figures)
        cpu = statistics.median(c for _wall, c in figures)
        verdict = "meets" if median < TARGET else "misses"
        print(f"compile {args.files} files, {jobs} process{'es' if jobs > 1 else ''}: median {median:.2f} s "
              f"(CPU {cpu:.2f} s) — {verdict} the target of {TARGET:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
