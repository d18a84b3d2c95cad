"""Word boundaries in PDF text: from the characters' advances and the width of a space in their font.

The 34 official PDFs (Microsoft Word) are read against two other readings of the same text: the text
layer as pdfium extracts it, with spaces it infers itself, and for six of them the text version
pdftotext made (tests/data/corpus/S-*.txt). Both cut words where justification spreads letters
("Presid en t"), so a word of the reader counts as glued only where a reading sets it as two common
words of the General Assembly texts, and it is itself no word of those texts nor spelled whole in
either reading. The same text set by other writers (tests/data/pdf_writers: Qt, LibreOffice, cairo)
reads as the same words.
"""

from __future__ import annotations

import difflib
import html
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import drafter
from drafter.compare import compare
from drafter.compare.render import summary, to_html
from drafter.exporters.html_table import to_html_table
from drafter.importers.blocks import RawDoc
from drafter.importers.pdf import read_pdf
from drafter.importers.pdf_chars import read_chars
from drafter.model import Text, plain_text

DATA = Path(__file__).resolve().parents[1] / "data"
CORPUS = DATA / "corpus"
WRITERS = DATA / "pdf_writers"
PDFS = sorted((CORPUS / "pdf").glob("*.pdf"))
SET_TEXT = ["qt-serif.pdf", "qt-sans.pdf", "qt-mono.pdf", "qt-narrow.pdf", "libreoffice-serif.pdf",
            "libreoffice-narrow.pdf"]
CAIRO = ["S_2018_257-EN.pdf", "S_2019_441-EN.pdf", "S_2022_158-EN.pdf"]
CLOSING = ",;:.)"
_LETTERS = re.compile(r"[^\W\d_]+")


