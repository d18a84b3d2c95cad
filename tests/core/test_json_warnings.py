"""Every command's `--json` lists the readers' warnings as `{"file", "message"}`, each naming the file it
was in, and the HTML comparison pages list them under "Reader warnings".

Files that warn, by two writers: A/RES/72/169 written by python-docx with hidden words in OP2 (the reader
leaves hidden text out and says so) and with tracked changes (read as accepted), and LibreOffice's copy with
tracked changes (tests/data/warnings, see tests/warning_files.py).
"""

from __future__ import annotations

import argparse
import html
import json
from pathlib import Path

import docx
import pytest

import drafter
from drafter import cli, draftfile
from drafter.edits import Document
from tests.warning_files import LIBREOFFICE, tracked_pair

# the commands with --json that read no resolution file (the library's own database): nothing to warn of
READS_NO_FILE = {"library list", "library stats", "library search", "library history"}


def with_hidden_words(accepted: Path, path: Path) -> Path:
    """The accepted text with hidden words in the second operative paragraph, as Word hides them."""
    document = docx.Document(str(accepted))
    operative = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    operative[1].add_run(" and a note to the drafters").font.hidden = True
    document.save(str(path))
    return path


@pytest.fixture(scope="module", params=["python-docx hidden text", "python-docx tracked", "LibreOffice tracked"])
def files(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a file that warns, the same text in a file that does not)."""
    folder = tmp_path_factory.mktemp("warned")
    accepted, tracked = tracked_pair(folder)
    if request.param == "LibreOffice tracked":
        return LIBREOFFICE / "lo-tracked.docx", LIBREOFFICE / "lo-accepted.docx"
    if request.param == "python-docx tracked":
        return tracked, accepted
    return with_hidden_words(accepted, folder / "hidden.docx"), accepted


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = cli.main(argv)
    return code, json.loads(capsys.readouterr().out)


def expected(path: Path, label: str | None = None) -> list[dict[str, str]]:
    return [{"file": label or str(path), "message": text} for text in drafter.load(str(path)).warnings]


def shaped(found: object) -> list[dict[str, str]]:
    """The warnings of a `--json` output, after checking that each is exactly `{"file", "message"}`."""
    assert isinstance(found, list)
    for warning in found:
        assert isinstance(warning, dict) and set(warning) == {"file", "message"}, warning
        assert all(isinstance(value, str) and value for value in warning.values()), warning
    return found


def commands(warned: Path, clean: Path, folder: Path) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """Each command with `--json` that reads a file: its arguments, and the warnings it must list at least."""
    draft = folder / "draft.drafter"
    draftfile.save(Document.from_base(drafter.load(str(warned))), draft)
    library = folder / "library"
    library.mkdir(exist_ok=True)
    return {
        "inspect": (["inspect", str(warned)], expected(warned)),
        "compare": (["compare", str(clean), str(warned)], expected(warned)),
        "export": (["export", str(clean), "--base", str(warned), "--track-changes", "-o", str(folder / "t.docx")],
                   expected(warned)),
        "check": (["check", str(warned)], expected(warned)),
        "followup": (["followup", str(warned), "--session", "73", "-o", str(folder / "next.drafter")],
                     expected(warned)),
        "versions": (["versions", str(draft)], expected(warned, f"{draft} (base)")),
        "amendments": (["amendments", str(warned), str(clean)], expected(warned)),
        "compile": (["compile", str(warned), f"{clean}=United States"], expected(warned)),
        "provenance": (["provenance", str(warned), "--library", str(library)], expected(warned)),
        "brackets": (["brackets", str(warned)], expected(warned)),
    }


def test_every_json_output_lists_the_readers_warnings_with_their_file(files: tuple[Path, Path], tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    warned, clean = files
    assert drafter.load(str(warned)).warnings and not drafter.load(str(clean)).warnings
    for name, (argv, wanted) in commands(warned, clean, tmp_path).items():
        code, data = run([*argv, "--json"], capsys)
        assert code in (0, 1), name
        found = shaped(data["warnings"])
        assert [warning for warning in found if warning in wanted] == wanted, name


def test_compile_names_a_delegations_file_in_its_warnings(files: tuple[Path, Path],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    warned, clean = files
    code, data = run(["compile", str(clean), f"{warned}=United States", "--json"], capsys)
    found = shaped(data["warnings"])
    assert code == 0 and found
    assert all(warning["file"] == str(warned) for warning in found)
    # a delegation's tracked changes are its proposals: compile does not repeat that the reader accepted them
    wanted = [warning for warning in expected(warned) if "tracked change" not in warning["message"]]
    assert [warning for warning in found if warning in wanted] == wanted


def test_every_command_with_json_is_covered(tmp_path: Path) -> None:
    """A command that gains `--json` is added above, or to the commands that read no file."""
    parser = cli.build_parser()
    with_json: set[str] = set()

    def walk(node: argparse.ArgumentParser, path: list[str]) -> None:
        if any("--json" in action.option_strings for action in node._actions):
            with_json.add(" ".join(path))
        for action in node._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    walk(child, [*path, name])

    walk(parser, [])
    files = LIBREOFFICE / "lo-tracked.docx", LIBREOFFICE / "lo-accepted.docx"
    assert with_json == set(commands(*files, tmp_path)) | READS_NO_FILE


@pytest.mark.parametrize("argv", [["compare", "{clean}", "{warned}", "--html", "{out}.html"],
                                  ["export", "{warned}", "--base", "{clean}", "--redline", "-o", "{out}.html"],
                                  ["export", "{warned}", "--base", "{clean}", "--table", "-o", "{out}.html"]],
                         ids=["compare --html", "export --redline", "export --table"])
def test_the_html_pages_list_the_reader_warnings(files: tuple[Path, Path], tmp_path: Path, argv: list[str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    warned, clean = files
    out = tmp_path / "page"
    assert cli.main([part.format(warned=warned, clean=clean, out=out) for part in argv]) == 0
    capsys.readouterr()
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    section = page[page.index("<h2>Reader warnings</h2>"):]
    section = section[:section.index("</section>")]
    for warning in expected(warned):
        assert f"<li><strong>{html.escape(warning['file'])}</strong>: {html.escape(warning['message'])}</li>" \
            in section
    assert str(clean) not in section


def test_a_page_of_files_without_warnings_has_no_such_list(files: tuple[Path, Path], tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    _warned, clean = files
    assert cli.main(["compare", str(clean), str(clean), "--html", str(tmp_path / "same.html")]) == 0
    capsys.readouterr()
    assert "Reader warnings" not in (tmp_path / "same.html").read_text(encoding="utf-8")
