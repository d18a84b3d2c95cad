"""A compilation: the text sent (SENT), every delegation's proposals on it, their conflicts, and warnings.

`compile_files(sent, [(path, name), …])` reads each file (`intake.read_file`), numbers the proposals
P1, P2, … across the files, and finds the conflicts. `to_dict` is what `drafter compile --json` prints.
The Word forms are in `compile_revisions` (SENT with the proposals as revisions by author) and
`compile_text` (the compilation text, and the table).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from drafter.compare.memo import Memo
from drafter.compare.words import Options
from drafter.model import Resolution
from drafter.negotiate.conflicts import Conflict, conflicts, tracked
from drafter.negotiate.find import by_label, counter
from drafter.negotiate.intake import Intake, read_file
from drafter.negotiate.proposals import (
    COMMENT,
    DELETE,
    DELETE_PARAGRAPH,
    DROPPED,
    INSERT,
    MOVE,
    NEW_PARAGRAPH,
    REPLACE,
    Proposal,
)


@dataclass
class Compilation:
    sent: Resolution
    proposals: list[Proposal] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    intakes: list[Intake] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Labels and conflicts anew, after proposals were added."""
        self.conflicts = conflicts(self.proposals)
        self.by_label = by_label(self.sent)
        self.conflict_of = {pid: conflict for conflict in self.conflicts for pid in conflict.ids}

    @property
    def authors(self) -> list[str]:
        return list(dict.fromkeys(p.author for p in self.proposals))

    def alternatives(self) -> set[str]:
        """The proposals the revisions form cannot track (it lists them in comments): the contested ones
        (`contested`) and word proposals on a paragraph another delegation moves (`on_moved`)."""
        contested = self.contested()
        return contested | set(self.on_moved(contested))

    def contested(self) -> set[str]:
        """The proposals of conflicts that cannot be Word revisions beside the first of their group
        (`conflicts.tracked`), and a removal or move another delegation asked for first (agreement: a word
        carries one deletion, by one author)."""
        by_id = {p.id: p for p in self.proposals}
        out: set[str] = set()
        for conflict in self.conflicts:
            members = [by_id[pid] for pid in conflict.ids if pid in by_id]
            kept = {p.id for p in tracked(members)}
            out.update(p.id for p in members if p.id not in kept)
        first: dict[tuple[object, ...], str] = {}
        for p in self.proposals:
            if p.id in out or p.kind not in (REPLACE, DELETE, DELETE_PARAGRAPH, MOVE):
                continue
            key = (p.kind, p.paragraph, p.start, p.end, p.content) if p.words else (p.kind, p.paragraph, *p.place)
            if first.setdefault(key, p.author) != p.author:
                out.add(p.id)
        return out

    def on_moved(self, untracked: set[str]) -> dict[str, Proposal]:
        """Word proposals on a paragraph (or under one) that another delegation moves, each with that move: the
        revisions form cannot track them (the moved words carry the move)."""
        movers = {p.paragraph: p for p in self.proposals
                  if p.kind == MOVE and p.paragraph and p.id not in untracked and p.state != DROPPED}
        out: dict[str, Proposal] = {}
        for p in self.proposals:
            if not p.words or p.paragraph is None or p.id in untracked:
                continue
            mover = next((m for label, m in movers.items() if p.paragraph == label or
                          p.paragraph.startswith(label + "(")), None)
            if mover is not None and mover.author != p.author:
                out[p.id] = mover
        return out

    def on(self, label: str) -> list[Proposal]:
        """The proposals on one SENT paragraph (words, deletion, move, comment), in order."""
        return [p for p in self.proposals if p.paragraph == label]

    def placed(self, part: str, parent: str | None, after: str | None) -> list[Proposal]:
        """The new paragraphs and moves that go to one place, in order."""
        return [p for p in self.proposals if p.kind in (NEW_PARAGRAPH, MOVE) and p.place == (part, parent, after)]

    def describe(self, proposal: Proposal) -> str:
        """A proposal in words, as a facilitator reads it out."""
        deleted = " ".join(op.text for op in proposal.ops if op.op == "delete").strip()
        inserted = " ".join(op.text for op in proposal.ops if op.op == "insert").strip()
        where = {REPLACE: f"replace “{deleted}” with “{inserted}”", INSERT: f"insert “{inserted}”",
                 DELETE: f"delete “{deleted}”", DELETE_PARAGRAPH: "delete the paragraph",
                 NEW_PARAGRAPH: f"new paragraph{self._after(proposal)}: “{inserted}”",
                 MOVE: f"move{self._after(proposal) or ' to the start'}",
                 COMMENT: f"comment on “{' '.join(op.text for op in proposal.ops)}”"}[proposal.kind]
        return where + (f" — comment: {proposal.comment}" if proposal.comment and proposal.kind != COMMENT else
                        f": {proposal.comment}" if proposal.kind == COMMENT else "")

    @staticmethod
    def _after(proposal: Proposal) -> str:
        if proposal.after:
            return f" after {proposal.after}"
        if proposal.parent:
            return f" first under {proposal.parent}"
        return f" at the start of the {proposal.part}" if proposal.part else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.sent.front.symbol,
            "proposals": [p.to_dict() for p in self.proposals],
            "conflicts": [list(c.ids) for c in self.conflicts],
            "conflict_reasons": [list(c.reasons) for c in self.conflicts],
            "warnings": list(self.warnings),
        }


def compile_files(sent: Resolution, files: Sequence[tuple[str, str | None]], jobs: int = 1) -> Compilation:
    """The proposals of every file against SENT; `files` are (path, delegation name or None). With `jobs` > 1
    the files are read by that many processes (forked: POSIX only); where that fails for any reason they are
    read again one after the other, which raises the real error of a bad file. The proposals are numbered P1,
    P2, … in the order of the files either way."""
    compilation = Compilation(sent, warnings=list(sent.warnings))
    intakes = _read_in_processes(sent, files, jobs) if jobs > 1 and len(files) > 1 else None
    if intakes is None:
        memo = Memo(Options())
        intakes = [read_file(path, sent, name, memo=memo) for path, name in files]
    next_id = counter()
    for intake in intakes:
        for proposal in intake.proposals:
            proposal.id = next_id()
        compilation.intakes.append(intake)
        compilation.proposals += intake.proposals
        compilation.warnings += intake.warnings
    compilation.refresh()
    return compilation


def _read_in_processes(sent: Resolution, files: Sequence[tuple[str, str | None]], jobs: int) -> list[Intake] | None:
    """The files read by forked processes, or None where there is no fork or the processes fail."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    global _SENT
    _SENT = sent
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(jobs, len(files)), mp_context=context) as pool:
            return list(pool.map(_read_in_worker, files))
    except Exception:  # a bad file, a process that died: read again in this one, which says why
        return None
    finally:
        _SENT = None


_SENT: Resolution | None = None  # SENT, for the forked processes that read the files
_MEMO: Memo | None = None  # what one process's comparisons with SENT learnt


def _read_in_worker(file: tuple[str, str | None]) -> Intake:
    """One file read in a forked process; its texts stay there (only the proposals travel back)."""
    global _MEMO
    assert _SENT is not None
    _MEMO = _MEMO or Memo(Options())
    intake = read_file(file[0], _SENT, file[1], memo=_MEMO)
    intake.texts = {}
    return intake


__all__ = ["Compilation", "compile_files"]
