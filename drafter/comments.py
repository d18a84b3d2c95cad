"""Comments on a draft: who said what, when, and on which words.

A `Comment` is on a span of a paragraph or heading (or on the whole of it), with its author, date (ISO 8601,
UTC), text, replies (comments whose `reply_to` names it) and resolved state (`done`). The resolution keeps
them in `Resolution.comments`, threads in the order they were made; the draft file keeps them as `to_data`
writes them.

**How a comment stays anchored.** A comment keeps a *text-quote anchor*: the id of its block, the words
it is on (`quote`), a little of the text before and after them (`prefix`, `suffix`), where they started
(`offset`) and the block before its own (`after`). `drafter.comment_anchors.place` finds the words again in
the text as it is now. We chose this over offsets kept in step by every edit because the draft changes in
many ways that are no single edit of a span (a split, a join, a paste, accepting or rejecting a change,
taking a delegation's proposal, undo and redo of any of these): an anchor that is re-found needs none of
them to know about comments, survives each of them, and is also what a comment read from a Word file gives
(its words and their paragraph). The context and the offset only choose among several occurrences of the
same words. The anchor is never rewritten by edits of the text: where a comment stands is a function of the
text and its anchor alone, so undoing any edits puts every comment back exactly where it was, and a comment
whose words are deleted keeps them (`WORDS_GONE`) and stands on its paragraph.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

ON_PARAGRAPH = "paragraph"  # a comment on a whole paragraph
ON_WORDS = "words"
WORDS_CHANGED = "changed words"  # most of its words are still there, some edited
WORDS_GONE = "deleted words"  # its words are gone: on its paragraph, the quote kept
PARAGRAPH_GONE = "deleted paragraph"  # its paragraph is gone: on the one before
# what the text of a comment opens with in a Word export that cannot show the words it was on
GONE_NOTE = "On words since deleted: “{quote}”"


@dataclass(frozen=True)
class Comment:
    """A comment or a reply. A reply (`reply_to` set) has no anchor of its own: it stands with its thread."""

    id: str
    author: str
    date: str  # ISO 8601 in UTC: 2026-01-31T10:00:00Z
    text: str
    block: str = ""  # the paragraph or heading it is on
    quote: str = ""  # the words it is on ("" for the whole paragraph)
    prefix: str = ""  # text before the words, when they were last found
    suffix: str = ""  # text after them
    offset: int = 0  # where they started
    after: str = ""  # the block before its own ("" for the first)
    reply_to: str | None = None
    done: bool = False  # resolved
    initials: str = ""

    @property
    def is_reply(self) -> bool:
        return self.reply_to is not None


@dataclass(frozen=True)
class Placement:
    """Where a comment stands in the text as it is: a block, a span of it, and how it got there."""

    block: str  # "" only when the text has no paragraph or heading at all
    start: int
    end: int
    state: str  # ON_WORDS, ON_PARAGRAPH, WORDS_CHANGED, WORDS_GONE or PARAGRAPH_GONE

    @property
    def on_words(self) -> bool:
        return self.state in (ON_WORDS, WORDS_CHANGED)


def now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def initials_of(author: str) -> str:
    """"European Union" → "EU", "Group of 77 and China" → "GC": the capitals that open its words."""
    capitals = "".join(word[0] for word in author.split() if word[0].isupper())
    return (capitals or author.strip()[:1].upper())[:4]


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def new_reply(parent: Comment, text: str, author: str, date: str = "", initials: str = "") -> Comment:
    """A reply to a comment (to the comment a reply answers, if `parent` is one: threads are one level deep)."""
    name = author.strip() or "Unknown"
    return Comment(new_id(), name, date or now(), text, reply_to=parent.reply_to or parent.id,
                   initials=initials or initials_of(name))


def thread(comments: Sequence[Comment], root_id: str) -> list[Comment]:
    """A comment and its replies (and theirs), in the order of the list."""
    ids = {root_id}
    out: list[Comment] = []
    for comment in comments:
        if comment.id in ids or comment.reply_to in ids:
            ids.add(comment.id)
            out.append(comment)
    return out


def roots(comments: Sequence[Comment]) -> list[Comment]:
    """The comments that open a thread (a reply whose comment is missing opens one too)."""
    known = {comment.id for comment in comments}
    return [c for c in comments if c.reply_to is None or c.reply_to not in known]


# --- plain data (the draft file) -----------------------------------------------------------------------
_FIELDS = ("block", "quote", "prefix", "suffix", "after", "initials")


def to_data(comment: Comment) -> dict[str, object]:
    """A comment as JSON data: the empty fields left out."""
    out: dict[str, object] = {"id": comment.id, "author": comment.author, "date": comment.date, "text": comment.text}
    out.update({name: getattr(comment, name) for name in _FIELDS if getattr(comment, name)})
    if comment.offset:
        out["offset"] = comment.offset
    if comment.reply_to is not None:
        out["reply_to"] = comment.reply_to
    if comment.done:
        out["done"] = True
    return out


def from_data(data: dict[str, object]) -> Comment:
    """The comment of `to_data`; ValueError names what is wrong."""
    if not isinstance(data, dict) or not all(isinstance(data.get(key), str) for key in ("id", "author", "text")):
        raise ValueError(f"a comment needs an id, an author and a text, not {data!r:.80}")
    offset = data.get("offset", 0)
    if not isinstance(offset, int) or offset < 0:
        raise ValueError(f"comment {data['id']}: offset {offset!r} is no position")
    reply_to = data.get("reply_to")
    return Comment(str(data["id"]), str(data["author"]), str(data.get("date", "")), str(data["text"]),
                   offset=offset, reply_to=None if reply_to is None else str(reply_to), done=data.get("done") is True,
                   **{name: str(data.get(name, "")) for name in _FIELDS})


__all__ = ["GONE_NOTE", "ON_PARAGRAPH", "ON_WORDS", "PARAGRAPH_GONE", "WORDS_CHANGED", "WORDS_GONE", "Comment",
           "Placement", "from_data", "initials_of", "new_id", "new_reply", "now", "roots", "thread", "to_data"]
