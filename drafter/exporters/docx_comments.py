"""The draft's comments as Word comments, in the clean and the tracked Word exports.

Each comment is a `w:comment` of `word/comments.xml` (author, date, initials, its text a paragraph per
line), anchored in the body by `w:commentRangeStart` … `w:commentRangeEnd` and a run holding its
`w:commentReference`. A reply is a comment of its own over the same words; `word/commentsExtended.xml`
links it to the comment it answers (`w15:paraIdParent`) and marks resolved comments (`w15:done`), by the
`w14:paraId` of each comment's last paragraph, as Word does.

The exporters register the paragraph they write for each block (`Builder.placed`; in the tracked export
the paragraphs of deleted base blocks in `Builder.removed`), and this module cuts their runs where a
comment begins and ends. Offsets count the text as the new side reads it (deleted runs left out, a
footnote reference one character), as `drafter.comments` counts them. A comment whose words are gone is
put where the tracked export still shows them (the deleted words, the deleted paragraph); where nothing
shows them, over its paragraph, its text opening with the words it was on, so that nothing is lost.
"""

from __future__ import annotations

import copy
import difflib
from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from drafter.comment_anchors import placements, texts
from drafter.comments import (
    GONE_NOTE,
    ON_PARAGRAPH,
    ON_WORDS,
    PARAGRAPH_GONE,
    WORDS_CHANGED,
    Comment,
    Placement,
    initials_of,
    roots,
    thread,
)
from drafter.errors import ExportFailed
from drafter.exporters import ooxml

if TYPE_CHECKING:
    from drafter.exporters.docx_build import Builder

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"

_ADDED = {ooxml.w(ooxml.INS), ooxml.w(ooxml.MOVE_TO)}
_REMOVED = {ooxml.w(ooxml.DEL), ooxml.w(ooxml.MOVE_FROM)}
_TEXT = (ooxml.w("t"), ooxml.w("delText"))
_ONE = (ooxml.w("footnoteReference"), ooxml.w("tab"), ooxml.w("br"))


# --- offsets in a written paragraph -----------------------------------------------------------------
def _size(node: etree._Element, side: str) -> int:
    """The characters a child of a paragraph holds on one side: "new" (deletions left out) or "old"
    (insertions left out)."""
    if node.tag == ooxml.w("r"):
        return sum(len(child.text or "") if child.tag in _TEXT else 1 if child.tag in _ONE else 0 for child in node)
    if (node.tag in _ADDED and side == "old") or (node.tag in _REMOVED and side == "new"):
        return 0
    if node.tag in _ADDED or node.tag in _REMOVED:
        return sum(_size(child, side) for child in node)
    return 0


def side_text(p: etree._Element, side: str) -> str:
    """The text of a written paragraph on one side, a footnote reference as one character."""
    out: list[str] = []
    for node in p.iter(ooxml.w("r")):
        wrappers = {ancestor.tag for ancestor in node.iterancestors() if ancestor is not p}
        if wrappers & (_ADDED if side == "old" else _REMOVED):
            continue
        for child in node:
            out.append(child.text or "" if child.tag in _TEXT else "\ufffc" if child.tag in _ONE else "")
    return "".join(out)


def written_offset(model: str, written: str, offset: int) -> int:
    """Where a character of a block's model text stands in the text written for it: the export may leave
    characters out (the brackets of a negotiated text, in the clean export); one left out maps to the next
    one kept."""
    if model == written:
        return offset
    for a, b, size in difflib.SequenceMatcher(None, model, written, autojunk=False).get_matching_blocks():
        if a <= offset <= a + size:
            return b + offset - a
        if a > offset:
            return b
    return len(written)


def _split_run(run: etree._Element, at: int) -> None:
    """Cut a run of text in two at character `at`."""
    second = copy.deepcopy(run)
    run.addnext(second)
    for node, keep_head in ((run, True), (second, False)):
        text = next(child for child in node if child.tag in _TEXT)
        value = text.text or ""
        text.text = value[:at] if keep_head else value[at:]
        text.set(ooxml.XML_SPACE, "preserve")


def _point(parent: etree._Element, offset: int, side: str, start: bool) -> tuple[etree._Element, int]:
    """Where to put a marker at `offset`: a start after whatever holds no text there (deleted words,
    other markers), an end before it."""
    pos = 0
    for index, child in enumerate(list(parent)):
        if child.tag == ooxml.w("pPr"):
            continue
        size = _size(child, side)
        if pos == offset and (size > 0 or not start):
            return parent, index
        if pos < offset < pos + size:
            if child.tag == ooxml.w("r"):
                _split_run(child, offset - pos)
                return parent, index + 1
            return _point(child, offset - pos, side, start)
        pos += size
    return parent, len(parent)


def _insert(where: tuple[etree._Element, int], nodes: list[etree._Element]) -> None:
    parent, index = where
    for step, node in enumerate(nodes):
        parent.insert(index + step, node)


