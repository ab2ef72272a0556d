"""Layer rules import-linter cannot express: which Qt modules each layer may import."""

from __future__ import annotations

import ast
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
        if p.name != "plotting.py" and any(m.startswith("pyqtgraph") for m in imported_modules(p))
    ]
    assert offenders == []
