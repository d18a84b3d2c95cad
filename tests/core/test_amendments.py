"""Formal amendments from comparisons: the statements of real series name the right paragraphs, and an
independent reader (tests/amendment_reader.py) that applies them to the earlier text gets the later one.

The expected statements of the corpus pairs were written down by reading both texts (the comparer's
report only lists which paragraphs differ).
"""

from __future__ import annotations

import copy
from functools import cache
from itertools import count
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies

import drafter
from drafter.amendments import ACTIONS, Amendments, amendments
from drafter.amendments.english import ordinal as english_ordinal
from drafter.amendments.french import ordinal as french_ordinal
from drafter.amendments.spanish import ordinal as spanish_ordinal
from drafter.compare import compare
from drafter.model import (
    Block,
    CrossHeading,
    Footnote,
    FrontMatter,
    Inline,
    NoteRef,
    Paragraph,
    Resolution,
    Text,
    iter_paragraphs,
    normalize_runs,
)
from tests.amendment_reader import Reader, normal, ordinal_number, outline_of

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@cache
def _load(name: str) -> Resolution:
    return drafter.load(str(CORPUS / f"{name}.txt"))


def load(name: str) -> Resolution:
    return copy.deepcopy(_load(name))


def read_back(old: Resolution, found: Amendments) -> Reader:
    """The earlier text with every statement applied in order, by the independent reader."""
    reader = Reader(old)
    for entry in found.to_dict()["amendments"]:
        reader.apply(entry["text"])
    return reader


def check_read_back(old: Resolution, new: Resolution, found: Amendments) -> Reader:
    """The statements, applied to `old`, give `new`: paragraphs, headings, footnotes and title."""
    reader = read_back(old, found)
    assert reader.outline() == outline_of(new)
    assert normal(reader.title) == normal(new.front.title)
    changes = compare(old, new)
    old_numbers = {note.id: number for number, note in enumerate(old.footnotes, 1)}
    for record in changes.records:
        if record.part == "footnotes" and record.old_ids and record.new_ids:
            later = new.footnote(record.new_ids[0])
            assert later is not None
            assert normal(reader.footnotes[old_numbers[record.old_ids[0]]]) == normal(later.text)
    paired = {record.new_ids[0] for record in changes.records
              if record.part == "footnotes" and record.old_ids and record.new_ids}
    cited = {item.note for block in new.blocks() for item in block.content if hasattr(item, "note")}
    added = {normal(note.text) for note in new.footnotes if note.id not in paired and note.id in cited}
    assert {normal(text) for text in reader.new_footnotes} == added
    return reader


def texts(found: Amendments) -> list[str]:
    return [entry["text"] for entry in found.to_dict()["amendments"]]


# --- the Enhancement series -----------------------------------------------------------------------
def test_72_169_to_75_180_names_the_paragraphs_by_ordinal_and_reads_back() -> None:
    old, new = load("A-RES-72-169-clean"), load("A-RES-75-180")
    found = amendments(old, new)
    statements = texts(found)
    assert "In the first preambular paragraph, replace the word \u201cAction,\u201d with \u201cAction\u201d." \
        in statements
    assert any(text.startswith("In the third preambular paragraph, replace the word \u201c70/153\u201d")
               for text in statements)
    assert "Insert a new preambular paragraph after the tenth preambular paragraph, reading: \u201cRecognizing " \
           "that the enhancement of international cooperation and genuine dialogue contributes to the effective " \
           "functioning of the international human rights system,\u201d" in statements
    assert "In operative paragraph 10, insert the words \u201cand constructive\u201d after the word " \
           "\u201ccooperative\u201d." in statements
    assert "Delete operative paragraph 15." in statements
    assert any(text.startswith("Insert a new operative paragraph after operative paragraph 14, reading: "
                               "\u201cEncourages all Member States") for text in statements)
    assert "In operative paragraph 17, replace the word \u201cseventy-third\u201d with \u201cseventy-sixth\u201d." \
        in statements
    assert {entry["paragraph"] for entry in found.to_dict()["amendments"]} == \
        {"PP1", "PP3", "PP10", "OP10", "OP14", "OP15", "OP17", "footnote 3"}
    assert found.numbering.startswith("Paragraphs are referred to by their numbers in A/RES/72/169")
    assert any("front matter changed" in warning for warning in found.warnings)
    check_read_back(old, new, found)


