"""Statements worded in a language: one builder, and each language a table of its words (`Forms`).

The builder (`Wording`) words every kind of statement the way UN amendment documents do, the same way in
every language: it names the place (`noun`), says where ("In the third preambular paragraph", "Au
troisième alinéa du préambule"), which words ("the words “…”"), and where a paragraph goes. What differs
between languages is only words and forms, and those are the language's `Forms` (`english`, `french`,
`spanish`; `languages.wording_for` picks one): the sentences with their slots, the ordinals and numbers, the
quotation marks, the nouns of places with their articles, and the article's contractions with "à"/"de"
("au", "du", "de l'", "al", "del"). The tables write each noun with its article, as a speaker knows it
("la note {n}", "l'alinéa …", "el párrafo …"); the builder splits the article off (`Noun`) to contract it
where a preposition comes before. English has the article in the noun ("the third preambular paragraph")
and no contractions.

The slots of the sentences: `{where}` (the place with its preposition, capitalised), `{place}` (the place
with its article), `{old}`/`{new}` ("the words “…”"), `{quoted}` (the quoted new words), `{anchor}`,
`{side}` ("after", "avant", "después de"), `{at}` (a footnote reference's place), `{note}` (its number),
`{verb}` (a Spanish verb agreeing in number with the words it quotes), `{what}`, `{reading}` and `{to}`,
`{To}`, `{with}`, `{of}` (a place after "to", "with" and "of": "au paragraphe", "Au paragraphe", "le
paragraphe", "du paragraphe"). Quoted new text marks each footnote reference; a statement's footnotes
are numbered through the list (¹, ², …) and given after it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from drafter.amendments import statement as actions
from drafter.amendments.places import ANNEX, FOOTNOTE, HEADING, OPERATIVE, PREAMBLE, TITLE, Level, Place
from drafter.amendments.statement import NOTE_MARK, Line, Note, Statement
from drafter.compare.words import superscript
from drafter.model import roman, sub_label


class Noun(NamedTuple):
    """A place as a noun: its article ("" in English, where the noun holds it) and the rest."""

    article: str
    rest: str


@dataclass(frozen=True)
class Forms:
    """A language's words for amendments: every sentence and noun, with the slots the builder fills."""

    language: str
    ordinal: Callable[[int], str]
    cardinal: Callable[[int], str]
    sentences: Mapping[str, str]  # by the kind of sentence; the keys are those of `english.FORMS`
    nouns: Mapping[str, str]  # the nouns of places, by kind, with their article ("la note {n}")
    contractions: Mapping[str, Mapping[str, str]]  # "with", "to", "of" → article → what the noun follows
    positions: Mapping[str, str]  # where an insertion goes: "after", "before", "into", "into part", "end"
    destinations: Mapping[str, str]  # where a move takes a paragraph: the same keys
    kinds: Mapping[str, tuple[str, str]]  # what an insertion adds, one or several ({n}), by part
    words: tuple[str, str]  # "the word", "the words"
    sides: tuple[str, str]  # "after", "before"
    associated: tuple[str, str]  # " and the associated footnote", "… footnotes"
    verbs: Mapping[str, tuple[str, str]]  # a verb that agrees with one or several words quoted (Spanish)
    open_quote: str = "\u201c"
    close_quote: str = "\u201d"
    and_word: str = "and"
    bullet: str = "bullet {n}"


