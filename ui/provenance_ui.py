"""Provenance in the app: the draft's paragraphs traced in the library after a pause in typing, shown as
margin marks with their tooltips, the words new against the nearest source highlighted (View › Show new
words), the Provenance pane for the paragraph under the cursor, and History of this paragraph.

After every edit the pause timer starts again. When it fires, only the paragraphs whose text has no
result yet (`Traces.missing`) are traced, in a worker, a few at a time; a run stops as soon as the user
types again, and what it traced is kept (results are kept by text: a paragraph's provenance depends on
its words alone). Marks are drawn only for the document as it is: a run that ends after an edit draws
nothing, and the next pause goes on from where it stopped. No library, or an empty one: no marks.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from drafter import edits
from drafter.model import Paragraph as ModelParagraph
from ui.pauses import collect_garbage
from ui.provenance_marks import Mark, ProvenanceMarks
from ui.provenance_panel import ProvenancePanel
from ui.provenance_plan import Paragraph, Traces, nearest_for_history, new_word_spans, paragraphs_of
from ui.provenance_text import tooltip_html
from ui.series_history import ParagraphHistory, SeriesHistory, trace_history
from ui.shortcuts import Pane
from ui.worker import Job

if TYPE_CHECKING:
    from drafter.edits import Scope
    from drafter.library import Library, Provenance
    from ui.main_window import MainWindow

PANE_SHORTCUT = "Ctrl+7"
HISTORY_SHORTCUT = "Ctrl+Shift+H"
PAUSE_MS = 700  # the pause in typing after which the paragraphs edited are traced again
BATCH = 8  # paragraphs traced per call to the library: how often a run looks whether to stop
UNKNOWN, NO_LIBRARY, EMPTY, READY = "unknown", "no library", "empty", "ready"  # what the library was last time


@dataclass
class _Run:
    revision: int  # the document's revision the texts are of
    generation: int  # the library's (it changes when files are added or removed)
    texts: list[str]
    exclude: list[str]  # the draft's own symbol: never its own source
    known: str  # what the library was last time (READY: no need to count its texts again)
    stop: threading.Event = field(default_factory=threading.Event)


def _trace(library: Library, run: _Run) -> tuple[str, list[Provenance]]:
    """In a worker (`LibrarySession.run`): whether the library has texts in it (if not, nothing is traced:
    no marks), and the provenance of the run's texts, a batch at a time, until told to stop."""
    out: list[Provenance] = []
    if run.known != READY and library.stats().documents == 0:
        return EMPTY, out
    for start in range(0, len(run.texts), BATCH):
        if run.stop.is_set():
            break
        out += library.provenance(run.texts[start:start + BATCH], exclude_symbols=run.exclude)
    return READY, out