def test_75_180_to_76_159_quotes_words_once_and_carries_the_new_footnote() -> None:
    old, new = load("A-RES-75-180"), load("A-RES-76-159")
    found = amendments(old, new)
    statements = texts(found)
    assert "In the thirteenth preambular paragraph, insert the word \u201call\u201d after the words " \
           "\u201crespect for\u201d." in statements
    assert "In operative paragraph 3, insert the word \u201cpeace,\u201d after the words \u201cculture of\u201d." \
        in statements
    # "18" alone is ambiguous in the third preambular paragraph: the word before it makes the quote unique
    assert "In the third preambular paragraph, replace the words \u201cof 18\u201d with \u201cof 16\u201d." \
        in statements
    tenth = next(text for text in statements if "tenth anniversary" in text)
    assert tenth == ("In the fourth preambular paragraph, replace the words \u201ctenth anniversary\u201d with "
                     "\u201ctenth\u00b9 and twentieth\u00b2 anniversaries\u201d.\n"
                     "\u00b9 Footnote 4 of the text.\n\u00b2 Resolution 76/1.")
    assert "In the fourth preambular paragraph, delete the reference to footnote 4 after the word " \
           "\u201cAction,\u201d." in statements
    labels = [entry["paragraph"] for entry in found.to_dict()["amendments"]]
    assert sorted(set(labels)) == sorted({"PP3", "PP4", "PP13", "OP1", "OP3", "OP4", "OP8", "OP12", "OP17",
                                          "footnote 3"})
    check_read_back(old, new, found)


def test_the_reader_reads_ordinals_independently() -> None:
    for number in (1, 2, 3, 9, 11, 12, 19, 20, 21, 34, 40, 58, 99):
        assert ordinal_number(english_ordinal(number)) == number
    assert [english_ordinal(n) for n in (3, 21, 40, 101)] == ["third", "twenty-first", "fortieth",
                                                             "one hundred and first"]


# --- random edits ---------------------------------------------------------------------------------
VOCABULARY = (
    "the of and to in all international cooperation human rights States Member United Nations Council "
    "resolution report Secretary-General session seventy-third 72/169 2017 December promotion protection "
    "development peace security Assembly calls upon urges requests decides welcomes noting with concern "
    "countries, regional; national institutions. ‘agreed’ élan (a)"
).split()
word_lists = strategies.lists(strategies.sampled_from(VOCABULARY), min_size=1, max_size=10)


@strategies.composite
def phrases(draw: strategies.DrawFn) -> str:
    return " ".join(draw(word_lists))


@strategies.composite
def earlier_texts(draw: strategies.DrawFn) -> Resolution:
    notes = [Footnote((Text(draw(phrases())),)) for _ in range(draw(strategies.integers(0, 3)))]
    headings = count(1)

    def paragraph(depth: int) -> Paragraph:
        content: list[Inline] = [Text(draw(strategies.sampled_from(["Recalling", "Urges", "Decides"])), True),
                                 Text(" " + draw(phrases()))]
        if notes and draw(strategies.booleans()):
            content += [NoteRef(draw(strategies.sampled_from(notes)).id), Text(" " + draw(phrases()))]
        children = [paragraph(depth + 1) for _ in range(draw(strategies.integers(0, 2)))] if depth < 2 else []
        return Paragraph(normalize_runs(content), children)

    def blocks() -> list[Block]:
        return [CrossHeading((Text(f"Heading {next(headings)} {draw(phrases())}"),))
                if draw(strategies.integers(0, 6)) == 0 else paragraph(1)
                for _ in range(draw(strategies.integers(0, 5)))]

    return Resolution(front=FrontMatter(title=draw(phrases())), preamble=blocks(), operative=blocks(),
                      footnotes=notes)


def _lists(res: Resolution) -> list[list[Block]]:
    out: list[list[Block]] = [res.preamble, res.operative]
    for para in iter_paragraphs(res.preamble) + iter_paragraphs(res.operative):
        out.append(para.children)  # type: ignore[arg-type]
    return out


def _edit_words(draw: strategies.DrawFn, block: Paragraph | CrossHeading) -> None:
    runs = [i for i, item in enumerate(block.content) if isinstance(item, Text)]
    index = draw(strategies.sampled_from(runs))
    item = block.content[index]
    assert isinstance(item, Text)
    words = item.text.split()
    at = draw(strategies.integers(0, len(words)))
    action = draw(strategies.sampled_from(["insert", "delete", "replace"]))
    if action == "insert":
        words[at:at] = draw(word_lists)
    elif at < len(words):
        words[at:at + draw(strategies.integers(1, 3))] = [] if action == "delete" else draw(word_lists)
    # the spaces around the run stay: a change of spacing alone (next to a footnote marker) is no amendment
    lead, trail = item.text[:len(item.text) - len(item.text.lstrip())], item.text[len(item.text.rstrip()):]
    text = lead + " ".join(words) + trail if words else item.text[:1]
    block.content = normalize_runs((*block.content[:index], Text(text, item.italic), *block.content[index + 1:]))


