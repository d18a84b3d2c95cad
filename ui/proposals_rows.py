"""What the Proposals panel shows: each paragraph of the draft with the proposals on it, in redline.

`Rows(doc).build(author, open_only)` gives the paragraphs of the draft in reading order (then its
footnotes) that some shown proposal names, each with its slots: a slot is one proposal, or the proposals
of one conflict side by side. A proposal reads as the compilation text shows it: the words of the text it
was made on (SENT) struck through, the proposed words underlined, with some words of context either side;
a new paragraph underlined whole, a deleted one struck whole. Each says who proposed it, from which file,
its state (open, taken, dropped), the proposals it conflicts with, and why it cannot be taken as it stands
where the draft has changed at its place since SENT.

The texts proposals were made on are read once per version (a version never changes); the base is the
document's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from drafter.compare.labels import labels_of
from drafter.compare.words import superscript
from drafter.edits import Document
from drafter.edits.proposals import Received
from drafter.errors import DrafterError
from drafter.model import Content, NoteRef, Paragraph, Resolution, Text
from drafter.negotiate.conflicts import Conflict, conflicts
from drafter.negotiate.proposals import (
    COMMENT,
    DELETE_PARAGRAPH,
    DROPPED,
    MOVE,
    NEW_PARAGRAPH,
    OPEN,
    TAKEN,
    Proposal,
)
from drafter.negotiate.received import UnreadableProposal, anchor_of, proposal_of, sent_text, unit_by_label
from drafter.negotiate.spans import slice_content, text_of
from drafter.negotiate.taking import blocker
from drafter.parts import parts_of
from drafter.versions import BASE
from ui.review.marks import DELETE_COLOUR, INSERT_COLOUR

CONTEXT = 70  # characters of unchanged text shown on each side of the words a proposal changes
LONG = 320  # a paragraph longer than this is cut when shown whole
GONE = ""  # the key of the group of proposals whose paragraph the draft no longer has


@dataclass
class Cell:
    """One proposal as the panel shows it."""

    received: Received
    html: str
    plain: str  # what a screen reader reads, and what copying gives
    stale: str = ""  # why it cannot be taken as it stands ("" when it can)
    conflict: str = ""  # the proposals it conflicts with, and why


@dataclass
class Group:
    """A paragraph (or footnote) of the draft and the proposals on it."""

    key: str  # the draft's id, GONE for proposals whose paragraph the draft no longer has
    label: str  # "OP6", or "OP6 (OP5 in Zero draft)" where SENT numbered it otherwise
    text: str  # the draft's text of it, shortened
    slots: list[list[Cell]] = field(default_factory=list)


def shorten(text: str, limit: int = LONG) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _shown(content: Content, res: Resolution) -> str:
    """Content as text, footnote references as their markers in superscript ("*" for a note SENT lacks)."""
    return "".join(item.text if isinstance(item, Text) else
                   superscript(res.marker(item.note)) if isinstance(item, NoteRef) and res.footnote(item.note)
                   else "*" for item in content)


def _struck(text: str) -> str:
    return f'<s style="color:{DELETE_COLOUR.name()}">{escape(text)}</s>' if text else ""


def _underlined(text: str) -> str:
    return f'<u style="color:{INSERT_COLOUR.name()}"><b>{escape(text)}</b></u>' if text else ""


class Sent:
    """The texts proposals were made on, each read once, with their labels by id. A version never changes;
    the base does (a change accepted into it), so it is read again for each new `Rows` (`fresh`)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._texts: dict[str, tuple[Resolution, dict[str, str], dict[str, str]]] = {}

    def fresh(self) -> Sent:
        self._texts.pop(BASE, None)
        return self

    def text(self, name: str) -> Resolution | None:
        got = self._get(name)
        return got[0] if got else None

    def labels(self, name: str) -> dict[str, str]:
        """Id -> label."""
        got = self._get(name)
        return got[1] if got else {}

    def ids(self, name: str) -> dict[str, str]:
        """Label -> id."""
        got = self._get(name)
        return got[2] if got else {}

    def _get(self, name: str) -> tuple[Resolution, dict[str, str], dict[str, str]] | None:
        if name not in self._texts:
            try:
                text = self.doc.base if name == BASE else sent_text(self.doc, name)
            except DrafterError:
                return None
            labels = labels_of(text)
            self._texts[name] = (text, labels, {label: key for key, label in labels.items()})
        return self._texts[name]


