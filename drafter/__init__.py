"""Drafter: draft, compare and export United Nations resolutions.

The core is pure Python and never imports Qt.
"""

from __future__ import annotations

from drafter.compare import ChangeList, compare
from drafter.errors import DrafterError, ExportFailed, ImportFailed
from drafter.exporters.docx import export_docx
from drafter.model import Resolution
from drafter.version import __version__


def load(path: str) -> Resolution:
    """The model of any importable file: text, PDF, Word .docx, Akoma Ntoso XML or Drafter JSON."""
    from drafter.importers import load as _load

    return _load(path)


__all__ = [
    "ChangeList",
    "DrafterError",
    "ExportFailed",
    "ImportFailed",
    "Resolution",
    "__version__",
    "compare",
    "export_docx",
    "load",
]
