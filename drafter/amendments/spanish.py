"""Amendments in Spanish, as UN amendment documents word them.

“En el tercer párrafo del preámbulo, sustitúyase la palabra “insta” por “alienta”.” Preambular paragraphs
are named by ordinal (apocopated before the noun: primer, tercer), operative paragraphs by number in the
parte dispositiva; quotes are the curly double quotes of UN Spanish documents.
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

_UNITS = ["", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"]
_TEENS = ["décimo", "undécimo", "duodécimo", "decimotercer", "decimocuarto", "decimoquinto", "decimosexto",
          "decimoséptimo", "decimoctavo", "decimonoveno"]
_TENS = ["", "", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo", "septuagésimo",
         "octogésimo", "nonagésimo"]
_HUNDREDS = ["", "centésimo", "ducentésimo", "tricentésimo", "cuadringentésimo", "quingentésimo",
             "sexcentésimo", "septingentésimo", "octingentésimo", "noningentésimo"]
_CARDINALS = ["cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
              "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"]
# what is inserted: (one new, several new)
_KINDS = {PREAMBLE: ("párrafo", "párrafos"), OPERATIVE: ("párrafo", "párrafos"), "sub": ("apartado", "apartados"),
          ANNEX: ("párrafo", "párrafos")}


def ordinal(n: int) -> str:
    """1 → "primer", 13 → "decimotercer", 21 → "vigésimo primer" (masculine, before the noun)."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f" {_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _HUNDREDS[hundreds] + (f" {ordinal(rest)}" if rest else "")
    return f"{n}.º"


def _with(article: str, rest: str) -> str:
    return f"{article} {rest}"


def _of(article: str, rest: str) -> str:
    return f"del {rest}" if article == "el" else f"de {article} {rest}"


def _to(article: str, rest: str) -> str:
    return f"al {rest}" if article == "el" else f"a {article} {rest}"


class Spanish(Wording):
    language = "es"
    and_word = "y"

    def noun(self, place: Place) -> tuple[str, str]:
        """The place's article and the rest: ("el", "tercer párrafo del preámbulo")."""
        subs = self.labels(place.subs)
        if place.part == TITLE:
            return "el", "título"
        if place.part == FOOTNOTE:
            return "la", f"nota {place.number}"
        if place.part == HEADING:
            return "el", f"subtítulo {self.quote(place.text)}"
        annex = "anexo" if not place.annex else f"anexo {self.annex_name(place.annex)}"
        if not place.number:
            return {PREAMBLE: ("el", "preámbulo"), OPERATIVE: ("la", "parte dispositiva")}.get(place.part,
                                                                                           ("el", annex))
        if place.part == PREAMBLE:  # by ordinal, or by number with the label of a negotiated text
            whole = f"párrafo {place.number} {place.suffix} del preámbulo" if place.suffix else \
                f"{ordinal(place.number)} párrafo del preámbulo"
            return "el", f"apartado {subs} del {whole}" if subs else whole
        if place.part == OPERATIVE:
            number = f"{place.number} {place.suffix}" if place.suffix else str(place.number)
            return "el", f"párrafo {number}" + (f" {subs}" if subs else "") + " de la parte dispositiva"
        if place.numbered:
            return "el", f"párrafo {place.number}" + (f" {subs}" if subs else "") + f" del {annex}"
        whole = f"{ordinal(place.number)} párrafo del {annex}"
        return "el", f"apartado {subs} del {whole}" if subs else whole

    def words(self, quoted: str) -> str:
        return f"{'la palabra' if self.single(quoted) else 'las palabras'} {self.quote(quoted)}"

    @staticmethod
    def verb(stem: str, quoted: str) -> str:
        """The impersonal verb agreeing with the words quoted: "suprímase" / "suprímanse"."""
        return f"{stem}{'' if Wording.single(quoted) else 'n'}se"

    def statement(self, st: Statement) -> str:
        article, rest = self.noun(st.place) if st.place else ("el", "texto")
        place = _with(article, rest)
        where = f"En {place}"
        side = "después de" if st.position != BEFORE else "antes de"
        if st.action == REPLACE:
            return (f"{where}, {self.verb('sustitúya', st.old_words)} {self.words(st.old_words)} "
                    f"por {self.quote(st.new_words)}.")
        if st.action == DELETE and st.reference:
            at = f" que figura {side} {self.words(st.anchor)}" if st.anchor else ""
            return f"{where}, suprímase la llamada a la nota {st.footnote}{at}."
        if st.action == DELETE:
            associated = "" if not st.associated else " y la nota de pie de página correspondiente" \
                if st.associated == 1 else " y las notas de pie de página correspondientes"
            return f"{where}, {self.verb('supríma', st.old_words)} {self.words(st.old_words)}{associated}."
        if st.action == INSERT and st.reference:
            at = f" {side} {self.words(st.anchor)}" if st.anchor else ""
            if st.footnote:
                return f"{where}, insértese una llamada a la nota {st.footnote}{at}."
            return f"{where}, insértese{at} una nota de pie de página que diga: {self.quote(st.new_words)}."
        if st.action == INSERT:
            return (f"{where}, {self.verb('insérte', st.new_words)} {self.words(st.new_words)} "
                    f"{side} {self.words(st.anchor)}.")
        if st.action == DELETE_PARAGRAPH:
            return f"Suprímase {place}."
        if st.action == INSERT_PARAGRAPH:
            return self._insertion(st)
        if st.action == MOVE_PARAGRAPH:
            return f"Trasládese {place} {self._destination(st)}."
        if st.action == REPLACE_PARAGRAPH:
            return self._replacement(st, place)
        raise ValueError(f"no wording for {st.action}")

    def _insertion(self, st: Statement) -> str:
        where = self._position(st)
        if st.kind == HEADING:
            return f"{where}, insértese el subtítulo {self.quote(st.lines[0].text)}."
        count = self.top_lines(st)
        one, several = _KINDS.get(st.kind, _KINDS[ANNEX])
        if count == 1:
            what = f"insértese un nuevo {one} que diga"
        else:
            number = _CARDINALS[count] if count < len(_CARDINALS) else str(count)
            what = f"insértense {number} nuevos {several} que digan"
        return f"{where}, {what}:{self.reading(st.lines)}"

    def _position(self, st: Statement) -> str:
        article, rest = self.noun(st.target) if st.target else ("el", "texto")
        if st.position == AFTER:
            return f"Después {_of(article, rest)}"
        if st.position == BEFORE:
            return f"Antes {_of(article, rest)}"
        if st.position == INTO:
            return f"En {_with(article, rest)}"
        return f"Al final {_of(article, rest)}"

    def _destination(self, st: Statement) -> str:
        article, rest = self.noun(st.target) if st.target else ("el", "texto")
        if st.position == AFTER:
            return f"a continuación {_of(article, rest)}"
        if st.position == BEFORE:
            return f"antes {_of(article, rest)}"
        of_paragraph = bool(st.target and st.target.number)
        if st.position == INTO:
            return f"como apartado {_of(article, rest)}" if of_paragraph else _to(article, rest)
        return f"como último apartado {_of(article, rest)}" if of_paragraph else f"al final {_of(article, rest)}"

    def _replacement(self, st: Statement, place: str) -> str:
        if st.place and st.place.part == HEADING:
            return f"Sustitúyase {place} por {self.quote(st.lines[0].text)}."
        verb = "Sustitúyase"
        if st.merged:
            place = self.join([place, *(_with(*self.noun(other)) for other, _label in st.merged)])
            verb = "Sustitúyanse"
        elif st.chapeau and st.place:
            place = f"la parte introductoria {_of(*self.noun(st.place))}"
        return f"{verb} {place} por el texto siguiente:{self.reading(st.lines)}"

    def numbering(self, symbol: str) -> str:
        text = f"el documento {symbol}" if symbol else "el texto original"
        return (f"Los párrafos se designan por su número en {text}; los que siguen a un párrafo insertado "
                "o suprimido se renumeran en consecuencia.")

    def earlier_note(self, number: int) -> str:
        return f"Nota {number} del texto."

    def bullet(self, index: int) -> str:
        return f"viñeta {index}"

    def none(self) -> str:
        return "No hay enmiendas: los dos textos tienen la misma redacción."
