"""The PDF reader on the 34 official Security Council PDFs of the corpus and on broken files."""

from __future__ import annotations

import hashlib
import random
import re
import struct
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from drafter.errors import ImportFailed
from drafter.importers.blocks import RawDoc
from drafter.importers.pdf import read_pdf
from drafter.importers.pdf_chars import MAX_PAGES
from drafter.importers.structure import build
from drafter.model import NoteRef, Text, plain_text

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
PDFS = sorted((CORPUS / "pdf").glob("*.pdf"))
FURNITURE = re.compile(r"\b\d{2}-\d{5}\b|\*\d{7}\*|\(E\)\s+\d{6}|^\d{1,2}/\d{1,2}$|_{5,}")


@cache
def read(name: str) -> RawDoc:
    return read_pdf(str(CORPUS / "pdf" / name))


def texts(raw: RawDoc) -> list[str]:
    return [plain_text(block.content) for block in raw.blocks]


def block(raw: RawDoc, label: str) -> str:
    return next(plain_text(b.content) for b in raw.blocks if b.label == label)


def starting(raw: RawDoc, prefix: str) -> str:
    return next(text for text in texts(raw) if text.startswith(prefix))


# --- the whole corpus ----------------------------------------------------------
def test_corpus_is_there() -> None:
    assert len(PDFS) == 34


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_every_pdf_reads_without_furniture(path: Path) -> None:
    raw = read(path.name)
    assert len(raw.blocks) > 5
    symbol = "S/" + "/".join(path.stem.split("_")[1:3]).replace("-EN", "")
    all_text = texts(raw)
    assert all_text.count(symbol) == 1, "the symbol stays once, as the header block of page 1"
    assert any(text == "Security Council" for text in all_text)
    for text in all_text + [plain_text(note) for note in raw.notes.values()]:
        assert text == text.strip() and "  " not in text
        assert not FURNITURE.search(text), text
    numbers = [int(b.label.rstrip(".")) for b in raw.blocks if b.label and b.label.rstrip(".").isdigit()]
    assert numbers[:1] == [1]
    # OP numbers run 1, 2, 3 … without a gap; a numbered list inside an OP or an annex starts again at 1
    assert sorted(set(numbers)) == list(range(1, max(numbers) + 1))


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_formula_and_italic_lead_words(path: Path) -> None:
    raw = read(path.name)
    formula = next(b for b in raw.blocks if plain_text(b.content).startswith("The Security Council"))
    assert formula.content[0] == Text("The Security Council", italic=True)
    after = raw.blocks[raw.blocks.index(formula) + 1]
    first = after.content[0]
    assert isinstance(first, Text) and first.italic and first.text[0].isupper()


# --- words: justified text, hyphens ----------------------------------------------
@pytest.mark.parametrize(("name", "broken", "whole"), [
    ("S_2022_158-EN.pdf", "Presid en t", "President"),
    ("S_2022_158-EN.pdf", "immedi at e", "immediate"),
    ("S_2018_257-EN.pdf", "appointm ent", "appointment"),
    ("S_2018_693-EN.pdf", "Speci al", "Special Report"),
    ("S_2018_257-EN.pdf", "Da ’esh", "Da’esh"),
    ("S_2019_441-EN.pdf", "Expert s", "Panel of Experts,"),
])
def test_words_split_by_justification_are_whole(name: str, broken: str, whole: str) -> None:
    stem = name.replace("_", "-").replace("-EN.pdf", "")
    txt = CORPUS / f"{stem}.txt"
    if txt.exists():
        assert broken in txt.read_text(encoding="utf-8"), "the pdftotext copy shows the artefact"
    text = "\n".join(texts(read(name)))
    assert broken not in text
    assert whole in text


def test_no_piece_words_against_pdftotext() -> None:
    """Words that pdftotext cut in two come out whole, and nothing is glued together."""
    raw = read("S_2022_158-EN.pdf")
    words = set("\n".join(texts(raw)).split())
    for word in ("President", "immediate", "framework", "consultations,", "Improvised", "robust", "findings"):
        assert word in words
    for piece in ("Presid", "immedi", "framewo", "robu", "Improv"):
        assert piece not in words
    assert not [w for w in words if re.search(r"[a-z](?:Recalling|Welcoming|Decides)\b", w)]


def test_line_end_hyphen_is_kept_and_joined() -> None:
    raw = read("S_2018_257-EN.pdf")
    expressing = starting(raw, "Expressing its full support")
    assert "Special Representative of the Secretary-General and Head of UNSOM" in expressing
    assert "long-term peace in Somalia" in starting(raw, "Underlining that a capable")


