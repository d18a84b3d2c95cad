"""How fast the library is at the scale of every General Assembly resolution since 1946.

    .venv/bin/python tests/benchmarks/bench_library.py [--count 20000] [--rebuild] [--skip-methods]

The library is built from the synthetic texts of `make_library.py` (made first if missing) in the
cache folder, and reused by later runs. Targets: search under 50 ms at the 95th percentile; the
provenance of every paragraph of A/RES/80/5 under 500 ms; indexing at least 20 text files a second;
the memory of a process with the library open and a search done under 500 MB. The database's size
is reported. Every time is given as wall time and as CPU time (`time.process_time`): the machine is
shared, and the wall time of a loaded machine says little.

The near-duplicate method is chosen by measuring three on the same library: the sketch table of
`drafter.library.near` (bottom-k MinHash in SQLite), FTS5 candidates (the rarest words of the
paragraph, ranked by BM25), and datasketch's MinHash LSH (in memory, measured on a part of the library
and scaled up); each with its time per paragraph, its recall against an exhaustive search, and its
memory. The check of each candidate is measured with rapidfuzz and with difflib.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from drafter.library import Library, matching  # noqa: E402
from drafter.library.index import labelled_paragraphs  # noqa: E402
from drafter.library.near import near  # noqa: E402
from drafter.library.vocabulary import Vocabulary  # noqa: E402
from tests.benchmarks import library_methods  # noqa: E402
from tests.benchmarks.make_library import default_folder, generate  # noqa: E402
from tests.corpus import CORPUS, TEXTS, load  # noqa: E402

TARGET_SEARCH_MS, TARGET_PROVENANCE_MS, TARGET_FILES_PER_S, TARGET_MB = 50, 500, 20, 500
# files indexed into a new library to measure the indexing rate
INDEX_SAMPLE = int(os.environ.get("LIBRARY_INDEX_SAMPLE", "1000"))


def timed(call: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def build(count: int, rebuild: bool) -> tuple[Path, dict[str, float] | None]:
    """The library of `count` synthetic texts (built unless there), and the figures of its build."""
    out = default_folder(count)
    texts = generate(count, out)
    folder = out / "library"
    if rebuild and folder.exists():
        for name in os.listdir(folder):
            os.remove(folder / name)
    with Library(folder) as library:
        if library.stats().documents >= count:
            return folder, None
        print(f"building the library of {count} texts in {folder} …", flush=True)
        files = sorted(str(texts / name) for name in os.listdir(texts))
        wall, cpu = timed(lambda: library.add(files))
        return folder, {"files": len(files), "wall": wall, "cpu": cpu}


def bench_indexing(texts: Path) -> dict[str, float]:
    files = sorted(str(texts / name) for name in os.listdir(texts))
    sample = random.Random(2).sample(files, INDEX_SAMPLE)
    with tempfile.TemporaryDirectory() as folder, Library(folder) as library:
        wall, cpu = timed(lambda: library.add(sample))
        size = library.stats().size
    return {"files": len(sample), "wall": wall, "cpu": cpu, "size": size}


def queries() -> list[tuple[str, dict[str, object]]]:
    """Phrases of 2 to 6 words from the corpus, some with filters, and a few whole paragraphs."""
    pick = random.Random(3)
    paragraphs = [text for path in TEXTS for _label, _part, text, _p in labelled_paragraphs(load(path))]
    out: list[tuple[str, dict[str, object]]] = []
    for number in range(160):
        words = pick.choice(paragraphs).split()
        size = pick.randint(2, 6)
        start = pick.randrange(max(1, len(words) - size))
        phrase = " ".join(word.strip(",;.:()“”\"") for word in words[start:start + size])
        options: dict[str, object] = {}
        if number % 4 == 1:
            options = {"since": 2000}
        elif number % 4 == 2:
            options = {"part": "operative"}
        elif number % 8 == 3:
            options = {"lead": "Urges", "organ": "General Assembly"}
        out.append((phrase, options))
    out += [(phrase, {}) for phrase in ("full and effective participation", "calls upon all States",
                                        "in accordance with international law", "human rights and fundamental freedoms",
                                        "requests the Secretary-General to submit", "remain actively seized")]
    out += [(pick.choice(paragraphs), {}) for _ in range(14)]  # whole paragraphs: the near search
    return out


def bench_search(library: Library) -> dict[str, object]:
    walls: list[float] = []
    cpus: list[float] = []
    kinds: dict[str, list[float]] = {"phrase": [], "filtered": [], "paragraph": []}
    library.search("warm the caches")
    for query, options in queries():
        wall, cpu = timed(lambda q=query, o=options: library.search(q, **o))
        walls.append(wall)
        cpus.append(cpu)
        kind = "paragraph" if len(query.split()) > 12 else "filtered" if options else "phrase"
        kinds[kind].append(cpu)
    return {"queries": len(walls), "p50_wall": percentile(walls, 0.5), "p95_wall": percentile(walls, 0.95),
            "p50_cpu": percentile(cpus, 0.5), "p95_cpu": percentile(cpus, 0.95),
            "p95_cpu_by_kind": {kind: percentile(values, 0.95) for kind, values in kinds.items() if values}}


def bench_provenance(library: Library, name: str) -> dict[str, float]:
    path = str(CORPUS / name)
    library.provenance_of(path)  # the first run reads the pages from disk
    runs = [timed(lambda: library.provenance_of(path)) for _ in range(5)]
    traced = library.provenance_of(path)
    return {"paragraphs": len(traced), "wall": statistics.median(r[0] for r in runs),
            "cpu": statistics.median(r[1] for r in runs),
            "verbatim": sum(1 for _label, p in traced if p.status == "verbatim"),
            "edited": sum(1 for _label, p in traced if p.status == "edited"),
            "new": sum(1 for _label, p in traced if p.status == "new")}


_MEMORY = """
import sys, time
sys.path.insert(0, sys.argv[2])
from drafter.library import Library
library = Library(sys.argv[1])
library.search("full and effective participation")
library.search("calls upon all States", since=2000)
fields = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
print(int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024)
"""


def bench_memory(folder: Path) -> dict[str, int]:
    done = subprocess.run([sys.executable, "-c", _MEMORY, str(folder), str(ROOT)], capture_output=True, text=True,
                          check=True)
    rss, peak = map(int, done.stdout.split())
    return {"rss_mb": rss, "peak_mb": peak}


def bench_checks() -> dict[str, float]:
    """The check of one candidate: rapidfuzz's Indel similarity on wordings as the library keeps them, against
    difflib's ratio on word lists."""
    paragraphs = [matching.masked(matching.words(text)) for path in TEXTS[:20]
                  for _label, _part, text, _p in labelled_paragraphs(load(path))]
    pairs = list(itertools.pairwise(paragraphs))[:2000]
    vocabulary = Vocabulary()  # as the library keeps wordings: one character a word
    vocabulary.learn(enumerate(sorted({word for paragraph in paragraphs for word in paragraph}), 1))
    forms = [(vocabulary.encode(a), vocabulary.encode(b)) for a, b in pairs]
    fuzz = min(timed(lambda: [matching.similarity(a, b) for a, b in forms])[1] for _ in range(3))
    lib = min(timed(lambda: [difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in pairs])[1]
              for _ in range(3))
    return {"pairs": len(pairs), "rapidfuzz_us": fuzz / len(pairs) * 1e6, "difflib_us": lib / len(pairs) * 1e6}


