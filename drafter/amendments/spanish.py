"""Amendments in Spanish, as UN amendment documents word them.

“En el tercer párrafo del preámbulo, sustitúyase la palabra “insta” por “alienta”.” Preambular paragraphs
are named by ordinal (apocopated before the noun: primer, tercer), operative paragraphs by number in the
parte dispositiva; quotes are the curly double quotes of UN Spanish documents. Nouns have their gender's
article ("el" párrafo, "la" nota), which "a" and "de" contract with when masculine ("al", "del"); an
impersonal verb agrees in number with the words it quotes ("suprímase la palabra", "suprímanse las
palabras").
"""

from __future__ import annotations

from drafter.amendments.places import ANNEX, OPERATIVE, PREAMBLE
from drafter.amendments.wording import Forms

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
_PARAGRAPHS = ("insértese un nuevo párrafo que diga", "insértense {n} nuevos párrafos que digan")
_SUBPARAGRAPHS = ("insértese un nuevo apartado que diga", "insértense {n} nuevos apartados que digan")


def cardinal(n: int) -> str:
    """How many new paragraphs: "dos", "tres"; in figures from 21."""
    return _CARDINALS[n] if n < len(_CARDINALS) else str(n)


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


FORMS = Forms(
    language="es",
    ordinal=ordinal,
    cardinal=cardinal,
    sentences={
        "where": "En {with}",
        "in the title": "En el título",
        "replace": "{where}, {verb} {old} por {quoted}.",
        "reference at": " que figura {side} {anchor}",
        "delete reference": "{where}, suprímase la llamada a la nota {note}{at}.",
        "delete": "{where}, {verb} {old}{associated}.",
        "insertion at": " {side} {anchor}",
        "insert reference": "{where}, insértese una llamada a la nota {note}{at}.",
        "insert footnote": "{where}, insértese{at} una nota de pie de página que diga: {quoted}.",
        "insert": "{where}, {verb} {new} {side} {anchor}.",
        "delete paragraph": "Suprímase {place}.",
        "move": "Trasládese {place} {destination}.",
        "insert heading": "{where}, insértese el subtítulo {quoted}.",
        "insert paragraph": "{where}, {what}:{reading}",
        "replace heading": "Sustitúyase {place} por {quoted}.",
        "chapeau": "la parte introductoria {of}",
        "replace paragraph": "{verb} {place} por el texto siguiente:{reading}",
        "symbol": "el documento {symbol}",
        "no symbol": "el texto original",
        "numbering": "Los párrafos se designan por su número en {text}; los que siguen a un párrafo insertado "
                     "o suprimido se renumeran en consecuencia.",
        "earlier note": "Nota {n} del texto.",
        "none": "No hay enmiendas: los dos textos tienen la misma redacción.",
    },
    nouns={
        "title": "el título",
        "footnote": "la nota {n}",
        "heading": "el subtítulo {quoted}",
        "the annex": "anexo",  # the annex and an annex: names only, inside other nouns
        "an annex": "anexo {name}",
        "preamble": "el preámbulo",
        "operative": "la parte dispositiva",
        "annex": "el {annex}",
        "operative paragraph": "el párrafo {number}{subs} de la parte dispositiva",
        "annex paragraph": "el párrafo {n}{subs} del {annex}",
        "preambular paragraph numbered": "el párrafo {n} {suffix} del preámbulo",
        "preambular paragraph": "el {ordinal} párrafo del preámbulo",
        "annex paragraph by ordinal": "el {ordinal} párrafo del {annex}",
        "subparagraph": "el apartado {subs} {whole}",
        "no place": "el texto",
        "no target": "el texto",
    },
    contractions={"with": {"el": "el ", "la": "la "}, "to": {"el": "al ", "la": "a la "},
                  "of": {"el": "del ", "la": "de la "}},
    positions={"after": "Después {of}", "before": "Antes {of}", "into": "En {with}", "into part": "En {with}",
               "end": "Al final {of}", "end part": "Al final {of}"},
    destinations={"after": "a continuación {of}", "before": "antes {of}", "into": "como apartado {of}",
                  "into part": "{to}", "end": "como último apartado {of}", "end part": "al final {of}"},
    kinds={PREAMBLE: _PARAGRAPHS, OPERATIVE: _PARAGRAPHS, "sub": _SUBPARAGRAPHS, ANNEX: _PARAGRAPHS},
    words=("la palabra", "las palabras"),
    sides=("después de", "antes de"),
    associated=(" y la nota de pie de página correspondiente", " y las notas de pie de página correspondientes"),
    verbs={"replace": ("sustitúyase", "sustitúyanse"), "delete": ("suprímase", "suprímanse"),
           "insert": ("insértese", "insértense"), "replace paragraph": ("Sustitúyase", "Sustitúyanse")},
    and_word="y",
    bullet="viñeta {n}",
)
