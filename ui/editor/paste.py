"""Pasted text split into paragraphs and recognised (no Qt): labels, sub-paragraph levels, wrapped lines.

Text copied from Word has one paragraph per line; text copied from a PDF wraps lines
inside paragraphs. A line starts a new paragraph when it opens with a label ("3.",
"(a)", "(ii)") or with a lead word after a line that ended a paragraph (, ; . :); other
lines continue the paragraph before them. Labels are dropped: the editor numbers
paragraphs by position.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.edits import Compound, Document, InsertBlock, SetContent, Where, find, locate, split_content
from drafter.edits.actions import Builder
from drafter.edits.primitives import RenumberNotes, with_lead_italic
from drafter.leadwords import starts_like_paragraph
from drafter.model import Inline, Paragraph, Text

_NUMBER = re.compile(r"^\s*(\d{1,3})\.\s+")
_ROMAN = re.compile(r"^\s*\((x{0,3}(?:ix|iv|v?i{0,3}))\)\s+")
_ALPHA = re.compile(r"^\s*\(([a-z]{1,2})\)\s+")


@dataclass
class Piece:
    text: str
    level: int = 0  # 0: a paragraph; 1: (a); 2: (i)


def _label(line: str) -> tuple[int, str] | None:
    for pattern, level in ((_NUMBER, 0), (_ROMAN, 2), (_ALPHA, 1)):
        match = pattern.match(line)
        if match and match.group(1):
            return level, line[match.end():]
    return None


def split_pasted(text: str) -> list[Piece]:
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    pieces: list[Piece] = []
    ended = True  # the previous line closed a paragraph
    for line in lines:
        if not line:
            ended = True
            continue
        found = _label(line)
        if found is not None:
            level, rest = found
            if level == 2 and (not pieces or pieces[-1].level == 0):
                level = 1  # "(i)" right under a paragraph is the letter "i" of a list
            pieces.append(Piece(rest, level))
        elif not pieces or (ended and starts_like_paragraph(line)):
            pieces.append(Piece(line, 0))
        else:
            pieces[-1].text = f"{pieces[-1].text} {line}".strip()
        ended = line.endswith((",", ";", ".", ":"))
    return pieces


def paste_edit(doc: Document, key: str, offset: int, pieces: list[Piece]) -> Compound | None:
    """Insert pasted paragraphs at (key, offset): the first joins the text before the cursor, the
    rest become paragraphs (sub-paragraphs by level), and the text after the cursor ends the last."""
    if not pieces:
        return None
    with Builder(doc) as b:  # the steps are taken back when the block ends; undo applies them
        unit = find(b.res, key)
        if not isinstance(unit, Paragraph):
            return None
        left, right = split_content(unit.content, offset)
        first, rest = pieces[0], pieces[1:]
        tail: Sequence[Inline] = right if not rest else ()
        b.add(SetContent(key, unit.content, with_lead_italic([*left, Text(first.text), *tail])))
        where = locate(b.res, key)
        last_at_level: dict[int, str] = {0: key}
        base_level = 0
        for number, piece in enumerate(rest):
            content: list[Inline] = [Text(piece.text)]
            if number == len(rest) - 1:
                content += right
            para = Paragraph(with_lead_italic(content))
            level = max(base_level, min(piece.level, max(last_at_level) + 1))
            if level == base_level:
                anchor = last_at_level[base_level]
                at = locate(b.res, anchor)
                b.add(InsertBlock(para, Where(at.part, at.parent, at.index + 1)))
            else:
                parent = last_at_level[level - 1]
                owner = find(b.res, parent)
                count = len(owner.children) if isinstance(owner, Paragraph) else 0
                b.add(InsertBlock(para, Where(where.part, parent, count)))
            last_at_level = {lvl: pid for lvl, pid in last_at_level.items() if lvl < level}
            last_at_level[level] = para.id
        b.add(RenumberNotes())
        return b.done("Paste paragraphs")
