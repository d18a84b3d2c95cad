"""Statements worded in a language: what English, French and Spanish share.

Each language (`english`, `french`, `spanish`; `languages.wording_for` picks one) words every kind of
statement the way UN amendment documents do in it, with its ordinals, its quotation marks and its
sub-paragraph labels. Quoted new text marks each footnote reference; a statement's footnotes are numbered
through the list (¹, ², …) and given after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.amendments.places import Level
from drafter.amendments.statement import NOTE_MARK, Line, Note, Statement
from drafter.compare.words import superscript
from drafter.model import roman, sub_label


class Wording:
    """The shared part of a language's wording; a language overrides the phrases."""

    language = "en"
    open_quote = "\u201c"
    close_quote = "\u201d"
    and_word = "and"
    indent = "    "

    def statement(self, statement: Statement) -> str:
        raise NotImplementedError

    def numbering(self, symbol: str) -> str:
        """The sentence that says paragraphs are named as numbered in the earlier text."""
        raise NotImplementedError

    def earlier_note(self, number: int) -> str:
        """What a statement's footnote says when it is a footnote the earlier text already has."""
        raise NotImplementedError

    def bullet(self, index: int) -> str:
        raise NotImplementedError

    def none(self) -> str:
        """The line of a list without statements."""
        raise NotImplementedError

    # --- shared ------------------------------------------------------------------------------------
    def render(self, statement: Statement) -> str:
        """The statement worded, its footnotes' markers in place and their texts after it."""
        text = self.statement(statement)
        for note in statement.notes:
            text = text.replace(NOTE_MARK, superscript(note.marker), 1)
        text = text.replace(NOTE_MARK, "")
        lines = [f"{superscript(note.marker)} {self.note_text(note)}" for note in statement.notes]
        return "\n".join([text, *lines])

    def note_text(self, note: Note) -> str:
        return note.text if not note.footnote else self.earlier_note(note.footnote)

    def quote(self, text: str) -> str:
        return f"{self.open_quote}{text}{self.close_quote}"

    def label(self, level: Level) -> str:
        if level.label:
            return f"({level.label})" if self.language == "en" else f"{level.label})"
        printed = sub_label(level.depth, level.index, self.language, level.style)
        return self.bullet(level.index) if printed == "\u2022" else printed

    def labels(self, levels: Sequence[Level]) -> str:
        return " ".join(self.label(level) for level in levels)

    def reading(self, lines: Sequence[Line]) -> str:
        """Quoted paragraphs: on the same line when there is one, else one a line, sub-paragraphs indented."""
        if len(lines) == 1 and lines[0].level is None:
            return " " + self.quote(lines[0].text)
        out = []
        for line in lines:
            text = line.text if line.level is None else f"{self.label(line.level)} {line.text}"
            out.append(self.indent * line.indent + self.quote(text))
        return "\n" + "\n".join(out)

    def join(self, items: Sequence[str]) -> str:
        if len(items) < 2:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.and_word} {items[-1]}"

    @staticmethod
    def single(words: str) -> bool:
        """Whether quoted words are one word (singular: "the word")."""
        return len(words.split()) == 1

    @staticmethod
    def annex_name(number: int) -> str:
        return roman(number).upper()

    @staticmethod
    def top_lines(statement: Statement) -> int:
        return sum(1 for line in statement.lines if line.level is None) or 1

