"""Under load: thousands of random edits in the real main window, then undo them all.

The longest corpus text is opened in the real main window (offscreen). Each edit goes through the
editor's own edit path, the one its key handlers use: typing and deleting change the editor's text and
`flush()` turns that into a `set_content` edit; Enter, Backspace at a paragraph start, Tab, Shift+Tab,
Alt+Up/Down and Ctrl+Shift+K call `split_current`, `join_back`, `indent_current`, `outdent_current`,
`move_current` and `toggle_current_kind`. Every edit is pushed on the undo stack and updates the live
comparison, the redline, the change list and the outline.

The time of one edit is what the user waits for: the edit's own path and then `processEvents()`, so
that whatever it left to the event loop (deferred redraws, layout, painting) is counted too. Placing
the cursor first is the user's click, another event: it is timed the same way and reported on its
own (the outline and the review views follow the cursor, which may scroll them).

Every `--pause-every` edits the user pauses: the settle timer starts the full comparison in its
thread (`DocumentController.start_settling`), and the editorial checks run. At every other pause
the user waits until the comparison is shown; at the others work resumes at once: the next click
stops the comparison (as a key or mouse press in the editor does) and the edits that follow while
its thread winds down are reported on their own too. The work on the GUI thread at a pause
(starting the comparison; taking its result and showing it; collecting garbage after that: each a
stretch of its own between two turns of the event loop; the checks) is timed and reported on its
own: it is not an edit's, and should a result be taken inside an edit's span all the same, its
time is taken out of that edit and counted with the pauses. Each edit's CPU time (of the GUI
thread) is kept too: on a machine that runs nothing else it is the wall time, as nothing in the
edit path waits; on a busy one the wall time is longer by what the other work takes.

Then every step is undone in one run (as a jump in the undo history does), the event loop catches
up, and the draft must equal the original (`drafter.serialize.to_dict`). Memory: current RSS (from
/proc); tracemalloc is not used, because it slows every edit several-fold.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_load.py [--edits 10000] [--seed 1]
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_load.py --replay 9457

With `--replay N`, the N edits are made and the one that would come next is timed nine times, undone in
between: one heavy edit measured alone (after 9,457 edits with seed 1, a join that renumbers ~200 records).

Target: no edit over 50 ms (p99 asserted by tests/ui/test_robustness.py; max reported).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import ui.app  # noqa: F401  (guards the PySide6 refcount bug before any signal is emitted)

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

CORPUS = ROOT / "tests" / "data" / "corpus"
WORDS = ("Member States", "urges", "further", "sustainable", "development", "the", "and", "of", ";", ",",
         "international", "cooperation", "Decides", "Requests the Secretary-General", "2030", "«»", "é")


def longest_text() -> Path:
    return max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)


def rss_mb() -> float:
    """The current resident set size in MB (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else 0.0


@dataclass
class Run:
    times: list[float] = field(default_factory=list)  # ms per edit, events included
    kinds: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    cpu_by_kind: dict[str, list[float]] = field(default_factory=dict)  # the GUI thread's CPU ms per edit
    during: list[float] = field(default_factory=list)  # ms per edit made while the full comparison ran in its thread
    clicks: list[float] = field(default_factory=list)  # ms to place the cursor before each edit, events included
    settle: list[float] = field(default_factory=list)  # GUI thread ms: to start a full comparison; to show it
    settle_thread: list[float] = field(default_factory=list)  # ms of each full comparison in its thread
    checks: list[float] = field(default_factory=list)  # ms of each run of the editorial checks after a pause
    undo_ms: float = 0.0
    steps: int = 0  # undo steps (typing in one paragraph merges)

    def percentile(self, q: float) -> float:
        return percentile(self.times, q)


def _text_keys(window: MainWindow) -> list[str]:
    from ui.editor import layout

    return [row.key for row in window.editor.blocks.rows if row.kind in layout.TEXT_KINDS and row.key]


@dataclass
class Plan:
    """One thing a user does: click at `key` (selecting up to `end`), then `kind` there."""

    kind: str
    key: str
    offset: int
    end: int | None = None
    words: str = ""


def plan_edit(window: MainWindow, rng: random.Random) -> Plan:
    """A random place in the body and a random edit there."""
    key = rng.choice(_text_keys(window))
    size = window.editor.block_of(key).length() - 1
    roll = rng.random()
    if roll < 0.50:
        return Plan("type", key, rng.randint(0, size), words=rng.choice(WORDS) + " ")
    if roll < 0.70 and size > 2:
        start = rng.randint(0, size - 1)
        return Plan("delete", key, start, min(size, start + rng.randint(1, 12)))
    if roll < 0.78:
        return Plan("split", key, rng.randint(0, size))
    if roll < 0.86:
        return Plan("join", key, 0)
    offset = rng.randint(0, size)
    return Plan(rng.choice(("indent", "outdent", "move up", "move down", "toggle")), key, offset)


def click(window: MainWindow, plan: Plan) -> None:
    window.editor.on_activity()  # what the mouse press does first
    window.editor.place_cursor(plan.key, plan.offset, plan.end)


def act(window: MainWindow, plan: Plan) -> None:
    """The edit, through the editor's own edit path (what its key handlers call)."""
    editor = window.editor
    editor.on_activity()  # what the key press does first
    if plan.kind in ("type", "delete"):
        if plan.kind == "type":
            editor.textCursor().insertText(plan.words)
        else:
            editor.textCursor().removeSelectedText()
        editor.flush()
        return
    {"split": editor.split_current, "join": editor.join_back, "indent": editor.indent_current,
     "outdent": editor.outdent_current, "move up": lambda: editor.move_current(-1),
     "move down": lambda: editor.move_current(1), "toggle": editor.toggle_current_kind}[plan.kind]()


def one_edit(window: MainWindow, rng: random.Random) -> str:
    """Place the cursor somewhere random and do one thing a user does there; returns what it did."""
    plan = plan_edit(window, rng)
    click(window, plan)
    act(window, plan)
    return plan.kind


def _timed_taking(window: MainWindow) -> list[tuple[float, float]]:
    """Time (wall and CPU ms) every taking of a full comparison's result, wherever it happens; returns
    the list it fills."""
    controller = window.controller
    take = type(controller).take_settled
    spans: list[tuple[float, float]] = []

    def timed(settling: object) -> None:
        start, cpu = time.perf_counter(), time.thread_time()
        take(controller, settling)  # type: ignore[arg-type]
        spans.append(((time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000))

    controller.take_settled = timed  # type: ignore[method-assign]
    return spans


def pause(window: MainWindow, run: Run, taken: list[tuple[float, float]], wait: bool) -> None:
    """The user stops typing: the settle timer starts the full comparison in its thread (if `wait`, the
    user waits until it is shown), and the editorial checks run; the GUI thread's work timed with the
    events it leaves."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    controller = window.controller
    if controller.settle_pending():
        start = time.perf_counter()
        controller.start_settling()
        app.processEvents()
        run.settle.append((time.perf_counter() - start) * 1000)
        settling = controller._settling
        if wait and settling is not None:
            before = len(taken)
            while controller.settle_pending():
                app.processEvents()
                time.sleep(0.001)
            run.settle_thread.append(settling.seconds * 1000)
            run.settle += [wall for wall, _cpu in taken[before:]]
            del taken[before:]
            start = time.perf_counter()
            app.processEvents()  # what showing it left for the next turn (collecting garbage), still in the pause
            run.settle.append((time.perf_counter() - start) * 1000)
    if window.checker.timer.isActive():
        start = time.perf_counter()
        window.checker.run()
        app.processEvents()
        run.checks.append((time.perf_counter() - start) * 1000)


def _span(app: QApplication, taken: list[tuple[float, float]], run: Run,
          action: Callable[[], None]) -> tuple[float, float]:
    """The ms `action` and the events it leaves take, wall clock and the GUI thread's CPU, less any taking
    of a full comparison's result in between."""
    start, cpu = time.perf_counter(), time.thread_time()
    before = len(taken)
    action()
    app.processEvents()
    spent, used = (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000
    for wall, take_cpu in taken[before:]:  # a result taken inside the span: that is between keystrokes
        spent, used = spent - wall, used - take_cpu
        run.settle.append(wall)
    del taken[before:]
    return spent, used


def apply_random_edits(window: MainWindow, count: int, seed: int = 1, pause_every: int = 50) -> Run:
    """`count` random edits, each timed with the events it triggers; a pause every `pause_every` edits."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    rng = random.Random(seed)
    run = Run()
    taken = _timed_taking(window)
    try:
        for index in range(count):
            plan = plan_edit(window, rng)
            run.clicks.append(_span(app, taken, run, partial(click, window, plan))[0])
            running = window.controller._settling is not None
            spent, used = _span(app, taken, run, partial(act, window, plan))
            run.times.append(spent)
            if running:
                run.during.append(spent)
            run.kinds[plan.kind] = run.kinds.get(plan.kind, 0) + 1
            run.by_kind.setdefault(plan.kind, []).append(spent)
            run.cpu_by_kind.setdefault(plan.kind, []).append(used)
            if index % pause_every == pause_every - 1:
                pause(window, run, taken, wait=(index // pause_every) % 2 == 0)
    finally:
        del window.controller.take_settled  # type: ignore[misc]
    return run


def replay_next(window: MainWindow, count: int, seed: int, pause_every: int, times: int) -> tuple[str, list[float]]:
    """After `count` edits, the edit that would come next, done `times` times (undone and the full
    comparison shown in between): what it is, and its ms each time, its events included. One heavy
    edit timed again and again, so that a change to the views can be measured on it alone."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    rng = random.Random(seed)
    run, taken = Run(), _timed_taking(window)
    try:
        for index in range(count):
            plan = plan_edit(window, rng)
            _span(app, taken, run, partial(click, window, plan))
            _span(app, taken, run, partial(act, window, plan))
            if index % pause_every == pause_every - 1:
                pause(window, run, taken, wait=(index // pause_every) % 2 == 0)
        plan = plan_edit(window, rng)
        spent = []
        for _ in range(times):
            window.controller.settle_now()
            app.processEvents()
            _span(app, taken, run, partial(click, window, plan))
            spent.append(_span(app, taken, run, partial(act, window, plan))[0])
            window.controller.stack.undo()
            app.processEvents()
    finally:
        del window.controller.take_settled  # type: ignore[misc]
    return plan.kind, spent


def undo_all(window: MainWindow, run: Run) -> None:
    """Undo every step in one run, as a jump to the start of the undo history does, then let the views catch up."""
    from PySide6.QtWidgets import QApplication

    stack = window.controller.stack
    run.steps = stack.index()
    start = time.perf_counter()
    while stack.canUndo():
        stack.undo()
    QApplication.processEvents()
    run.undo_ms = (time.perf_counter() - start) * 1000


def open_window(path: Path) -> MainWindow:
    from PySide6.QtWidgets import QApplication

    from ui.app import initial_document
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    settings = Settings(folder / "settings.ini")
    settings.recovery_dir = str(folder / "recovery")
    window = MainWindow(settings)
    doc, saved = initial_document(str(path), None)
    window.controller.set_document(doc, saved)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    return window


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pause-every", type=int, default=50, help="edits between two pauses in typing")
    parser.add_argument("--replay", type=int, metavar="N",
                        help="instead: after N edits, time the next one 9 times (undone in between)")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from drafter import serialize

    app = QApplication.instance() or QApplication([])
    path = longest_text()
    window = open_window(path)
    if args.replay is not None:
        kind, spent = replay_next(window, args.replay, args.seed, args.pause_every, 9)
        print(f"{path.name}: after {args.replay} random edits (seed {args.seed}), the next one ({kind}) nine "
              f"times: median {statistics.median(spent):.1f} ms, min {min(spent):.1f} ms")
        window.controller.stack.setClean()
        window.close()
        return 0
    doc = window.controller.doc
    assert doc is not None
    before = serialize.to_dict(doc.draft)
    gc.collect()
    rss0 = rss_mb()
    started = time.perf_counter()
    run = apply_random_edits(window, args.edits, args.seed, args.pause_every)
    wall = time.perf_counter() - started
    app.processEvents()
    gc.collect()
    rss1 = rss_mb()
    undo_all(window, run)
    gc.collect()
    rss2 = rss_mb()
    same = serialize.to_dict(doc.draft) == before
    print(f"{path.name}: {args.edits} random edits (seed {args.seed}) in {wall:.1f} s; "
          + ", ".join(f"{k} {v}" for k, v in sorted(run.kinds.items())))
    print(f"per edit (its events included): median {statistics.median(run.times):.2f} ms, "
          f"p99 {run.percentile(0.99):.2f} ms, max {max(run.times):.2f} ms, "
          f"over 50 ms: {sum(t > 50 for t in run.times)}")
    for kind, times in sorted(run.by_kind.items()):
        print(f"  {kind:10} n={len(times):5}  median {statistics.median(times):7.2f} ms  "
              f"p99 {percentile(times, 0.99):7.2f} ms  max {max(times):7.2f} ms  "
              f"over 50 ms: {sum(t > 50 for t in times)}")
    cpu = [t for times in run.cpu_by_kind.values() for t in times]
    print(f"per edit, the GUI thread's CPU time: median {statistics.median(cpu):.2f} ms, "
          f"p99 {percentile(cpu, 0.99):.2f} ms, max {max(cpu):.2f} ms")
    print(f"placing the cursor before each edit (a click, not an edit): median {statistics.median(run.clicks):.2f} ms, "
          f"p99 {percentile(run.clicks, 0.99):.2f} ms, max {max(run.clicks):.2f} ms")
    if run.during:
        print(f"edits while the full comparison ran in its thread: n={len(run.during)}, median "
              f"{statistics.median(run.during):.2f} ms, p99 {percentile(run.during, 0.99):.2f} ms, "
              f"max {max(run.during):.2f} ms")
    for name, times in (("full comparison after a pause, in its thread", run.settle_thread),
                        ("GUI thread at a pause, each stretch: start it; take and show its result", run.settle),
                        ("editorial checks after a pause", run.checks)):
        if times:
            print(f"between keystrokes, {name}: n={len(times)}, median {statistics.median(times):.2f} ms, "
                  f"max {max(times):.2f} ms")
    print(f"undo all {run.steps} steps: {run.undo_ms / 1000:.1f} s; document equals the original: {same}")
    print(f"RSS: {rss0:.0f} MB after opening, {rss1:.0f} MB after the edits (+{rss1 - rss0:.0f}), "
          f"{rss2:.0f} MB after undo (+{rss2 - rss0:.0f})")
    window.controller.stack.setClean()
    window.close()
    return 0 if same and run.percentile(0.99) < 50 else 1


if __name__ == "__main__":
    sys.exit(main())
