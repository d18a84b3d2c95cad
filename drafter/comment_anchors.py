"""Where each comment of a resolution stands in its text as it is now (see `drafter.comments` for the anchor).

Where the words are found, in order:

1. in the comment's own block, at the occurrence whose context matches best (`ON_WORDS`);
2. in another block, where they moved (a split that took them to the new paragraph, a cut and paste), if
   some of their context came with them, or they are long and found in that block alone (`ON_WORDS`): words
   deleted here that also stand elsewhere must not take the comment there;
3. in its own block, partly edited: most of its words still there, in order, in one stretch (`WORDS_CHANGED`);
4. nowhere: the comment is on its paragraph as a whole, its quote kept (`WORDS_GONE`);
5. its paragraph is gone: on the block that preceded it, else on the first block (`PARAGRAPH_GONE`).

So a comment is never lost: every comment has a place as long as the text has a block. Offsets count the
characters of the text runs and one character per footnote reference, as the editor and the edits count.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from drafter.comments import (
    ON_PARAGRAPH,
    ON_WORDS,
    PARAGRAPH_GONE,
    WORDS_CHANGED,
    WORDS_GONE,
    Comment,
    Placement,
    initials_of,
    new_id,
    now,
    roots,
    thread,
)
from drafter.model import Inline, Resolution, Text

OBJECT = "\ufffc"  # a footnote reference in the text a comment is anchored in: one character, as in the editor
CONTEXT = 32  # characters of context kept on each side of the quote
MIN_CONTEXT = 8  # characters of context that must match for the words to be taken as moved to another block
DISTINCT = 40  # a quote this long, found in one other block only, is taken as moved there without its context
_TOKEN = re.compile(r"\S+")


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
    if not res.comments:
        return {}
    found = texts(res)
    order = {key: index for index, key in enumerate(found)}
    out: dict[str, Placement] = {}
    for root in roots(res.comments):
        spot = place(root, found, order)
        for comment in thread(res.comments, root.id):
            out[comment.id] = spot
    return out


def by_block(res: Resolution) -> list[tuple[str, Comment, Placement]]:
    """The threads' first comments in reading order of where they stand, with their block's id."""
    if not res.comments:
        return []
    spots = placements(res)
    order = {key: index for index, key in enumerate(texts(res))}
    items = [(spots[c.id].block, c, spots[c.id]) for c in roots(res.comments)]
    return sorted(items, key=lambda item: (order.get(item[0], -1), item[2].start))


__all__ = ["CONTEXT", "OBJECT", "by_block", "flat", "new_comment", "place", "placements", "texts"]
