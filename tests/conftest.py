"""Shared pytest setup: the repository root on sys.path, so tests import helpers as `tests.<module>`.

Works the same under `pytest` and `python -m pytest`, from any working directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