def _status(value: float, target: float, below: bool = True) -> str:
    return "ok" if (value < target if below else value >= target) else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--rebuild", action="store_true", help="build the library again")
    parser.add_argument("--skip-methods", action="store_true", help="leave out the comparison of methods")
    args = parser.parse_args()
    print(f"load average at the start: {os.getloadavg()[0]:.2f} (2 cores shared: CPU times are the figures)")
    folder, built = build(args.count, args.rebuild)
    texts = default_folder(args.count) / "texts"
    figures: dict[str, object] = {"count": args.count}
    if built:
        figures["build"] = built
        print(f"built: {built['files']} files in {built['wall']:.0f} s wall, {built['cpu']:.0f} s CPU "
              f"({built['files'] / built['wall']:.0f} files/s wall, {built['files'] / built['cpu']:.0f} files/s CPU)")
    indexing = bench_indexing(texts)
    figures["indexing"] = indexing
    rate_wall, rate_cpu = indexing["files"] / indexing["wall"], indexing["files"] / indexing["cpu"]
    print(f"indexing {indexing['files']} files into a new library: {rate_wall:.0f} files/s wall, "
          f"{rate_cpu:.0f} files/s CPU (target ≥ {TARGET_FILES_PER_S}: {_status(rate_cpu, TARGET_FILES_PER_S, False)})")
    with Library(folder) as library:
        stats = library.stats()
        figures["library"] = {"documents": stats.documents, "paragraphs": stats.paragraphs, "series": stats.series,
                              "size_mb": stats.size / 2**20}
        print(f"library: {stats.documents} documents, {stats.paragraphs} paragraphs, {stats.series} series, "
              f"database {stats.size / 2**20:.0f} MB")
        found = bench_search(library)
        figures["search"] = found
        print(f"search, {found['queries']} queries: p50 {found['p50_wall'] * 1000:.1f} ms wall / "
              f"{found['p50_cpu'] * 1000:.1f} ms CPU; p95 {found['p95_wall'] * 1000:.1f} ms wall / "
              f"{found['p95_cpu'] * 1000:.1f} ms CPU (target < {TARGET_SEARCH_MS} ms: "
              f"{_status(found['p95_cpu'] * 1000, TARGET_SEARCH_MS)}); p95 CPU by kind: "
              + ", ".join(f"{kind} {value * 1000:.1f} ms" for kind, value in found["p95_cpu_by_kind"].items()))
        for name in ("A-RES-80-5.txt", "A-RES-76-159.txt"):
            traced = bench_provenance(library, name)
            figures[f"provenance {name}"] = traced
            print(f"provenance of {name} ({traced['paragraphs']:.0f} paragraphs: {traced['verbatim']:.0f} verbatim, "
                  f"{traced['edited']:.0f} edited, {traced['new']:.0f} new): {traced['wall'] * 1000:.0f} ms wall, "
                  f"{traced['cpu'] * 1000:.0f} ms CPU (target < {TARGET_PROVENANCE_MS} ms: "
                  f"{_status(traced['cpu'] * 1000, TARGET_PROVENANCE_MS)})")
    memory = bench_memory(folder)
    figures["memory"] = memory
    print(f"memory of a process with the library open and two searches done: {memory['rss_mb']} MB RSS, "
          f"peak {memory['peak_mb']} MB (target < {TARGET_MB} MB: {_status(memory['peak_mb'], TARGET_MB)})")
    checks = bench_checks()
    figures["checks"] = checks
    print(f"checking a candidate ({checks['pairs']:.0f} pairs of paragraphs): "
          f"rapidfuzz {checks['rapidfuzz_us']:.1f} µs, "
          f"difflib {checks['difflib_us']:.1f} µs ({checks['difflib_us'] / checks['rapidfuzz_us']:.0f}× slower)")
    if not args.skip_methods:
        figures["methods"] = library_methods.compare_methods(folder, near)
    figures["load_average"] = os.getloadavg()[0]
    print(f"load average at the end: {figures['load_average']:.2f}")
    (default_folder(args.count) / "figures.json").write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