class ProvenanceUi(QObject):
    updated = Signal()  # the marks show the document as it is

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.session = window.library_session
        self.traces = Traces()
        self.marks = ProvenanceMarks(window.editor)
        self.panel = ProvenancePanel()
        self.dock = QDockWidget(self.tr("Provenance"), window)
        self.dock.setObjectName("Provenance")
        self.dock.setAccessibleName(self.tr("Provenance"))
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.checks_dock, self.dock)
        self.dock.hide()
        self.history_dialog: SeriesHistory | None = None
        self.show_words = QAction(self.tr("Show new &words"), window)
        self.show_words.setCheckable(True)
        self.show_words.toggled.connect(self.marks.set_show_words)
        self.show_words.triggered.connect(self._words_chosen)
        self.history_action = QAction(self.tr("&History of this paragraph…"), window)
        self.history_action.setShortcut(QKeySequence(HISTORY_SHORTCUT))
        self.history_action.triggered.connect(self.show_history)
        self._chosen = False  # the user chose whether new words show
        self.current = False  # the marks show the document's current revision
        self.drawn: dict[str, tuple[str, Provenance]] = {}  # block key → label and provenance, as drawn
        self._generation = 0  # counts the changes of the library and of the draft's symbol
        self._symbol = ""  # the draft's symbol: the text left out of its sources
        self.state = UNKNOWN  # what the library was at the last run: NO_LIBRARY, EMPTY or READY
        self.problem = ""  # why the last run failed, until one works
        self._job: Job | None = None
        self._run: _Run | None = None
        self._history_job: Job | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.run)
        self.controller.changed.connect(self._changed)
        self.controller.replaced.connect(self._replaced)
        self.session.changed.connect(self._library_changed)
        self.session.problem.connect(self._problem)
        window.editor.unit_changed.connect(self._cursor_moved)
        self.dock.visibilityChanged.connect(self._cursor_moved)
        self.panel.history_requested.connect(self.show_history)

    def pane(self) -> Pane:
        return Pane(self.tr("Pro&venance"), PANE_SHORTCUT, lambda: self.panel.sources, self.dock)

    def add_to(self, menu: QMenu) -> None:
        """View › Show new words, History of this paragraph, the pane's dock."""
        menu.addAction(self.show_words)
        menu.addAction(self.history_action)

    # --- following the document and the library -------------------------------------------------------
    def _changed(self, scope: Scope) -> None:
        self.current = False
        if self._run is not None:
            self._run.stop.set()
        if scope.content:
            self.marks.forget_words(scope.content)
        self._pause.start()

    def _replaced(self) -> None:
        self.drawn = {}
        self.marks.show_marks({})
        self._changed_library_or_document()

    def _library_changed(self) -> None:
        self._generation += 1
        self.state = UNKNOWN
        self.traces.clear()
        self._changed_library_or_document()

    def _changed_library_or_document(self) -> None:
        self.current = False
        if self._run is not None:
            self._run.stop.set()
        self._pause.start()

    def _words_chosen(self) -> None:
        self._chosen = True

    # --- tracing --------------------------------------------------------------------------------------
    def run(self) -> None:
        """Trace the paragraphs not traced yet (a pause in typing), or draw the marks if all are."""
        self._pause.stop()
        doc = self.controller.doc
        if self._job is not None:
            return  # it stops (an edit came in) or ends soon, and then runs again if the draft changed
        if doc is None:
            self._draw([])
            return
        symbol = doc.draft.front.symbol.strip()
        if symbol != self._symbol:  # another text is never its own source: what was traced is not of it
            self._symbol = symbol
            self._generation += 1
            self.traces.clear()
        paragraphs = paragraphs_of(doc.draft)
        texts = self.traces.missing(paragraphs)
        if not texts:
            self._draw(paragraphs)
            return
        run = self._run = _Run(self.controller.revision, self._generation, texts, [symbol] if symbol else [],
                               self.state)
        self._job = self.session.run(lambda library: _trace(library, run), self._traced, self._failed)

    def _traced(self, found: tuple[str, list[Provenance]]) -> None:
        run, self._job, self._run = self._run, None, None
        if run is None:
            return
        state, results = found
        if run.generation == self._generation:
            self.state = state
            doc = self.controller.doc
            self.traces.store(results, paragraphs_of(doc.draft) if doc is not None else [])
        if not self._chosen:
            self.show_words.setChecked(self.state == READY)
        if state != READY:
            self._draw([])
        elif run.revision == self.controller.revision and run.generation == self._generation:
            self.run()  # all traced now: drawn at once
        else:
            self._pause.start()
        QTimer.singleShot(0, collect_garbage)  # still a pause: what the run left behind is collected now

    def _failed(self, message: str) -> None:
        """No library in the folder: no marks. Or the library failed (deleted, locked, damaged): the session
        said why (`_problem`), the marks stay as they were, the draft is untouched, the next pause tries again."""
        self._job, self._run = None, None
        if message == self.session.no_library():
            self.state = NO_LIBRARY
            if not self._chosen:
                self.show_words.setChecked(False)
            self._draw([])
        else:
            self._cursor_moved()

    def _problem(self, why: str) -> None:
        """The session's word on the library (said once in the status bar by the library's side): shown in
        the pane until the library works again (""). No library in the folder is no failure, but after a
        failure (a library deleted) the pane keeps saying what happened."""
        if why != self.session.no_library():
            self.problem = why
        self._cursor_moved()

    def _draw(self, paragraphs: list[Paragraph]) -> None:
        marks: dict[str, Mark] = {}
        self.drawn = {}
        for para in paragraphs:
            found = self.traces.get(para.text)
            if found is None:
                continue
            block = self.window.editor.block_of(para.key)
            spans = new_word_spans(block.text(), found.ops) if found.status != "verbatim" and block.isValid() else []
            marks[para.key] = Mark(found.status, tooltip_html(para.label, found), spans)
            self.drawn[para.key] = (para.label, found)
        self.marks.show_marks(marks)
        self.current = True
        self._cursor_moved()
        self.updated.emit()

    # --- the pane ------------------------------------------------------------------------------------------
    def _cursor_text(self) -> tuple[str, str]:
        """The block key under the editor's cursor and its paragraph's text as the library reads it."""
        doc = self.controller.doc
        key = self.window.editor.current_key()
        unit = edits.find(doc.draft, key) if doc is not None and key else None
        return key, " ".join(unit.text.split()) if isinstance(unit, ModelParagraph) else ""

    def _cursor_moved(self, *_why: object) -> None:
        if not self.dock.isVisible():
            return
        if self.problem:
            self.panel.show_message(self.tr("The library could not be read: {why}").format(why=self.problem))
            return
        if self.state == NO_LIBRARY:
            self.panel.show_message(self.tr("No library of adopted texts: add texts to the library to see where "
                                            "each paragraph comes from."))
            return
        if self.state == EMPTY:
            self.panel.show_message(self.tr("The library of adopted texts is empty: add texts to it to see where "
                                            "each paragraph comes from."))
            return
        key, text = self._cursor_text()
        if key not in self.drawn:
            self.panel.show_message(self.tr("Not a paragraph traced yet (the paragraphs are traced after a pause "
                                            "in typing)." if text else "The cursor is not in a paragraph."))
            return
        label, found = self.drawn[key]
        fresh = self.traces.get(text)
        if fresh is not None:
            self.panel.show_paragraph(label, fresh)
        else:
            self.panel.show_paragraph(label, found, self.tr("as it read before the last edits"))

    # --- history of this paragraph ------------------------------------------------------------------------
    def show_history(self) -> None:
        """The wording of the paragraph under the cursor through the series of its latest source."""
        key, text = self._cursor_text()
        drawn = self.drawn.get(key)
        found = self.traces.get(text) or (drawn[1] if drawn is not None else None)
        source = nearest_for_history(found) if found is not None else None
        if drawn is None or source is None:
            why = (self.tr("the cursor is not in a paragraph traced yet") if drawn is None
                   else self.tr("no adopted text holds this wording or one near it"))
            self.window.statusBar().showMessage(self.tr("No history of this paragraph: {why}").format(why=why), 6000)
            return
        doc = self.controller.doc
        own = doc.draft.front.symbol.strip() if doc is not None else ""
        label = drawn[0]
        self._history_job = self.session.run(lambda library: trace_history(lambda: library, label, text, source, own),
                                             self._history_ready, self._history_failed)

    def _history_ready(self, found: ParagraphHistory) -> None:
        self._history_job = None
        if self.history_dialog is None:
            self.history_dialog = SeriesHistory(self.window)
        self.history_dialog.show_history(found)

    def _history_failed(self, message: str) -> None:
        self._history_job = None
        self.window.statusBar().showMessage(self.tr("No history of this paragraph: {why}").format(why=message), 8000)


__all__ = ["HISTORY_SHORTCUT", "PANE_SHORTCUT", "ProvenanceUi"]
