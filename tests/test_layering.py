"""The shared code's layers, enforced: knowledge < page model < semantics < checks < rules.

* ``a11y_audit.knowledge`` takes no page: it imports nothing of the page model, the semantics,
  the checks or the rules, not even for type hints or inside a function.
* ``a11y_audit.dom`` (lxml element helpers) imports no other a11y_audit module.
* ``page.py`` imports no semantics and no checks at module level (it may inside a method: the
  page model is the data; the semantics read it).
* ``a11y_audit.semantics`` never imports checks or rules; checks never import rules.
"""

from __future__ import annotations

import ast
import importlib
import pathlib
import pkgutil

import pytest

import a11y_audit

SRC = pathlib.Path(a11y_audit.__file__).parent


def _imports(path: pathlib.Path, *, module_level_only: bool = False) -> set[str]:
    """Every a11y_audit module ``path`` imports (``from a11y_audit.x import y`` gives both
    ``a11y_audit.x`` and ``a11y_audit.x.y``; relative imports are resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("a11y_audit", *path.relative_to(SRC).with_suffix("").parts[:-1])) \
        if path.is_relative_to(SRC) else "a11y_audit"
    nodes = _module_level(tree.body) if module_level_only else ast.walk(tree)
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "a11y_audit" or name.startswith("a11y_audit.")}


def _module_level(body: list[ast.stmt]):
    """Statements run at import time: the body, and the bodies of top-level if/try blocks
    (``if TYPE_CHECKING:`` runs no import at run time, so it is skipped)."""
    for node in body:
        if isinstance(node, ast.If):
            if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                yield from _module_level(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            yield from _module_level(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                yield from _module_level(handler.body)
        else:
            yield node


def _modules(package: str) -> list[pathlib.Path]:
    paths = sorted((SRC / package).glob("*.py"))
    assert paths, f"no modules in a11y_audit.{package}"
    return paths


def _within(names: set[str], prefixes: tuple[str, ...]) -> set[str]:
    return {name for name in names if any(name == p or name.startswith(p + ".") for p in prefixes)}


LAYERS = {
    # package -> the a11y_audit modules it may never import (anywhere in the file)
    "knowledge": ("a11y_audit.page", "a11y_audit.rule", "a11y_audit.semantics",
                  "a11y_audit.checks", "a11y_audit.rules", "a11y_audit.engine"),
    "semantics": ("a11y_audit.checks", "a11y_audit.rules", "a11y_audit.rule",
                  "a11y_audit.engine"),
    "checks": ("a11y_audit.rules", "a11y_audit.engine"),
}


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_each_layer_imports_only_the_layers_below(package):
    bad = {
        path.name: sorted(_within(_imports(path), LAYERS[package]))
        for path in _modules(package)
    }
    assert {name: found for name, found in bad.items() if found} == {}


def test_knowledge_imports_only_knowledge_and_dom():
    allowed = ("a11y_audit.knowledge", "a11y_audit.dom")
    for path in _modules("knowledge"):
        names = _imports(path) - {"a11y_audit"}
        assert names - _within(names, allowed) == set(), path.name


def test_knowledge_functions_take_no_page():
    for path in _modules("knowledge"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
                assert all(a.arg != "page" for a in args), f"{path.name}: {node.name}(page)"


def test_dom_helpers_import_no_other_module_of_ours():
    assert _imports(SRC / "dom.py") == set()


def test_page_model_imports_no_semantics_or_checks_at_module_level():
    names = _imports(SRC / "page.py", module_level_only=True)
    forbidden = ("a11y_audit.semantics", "a11y_audit.checks", "a11y_audit.rules",
                 "a11y_audit.rule", "a11y_audit.engine")
    assert _within(names, forbidden) == set()
    assert "a11y_audit.knowledge.aria" in names    # the check sees real imports


def test_the_old_commons_package_is_gone():
    assert not (SRC / "commons").exists()
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("a11y_audit.commons")


@pytest.mark.parametrize("package", ["knowledge", "semantics", "checks"])
def test_every_module_of_each_layer_imports(package):
    pkg = importlib.import_module(f"a11y_audit.{package}")
    names = [info.name for info in pkgutil.iter_modules(pkg.__path__)]
    assert names
    for name in names:
        importlib.import_module(f"a11y_audit.{package}.{name}")


def test_the_import_scanner_sees_lazy_and_type_checking_imports(tmp_path):
    # the scanner must not be blind: a function-level import and a TYPE_CHECKING import count
    # for the "anywhere" rules, and only the plain one for the module-level rule.
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from typing import TYPE_CHECKING\n"
        "from a11y_audit.knowledge import wcag\n"
        "if TYPE_CHECKING:\n    from a11y_audit.page import Page\n"
        "def f():\n    from a11y_audit.semantics import names\n",
        encoding="utf-8")
    everywhere = _imports(probe)
    assert {"a11y_audit.page", "a11y_audit.semantics.names",
            "a11y_audit.knowledge.wcag"} <= everywhere
    assert _imports(probe, module_level_only=True) == {
        "a11y_audit.knowledge", "a11y_audit.knowledge.wcag"}
