"""Paste from UN PDFs and find and replace, in the real main window with real key presses.

Pasted text is laid out as the PDFs give it: A/RES/80/5 as its text layer reads (tests/data/corpus, PyMuPDF:
each number alone on a line, the text wrapped over lines), the Security Council PDFs of tests/data/corpus/pdf
as a PDF viewer built on PDFium copies them (the number on the paragraph's first line, running heads at the
page breaks)."""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication

from drafter import edits
from drafter.model import Paragraph, Text
from tests.corpus import CORPUS, load
from tests.ui.conftest import op, text_of
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def pdf_text(name: str, pages: range, start: str, end: str) -> str:
    """The text layer of pages of a corpus PDF, from `start` to just before `end`, as PDFium copies it."""
    pdf = pdfium.PdfDocument(str(CORPUS / "pdf" / name))
    try:
        text = "".join(pdf[page].get_textpage().get_text_range() for page in pages)
    finally:
        pdf.close()
    return text[text.index(start):text.index(end)]


def res_80_5_ops(first: int, last: int) -> str:
    """Paragraphs `first`..`last` of the annex of A/RES/80/5 as its text layer lays them out."""
    lines = (CORPUS / "A-RES-80-5.txt").read_text("utf-8").split("\n")
    begin = lines.index(f"{first}. ")
    end = lines.index(f"{last + 1}. ")
    return "\n".join(lines[begin:end])


