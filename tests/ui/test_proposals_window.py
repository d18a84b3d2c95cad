"""Proposals in the real main window: File › Import proposals… on a version of the draft, the Proposals panel
with its filter, Take and Drop with the keyboard, Ctrl+Z, a proposal that cannot be taken as it stands, save
and reopen. Only the static file and input dialogs are answered by the test (and the message boxes, by the
conftest); everything else is the window's own, driven with real key events.

The draft is tests/data/draftfiles/format-2.drafter (its version "Zero draft" is the text the delegations'
files of tests/data/negotiate were made on); the files are LibreOffice's (eu.docx), python-redlines'
(g77.docx), python-docx's with lxml (russia.docx) and a clean copy by python-docx (usa.docx).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu, QMessageBox

from drafter import draftfile, versions
from drafter.compare.engine import Comparison
from drafter.compare.labels import labels_of
from drafter.edits import Document
from drafter.edits.proposals import AddProposals, drop
from drafter.negotiate.proposals import DROPPED, OPEN, TAKEN
from drafter.negotiate.received import proposal_of, read_files, receive
from tests.core.test_proposals import DATA, MANIFEST
from ui.main_window import MainWindow
from ui.proposals_panel import ID_ROLE
from ui.proposals_ui import PANE_SHORTCUT
from ui.review.consistency import mismatches

DRAFT = Path(__file__).resolve().parents[1] / "data" / "draftfiles" / "format-2.drafter"
FILES = ["eu.docx", "g77.docx", "russia.docx", "usa.docx"]


class Asked:
    """The static dialogs answered: what each was asked, and with what it was prefilled."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self.items: list[tuple[str, list[str], int]] = []
        self.texts: list[tuple[str, str]] = []

    def open_files(self, *_args: Any, **_kwargs: Any) -> tuple[list[str], str]:
        return self.files, ""

    def item(self, _parent: Any, _title: str, label: str, items: list[str], current: int = 0,
             *_args: Any, **_kwargs: Any) -> tuple[str, bool]:
        self.items.append((label, list(items), current))
        return items[current], True

    def text(self, _parent: Any, _title: str, label: str, _echo: Any = None, text: str = "",
             *_args: Any, **_kwargs: Any) -> tuple[str, bool]:
        self.texts.append((label, text))
        return "United States", True


def settled(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.controller.settle_pending() and window.views_current(), timeout=15_000)


def views_are_a_fresh_comparison(qtbot: Any, window: MainWindow) -> None:
    """The change list and the redline are those of a fresh comparison of the base and the draft."""
    settled(qtbot, window)
    doc, live = window.controller.doc, window.controller.live
    assert doc is not None and live is not None
    fresh = Comparison(doc.base, doc.draft, live.options).run()
    assert [r.to_dict() for r in live.changes.records] == [r.to_dict() for r in fresh.records]
    assert mismatches(window.redline, fresh, window.panel.hidden()) == []
    assert [c.to_dict() for c in window.panel.model.rows] == [c.to_dict() for c in fresh.changes
                                                              if c.kind not in window.panel.hidden()]


def states(doc: Document) -> dict[str, str]:
    return {item.id: item.state for item in doc.proposals}


def menu_entry(window: MainWindow, menu: str, text: str) -> Any:
    found = next(a.menu() for a in window.menuBar().actions() if a.text() == menu)
    assert isinstance(found, QMenu)
    return next(a for a in found.actions() if a.text() == text)


@pytest.fixture
def drafted(window: MainWindow, tmp_path: Path) -> tuple[MainWindow, Path]:
    path = tmp_path / "negotiation.drafter"
    shutil.copy(DRAFT, path)
    window.files.open_path(str(path))
    window.controller.set_settle_delay(20)
    return window, path


