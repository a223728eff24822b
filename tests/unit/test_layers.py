"""The house's rules, checked on the source: features form layers, rooms stay small, no class does everything."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.support.paths import ROOT

SERVICE = ROOT / "service"
# The one place allowed to name every feature: Alembic's import list of all tables.
_TABLES_LIST = SERVICE / "db" / "migrations" / "tables.py"
# Data tables and generated migrations may be long; everything else is split before it gets there.
_LONG_ALLOWED = {SERVICE / "problems" / "catalogue.py"}
MAX_MODULE_LINES = 450
MAX_PUBLIC_METHODS = 25


def _modules() -> Iterator[Path]:
    for path in sorted(SERVICE.rglob("*.py")):
        if "versions" not in path.parts:
            yield path


def _runtime_imports(tree: ast.Module) -> Iterator[str]:
    """Every `service.…` module imported, at module level or in a function, except under `if TYPE_CHECKING:`."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped.update(id(inner) for inner in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("service."):
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("service."))


def _feature_of(path: Path) -> str | None:
    """The feature folder a module belongs to (None for the flat infrastructure modules at the top)."""
    parts = path.relative_to(SERVICE).parts
    return parts[0] if len(parts) > 1 else None


def test_no_two_feature_folders_import_each_other() -> None:
    edges: dict[tuple[str, str], str] = {}
    for path in _modules():
        feature = _feature_of(path)
        if feature is None or path == _TABLES_LIST:
            continue
        for module in _runtime_imports(ast.parse(path.read_text())):
            other = module.split(".")[1]
            if other != feature and (SERVICE / other).is_dir():
                edges.setdefault((feature, other), str(path.relative_to(ROOT)))
    cycles = sorted(f"{a} <-> {b} ({edges[a, b]}, {edges[b, a]})" for a, b in edges if (b, a) in edges and a < b)
    assert cycles == []


def test_no_module_is_over_the_limit() -> None:
    long = {
        str(path.relative_to(ROOT)): count
        for path in _modules()
        if path not in _LONG_ALLOWED and (count := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_class_has_more_than_the_public_methods_allowed() -> None:
    large = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef):
                public = [f for f in node.body if isinstance(f, ast.FunctionDef) and not f.name.startswith("_")]
                if len(public) > MAX_PUBLIC_METHODS:
                    large[f"{path.relative_to(ROOT)}:{node.name}"] = len(public)
    assert large == {}


def test_the_database_package_holds_no_feature_tables_or_queries() -> None:
    db = SERVICE / "db"
    tables = [
        str(path.relative_to(ROOT))
        for path in db.rglob("*.py")
        if "__tablename__" in path.read_text() and "versions" not in path.parts
    ]
    assert tables == []
    assert not (db / "store.py").exists()
    assert not (db / "models.py").exists()


def test_config_composes_feature_settings_and_imports_no_other_feature_code() -> None:
    imported = set(_runtime_imports(ast.parse((SERVICE / "config.py").read_text())))
    features = {module for module in imported if (SERVICE / module.split(".")[1]).is_dir()}
    assert features == {
        "service.apikeys.settings",
        "service.console.settings",
        "service.email.settings",
        "service.webhooks.settings",
    }
