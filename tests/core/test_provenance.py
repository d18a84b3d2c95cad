"""Provenance: where each paragraph of a text comes from, checked on the real series of A/RES/76/159.

What is expected is worked out with the comparer (`drafter.compare`) between the texts of the series,
not with the library: a paragraph the comparer finds unchanged since 75/180 must be verbatim and trace
to 75/180 (and to 72/169 where it is unchanged since then too); a paragraph it finds changed must be
edited, against 75/180, with the words the comparer finds new.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import drafter
from drafter import cli
from drafter.compare import compare
from drafter.library import Library, Provenance
from drafter.library.matching import words
from drafter.model import Resolution, Text
from tests.corpus import CORPUS, TEXTS, load
from tests.docx_fixtures import Para, resolution_72_169, write_docx

SOFFICE = shutil.which("soffice")
DRAFT = CORPUS / "A-RES-76-159.txt"
NEW_OP = ("Encourages States to exchange, on a voluntary basis, their experience of the protection of human rights "
          "defenders working in rural and remote areas;")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("library")
    with Library(path) as library:
        assert len(library.add(TEXTS).added) == len(TEXTS)
    return path


@pytest.fixture
def library(folder: Path) -> Iterator[Library]:
    with Library(folder) as opened:
        yield opened


def _words(text: str) -> list[str]:
    """The words of a piece of the comparer's ops, footnote markers left out."""
    return words(re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", text))


def _changes(old: Resolution, new: Resolution) -> dict[str, tuple[str, Counter[str]]]:
    """Label in `new` → (its label in `old`, the words it gains net) for each paragraph whose words changed,
    and label → (old label, empty) for the paragraphs that only moved up or down."""
    labels = new.labels()
    out: dict[str, tuple[str, Counter[str]]] = {}
    for change in compare(old, new).changes:
        if change.part not in ("preamble", "operative") or not change.new_ids:
            continue
        gained = Counter(_words(" ".join(op.text for op in change.ops if op.op == "insert")))
        lost = Counter(_words(" ".join(op.text for op in change.ops if op.op == "delete")))
        out[labels[change.new_ids[0]]] = (change.old_label or "", gained - lost)
    return out


def _net(found: Provenance) -> Counter[str]:
    return Counter(words(" ".join(found.added))) - Counter(words(" ".join(found.removed)))


def _check_series(traced: list[tuple[str, Provenance]], earlier: str, earliest: str) -> None:
    """`traced` is the provenance of A/RES/76/159 in a library holding `earlier` (75/180) and `earliest`
    (72/169) but not 76/159 itself (or not as a source)."""
    draft = load(DRAFT)
    since_75 = _changes(load(CORPUS / "A-RES-75-180.txt"), draft)
    since_72 = _changes(load(CORPUS / "A-RES-72-169-clean.txt"), draft)
    assert all(not gained or old == label for label, (old, gained) in since_75.items())
    assert [label for label, _p in traced] == [label for label, _p in draft.labelled()]
    assert sum(1 for label in since_75 if since_75[label][1]) >= 8  # the series really changed
    for label, found in traced:
        assert found.latest is not None and found.earliest is not None, label
        assert "A/RES/76/159" not in {s.symbol for s in found.sources}, label
        assert (found.latest.symbol, found.latest.label) == (earlier, label), label
        unchanged = label not in since_75 or not since_75[label][1]
        if unchanged:
            assert found.status == "verbatim", label
            assert all(op.op == "equal" for op in found.ops), label
            if label not in since_72 or not since_72[label][1]:  # also unchanged since 72/169
                old_label = since_72[label][0] if label in since_72 else label
                assert (found.earliest.symbol, found.earliest.label) == (earliest, old_label), label
        else:
            assert found.status == "edited", label
            assert found.nearest is not None and (found.nearest.symbol, found.nearest.label) == (earlier, label)
            assert _net(found) == since_75[label][1], label
            assert found.earliest.date <= found.latest.date


def test_the_series_of_76_159(library: Library) -> None:
    traced = library.provenance_of(str(DRAFT))  # 76/159 is in the library: never its own source
    _check_series(traced, "A/RES/75/180", "A/RES/72/169")
    found = dict(traced)
    assert found["PP3"].status == "edited"  # the recall chain brought up to date is not new language
    assert any(op.technical for op in found["PP3"].ops)
    assert found["OP1"].added == ["all", "for all"] and found["OP1"].removed == []
    assert found["OP17"].added == ["seventy-seventh"] and found["OP17"].removed == ["seventy-sixth"]


def test_the_file_itself_is_left_out_by_content_and_by_symbol(library: Library, tmp_path: Path) -> None:
    renamed = tmp_path / "renamed.txt"
    shutil.copy(DRAFT, renamed)  # the same bytes under another name: left out by its hash
    assert {s.symbol for _l, p in library.provenance_of(str(renamed)) for s in p.sources} == {
        "A/RES/72/169", "A/RES/75/180"}
    edited = tmp_path / "edited.txt"  # other bytes, the same symbol: left out by its symbol
    edited.write_text(DRAFT.read_text(encoding="utf-8").replace("Urges States to take", "Urges all States to take"),
                      encoding="utf-8")
    traced = dict(library.provenance_of(str(edited)))
    assert "A/RES/76/159" not in {s.symbol for p in traced.values() for s in p.sources}
    assert traced["OP13"].added == ["all"]
    retitled = tmp_path / "draft.txt"  # a draft of another symbol: 76/159 is its latest source
    retitled.write_text(DRAFT.read_text(encoding="utf-8").replace("A/RES/76/159", "A/C.3/77/L.12"), encoding="utf-8")
    traced = dict(library.provenance_of(str(retitled)))
    assert all(p.latest is not None and p.latest.symbol == "A/RES/76/159" and p.status == "verbatim"
               for p in traced.values())


def test_a_new_paragraph_in_a_word_draft(library: Library, tmp_path: Path) -> None:
    """A draft written with python-docx: 76/159's paragraphs, PP3 brought up to date, and a new OP6."""
    source = load(DRAFT)
    pps = [p.text for p in source.preambular()]
    pps[2] = pps[2].replace("75/180 of 16 December 2020", "76/159 of 16 December 2021")
    ops = [p.text for p in source.operatives()]
    ops.insert(5, NEW_OP)
    head = ["United Nations", "A/C.3/77/L.12", "General Assembly", "Distr.: Limited", "1 November 2022",
            "Seventy-seventh session", "Third Committee", "Agenda item 68 (b)", "Cuba: draft resolution",
            source.title, "The General Assembly,"]
    path = write_docx(tmp_path / "draft.docx", [Para(line) for line in head] + [Para(pp) for pp in pps]
                      + [Para(f"{number}. {op}") for number, op in enumerate(ops, 1)])
    traced = dict(library.provenance_of(str(path)))
    assert len(traced) == len(pps) + len(ops)
    assert traced["OP6"].status == "new" and traced["OP6"].sources == []
    assert traced["OP6"].earliest is None and traced["OP6"].latest is None
    for number in range(7, len(ops) + 1):  # the later paragraphs keep their sources under their new numbers
        latest = traced[f"OP{number}"].latest
        assert latest is not None and (latest.symbol, latest.label) == ("A/RES/76/159", f"OP{number - 1}")
    assert traced["PP3"].status == "edited"
    assert traced["PP3"].nearest is not None and traced["PP3"].nearest.symbol == "A/RES/76/159"
    assert _net(traced["PP3"]) == Counter(["76/159", "2021"]) - Counter(["75/180", "2020"])


def test_nearly_is_ninety_percent_of_the_words_in_order(library: Library) -> None:
    op5 = load(CORPUS / "A-RES-75-180.txt").operatives()[4].text
    tokens = op5.split()
    assert len(words(op5)) > 40
    three = " ".join([*tokens[:10], "firmly", *tokens[10:20], "also", *tokens[20:30], "fully", *tokens[30:]])
    rewritten = " ".join([*tokens[:-9], *"and to report thereon to the Assembly at its next session;".split()])
    near, far = library.provenance([three, rewritten])
    assert near.status == "edited" and near.added == ["firmly", "also", "fully"]
    assert near.nearest is not None and 0.9 <= near.nearest.similarity < 1
    assert far.status == "new" and far.sources == []
    assert far.nearest is not None and 0.6 < far.nearest.similarity < 0.9  # the closest wording is still named
    assert far.nearest.symbol in {"A/RES/72/169", "A/RES/75/180", "A/RES/76/159"} and far.nearest.label == "OP5"


def test_provenance_from_the_command_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["provenance", str(DRAFT), "--json", "--library", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["paragraphs"][0]
    assert set(first) >= {"label", "status", "sources", "earliest", "latest"}
    assert first["label"] == "PP1" and first["status"] == "verbatim"
    assert {"symbol", "label", "similarity"} <= set(first["sources"][0])
    assert (first["earliest"]["symbol"], first["latest"]["symbol"]) == ("A/RES/72/169", "A/RES/75/180")
    assert cli.main(["provenance", str(DRAFT), "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("32 paragraphs: 23 verbatim, 9 edited, 0 new")
    assert "{+seventy-seventh+}" in out
    assert cli.main(["provenance", str(CORPUS / "missing.txt"), "--library", str(folder)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def _libreoffice_docx(res: Resolution, folder: Path) -> Path:
    """A Word file of `res` written by LibreOffice (from HTML): front matter, italic lead words, numbered OPs."""
    def paragraph(content: tuple[object, ...]) -> str:
        return "".join(f"<i>{html.escape(item.text)}</i>" if item.italic else html.escape(item.text)
                       for item in content if isinstance(item, Text))

    front = res.front
    lines = ["United Nations", front.symbol, front.organ, f"Distr.: {front.distribution}", front.date, front.session,
             *[f"Agenda item {item.number}" for item in front.agenda_items], front.adoption,
             f"{front.number}. {front.title}", res.formula]
    body = [f"<p>{html.escape(line)}</p>" for line in lines]
    body += [f"<p>{paragraph(p.content)}</p>" for p in res.preambular()]
    body += [f"<p>{number}. {paragraph(p.content)}</p>" for number, p in enumerate(res.operatives(), 1)]
    body += [f"<p>{html.escape(line)}</p>" for line in res.closing]
    source = folder / "A-RES-75-180.html"
    source.write_text("<html><body>" + "\n".join(body) + "</body></html>", encoding="utf-8")
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(folder), str(source)], check=True, capture_output=True,
                   timeout=300)
    return folder / "A-RES-75-180.docx"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_a_library_of_word_files_from_two_writers(tmp_path: Path) -> None:
    """72/169 written by python-docx, 75/180 by LibreOffice: 76/159 traces to them as to the text files."""
    words_72 = resolution_72_169(tmp_path / "A-RES-72-169.docx", tracked=False)
    words_75 = _libreoffice_docx(load(CORPUS / "A-RES-75-180.txt"), tmp_path)
    assert drafter.load(str(words_75)).front.symbol == "A/RES/75/180"
    with Library(tmp_path / "lib") as library:
        report = library.add([words_72, words_75])
        assert [(a.symbol, a.paragraphs) for a in report.added] == [("A/RES/72/169", 31), ("A/RES/75/180", 32)]
        assert report.failed == []
        _check_series(library.provenance_of(str(DRAFT)), "A/RES/75/180", "A/RES/72/169")
        assert {d.path for d in library.documents()} == {str(words_72), str(words_75)}
