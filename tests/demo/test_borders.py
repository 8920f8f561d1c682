"""Demo content is data kept out of the product: no production module imports the demo app, and no
production app holds demo modules of its own."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_APPS = ["home", "jobs", "editorial", "search", "metnum_site"]


def production_modules():
    for app in PRODUCTION_APPS:
        yield from sorted((ROOT / app).rglob("*.py"))


def imported_names(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_the_production_apps_are_found():
    assert len(list(production_modules())) > 50


@pytest.mark.parametrize("app", PRODUCTION_APPS)
def test_no_production_module_imports_demo_content(app):
    offending = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in production_modules()
        if path.is_relative_to(ROOT / app)
        for name in imported_names(path)
        if name == "demo" or name.startswith("demo.") or ".demo" in name
    ]

    assert offending == []


def test_no_production_app_holds_demo_modules():
    demo_modules = [str(path.relative_to(ROOT)) for path in production_modules() if "demo" in path.stem]

    assert demo_modules == []
