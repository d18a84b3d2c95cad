"""Every command says what the readers of its files could not read, and refuses a bad option value.

Warnings: on Word files of two writers (python-docx with lxml, LibreOffice; see tests/warning_files.py) with
tracked changes and with an endnote, each command prints one line per warning on stderr after the file's
name, and lists them in its `--json` output as `{"file", "message"}`; two files that read the same but
differ where a warning says "No changes in what was read; N warnings above", never a bare "No changes.".

Bad options: a table of invocations run through `drafter.cli.main`, and a few through the real `drafter`
console script, each ending with exit code 2, one line on stderr, no traceback and no file written.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import drafter
from drafter import cli, draftfile
from drafter.edits import Document
from tests.corpus import CORPUS, model_text
from tests.warning_files import ENDNOTE_A, ENDNOTE_B, LIBREOFFICE, tracked_pair, with_endnote

ROOT = Path(__file__).resolve().parents[2]
TEXT = CORPUS / "A-RES-75-180.txt"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err.splitlines()


def lines_for(command: str, path: Path | str, label: str | None = None) -> list[str]:
    """What `command` must print for the file at `path`: one line per warning of its reader."""
    return [f"drafter {command}: {label or path}: {warning}" for warning in drafter.load(str(path)).warnings]


def as_json(path: Path | str, label: str | None = None) -> list[dict[str, str]]:
    return [{"file": label or str(path), "message": warning} for warning in drafter.load(str(path)).warnings]


@pytest.fixture(scope="module", params=["python-docx", "LibreOffice"])
def tracked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the changes made, the same changes tracked) as one writer wrote them."""
    if request.param == "LibreOffice":
        return LIBREOFFICE / "lo-accepted.docx", LIBREOFFICE / "lo-tracked.docx"
    return tracked_pair(tmp_path_factory.mktemp("python-docx"))


