"""Comments in the real main window on the bundled sample A/RES/72/169, driven by keys: select words with
Shift+arrows, Ctrl+Alt+M, type, Enter; reply; resolve; delete; every step undone with Ctrl+Z; saved in the
draft file and exported to Word."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from drafter import draftfile
from drafter.comment_anchors import placements, texts
from drafter.comments import ON_WORDS, WORDS_GONE
from tests.ui.conftest import op
from ui.main_window import MainWindow

CTRL, ALT, SHIFT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier,
                    Qt.KeyboardModifier.ShiftModifier)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORDS = "promote, protect and encourage"  # in OP1 of A/RES/72/169


def comments(window: MainWindow) -> list[tuple[str, str, str | None, bool]]:
    doc = window.controller.doc
    assert doc is not None
    return [(c.author, c.text, c.reply_to, c.done) for c in doc.draft.comments]


def select_words(qtbot, window: MainWindow, key: str, words: str) -> None:  # type: ignore[no-untyped-def]
    """The cursor before `words` in a paragraph, then Shift+Right over each of their characters."""
    editor = window.editor
    editor.place_cursor(key, texts(window.controller.doc.draft)[key].index(words))  # type: ignore[union-attr]
    editor.setFocus()
    for _ in words:
        qtbot.keyClick(editor, Qt.Key.Key_Right, SHIFT)
    assert editor.textCursor().selectedText() == words


def write(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    box = QApplication.focusWidget()
    assert box is not None and box.objectName() == "comment-text"
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def tree_lines(window: MainWindow) -> list[str]:
    tree = window.comments.panel.tree
    out = []
    for index in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(index)
        out.append(top.text(0))
        out += ["  " + top.child(n).text(0) for n in range(top.childCount())]
    return out


def test_comment_reply_resolve_delete_and_undo_by_keys(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.settings.author = "European Union"
    key = op(window, 1)
    select_words(qtbot, window, key, WORDS)
    qtbot.keyClick(window.editor, Qt.Key.Key_M, CTRL | ALT)
    assert window.comments.dock.isVisible() and "OP1" in window.comments.panel.prompt.text()
    write(qtbot, "Keep the three verbs.")
    assert comments(window) == [("European Union", "Keep the three verbs.", None, False)]
    doc = window.controller.doc
    assert doc is not None
    first = doc.draft.comments[0]
    spot = placements(doc.draft)[first.id]
    assert (spot.state, spot.block, texts(doc.draft)[key][spot.start:spot.end]) == (ON_WORDS, key, WORDS)
    assert QApplication.focusWidget() is window.editor  # back to drafting
    assert tree_lines(window)[0].startswith("OP1 — European Union") and f"“{WORDS}”" in tree_lines(window)[0]
    assert window.isWindowModified()

    # a reply by another author, to the comment selected in the pane
    window.settings.author = "Group of 77 and China"
    qtbot.keyClick(window.editor, Qt.Key.Key_M, CTRL | ALT | SHIFT)
    write(qtbot, "Agreed language.")
    assert comments(window)[1] == ("Group of 77 and China", "Agreed language.", first.id, False)
    assert tree_lines(window)[1].startswith("  Group of 77 and China")

    # resolved, then every step undone with Ctrl+Z, from the editor
    qtbot.keyClick(window.editor, Qt.Key.Key_R, CTRL | ALT | SHIFT)
    assert comments(window)[0][3] is True and "resolved" in tree_lines(window)[0]
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert comments(window)[0][3] is False
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert len(comments(window)) == 1
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert comments(window) == [] and tree_lines(window) == []
    assert not window.isWindowModified()
    qtbot.keyClick(window.editor, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(window.editor, Qt.Key.Key_Y, CTRL)
    assert len(comments(window)) == 2

    # the pane by its shortcut, Delete on the thread, then Ctrl+Z brings it back with its reply
    qtbot.keyClick(window.editor, Qt.Key.Key_6, CTRL)
    tree = window.comments.panel.tree
    assert QApplication.focusWidget() is tree
    window.comments.panel.select(first.id)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert comments(window) == []
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert [c[1] for c in comments(window)] == ["Keep the three verbs.", "Agreed language."]

    # F2 in the pane changes a comment's text; Ctrl+Z gives the old one back
    qtbot.keyClick(window.editor, Qt.Key.Key_6, CTRL)
    window.comments.panel.select(first.id)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    write(qtbot, " All three.")
    assert comments(window)[0][1] == "Keep the three verbs. All three."
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert comments(window)[0][1] == "Keep the three verbs."

    # Escape gives up a comment being written; an empty one is not saved
    select_words(qtbot, window, op(window, 2), "collective responsibility")
    qtbot.keyClick(window.editor, Qt.Key.Key_M, CTRL | ALT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert len(comments(window)) == 2 and window.comments.panel.composing()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not window.comments.panel.composing() and QApplication.focusWidget() is window.editor

    # the words deleted in the editor: the comment stays, on its paragraph, quoting them; undo restores
    select_words(qtbot, window, key, WORDS)
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    assert WORDS not in texts(doc.draft)[key]
    assert placements(doc.draft)[first.id].state == WORDS_GONE
    qtbot.waitUntil(lambda: "on words since deleted" in tree_lines(window)[0], timeout=2000)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert placements(doc.draft)[first.id].state == ON_WORDS

    # kept in the draft file and written as Word comments
    path = tmp_path / "commented.drafter"
    window.controller.save(str(path))
    again = draftfile.read(path)
    assert [(c.author, c.text, c.quote) for c in again.draft.comments] == [
        ("European Union", "Keep the three verbs.", WORDS), ("Group of 77 and China", "Agreed language.", "")]
    out = tmp_path / "commented.docx"
    assert window.export("tracked", str(out), "Drafter") is not None
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    with zipfile.ZipFile(out) as archive:
        notes = etree.fromstring(archive.read("word/comments.xml"))
    assert [(n.get(f"{W}author"), "".join(n.itertext())) for n in notes.iter(f"{W}comment")] == [
        ("European Union", "Keep the three verbs."), ("Group of 77 and China", "Agreed language.")]


def test_the_pane_and_the_marks_show_where_comments_are(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.settings.author = "Canada"
    key = op(window, 1)
    select_words(qtbot, window, key, WORDS)
    qtbot.keyClick(window.editor, Qt.Key.Key_M, CTRL | ALT)
    write(qtbot, "Why not respect, protect and fulfil?")
    window.editor.place_cursor(op(window, 3), 0)
    qtbot.keyClick(window.editor, Qt.Key.Key_M, CTRL | ALT)  # the word under the cursor
    write(qtbot, "Reaffirms or recalls?")
    doc = window.controller.doc
    assert doc is not None
    assert [c.quote for c in doc.draft.comments] == [WORDS, "Reaffirms"]
    window.editor.place_cursor(key, texts(doc.draft)[key].index(WORDS) + 3)
    assert window.comments.panel.current_id() == doc.draft.comments[0].id  # the pane follows the cursor
    window.editor.go_to(key)
    qtbot.wait(50)
    marks = window.comments.marks
    spot = placements(doc.draft)[doc.draft.comments[0].id]
    rects = marks.rects(key, spot.start, spot.end)
    assert rects and all(r.width() > 0 for r in rects)
    shot: QImage = window.editor.grab().toImage()
    centre = rects[0].center().toPoint() + marks.pos()
    painted = QColor(shot.pixel(centre))
    assert painted.red() > 200 and painted.blue() < painted.red() - 40  # the yellow of the highlight
    window.comments.dock.grab().save(str(tmp_path / "comments-pane.png"))
    window.grab().save(str(tmp_path / "window.png"))
