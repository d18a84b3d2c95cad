"""Whether the redline shows its change list: what a debug run checks each time the views settle.

The redline's text document is read back (`ReviewView.read_back`) and compared, record by record, with
the runs its change list says it shows. With `DRAFTER_CHECK_VIEWS=1` set, the app makes this check
whenever its views settle and reports as an error (logged, and shown as any unexpected error is) a
redline that shows something else than its change list, or a view that has not caught up with the
document's revision seconds after the pause, so that no stale view persists unnoticed in a debug run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from drafter.compare.changes import ChangeList
from drafter.compare.kinds import UNCHANGED
from ui.controller import DocumentController
from ui.review.redline import ReviewView

log = logging.getLogger(__name__)
ENVIRONMENT = "DRAFTER_CHECK_VIEWS"
Runs = list[tuple[str, str]]
LAG_MS = 3000  # a view still behind the document this long after the pause's comparison missed an update


class Window(Protocol):
    def views_current(self) -> bool: ...


def expected_runs(changes: ChangeList, hidden: set[str]) -> list[tuple[str, Runs]]:
    """Per record its label and the runs the redline must show: a change shown with its marks, an
    unchanged or hidden one as plain new text."""
    out: list[tuple[str, Runs]] = []
    for record in changes.records:
        if record.kind == UNCHANGED or record.kind in hidden:
            pieces = [("equal", "".join(op.text for op in record.ops if op.op != "delete"))]
        else:
            pieces = [(op.op, op.text) for op in record.ops]
        runs: Runs = []
        for kind, text in pieces:
            if not text:
                continue
            if runs and runs[-1][0] == kind:
                runs[-1] = (kind, runs[-1][1] + text)
            else:
                runs.append((kind, text))
        out.append((record.new_label or record.old_label or "", runs))
    return out


def mismatches(redline: ReviewView, changes: ChangeList, hidden: set[str]) -> list[str]:
    """The records whose block in the redline shows something else than the record (empty: none)."""
    shown = redline.read_back()
    wanted = expected_runs(changes, hidden)
    if len(shown) != len(wanted):
        return [f"{len(shown)} blocks for {len(wanted)} records"]
    return [label for (_shown_label, runs), (label, want) in zip(shown, wanted, strict=True) if runs != want]


class ViewsCheck(QObject):
    """Checks the redline against the change list each time the views settle."""

    def __init__(self, window: Window, controller: DocumentController, redline: ReviewView,
                 hidden: Callable[[], set[str]]) -> None:
        super().__init__(controller)
        self.window, self.controller, self.redline, self.hidden = window, controller, redline, hidden
        self.checked = 0  # checks made
        self._behind = 0  # checks in a row that found a view behind
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self._check)
        controller.compared.connect(lambda *_: self._timer.start())

    def _check(self) -> None:
        live = self.controller.live
        if live is None or not self.redline.isVisible():
            return
        if self.controller.settle_pending():
            self._timer.start()
            return
        if not self.window.views_current():
            self._behind += 1
            if self._behind * self._timer.interval() > LAG_MS:
                raise AssertionError(f"a view has not caught up with revision {self.controller.revision} "
                                     f"after {LAG_MS} ms")
            self._timer.start()
            return
        self._behind = 0
        self.checked += 1
        wrong = mismatches(self.redline, live.changes, self.hidden())
        if wrong:
            raise AssertionError(f"the redline does not show its change list at {', '.join(wrong[:5])}")


def from_environment(window: Window, controller: DocumentController, redline: ReviewView,
                     hidden: Callable[[], set[str]]) -> ViewsCheck | None:
    return ViewsCheck(window, controller, redline, hidden) if os.environ.get(ENVIRONMENT) else None
