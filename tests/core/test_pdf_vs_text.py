"""The PDF reader and the text reader agree on the six Security Council drafts the corpus has in both forms.

The text files are pdftotext output of the same PDFs. They lose the hyphen of a compound split at a line end
("Secretary-\\nGeneral" → "SecretaryGeneral") and cut words where justified text spreads letters ("includin g");
the PDF reader keeps the one and mends the other. So paragraphs must be equal letter for letter once white
space and hyphens are set aside, with the same labels, headings and front matter; and word for word but where
the PDF mends such a cut or hyphen: there it has fewer words than the text, never more, and no two words glued.
"""

from __future__ import annotations

import difflib
import re

import pytest

import drafter
from drafter.model import CrossHeading, iter_paragraphs
from tests.core.test_pdf_words import glued, letter_words
from tests.corpus import CORPUS, load

PAIRS = ["S-2016-1100", "S-2018-257", "S-2018-693", "S-2019-266", "S-2020-445", "S-2022-158"]


def _letters(text: str) -> str:
    return re.sub(r"[\s\-]", "", text)


@pytest.mark.parametrize("name", PAIRS)
def test_pdf_and_text_give_the_same_resolution(name: str) -> None:
    text = drafter.load(str(CORPUS / f"{name}.txt"))
    pdf = drafter.load(str(CORPUS / "pdf" / f"{name.replace('-', '_')}-EN.pdf"))
    assert [label for label, _ in pdf.labelled()] == [label for label, _ in text.labelled()]
    for (label, a), (_, b) in zip(text.labelled(), pdf.labelled(), strict=True):
        assert _letters(a.text) == _letters(b.text), label
    def heads(res: drafter.Resolution) -> list[str]:
        return [b.text for b in res.preamble + res.operative if isinstance(b, CrossHeading)]
    assert heads(pdf) == heads(text)
    for field in ("organ", "symbol", "date", "sponsors", "doc_type", "distribution", "original"):
        assert getattr(pdf.front, field) == getattr(text.front, field), field
    assert len(pdf.annexes) == len(text.annexes)


@pytest.mark.parametrize("name", PAIRS)
def test_pdf_and_text_agree_word_for_word_but_where_the_pdf_mends_a_cut(name: str) -> None:
    text = drafter.load(str(CORPUS / f"{name}.txt"))
    pdf = drafter.load(str(CORPUS / "pdf" / f"{name.replace('-', '_')}-EN.pdf"))
    whole = set(letter_words((CORPUS / f"{name}.txt").read_text(encoding="utf-8")))
    equal = mended = 0
    for (label, a), (_, b) in zip(text.labelled(), pdf.labelled(), strict=True):
        text_words, pdf_words = a.text.split(), b.text.split()
        matcher = difflib.SequenceMatcher(None, text_words, pdf_words, autojunk=False)
        for op, start, stop, pdf_start, pdf_stop in matcher.get_opcodes():
            if op == "equal":
                equal += stop - start
                continue
            cut, mend = text_words[start:stop], pdf_words[pdf_start:pdf_stop]
            assert op == "replace" and len(mend) <= len(cut), (label, cut, mend)
            assert not glued(letter_words(" ".join(mend)), letter_words(" ".join(cut)), whole), (label, cut, mend)
            mended += len(cut)
    assert equal > 10 * mended, (equal, mended)  # the text version's cuts are few, and all the PDF differs in


def test_pdf_mends_what_pdftotext_breaks() -> None:
    pdf = drafter.load(str(CORPUS / "pdf" / "S_2022_158-EN.pdf"))
    pp7 = dict(pdf.labelled())["PP7"].text
    assert "including" in pp7.split() or "including," in pp7.split()
    assert "includin g" not in pp7
    pp6 = dict(drafter.load(str(CORPUS / "pdf" / "S_2018_257-EN.pdf")).labelled())["PP6"].text
    assert "Secretary-General" in pp6


@pytest.mark.parametrize("path", sorted((CORPUS / "pdf").glob("*.pdf")), ids=lambda p: p.name)
def test_every_pdf_keeps_every_letter(path) -> None:  # type: ignore[no-untyped-def]
    """Letter for letter, the model holds the PDF's text layer, less page furniture and labels."""
    from collections import Counter

    import pypdfium2

    from tests.corpus import model_text

    document = pypdfium2.PdfDocument(str(path))
    source = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    res = load(path)
    have = Counter(c for c in model_text(res) if c.isalpha())
    want = Counter(c for c in source if c.isalpha())
    assert not have - want, "letters added or doubled"
    lost = want - have
    subs = sum(1 for label, _ in res.labelled() if "(" in label)
    subs += sum(len(iter_paragraphs(annex.blocks)) for annex in res.annexes)
    symbol_letters = sum(c.isalpha() for c in res.front.symbol)
    allowed = set("UnitedNationsE") | set("abcdefghijklmnopqrstuvwxyz") | set(res.front.symbol)
    assert set(lost) <= allowed, f"unexpected letters lost: {lost}"
    assert sum(lost.values()) <= 14 + symbol_letters * len(document) + 6 * subs, lost


def test_unlabelled_paragraph_before_a_list_joins_its_parent() -> None:
    """S/2018/221 OP7(d): "Supporting the Implementation …:" / "To carry out … the following tasks:" / (i)–(iii)."""
    res = load(CORPUS / "pdf" / "S_2018_221-EN.pdf")
    d = dict(res.labelled())["OP7(d)"]
    assert d.text.startswith("Supporting the Implementation of the Agreement and the Peace Process: To carry out")
    assert [c.text.split()[0] for c in d.children] == ["Using", "Participating", "Actively"]
