"""`drafter gui FILE --screenshot PNG` replaces the PNG atomically: a kill while it writes, or a write that
fails (a full disk), leaves the picture that was there whole; the failure is said in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "tests" / "data" / "corpus" / "A-RES-75-180.txt"
ENV = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}


def shoot(shot: Path, home: Path, before: str = "") -> subprocess.CompletedProcess[str]:
    script = (f"{before}\n"
              "import sys\n"
              "from ui.app import main\n"
              f"sys.exit(main({str(TEXT)!r}, screenshot={str(shot)!r}))\n")
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=ENV | {"HOME": str(home)}, check=False)


def test_a_kill_or_a_full_disk_while_the_screenshot_is_written_leaves_the_old_one(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    first = shoot(shot, tmp_path)
    assert first.returncode == 0, first.stderr
    before = shot.read_bytes()
    assert QImage(str(shot)).width() > 600

    killed = shoot(shot, tmp_path, "import os\nos.replace = lambda *args, **kwargs: os.kill(os.getpid(), 9)")
    assert killed.returncode == -9, killed.stderr
    assert shot.read_bytes() == before

    full = shoot(shot, tmp_path, "import errno, os\n"
                                 "def full(_fd):\n"
                                 "    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
                                 "os.fsync = full")
    assert full.returncode == 2
    said = [line for line in full.stderr.splitlines() if line.startswith("drafter:")]
    assert said == [f"drafter: {shot}: cannot write the screenshot (No space left on device)"], full.stderr
    assert shot.read_bytes() == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.suffix == ".part"]
    assert all(name.startswith(".shot.png.") for name in leftovers)  # at most the killed run's temporary file
