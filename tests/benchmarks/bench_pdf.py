"""Time and memory of the PDF reader on the longest PDF of the corpus, and its time on the PDFs of other
writers (tests/data/pdf_writers: Qt and Drafter's own Export PDF set one text object a glyph).

Run: .venv/bin/python tests/benchmarks/bench_pdf.py
Targets: a 10-page UN PDF in under 1 s, peak memory under 150 MB.
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from drafter.importers.pdf import read_pdf  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus" / "pdf"
WRITERS = ROOT / "tests" / "data" / "pdf_writers"


def page_count(path: Path) -> int:
    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def best_of(path: Path, runs: int = 5) -> float:
    read_pdf(str(path))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        read_pdf(str(path))
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    path = max(sorted(CORPUS.glob("*.pdf")), key=page_count)
    pages = page_count(path)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    raw = read_pdf(str(path))
    first = time.perf_counter() - start
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        read_pdf(str(path))
        runs.append(time.perf_counter() - start)
    tracemalloc.start()
    read_pdf(str(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best = min(runs)
    print(f"file: {path.name} ({pages} pages, {len(raw.blocks)} blocks, {len(raw.notes)} footnotes)")
    print(f"time: first {first:.3f} s, best of 5 {best:.3f} s, per 10 pages {best / pages * 10:.3f} s")
    print(f"memory: Python peak (tracemalloc) {peak / 1e6:.1f} MB; process peak RSS {rss_after:.1f} MB "
          f"(before reading {rss_before:.1f} MB)")
    for other in sorted(WRITERS.glob("*.pdf")):
        best, count = best_of(other), page_count(other)
        print(f"{other.name}: {count} pages, best of 5 {best:.3f} s, per 10 pages {best / count * 10:.3f} s")


if __name__ == "__main__":
    main()
