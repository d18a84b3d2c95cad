"""The text layer of a PDF as characters: each with its box, baseline, size and font.

This is the only part of the PDF reader that talks to the PDF library (pypdfium2). It opens the
file with guards (not a PDF, a password, no pages, too many pages, objects or characters), and
reads every page's characters with the page height; `drafter.importers.pdf` makes lines, words,
paragraphs and footnotes of them. Characters the text layer generates itself (the line breaks it
infers) are left out, and soft hyphens read as hyphens.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from drafter.errors import ImportFailed

MAX_PAGES = 500
MAX_CHARS_PER_PAGE = 100_000
MAX_OBJECTS_PER_PAGE = 50_000

_HYPHENS = {"\x02": "-", "\ufffe": "-", "\xad": "-"}
SPACES = frozenset([" ", "\xa0", "\t", "\u2002", "\u2003", "\u2009"])


@dataclass(slots=True)
class Char:
    ch: str
    x0: float
    x1: float
    y: float  # baseline
    size: float
    italic: bool
    bold: bool
    barcode: bool = False
    marker: bool = False  # part of a raised footnote reference (set by the line reader)

    @property
    def space(self) -> bool:
        return self.ch in SPACES


PageChars = tuple[list[Char], float]  # a page's characters and its height


def read_chars(path: str) -> tuple[list[PageChars], int]:
    """Every page's characters with the page height, and the number of images on the pages; raises
    ImportFailed for a file that is not a readable PDF or is too large to read safely."""
    doc = _open(path)
    try:
        return _read_pages(doc, path)
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise ImportFailed(path, f"the PDF is damaged and could not be read ({exc}).") from exc
    finally:
        doc.close()


def _open(path: str) -> pdfium.PdfDocument:
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise ImportFailed(path, f"the file cannot be opened ({exc.strerror or exc}).") from exc
    if b"%PDF-" not in head:
        raise ImportFailed(path, "the file is not a PDF.")
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise ImportFailed(path, "the PDF is encrypted with a password; save an unprotected copy first.") from exc
        raise ImportFailed(path, "the PDF is damaged or not a valid PDF file.") from exc
    except (OSError, ValueError) as exc:
        raise ImportFailed(path, f"the PDF could not be opened ({exc}).") from exc
    count = len(doc)
    if count == 0:
        doc.close()
        raise ImportFailed(path, "the PDF has no pages.")
    if count > MAX_PAGES:
        doc.close()
        raise ImportFailed(path, f"the PDF has {count} pages; more than {MAX_PAGES} is not a resolution.")
    return doc


def _read_pages(doc: pdfium.PdfDocument, path: str) -> tuple[list[PageChars], int]:
    out: list[PageChars] = []
    images = 0
    for index in range(len(doc)):
        page = doc[index]
        try:
            objects = pdfium_c.FPDFPage_CountObjects(page)
            if objects > MAX_OBJECTS_PER_PAGE:
                raise ImportFailed(path, f"page {index + 1} holds {objects} objects, too many to read safely.")
            images += sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
            textpage = page.get_textpage()
            try:
                out.append((_page_chars(textpage, path, index), page.get_height()))
            finally:
                textpage.close()
        finally:
            page.close()
    return out, images


def _page_chars(textpage: pdfium.PdfTextPage, path: str, index: int) -> list[Char]:
    count = textpage.count_chars()
    if count > MAX_CHARS_PER_PAGE:
        raise ImportFailed(path, f"page {index + 1} holds {count} characters, too many to read safely.")
    rect = pdfium_c.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    fonts: dict[bytes, tuple[bool, bool, bool]] = {}
    chars: list[Char] = []
    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        if code in (10, 13) or pdfium_c.FPDFText_IsGenerated(textpage, i) == 1:
            continue
        ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
        ch = _HYPHENS.get(ch, ch)
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, i, rect):
            continue
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(origin_x), ctypes.byref(origin_y))
        pdfium_c.FPDFText_GetFontInfo(textpage, i, buf, len(buf), ctypes.byref(flags))
        name = buf.value
        style = fonts.get(name)
        if style is None:
            lowered = name.lower()
            style = fonts[name] = (b"italic" in lowered or b"oblique" in lowered, b"bold" in lowered,
                                   b"barcode" in lowered)
        size = pdfium_c.FPDFText_GetFontSize(textpage, i)
        chars.append(Char(ch, rect.left, rect.right, origin_y.value, size, style[0], style[1], style[2]))
    return chars
