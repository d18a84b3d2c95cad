"""One QUndoCommand for every change: it wraps an edit object of the core."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from drafter.edits import Edit, SetContent

_TYPING = 1


class Applier(Protocol):
    def apply_edit(self, edit: Edit) -> None: ...

    def revert_edit(self, edit: Edit) -> None: ...


class EditCommand(QUndoCommand):
    """Redo applies the edit, undo reverts it; consecutive typing in one block merges into one step."""

    def __init__(self, target: Applier, edit: Edit) -> None:
        super().__init__(edit.label)
        self.target = target
        self.edit = edit

    def redo(self) -> None:
        self.target.apply_edit(self.edit)

    def undo(self) -> None:
        self.target.revert_edit(self.edit)

    def id(self) -> int:
        return _TYPING if isinstance(self.edit, SetContent) and self.edit.label == "Typing" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand):
            return False
        mine, theirs = self.edit, other.edit
        return isinstance(mine, SetContent) and isinstance(theirs, SetContent) and mine.merge(theirs)
