"""The core stays Qt-free, its packages import one another without a cycle, no module imports another's
private names, and ruff and mypy pass."""

from __future__ import annotations

import ast
import pkgutil
import shutil
import subprocess
import sys
from collections.abc import Iterator
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


# --- the import graph ---------------------------------------------------------------------------
def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str, root: Path = ROOT) -> bool:
    path = root.joinpath(*name.split("."))
    return path.is_dir() or path.with_suffix(".py").exists()


def _imports(path: Path, roots: tuple[str, ...]) -> Iterator[tuple[int, str, str, str]]:
    """(line, module, name, bound name) of every import of the project in a file, at any depth (lazy
    imports too); `name` is "" for `import module`."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in roots:
                    yield node.lineno, alias.name, "", alias.asname or alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in roots:
            assert node.level == 0, f"{path}:{node.lineno}: a relative import"
            for alias in node.names:
                yield node.lineno, node.module, alias.name, alias.asname or alias.name


def _unit(module: str) -> str:
    """The part of drafter a module belongs to: a package (drafter.compare), a module of its own
    (drafter.model), or the package's front (drafter, its __init__)."""
    return ".".join(module.split(".")[:2])


def _package_graph() -> dict[str, dict[str, set[str]]]:
    """Unit → unit it imports → the modules that import it that way."""
    graph: dict[str, dict[str, set[str]]] = {}
    for path in sorted((ROOT / "drafter").rglob("*.py")):
        module = _module_name(path)
        for _line, imported, name, _bound in _imports(path, ("drafter",)):
            target = f"{imported}.{name}" if name and _is_module(f"{imported}.{name}") else imported
            if _unit(target) != _unit(module):
                graph.setdefault(_unit(module), {}).setdefault(_unit(target), set()).add(module)
    return graph


def _cycles(graph: dict[str, dict[str, set[str]]]) -> list[list[str]]:
    """The groups of units that reach one another (strongly connected, more than one unit)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(unit: str) -> None:
        order[unit] = low[unit] = len(order)
        stack.append(unit)
        for target in graph.get(unit, {}):
            if target not in order:
                visit(target)
                low[unit] = min(low[unit], low[target])
            elif target in stack:
                low[unit] = min(low[unit], order[target])
        if low[unit] == order[unit]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == unit:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for unit in sorted(graph):
        if unit not in order:
            visit(unit)
    return out


def test_the_packages_of_drafter_import_one_another_without_a_cycle() -> None:
    graph = _package_graph()
    assert {"drafter.compare", "drafter.edits", "drafter.importers", "drafter.exporters"} <= graph.keys()
    assert "drafter.model" in graph["drafter.edits"]  # the graph sees imports at all
    problems = [f"{' / '.join(group)}: " + "; ".join(
        f"{unit} -> {target} ({', '.join(sorted(graph[unit][target]))})"
        for unit in group for target in sorted(graph.get(unit, {})) if target in group) for group in _cycles(graph)]
    assert not problems, "\n".join(problems)


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b": {"a.x"}}, "b": {"c": {"b.y"}}, "c": {"a": {"c.z"}}, "d": {"a": {"d.w"}}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b": {"a.x"}}, "b": {}}) == []


def _private_uses(root: Path, tops: tuple[str, ...]) -> list[str]:
    """`from module import _name`, and `module._name` on an imported module, across the modules of `tops`."""
    found: list[str] = []
    for top in tops:
        for path in sorted((root / top).rglob("*.py")):
            modules: set[str] = set()
            for line, imported, name, bound in _imports(path, tops):
                if name.startswith("_") and not name.startswith("__"):
                    found.append(f"{path.relative_to(root)}:{line}: from {imported} import {name}")
                if not name or _is_module(f"{imported}.{name}", root):
                    modules.add(bound)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
                        and node.attr.startswith("_") and not node.attr.startswith("__")):
                    found.append(f"{path.relative_to(root)}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_no_module_imports_a_private_name_of_another() -> None:
    found = _private_uses(ROOT, ("drafter", "ui"))
    assert not found, "\n".join(found)


def test_the_private_name_finder_finds_them(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "inner.py").write_text("_hidden = 1\nshown = 2\n")
    (package / "user.py").write_text("from pkg.inner import _hidden, shown\nfrom pkg import inner as part\n"
                                     "value = part._hidden + part.shown + _hidden + shown\n")
    assert _private_uses(tmp_path, ("pkg",)) == ["pkg/user.py:1: from pkg.inner import _hidden",
                                                 "pkg/user.py:3: part._hidden"]
