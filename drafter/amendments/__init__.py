"""Formal amendments: the changes between two texts worded the way UN amendment documents word them.

>>> found = amendments(old, new)            # worded in old.language, or language="fr"
>>> print(found.text())                      # the numbered list, as a delegation would table it
>>> found.to_dict()                          # {"old", "new", "language", "numbering", "amendments", "warnings"}

Statements come from a comparison (`drafter.compare.compare`, or the change list given): "In the third
preambular paragraph, replace the words “…” with “…”.", "Delete operative paragraph 13.", "Insert a new
operative paragraph after operative paragraph 5, reading: “…”". They name paragraphs as the earlier text
numbers them, and the list says so: an inserted or deleted paragraph renumbers those after it. Word
changes that only follow a renumbering, or only change spacing, make no statement; what no statement can
say (front matter, annex headings) is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.amendments.languages import WORDINGS, wording_for
from drafter.amendments.statement import ACTIONS, Statement
from drafter.amendments.structure import Maker
from drafter.amendments.wording import Wording
from drafter.compare import compare
from drafter.compare.changes import ChangeList
from drafter.model import Resolution


@dataclass
class Amendments:
    """The statements of a comparison, worded in one language."""

    statements: list[Statement]
    wording: Wording
    old_symbol: str = ""
    new_symbol: str = ""
    warnings: list[str] = field(default_factory=list)
    texts: list[str] = field(init=False)  # each statement worded

    def __post_init__(self) -> None:
        self.texts = [self.wording.render(statement) for statement in self.statements]

    @property
    def numbering(self) -> str:
        return self.wording.numbering(self.old_symbol)

    def text(self) -> str:
        """The numbered list, after the sentence on numbering; continuation lines hang under the first."""
        if not self.statements:
            return self.wording.none() + "\n"
        items = []
        for number, text in enumerate(self.texts, 1):
            head = f"{number}. "
            items.append(head + text.replace("\n", "\n" + " " * len(head)))
        return "\n".join([self.numbering, "", *items]) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old_symbol,
            "new": self.new_symbol,
            "language": self.wording.language,
            "numbering": self.numbering,
            "amendments": [statement.to_dict(text) for statement, text in zip(self.statements, self.texts,
                                                                              strict=True)],
            "warnings": list(self.warnings),
        }


def amendments(old: Resolution, new: Resolution, *, language: str | None = None,
               changes: ChangeList | None = None) -> Amendments:
    """The amendments that turn `old` into `new`, worded in `language` (by default the earlier text's).

    `changes` is a comparison of the two already made (the app's); by default they are compared here.
    """
    warnings: list[str] = []
    if language is None and (old.language or "en").split("-")[0].lower() not in WORDINGS:
        warnings.append(f"the text is in {old.language!r}: amendments are worded in English "
                        "(English, French and Spanish are known)")
        language = "en"
    wording = wording_for(language or old.language)
    if changes is None:
        changes = compare(old, new)
    statements, found = Maker(old, new, changes).run()
    marker = 0
    for statement in statements:
        for note in statement.notes:
            marker += 1
            note.marker = str(marker)
    return Amendments(statements, wording, changes.old_symbol or old.front.symbol,
                      changes.new_symbol or new.front.symbol, warnings + found)


__all__ = ["ACTIONS", "Amendments", "Statement", "amendments", "wording_for"]
