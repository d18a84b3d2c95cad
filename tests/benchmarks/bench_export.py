"""Speed of the tracked-changes Word export against python-redlines, measured in the same run.

A/RES/80/5 (65 KB) against a copy with 5 % of its words replaced and three paragraphs moved (the
pair of bench_compare.py). Both are first written as .docx with Drafter's clean export; then each
tool turns the two .docx files into one .docx with Word revisions:

- Drafter, end to end: import both .docx files, compare, write the tracked export (bytes);
- python-redlines (DocxodusEngine, a .NET comparer shipped in its wheel): the same two files.

Medians of several runs; peak memory of one Drafter run (tracemalloc, and the process's maximum
resident size). Targets: < 300 ms, at least 5× faster than python-redlines, < 250 MB.

    .venv/bin/python tests/benchmarks/bench_export.py [--runs 7]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import drafter  # noqa: E402
from drafter.exporters.docx_clean import write_clean  # noqa: E402
from drafter.exporters.docx_tracked import write_tracked  # noqa: E402
from tests.benchmarks.bench_compare import SOURCE, edited_copy  # noqa: E402


def timed(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    fn()  # warm up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    old = drafter.load(str(SOURCE))
    new = edited_copy(old)
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    old_path, new_path = folder / "A-RES-80-5.docx", folder / "A-RES-80-5-edited.docx"
    old_path.write_bytes(write_clean(old))
    new_path.write_bytes(write_clean(new))
    old_bytes, new_bytes = old_path.read_bytes(), new_path.read_bytes()

    def drafter_run() -> bytes:
        base = drafter.load(str(old_path))
        draft = drafter.load(str(new_path))
        data, _counts = write_tracked(base, draft, author="Drafter")
        return data

    print(f"pair: {SOURCE.name} ({SOURCE.stat().st_size // 1024} KB of text) as .docx "
          f"({len(old_bytes) // 1024} KB and {len(new_bytes) // 1024} KB), 5 % of words replaced, 3 moves")
    median, _ = timed(drafter_run, args.runs)
    data = drafter_run()
    print(f"Drafter, import both + compare + tracked export: {median * 1000:7.1f} ms "
          f"(median of {args.runs}; {len(data) // 1024} KB out)")

    tracemalloc.start()
    drafter_run()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Drafter peak memory: {peak / 1_048_576:.1f} MB traced by Python, {rss:.0f} MB process maximum "
          f"resident size (whole benchmark so far)")

    ok = median < 0.300 and peak < 250 * 1_048_576
    try:
        from python_redlines.engines import DocxodusEngine

        engine = DocxodusEngine()
        peer_runs = max(3, args.runs // 2)
        peer, _ = timed(lambda: engine.run_redline("Drafter", old_bytes, new_bytes), peer_runs)
        print(f"python-redlines (DocxodusEngine), same two .docx: {peer * 1000:7.1f} ms (median of {peer_runs})")
        ratio = peer / median
        print(f"Drafter is {ratio:.1f}x faster than python-redlines (target: at least 5x)")
        ok = ok and ratio >= 5
    except Exception as error:  # the peer is optional: say why it could not run
        print(f"python-redlines could not run here ({type(error).__name__}: {error}); "
              "install it with: pip install 'python-redlines[docxodus]'")
    print("targets met" if ok else "TARGETS NOT MET (< 300 ms, >= 5x python-redlines, < 250 MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
