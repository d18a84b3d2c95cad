"""History of a paragraph: the resolutions of its series in order, and its wording through them, each step
a redline against the step before, the draft's wording last. A window of its own (Escape closes it), its
text reachable with the keyboard (Tab to the text, arrows and Page Up/Down to read it)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from drafter.compare.changes import Op
from ui.provenance_text import redline_html

if TYPE_CHECKING:
    from drafter.library import History, Library


@dataclass
class ParagraphHistory:
    """A draft paragraph's history: the series of its source, that paragraph's steps, and the draft's
    wording against the last step (`ops`)."""

    label: str  # the paragraph's label in the draft
    text: str
    source: tuple[str, str]  # the adopted paragraph it was traced to: symbol, label
    history: History
    ops: list[Op]
    own: str = ""  # the draft's symbol, when the library holds the draft itself


def trace_history(open_library: Callable[[], Library | None], label: str, text: str, source: tuple[str, str],
                  own: str = "") -> ParagraphHistory:
    """In a worker: the series of `source` and its paragraph through it, and the draft against the last step;
    the draft's own symbol `own`, when the library holds it, is no step (the draft is the last one)."""
    from drafter.library import LibraryError
    from drafter.library.ops import word_ops

    library = open_library()
    if library is None:
        raise LibraryError("the library of adopted texts cannot be opened")
    history = library.history(*source)
    if own and any(step.symbol == own for step in history.steps):
        steps = [step for step in history.steps if step.symbol != own]
        for before, step in pairwise(steps):
            step.ops = word_ops(before.text, step.text)
        if steps:
            steps[0].ops = [Op("equal", steps[0].text)]
        history.steps = steps
    last = history.steps[-1].text if history.steps else ""
    return ParagraphHistory(label, text, source, history, word_ops(last, text), own)


def history_html(found: ParagraphHistory) -> str:
    """The series, then each step with its redline against the step before, then the draft."""
    steps = found.history.steps
    holding = {step.symbol for step in steps}
    members = ", ".join(f"<b>{html.escape(member.symbol)}</b>" if member.symbol in holding
                        else f"{html.escape(member.symbol)} (this draft)" if member.symbol == found.own
                        else html.escape(member.symbol or "?") for member in found.history.members)
    title = found.history.members[-1].title if found.history.members else ""
    out = [f"<h3>{html.escape(found.label)}: its wording through the series</h3>",
           f"<p>The series ({len(found.history.members)} texts, oldest first): {members}"
           + (f"<br><i>{html.escape(title)}</i>" if title else "") + "</p>"]
    for number, step in enumerate(steps):
        if number == 0:
            how = "first in the series"
        elif all(op.op == "equal" for op in step.ops):
            how = "unchanged"
        else:
            how = f"{step.similarity:.0%} alike the step before"
        out.append(f"<p><b>{html.escape(step.symbol)} {html.escape(step.label)}</b> ({html.escape(step.date)}), "
                   f"{how}<br><span style='font-family: serif'>{redline_html(step.ops)}</span></p>")
    if not steps:
        out.append("<p>No text of the series holds this paragraph.</p>")
    unchanged = all(op.op == "equal" for op in found.ops)
    out.append(f"<p><b>This draft, {html.escape(found.label)}</b>, "
               f"{'as the last step reads' if unchanged else 'against the last step'}"
               f"<br><span style='font-family: serif'>{redline_html(found.ops)}</span></p>")
    return "".join(out)


class SeriesHistory(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("series-history")
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("The paragraph's wording through its series"))
        self.text.setOpenLinks(False)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.text, 1)
        column.addWidget(buttons)
        self.resize(760, 620)
        self.found: ParagraphHistory | None = None

    def show_history(self, found: ParagraphHistory) -> None:
        self.found = found
        symbol, label = found.source
        self.setWindowTitle(self.tr("History of {label} (traced to {symbol} {source})").format(
            label=found.label, symbol=symbol, source=label))
        self.text.setHtml(history_html(found))
        self.show()
        self.raise_()
        self.activateWindow()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["ParagraphHistory", "SeriesHistory", "history_html", "trace_history"]
