"""A formal amendment as data, before it is worded in a language.

Each `Statement` names the paragraph it concerns as the earlier text numbers it (`place`, `label`), what
it does (`action`, one of `ACTIONS`) and the words it quotes. Quoted new text marks each footnote
reference with `NOTE_MARK`; the statement's `notes` hold those footnotes in order, and the list numbers
them as its own footnotes when it is worded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.amendments.places import Level, Place

REPLACE = "replace"
DELETE = "delete"
INSERT = "insert"
INSERT_PARAGRAPH = "insert_paragraph"
DELETE_PARAGRAPH = "delete_paragraph"
MOVE_PARAGRAPH = "move_paragraph"
REPLACE_PARAGRAPH = "replace_paragraph"
ACTIONS = (REPLACE, DELETE, INSERT, INSERT_PARAGRAPH, DELETE_PARAGRAPH, MOVE_PARAGRAPH, REPLACE_PARAGRAPH)

# where an insertion or a move puts a paragraph, next to `target`
AFTER = "after"
BEFORE = "before"
INTO = "into"  # as the only sub-paragraph of `target`, or into an empty part (no target)
END = "end"  # after the last of `target`'s sub-paragraphs, or at the end of a part (no target)

NOTE_MARK = "\x00"  # a footnote reference in quoted new text


@dataclass
class Note:
    """A footnote that quoted new text refers to: its text, and its number in the earlier text (0 when new)."""

    text: str
    footnote: int = 0
    marker: str = ""  # the amendment's own number for it, given when the list is worded


@dataclass(frozen=True)
class Line:
    """One paragraph of quoted text: the inserted or replacing paragraph itself (`level` None) or one
    of its sub-paragraphs, whose printed label follows from `level`; `indent` counts the levels below
    the quoted paragraph."""

    text: str
    level: Level | None = None
    indent: int = 0


@dataclass
class Statement:
    action: str
    place: Place | None = None  # the paragraph of the earlier text the statement is about
    label: str = ""  # its label in the earlier text: "PP3", "OP5(b)", "footnote 2", "title", "heading 1"
    old_words: str = ""  # quoted words of the earlier text
    new_words: str = ""  # quoted words of the later text (NOTE_MARK for footnote references)
    anchor: str = ""  # the words of the earlier text after (or before) which words or a footnote go
    position: str = ""  # AFTER, BEFORE, INTO or END: where an insertion or a move goes
    target: Place | None = None  # the paragraph `position` refers to
    target_label: str = ""
    kind: str = ""  # what an insertion adds: the part of the new paragraph, "sub", or "heading"
    lines: tuple[Line, ...] = ()  # the text of an inserted or replacing paragraph, sub-paragraphs included
    merged: tuple[tuple[Place, str], ...] = ()  # replace_paragraph: the further paragraphs replaced with `place`
    chapeau: bool = False  # replace_paragraph of the words before a paragraph's sub-paragraphs only
    footnote: int = 0  # a footnote reference inserted or deleted: the footnote's number in the earlier text
    reference: bool = False  # the statement inserts or deletes a footnote reference, not words
    associated: int = 0  # deleted words carry this many footnotes, which go with them
    technical: bool = False  # a mechanical update (session, symbol, date)
    notes: list[Note] = field(default_factory=list)
    order: float = 0.0  # its position in the reading order of the texts

    def to_dict(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {"paragraph": self.label, "action": self.action, "text": text}
        if self.old_words:
            out["old_words"] = self.old_words
        if self.new_words:
            out["new_words"] = self.new_words.replace(NOTE_MARK, "")
        if self.anchor:
            out["anchor"] = self.anchor
        if self.position:
            out["position"] = self.position
        if self.target_label:
            out["target"] = self.target_label
        if self.lines:
            out["lines"] = [line.text.replace(NOTE_MARK, "") for line in self.lines]
        if self.merged:
            out["merged"] = [label for _place, label in self.merged]
        if self.chapeau:
            out["chapeau"] = True
        if self.reference:
            out["footnote_reference"] = self.footnote or None
        if self.associated:
            out["associated_footnotes"] = self.associated
        if self.technical:
            out["technical"] = True
        if self.notes:
            out["footnotes"] = [{"marker": note.marker, "text": note.text, "footnote": note.footnote or None}
                                for note in self.notes]
        return out
