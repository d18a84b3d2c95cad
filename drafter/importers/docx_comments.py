"""The comments of a Word file, attached to the resolution read from it.

`drafter.importers.word_comments.read_comments` gives each Word comment with its author, date, text, replies,
resolved state, the words it is on and its paragraph's text (revisions accepted, as the reader reads the
file). Here each one finds its block (the paragraph whose text is the closest to that paragraph's and
holds the words) and its words in that block, the text just before the comment's range choosing among
several occurrences. A comment on no paragraph of the text (on the title, say) or on words the reader
left out is kept on the first paragraph with its words, and a warning names it.

Replies re-saved by LibreOffice (7.4) are comments of their own: it keeps no `w15:paraIdParent`
(`commentsExtended.xml` goes, or holds only the resolved comments) and writes each reply as a comment
on the same words as the one it answered. What is left cannot tell a reply from another delegation's
comment on the same words, so no thread is guessed; where a file LibreOffice wrote has several comments
on the same words, a warning names them.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import replace

from lxml import etree

from drafter.comment_anchors import OBJECT, new_comment, texts
from drafter.comments import GONE_NOTE, Comment, initials_of, new_id
from drafter.errors import ImportFailed
from drafter.importers.docx_parts import ZipParts, open_parts, w
from drafter.importers.word_comments import DEL, MOVE_FROM, WordComment, read_comments
from drafter.model import Resolution

_PIECE = re.compile(rf"(?P<word>[^\s{re.escape(OBJECT)}]+)|(?P<space>\s+)")  # words, and the spaces between
_GONE = re.compile("^" + re.escape(GONE_NOTE).replace(re.escape("{quote}"), "(.*?)") + "\n")


def _iso(date: str) -> str:
    """A Word date as ISO 8601 in UTC to the second; "" where it is no date."""
    try:
        when = datetime.datetime.fromisoformat(date.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(datetime.UTC)
    return when.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def _squeezed(text: str) -> tuple[str, list[int]]:
    """A block's flat text without footnote references and with white space collapsed (as the comment
    reader gives paragraphs), and for each of its characters the offset it comes from."""
    pieces: list[str] = []
    where: list[int] = []
    spaced = True  # no space at the start, nor two in a row (references between spaces do not count)
    for match in _PIECE.finditer(text):
        start, end = match.span()
        if match.lastgroup == "word":
            pieces.append(match.group())
            where.extend(range(start, end))
            spaced = False
        elif not spaced:
            pieces.append(" ")
            where.append(start)
            spaced = True
    if pieces and spaced:
        pieces.pop()
        where.pop()
    return "".join(pieces), where


def _before_ranges(body: etree._Element) -> dict[str, str]:
    """For each comment id, the text of its paragraph before its range opens (revisions accepted)."""
    out: dict[str, str] = {}
    start, reference = w("commentRangeStart"), w("commentReference")
    for p in body.iter(w("p")):
        seen: list[str] = []
        for node in p.iter(w("t"), w("tab"), start, reference):
            if node.tag in (start, reference):
                out.setdefault(node.get(w("id"), ""), " ".join("".join(seen).split()))
            elif not any(True for _ in node.iterancestors(DEL, MOVE_FROM)):
                seen.append(" " if node.tag == w("tab") else node.text or "")
    return out


def _block_for(found: dict[str, tuple[str, list[int]]], paragraph: str, words: str) -> str | None:
    """The block whose text is the paragraph's (or the closest to it) and holds the words."""
    best: tuple[float, str] | None = None
    for key, (text, _where) in found.items():
        if words and words not in text:
            continue
        if text == paragraph:
            return key
        if not text or not paragraph:
            continue
        score = difflib.SequenceMatcher(None, text, paragraph, autojunk=False).ratio()
        if score >= 0.6 and (best is None or score > best[0]):
            best = (score, key)
    return best[1] if best else None


