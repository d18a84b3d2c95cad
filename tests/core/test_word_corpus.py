"""Every Word file of tests/data/word/corpus (by Word, LibreOffice and python-docx) against an independent
reading of it (tests/word_oracle.py): the reader keeps every word or says what it left out and where,
keeps Word's paragraphs, and a comparison sees what one feature changes.

What is compared, and what is not:
- Words are runs of letters and digits (punctuation is not a word), counted as a multiset: a word read
  twice (a text box and its fallback copy) is as wrong as a word lost. Text Word does not show (deleted,
  hidden, a custom note mark) must not be in the model at all.
- List labels are not words: a label typed at the start of a paragraph ("1.", "(a)") is taken off on both
  sides, and where the model writes Word's automatic numbers into a paragraph without a resolution's
  grammar, the model may hold up to two label words (a number, a letter, a numeral or a word of the
  list's level text such as "Article") per numbered paragraph more than the oracle.
- A resolution's front matter (what stands before "The General Assembly,") is parsed into fields, and
  furniture ("United Nations", "Distr.:", "Original:", "Agenda item") is left out by design, so there
  the model's words must come from the oracle's (the organ and the symbol may be derived) and only
  furniture may be missing. From the formula on, words must match exactly.
- Paragraphs: Word's count of the main story (see the oracle) against the model's paragraphs and
  headings; for a resolution from the formula on, the formula and the closing meeting line counting one
  each whether or not the date of the meeting stands in a paragraph of its own.
- A missing word is covered by a warning that names the kind of place it came from (a text box, an
  equation, an endnote, an embedded document, a table, a content control, a footnote; nothing for the
  body) and where: a label such as OP3 or "paragraph 4", or a quotation whose first three words stand
  in the lost text or in the paragraph that holds or anchors it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from drafter.compare import compare
from drafter.errors import ImportFailed
from drafter.importers import load
from drafter.model import Block, Resolution, all_blocks
from tests import word_oracle

CORPUS = Path(__file__).resolve().parent.parent / "data" / "word" / "corpus"
FILES = sorted(CORPUS.glob("*.docx"))
FEATURES = ("textbox", "equation", "endnote", "cell", "altchunk", "hidden")
PAIRS = [(writer, feature) for writer in ("lo", "pd") for feature in FEATURES
         if (CORPUS / f"{writer}-pair-{feature}.docx").exists()]
FORMULA = re.compile(r"^\s*(?:The|Le|La|El)\s+[A-Z][A-Za-zé ]+(?:Assembly|Council|Committee|sécurité|générale|"
                     r"Seguridad|General)\s*,\s*$")
MEETING = re.compile(r"^\s*\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b")
LONE_DATE = re.compile(r"^\s*\d{1,2} [A-Z][a-z]+ \d{4}\s*$")
TYPED_LABEL = re.compile(r"^\s*(?:\(?(?:\d{1,3}|[a-z]{1,3})[.)]|[•▪◦·–*-])\s+")
LABEL_WORD = re.compile(r"^(?:\d{1,3}|[A-Za-z]{1,3}|[IVXLCivxlc]{1,7})$")
NOTATION = re.compile(r"^[_^/()&]+$")  # the linear form of an equation writes these between its own words
FURNITURE = {"United", "Nations", "Distr", "Original", "Agenda", "item", "items"}
KEYWORDS = {  # how a warning names the kind of place a word came from
    "text box": ("text box", "textbox", "frame", "shape", "drawing"), "equation": ("equation", "math"),
    "endnote": ("endnote",), "footnote": ("footnote",), "table cell": ("table", "cell"),
    "embedded document": ("embedded", "altchunk", "alternative format"),
    "content control": ("content control",), "body": (),
}
LABEL_PLACE = re.compile(r"\b(?:PP|OP)\d+|\bparagraph \d+")
QUOTED = re.compile(r"[\"“«‘]([^\"”»’]{6,})[\"”»’]")


@cache
def model(path: Path) -> Resolution:
    return load(str(path))


@cache
def oracle(path: Path) -> word_oracle.Reading:
    return word_oracle.read(path)


def _words(texts: list[str]) -> Counter[str]:
    return Counter(word for text in texts for word in word_oracle.words(TYPED_LABEL.sub("", text, count=1)))


def _block_texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in all_blocks(blocks)]


def model_body(res: Resolution) -> tuple[list[str], int]:
    """The texts of the model from the formula on (everything, without a formula), and its paragraph count."""
    texts = ([res.formula] if res.formula else []) + _block_texts(res.preamble) + _block_texts(res.operative)
    # an empty paragraph is no paragraph Word counts (a list that opens a plain document hangs under one)
    count = sum(1 for text in texts if text.strip()) + (1 if res.closing else 0)
    texts += res.closing
    for annex in res.annexes:
        texts += annex.heading + _block_texts(annex.blocks)
        count += len(annex.heading) + len(all_blocks(annex.blocks))
    return texts, count


def model_front(res: Resolution) -> tuple[Counter[str], Counter[str]]:
    """The words of the front matter as read, and those the model may derive (organ, symbol, kind)."""
    front = res.front
    read = [front.distribution, front.date, front.original, front.session, front.adoption, front.report,
            front.sponsors, front.number, front.title, *front.extra]
    read += [f"{item.number} {item.title}" for item in front.agenda_items]
    derived = [front.organ, front.symbol, front.doc_type]
    return _words(read), _words(derived)


Paras = list[word_oracle.Para]


def split_oracle(reading: word_oracle.Reading, res: Resolution) -> tuple[Paras, Paras]:
    """The oracle's paragraphs before the enacting formula and from it on (all "from it on" without one)."""
    if res.formula:
        at = next((i for i, p in enumerate(reading.paragraphs) if FORMULA.match(p.text)), None)
        if at is not None:
            return reading.paragraphs[:at], reading.paragraphs[at:]
    return [], reading.paragraphs


