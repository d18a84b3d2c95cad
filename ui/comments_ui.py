"""Comments in the app: the Comments pane, the marks in the editor, and the actions on comments.

New comment (Ctrl+Alt+M, as in Word) is on the words selected in the editor (the word under the cursor
when nothing is selected; the whole paragraph in an empty one); the pane opens a box for its text.
Reply (Ctrl+Alt+Shift+M), Resolve or reopen (Ctrl+Alt+Shift+R), Edit (F2 in the pane) and Delete act on
the comment selected in the pane, which follows the cursor into the words of a comment. Each is one
undoable edit of the draft (`drafter.edits.comments`); the author is the app's author of changes
(`Settings.author`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget

from drafter.comment_anchors import by_block, new_comment, placements, texts
from drafter.comments import Comment, Placement, new_reply
from drafter.edits import Scope
from drafter.edits.comments import AddComment, DeleteComment, SetComment
from ui.comment_marks import CommentMarks
from ui.comments_panel import CommentsPanel, short
from ui.editor import layout
from ui.navigation import to_upper_third

if TYPE_CHECKING:
    from ui.main_window import MainWindow

UNKNOWN_AUTHOR = "Unknown author"
REFRESH_MS = 150


@dataclass(frozen=True)
class Pending:
    """What the box of the pane is being written for: a new comment on a span, or a reply."""

    block: str = ""
    start: int = 0
    end: int = 0
    reply_to: str = ""
    edit: str = ""  # the comment whose text is being changed


class CommentsUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.editor = window.editor
        self.panel = CommentsPanel()
        self.dock = QDockWidget(self.tr("Comments"), window)
        self.dock.setObjectName("Comments")
        self.dock.setAccessibleName(self.tr("Comments"))
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.marks = CommentMarks(window.editor)
        self.pending: Pending | None = None
        self._later = QTimer(self)  # while the text is edited, the pane and the marks follow after a pause
        self._later.setSingleShot(True)
        self._later.setInterval(REFRESH_MS)
        self._later.timeout.connect(self.refresh)
        self._spots: tuple[int, dict[str, Placement]] = (-1, {})
        self.controller.changed.connect(self._changed)
        self.controller.replaced.connect(self._replaced)
        self.editor.cursorPositionChanged.connect(self._follow_cursor)
        self.panel.jump_requested.connect(self.jump)
        self.panel.reply_requested.connect(self.reply)
        self.panel.resolve_requested.connect(self.resolve)
        self.panel.delete_requested.connect(self.delete)
        self.panel.edit_requested.connect(self.edit)
        self.panel.text_entered.connect(self._entered)
        self.panel.compose_cancelled.connect(self._cancelled)
        self.panel.tree.currentItemChanged.connect(lambda *_: self._chosen_changed())

    # --- showing ---------------------------------------------------------------------------------------
    def _changed(self, scope: Scope) -> None:
        """An edit of the comments shows at once; one of the text, after a pause, and only if there are any."""
        if not (scope.content or scope.structure or scope.notes or scope.fields):
            self.refresh()
        elif self.panel.comments or (self.controller.doc is not None and self.controller.doc.draft.comments):
            self._later.start()

    def spots(self) -> dict[str, Placement]:
        """Where every comment stands now (computed once per state of the document)."""
        doc = self.controller.doc
        if doc is None:
            return {}
        if self._spots[0] != self.controller.revision:
            self._spots = (self.controller.revision, placements(doc.draft))
        return self._spots[1]

    def refresh(self, *_why: object) -> None:
        doc = self.controller.doc
        if doc is None:
            self.panel.show_comments([], [])
            self.marks.show_spots([])
            return
        labels = doc.draft.labels()
        items = by_block(doc.draft)
        self.panel.show_comments([(self._label(labels, key), root, spot) for key, root, spot in items],
                                 doc.draft.comments)
        self.marks.show_spots([(root, spot) for _key, root, spot in items], self._root_id())

    def _replaced(self) -> None:
        self.pending = None
        self.panel.close_compose()
        self.refresh()
        doc = self.controller.doc
        if doc is not None and doc.draft.comments:
            self.dock.show()

    def _label(self, labels: dict[str, str], key: str) -> str:
        if key in labels:
            return labels[key]
        return self.tr("Heading") if key else self.tr("Text")

    def _root_id(self) -> str:
        comment = self.panel.current()
        return (comment.reply_to or comment.id) if comment is not None else ""

    def _chosen_changed(self) -> None:
        self.marks.chosen = self._root_id()
        self.marks.update()

    def _follow_cursor(self) -> None:
        """The pane selects the thread whose words hold the cursor."""
        doc, place = self.controller.doc, self.editor.cursor_place()
        if doc is None or place is None or not doc.draft.comments:
            return
        key, offset = place
        spots = self.spots()
        for comment in doc.draft.comments:
            spot = spots[comment.id]
            if not comment.is_reply and spot.block == key and spot.on_words and spot.start <= offset <= spot.end:
                if self.panel.current_id() not in (c.id for c in doc.draft.comments
                                                   if c.id == comment.id or c.reply_to == comment.id):
                    self.panel.select(comment.id)
                return

    def show_pane(self) -> None:
        self.dock.show()
        self.dock.raise_()

    # --- actions ---------------------------------------------------------------------------------------
    def author(self) -> str:
        return self.window.settings.author or UNKNOWN_AUTHOR

    def new_comment(self) -> None:
        """Ctrl+Alt+M: a comment on the selection (or the word under the cursor); its text is asked for."""
        doc = self.controller.doc
        if doc is None:
            return
        self.editor.flush()
        cursor = self.editor.textCursor()
        block = self.editor.document().findBlock(cursor.selectionStart())
        if layout.kind_of(block) not in layout.TEXT_KINDS:
            self.window.statusBar().showMessage(self.tr("Comments go on the paragraphs and headings of the text."),
                                                6000)
            return
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        start = cursor.selectionStart() - block.position()
        end = min(cursor.selectionEnd(), block.position() + block.length() - 1) - block.position()
        key = layout.key_of(block)
        self.pending = Pending(key, start, end)
        words = texts(doc.draft).get(key, "")[start:end]
        label = doc.draft.labels().get(key, self.tr("the heading"))
        prompt = self.tr("New comment on {label}: “{words}”").format(label=label, words=short(words)) if words \
            else self.tr("New comment on {label}").format(label=label)
        self.show_pane()
        self.panel.open_compose(prompt)

    def reply(self) -> None:
        comment = self._current()
        if comment is None:
            return
        self.pending = Pending(reply_to=comment.id)
        self.show_pane()
        self.panel.open_compose(self.tr("Reply to {author}: {text}").format(author=comment.author,
                                                                          text=short(comment.text)))

    def edit(self) -> None:
        """Change the text of the selected comment (F2 in the pane)."""
        comment = self._current()
        if comment is None:
            return
        self.pending = Pending(edit=comment.id)
        self.show_pane()
        self.panel.open_compose(self.tr("Change the text of {author}'s comment").format(author=comment.author),
                                comment.text)

    def resolve(self) -> None:
        comment = self._current()
        doc = self.controller.doc
        if comment is None or doc is None:
            return
        root = next((c for c in doc.draft.comments if c.id == (comment.reply_to or comment.id)), comment)
        self.controller.push(SetComment(root.id, done=not root.done))
        self.panel.select(root.id)

    def delete(self) -> None:
        comment = self._current()
        if comment is not None:
            self.controller.push(DeleteComment(comment.id))

    def jump(self, comment_id: str) -> None:
        doc = self.controller.doc
        spot = self.spots().get(comment_id) if doc is not None else None
        if spot is None or not spot.block:
            return
        end = spot.end if spot.on_words else None
        if self.editor.place_cursor(spot.block, spot.start, end):
            to_upper_third(self.editor)

    def _current(self) -> Comment | None:
        comment = self.panel.current()
        if comment is None:
            self.window.statusBar().showMessage(self.tr("Select a comment in the Comments pane first."), 5000)
            self.show_pane()
        return comment

    def _entered(self, text: str) -> None:
        doc, pending = self.controller.doc, self.pending
        if doc is None or pending is None:
            return
        if not text:
            self.window.statusBar().showMessage(self.tr("An empty comment is not saved: write its text, or press "
                                                        "Escape."), 5000)
            return
        if pending.edit:
            self._finish()
            if any(c.id == pending.edit and c.text != text for c in doc.draft.comments):
                self.controller.push(SetComment(pending.edit, text=text))
            self.panel.select(pending.edit)
            return
        if pending.reply_to:
            parent = next((c for c in doc.draft.comments if c.id == pending.reply_to), None)
            if parent is None:  # deleted meanwhile (undo): nothing to answer
                self._cancelled()
                return
            made = new_reply(parent, text, self.author())
        else:
            if pending.block not in texts(doc.draft):
                self.window.statusBar().showMessage(self.tr("The paragraph of this comment is gone."), 5000)
                self._cancelled()
                return
            made = new_comment(doc.draft, pending.block, pending.start, pending.end, text, self.author())
        self._finish()
        self.controller.push(AddComment(made))
        self.panel.select(made.id)

    def _finish(self) -> None:
        """The box closes; the focus goes back to drafting."""
        self.pending = None
        self.panel.close_compose()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _cancelled(self) -> None:
        self._finish()


__all__ = ["CommentsUi", "Pending"]
