"""Smoke test of the Linux bundle built by packaging/build-linux.sh (CI builds it before the tests)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "dist" / "drafter" / "drafter"

pytestmark = pytest.mark.skipif(not BINARY.exists(), reason="no bundle: run bash packaging/build-linux.sh first")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("drafter ")


def test_reads_the_bundled_sample() -> None:
    sample = BINARY.parent / "_internal" / "resources" / "sample-A-RES-72-169.txt"
    assert sample.exists()
    result = run("inspect", str(sample))
    assert result.returncode == 0, result.stderr
    assert "14 preambular, 17 operative" in result.stdout


def test_renders_the_window(tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = run("gui", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000


def test_exports_tracked_changes_headless(tmp_path: Path) -> None:
    import zipfile

    sample = BINARY.parent / "_internal" / "resources" / "sample-A-RES-72-169.txt"
    newer = ROOT / "tests" / "data" / "corpus" / "A-RES-75-180.txt"
    out = tmp_path / "draft.docx"
    result = run("export", str(newer), "--base", str(sample), "--track-changes", "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "<w:ins " in document and "<w:del " in document
    assert "74/153" in document and "70/153" in document  # the recall chain, old and new
