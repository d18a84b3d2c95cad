"""Delegations' proposals kept in a draft: each with the text of the draft it was made on, and its state.

A `Received` keeps a proposal as plain data, as `drafter.negotiate.proposals.Proposal.to_dict` writes it
(its id, author, kind, the paragraph it names by its label in the text sent, its source file and its state:
open, taken, dropped), with the name of the text it was made on (`sent`: a version's name, or "base") and
a digest of that text's paragraph, which tells when the text a label names is no longer the text the
delegation saw (the base changes when a change is accepted into it; a version never changes). The draft
file stores them as they are; `drafter.negotiate.received` reads them as proposals, finds them in files,
and `drafter.negotiate.taking` takes them into the draft. Kept as plain data here, they come in and go out
of a draft file unchanged, whatever this program makes of them.

Two primitive edits change them: `AddProposals` (an import, undoable as one step) and `SetState` (dropping
one, or taking it inside the edit that also changes the draft).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.edits.primitives import Document, Edit, EditError, Scope
from drafter.errors import DrafterError
from drafter.versions import BASE

OPEN, TAKEN, DROPPED = "open", "taken", "dropped"  # as drafter.negotiate.proposals names them
STATES = (OPEN, TAKEN, DROPPED)


@dataclass
class Received:
    """A proposal on the draft (plain data), made on the text named `sent` ("base" or a version's name)."""

    data: dict[str, Any] = field(repr=False)
    sent: str = BASE
    digest: str = ""  # of the text of the SENT paragraph the proposal names ("" when it names none)

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def author(self) -> str:
        return str(self.data["author"])

    @property
    def kind(self) -> str:
        return str(self.data["kind"])

    @property
    def state(self) -> str:
        return str(self.data.get("state", OPEN))

    @property
    def source(self) -> str:
        return str(self.data.get("source", ""))

    def to_dict(self) -> dict[str, Any]:
        return {**copy.deepcopy(self.data), "sent": self.sent, "digest": self.digest}

    @classmethod
    def from_dict(cls, data: Any) -> Received:
        if not isinstance(data, dict):
            raise ValueError("a proposal is not a mapping")
        for key in ("id", "author", "kind"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                raise ValueError(f"a proposal has no {key}")
        if data.get("state", OPEN) not in STATES:
            raise ValueError(f"proposal {data['id']!r}: unknown state {data.get('state')!r}")
        sent = data.get("sent", BASE)
        if not isinstance(sent, str) or not sent.strip():
            raise ValueError(f"proposal {data['id']!r} names no text it was made on")
        own = {key: value for key, value in data.items() if key not in ("sent", "digest")}
        return cls(own, sent, str(data.get("digest", "")))


def number(received: Sequence[Received], existing: Sequence[Received]) -> None:
    """Number new proposals P<n> on from the highest number the draft already uses."""
    used = [int(r.id[1:]) for r in existing if r.id[:1] == "P" and r.id[1:].isdigit()]
    start = max(used, default=0) + 1
    for offset, item in enumerate(received):
        item.data["id"] = f"P{start + offset}"


def received_by_id(doc: Document, proposal_id: str) -> Received:
    for item in doc.proposals:
        if item.id == proposal_id:
            return item
    raise EditError(f"no proposal {proposal_id!r}")


class AddProposals(Edit):
    """Proposals come into the draft (an import)."""

    def __init__(self, received: Sequence[Received], label: str = "Import proposals") -> None:
        self.received, self.label = list(received), label

    def apply(self, doc: Document) -> None:
        doc.proposals.extend(self.received)

    def revert(self, doc: Document) -> None:
        count = len(self.received)
        if [id(item) for item in doc.proposals[-count:]] != [id(item) for item in self.received]:
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
        item.data["state"] = state

    def apply(self, doc: Document) -> None:
        self._set(doc, self.before, self.after)

    def revert(self, doc: Document) -> None:
        self._set(doc, self.after, self.before)

    def scope(self) -> Scope:
        return Scope(self.side)


def drop(received: Received) -> SetState:
    """The edit that drops an open proposal (the draft stays as it is)."""
    if received.state != OPEN:
        raise DrafterError(f"{received.id} ({received.author}) is {received.state}: only an open proposal is dropped")
    return SetState(received.id, OPEN, DROPPED, f"Drop {received.id} ({received.author})")


__all__ = ["DROPPED", "OPEN", "STATES", "TAKEN", "AddProposals", "Received", "SetState", "drop", "number",
           "received_by_id"]
