"""The Comments pane: every thread of the draft, by paragraph, with its replies, and a box to write in.

The list shows each thread under the label of the paragraph it stands on (PP3, OP5(a)), with author, date,
the words it is on and its text; replies are its children. A resolved thread is greyed and marked; a
comment whose words were deleted says so and quotes them. The box below takes a new comment, a reply, or
a comment's new text (F2 in the list): Enter saves it, Shift+Enter starts a new line, Escape gives it up.
The pane only shows and asks; the window turns what it asks into undoable edits (`ui.comments_ui`).
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.comments import ON_PARAGRAPH, PARAGRAPH_GONE, WORDS_CHANGED, WORDS_GONE, Comment, Placement, thread

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_RESOLVED = QColor("#8a8a8a")
_STATE_NOTE = {WORDS_GONE: "on words since deleted", WORDS_CHANGED: "on words since edited",
               PARAGRAPH_GONE: "its paragraph was deleted"}


def when(date: str) -> str:
    """"2026-01-05T10:00:00Z" → "5 Jan 2026 10:00" (UTC, as stored); a date it cannot read, as it is."""
    try:
        moment = datetime.datetime.fromisoformat(date.replace("Z", "+00:00"))
    except ValueError:
        return date
    return f"{moment.day} {moment:%b %Y %H:%M}"


def short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"


class ComposeBox(QPlainTextEdit):
    """Where a comment or a reply is written: Enter saves, Shift+Enter breaks the line, Escape cancels."""

    submitted = Signal(str)
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & \
                Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit(self.toPlainText().strip())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class CommentsPanel(QWidget):
    jump_requested = Signal(str)  # the id of a comment to show in the text
    reply_requested = Signal()
    resolve_requested = Signal()
    delete_requested = Signal()
    edit_requested = Signal()
    text_entered = Signal(str)  # the text of the comment or reply being written
    compose_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Comments"))
        self.summary = QLabel(self.tr("No comments"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("comments")
        self.tree.setAccessibleName(self.tr("Comments of the draft, by paragraph"))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setRootIsDecorated(False)  # every thread shows its replies, indented under it
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; border-bottom: 1px solid #dcdcdc; }")
        self.prompt = QLabel("")
        self.prompt.setWordWrap(True)
        self.box = ComposeBox()
        self.box.setObjectName("comment-text")
        self.box.setAccessibleName(self.tr("Text of the comment"))
        self.box.setPlaceholderText(self.tr("Write the comment; Enter saves it, Escape gives it up"))
        self.box.setMaximumHeight(90)
        self.reply_button = QPushButton(self.tr("Reply"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button, tip in ((self.reply_button, self.tr("Reply to the selected comment (Ctrl+Alt+Shift+M)")),
                            (self.resolve_button, self.tr("Resolve or reopen the selected comment "
                                                          "(Ctrl+Alt+Shift+R)")),
                            (self.delete_button, self.tr("Delete the selected comment and its replies (Delete)"))):
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.reply_button, self.resolve_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.prompt)
        layout.addWidget(self.box)
        self.close_compose()
        self.comments: dict[str, Comment] = {}
        self.tree.itemActivated.connect(self._jump)
        self.tree.itemClicked.connect(self._jump)
        self.tree.currentItemChanged.connect(lambda *_: self._buttons())
        self.reply_button.clicked.connect(self.reply_requested)
        self.resolve_button.clicked.connect(self.resolve_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.box.submitted.connect(self.text_entered)
        self.box.cancelled.connect(self.compose_cancelled)

    # --- the list ---------------------------------------------------------------------------------
    def show_comments(self, items: list[tuple[str, Comment, Placement]], comments: list[Comment]) -> None:
        """Threads as `drafter.comment_anchors.by_block` orders them (label, first comment, placement)."""
        chosen = self.current_id()
        self.comments = {c.id: c for c in comments}
        self.tree.clear()
        for label, root, spot in items:
            top = self._item(root, label, spot)
            self.tree.addTopLevelItem(top)
            for reply in thread(comments, root.id)[1:]:
                top.addChild(self._item(reply, "", spot))
            top.setExpanded(True)
        count = len(items)
        open_threads = sum(1 for _label, root, _spot in items if not root.done)
        self.summary.setText(self.tr("No comments") if not count else
                             self.tr("{n} comments, {open} open").format(n=count, open=open_threads))
        self.select(chosen)
        self._buttons()

    def _item(self, comment: Comment, label: str, spot: Placement) -> QTreeWidgetItem:
        head = f"{comment.author} · {when(comment.date)}"
        if label:
            head = f"{label} — {head}"
        lines = [head]
        if not comment.is_reply:
            if comment.quote and spot.state != ON_PARAGRAPH:
                lines.append(f"“{short(comment.quote)}”" + (f" ({_STATE_NOTE[spot.state]})"
                                                            if spot.state in _STATE_NOTE else ""))
            elif spot.state == PARAGRAPH_GONE:
                lines.append(f"({_STATE_NOTE[spot.state]})")
        lines.append(comment.text)
        if comment.done:
            lines[0] += " · " + self.tr("resolved")
        item = QTreeWidgetItem(["\n".join(lines)])
        item.setData(0, ID_ROLE, comment.id)
        item.setToolTip(0, "\n".join(lines))
        if comment.done:
            item.setForeground(0, QBrush(_RESOLVED))
            font = QFont(item.font(0))
            font.setItalic(True)
            item.setFont(0, font)
        return item

    def current_id(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else ""

    def current(self) -> Comment | None:
        return self.comments.get(self.current_id())

    def select(self, comment_id: str) -> bool:
        """Make a comment the selected one, if it is listed."""
        found = self._find(comment_id)
        if found is not None:
            self.tree.setCurrentItem(found)
            self.tree.scrollToItem(found)
        return found is not None

    def _find(self, comment_id: str) -> QTreeWidgetItem | None:
        items = [self.tree.topLevelItem(index) for index in range(self.tree.topLevelItemCount())]
        for top in [item for item in items if item is not None]:
            for item in [top, *(top.child(n) for n in range(top.childCount()))]:
                if item is not None and item.data(0, ID_ROLE) == comment_id:
                    return item
        return None

    def _jump(self, item: QTreeWidgetItem) -> None:
        self.jump_requested.emit(str(item.data(0, ID_ROLE)))

    def _buttons(self) -> None:
        comment = self.current()
        for button in (self.reply_button, self.resolve_button, self.delete_button):
            button.setEnabled(comment is not None)
        root = self.comments.get(comment.reply_to or comment.id) if comment is not None else None
        self.resolve_button.setText(self.tr("Reopen") if root is not None and root.done else self.tr("Resolve"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.tree.hasFocus():
            self.delete_requested.emit()
            return
        if event.key() == Qt.Key.Key_F2 and self.tree.hasFocus():
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)

    # --- writing ---------------------------------------------------------------------------------
    def open_compose(self, prompt: str, text: str = "") -> None:
        self.prompt.setText(prompt)
        self.prompt.show()
        self.box.setPlainText(text)
        self.box.moveCursor(QTextCursor.MoveOperation.End)
        self.box.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_compose(self) -> None:
        self.box.clear()
        self.box.hide()
        self.prompt.hide()

    def composing(self) -> bool:
        return not self.box.isHidden()


__all__ = ["CommentsPanel", "ComposeBox", "short", "when"]
