"""The text layer of a PDF as characters: each with its advance, baseline, size, font and the width
of a space in its font.

This is the only part of the PDF reader that talks to the PDF library (pypdfium2). It opens the
file with guards (not a PDF, a password, no pages, too many pages, objects or characters), and
reads every page's characters with the page height; `drafter.importers.pdf` makes lines, words,
paragraphs and footnotes of them. Characters the text layer generates itself (the spaces and line
breaks it infers) are left out, and soft hyphens read as hyphens.

A character runs from its origin to the end of its advance, the width its font gives the glyph, so
the gap to the next character is the spacing the page adds: a few hundredths of an em inside a word,
a space or more between words. (The library's "loose" box also covers the ink, which reaches past
the advance in an italic letter or an "f" and would narrow the gap.) Sizes are the font size times
the scale of the text matrix: some writers set every font at size 1, or 183, and scale the matrix.

Word boundaries are measured in spaces of the character's own font: what the PDF's space characters
in that font measure (their advance is the font's space glyph width). A font that sets no space
(some writers place words by position alone) takes the advance of its full stop or comma, which in
text faces is the width of the space or within a few hundredths of an em of it, then the document's
space, then a quarter of an em.
"""

from __future__ import annotations

import _ctypes
import ctypes
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from drafter.errors import ImportFailed

MAX_PAGES = 500
MAX_CHARS_PER_PAGE = 100_000
MAX_OBJECTS_PER_PAGE = 50_000

_HYPHENS = {"\x02": "-", "\ufffe": "-", "\xad": "-"}
SPACES = frozenset([" ", "\xa0", "\t", "\u2002", "\u2003", "\u2009"])
_SPACE_RANGE = (0.1, 0.7)  # ems: a space (or full stop) measured outside this is not one to go by
_DEFAULT_SPACE = 0.25  # ems: the space of Times, for a document that gives no measure at all
_FAR = 1e9



