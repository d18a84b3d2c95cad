"""Speed of the editor: keystroke → updated redline, start time, memory.

Keystroke latency: real key presses (QTest.keyClick) into the real main window, offscreen;
each press goes through the editor, the undo stack, the edit object, the live comparison
(only the touched paragraph is compared again) and the redraw of that paragraph in the
redline and in the change list. The time is the whole synchronous path of one press.
Measured on A/RES/72/169 and on A/RES/80/5 (65 KB, the longest corpus text), typing in the
middle of a long paragraph; also the full comparison run after a pause in typing.

Start: a fresh process from interpreter start to a shown, laid-out main window with the
sample open. Memory: peak RSS of a process with A/RES/80/5 open, after typing and a full
comparison.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_editor.py [--presses 200]

Targets: keystroke < 16 ms (72/169) and < 50 ms (80/5); start < 1.5 s; memory < 300 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = ROOT / "resources" / "sample-A-RES-72-169.txt"
LONG = ROOT / "tests" / "data" / "corpus" / "A-RES-80-5.txt"

_START = """
import time, sys, os
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.settings import Settings
from ui.main_window import MainWindow
from ui.app import initial_document
window = MainWindow(Settings({settings!r}))
doc, path = initial_document({file!r}, None)
window.controller.set_document(doc, path)
window.show()
app.processEvents()
t1 = time.perf_counter()
if {type_some!r}:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from drafter import edits
    para = max(edits.reading_order(doc.draft), key=lambda b: len(b.text))
    window.editor.place_cursor(para.id, len(para.text) // 2)
    for ch in "some words typed here":
        QTest.keyClick(window.editor, ch)
    window.controller.live.full()
    window.controller.show_again()
    app.processEvents()
import resource
print(t1 - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
window.controller.stack.setClean()
window.close()  # a clean close: the draft's journal goes
"""


def in_process(path: Path, type_some: bool) -> tuple[float, float]:
    """(seconds from interpreter start to a shown window, peak RSS in MB) in a fresh process."""
    script = _START.format(root=str(ROOT), settings=tempfile.mktemp(suffix=".ini"), file=str(path),
                           type_some=type_some)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - started
    inner, rss = (float(v) for v in out.split())
    del inner
    return wall, rss


def keystrokes(path: Path, presses: int) -> tuple[list[float], float]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from drafter import edits
    from ui.app import initial_document
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings(tempfile.mktemp(suffix=".ini")))
    doc, saved = initial_document(str(path), None)
    window.controller.set_document(doc, saved)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    para = max(edits.reading_order(doc.draft), key=lambda b: len(b.text))
    window.editor.place_cursor(para.id, len(para.text) // 2)
    window.editor.setFocus()
    times: list[float] = []
    text = "and strongly encourages all Member States to "
    for index in range(presses):
        char = text[index % len(text)]
        start = time.perf_counter()
        QTest.keyClick(window.editor, char)
        times.append((time.perf_counter() - start) * 1000)
        if index % 25 == 24:
            app.processEvents()  # paint, as an idle event loop would between presses
    assert window.controller.live.changes.changes, "the typing should show as a change"
    start = time.perf_counter()
    window.controller.live.full()
    window.controller.show_again()
    settle = (time.perf_counter() - start) * 1000
    window.controller.stack.setClean()
    window.close()
    return times, settle


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args()
    print(f"{'':28}{'median':>9}{'p95':>9}{'max':>9}  target")
    ok = True
    for name, path, target in (("keystroke, A/RES/72/169", SAMPLE, 16.0), ("keystroke, A/RES/80/5", LONG, 50.0)):
        times, settle = keystrokes(path, args.presses)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        ok = ok and p95 < target
        print(f"{name:28}{statistics.median(times):8.2f}ms{p95:8.2f}ms{times[-1]:8.2f}ms  < {target:.0f} ms (p95)")
        print(f"{'  full re-compare + redraw':28}{settle:8.2f}ms")
    starts = sorted(in_process(SAMPLE, False)[0] for _ in range(3))
    print(f"{'start to window (sample)':28}{starts[1]:8.2f}s   (median of 3)  < 1.5 s")
    _wall, rss = in_process(LONG, True)
    print(f"{'peak memory, A/RES/80/5':28}{rss:8.0f}MB  < 300 MB")
    ok = ok and starts[1] < 1.5 and rss < 300
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
