"""The compare window: fits its screen, shows the change list's columns whole, centres the change it
moves to, and exports the comparison as Word (tracked, redline, table) and HTML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests import ooxml_review as rv
from tests.corpus import CORPUS, load
from ui.review.compare_window import CHANGE_COLUMN_MIN, EXPORTS, CompareWindow

OLD, NEW = "A-RES-72-169-clean.txt", "A-RES-75-180.txt"


@pytest.fixture
def compare_window(qtbot) -> CompareWindow:  # type: ignore[no-untyped-def]
    window = CompareWindow(load(CORPUS / OLD), load(CORPUS / NEW), OLD, NEW)
    qtbot.addWidget(window)
    window.resize(1400, 1200)  # as `drafter gui --view compare` asks, more than the screen has
    window.show()
    qtbot.waitExposed(window)
    return window


def test_fits_the_screen(compare_window: CompareWindow) -> None:
    room = compare_window.screen().availableGeometry()
    assert compare_window.frameGeometry().height() <= room.height()
    assert compare_window.frameGeometry().width() <= room.width()


def test_columns_show_what_they_hold(qtbot, compare_window: CompareWindow) -> None:  # type: ignore[no-untyped-def]
    compare_window.resize(1280, 700)
    qtbot.wait(50)
    table, model = compare_window.panel.table, compare_window.panel.model
    header, metrics = table.horizontalHeader(), table.fontMetrics()
    for column in range(3):
        for row in range(model.rowCount()):
            text = str(model.data(model.index(row, column)) or "")
            assert header.sectionSize(column) >= metrics.horizontalAdvance(text), (column, text)
    assert header.sectionSize(3) >= CHANGE_COLUMN_MIN * 0.9  # the Change column is no sliver


def test_next_change_lands_mid_view(qtbot, compare_window: CompareWindow) -> None:  # type: ignore[no-untyped-def]
    view, bar = compare_window.view, compare_window.view.verticalScrollBar()
    centred = 0
    for _ in range(16):
        qtbot.mouseClick(compare_window.panel.next_button, Qt.MouseButton.LeftButton)
        if bar.minimum() < bar.value() < bar.maximum():  # where the view can scroll that far
            middle = view.cursorRect().center().y()
            assert abs(middle - view.viewport().height() / 2) < view.viewport().height() / 6
            centred += 1
    assert centred >= 5


@pytest.mark.parametrize("chosen", list(EXPORTS))
def test_export_offers_word_and_html(qtbot, compare_window: CompareWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                     monkeypatch: pytest.MonkeyPatch, chosen: str) -> None:
    target = tmp_path / "comparison"
    offered: list[str] = []

    def save_dialog(*args: object) -> tuple[str, str]:
        offered.extend(str(args[3]).split(";;"))
        return str(target), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    compare_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is compare_window)
    compare_window.statusBar().clearMessage()
    qtbot.keyClick(compare_window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert offered == list(EXPORTS)
    key = EXPORTS[chosen]
    written = target.with_suffix(".html" if key.endswith("html") else ".docx")
    qtbot.waitUntil(written.exists, timeout=30000)
    if key.endswith("html"):
        page = written.read_text("utf-8")
        assert ('class="comparison"' in page) == (key == "table-html")
        return
    qtbot.waitUntil(lambda: "Exported" in compare_window.statusBar().currentMessage(), timeout=30000)
    data = written.read_bytes()
    assert zipfile.is_zipfile(written)
    counts = rv.revision_counts(data)
    assert (counts["ins"] > 0) == (key == "tracked")
    if key == "tracked":
        assert rv.accepted_words(data) == rv.plain_words(_clean(NEW))
    if key == "table":
        assert b"<w:tbl>" in zipfile.ZipFile(written).read("word/document.xml")


def _clean(name: str) -> bytes:
    from drafter.exporters.docx_clean import write_clean

    return write_clean(load(CORPUS / name))