def test_suspended_hyphen_keeps_its_space() -> None:
    text = "\n".join(texts(read("S_2018_693-EN.pdf")))
    assert "troop- and police-contributing countries" in text
    assert "troop-and" not in text


# --- paragraphs, labels, pages ---------------------------------------------------
def test_s_2018_257_paragraphs() -> None:
    raw = read("S_2018_257-EN.pdf")
    labels = [b.label for b in raw.blocks if b.label]
    assert labels == [f"{n}." for n in range(1, 30)]
    assert block(raw, "29.") == "Decides to remain actively seized of the matter."
    assert block(raw, "1.") == (
        "Decides to extend until 31 March 2019 UNSOM’s mandate as set out in paragraph 1 of resolution 2158 (2014);"
    )
    first_op = next(b for b in raw.blocks if b.label == "1.")
    assert first_op.content[0] == Text("Decides", italic=True)
    assert texts(raw)[:8] == [
        "United Nations", "S/2018/257", "Security Council", "Distr.: General", "27 March 2018",
        "Original: English", "United Kingdom of Great Britain and Northern Ireland: draft resolution",
        "The Security Council,",
    ]
    assert "UNSOM" in texts(raw) and "Somalia" in texts(raw)  # the two cross-headings


def test_paragraph_across_page_break_is_one_block() -> None:
    raw = read("S_2018_257-EN.pdf")
    welcoming = starting(raw, "Welcoming the progress made since the election of President")
    assert "the swift appointment of a Government, the increased representation of women in Parliament and " \
           "Government, commitment to economic reforms" in welcoming
    assert welcoming.endswith("and the political roadmap,")
    assert not any(text.startswith("Government, commitment") for text in texts(raw))


def test_sub_paragraph_labels() -> None:
    raw = read("S_2018_693-EN.pdf")
    labels = [b.label for b in raw.blocks if b.label]
    seven = labels.index("7.")
    assert labels[seven:seven + 8] == ["7.", "(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)", "8."]
    assert block(raw, "(v)") == "whether the conditions on the ground remain conducive to further reductions;"
    last = labels.index("56.")
    assert labels[last + 1:last + 11] == ["(i)", "(ii)", "(iii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)",
                                          "(ix)", "(x)"]


def test_number_without_full_stop_is_still_a_label() -> None:
    raw = read("S_2024_400-EN.pdf")
    numbers = [b.label.rstrip(".") for b in raw.blocks if b.label and b.label.rstrip(".").isdigit()]
    assert numbers == [str(n) for n in range(1, 17)]
    assert block(raw, "11").startswith("Condemns disinformation, information manipulation")


def test_annex_heading_after_page_break_is_its_own_block() -> None:
    raw = read("S_2024_557-EN.pdf")
    assert block(raw, "6.") == "Decides to remain seized of the matter."
    assert "Annex I" in texts(raw) and "Annex II" in texts(raw)


# --- footnotes -----------------------------------------------------------------------
def test_footnotes_s_2024_557() -> None:
    raw = read("S_2024_557-EN.pdf")
    assert list(raw.notes) == ["1", "2", "3"]
    assert raw.notes["3"] == (Text("The summary is distinct from a recommendation. The Focal Point will not make "
                                   "a recommendation on the petition."),)
    first = plain_text(raw.notes["1"])
    assert first.startswith("Petitions submitted before the date of the adoption of this resolution")
    assert "between the date of adoption of this resolution and the date of the appointment" in first  # page break
    assert first.endswith("once this appointment is effective.")
    intro = next(b for b in raw.blocks if plain_text(b.content).startswith("The Focal Point is authorized"))
    refs = [item.note for item in intro.content if isinstance(item, NoteRef)]
    assert refs == ["1", "2"]
    assert "(1999). Petitioners" in plain_text(intro.content)
    after = intro.content[intro.content.index(NoteRef("1")) - 1]
    assert isinstance(after, Text) and after.text.endswith("resolution 1267 (1999).")
    three = next(b for b in raw.blocks if any(i == NoteRef("3") for i in b.content))
    assert three.label == "(a)" and plain_text(three.content).endswith("with its decision;")
    assert all("Petitions submitted" not in text for text in texts(raw))


def test_footnote_s_2024_400() -> None:
    raw = read("S_2024_400-EN.pdf")
    assert raw.notes == {"1": (Text("The initial Aide Memoire was adopted on 15 March 2002 in S/PRST/2002/6."),)}
    cited = next(b for b in raw.blocks if NoteRef("1") in b.content)
    assert cited.content[0] == Text("Taking note", italic=True)
    assert cited.content[-1] == NoteRef("1")
    assert not raw.warnings


