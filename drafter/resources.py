"""Where the files Drafter ships live: the sample resolution and editorial data."""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CANDIDATES = [
    _HERE.parent / "resources",  # a source checkout or an editable install
    Path(sys.prefix) / "share" / "drafter" / "resources",  # pip install ., pipx
    Path(getattr(sys, "_MEIPASS", _HERE)) / "resources",  # the PyInstaller bundle
]


_SAMPLE = "sample-A-RES-72-169.txt"


def resource_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / _SAMPLE).is_file():
            return candidate
    raise FileNotFoundError("Drafter's resources folder is missing from this installation")


def sample_path() -> Path:
    """The bundled sample: A/RES/72/169, Enhancement of international cooperation in the field of human rights."""
    return resource_dir() / _SAMPLE
