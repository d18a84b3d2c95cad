"""The edits of a negotiation: brackets put and taken away, who holds them, a paragraph's status, its
alternatives, and the setting "number as in <version>". Each is one undoable edit of `drafter.edits`.

Brackets are inline marks (`drafter.negotiation_marks`), so bracketing words, removing a bracket
and naming its holder are each a `SetContent` of one paragraph; the status and the alternative group
are fields of a paragraph (`SetParagraph`); the numbering is a field of the draft (`SetField`).
Builders return None where the action does not apply (an empty selection, no bracket at the cursor,
the status already set).
"""

from __future__ import annotations

from dataclasses import replace

from drafter import negotiation_marks as marks
from drafter import typed_brackets as typed
from drafter import versions
from drafter.edits.primitives import (
    Compound,
    Document,
    Edit,
    EditError,
    InsertBlock,
    Scope,
    SetContent,
    SetField,
    Side,
    Where,
    container,
    find,
    length,
    locate,
)
from drafter.errors import DrafterError
from drafter.labels import groups
from drafter.model import NumberAs, Paragraph, Resolution, Text, new_id

_FIELDS = ("status", "alternative")


class SetParagraph(Edit):
    """Set a paragraph's `status` or `alternative` group."""

    def __init__(self, para_id: str, name: str, after: str, side: Side = "draft", label: str = "Status") -> None:
        if name not in _FIELDS:
            raise EditError(f"no paragraph field {name!r}")
        self.para_id, self.name, self.after, self.side, self.label = para_id, name, after, side, label
        self.before = ""

    def _para(self, doc: Document) -> Paragraph:
        para = find(doc.side(self.side), self.para_id)
        if not isinstance(para, Paragraph):
            raise EditError(f"no paragraph {self.para_id!r}")
        return para

    def apply(self, doc: Document) -> None:
        para = self._para(doc)
        self.before = getattr(para, self.name)
        setattr(para, self.name, self.after)

    def revert(self, doc: Document) -> None:
        setattr(self._para(doc), self.name, self.before)

    def scope(self) -> Scope:
        return Scope(self.side, structure=True)  # labels (alternatives) and the outline's marks follow


