"""The tracked-changes Word export: the new text, every difference from the base a Word revision.

Built on `drafter.compare.compare(old, new)`:

- a modified, technical or renumbered paragraph is written once, its word ops as `w:del`
  (with `w:delText`) and `w:ins` runs; numbers come from Word lists, so renumbering is no revision;
- an inserted paragraph has `w:ins` on its paragraph mark and all its runs in `w:ins`; a deleted one
  `w:del` on both, at the place it had in the base (after the block that preceded it there);
- a moved paragraph is `w:moveFrom` at its old place and `w:moveTo` at its new one, linked by
  named range markers; words deleted in the move are `w:del` at the old place, words added `w:ins`
  at the new one, so that rejecting the move gives back the base word for word;
- a split or merge is one run of paragraphs whose inserted or deleted paragraph marks do the work;
- footnotes change inside footnotes.xml; a deleted or moved-away reference to a footnote that the
  new text keeps points to a copy of the base note, never to the note an inserted reference uses, nor to
  a note whose first live reference comes after it; the notes are numbered in the order of their
  references, deleted ones included (`Builder.order_notes`);
- the front matter (masthead, symbol, date, session, agenda, adoption or sponsors line) is the new
  text's own and untracked, as a delegation submits it; only the title's wording is tracked, word by
  word (its resolution-number prefix belongs to the front matter). With `track_front=True` every
  header line that differs is a deleted and an inserted paragraph, as are the formula, the closing
  and annex headings that differ in any case.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from lxml import etree

from drafter.compare import Change, compare
from drafter.compare.kinds import DELETED, INSERTED, MERGED, MOVED, SPLIT
from drafter.exporters import ooxml
from drafter.exporters.docx_build import Builder, Line, front_lines, note_ids_of
from drafter.exporters.docx_clean import Slot, annex_lines, closing_lines, formula_line, parts, slots
from drafter.exporters.docx_ops import Mismatch, Piece, pieces, split_breaks, whole
from drafter.model import Content, CrossHeading, Inline, Resolution, Text
from drafter.parts import FOOTNOTES, FRONT, annex_number, annex_part, is_annex

_MARK = {"insert": ooxml.INS, "delete": ooxml.DEL}
_WORDS = re.compile(r"\s+|[^\s]+")  # words and the spaces between them, which a title diff keeps


class Tracked:
    def __init__(self, old: Resolution, new: Resolution, author: str, date: str,
                 template: str | None = None, track_front: bool = False) -> None:
        self.old, self.new = old, new
        self.track_front = track_front
        self.b = Builder(new, template)
        self.stamp = ooxml.Stamp(author, date)
        self.changes = compare(old, new)
        self.by_new: dict[str, Change] = {}
        self.by_old: dict[str, Change] = {}
        for record in self.changes.records:
            if record.part in (FRONT, FOOTNOTES):
                continue
            for new_id in record.new_ids:
                self.by_new[new_id] = record
            for old_id in record.old_ids:
                self.by_old[old_id] = record
        self.new_ids = note_ids_of(new)
        self.next_note = len(new.footnotes) + 1
        self.old_ids: dict[str, int] = {}  # base notes the new text lacks, and copies of kept notes
        self.paired = {r.old_ids[0]: r for r in self.changes.records if r.part == FOOTNOTES and r.old_ids
                       and r.new_ids}
        self.levels: dict[int, tuple[int, int] | None] = {}
        self.pending: list[tuple[etree._Element, str]] = []  # base references to notes the new text keeps
        self.inserted_refs: set[str] = set()
        self.move_names: dict[str, str] = {}
        self.old_index: dict[str, Slot] = {}
        self.new_index: dict[str, Slot] = {}
        self.done: set[int] = set()

    # --- notes ----------------------------------------------------------------------
    def new_note(self, note: str) -> int:
        return self.new_ids.get(note, 0)

    def old_note(self, note: str) -> int:
        found = self.old_ids.get(note)
        if found is None:
            found = self.old_ids[note] = self.next_note
            self.next_note += 1
        return found

    # --- runs -------------------------------------------------------------------------
    def runs(self, content: Sequence[Inline], kind: str, old_side: bool) -> list[etree._Element]:
        """Runs of content; inside w:del and w:moveFrom deleted text is delText (moveFrom keeps w:t)."""
        out: list[etree._Element] = []
        for item in content:
            if isinstance(item, Text):
                if item.text:
                    out.append(ooxml.text_run(item.text, item.italic, removed=kind == ooxml.DEL))
            elif old_side and item.note in self.paired:
                run = ooxml.note_run(0)  # its id is settled in `notes`, once every reference is known
                self.pending.append((run, item.note))
                out.append(run)
            elif old_side:
                out.append(ooxml.note_run(self.old_note(item.note)))
            else:
                if kind in (ooxml.INS, ooxml.MOVE_TO):
                    self.inserted_refs.add(item.note)
                out.append(ooxml.note_run(self.new_note(item.note)))
        return out

    def wrap(self, content: Sequence[Inline], kind: str | None, old_side: bool) -> list[etree._Element]:
        runs = self.runs(content, kind or "", old_side)
        if kind is None or not runs:
            return runs
        return [self.stamp.mark(kind, *runs)]

    def piece_runs(self, items: Iterable[Piece], equal: str | None = None, side: str = "both") -> list[etree._Element]:
        """Pieces as runs; `equal` wraps unchanged words (w:moveTo, w:moveFrom); `side` keeps only the
        old ("old") or new ("new") side's pieces."""
        out: list[etree._Element] = []
        for piece in items:
            if piece.kind == "equal":
                out += self.wrap(piece.content, equal, old_side=equal == ooxml.MOVE_FROM)
            elif piece.kind == "insert" and side != "old":
                out += self.wrap(piece.content, ooxml.INS, old_side=False)
            elif piece.kind == "delete" and side != "new":
                out += self.wrap(piece.content, ooxml.DEL, old_side=True)
        return out

    # --- paragraphs -------------------------------------------------------------------------
    def numpr(self, slot: Slot, deleted: bool = False) -> tuple[int, int] | None:
        if isinstance(slot.block, CrossHeading):
            return None
        if deleted:  # a base paragraph joins the list it now stands in, or gets one of its own
            current = self.levels.get(slot.depth)
            if current is not None or (slot.depth == 0 and not slot.numbered):
                return current
        found = self.b.numpr(slot.part, slot.parent, slot.depth, slot.parent_style, slot.numbered)
        self.levels[slot.depth] = found
        for deeper in [level for level in self.levels if level > slot.depth]:
            del self.levels[deeper]
        return found

    def add(self, slot: Slot, runs: list[etree._Element], mark: str | None, deleted: bool = False,
            move: tuple[str, str] | None = None) -> None:
        p = ooxml.paragraph(slot.style, mark=self.stamp.mark(mark) if mark else None,
                         numpr=self.numpr(slot, deleted))
        if move is not None:
            kind, name = move
            rid = self.stamp.take()
            p.append(ooxml.el(f"{kind}RangeStart", id=rid, name=name, author=self.stamp.author, date=self.stamp.date))
            p.extend(runs)
            p.append(ooxml.el(f"{kind}RangeEnd", id=rid))
        else:
            p.extend(runs)
        self.b.add(p, slot.block.id, removed=deleted)
        if not deleted:  # a negotiated paragraph's status and bracket holders, as a comment
            self.b.annotate(p, slot.block, self.stamp.author)

    def ops_pieces(self, record: Change, old: Sequence[Content], new: Sequence[Content]) -> list[Piece]:
        try:
            return pieces(record.ops, old, new, self.old, self.new)
        except Mismatch:
            return whole(old, new)

    def emit_new(self, slot: Slot, new_slots: dict[str, Slot]) -> None:
        record = self.by_new.get(slot.block.id)
        block = slot.block
        if record is None or record.kind == INSERTED:
            self.add(slot, self.wrap(block.content, ooxml.INS, False), ooxml.INS if record else None)
            return
        if record.kind in (SPLIT, MERGED):
            if id(record) in self.done:
                return
            self.done.add(id(record))
            old_contents = [self.old_block(i) for i in record.old_ids]
            new_contents = [new_slots[i].block.content for i in record.new_ids]
            groups = split_breaks(self.ops_pieces(record, old_contents, new_contents))
            at = 0
            for index, (items, kind) in enumerate(groups):
                target = new_slots[record.new_ids[min(at, len(record.new_ids) - 1)]]
                mark = _MARK.get(kind) if index < len(groups) - 1 else None
                self.add(target, self.piece_runs(items), mark)
                if kind != "delete":
                    at += 1
            return
        old = self.old_block(record.old_ids[0])
        items = self.ops_pieces(record, [old], [block.content]) if record.old_content else \
            [Piece("equal", list(block.content))]
        if record.old_ids[0] in self.move_names:
            name = self.move_names[record.old_ids[0]]
            self.add(slot, self.piece_runs(items, ooxml.MOVE_TO, side="new"), ooxml.MOVE_TO, move=(ooxml.MOVE_TO, name))
        else:
            self.add(slot, self.piece_runs(items), None)

    def emit_old(self, slot: Slot) -> None:
        record = self.by_old.get(slot.block.id)
        if record is not None and slot.block.id in self.move_names:
            new_content = self.new_block(record.new_ids[0])
            items = self.ops_pieces(record, [slot.block.content], [new_content]) if record.old_content else \
                [Piece("equal", list(slot.block.content))]
            name = self.move_names[slot.block.id]
            self.add(slot, self.piece_runs(items, ooxml.MOVE_FROM, side="old"), ooxml.MOVE_FROM, deleted=True,
                     move=(ooxml.MOVE_FROM, name))
        elif record is None or record.kind == DELETED:
            self.add(slot, self.wrap(slot.block.content, ooxml.DEL, True), ooxml.DEL, deleted=True)

    def old_block(self, block_id: str) -> Content:
        return self.old_index[block_id].block.content

    def new_block(self, block_id: str) -> Content:
        return self.new_index[block_id].block.content

    # --- lines (header, formula, closing, annex headings) ---------------------------------
    def lines(self, old: list[Line], new: list[Line]) -> None:
        matcher = difflib.SequenceMatcher(None, [(x.style, x.text) for x in old], [(x.style, x.text) for x in new],
                                          autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for line in new[j1:j2]:
                    self.b.add_line(line)
                continue
            if tag == "replace" and [x.key for x in old[i1:i2]] == [x.key for x in new[j1:j2]]:
                for before, after in zip(old[i1:i2], new[j1:j2], strict=True):  # one field, two values
                    runs = [self.stamp.mark(ooxml.DEL, *Builder.line_runs(before.text, before.italic, removed=True)),
                            self.stamp.mark(ooxml.INS, *Builder.line_runs(after.text, after.italic))]
                    self.b.add_line(after, runs)
                continue
            for line in old[i1:i2]:
                runs = [self.stamp.mark(ooxml.DEL, *Builder.line_runs(line.text, line.italic, removed=True))]
                self.b.add_line(line, runs, self.stamp.mark(ooxml.DEL))
            for line in new[j1:j2]:
                runs = [self.stamp.mark(ooxml.INS, *Builder.line_runs(line.text, line.italic))]
                self.b.add_line(line, runs, self.stamp.mark(ooxml.INS))

    def front(self) -> None:
        """The new text's front matter, untracked, with the title's changed words tracked."""
        old_title, new_title = self.old.front.title, self.new.front.title
        for line in front_lines(self.new):
            if line.key != "title":
                self.b.add_line(line)
                continue
            prefix = f"{self.new.front.number}.\t" if self.new.front.number else ""
            self.b.add_line(line, Builder.line_runs(prefix) + self.words(old_title, new_title))
        if old_title and not new_title:  # the new text dropped its title: the base's, deleted
            line = Line("UNTitle", old_title)
            self.b.add_line(line, [self.stamp.mark(ooxml.DEL, *Builder.line_runs(old_title, removed=True))],
                            self.stamp.mark(ooxml.DEL))

    def words(self, old: str, new: str) -> list[etree._Element]:
        """`new` as runs, the words that differ from `old` as a deletion and an insertion."""
        before, after = _WORDS.findall(old), _WORDS.findall(new)
        out: list[etree._Element] = []
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out += Builder.line_runs("".join(after[j1:j2]))
                continue
            if i2 > i1:
                out.append(self.stamp.mark(ooxml.DEL, *Builder.line_runs("".join(before[i1:i2]), removed=True)))
            if j2 > j1:
                out.append(self.stamp.mark(ooxml.INS, *Builder.line_runs("".join(after[j1:j2]))))
        return out

    # --- the document ---------------------------------------------------------------------
    def moved(self, old_id: str | None) -> bool:
        """Whether a base block moved, by itself or with the paragraph it belongs to."""
        while old_id is not None:
            record = self.by_old.get(old_id)
            if record is not None and record.kind == MOVED:
                return True
            if record is None or record.kind in (SPLIT, MERGED):
                return False
            slot = self.old_index.get(old_id)
            old_id = slot.parent if slot is not None else None
        return False

    def prepare(self) -> tuple[list[tuple[str, list[Slot]]], list[tuple[str, list[Slot]]]]:
        old_parts = [(name, slots(name, blocks, numbered)) for name, blocks, numbered in parts(self.old)]
        new_parts = [(name, slots(name, blocks, numbered)) for name, blocks, numbered in parts(self.new)]
        self.old_index = {s.block.id: s for _, group in old_parts for s in group}
        self.new_index = {s.block.id: s for _, group in new_parts for s in group}
        for record in {id(r): r for r in self.by_new.values()}.values():
            if record.kind in (SPLIT, MERGED) and not (_in_one_place(record.old_ids, self.old_index)
                                                       and _in_one_place(record.new_ids, self.new_index)):
                self._apart(record)
        return old_parts, new_parts

    def _apart(self, record: Change) -> None:
        """A split or merge whose paragraphs do not follow each other on one side (a paragraph between
        them moved away) cannot be written in one place: its base paragraphs read as deleted where they
        stood, its new ones as inserted."""
        for old_id in record.old_ids:
            self.by_old[old_id] = Change(DELETED, record.part, (old_id,), ())
        for new_id in record.new_ids:
            self.by_new[new_id] = Change(INSERTED, record.part, (), (new_id,))

    def content_of(self, old_side: bool, block_id: str) -> Content:
        """The content of a block or footnote of one side."""
        res, index = (self.old, self.old_index) if old_side else (self.new, self.new_index)
        if block_id in index:
            return index[block_id].block.content
        note = res.footnote(block_id)
        return note.content if note is not None else ()

    def write(self) -> bytes:
        old_parts, new_parts = self.prepare()
        # both ends of a move carry its name, whichever comes first in reading order
        moved = [i for i in self.old_index if self.moved(i)]
        self.move_names = {old_id: self.stamp.move_name() for old_id in moved}
        anchored = self.anchors(old_parts)
        if self.track_front:
            self.lines(front_lines(self.old), front_lines(self.new))
        else:
            self.front()
        self.lines([formula_line(self.old.formula)] if self.old.formula else [],
                   [formula_line(self.new.formula)] if self.new.formula else [])
        new_names = [name for name, _ in new_parts]
        for name, group in new_parts:
            if is_annex(name):
                continue
            self.part(name, group, anchored)
        self.lines(closing_lines(self.old.closing), closing_lines(self.new.closing))
        old_annexes = {annex_part(n): a.heading for n, a in enumerate(self.old.annexes, 1)}
        for number, annex in enumerate(self.new.annexes, 1):
            name = annex_part(number)
            self.lines(annex_lines(old_annexes.get(name, annex.heading)), annex_lines(annex.heading))
            self.part(name, next(g for n, g in new_parts if n == name), anchored)
        for name, group in old_parts:  # parts the new text lacks (a dropped annex)
            if name not in new_names:
                if (dropped := annex_number(name)) is not None:
                    self.lines(annex_lines(self.old.annexes[dropped - 1].heading), [])
                for slot in group:
                    self.emit_old(slot)
        self.notes()
        self.b.running_heads(self.new.front.symbol)
        self.b.set_tracking(True)
        return self.b.to_bytes()

    def part(self, name: str, group: list[Slot], anchored: dict[object, list[Slot]]) -> None:
        new_slots = self.new_index
        for slot in anchored.get(("start", name), []):
            self.emit_old(slot)
        for slot in group:
            self.emit_new(slot, new_slots)
            for old in anchored.get(slot.block.id, []):
                self.emit_old(old)

    def anchors(self, old_parts: list[tuple[str, list[Slot]]]) -> dict[object, list[Slot]]:
        """Base blocks not written in their own right (deleted, moved away), keyed by the new block
        they follow: the new partner of the nearest preceding base block that stayed in place."""
        out: dict[object, list[Slot]] = {}
        for name, group in old_parts:
            anchor: object = ("start", name)
            for slot in group:
                record = self.by_old.get(slot.block.id)
                if record is None or record.kind == DELETED or slot.block.id in self.move_names:
                    out.setdefault(anchor, []).append(slot)
                elif record.new_ids:
                    anchor = record.new_ids[-1]
        return out

    def settle_references(self) -> None:
        """The ids of removed references to notes the new text keeps. Such a reference shares the new text's
        note, unless an inserted reference uses it (LibreOffice empties a note referenced both ways) or it
        stands before the note's first live reference: then the removed references get a copy of the base note,
        and that live reference, in the base a repeat, becomes the copy's deleted repeat and the note's inserted
        reference, so that rejecting all gives the base's notes in the base's order."""
        refs = self.b.references()
        place = {ref: index for index, (ref, _note, _removed) in enumerate(refs)}
        first_live: dict[str, etree._Element] = {}
        for ref, note_id, removed in refs:
            if not removed:
                first_live.setdefault(note_id, ref)
        pending = [(ref, old_id) for run, old_id in self.pending for ref in run.iter(ooxml.w("footnoteReference"))]
        ahead: dict[str, etree._Element] = {}  # base note → the new note's live reference its removed one precedes
        for ref, old_id in pending:
            live = first_live.get(str(self.new_note(self.paired[old_id].new_ids[0])))
            if live is not None and place[ref] < place[live]:
                ahead[old_id] = live
        for ref, old_id in pending:
            new_id = self.paired[old_id].new_ids[0]
            copied = new_id in self.inserted_refs or old_id in ahead
            ref.set(ooxml.w("id"), str(self.old_note(old_id) if copied else self.new_note(new_id)))
        added = set(map(ooxml.w, (ooxml.INS, ooxml.MOVE_TO)))
        for old_id, live in ahead.items():
            run = live.getparent()
            if run is None or any(node.tag in added for node in live.iterancestors()):
                continue
            inserted = self.stamp.mark(ooxml.INS)
            run.addprevious(self.stamp.mark(ooxml.DEL, ooxml.note_run(self.old_note(old_id))))
            run.addprevious(inserted)
            inserted.append(run)

    def notes(self) -> None:
        self.settle_references()
        by_new = {r.new_ids[0]: r for r in self.changes.records if r.part == FOOTNOTES and r.new_ids}
        for note in self.new.footnotes:
            record = by_new.get(note.id)
            if record is None or record.kind == INSERTED:
                runs = self.wrap(note.content, ooxml.INS if record else None, False)
            elif record.old_content:
                old = self.old.footnote(record.old_ids[0])
                items = self.ops_pieces(record, [old.content if old else ()], [note.content])
                runs = self.piece_runs(items)
            else:
                runs = self.runs(note.content, "", False)
            self.b.add_note(self.new_ids[note.id], [runs])
        for note in self.old.footnotes:
            if note.id in self.old_ids:
                kind = None if note.id in self.paired else ooxml.DEL
                self.b.add_note(self.old_ids[note.id], [self.wrap(note.content, kind, True)])


def write_tracked(old: Resolution, new: Resolution, author: str = "Drafter", date: str = "",
                  template: str | None = None, track_front: bool = False) -> tuple[bytes, dict[str, int]]:
    """The .docx bytes of `new` with every change from `old` as a Word revision, and the count of
    revision elements by kind; the front matter is tracked only with `track_front` (the title always)."""
    tracked = Tracked(old, new, author, date or ooxml.Stamp.iso(None), template, track_front)
    data = tracked.write()
    return data, dict(tracked.stamp.counts)


def _in_one_place(ids: tuple[str, ...], index: dict[str, Slot]) -> bool:
    """Whether blocks are siblings that follow each other."""
    places = {(index[i].part, index[i].parent) for i in ids if i in index}
    if len(places) != 1 or any(i not in index for i in ids):
        return False
    siblings = [i for i, slot in index.items() if (slot.part, slot.parent) in places]
    at = [siblings.index(i) for i in ids]
    return at == list(range(at[0], at[0] + len(at)))
