"""How the review views mark a change: the character formats of equal, inserted and deleted text, the
margin's words for a record (its label, its kind's mark, a note such as "moved from OP7") and the
number a paragraph shows, and the ops of a record written into a text document."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QTextBlock, QTextCharFormat, QTextCursor, QTextFormat

from drafter.compare import kinds
from drafter.compare.changes import Change, Op
from drafter.leadwords import lead_phrase
from drafter.tracking.live import Key
from ui.editor.layout import serif

INSERT_COLOUR = QColor("#0b4f9c")
DELETE_COLOUR = QColor("#b3261e")
MARGIN_COLOUR = QColor("#555555")
MARKS = {kinds.INSERTED: "+", kinds.DELETED: "−", kinds.MODIFIED: "|", kinds.MOVED: "⇅", kinds.SPLIT: "⟨",
         kinds.MERGED: "⟩", kinds.TECHNICAL: "·", kinds.RENUMBERED: "#"}
_FORMATS: dict[tuple[str, bool, bool], QTextCharFormat] = {}
_NO_LINE = QTextCharFormat.UnderlineStyle.NoUnderline
MARGIN_TEXT = QTextFormat.Property.UserProperty + 40  # set on text written in the margin's format


def char_format(kind: str, technical: bool = False, italic: bool = False) -> QTextCharFormat:
    """Equal, inserted (bold, underlined) or deleted (struck through) text; technical updates lighter."""
    found = _FORMATS.get((kind, technical, italic))
    if found is None:
        found = QTextCharFormat()
        found.setFont(serif(12.0))
        found.setFontItalic(italic)
        if kind == "insert":
            found.setFontUnderline(True)
            if technical:
                found.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            else:
                found.setFontWeight(QFont.Weight.Bold)
            found.setForeground(INSERT_COLOUR)
        elif kind == "delete":
            found.setFontStrikeOut(True)
            found.setForeground(DELETE_COLOUR.lighter(130) if technical else DELETE_COLOUR)
        _FORMATS[(kind, technical, italic)] = found
    return found


def kind_of_format(fmt: QTextCharFormat) -> str | None:
    """What a character format marks: "equal", "insert" or "delete"; None for text of the margin."""
    if fmt.boolProperty(MARGIN_TEXT):
        return None
    return "delete" if fmt.fontStrikeOut() else "insert" if fmt.underlineStyle() != _NO_LINE else "equal"


def marked_runs(block: QTextBlock) -> list[tuple[str, str]]:
    """The runs a redline block shows, read from its character formats: ("equal", "insert" or "delete",
    text), adjacent runs of a kind joined; text in the margin's format is left out."""
    runs: list[tuple[str, str]] = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        kind = kind_of_format(fragment.charFormat())
        text = fragment.text().replace("\u2028", "\n")
        if kind is not None:
            if runs and runs[-1][0] == kind:
                runs[-1] = (kind, runs[-1][1] + text)
            else:
                runs.append((kind, text))
        fragments += 1
    return runs


def margin_font() -> QFont:
    font = QFont("Sans Serif")
    font.setPointSizeF(8)
    return font


def margin_format() -> QTextCharFormat:
    found = _FORMATS.get(("margin", False, False))
    if found is None:
        found = QTextCharFormat()
        found.setFont(margin_font())
        found.setForeground(MARGIN_COLOUR)
        found.setProperty(MARGIN_TEXT, True)
        _FORMATS[("margin", False, False)] = found
    return found


def depth_of(label: str | None) -> int:
    return (label or "").count("(")


def number_of(change: Change) -> str:
    """The number or letter the paragraph of a record shows before its text, as on paper: "3." for an
    operative paragraph, "(a)" for a sub-paragraph, nothing for a preambular paragraph."""
    label = change.new_label or change.old_label or ""
    if change.front_field or " + " in label:
        return ""
    if label.endswith(")"):
        return label[label.rfind("("):]
    if label.startswith("OP") and label[2:].isdigit():
        return f"{label[2:]}."
    return ""


def lead_of(change: Change) -> int:
    """How many characters of the record's new text are its lead word or phrase, set in italics."""
    label = change.new_label or change.old_label or ""
    if change.front_field or label[:2] not in ("PP", "OP") or "(" in label:
        return 0
    return _lead("".join(op.text for op in change.ops[:4] if op.op != "delete")[:120])


@lru_cache(maxsize=4096)
def _lead(start: str) -> int:
    """`lead_phrase` of a paragraph's first words, remembered: a renumbering relabels hundreds of records
    whose text did not change."""
    return lead_phrase(start)


_SHORT = {"agenda_items": "agenda", "distribution": "distr.", "doc_type": "type"}


def label_of(change: Change) -> str:
    if change.front_field:
        return _SHORT.get(change.front_field, change.front_field.replace("_", " "))
    return change.new_label or change.old_label or ""


def write_ops(cursor: QTextCursor, ops: list[Op], side: str = "both", hidden: bool = False, lead: int = 0) -> None:
    """The ops of a record: `side` "old" leaves insertions out, "new" deletions; hidden ones read as plain
    text; the first `lead` characters of the new text (and what is deleted among them) in italics."""
    at = 0  # characters of the new text written so far
    for op in ops:
        text = op.text.replace("\n", "\u2028")  # a line break, never a new block
        technical = op.technical or op.renumbering
        if op.op == "insert" and side not in ("both", "new"):
            continue
        if op.op == "delete" and (side not in ("both", "old") or (hidden and side == "both")):
            continue
        kind = "equal" if op.op == "equal" or hidden else op.op
        if at < lead and op.op != "delete" and len(text) > lead - at:
            cursor.insertText(text[:lead - at], char_format(kind, technical, True))
            cursor.insertText(text[lead - at:], char_format(kind, technical))
        else:
            cursor.insertText(text, char_format(kind, technical, at < lead))
        if op.op != "delete":
            at += len(text)


def note_of(change: Change) -> str:
    if change.kind == kinds.MOVED:
        return f"  (moved from {change.old_label})"
    if change.kind in (kinds.SPLIT, kinds.MERGED):
        return f"  ({change.kind} from {change.old_label})"
    if change.relabelled and change.old_label and change.new_label:
        return f"  (was {change.old_label})"
    return ""


class Look(NamedTuple):
    """What the block or row of a record shows: equal looks are drawn alike (a named tuple: hundreds
    are made at each renumbering)."""

    key: Key
    margin: tuple[str, ...]  # painted (redline: mark, label, number) or the first cell (side by side)
    shape: tuple[int, ...]  # the redline's block format: depth, gutter and whether a number stands first
    text: tuple[object, ...]


