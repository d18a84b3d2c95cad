"""Import speed and memory on real documents.

Targets: the 65 KB A/RES/80/5 text under 50 ms; a 10-page UN PDF under 1 s; peak memory
under 150 MB for either. Each measurement runs in a fresh process so that peak memory
(maximum resident set size) belongs to that import alone.

    .venv/bin/python tests/benchmarks/bench_import.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"

_CHILD = """
import json, resource, statistics, sys, time, tracemalloc
import drafter
path = sys.argv[1]
drafter.load(path)  # warm the imports of the readers
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    drafter.load(path)
    times.append(time.perf_counter() - start)
tracemalloc.start()
drafter.load(path)
traced = tracemalloc.get_traced_memory()[1]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"median": statistics.median(times), "traced": traced, "rss": rss}))
"""


def measure(path: Path, runs: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(runs)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout)


def pages(path: Path) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(path)))


def main() -> None:
    cases = [("A/RES/80/5 text, 65 KB", CORPUS / "A-RES-80-5.txt", 0.050, 30)]
    pdfs = sorted((CORPUS / "pdf").glob("*.pdf"), key=lambda p: abs(pages(p) - 10))
    if pdfs:
        cases.append((f"{pdfs[0].stem} PDF, {pages(pdfs[0])} pages", pdfs[0], 1.0, 5))
        longest = max((CORPUS / "pdf").glob("*.pdf"), key=pages)
        cases.append((f"{longest.stem} PDF, {pages(longest)} pages (longest)", longest, 1.0, 5))
    print(f"{'document':44} {'median':>9} {'target':>8} {'peak RSS':>9} {'traced':>8}")
    for name, path, target, runs in cases:
        started = time.perf_counter()
        result = measure(path, runs)
        verdict = "ok" if result["median"] < target and result["rss"] < 150e6 else "SLOW"
        print(f"{name:44} {result['median'] * 1000:7.1f}ms {target * 1000:6.0f}ms "
              f"{result['rss'] / 1e6:7.1f}MB {result['traced'] / 1e6:6.1f}MB  {verdict}"
              f"  ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