@strategies.composite
def edited(draw: strategies.DrawFn) -> tuple[Resolution, Resolution]:
    old = draw(earlier_texts())
    new = copy.deepcopy(old)
    headings = count(100)
    for _ in range(draw(strategies.integers(1, 5))):
        lists = [blocks for blocks in _lists(new) if blocks]
        action = draw(strategies.sampled_from(["words", "words", "insert", "delete", "move", "split", "merge",
                                               "note", "heading", "title"]))
        if action == "title":
            new.front.title = draw(phrases())
            continue
        if action in ("insert", "heading") or not lists:
            target = draw(strategies.sampled_from(_lists(new)[:2] if action == "heading" else _lists(new)))
            children = [Paragraph((Text(draw(phrases())),)) for _ in range(draw(strategies.integers(0, 1)))]
            block: Block = CrossHeading((Text(f"Heading {next(headings)} {draw(phrases())}"),)) \
                if action == "heading" else Paragraph((Text(draw(phrases())),), children)
            target.insert(draw(strategies.integers(0, len(target))), block)
            continue
        source = draw(strategies.sampled_from(lists))
        index = draw(strategies.integers(0, len(source) - 1))
        chosen = source[index]
        if action == "words" and chosen.content:
            _edit_words(draw, chosen)
        elif action == "delete":
            del source[index]
        elif action == "move":
            moved = source.pop(index)
            inside = [id(blocks) for para in iter_paragraphs([moved]) for blocks in [para.children]]
            targets = [blocks for blocks in _lists(new) if id(blocks) not in inside]
            if isinstance(moved, CrossHeading):  # a heading stands between paragraphs, never under one
                targets = _lists(new)[:2]
            target = draw(strategies.sampled_from(targets))
            target.insert(draw(strategies.integers(0, len(target))), moved)
        elif action == "split" and isinstance(chosen, Paragraph):
            words = chosen.text.split(" ")
            cut = draw(strategies.integers(1, max(1, len(words) - 1)))
            chosen.content = (Text(" ".join(words[:cut])),)
            source.insert(index + 1, Paragraph((Text(" ".join(words[cut:]) or "Decides"),)))
        elif action == "merge" and index + 1 < len(source) and isinstance(chosen, Paragraph) \
                and isinstance(source[index + 1], Paragraph):
            following = source.pop(index + 1)
            assert isinstance(following, Paragraph)
            chosen.content = normalize_runs((*chosen.content, Text(" "), *following.content))
            chosen.children += following.children
        elif action == "note" and isinstance(chosen, Paragraph):
            note = Footnote((Text(draw(phrases())),))
            new.footnotes.insert(draw(strategies.integers(0, len(new.footnotes))), note)
            chosen.content = (*chosen.content, NoteRef(note.id), Text(" " + draw(phrases())))
    return old, new


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_random_edits_read_back_from_their_amendments(pair: tuple[Resolution, Resolution]) -> None:
    old, new = pair
    found = amendments(old, new)
    assert all(entry["action"] in ACTIONS for entry in found.to_dict()["amendments"])
    check_read_back(old, new, found)


# --- French and Spanish ---------------------------------------------------------------------------
def _text(language: str, symbol: str, preamble: list[str], operative: list[tuple[str, list[str]]],
          notes: dict[int, str]) -> Resolution:
    """A small text: preambular paragraph n (from 1) followed by footnote `notes[n]` when there is one."""
    footnotes = {number: Footnote((Text(text),)) for number, text in notes.items()}
    preambular = [Paragraph((Text(text), NoteRef(footnotes[n].id), Text(","))) if n in footnotes
                  else Paragraph((Text(text),)) for n, text in enumerate(preamble, 1)]
    return Resolution(front=FrontMatter(symbol=symbol), language=language, preamble=list(preambular),
                      operative=[Paragraph((Text(text),), [Paragraph((Text(sub),)) for sub in subs])
                                 for text, subs in operative],
                      footnotes=list(footnotes.values()))


