"""Proposals read from delegations' files written by LibreOffice, python-redlines and python-docx (see
tests/data/negotiate/make.py): each attributed to the right delegation at the right paragraph, one
delegation's proposals taken together giving exactly its text, the conflicts found, the comments read."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from drafter import importers
from drafter.model import NoteRef, Paragraph, Resolution, Text, normalize_runs
from drafter.negotiate import revisions
from drafter.negotiate.apply import ProposalClash, take
from drafter.negotiate.comments import read_comments
from drafter.negotiate.compilation import Compilation, compile_files
from drafter.negotiate.conflicts import DELETED_CHANGED, OVERLAP, SAME_PLACE, SAME_POINT, conflicts, reason
from drafter.negotiate.find import find, shown
from drafter.negotiate.proposals import (
    COMMENT,
    DELETE_PARAGRAPH,
    MOVE,
    NEW_PARAGRAPH,
    REPLACE,
    WORD_KINDS,
    Proposal,
)
from drafter.negotiate.spans import changed_spans, slice_content, splice
from tests.corpus import CORPUS, load

DATA = Path(__file__).resolve().parents[1] / "data" / "negotiate"
MANIFEST: dict[str, Any] = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
NAMED = {"usa.docx": "United States"}  # clean copies: the delegation is named on the command line
FILES = [(str(DATA / name), NAMED.get(name)) for name in MANIFEST["files"]]


@pytest.fixture(scope="module")
def sent() -> Resolution:
    return importers.load(str(DATA / "sent.docx"))


@pytest.fixture(scope="module")
def compiled(sent: Resolution) -> Compilation:
    return compile_files(sent, FILES)


def texts(res: Resolution) -> list[str]:
    return [para.text for _label, para in res.labelled()]


def full(res: Resolution) -> list[object]:
    """Every paragraph with its label, italics and footnote markers, and the footnotes' texts."""
    return [(label, shown(para.content, res), [item.italic for item in para.content if isinstance(item, Text)])
            for label, para in res.labelled()] + [note.text for note in res.footnotes]


def expected_authors() -> dict[str, list[str]]:
    return {name: list(info["authors"]) for name, info in MANIFEST["files"].items()}


def test_the_sent_file_reads_as_the_corpus_resolution(sent: Resolution) -> None:
    corpus = load(CORPUS / "A-RES-76-159.txt")
    assert [para.text for _l, para in corpus.labelled()] == texts(sent) == MANIFEST["sent_texts"]
    assert [label for label, _p in sent.labelled()] == MANIFEST["sent_labels"]


@pytest.mark.parametrize("name", list(MANIFEST["files"]))
def test_each_file_names_its_revision_authors(name: str) -> None:
    package = revisions.open_package(str(DATA / name))
    expected = [] if name in NAMED else expected_authors()[name]
    assert package.authors == expected


@pytest.mark.parametrize("name", list(MANIFEST["files"]))
def test_each_authors_text_is_the_text_the_writer_was_told_to_make(name: str) -> None:
    package = revisions.open_package(str(DATA / name))
    for author, expected in MANIFEST["files"][name]["authors"].items():
        view = revisions.read_as(package, revisions.EVERY_AUTHOR if name in NAMED else author)
        assert texts(view) == expected, author
        assert not view.warnings
    if name not in NAMED:  # rejecting every revision gives the text sent back
        assert texts(revisions.read_as(package, revisions.NO_AUTHOR)) == MANIFEST["sent_texts"]


def _expected_proposals() -> set[tuple[str, str | None, str, str | None]]:
    """(author, paragraph, kind, after) for each edit a writer was told to make."""
    out = set()
    for author, edits in MANIFEST["edits"].items():
        for kind, *args in edits:
            if kind in ("replace", "insert"):
                out.add((author, args[0], "words", None))
            elif kind == "new":
                out.add((author, None, NEW_PARAGRAPH, args[0]))
            elif kind == "delete":
                out.add((author, args[0], DELETE_PARAGRAPH, None))
            elif kind == "move":
                out.add((author, args[0], MOVE, args[1]))
    return out


