"""Where the time of one edit goes: each edit of bench_load.py's run split into phases, wall and CPU.

The phases are the app's own functions, wrapped (before the window is made, so that the signals reach
the wrappers) to time themselves; each phase's time is its own, less that of the phases inside it:

- `act`: the editor's key handling (QTextEdit's insertion, the reading back of the block); `editor_flush`
  the edit made of typing; `push` the undo stack; `edit` the edit applied to the document; `catch_up`;
- `live`: the live comparison; `journal`: the journal (`Journal.pushed`, `undone`, `redone`);
- `editor_on_changed`: the editor follows the model; `views_changed`, `views_compared`: the outline,
  the redline, the side-by-side view, the change list, the margins;
- `events`: the events the edit left (layout, painting) less what else is listed here;
- `t:…`: a timer that fired in the same span (rewrites left for later, the checks, the pause's work);
- `gc0`, `gc1`, `gc2`: a collection of Python's garbage in the GUI thread (from `gc.callbacks`).

Only the GUI thread is timed; collections in other threads are counted apart.
"""

from __future__ import annotations

import gc
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from tests.benchmarks import bench_load

MAIN = threading.get_ident()


@dataclass
class Edit:
    kind: str
    wall: float  # ms, as bench_load times it
    cpu: float
    phases: dict[str, list[float]]  # phase: [wall ms, cpu ms], each its own time
    collections: list[tuple[int, float, bool]]  # generation, ms, in the GUI thread


