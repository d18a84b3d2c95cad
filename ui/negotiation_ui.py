"""The Negotiation menu: square brackets, who holds them, paragraph status, alternatives, "number as in".

Every entry acts on the paragraph under the editor's cursor (or the words selected in it) and goes
through the undo stack as one edit of `drafter.negotiation_edits`, so Ctrl+Z takes it back. New
brackets are held by the author of changes (`Settings.author`, the delegation named in the status
bar); Brackets held by… names another; Recognise typed brackets makes the "[ … ]" typed in a text that came
as Word or text bracket marks (`drafter.typed_brackets`). The status of a paragraph shows in the outline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from drafter import edits, versions
from drafter import negotiation_edits as negotiation
from drafter import negotiation_marks as marks
from drafter import typed_brackets as typed
from drafter.errors import DrafterError
from drafter.model import Paragraph

if TYPE_CHECKING:
    from ui.main_window import MainWindow

BRACKET_KEY = "Ctrl+Shift+B"
BRACKET_PARAGRAPH_KEY = "Ctrl+Alt+B"
UNBRACKET_KEY = "Ctrl+Alt+Shift+B"
RECOGNISE_KEY = "Ctrl+Alt+Shift+T"
STATUS_KEY = "Ctrl+Shift+G"  # open → agreed ad ref → agreed → open
ALTERNATIVE_KEY = "Ctrl+Shift+L"


class NegotiationUi(QObject):
    """The negotiation commands of the main window's editor."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor = window.editor
        self.controller = window.controller
        self.status_actions: dict[str, QAction] = {}

    # --- where the user is -------------------------------------------------------------------------
    def _selection(self) -> tuple[str, int, int] | None:
        """The unit under the cursor and the selected positions in it (equal when nothing is selected);
        None outside the body or for a selection across paragraphs."""
        self.editor.flush()
        cursor = self.editor.textCursor()
        document = self.editor.document()
        block = document.findBlock(cursor.selectionStart())
        if block != document.findBlock(cursor.selectionEnd()) or self.controller.doc is None:
            return None
        key = self.editor.current_key()
        if edits.find(self.controller.doc.draft, key) is None:
            return None
        return key, cursor.selectionStart() - block.position(), cursor.selectionEnd() - block.position()

    def _paragraph(self) -> Paragraph | None:
        doc = self.controller.doc
        unit = edits.find(doc.draft, self.editor.current_key()) if doc is not None else None
        return unit if isinstance(unit, Paragraph) else None

    def _holder(self) -> str:
        return self.window.settings.author

    def _tell(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 5000)

    # --- brackets ----------------------------------------------------------------------------------------
    def bracket_selection(self) -> None:
        place = self._selection()
        if place is None or self.controller.doc is None or place[1] == place[2]:
            self._tell(self.tr("Select the words to bracket within one paragraph"))
            return
        key, start, end = place
        edit = negotiation.bracket(self.controller.doc, key, start, end, self._holder())
        after = edit.after if isinstance(edit, edits.SetContent) else ()
        closing = [s.end for s in marks.spans(after) if s.start >= start and s.end <= end + 1]
        self.editor.request(edit, (key, max(closing, default=end) + 1))  # the cursor after the new "]"

    def bracket_paragraph(self) -> None:
        place = self._selection()
        if place is None or self.controller.doc is None:
            return
        self.editor.request(negotiation.bracket_whole(self.controller.doc, place[0], self._holder()), (place[0], 0))

    def remove_bracket(self) -> None:
        place = self._selection()
        doc = self.controller.doc
        edit = negotiation.unbracket(doc, place[0], place[1], place[2]) if place and doc else None
        if place is None or not self.editor.request(edit, (place[0], max(0, place[1] - 1))):
            self._tell(self.tr("No brackets around the cursor"))

    def name_holder(self) -> None:
        place = self._selection()
        doc = self.controller.doc
        unit = edits.find(doc.draft, place[0]) if place and doc else None
        span = marks.innermost(unit.content, place[1], place[2]) if unit is not None and place else None
        if place is None or span is None or doc is None:
            self._tell(self.tr("No brackets around the cursor"))
            return
        holder, ok = QInputDialog.getText(self.window, self.tr("Brackets held by"),
                                          self.tr("The delegation that holds these brackets:"), text=span.holder)
        if ok:
            self.editor.request(negotiation.hold(doc, place[0], place[1], " ".join(holder.split()), place[2]),
                                (place[0], place[1]))

    def recognise_typed(self) -> None:
        """Every balanced typed "[ … ]" of the draft made a bracket mark, as one edit; a message says how many
        and names each unpaired "[" or "]" (they stay text)."""
        doc = self.controller.doc
        if doc is None:
            return
        self.editor.flush()
        edit, found = negotiation.recognise_typed(doc)
        place = self.editor.cursor_place()
        if edit is not None and place is not None and place[0] in found.contents:
            place = (place[0], min(place[1], edits.length(found.contents[place[0]][1])))
        self.editor.request(edit, place)
        bar = self.window.warnings_bar
        if edit is not None and bar.isVisible():  # the hint is taken: the unpaired ones stay listed
            bar.show_warnings([warning for warning in bar.warnings if not typed.is_hint(warning.text)])
        self._tell(found.summary())
        QMessageBox.information(self.window, self.tr("Recognise typed brackets"), found.summary())

    # --- status and alternatives ---------------------------------------------------------------------------
    def set_status(self, status: str) -> None:
        para, doc = self._paragraph(), self.controller.doc
        if para is None or doc is None:
            self._tell(self.tr("Put the cursor in a paragraph to set its status"))
            return
        place = self.editor.cursor_place()
        if self.editor.request(negotiation.set_status(doc, para.id, status), place):
            self._tell(self.tr("{label}: {status}").format(label=doc.draft.labels().get(para.id, ""),
                                                           status=marks.status_name(status)))

    def next_status(self) -> None:
        para = self._paragraph()
        if para is not None:
            self.set_status(negotiation.next_status(para.status))

    def add_alternative(self) -> None:
        para, doc = self._paragraph(), self.controller.doc
        if para is None or doc is None:
            return
        edit = negotiation.add_alternative(doc, para.id)
        inserted = next((e.block.id for e in (edit.edits if edit else []) if isinstance(e, edits.InsertBlock)), None)
        self.editor.request(edit, (inserted, 0) if inserted else None)

    def leave_alternatives(self) -> None:
        para, doc = self._paragraph(), self.controller.doc
        if para is not None and doc is not None:
            self.editor.request(negotiation.leave_alternatives(doc, para.id), self.editor.cursor_place())

    # --- numbering ---------------------------------------------------------------------------------------
    def number_as(self, name: str | None) -> None:
        doc = self.controller.doc
        if doc is None:
            return
        try:
            edit = negotiation.number_as(doc, name)
        except DrafterError as error:
            QMessageBox.warning(self.window, self.tr("Number as in"), str(error))
            return
        self.editor.request(edit, self.editor.cursor_place())

    def fill_numbering(self, menu: QMenu) -> None:
        menu.clear()
        doc = self.controller.doc
        current = negotiation.numbered_as(doc) if doc is not None else None
        group = QActionGroup(menu)
        rows: list[tuple[str | None, str]] = [(None, self.tr("By position: 1, 2, 3 …"))]
        if doc is not None:
            rows.append((versions.BASE, self.tr("As in the base ({symbol})").format(
                symbol=doc.base.front.symbol or self.tr("its base"))))
            rows += [(v.name, self.tr("As in {name}").format(name=v.name)) for v in doc.versions]
        for name, title in rows:
            entry = QAction(title, menu)
            entry.setCheckable(True)
            entry.setChecked(name == current)
            entry.triggered.connect(self._numberer(name))
            group.addAction(entry)
            menu.addAction(entry)

    def _numberer(self, name: str | None) -> Callable[[], None]:
        return lambda: self.number_as(name)

    def fill_status(self) -> None:
        para = self._paragraph()
        for status, entry in self.status_actions.items():
            entry.setEnabled(para is not None)
            entry.setChecked(para is not None and para.status == status)


