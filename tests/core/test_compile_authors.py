"""`drafter compile --as revisions`, one delegation at a time: accepting that delegation's revisions and rejecting
everyone else's gives its text, conflicting delegations included, and rejecting all gives the text sent.

Read two ways that share nothing with Drafter (`tests/core/author_views.py`): the XML walked in pure Python,
and LibreOffice accepting and rejecting change by change. The delegations' files of tests/data/negotiate
(LibreOffice, python-redlines, python-docx), proposals made up on A/RES/76/159 for the cases those files do
not hold, and a property over random proposals of three delegations, overlapping or not.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import importers
from drafter.model import Paragraph, Resolution, Text
from drafter.negotiate.apply import take
from drafter.negotiate.compilation import Compilation, compile_files
from drafter.negotiate.compile_revisions import write_revisions
from drafter.negotiate.conflicts import DELETED_CHANGED, OVERLAP
from drafter.negotiate.proposals import DELETE, DELETE_PARAGRAPH, INSERT, MOVE, NEW_PARAGRAPH, REPLACE, Proposal
from tests.core.author_views import libreoffice_views, odt_view, python_view
from tests.core.test_proposals import DATA, FILES, MANIFEST, texts

SOFFICE = shutil.which("soffice")
NOBODY = "nobody"  # an author without revisions: every revision rejected
SENT = importers.load(str(DATA / "sent.docx"))


def expected(sent: Resolution, compilation: Compilation, author: str) -> list[str]:
    """The labelled paragraphs of SENT with the author's tracked proposals taken."""
    mine = [p for p in compilation.proposals if p.author == author and p.id not in compilation.alternatives()]
    return [" ".join(text.split()) for text in texts(take(sent, mine))]


def assert_view(view: list[str], wanted: list[str], reference: list[str], author: str) -> None:
    """`view` is `reference` (every revision rejected) with its labelled paragraphs, from SENT's first on,
    replaced by `wanted`."""
    first = reference.index(" ".join(texts(SENT)[0].split()))
    assert view[:first] == reference[:first], author
    got = view[first:]
    assert got[:len(wanted)] == wanted, (author, next(((a, b) for a, b in zip(got, wanted, strict=False) if a != b),
                                                      (len(got), len(wanted))))


def words(pid: str, author: str, label: str, start: int, end: int, text: str) -> Proposal:
    kind = INSERT if start == end else REPLACE if text else DELETE
    return Proposal(pid, author, kind, label, start=start, end=end, content=(Text(text),) if text else ())


def at_word(label: str, word: str, sent: Resolution = SENT) -> int:
    text = next(para.text for lab, para in sent.labelled() if lab == label)
    return text.index(word)


def made_up() -> Compilation:
    """Conflicts the delegations' files do not hold: an insertion inside words another delegation replaces,
    words inserted into and a paragraph put under a paragraph another deletes, the same deletion asked twice."""
    op2 = at_word("OP2", "separate")
    op7 = at_word("OP7", "international")
    proposals = [
        words("P1", "Norway", "OP2", op2, op2 + len("separate responsibilities"), "distinct duties"),
        words("P2", "Japan", "OP2", op2 + len("separate "), op2 + len("separate "), "and shared "),
        words("P3", "Chile", "OP2", op2, op2 + len("separate"), "individual"),
        Proposal("P4", "Mexico", DELETE_PARAGRAPH, "OP6"),
        words("P5", "Japan", "OP6", at_word("OP6", "the enhancement"), at_word("OP6", "the enhancement"), "in all "
              "cases "),
        Proposal("P6", "Chile", NEW_PARAGRAPH, None, None, "operative", "OP6",
                 block=Paragraph((Text("Invites the Council to report thereon;"),), id="chile-new")),
        words("P7", "Norway", "OP7", op7, op7 + len("international "), ""),
        words("P8", "Mexico", "OP7", op7, op7 + len("international "), ""),
    ]
    return Compilation(SENT, proposals)


@pytest.fixture(scope="module")
def corpus() -> tuple[Compilation, bytes]:
    compilation = compile_files(SENT, FILES)
    return compilation, write_revisions(compilation, date="2026-12-01")[0]


