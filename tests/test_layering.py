"""Imports flow one way: ``geo`` <- ``incidents`` <- ``maps``.

Every module of the three packages is parsed (not imported) and every import
statement, including those inside functions and ``TYPE_CHECKING`` blocks, is
checked: ``geo`` imports neither ``incidents`` nor ``maps``; ``incidents`` does
not import ``maps``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {"geo": {"incidents", "maps"}, "incidents": {"maps"}, "maps": set()}


def modules() -> list[Path]:
    return sorted(p for pkg in FORBIDDEN for p in (ROOT / pkg).rglob("*.py"))


def imported_packages(source: str, own: str) -> set[str]:
    """Top-level package of every import in a module of package ``own``."""
    tree = ast.parse(source)
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: stays inside its own package
                out.add(own)
            elif node.module:
                out.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            out.add(node.args[0].value.split(".")[0])
    return out


def packages_of(path: Path) -> set[str]:
    return imported_packages(path.read_text(encoding="utf-8"), path.relative_to(ROOT).parts[0])


def test_the_checker_sees_every_kind_of_import():
    code = (
        "import os\nfrom incidents.schema import CORE\n"
        "def f():\n    import maps.cli\n    return importlib.import_module('maps.build')\n"
        "from . import errors\n"
    )
    assert imported_packages(code, "geo") == {"os", "incidents", "maps", "geo"}


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=str(p.relative_to(ROOT))) for p in modules()],
)
def test_imports_flow_one_way(path):
    rel = path.relative_to(ROOT).as_posix()
    package = rel.split("/")[0]
    bad = packages_of(path) & FORBIDDEN[package]
    assert not bad, f"{rel} imports {sorted(bad)}: {package} must not depend on them"