# --- what counts as a glued word -------------------------------------------------------------
@cache
def vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The words of the General Assembly texts of the corpus (their text layers do not cut words), and
    those of them met three times or more."""
    counts: Counter[str] = Counter()
    for path in CORPUS.glob("A-RES-*.txt"):
        counts.update(letter_words(path.read_text(encoding="utf-8")))
    return frozenset(counts), frozenset(word for word, count in counts.items() if count >= 3)


def letter_words(text: str) -> list[str]:
    return [word.lower() for word in _LETTERS.findall(text)]


def glued(words: Sequence[str], reference: Sequence[str], whole: set[str]) -> list[str]:
    """The words of `words` that `reference`, the same text read otherwise, sets as two or more common
    words, and that are neither words of the vocabulary nor in `whole` (words spelled whole somewhere)."""
    known, common = vocabulary()
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, words, reference, autojunk=False)
    for op, start, stop, ref_start, ref_stop in matcher.get_opcodes():
        if op != "replace" or "".join(words[start:stop]) != "".join(reference[ref_start:ref_stop]):
            continue
        at = ref_start
        for word in words[start:stop]:
            parts: list[str] = []
            while at < ref_stop and len("".join(parts)) < len(word):
                parts.append(reference[at])
                at += 1
            if "".join(parts) != word:
                break
            if (len(parts) > 1 and word not in known and word not in whole
                    and all(len(part) > 1 and part in common for part in parts)):
                out.append(word)
    return out


# --- readings of one PDF -----------------------------------------------------------------------
@cache
def read(path: Path) -> RawDoc:
    return read_pdf(str(path))


def model_text(raw: RawDoc) -> str:
    lines = [" ".join(filter(None, [block.label, plain_text(block.content)])) for block in raw.blocks]
    return "\n".join(lines + [plain_text(note) for note in raw.notes.values()])


def pdfium_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    finally:
        document.close()


def text_version(path: Path) -> str:
    """The pdftotext copy of the corpus, where there is one; the header left out."""
    txt = CORPUS / (path.name.replace("_", "-").replace("-EN.pdf", "") + ".txt")
    return txt.read_text(encoding="utf-8").split("\n---\n", 1)[1] if txt.exists() else ""


def page_characters(path: Path) -> str:
    """The characters of the text layer in their order, the spaces the PDF sets itself and no other."""
    pages, _ = read_chars(str(path))
    return "\n".join("".join(char.ch for char in chars) for chars, _ in pages)


def spaces_before(text: str) -> Counter[str]:
    return Counter(match.group(1) for match in re.finditer(rf" ([{re.escape(CLOSING)}])", text))


def words_of(raw: RawDoc) -> list[str]:
    return model_text(raw).split()


# --- the corpus --------------------------------------------------------------------------------
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_no_word_glued_to_the_next(path: Path) -> None:
    words = letter_words(model_text(read(path)))
    readings = [text for text in (pdfium_text(path), text_version(path)) if text]
    whole = {word for text in readings for word in letter_words(text)}
    for text in readings:
        assert glued(words, letter_words(text), whole) == []


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_no_space_before_closing_punctuation_the_page_does_not_show(path: Path) -> None:
    have = spaces_before(model_text(read(path)))
    assert have <= spaces_before(page_characters(path)), "a space the PDF does not set"
    if text_version(path):
        assert have <= spaces_before(text_version(path)), "a space the text version does not have"


def test_glued_words_are_found() -> None:
    """The check finds the glue it is for: "securityand" where a reading sets "security and"."""
    reference = letter_words("the provision of security and recognising that Presid en t")
    assert glued(letter_words("the provision of securityand recognising that President"), reference,
                 set(reference)) == ["securityand"]
    assert glued(letter_words("the provision of security and recognising that President"), reference,
                 set(reference)) == []


def test_the_passages_of_the_somalia_drafts_read_as_the_pages_show() -> None:
    """S/2018/257 has "Al-Shabaab, as well" and "security and recognising"; S/2019/266 the other way
    round. Compared, the redline shows a comma deleted and one inserted: the readers have no part in
    a space before the comma or in "securityand"."""
    old = model_text(read(CORPUS / "pdf" / "S_2018_257-EN.pdf"))
    new = model_text(read(CORPUS / "pdf" / "S_2019_266-EN.pdf"))
    assert "posed by Al-Shabaab, as well as the presence" in old
    assert "posed by Al-Shabaab as well as the presence" in new
    assert "for the provision of security and recognising" in old
    assert "for the provision of security, and recognising" in new
    for text in (old, new):
        assert "Shabaab ," not in text and "securityand" not in text


def test_compared_the_somalia_drafts_show_each_version_as_it_reads() -> None:
    """Where a comma went or came next to a space, the comparison shows the mark next to the word and each
    version's own text whole: no "Al-Shabaab , as" (the redline's space before a struck comma) and no
    "securityand" (the base column's text with its space dropped)."""
    changes = compare(drafter.load(str(CORPUS / "pdf" / "S_2018_257-EN.pdf")),
                      drafter.load(str(CORPUS / "pdf" / "S_2019_266-EN.pdf")))
    assert "posed by Al-Shabaab[-,-] as well" in summary(changes)
    assert "provision of security{+,+} and recognising" in summary(changes)
    redline, table = to_html(changes), to_html_table(changes)
    assert "Al-Shabaab<del>,</del> as well" in redline
    for page in (redline, table):
        views = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert "posed by Al-Shabaab, as well" in views and "posed by Al-Shabaab as well" in views
        assert "provision of security and recognising" in views
        assert "securityand" not in views and "Shabaab , as" not in views


def test_space_width_is_the_fonts_own() -> None:
    """Times New Roman's space is a quarter of an em in the corpus; a font that sets no space character
    (Qt's PDFs) takes its full stop's advance: 0.25 em in Liberation Serif, 0.318 in DejaVu Sans,
    0.602 in DejaVu Sans Mono."""
    def space_ems(path: Path) -> float:
        pages, _ = read_chars(str(path))
        return statistics.median(c.space_width / c.size for chars, _ in pages for c in chars)

    assert space_ems(CORPUS / "pdf" / "S_2022_158-EN.pdf") == pytest.approx(0.25, abs=0.005)
    assert space_ems(WRITERS / "qt-serif.pdf") == pytest.approx(0.25, abs=0.005)
    assert space_ems(WRITERS / "qt-sans.pdf") == pytest.approx(0.318, abs=0.005)
    assert space_ems(WRITERS / "qt-mono.pdf") == pytest.approx(0.602, abs=0.005)


def test_sizes_take_the_text_matrix_in() -> None:
    """Qt sets its fonts at 183 pt scaled by 0.06, cairo at 1 pt scaled by the size: the body text is 11 pt
    and 10 pt as on the page."""
    def body_size(path: Path) -> float:
        pages, _ = read_chars(str(path))
        return Counter(round(c.size, 1) for chars, _ in pages for c in chars if not c.space).most_common(1)[0][0]

    assert body_size(WRITERS / "qt-serif.pdf") == pytest.approx(11.0, abs=0.1)
    assert body_size(WRITERS / f"cairo-{CAIRO[0]}") == body_size(CORPUS / "pdf" / CAIRO[0])


# --- other writers ------------------------------------------------------------------------------
def _set_text() -> str:
    return (WRITERS / "A-RES-72-169.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1]


@pytest.mark.parametrize("name", SET_TEXT)
def test_text_set_by_another_writer_reads_word_for_word(name: str) -> None:
    raw = read(WRITERS / name)
    source = _set_text()
    assert words_of(raw) == source.replace("*", "").split()
    italic = [item.text.strip() for block in raw.blocks for item in block.content
              if isinstance(item, Text) and item.italic and item.text.strip()]
    assert italic == re.findall(r"\*([^*]+)\*", source)


@pytest.mark.parametrize("name", CAIRO)
def test_pdf_rewritten_by_cairo_reads_as_the_original(name: str) -> None:
    original, rewritten = read(CORPUS / "pdf" / name), read(WRITERS / f"cairo-{name}")
    assert words_of(rewritten) == words_of(original)
    assert [block.label for block in rewritten.blocks] == [block.label for block in original.blocks]
    assert rewritten.notes == original.notes


def test_drafters_own_pdf_export_reads_back_as_its_source() -> None:
    """Export PDF sets fonts at 300 dpi, scaled by the matrix, and paints the last line of a page again,
    clipped away, above the top of the next: read back, every paragraph is its source's, once."""
    source = drafter.load(str(CORPUS / "S-2019-266.txt"))
    exported = drafter.load(str(WRITERS / "drafter-S-2019-266.pdf"))
    assert [(label, para.text) for label, para in exported.labelled()] == \
        [(label, para.text) for label, para in source.labelled()]
    assert exported.front.symbol == source.front.symbol == "S/2019/266"


def test_text_its_clipping_path_hides_is_not_read() -> None:
    line = "United Nations personnel and contractors encourages the UN to continue working"
    path = WRITERS / "drafter-S-2019-266.pdf"
    assert " ".join(pdfium_text(path).split()).count(line) == 2, "painted at the foot of page 2 and atop page 3"
    assert " ".join(model_text(read(path)).split()).count(line) == 1
