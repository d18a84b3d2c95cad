"""Amendments in French, as UN amendment documents word them.

« Au troisième alinéa du préambule, remplacer le mot « exhorte » par « encourage ». » Preambular paragraphs
are alinéas named by ordinal, operative paragraphs are paragraphes of the dispositif named by number;
quotes are guillemets with no-break spaces inside, and a no-break space precedes a colon or semicolon.
"""

from __future__ import annotations

from drafter.amendments.places import ANNEX, FOOTNOTE, HEADING, OPERATIVE, PREAMBLE, TITLE, Place
from drafter.amendments.statement import (
    AFTER,
    BEFORE,
    DELETE,
    DELETE_PARAGRAPH,
    INSERT,
    INSERT_PARAGRAPH,
    INTO,
    MOVE_PARAGRAPH,
    REPLACE,
    REPLACE_PARAGRAPH,
    Statement,
)
from drafter.amendments.wording import Wording

NBSP = "\u00a0"
_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
          "treize", "quatorze", "quinze", "seize"]
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
# what is inserted: (one new, several new)
_ALINEAS = ("un nouvel alinéa", "nouveaux alinéas")
_PARAGRAPHS = ("un nouveau paragraphe", "nouveaux paragraphes")
_KINDS = {PREAMBLE: _ALINEAS, OPERATIVE: _PARAGRAPHS, "sub": _ALINEAS, ANNEX: _PARAGRAPHS}


def cardinal(n: int) -> str:
    """French numbers in words, as written before the 1990 reform (vingt et un, soixante-dix)."""
    if n <= 16:
        return _UNITS[n]
    if n < 20:
        return f"dix-{_UNITS[n - 10]}"
    if n < 70:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + ("" if not unit else " et un" if unit == 1 else f"-{_UNITS[unit]}")
    if n < 80:
        return "soixante et onze" if n == 71 else f"soixante-{cardinal(n - 60)}"
    if n < 100:
        return "quatre-vingts" if n == 80 else f"quatre-vingt-{cardinal(n - 80)}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{_UNITS[hundreds]} cent"
        return head + (f" {cardinal(rest)}" if rest else "s" if hundreds > 1 else "")
    return str(n)


def ordinal(n: int) -> str:
    """1 → « premier », 21 → « vingt et unième », 80 → « quatre-vingtième » (masculine)."""
    if n == 1:
        return "premier"
    word = cardinal(n)
    if word.endswith("s") and not word.endswith("trois"):
        word = word[:-1]  # quatre-vingts, deux cents
    if word.endswith("cinq"):
        return word + "uième"
    if word.endswith("neuf"):
        return word[:-1] + "vième"
    if word.endswith("e"):
        return word[:-1] + "ième"
    return word + "ième"


def _with(article: str, rest: str) -> str:
    return f"l'{rest}" if article == "l'" else f"{article} {rest}"


def _to(article: str, rest: str) -> str:
    return {"le": "au ", "la": "à la ", "l'": "à l'"}[article] + rest


def _of(article: str, rest: str) -> str:
    return {"le": "du ", "la": "de la ", "l'": "de l'"}[article] + rest