def negotiation_menu(window: MainWindow) -> NegotiationUi:
    """The Negotiation menu in the window's menu bar, and the object behind it."""
    from ui.menus import action

    ui = NegotiationUi(window)
    menu = window.menuBar().addMenu(window.tr("&Negotiation"))
    menu.setObjectName("negotiation-menu")
    action(window, menu, window.tr("&Bracket the selection"), ui.bracket_selection, BRACKET_KEY)
    action(window, menu, window.tr("Bracket the &paragraph"), ui.bracket_paragraph, BRACKET_PARAGRAPH_KEY)
    action(window, menu, window.tr("&Remove brackets"), ui.remove_bracket, UNBRACKET_KEY)
    action(window, menu, window.tr("Brackets &held by…"), ui.name_holder)
    action(window, menu, window.tr("Recognise &typed brackets"), ui.recognise_typed, RECOGNISE_KEY)
    menu.addSeparator()
    status = menu.addMenu(window.tr("Paragraph &status"))
    group = QActionGroup(status)
    for value in marks.STATUSES:
        entry = action(window, status, marks.status_name(value).capitalize(), _setter(ui, value))
        entry.setCheckable(True)
        group.addAction(entry)
        ui.status_actions[value] = entry
    status.aboutToShow.connect(ui.fill_status)
    action(window, menu, window.tr("&Next status (open, agreed ad ref, agreed)"), ui.next_status,
           QKeySequence(STATUS_KEY))
    menu.addSeparator()
    action(window, menu, window.tr("New &alternative of the paragraph"), ui.add_alternative, ALTERNATIVE_KEY)
    action(window, menu, window.tr("Not an alternative"), ui.leave_alternatives)
    menu.addSeparator()
    numbering = menu.addMenu(window.tr("N&umber paragraphs"))
    numbering.aboutToShow.connect(lambda: ui.fill_numbering(numbering))
    return ui


def _setter(ui: NegotiationUi, status: str) -> Callable[[], None]:
    return lambda: ui.set_status(status)
