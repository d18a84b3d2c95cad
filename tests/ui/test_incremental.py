"""Views updated in place after a change of structure read exactly as views drawn anew.

On real corpus texts in the real main window: after every kind of structural edit, and after
undoing and redoing it, the editor's document (text, formats, painted labels, footnote markers),
the outline, the redline, the side-by-side table and the change list equal the same views built
from scratch. The live comparison's quick path gives every draft block one record and, once it
settles, the full comparison's change list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from drafter import edits, load
from drafter.compare.changes import Change, ChangeList
from drafter.compare.engine import Comparison
from drafter.compare.words import Options
from drafter.model import Paragraph
from tests.corpus import CORPUS
from tests.ui.conftest import op, pp
from ui.app import initial_document
from ui.editor import layout as editor_layout
from ui.editor.editor import StructuredEditor
from ui.main_window import MainWindow
from ui.review import redline
from ui.review.changes import ChangeListModel
from ui.review.outline import OutlineModel
from ui.review.redline import ReviewView
from ui.textblocks import CHUNK, in_sight


# --- what a view shows ----------------------------------------------------------------------------
def _runs(block: object) -> tuple[tuple[object, ...], ...]:
    """The runs of a text block with their formats, adjacent runs of one format merged."""
    out: list[tuple[object, ...]] = []
    for frag in editor_layout.fragments(block):  # type: ignore[arg-type]
        cf = frag.charFormat()
        look = (cf.fontPointSize(), cf.fontWeight(), cf.fontItalic(), cf.fontUnderline(), cf.fontStrikeOut(),
                cf.underlineStyle(), cf.foreground().color().name(), cf.objectType(), cf.property(editor_layout.P_NOTE))
        if out and out[-1][1:] == look:
            out[-1] = (out[-1][0] + frag.text(), *look)
        else:
            out.append((frag.text(), *look))
    return tuple(out)


def document_of(document: QTextDocument) -> list[tuple[object, ...]]:
    """Every block (table cells too) with its key, kind, margins and runs."""
    out = []
    block = document.firstBlock()
    while block.isValid():
        fmt = block.blockFormat()
        out.append((editor_layout.key_of(block), editor_layout.kind_of(block), fmt.leftMargin(), fmt.rightMargin(),
                    fmt.textIndent(), fmt.topMargin(), fmt.bottomMargin(), block.charFormat().fontPointSize(),
                    _runs(block)))
        block = block.next()
    return out


def unlaid(document: QTextDocument) -> list[int]:
    """Blocks with text but no layout (Qt neither paints nor measures them)."""
    document.pageCount()  # every layout Qt has pending, done
    out = []
    block = document.firstBlock()
    while block.isValid():
        if block.length() > 1 and not block.layout().lineCount():
            out.append(block.blockNumber())
        block = block.next()
    return out


def tree_of(model: OutlineModel, parent: QModelIndex | None = None) -> list[tuple[object, ...]]:
    parent = parent or QModelIndex()
    return [(model.data(model.index(row, 0, parent)), model.data(model.index(row, 0, parent), Qt.ItemDataRole.UserRole),
             tree_of(model, model.index(row, 0, parent))) for row in range(model.rowCount(parent))]


def rows_of(model: ChangeListModel) -> list[list[object]]:
    columns = range(model.columnCount())
    return [[model.data(model.index(row, col)) for col in columns] for row in range(model.rowCount())]


# --- the check ----------------------------------------------------------------------------------------
@pytest.fixture
def fresh(qtbot) -> Iterator[dict[str, object]]:  # type: ignore[no-untyped-def]
    """Views drawn from scratch to compare with: an editor, a redline and a side-by-side view."""
    views: dict[str, object] = {"editor": StructuredEditor(), "redline": ReviewView("redline"),
                                "side": ReviewView("side")}
    for view in views.values():
        qtbot.addWidget(view)
        view.show()  # type: ignore[attr-defined]
    yield views


def same_as_fresh(window: MainWindow, fresh: dict[str, object], where: str = "") -> None:
    doc = window.controller.doc
    assert doc is not None
    window.controller.catch_up()
    window.editor.finish()  # the blocks out of sight left for later
    editor: StructuredEditor = fresh["editor"]  # type: ignore[assignment]
    editor.set_document(doc)
    assert document_of(window.editor.document()) == document_of(editor.document()), where
    assert unlaid(window.editor.document()) == [], where
    assert window.editor.blocks.labels == editor.blocks.labels, where  # the painted labels
    assert window.editor.blocks.markers == editor.blocks.markers
    assert window.editor.blocks.rows == editor.blocks.rows
    for key, (label, margin) in editor.blocks.labels.items():
        if label or margin:
            assert window.editor.blocks.label(key) == label
    live = window.controller.live
    assert live is not None
    hidden = window.panel.hidden()
    changed = {i for change in live.changes.changes if change.kind not in hidden for i in change.new_ids}
    assert window.editor.changed_keys == changed
    outline = OutlineModel()
    outline.set_resolution(doc.draft)
    outline.set_changed(changed)
    assert tree_of(window.outline.outline) == tree_of(outline), where
    for name, view in (("redline", window.redline), ("side", window.side)):
        if not view.isVisible():
            continue
        view.finish()  # the blocks out of sight left for later
        other: ReviewView = fresh[name]  # type: ignore[assignment]
        other.reset()
        other.show_changes(live.changes, hidden)
        assert document_of(view.document()) == document_of(other.document()), f"{where}: {name}"
        assert unlaid(view.document()) == [], f"{where}: {name}"
        assert view.looks == other.looks, f"{where}: {name}"
        assert view.rows == other.rows
    panel = ChangeListModel()
    panel.set_changes(live.changes, hidden)
    assert rows_of(window.panel.model) == rows_of(panel), where


def settle_in_background(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A pause in typing: the full comparison runs in its thread, and the views take its result."""
    controller = window.controller
    assert controller.live is not None
    controller.start_settling()
    qtbot.waitUntil(lambda: not controller.settle_pending(), timeout=20_000)
    assert not controller.live.dirty  # taken, not dropped as stale


