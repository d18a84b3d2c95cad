"""Comments on a draft: who said what, when, on which words, and where a comment stands after edits.

A `Comment` is on a span of a paragraph or heading (or on the whole of it), with its author, date (ISO 8601,
UTC), text, replies (comments whose `reply_to` names it) and resolved state (`done`). The resolution keeps
them in `Resolution.comments`, threads in the order they were made.

**How a comment stays anchored.** A comment keeps a *text-quote anchor*: the id of its block, the words
it is on (`quote`), a little of the text before and after them (`prefix`, `suffix`), where they started
(`offset`) and the block before its own (`after`). `place` finds the words again in the text as it is now.
We chose this over offsets kept in step by every edit because the draft changes in many ways that are no
single edit of a span (a split, a join, a paste, accepting or rejecting a change, taking a delegation's
proposal, undo and redo of any of these): an anchor that is re-found needs none of them to know about
comments, survives each of them, and is also what a comment read from a Word file gives (its words and
their paragraph). The context and the offset only choose among several occurrences of the same words.

Where the words are found, in order:

1. in the comment's own block, at the occurrence whose context matches best (`ON_WORDS`);
2. in another block, where they moved (a split that took them to the new paragraph, a cut and paste), if
   some of their context came with them, or they are long and found in that block alone (`ON_WORDS`): words
   deleted here that also stand elsewhere must not take the comment there;
3. in its own block, partly edited: most of its words still there, in order, in one stretch (`WORDS_CHANGED`);
4. nowhere: the comment is on its paragraph as a whole, its quote kept (`WORDS_GONE`);
5. its paragraph is gone: on the block that preceded it, else on the first block (`PARAGRAPH_GONE`).

So a comment is never lost: every comment has a place as long as the text has a block. The anchor is
never rewritten by edits of the text: where a comment stands is a function of the text and its anchor alone,
so that undoing any edits puts every comment back exactly where it was.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafter.model import Inline, Resolution, Text, new_id

OBJECT = "\ufffc"  # a footnote reference in the text a comment is anchored in: one character, as in the editor
CONTEXT = 32  # characters of context kept on each side of the quote
MIN_CONTEXT = 8  # characters of context that must match for the words to be taken as moved to another block
DISTINCT = 40  # a quote this long, found in one other block only, is taken as moved there without its context

ON_PARAGRAPH = "paragraph"  # a comment on a whole paragraph
ON_WORDS = "words"
WORDS_CHANGED = "changed words"  # most of its words are still there, some edited
WORDS_GONE = "deleted words"  # its words are gone: on its paragraph, the quote kept
PARAGRAPH_GONE = "deleted paragraph"  # its paragraph is gone: on the one before
_TOKEN = re.compile(r"\S+")


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


def flat(content: Iterable[Inline]) -> str:
    """The text of a block with one OBJECT per footnote reference: offsets count as the editor's."""
    return "".join(item.text if isinstance(item, Text) else OBJECT for item in content)


def texts(res: Resolution) -> dict[str, str]:
    """Every block's flat text by id, in reading order."""
    return {block.id: flat(block.content) for block in res.blocks()}


# --- making comments ------------------------------------------------------------------------------------
def new_comment(res: Resolution, block_id: str, start: int, end: int, text: str, author: str,
                date: str = "", initials: str = "") -> Comment:
    """A comment on `start`..`end` of a block (an empty span: the whole block)."""
    found = texts(res)
    if block_id not in found:
        raise ValueError(f"no paragraph or heading {block_id!r}")
    body = found[block_id]
    start, end = max(0, min(start, end, len(body))), min(max(start, end), len(body))
    order = list(found)
    index = order.index(block_id)
    name = author.strip() or "Unknown"
    return Comment(new_id(), name, date or now(), text, block_id, body[start:end],
                   body[max(0, start - CONTEXT):start], body[end:end + CONTEXT], start,
                   order[index - 1] if index else "", initials=initials or initials_of(name))


def new_reply(parent: Comment, text: str, author: str, date: str = "", initials: str = "") -> Comment:
    name = author.strip() or "Unknown"
    return Comment(new_id(), name, date or now(), text, reply_to=thread_root_id(parent),
                   initials=initials or initials_of(name))


def thread_root_id(comment: Comment) -> str:
    """The comment a reply is to be attached to: Word's threads are one level deep."""
    return comment.reply_to or comment.id


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


