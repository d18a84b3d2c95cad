"""Where the files Drafter ships live: the sample resolution and editorial data."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CANDIDATES = [_HERE.parent / "resources", _HERE / "_resources"]


def resource_dir() -> Path:
    for candidate in _CANDIDATES:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Drafter's resources folder is missing from this installation")


def sample_path() -> Path:
    """The bundled sample: A/RES/72/169, Enhancement of international cooperation in the field of human rights."""
    return resource_dir() / "sample-A-RES-72-169.txt"
