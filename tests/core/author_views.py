"""One delegation's text out of a .docx with revisions by several authors: that author's revisions accepted and
everyone else's rejected, read two ways that share nothing with Drafter's writer or readers.

`python_view(data, author)` walks the XML of word/document.xml itself: a run is shown when every revision
around it lets it through (an insertion or a move's new place by `author`; a deletion or a move's old place
by anyone else), a paragraph whose mark goes (inserted by another, deleted by `author`) runs on into the
next one, and the printed number of a note cited again (a NOTEREF field's result) is not text.

`libreoffice_views(path, authors, folder)` lets LibreOffice do it: a Basic macro opens the file once per
author, takes the first change LibreOffice lists, accepts it if `author` made it and rejects it otherwise,
until none is left, and saves the result as .odt; `odt_view` reads its paragraphs. LibreOffice 7.4 is given
a copy without the comments' anchors (`without_comments`): comments change no text, and with comments made by
python-docx's comment API (even in a one-paragraph file of its own) LibreOffice ends with an uncaught
NoSuchElementException once a macro uses its dispatcher on the document (loading, saving and converting them
work, and a comment Word wrote does not do it).
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ADDING = ("ins", "moveTo")
_REVISIONS = ("ins", "del", "moveFrom", "moveTo")
_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _shown(node: etree._Element, paragraph: etree._Element, author: str) -> bool:
    for holder in node.iterancestors():
        if holder is paragraph:
            return True
        kind = etree.QName(holder).localname
        if kind in _REVISIONS and (holder.get(_q("author")) == author) != (kind in _ADDING):
            return False
    return True


def _mark_goes(paragraph: etree._Element, author: str) -> bool:
    for kind in _REVISIONS:
        mark = paragraph.find(f"{_q('pPr')}/{_q('rPr')}/{_q(kind)}")
        if mark is not None:
            return (mark.get(_q("author")) == author) != (kind in _ADDING)
    return False


def _text(paragraph: etree._Element, author: str) -> str:
    out: list[str] = []
    field_result = False
    for node in paragraph.iter(_q("t"), _q("delText"), _q("tab"), _q("br"), _q("cr"), _q("fldChar")):
        if node.tag == _q("fldChar"):
            field_result = node.get(_q("fldCharType")) == "separate"
        elif not field_result and _shown(node, paragraph, author):
            out.append(node.text or "" if node.tag in (_q("t"), _q("delText")) else " ")
    return "".join(out)


def python_view(data: bytes, author: str) -> list[str]:
    """The body's paragraphs (spaces collapsed, empty ones left out) with `author`'s revisions accepted and
    all others rejected; an author no revision has gives the text with every revision rejected."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(_q("body"))
    assert body is not None
    paragraphs: list[str] = []
    running = ""
    for paragraph in body.iter(_q("p")):
        running += _text(paragraph, author)
        if not _mark_goes(paragraph, author):
            paragraphs.append(running)
            running = ""
    paragraphs.append(running)
    return [" ".join(text.split()) for text in paragraphs if text.strip()]


# --- LibreOffice -------------------------------------------------------------------------------------------
MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub ByAuthor(source As String, author As String, target As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = "Hidden"
  hidden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, hidden())
  controller = doc.getCurrentController()
  frame = controller.getFrame()
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  rounds = 0
  Do While doc.getRedlines().getCount() &gt; 0 And rounds &lt; 20000
    rounds = rounds + 1
    change = doc.getRedlines().getByIndex(0)
    first = change.getPropertyValue("RedlineStart")
    cursor = first.getText().createTextCursorByRange(first)
    cursor.gotoRange(change.getPropertyValue("RedlineEnd"), True)
    controller.select(cursor)
    If change.getPropertyValue("RedlineAuthor") = author Then
      helper.executeDispatch(frame, ".uno:AcceptTrackedChange", "", 0, Array())
    Else
      helper.executeDispatch(frame, ".uno:RejectTrackedChange", "", 0, Array())
    End If
  Loop
  Dim props(0) As New com.sun.star.beans.PropertyValue
  props(0).Name = "FilterName"
  props(0).Value = "writer8"
  doc.storeToURL(ConvertToURL(target), props())
  doc.close(True)
End Sub
</script:module>
"""


def _soffice(soffice: str, profile: Path, *args: str) -> None:
    done = subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", *args],
                          capture_output=True, timeout=300)
    assert done.returncode == 0, (args, done.returncode, done.stderr.decode(errors="replace")[-2000:])


def without_comments(data: bytes) -> bytes:
    """The .docx with the comments' ranges and references taken out of the body."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(content)
                for node in list(root.iter(_q("commentRangeStart"), _q("commentRangeEnd"), _q("commentReference"))):
                    gone = node.getparent() if node.tag == _q("commentReference") else node  # the reference's run
                    holder = gone.getparent() if gone is not None else None
                    assert gone is not None and holder is not None
                    holder.remove(gone)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, content)
    return out.getvalue()


def libreoffice_views(soffice: str, path: Path, authors: list[str], folder: Path) -> dict[str, Path]:
    """For each author, the .odt LibreOffice saves after accepting that author's changes and rejecting all
    others, one change at a time (in a copy of `path` without comments)."""
    copy = folder / "for-libreoffice.docx"
    copy.write_bytes(without_comments(path.read_bytes()))
    profile = folder / "lo-profile"
    _soffice(soffice, profile, "--terminate_after_init")  # a fresh profile, with its Standard Basic library
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.exists(), "LibreOffice made no Basic library in its profile"
    module.write_text(MACRO, "utf-8")
    out = {}
    for index, author in enumerate(authors):
        target = folder / f"view-{index}.odt"
        quoted = author.replace('"', '""')
        _soffice(soffice, profile, f'macro:///Standard.Module1.ByAuthor("{copy}","{quoted}","{target}")')
        out[author] = target
    return out


def odt_view(path: Path) -> list[str]:
    """The paragraphs of an .odt's body (not of its notes or comments), spaces collapsed, empty ones left out;
    it must hold no changes any more."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    text = f"{{{_ODF_TEXT}}}"
    assert not list(root.iter(f"{text}changed-region")), f"{path.name} still holds changes"
    body = root.find(f"{{{_ODF_OFFICE}}}body/{{{_ODF_OFFICE}}}text")
    assert body is not None
    skip = (f"{text}note", f"{{{_ODF_OFFICE}}}annotation")
    out = []
    for paragraph in body.iter(f"{text}p", f"{text}h"):
        if any(holder.tag in skip for holder in paragraph.iterancestors()):
            continue
        out.append(" ".join(_odt_text(paragraph, skip).split()))
    return [text for text in out if text]


def _odt_text(node: etree._Element, skip: tuple[str, ...]) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{{{_ODF_TEXT}}}s":
            parts.append(" " * int(child.get(f"{{{_ODF_TEXT}}}c", "1")))
        elif child.tag in (f"{{{_ODF_TEXT}}}tab", f"{{{_ODF_TEXT}}}line-break"):
            parts.append(" ")
        elif child.tag not in skip:
            parts.append(_odt_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


__all__ = ["libreoffice_views", "odt_view", "python_view"]
