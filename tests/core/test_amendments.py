"""Formal amendments from comparisons: the statements of real series name the right paragraphs, and an
independent reader (tests/amendment_reader.py) that applies them to the earlier text gets the later one.

The expected statements of the corpus pairs were written down by reading both texts (the comparer's
report only lists which paragraphs differ).
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

import drafter
from drafter import draftfile
from drafter.amendments import Amendments, amendments
from drafter.amendments.english import ordinal as english_ordinal
from drafter.amendments.french import ordinal as french_ordinal
from drafter.amendments.spanish import ordinal as spanish_ordinal
from drafter.cli import main
from drafter.compare import compare
from drafter.edits.primitives import Document
from drafter.model import Annex, Footnote, FrontMatter, NoteRef, NumberAs, Paragraph, Resolution, Text
from tests.amendment_reader import check_read_back, ordinal_number
from tests.docx_fixtures import OP_LIST, Lists, Para, corpus_72_169, write_docx

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@cache
def _load(name: str) -> Resolution:
    return drafter.load(str(CORPUS / f"{name}.txt"))


def load(name: str) -> Resolution:
    return copy.deepcopy(_load(name))


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
    # the comparer pairs nothing with the fifteenth operative paragraph: deleted where a new one is inserted
    assert any(text.startswith("Replace operative paragraph 15 with the following: \u201cEncourages all Member "
                               "States") for text in statements)
    assert "In operative paragraph 17, replace the word \u201cseventy-third\u201d with \u201cseventy-sixth\u201d." \
        in statements
    assert {entry["paragraph"] for entry in found.to_dict()["amendments"]} == \
        {"PP1", "PP3", "PP10", "OP10", "OP15", "OP17", "footnote 3"}
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


# --- what makes no statement, and what replaces a paragraph ----------------------------------------
def _operative(*texts: str) -> Resolution:
    return Resolution(operative=[Paragraph((Text(text),)) for text in texts])


def test_a_cross_reference_that_follows_the_renumbering_makes_no_statement() -> None:
    ops = [f"Decides point {n};" for n in range(1, 6)]
    old = _operative(*ops, "Requests the report referred to in paragraph 5 above;")
    new = _operative(*ops[:2], "Welcomes the report;", *ops[2:], "Requests the report referred to in paragraph 6 "
                     "above;")
    record = next(r for r in compare(old, new).records if r.old_label == "OP6")
    assert any(op.renumbering for op in record.ops)  # the comparer calls the 5 → 6 a renumbering
    assert texts(amendments(old, new)) == [
        "Insert a new operative paragraph after operative paragraph 2, reading: \u201cWelcomes the report;\u201d"]


def test_spacing_alone_makes_no_statement() -> None:
    old = _operative("Decides to remain seized of the matter.")
    assert amendments(old, _operative("Decides  to remain\tseized of the matter. ")).statements == []


def test_a_paragraph_mostly_rewritten_is_replaced_whole() -> None:
    """Fewer than half of the words kept: the paragraph is replaced; half or more: the words are."""
    old = _operative("Decides to remain actively seized of the matter.", "Urges all States to cooperate;")
    rewritten = "Requests the Secretary-General to report on the implementation of the present resolution."
    found = amendments(old, _operative(rewritten, "Urges all Member States to cooperate fully;"))
    assert texts(found) == [
        f"Replace operative paragraph 1 with the following: \u201c{rewritten}\u201d",
        "In operative paragraph 2, insert the word \u201cMember\u201d after the word \u201call\u201d.",
        "In operative paragraph 2, insert the word \u201cfully\u201d after the word \u201ccooperate\u201d.",
    ]


def test_title_preambular_subparagraph_and_annex() -> None:
    def para(text: str, *subs: str) -> Paragraph:
        return Paragraph((Text(text),), [Paragraph((Text(sub),)) for sub in subs])

    old = Resolution(front=FrontMatter(title="Enhancement of cooperation", symbol="A/RES/1"),
                     preamble=[para("Recalling its resolutions:", "on dialogue;", "on the second point;")],
                     operative=[para("Adopts the Declaration annexed to the present resolution.")],
                     annexes=[Annex(["Annex", "Declaration"], [para("All States shall cooperate."),
                                                              para("Each State shall report.")], numbered=True)])
    new = copy.deepcopy(old)
    new.front.title = "Enhancement of international cooperation"
    new.preamble[0].children[1].content = (Text("on the second and third points;"),)
    new.annexes[0].blocks[1].content = (Text("Each State shall report annually."),)
    new.annexes[0].blocks.insert(1, para("States shall share information."))
    new.annexes[0].heading = ["Annex", "Declaration on cooperation"]
    found = amendments(old, new)
    assert texts(found) == [
        "In the title, insert the word \u201cinternational\u201d after the word \u201cof\u201d.",
        "In subparagraph (b) of the first preambular paragraph, replace the word \u201cpoint\u201d with "
        "\u201cand third points\u201d.",
        "Insert a new paragraph after paragraph 1 of the annex, reading: \u201cStates shall share information.\u201d",
        "In paragraph 2 of the annex, insert the word \u201cannually\u201d after the word \u201creport\u201d.",
    ]
    assert found.warnings == ["the heading of annex 1 changed (Annex / Declaration \u2192 Annex / Declaration on "
                              "cooperation): no statement names it"]
    assert texts(amendments(old, new, language="fr"))[0] == \
        f"Dans le titre, insérer le mot «{NBSP}international{NBSP}» après le mot «{NBSP}of{NBSP}»."


def test_a_negotiated_text_is_named_by_its_labels() -> None:
    """Alternatives ("OP2 alt 1") and a text numbered as in another one ("PP1 bis", "OP4(a bis)")."""
    def para(text: str, *subs: str, alternative: str = "") -> Paragraph:
        return Paragraph((Text(text),), [Paragraph((Text(sub),)) for sub in subs], alternative=alternative)

    old = Resolution(preamble=[para("Recalling its resolution 75/180,"), para("Noting the report,")],
                     operative=[para("Decides to act;"), para("Urges States to cooperate;", alternative="x"),
                                para("Encourages States to cooperate;", alternative="x"),
                                para("Requests the Secretary-General:", "to report;", "to act;"),
                                para("Decides to remain seized of the matter.")])
    new = copy.deepcopy(old)
    del new.operative[1]
    new.operative[1].alternative = ""
    new.operative[2].children[1].content = (Text("to act promptly;"),)
    found = amendments(old, new)
    assert texts(found) == ["Delete operative paragraph 2 alt 1.",
                            "In operative paragraph 3 (b), insert the word \u201cpromptly\u201d after the word "
                            "\u201cact\u201d."]
    check_read_back(old, new, found)
    old = copy.deepcopy(new)
    pps, ops = old.preambular(), old.operatives()
    old.number_as = NumberAs("base", {pps[0].id: "PP1", pps[1].id: "PP2", ops[0].id: "OP1", ops[1].id: "OP3",
                                      ops[2].id: "OP4", ops[2].children[0].id: "OP4(a)",
                                      ops[2].children[1].id: "OP4(b)"})
    old.preamble.insert(1, para("Recalling also the Charter,"))
    ops[2].children.insert(1, para("to consult;"))
    assert list(old.labels().values()) == ["PP1", "PP1 bis", "PP2", "OP1", "OP3", "OP4", "OP4(a)", "OP4(a bis)",
                                           "OP4(b)", "OP4 bis"]
    new = copy.deepcopy(old)
    new.number_as = None
    new.preamble[1].content = (Text("Recalling also the Charter of the United Nations,"),)
    new.operatives()[2].children[1].content = (Text("to consult widely;"),)
    found = amendments(old, new)
    assert texts(found) == [
        "In preambular paragraph 1 bis, insert the words \u201cof the United Nations\u201d after the word "
        "\u201cCharter\u201d.",
        "In operative paragraph 4 (a bis), insert the word \u201cwidely\u201d after the word \u201cconsult\u201d."]
    assert texts(amendments(old, new, language="fr"))[1] == \
        f"Au paragraphe 4 a bis) du dispositif, insérer le mot «{NBSP}widely{NBSP}» après le mot «{NBSP}consult{NBSP}»."
    check_read_back(old, new, found)


# --- the command ----------------------------------------------------------------------------------
def test_command_prints_the_list_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = str(CORPUS / "A-RES-75-180.txt"), str(CORPUS / "A-RES-76-159.txt")
    assert main(["amendments", old, new]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("Paragraphs are referred to by their numbers in A/RES/75/180;")
    assert "\n11. In the thirteenth preambular paragraph, insert the word \u201call\u201d" in out.out
    assert "drafter amendments: warning: front matter changed" in out.err
    assert main(["amendments", old, new, "--json", "--lang", "es"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["old"], data["new"], data["language"]) == ("A/RES/75/180", "A/RES/76/159", "es")
    first = data["amendments"][0]
    assert first == {"paragraph": "PP3", "action": "replace", "old_words": "74/153", "new_words": "75/180",
                     "technical": True, "text": "En el tercer párrafo del preámbulo, sustitúyase la palabra "
                                                "\u201c74/153\u201d por \u201c75/180\u201d."}
    assert data["warnings"] and "front matter changed" in data["warnings"][0]["message"]
    assert data["warnings"][0]["file"] == new


def test_command_words_a_draft_file_against_its_stored_base(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    base = load("A-RES-72-169-clean")
    draft = copy.deepcopy(base)
    draft.operatives()[16].content = (Text("Decides to remain seized of the matter."),)
    draftfile.save(Document(base, draft), tmp_path / "draft.drafter")
    assert main(["amendments", str(tmp_path / "draft.drafter")]) == 0
    assert "1. Replace operative paragraph 17 with the following: \u201cDecides to remain seized of the " \
           "matter.\u201d" in capsys.readouterr().out


def test_command_bad_input_is_one_line_and_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["amendments", str(tmp_path / "missing.txt"), str(CORPUS / "A-RES-75-180.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("drafter amendments: ") and err.count("\n") == 1 and "missing.txt" in err
    assert main(["amendments", str(CORPUS / "A-RES-75-180.txt")]) == 2
    assert "give OLD and NEW" in capsys.readouterr().err
    assert main(["amendments", str(CORPUS / "A-RES-75-180.txt"), str(CORPUS / "A-RES-76-159.txt"),
                 "--lang", "de"]) == 2
    assert "invalid choice" in capsys.readouterr().err


# --- Word files from two writers ------------------------------------------------------------------
SOFFICE = shutil.which("soffice")


def _word_72_169(path: Path, edit: bool) -> Path:
    """A/RES/72/169 as a Word file written by python-docx (OPs an automatic list, footnotes), edited or not."""
    corpus = corpus_72_169()
    pps, ops, notes = list(corpus.pps), list(corpus.ops), dict(corpus.notes)
    if edit:
        pps.insert(10, "*Noting* the importance of genuine dialogue,")
        ops[9] = ops[9].replace("cooperative approach", "cooperative and constructive approach")
        ops[16] = ops[16].replace("seventy-third", "seventy-fifth")
        del ops[14]
        del notes[6]  # cited only by the fifteenth operative paragraph
    centered = ("Resolution adopted", "[*on the report")
    paras = [Para(line, centered=line.startswith(centered)) for line in corpus.head]
    paras += [Para(corpus.formula), *(Para(pp) for pp in pps), *(Para(op, num=(OP_LIST, 0)) for op in ops),
              *(Para(line) for line in corpus.closing)]
    return write_docx(path, paras, lists=Lists(abstract={20: [("decimal", "%1.")]}, nums={OP_LIST: 20}),
                      footnotes=notes)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_word_files_of_two_writers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The earlier text written by python-docx, the later one saved again by LibreOffice: the command words
    just the edits, and they read back."""
    old_path = _word_72_169(tmp_path / "old.docx", edit=False)
    _word_72_169(tmp_path / "edited.docx", edit=True)
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"),
                    str(tmp_path / "edited.docx")], check=True, capture_output=True, timeout=300)
    new_path = tmp_path / "lo" / "edited.docx"
    assert main(["amendments", str(old_path), str(new_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [entry["text"] for entry in data["amendments"]] == [
        "Insert a new preambular paragraph after the tenth preambular paragraph, reading: \u201cNoting the "
        "importance of genuine dialogue,\u201d",
        "In operative paragraph 10, insert the words \u201cand constructive\u201d after the word "
        "\u201ccooperative\u201d.",
        "Delete operative paragraph 15.",
        "In operative paragraph 17, replace the word \u201cseventy-third\u201d with \u201cseventy-fifth\u201d.",
    ]
    assert data["warnings"] == []
    old, new = drafter.load(str(old_path)), drafter.load(str(new_path))
    check_read_back(old, new, amendments(old, new))

