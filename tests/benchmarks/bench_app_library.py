"""The app with a library of 20,000 resolutions: memory, and the time until every provenance mark shows.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_app_library.py [--library DIR]

A fresh process starts the real main window (offscreen) with `DRAFTER_LIBRARY` set to the synthetic library
of `make_library.py` (by default the cache folder's `drafter-bench/library-20000/library`; it is only read:
nothing is added or removed), and opens A/RES/80/5 (167 paragraphs, the longest corpus text) as the draft.
Measured in that process:

- the time from opening the draft until the margin shows a mark for every paragraph (after the pause in
  typing the app waits for, `PAUSE_MS`), and the part of it spent tracing;
- keystrokes typed into the longest paragraph, the time of each: first with nothing traced meanwhile, then
  after the library is reported changed (every paragraph traced again) while that runs in its worker (the
  trace stops at the first keystroke and must not hold typing up); then the time until the marks show the
  paragraph as typed;
- 40 searches of the library (phrases of 3–6 words of the draft, and whole paragraphs), p50 and p95;
- peak RSS of the process at the end.

Wall and CPU time are both given (CPU of the process, every thread): the machine is shared. The target
is a peak RSS under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "tests" / "data" / "corpus" / "A-RES-80-5.txt"
DEFAULT = Path(platformdirs.user_cache_dir()) / "drafter-bench" / "library-20000" / "library"
TARGET_MB = 500

_CHILD = r"""
import json, random, resource, statistics, sys, time
root, draft, settings_path = sys.argv[1:4]
sys.path.insert(0, root)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import initial_document
from ui.main_window import MainWindow
from ui.provenance_plan import paragraphs_of
from ui.settings import Settings

def clocks():
    return time.perf_counter(), time.process_time()

def since(start):
    wall, cpu = clocks()
    return round((wall - start[0]) * 1000), round((cpu - start[1]) * 1000)

def settle(condition, limit=300.0):
    end = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > end:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.002)

window = MainWindow(Settings(settings_path))
window.resize(1400, 900)
window.show()
app.processEvents()
provenance = window.provenance
started = []
def traced():
    if not started and provenance._job is not None:  # the trace began (after the pause)
        started.append(clocks())
    return provenance.current
out = {}
opened = clocks()
doc, path = initial_document(draft, None)
window.controller.set_document(doc, path)
settle(traced)
out["all marks after opening (wall, cpu ms)"] = since(opened)
out["of which tracing (wall, cpu ms)"] = since(started[0])
paragraphs = paragraphs_of(doc.draft)
marks = provenance.marks.marks
out["paragraphs"] = len(paragraphs)
out["marks"] = len(marks)
out["statuses"] = {status: sum(1 for m in marks.values() if m.status == status)
                   for status in ("verbatim", "edited", "new")}
out["pause before tracing (ms)"] = provenance._pause.interval()

def type_keys(words):
    presses = []
    for char in words:
        start = time.perf_counter()
        QTest.keyClick(window.editor, char)
        app.processEvents()
        presses.append((time.perf_counter() - start) * 1000)
    return [round(statistics.median(presses), 1), round(max(presses), 1)]

target = max(doc.draft.operatives(), key=lambda para: len(para.text))
window.editor.place_cursor(target.id, len(target.text) // 2)
window.editor.setFocus()
out["keystrokes, nothing traced meanwhile: p50 / max (ms)"] = type_keys(" and other words")
settle(lambda: provenance.current)
window.controller.stack.undo()
settle(lambda: provenance.current)
# the library changes: everything is traced again, in a worker, while the user types
window.library_session.changed.emit()
settle(lambda: provenance._job is not None)
window.editor.place_cursor(target.id, len(target.text) // 2)
out["keystrokes while tracing: p50 / max (ms)"] = type_keys(" and further words typed")
typed = clocks()
settle(lambda: provenance.current)
out["all marks again after the last keystroke (wall, cpu ms)"] = since(typed)
out["typed paragraph"] = provenance.marks.marks[target.id].status

library = window.library_session.library()
rng = random.Random(1)
queries = []
for para in rng.sample(paragraphs, 30):
    words = para.text.split()
    size = rng.randint(3, 6)
    at = rng.randint(0, max(0, len(words) - size))
    queries.append(" ".join(words[at:at + size]))
queries += [para.text for para in rng.sample(paragraphs, 10)]
walls, cpus = [], []
for query in queries:
    start = clocks()
    library.search(query)
    wall, cpu = since(start)
    walls.append(wall)
    cpus.append(cpu)
walls.sort(); cpus.sort()
out["searches"] = len(queries)
out["search p50 / p95 (wall ms)"] = [walls[len(walls) // 2], walls[int(0.95 * len(walls))]]
out["search p50 / p95 (cpu ms)"] = [cpus[len(cpus) // 2], cpus[int(0.95 * len(cpus))]]
out["peak RSS (MB)"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
window.controller.stack.setClean()
window.library_session.close()
print(json.dumps(out))
"""


def measure(library: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRAFTER_LIBRARY=str(library))
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), str(DRAFT), str(Path(folder) / "s.ini")],
                              capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the app failed:\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--library", type=Path, default=DEFAULT, help="the library folder (only read)")
    args = parser.parse_args()
    if not (args.library / "library.sqlite").is_file():
        print(f"no library in {args.library}: make one with tests/benchmarks/bench_library.py", file=sys.stderr)
        return 2
    with open("/proc/loadavg") as load:
        before = load.read().split()[:3]
    figures = measure(args.library)
    with open("/proc/loadavg") as load:
        after = load.read().split()[:3]
    for name, value in figures.items():
        print(f"{name}: {value}")
    print(f"load average before / after: {' '.join(before)} / {' '.join(after)}")
    peak = figures["peak RSS (MB)"]
    assert isinstance(peak, int)
    print(f"peak RSS {peak} MB: {'within' if peak < TARGET_MB else 'OVER'} the target of {TARGET_MB} MB")
    return 0 if peak < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
