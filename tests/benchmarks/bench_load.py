"""Under load: thousands of random edits in the real main window, then undo them all.

The longest corpus text is opened in the real main window (offscreen). Each edit goes through the
editor's own edit path, the one its key handlers use: typing and deleting change the editor's text and
`flush()` turns that into a `set_content` edit; Enter, Backspace at a paragraph start, Tab, Shift+Tab,
Alt+Up/Down and Ctrl+Shift+K call `split_current`, `join_back`, `indent_current`, `outdent_current`,
`move_current` and `toggle_current_kind`. Every edit is pushed on the undo stack and updates the live
comparison, the redline, the change list and the outline synchronously; the time of one edit is that
whole synchronous path. Then every step is undone, and the draft must equal the original
(`drafter.serialize.to_dict`). Memory: RSS growth (current RSS, from /proc) and the tracemalloc-free
figure of Python objects is not used, because tracemalloc slows every edit several-fold.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_load.py [--edits 10000] [--seed 1]

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
from pathlib import Path
from typing import TYPE_CHECKING

import ui.app  # noqa: F401  (guards the PySide6 refcount bug before any signal is emitted)

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
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


@dataclass
class Run:
    times: list[float] = field(default_factory=list)  # ms per edit
    kinds: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    undo_ms: float = 0.0
    steps: int = 0  # undo steps (typing in one paragraph merges)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else 0.0


def _text_keys(window: MainWindow) -> list[str]:
    from ui.editor import layout as lay

    keys = []
    block = window.editor.document().firstBlock()
    while block.isValid():
        if lay.kind_of(block) in lay.TEXT_KINDS and lay.key_of(block):
            keys.append(lay.key_of(block))
        block = block.next()
    return keys


def one_edit(window: MainWindow, rng: random.Random) -> str:
    """Place the cursor somewhere random and do one thing a user does there; returns what it did."""
    editor = window.editor
    keys = _text_keys(window)
    key = rng.choice(keys)
    block = editor.block_of(key)
    size = block.length() - 1
    roll = rng.random()
    if roll < 0.50:
        editor.place_cursor(key, rng.randint(0, size))
        editor.textCursor().insertText(rng.choice(WORDS) + " ")
        editor.flush()
        return "type"
    if roll < 0.70 and size > 2:
        start = rng.randint(0, size - 1)
        editor.place_cursor(key, start, min(size, start + rng.randint(1, 12)))
        editor.textCursor().removeSelectedText()
        editor.flush()
        return "delete"
    if roll < 0.78:
        editor.place_cursor(key, rng.randint(0, size))
        editor.split_current()
        return "split"
    if roll < 0.86:
        editor.place_cursor(key, 0)
        editor.join_back()
        return "join"
    editor.place_cursor(key, rng.randint(0, size))
    action = rng.choice(("indent", "outdent", "move up", "move down", "toggle"))
    {"indent": editor.indent_current, "outdent": editor.outdent_current,
     "move up": lambda: editor.move_current(-1), "move down": lambda: editor.move_current(1),
     "toggle": editor.toggle_current_kind}[action]()
    return action


def apply_random_edits(window: MainWindow, count: int, seed: int = 1, idle_every: int = 50) -> Run:
    """`count` random edits, each timed; the event loop runs (untimed) every `idle_every` edits, as it
    would between keystrokes, so the settle timer and painting happen too."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    rng = random.Random(seed)
    run = Run()
    for index in range(count):
        start = time.perf_counter()
        kind = one_edit(window, rng)
        run.times.append((time.perf_counter() - start) * 1000)
        run.kinds[kind] = run.kinds.get(kind, 0) + 1
        run.by_kind.setdefault(kind, []).append(run.times[-1])
        if index % idle_every == idle_every - 1:
            app.processEvents()
    return run


def undo_all(window: MainWindow, run: Run) -> None:
    stack = window.controller.stack
    run.steps = stack.index()
    start = time.perf_counter()
    while stack.canUndo():
        stack.undo()
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
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from drafter import serialize

    app = QApplication.instance() or QApplication([])
    path = longest_text()
    window = open_window(path)
    doc = window.controller.doc
    assert doc is not None
    before = serialize.to_dict(doc.draft)
    gc.collect()
    rss0 = rss_mb()
    started = time.perf_counter()
    run = apply_random_edits(window, args.edits, args.seed)
    wall = time.perf_counter() - started
    app.processEvents()
    gc.collect()
    rss1 = rss_mb()
    undo_all(window, run)
    app.processEvents()
    gc.collect()
    rss2 = rss_mb()
    same = serialize.to_dict(doc.draft) == before
    print(f"{path.name}: {args.edits} random edits (seed {args.seed}) in {wall:.1f} s; "
          + ", ".join(f"{k} {v}" for k, v in sorted(run.kinds.items())))
    print(f"per edit (incl. live redline): median {statistics.median(run.times):.2f} ms, "
          f"p99 {run.percentile(0.99):.2f} ms, max {max(run.times):.2f} ms, "
          f"over 50 ms: {sum(t > 50 for t in run.times)}")
    for kind, times in sorted(run.by_kind.items()):
        ordered = sorted(times)
        print(f"  {kind:10} n={len(times):5}  median {statistics.median(times):7.2f} ms  "
              f"p99 {ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]:7.2f} ms  max {ordered[-1]:7.2f} ms")
    print(f"undo all {run.steps} steps: {run.undo_ms / 1000:.1f} s; document equals the original: {same}")
    print(f"RSS: {rss0:.0f} MB after opening, {rss1:.0f} MB after the edits (+{rss1 - rss0:.0f}), "
          f"{rss2:.0f} MB after undo (+{rss2 - rss0:.0f})")
    window.controller.stack.setClean()
    window.close()
    return 0 if same and run.percentile(0.99) < 50 else 1


if __name__ == "__main__":
    sys.exit(main())