def check_quick_path(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Every draft block has one record, labelled as the draft labels it; after a pause, the full comparison
    (made in its thread, on copies of the documents), and the quick path goes on from there."""
    doc, live = window.controller.doc, window.controller.live
    assert doc is not None and live is not None
    ids = [block.id for block in edits.reading_order(doc.draft)] + [note.id for note in doc.draft.footnotes]
    covered = [i for record in live.changes.records for i in record.new_ids]
    assert sorted(covered) == sorted(ids)
    labels = doc.draft.labels()
    for record in live.changes.records:
        if len(record.new_ids) == 1 and record.new_ids[0] in labels:
            assert record.new_label == labels[record.new_ids[0]]
    full = Comparison(doc.base, doc.draft, live.options).run()
    by_ids = {record.new_ids: record for record in full.records}
    for record in live.changes.records:  # what did not change reads the same, footnote markers too
        other = by_ids.get(record.new_ids)
        if record.kind == other.kind == "unchanged" if other else False:
            assert record.ops == other.ops  # type: ignore[union-attr]
    settle_in_background(qtbot, window)
    assert [r.to_dict() for r in live.changes.records] == [r.to_dict() for r in full.records]


def open_text(window: MainWindow, name: str) -> None:
    doc, _ = initial_document(str(CORPUS / name), None)
    window.controller.set_document(doc, None)


def run_edits(qtbot, window: MainWindow, fresh: dict[str, object],  # type: ignore[no-untyped-def]
              steps: list[tuple[str, Callable[[], object]]]) -> None:
    """Each step, then undo it, then redo it; every view checked after each."""
    stack = window.controller.stack
    for name, step in steps:
        before = stack.index()
        step()
        assert stack.index() > before, f"{name} made no edit"
        same_as_fresh(window, fresh, name)
        check_quick_path(qtbot, window)
        undo(window)
        same_as_fresh(window, fresh, f"{name}, undone")
        redo(window)
        same_as_fresh(window, fresh, f"{name}, redone")
    while stack.canUndo():
        undo(window)
    qtbot.wait(1)  # a run of undo steps shows at the next turn of the event loop
    same_as_fresh(window, fresh, "all undone")
    window.controller.settle_now()
    assert window.panel.model.rowCount() == 0


class Keys:
    """Keys pressed in the editor, where its cursor stands, as a user presses them."""

    def __init__(self, editor: StructuredEditor) -> None:
        self.editor = editor

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.editor, key, modifiers)

    def enter(self) -> None:
        self.press(Qt.Key.Key_Return)

    def backspace(self) -> None:
        self.press(Qt.Key.Key_Backspace)

    def tab(self) -> None:
        self.press(Qt.Key.Key_Tab)

    def shift_tab(self) -> None:
        self.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)

    def alt_up(self) -> None:
        self.press(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)

    def alt_down(self) -> None:
        self.press(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)

    def insert_footnote(self, text: str) -> None:
        """Ctrl+Alt+F, and the note's text typed."""
        self.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        QTest.keyClicks(self.editor, text)

    def pp_op(self) -> None:
        self.press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def at(window: MainWindow, key: str, offset: int = 0) -> Keys:
    """The cursor placed in unit `key` at `offset`, as a click puts it there (in the window, which the
    views drawn anew to compare with may have left inactive: its shortcuts take keys only when active)."""
    window.activateWindow()
    for _ in range(200):
        if QApplication.activeWindow() is window:
            break
        QTest.qWait(5)
    window.editor.setFocus()
    window.editor.place_cursor(key, offset)
    return Keys(window.editor)


def undo(window: MainWindow) -> None:
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(window: MainWindow) -> None:
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


# --- the edits ------------------------------------------------------------------------------------------
def test_each_structural_edit_on_a_resolution(qtbot, window: MainWindow, fresh, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    open_text(window, "A-RES-80-11.txt")
    qtmodeltester.check(window.outline.outline)
    qtmodeltester.check(window.panel.model)
    doc = window.controller.doc
    assert doc is not None

    def with_children() -> Paragraph:
        return next(p for p in doc.draft.operatives() if p.children)

    window.set_view("side-by-side")
    steps: list[tuple[str, Callable[[], object]]] = [
        ("split an operative paragraph", lambda: at(window, op(window, 3), 12).enter()),
        ("Enter at the start of a paragraph", lambda: at(window, op(window, 5), 0).enter()),
        ("split a paragraph with sub-paragraphs", lambda: at(window, with_children().id, 8).enter()),
        ("join a paragraph to the one before", lambda: at(window, op(window, 7), 0).backspace()),
        ("join the first sub-paragraph", lambda: at(window, with_children().children[0].id, 0).backspace()),
        ("indent", lambda: at(window, op(window, 9), 4).tab()),
        ("outdent a sub-paragraph", lambda: at(window, with_children().children[-1].id, 2).shift_tab()),
        ("move a paragraph with sub-paragraphs up", lambda: at(window, with_children().id, 3).alt_up()),
        ("move down past a paragraph with sub-paragraphs", lambda: at(window, op(window, 2), 3).alt_down()),
        ("move the first paragraph down", lambda: at(window, pp(window, 1), 0).alt_down()),
        ("operative to preambular", lambda: at(window, op(window, 1), 2).pp_op()),
        ("preambular to operative", lambda: at(window, pp(window, len(doc.draft.preambular())), 2)
         .pp_op()),
        ("insert a footnote", lambda: at(window, pp(window, 2), 9).insert_footnote("See A/80/1.")),
        ("delete a footnote", lambda: remove_first_footnote(window)),
        ("paste paragraphs", lambda: paste(window, op(window, 4))),
        ("delete across paragraphs", lambda: delete_across(window, op(window, 10), op(window, 12))),
    ]
    run_edits(qtbot, window, fresh, steps)
    window.set_view("redline")
    run_edits(qtbot, window, fresh, steps[:4])


def test_structural_edits_in_an_annex_with_nested_lists(qtbot, window: MainWindow, fresh) -> None:  # type: ignore[no-untyped-def]
    open_text(window, "A-RES-80-5.txt")
    doc = window.controller.doc
    assert doc is not None
    blocks = doc.draft.annexes[0].blocks

    def biggest() -> Paragraph:
        return max((b for b in blocks if isinstance(b, Paragraph)), key=lambda b: len(b.children))

    def nested() -> Paragraph:
        return next(c for c in biggest().children if c.children)

    def last() -> Paragraph:
        return [b for b in blocks if isinstance(b, Paragraph)][-1]

    steps: list[tuple[str, Callable[[], object]]] = [
        ("indent a sub-paragraph", lambda: at(window, biggest().children[2].id, 0).tab()),
        ("indent the next one", lambda: at(window, biggest().children[2].id, 3).tab()),
        ("split a nested sub-paragraph", lambda: at(window, nested().children[0].id, 6).enter()),
        ("outdent a nested sub-paragraph", lambda: at(window, nested().children[-1].id, 0).shift_tab()),
        ("join a nested list's first item", lambda: at(window, nested().children[0].id, 0).backspace()),
        ("move a long paragraph down", lambda: at(window, biggest().id, 1).alt_down()),
        ("move the last paragraph up", lambda: at(window, last().id, 1).alt_up()),
        ("split a paragraph with nested lists", lambda: at(window, biggest().id, 5).enter()),
        ("split the last paragraph at its end", lambda: at(window, last().id, edits.length(last().content))
         .enter()),
    ]
    run_edits(qtbot, window, fresh, steps)


def line_widths(editor: StructuredEditor, key: str) -> list[float]:
    block = editor.block_of(key)
    editor.document().documentLayout().blockBoundingRect(block)  # laid out now
    layout = block.layout()
    return [round(layout.lineAt(n).naturalTextWidth(), 1) for n in range(layout.lineCount())]


def test_renumbered_footnotes_lay_their_markers_out_again(qtbot, window: MainWindow, fresh) -> None:  # type: ignore[no-untyped-def]
    doc = window.controller.doc
    assert doc is not None
    first = doc.draft.footnotes[0].id
    citing = [block.id for block in edits.reading_order(doc.draft)
              if any(getattr(item, "note", None) for item in block.content)]
    assert citing
    notes = len(doc.draft.footnotes)
    for count in range(1, 11):  # from the tenth, markers take two digits
        at(window, pp(window, 1), 3).insert_footnote(f"A new note {count}.")
        assert doc.draft.marker(first) == str(count + 1) == window.editor.blocks.markers[first]
    assert len(doc.draft.footnotes) == notes + 10
    same_as_fresh(window, fresh)
    widths = {key: line_widths(window.editor, key) for key in citing}
    window.editor.rerender()  # laid out from scratch
    assert widths == {key: line_widths(window.editor, key) for key in citing}


def test_moving_paragraphs_renumbers_their_footnotes(qtbot, window: MainWindow, fresh) -> None:  # type: ignore[no-untyped-def]
    doc = window.controller.doc
    assert doc is not None
    live = window.controller.live
    assert live is not None
    citing = [block.id for block in doc.draft.preambular() if any(getattr(i, "note", None) for i in block.content)]
    order = [note.id for note in doc.draft.footnotes]
    at(window, citing[2], 3).alt_up()
    assert [note.id for note in doc.draft.footnotes] != order
    assert live.dirty  # the quick path followed, no full comparison
    same_as_fresh(window, fresh)
    check_quick_path(qtbot, window)
    run_edits(qtbot, window, fresh, [("move down past a paragraph citing a footnote",
                                      lambda: at(window, citing[0], 2).alt_down())])


def remove_first_footnote(window: MainWindow) -> None:
    doc = window.controller.doc
    assert doc is not None
    window.editor.place_cursor(doc.draft.footnotes[0].id, 0)
    window.editor.remove_current_footnote()


def paste(window: MainWindow, key: str) -> None:
    data = QMimeData()
    data.setText("Requests the Secretary-General to report;\nDecides to remain seized of the matter:\n(a) first;\n"
                 "(b) second;")
    window.editor.place_cursor(key, 4)
    window.editor.insertFromMimeData(data)


def delete_across(window: MainWindow, first: str, last: str) -> None:
    editor = window.editor
    start = editor.block_of(first)
    end = editor.block_of(last)
    cursor = QTextCursor(start)
    cursor.setPosition(start.position() + 5)
    cursor.setPosition(end.position() + 3, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.delete_selection()


def test_an_edit_right_after_a_resize_leaves_every_block_laid_out(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Qt lays a long document out bit by bit after its width changes; editing before it is through
    must not leave blocks without a layout (their text would vanish from the view)."""
    open_text(window, "A-RES-80-5.txt")
    doc = window.controller.doc
    assert doc is not None
    blocks = [b for b in doc.draft.annexes[0].blocks if isinstance(b, Paragraph)]
    for width, step in ((1100, lambda: at(window, blocks[3].id, 4).enter()),
                        (1400, lambda: window.editor.textCursor().insertText("typed ")),
                        (1000, lambda: at(window, blocks[5].id, 0).backspace())):
        window.resize(width, 900)
        qtbot.wait(1)  # the resize is handled; the layout would go on in the background
        step()
        window.editor.flush()
        assert unlaid(window.editor.document()) == []
        assert unlaid(window.redline.document()) == []


def test_a_run_of_undo_steps_is_compared_and_shown_once(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor follows every step of a run of undo (a jump in the undo history); the comparison and
    the other views catch up once, at the next turn of the event loop."""
    open_text(window, "A-RES-80-11.txt")
    doc, live = window.controller.doc, window.controller.live
    assert doc is not None and live is not None
    for number in (2, 4, 6, 8):
        at(window, op(window, number), 5).enter()
        window.editor.textCursor().insertText("more ")
        window.editor.flush()
    stack = window.controller.stack
    updates: list[object] = []
    update = type(live).update
    monkeypatch.setattr(type(live), "update", lambda self, scope: updates.append(scope) or update(self, scope))
    while stack.canUndo():
        undo(window)
        editor = StructuredEditor()
        editor.set_document(doc)
        assert document_of(window.editor.document()) == document_of(editor.document())
    assert len(updates) <= 1  # the first step at most (here none: an edit of structure came in this turn)
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 0, timeout=2000)
    assert 1 <= len(updates) <= 2
    window.controller.settle_now()
    assert not live.changes.changes


def test_changed_runs_keep_the_longest_stretches() -> None:
    from ui.runs import changed_runs, text_document_runs, unchanged_positions

    old = list("abcdefgh")
    assert changed_runs(old, old) == []
    assert changed_runs(old, list("abcXdefgh")) == [(3, 3, 3, 4)]  # one put in
    assert changed_runs(old, list("abdefgh")) == [(2, 3, 2, 2)]  # one taken out
    moved = list("acdefgbh")  # b moved past five others: taken out and put in, the five stay
    runs = changed_runs(old, moved)
    assert runs == [(1, 2, 1, 1), (7, 7, 6, 7)]
    assert [(moved[n], old[o]) for n, o in unchanged_positions(runs, len(moved))] == [(c, c) for c in "acdefgh"]
    assert text_document_runs([(0, 0, 0, 1)], 8, 9) == [(0, 1, 0, 2)]  # nothing goes before the first block


def test_out_of_place_pairs_read_as_moved() -> None:
    from drafter.compare.moves import Pairing, out_of_place

    old = {"a": ("operative", None, 0), "b": ("operative", None, 1), "c": ("operative", None, 2),
           "c1": ("operative", "c", 0)}
    pairs = [Pairing(i, i.upper()) for i in old]
    partners = {i.upper(): {i} for i in old}
    same = {i.upper(): place for i, place in old.items()}
    assert out_of_place(pairs, old, same, partners) == set()
    swapped = dict(same, A=("operative", None, 1), B=("operative", None, 0))
    assert len(out_of_place(pairs, old, swapped, partners)) == 1  # one of the two
    indented = dict(same, C=("operative", "B", 0), C1=("operative", "C", 0))
    assert out_of_place(pairs, old, indented, partners) == {"C"}  # its sub-paragraph went along
    toggled = dict(same, A=("preamble", None, 0))
    assert "A" in out_of_place(pairs, old, toggled, partners)
    under_new = dict(same, C1=("operative", "NEW", 0))  # the second half of a split: no one can tell
    assert out_of_place(pairs, old, under_new, partners) == set()


def test_a_full_comparison_that_fails_in_its_thread_leaves_the_quick_path(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, monkeypatch, caplog) -> None:
    import sys

    from drafter.model import Text
    from drafter.tracking import live as live_module
    from ui import controller as controller_module

    controller = window.controller
    doc, live = controller.doc, controller.live
    assert doc is not None and live is not None
    target = doc.draft.operatives()[0]
    controller.push(edits.set_content(doc, target.id, [Text("Decides to remain seized of the matter.")]))
    assert live.dirty
    before = [r.to_dict() for r in live.changes.records]

    class Broken(Comparison):
        def run(self):  # type: ignore[no-untyped-def]
            raise RuntimeError("a bug in the comparer")

    monkeypatch.setattr(live_module, "Comparison", Broken)
    controller.start_settling()
    qtbot.waitUntil(lambda: not controller.settle_pending(), timeout=20_000)
    assert "the full comparison failed" in caplog.text
    assert live.dirty and [r.to_dict() for r in live.changes.records] == before
    assert not controller._settle.isActive()  # not tried again and again while idle: the next edit will
    assert sys.getswitchinterval() == controller_module._USUAL_INTERVAL


def test_a_key_press_stops_the_full_comparison_running_in_its_thread(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    open_text(window, "A-RES-80-5.txt")
    controller = window.controller
    doc, live = controller.doc, controller.live
    assert doc is not None and live is not None
    target = [b for b in edits.reading_order(doc.draft) if isinstance(b, Paragraph) and len(b.text) > 200][5]
    at(window, target.id, 100).enter()
    assert live.dirty
    controller.start_settling()
    settling = controller._settling
    assert settling is not None
    # the pause after the key press must not come while this test looks (a busy machine may take 400 ms)
    controller._settle.setInterval(60_000)
    QTest.keyClick(window.editor, Qt.Key.Key_Right)  # the user is at work again (the cursor moves)
    assert settling.stale()
    qtbot.waitUntil(lambda: controller._settling is None, timeout=20_000)
    assert live.dirty and controller._settle.isActive()  # its result dropped; the next pause starts it again
    settle_in_background(qtbot, window)
    check_quick_path(qtbot, window)


def deeper_records(edited: bool) -> tuple[ChangeList, list[Change]]:
    """A/RES/80/5 compared with itself (its first OP doubled if `edited`), and its records with every
    paragraph a level deeper (as indenting a paragraph with many sub-paragraphs makes them)."""
    base = load(str(CORPUS / "A-RES-80-5.txt"))
    draft = load(str(CORPUS / "A-RES-80-5.txt"))
    if edited:
        draft.operative[0].content = (*draft.operative[0].content, *draft.operative[0].content)
    changes = Comparison(base, draft, Options()).run()
    return changes, [r.relabel(f"{r.new_label}(a)", r.part, True) if r.new_label and r.new_ids else r
                     for r in changes.records]


def listed(changes: ChangeList, records: list[Change]) -> ChangeList:
    return ChangeList([r for r in records if r.kind != "unchanged"], records, changes.old_layout,
                      changes.new_layout, changes.old_symbol, changes.new_symbol)


def small_redlines(qtbot) -> tuple[ReviewView, ReviewView]:  # type: ignore[no-untyped-def]
    views = redline.ReviewView("redline"), redline.ReviewView("redline")
    for view in views:
        qtbot.addWidget(view)
        view.resize(500, 300)
        view.show()
    return views


def test_the_redline_rewrites_what_is_out_of_sight_at_later_turns(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every paragraph of A/RES/80/5 one level deeper (as indenting a paragraph with many
    sub-paragraphs does): the blocks in sight are rewritten at once, the others a few at each
    later turn of the event loop, until the view reads as one drawn anew."""
    changes, deeper = deeper_records(edited=True)
    deeper_list = listed(changes, deeper)
    view, other = small_redlines(qtbot)
    view.show_changes(changes)
    other.show_changes(deeper_list)
    rewritten: list[int] = []
    rewrite = view._rewrite_block

    def counted(number: int, *rest: object) -> None:
        rewritten.append(number)
        rewrite(number, *rest)  # type: ignore[arg-type]

    view._rewrite_block = counted  # type: ignore[method-assign]
    view.show_changes(deeper_list)
    assert 0 < len(rewritten) <= len(in_sight(view, 2))  # the keystroke waits for these only
    sight = in_sight(view)
    drawn, wanted = document_of(view.document()), document_of(other.document())
    assert all(drawn[n] == wanted[n] for n in sight if n < len(wanted))  # in sight: at once
    waiting = sum(a != b for a, b in zip(drawn, wanted, strict=True))
    assert waiting > 2 * CHUNK  # out of sight: later
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # scrolled to the end: in sight at once
    sight = in_sight(view)
    drawn = document_of(view.document())
    assert all(drawn[n] == wanted[n] for n in sight if n < len(wanted))
    waiting = sum(a != b for a, b in zip(drawn, wanted, strict=True))
    turns: list[int] = []
    view._later.timeout.connect(lambda: turns.append(1))
    drawn_anew: list[int] = []
    draw = view._draw_changes
    view._draw_changes = lambda: (drawn_anew.append(1), draw())  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: not view._later.isActive(), timeout=20_000)
    assert len(turns) >= waiting // (2 * CHUNK)  # a few blocks at each turn
    assert drawn_anew == []  # each turn looks at the blocks left for later alone, not at every record
    assert document_of(view.document()) == wanted
    assert view.looks == other.looks
    assert unlaid(view.document()) == []


def test_an_update_while_blocks_wait_for_later_keeps_one_block_per_record(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Records taken out at the top while blocks out of sight still wait (as when a pause's full
    comparison arrives after a re-indenting edit): the view scrolls while it is rewritten, and
    must not start the waiting rewrites in the middle of its own."""
    changes, deeper = deeper_records(edited=False)
    view, other = small_redlines(qtbot)
    view.show_changes(changes)
    view.show_changes(listed(changes, deeper))
    assert view._later.isActive()  # blocks out of sight wait
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # at the end: taking records out scrolls the view while it is rewritten
    fewer = listed(changes, deeper[20:100] + deeper[140:])  # two runs of records go
    view.show_changes(fewer)
    assert view._drawn() == len(view.looks) == len(fewer.records)
    other.show_changes(fewer)
    qtbot.waitUntil(lambda: not view._later.isActive(), timeout=20_000)
    assert document_of(view.document()) == document_of(other.document())
    assert view.looks == other.looks


def test_the_editor_re_indents_what_is_out_of_sight_at_later_turns(qtbot, window: MainWindow, fresh) -> None:  # type: ignore[no-untyped-def]
    """Indenting the A/RES/80/5 annex paragraph with the most sub-paragraphs puts all of them a
    level deeper: the blocks in sight are re-indented at once, the others a few at each later
    turn of the event loop, and then the editor reads as one drawn anew."""
    open_text(window, "A-RES-80-5.txt")
    window.resize(900, 500)
    qtbot.wait(10)
    doc = window.controller.doc
    assert doc is not None
    paras = [b for b in doc.draft.annexes[0].blocks if isinstance(b, Paragraph)]
    biggest = max(paras[1:], key=lambda b: sum(1 for _ in _descendants(b)))
    below = sum(1 for _ in _descendants(biggest))
    assert below > 2 * 6
    at(window, biggest.id, 0).tab()
    editor = window.editor
    assert editor.blocks.waiting  # some wait
    other: StructuredEditor = fresh["editor"]  # type: ignore[assignment]
    other.set_document(doc)
    drawn, wanted = document_of(editor.document()), document_of(other.document())
    near = editor._near()
    assert near is not None
    assert all(drawn[n] == wanted[n] for n in near if n < len(wanted))  # in sight: at once
    assert sum(a != b for a, b in zip(drawn, wanted, strict=True)) > 6
    updates: list[int] = []
    update = editor.blocks.update
    editor.blocks.update = lambda *args: (updates.append(1), update(*args))[1]  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: not editor.blocks.waiting, timeout=20_000)
    assert updates == []  # each turn looks at the blocks left for later alone, not at every unit
    same_as_fresh(window, fresh, "indented")


def _descendants(para: Paragraph) -> Iterator[Paragraph]:
    for child in para.children:
        yield child
        yield from _descendants(child)


def test_a_redline_hidden_while_blocks_wait_draws_them_when_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The user switches to the side-by-side view while redline blocks still wait: back in the
    redline, they are drawn."""
    changes, deeper = deeper_records(edited=False)
    view, other = small_redlines(qtbot)
    view.show_changes(changes)
    view.show_changes(listed(changes, deeper))
    assert view._later.isActive()  # blocks out of sight wait
    view.hide()
    qtbot.waitUntil(lambda: not view._later.isActive(), timeout=20_000)
    view.show()
    qtbot.waitUntil(lambda: not view._later.isActive(), timeout=20_000)
    other.show_changes(listed(changes, deeper))
    assert document_of(view.document()) == document_of(other.document())
    assert view.looks == other.looks


def test_work_left_for_later_waits_for_the_end_of_the_edit_that_left_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """An edit that takes longer than `LATER_MS` must not run what it left for later in its own turn of the
    event loop: the wait begins once the edit is done, so keys typed meanwhile go first. (How long after
    the edit it runs: tests/benchmarks/bench_hostile.py.)"""
    import time

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from ui.textblocks import LATER_MS, DeferredRewrites

    owner = QObject()
    calls: list[str] = []
    later = DeferredRewrites(owner, lambda: calls.append("ran"))
    later.start()  # in the middle of a heavy edit...
    time.sleep(2 * LATER_MS / 1000)  # ...that goes on for twice the wait
    QApplication.processEvents()  # the edit's own turn: what it posted, its painting
    assert calls == [] and later.isActive()
    qtbot.waitUntil(lambda: bool(calls), timeout=2_000)
    assert calls == ["ran"] and not later.isActive()
    later.start()
    later.stop()
    QApplication.processEvents()
    time.sleep(2 * LATER_MS / 1000)
    QApplication.processEvents()
    assert len(calls) == 1 and not later.isActive()