@pytest.fixture(scope="module", params=["python-docx", "LibreOffice"])
def endnotes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The resolution twice, with an endnote on OP1 whose text differs, as one writer wrote it."""
    if request.param == "LibreOffice":
        return LIBREOFFICE / "lo-endnote-a.docx", LIBREOFFICE / "lo-endnote-b.docx"
    folder = tmp_path_factory.mktemp("python-docx-endnotes")
    return with_endnote(folder / "endnote-a.docx", ENDNOTE_A), with_endnote(folder / "endnote-b.docx", ENDNOTE_B)


# --- warnings -----------------------------------------------------------------------------------------
def test_the_tracked_file_warns_and_the_accepted_one_does_not(tracked: tuple[Path, Path]) -> None:
    accepted, with_changes = tracked
    assert drafter.load(str(accepted)).warnings == []
    assert any("2 tracked changes" in warning for warning in drafter.load(str(with_changes)).warnings)


def test_compare_without_changes_but_with_warnings_says_so(tracked: tuple[Path, Path],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    accepted, with_changes = tracked
    code, out, err = run(["compare", str(accepted), str(with_changes)], capsys)
    assert code == 0
    assert err == lines_for("compare", with_changes) and len(err) == 1
    assert "No changes in what was read; 1 warning above" in out.splitlines()
    assert "No changes." not in out
    code, out, err = run(["compare", str(accepted), str(accepted)], capsys)  # nothing unread: the plain words
    assert code == 0 and err == [] and "No changes." in out.splitlines()


def test_compare_json_lists_the_warnings_with_their_file(tracked: tuple[Path, Path],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    accepted, with_changes = tracked
    code, out, err = run(["compare", str(with_changes), str(accepted), "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["changes"] == []
    assert data["warnings"] == as_json(with_changes)
    assert err == lines_for("compare", with_changes)


def test_an_endnote_is_read_or_named_in_a_warning(endnotes: tuple[Path, Path],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    first, second = endnotes
    code, out, err = run(["compare", str(first), str(second)], capsys)
    assert code == 0
    assert err == lines_for("compare", first) + lines_for("compare", second)
    for path, symbol in ((first, "A/72/351"), (second, "A/73/247")):  # the symbol each endnote cites
        read = symbol in model_text(drafter.load(str(path)))
        named = any(line.startswith(f"drafter compare: {path}: ") and "endnote" in line for line in err)
        assert read or named, f"{path}: the endnote was neither read nor named"
    summary = out.splitlines()[1]
    assert summary.startswith("Changes: ") or summary == f"No changes in what was read; {len(err)} warnings above"


def test_export_names_the_warnings_of_the_new_text_and_the_base(tracked: tuple[Path, Path], tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    accepted, with_changes = tracked
    target = tmp_path / "out.docx"
    code, out, err = run(["export", str(with_changes), "-o", str(target)], capsys)
    assert code == 0 and out.strip() == str(target) and err == lines_for("export", with_changes)
    code, out, err = run(["export", str(accepted), "--base", str(with_changes), "--track-changes",
                          "-o", str(target), "--json"], capsys)
    assert code == 0 and err == lines_for("export", with_changes)
    assert json.loads(out) == {"output": str(target), "warnings": as_json(with_changes)}


def test_followup_check_and_inspect_name_the_warnings(tracked: tuple[Path, Path], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _, with_changes = tracked
    draft = tmp_path / "next.drafter"
    code, out, err = run(["followup", str(with_changes), "--session", "73", "-o", str(draft), "--json"], capsys)
    assert code == 0 and err == lines_for("followup", with_changes)
    data = json.loads(out)
    assert data["warnings"] == as_json(with_changes) and data["output"] == str(draft) and data["updates"]
    code, out, err = run(["check", str(with_changes), "--json"], capsys)
    assert code in (0, 1) and err == lines_for("check", with_changes)
    assert json.loads(out)["warnings"] == as_json(with_changes)
    code, out, err = run(["check", str(with_changes)], capsys)
    assert err[:-1] == lines_for("check", with_changes) and err[-1].endswith(("finding", "findings"))
    code, out, err = run(["inspect", str(with_changes), "--json"], capsys)
    assert code == 0 and err == lines_for("inspect", with_changes)
    assert json.loads(out)["warnings"] == as_json(with_changes)
    # the draft file keeps its base's warnings: every command that reads it names them
    label = f"{draft} (base)"
    code, out, err = run(["inspect", str(draft), "--json"], capsys)
    assert err == lines_for("inspect", with_changes, label)
    assert json.loads(out)["warnings"] == as_json(with_changes, label)
    code, out, err = run(["version", "add", str(draft), "Rev.1"], capsys)
    assert code == 0 and err == lines_for("version", with_changes, label)
    code, out, err = run(["versions", str(draft), "--json"], capsys)
    assert code == 0 and err == lines_for("versions", with_changes, label)
    assert json.loads(out)["warnings"] == as_json(with_changes, label)


def test_a_draft_file_shows_its_bases_and_its_drafts_warnings(tracked: tuple[Path, Path],
                                                              endnotes: tuple[Path, Path], tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    _, with_changes = tracked
    with_endnote_file = endnotes[0]
    draft = tmp_path / "both.drafter"
    draftfile.save(Document(drafter.load(str(with_changes)), drafter.load(str(with_endnote_file))), draft)
    expected = (lines_for("compare", with_changes, f"{draft} (base)")
                + lines_for("compare", with_endnote_file, f"{draft} (draft)"))
    assert len(expected) == 2
    code, out, err = run(["compare", str(draft)], capsys)
    assert code == 0 and err == expected
    code, out, err = run(["compare", str(draft), "--json"], capsys)
    assert json.loads(out)["warnings"] == (as_json(with_changes, f"{draft} (base)")
                                           + as_json(with_endnote_file, f"{draft} (draft)"))
    for command in (["export", str(draft), "--track-changes", "-o", str(tmp_path / "t.docx")],
                    ["check", str(draft)], ["inspect", str(draft)]):
        _, _, err = run(command, capsys)
        name = command[0]
        assert [line for line in err if line.startswith(f"drafter {name}: {draft}")] == \
            [line.replace("drafter compare:", f"drafter {name}:", 1) for line in expected]


def test_compile_names_the_warnings_of_the_text_sent_and_of_each_file(tracked: tuple[Path, Path],
                                                                       endnotes: tuple[Path, Path], tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    _, sent = tracked
    returned = endnotes[0]
    code, _out, err = run(["compile", str(sent), f"{returned}=US", "-o", str(tmp_path / "c.docx")], capsys)
    assert code == 0
    assert err[:1] == lines_for("compile", sent)
    expected = lines_for("compile", returned, returned.name)  # among what compile says of the file's proposals
    assert expected and all(line in err for line in expected)


def test_the_real_console_script_prints_the_warnings(tracked: tuple[Path, Path]) -> None:
    accepted, with_changes = tracked
    done = _console(["compare", str(accepted), str(with_changes)])
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == lines_for("compare", with_changes)
    assert "No changes in what was read; 1 warning above" in done.stdout


# --- bad option values --------------------------------------------------------------------------------
Argv = Callable[[Path], list[str]]


def _copy(folder: Path, name: str = "input.txt") -> Path:
    """The input in the test's folder, so that writing over it would show."""
    target = folder / name
    if not target.exists():
        shutil.copyfile(TEXT, target)
    return target


