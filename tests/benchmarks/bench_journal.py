"""What the journal costs, and how fast a crashed session comes back.

1. `gui`: the journal's share of the GUI thread. The real main window (offscreen) on the longest corpus
   text, N random edits through the editor's own edit path (those of bench_load.py), then every step
   undone; each call the journal makes on the GUI thread (`Journal.pushed` for an edit, `undone` and
   `redone`) is timed. Target: under 1 ms an edit. The writer's thread does the rest.
2. `load`: bench_load.py's run (N random edits with pauses, in the real window) twice in one process
   with the same seed: without the journal, then with it; per edit (its events included) median, p99,
   max and the edits over 50 ms. Target: none over 50 ms.
3. `split`: bench_load.py's run once more, with the journal, each edit split into the app's phases
   (the edit, the live comparison, the views, layout and painting, the journal, garbage collections,
   timers that fired in its span), wall and CPU (`edit_split.py`): where a slow edit's time goes.
4. `recovery`: a journal of N random edits of A/RES/80/5 (typing runs, Enter, joins, indents, moves,
   footnotes, brackets, statuses, alternatives; undo and redo among them), written by the journal
   itself, replayed from its bytes as the next start does; then shown in the real window with its undo
   history (`DocumentController.restore`). Target: under 2 s for 10,000 edits.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_journal.py [--edits 10000] [--part gui]

Each part prints the load average before and after it: on a machine that runs other work the wall times
are longer than the GUI thread's CPU times by what that work takes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ui.app  # noqa: E402,F401  (guards the PySide6 refcount bug before any signal is emitted)
from tests.benchmarks.bench_load import (  # noqa: E402
    Run,
    apply_random_edits,
    longest_text,
    open_window,
    percentile,
    undo_all,
)

RECOVERY_TEXT = ROOT / "tests" / "data" / "corpus" / "A-RES-80-5.txt"


def timed(spent: list[float], call: Callable[..., None]) -> Callable[..., None]:
    def wrapper(*args: Any) -> None:
        start = time.perf_counter()
        call(*args)
        spent.append((time.perf_counter() - start) * 1000)

    return wrapper


def gui(edits: int, seed: int) -> None:
    window = open_window(longest_text())
    journal = window.controller.journal
    assert journal is not None
    pushed: list[float] = []
    stepped: list[float] = []
    journal.pushed = timed(pushed, journal.pushed)
    journal.undone = timed(stepped, journal.undone)
    journal.redone = timed(stepped, journal.redone)
    run = apply_random_edits(window, edits, seed)
    undo_all(window, run)
    assert journal.sync(30)
    size = journal.path.stat().st_size if journal.path else 0
    print(f"{longest_text().name}: {edits} random edits (seed {seed}), then {run.steps} steps undone; "
          f"journal {size / 1024:.0f} KB, {journal.writer.written} records, {journal.writer.syncs} syncs")
    for name, spent in (("an edit", pushed), ("an undo or redo", stepped)):
        print(f"  the journal's GUI-thread time for {name}: n={len(spent)} median {statistics.median(spent):.3f} ms, "
              f"p99 {percentile(spent, 0.99):.3f} ms, max {max(spent):.3f} ms")
    window.controller.stack.setClean()
    window.close()


def report(name: str, run: Run) -> None:
    cpu = [t for times in run.cpu_by_kind.values() for t in times]
    print(f"  {name:16} per edit median {statistics.median(run.times):.2f} ms, p99 {run.percentile(0.99):.2f} ms, "
          f"max {max(run.times):.2f} ms, over 50 ms: {sum(t > 50 for t in run.times)}; the GUI thread's CPU time: "
          f"median {statistics.median(cpu):.2f} ms, p99 {percentile(cpu, 0.99):.2f} ms, max {max(cpu):.2f} ms, "
          f"over 50 ms: {sum(t > 50 for t in cpu)}")


def load_run(edits: int, seed: int) -> None:
    print(f"{longest_text().name}: {edits} random edits (seed {seed}) in the real window, the same run twice")
    for name, journaled in (("without journal", False), ("with journal", True)):
        window = open_window(longest_text())
        if not journaled:
            window.controller.close_journal()
            window.controller.journaling = False
        run = apply_random_edits(window, edits, seed)
        report(name, run)
        if window.controller.journal is not None:
            assert window.controller.sync_journal(30)
        window.controller.stack.setClean()
        window.close()


def split_run(edits: int, seed: int) -> None:
    from tests.benchmarks.edit_split import Split

    split = Split()
    split.install()
    window = open_window(longest_text())
    print(f"{longest_text().name}: {edits} random edits (seed {seed}) in the real window, with the journal, "
          "each edit split into phases")
    try:
        apply_random_edits(window, edits, seed)
    finally:
        split.uninstall()
    split.report()
    assert window.controller.sync_journal(30)
    window.controller.stack.setClean()
    window.close()


def recovery(edits: int, seed: int) -> None:
    from drafter import draftfile, load
    from drafter.edits import Document
    from drafter.journal import replay
    from tests.core.test_journal import session_on
    from ui.main_window import MainWindow
    from ui.settings import Settings

    folder = Path(tempfile.mkdtemp())
    doc = Document.from_base(load(str(RECOVERY_TEXT)), RECOVERY_TEXT.name)
    started = time.perf_counter()
    stack, journal = session_on(doc, folder / "journal", seed, edits)
    made = time.perf_counter() - started
    assert journal.path is not None
    data = journal.path.read_bytes()
    print(f"{RECOVERY_TEXT.name}: a journal of {edits} random edits and undos ({len(data) / 1024:.0f} KB, "
          f"{journal.writer.written} records), made in {made:.1f} s")
    times = []
    for _ in range(3):
        started = time.perf_counter()
        replayed = replay(data)
        times.append(time.perf_counter() - started)
    same = draftfile.to_dict(replayed.doc) | {"saved": ""} == draftfile.to_dict(stack.doc) | {"saved": ""}
    print(f"  replayed ({replayed.steps} steps, undo history of {len(replayed.commands)}): "
          f"best {min(times):.2f} s, worst {max(times):.2f} s; the same draft: {same}")
    settings = Settings(folder / "settings.ini")
    settings.recovery_dir = str(folder / "journal")
    window = MainWindow(settings)
    started = time.perf_counter()
    window.controller.restore(replay(data), journal.path, journal.key or "", None)
    shown = time.perf_counter() - started
    print(f"  replayed and shown in the window with its undo history: {shown:.2f} s")
    window.controller.stack.setClean()
    window.close()
    journal.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--part", choices=("gui", "load", "split", "recovery"), action="append")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    for part in args.part or ["gui", "load", "split", "recovery"]:
        print(f"[{part}] load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
        {"gui": gui, "load": load_run, "split": split_run, "recovery": recovery}[part](args.edits, args.seed)
        print(f"[{part}] load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
