"""A resolution as it is printed, before any layout: the paragraphs in reading order with their styles and
printed labels, the runs of each (italics, footnote markers, struck or inserted words), and the footnotes.

`clean` gives the draft as the Word export sets it (the header block, the enacting formula, preambular
paragraphs, numbered operative paragraphs and "(a)" sub-paragraphs, the closing, the annexes);
`redline` gives the draft against its base as the static redline does: every word the comparison finds
deleted is struck through, every word inserted is bold and underlined, footnotes included. Nothing here
knows about pages or Qt; `ui.printing` sets a `Paper` on pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.compare import Change, compare
from drafter.compare.kinds import INSERTED, MOVED, UNCHANGED
from drafter.exporters.docx_build import front_lines
from drafter.exporters.docx_ops import Mismatch, Piece, pieces, split_breaks, whole
from drafter.model import Content, Inline, NoteRef, Resolution
from drafter.parts import FOOTNOTES, FRONT, annex_number
from ui.editor import layout

INSERT, DELETE = "insert", "delete"

# the styles of the front matter, by the Word template's style names (drafter.exporters.docx_build.front_lines)
_FRONT = {"UNMasthead": "masthead", "UNOrgan": "organ", "UNHeaderBlock": "header", "UNHeaderLine": "session",
          "UNAgenda": "agenda", "UNAdoption": "adoption", "UNReport": "report", "UNSponsors": "sponsors",
          "UNTitle": "title"}
# the body's styles, by the editor's unit kinds (ui.editor.layout.units)
_BODY = {layout.PP: "pp", layout.OP: "op", layout.SUB: "sub", layout.HEADING: "heading", layout.ANNEX_PARA: "op",
         layout.CLOSING: "closing"}


@dataclass
class Run:
    text: str
    italic: bool = False
    mark: str = ""  # "", INSERT or DELETE
    note: str = ""  # for a footnote marker: the key of its note in `Paper.notes`


@dataclass
class Para:
    style: str  # masthead, organ, header, session, agenda, adoption, report, sponsors, title, formula, pp, op,
    # sub, heading, closing, annex, annex-title
    runs: list[Run]
    label: str = ""  # printed before the text: "1.", "(a)"
    depth: int = 0  # of a sub-paragraph: 1 for "(a)", 2 for "(i)"
    label_mark: str = ""  # the label of a deleted paragraph is struck, of an inserted one marked inserted

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Note:
    marker: str
    runs: list[Run]


@dataclass
class Paper:
    symbol: str  # the running head
    title: str
    paras: list[Para] = field(default_factory=list)
    notes: dict[str, Note] = field(default_factory=dict)  # note key → note, in the order of first reference


def _runs(content: Sequence[Inline], note: dict[str, tuple[str, str]], mark: str = "") -> list[Run]:
    """Runs of model content; `note` maps a footnote id to (key in `Paper.notes`, printed marker)."""
    out: list[Run] = []
    for item in content:
        if isinstance(item, NoteRef):
            key, marker = note.get(item.note, (item.note, "?"))
            out.append(Run(marker, mark=mark, note=key))
        elif item.text:
            out.append(Run(item.text, item.italic, mark))
    return out


_FIELDS_OF = {"title": ("number", "title")}  # the fields a header line shows, where it shows more than its own


def field_runs(text: str, records: list[Change], italic: bool = False) -> list[Run]:
    """A header line with the ops of the fields it shows marked where each field's new value stands in it;
    a field whose value cannot be found in the line (it is laid out otherwise) shows its ops alone."""
    line = text.replace("\n", " ")
    places: list[tuple[int, int, Change]] = []
    for record in records:
        value = "".join(op.text for op in record.ops if op.op != DELETE).replace("\n", " ")
        at = line.find(value) if value else -1
        if at < 0:
            return [Run(op.text.replace("\n", " "), italic, "" if op.op == "equal" else op.op)
                    for op in record.ops if op.text]
        places.append((at, at + len(value), record))
    runs: list[Run] = []
    done = 0
    for start, end, record in sorted(places, key=lambda place: place[0]):
        if start < done:
            continue
        if start > done:
            runs.append(Run(line[done:start], italic))
        runs += [Run(op.text.replace("\n", " "), italic, "" if op.op == "equal" else op.op)
                 for op in record.ops if op.text]
        done = end
    if done < len(line):
        runs.append(Run(line[done:], italic))
    return runs


def _note_keys(res: Resolution, prefix: str = "") -> dict[str, tuple[str, str]]:
    return {note.id: (prefix + note.id, str(number)) for number, note in enumerate(res.footnotes, 1)}


def _front(res: Resolution) -> list[Para]:
    paras = [Para(_FRONT.get(line.style, "header"), [Run(line.text, line.italic)] if line.text else [])
             for line in front_lines(res)]
    if res.formula:
        paras.append(Para("formula", [Run(res.formula, True)]))
    return paras


def _unit_para(unit: layout.Unit, runs: list[Run], mark: str = "") -> Para:
    if unit.kind == layout.ANNEX_HEAD:
        return Para("annex" if unit.margin else "annex-title", runs)
    return Para(_BODY.get(unit.kind, "pp"), runs, unit.label, unit.depth if unit.kind == layout.SUB else 0, mark)


def clean(res: Resolution) -> Paper:
    """The resolution as the clean Word export sets it."""
    paper = Paper(res.front.symbol, res.front.title or res.front.symbol or "Resolution", _front(res))
    keys = _note_keys(res)
    for unit in layout.units(res):
        if unit.kind in (layout.FIELD, layout.FORMULA):
            continue
        if unit.kind == layout.NOTE:
            paper.notes[unit.key] = Note(unit.label, _runs(unit.content, keys))
            continue
        runs = _runs(unit.content, keys)
        if unit.kind == layout.CLOSING and paper.paras and paper.paras[-1].style == "closing":
            paper.paras[-1].runs += [Run("\n"), *runs]  # "53rd plenary meeting" over its date, as one block
            continue
        paper.paras.append(_unit_para(unit, runs))
    return paper


class _Redline:
    """The redline of `new` against `old`, record by record of their comparison."""

    def __init__(self, old: Resolution, new: Resolution) -> None:
        self.old, self.new = old, new
        self.changes = compare(old, new)
        self.old_units = {unit.key: unit for unit in layout.units(old)}
        self.new_units = {unit.key: unit for unit in layout.units(new)}
        self.new_keys = _note_keys(new, "new:")
        paired = {r.old_ids[0]: r.new_ids[0] for r in self.changes.records
                  if r.part == FOOTNOTES and r.old_ids and r.new_ids}
        # a base note the draft keeps is printed as the draft's note; one it lost, struck with its base number
        self.old_keys = {note_id: self.new_keys[paired[note_id]] if paired.get(note_id) in self.new_keys
                         else (f"old:{note_id}", marker) for note_id, (_key, marker) in _note_keys(old).items()}
        self.note_records = {(r.new_ids or r.old_ids)[0]: r for r in self.changes.records
                             if r.part == FOOTNOTES and (r.new_ids or r.old_ids)}
        title = f"{new.front.symbol or 'The draft'} compared with {old.front.symbol or 'its base'}"
        self.paper = Paper(new.front.symbol, title)

    def piece_runs(self, items: list[Piece]) -> list[Run]:
        out: list[Run] = []
        for piece in items:
            keys = self.old_keys if piece.kind == DELETE else self.new_keys
            out += _runs(piece.content, keys, "" if piece.kind == "equal" else piece.kind)
        return out

    def pieces_of(self, record: Change, old_contents: Sequence[Content], new_contents: Sequence[Content]
                  ) -> list[Piece]:
        try:
            return pieces(record.ops, old_contents, new_contents, self.old, self.new)
        except Mismatch:
            return whole(old_contents, new_contents)

    # --- the front matter and the closing ---------------------------------------------------------
    def front(self) -> None:
        fronts = {r.front_field: r for r in self.changes.records if r.part == FRONT and r.ops}
        new_lines = front_lines(self.new)
        for line in new_lines:
            records = [fronts[key] for key in _FIELDS_OF.get(line.key, (line.key,)) if key in fronts]
            self.paper.paras.append(Para(_FRONT.get(line.style, "header"), field_runs(line.text, records, line.italic)))
        new_keys = {line.key for line in new_lines}
        for line in front_lines(self.old):  # a header line the draft no longer has, struck where it stood
            if line.key and line.key not in new_keys:
                self.paper.paras.append(Para(_FRONT.get(line.style, "header"), [Run(line.text, line.italic, DELETE)]))
        formula = [fronts["formula"]] if "formula" in fronts else []
        if self.new.formula or formula:
            self.paper.paras.append(Para("formula", field_runs(self.new.formula, formula, True)))

    def closing(self) -> None:
        record = next((r for r in self.changes.records if r.part == FRONT and r.front_field == "closing"), None)
        if record is None or not record.ops:
            self.paper.paras += [Para("closing", [Run(line)]) for line in self.new.closing]
            return
        runs = [Run(op.text, False, "" if op.op == "equal" else op.op) for op in record.ops if op.text]
        self.paper.paras.append(Para("closing", runs))

    # --- the body ------------------------------------------------------------------------------------
    def record(self, record: Change) -> None:
        if record.kind == UNCHANGED:
            for new_id in record.new_ids:
                unit = self.new_units[new_id]
                self.paper.paras.append(_unit_para(unit, _runs(unit.content, self.new_keys)))
            return
        if not record.new_ids:  # deleted: struck where it stood in the base, with its base label
            for old_id in record.old_ids:
                unit = self.old_units[old_id]
                self.paper.paras.append(_unit_para(unit, _runs(unit.content, self.old_keys, DELETE), DELETE))
            return
        old_contents = [self.old_units[i].content for i in record.old_ids if i in self.old_units]
        new_contents = [self.new_units[i].content for i in record.new_ids]
        items = [Piece(INSERT, list(new_contents[0]))] if record.kind == INSERTED and len(new_contents) == 1 \
            else self.pieces_of(record, old_contents, new_contents)
        at = 0
        for group, kind in split_breaks(items):
            unit = self.new_units[record.new_ids[min(at, len(record.new_ids) - 1)]]
            para = _unit_para(unit, self.piece_runs(group), INSERT if record.kind == INSERTED else "")
            if record.kind == MOVED and record.old_label:
                para.runs.append(Run(f" [moved from {record.old_label}]", True))
            self.paper.paras.append(para)
            if kind != DELETE:
                at += 1

    def body(self) -> None:
        part = ""
        closed = False
        for record in self.changes.records:
            if record.part in (FRONT, FOOTNOTES):
                continue
            number = annex_number(record.part)
            if record.part != part and number is not None:
                if not closed:
                    self.closing()
                    closed = True
                if number <= len(self.new.annexes):
                    heading = self.new.annexes[number - 1].heading
                    self.paper.paras += [Para("annex" if index == 0 else "annex-title", [Run(line)])
                                         for index, line in enumerate(heading)]
            part = record.part
            self.record(record)
        if not closed:
            self.closing()

    # --- footnotes --------------------------------------------------------------------------------------
    def notes(self) -> None:
        """Every note a marker points to: a new note with its own changes, or a base note struck whole."""
        wanted = [run.note for para in self.paper.paras for run in para.runs if run.note]
        for key in dict.fromkeys(wanted):
            side, note_id = key.split(":", 1)
            if side == "old":
                note = self.old.footnote(note_id)
                marker = self.old.marker(note_id)
                self.paper.notes[key] = Note(marker, _runs(note.content if note else [], {}, DELETE))
                continue
            note = self.new.footnote(note_id)
            content = note.content if note is not None else ()
            record = self.note_records.get(note_id)
            if record is None or record.kind in (UNCHANGED,) or not record.ops:
                runs = _runs(content, {})
            elif record.kind == INSERTED:
                runs = _runs(content, {}, INSERT)
            else:
                before = self.old.footnote(record.old_ids[0]) if record.old_ids else None
                runs = self.piece_runs(self.pieces_of(record, [before.content if before else ()], [content]))
            self.paper.notes[key] = Note(self.new.marker(note_id), runs)

    def build(self) -> Paper:
        self.front()
        self.body()
        self.notes()
        return self.paper


def redline(old: Resolution, new: Resolution) -> Paper:
    """`new` against `old` as the static redline prints it: deleted words struck, inserted ones marked."""
    return _Redline(old, new).build()


__all__ = ["DELETE", "INSERT", "Note", "Paper", "Para", "Run", "clean", "redline"]
