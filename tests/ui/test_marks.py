"""How the real window draws marks: the change list's struck and inserted words, footnote markers at line ends."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTextEdit

from ui.app import initial_document
from ui.editor import layout as editor_layout
from ui.main_window import MainWindow
from ui.review.marks import DELETE_COLOUR, INSERT_COLOUR
from ui.textblocks import finish_layout

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _near(colour: QColor, target: QColor) -> bool:
    return abs(colour.red() - target.red()) + abs(colour.green() - target.green()) \
        + abs(colour.blue() - target.blue()) < 90


def _longest_run(image: QImage, target: QColor) -> tuple[int, int]:
    """(length, row) of the longest horizontal run of pixels near `target`."""
    best = (0, -1)
    for y in range(image.height()):
        run = 0
        for x in range(image.width()):
            run = run + 1 if _near(image.pixelColor(x, y), target) else 0
            best = max(best, (run, y))
    return best


def test_the_change_list_strikes_and_underlines_its_words(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc, _saved = initial_document(str(CORPUS / "A-RES-76-159.txt"), str(CORPUS / "A-RES-75-180.txt"))
    window.controller.set_document(doc, None)
    window.controller.settle_now()
    model = window.panel.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 2)) == "PP4")
    index = model.index(row, 3)
    shown = model.data(index)
    assert "[-declaration-]{+declarations+}" in shown  # the text a screen reader and a copy get
    assert model.data(index, Qt.ItemDataRole.AccessibleTextRole).startswith(doc.draft.preambular()[3].text[:30])
    table = window.panel.table
    table.clearSelection()
    qtbot.wait(20)  # the table lays its rows out at the next turn of the event loop
    table.scrollTo(index)
    qtbot.waitUntil(lambda: table.viewport().rect().contains(table.visualRect(index)), timeout=2000)
    cell = table.viewport().grab(table.visualRect(index)).toImage()
    metrics = table.fontMetrics()
    red, red_row = _longest_run(cell, DELETE_COLOUR)
    blue, blue_row = _longest_run(cell, INSERT_COLOUR)
    word = metrics.horizontalAdvance("declaration")
    assert red >= 0.6 * word  # a line through the deleted word…
    assert blue >= 0.6 * word  # …and one under the inserted one
    assert blue_row > red_row  # the underline below the strike line
    middle = (cell.height() - metrics.height()) // 2
    assert middle + metrics.height() * 0.3 <= red_row <= middle + metrics.height() * 0.75


def test_a_footnote_marker_never_wraps_alone(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    editor.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
    doc = editor.document()
    markers = checked = 0
    for width in range(300, 760, 4):
        editor.setLineWrapColumnOrWidth(width)
        finish_layout(doc)
        block = doc.firstBlock()
        while block.isValid():
            text, layout = block.text(), block.layout()
            for at, char in enumerate(text):
                if char != editor_layout.OBJECT_CHAR:
                    continue
                markers += 1
                line = layout.lineForTextPosition(at)
                assert line.isValid()
                if line.textStart() == at:
                    assert at == 0 or text[at - 1] in " \u2028", (width, text[max(0, at - 30):at + 10])
                    continue
                checked += 1
                before = layout.lineForTextPosition(at - 1)
                assert before.lineNumber() == line.lineNumber()  # on the line of the word it follows
            block = block.next()
    assert markers > 500 and checked == markers
