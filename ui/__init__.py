"""The Drafter desktop app: a thin PySide6 layer over the `drafter` core."""

from __future__ import annotations

import sys


def _guard_none_refcount() -> None:
    """Work around a shiboken6 bug: on CPython < 3.12 every call of a void Qt method drops a reference to
    None (PySide6 6.12.0 seen here), and a session dies with "none_dealloc" after a few thousand calls.

    When the bug is present, None gets the large reference count that CPython 3.12 gives it anyway
    (PEP 683, immortal objects). Remove this once PySide6 is pinned to a fixed version.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    if sys.getrefcount(None) < before:
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_guard_none_refcount()