def test_every_proposal_is_attributed_to_its_delegation_at_its_paragraph(compiled: Compilation) -> None:
    found = {(p.author, p.paragraph, "words" if p.words else p.kind, p.after if p.kind in (NEW_PARAGRAPH, MOVE)
              else None) for p in compiled.proposals if p.kind != COMMENT}
    assert found == _expected_proposals()
    assert [p.id for p in compiled.proposals] == [f"P{n}" for n in range(1, len(compiled.proposals) + 1)]
    edits = {(author, args[0]): args for author, items in MANIFEST["edits"].items()
             for kind, *args in items if kind in ("replace", "insert")}
    for proposal in compiled.proposals:
        if not proposal.words:
            continue
        _label, *spec = edits[(proposal.author, proposal.paragraph)]
        old, new = (spec[0], spec[1]) if len(spec) == 2 and not spec[1].startswith(" ") else ("", spec[1])
        deleted = "".join(op.text for op in proposal.ops if op.op == "delete")
        inserted = "".join(op.text for op in proposal.ops if op.op == "insert")
        assert deleted.strip() in old.replace("*", "") and inserted.strip() in new.replace("*", ""), proposal
        block = compiled.by_label[proposal.paragraph or ""]
        assert shown(slice_content(block.content, proposal.start, proposal.end), compiled.sent) == deleted


@pytest.mark.parametrize("author", [a for info in MANIFEST["files"].values() for a in info["authors"]])
def test_taking_all_of_one_delegations_proposals_gives_exactly_its_text(
        author: str, sent: Resolution, compiled: Compilation) -> None:
    name = next(n for n, info in MANIFEST["files"].items() if author in info["authors"])
    package = revisions.open_package(str(DATA / name))
    own = revisions.read_as(package, revisions.EVERY_AUTHOR if name in NAMED else author)
    taken = take(sent, [p for p in compiled.proposals if p.author == author])
    assert texts(taken) == MANIFEST["files"][name]["authors"][author]
    assert full(taken) == full(own)
    assert texts(sent) == MANIFEST["sent_texts"]  # SENT itself is untouched


def test_the_conflicts_are_listed_and_the_rest_combine(sent: Resolution, compiled: Compilation) -> None:
    by_id = {p.id: p for p in compiled.proposals}
    listed = {frozenset((by_id[i].author, by_id[i].paragraph or by_id[i].after) for i in c.ids): tuple(c.reasons)
              for c in compiled.conflicts}
    eu, g77, russia = "European Union", "Group of 77 and China", "Russian Federation"
    assert listed == {
        frozenset({(eu, "OP4"), (russia, "OP4")}): (SAME_PLACE,),
        frozenset({(eu, "OP5"), (russia, "OP5")}): (OVERLAP,),
        frozenset({(eu, "OP13"), (russia, "OP13")}): (SAME_POINT,),
        frozenset({(g77, "OP9"), (russia, "OP9")}): (DELETED_CHANGED,),
    }
    assert [c.side_by_side for c in compiled.conflicts] == [True, False, True, False]
    # the United States and the Group of 77 both change OP12, at different words: they combine
    op12 = [p for p in compiled.proposals if p.paragraph == "OP12"]
    assert {p.author for p in op12} == {"United States", g77} and not any(p.id in compiled.conflict_of for p in op12)
    both = take(sent, op12).operatives()[11].text
    assert both.startswith("Encourages Member States") and "to contribute actively and constructively" in both
    free = [p for p in compiled.proposals if p.id not in compiled.alternatives()]
    combined = take(sent, free)  # every proposal but the alternatives, together
    assert len(combined.operatives()) == len(sent.operatives()) + 2 - 1  # two new, OP3 deleted
    with pytest.raises(ProposalClash):
        take(sent, [by_id[i] for i in compiled.conflicts[1].ids])


def test_comments_are_read_with_author_range_and_text(compiled: Compilation) -> None:
    comments = [(p.author, p.paragraph, p.comment, [op.text for op in p.ops]) for p in compiled.proposals
                if p.comment]
    edits = [(author, args) for author, items in MANIFEST["edits"].items() for kind, *args in items
             if kind == "comment"]
    assert len(comments) == len(edits)
    for author, (label, words, text) in edits:
        assert (author, label, text, [words]) in comments
    for name, writer in (("eu.docx", "LibreOffice"), ("russia.docx", "python-docx")):
        read = read_comments(revisions.open_package(str(DATA / name)))
        assert len(read) == 1, writer
        author, args = next((a, args) for a, args in edits if (a == "European Union") == (name == "eu.docx"))
        assert (read[0].author, read[0].words, read[0].text) == (author, args[1], args[2])
        assert read[0].date.startswith("20") and args[1] in read[0].before