def _span(text: str, where: list[int], words: str, before: str) -> tuple[int, int]:
    """The offsets of `words` in a block: the occurrence after the text that best matches `before`."""
    if not words:
        return 0, 0
    best: tuple[int, int] | None = None
    at = text.find(words)
    while at >= 0:
        head = text[:at].rstrip()
        tail = 0
        for x, y in zip(reversed(head), reversed(before.rstrip()), strict=False):
            if x != y:
                break
            tail += 1
        if best is None or tail > best[0]:
            best = (tail, at)
        at = text.find(words, at + 1)
    if best is None:
        return 0, 0
    start = best[1]
    end = start + len(words)
    return where[start], where[end - 1] + 1


def _placed(res: Resolution, found: dict[str, tuple[str, list[int]]], word: WordComment, date: str,
            before: str) -> Comment:
    """A comment that opens a thread, on its block and words."""
    text, quote = word.text, word.words
    noted = _GONE.match(text)
    if noted:  # written by Drafter on words since deleted: the words it was on, and its own text
        text, quote = text[noted.end():], noted.group(1)
    key = _block_for(found, word.after, quote) if word.placed else None
    if key is None and word.placed:  # on words the text no longer has (a deletion)
        key = _block_for(found, word.after, "")
    if key is None:
        place = f"on “{quote}”" if quote else f"on the paragraph “{word.after[:60]}”"
        res.warnings.append(f"Comment by {word.author} ({text[:60]!r}) {place if word.placed else 'anchored nowhere'}"
                            ": it is on no paragraph of the text as read, and is kept on the first paragraph.")
        return Comment(new_id(), word.author, date, text, quote=quote, done=word.done,
                       initials=initials_of(word.author))
    squeezed, where = found[key]
    start, end = _span(squeezed, where, quote, before) if quote and quote != squeezed else (0, 0)
    made = replace(new_comment(res, key, start, end, text, word.author), date=date, done=word.done)
    if quote and quote != squeezed and not made.quote:
        made = replace(made, quote=quote)  # words the text no longer has: on the paragraph, the words kept
    return made


def _written_by_libreoffice(parts: ZipParts) -> bool:
    app = parts.part("docProps/app.xml") or b""
    return b"<Application>LibreOffice" in app


def _same_words(res: Resolution, read: list[WordComment], ours: dict[str, Comment]) -> None:
    """A warning for each set of comments on the same words of a file LibreOffice saved without replies."""
    if any(word.reply_to for word in read):
        return
    labels = res.labels()
    together: dict[tuple[str, str, str], list[Comment]] = {}
    for word in read:
        comment = ours[word.id]
        if comment.block and word.words:
            together.setdefault((comment.block, word.words, word.before), []).append(comment)
    for (block, words, _paragraph), comments in together.items():
        if len(comments) > 1:
            authors = ", ".join(dict.fromkeys(comment.author for comment in comments))
            res.warnings.append(f"{labels.get(block, 'a heading')}: {len(comments)} comments on the same words "
                                f"“{words[:60]}” ({authors}): if some answered others, LibreOffice, which saved this "
                                "file, kept no link from a reply to its comment, so each reads as a comment of its own")


def attach_comments(res: Resolution, path: str) -> None:
    """Read the comments of the Word file at `path` into `res.comments`; what cannot be read becomes a
    warning, never a failed import."""
    try:
        parts = open_parts(path)
        with parts.archive:
            read = read_comments(parts)
            before = _before_ranges(parts.root(parts.text_parts[0])) if read else {}
            libreoffice = bool(read) and _written_by_libreoffice(parts)
    except (ImportFailed, etree.LxmlError, ValueError) as exc:
        res.warnings.append(f"The comments of this file could not be read ({exc}); the text is read without them.")
        return
    if not read:
        return
    found = {key: _squeezed(text) for key, text in texts(res).items()}
    ours: dict[str, Comment] = {}
    for word in read:
        date, initials = _iso(word.date), initials_of(word.author)
        parent = ours.get(word.reply_to or "")
        if parent is not None:
            comment = Comment(new_id(), word.author, date, word.text, reply_to=parent.id, done=word.done,
                              initials=initials)
        else:
            comment = _placed(res, found, word, date, before.get(word.id, ""))
        ours[word.id] = comment
        res.comments.append(comment)
    if libreoffice:
        _same_words(res, read, ours)


__all__ = ["attach_comments"]
