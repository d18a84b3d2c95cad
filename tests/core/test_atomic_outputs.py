"""The follow-up draft `drafter followup -o OUT` writes (JSON, .drafter, Word) is replaced atomically: a
process killed while it writes, or a write that fails half way, leaves the file that was there whole."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter import cli
from tests.corpus import CORPUS

ROOT = Path(__file__).resolve().parents[2]
BASE = CORPUS / "A-RES-75-180.txt"


def followup(target: Path, session: int) -> list[str]:
    return ["followup", str(BASE), "--session", str(session), "-o", str(target)]


def others(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != name)


@pytest.mark.parametrize("suffix", [".json", ".drafter", ".docx"])
def test_a_kill_while_followup_writes_leaves_the_old_file(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"draft{suffix}"
    assert cli.main(followup(target, 76)) == 0
    before = target.read_bytes()
    # the new bytes are written and synced; the process dies the moment it would put them in place
    script = ("import os\n"
              "os.replace = lambda *args, **kwargs: os.kill(os.getpid(), 9)\n"
              "from drafter.cli import main\n"
              f"main({followup(target, 77)!r})\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120, check=False)
    assert done.returncode == -9, done.stderr
    assert target.read_bytes() == before
    assert all(name.startswith(f".{target.name}.") and name.endswith(".part") for name in others(tmp_path, target.name))
    assert cli.main(followup(target, 77)) == 0  # and the next run replaces it
    assert target.read_bytes() != before


@pytest.mark.parametrize("suffix", [".json", ".drafter", ".docx"])
def test_a_failed_write_leaves_the_old_file_and_says_why(tmp_path: Path, suffix: str,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"draft{suffix}"
    assert cli.main(followup(target, 76)) == 0
    before = target.read_bytes()
    capsys.readouterr()

    def full(_descriptor: int) -> None:  # the disk fills while the new bytes are made durable
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert cli.main(followup(target, 77)) == 2
    err = capsys.readouterr().err
    assert str(target) in err and err.count("\n") == 1, err
    assert "No space left on device" in err or "the disk is full" in err, err
    assert target.read_bytes() == before
    assert others(tmp_path, target.name) == []  # the temporary file is gone too
