"""The native draft file: lossless round trip, version check, atomic saves (recovery: tests/core/test_journal.py)."""

from __future__ import annotations

import copy
import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from drafter import draftfile, edits
from drafter.edits import Document
from drafter.errors import DrafterError, DraftFileError, NewerFormat, SaveFailed
from drafter.model import Text
from drafter.serialize import to_dict
from tests.corpus import CORPUS, load

ROOT = Path(__file__).resolve().parents[2]


def sample_doc() -> Document:
    doc = Document.from_base(copy.deepcopy(load(CORPUS / "A-RES-72-169-clean.txt")), "sample.txt")
    op = doc.draft.operatives()[16]
    edit = edits.set_content(doc, op.id, [*op.content, Text(" further")])
    assert edit is not None
    edit.apply(doc)
    return doc


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    doc = sample_doc()
    doc.meta.author = "Delegation of Ruritania"
    doc.meta.extra = {"session": 80}
    path = tmp_path / "draft.drafter"
    draftfile.save(doc, path)
    again = draftfile.read(path)
    assert to_dict(again.base) == to_dict(doc.base)
    assert to_dict(again.draft) == to_dict(doc.draft)
    assert again.meta == doc.meta
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == "drafter-draft" and data["version"] == draftfile.VERSION_WITHOUT_PROPOSALS


def test_newer_version_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "future.drafter"
    data = draftfile.to_dict(sample_doc())
    data["version"] = draftfile.VERSION + 1
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(NewerFormat) as info:
        draftfile.read(path)
    assert "newer version of Drafter" in str(info.value)
    assert isinstance(info.value, DrafterError)


@pytest.mark.parametrize("content", [b"not json", b'{"format": "drafter-resolution"}', b"[1, 2]",
                                     b'{"format": "drafter-draft", "version": 1}'])
def test_bad_files_raise_draft_file_errors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.drafter"
    path.write_bytes(content)
    with pytest.raises(DraftFileError):
        draftfile.read(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError, match="does not exist"):
        draftfile.read(tmp_path / "nothing.drafter")


@pytest.mark.parametrize(("code", "words"), [(errno.EROFS, "cannot be written"), (errno.EACCES, "cannot be written"),
                                             (errno.ENOSPC, "disk is full")])
def test_failed_save_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int,
                                             words: str) -> None:
    path = tmp_path / "draft.drafter"
    draftfile.save(sample_doc(), path)
    before = path.read_bytes()

    def fail(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(SaveFailed, match=words):
        draftfile.save(Document.from_base(load(CORPUS / "A-RES-80-1.txt")), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["draft.drafter"]  # no temporary file left behind


def test_save_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(SaveFailed):
        draftfile.save(sample_doc(), tmp_path / "no" / "such" / "draft.drafter")


_WRITER = textwrap.dedent("""
    import copy, sys
    sys.path.insert(0, {root!r})
    import drafter
    from drafter import draftfile
    from drafter.edits import Document
    from drafter.model import Text
    doc = Document.from_base(drafter.load({source!r}))
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        doc.meta.notes = "save %d " % n + "x" * 200000
        draftfile.save(doc, {target!r})
""")


@pytest.mark.parametrize("delay", [0.05, 0.13, 0.31])
def test_sigkill_during_saves_leaves_a_whole_file(tmp_path: Path, delay: float) -> None:
    target = tmp_path / "draft.drafter"
    first = sample_doc()
    draftfile.save(first, target)
    script = _WRITER.format(root=str(ROOT), source=str(CORPUS / "A-RES-80-5.txt"), target=str(target))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    doc = draftfile.read(target)  # whole: either the first file or one complete later save
    assert doc.meta.notes == "" or doc.meta.notes.startswith("save ")
    leftovers = [p for p in tmp_path.iterdir() if p.name != "draft.drafter"]
    for leftover in leftovers:  # at most the temporary file of the interrupted save
        assert leftover.name.startswith(".draft.drafter.") and leftover.suffix == ".part"


