"""The `compilation` and `table` forms of a compilation, as Word files without revisions.

`compilation`: the text sent, paragraph by paragraph with its label ("OP5"), and under each paragraph the
proposals on it, one line per delegation: the paragraph as that delegation would have it, in redline
(inserted words bold and underlined, deleted words struck through); competing versions are "OP5 alt 1",
"OP5 alt 2"; new paragraphs stand where they are proposed as "OP4 bis", "OP4 ter"; comments follow in italics.

`table`: one row per paragraph (and per new paragraph): its label and text | the proposals on it by
delegation, in redline | its status (no proposals, open, taken, dropped, or in conflict, with the ids).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from drafter.compare.labels import labels_of
from drafter.compare.words import superscript
from drafter.exporters import ooxml
from drafter.exporters.docx_build import Builder, inline_runs, note_ids_of
from drafter.model import Block, Content, Footnote, Inline, NoteRef, Paragraph
from drafter.negotiate.compilation import Compilation
from drafter.negotiate.proposals import COMMENT, DELETE_PARAGRAPH, DROPPED, MOVE, NEW_PARAGRAPH, Proposal
from drafter.negotiate.spans import slice_content, text_of
from drafter.parts import OPERATIVE, PREAMBLE, annex_part

ORDINALS = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
INSERTED, DELETED = "Inserted", "Deleted"


def ordinal(n: int) -> str:
    """bis, ter, quater … for the n-th new paragraph (from 1) after one paragraph."""
    return ORDINALS[n - 1] if n <= len(ORDINALS) else f"{n + 1}"


class TextWriter:
    """What both forms share: the paragraphs in reading order, and runs in redline."""

    def __init__(self, compilation: Compilation) -> None:
        self.c = compilation
        self.sent = compilation.sent
        self.b = Builder(self.sent)
        self.labels = labels_of(self.sent)
        self.note_ids = note_ids_of(self.sent)
        self.shown = {p.id for p in compilation.proposals if p.state != DROPPED}

    # --- runs -------------------------------------------------------------------------------------
    def marked(self, content: Sequence[Inline], style: str | None = None) -> list[etree._Element]:
        """Content as runs in a character style; footnote references as their markers."""
        out: list[etree._Element] = []
        for item in content:
            if isinstance(item, NoteRef):
                marker = str(self.note_ids[item.note]) if item.note in self.note_ids else "*"
                out.append(ooxml.text_run(superscript(marker), style=style))
            elif item.text:
                out.append(ooxml.text_run(item.text, item.italic, style=style))
        return out

    def redline(self, content: Content, proposals: list[Proposal]) -> list[etree._Element]:
        """A paragraph with word proposals in redline."""
        out: list[etree._Element] = []
        at = 0
        for proposal in sorted(proposals, key=lambda p: (p.start, p.end)):
            if proposal.start < at:
                continue
            out += self.marked(slice_content(content, at, proposal.start))
            out += self.changed_words(content, proposal)
            at = proposal.end
        out += self.marked(slice_content(content, at, len(text_of(content))))
        return out

    def changed_words(self, content: Content, proposal: Proposal) -> list[etree._Element]:
        """A word proposal alone: its deleted and inserted words, a space between them."""
        deleted = self.marked(slice_content(content, proposal.start, proposal.end), DELETED)
        inserted = self.marked(proposal.content, INSERTED)
        return deleted + ([ooxml.text_run(" ")] if deleted and inserted else []) + inserted

    @staticmethod
    def lead(text: str, italic: bool = False) -> etree._Element:
        return ooxml.text_run(text, italic, extra=("b",))

    def content_of(self, label: str | None) -> Content:
        block = self.c.by_label.get(label or "")
        return block.content if block is not None else ()

    # --- reading order ------------------------------------------------------------------------------
    def walk(self) -> list[tuple[str, Block | Footnote | Proposal, int]]:
        """(label, SENT block or new paragraph, depth) in reading order, new paragraphs where proposed."""
        out: list[tuple[str, Block | Footnote | Proposal, int]] = []
        parts = [(PREAMBLE, self.sent.preamble), (OPERATIVE, self.sent.operative)]
        parts += [(annex_part(n), annex.blocks) for n, annex in enumerate(self.sent.annexes, 1)]

        def placed(part: str, parent: str | None, after: str | None, depth: int, first: str) -> None:
            news = [p for p in self.c.placed(part, parent, after) if p.kind == NEW_PARAGRAPH and p.id in self.shown]
            for n, proposal in enumerate(news, 1):
                out.append((f"{after} {ordinal(n)}" if after else f"{first} (before, {ordinal(n)})", proposal, depth))

        def container(part: str, blocks: Sequence[Block], parent: str | None, depth: int) -> None:
            if blocks:
                placed(part, parent, None, depth, self.labels.get(blocks[0].id, part))
            for block in blocks:
                label = self.labels.get(block.id, "")
                out.append((label, block, depth))
                if isinstance(block, Paragraph):
                    container(part, block.children, label, depth + 1)
                placed(part, parent, label, depth, label)

        for part, blocks in parts:
            container(part, blocks, None, 0)
        out += [(self.labels.get(note.id, ""), note, 0) for note in self.sent.footnotes]
        return out

    def status(self, proposals: list[Proposal]) -> str:
        if not proposals:
            return "no proposals"
        lines = []
        for conflict in self.c.conflicts:
            if any(p.id in conflict.ids for p in proposals):
                lines.append(f"conflict: {', '.join(conflict.ids)} ({', '.join(conflict.reasons)})")
        states = {p.state for p in proposals if p.kind != COMMENT}
        lines.append(", ".join(sorted(states)) if states else "comments only")
        return "; ".join(lines)


class CompilationWriter(TextWriter):
    def line(self, runs: list[etree._Element], depth: int, style: str = "UNParagraph") -> None:
        self.b.add(ooxml.paragraph(style, runs, indent=(ooxml.LIST_STEP * (depth + 1), 0) if depth else None))

    def proposal_lines(self, label: str, content: Content, depth: int) -> None:
        on = [p for p in self.c.on(label) if p.id in self.shown]
        conflicted = [p for p in on if p.id in self.c.conflict_of]  # competing versions of the paragraph
        authors = list(dict.fromkeys(p.author for p in on if p.kind != COMMENT))
        alt_authors = list(dict.fromkeys(p.author for p in conflicted))
        for author in authors:
            mine = [p for p in on if p.author == author and p.kind != COMMENT]
            name = f"{label} alt {alt_authors.index(author) + 1} — {author}: " if author in alt_authors else \
                f"{author}: "
            runs = [self.lead(name)]
            if any(p.kind == DELETE_PARAGRAPH for p in mine):
                runs += [ooxml.text_run("delete the paragraph: ", italic=True), *self.marked(content, DELETED)]
            elif any(p.words for p in mine):
                runs += self.redline(content, [p for p in mine if p.words])
            for proposal in mine:
                if proposal.kind == MOVE:
                    runs.append(ooxml.text_run(f" {self.c.describe(proposal)}", italic=True))
            self.line(runs, depth + 1, "UNTableText")
        for proposal in on:
            if proposal.comment:
                words = " ".join(op.text for op in proposal.ops if op.op == "equal")
                about = f" on “{words}”" if proposal.kind == COMMENT and words else ""
                self.line([self.lead(f"{proposal.author}, comment{about}: ", italic=True),
                           ooxml.text_run(proposal.comment, italic=True)], depth + 1, "UNTableText")

    def write(self) -> bytes:
        sent = self.sent
        title = f"Compilation text: {sent.front.title or sent.front.symbol or 'the text sent'}"
        self.b.add(ooxml.paragraph("UNTitle", [ooxml.text_run(title)]))
        who = ", ".join(self.c.authors) or "no delegation"
        self.b.add(ooxml.paragraph("UNParagraph", [ooxml.text_run(
            f"Proposals of {who} on {sent.front.symbol or 'the text sent'}. Inserted words are bold and underlined, "
            "deleted words struck through.", italic=True)]))
        if sent.formula:
            self.b.add(ooxml.paragraph("UNFormula", [ooxml.text_run(sent.formula, italic=True)]))
        for label, item, depth in self.walk():
            if isinstance(item, Proposal):
                block = item.block
                runs = [self.lead(f"{label} — {item.author}: "), *self.marked(block.content if block else (), INSERTED)]
                self.line(runs, depth)
                if item.comment:
                    self.line([self.lead(f"{item.author}, comment: ", italic=True),
                               ooxml.text_run(item.comment, italic=True)], depth + 1, "UNTableText")
                continue
            runs = [self.lead(f"{label}\t")]
            runs += inline_runs(item.content, lambda note: self.note_ids.get(note, 0)) if not isinstance(
                item, Footnote) else self.marked(item.content)
            self.line(runs, depth)
            for proposal in self.c.proposals:
                if proposal.kind == MOVE and proposal.after == label and proposal.id in self.shown:
                    self.line([ooxml.text_run(f"[{proposal.paragraph} moved here — {proposal.author}]", italic=True)],
                              depth)
            self.proposal_lines(label, item.content, depth)
        for note in sent.footnotes:
            self.b.add_note(self.note_ids[note.id], [inline_runs(note.content, lambda n: self.note_ids.get(n, 0))])
        self.b.running_heads(sent.front.symbol)
        return self.b.to_bytes()


class TableWriter(TextWriter):
    def write(self) -> bytes:
        sent = self.sent
        self.b.add(ooxml.paragraph("UNTitle", [ooxml.text_run(
            f"Proposals on {sent.front.symbol or sent.front.title or 'the text sent'}, by paragraph")]))
        table = ooxml.el("tbl")
        props = ooxml.sub(table, "tblPr")
        ooxml.sub(props, "tblStyle", val="TableGrid")
        ooxml.sub(props, "tblW", w="5000", type="pct")
        grid = ooxml.sub(table, "tblGrid")
        for width in (3600, 4200, 1560):
            ooxml.sub(grid, "gridCol", w=str(width))
        self.row(table, [[self.lead("Paragraph")]], [[self.lead("Proposals by delegation")]],
                 [[self.lead("Status")]], header=True)
        for label, item, _depth in self.walk():
            if isinstance(item, Proposal):
                content = item.block.content if item.block is not None else ()
                left = [[self.lead(f"{label}  "), *self.marked(content, INSERTED)]]
                middle = [[self.lead(f"{item.author} ({item.id}): "), ooxml.text_run("new paragraph", italic=True)]]
                if item.comment:
                    middle.append([ooxml.text_run(f"comment: {item.comment}", italic=True)])
                self.row(table, left, middle, [[ooxml.text_run(self.status([item]))]])
                continue
            on = [p for p in self.c.on(label) if p.id in self.shown]
            middle = [self.cell_line(p, item.content) for p in on]
            self.row(table, [[self.lead(f"{label}  "), *self.marked(item.content)]], middle or [[]],
                     [[ooxml.text_run(self.status(on))]])
        self.b.add(table)
        self.b.add(ooxml.paragraph("UNParagraph"))
        self.b.running_heads(sent.front.symbol)
        return self.b.to_bytes()

    def cell_line(self, proposal: Proposal, content: Content) -> list[etree._Element]:
        runs = [self.lead(f"{proposal.author} ({proposal.id}): ")]
        if proposal.words:
            runs += self.changed_words(content, proposal)
        elif proposal.kind == DELETE_PARAGRAPH:
            runs.append(ooxml.text_run("delete the paragraph", italic=True, style=DELETED))
        elif proposal.kind == COMMENT:
            words = " ".join(op.text for op in proposal.ops)
            runs.append(ooxml.text_run(f"comment on “{words}”: {proposal.comment}", italic=True))
            return runs
        else:
            runs.append(ooxml.text_run(self.c.describe(proposal), italic=True))
            return runs
        if proposal.comment:
            runs.append(ooxml.text_run(f" — comment: {proposal.comment}", italic=True))
        return runs

    @staticmethod
    def row(table: etree._Element, *cells: list[list[etree._Element]], header: bool = False) -> None:
        row = ooxml.sub(table, "tr")
        if header:
            ooxml.sub(ooxml.sub(row, "trPr"), "tblHeader")
        for paragraphs, width in zip(cells, (1900, 2300, 800), strict=True):
            cell = ooxml.sub(row, "tc")
            ooxml.sub(ooxml.sub(cell, "tcPr"), "tcW", w=str(width), type="pct")
            for runs in paragraphs or [[]]:
                cell.append(ooxml.paragraph("UNTableHead" if header else "UNTableText", runs))


def write_compilation(compilation: Compilation) -> bytes:
    return CompilationWriter(compilation).write()


def write_table(compilation: Compilation) -> bytes:
    return TableWriter(compilation).write()


__all__ = ["CompilationWriter", "TableWriter", "ordinal", "write_compilation", "write_table"]
