"""Print and Export PDF from the real window: A/RES/76/159, clean and as a redline against A/RES/75/180, read
back with poppler (pdfinfo, pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from ui.app import initial_document
from ui.main_window import MainWindow

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def _pages(pdf: Path) -> int:
    found = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def _text(pdf: Path, page: int = 0) -> str:
    """The PDF's text, its lines kept as printed (pdftotext would join a word cut at a hyphen otherwise)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _run("pdftotext", "-layout", *pages, str(pdf), "-")


def _words(text: str) -> list[str]:
    """The words of a text; a word broken after its hyphen at the end of a line is one word again."""
    out: list[str] = []
    for token in unicodedata.normalize("NFKC", text).split():
        if out and out[-1].endswith("-") and len(out[-1]) > 1 and out[-1][-2].isalpha() and token[:1].isalpha():
            out[-1] += token
        else:
            out.append(token)
    return out


def _reads_in_order(words: list[str], stream: list[str], slack: int = 160) -> bool:
    """Whether `words` appear in `stream` in order, starting together and within `slack` extra words (running
    heads, page numbers and footnotes may come between the lines of a paragraph cut by a page). A word in the
    PDF may carry a footnote marker's digits after it."""
    def same(model: str, printed: str) -> bool:
        return printed == model or (printed.startswith(model) and printed[len(model):].isdigit())

    for start in (i for i, token in enumerate(stream) if same(words[0], token)):
        at, found = start, 0
        while at < len(stream) and at - start <= len(words) + slack and found < len(words):
            found += same(words[found], stream[at])
            at += 1
        if found == len(words):
            return True
    return False


def _open_76_159(window: MainWindow) -> None:
    doc, _saved = initial_document(str(CORPUS / "A-RES-76-159.txt"), str(CORPUS / "A-RES-75-180.txt"))
    window.controller.set_document(doc, None)


def _export(qtbot, window: MainWindow, kind: str, target: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    """File › Export PDF › Clean draft… or Redline against the base…, the file dialog answering `target`."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.printing.actions[("pdf", kind)].trigger()
    assert target.exists()
    return target


def test_the_clean_draft_as_a_pdf(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _open_76_159(window)
    pdf = _export(qtbot, window, "clean", tmp_path / "clean.pdf", monkeypatch)
    pages = _pages(pdf)
    assert pages > 1
    stream = _words(_text(pdf))
    doc = window.controller.doc
    assert doc is not None
    for label, para in doc.draft.labelled():
        assert _reads_in_order(_words(para.text), stream), label
    for note in doc.draft.footnotes:
        assert _reads_in_order(_words(note.text), stream), note.text
    flat = " ".join(stream)
    for number in range(1, len(doc.draft.operatives()) + 1):
        lead = _words(doc.draft.operatives()[number - 1].text)[0]
        assert f"{number}. {lead}" in flat  # the numbers print before the operative paragraphs
    for page in range(2, pages + 1):
        lines = _text(pdf, page).split()
        assert f"{page}/{pages}" in lines and "A/RES/76/159" in lines  # page number and running head
    assert f"1/{pages}" not in _text(pdf, 1)  # the first page has the header block instead
    fonts = _run("pdffonts", str(pdf))
    assert re.search(r"(Times|Serif)\S*Italic", fonts) and re.search(r"(Times|Serif)", fonts)  # serif, italic leads


class _Boxes(HTMLParser):
    """Words and their boxes from `pdftotext -bbox`, page by page."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[list[tuple[str, tuple[float, float, float, float]]]] = []
        self._box: tuple[float, float, float, float] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "page":
            self.pages.append([])
        elif tag == "word":
            left, top, right, bottom = (float(values[k] or 0) for k in ("xmin", "ymin", "xmax", "ymax"))
            self._box = (left, top, right, bottom)

    def handle_data(self, data: str) -> None:
        if self._box is not None and data.strip():
            self.pages[-1].append((data.strip(), self._box))
            self._box = None


def _dark_rows(image: QImage, box: tuple[float, float, float, float], scale: float) -> list[float]:
    """The rows (as a fraction of the word's height from its top) crossed by a dark line at least 80 % of the
    word's width long."""
    left, top, right, bottom = (round(v * scale) for v in box)
    rows = []
    for y in range(top - 2, bottom + 4):
        dark = sum(1 for x in range(left, right) if image.pixelColor(x, y).lightness() < 110)
        if right > left and dark >= 0.8 * (right - left):
            rows.append((y - top) / max(1, bottom - top))
    return rows


def test_the_redline_as_a_pdf_strikes_and_underlines(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _open_76_159(window)
    pdf = _export(qtbot, window, "redline", tmp_path / "redline.pdf", monkeypatch)
    pages = _pages(pdf)
    assert pages > 1
    stream = _words(_text(pdf))
    doc = window.controller.doc
    assert doc is not None
    printed = " ".join(stream)
    for label, para in doc.draft.labelled():  # every word of the draft is printed, the base's words among them
        assert [word for word in _words(para.text) if word not in printed] == [], label
    for base_then_draft in ("A/RES/75/180A/RES/76/159", "seventy-sixth seventy-seventh session.",
                            "declaration declarations", "(A/75/53A/76/53)", "meeting meetings"):
        assert base_then_draft in printed  # the base's words stand before the draft's
    boxes = _Boxes()
    boxes.feed(_run("pdftotext", "-bbox", str(pdf), "-"))
    scale = 200 / 72
    found = {"struck": 0, "underlined": 0}
    for number, words in enumerate(boxes.pages, 1):
        wanted = [(w, box) for w, box in words if w in ("seventy-sixth", "seventy-seventh")]
        if not wanted:
            continue
        _run("pdftoppm", "-png", "-r", "200", "-f", str(number), "-l", str(number), str(pdf), str(tmp_path / "page"))
        image = QImage(str(next(tmp_path.glob(f"page-*{number}.png"))))
        for word, box in wanted:
            rows = _dark_rows(image, box, scale)
            if word == "seventy-sixth" and any(0.35 <= row <= 0.8 for row in rows):
                found["struck"] += 1  # OP17's base session, struck through
            if word == "seventy-seventh" and any(row >= 0.8 for row in rows):
                found["underlined"] += 1  # and the draft's, underlined
    assert found == {"struck": 1, "underlined": 1}, found


def test_print_goes_through_the_print_dialog(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _open_76_159(window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))  # a printer that prints to a file
    window.printing.printer = printer
    asked: list[str] = []

    def answer(dialog: QPrintDialog) -> int:
        asked.append(dialog.windowTitle())
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == ["Print the redline against the base"]
    assert target.exists() and _pages(target) > 1
    assert "A/RES/75/180" in _text(target)
    assert "Printed" in window.statusBar().currentMessage()