class French(Wording):
    language = "fr"
    open_quote = f"«{NBSP}"
    close_quote = f"{NBSP}»"
    and_word = "et"

    def noun(self, place: Place) -> tuple[str, str]:
        """The place's article and the rest: ("le", "troisième alinéa du préambule")."""
        subs = self.labels(place.subs)
        if place.part == TITLE:
            return "le", "titre"
        if place.part == FOOTNOTE:
            return "la", f"note {place.number}"
        if place.part == HEADING:
            return "l'", f"intertitre {self.quote(place.text)}"
        annex = "annexe" if not place.annex else f"annexe {self.annex_name(place.annex)}"
        if not place.number:
            return {PREAMBLE: ("le", "préambule"), OPERATIVE: ("le", "dispositif")}.get(place.part, ("l'", annex))
        if place.part == PREAMBLE and place.suffix:
            whole = f"alinéa {place.number} {place.suffix} du préambule"
            return "l'", f"alinéa {subs} de l'{whole}" if subs else whole
        if place.part == PREAMBLE:
            whole = f"{ordinal(place.number)} alinéa du préambule"
            return ("l'", f"alinéa {subs} du {whole}") if subs else ("le", whole)
        if place.part == OPERATIVE:
            number = f"{place.number} {place.suffix}" if place.suffix else str(place.number)
            return "le", f"paragraphe {number}" + (f" {subs}" if subs else "") + " du dispositif"
        if place.numbered:
            return "le", f"paragraphe {place.number}" + (f" {subs}" if subs else "") + f" de l'{annex}"
        whole = f"{ordinal(place.number)} paragraphe de l'{annex}"
        return ("l'", f"alinéa {subs} du {whole}") if subs else ("le", whole)

    def words(self, quoted: str) -> str:
        return f"{'le mot' if self.single(quoted) else 'les mots'} {self.quote(quoted)}"

    def statement(self, st: Statement) -> str:
        article, rest = self.noun(st.place) if st.place else ("le", "texte")
        place = _with(article, rest)
        where = "Dans le titre" if st.place and st.place.part == TITLE else _to(article, rest)
        where = where[0].upper() + where[1:]
        side = "après" if st.position != BEFORE else "avant"
        if st.action == REPLACE:
            return f"{where}, remplacer {self.words(st.old_words)} par {self.quote(st.new_words)}."
        if st.action == DELETE and st.reference:
            at = f" placé {side} {self.words(st.anchor)}" if st.anchor else ""
            return f"{where}, supprimer l'appel de la note {st.footnote}{at}."
        if st.action == DELETE:
            associated = "" if not st.associated else " ainsi que la note de bas de page correspondante" \
                if st.associated == 1 else " ainsi que les notes de bas de page correspondantes"
            return f"{where}, supprimer {self.words(st.old_words)}{associated}."
        if st.action == INSERT and st.reference:
            at = f" {side} {self.words(st.anchor)}" if st.anchor else ""
            if st.footnote:
                return f"{where}, insérer un appel de la note {st.footnote}{at}."
            return f"{where}, insérer{at} une note de bas de page ainsi libellée{NBSP}: {self.quote(st.new_words)}."
        if st.action == INSERT:
            return f"{where}, insérer {self.words(st.new_words)} {side} {self.words(st.anchor)}."
        if st.action == DELETE_PARAGRAPH:
            return f"Supprimer {place}."
        if st.action == INSERT_PARAGRAPH:
            return self._insertion(st)
        if st.action == MOVE_PARAGRAPH:
            return f"Déplacer {place} {self._destination(st)}."
        if st.action == REPLACE_PARAGRAPH:
            return self._replacement(st, place)
        raise ValueError(f"no wording for {st.action}")

    def _insertion(self, st: Statement) -> str:
        where = self._position(st)
        if st.kind == HEADING:
            return f"{where}, insérer l'intertitre {self.quote(st.lines[0].text)}."
        count = self.top_lines(st)
        one, several = _KINDS.get(st.kind, _KINDS[ANNEX])
        what = f"{one} ainsi libellé" if count == 1 else f"{cardinal(count)} {several} ainsi libellés"
        return f"{where}, insérer {what}{NBSP}:{self.reading(st.lines)}"

    def _position(self, st: Statement) -> str:
        article, rest = self.noun(st.target) if st.target else ("le", "texte")
        if st.position == AFTER:
            return f"Après {_with(article, rest)}"
        if st.position == BEFORE:
            return f"Avant {_with(article, rest)}"
        if st.position == INTO:
            place = _to(article, rest) if st.target and st.target.number else f"dans {_with(article, rest)}"
            return place[0].upper() + place[1:]
        return f"À la fin {_of(article, rest)}"

    def _destination(self, st: Statement) -> str:
        article, rest = self.noun(st.target) if st.target else ("le", "texte")
        if st.position == AFTER:
            return f"pour le placer après {_with(article, rest)}"
        if st.position == BEFORE:
            return f"pour le placer avant {_with(article, rest)}"
        of_paragraph = bool(st.target and st.target.number)
        if st.position == INTO:
            return f"pour en faire un alinéa {_of(article, rest)}" if of_paragraph else f"dans {_with(article, rest)}"
        return f"pour en faire le dernier alinéa {_of(article, rest)}" if of_paragraph else \
            f"à la fin {_of(article, rest)}"

    def _replacement(self, st: Statement, place: str) -> str:
        if st.place and st.place.part == HEADING:
            return f"Remplacer {place} par {self.quote(st.lines[0].text)}."
        if st.merged:
            place = self.join([place, *(_with(*self.noun(other)) for other, _label in st.merged)])
        elif st.chapeau and st.place:
            place = f"le chapeau {_of(*self.noun(st.place))}"
        return f"Remplacer {place} par le texte suivant{NBSP}:{self.reading(st.lines)}"

    def numbering(self, symbol: str) -> str:
        text = f"le document {symbol}" if symbol else "le texte initial"
        return (f"Les paragraphes sont désignés par leur numéro dans {text}{NBSP}; ceux qui suivent un "
                "paragraphe inséré ou supprimé sont renumérotés en conséquence.")

    def earlier_note(self, number: int) -> str:
        return f"Note {number} du texte."

    def bullet(self, index: int) -> str:
        return f"puce {index}"

    def none(self) -> str:
        return "Aucun amendement\u00a0: les deux textes ont le même libellé."