def test_comments_written_by_word_are_read() -> None:
    read = read_comments(revisions.open_package(str(DATA / "word-comments.docx")))
    assert [(c.author, c.date, c.text, c.words, c.before) for c in read] == [
        ("Michael Williamson", "2016-07-03T15:10:00Z", "A tachyon walks into a bar.", "Ouch", "Ouch."),
        ("Michael Williamson", "2016-07-03T15:12:00Z", "Fin.", "", "Ouch."),
    ]


def test_proposals_round_trip_through_plain_data(sent: Resolution, compiled: Compilation) -> None:
    data = json.loads(json.dumps([p.to_dict() for p in compiled.proposals]))
    back = [Proposal.from_dict(item) for item in data]
    assert back == compiled.proposals
    back[0].state = "taken"
    assert Proposal.from_dict(back[0].to_dict()).state == "taken"
    assert full(take(sent, back[:5])) == full(take(sent, compiled.proposals[:5]))
    with pytest.raises(ValueError):
        Proposal.from_dict({**data[0], "state": "maybe"})


# --- the parts, on their own ------------------------------------------------------------------------
def _xml(body: str) -> etree._Element:
    return etree.fromstring(f'<w:document xmlns:w="{revisions.W}"><w:body>{body}</w:body></w:document>')


def _paragraphs(root: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(revisions.w("t"))) for p in root.iter(revisions.w("p"))]


def test_resolving_for_one_author_keeps_theirs_and_rejects_the_rest() -> None:
    def mark(kind: str, author: str, text: str, tag: str = "t") -> str:
        return f'<w:{kind} w:id="1" w:author="{author}"><w:r><w:{tag}>{text}</w:{tag}></w:r></w:{kind}>'

    body = (f'<w:p><w:r><w:t xml:space="preserve">Urges </w:t></w:r>{mark("del", "A", "all", "delText")}'
            f'{mark("ins", "A", "some")}<w:r><w:t xml:space="preserve"> States</w:t></w:r>'
            f'<w:ins w:id="2" w:author="B"><w:r><w:t xml:space="preserve"> now</w:t></w:r>'
            f'{mark("del", "A", " here", "delText")}</w:ins></w:p>'
            f'<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="B"/></w:rPr></w:pPr>{mark("del", "B", "Gone;", "delText")}'
            f'</w:p><w:p><w:r><w:t>Decides;</w:t></w:r></w:p>'
            f'<w:p><w:pPr><w:rPr><w:ins w:id="4" w:author="A"/></w:rPr></w:pPr>{mark("ins", "A", "New;")}</w:p>'
            f'<w:p><w:r><w:t>Last.</w:t></w:r></w:p>')
    root = _xml(body)
    assert _paragraphs(revisions.resolve_part(root, "A")) == ["Urges some States", "Gone;", "Decides;", "New;",
                                                              "Last."]
    assert _paragraphs(revisions.resolve_part(root, "B")) == ["Urges all States now here", "Decides;", "Last."]
    assert _paragraphs(revisions.resolve_part(root, revisions.NO_AUTHOR)) == ["Urges all States", "Gone;",
                                                                             "Decides;", "Last."]
    assert _paragraphs(revisions.resolve_part(root, revisions.EVERY_AUTHOR)) == ["Urges some States now",
                                                                                "Decides;", "New;", "Last."]
    resolved = etree.tostring(revisions.resolve_part(root, "A"))
    assert b"w:ins" not in resolved and b"w:del" not in resolved and b"delText" not in resolved


def test_changed_spans_rebuild_the_new_text_exactly() -> None:
    rng = random.Random(7)
    res = load(CORPUS / "A-RES-80-5.txt")
    paragraphs = [para for _label, para in res.labelled() if isinstance(para.content[-1], Text)
                  and " " in para.content[-1].text.strip()][:60]
    for para in paragraphs:
        *lead, last = para.content
        assert isinstance(last, Text)
        words = last.text.split(" ")
        for _ in range(3):
            edited = list(words)
            at = rng.randrange(1, len(edited))
            choice = rng.randrange(4)
            if choice == 0:
                del edited[at]
            elif choice == 1:
                edited.insert(at, "further")
            elif choice == 2:
                edited[at] = edited[at] + ","
            else:
                edited[at:at + 2] = ["in", "full", "cooperation"]
            old = (*lead, last, NoteRef("n1"))
            new = (*lead, Text(" ".join(edited)), NoteRef("n1"))
            spans = changed_spans(old, new, str, str)
            assert spans
            assert splice(old, [(a, slice_content(new, *b)) for a, b in spans]) == new
            assert all(a[0] <= a[1] and b[0] <= b[1] for a, b in spans)