class Rows:
    """The panel's groups for one state of the document."""

    def __init__(self, doc: Document, sent: Sent) -> None:
        self.doc, self.sent = doc, sent.fresh()
        self.draft_labels = labels_of(doc.draft)
        self.order = [block.id for block in doc.draft.blocks()] + [note.id for note in doc.draft.footnotes]
        self.conflicts: dict[str, tuple[Conflict, str]] = {}  # proposal id -> its conflict, and its text's name
        self.parsed: dict[str, Proposal] = {}
        self.unreadable: dict[str, str] = {}  # proposal id -> why it cannot be read
        for item in doc.proposals:
            try:
                self.parsed[item.id] = proposal_of(item)
            except UnreadableProposal as error:
                self.unreadable[item.id] = str(error)
        by_text: dict[str, list[Received]] = {}
        for item in doc.proposals:
            if item.state != DROPPED and item.id in self.parsed:
                by_text.setdefault(item.sent, []).append(item)
        for name, items in by_text.items():
            for conflict in conflicts([self.parsed[item.id] for item in items]):
                for key in conflict.ids:
                    self.conflicts[key] = (conflict, name)
        self.by_id = {item.id: item for item in doc.proposals}
        self.units = {block.id: block.text for block in doc.draft.blocks()}
        self.units.update((note.id, note.text) for note in doc.draft.footnotes)

    def build(self, author: str | None = None, open_only: bool = False) -> list[Group]:
        groups: dict[str, Group] = {}
        placed: set[str] = set()
        for item in self.doc.proposals:
            if (author is not None and item.author != author) or (open_only and item.state != OPEN):
                continue
            if item.id in placed:
                continue
            if item.id in self.unreadable:
                group = groups.get(GONE) or groups.setdefault(GONE, self.group(GONE, item))
                group.slots.append([Cell(item, escape(self.unreadable[item.id]), self.unreadable[item.id],
                                         self.unreadable[item.id])])
                continue
            key = self.key_of(item)
            group = groups.get(key) or groups.setdefault(key, self.group(key, item))
            slot = [item]
            conflict = self.conflicts.get(item.id)
            if conflict is not None:  # its rivals that are shown too stand beside it
                rivals = [self.by_id[other] for other in conflict[0].ids if other != item.id]
                slot += [other for other in rivals if other.id not in placed and self.key_of(other) == key
                         and (author is None or other.author == author) and (not open_only or other.state == OPEN)]
            placed.update(other.id for other in slot)
            group.slots.append([self.cell(other) for other in slot])
        rank = {key: index for index, key in enumerate(self.order)}
        return sorted(groups.values(), key=lambda g: rank.get(g.key, len(rank)))

    def key_of(self, item: Received) -> str:
        """The draft's id of the paragraph a proposal is shown under."""
        ids = self.sent.ids(item.sent)
        proposal = self.parsed[item.id]
        anchor = anchor_of(proposal)
        if anchor is None:  # a new paragraph first in its part: under the part's first paragraph
            blocks = parts_of(self.doc.draft).get(proposal.part) or []
            return blocks[0].id if blocks else GONE
        key = ids.get(anchor, GONE)
        return key if key in self.draft_labels else GONE

    def group(self, key: str, item: Received) -> Group:
        if key == GONE:
            return Group(GONE, "Not in the draft", "the paragraphs these proposals name are no longer in the draft")
        label = self.draft_labels.get(key, "")
        sent_label = self.sent.labels(item.sent).get(key, "")
        if sent_label and sent_label != label:
            label = f"{label} ({sent_label} in {self.name(item.sent)})"
        return Group(key, label, shorten(self.units.get(key, ""), 160))

    @staticmethod
    def name(sent: str) -> str:
        return "the base" if sent == BASE else sent

    # --- one proposal -------------------------------------------------------------------------------
    def cell(self, item: Received) -> Cell:
        proposal = self.parsed[item.id]
        sent = self.sent.text(item.sent)
        stale = ""
        if sent is None:
            stale = f"made on {item.sent}, which the draft no longer holds"
        elif item.state != TAKEN:
            found = blocker(self.doc, item, sent, self.sent.labels(item.sent))
            stale = found.reason if found is not None else ""
        body = self.redline(item, sent) if sent is not None else escape(" ".join(op.text for op in proposal.ops))
        conflict = self.conflict_of(item)
        state = {OPEN: "", TAKEN: "✓ taken", DROPPED: "✗ dropped"}[item.state]
        head = f"<b>{escape(item.author)}</b> · {escape(item.id)}" + \
            (f" · {escape(proposal.source)}" if proposal.source else "") + \
            (f' · <span style="color:#1b6e20"><b>{state}</b></span>' if item.state == TAKEN else
             f' · <span style="color:#6b6b6b"><b>{state}</b></span>' if state else "")
        notes = []
        if conflict:
            notes.append(f'<span style="color:#8a4b00">⚡ {escape(conflict)}</span>')
        if stale and item.state == OPEN:
            notes.append(f'<span style="color:#b3261e">⚠ {escape(stale)}: edit by hand</span>')
        if proposal.comment and proposal.kind != COMMENT:
            notes.append(f"<i>Comment: {escape(proposal.comment)}</i>")
        faded = item.state == DROPPED
        html = ('<div style="color:#777777">' if faded else "<div>") + head + "<br>" + body + \
            "".join(f"<br>{note}" for note in notes) + "</div>"
        plain = " — ".join(filter(None, [f"{item.author}, {item.id}", state, self.plain(item), conflict,
                                         f"{stale}: edit by hand" if stale and item.state == OPEN else ""]))
        return Cell(item, html, plain, stale, conflict)

    def conflict_of(self, item: Received) -> str:
        found = self.conflicts.get(item.id)
        if found is None:
            return ""
        others = [self.by_id[key] for key in found[0].ids if key != item.id]
        who = ", ".join(f"{other.id} ({other.author})" for other in others)
        return f"in conflict with {who}: {', '.join(found[0].reasons)}"

    def redline(self, item: Received, sent: Resolution) -> str:
        proposal = self.parsed[item.id]
        kind = proposal.kind
        unit = unit_by_label(sent, proposal.paragraph, self.sent.labels(item.sent))
        if proposal.words and unit is not None:
            content = unit.content
            before = _shown(slice_content(content, 0, proposal.start), sent)
            gone = _shown(slice_content(content, proposal.start, proposal.end), sent)
            after = _shown(slice_content(content, proposal.end, len(text_of(content))), sent)
            if len(before) > CONTEXT:
                before = "… " + before[-CONTEXT:].split(" ", 1)[-1]
            if len(after) > CONTEXT:
                after = after[:CONTEXT].rsplit(" ", 1)[0] + " …"
            new = _shown(proposal.content, sent)
            space = " " if gone and new else ""
            return escape(before) + _struck(gone) + space + _underlined(new) + escape(after)
        if kind == NEW_PARAGRAPH and proposal.block is not None:
            return f"{escape(self.where(item))}: " + _underlined(shorten(_whole(proposal.block)))
        if kind == DELETE_PARAGRAPH:
            return "Delete the paragraph: " + _struck(shorten(_whole(unit) if unit is not None else ""))
        if kind == MOVE:
            return escape(f"Move {proposal.paragraph} {self.where(item, moving=True)}")
        if kind == COMMENT:
            words = " ".join(op.text for op in proposal.ops).strip()
            return f"Comment on “{escape(words)}”: <i>{escape(proposal.comment)}</i>"
        return escape(" ".join(op.text for op in proposal.ops))

    def where(self, item: Received, moving: bool = False) -> str:
        proposal = self.parsed[item.id]
        lead = "" if moving else "New paragraph "
        if proposal.after:
            return f"{lead}after {proposal.after}"
        if proposal.parent:
            return f"{lead}first under {proposal.parent}"
        return f"{lead}at the start of the {proposal.part or 'text'}"

    def plain(self, item: Received) -> str:
        proposal = self.parsed[item.id]
        deleted = " ".join(op.text for op in proposal.ops if op.op == "delete").strip()
        inserted = " ".join(op.text for op in proposal.ops if op.op == "insert").strip()
        if proposal.words:
            return f"{proposal.paragraph}: " + " ".join(filter(None, [deleted and f"delete “{deleted}”",
                                                                       inserted and f"insert “{inserted}”"]))
        if proposal.kind == NEW_PARAGRAPH:
            return f"{self.where(item)}: “{inserted}”"
        if proposal.kind == DELETE_PARAGRAPH:
            return f"delete {proposal.paragraph}"
        if proposal.kind == MOVE:
            return f"move {proposal.paragraph} {self.where(item, moving=True)}"
        return f"comment on {proposal.paragraph}: {proposal.comment}"


def _whole(block: object) -> str:
    """A paragraph's text with its sub-paragraphs."""
    if not isinstance(block, Paragraph):
        return str(getattr(block, "text", ""))
    return " ".join([block.text, *(_whole(child) for child in block.children)])


def authors(items: Sequence[Received]) -> list[str]:
    return list(dict.fromkeys(item.author for item in items))


__all__ = ["GONE", "Cell", "Group", "Rows", "Sent", "authors", "shorten"]
