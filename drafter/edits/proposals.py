"""Delegations' proposals kept in a draft: each with the version of the draft it was made on, and its state.

A `Received` is a `drafter.negotiate.proposals.Proposal` (its author, kind, the paragraph it names by its
label in the text sent, its source file and its state: open, taken, dropped) with the name of the text it
was made on (`sent`: a version's name, or "base") and a digest of that text's paragraph, which tells when
the text a label names is no longer the text the delegation saw (the base changes when a change is
accepted into it; a version never changes).

Two primitive edits change them: `AddProposals` (an import, undoable as one step) and `SetState` (taking
or dropping one, inside the edit that also changes the draft: `drafter.edits.taking`). `read_files`
reads delegations' files against a text, file by file, so that a file that cannot be read is named and
the others still come in.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.compare.labels import labels_of
from drafter.edits.primitives import Document, Edit, EditError, Scope, find
from drafter.errors import DrafterError
from drafter.model import Block, Footnote, Resolution
from drafter.negotiate.proposals import NEW_PARAGRAPH, OPEN, STATES, Proposal
from drafter.versions import BASE, pick


@dataclass
class Received:
    """A proposal on the draft, made on the text named `sent` ("base" or a version's name)."""

    proposal: Proposal
    sent: str = BASE
    digest: str = ""  # of the text of the SENT unit the proposal names ("" when it names none)

    @property
    def id(self) -> str:
        return self.proposal.id

    @property
    def author(self) -> str:
        return self.proposal.author

    @property
    def state(self) -> str:
        return self.proposal.state

    @property
    def anchor(self) -> str | None:
        """The SENT label the proposal is placed by: its paragraph, else the one a new paragraph follows or
        goes under."""
        proposal = self.proposal
        if proposal.kind == NEW_PARAGRAPH:
            return proposal.after or proposal.parent
        return proposal.paragraph or proposal.after or proposal.parent

    def to_dict(self) -> dict[str, Any]:
        return {**self.proposal.to_dict(), "sent": self.sent, "digest": self.digest}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Received:
        sent = data.get("sent", BASE)
        if not isinstance(sent, str) or not sent.strip():
            raise ValueError(f"proposal {data.get('id')!r} names no text it was made on")
        return cls(Proposal.from_dict(data), sent, str(data.get("digest", "")))


def sent_text(doc: Document, name: str) -> Resolution:
    """The text a proposal was made on: the base or a version (a version's own copy)."""
    return pick(doc.versions, name, doc.base, doc.draft)


def unit_by_label(sent: Resolution, label: str | None,
                  labels: dict[str, str] | None = None) -> Block | Footnote | None:
    """The paragraph, heading or footnote of SENT that `label` names ("OP5", "footnote 2"); `labels`: SENT's
    labels by id (`labels_of`), when the caller has them at hand."""
    if not label:
        return None
    block_id = next((key for key, name in (labels or labels_of(sent)).items() if name == label), None)
    return find(sent, block_id) if block_id is not None else None


def digest(unit: Block | Footnote | None) -> str:
    """A short fingerprint of a paragraph's text (with its sub-paragraphs) or a footnote's."""
    if unit is None:
        return ""
    return hashlib.sha1(_whole_text(unit).encode("utf-8")).hexdigest()[:16]


def _whole_text(unit: Block | Footnote) -> str:
    children = getattr(unit, "children", [])
    return "\n".join([unit.text, *(_whole_text(child) for child in children)])


def receive(proposals: Sequence[Proposal], sent: Resolution, sent_name: str) -> list[Received]:
    """Proposals read against `sent`, as the draft keeps them."""
    labels = labels_of(sent)
    return [Received(proposal, sent_name, digest(unit_by_label(sent, Received(proposal).anchor, labels)))
            for proposal in proposals]


def number(received: Sequence[Received], existing: Sequence[Received]) -> None:
    """Number new proposals P<n> on from the highest number the draft already uses."""
    used = [int(r.id[1:]) for r in existing if r.id[:1] == "P" and r.id[1:].isdigit()]
    start = max(used, default=0) + 1
    for offset, item in enumerate(received):
        item.proposal.id = f"P{start + offset}"


@dataclass
class Reading:
    """What reading delegations' files against one text gave: proposals, and warnings naming each file."""

    proposals: list[Proposal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: int = 0  # files read


def read_files(sent: Resolution, files: Sequence[tuple[str, str | None]]) -> Reading:
    """Each file (path, the delegation it is named for or None) read against `sent`, the proposals numbered
    P1, P2, … across the files. A file that cannot be read is a warning naming it; the others are read all
    the same."""
    from drafter.compare.memo import Memo
    from drafter.compare.words import Options
    from drafter.negotiate.find import counter
    from drafter.negotiate.intake import read_file

    memo, next_id = Memo(Options()), counter()
    out = Reading()
    for path, name in files:
        try:
            intake = read_file(path, sent, name, next_id, memo)
        except (DrafterError, OSError, ValueError) as error:
            message = str(error)
            out.warnings.append(message if os.path.basename(path) in message
                                else f"{os.path.basename(path)}: {message}")
            out.warnings.append(f"{os.path.basename(path)}: not imported")
            continue
        out.files += 1
        out.proposals += intake.proposals
        out.warnings += intake.warnings
    return out


# --- edits ------------------------------------------------------------------------------------
class AddProposals(Edit):
    """Proposals come into the draft (an import)."""

    def __init__(self, received: Sequence[Received], label: str = "Import proposals") -> None:
        self.received, self.label = list(received), label

    def apply(self, doc: Document) -> None:
        doc.proposals.extend(self.received)

    def revert(self, doc: Document) -> None:
        count = len(self.received)
        if doc.proposals[-count:] != self.received:
            raise EditError("the proposals imported last are not at the end of the list")
        del doc.proposals[-count:]

    def scope(self) -> Scope:
        return Scope(self.side)  # the texts stay as they are


class SetState(Edit):
    """A proposal's state: open, taken or dropped."""

    def __init__(self, proposal_id: str, before: str, after: str, label: str = "") -> None:
        if before not in STATES or after not in STATES:
            raise EditError(f"no state {before!r} or {after!r}")
        self.proposal_id, self.before, self.after = proposal_id, before, after
        self.label = label or f"{after.capitalize()} {proposal_id}"

    def _set(self, doc: Document, expected: str, state: str) -> None:
        item = received_by_id(doc, self.proposal_id)
        if item.state != expected:
            raise EditError(f"proposal {self.proposal_id} is {item.state}, not {expected}")
        item.proposal.state = state

    def apply(self, doc: Document) -> None:
        self._set(doc, self.before, self.after)

    def revert(self, doc: Document) -> None:
        self._set(doc, self.after, self.before)

    def scope(self) -> Scope:
        return Scope(self.side)


def received_by_id(doc: Document, proposal_id: str) -> Received:
    for item in doc.proposals:
        if item.id == proposal_id:
            return item
    raise EditError(f"no proposal {proposal_id!r}")


__all__ = ["OPEN", "AddProposals", "Reading", "Received", "SetState", "digest", "number", "read_files", "receive",
           "received_by_id", "sent_text", "unit_by_label"]