def _returning_address(function: _ctypes.CFuncPtr, *argtypes: type) -> Callable[..., int | None]:
    """A function of the library as one that returns a plain address, which costs less than the pointer
    object the binding makes and can be a key."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    if not address:
        raise ImportError("the PDF library lacks a function the PDF reader needs")
    return ctypes.CFUNCTYPE(ctypes.c_void_p, *argtypes)(address)


# The text object a character belongs to, and the font of a text object: the characters of one object
# share font, size and matrix, so these are read once per object, and the name and style of a font
# once per page.
_object_address = _returning_address(pdfium_c.FPDFText_GetTextObject, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int)
_font_address = _returning_address(pdfium_c.FPDFTextObj_GetFont, pdfium_c.FPDF_PAGEOBJECT)


@dataclass(slots=True)
class Char:
    ch: str
    x0: float  # origin
    x1: float  # end of the advance
    y: float  # baseline
    size: float
    italic: bool
    bold: bool
    barcode: bool = False
    marker: bool = False  # part of a raised footnote reference (set by the line reader)
    space_width: float = 0.0  # the width of a space in this character's font and size, in points
    font: bytes = b""
    space: bool = False  # a space character of the page (not one the library infers)


PageChars = tuple[list[Char], float]  # a page's characters and its height


def read_chars(path: str) -> tuple[list[PageChars], int]:
    """Every page's characters with the page height, and the number of images on the pages without
    text; raises ImportFailed for a file that is not a readable PDF or is too large to read safely."""
    doc = _open(path)
    try:
        pages, images = _read_pages(doc, path)
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        raise ImportFailed(path, f"the PDF is damaged and could not be read ({exc}).") from exc
    finally:
        doc.close()
    _set_space_widths(pages)
    return pages, images


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
    fonts = _Fonts()
    for index in range(len(doc)):
        page = doc[index]
        try:
            objects = pdfium_c.FPDFPage_CountObjects(page)
            if objects > MAX_OBJECTS_PER_PAGE:
                raise ImportFailed(path, f"page {index + 1} holds {objects} objects, too many to read safely.")
            textpage = page.get_textpage()
            try:
                chars = _page_chars(textpage, fonts, path, index)
            finally:
                textpage.close()
            if not chars:  # the images of a page without text tell a scan
                images += sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
            out.append((chars, page.get_height()))
        finally:
            page.close()
    return out, images


@dataclass(slots=True)
class _Run:
    """What the characters of one text object share."""

    font: bytes
    italic: bool
    bold: bool
    barcode: bool
    size: float  # effective: the font size times the vertical scale of the matrix
    scale: float  # points of advance per em of glyph width
    handle: pdfium_c.FPDF_FONT  # the font, for its glyph widths (valid while its page is open)
    address: int  # the font's, to tell fonts of one name apart
    clip: tuple[float, float, float, float] | None  # left, bottom, right, top: the box its clipping path allows


@dataclass(slots=True)
class _Face:
    """A font of a page: its name, style and handle."""

    name: bytes
    italic: bool
    bold: bool
    barcode: bool
    handle: pdfium_c.FPDF_FONT


class _Fonts:
    """The fonts of a page: their names and styles, and the widths of their glyphs."""

    def __init__(self) -> None:
        self.faces: dict[int, _Face] = {}  # by the font's address
        self.widths: dict[tuple[int, int], float] = {}  # (font, code point) -> advance in ems, 0 if unknown
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int()
        self._matrix = pdfium_c.FS_MATRIX()
        self._width = ctypes.c_float()
        self._point = (ctypes.c_float(), ctypes.c_float())

    def new_page(self) -> None:
        # a font may be freed with its page, and its address reused
        self.faces.clear()
        self.widths.clear()

    def run(self, textpage: pdfium_c.FPDF_TEXTPAGE, index: int) -> _Run:
        text_object = pdfium_c.FPDFText_GetTextObject(textpage, index)
        address = _font_address(text_object) or 0
        face = self.faces.get(address)
        if face is None:
            face = self.faces[address] = self._face(textpage, index, text_object)
        size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        matrix = self._matrix
        if not pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
            matrix.a, matrix.b, matrix.c, matrix.d = 1.0, 0.0, 0.0, 1.0
        vertical = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5 or 1.0
        return _Run(face.name, face.italic, face.bold, face.barcode, size * vertical, size * abs(matrix.a),
                    face.handle, address, self._clip(text_object))

    def _face(self, textpage: pdfium_c.FPDF_TEXTPAGE, index: int, text_object: pdfium_c.FPDF_PAGEOBJECT) -> _Face:
        pdfium_c.FPDFText_GetFontInfo(textpage, index, self._name, len(self._name), ctypes.byref(self._flags))
        name = self._name.value
        lowered = name.lower()
        return _Face(name, b"italic" in lowered or b"oblique" in lowered, b"bold" in lowered, b"barcode" in lowered,
                     pdfium_c.FPDFTextObj_GetFont(text_object))

    def _clip(self, text_object: pdfium_c.FPDF_PAGEOBJECT) -> tuple[float, float, float, float] | None:
        """The box within which the clipping path of a text object lets it show (within the bounds of
        each of its paths), or None when it has none."""
        clip = pdfium_c.FPDFPageObj_GetClipPath(text_object)
        if not clip:
            return None
        box = [-_FAR, -_FAR, _FAR, _FAR]
        x, y = self._point
        for path in range(pdfium_c.FPDFClipPath_CountPaths(clip)):
            xs, ys = [], []
            for segment in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, path)):
                if pdfium_c.FPDFPathSegment_GetPoint(pdfium_c.FPDFClipPath_GetPathSegment(clip, path, segment), x, y):
                    xs.append(x.value)
                    ys.append(y.value)
            if xs:
                box = [max(box[0], min(xs)), max(box[1], min(ys)), min(box[2], max(xs)), min(box[3], max(ys))]
        return (box[0], box[1], box[2], box[3]) if box[0] > -_FAR else None

    def width(self, run: _Run, code: int) -> float:
        """The advance of a character in ems by its font's widths (0 when the font does not say), kept
        in `widths`."""
        ok = run.address and pdfium_c.FPDFFont_GetGlyphWidth(run.handle, code, 1.0, ctypes.byref(self._width))
        width = self.widths[(run.address, code)] = self._width.value if ok and self._width.value > 0 else 0.0
        return width


def _page_chars(textpage: pdfium.PdfTextPage, fonts: _Fonts, path: str, index: int) -> list[Char]:
    count = textpage.count_chars()
    if count > MAX_CHARS_PER_PAGE:
        raise ImportFailed(path, f"page {index + 1} holds {count} characters, too many to read safely.")
    fonts.new_page()
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    origin_x_ref, origin_y_ref = ctypes.byref(origin_x), ctypes.byref(origin_y)
    ink = [ctypes.c_double() for _ in range(4)]
    get_unicode, generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    loose_box, char_origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
    runs: dict[int, _Run] = {}
    widths = fonts.widths
    chars: list[Char] = []
    for i in range(count):
        code = get_unicode(raw, i)
        if code in (10, 13):
            continue
        # what the library generates (spaces, line breaks) has no text object, or is a space
        address = _object_address(raw, i)
        if not address or (code == 32 and generated(raw, i) == 1) or not loose_box(raw, i, rect):
            continue
        ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
        ch = _HYPHENS.get(ch, ch)
        run = runs.get(address)
        if run is None:
            run = runs[address] = fonts.run(raw, i)
        char_origin(raw, i, origin_x_ref, origin_y_ref)
        if run.clip is not None and _clipped(run.clip, rect):
            continue
        x0, x1 = origin_x.value, rect.right
        if not rect.left - 1.0 <= x0 <= x1:  # an origin off its own box: keep to the box
            x0 = rect.left
        width = widths.get((run.address, code))
        advance = (fonts.width(run, code) if width is None else width) * run.scale
        if 0 < advance < x1 - x0 - 0.01 * run.size:
            # the box reaches past the advance: the ink overhangs it, or the PDF sets another width
            # (a ligature's, or its own); only the first moves the end back to the advance
            pdfium_c.FPDFText_GetCharBox(raw, i, *ink)
            if ink[1].value >= x1 - 0.01 * run.size and not (chars and chars[-1].x0 == x0):
                x1 = x0 + advance
        chars.append(Char(ch, x0, x1, origin_y.value, run.size, run.italic, run.bold, run.barcode,
                          font=run.font, space=ch in SPACES))
    return chars


def _clipped(clip: tuple[float, float, float, float], rect: pdfium_c.FS_RECTF) -> bool:
    """Whether the clipping path hides a character: the middle of its box is outside what the path allows
    (as the last line of a page that Qt paints again, cut off, above the top of the next)."""
    left, bottom, right, top = clip
    middle_x, middle_y = (rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2
    return not (left - 1 <= middle_x <= right + 1 and bottom - 1 <= middle_y <= top + 1)


def _set_space_widths(pages: list[PageChars]) -> None:
    """Give every character the width of a space in its font (see the module's docstring)."""
    spaces: dict[bytes, list[float]] = defaultdict(list)
    stops: dict[bytes, list[float]] = defaultdict(list)
    low, high = _SPACE_RANGE
    for chars, _ in pages:
        for char in chars:
            if char.ch == " " or char.ch in ".,":
                em = (char.x1 - char.x0) / char.size if char.size > 0 else 0.0
                if low <= em <= high:
                    (spaces if char.ch == " " else stops)[char.font].append(em)
    every = [em for ems in spaces.values() for em in ems]
    fallback = statistics.median(every) if every else _DEFAULT_SPACE
    ems: dict[bytes, float] = {}
    for chars, _ in pages:
        for char in chars:
            font_em = ems.get(char.font)
            if font_em is None:
                measured = spaces.get(char.font) or stops.get(char.font)
                font_em = ems[char.font] = statistics.median(measured) if measured else fallback
            char.space_width = max(font_em * char.size, 0.01)
