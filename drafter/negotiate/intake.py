"""Reading the files delegations return, as proposals against SENT.

- A Word file with tracked changes: each revision author's text (`revisions.read_as`: their revisions
  accepted, everyone else's rejected) compared with SENT gives that author's proposals. Named on the
  command line (`FILE=Delegation`), every revision of the file is that delegation's, whoever wrote it.
- A file without tracked changes (a clean edited copy, in any format Drafter reads, or a .drafter draft):
  its text compared with SENT, as the proposals of the delegation it is named for.
- Word comments: each is attached to its author's proposal on the words it covers, or stands as a
  proposal of kind "comment" on those words.
Whatever is read but is not a proposal (the reader's own warnings, text the file changed without tracking
it, formatting changes, comments that fit no paragraph) becomes a warning naming the file.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from drafter import inputs
from drafter.compare.changes import Op
from drafter.compare.labels import labels_of
from drafter.compare.memo import Memo
from drafter.errors import DrafterError
from drafter.model import Block, Footnote, Resolution
from drafter.negotiate.comments import WordComment, read_comments
from drafter.negotiate.find import by_label, counter, find
from drafter.negotiate.proposals import COMMENT, NEW_PARAGRAPH, Proposal
from drafter.negotiate.revisions import NO_AUTHOR, Package, moved_texts, open_package, read_accepted, read_as
from drafter.negotiate.spans import NOTE, text_of


@dataclass
class Intake:
    """What one file brought: each author's text, their proposals, and warnings."""

    path: str
    texts: dict[str, Resolution] = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)
    comments: list[WordComment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _is_zip(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _words(text: str) -> str:
    return " ".join(text.split())


def read_file(path: str, sent: Resolution, name: str | None = None,
              next_id: Callable[[], str] | None = None, memo: Memo | None = None) -> Intake:
    """The proposals a delegation's file makes to SENT; `name` attributes the whole file to one delegation.
    `memo` carries what comparisons with SENT learnt from one file to the next."""
    next_id = next_id or counter()
    intake = Intake(path)
    source = os.path.basename(path)
    if _is_zip(path) and not inputs.is_draft_file(path):
        package = open_package(path)
        _read_package(intake, package, sent, name)
    else:
        if name is None:
            raise DrafterError(f"{path}: a file without tracked changes needs the delegation it comes from: "
                               f"write {path}=NAME")
        intake.texts[name] = inputs.read(path).text
    for author, text in intake.texts.items():
        intake.warnings += [f"{source}: {warning}" for warning in text.warnings]
        proposals, warnings = find(sent, text, author, source=source, next_id=next_id, memo=memo)
        intake.proposals += proposals
        intake.warnings += [f"{source}: {warning}" for warning in warnings]
    for comment in intake.comments:
        _place_comment(intake, comment, sent, name, next_id, source)
    return intake


def _read_package(intake: Intake, package: Package, sent: Resolution, name: str | None) -> None:
    source = os.path.basename(intake.path)
    authors = package.authors
    if not authors and name is None:
        raise DrafterError(f"{intake.path}: has no tracked changes, so its author is unknown; name the delegation "
                           f"whose text it is: {intake.path}=NAME")
    if package.formatting:
        intake.warnings.append(f"{source}: {package.formatting} tracked formatting change(s) read as accepted; "
                               "formatting is not a proposal")
    if name is not None:
        if authors and authors != [name]:
            intake.warnings.append(f"{source}: the revisions of {', '.join(authors)} are read as {name}'s")
        intake.texts[name] = read_accepted(package)
    else:
        if len(authors) > 1:  # untracked differences would be every author's: say where they are
            _check_base(intake, read_as(package, NO_AUTHOR), sent, source)
        for author in authors:
            text = read_accepted(package) if len(authors) == 1 else read_as(package, author)
            moved = {_words(words) for words in moved_texts(package, author)}
            if moved:
                text.moved = tuple(b.id for b in text.blocks() if _words(b.text) in moved)
            intake.texts[author] = text
    intake.comments = read_comments(package)


def _check_base(intake: Intake, base: Resolution, sent: Resolution, source: str) -> None:
    """Text the file changed without tracking it is read as its authors' proposals: say so."""
    sent_texts = [(label, _words(p.text)) for label, p in sent.labelled()]
    base_texts = [(label, _words(p.text)) for label, p in base.labelled()]
    if sent_texts == base_texts:
        return
    differ = [label for (label, text), other in zip(sent_texts, base_texts, strict=False) if (label, text) != other]
    if len(sent_texts) != len(base_texts):
        differ.append(f"{len(base_texts)} paragraphs where {len(sent_texts)} were sent")
    intake.warnings.append(f"{source}: differs from the text sent without tracked changes ({', '.join(differ[:6])}"
                           f"{' …' if len(differ) > 6 else ''}); those differences are read as its authors' proposals")


def _find_paragraph(sent: Resolution, text: str) -> str | None:
    """The SENT label of the paragraph that reads `text`, or the closest one."""
    labels = labels_of(sent)
    blocks = [(labels[b.id], _words(b.text)) for b in sent.blocks() if b.id in labels]
    blocks += [(labels[n.id], _words(n.text)) for n in sent.footnotes if n.id in labels]
    for label, words in blocks:
        if words == text:
            return label
    best, score = None, 0.75
    for label, words in blocks:
        ratio = difflib.SequenceMatcher(None, words, text, autojunk=False).ratio()
        if ratio > score:
            best, score = label, ratio
    return best


def _span(block: Block | Footnote, words: str) -> tuple[int, int] | None:
    """The span of `words` in a paragraph's text (footnote references counted)."""
    if not words:
        return None
    flat = text_of(block.content)
    plain = flat.replace(NOTE, "")
    at = _words(plain).find(words)
    if at < 0:
        return None
    # from an offset in the text with collapsed spaces back to one in the text with notes
    positions = [i for i, char in enumerate(flat) if char != NOTE]
    squeezed: list[int] = []
    for index, char in enumerate(plain):
        if char.isspace() and (not squeezed or plain[index - 1].isspace()):
            continue
        squeezed.append(index)
    if at + len(words) > len(squeezed):
        return None
    return positions[squeezed[at]], positions[squeezed[at + len(words) - 1]] + 1


def _place_comment(intake: Intake, comment: WordComment, sent: Resolution, name: str | None,
                   next_id: Callable[[], str], source: str) -> None:
    author = name or comment.author
    note = f"{comment.text}{' (resolved)' if comment.done else ''}"
    own = [p for p in intake.proposals if p.author == author]
    if comment.before:
        label = _find_paragraph(sent, comment.before)
        block = by_label(sent).get(label or "")
        if label is not None and block is not None:
            span = _span(block, comment.words)
            for proposal in own:
                if proposal.paragraph == label and (span is None or (
                        proposal.start <= span[1] and span[0] <= proposal.end)) and proposal.kind != COMMENT:
                    proposal.comment = "\n".join(filter(None, [proposal.comment, note]))
                    return
            start, end = span or (0, len(text_of(block.content)))
            intake.proposals.append(Proposal(next_id(), author, COMMENT, label, start=start, end=end, comment=note,
                                             ops=[Op("equal", comment.words)], source=source))
            return
    for proposal in own:
        if proposal.kind == NEW_PARAGRAPH and proposal.block is not None and comment.after and \
                _words(proposal.block.text) == comment.after:
            proposal.comment = "\n".join(filter(None, [proposal.comment, note]))
            return
    intake.proposals.append(Proposal(next_id(), author, COMMENT, None, comment=note,
                                     ops=[Op("equal", comment.words)], source=source))
    where = f"on “{comment.words}”" if comment.words else "without a range"
    intake.warnings.append(f"{source}: the comment of {author} {where} is on no paragraph of the text sent; "
                           "it is kept without a paragraph")


__all__ = ["Intake", "read_file"]
