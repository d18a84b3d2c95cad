"""Edit › Copy as amendments: the draft's changes against its base, worded as formal amendments, put on the
clipboard as text (as a delegate pastes them into an e-mail or an amendment document)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from drafter.amendments import amendments
from drafter.errors import DrafterError

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def copy_as_amendments(window: MainWindow) -> None:
    """Put the amendments that turn the base into the draft on the clipboard, and say so in the status bar."""
    doc = window.controller.doc
    if doc is None:
        window.statusBar().showMessage(window.tr("No draft is open: nothing to word as amendments"), 8000)
        return
    window.editor.flush()
    try:
        found = amendments(doc.base, doc.draft, changes=window.controller.fresh_changes())
    except DrafterError as error:
        window.statusBar().showMessage(str(error), 8000)
        return
    QGuiApplication.clipboard().setText(found.text())
    count = len(found.statements)
    if count == 1:
        message = window.tr("Copied 1 amendment to the clipboard")
    elif count:
        message = window.tr("Copied {count} amendments to the clipboard").format(count=count)
    else:
        message = window.tr("No amendments: the draft words nothing differently from its base")
    if found.warnings:
        message += " (" + "; ".join(found.warnings) + ")"
    window.statusBar().showMessage(message, 12000)
