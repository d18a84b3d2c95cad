"""Write the PDFs of this folder again (see README.md): the text of A/RES/72/169 set by Qt's PDF writer
and by LibreOffice in faces whose spaces differ, corpus PDFs rewritten by cairo, and a corpus text as
Drafter's own Export PDF sets it.

Run from the repository root:
QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tests/data/pdf_writers/make_pdfs.py
(needs pdftocairo from poppler, soffice from LibreOffice, and the Liberation and DejaVu fonts).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
FACES = {"serif": "Liberation Serif", "sans": "DejaVu Sans", "mono": "DejaVu Sans Mono",
         "narrow": "Liberation Sans Narrow"}
CAIRO = ["S_2018_257-EN.pdf", "S_2019_441-EN.pdf", "S_2022_158-EN.pdf"]
DRAFTER = "S-2019-266"
_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def paragraphs() -> list[str]:
    """The preamble and operative paragraphs of A/RES/72/169, footnote markers left out; the lead
    words in *asterisks*."""
    body = (CORPUS / "A-RES-72-169-clean.txt").read_text(encoding="utf-8").split("The General Assembly,", 1)[1]
    out = []
    for block in body.split("\n\n"):
        text = _SUPERSCRIPTS.sub("", " ".join(block.split()))
        if len(text) < 80 or text[0] in "[(":
            continue
        if re.match(r"[A-Z][a-z]+ing ", text):
            lead, rest = text.split(" ", 1)
            text = f"*{lead}* {rest}"
        out.append(text)
    return out


def write_text(paras: list[str]) -> None:
    header = ("source: United Nations, A/RES/72/169 (tests/data/corpus/A-RES-72-169-clean.txt), the paragraphs"
              " the PDFs of this folder set, one a line, lead words in *asterisks*\n---\n")
    (HERE / "A-RES-72-169.txt").write_text(header + "\n".join(paras) + "\n", encoding="utf-8")


def write_qt(paras: list[str]) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    markup = "".join(
        "<p align=justify>" + re.sub(r"\*([^*]+)\*", r"<i>\1</i>", html.escape(text, quote=False)) + "</p>"
        for text in paras)
    for key, face in FACES.items():
        writer = QPdfWriter(str(HERE / f"qt-{key}.pdf"))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setCreator("Qt QPdfWriter")
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        document.setDefaultFont(QFont(face, 11))
        document.setHtml(markup)
        # laid out to the page itself: no page numbers, and no line cut in two by a page break
        document.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()))
        document.print_(writer)
    del app


def write_libreoffice(paras: list[str]) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    with tempfile.TemporaryDirectory() as tmp:
        for key in ("serif", "narrow"):
            document = Document()
            for text in paras:
                paragraph = document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                for index, piece in enumerate(text.split("*")):
                    run = paragraph.add_run(piece)
                    run.italic = index % 2 == 1
                    run.font.name = FACES[key]
                    run.font.size = Pt(11)
            source = Path(tmp) / f"libreoffice-{key}.docx"
            document.save(str(source))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(HERE), str(source)],
                           check=True, capture_output=True)


def write_drafter() -> None:
    from PySide6.QtWidgets import QApplication

    import drafter
    from ui.paper import clean
    from ui.printing import pdf_bytes

    app = QApplication.instance() or QApplication(sys.argv)
    data, _ = pdf_bytes(clean(drafter.load(str(CORPUS / f"{DRAFTER}.txt"))))
    (HERE / f"drafter-{DRAFTER}.pdf").write_bytes(data)
    del app


def write_cairo() -> None:
    for name in CAIRO:
        subprocess.run(["pdftocairo", "-pdf", str(CORPUS / "pdf" / name), str(HERE / f"cairo-{name}")], check=True)


if __name__ == "__main__":
    texts = paragraphs()
    write_text(texts)
    write_qt(texts)
    write_libreoffice(texts)
    write_cairo()
    write_drafter()
