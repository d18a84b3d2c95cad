"""The `revisions` form of a compilation: SENT in UN layout, each proposal a Word revision by its delegation.

Every revision carries its delegation as `w:author`, so that a facilitator can accept or reject one
delegation's proposals at a time in Word (Review › Accept › All changes by …). Word proposals are `w:del`
and `w:ins` in their paragraph; a deleted paragraph is deleted with its paragraph mark; a new one is
inserted where it was proposed; a move is `w:moveFrom` where the paragraph was and `w:moveTo` where it goes.

Conflicting proposals are tracked wherever Word can hold them side by side (`conflicts.tracked`): insertions
at one point, new paragraphs at one place, an insertion inside words another delegation replaces (the
deleted words are split around it), words inserted into or a paragraph put under a paragraph another
delegation deletes (an insertion there is `w:ins` by its delegation around `w:del` by the deleting one).
So accepting one delegation's revisions and rejecting the rest gives its text, and rejecting all gives SENT.
Where two delegations remove the same words, only the first is tracked: a word carries one deletion, and
the second's deletion would be lost. A comment on the contested words lists every alternative, "OP5 alt 1",
"OP5 alt 2", with its delegation and whether it is tracked. A proposal on the words of a paragraph another
delegation moves is not tracked either. The delegations' own comments are Word comments by them on the
words they are about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from drafter.compare.labels import labels_of
from drafter.exporters import ooxml
from drafter.exporters.docx_build import Builder, front_lines, inline_runs, note_ids_of
from drafter.exporters.docx_clean import Slot, annex_lines, closing_lines, formula_line, parts
from drafter.model import Block, Content, Inline, Paragraph
from drafter.negotiate.compilation import Compilation
from drafter.negotiate.conflicts import Conflict
from drafter.negotiate.proposals import COMMENT, DELETE_PARAGRAPH, DROPPED, MOVE, NEW_PARAGRAPH, Proposal
from drafter.negotiate.spans import slice_content, text_of
from drafter.parts import annex_part, is_annex

Wrap = tuple[str, str] | None  # the revision a whole paragraph is in: (kind, author)


@dataclass
class Anchor:
    start: int
    end: int
    comment: int  # the w:id of the comment


class RevisionsWriter:
    def __init__(self, compilation: Compilation, author: str = "Drafter", date: str = "") -> None:
        self.c = compilation
        self.sent = compilation.sent
        self.b = Builder(self.sent)
        self.stamp = ooxml.Stamp(author, ooxml.Stamp.iso(date or None))
        self.labels = labels_of(self.sent)
        self.note_ids = note_ids_of(self.sent)
        self.notes_brought: dict[str, tuple[int, Content, str]] = {}
        self.warnings: list[str] = []
        shown = [p for p in compilation.proposals if p.state != DROPPED]
        contested = compilation.contested()
        on_moved = compilation.on_moved(contested)
        self.untracked = contested | set(on_moved)
        self.moved = {p.paragraph: p for p in shown if p.kind == MOVE and p.id not in self.untracked}
        for p in shown:
            if (mover := on_moved.get(p.id)) is not None:
                self.warnings.append(f"{p.id} ({p.author}) changes words of {p.paragraph}, which {mover.author} "
                                     f"moves ({mover.id}): it is listed in a comment, not tracked")
        self.tracked = [p for p in shown if p.id not in self.untracked and p.kind != COMMENT]
        self.deleted = {p.paragraph: p for p in self.tracked if p.kind == DELETE_PARAGRAPH}
        self.words: dict[str, list[Proposal]] = {}
        for p in self.tracked:
            if p.words and p.paragraph is not None:
                self.words.setdefault(p.paragraph, []).append(p)
        self.anchors: dict[str, list[Anchor]] = {}  # a SENT label or a new paragraph's proposal id -> comments
        self.move_names: dict[str, str] = {}
        self._comments(shown)

    # --- comments -----------------------------------------------------------------------------------
    def comment(self, key: str, start: int, end: int, text: str, author: str) -> None:
        initials = "".join(word[0] for word in author.split() if word[:1].isalpha())[:4]
        made = self.b.doc.comments.add_comment(text=text, author=author, initials=initials)
        self.anchors.setdefault(key, []).append(Anchor(start, end, made.comment_id))

    def _length(self, label: str | None) -> int:
        block = self.c.by_label.get(label or "")
        return len(text_of(block.content)) if block is not None else 0

    def _where(self, proposal: Proposal) -> tuple[str, int, int] | None:
        if proposal.kind == NEW_PARAGRAPH:
            return proposal.id, 0, len(text_of(proposal.block.content)) if proposal.block is not None else 0
        if proposal.paragraph is None:
            return None
        if proposal.words or proposal.kind == COMMENT:
            return proposal.paragraph, proposal.start, proposal.end
        return proposal.paragraph, 0, self._length(proposal.paragraph)

    def _comments(self, shown: list[Proposal]) -> None:
        by_id = {p.id: p for p in shown}
        for proposal in shown:
            where = self._where(proposal)
            if proposal.comment and where is not None and proposal.id not in self.untracked:
                self.comment(*where, text=proposal.comment, author=proposal.author)
        for conflict in self.c.conflicts:
            members = [by_id[pid] for pid in conflict.ids if pid in by_id]
            if members:
                self._conflict_comment(conflict, members)
        for proposal in shown:  # proposals on the words of a paragraph another delegation moves
            if proposal.id in self.untracked and self.c.conflict_of.get(proposal.id) is None and \
                    (where := self._where(proposal)) is not None:
                self.comment(*where, text=f"Not tracked — {proposal.author} ({proposal.id}): "
                                          f"{self.c.describe(proposal)}", author=self.stamp.author)

    def _conflict_comment(self, conflict: Conflict, members: list[Proposal]) -> None:
        """A comment of the compiler on a conflict: its alternatives, each with its delegation, and which of them
        are tracked."""
        label = f"{conflict.paragraphs[0]} " if conflict.paragraphs else ""
        left = [p for p in members if p.id in self.untracked]
        lines = [f"{label}alt {n} — {p.author} ({p.id}): {self.c.describe(p)}"
                 + (" (not tracked)" if p in left and len(left) < len(members) else "")
                 for n, p in enumerate(members, 1)]
        reasons = ", ".join(conflict.reasons)
        if not left:
            head = f"Competing proposals ({reasons}), each tracked by its delegation:"
        elif len(left) == len(members):
            head = f"Competing proposals ({reasons}), not tracked: take one of them by hand."
        else:
            head = (f"Competing proposals ({reasons}): the words of the text sent carry one deletion each, so only "
                    f"{', '.join(dict.fromkeys(p.author for p in members if p not in left))} "
                    "can be tracked; the alternatives not tracked are to be taken by hand.")
        where = self._where(members[0]) if conflict.side_by_side else self._union(
            members, conflict.paragraphs[0] if conflict.paragraphs else None)
        if where is not None:
            self.comment(*where, text="\n".join([head, *lines]), author=self.stamp.author)

    def _union(self, members: list[Proposal], label: str | None) -> tuple[str, int, int] | None:
        if all(p.words and p.paragraph == members[0].paragraph for p in members) and members[0].paragraph:
            return members[0].paragraph, min(p.start for p in members), max(p.end for p in members)
        return (label, 0, self._length(label)) if label is not None else None

    # --- runs -----------------------------------------------------------------------------------------
    def mark(self, kind: str, author: str, *children: etree._Element) -> etree._Element:
        node = self.stamp.mark(kind, *children)
        node.set(ooxml.w("author"), author)
        return node

    def note_id(self, note: str) -> int:
        if note in self.note_ids:
            return self.note_ids[note]
        return self.notes_brought[note][0] if note in self.notes_brought else 0

    def bring_notes(self, proposal: Proposal) -> None:
        for note, content in proposal.notes.items():
            if note not in self.notes_brought and note not in self.note_ids:
                number = len(self.note_ids) + len(self.notes_brought) + 1
                self.notes_brought[note] = (number, content, proposal.author)

    def content_runs(self, content: Sequence[Inline], wrap: Wrap) -> list[etree._Element]:
        kind = wrap[0] if wrap else ""
        runs = inline_runs(content, self.note_id, removed=kind == ooxml.DEL)
        if wrap is None or not runs:
            return runs
        return [self.mark(wrap[0], wrap[1], *runs)]

    def runs(self, key: str, content: Content, wrap: Wrap, side: str = "both") -> list[etree._Element]:
        """A paragraph's runs: its text in `wrap`, the word proposals on it as revisions (the deleted words
        only on the "old" side of a move, the inserted ones only on the "new"), its comments' ranges. In a
        deleted paragraph the only word proposals are other delegations' insertions (`conflicts.trackable`)."""
        edits = self.words.get(key, []) if wrap is None or wrap[0] != ooxml.INS else []
        if wrap is not None and wrap[0] in (ooxml.MOVE_FROM, ooxml.MOVE_TO):
            edits = [p for p in edits if p.author == wrap[1]]
        if wrap is not None and wrap[0] == ooxml.DEL:
            edits = [p for p in edits if p.start == p.end]
        for proposal in edits:
            self.bring_notes(proposal)
        removing = [p for p in edits if p.end > p.start]
        anchors = [] if wrap is not None and wrap[0] == ooxml.MOVE_FROM else self.anchors.get(key, [])
        length = len(text_of(content))
        stops = sorted({0, length, *(p.start for p in edits), *(p.end for p in edits),
                        *(a.start for a in anchors), *(a.end for a in anchors)})
        out: list[etree._Element] = []
        for index, at in enumerate(stops):
            if side != "old":  # a replacement's new words follow the words it deletes
                out += [self.mark(ooxml.INS, p.author, *inline_runs(p.content, self.note_id))
                        for p in removing if p.end == at and p.content]
            out += [node for a in anchors if a.end == at and a.start < at for node in self._range_end(a)]
            out += [ooxml.el("commentRangeStart", id=str(a.comment)) for a in anchors if a.start == at]
            if side != "old":
                out += [self.inserted(p, self._deleter(p, wrap, removing)) for p in edits
                        if p.start == p.end == at and p.content]
            out += [node for a in anchors if a.end == at == a.start for node in self._range_end(a)]
            following = stops[index + 1] if index + 1 < len(stops) else None
            if following is None:
                continue
            piece = slice_content(content, at, following)
            remover = next((p for p in removing if p.start <= at and following <= p.end), None)
            if remover is None:
                out += self.content_runs(piece, wrap)
            elif side != "new":
                out.append(self.mark(ooxml.DEL, remover.author, *inline_runs(piece, self.note_id, True)))
        return out

    @staticmethod
    def _deleter(proposal: Proposal, wrap: Wrap, removing: list[Proposal]) -> str | None:
        """The delegation that deletes the words around an insertion (its paragraph, or words that the
        insertion falls inside), if another one does."""
        if wrap is not None and wrap[0] == ooxml.DEL and wrap[1] != proposal.author:
            return wrap[1]
        return next((p.author for p in removing if p.start < proposal.start < p.end and p.author != proposal.author),
                    None)

    def inserted(self, proposal: Proposal, deleter: str | None) -> etree._Element:
        """An insertion; inside words another delegation deletes it is an insertion deleted by that one, as
        Word writes text one reviewer inserted and another deleted (so that accepting all keeps both)."""
        if deleter is None:
            return self.mark(ooxml.INS, proposal.author, *inline_runs(proposal.content, self.note_id))
        removed = inline_runs(proposal.content, self.note_id, removed=True)
        return self.mark(ooxml.INS, proposal.author, self.mark(ooxml.DEL, deleter, *removed))

    @staticmethod
    def _range_end(anchor: Anchor) -> list[etree._Element]:
        reference = ooxml.el("r", ooxml.el("commentReference", id=str(anchor.comment)))
        return [ooxml.el("commentRangeEnd", id=str(anchor.comment)), reference]

    # --- paragraphs -----------------------------------------------------------------------------------
    def add(self, slot: Slot, runs: list[etree._Element], wrap: Wrap, move: str | None = None) -> None:
        """A paragraph; `move` names the move it is one end of."""
        numpr = None if slot.style == "UNCrossHeading" else self.b.numpr(
            slot.part, slot.parent, slot.depth, slot.parent_style, slot.numbered)
        mark = self.mark(wrap[0], wrap[1]) if wrap is not None else None
        p = ooxml.paragraph(slot.style, numpr=numpr, mark=mark)
        if move is not None and wrap is not None:
            range_id = self.stamp.take()
            p.append(ooxml.el(f"{wrap[0]}RangeStart", id=range_id, name=move, author=wrap[1], date=self.stamp.date))
            p.extend(runs)
            p.append(ooxml.el(f"{wrap[0]}RangeEnd", id=range_id))
        else:
            p.extend(runs)
        self.b.add(p)

    def move_name(self, mover: str, block: Block) -> str:
        """The name that links both ends of one paragraph of a move (each paragraph of it has its own)."""
        return self.move_names.setdefault(f"{mover}:{block.id}", self.stamp.move_name())

    def block(self, block: Block, slot_of: Slot, wrap: Wrap, key: str | None = None, side: str = "both",
              move: str | None = None) -> None:
        """A paragraph and its sub-paragraphs; `key` finds its proposals and comments where it is not SENT's own
        paragraph at its own place; `move` is the id of the move it belongs to."""
        label = self.labels.get(block.id, "")
        own = key is None
        if own and wrap is None and label in self.deleted:
            wrap = (ooxml.DEL, self.deleted[label].author)
        if own and wrap is None and label in self.moved:
            mover = self.moved[label]
            move, wrap, side = mover.id, (ooxml.MOVE_FROM, mover.author), "old"
        name = self.move_name(move, block) if move is not None else None
        self.add(slot_of, self.runs(key or label, block.content, wrap, side), wrap, name)
        if isinstance(block, Paragraph):
            self.container(slot_of.part, block.children, block, slot_of.depth + 1, slot_of.numbered, wrap,
                           key is not None and wrap is not None and wrap[0] == ooxml.INS, side, move)

    def container(self, part: str, blocks: Sequence[Block], parent: Paragraph | None, depth: int, numbered: bool,
                  wrap: Wrap = None, new: bool = False, side: str = "both", move: str | None = None) -> None:
        parent_label = self.labels.get(parent.id) if parent is not None else None
        placing = not new and (wrap is None or wrap[0] != ooxml.INS)  # under a deleted or moved one too
        if placing:
            self.place(part, parent_label, None, parent, depth, numbered, wrap)
        for block in blocks:
            slot = Slot(block, part, depth, parent.id if parent else None, parent.list_style if parent else "",
                        numbered and depth == 0)
            self.block(block, slot, wrap, key=block.id if new else None, side=side, move=move)
            if placing:
                self.place(part, parent_label, self.labels.get(block.id), parent, depth, numbered, wrap)

    def place(self, part: str, parent_label: str | None, after: str | None, parent: Paragraph | None,
              depth: int, numbered: bool, wrap: Wrap = None) -> None:
        """The new paragraphs and moved paragraphs proposed for one place. Under a moved paragraph the mover's
        go with it (`wrap` is its move to) and the others' stay where it was (its move from)."""
        for proposal in self.c.placed(part, parent_label, after):
            if proposal.id in self.untracked or proposal.state == DROPPED:
                continue
            if wrap is not None and wrap[0] in (ooxml.MOVE_FROM, ooxml.MOVE_TO) and \
                    (proposal.author == wrap[1]) != (wrap[0] == ooxml.MOVE_TO):
                continue
            slot_parent = parent.id if parent else None
            style = parent.list_style if parent else ""
            if proposal.kind == NEW_PARAGRAPH and proposal.block is not None:
                self.bring_notes(proposal)
                slot = Slot(proposal.block, part, depth, slot_parent, style, numbered and depth == 0)
                self.block(proposal.block, slot, (ooxml.INS, proposal.author), key=proposal.id)
            elif proposal.kind == MOVE and proposal.paragraph in self.c.by_label:
                moved = self.c.by_label[proposal.paragraph]
                if isinstance(moved, Block):
                    slot = Slot(moved, part, depth, slot_parent, style, numbered and depth == 0)
                    self.block(moved, slot, (ooxml.MOVE_TO, proposal.author), key=proposal.paragraph, side="new",
                               move=proposal.id)

    # --- the document ---------------------------------------------------------------------------------
    def write(self) -> bytes:
        sent = self.sent
        for line in front_lines(sent):
            self.b.add_line(line)
        if sent.formula:
            self.b.add_line(formula_line(sent.formula))
        for name, blocks, numbered in parts(sent):
            if not is_annex(name):
                self.container(name, blocks, None, 0, numbered)
        for line in closing_lines(sent.closing):
            self.b.add_line(line)
        for number, annex in enumerate(sent.annexes, 1):
            for line in annex_lines(annex.heading):
                self.b.add_line(line)
            self.container(annex_part(number), annex.blocks, None, 0, annex.numbered)
        for index, note in enumerate(sent.footnotes, 1):
            self.b.add_note(self.note_ids[note.id], [self.runs(f"footnote {index}", note.content, None)])
        for number, content, author in self.notes_brought.values():
            self.b.add_note(number, [self.content_runs(content, (ooxml.INS, author))])
        self.copy_notes()
        self.b.running_heads(sent.front.symbol)
        self.b.set_tracking(True)
        return self.b.to_bytes()

    def copy_notes(self) -> None:
        """A removed reference (deleted, moved away) to a note that a live reference also cites points to a copy
        of the note, so that each side of the revisions has its own notes (as the tracked export does)."""
        contents = {self.note_ids[footnote.id]: footnote.content for footnote in self.sent.footnotes}
        contents.update({number: content for number, content, _author in self.notes_brought.values()})
        refs = self.b.references()
        live = {note for _ref, note, removed in refs if not removed}
        copies: dict[str, int] = {}
        for ref, note, removed in refs:
            if not removed or note not in live or not note.isdigit() or int(note) not in contents:
                continue
            if note not in copies:
                copies[note] = len(self.note_ids) + len(self.notes_brought) + len(copies) + 1
                self.b.add_note(copies[note], [inline_runs(contents[int(note)], self.note_id)])
            ref.set(ooxml.w("id"), str(copies[note]))


def write_revisions(compilation: Compilation, author: str = "Drafter", date: str = "") -> tuple[bytes, list[str]]:
    """The .docx bytes of the revisions form, and warnings about what it could not track."""
    writer = RevisionsWriter(compilation, author, date)
    return writer.write(), writer.warnings


__all__ = ["RevisionsWriter", "write_revisions"]