# --- finding the words again ---------------------------------------------------------------------------
def _common_tail(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_head(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _occurrences(text: str, quote: str) -> list[int]:
    out: list[int] = []
    at = text.find(quote)
    while at >= 0:
        out.append(at)
        at = text.find(quote, at + 1)
    return out


def _context(text: str, at: int, comment: Comment) -> int:
    """How many characters of the comment's context match around an occurrence of its quote."""
    end = at + len(comment.quote)
    return _common_tail(text[max(0, at - len(comment.prefix)):at], comment.prefix) + \
        _common_head(text[end:end + len(comment.suffix)], comment.suffix)


def _best(text: str, comment: Comment) -> tuple[int, int] | None:
    """The best occurrence of the quote in a text: (context matched, start)."""
    found = [(_context(text, at, comment), -abs(at - comment.offset), at) for at in _occurrences(text, comment.quote)]
    if not found:
        return None
    context, _distance, at = max(found)
    return context, at


def _partly(text: str, quote: str) -> tuple[int, int] | None:
    """The stretch of `text` that keeps most of the words of `quote` (at least 3 in 5 of them, in their order,
    within twice as many words): the span of words partly edited."""
    wanted = quote.split()
    if len(wanted) < 2:
        return None
    tokens = list(_TOKEN.finditer(text))
    matcher = difflib.SequenceMatcher(None, [t.group() for t in tokens], wanted, autojunk=False)
    pieces = [piece for piece in matcher.get_matching_blocks() if piece.size]
    if not pieces or 5 * sum(piece.size for piece in pieces) < 3 * len(wanted):
        return None
    first, last = pieces[0].a, pieces[-1].a + pieces[-1].size - 1
    if last - first + 1 > 2 * len(wanted):
        return None
    return tokens[first].start(), tokens[last].end()


def place(comment: Comment, found: dict[str, str], order: dict[str, int] | None = None) -> Placement:
    """Where a (root) comment stands in the blocks `found` (`texts` of the resolution)."""
    order = order if order is not None else {key: index for index, key in enumerate(found)}
    own = found.get(comment.block)
    if own is not None and not comment.quote:
        return Placement(comment.block, 0, len(own), ON_PARAGRAPH)
    if own is not None:
        best = _best(own, comment)
        if best is not None:
            return Placement(comment.block, best[1], best[1] + len(comment.quote), ON_WORDS)
    moved = _moved(comment, found, order)
    if moved is not None:
        return moved
    if own is not None:
        partly = _partly(own, comment.quote)
        if partly is not None:
            return Placement(comment.block, partly[0], partly[1], WORDS_CHANGED)
        return Placement(comment.block, 0, len(own), WORDS_GONE)
    fallback = comment.after if comment.after in found else next(iter(found), "")
    return Placement(fallback, 0, len(found.get(fallback, "")), PARAGRAPH_GONE)


def _moved(comment: Comment, found: dict[str, str], order: dict[str, int]) -> Placement | None:
    """The comment's words in another block, if they are distinctive or came with their context."""
    if not comment.quote.strip():
        return None
    home = order.get(comment.block, order.get(comment.after, -1) + 1)
    candidates: list[tuple[int, int, str, int]] = []
    holders = [key for key, text in found.items() if key != comment.block and comment.quote in text]
    for key in holders:
        best = _best(found[key], comment)
        assert best is not None
        context, at = best
        if context >= MIN_CONTEXT or (len(holders) == 1 and len(comment.quote.strip()) >= DISTINCT):
            candidates.append((context, -abs(order[key] - home), key, at))
    if not candidates:
        return None
    _context_found, _distance, key, at = max(candidates)
    return Placement(key, at, at + len(comment.quote), ON_WORDS)


def placements(res: Resolution) -> dict[str, Placement]:
    """Where every comment stands; a reply stands where its thread does."""
    found = texts(res)
    order = {key: index for index, key in enumerate(found)}
    out: dict[str, Placement] = {}
    for root in roots(res.comments):
        spot = place(root, found, order)
        for comment in thread(res.comments, root.id):
            out[comment.id] = spot
    return out


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


def by_block(res: Resolution) -> list[tuple[str, Comment, Placement]]:
    """The threads' first comments in reading order of where they stand, with their block's id."""
    spots = placements(res)
    order = {key: index for index, key in enumerate(texts(res))}
    items = [(spots[c.id].block, c, spots[c.id]) for c in roots(res.comments)]
    return sorted(items, key=lambda item: (order.get(item[0], -1), item[2].start))


__all__ = ["CONTEXT", "ON_PARAGRAPH", "ON_WORDS", "PARAGRAPH_GONE", "WORDS_CHANGED", "WORDS_GONE", "Comment",
           "Placement", "by_block", "flat", "from_data", "initials_of", "new_comment", "new_reply", "now", "place", "placements",
           "roots", "texts", "thread", "thread_root_id",
           "to_data"]
