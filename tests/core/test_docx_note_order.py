"""Footnotes of the Word exports in the order of their references, as every reader needs them.

Word finds a note by its w:id; LibreOffice gives the k-th footnote reference of the body the k-th note of
footnotes.xml. So each note is referenced once by a w:footnoteReference (a note cited again is a NOTEREF
field), the ids run 1, 2, 3 … in the order of the references, deleted and moved-away ones included, and
footnotes.xml holds the notes in that order. LibreOffice's own accept-all and reject-all (run by a macro)
must then give the draft's notes and the base's notes, each against its own reference.

Also here: an export never changes the models it is given (the corpus models are shared by all tests).
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import drafter
from drafter.edits import Document, citation_order, delete_range, insert_footnote, move
from drafter.edits.primitives import Compound, cited_notes
from drafter.exporters.docx_clean import write_clean
from drafter.exporters.docx_redline import write_redline, write_table
from drafter.exporters.docx_tracked import write_tracked
from drafter.model import NoteRef, Resolution, Text
from drafter.serialize import to_dict
from tests import ooxml_review
from tests.core.test_docx_export import PAIRS, check_tracked, synthetic
from tests.corpus import CORPUS, load

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample-A-RES-72-169.txt"
DATE = "2026-11-29T10:00:00Z"


# --- drafts made from the bundled sample with the editing actions ------------------------------
def _offset_of(content: list, note: str) -> int:
    """The editing offset of a footnote reference: characters of text, one per reference."""
    at = 0
    for item in content:
        if isinstance(item, NoteRef) and item.note == note:
            return at
        at += len(item.text) if isinstance(item, Text) else 1
    raise AssertionError(f"no reference to {note}")


def _apply(doc: Document, edit: Compound | None) -> None:
    assert edit is not None, "the edit could not be made"
    edit.apply(doc)


def _pp3_deleted(doc: Document) -> None:
    pp3, pp4 = doc.draft.preamble[2], doc.draft.preamble[3]
    _apply(doc, delete_range(doc, pp3.id, 0, pp4.id, 0))


def _pp1_deleted(doc: Document) -> None:
    """PP1 cites note 1, which OP15 cites again: in the base OP15 repeats the note, in the draft it is its
    only citation."""
    pp1, pp2 = doc.draft.preamble[0], doc.draft.preamble[1]
    _apply(doc, delete_range(doc, pp1.id, 0, pp2.id, 0))


def _only_citation_deleted(doc: Document) -> None:
    pp3 = doc.draft.preamble[2]
    note = next(item.note for item in pp3.content if isinstance(item, NoteRef))
    at = _offset_of(pp3.content, note)
    _apply(doc, delete_range(doc, pp3.id, at, pp3.id, at + 1))


def _note_inserted_before_deleted_paragraph(doc: Document) -> None:
    pp2 = doc.draft.preamble[1]
    _apply(doc, insert_footnote(doc, pp2.id, len(pp2.text) - 1, [Text("Resolution 70/1.")]))
    _pp3_deleted(doc)


def _paragraph_with_notes_moved_down(doc: Document) -> None:
    pp3 = doc.draft.preamble[2]
    _apply(doc, move(doc, pp3.id, 1))
    _apply(doc, move(doc, pp3.id, 1))


SAMPLE_EDITS: dict[str, Callable[[Document], None]] = {
    "PP3 deleted": _pp3_deleted,
    "a note's only citation deleted": _only_citation_deleted,
    "PP1 deleted, its note cited again later": _pp1_deleted,
    "a note inserted before a deleted paragraph": _note_inserted_before_deleted_paragraph,
    "a paragraph citing notes moved down": _paragraph_with_notes_moved_down,
}


def sample_draft(name: str) -> tuple[Resolution, Resolution]:
    doc = Document.from_base(drafter.load(str(SAMPLE)))
    SAMPLE_EDITS[name](doc)
    return doc.base, doc.draft


# --- the order of references and notes in the file ---------------------------------------------
def reference_and_note_ids(data: bytes) -> tuple[list[str], list[str]]:
    """The w:id of each footnote reference in body order, and of each note in footnotes.xml order."""
    parts = ooxml_review.read(data)
    assert parts.footnotes is not None
    refs = [ref.get(ooxml_review.q("id"), "") for ref in parts.document.iter(ooxml_review.q("footnoteReference"))]
    notes = [note.get(ooxml_review.q("id"), "") for note in parts.footnotes.iter(ooxml_review.q("footnote"))
             if note.get(ooxml_review.q("type"), "normal") == "normal"]
    return refs, notes


def assert_notes_in_reference_order(data: bytes) -> None:
    refs, notes = reference_and_note_ids(data)
    numbered = [str(n) for n in range(1, len(refs) + 1)]
    assert refs == numbered, f"references must be numbered in order, once each: {refs}"
    assert notes == numbered, f"footnotes.xml must hold the notes in the order of their references: {notes}"


@pytest.mark.parametrize("name", list(SAMPLE_EDITS))
def test_tracked_export_numbers_notes_in_reference_order(name: str) -> None:
    old, new = sample_draft(name)
    assert_notes_in_reference_order(write_tracked(old, new, date=DATE)[0])
    # and Word (notes found by id) reads the draft on accepting all, the base on rejecting all
    assert_notes_in_reference_order(check_tracked(old, new))


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p[0]}->{p[1]}")
def test_corpus_exports_number_notes_in_reference_order(pair: tuple[str, str]) -> None:
    old, new = load(CORPUS / pair[0]), load(CORPUS / pair[1])
    for data in (write_tracked(old, new, date=DATE)[0], write_tracked(old, new, date=DATE, track_front=True)[0],
                 write_redline(old, new), write_clean(old), write_clean(new)):
        assert_notes_in_reference_order(data)


@pytest.mark.parametrize("case", synthetic(), ids=lambda c: c[0])
def test_synthetic_edits_number_notes_in_reference_order(case: tuple[str, Resolution, Resolution]) -> None:
    _name, old, new = case
    assert_notes_in_reference_order(write_tracked(old, new, date=DATE)[0])


# --- exports leave their models as they were ------------------------------------------------
EXPORTERS: dict[str, Callable[[Resolution, Resolution], object]] = {
    "clean": lambda old, new: (write_clean(old), write_clean(new)),
    "tracked": lambda old, new: write_tracked(old, new, date=DATE),
    "tracked front": lambda old, new: write_tracked(old, new, date=DATE, track_front=True),
    "redline": write_redline,
    "table": write_table,
}


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p[0]}->{p[1]}")
def test_exports_leave_their_models_unchanged(pair: tuple[str, str]) -> None:
    old, new = load(CORPUS / pair[0]), load(CORPUS / pair[1])
    before = to_dict(old), to_dict(new)
    for name, export in EXPORTERS.items():
        export(old, new)
        assert (to_dict(old), to_dict(new)) == before, f"the {name} export changed its models"


def test_sample_exports_leave_their_models_unchanged() -> None:
    for name in SAMPLE_EDITS:
        old, new = sample_draft(name)
        before = copy.deepcopy((to_dict(old), to_dict(new)))
        for label, export in EXPORTERS.items():
            export(old, new)
            assert (to_dict(old), to_dict(new)) == before, f"the {label} export changed its models ({name})"


# --- LibreOffice's accept all and reject all ---------------------------------------------------
SOFFICE = shutil.which("soffice")
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# A Basic macro: each .docx of a folder opened, all its changes accepted (rejected), saved as NAME-accept.odt
# (NAME-reject.odt) and NAME-accept.pdf (NAME-reject.pdf) next to it.
MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Store(doc As Object, url As String, filter As String)
  Dim props(0) As New com.sun.star.beans.PropertyValue
  props(0).Name = "FilterName"
  props(0).Value = filter
  doc.storeToURL(url, props())
End Sub

Sub Resolve(folder As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = "Hidden"
  hidden(0).Value = True
  Dim names(99) As String
  Dim count As Integer
  name = Dir(folder &amp; "/*.docx")
  Do While name &lt;&gt; ""
    names(count) = name
    count = count + 1
    name = Dir()
  Loop
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  For i = 0 To count - 1
    stem = Left(names(i), Len(names(i)) - 5)
    For Each mode In Array("Accept", "Reject")
      doc = StarDesktop.loadComponentFromURL(ConvertToURL(folder &amp; "/" &amp; names(i)), "_blank", 0, hidden())
      frame = doc.getCurrentController().getFrame()
      helper.executeDispatch(frame, ".uno:" &amp; mode &amp; "AllTrackedChanges", "", 0, Array())
      target = folder &amp; "/" &amp; stem &amp; "-" &amp; LCase(mode)
      Store(doc, ConvertToURL(target &amp; ".odt"), "writer8")
      Store(doc, ConvertToURL(target &amp; ".pdf"), "writer_pdf_Export")
      doc.close(True)
    Next mode
  Next i
End Sub
</script:module>
"""


