"""`drafter compile`: the delegations' files of tests/data/negotiate as Word revisions by delegation (accepted
one delegation at a time, in pure Python and in LibreOffice, giving that delegation's text), as a compilation
text and as a table; --json; bad input ends in one line and exit code 2."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from drafter import cli, draftfile, importers
from drafter.edits.primitives import Document
from drafter.model import Resolution
from drafter.negotiate import revisions
from drafter.negotiate.apply import take
from drafter.negotiate.compilation import Compilation, compile_files
from tests import ooxml_review as review
from tests.core.test_proposals import DATA, FILES, MANIFEST, full, texts

SOFFICE = shutil.which("soffice")
W = revisions.W
ARGS = [str(DATA / "eu.docx"), str(DATA / "g77.docx"), f"{DATA / 'usa.docx'}=United States",
        str(DATA / "russia.docx")]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def sent() -> Resolution:
    return importers.load(str(DATA / "sent.docx"))


@pytest.fixture(scope="module")
def compiled(sent: Resolution) -> Compilation:
    return compile_files(sent, FILES)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three forms, written by the command."""
    folder = tmp_path_factory.mktemp("compiled")
    out = {}
    for form in ("revisions", "compilation", "table"):
        target = folder / f"{form}.docx"
        code, stdout, _err = run(["compile", str(DATA / "sent.docx"), *ARGS, "-o", str(target), "--as", form])
        assert code == 0 and stdout.strip() == str(target)
        out[form] = target
    assert sorted(p.name for p in folder.iterdir()) == ["compilation.docx", "revisions.docx", "table.docx"]
    return out


def tracked_of(compiled: Compilation, author: str) -> list[Any]:
    """An author's proposals the revisions form tracks: all but those listed as alternatives."""
    return [p for p in compiled.proposals if p.author == author and p.id not in compiled.alternatives()]


def test_json_lists_proposals_conflicts_and_warnings(compiled: Compilation) -> None:
    code, out, _err = run(["compile", str(DATA / "sent.docx"), *ARGS, "--json"])
    assert code == 0
    data = json.loads(out)
    assert data["base"] == "A/RES/76/159"
    assert [p["id"] for p in data["proposals"]] == [p.id for p in compiled.proposals]
    for item in data["proposals"]:
        assert {"id", "author", "kind", "paragraph", "after", "ops", "comment"} <= set(item)
    assert data["conflicts"] == [c.ids for c in compiled.conflicts] and len(data["conflicts"]) == 4
    assert data["warnings"] == []
    by_id = {p["id"]: p for p in data["proposals"]}
    assert {by_id[i]["author"] for i in data["conflicts"][1]} == {"European Union", "Russian Federation"}


def test_revisions_carry_each_delegation_as_author(written: dict[str, Path], compiled: Compilation) -> None:
    data = written["revisions"].read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        settings = archive.read("word/settings.xml")
        notes = etree.fromstring(archive.read("word/comments.xml"))
    authors = Counter(node.get(f"{{{W}}}author") for node in body.iter(*revisions.REVISIONS))
    assert set(authors) == set(compiled.authors)
    assert b"trackRevisions" in settings
    comments = {node.get(f"{{{W}}}id"): (node.get(f"{{{W}}}author"), "".join(node.itertext()))
                for node in notes.iter(f"{{{W}}}comment")}
    starts = [node.get(f"{{{W}}}id") for node in body.iter(f"{{{W}}}commentRangeStart")]
    ends = [node.get(f"{{{W}}}id") for node in body.iter(f"{{{W}}}commentRangeEnd")]
    assert sorted(starts) == sorted(ends) == sorted(comments)
    texts_by_author = [(author, text) for author, text in comments.values()]
    assert ("European Union", "Could the facilitator clarify the scope of prevention?") in texts_by_author
    assert ("Russian Federation", "The Russian Federation proposes a biennial cycle.") in texts_by_author
    conflict_notes = [text for author, text in texts_by_author if author == "Drafter"]
    assert len(conflict_notes) == 4
    assert any("alt 1 — European Union (P3)" in t and "alt 2 — Russian Federation" in t and "not tracked" in t
               for t in conflict_notes)
    ids = [node.get(f"{{{W}}}id") for node in body.iter(*revisions.REVISIONS)]
    assert len(ids) == len(set(ids))