def _in(folder: Path) -> str:
    return str(_copy(folder))


def _docx_in(folder: Path) -> str:
    return str(_copy(folder, "input.docx"))


def _draft_in(folder: Path) -> str:
    target = folder / "draft.drafter"
    if not target.exists():
        draftfile.save(Document.from_base(drafter.load(str(TEXT))), target)
    return str(target)


BAD: list[tuple[str, Argv, str]] = [
    # export: dates, authors, options that go with others, output paths
    ("date-word", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--date", "notadate",
                             "-o", f"{d}/o.docx"], "not an ISO 8601 date"),
    ("date-slashes", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--date", "29/11/2026",
                                "-o", f"{d}/o.docx"], "2026-01-31"),
    ("date-empty", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--date", "",
                              "-o", f"{d}/o.docx"], "not an ISO 8601 date"),
    ("date-overflow", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--date",
                                 "0001-01-01T00:00:00+01:00", "-o", f"{d}/o.docx"], "out of range"),
    ("date-year", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--date", "0226-01-31",
                             "-o", f"{d}/o.docx"], "from 1900"),
    ("date-day", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--date", "2026-02-30",
                            "-o", f"{d}/o.docx"], "not an ISO 8601 date"),
    ("author-empty", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--author", "",
                                "-o", f"{d}/o.docx"], "empty"),
    ("author-blank", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--author", "   ",
                                "-o", f"{d}/o.docx"], "empty"),
    ("author-control", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--author",
                                  "Cuba\x07", "-o", f"{d}/o.docx"], "control character U+0007"),
    ("author-newline", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--author",
                                  "Cuba\nNicaragua", "-o", f"{d}/o.docx"], "control character U+000A"),
    ("author-long", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--author", "x" * 300,
                               "-o", f"{d}/o.docx"], "at most 255"),
    ("author-clean", lambda d: ["export", _in(d), "--author", "Cuba", "-o", f"{d}/o.docx"], "--track-changes"),
    ("date-clean", lambda d: ["export", _in(d), "--date", "2026-01-31", "-o", f"{d}/o.docx"], "--track-changes"),
    ("date-redline", lambda d: ["export", _in(d), "--base", _in(d), "--redline", "--date", "2026-01-31",
                                "-o", f"{d}/o.docx"], "--track-changes"),
    ("front-clean", lambda d: ["export", _in(d), "--track-front-matter", "-o", f"{d}/o.docx"], "--track-changes"),
    ("base-clean", lambda d: ["export", _in(d), "--base", _in(d), "-o", f"{d}/o.docx"], "used only by"),
    ("no-base", lambda d: ["export", _in(d), "--track-changes", "-o", f"{d}/o.docx"], "needs --base"),
    ("two-kinds", lambda d: ["export", _in(d), "--base", _in(d), "--track-changes", "--redline",
                             "-o", f"{d}/o.docx"], "not allowed with"),
    ("out-no-folder", lambda d: ["export", _in(d), "-o", f"{d}/missing/o.docx"], "does not exist"),
    ("out-folder", lambda d: ["export", _in(d), "-o", str(d)], "is a folder"),
    ("out-folder-slash", lambda d: ["export", _in(d), "-o", f"{d}/new/"], "is a folder"),
    ("out-empty", lambda d: ["export", _in(d), "-o", ""], "empty"),
    ("out-is-input", lambda d: ["export", _docx_in(d), "-o", _docx_in(d)], "reads"),
    ("out-is-base", lambda d: ["export", _in(d), "--base", _docx_in(d), "--track-changes", "-o", _docx_in(d)],
     "reads"),
    ("out-default-is-input", lambda d: ["export", _docx_in(d)], "give another file with -o"),
    ("out-suffix", lambda d: ["export", _in(d), "-o", f"{d}/o.txt"], "end the name with .docx"),
    ("out-akn-suffix", lambda d: ["export", _in(d), "--akn", "-o", f"{d}/o.docx"], ".xml"),
    ("out-redline-suffix", lambda d: ["export", _in(d), "--base", _in(d), "--redline", "-o", f"{d}/o.pdf"],
     ".html"),
    ("out-not-writable", lambda d: ["export", _in(d), "-o", "/proc/o.docx"], "cannot write"),
    # compare
    ("html-suffix", lambda d: ["compare", _in(d), _in(d), "--html", f"{d}/o.txt"], ".html"),
    ("html-no-folder", lambda d: ["compare", _in(d), _in(d), "--html", f"{d}/missing/o.html"], "does not exist"),
    ("html-folder", lambda d: ["compare", _in(d), _in(d), "--html", str(d)], "is a folder"),
    ("compare-one", lambda d: ["compare", _in(d)], "OLD and NEW"),
    ("compare-option", lambda d: ["compare", _in(d), _in(d), "--no-such-option"], "unrecognized"),
    # followup: numbers, names, dates, choices, conflicts, output
    ("session-word", lambda d: ["followup", _in(d), "--session", "seventy", "-o", f"{d}/o.json"], "in figures"),
    ("session-zero", lambda d: ["followup", _in(d), "--session", "0", "-o", f"{d}/o.json"], "from 1 to 999"),
    ("session-negative", lambda d: ["followup", _in(d), "--session=-76", "-o", f"{d}/o.json"], "from 1 to 999"),
    ("session-huge", lambda d: ["followup", _in(d), "--session", "7600", "-o", f"{d}/o.json"], "from 1 to 999"),
    ("session-past", lambda d: ["followup", _in(d), "--session", "74", "-o", f"{d}/o.json"], "must come after"),
    ("next-session-same", lambda d: ["followup", _in(d), "--session", "76", "--next-session", "76",
                                     "-o", f"{d}/o.json"], "later session"),
    ("committee-seventh", lambda d: ["followup", _in(d), "--session", "76", "--committee", "Seventh Committee",
                                     "-o", f"{d}/o.json"], "Third Committee"),
    ("committee-twelve", lambda d: ["followup", _in(d), "--session", "76", "--committee", "Committee 12",
                                    "-o", f"{d}/o.json"], "Third Committee"),
    ("committee-empty", lambda d: ["followup", _in(d), "--session", "76", "--committee", "",
                                   "-o", f"{d}/o.json"], "plenary"),
    ("sponsors-control", lambda d: ["followup", _in(d), "--session", "76", "--sponsors", "Cuba\x1b[31m",
                                    "-o", f"{d}/o.json"], "control character"),
    ("symbol-date", lambda d: ["followup", _in(d), "--session", "76", "--date", "31/01/2026",
                               "-o", f"{d}/o.json"], "2026-01-31"),
    ("symbol-date-year", lambda d: ["followup", _in(d), "--session", "76", "--date", "1026-01-31",
                                    "-o", f"{d}/o.json"], "from 1900"),
    ("followup-suffix", lambda d: ["followup", _in(d), "--session", "76", "-o", f"{d}/o.txt"], ".drafter"),
    ("followup-is-base", lambda d: ["followup", str(_copy(d, "base.json")), "--session", "76",
                                    "-o", str(_copy(d, "base.json"))], "reads"),
    ("followup-no-folder", lambda d: ["followup", _in(d), "--session", "76", "-o", f"{d}/missing/o.json"],
     "does not exist"),
    ("followup-json-explain", lambda d: ["followup", _in(d), "--session", "76", "-o", f"{d}/o.json",
                                         "--json", "--explain"], "not allowed with"),
    ("followup-no-output", lambda d: ["followup", _in(d), "--session", "76"], "required"),
    ("council-committee", lambda d: ["followup", str(CORPUS / "S-2019-266.txt"), "--session", "76", "--committee",
                                     "Third Committee", "-o", f"{d}/o.json"], "Security Council"),
    # check
    ("check-rule", lambda d: ["check", _in(d), "--disable", "no-such-rule"], "stale-xref"),
    ("check-list-file", lambda d: ["check", "--list", _in(d)], "checks nothing"),
    ("check-json-no-file", lambda d: ["check", "--json"], "give the FILE"),
    ("check-base-no-file", lambda d: ["check", "--base", _in(d)], "give the FILE"),
    # versions of a draft file
    ("version-name-empty", lambda d: ["version", "add", _draft_in(d), ""], "needs a name"),
    ("version-name-control", lambda d: ["version", "add", _draft_in(d), "Rev\x1b1"], "control characters"),
    ("version-note-control", lambda d: ["version", "add", _draft_in(d), "Rev.1", "--note", "a\x07"],
     "control characters"),
    ("version-not-a-draft", lambda d: ["version", "add", _in(d), "Rev.1"], ".drafter draft file"),
    ("versions-not-a-draft", lambda d: ["versions", _in(d)], ".drafter draft file"),
    # compile
    ("compile-out-is-sent", lambda d: ["compile", _docx_in(d), f"{_in(d)}=US", "-o", _docx_in(d)], "reads"),
    ("compile-jobs", lambda d: ["compile", _docx_in(d), f"{_in(d)}=US", "-o", f"{d}/o.docx", "--jobs", "0"],
     "from 1 to 64"),
    ("compile-author", lambda d: ["compile", _docx_in(d), f"{_in(d)}=US", "-o", f"{d}/o.docx", "--author", ""],
     "empty"),
    # gui: checked before the app starts
    ("gui-no-file", lambda d: ["gui", f"{d}/missing.txt"], "no such file"),
    ("gui-folder", lambda d: ["gui", str(d)], "is a folder"),
    ("gui-base-alone", lambda d: ["gui", "--base", _in(d)], "give the FILE"),
    ("gui-base-missing", lambda d: ["gui", _in(d), "--base", f"{d}/missing.txt"], "no such file"),
    ("gui-compare-no-base", lambda d: ["gui", _in(d), "--view", "compare"], "--base BASE"),
    ("gui-view", lambda d: ["gui", _in(d), "--view", "sideways"], "invalid choice"),
    ("gui-shot-suffix", lambda d: ["gui", _in(d), "--screenshot", f"{d}/shot.jpg"], ".png"),
    ("gui-shot-folder", lambda d: ["gui", _in(d), "--screenshot", f"{d}/missing/shot.png"], "does not exist"),
    # no command
    ("no-such-file", lambda d: [f"{d}/missing.txt"], "no such file"),
    ("no-such-option", lambda d: ["--no-such-option"], "unrecognized"),
]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(("argv", "says"), [pytest.param(argv, says, id=name) for name, argv, says in BAD])
def test_a_bad_option_value_ends_in_one_line_and_writes_nothing(argv: Argv, says: str, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    arguments = argv(tmp_path)
    before = _files(tmp_path)
    code, out, err = run(arguments, capsys)
    assert code == 2, (out, err)
    assert len(err) == 1 and err[0].startswith("drafter"), err
    assert says in err[0], err[0]
    assert "Traceback" not in err[0] and out == ""
    assert _files(tmp_path) == before  # no output, no partial file, the inputs untouched


def _console(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """The installed `drafter` script, importing this tree's code."""
    script = Path(sys.executable).parent / "drafter"
    found = str(script) if script.exists() else shutil.which("drafter")
    assert found, "the drafter console script is not installed: pip install -e ."
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([found, *argv], capture_output=True, text=True, env=environ, timeout=120)


@pytest.mark.parametrize("name", ["date-word", "author-control", "out-no-folder", "session-word",
                                  "committee-seventh", "check-rule", "gui-shot-folder"])
def test_the_console_script_refuses_in_one_line(name: str, tmp_path: Path) -> None:
    argv, says = next((argv, says) for key, argv, says in BAD if key == name)
    arguments = argv(tmp_path)
    before = _files(tmp_path)
    done = _console(arguments)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in done.stderr, done.stderr
    assert _files(tmp_path) == before


def test_good_values_of_the_same_options_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The checks refuse only what is wrong: the forms the help names are taken."""
    source = _in(tmp_path)
    target = tmp_path / "o.docx"
    code, _, err = run(["export", source, "--base", source, "--track-changes", "--author", "  Cuba ",
                        "--date", "2026-01-31T10:00:00+01:00", "-o", str(target)], capsys)
    assert code == 0 and target.exists(), err
    code, _, err = run(["followup", source, "--session", "76", "--next-session", "78", "--committee", "C.3",
                        "--date", "2021-10-05", "--sponsors", "Cuba", "-o", str(tmp_path / "d.drafter")], capsys)
    assert code == 0, err
    assert draftfile.read(tmp_path / "d.drafter").draft.front.symbol == "A/C.3/76/L.__"
