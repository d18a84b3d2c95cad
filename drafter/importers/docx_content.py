"""What a Word paragraph holds besides runs of text: shapes, alternate content and embedded documents.

- `mc:AlternateContent` gives the same thing twice, for newer and older readers (a text box as a
  DrawingML shape in `mc:Choice`, as VML in `mc:Fallback`): only the first choice is read, or the
  fallback where there is no choice, so a box is read once.
- `shape_content` finds the text boxes (`w:txbxContent`) inside a drawing, picture or object, and names
  what it holds but cannot be read: pictures, charts, SmartArt diagrams, embedded objects, WordArt.
- `chunk_paragraphs` reads an embedded document (`w:altChunk`) that is HTML, MIME HTML (.mht) or plain
  text as paragraphs; an embedded .docx goes back through the Word reader itself.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from lxml import etree

from drafter.importers.docx_props import w
from drafter.model import Content, Inline, Text, trim_runs

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
ALTERNATE, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
TXBX_CONTENT = w("txbxContent")
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_GRAPHIC_DATA = f"{{{_A}}}graphicData"
_DOC_PR = f"{{{_WP}}}docPr"
_VML = "urn:schemas-microsoft-com:vml"
_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
_KINDS = {"chart": "a chart", "chartex": "a chart", "diagram": "a SmartArt diagram"}


def chosen(alternate: etree._Element) -> etree._Element | None:
    """The branch of an `mc:AlternateContent` that is read: the first choice, else the fallback."""
    branch = alternate.find(CHOICE)
    return branch if branch is not None else alternate.find(FALLBACK)


def _described(el: etree._Element, what: str) -> str:
    """"a picture ('UN emblem')": the alternative text of the drawing, where it has one."""
    doc_pr = next(el.iter(_DOC_PR), None)
    alt = " ".join(((doc_pr.get("descr") or doc_pr.get("title") or "") if doc_pr is not None else "").split())
    return f"{what} ('{_short(alt)}')" if alt else what


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _walk_shape(el: etree._Element) -> Iterator[etree._Element]:
    """The elements of a shape in document order, one branch of each alternate content, not inside boxes."""
    for child in el:
        if child.tag == ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                yield from _walk_shape(branch)
            continue
        yield child
        if child.tag != TXBX_CONTENT:
            yield from _walk_shape(child)


def shape_content(el: etree._Element) -> tuple[list[etree._Element], list[str]]:
    """The text boxes of a `w:drawing`, `w:pict` or `w:object` in reading order, and what was not read."""
    boxes: list[etree._Element] = []
    issues: list[str] = []
    for node in _walk_shape(el):
        tag = node.tag
        if tag == TXBX_CONTENT:
            boxes.append(node)
        elif tag == _GRAPHIC_DATA:
            kind = (node.get("uri") or "").rstrip("/").rsplit("/", 1)[-1]
            if kind in _KINDS:
                issues.append(_described(el, _KINDS[kind]))
        elif tag == _PIC:
            issues.append(_described(el, "a picture"))
        elif tag == f"{{{_VML}}}imagedata" and el.tag == w("pict"):
            issues.append("a picture")
        elif tag == f"{{{_VML}}}textpath" and node.get("string"):
            issues.append(f"a WordArt text ('{_short(node.get('string') or '')}')")
        elif tag == _OLE_OBJECT:
            issues.append(f"an embedded object ({node.get('ProgID') or 'of unknown kind'})")
    return boxes, [f"{issue} was not read" for issue in issues]


# --- embedded documents (w:altChunk) -----------------------------------------------------
def chunk_kind(name: str, data: bytes) -> str:
    """"docx", "html", "mht", "text", or what the part is (for the warning): by content, then by name."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if data.startswith(b"PK\x03\x04"):
        return "docx" if ext in ("docx", "docm", "dotx", "dotm", "") else f"{ext} file"
    if head.startswith(b"{\\rtf"):
        return "RTF document"
    if b"mime-version:" in head or ext in ("mht", "mhtml"):
        return "mht"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or ext in ("htm", "html", "xhtml"):
        return "html"
    if ext == "txt" or (ext in ("", "dat") and b"\x00" not in data[:4096]):
        return "text"
    return f"{ext} file" if ext else "file of unknown kind"


def chunk_paragraphs(kind: str, data: bytes) -> tuple[list[Content], list[str]]:
    """The paragraphs of an embedded HTML, MIME HTML or text document, and what could not be read."""
    issues: list[str] = []
    if kind == "mht":
        found = _mht_html(data)
        if found is None:
            return [], ["an embedded web archive (.mht) holds no HTML page and was not read"]
        text, charset = found
        html = _decode(text, charset, issues)
    else:
        html = _decode(data, _declared_charset(data) if kind == "html" else None, issues)
    if kind == "text":
        return [(Text(line.strip()),) for line in html.splitlines() if line.strip()], issues
    parser = _HtmlBlocks()
    parser.feed(html)
    parser.close()
    return parser.finish(), issues


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096])
    return match.group(1).decode("ascii") if match else None


def _decode(data: bytes, charset: str | None, issues: list[str]) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    for candidate in (charset, "utf-8"):
        try:
            return data.decode(candidate or "utf-8")
        except (LookupError, UnicodeDecodeError):
            continue
    issues.append("an embedded document is not in UTF-8 nor in the encoding it declares; "
                  "it was read as Windows-1252, where some letters may be wrong")
    return data.decode("cp1252", errors="replace")


def _mht_html(data: bytes) -> tuple[bytes, str | None] | None:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    return None


class _HtmlBlocks(HTMLParser):
    """HTML as Word pastes it: each block (paragraph, heading, list item, table cell) one paragraph."""

    BLOCKS = frozenset({"p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                        "pre", "dt", "dd", "caption", "tr", "table", "ul", "ol", "dl", "section",
                        "article", "header", "footer", "address", "figcaption", "hr", "body"})
    SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})
    ITALIC = frozenset({"i", "em", "cite", "var", "dfn"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Content] = []
        self.current: list[Inline] = []
        self.skipping = 0
        self.italic = 0

    def _close(self) -> None:
        content = trim_runs(self._collapsed())
        if any(isinstance(item, Text) and item.text for item in content):
            self.paragraphs.append(content)
        self.current = []

    def _collapsed(self) -> list[Inline]:
        out: list[Inline] = []
        space = True  # white space at the start is dropped
        for item in self.current:
            if not isinstance(item, Text):
                continue
            text = re.sub(r"\s+", " ", item.text)
            if space:
                text = text.lstrip(" ")
            if text:
                out.append(Text(text, item.italic))
                space = text.endswith(" ")
        return out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self._close()
        elif tag in self.ITALIC:
            self.italic += 1
        elif tag == "br":
            self.current.append(Text(" "))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in self.BLOCKS:
            self._close()
        elif tag in self.ITALIC:
            self.italic = max(self.italic - 1, 0)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(Text(data, self.italic > 0))

    def finish(self) -> list[Content]:
        self._close()
        return self.paragraphs