def test_conflict_rules() -> None:
    def words(pid: str, author: str, start: int, end: int, text: str, label: str = "OP1") -> Proposal:
        return Proposal(pid, author, REPLACE, label, start=start, end=end, content=(Text(text),))

    a = words("P1", "A", 0, 5, "x")
    assert reason(a, words("P2", "B", 5, 9, "y")) is None  # touching, not overlapping
    assert reason(a, words("P2", "B", 4, 9, "y")) == OVERLAP
    assert reason(a, words("P2", "B", 0, 5, "x")) is None  # the same change: agreement
    assert reason(a, words("P2", "A", 0, 5, "y")) is None  # one delegation does not conflict with itself
    assert reason(a, words("P2", "B", 0, 5, "x", "OP2")) is None
    deleting = Proposal("P3", "C", DELETE_PARAGRAPH, "OP1")
    under = Proposal("P4", "B", NEW_PARAGRAPH, None, None, "operative", "OP1", block=Paragraph((Text("z"),)))
    groups = conflicts([a, words("P2", "B", 4, 9, "y"), deleting, under])
    assert [c.ids for c in groups] == [["P1", "P2", "P3", "P4"]]
    assert set(groups[0].reasons) == {OVERLAP, DELETED_CHANGED} and not groups[0].side_by_side
    assert all(kind in WORD_KINDS for kind in (a.kind,))


def test_footnotes_a_delegation_adds_or_drops_travel_with_its_proposals(sent: Resolution, tmp_path: Path) -> None:
    from drafter.model import Footnote
    from drafter.negotiate.compile_revisions import write_revisions

    text = sent.snapshot()
    op2 = text.operatives()[1]
    op2.content = normalize_runs((*op2.content, Text(" as noted"), NoteRef("added")))
    text.footnotes.insert(3, Footnote((Text("See A/76/100, para. 4."),), id="added"))
    pp3 = text.preambular()[2]
    dropped = next(item.note for item in pp3.content if isinstance(item, NoteRef))
    pp3.content = normalize_runs(item for item in pp3.content
                                 if not (isinstance(item, NoteRef) and item.note == dropped))
    text.footnotes = [note for note in text.footnotes if note.id != dropped]
    cited = list(dict.fromkeys(item.note for _label, para in text.labelled() for item in para.content
                               if isinstance(item, NoteRef)))
    text.footnotes = sorted(text.footnotes, key=lambda note: cited.index(note.id))  # numbered as cited
    proposals, warnings = find(sent, text, "Norway")
    assert not warnings
    assert [(p.kind, p.paragraph) for p in proposals] == [("delete", "PP3"), ("insert", "OP2")]
    assert list(proposals[1].notes) == ["added"]
    assert full(take(sent, proposals)) == full(text)
    data, _ = write_revisions(Compilation(sent, proposals), date="2026-12-01")
    back = tmp_path / "compiled.docx"
    back.write_bytes(data)
    package = revisions.open_package(str(back))
    assert full(revisions.read_as(package, "Norway")) == full(text)
    assert full(revisions.read_as(package, revisions.NO_AUTHOR)) == full(sent)


def test_untracked_differences_in_a_file_of_several_authors_are_named(sent: Resolution, tmp_path: Path) -> None:
    import zipfile

    source = DATA / "eu.docx"
    target = tmp_path / "eu-untracked.docx"
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as after:
        for info in before.infolist():
            data = before.read(info)
            if info.filename == "word/document.xml":
                assert data.count(b"one of the purposes") == 1
                data = data.replace(b"one of the purposes", b"one of the main purposes")
            after.writestr(info, data)
    compiled = compile_files(sent, [(str(target), None)])
    assert any("eu-untracked.docx" in w and "OP1" in w and "without tracked changes" in w for w in compiled.warnings)
    assert {p.author for p in compiled.proposals if p.paragraph == "OP1"} == {"European Union", "Canada"}