def paste(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(text)  # as a PDF viewer copies it (the clipboard owns what it holds)
    qtbot.keyClick(window.editor, Qt.Key.Key_V, CTRL)


def end_of(window: MainWindow, key: str) -> None:
    assert window.editor.place_cursor(key, 0)
    window.editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setFocus()


def count_ops(window: MainWindow) -> int:
    doc = window.controller.doc
    assert doc is not None
    return len(doc.draft.operatives())


def test_paste_ops_3_to_5_of_a_res_80_5_after_op8(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = res_80_5_ops(3, 5)
    assert text.startswith("3. \nWe recognize") and "\n4. \nWe share" in text  # each number alone on a line
    expected = [block.text for block in load(CORPUS / "A-RES-80-5.txt").annexes[0].blocks[2:5]]
    count, old_op9 = count_ops(window), op(window, 9)
    end_of(window, op(window, 8))
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    paste(qtbot, window, text)
    assert count_ops(window) == count + 3
    assert [text_of(window, op(window, n)) for n in (9, 10, 11)] == expected
    assert op(window, 12) == old_op9
    assert "3. We recognize" not in window.editor.toPlainText()  # numbers are painted, not text
    assert window.editor.cursor_place() == (op(window, 11), len(expected[2]))
    kinds = [window.panel.model.data(window.panel.model.index(r, 0)) for r in range(window.panel.model.rowCount())]
    assert kinds.count("inserted") == 3
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)  # the paste is one step
    assert count_ops(window) == count + 1 and text_of(window, op(window, 9)) == ""


def test_paste_security_council_ops_with_sub_paragraphs(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text("S_2018_693-EN.pdf", range(6, 7), "11. Decides", "13. Reaffirms")
    assert "\r\n(ii) Mediation" in text
    count = count_ops(window)
    end_of(window, op(window, 2))
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    paste(qtbot, window, text)
    doc = window.controller.doc
    assert doc is not None and count_ops(window) == count + 2
    decides, requests = doc.draft.operatives()[2:4]
    assert decides.content[0] == Text("Decides", True) and requests.content[0] == Text("Requests", True)
    assert decides.text == "Decides that UNAMID’s redefined strategic priorities, as recommended in the Special " \
                           "Report, are:"
    assert [child.text.split()[0] for child in decides.children] == ["The", "Mediation", "Support"]
    assert [window.editor.blocks.label(child.id) for child in decides.children] == ["(i)", "(ii)", "(iii)"]
    assert requests.text.endswith("between UNAMID and the United Nations Country Team;")


def test_paste_into_a_paragraph_across_a_page_break(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text("S_2019_266-EN.pdf", range(2, 4), "3. Requests", "6. Emphasises")
    assert "S/2019/266\r\n4/7 19-05118" in text  # the running head of the next page
    key = op(window, 1)
    before = text_of(window, key)
    cut = before.index(" is one of the purposes")
    window.editor.place_cursor(key, cut)
    window.editor.setFocus()
    paste(qtbot, window, text)
    doc = window.controller.doc
    assert doc is not None
    first, second, third = (doc.draft.operatives()[n] for n in range(3))
    assert first.text == before[:cut] + "Requests UNSOM to maintain and strengthen its presence in all of the " \
        "Federal Member States, subject to United Nations security requirements and as the security situation " \
        "allows, welcomes the strong relationship between UNSOM, the United Nations Support Office in Somalia " \
        "(UNSOS), the United Nations Country Team and AMISOM, and underlines the importance of all entities " \
        "continuing to strengthen the relationship further at all levels, including through the Senior " \
        "Leadership Coordination Forum;"
    assert second.content[0] == Text("Expresses", True)
    assert "federal justice system, strengthening the rule of law" in second.text
    assert "19-05118" not in second.text and "S/2019/266" not in second.text
    assert third.content[0] == Text("Urges", True)
    assert third.text.endswith("further requests UNSOM’s support in this regard;" + before[cut:])
    assert window.editor.cursor_place() == (third.id, len("Urges the Federal Government of Somalia and the Federal "
                                                         "Member States to accelerate the Somali Government-led "
                                                         "inclusive political settlement through regular high-level "
                                                         "dialogue between the Federal Government of Somalia and "
                                                         "the Federal Member States, through the National Security "
                                                         "Council Mechanism, with Parliament and through inclusive "
                                                         "dialogue, and further requests UNSOM’s support in this "
                                                         "regard;"))
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert text_of(window, key) == before


def test_one_line_goes_in_as_typed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    key = op(window, 4)
    window.editor.place_cursor(key, 0)
    window.editor.setFocus()
    paste(qtbot, window, "Strongly ")
    assert text_of(window, key).startswith("Strongly Also reaffirms")
    doc = window.controller.doc
    assert doc is not None
    unit = edits.find(doc.draft, key)
    assert isinstance(unit, Paragraph)


# --- find and replace ------------------------------------------------------------------------------------------
def undo_steps(window: MainWindow) -> int:
    return window.controller.stack.index()


def test_ctrl_f_focuses_the_find_field_and_only_find_next_takes_enter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    editor.place_cursor(op(window, 1), 0)
    editor.setFocus()
    original = editor.toPlainText()
    count = original.count("Vienna Declaration")
    assert count >= 1
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    dialog = window.find_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.needle)
    qtbot.keyClicks(dialog.needle, "Vienna Declaration")
    qtbot.keyClick(dialog.needle, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.replacement
    qtbot.keyClicks(dialog.replacement, "Vienna declaration")
    steps = undo_steps(window)
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText().count("Vienna declaration") == count and "Vienna Declaration" not in \
        editor.toPlainText()
    assert undo_steps(window) == steps + 1  # one step for every replacement
    assert QApplication.focusWidget() is not dialog.replace_all_button
    # back in the editor, Ctrl+F again: the Find field has the focus, its text selected
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.needle)
    assert dialog.needle.selectedText() == "Vienna Declaration"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # types over the selection, presses nothing
    assert dialog.needle.text() == " " and undo_steps(window) == steps + 1
    for button in (dialog.previous_button, dialog.replace_button, dialog.replace_all_button):
        assert not button.autoDefault() and not button.isDefault()
    assert dialog.find_button.isDefault()
    dialog.needle.selectAll()
    qtbot.keyClicks(dialog.needle, "Reaffirms")
    qtbot.keyClick(dialog.needle, Qt.Key.Key_Return)  # Enter is Find next
    assert editor.textCursor().selectedText() == "Reaffirms" and undo_steps(window) == steps + 1
    assert dialog.isVisible()
    # Ctrl+Z in the editor takes every replacement back at once
    window.activateWindow()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == original and undo_steps(window) == steps


def test_replace_next_to_a_footnote_marker_keeps_the_note(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc = window.controller.doc
    assert doc is not None
    pp3 = doc.draft.preambular()[2]
    cited = [item for item in pp3.content if not isinstance(item, Text)]
    assert "resolution 32/6 of 30 June 2016" in pp3.text and len(cited) == 2
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F, CTRL)
    dialog = window.find_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.needle, "30 June 2016")
    qtbot.keyClick(dialog.needle, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.replacement, "1 July 2016")
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    now = doc.draft.preambular()[2]
    assert "resolution 32/6 of 1 July 2016" in now.text
    assert [item for item in now.content if not isinstance(item, Text)] == cited
    assert len(doc.draft.footnotes) == len(doc.base.footnotes)