def test_each_delegation_of_the_files_accepted_alone_gives_its_text(corpus: tuple[Compilation, bytes]) -> None:
    compilation, data = corpus
    reasons = {pid: tuple(c.reasons) for c in compilation.conflicts for pid in c.ids}
    by_id = {p.id: p for p in compilation.proposals}
    # only the Russian Federation's replacement in OP5 and deletion of OP9 stay untracked: they remove words
    # the European Union and the Group of 77 remove first
    assert {(by_id[i].author, by_id[i].paragraph, reasons[i]) for i in compilation.alternatives()} == {
        ("Russian Federation", "OP5", (OVERLAP,)), ("Russian Federation", "OP9", (DELETED_CHANGED,))}
    reference = python_view(data, NOBODY)
    sent_texts = [" ".join(t.split()) for t in texts(SENT)]
    first = reference.index(sent_texts[0])
    assert first > 0 and reference[first:first + len(sent_texts)] == sent_texts
    for author in [*compilation.authors, NOBODY]:
        assert_view(python_view(data, author), expected(SENT, compilation, author), reference, author)
    for info in MANIFEST["files"].values():
        for author, paragraphs in info["authors"].items():
            if author != "Russian Federation":  # every proposal of the others is tracked: their whole text
                assert_view(python_view(data, author), [" ".join(t.split()) for t in paragraphs], reference, author)


def test_made_up_conflicts_are_tracked_for_every_delegation() -> None:
    compilation = made_up()
    assert [tuple(c.reasons) for c in compilation.conflicts] == [(OVERLAP,), (DELETED_CHANGED,)]
    assert compilation.alternatives() == {"P3", "P8"}  # Chile and Norway remove "separate"; Mexico as Norway
    data, _warnings = write_revisions(compilation, date="2026-12-01")
    reference = python_view(data, NOBODY)
    for author in ["Norway", "Japan", "Chile", "Mexico", NOBODY]:
        assert_view(python_view(data, author), expected(SENT, compilation, author), reference, author)
    japan = " ".join(python_view(data, "Japan"))
    assert "separate and shared responsibilities" in japan and "in all cases the enhancement" in japan
    assert "Invites the Council to report thereon;" in python_view(data, "Chile")
    assert not any(text.startswith("Reaffirms the importance of the enhancement") for text in
                   python_view(data, "Mexico"))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_accepting_one_delegation_and_rejecting_the_rest_gives_its_text(
        corpus: tuple[Compilation, bytes], tmp_path: Path) -> None:
    assert SOFFICE is not None
    cases = {"files": corpus, "made-up": (made_up(), b"")}
    for name, (compilation, data) in cases.items():
        data = data or write_revisions(compilation, date="2026-12-01")[0]
        folder = tmp_path / name
        folder.mkdir()
        (folder / "compiled.docx").write_bytes(data)
        authors = [*compilation.authors, NOBODY]
        views = libreoffice_views(SOFFICE, folder / "compiled.docx", authors, folder)
        reference = odt_view(views[NOBODY])
        assert reference == python_view(data, NOBODY)
        for author in authors:
            assert_view(odt_view(views[author]), expected(SENT, compilation, author), reference, f"{name}: {author}")


# --- random proposals ------------------------------------------------------------------------------------
AUTHORS = ("A", "B", "C")
LABELS = ("OP1", "OP2", "OP3", "OP4")
VOCABULARY = ("urgently", "all", "States", "the", "relevant", "shall", "further", "welcomes")


