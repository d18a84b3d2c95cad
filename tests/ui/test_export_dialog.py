"""The export dialog through the real main window and the keyboard: which fields show for which export,
where the file goes by default, asking before replacing a file, and the front-matter choice."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from drafter.resources import sample_path
from tests.ui.conftest import Dialogs
from ui.export import FORMATS, ExportDialog
from ui.main_window import MainWindow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_dialog(qtbot, window: MainWindow) -> ExportDialog:  # type: ignore[no-untyped-def]
    """Ctrl+E in the main window; the dialog that opens, active."""
    before = set(window.findChildren(ExportDialog))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in set(window.findChildren(ExportDialog)) - before))
    dialog = next(d for d in window.findChildren(ExportDialog) if d not in before)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def choose(qtbot, dialog: ExportDialog, key: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a format with the keyboard: Home, then Down until it is the current one."""
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Home)
    for _ in range(len(FORMATS)):
        if dialog.key() == key:
            return
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    raise AssertionError(f"{key} cannot be chosen")


def type_path(qtbot, dialog: ExportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.path.setFocus()
    qtbot.keyClick(dialog.path, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.path, str(path))


def test_author_and_hint_only_for_tracked_export(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, window)
    for key in FORMATS:
        choose(qtbot, dialog, key)
        assert dialog.author.isVisible() == (key == "tracked"), key
        assert dialog.note.isVisible() == (key == "tracked"), key
        assert dialog.track_front.isVisible() == (key in ("tracked", "redline")), key
        assert dialog.path.text().endswith(FORMATS[key][1])
    dialog.reject()


def test_default_folder_is_the_source_files_not_the_working_directory(qtbot, window: MainWindow, tmp_path: Path,
                                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    dialog = open_dialog(qtbot, window)
    assert Path(dialog.path.text()).parent == sample_path().resolve().parent  # the draft came from the sample
    dialog.reject()
    saved = tmp_path / "drafts" / "mine.drafter"
    saved.parent.mkdir()
    window.controller.save(str(saved))
    dialog = open_dialog(qtbot, window)
    assert Path(dialog.path.text()) == saved.with_suffix(".docx")
    dialog.reject()


def test_every_field_is_reachable_by_keyboard_with_a_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, window)
    choose(qtbot, dialog, "tracked")
    seen: list[QWidget] = []
    for _ in range(12):
        focus = QApplication.focusWidget()
        assert focus is not None
        if focus not in seen:
            seen.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    for widget in (dialog.kind, dialog.path, dialog.browse, dialog.author, dialog.track_front):
        assert widget in seen, widget.accessibleName()
        assert widget.accessibleName()
    qtbot.keyClick(dialog.track_front, Qt.Key.Key_Space)
    assert dialog.track_front.isChecked()
    dialog.reject()


def test_export_asks_before_replacing_a_file(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            dialogs: Dialogs) -> None:
    target = tmp_path / "draft.docx"
    old = b"an earlier export, kept byte for byte"
    target.write_bytes(old)
    dialog = open_dialog(qtbot, window)
    choose(qtbot, dialog, "clean")
    type_path(qtbot, dialog, target)
    dialogs.answers = [QMessageBox.StandardButton.No]
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialogs.shown and "draft.docx" in dialogs.shown[-1]
    assert dialog.isVisible()  # still open, to choose another name
    qtbot.wait(200)
    assert target.read_bytes() == old
    dialogs.answers = [QMessageBox.StandardButton.Yes]
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    assert target.read_bytes() != old and zipfile.is_zipfile(target)


def _front_revisions(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    count = 0
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") in ("UNMasthead", "UNHeaderBlock", "UNAdoption"):
            count += sum(1 for _ in p.iter(f"{W}ins", f"{W}del"))
    return count


def test_front_matter_checkbox(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.controller.doc.draft.front.symbol = "A/C.3/73/L.12"  # type: ignore[union-attr]
    window.controller.doc.draft.front.adoption = ""  # type: ignore[union-attr]
    for checked, name in ((False, "own.docx"), (True, "tracked.docx")):
        dialog = open_dialog(qtbot, window)
        choose(qtbot, dialog, "tracked")
        type_path(qtbot, dialog, tmp_path / name)
        if checked:
            dialog.track_front.setFocus()
            qtbot.keyClick(dialog.track_front, Qt.Key.Key_Space)
        window.statusBar().clearMessage()
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
    assert _front_revisions(tmp_path / "own.docx") == 0
    assert _front_revisions(tmp_path / "tracked.docx") > 0


def test_html_table_and_redline_differ(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = {}
    for key in ("redline-html", "table-html"):
        dialog = open_dialog(qtbot, window)
        choose(qtbot, dialog, key)
        type_path(qtbot, dialog, tmp_path / f"{key}.html")
        window.statusBar().clearMessage()
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
        pages[key] = (tmp_path / f"{key}.html").read_text("utf-8")
    assert 'class="comparison"' in pages["table-html"] and 'class="comparison"' not in pages["redline-html"]
    assert os.path.getsize(tmp_path / "table-html.html") != os.path.getsize(tmp_path / "redline-html.html")


def test_an_html_page_lists_the_reader_warnings(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A draft read from a Word file LibreOffice wrote with tracked changes (tests/data/warnings): the page
    lists its reader's warning under "Reader warnings", after the file's name, as the warnings bar does."""
    import drafter
    from tests.warning_files import LIBREOFFICE
    from ui.app import initial_document

    tracked = LIBREOFFICE / "lo-tracked.docx"
    window.controller.set_document(*initial_document(str(tracked), None))
    window.controller.stack.setClean()
    messages = drafter.load(str(tracked)).warnings
    assert messages
    for key in ("redline-html", "table-html"):
        dialog = open_dialog(qtbot, window)
        choose(qtbot, dialog, key)
        type_path(qtbot, dialog, tmp_path / f"{key}.html")
        window.statusBar().clearMessage()
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=20000)
        page = (tmp_path / f"{key}.html").read_text("utf-8")
        listed = page[page.index("<h2>Reader warnings</h2>"):page.index("</section>")]
        assert [f"<strong>{tracked.name}</strong>: {message}" in listed for message in messages] == \
            [True] * len(messages), key
