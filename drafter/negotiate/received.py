"""Delegations' proposals on a draft: read from their files against a version, kept in the draft, read back.

`read_files(sent, files)` reads each file against the text sent, file by file, so that a file that cannot
be read is a warning naming it and the others still come in. `receive` makes the proposals found records
the draft keeps (`drafter.edits.proposals.Received`: the proposal as plain data, the name of the text it
was made on, the digest of the paragraph it names); `proposal_of` reads one back as a `Proposal`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.compare.labels import labels_of
from drafter.compare.memo import Memo
from drafter.compare.words import Options
from drafter.edits import Document, find
from drafter.edits.proposals import Received
from drafter.errors import DrafterError
from drafter.model import Block, Footnote, Resolution
from drafter.negotiate.find import counter
from drafter.negotiate.intake import read_file
from drafter.negotiate.proposals import NEW_PARAGRAPH, Proposal
from drafter.versions import pick


class UnreadableProposal(DrafterError):
    """A proposal a draft keeps that this program cannot read (a damaged or newer file): it stays as it is."""

    def __init__(self, received: Received, error: Exception) -> None:
        super().__init__(f"proposal {received.id} ({received.author}) cannot be read ({error}); it is kept as it is")


def proposal_of(received: Received) -> Proposal:
    """The proposal a draft keeps, as a `Proposal` (a new object each time; its state is the record's)."""
    try:
        return Proposal.from_dict(received.data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise UnreadableProposal(received, error) from error


def anchor_of(proposal: Proposal) -> str | None:
    """The SENT label a proposal is placed by: its paragraph, else the one a new paragraph follows or goes under."""
    if proposal.kind == NEW_PARAGRAPH:
        return proposal.after or proposal.parent
    return proposal.paragraph or proposal.after or proposal.parent


def sent_text(doc: Document, name: str) -> Resolution:
    """The text a proposal was made on: the base, or a version (a copy of its own)."""
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
    """Proposals read against `sent` (the text named `sent_name`), as the draft keeps them."""
    labels = labels_of(sent)
    return [Received(proposal.to_dict(), sent_name, digest(unit_by_label(sent, anchor_of(proposal), labels)))
            for proposal in proposals]


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
    memo, next_id = Memo(Options()), counter()
    out = Reading()
    for path, name in files:
        source = os.path.basename(path)
        try:
            intake = read_file(path, sent, name, next_id, memo)
        except (DrafterError, OSError, ValueError) as error:
            message = str(error)
            out.warnings.append(message if source in message else f"{source}: {message}")
            out.warnings.append(f"{source}: not imported")
            continue
        out.files += 1
        out.proposals += intake.proposals
        out.warnings += intake.warnings
    return out


__all__ = ["Reading", "UnreadableProposal", "anchor_of", "digest", "proposal_of", "read_files", "receive",
           "sent_text", "unit_by_label"]
