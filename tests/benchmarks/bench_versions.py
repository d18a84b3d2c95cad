"""How fast a draft with many versions opens, and how fast the app switches what it compares against.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_versions.py

Targets: a draft of A/RES/80/5 with 30 versions opens (`draftfile.read`) in under 1 s; switching
"Compare against" between versions in the main window, until every view shows the new change list,
under 100 ms. The peers: reading the same draft with no versions, and the first full comparison of
the draft with its base (what any switch must at least redo).
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from drafter import draftfile, edits, versions  # noqa: E402
from drafter.compare import compare  # noqa: E402
from drafter.edits import Document  # noqa: E402
from drafter.model import Text  # noqa: E402
from tests.corpus import CORPUS, load  # noqa: E402


def draft_with_versions(count: int) -> Document:
    doc = Document.from_base(copy.deepcopy(load(CORPUS / "A-RES-80-5.txt")), "A-RES-80-5.txt")
    operatives = doc.draft.operatives()
    for number in range(count):
        para = operatives[(number * 7) % len(operatives)]
        edit = edits.set_content(doc, para.id, [*para.content, Text(f" (round {number + 1})")])
        assert edit is not None
        edit.apply(doc)
        versions.add(doc.versions, f"Rev.{number + 1}", doc.draft, f"round {number + 1}")
    return doc


def best_of(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    with_versions, without = folder / "thirty.drafter", folder / "none.drafter"
    doc = draft_with_versions(30)
    draftfile.save(doc, with_versions)
    draftfile.save(Document(doc.base, doc.draft, doc.meta), without)
    size = with_versions.stat().st_size / 1_048_576
    opened = best_of(5, lambda: draftfile.read(with_versions))
    plain = best_of(5, lambda: draftfile.read(without))
    first = best_of(3, lambda: compare(doc.base, doc.draft))
    print(f"open a draft of A/RES/80/5 with 30 versions ({size:.1f} MB): {opened * 1000:.0f} ms "
          f"(target < 1000 ms); with none: {plain * 1000:.0f} ms (ratio {opened / plain:.2f})")

    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    settings = Settings(folder / "settings.ini")
    settings.recovery_dir = str(folder / "recovery")
    settings.first_start = False
    window = MainWindow(settings)
    window.show()
    window.controller.set_document(draftfile.read(with_versions), str(with_versions))
    app.processEvents()
    switches = []
    for name in ["Rev.10", "Rev.20", "Rev.30", "base", "Rev.1", "Rev.15", "Rev.29", "base"] * 3:
        start = time.perf_counter()
        window.versions.choose(name)
        while not window.views_current():
            app.processEvents()
        switches.append(time.perf_counter() - start)
    switches.sort()
    p95 = switches[int(len(switches) * 0.95) - 1]
    median = statistics.median(switches)
    print(f"switch Compare against on A/RES/80/5 until the views show it: median {median * 1000:.0f} ms, "
          f"95th percentile {p95 * 1000:.0f} ms, worst {switches[-1] * 1000:.0f} ms (target < 100 ms); "
          f"a full comparison alone: {first * 1000:.0f} ms")
    window.controller.stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