def oracle_count(body: list[word_oracle.Para]) -> int:
    """Word's paragraphs from the formula on, the meeting line and a date under it one closing."""
    count = len(body)
    for index, para in enumerate(body[:-1]):
        if MEETING.match(para.text) and LONE_DATE.match(body[index + 1].text):
            count -= 1
    return count


def covered(word: str, reading: word_oracle.Reading, warnings: list[str]) -> bool:
    """Whether a warning names where a lost word was: the kind of place (none for the body) and the place
    itself, by a label (OP3, "paragraph 4") or by quoting three words in a row of the lost text or of the
    paragraph that holds or anchors it."""
    for para in reading.paragraphs + reading.notes:
        for source, text in para.pieces:
            if word not in word_oracle.words(text):
                continue
            keys = KEYWORDS.get(source, ())
            for warning in warnings:
                lowered = warning.lower()
                if keys and not any(re.search(rf"\b{key}", lowered) for key in keys):
                    continue
                if LABEL_PLACE.search(warning) or any(_quotes(quote, [text, para.text, para.anchor])
                                                      for quote in QUOTED.findall(warning)):
                    return True
    return False


def _quotes(quote: str, texts: list[str]) -> bool:
    head = " ".join(word_oracle.words(quote)[:3])
    return len(head.split()) == 3 and any(head in " ".join(word_oracle.words(text)) for text in texts)


def _sources(reading: word_oracle.Reading, word: str) -> list[str]:
    return [source for source, counter in reading.words_by_source().items() if word in counter]