def _soffice(profile: Path, *args: str) -> None:
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation={profile.as_uri()}", *args],
                   check=True, capture_output=True, timeout=300)


def libreoffice_resolve(folder: Path) -> None:
    """Accept and reject all changes of every .docx in `folder` with LibreOffice itself."""
    profile = folder / "lo-profile"
    _soffice(profile, "--terminate_after_init")  # a fresh profile, with its Standard Basic library
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.exists(), "LibreOffice made no Basic library in its profile"
    module.write_text(MACRO, "utf-8")
    _soffice(profile, f"macro:///Standard.Module1.Resolve(\"{folder}\")")


def odt_notes(path: Path) -> list[tuple[str, list[str]]]:
    """(printed number, words) of each footnote of an .odt, in the order LibreOffice places them."""
    with zipfile.ZipFile(path) as odt:
        root = etree.fromstring(odt.read("content.xml"))
    ns = {"text": ODF_TEXT}
    body = root.find(".//{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text")
    assert body is not None
    assert not body.findall(".//text:tracked-changes/text:changed-region", ns), f"{path.name} kept changes"
    out = []
    for note in body.iterfind(".//text:note", ns):
        number = note.findtext("text:note-citation", namespaces=ns) or ""
        text = " ".join(note.find("text:note-body", ns).itertext())  # type: ignore[union-attr]
        out.append((number, ooxml_review._WORD.findall(text)))
    return out


def model_notes(res: Resolution) -> list[tuple[str, list[str]]]:
    """(number, words) of each cited footnote of a model, in the order of first citation."""
    cited = cited_notes(res)
    order = [note_id for note_id in citation_order(res) if note_id in cited]
    notes = {note.id: note for note in res.footnotes}
    return [(str(index), ooxml_review._WORD.findall(notes[note_id].text)) for index, note_id in enumerate(order, 1)]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_accept_and_reject_all_give_each_reference_its_note(tmp_path: Path) -> None:
    cases = {f"case{index}": sample_draft(name) for index, name in enumerate(SAMPLE_EDITS)}
    for stem, (old, new) in cases.items():
        (tmp_path / f"{stem}.docx").write_bytes(write_tracked(old, new, date=DATE)[0])
    libreoffice_resolve(tmp_path)
    for (stem, (old, new)), name in zip(cases.items(), SAMPLE_EDITS, strict=True):
        assert odt_notes(tmp_path / f"{stem}-accept.odt") == model_notes(new), f"accept all: {name}"
        assert odt_notes(tmp_path / f"{stem}-reject.odt") == model_notes(old), f"reject all: {name}"
