"""Starting the app from the command line: `drafter FILE` opens FILE as `drafter gui FILE` does, and
without a display the app says so in one line instead of Qt's abort about xcb libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from drafter import cli
from tests.corpus import CORPUS
from ui.app import no_display

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environ.update(env, PYTHONPATH=str(ROOT), HOME=environ.get("HOME", "/tmp"))
    return subprocess.run([sys.executable, "-m", "drafter.cli", *args], capture_output=True, text=True,
                          env=environ, cwd=ROOT, timeout=120)


def test_no_display_is_one_clear_line() -> None:
    done = _run([])
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafter: no display:"), done.stderr
    assert "xcb" not in done.stderr


def test_which_environments_have_a_display() -> None:
    assert no_display({}) and no_display({"QT_QPA_PLATFORM": "xcb"})
    assert not no_display({"DISPLAY": ":0"}) and not no_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert not no_display({"QT_QPA_PLATFORM": "offscreen"})


def test_drafter_file_opens_the_app(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = _run([str(CORPUS / "A-RES-75-180.txt"), "--screenshot", str(shot)])  # no display: rendered offscreen
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert image.width() > 600 and image.height() > 400


def test_drafter_file_is_dispatched_to_gui(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[tuple[object, ...]] = []
    monkeypatch.setattr("ui.app.main", lambda *args, **kwargs: opened.append((*args, kwargs.get("base"))) or 0)
    draft = str(CORPUS / "A-RES-77-7.txt")
    assert cli.main([draft, "--base", str(CORPUS / "A-RES-75-289.txt")]) == 0
    assert opened == [(draft, str(CORPUS / "A-RES-75-289.txt"))]
    assert cli.main(["no-such-file.drafter"]) == 2


def test_a_draft_file_opens_in_the_compare_view(tmp_path: Path) -> None:
    draft, shot = tmp_path / "d.drafter", tmp_path / "shot.png"
    assert cli.main(["followup", str(CORPUS / "A-RES-75-180.txt"), "--session", "76", "-o", str(draft)]) == 0
    done = _run([str(draft), "--base", str(CORPUS / "A-RES-75-180.txt"), "--view", "compare",
                 "--screenshot", str(shot)])
    assert done.returncode == 0, done.stderr
    assert QImage(str(shot)).width() > 600