@pytest.fixture(params=FILES, ids=[path.name for path in FILES])
def docx(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


def _loaded(path: Path) -> Resolution:
    try:
        return model(path)
    except ImportFailed as exc:
        pytest.fail(f"{path.name} holds {sum(oracle(path).words().values())} words but was refused: {exc}")


def test_keeps_every_word_or_warns(docx: Path) -> None:
    reading, res = oracle(docx), _loaded(docx)
    front, body = split_oracle(reading, res)
    theirs = _words([p.text for p in body + reading.notes])
    texts, _ = model_body(res)
    ours = _words(texts + [note.text for note in res.footnotes])
    missing, added = theirs - ours, ours - theirs
    if front:
        read, derived = model_front(res)
        front_words = _words([p.text for p in front])
        missing += Counter({w: n for w, n in (front_words - read - derived).items() if w not in FURNITURE})
        added += read - front_words
    problems = []
    uncovered = {w: n for w, n in missing.items() if not covered(w, reading, res.warnings)}
    if uncovered:
        first = dict(list(uncovered.items())[:15])
        where = {w: _sources(reading, w) for w in first}
        problems.append(f"{sum(uncovered.values())} words lost without a warning naming them: {first} "
                        f"(read from {where}); warnings: {res.warnings}")
    allowance = 2 * reading.numbered if not res.formula else 0
    unexplained = {w: n for w, n in added.items()
                   if not (LABEL_WORD.match(w) or NOTATION.match(w) or w in reading.label_words)}
    labels = sum(n for w, n in added.items() if w not in unexplained and not NOTATION.match(w))
    if unexplained or labels > allowance:
        left_out = sorted({left.text for left in reading.hidden + reading.deleted + reading.marks})[:8]
        problems.append(f"words the document does not show, or shows fewer times: {dict(added)} "
                        f"(its hidden, deleted and mark texts: {left_out})")
    assert not problems, "\n".join(problems)


def test_keeps_word_paragraphs(docx: Path) -> None:
    reading, res = oracle(docx), _loaded(docx)
    _, body = split_oracle(reading, res)
    _, count = model_body(res)
    expected = oracle_count(body)
    texts, _ = model_body(res)
    assert count == expected, (f"{count} paragraphs in the model, Word shows {expected}; Word's: "
                               f"{[p.text[:30] for p in body][:40]}; the model's: {[t[:30] for t in texts][:40]}")


@pytest.mark.parametrize(("writer", "feature"), PAIRS, ids=[f"{w}-{f}" for w, f in PAIRS])
def test_a_comparison_sees_one_feature(writer: str, feature: str) -> None:
    base, changed = CORPUS / f"{writer}-pair-base.docx", CORPUS / f"{writer}-pair-{feature}.docx"
    old, new = _loaded(base), _loaded(changed)
    changes = compare(old, new)
    fresh = [warning for warning in new.warnings if warning not in old.warnings]
    keys = KEYWORDS.get({"textbox": "text box", "cell": "table cell", "altchunk": "embedded document"}
                        .get(feature, feature), ()) + ((feature,) if feature == "hidden" else ())
    named = [warning for warning in fresh if any(key in warning.lower() for key in keys)]
    assert changes.changes or named, (f"{changed.name} differs from {base.name} by one {feature}, but the "
                                      f"comparison reports no change and no warning names it (warnings: {fresh})")


# --- the oracle itself ----------------------------------------------------------------------------------
@pytest.mark.parametrize("writer", ["lo", "pd"])
def test_oracle_counts_paragraphs_as_written(writer: str) -> None:
    short = oracle(CORPUS / f"{writer}-short-paragraphs.docx")
    assert short.paragraph_count == 280
    assert short.words()["paragraph"] == 280 and short.words()["280"] == 1
    one = oracle(CORPUS / f"{writer}-one-word-paragraphs.docx")
    assert one.paragraph_count == 20 and all(len(word_oracle.words(p.text)) == 1 for p in one.paragraphs)


@pytest.mark.parametrize("writer", ["lo", "pd"])
def test_oracle_reads_a_text_box_once_and_leaves_out_what_word_hides(writer: str) -> None:
    boxes = oracle(CORPUS / f"{writer}-{'frames' if writer == 'lo' else 'textboxes'}.docx")
    assert boxes.words()["obligations"] == 1, "a text box and its fallback copy were both read"
    assert any(p.source == "text box" for p in boxes.paragraphs)
    hidden = oracle(CORPUS / f"{writer}-hidden.docx")
    assert "secretly" not in hidden.words() and any("secretly" in left.text for left in hidden.hidden)
    tracked = oracle(CORPUS / f"{writer}-tracked.docx")
    assert "strongly" not in tracked.words() and "firmly" in tracked.words()
    joined = [p.text for p in tracked.paragraphs if p.text.startswith("The first half")]
    assert joined == ["The first half of a paragraph joined to its second half."]


def test_oracle_reads_embedded_documents_and_equations() -> None:
    chunk = oracle(CORPUS / "pd-altchunk-docx.docx")
    assert chunk.words()["Embedded"] == 2 and chunk.words()["embedded"] == 2
    html_chunk = oracle(CORPUS / "pd-altchunk-html.docx")
    assert [p.text for p in html_chunk.paragraphs if p.source == "embedded document"] == [
        "Imported statement", "The delegation imported this statement as HTML.", "First imported point",
        "Second imported point", "Imported cell"]
    for name in ("lo-formulas.docx", "pd-equations.docx"):
        assert oracle(CORPUS / name).words_by_source()["equation"] == Counter(
            {"2": 2, "x": 1, "alpha": 1, "i": 1, "1": 1, "n": 1, "share": 1, "quota": 1, "0": 1, "001": 1}), name


def test_the_corpus_has_every_feature_by_two_writers() -> None:
    prefixes = Counter(path.name.split("-")[0] for path in FILES)
    assert len(FILES) >= 40 and prefixes["word"] >= 20 and prefixes["lo"] >= 15 and prefixes["pd"] >= 15
    for feature in ("table", "text box", "equation", "footnote", "endnote", "content control"):
        writers = {path.name.split("-")[0] for path in FILES
                   if any(source.startswith(feature) for source in oracle(path).words_by_source())}
        assert len(writers) >= 2, f"{feature} written only by {writers}"

