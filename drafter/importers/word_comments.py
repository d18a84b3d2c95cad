"""Word comments of a delegation's file: author, date, text, and the words and paragraph they are on.

A comment lives in `word/comments.xml` (`w:comment` with `w:author`, `w:date`, paragraphs of text) and
is anchored in the body by `w:commentRangeStart` … `w:commentRangeEnd` (and a `w:commentReference` run).
`read_comments` gives each comment with the words of its range (the text as it reads with every revision
accepted; deleted words where the range holds nothing else) and its paragraph twice: as it read before the
file's revisions (insertions dropped, deletions kept), which finds the paragraph in SENT, and with every
revision accepted, which finds a paragraph the file adds. Replies and the resolved state come from
`commentsExtended.xml` where the file has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from drafter import safexml
from drafter.importers.docx_parts import Parts, relation, w

INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")

_W14_PARA = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


@dataclass
class WordComment:
    id: str
    author: str
    date: str
    text: str
    words: str = ""  # the commented words
    before: str = ""  # the paragraph of the range's start, without the file's revisions
    after: str = ""  # the same paragraph with every revision accepted
    done: bool = False
    reply_to: str | None = None  # the id of the comment this one answers
    placed: bool = False  # whether the body anchors it at all
    _pieces: list[str] = field(default_factory=list, repr=False)
    _deleted: list[str] = field(default_factory=list, repr=False)


def _text(node: etree._Element) -> str:
    return "".join(t.text or "" for t in node.iter(w("t")))


def _paragraph_texts(p: etree._Element) -> tuple[str, str]:
    """The paragraph's text before its revisions and after them."""
    before: list[str] = []
    after: list[str] = []
    for node in p.iter(w("t"), w("delText"), w("tab")):
        inside = {ancestor.tag for ancestor in node.iterancestors(INS, DEL, MOVE_FROM, MOVE_TO)}
        text = " " if node.tag == w("tab") else node.text or ""
        if not inside & {INS, MOVE_TO}:
            before.append(text)
        if not inside & {DEL, MOVE_FROM} and node.tag != w("delText"):
            after.append(text)
    return " ".join("".join(before).split()), " ".join("".join(after).split())


def read_comments(package: Parts) -> list[WordComment]:
    """The comments of the file, in the order of comments.xml."""
    main = package.text_parts[0]
    name = relation(package, main, "comments")
    data = package.part(name) if name else None
    if data is None:
        return []
    root = safexml.parse(data)
    comments: dict[str, WordComment] = {}
    by_para: dict[str, str] = {}
    for node in root.iter(w("comment")):
        comment_id = node.get(w("id"), "")
        paragraphs = [_text(p) for p in node.iter(w("p"))]
        comments[comment_id] = WordComment(comment_id, node.get(w("author"), "") or "(no author)",
                                           node.get(w("date"), ""), "\n".join(p for p in paragraphs if p).strip())
        last = [p.get(_W14_PARA) for p in node.iter(w("p"))]
        if last and last[-1]:
            by_para[last[-1]] = comment_id
    _anchor(package.root(main), comments)
    extended = relation(package, main, "commentsExtended")
    extra = package.part(extended) if extended else None
    if extra is not None:
        for node in safexml.parse(extra).iter(_W15 + "commentEx"):
            found = by_para.get(node.get(_W15 + "paraId", ""))
            if found is None:
                continue
            comment_id = found
            comments[comment_id].done = node.get(_W15 + "done") in ("1", "true")
            comments[comment_id].reply_to = by_para.get(node.get(_W15 + "paraIdParent", ""))
    return list(comments.values())


def _anchor(body: etree._Element, comments: dict[str, WordComment]) -> None:
    """The words and paragraph of each comment's range."""
    start, end, reference = w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")
    open_ranges: set[str] = set()
    for p in body.iter(w("p")):
        texts: tuple[str, str] | None = None
        for node in p.iter(start, end, reference, w("t"), w("delText")):
            comment = comments.get(node.get(w("id"), ""))
            if node.tag in (start, reference) and comment is not None and not comment.placed:
                texts = texts or _paragraph_texts(p)
                comment.before, comment.after = texts
                comment.placed = True
                if node.tag == start:
                    open_ranges.add(comment.id)
            elif node.tag == end:
                open_ranges.discard(node.get(w("id"), ""))
            elif node.tag in (w("t"), w("delText")):
                deleted = node.tag == w("delText") or any(True for _ in node.iterancestors(DEL, MOVE_FROM))
                for comment_id in open_ranges:
                    (comments[comment_id]._deleted if deleted else comments[comment_id]._pieces).append(
                        node.text or "")
    for comment in comments.values():
        words = "".join(comment._pieces) or "".join(comment._deleted)
        comment.words = " ".join(words.split())


__all__ = ["WordComment", "read_comments"]