@dataclass
class Split:
    edits: list[Edit] = field(default_factory=list)
    outside: dict[str, list[float]] = field(default_factory=dict)  # phases between the edits (clicks, pauses)
    outside_collections: list[tuple[int, float, bool]] = field(default_factory=list)
    _stack: list[list[Any]] = field(default_factory=list)
    _phases: dict[str, list[float]] = field(default_factory=dict)
    _collections: list[tuple[int, float, bool]] = field(default_factory=list)
    _gc_started: dict[int, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._phases, self._collections = self.outside, self.outside_collections

    def enter(self, name: str) -> None:
        self._stack.append([name, time.perf_counter(), time.thread_time(), 0.0, 0.0])

    def leave(self) -> None:
        name, wall0, cpu0, inner_wall, inner_cpu = self._stack.pop()
        wall, cpu = time.perf_counter() - wall0, time.thread_time() - cpu0
        slot = self._phases.setdefault(name, [0.0, 0.0])
        slot[0] += (wall - inner_wall) * 1000
        slot[1] += (cpu - inner_cpu) * 1000
        if self._stack:
            self._stack[-1][3] += wall
            self._stack[-1][4] += cpu

    def collecting(self, phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            self._gc_started[thread] = time.perf_counter()
            if thread == MAIN:
                self.enter(f"gc{info['generation']}")
            return
        started = self._gc_started.pop(thread, time.perf_counter())
        self._collections.append((info["generation"], (time.perf_counter() - started) * 1000, thread == MAIN))
        if thread == MAIN:
            self.leave()

    def timed(self, call: Callable[..., Any], name: str) -> Callable[..., Any]:
        @wraps(call)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if threading.get_ident() != MAIN:
                return call(*args, **kwargs)
            self.enter(name)
            try:
                return call(*args, **kwargs)
            finally:
                self.leave()

        return wrapper

    def wrap(self, owner: object, attr: str, name: str) -> None:
        if hasattr(owner, attr):
            setattr(owner, attr, self.timed(getattr(owner, attr), name))

    def install(self) -> None:
        """Wrap the phases (call before the window is made) and time every edit of bench_load's runs."""
        import ui.controller as controller
        from drafter.journal.journal import Journal
        from drafter.tracking.live import LiveComparison
        from ui.checks_panel import Checker
        from ui.comments_ui import CommentsUi
        from ui.editor.editor import StructuredEditor
        from ui.proposals_ui import ProposalsUi
        from ui.review.redline import ReviewView
        from ui.review.sync import ReviewSync

        owner = controller.DocumentController
        for attr, name in (("push", "push"), ("apply_edit", "edit"), ("revert_edit", "edit"),
                           ("catch_up", "catch_up"), ("_next_turn", "t:turn"), ("start_settling", "t:settle"),
                           ("take_settled", "t:take"), ("_collect_in_pause", "t:collect"),
                           ("_collect_when_due", "t:collect")):
            self.wrap(owner, attr, name)
        self.wrap(controller, "collect_garbage", "t:collect")
        for attr in ("pushed", "undone", "redone"):
            self.wrap(Journal, attr, "journal")
        self.wrap(LiveComparison, "update", "live")
        self.wrap(ReviewSync, "views_changed", "views_changed")
        self.wrap(ReviewSync, "compared", "views_compared")
        self.wrap(StructuredEditor, "on_changed", "editor_on_changed")
        self.wrap(StructuredEditor, "flush", "editor_flush")
        self.wrap(StructuredEditor, "_catch_up_later", "t:editor_later")
        self.wrap(ReviewView, "_catch_up_later", "t:review_later")
        self.wrap(Checker, "run", "t:checks")
        self.wrap(CommentsUi, "refresh", "t:comments")
        self.wrap(ProposalsUi, "refresh", "t:proposals")
        self.wrap(bench_load, "act", "act")
        gc.callbacks.append(self.collecting)
        span = bench_load._span

        def split_span(app: Any, taken: Any, run: Any, action: Any) -> tuple[float, float]:
            if getattr(action, "func", None) is not bench_load.act:
                return span(app, taken, run, action)
            self._phases, self._collections = {}, []
            self.enter("root")

            def acted() -> None:
                action()
                self.enter("events")  # the events the edit left, processed by the span

            spent, used = span(app, taken, run, acted)
            self.leave()
            self.leave()
            self.edits.append(Edit(action.args[1].kind, spent, used, self._phases, self._collections))
            self._phases, self._collections = self.outside, self.outside_collections
            return spent, used

        bench_load._span = split_span

    def uninstall(self) -> None:
        gc.callbacks.remove(self.collecting)

    def report(self, shown: int = 12) -> None:
        walls, cpus = [e.wall for e in self.edits], [e.cpu for e in self.edits]
        for label, values in (("wall", walls), ("CPU", cpus)):
            print(f"  per edit, {label}: median {statistics.median(values):.2f} ms, p99 "
                  f"{bench_load.percentile(values, 0.99):.2f} ms, max {max(values):.2f} ms, over 50 ms: "
                  f"{sum(v > 50 for v in values)}")
        totals: dict[str, list[float]] = {}
        for edit in self.edits:
            for name, (wall, cpu) in edit.phases.items():
                slot = totals.setdefault(name, [0.0, 0.0, 0.0])
                slot[0], slot[1], slot[2] = slot[0] + wall, slot[1] + cpu, max(slot[2], cpu)
        print("  phases over all edits: wall s, CPU s, most CPU ms in one edit")
        for name, (wall, cpu, most) in sorted(totals.items(), key=lambda item: -item[1][1]):
            print(f"    {name:18} {wall / 1000:8.2f} {cpu / 1000:8.2f} {most:8.2f}")
        inside = [c for edit in self.edits for c in edit.collections]
        for where, found in (("in the edits", inside), ("between the edits", self.outside_collections)):
            for generation in (0, 1, 2):
                for gui in (True, False):
                    times = [ms for g, ms, main in found if g == generation and main == gui]
                    if times:
                        print(f"  collections {where}, generation {generation}, "
                              f"{'GUI thread' if gui else 'other threads'}: n={len(times)}, max {max(times):.1f} ms, "
                              f"total {sum(times):.0f} ms")
        slowest = sorted(range(len(self.edits)), key=lambda n: -self.edits[n].cpu)[:shown]
        print(f"  the {len(slowest)} edits of most CPU time (phases: wall/CPU ms):")
        for number in sorted(slowest):
            edit = self.edits[number]
            parts = ", ".join(f"{name} {wall:.1f}/{cpu:.1f}" for name, (wall, cpu)
                              in sorted(edit.phases.items(), key=lambda item: -item[1][1]) if cpu > 0.5)
            print(f"    #{number} {edit.kind}: wall {edit.wall:.1f} CPU {edit.cpu:.1f} | {parts}")