def test_every_form_passes_the_ooxml_schema(written: dict[str, Path]) -> None:
    from openxml_audit import OpenXmlValidator

    for form, path in written.items():
        result = OpenXmlValidator().validate(str(path))
        assert result.is_valid, (form, [str(error) for error in result.errors][:5])


def test_accepting_one_delegation_gives_its_text_in_python(written: dict[str, Path], sent: Resolution,
                                                           compiled: Compilation) -> None:
    package = revisions.open_package(str(written["revisions"]))
    assert full(revisions.read_as(package, revisions.NO_AUTHOR)) == full(sent)
    for author in compiled.authors:
        view = revisions.read_as(package, author)
        assert full(view) == full(take(sent, tracked_of(compiled, author))), author
        if not any(p.author == author for p in compiled.proposals if p.id in compiled.alternatives()):
            name = next(n for n, info in MANIFEST["files"].items() if author in info["authors"])
            assert texts(view) == MANIFEST["files"][name]["authors"][author], author
    # the test suite's own reader of revisions: everything accepted, everything rejected
    everything = [p for p in compiled.proposals if p.id not in compiled.alternatives()]
    data = written["revisions"].read_bytes()
    for accept, expected in ((True, take(sent, everything)), (False, sent)):
        resolved = written["revisions"].with_name(f"resolved-{accept}.docx")
        resolved.write_bytes(review.resolved_docx(data, accept_all=accept))
        assert texts(importers.load(str(resolved))) == texts(expected)


# --- LibreOffice as the reader ---------------------------------------------------------------------
_ODF = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "dc": "http://purl.org/dc/elements/1.1/"}


def _t(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{_ODF[prefix]}}}{name}"


def odt_paragraphs(content: bytes, author: str) -> list[str]:
    """The paragraphs of LibreOffice's content.xml with `author`'s changes accepted and all others rejected."""
    root = etree.fromstring(content)
    regions: dict[str, tuple[str, str, list[etree._Element]]] = {}
    for region in root.iter(_t("text:changed-region")):
        change = region[0]
        creator = "".join(change.find(f"{_t('office:change-info')}/{_t('dc:creator')}").itertext())
        deleted = [para for para in change.iter(_t("text:p"), _t("text:h"))
                   if not any(a.tag == _t("text:note") for a in para.iterancestors())]
        regions[region.get(_t("text:id")) or ""] = (etree.QName(change).localname, creator, deleted)
    stream: list[str | None] = []  # text, None for a paragraph break
    hidden: set[str] = set()

    def visible() -> bool:
        return not any(regions[i][1] != author for i in hidden)

    def inline(node: etree._Element, restoring: bool = False) -> None:
        if node.text and (restoring or visible()):
            stream.append(node.text)
        for child in node:
            tag = child.tag
            if tag == _t("text:change-start") and regions[child.get(_t("text:change-id")) or ""][0] == "insertion":
                hidden.add(child.get(_t("text:change-id")) or "")
            elif tag == _t("text:change-end"):
                hidden.discard(child.get(_t("text:change-id")) or "")
            elif tag == _t("text:change"):
                kind, creator, deleted = regions[child.get(_t("text:change-id")) or ""]
                if kind == "deletion" and creator != author:
                    for index, para in enumerate(deleted):
                        if index:
                            stream.append(None)
                        inline(para, restoring=True)
            elif tag == _t("text:s"):
                stream.append(" " * int(child.get(_t("text:c"), "1")))
            elif tag not in (_t("text:note"), _t("office:annotation")):
                inline(child, restoring)
            if child.tail and (restoring or visible()):
                stream.append(child.tail)

    body = root.find(f"{_t('office:body')}/{_t('office:text')}")
    assert body is not None
    for para in body.iter(_t("text:p"), _t("text:h")):
        if any(a.tag in (_t("text:note"), _t("office:annotation"), _t("text:tracked-changes"))
               for a in para.iterancestors()):
            continue
        inline(para)
        if visible():
            stream.append(None)
    out, current = [], []
    for piece in stream:
        if piece is None:
            out.append(" ".join("".join(current).split()))
            current = []
        else:
            current.append(piece)
    return [text for text in out if text]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_accepting_one_delegation_gives_its_text_in_libreoffice(written: dict[str, Path], sent: Resolution,
                                                                compiled: Compilation, tmp_path: Path) -> None:
    subprocess.run([str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(written["revisions"])],
                   check=True, capture_output=True, timeout=240)
    with zipfile.ZipFile(tmp_path / "revisions.odt") as archive:
        content = archive.read("content.xml")
    creators = {"".join(node.itertext()) for node in etree.fromstring(content).iter(_t("dc:creator"))}
    assert set(compiled.authors) <= creators
    for author in [*compiled.authors, "nobody"]:
        expected = texts(take(sent, tracked_of(compiled, author)))
        paragraphs = odt_paragraphs(content, author)
        first = paragraphs.index(expected[0])
        assert paragraphs[first:first + len(expected)] == [" ".join(t.split()) for t in expected], author
        if author == "United States":
            assert paragraphs[first:first + len(expected)] == MANIFEST["files"]["usa.docx"]["authors"][author]
    assert odt_paragraphs(content, "nobody")[first:first + len(texts(sent))] == texts(sent)


