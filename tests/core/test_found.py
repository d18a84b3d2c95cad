"""A paragraph found in the library, inserted into a draft (drafter.found): where it goes, that it remembers
its source through edits, saves, older draft files and the journal. The paragraphs are found by a real
search of a library made in a temporary folder from corpus texts (tests/data/corpus)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter import draftfile, edits, load, serialize
from drafter.edits import Document
from drafter.found import insert_found
from drafter.library import Hit, Library
from drafter.model import Paragraph, Text
from drafter.parts import OPERATIVE, PREAMBLE
from tests.core.test_journal import round_trip
from tests.corpus import CORPUS

DRAFTS = Path(__file__).resolve().parents[1] / "data" / "draftfiles"
TEXTS = ["A-RES-80-13.txt", "A-RES-80-31.txt", "A-RES-80-48.txt", "A-RES-75-180.txt"]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("library")
    with Library(folder) as opened:
        report = opened.add([CORPUS / name for name in TEXTS])
        assert len(report.added) == len(TEXTS) and not report.failed
        yield opened


def found(library: Library, phrase: str, part: str) -> Hit:
    hits = [hit for hit in library.search(phrase, part=part).results if hit.match == "exact"]
    assert hits, phrase
    return hits[0]


def draft() -> Document:
    return Document.from_base(load(str(CORPUS / "A-RES-80-11.txt")), "A-RES-80-11.txt")


def inserted(doc: Document, key: str) -> Paragraph:
    para = edits.find(doc.draft, key)
    assert isinstance(para, Paragraph)
    return para


def test_an_operative_paragraph_goes_after_the_cursors_and_is_numbered_there(library: Library) -> None:
    doc = draft()
    hit = found(library, "Indian Ocean as a zone of peace", OPERATIVE)
    assert hit.symbol == "A/RES/80/13" and hit.label.startswith("OP")
    third = doc.draft.operatives()[2]
    sub = third.children[0].id if third.children else third.id  # inside a sub-paragraph: after its paragraph
    count = len(doc.draft.operatives())
    edit, key = insert_found(doc, hit.text, hit.symbol, hit.label, sub)
    edit.apply(doc)
    assert [p.id for p in doc.draft.operatives()].index(key) == 3
    assert len(doc.draft.operatives()) == count + 1
    assert doc.draft.labels()[key] == "OP4"
    para = inserted(doc, key)
    assert para.source == f"A/RES/80/13 {hit.label}"
    assert para.text == " ".join(hit.text.split())
    assert isinstance(para.content[0], Text) and para.content[0].italic  # its lead word, as typed ones are
    edit.revert(doc)
    assert edits.find(doc.draft, key) is None and len(doc.draft.operatives()) == count


def test_a_preambular_paragraph_goes_to_the_preamble_wherever_the_cursor_is(library: Library) -> None:
    doc = draft()
    hit = found(library, "full and effective participation", PREAMBLE)
    assert hit.label.startswith("PP")
    for current, index in ((doc.draft.preambular()[1].id, 2), (doc.draft.operatives()[0].id, None), ("", None)):
        edit, key = insert_found(doc, hit.text, hit.symbol, hit.label, current)
        edit.apply(doc)
        place = [p.id for p in doc.draft.preambular()].index(key)
        assert place == (index if index is not None else len(doc.draft.preambular()) - 1)
        edit.revert(doc)


def test_an_operative_paragraph_with_the_cursor_in_the_preamble_opens_the_operative_part(library: Library) -> None:
    doc = draft()
    hit = found(library, "Indian Ocean as a zone of peace", OPERATIVE)
    edit, key = insert_found(doc, hit.text, hit.symbol, hit.label, doc.draft.preambular()[0].id)
    edit.apply(doc)
    assert doc.draft.operatives()[0].id == key and doc.draft.labels()[key] == "OP1"


def test_the_source_survives_edits_of_the_paragraph(library: Library) -> None:
    doc = draft()
    hit = found(library, "Indian Ocean as a zone of peace", OPERATIVE)
    edit, key = insert_found(doc, hit.text, hit.symbol, hit.label, doc.draft.operatives()[0].id)
    edit.apply(doc)
    source = inserted(doc, key).source
    para = inserted(doc, key)
    steps = [edits.set_content(doc, key, [*para.content, Text(" and beyond")]),
             edits.move(doc, key, 1),
             edits.toggle_kind(doc, key),
             edits.toggle_kind(doc, key),
             edits.split(doc, key, 12)]
    for step in steps:
        assert step is not None
        step.apply(doc)
        assert inserted(doc, key).source == source
    assert not inserted(doc, key).text.endswith("and beyond")  # the split took the end to a new paragraph
    pasted = edits.paste_text(doc, key, 5, "in particular:\n(a) the coastal States;\n(b) the other States;")
    pasted.edit.apply(doc)
    assert [child.text for child in inserted(doc, key).children][:1] == ["the coastal States;"]
    assert inserted(doc, key).source == source  # a paste that gives it sub-paragraphs keeps it too
    assert sum(1 for block in doc.draft.blocks() if isinstance(block, Paragraph) and block.source) == 1


def test_the_source_is_saved_and_a_text_without_sources_is_written_as_before(library: Library,
                                                                            tmp_path: Path) -> None:
    doc = draft()
    path = tmp_path / "plain.drafter"
    draftfile.save(doc, path)
    assert json.loads(path.read_text("utf-8"))["draft"]["version"] == 1  # older readers still open it
    hit = found(library, "Indian Ocean as a zone of peace", OPERATIVE)
    edit, key = insert_found(doc, hit.text, hit.symbol, hit.label, doc.draft.operatives()[1].id)
    edit.apply(doc)
    draftfile.save(doc, path)
    data = json.loads(path.read_text("utf-8"))
    assert data["draft"]["version"] == serialize.FORMAT_VERSION == 3 and data["base"]["version"] == 1
    back = draftfile.read(path)
    assert inserted(back, key).source == f"{hit.symbol} {hit.label}"
    assert serialize.to_dict(back.draft) == serialize.to_dict(doc.draft)


@pytest.mark.parametrize("name", ["format-1.drafter", "format-2.drafter"])
def test_older_draft_files_open_and_take_a_source(library: Library, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(DRAFTS / name, path)
    doc = draftfile.read(path)
    before = serialize.to_dict(doc.draft)
    assert not any(isinstance(block, Paragraph) and block.source for block in doc.draft.blocks())
    hit = found(library, "full and effective participation", PREAMBLE)
    edit, key = insert_found(doc, hit.text, hit.symbol, hit.label, doc.draft.preambular()[0].id)
    edit.apply(doc)
    draftfile.save(doc, path)
    back = draftfile.read(path)
    assert inserted(back, key).source == f"{hit.symbol} {hit.label}"
    edit.revert(back)
    assert serialize.to_dict(back.draft) == before  # nothing else of the older file changed


def test_a_text_of_a_newer_format_is_refused_not_read_without_its_sources(tmp_path: Path) -> None:
    data = serialize.to_dict(draft().draft)
    data["version"] = serialize.FORMAT_VERSION + 1
    with pytest.raises(ValueError, match="newer Drafter"):
        serialize.from_dict(data)


def test_the_insert_is_journaled_and_read_back_with_its_source(library: Library) -> None:
    doc = draft()
    hit = found(library, "Indian Ocean as a zone of peace", OPERATIVE)
    edit, _key = insert_found(doc, hit.text, hit.symbol, hit.label, doc.draft.operatives()[0].id)
    round_trip(doc, edit)  # applied, written as the journal writes it, read back: the same draft


def test_nothing_to_insert_is_said(library: Library) -> None:
    with pytest.raises(edits.EditError, match="A/RES/80/13 OP2 has no text"):
        insert_found(draft(), "  ", "A/RES/80/13", "OP2")
