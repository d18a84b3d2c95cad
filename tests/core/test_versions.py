"""Named versions of a draft: added, listed, kept across saves, and format-1 files migrated."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from drafter import draftfile, edits, versions
from drafter.cli import main
from drafter.compare import compare
from drafter.edits import Document
from drafter.errors import DrafterError
from drafter.model import Text
from tests.corpus import CORPUS, load

DATA = Path(__file__).resolve().parents[1] / "data" / "draftfiles"
NO_MARKERS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _edited(doc: Document, index: int, words: str) -> None:
    op = doc.draft.operatives()[index]
    edit = edits.set_content(doc, op.id, [*op.content, Text(words)])
    assert edit is not None
    edit.apply(doc)


def five_versions() -> Document:
    doc = Document.from_base(copy.deepcopy(load(CORPUS / "A-RES-75-180.txt")), "A-RES-75-180.txt")
    for number in range(5):
        _edited(doc, number, f" (round {number + 1})")
        versions.add(doc.versions, f"Rev.{number}" if number else "Zero draft", doc.draft, f"round {number + 1}")
    return doc


def test_a_version_is_a_snapshot_that_later_edits_never_reach() -> None:
    doc = five_versions()
    assert [v.name for v in doc.versions] == ["Zero draft", "Rev.1", "Rev.2", "Rev.3", "Rev.4"]
    zero = versions.find(doc.versions, "zero  DRAFT").text()
    assert zero.operatives()[0].text.endswith("(round 1)") and "(round 2)" not in zero.operatives()[1].text
    zero.operatives()[0].content = (Text("changed"),)
    assert versions.find(doc.versions, "Zero draft").text().operatives()[0].text.endswith("(round 1)")
    # paragraph identity is kept: the version aligns with the draft by id
    assert [p.id for p in zero.operatives()] == [p.id for p in doc.draft.operatives()]


def test_each_pair_of_versions_compares_to_the_rounds_between_them() -> None:
    doc = five_versions()
    names = [v.name for v in doc.versions]
    for i, old_name in enumerate(names):
        for j, new_name in enumerate(names):
            old = versions.pick(doc.versions, old_name, doc.base, doc.draft)
            new = versions.pick(doc.versions, new_name, doc.base, doc.draft)
            changed = {c.new_label or c.old_label for c in compare(old, new).changes}
            expected = {f"OP{k + 1}" for k in range(min(i, j) + 1, max(i, j) + 1)}
            assert changed == expected, (old_name, new_name)


def test_names_are_checked() -> None:
    doc = five_versions()
    with pytest.raises(DrafterError, match="already has a version"):
        versions.add(doc.versions, "rev.1", doc.draft)
    for bad in ("", "   ", "base", "Current", "a\x07b"):
        with pytest.raises(DrafterError):
            versions.add(doc.versions, bad, doc.draft)
    with pytest.raises(versions.UnknownVersion, match=r'"Rev\.9".*"Zero draft", "Rev\.1"'):
        versions.find(doc.versions, "Rev.9")


def test_versions_survive_save_and_reopen(tmp_path: Path) -> None:
    doc = five_versions()
    path = tmp_path / "d.drafter"
    draftfile.save(doc, path)
    again = draftfile.read(path)
    assert [(v.name, v.date, v.note) for v in again.versions] == [(v.name, v.date, v.note) for v in doc.versions]
    for old, new in zip(doc.versions, again.versions, strict=True):
        assert new.text() == old.text()
    assert json.loads(path.read_text("utf-8"))["version"] == draftfile.VERSION_WITHOUT_PROPOSALS == 2


def test_a_format_1_draft_opens_and_is_saved_as_format_2(tmp_path: Path) -> None:
    source = DATA / "format-1.drafter"
    assert json.loads(source.read_text("utf-8"))["version"] == 1
    doc = draftfile.read(source)
    assert doc.versions == [] and doc.meta.author == "Delegation of Ruritania"
    assert doc.draft.operatives()[3].text.endswith("in all regions")
    target = tmp_path / "d.drafter"
    target.write_bytes(source.read_bytes())
    assert main(["version", "add", str(target), "Zero draft", "--note", "sent to all"]) == 0
    again = draftfile.read(target)
    assert [v.name for v in again.versions] == ["Zero draft"] and again.versions[0].note == "sent to all"
    assert again.draft == doc.draft and again.base == doc.base


def test_the_commands_add_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.drafter"
    draftfile.save(five_versions(), path)
    assert main(["version", "add", str(path), "A/C.3/76/L.12"]) == 0
    capsys.readouterr()
    assert main(["versions", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["versions"]
    assert [row["name"] for row in listed][-2:] == ["Rev.4", "A/C.3/76/L.12"]
    assert all(row["paragraphs"] > 20 for row in listed)
    assert main(["versions", str(path)]) == 0
    assert "round 3" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["version", "add", "{d}", "Rev.1"], "already has a version"),
    (["version", "add", "{d}", "base"], "reserved"),
    (["version", "add", "{txt}", "Rev.9"], "kept in a .drafter draft file"),
    (["versions", "{missing}"], "does not exist"),
])
def test_bad_version_commands_say_why_in_one_line_and_change_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    path = tmp_path / "d.drafter"
    draftfile.save(five_versions(), path)
    text = tmp_path / "r.txt"
    text.write_text((CORPUS / "A-RES-75-180.txt").read_text("utf-8"), "utf-8")
    before = path.read_bytes()
    names = {"d": str(path), "txt": str(text), "missing": str(tmp_path / "none.drafter")}
    assert main([arg.format(**names) for arg in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_a_kill_during_version_add_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """The file is replaced atomically: a process killed while writing leaves the old file whole."""
    path = tmp_path / "d.drafter"
    draftfile.save(five_versions(), path)
    before = path.read_bytes()
    script = (
        "import os, sys, drafter.atomic as a\n"
        "real = os.replace\n"
        "def die(*args, **kw): os.kill(os.getpid(), 9)\n"
        "os.replace = die\n"
        "from drafter.cli import main\n"
        f"main(['version', 'add', {str(path)!r}, 'Rev.9'])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[2], check=False)
    assert result.returncode == -9
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.drafter"] or all(
        p.name == "d.drafter" or p.name.startswith(".") for p in tmp_path.iterdir())


def test_three_columns_hold_each_text_whole_on_a_real_series() -> None:
    """72/169 → 75/180 → 76/159: every paragraph of each text is in its column, read back from the marks."""
    from drafter.compare.spacing import by_tokens
    from drafter.compare.three_way import three_way

    def side(ops: tuple[object, ...], keep: str) -> str:
        text = "".join(op.text for op in by_tokens(list(ops)) if op.op in ("equal", keep))  # type: ignore[attr-defined]
        return " ".join(text.translate(NO_MARKERS).split())  # footnote markers are not in a block's text

    base, previous, current = (load(CORPUS / name) for name in
                               ("A-RES-72-169-clean.txt", "A-RES-75-180.txt", "A-RES-76-159.txt"))
    rows = three_way(base, previous, current)
    columns = {"base": {side(r.base, "delete") for r in rows},
               "previous": {side(r.previous, "insert") for r in rows},
               "current": {side(r.current, "insert") for r in rows}}
    for name, text in (("base", base), ("previous", previous), ("current", current)):
        for block in text.blocks():
            assert " ".join(block.text.split()) in columns[name], (name, block.text[:60])
    changed = [r.label for r in rows if r.changed]
    assert changed and all(r.differs for r in rows if r.changed)
    assert len([r for r in rows if r.current]) >= len(current.blocks())


def test_compare_from_and_to_any_two_versions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.drafter"
    draftfile.save(five_versions(), path)
    cases = (("Rev.1", None, {"OP3", "OP4", "OP5"}), ("Zero draft", "Rev.2", {"OP2", "OP3"}),
             ("base", "Zero draft", {"OP1"}), ("Rev.4", "Rev.2", {"OP4", "OP5"}))
    for old_name, new_name, expected in cases:
        argv = ["compare", str(path), "--from", old_name, *(["--to", new_name] if new_name else []), "--json"]
        assert main(argv) == 0
        listed = json.loads(capsys.readouterr().out)["changes"]
        assert {c["new"] or c["old"] for c in listed} == expected, (old_name, new_name)


def test_export_against_a_version_tracks_only_what_changed_since(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    path = tmp_path / "d.drafter"
    draftfile.save(five_versions(), path)
    for against, rounds in (("Rev.3", ["(round 5)"]), ("Rev.2", ["(round 4)", "(round 5)"])):
        target = tmp_path / f"against-{against}.docx"
        assert main(["export", str(path), "--against", against, "--track-changes", "-o", str(target)]) == 0
        body = WordDocument(str(target)).element.body
        inserted = [" ".join(el.xpath("string(.)").split()) for el in body.iter() if el.tag.endswith("}ins")]
        assert [text for text in inserted if text] == rounds, against


@pytest.mark.parametrize("argv, message", [
    (["compare", "{d}", "{d}", "--from", "Rev.1"], "give that file alone"),
    (["compare", "{d}", "--to", "Rev.1"], "--to needs --from"),
    (["compare", "{d}", "--from", "Rev.9"], 'no version "Rev.9"'),
    (["compare", "{txt}", "--from", "Rev.1"], "is not one"),
    (["export", "{d}", "--against", "Rev.1", "-o", "{out}"], "only by --track-changes"),
    (["export", "{d}", "--against", "Rev.1", "--base", "{txt}", "--track-changes", "-o", "{out}"], "give one of them"),
    (["export", "{d}", "--against", "Rev.9", "--track-changes", "-o", "{out}"], 'no version "Rev.9"'),
])
def test_bad_version_options_say_why_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 argv: list[str], message: str) -> None:
    path = tmp_path / "d.drafter"
    draftfile.save(five_versions(), path)
    text = tmp_path / "r.txt"
    text.write_text((CORPUS / "A-RES-75-180.txt").read_text("utf-8"), "utf-8")
    names = {"d": str(path), "txt": str(text), "out": str(tmp_path / "out.docx")}
    assert main([arg.format(**names) for arg in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "out.docx").exists()
