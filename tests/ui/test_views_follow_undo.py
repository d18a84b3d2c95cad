"""The views follow an undo after a pause: the redline, read back from the window, shows the document.

Each sequence once left the redline on text the document no longer had: a quick fix of the editorial
checks undone with Ctrl+Z, and a word typed over and undone after the pause's full comparison.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from drafter.compare.engine import Comparison
from tests.corpus import CORPUS
from ui.app import initial_document
from ui.main_window import MainWindow


def settled(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Wait, as a user would, until the pause's comparison ran and every view shows it."""
    qtbot.waitUntil(lambda: not window.controller.settle_pending() and window.views_current(), timeout=10_000)


def redline_is_the_document(window: MainWindow) -> None:
    doc, live = window.controller.doc, window.controller.live
    assert doc is not None and live is not None
    fresh = Comparison(doc.base, doc.draft, live.options).run()
    assert [r.to_dict() for r in live.changes.records] == [r.to_dict() for r in fresh.records]
    for (label, runs), record in zip(window.redline.read_back(), fresh.records, strict=True):
        shown = [(kind, text) for kind, text in runs]
        want = [(op.op, op.text) for op in record.ops if op.text] if record.kind not in window.panel.hidden() \
            else [("equal", "".join(op.text for op in record.ops if op.op != "delete"))]
        joined: list[tuple[str, str]] = []
        for kind, text in want:
            if joined and joined[-1][0] == kind:
                joined[-1] = (kind, joined[-1][1] + text)
            else:
                joined.append((kind, text))
        assert shown == [(kind, text.replace("\u2028", "\n")) for kind, text in joined if text], label


def test_a_quick_fix_undone_with_ctrl_z_leaves_no_trace_in_the_redline(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc, _ = initial_document(str(CORPUS / "A-RES-80-11.txt"), None)
    window.controller.set_document(doc, None)
    window.controller.set_settle_delay(20)
    window.checker.run()
    row = next(i for i, f in enumerate(window.checks.findings) if f.rule == "repeated-lead")
    window.checks.list.setCurrentRow(row)
    QTest.mouseClick(window.checks.fix_button, Qt.MouseButton.LeftButton)
    settled(qtbot, window)
    assert any(op.op == "insert" and "also" in op.text for c in window.controller.live.changes.changes
               for op in c.ops)
    redline_is_the_document(window)
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, window)
    assert not window.controller.live.changes.changes
    redline_is_the_document(window)
    assert all(kind == "equal" for _label, runs in window.redline.read_back() for kind, _text in runs)
