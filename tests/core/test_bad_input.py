"""Bad files get exit code 2 and one clear line from the CLI, never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import PIL.Image
import pypdfium2 as pdfium
import pytest

from tests.corpus import CORPUS
from tests.docx_fixtures import raw_docx, zip_bomb


def run_inspect(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafter.cli", "inspect", str(path)],
                          capture_output=True, text=True, timeout=60)


def assert_refused(path: Path, *phrases: str) -> str:
    result = run_inspect(path)
    assert result.returncode == 2, result.stdout[:500] + result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("drafter inspect: ")
    for phrase in phrases:
        assert phrase in lines[0], lines[0]
    return lines[0]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_refused(path, "empty")


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "nowhere.docx", "cannot be opened")


def test_random_bytes_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(os.urandom(4096))
    assert_refused(path)


def test_random_binary_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(bytes(range(256)) * 64)
    assert_refused(path, "binary")


def test_zip_bomb_docx(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "bomb.docx")  # 1 GB of zeros, about 1 MB on disk
    assert path.stat().st_size < 5_000_000
    assert_refused(path)  # how long it takes: tests/benchmarks/bench_hostile.py


def test_entity_bomb_docx(tmp_path: Path) -> None:
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                      for i in range(1, 10))
           + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    path = raw_docx(tmp_path / "lol.docx", lol)
    assert_refused(path)


def test_external_entity_docx(tmp_path: Path) -> None:
    xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    path = raw_docx(tmp_path / "xxe.docx", xxe)
    line = assert_refused(path)
    assert "root:" not in line


def test_external_entity_akn(tmp_path: Path) -> None:
    path = tmp_path / "res.xml"
    path.write_bytes(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                     b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>')
    assert_refused(path)


def test_encrypted_office_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    assert_refused(path, "password")


def test_image_only_pdf(tmp_path: Path) -> None:
    image = PIL.Image.new("RGB", (400, 500), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PDF")
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    assert pdfium.PdfDocument(str(path))[0].get_textpage().count_chars() == 0
    assert_refused(path, "text layer")


def test_truncated_pdf(tmp_path: Path) -> None:
    source = (CORPUS / "pdf" / "S_2018_257-EN.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(source[: len(source) // 3])
    assert_refused(path)


@pytest.mark.parametrize(("name", "encoding", "expected"), [
    ("A-RES-75-180.txt", "cp1252", "15 preambular, 17 operative"),
    ("A-RES-72-169-clean.txt", "utf-16", "14 preambular, 17 operative"),
])
def test_non_utf8_text_is_decoded(tmp_path: Path, name: str, encoding: str, expected: str) -> None:
    body = (CORPUS / name).read_text(encoding="utf-8").split("---\n", 1)[1]
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(body.encode(encoding))
    result = run_inspect(path)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert "“Transforming our world" in result.stdout or "Recalling its resolution 70/1" in result.stdout


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.write(b"Recalling its resolutions, " * (50 * 1024 * 1024 // 27))
    assert_refused(path, "MB")


def test_pdf_with_a_huge_page_count(tmp_path: Path) -> None:
    document = pdfium.PdfDocument.new()
    for _ in range(2000):
        document.new_page(595, 842)
    path = tmp_path / "pages.pdf"
    document.save(str(path))
    assert_refused(path, "pages")


def test_two_hundred_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(200 * 1024 * 1024)  # sparse: quick to make, 200 MB to the reader
    assert_refused(path, "MB")