def test_import_take_drop_undo_save_and_reopen(qtbot: Any, drafted: tuple[MainWindow, Path], dialogs: Any,
                                               monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    window, path = drafted
    broken = tmp_path / "returned-late.docx"
    broken.write_bytes(b"PK\x03\x04 this is no Word file")
    asked = Asked([str(DATA / name) for name in FILES] + [str(broken)])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", asked.open_files)
    monkeypatch.setattr(QInputDialog, "getItem", asked.item)
    monkeypatch.setattr(QInputDialog, "getText", asked.text)
    menu_entry(window, "&File", "&Import proposals…").trigger()
    doc = window.controller.doc
    assert doc is not None
    qtbot.waitUntil(lambda: not window.proposals.importer.busy and bool(doc.proposals), timeout=30_000)
    # the version offered first is the latest, the base last; the clean copy's delegation was asked for
    assert asked.items[0][1] == ["Zero draft", "Base (A/RES/76/159)"] and asked.items[0][2] == 0
    assert asked.texts == [("usa.docx has no tracked changes. Whose text is it (the delegation)?", "usa")]
    assert {item.author for item in doc.proposals} == {a for info in MANIFEST["files"].values()
                                                        for a in info["authors"]}
    assert {item.sent for item in doc.proposals} == {"Zero draft"} and set(states(doc).values()) == {OPEN}
    assert window.windowTitle().startswith("negotiation.drafter[*]") and window.isWindowModified()
    # what could not be read is in the warnings bar, naming the file
    lines = window.warnings_bar.lines()
    assert window.warnings_bar.isVisible() and any("returned-late.docx" in w.source for w in
                                                   window.warnings_bar.warnings)
    assert any(line.endswith("not imported") for line in lines)
    panel = window.proposals.panel
    assert window.proposals.dock.isVisible()
    shown = panel.proposal_ids()
    assert sorted(key for row in shown for key in row) == sorted(states(doc))
    assert [len(row) for row in shown].count(2) == 4  # the four conflicts, side by side
    views_are_a_fresh_comparison(qtbot, window)

    # the keyboard reaches the panel: its shortcut, and F6 from the editor
    window.editor.setFocus()
    for _press in range(len(window.panes.panes)):
        if panel.tree.hasFocus():
            break
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F6)
    assert panel.tree.hasFocus()
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert panel.tree.hasFocus() and PANE_SHORTCUT == "Ctrl+5"

    # one delegation only, chosen with the keyboard
    panel.authors.setFocus()
    QTest.keyClicks(panel.authors, "Europ")
    assert panel.author() == "European Union"
    eu = [item.id for item in doc.proposals if item.author == "European Union"]
    assert panel.proposal_ids() == [[key] for key in sorted(eu, key=_draft_order(window))]
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Home)
    QTest.keyClick(panel.tree, Qt.Key.Key_Down)
    first, _key = panel.current()
    item = next(entry for entry in doc.proposals if entry.id == first)
    assert item.author == "European Union" and proposal_of(item).paragraph == "PP8"
    QTest.keyClick(panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Take
    assert states(doc)[first] == TAKEN and "✓ taken" in cell_text(window, first)
    assert doc.draft.preambular()[7].text.startswith("Underlining the importance of international cooperation")
    views_are_a_fresh_comparison(qtbot, window)
    QTest.keyClick(panel.tree, Qt.Key.Key_Down)
    QTest.keyClick(panel.tree, Qt.Key.Key_Down)
    second, _key = panel.current()
    assert second and second != first
    QTest.keyClick(panel.tree, Qt.Key.Key_Delete)  # Drop
    assert states(doc)[second] == DROPPED and states(doc)[first] == TAKEN
    views_are_a_fresh_comparison(qtbot, window)
    assert panel.tree.hasFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the drop undone
    assert states(doc)[second] == OPEN and states(doc)[first] == TAKEN
    views_are_a_fresh_comparison(qtbot, window)

    # a competing proposal on words the draft has changed since: not taken, and said so
    window.proposals.refresh()
    panel.authors.setCurrentIndex(0)
    eu_op5, russia_op5 = (next(e for e in doc.proposals if e.author == author and proposal_of(e).paragraph == "OP5")
                          for author in ("European Union", "Russian Federation"))
    assert [eu_op5.id, russia_op5.id] in panel.proposal_ids()  # side by side
    assert panel.choose(eu_op5.id)
    panel.tree.setFocus()
    QTest.keyClick(panel.tree, Qt.Key.Key_Right)
    assert panel.current()[0] == russia_op5.id
    QTest.keyClick(panel.tree, Qt.Key.Key_Left)
    assert panel.current()[0] == eu_op5.id
    QTest.keyClick(panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert eu_op5.state == TAKEN
    views_are_a_fresh_comparison(qtbot, window)
    before = [p.text for p in doc.draft.operatives()]
    assert panel.choose(russia_op5.id)
    dialogs.answers = [QMessageBox.StandardButton.Yes]
    QTest.keyClick(panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "OP5 has changed at those words since" in dialogs.shown[-1] and "edit the paragraph by hand" in \
        dialogs.shown[-1]
    assert russia_op5.state == OPEN and [p.text for p in doc.draft.operatives()] == before
    op6 = doc.draft.operatives()[5]
    assert window.editor.hasFocus() and window.editor.current_key() == op6.id  # Edit by hand: the paragraph
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the take of OP5 undone
    assert eu_op5.state == OPEN and "to build an international order" in doc.draft.operatives()[5].text
    views_are_a_fresh_comparison(qtbot, window)

    # "Open only" hides what was taken or dropped; the panel shows it as such otherwise
    panel.open_only.setChecked(True)
    assert first not in {key for row in panel.proposal_ids() for key in row}
    panel.open_only.setChecked(False)
    assert any(first in row for row in panel.proposal_ids())
    image = panel.grab()
    assert not image.isNull() and image.save(str(tmp_path / "proposals-panel.png"))

    # save with Ctrl+S, open again: the states are kept
    kept = states(doc)
    assert kept[first] == TAKEN and sum(state == OPEN for state in kept.values()) == len(kept) - 1
    QTest.keyClick(panel.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    window.files.open_path(str(path))
    reopened = window.controller.doc
    assert reopened is not None and reopened is not doc
    assert states(reopened) == kept and [e.to_dict() for e in reopened.proposals] == [e.to_dict() for e in
                                                                                      doc.proposals]
    assert draftfile.read(path).proposals[0].sent == "Zero draft"
    assert sorted(key for row in panel.proposal_ids() for key in row) == sorted(kept)
    views_are_a_fresh_comparison(qtbot, window)


def _draft_order(window: MainWindow) -> Any:
    """Proposals in the order of the draft's paragraphs they are under (the paragraph they name, or the one a
    new paragraph follows), as the text sent labels them, and in the order they came within one paragraph."""
    doc = window.controller.doc
    assert doc is not None
    sent = versions.pick(doc.versions, "Zero draft", doc.base, doc.draft)
    ids = {label: key for key, label in labels_of(sent).items()}
    order = [block.id for block in doc.draft.blocks()] + [note.id for note in doc.draft.footnotes]
    listed = [item.id for item in doc.proposals]

    def rank(key: str) -> tuple[int, int]:
        proposal = next(proposal_of(item) for item in doc.proposals if item.id == key)
        return order.index(ids[proposal.paragraph or proposal.after or ""]), listed.index(key)

    return rank


def cell_text(window: MainWindow, proposal_id: str) -> str:
    """What the panel's cell of a proposal reads (its accessible text)."""
    tree = window.proposals.panel.tree
    for top in map(tree.topLevelItem, range(tree.topLevelItemCount())):
        assert top is not None
        for row in map(top.child, range(top.childCount())):
            assert row is not None
            for column in range(tree.columnCount()):
                if row.data(column, ID_ROLE) == proposal_id:
                    return str(row.data(column, Qt.ItemDataRole.AccessibleTextRole))
    return ""


def test_edit_by_hand_a_proposal_that_cannot_be_read_and_states_shown(qtbot: Any, window: MainWindow,
                                                                         tmp_path: Path) -> None:
    """Enter on a proposal goes to its words in the editor; a proposal the program cannot read is shown as such,
    is not taken, and is saved again as it was."""
    doc = draftfile.read(DRAFT)
    sent = versions.pick(doc.versions, "Zero draft", doc.base, doc.draft)
    files = [(str(DATA / "usa.docx"), "United States"), (str(DATA / "g77.docx"), None)]
    AddProposals(receive(read_files(sent, files).proposals, sent, "Zero draft")).apply(doc)
    pp2 = next(item for item in doc.proposals if proposal_of(item).paragraph == "PP2")
    g77 = [item for item in doc.proposals if item.author == "Group of 77 and China"]
    g77[0].data["ops"] = "damaged"  # as a damaged or newer file may hold it
    damaged = g77[0].to_dict()
    drop(g77[1]).apply(doc)
    path = tmp_path / "kept.drafter"
    draftfile.save(doc, path)
    window.files.open_path(str(path))
    window.controller.set_settle_delay(20)
    QTest.keyClick(window.editor, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    panel = window.proposals.panel
    assert window.proposals.dock.isVisible() and panel.tree.hasFocus()
    assert "cannot be read" in cell_text(window, g77[0].id)
    assert "dropped" in cell_text(window, g77[1].id)
    assert panel.choose(g77[0].id)
    QTest.keyClick(panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    reopened = window.controller.doc
    assert reopened is not None and all(item.state == OPEN for item in reopened.proposals
                                        if item.id != g77[1].id)
    assert "cannot be read" in window.statusBar().currentMessage()
    # Enter: the words of the United States' proposal selected in the editor
    assert panel.choose(pp2.id)
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.editor.hasFocus() and window.editor.current_key() == reopened.draft.preambular()[1].id
    assert window.editor.textCursor().selectedText() == ", far-reaching"
    views_are_a_fresh_comparison(qtbot, window)
    # dropped, saved again: the proposal that cannot be read is as it was
    QTest.keyClick(window.editor, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert panel.choose(pp2.id)
    QTest.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert window.isWindowModified()
    QTest.keyClick(panel.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    saved = {item.id: item for item in draftfile.read(path).proposals}
    assert saved[pp2.id].state == DROPPED and saved[g77[0].id].to_dict() == damaged
