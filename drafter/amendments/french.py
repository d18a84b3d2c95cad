"""Amendments in French, as UN amendment documents word them.

« Au troisième alinéa du préambule, remplacer le mot « exhorte » par « encourage ». » Preambular paragraphs
are alinéas named by ordinal, operative paragraphs are paragraphes of the dispositif named by number;
quotes are guillemets with no-break spaces inside, and a no-break space precedes a colon or semicolon.
Nouns have their gender's article ("le" paragraphe, "la" note, "l'"alinéa), which "à" and "de" contract
with: "au paragraphe", "du troisième alinéa", "de l'annexe".
"""

from __future__ import annotations

from drafter.amendments.places import ANNEX, OPERATIVE, PREAMBLE
from drafter.amendments.wording import Forms

NBSP = "\u00a0"
_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
          "treize", "quatorze", "quinze", "seize"]
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
# what is inserted: (one new, several new)
_ALINEAS = ("un nouvel alinéa ainsi libellé", "{n} nouveaux alinéas ainsi libellés")
_PARAGRAPHS = ("un nouveau paragraphe ainsi libellé", "{n} nouveaux paragraphes ainsi libellés")


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


FORMS = Forms(
    language="fr",
    ordinal=ordinal,
    cardinal=cardinal,
    sentences={
        "where": "{to}",
        "in the title": "Dans le titre",
        "replace": "{where}, remplacer {old} par {quoted}.",
        "reference at": " placé {side} {anchor}",
        "delete reference": "{where}, supprimer l'appel de la note {note}{at}.",
        "delete": "{where}, supprimer {old}{associated}.",
        "insertion at": " {side} {anchor}",
        "insert reference": "{where}, insérer un appel de la note {note}{at}.",
        "insert footnote": "{where}, insérer{at} une note de bas de page ainsi libellée" + NBSP + ": {quoted}.",
        "insert": "{where}, insérer {new} {side} {anchor}.",
        "delete paragraph": "Supprimer {place}.",
        "move": "Déplacer {place} {destination}.",
        "insert heading": "{where}, insérer l'intertitre {quoted}.",
        "insert paragraph": "{where}, insérer {what}" + NBSP + ":{reading}",
        "replace heading": "Remplacer {place} par {quoted}.",
        "chapeau": "le chapeau {of}",
        "replace paragraph": "Remplacer {place} par le texte suivant" + NBSP + ":{reading}",
        "symbol": "le document {symbol}",
        "no symbol": "le texte initial",
        "numbering": "Les paragraphes sont désignés par leur numéro dans {text}" + NBSP + "; ceux qui suivent un "
                     "paragraphe inséré ou supprimé sont renumérotés en conséquence.",
        "earlier note": "Note {n} du texte.",
        "none": "Aucun amendement" + NBSP + ": les deux textes ont le même libellé.",
    },
    nouns={
        "title": "le titre",
        "footnote": "la note {n}",
        "heading": "l'intertitre {quoted}",
        "the annex": "annexe",  # the annex and an annex: names only, inside other nouns
        "an annex": "annexe {name}",
        "preamble": "le préambule",
        "operative": "le dispositif",
        "annex": "l'{annex}",
        "operative paragraph": "le paragraphe {number}{subs} du dispositif",
        "annex paragraph": "le paragraphe {n}{subs} de l'{annex}",
        "preambular paragraph numbered": "l'alinéa {n} {suffix} du préambule",
        "preambular paragraph": "le {ordinal} alinéa du préambule",
        "annex paragraph by ordinal": "le {ordinal} paragraphe de l'{annex}",
        "subparagraph": "l'alinéa {subs} {whole}",
        "no place": "le texte",
        "no target": "le texte",
    },
    contractions={"with": {"le": "le ", "la": "la ", "l'": "l'"},
                  "to": {"le": "au ", "la": "à la ", "l'": "à l'"},
                  "of": {"le": "du ", "la": "de la ", "l'": "de l'"}},
    positions={"after": "Après {with}", "before": "Avant {with}", "into": "{To}", "into part": "Dans {with}",
               "end": "À la fin {of}", "end part": "À la fin {of}"},
    destinations={"after": "pour le placer après {with}", "before": "pour le placer avant {with}",
                  "into": "pour en faire un alinéa {of}", "into part": "dans {with}",
                  "end": "pour en faire le dernier alinéa {of}", "end part": "à la fin {of}"},
    kinds={PREAMBLE: _ALINEAS, OPERATIVE: _PARAGRAPHS, "sub": _ALINEAS, ANNEX: _PARAGRAPHS},
    words=("le mot", "les mots"),
    sides=("après", "avant"),
    associated=(" ainsi que la note de bas de page correspondante",
                " ainsi que les notes de bas de page correspondantes"),
    verbs={},
    open_quote=f"«{NBSP}",
    close_quote=f"{NBSP}»",
    and_word="et",
    bullet="puce {n}",
)
