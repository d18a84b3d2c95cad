"""The lead-word palette: Insert › Preambular / Operative paragraph, each with the palette's lead words.

The menus only emit `lead_chosen(part, word)`; `lead_paragraph` builds the core edit that the
main window pushes through the controller (so it is undoable like any other edit).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from drafter import edits
from drafter.edits import Compound, Document, InsertBlock, Where
from drafter.parts import OPERATIVE, PREAMBLE
from drafter.rules.palette import palette


def lead_paragraph(doc: Document, part: str, word: str, current: str = "") -> tuple[Compound, str]:
    """A new paragraph opening with `word` in `part`: after the current paragraph when it is in that part,
    else at the end of the part. Returns the edit and the new paragraph's id."""
    para = edits.new_paragraph(word + " ")
    res = doc.draft
    where: Where | None = None
    if current and edits.find(res, current) is not None:
        try:
            here = edits.locate(res, current)
        except (edits.EditError, KeyError, ValueError):
            here = None
        if here is not None and here.part == part:
            where = Where(part, here.parent, here.index + 1)
    if where is None:
        blocks = res.preamble if part == PREAMBLE else res.operative
        where = Where(part, None, len(blocks))
    label = "Insert preambular paragraph" if part == PREAMBLE else "Insert operative paragraph"
    return Compound([InsertBlock(para, where, label=label)], label), para.id


class PaletteMenu(QMenu):
    """Insert › Preambular paragraph / Operative paragraph › lead words (appeals in strength order)."""

    lead_chosen = Signal(str, str)  # part ("preamble" or "operative"), lead word

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("&Insert"))
        self.language = ""
        self.preambular = self.addMenu(self.tr("&Preambular paragraph"))
        self.operative = self.addMenu(self.tr("&Operative paragraph"))
        self.set_language("en")

    def set_language(self, lang: str) -> None:
        if lang == self.language:
            return
        self.language = lang
        words = palette(lang)
        menus = ((self.preambular, PREAMBLE, "preambular"), (self.operative, OPERATIVE, "operative"))
        for menu, part, key in menus:
            menu.clear()
            for word in words.for_part(key):
                menu.addAction(word, self._chooser(part, word))

    def _chooser(self, part: str, word: str) -> Callable[[], None]:
        return lambda: self.lead_chosen.emit(part, word)
