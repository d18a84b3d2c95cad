"""Comments as undoable edits of the draft: add a comment or a reply, resolve or reopen one, change its
text, delete a comment with its replies. Each is one step of the undo history and reverts exactly.

The text itself is untouched (the scope of these edits names no block), so the comparison and the
editor have nothing to redo; the views of comments follow `Resolution.comments`.
"""

from __future__ import annotations

from dataclasses import replace

from drafter.comments import Comment, thread
from drafter.edits.primitives import Document, Edit, EditError, Scope, Side


def _index(comments: list[Comment], comment_id: str) -> int:
    for index, comment in enumerate(comments):
        if comment.id == comment_id:
            return index
    raise EditError(f"no comment {comment_id!r}")


class AddComment(Edit):
    """Add a comment (or a reply) after the last one."""

    def __init__(self, comment: Comment, side: Side = "draft", label: str = "") -> None:
        self.comment, self.side = comment, side
        self.label = label or ("Reply to comment" if comment.is_reply else "New comment")

    def apply(self, doc: Document) -> None:
        comments = doc.side(self.side).comments
        if any(c.id == self.comment.id for c in comments):
            raise EditError(f"comment {self.comment.id!r} is there already")
        comments.append(self.comment)

    def revert(self, doc: Document) -> None:
        comments = doc.side(self.side).comments
        del comments[_index(comments, self.comment.id)]

    def scope(self) -> Scope:
        return Scope(self.side)


class SetComment(Edit):
    """Resolve or reopen a comment, or give it another text: one field of it, the others as they are."""

    def __init__(self, comment_id: str, side: Side = "draft", *, done: bool | None = None,
                 text: str | None = None) -> None:
        self.comment_id, self.side, self.done, self.text = comment_id, side, done, text
        self.label = "Edit comment" if text is not None else "Resolve comment" if done else "Reopen comment"
        self.before: Comment | None = None

    def apply(self, doc: Document) -> None:
        comments = doc.side(self.side).comments
        at = _index(comments, self.comment_id)
        current = self.before = comments[at]
        comments[at] = replace(current, done=current.done if self.done is None else self.done,
                               text=current.text if self.text is None else self.text)

    def revert(self, doc: Document) -> None:
        assert self.before is not None
        comments = doc.side(self.side).comments
        at = _index(comments, self.comment_id)
        comments[at] = replace(comments[at], done=self.before.done, text=self.before.text)

    def scope(self) -> Scope:
        return Scope(self.side)


class DeleteComment(Edit):
    """Delete a comment and its replies (a reply alone, if it is one)."""

    def __init__(self, comment_id: str, side: Side = "draft") -> None:
        self.comment_id, self.side = comment_id, side
        self.removed: list[tuple[int, Comment]] = []
        self.label = "Delete comment"

    def apply(self, doc: Document) -> None:
        comments = doc.side(self.side).comments
        _index(comments, self.comment_id)
        gone = {c.id for c in thread(comments, self.comment_id)}
        self.removed = [(at, c) for at, c in enumerate(comments) if c.id in gone]
        comments[:] = [c for c in comments if c.id not in gone]

    def revert(self, doc: Document) -> None:
        comments = doc.side(self.side).comments
        for at, comment in self.removed:
            comments.insert(at, comment)

    def scope(self) -> Scope:
        return Scope(self.side)


__all__ = ["AddComment", "DeleteComment", "SetComment"]