class Wording:
    """Statements worded with a language's `Forms`."""

    indent = "    "

    def __init__(self, forms: Forms) -> None:
        self.forms = forms
        self.language = forms.language
        self.open_quote, self.close_quote, self.and_word = forms.open_quote, forms.close_quote, forms.and_word

    # --- places ----------------------------------------------------------------------------------------
    def _noun(self, kind: str, **slots: object) -> Noun:
        """A noun of the table, its article split off ("le troisième alinéa" → "le", "troisième alinéa")."""
        text = self.forms.nouns[kind].format(**slots)
        for article, written in self.forms.contractions["with"].items():
            if article and text.startswith(written):
                return Noun(article, text[len(written):])
        return Noun("", text)

    def noun(self, place: Place) -> Noun:
        """The place as a noun: "the third preambular paragraph", ("le", "troisième alinéa du préambule")."""
        subs = self.labels(place.subs)
        if place.part in (TITLE, FOOTNOTE, HEADING):
            return self._noun(place.part, n=place.number, quoted=self.quote(place.text))
        annex = self.forms.nouns["an annex" if place.annex else "the annex"].format(
            name=self.annex_name(place.annex))
        if not place.number:
            return self._noun(place.part if place.part in (PREAMBLE, OPERATIVE) else "annex", annex=annex)
        subs_after = f" {subs}" if subs else ""
        if place.part == OPERATIVE:
            number = f"{place.number} {place.suffix}" if place.suffix else str(place.number)
            return self._noun("operative paragraph", number=number, subs=subs_after)
        if place.part != PREAMBLE and place.numbered:
            return self._noun("annex paragraph", n=place.number, subs=subs_after, annex=annex)
        if place.part == PREAMBLE:  # by ordinal, or by number with the label of a negotiated text
            kind = "preambular paragraph numbered" if place.suffix else "preambular paragraph"
        else:
            kind = "annex paragraph by ordinal"
        whole = self._noun(kind, n=place.number, suffix=place.suffix, ordinal=self.forms.ordinal(place.number),
                           annex=annex)
        if not subs:
            return whole
        return self._noun("subparagraph", subs=subs, whole=self.of(whole))

    def with_(self, noun: Noun) -> str:
        return self.forms.contractions["with"][noun.article] + noun.rest

    def to(self, noun: Noun) -> str:
        return self.forms.contractions["to"][noun.article] + noun.rest

    def of(self, noun: Noun) -> str:
        return self.forms.contractions["of"][noun.article] + noun.rest

    def _slots(self, noun: Noun) -> dict[str, str]:
        to = self.to(noun)
        return {"with": self.with_(noun), "to": to, "To": _capital(to), "of": self.of(noun)}

    # --- statements -------------------------------------------------------------------------------------
    def words(self, quoted: str) -> str:
        return f"{self.forms.words[0 if self.single(quoted) else 1]} {self.quote(quoted)}"

    def _say(self, key: str, **slots: object) -> str:
        return self.forms.sentences[key].format(**slots)

    def _verb(self, key: str, quoted: str = "", plural: bool = False) -> str:
        forms = self.forms.verbs.get(key, ("", ""))
        return forms[1 if plural or (quoted and not self.single(quoted)) else 0]

    def statement(self, st: Statement) -> str:
        noun = self.noun(st.place) if st.place else self._noun("no place")
        place = self.with_(noun)
        if st.place and st.place.part == TITLE:
            where = self._say("in the title")
        else:
            where = _capital(self._say("where", **self._slots(noun)))
        side = self.forms.sides[1 if st.position == actions.BEFORE else 0]
        slots = {"where": where, "place": place, "side": side, "note": st.footnote, "anchor": self.words(st.anchor)}
        if st.action == actions.REPLACE:
            return self._say("replace", old=self.words(st.old_words), quoted=self.quote(st.new_words),
                             verb=self._verb("replace", st.old_words), **slots)
        if st.action == actions.DELETE and st.reference:
            at = self._say("reference at", **slots) if st.anchor else ""
            return self._say("delete reference", at=at, **slots)
        if st.action == actions.DELETE:
            associated = "" if not st.associated else self.forms.associated[0 if st.associated == 1 else 1]
            return self._say("delete", old=self.words(st.old_words), verb=self._verb("delete", st.old_words),
                             associated=associated, **slots)
        if st.action == actions.INSERT and st.reference:
            at = self._say("insertion at", **slots) if st.anchor else ""
            key = "insert reference" if st.footnote else "insert footnote"
            return self._say(key, at=at, quoted=self.quote(st.new_words), **slots)
        if st.action == actions.INSERT:
            return self._say("insert", new=self.words(st.new_words), verb=self._verb("insert", st.new_words),
                             **slots)
        if st.action == actions.DELETE_PARAGRAPH:
            return self._say("delete paragraph", **slots)
        if st.action == actions.INSERT_PARAGRAPH:
            return self._insertion(st)
        if st.action == actions.MOVE_PARAGRAPH:
            return self._say("move", destination=self._destination(st), **slots)
        if st.action == actions.REPLACE_PARAGRAPH:
            return self._replacement(st, place)
        raise ValueError(f"no wording for {st.action}")

    def _target(self, st: Statement) -> tuple[Noun, bool]:
        """The noun of the paragraph an insertion or a move goes next to, and whether it is a paragraph
        (not a part)."""
        noun = self.noun(st.target) if st.target else self._noun("no target")
        return noun, bool(st.target and st.target.number)

    def _where_to(self, table: Mapping[str, str], st: Statement) -> str:
        noun, of_paragraph = self._target(st)
        key = st.position if st.position in (actions.AFTER, actions.BEFORE) else \
            ("into" if st.position == actions.INTO else "end") + ("" if of_paragraph else " part")
        return table[key].format(**self._slots(noun))

    def _insertion(self, st: Statement) -> str:
        where = self._where_to(self.forms.positions, st)
        if st.kind == HEADING:
            return self._say("insert heading", where=where, quoted=self.quote(st.lines[0].text))
        count = self.top_lines(st)
        one, several = self.forms.kinds.get(st.kind, self.forms.kinds[ANNEX])
        what = one if count == 1 else several.format(n=self.forms.cardinal(count))
        return self._say("insert paragraph", where=where, what=what, reading=self.reading(st.lines))

    def _destination(self, st: Statement) -> str:
        return self._where_to(self.forms.destinations, st)

    def _replacement(self, st: Statement, place: str) -> str:
        if st.place and st.place.part == HEADING:
            return self._say("replace heading", place=place, quoted=self.quote(st.lines[0].text),
                             verb=self._verb("replace paragraph"))
        if st.merged:
            place = self.join([place, *(self.with_(self.noun(other)) for other, _label in st.merged)])
        elif st.chapeau and st.place:
            place = self._say("chapeau", of=self.of(self.noun(st.place)))
        return self._say("replace paragraph", place=place, reading=self.reading(st.lines),
                         verb=self._verb("replace paragraph", plural=bool(st.merged)))

    def numbering(self, symbol: str) -> str:
        """The sentence that says paragraphs are named as numbered in the earlier text."""
        text = self._say("symbol", symbol=symbol) if symbol else self._say("no symbol")
        return self._say("numbering", text=text)

    def earlier_note(self, number: int) -> str:
        """What a statement's footnote says when it is a footnote the earlier text already has."""
        return self._say("earlier note", n=number)

    def bullet(self, index: int) -> str:
        return self.forms.bullet.format(n=index)

    def none(self) -> str:
        """The line of a list without statements."""
        return self._say("none")

    # --- the rest ----------------------------------------------------------------------------------------
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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


__all__ = ["Forms", "Noun", "Wording"]
