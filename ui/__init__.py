"""The Drafter desktop app: a thin PySide6 layer over the `drafter` core."""

from __future__ import annotations

import sys


def _guard_refcounts() -> None:
    """Work around a shiboken6 defect seen with PySide6 6.12.0 on CPython 3.11: every call of a void Qt
    method drops a reference to None, and every `Signal.emit()` from Python one to True, so a session
    aborts ("none_dealloc", "bool_dealloc") after a few thousand edits.

    Where a probe shows the leak, None, True and False get the large reference count that CPython 3.12
    gives them anyway (PEP 683, immortal objects). Nothing changes where the defect is absent.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.ping.emit()
    leaking = [value for value, before in ((None, none_before), (True, true_before))
               if sys.getrefcount(value) < before]
    if True in leaking:
        leaking.append(False)
    for value in leaking:
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 40


_guard_refcounts()
