"""Layer rules import-linter cannot express: which Qt modules each layer may import."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "st_desktop"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted((PACKAGE / "tasks").rglob("*.py")), ids=str)
def test_tasks_use_qtcore_only(path: Path) -> None:
    qt = {m for m in imported_modules(path) if m.startswith("PySide6.Qt")}
    assert {m.split(".")[1] for m in qt} <= {"QtCore"}, f"{path.name} imports {sorted(qt)}"


def test_only_plotting_imports_pyqtgraph() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[:2] != ("ui", "plotting")
        and any(m.startswith("pyqtgraph") for m in imported_modules(p))
    ]
    assert offenders == []


def test_settings_use_qtcore_only() -> None:
    qt = {m for m in imported_modules(PACKAGE / "settings.py") if m.startswith("PySide6.Qt")}
    assert {m.split(".")[1] for m in qt} <= {"QtCore"}


PLAIN_LAYERS = (
    "st_desktop.domain",
    "st_desktop.api",
    "st_desktop.parsers",
    "st_desktop.store",
    "st_desktop.sandbox",
    "st_desktop.services",
    "st_desktop.errors",
    "st_desktop.paths",
    "st_desktop.progress",
    "st_desktop.memory",
)


def test_plain_layers_load_no_qt_at_all() -> None:
    # import-linter reads the source; this runs it: every module of every plain layer is imported
    # in a fresh interpreter, which must end without PySide6, shiboken6 or pyqtgraph loaded.
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import st_desktop
        names = sys.argv[1:]
        for name in names:
            module = importlib.import_module(name)
            for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
                if info.name.endswith("__main__"):
                    continue
                importlib.import_module(info.name)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in
                        ("PySide6", "shiboken6", "pyqtgraph"))
        print("LOADED", ",".join(loaded))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *PLAIN_LAYERS],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
        timeout=120,
    )
    assert result.stdout.strip() == "LOADED", result.stdout + result.stderr


def test_no_import_cycles_between_modules() -> None:
    grimp = pytest.importorskip("grimp", reason="grimp comes with the dev extra (import-linter)")
    graph = grimp.build_graph("st_desktop")  # TYPE_CHECKING imports included
    cycles = _cycles(graph, sorted(graph.modules))
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def _cycles(graph: object, modules: list[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]  # type: ignore[attr-defined]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in graph.modules:  # type: ignore[attr-defined]
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )  # type: ignore[attr-defined]
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups
