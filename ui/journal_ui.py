"""What the user sees of the journal: the offer to recover after a crash, the question when the draft
is open in another Drafter, and a bar over the editor when the journal cannot be written.

`offer_recovery` runs at start: it replays the journals that a session which did not close cleanly
left behind (`drafter.journal`), newest first, and asks, in plain words, whether to recover each
(Recover is the default button: Enter accepts it; Escape leaves the journal for the next start).
"""

from __future__ import annotations

import hashlib
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QToolButton, QVBoxLayout, QWidget

from drafter.journal import Holder, Replayed, Unreadable, crashed, default_folder, replay, store

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # as UN documents write dates, whatever the system's language


def spoken_time(stamp: str) -> str:
    """An ISO time (UTC when it names no zone) as local date and time in words: "7 December 2026 at
    15:12"; a stamp that cannot be read as it is."""
    try:
        moment = datetime.fromisoformat(stamp.strip())
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    return f"{local.day} {MONTHS[local.month - 1]} {local.year} at {local:%H:%M}"


class JournalBar(QFrame):
    """A message over the editor that stays until it is dismissed or no longer true."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalBar")
        self.setStyleSheet("#journalBar { background: #fff4ce; border: 1px solid #c8a600; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("×")
        close.setAccessibleName("Dismiss")
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.shown: list[str] = []  # every message shown, in order
        self.hide()

    def say(self, text: str) -> None:
        self.shown.append(text)
        self.label.setText(text)
        self.show()


class JournalUi(QObject):
    """The journal's side of the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bar = JournalBar()
        central = window.centralWidget()
        column = central.layout() if central is not None else None
        if isinstance(column, QVBoxLayout):
            column.insertWidget(0, self.bar)
        controller = window.controller
        controller.journal_failed.connect(self.bar.say)
        controller.journal_works.connect(self._works)
        controller.read_only_changed.connect(self._read_only)
        controller.ask_in_use = self.ask_in_use

    def _works(self) -> None:
        self.bar.hide()
        self.window.statusBar().showMessage(self.tr("The journal is written again: your changes are safe."), 8000)

    def _read_only(self, read_only: bool) -> None:
        self.window.editor.setReadOnly(read_only)
        if read_only:
            self.bar.say(self.tr("This is a read-only copy: the draft is open in another Drafter window. To work "
                                 "on this copy, save it under another name (File › Save As)."))
        else:
            self.bar.hide()

    def ask_in_use(self, path: str, holder: Holder) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The draft is open elsewhere"),
                          self.tr("{name} is open in {holder}. Two windows writing one draft would overwrite each "
                                  "other's work. Open a read-only copy here?").format(
                              name=os.path.basename(path), holder=holder.describe()), parent=self.window)
        copy = box.addButton(self.tr("Open a read-only copy"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is copy


# --- recovery at start -------------------------------------------------------------------------------------
def offer_recovery(window: MainWindow, folder: Path | None = None) -> bool:
    """Offer the drafts that sessions which did not close cleanly left in their journals; True if one is
    now open in `window`."""
    folder = folder or default_folder()
    for file in crashed(folder):
        key = file.name[:-len(store.EXTENSION)]
        try:
            replayed = replay(file.read_bytes(), str(file))
        except (OSError, Unreadable) as exc:
            _set_aside(window, file, key, str(exc))
            continue
        if not replayed.changes and not replayed.problem and not replayed.torn:
            store.remove(folder, key)  # nothing was changed after it started: nothing to recover
            continue
        path = _still_saved(replayed)
        answer = ask_recovery(window, replayed, path)
        if answer == "recover":
            window.controller.restore(replayed, file, key, path)
            return True
        if answer == "discard":
            store.remove(folder, key)
    return False


def _still_saved(replayed: Replayed) -> str | None:
    """The draft's file, if it is still as it was when the journal started; None (the recovered draft
    opens as an unsaved copy) if it was changed or removed since, so that neither is lost."""
    path, digest = replayed.start.path, replayed.start.digest
    if path is None:
        return None
    try:
        now = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
    return path if not digest or now == digest else None


def recovery_text(replayed: Replayed, path: str | None) -> str:
    """The recovery prompt, in plain words."""
    when = spoken_time(replayed.when.isoformat())
    count = f"{replayed.changes} change{'s' if replayed.changes != 1 else ''}"
    if replayed.start.path:
        name = os.path.basename(replayed.start.path)
        text = f"Drafter did not close normally. {count} made to {name} since it was last saved, the last on {when}, "
    else:
        name = replayed.start.title or "an unsaved draft"
        text = f"Drafter did not close normally. {count} made to {name} (never saved), the last on {when}, "
    text += "can be recovered."
    if replayed.torn:
        text += (" The very last change was cut off as it was written (the computer stopped, perhaps), and is "
                 "left out.")
    if replayed.problem:
        text += f" But {replayed.problem}."
    if replayed.start.path and path is None:
        text += (f" {replayed.start.path} was changed or moved since by another program: the recovered draft "
                 "opens as an unsaved copy, so that neither is lost.")
    return text + " Recover it?"


def ask_recovery(window: QWidget, replayed: Replayed, path: str | None) -> str:
    """"recover", "discard" or "later" (the journal stays for the next start)."""
    box = QMessageBox(QMessageBox.Icon.Question, window.tr("Recover your work?"), recovery_text(replayed, path),
                      parent=window)
    recover = box.addButton(window.tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(window.tr("Discard the changes"), QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(window.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    return "recover" if clicked is recover else "discard" if clicked is discard else "later"


def _set_aside(window: QWidget, file: Path, key: str, reason: str) -> None:
    """A journal with nothing that can be read: kept aside under another name, and said so."""
    aside = file.with_name(file.name + ".damaged")
    try:
        file.replace(aside)
    except OSError:
        aside = file
    store.release(file.parent, key)
    log.warning("unreadable journal %s: %s", file, reason)
    QMessageBox.warning(window, window.tr("A journal cannot be read"),
                        window.tr("Drafter found the journal of a session that did not close normally, but it "
                                  "cannot be read ({reason}). It is kept as {aside}.").format(reason=reason,
                                                                                              aside=aside))
