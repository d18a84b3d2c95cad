"""What the window shows, written as JSON for tests that drive the app from outside.

With `DRAFTER_STATE_DUMP=PATH` set, the app writes PATH (atomically) each time the views settle
(after a change, or a move of the cursor): the revision of the document, the unit and offset of the
editor's cursor, the draft as `drafter inspect --json` prints it, the redline as read
back from the redline pane's text document (its character formats, not the model), the change
list's rows as shown, the readers' warnings as `{"file", "message"}` (as the warnings bar lists them)
and the provenance marks drawn (whether they are of the current revision; each traced paragraph's label,
text as traced and status). A test that types into the real window through an X server reads it to
check that every view shows what a fresh comparison of the base and the draft would.
"""

from __future__ import annotations

import json
import logging
import os
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer

from drafter.atomic import write_atomically
from drafter.serialize import summary
from ui.controller import DocumentController
from ui.review.changes import ChangePanel
from ui.review.redline import ReviewView
from ui.warnings_bar import warnings_of

if TYPE_CHECKING:
    from ui.provenance_ui import ProvenanceUi

log = logging.getLogger(__name__)
ENVIRONMENT = "DRAFTER_STATE_DUMP"
QUIET_MS = 60  # the views count as settled when nothing changed for this long and every view is current


class Window(Protocol):
    provenance: ProvenanceUi

    def views_current(self) -> bool: ...

    def cursor_place(self) -> tuple[str, int] | None: ...


def state(controller: DocumentController, redline: ReviewView, panel: ChangePanel,
          cursor: tuple[str, int] | None = None, provenance: ProvenanceUi | None = None) -> dict[str, Any]:
    """The dump's content (see the module docstring); `cursor` the editor's (unit id, offset)."""
    doc = controller.doc
    label = doc.draft.labels().get(cursor[0], cursor[0]) if doc is not None and cursor else ""
    return {
        "revision": controller.revision,
        "cursor": {"label": label, "offset": cursor[1] if cursor else 0},
        "document": summary(doc.draft) if doc is not None else None,
        "redline": [{"label": label, "runs": [list(run) for run in runs]} for label, runs in redline.read_back()],
        "changes": rows_shown(panel),
        # what the readers could not read, as the bar above the editor lists it: the base's, then the draft's
        "warnings": [{"file": found.source, "message": found.text}
                     for found in (warnings_of(doc, controller.title) if doc is not None else [])],
        "provenance": marks_shown(provenance) if provenance is not None else None,
    }


def marks_shown(provenance: ProvenanceUi) -> dict[str, Any]:
    """The margin marks as drawn: whether they are of the current revision, and per paragraph traced its
    label, its text as traced and the status its mark shows."""
    marks = provenance.marks.marks
    return {"current": provenance.current,
            "marks": [{"label": label, "text": found.text, "status": marks[key].status}
                      for key, (label, found) in provenance.drawn.items() if key in marks]}


def rows_shown(panel: ChangePanel) -> list[dict[str, str]]:
    """The change list's rows as the table shows them: kind, and the base and draft text of each."""
    model = panel.model
    rows = []
    for row in range(model.rowCount()):
        change = model.change(row)
        assert change is not None
        rows.append({"kind": str(model.data(model.index(row, 0))),
                     "old": "".join(op.text for op in change.ops if op.op != "insert"),
                     "new": "".join(op.text for op in change.ops if op.op != "delete")})
    return rows


class StateDump(QObject):
    """Writes `path` whenever the views have settled after a change."""

    def __init__(self, path: str, window: Window, controller: DocumentController, redline: ReviewView,
                 panel: ChangePanel) -> None:
        super().__init__(controller)
        self.path = path
        self.window = window
        self.controller = controller
        self.redline = redline
        self.panel = panel
        self.written = -1  # the revision last written
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self._write_if_settled)
        controller.changed.connect(self.poke)
        controller.compared.connect(self.poke)
        controller.replaced.connect(self.poke)
        window.provenance.updated.connect(self.poke)
        self.poke()

    def moved(self) -> None:
        """The editor's cursor moved: written again once the views are settled."""
        self.poke()

    def poke(self, *_args: object) -> None:
        self._timer.start()

    def _write_if_settled(self) -> None:
        if not self.window.views_current() or self.controller.settle_pending():
            self._timer.start()
            return
        try:
            data = json.dumps(state(self.controller, self.redline, self.panel, self.window.cursor_place(),
                                    self.window.provenance),
                              ensure_ascii=False)
            write_atomically(self.path, data.encode("utf-8"))
            self.written = self.controller.revision
        except OSError:
            log.exception("could not write the state dump %s", self.path)


def from_environment(window: Window, controller: DocumentController, redline: ReviewView,
                     panel: ChangePanel) -> StateDump | None:
    path = os.environ.get(ENVIRONMENT)
    return StateDump(path, window, controller, redline, panel) if path else None