def french_pair() -> tuple[Resolution, Resolution]:
    filler = [f"Prenant note du rapport {n}," for n in range(5, 21)]
    old = _text("fr", "A/C.3/77/L.5", [
        "Rappelant sa résolution 75/180 du 16 décembre 2020,",
        "Réaffirmant la Déclaration universelle des droits de l'homme,",
        "Consciente de la nécessité de renforcer la coopération internationale,",
        "Soulignant l'importance du dialogue,", *filler,
        "Notant avec préoccupation les obstacles persistants,",
        "Convaincue que le dialogue favorise la compréhension mutuelle et la tolérance"],
        [("Exhorte les États à coopérer pleinement ;", []),
         ("Prie le Secrétaire général de lui présenter un rapport :",
          ["sur la coopération internationale ;", "sur le dialogue entre les cultures ;"]),
         ("Décide de poursuivre l'examen de la question à sa soixante-dix-septième session.", [])],
        {22: "Voir A/77/100."})
    new = _text("fr", "A/C.3/77/L.5/Rev.1", [
        "Rappelant sa résolution 75/180 du 16 décembre 2020,",
        "Réaffirmant la Déclaration universelle des droits de l'homme,",
        "Consciente de la nécessité de promouvoir la coopération internationale,",
        "Soulignant l'importance du dialogue,", "Rappelant le Programme d'action de Vienne,", *filler,
        "Notant avec préoccupation les obstacles,",
        "Convaincue que le dialogue favorise la compréhension mutuelle,"],
        [("Encourage les États à coopérer pleinement ;", []),
         ("Invite les organisations régionales à contribuer à ces efforts ;", []),
         ("Prie le Secrétaire général de lui présenter un rapport :",
          ["sur la coopération internationale ;", "sur le dialogue entre les civilisations ;",
           "sur la mise en œuvre de la présente résolution."])],
        {})
    return old, new


def spanish_pair() -> tuple[Resolution, Resolution]:
    filler = [f"Tomando nota del informe {n}," for n in range(5, 21)]
    old = _text("es", "A/C.3/77/L.5", [
        "Recordando su resolución 75/180, de 16 de diciembre de 2020,",
        "Reafirmando la Declaración Universal de Derechos Humanos,",
        "Consciente de la necesidad de fortalecer la cooperación internacional,",
        "Destacando la importancia del diálogo,", *filler,
        "Observando con preocupación los obstáculos persistentes,",
        "Convencida de que el diálogo fomenta el entendimiento mutuo y la tolerancia"],
        [("Exhorta a los Estados a que cooperen plenamente;", []),
         ("Solicita al Secretario General que le presente un informe:",
          ["sobre la cooperación internacional;", "sobre el diálogo entre las culturas;"]),
         ("Decide seguir examinando la cuestión en su septuagésimo séptimo período de sesiones.", [])],
        {22: "Véase A/77/100."})
    new = _text("es", "A/C.3/77/L.5/Rev.1", [
        "Recordando su resolución 75/180, de 16 de diciembre de 2020,",
        "Reafirmando la Declaración Universal de Derechos Humanos,",
        "Consciente de la necesidad de promover la cooperación internacional,",
        "Destacando la importancia del diálogo,", "Recordando la Declaración y el Programa de Acción de Viena,",
        *filler,
        "Observando con preocupación los obstáculos,",
        "Convencida de que el diálogo fomenta el entendimiento mutuo,"],
        [("Alienta a los Estados a que cooperen plenamente;", []),
         ("Invita a las organizaciones regionales a que contribuyan a esos esfuerzos;", []),
         ("Solicita al Secretario General que le presente un informe:",
          ["sobre la cooperación internacional;", "sobre el diálogo entre las civilizaciones;",
           "sobre la aplicación de la presente resolución."])],
        {})
    return old, new


NBSP = "\u00a0"