@st.composite
def proposal_sets(draw: st.DrawFn) -> list[Proposal]:
    """Up to eight proposals of three delegations on four paragraphs: words replaced, inserted or deleted at
    word boundaries, paragraphs deleted or moved, new paragraphs after or under them; one delegation's own
    proposals never clash (as one Word file's revisions cannot)."""
    paragraphs = {label: para.text for label, para in SENT.labelled() if label in LABELS}
    out: list[Proposal] = []
    for index in range(draw(st.integers(1, 8))):
        pid, author, label = f"P{index + 1}", draw(st.sampled_from(AUTHORS)), draw(st.sampled_from(LABELS))
        kind = draw(st.sampled_from(("words", "words", "words", DELETE_PARAGRAPH, NEW_PARAGRAPH, MOVE)))
        text = paragraphs[label]
        bounds = [0, *(i + 1 for i, ch in enumerate(text[:120]) if ch == " ")]
        if kind == "words":
            start = draw(st.sampled_from(bounds))
            end = draw(st.sampled_from([b for b in bounds if b >= start][:4]))
            new = " ".join(draw(st.lists(st.sampled_from(VOCABULARY), min_size=0 if end > start else 1, max_size=3)))
            proposal = words(pid, author, label, start, end, new + " " if new else "")
        elif kind == DELETE_PARAGRAPH:
            proposal = Proposal(pid, author, DELETE_PARAGRAPH, label)
        elif kind == MOVE:
            after = draw(st.sampled_from([other for other in LABELS if other != label]))
            proposal = Proposal(pid, author, MOVE, label, after, "operative")
        else:
            under = draw(st.booleans())
            block = Paragraph((Text(f"{author} proposes new text {index};"),), id=f"new-{index}")
            proposal = Proposal(pid, author, NEW_PARAGRAPH, None, None if under else label, "operative",
                                label if under else None, block=block)
        if all(_compatible(proposal, other) for other in out if other.author == author):
            out.append(proposal)
    return out


def _compatible(a: Proposal, b: Proposal) -> bool:
    """Whether one delegation can make both proposals in one file."""
    if MOVE in (a.kind, b.kind):  # a move goes alone: nothing else of its delegation on, after or into either place
        move, other = (a, b) if a.kind == MOVE else (b, a)
        places = {move.paragraph, move.after}
        return not ({other.paragraph, other.after, other.parent} & places) and other.kind != MOVE
    if a.kind == NEW_PARAGRAPH or b.kind == NEW_PARAGRAPH:
        new, other = (a, b) if a.kind == NEW_PARAGRAPH else (b, a)
        if other.kind == DELETE_PARAGRAPH:
            return new.parent != other.paragraph  # a paragraph deleted goes with what is under it
        return other.kind != NEW_PARAGRAPH or new.place != other.place
    if a.paragraph != b.paragraph:
        return True
    if DELETE_PARAGRAPH in (a.kind, b.kind):
        return False
    return a.end < b.start or b.end < a.start


def _removes(proposal: Proposal) -> set[tuple[str, int]]:
    """The characters of SENT a proposal removes from where they stand, as (label, offset)."""
    if proposal.kind in (DELETE_PARAGRAPH, MOVE) and proposal.paragraph is not None:
        return {(proposal.paragraph, i) for i in range(len(SENT_TEXTS[proposal.paragraph]))}
    if proposal.words and proposal.paragraph is not None:
        return {(proposal.paragraph, i) for i in range(proposal.start, proposal.end)}
    return set()


SENT_TEXTS = {label: para.text for label, para in SENT.labelled()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(proposal_sets())
def test_any_proposals_accepted_one_delegation_at_a_time(proposals: list[Proposal]) -> None:
    compilation = Compilation(SENT, proposals)
    data, _warnings = write_revisions(compilation, date="2026-12-01")
    left = compilation.alternatives()
    reference = python_view(data, NOBODY)
    for author in [*AUTHORS, NOBODY]:
        assert_view(python_view(data, author), expected(SENT, compilation, author), reference, author)
    # a proposal is left untracked only when it removes words that a tracked one of another delegation removes,
    # when it is a second move of one paragraph, or words of a paragraph another delegation moves
    tracked = [p for p in proposals if p.id not in left]
    for proposal in proposals:
        clash = any(q.author != proposal.author and _removes(q) & _removes(proposal) for q in tracked)
        moved = any(q.kind == MOVE and q.author != proposal.author and q.paragraph == proposal.paragraph
                    for q in tracked) and proposal.kind != NEW_PARAGRAPH
        assert (proposal.id in left) == (clash or moved), (proposal, compilation.conflicts)