# --- the comments part ------------------------------------------------------------------------------
class CommentWriter:
    def __init__(self, builder: Builder) -> None:
        self.b = builder
        self.para_ids: dict[str, str] = {}
        self.word_ids: dict[str, str] = {}
        self.model_texts: dict[str, str] = {}

    def write(self) -> None:
        res = self.b.res
        if not res.comments or not self.b.placed:
            return
        spots = placements(res)
        self.model_texts = texts(res)
        for root in roots(res.comments):
            self.anchor(thread(res.comments, root.id), root, spots[root.id])
        self.extended(res.comments)

    def comment(self, comment: Comment, note: str = "") -> str:
        """The w:comment of a comment; its w:id."""
        author = comment.author or "Unknown"
        text = f"{note}\n{comment.text}" if note else comment.text
        made = self.b.doc.comments.add_comment(text=text, author=author,
                                               initials=comment.initials or initials_of(author))
        element = made._comment_elm
        try:
            element.set(ooxml.w("date"), ooxml.Stamp.iso(comment.date))
        except ExportFailed:
            del element.attrib[ooxml.w("date")]  # a date no reader could take: none rather than a wrong one
        paragraphs = element.findall(ooxml.w("p"))
        para_id = f"{0x10000000 + len(self.para_ids) + 1:08X}"
        paragraphs[-1].set(f"{{{W14}}}paraId", para_id)
        self.para_ids[comment.id] = para_id
        self.word_ids[comment.id] = str(made.comment_id)
        return str(made.comment_id)

    def target(self, root: Comment, spot: Placement) -> tuple[etree._Element, int, int, str, str]:
        """The paragraph, span and side a thread is anchored on, and the note its text opens with."""
        if spot.state in (ON_WORDS, WORDS_CHANGED, ON_PARAGRAPH) and spot.block in self.b.placed:
            p = self.b.placed[spot.block]
            model, written = self.model_texts.get(spot.block, ""), side_text(p, "new")
            start, end = written_offset(model, written, spot.start), written_offset(model, written, spot.end)
            return p, start, end, "new", ""
        note = GONE_NOTE.format(quote=root.quote) if root.quote else ""
        gone = self.b.removed.get(root.block) if spot.state == PARAGRAPH_GONE else self.b.placed.get(root.block)
        if gone is not None:  # the tracked export shows the deleted words or paragraph
            old = side_text(gone, "old")
            at = old.find(root.quote) if root.quote else -1
            if at >= 0:
                return gone, at, at + len(root.quote), "old", ""
            if spot.state == PARAGRAPH_GONE and not root.quote:
                return gone, 0, len(old), "old", ""
        # its paragraph; with no paragraph in the text at all, the first one written
        whole = self.b.placed.get(spot.block)
        if whole is None:
            whole = next(iter(self.b.body.iter(ooxml.w("p"))))
        return whole, 0, len(side_text(whole, "new")), "new", note

    def anchor(self, comments: list[Comment], root: Comment, spot: Placement) -> None:
        p, start, end, side, note = self.target(root, spot)
        ids = [self.comment(comment, note if comment is root else "") for comment in comments]
        ends: list[etree._Element] = []
        for number in ids:
            reference = ooxml.el("r", ooxml.el("rPr", ooxml.el("rStyle", val="CommentReference")),
                                 ooxml.el("commentReference", id=number))
            ends += [ooxml.el("commentRangeEnd", id=number), reference]
        starts = [ooxml.el("commentRangeStart", id=number) for number in ids]
        if start >= end:
            _insert(_point(p, start, side, True), starts + ends)
            return
        _insert(_point(p, end, side, False), ends)
        _insert(_point(p, start, side, True), starts)

    def extended(self, comments: list[Comment]) -> None:
        """word/commentsExtended.xml: replies and resolved comments, by paragraph id."""
        root = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15, "mc": MC})
        root.set(f"{{{MC}}}Ignorable", "w15")
        for comment in comments:
            if comment.id not in self.para_ids:
                continue
            entry = etree.SubElement(root, f"{{{W15}}}commentEx")
            entry.set(f"{{{W15}}}paraId", self.para_ids[comment.id])
            parent = self.para_ids.get(comment.reply_to or "")
            if parent is not None:
                entry.set(f"{{{W15}}}paraIdParent", parent)
            entry.set(f"{{{W15}}}done", "1" if comment.done else "0")
        package = self.b.doc.part.package
        blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(PackURI("/word/commentsExtended.xml"), EXTENDED_TYPE, blob, package)
        self.b.doc.part.relate_to(part, EXTENDED_REL)
        comments_root = self.b.doc.part._comments_part.element
        comments_root.set(f"{{{MC}}}Ignorable", " ".join(filter(None, [comments_root.get(f"{{{MC}}}Ignorable"),
                                                                        "w14"])))


# Word's own styles of comments: the text of a comment, and the mark that refers to it
_STYLES = {"CommentText": ("paragraph", "annotation text", "Normal", "20"),
           "CommentReference": ("character", "annotation reference", "DefaultParagraphFont", "16")}


def comment_styles(builder: Builder) -> None:
    """Add the styles comments use where the template lacks them (Word adds them with the first comment)."""
    styles = builder.doc.styles.element
    have = {node.get(ooxml.w("styleId")) for node in styles.iterfind(ooxml.w("style"))}
    for style_id, (kind, name, based_on, size) in _STYLES.items():
        if style_id in have:
            continue
        style = ooxml.sub(styles, "style", type=kind, styleId=style_id)
        ooxml.sub(style, "name", val=name)
        ooxml.sub(style, "basedOn", val=based_on)
        ooxml.sub(style, "uiPriority", val="99")
        ooxml.sub(style, "unhideWhenUsed")
        ooxml.sub(ooxml.sub(style, "rPr"), "sz", val=size)


def write_comments(builder: Builder) -> None:
    """Write the resolution's comments into the document being built (nothing when it has none), and the
    styles of comments where the document has any."""
    CommentWriter(builder).write()
    if any(rel.reltype == RT.COMMENTS for rel in builder.doc.part.rels.values()):
        comment_styles(builder)


__all__ = ["CommentWriter", "side_text", "write_comments", "written_offset"]