def test_french_statements_use_ordinals_guillemets_and_no_break_spaces() -> None:
    old, new = french_pair()
    found = amendments(old, new)
    assert found.wording.language == "fr"
    assert texts(found) == [
        f"Au troisième alinéa du préambule, remplacer le mot «{NBSP}renforcer{NBSP}» par «{NBSP}promouvoir{NBSP}».",
        f"Après le quatrième alinéa du préambule, insérer un nouvel alinéa ainsi libellé{NBSP}: "
        f"«{NBSP}Rappelant le Programme d'action de Vienne,{NBSP}»",
        f"Au vingt et unième alinéa du préambule, supprimer le mot «{NBSP}persistants{NBSP}».",
        f"Au vingt-deuxième alinéa du préambule, supprimer les mots «{NBSP}et la tolérance{NBSP}» ainsi que la "
        "note de bas de page correspondante.",
        f"Au paragraphe 1 du dispositif, remplacer le mot «{NBSP}Exhorte{NBSP}» par «{NBSP}Encourage{NBSP}».",
        f"Après le paragraphe 1 du dispositif, insérer un nouveau paragraphe ainsi libellé{NBSP}: "
        f"«{NBSP}Invite les organisations régionales à contribuer à ces efforts ;{NBSP}»",
        f"Au paragraphe 2 b) du dispositif, remplacer le mot «{NBSP}cultures{NBSP}» par «{NBSP}civilisations{NBSP}».",
        f"Après le paragraphe 2 b) du dispositif, insérer un nouvel alinéa ainsi libellé{NBSP}: "
        f"«{NBSP}sur la mise en œuvre de la présente résolution.{NBSP}»",
        "Supprimer le paragraphe 3 du dispositif.",
    ]
    assert found.numbering == (f"Les paragraphes sont désignés par leur numéro dans le document A/C.3/77/L.5{NBSP}; "
                               "ceux qui suivent un paragraphe inséré ou supprimé sont renumérotés en conséquence.")
    _same_statements_as_in_english(old, new, found)


def test_spanish_statements_use_apocopated_ordinals_and_curly_quotes() -> None:
    old, new = spanish_pair()
    found = amendments(old, new)
    assert found.wording.language == "es"
    assert texts(found) == [
        "En el tercer párrafo del preámbulo, sustitúyase la palabra \u201cfortalecer\u201d por \u201cpromover\u201d.",
        "Después del cuarto párrafo del preámbulo, insértese un nuevo párrafo que diga: \u201cRecordando la "
        "Declaración y el Programa de Acción de Viena,\u201d",
        "En el vigésimo primer párrafo del preámbulo, suprímase la palabra \u201cpersistentes\u201d.",
        "En el vigésimo segundo párrafo del preámbulo, suprímanse las palabras \u201cy la tolerancia\u201d y la "
        "nota de pie de página correspondiente.",
        "En el párrafo 1 de la parte dispositiva, sustitúyase la palabra \u201cExhorta\u201d por \u201cAlienta\u201d.",
        "Después del párrafo 1 de la parte dispositiva, insértese un nuevo párrafo que diga: \u201cInvita a las "
        "organizaciones regionales a que contribuyan a esos esfuerzos;\u201d",
        "En el párrafo 2 b) de la parte dispositiva, sustitúyase la palabra \u201cculturas\u201d por "
        "\u201ccivilizaciones\u201d.",
        "Después del párrafo 2 b) de la parte dispositiva, insértese un nuevo apartado que diga: \u201csobre la "
        "aplicación de la presente resolución.\u201d",
        "Suprímase el párrafo 3 de la parte dispositiva.",
    ]
    assert found.numbering.startswith("Los párrafos se designan por su número en el documento A/C.3/77/L.5;")
    _same_statements_as_in_english(old, new, found)


def _same_statements_as_in_english(old: Resolution, new: Resolution, found: Amendments) -> None:
    """The statements say in English what they say in French or Spanish, and that English reads back."""
    english = amendments(old, new, language="en")
    def facts(entries: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{key: value for key, value in entry.items() if key != "text"} for entry in entries]
    assert facts(found.to_dict()["amendments"]) == facts(english.to_dict()["amendments"])
    check_read_back(old, new, english)


def test_ordinals_in_three_languages() -> None:
    assert [english_ordinal(n) for n in (1, 2, 12, 20, 22, 40, 99)] == [
        "first", "second", "twelfth", "twentieth", "twenty-second", "fortieth", "ninety-ninth"]
    assert [french_ordinal(n) for n in (1, 2, 5, 9, 11, 21, 22, 71, 80, 81, 91, 100)] == [
        "premier", "deuxième", "cinquième", "neuvième", "onzième", "vingt et unième", "vingt-deuxième",
        "soixante et onzième", "quatre-vingtième", "quatre-vingt-unième", "quatre-vingt-onzième", "centième"]
    assert [spanish_ordinal(n) for n in (1, 3, 10, 11, 12, 13, 18, 20, 21, 33, 100)] == [
        "primer", "tercer", "décimo", "undécimo", "duodécimo", "decimotercer", "decimoctavo", "vigésimo",
        "vigésimo primer", "trigésimo tercer", "centésimo"]