# --- brackets --------------------------------------------------------------------------------------
def bracket(doc: Document, unit_id: str, start: int, end: int, holder: str, side: Side = "draft") -> Edit | None:
    """Square brackets around [start, end) of a paragraph, heading or footnote, held by `holder`; the white
    space at either end of the selection stays outside (Ctrl+Shift+Right selects a word and its space)."""
    unit = find(doc.side(side), unit_id)
    start, end = sorted((start, end))
    if unit is None or start < 0 or end > length(unit.content):
        return None
    flat = "".join(item.text if isinstance(item, Text) else "\ufffc" for item in unit.content)
    while start < end and flat[start].isspace():
        start += 1
    while end > start and flat[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return SetContent(unit_id, unit.content, marks.bracket(unit.content, start, end, holder), side, "Bracket")


def bracket_whole(doc: Document, unit_id: str, holder: str, side: Side = "draft") -> Edit | None:
    """The whole of a paragraph's text in square brackets."""
    unit = find(doc.side(side), unit_id)
    return None if unit is None else bracket(doc, unit_id, 0, length(unit.content), holder, side)


def unbracket(doc: Document, unit_id: str, start: int, end: int | None = None, side: Side = "draft") -> Edit | None:
    """Take away the narrowest bracket around a position or selection (its words stay)."""
    unit = find(doc.side(side), unit_id)
    span = marks.innermost(unit.content, start, end) if unit is not None else None
    if unit is None or span is None:
        return None
    return SetContent(unit_id, unit.content, marks.without_pair(unit.content, span.pair), side, "Remove brackets")


def hold(doc: Document, unit_id: str, start: int, holder: str, end: int | None = None,
         side: Side = "draft") -> Edit | None:
    """Name another holder of the narrowest bracket around a position or selection."""
    unit = find(doc.side(side), unit_id)
    span = marks.innermost(unit.content, start, end) if unit is not None else None
    if unit is None or span is None or span.holder == holder:
        return None
    return SetContent(unit_id, unit.content, marks.with_holder(unit.content, span.pair, holder), side,
                      "Holder of brackets")


def recognise_typed(doc: Document, side: Side = "draft") -> tuple[Compound | None, typed.Recognition]:
    """Every typed "[ … ]" of a side made a bracket mark (`drafter.typed_brackets`), as one edit (None when
    there is none), and what was found."""
    found = typed.recognise(doc.side(side))
    steps = [SetContent(key, before, after, side, typed.LABEL) for key, (before, after) in found.contents.items()]
    return (Compound(steps, typed.LABEL, side) if steps else None), found


# --- status ------------------------------------------------------------------------------------------
def set_status(doc: Document, para_id: str, status: str, side: Side = "draft") -> Edit | None:
    """A paragraph open, agreed ad ref or agreed."""
    para = find(doc.side(side), para_id)
    if status not in marks.STATUSES:
        raise EditError(f"no status {status!r}")
    if not isinstance(para, Paragraph) or para.status == status:
        return None
    return SetParagraph(para_id, "status", status, side, f"Status: {marks.status_name(status)}")


def next_status(status: str) -> str:
    """open → agreed ad ref → agreed → open."""
    return marks.STATUSES[(marks.STATUSES.index(status) + 1) % len(marks.STATUSES)] if status in marks.STATUSES \
        else marks.OPEN


# --- alternatives ------------------------------------------------------------------------------------
def _fresh_copy(para: Paragraph, key: str) -> Paragraph:
    """A copy of a paragraph and its sub-paragraphs under new ids, an alternative in group `key`, open."""
    children = [_fresh_copy(child, "") for child in para.children]
    return replace(para, content=marks.renewed(para.content), children=children, id=new_id(), alternative=key,
                   status=marks.OPEN)


def add_alternative(doc: Document, para_id: str, side: Side = "draft") -> Compound | None:
    """Another wording of a paragraph: a copy of it after the last of its alternatives, in one group."""
    res = doc.side(side)
    para = find(res, para_id)
    if not isinstance(para, Paragraph):
        return None
    where = locate(res, para_id)
    siblings = [block for block in container(res, where.part, where.parent) if isinstance(block, Paragraph)]
    group = next((g for g in groups(siblings) if para in g), [para])
    key = para.alternative or para.id
    steps: list[Edit] = [] if para.alternative else [SetParagraph(para_id, "alternative", key, side,
                                                                  "New alternative")]
    last = locate(res, group[-1].id)
    steps.append(InsertBlock(_fresh_copy(para, key), Where(last.part, last.parent, last.index + 1), side,
                             "New alternative"))
    return Compound(steps, "New alternative", side)


def leave_alternatives(doc: Document, para_id: str, side: Side = "draft") -> Edit | None:
    """The paragraph no longer an alternative of the ones around it."""
    para = find(doc.side(side), para_id)
    if not isinstance(para, Paragraph) or not para.alternative:
        return None
    return SetParagraph(para_id, "alternative", "", side, "Not an alternative")


# --- numbering -----------------------------------------------------------------------------------------
def numbering(name: str, text: Resolution) -> NumberAs:
    """The setting "number as in `name`", whose text is `text`: the label `text` gives each paragraph."""
    return NumberAs(name, {para.id: label for label, para in text.labelled()})


def number_as(doc: Document, name: str | None) -> Edit | None:
    """Number the draft as in the base ("base") or a named version: the paragraphs of that text keep their
    labels, new ones are "bis", "ter"; None numbers by position again. Raises DrafterError (naming the
    versions there are) for a name the draft does not hold."""
    current = doc.draft.number_as
    if name is None:
        return None if current is None else SetField(("number_as",), None, label="Number by position")
    if " ".join(name.split()).casefold() == versions.CURRENT:
        raise DrafterError("the draft cannot be numbered as in itself: name the base or a version")
    text = versions.pick(doc.versions, name, doc.base, doc.draft)
    shown = versions.BASE if " ".join(name.split()).casefold() == versions.BASE else versions.find(doc.versions,
                                                                                                   name).name
    setting = numbering(shown, text)
    if current is not None and current == setting:
        return None
    return SetField(("number_as",), setting, label=f"Number as in {shown}")


def numbered_as(doc: Document) -> str | None:
    """The name of the text the draft is numbered as in, or None (by position)."""
    return doc.draft.number_as.name if doc.draft.number_as is not None else None


__all__ = ["SetParagraph", "add_alternative", "bracket", "bracket_whole", "hold", "leave_alternatives", "next_status",
           "number_as", "numbered_as", "numbering", "recognise_typed", "set_status", "unbracket"]
