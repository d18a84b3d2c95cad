"""The library of adopted texts: adding the corpus, searching it, its series, and its failures.

The library is built from the real texts of tests/data/corpus (text files with a header, PDFs); what a
search should find is worked out from the corpus files themselves, not from the library.
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter import cli
from drafter.library import Library, LibraryError, LibraryGone, LibraryLocked
from drafter.library.store import FILE_NAME
from tests.corpus import CORPUS, TEXTS, load


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of every corpus text file, added through the command line."""
    path = tmp_path_factory.mktemp("library")
    assert cli.main(["library", "add", *map(str, TEXTS), "--library", str(path)]) == 0
    return path


@pytest.fixture
def library(folder: Path) -> Iterator[Library]:
    with Library(folder) as opened:
        yield opened


def _body(path: Path) -> str:
    """A corpus file's text without its header, all white space made single."""
    return " ".join(path.read_text(encoding="utf-8").split("\n---\n", 1)[1].split())


def _holding(phrase: str) -> set[str]:
    """The symbols of the corpus texts whose body holds `phrase` (any spacing and punctuation between words)."""
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.IGNORECASE)
    out = set()
    for path in TEXTS:
        header = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        symbol = re.search(r"^symbol: (.+)$", header, re.M)
        if symbol and pattern.search(_body(path)):
            out.add(symbol.group(1).strip())
    return out


# --- adding ------------------------------------------------------------------------------------------
def test_every_corpus_text_is_in_with_its_front_matter(library: Library) -> None:
    docs = {doc.symbol: doc for doc in library.documents()}
    assert len(docs) == len(TEXTS)
    doc = docs["A/RES/75/180"]
    assert (doc.organ, doc.date, doc.session) == ("General Assembly", "2020-12-16", "Seventy-fifth session")
    assert doc.title == "Enhancement of international cooperation in the field of human rights"
    assert doc.agenda.startswith("72 (b) Promotion and protection of human rights")
    assert doc.paragraphs == 32  # 15 preambular and 17 operative
    assert docs["S/2018/693"].organ == "Security Council"
    assert docs["A/RES/80/5"].paragraphs > 150  # the declaration in its annex is indexed too
    stats = library.stats()
    assert stats.documents == len(TEXTS)
    assert stats.paragraphs == sum(doc.paragraphs for doc in docs.values())
    assert stats.size == os.path.getsize(Path(stats.path)) + os.path.getsize(Path(stats.path + "-wal"))