# --- the compilation text and the table ------------------------------------------------------------
def _body_paragraphs(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in body.iter(f"{{{W}}}p")]


def test_compilation_text_lists_each_delegations_proposal_under_its_paragraph(written: dict[str, Path],
                                                                              sent: Resolution) -> None:
    lines = _body_paragraphs(written["compilation"])
    labels = [label for label, _para in sent.labelled()]
    at = [next(i for i, line in enumerate(lines) if line.startswith(f"{label}\t")) for label in labels]
    assert at == sorted(at)  # every paragraph of SENT, in order
    def under(label: str) -> list[str]:
        start = lines.index(next(line for line in lines if line.startswith(f"{label}\t")))
        end = next((i for i in range(start + 1, len(lines)) if re.match(r"(PP|OP)\d+\t", lines[i])), len(lines))
        return lines[start + 1:end]
    assert [line.split(":")[0] for line in under("OP4")] == ["OP4 bis — European Union", "OP4 ter — Russian Federation"]
    assert [line.split(":")[0] for line in under("OP5")] == ["OP5 alt 1 — European Union",
                                                             "OP5 alt 2 — Russian Federation"]
    assert any(line.startswith("OP9 alt") and "Russian Federation" in line and "delete the paragraph" in line
               for line in under("OP9"))
    assert [line.split(":")[0] for line in under("OP12")] == ["Group of 77 and China", "United States"]
    assert [line.split(":")[0] for line in under("OP13")] == ["OP13 alt 1 — European Union",
                                                              "OP13 alt 2 — Russian Federation"]
    assert any("comment" in line and "Could the facilitator clarify" in line for line in under("OP7"))
    assert "[PP15 moved here — Russian Federation]" in under("PP13")
    with zipfile.ZipFile(written["compilation"]) as archive:
        document = archive.read("word/document.xml").decode()
    assert 'w:val="Inserted"' in document and 'w:val="Deleted"' in document and "<w:ins " not in document