def test_pdfs_without_footnotes_have_none() -> None:
    for path in PDFS:
        if path.name not in ("S_2024_557-EN.pdf", "S_2024_400-EN.pdf"):
            raw = read(path.name)
            assert raw.notes == {}, path.name
            assert not any(isinstance(i, NoteRef) for b in raw.blocks for i in b.content), path.name


# --- end to end through the structure builder -----------------------------------------
def test_structure_builder_end_to_end() -> None:
    res = build(read("S_2018_257-EN.pdf"))
    assert res.front.symbol == "S/2018/257"
    assert res.front.date == "27 March 2018"
    assert res.front.doc_type == "draft resolution"
    assert res.formula == "The Security Council,"
    assert len(res.preambular()) == 19
    assert len(res.operatives()) == 29
    res = build(read("S_2018_693-EN.pdf"))
    assert [len(p.children) for p in res.operatives() if p.children][:2] == [6, 3]
    res = build(read("S_2024_557-EN.pdf"))
    assert len(res.footnotes) == 3 and len(res.operatives()) == 6 and len(res.annexes) == 2


# --- bad files -----------------------------------------------------------------------
def failure(path: Path) -> str:
    with pytest.raises(ImportFailed) as info:
        read_pdf(str(path))
    reason = info.value.reason
    assert reason.endswith(".") and "\n" not in reason
    return reason


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "random.pdf"
    path.write_bytes(random.Random(7).randbytes(20_000))
    assert "not a PDF" in failure(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot be opened" in failure(tmp_path / "absent.pdf")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_pdf(tmp_path: Path, fraction: float) -> None:
    data = (CORPUS / "pdf" / "S_2018_257-EN.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    try:
        raw = read_pdf(str(path))
    except ImportFailed as exc:
        assert "damaged" in exc.reason
    else:
        assert isinstance(raw, RawDoc)


def test_header_then_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(3).randbytes(5000))
    assert "damaged" in failure(path)


def test_image_only_pdf_is_a_scan(tmp_path: Path) -> None:
    src = pdfium.PdfDocument(str(CORPUS / "pdf" / "S_2018_341-EN.pdf"))
    width, height = src[0].get_size()
    bitmap = src[0].render(scale=0.5)
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(width, height)
    image = pdfium.PdfImage.new(doc)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    path = tmp_path / "scan.pdf"
    doc.save(str(path))
    assert failure(path) == "the PDF has no text layer; it is a scan — run OCR first."


def test_blank_pdf_has_no_text(tmp_path: Path) -> None:
    doc = pdfium.PdfDocument.new()
    doc.new_page(612, 792)
    path = tmp_path / "blank.pdf"
    doc.save(str(path))
    assert "no text" in failure(path)


def test_too_many_pages_is_refused(tmp_path: Path) -> None:
    doc = pdfium.PdfDocument.new()
    for _ in range(MAX_PAGES + 1):
        doc.new_page(612, 792)
    path = tmp_path / "long.pdf"
    doc.save(str(path))
    assert f"{MAX_PAGES + 1} pages" in failure(path)


def test_encrypted_pdf_asks_for_an_unprotected_copy(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted_pdf("secret"))
    opened = pdfium.PdfDocument(str(path), password="secret")  # a real encrypted PDF: the password opens it
    assert "Locked" in opened[0].get_textpage().get_text_range()
    opened.close()
    assert "password" in failure(path)


# --- an encrypted PDF (standard security handler, RC4 40-bit, revision 2) ---------------
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _encrypted_pdf(password: str) -> bytes:
    user = (password.encode() + _PAD)[:32]
    owner_key = hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5]
    o_value = _rc4(owner_key, user)
    doc_id = hashlib.md5(b"drafter-test").digest()
    permissions = -44
    key = hashlib.md5(user + o_value + struct.pack("<i", permissions) + doc_id).digest()[:5]
    u_value = _rc4(key, _PAD)
    stream = b"BT /F1 24 Tf 72 700 Td (Locked) Tj ET"
    object_key = hashlib.md5(key + struct.pack("<i", 4)[:3] + b"\x00\x00").digest()[:10]
    body = _rc4(object_key, stream)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o_value.hex().encode() + b"> /U <" + u_value.hex().encode()
        + b"> /P %d >>" % permissions,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 5 0 R /ID [<" % (len(objects) + 1) + doc_id.hex().encode()
            + b"> <" + doc_id.hex().encode() + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return bytes(out)
