"""The core stays Qt-free, and ruff and mypy pass on it."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import drafter

ROOT = Path(__file__).resolve().parent.parent


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(drafter.__path__, "drafter."))


def test_every_core_module_imports_without_qt() -> None:
    modules = _modules()
    assert len(modules) > 8
    code = (
        "import sys, importlib\n"
        "for name in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):\n"
        "    sys.modules[name] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def test_ruff_is_clean() -> None:
    result = subprocess.run([_tool("ruff"), "check", "drafter", "ui", "tests"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = subprocess.run([_tool("mypy"), "drafter", "ui"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