def test_table_has_a_row_per_paragraph_with_proposals_and_status(written: dict[str, Path], sent: Resolution) -> None:
    with zipfile.ZipFile(written["table"]) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    rows = [["".join(t.text or "" for t in cell.iter(f"{{{W}}}t")) for cell in row.iter(f"{{{W}}}tc")]
            for row in body.iter(f"{{{W}}}tr")]
    assert rows[0] == ["Paragraph", "Proposals by delegation", "Status"]
    heads = [row[0].split("  ")[0] for row in rows[1:]]
    assert [h for h in heads if re.fullmatch(r"(PP|OP)\d+", h)] == [label for label, _p in sent.labelled()]
    assert "OP4 bis" in heads and "OP4 ter" in heads
    row = dict((r[0].split("  ")[0], r) for r in rows[1:])
    assert row["OP5"][2].startswith("conflict: P3, P15 (overlapping words)")
    assert "European Union (P3)" in row["OP5"][1] and "Russian Federation (P15)" in row["OP5"][1]
    assert row["OP1"][2] == "no proposals" and row["OP3"][2] == "open"


def test_sent_may_be_a_draft_file(tmp_path: Path, sent: Resolution, compiled: Compilation) -> None:
    draft = tmp_path / "sent.drafter"
    draftfile.save(Document.from_base(sent), draft)
    code, out, _err = run(["compile", str(draft), *ARGS, "--json"])
    assert code == 0
    assert [(p["author"], p["kind"], p["paragraph"], p["ops"]) for p in json.loads(out)["proposals"]] == \
        [(p.author, p.kind, p.paragraph, [{"op": o.op, "text": o.text} for o in p.ops]) for p in compiled.proposals]


def test_bad_input_ends_in_one_line_and_leaves_the_output_alone(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 4)
    sent, usa = str(DATA / "sent.docx"), str(DATA / "usa.docx")
    cases = {
        "missing SENT": ["compile", str(tmp_path / "none.docx"), usa + "=US", "-o", str(target)],
        "missing file": ["compile", sent, str(tmp_path / "none.docx"), "-o", str(target)],
        "clean copy without a name": ["compile", sent, usa, "-o", str(target)],
        "empty name": ["compile", sent, usa + "=", "-o", str(target)],
        "not a zip": ["compile", sent, str(broken), "-o", str(target)],
        "binary SENT": ["compile", str(garbage), usa + "=US", "-o", str(target)],
        "not .docx": ["compile", sent, usa + "=US", "-o", str(tmp_path / "out.txt")],
        "no folder": ["compile", sent, usa + "=US", "-o", str(tmp_path / "missing" / "out.docx")],
        "no output": ["compile", sent, usa + "=US"],
        "bad form": ["compile", sent, usa + "=US", "-o", str(target), "--as", "poster"],
    }
    for case, argv in cases.items():
        code, out, err = run(argv)
        assert code == 2, case
        assert err.count("\n") == 1 and err.startswith("drafter"), (case, err)
        assert "Traceback" not in err and out == "", case
        assert target.read_bytes() == b"previous", case
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.docx", "garbage.bin", "out.docx"]


def test_two_processes_read_the_same_proposals_and_a_bad_file_still_ends_in_its_own_line(
        tmp_path: Path, sent: Resolution, compiled: Compilation) -> None:
    parallel = compile_files(sent, FILES, jobs=2)
    def seen(proposals: list[Any]) -> list[tuple[Any, ...]]:  # all but the new paragraphs' ids, made anew per read
        return [(p.id, p.author, p.kind, p.paragraph, p.after, p.start, p.end, p.content, p.ops, p.comment)
                for p in proposals]
    assert seen(parallel.proposals) == seen(compiled.proposals) and len(parallel.conflicts) == 4
    assert parallel.warnings == compiled.warnings
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    serial = run(["compile", str(DATA / "sent.docx"), *ARGS, str(broken), "--json"])
    code, out, err = run(["compile", str(DATA / "sent.docx"), *ARGS, str(broken), "--json", "--jobs", "2"])
    assert (code, out, err) == serial and code == 2
    assert err.count("\n") == 1 and "broken.docx" in err and "Traceback" not in err