def test_adding_again_is_a_no_op(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library(folder) as library:
        before = library.stats()
        report = library.add(TEXTS[:5])
        after = library.stats()
    assert report.added == [] and report.failed == []
    assert [reason for _path, reason in report.skipped] == [
        f"already in the library as {symbol}" for symbol in ("A/RES/72/169", "A/RES/75/180", "A/RES/75/289",
                                                            "A/RES/76/159", "A/RES/77/7")]
    assert (after.documents, after.paragraphs, after.series) == (before.documents, before.paragraphs, before.series)
    code, out, _err = run(["library", "add", str(TEXTS[0]), "--library", str(folder)], capsys)
    assert code == 0
    assert "skipped: already in the library as A/RES/72/169" in out
    assert "Added 0 files" in out


def test_a_folder_is_added_recursively_and_other_files_are_counted(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "texts"
    (source / "pdf").mkdir(parents=True)
    shutil.copy(CORPUS / "S-2018-257.txt", source)
    shutil.copy(CORPUS / "README.md", source)
    shutil.copy(CORPUS / "pdf" / "S_2018_257-EN.pdf", source / "pdf")  # the same draft as the text file
    shutil.copy(CORPUS / "pdf" / "S_2017_142-EN.pdf", source / "pdf")
    code, out, _err = run(["library", "add", str(source), "--library", str(tmp_path / "lib")], capsys)
    assert code == 0
    assert "Added 2 files" in out and "skipped 1" in out
    assert f"{source / 'pdf' / 'S_2018_257-EN.pdf'}: skipped: S/2018/257 is already in the library" in out
    assert "Left out 1 file of other kinds" in out and "README.md" in out
    with Library(tmp_path / "lib") as library:
        assert sorted(doc.symbol for doc in library.documents()) == ["S/2017/142", "S/2018/257"]


def test_files_that_cannot_be_read_are_listed_and_the_run_goes_on(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    pdf = (CORPUS / "pdf" / "S_2017_142-EN.pdf").read_bytes()
    (bad / "a-truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    (bad / "b-not-a-zip.docx").write_bytes(b"PK\x03\x04 this is not a Word file at all" * 10)
    (bad / "c-empty.txt").write_bytes(b"")
    shutil.copy(CORPUS / "A-RES-80-13.txt", bad / "d-good.txt")
    code, out, err = run(["library", "add", str(bad), "--library", str(tmp_path / "lib")], capsys)
    assert code == 1  # some files could not be read; the others are in
    assert "Traceback" not in out + err
    assert "Added 1 file" in out and "could not read 3" in out
    failed = out.split("Could not read:\n", 1)[1].splitlines()
    assert [line.split(": ", 1)[0].strip() for line in failed] == [
        str(bad / name) for name in ("a-truncated.pdf", "b-not-a-zip.docx", "c-empty.txt")]
    assert all(len(line.split(": ", 1)[1]) > 5 for line in failed)  # each with its reason
    with Library(tmp_path / "lib") as library:
        assert [doc.symbol for doc in library.documents()] == ["A/RES/80/13"]


def test_reader_warnings_are_kept_and_shown(library: Library, folder: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    warned = {doc.symbol: doc.warnings for doc in library.documents() if doc.warnings}
    assert "A/RES/80/11" in warned
    code, out, _err = run(["library", "list", "--library", str(folder)], capsys)
    assert code == 0
    listing = out.split("A/RES/80/11", 1)[1].split("\n20", 1)[0]
    assert [line.strip() for line in listing.splitlines()[1:] if line.strip()] == [
        f"warning: {warning}" for warning in warned["A/RES/80/11"]]


def test_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    """`library add` draws its progress on stderr when stderr is a terminal (a pseudo-terminal here), not in a pipe."""
    command = [sys.executable, "-m", "drafter.cli", "library", "add", *map(str, TEXTS[:3])]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([*command, "--library", str(tmp_path / "tty")], stderr=follower,
                              stdout=subprocess.PIPE, env=env, timeout=120, check=True)
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal is closed once everything was read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    assert b"] 1/3 A-RES-75-180.txt" in drawn and b"] 3/3" in drawn and b"Added 3 files" in done.stdout
    piped = subprocess.run([*command, "--library", str(tmp_path / "pipe")], capture_output=True, env=env,
                           timeout=120, check=True)
    assert piped.stderr == b"" and b"Added 3 files" in piped.stdout


def test_the_bundled_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["library", "add", "--samples", "--library", str(tmp_path)], capsys)
    assert code == 0 and "Added 1 file" in out
    with Library(tmp_path) as library:
        assert [doc.symbol for doc in library.documents()] == ["A/RES/72/169"]
        report = library.add([CORPUS / "A-RES-72-169-clean.txt"])  # the same bytes as the sample
    assert report.skipped and not report.added


def test_the_library_folder_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DRAFTER_LIBRARY", str(tmp_path / "env"))
    assert run(["library", "add", str(CORPUS / "A-RES-80-13.txt")], capsys)[0] == 0
    assert (tmp_path / "env" / FILE_NAME).is_file()
    code, out, _err = run(["library", "stats", "--json"], capsys)
    assert code == 0 and json.loads(out)["documents"] == 1
    code, out, _err = run(["library", "stats", "--library", str(tmp_path / "other")], capsys)
    assert code == 0 and "documents:  0" in out


def test_remove_by_symbol_and_by_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library(tmp_path) as library:
        library.add([CORPUS / "A-RES-80-13.txt", CORPUS / "A-RES-80-14.txt", CORPUS / "A-RES-80-17.txt"])
        assert library.search("Indian Ocean as a Zone of Peace").uses == 1
        assert library.remove("A/RES/80/13") == ["A/RES/80/13"]
        assert library.search("Indian Ocean as a Zone of Peace").uses == 0
        assert library.remove(str(CORPUS / "A-RES-80-14.txt")) == ["A/RES/80/14"]
        with pytest.raises(LibraryError, match="A/RES/80/13 is not in the library"):
            library.remove("A/RES/80/13")
        assert [doc.symbol for doc in library.documents()] == ["A/RES/80/17"]
    code, out, err = run(["library", "remove", "A/RES/1/1", "--library", str(tmp_path)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "not in the library" in err


# --- search ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["full and effective participation", "calls upon all States",
                                    "human rights and fundamental freedoms", "Indian Ocean as a Zone of Peace"])
def test_a_phrase_is_counted_in_the_texts_that_hold_it(library: Library, phrase: str) -> None:
    found = library.search(phrase, limit=100)
    expected = _holding(phrase)
    assert expected
    assert found.uses == len(expected)
    assert {hit.symbol for hit in found.results if hit.match == "exact"} == expected
    assert all(hit.text[start:end].lower().split() == phrase.lower().split()
               for hit in found.results if hit.match == "exact" for start, end in hit.spans)
    dates = [hit.date for hit in found.results if hit.match == "exact"]
    assert dates == sorted(dates, reverse=True) and found.latest == found.results[0]


def test_known_phrases_are_found_at_their_symbol_and_label(library: Library) -> None:
    def places(query: str, **options: Any) -> list[tuple[str, str]]:
        return [(hit.symbol, hit.label) for hit in library.search(query, **options).results if hit.match == "exact"]

    assert places("continue its consideration of the question at its seventy-seventh session") == [
        ("A/RES/76/159", "OP17")]
    assert places("its resolution 75/180 of 16 December 2020") == [("A/RES/76/159", "PP3")]
    assert places("tenth and twentieth anniversaries of the adoption of the Durban Declaration") == [
        ("A/RES/76/159", "PP4")]
    latest = library.search("full and effective participation").latest
    assert latest is not None and (latest.symbol, latest.label) == ("A/RES/80/48", "PP22")


def test_filters(library: Library) -> None:
    everywhere = library.search("human rights and fundamental freedoms", limit=200).results
    assert {hit.label.split()[0][:2] for hit in everywhere} == {"PP", "OP", "an"}  # "annex 1 para 4" too
    operative = library.search("human rights and fundamental freedoms", part="operative", limit=200).results
    assert operative and all(hit.label.startswith("OP") for hit in operative)
    assert {(h.symbol, h.label) for h in operative} == {(h.symbol, h.label) for h in everywhere
                                                       if h.label.startswith("OP") and h.match == "exact"}
    recent = library.search("human rights and fundamental freedoms", since=2021, limit=200)
    assert recent.results and all(hit.date >= "2021" for hit in recent.results)
    assert recent.uses < library.search("human rights and fundamental freedoms").uses
    urges = library.search("States", lead="Urges", limit=200).results
    assert urges and all(re.match(r"(\w+ ){0,2}urges\b", hit.text, re.IGNORECASE) for hit in urges)
    council = library.search("calls upon", organ="Security Council", limit=200).results
    assert council and all(hit.symbol.startswith("S/") for hit in council)


def test_a_whole_paragraph_finds_its_near_copies(library: Library) -> None:
    op1 = ("Reaffirms that it is one of the purposes of the United Nations and the responsibility of all Member "
           "States to promote, protect and encourage respect for human rights and fundamental freedoms for all "
           "through, inter alia, international cooperation and dialogue;")
    found = library.search(op1)
    near = [(hit.symbol, hit.label) for hit in found.results if hit.match == "near" and hit.score >= 0.9]
    assert {("A/RES/72/169", "OP1"), ("A/RES/75/180", "OP1"), ("A/RES/76/159", "OP1")} <= set(near)
    scores = [hit.score for hit in found.results if hit.match == "near"]
    assert scores == sorted(scores, reverse=True)


def test_a_pasted_paragraph_is_found_word_for_word_and_nearly(library: Library) -> None:
    op1 = load(CORPUS / "A-RES-76-159.txt").operatives()[0].text
    found = library.search(op1)
    assert [(h.symbol, h.label, h.match) for h in found.results[:3]] == [
        ("A/RES/76/159", "OP1", "exact"), ("A/RES/75/180", "OP1", "near"), ("A/RES/72/169", "OP1", "near")]
    assert found.results[0].spans == [(0, len(op1) - 1)]  # every word of it, up to its closing semicolon
    assert found.uses == 3  # the paragraphs at least 90 % alike: 76/159, 75/180 and 72/169
    assert found.latest is not None and found.latest.symbol == "A/RES/76/159"


def test_a_phrase_too_common_to_count_in_time(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("drafter.library.search.COUNT_SECONDS", 60.0)  # time enough, however busy the machine
    everything = library.search("of the", limit=5)
    assert everything.counted and everything.uses == len(TEXTS)
    monkeypatch.setattr("drafter.library.search.COUNT_SECONDS", 0.0)
    hurried = library.search("of the", limit=5)
    assert not hurried.counted and 0 < hurried.uses <= everything.uses
    assert [(h.symbol, h.label) for h in hurried.results] == [(h.symbol, h.label) for h in everything.results]


def test_search_from_the_command_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["library", "search", "full and effective participation", "--json", "--limit", "2",
                           "--library", str(folder)], capsys)
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"query", "uses", "latest", "results"}
    assert data["uses"] == len(_holding("full and effective participation"))
    assert len(data["results"]) == 2
    assert set(data["results"][0]) >= {"symbol", "date", "label", "text", "score", "match"}
    code, out, _err = run(["library", "search", "full and effective participation", "--library", str(folder)], capsys)
    assert out.startswith(f"“full and effective participation”: used in {data['uses']} texts, last in "
                          "A/RES/80/48 PP22 (2025-12-01)")
    assert "**full and effective participation**" in out
    for bad in (["--since", "1800"], ["--limit", "0"], ["--part", "annexes"]):
        code, out, err = run(["library", "search", "x", *bad, "--library", str(folder)], capsys)
        assert code == 2 and out == "" and err.count("\n") == 1


# --- series ------------------------------------------------------------------------------------------
def test_series_follow_titles_and_recalls(library: Library, folder: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert [m.symbol for m in library.history("A/RES/76/159").members] == [
        "A/RES/72/169", "A/RES/75/180", "A/RES/76/159"]
    assert [m.symbol for m in library.history("77/7").members] == ["A/RES/75/289", "A/RES/77/7", "A/RES/80/4"]
    assert [m.symbol for m in library.history("A/RES/80/13").members] == ["A/RES/80/13"]
    steps = library.history("A/RES/76/159", "OP1").steps
    assert [(s.symbol, s.label) for s in steps] == [("A/RES/72/169", "OP1"), ("A/RES/75/180", "OP1"),
                                                    ("A/RES/76/159", "OP1")]
    assert all(op.op == "equal" for op in steps[1].ops)
    assert [op.text.strip() for op in steps[2].ops if op.op == "insert"] == ["all", "for all"]
    code, out, _err = run(["library", "history", "A/RES/76/159", "--paragraph", "PP3", "--library", str(folder)],
                          capsys)
    assert code == 0
    assert "[-74/153" in out and "{+75/180" in out  # the recall chain brought up to date, as a redline
    code, _out, err = run(["library", "history", "A/RES/76/159", "--paragraph", "OP40", "--library", str(folder)],
                          capsys)
    assert code == 2 and "has no paragraph OP40" in err


# --- failures ----------------------------------------------------------------------------------------
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
"""


def test_a_library_locked_by_another_program(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Library(tmp_path) as library:
        library.add([CORPUS / "A-RES-80-13.txt"])
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / FILE_NAME)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with Library(tmp_path, timeout=0.2) as library:
            assert library.search("Indian Ocean").uses == 1  # reading goes on while another program writes
            with pytest.raises(LibraryLocked) as caught:
                library.add([CORPUS / "A-RES-80-14.txt"])
            assert "\n" not in str(caught.value) and "another program" in str(caught.value)
            with pytest.raises(LibraryLocked):
                library.remove("A/RES/80/13")
        code, out, err = run(["library", "add", str(CORPUS / "A-RES-80-14.txt"), "--library", str(tmp_path)], capsys)
        assert code == 2 and out == ""
        assert err.startswith("drafter library: ") and err.count("\n") == 1 and "write lock" in err
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
    with Library(tmp_path) as library:  # once the other program is done, the library is whole
        assert library.add([CORPUS / "A-RES-80-14.txt"]).added


def test_a_library_deleted_or_replaced_while_in_use(tmp_path: Path) -> None:
    with Library(tmp_path / "gone") as library:
        library.add([CORPUS / "A-RES-80-13.txt"])
        shutil.rmtree(tmp_path / "gone")
        for call in (lambda: library.search("Indian Ocean"), lambda: library.add([CORPUS / "A-RES-80-14.txt"]),
                     library.stats, lambda: library.provenance(["Recalling the Declaration of the Indian Ocean"])):
            with pytest.raises(LibraryGone) as caught:
                call()
            assert "\n" not in str(caught.value) and "deleted or replaced while in use" in str(caught.value)
    with Library(tmp_path / "replaced") as library:
        library.add([CORPUS / "A-RES-80-13.txt"])
        path = tmp_path / "replaced" / FILE_NAME
        path.unlink()
        path.write_bytes(b"")
        with pytest.raises(LibraryGone):
            library.search("Indian Ocean")


def test_a_damaged_library_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"this is not a database " * 300)
    with pytest.raises(LibraryError, match="damaged or is not a Drafter library"):
        Library(tmp_path)
    code, out, err = run(["library", "search", "peace", "--library", str(tmp_path)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err


def test_calls_from_several_threads(tmp_path: Path) -> None:
    """A worker adds files while two others search and trace: every call succeeds, one at a time."""
    errors: list[BaseException] = []
    with Library(tmp_path) as library:
        library.add(TEXTS[:3])

        def work(call: Callable[[], object]) -> None:
            try:
                for _ in range(15):
                    call()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(lambda: library.search("human rights"),)),
                   threading.Thread(target=work, args=(lambda: library.provenance(
                       ["Reaffirms that it is one of the purposes of the United Nations"]),)),
                   threading.Thread(target=library.add, args=(TEXTS[3:12],))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert errors == []
        assert library.stats().documents == 12
