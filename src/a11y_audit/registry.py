"""Finding rules: every module in :mod:`a11y_audit.rules`, then ``a11y_audit.rules`` entry points.

Built-in rules are discovered from the package rather than listed by hand: a module *is* the
registration, so a rule cannot be written and forgotten, and helpers working on different rules
never edit the same file. A test checks that each module name is its rule id in snake_case and
that every rule has its ``rules/<id>/`` fixture folder.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

from a11y_audit.explain import plain
from a11y_audit.rule import Result, Rule

ENTRY_POINT_GROUP = "a11y_audit.rules"


@dataclass(frozen=True)
class LoadedRule:
    """A rule module ready to run: its metadata, its check function and default options."""

    rule: Rule
    check: Callable[..., Iterator[Result]]
    module: ModuleType
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.rule.id

    def run(self, page: Any, options: dict[str, Any] | None = None) -> Iterator[Result]:
        if self.options:
            return self.check(page, {**self.options, **(options or {})})
        return self.check(page)


class RegistryError(Exception):
    pass


def load_module(module: ModuleType) -> LoadedRule:
    """Check a rule module's shape and attach its docstring to the metadata."""
    rule = getattr(module, "RULE", None)
    check = getattr(module, "check", None)
    if not isinstance(rule, Rule) or not callable(check):
        raise RegistryError(f"{module.__name__}: a rule module needs RULE = Rule(...) and check()")
    doc = inspect.getdoc(module) or ""
    # the docstring's first line as plain text: every place that shows it (the rules list,
    # the reports, SARIF's text) is plain text; SARIF's markdown reads the docstring itself
    description = plain(doc.strip().splitlines()[0].strip()) if doc.strip() else rule.help
    rule = replace(rule, description=description, docs=doc)
    options = dict(getattr(module, "OPTIONS", {}) or {})
    return LoadedRule(rule, check, module, options)


@cache
def builtin_rules() -> tuple[LoadedRule, ...]:
    import a11y_audit.rules as package

    loaded = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        loaded.append(load_module(module))
    return tuple(loaded)


@cache
def all_rules() -> tuple[LoadedRule, ...]:
    """Built-in rules, then plugin rules (sorted by id); ids must be unique."""
    rules = list(builtin_rules())
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        loaded = load_module(entry.load())
        if loaded.id != entry.name:
            raise RegistryError(f"entry point {entry.name!r} loads rule {loaded.id!r}")
        rules.append(loaded)
    seen: dict[str, str] = {}
    for loaded in rules:
        for name in (loaded.id, *loaded.rule.aliases):
            if name in seen:
                raise RegistryError(f"rule id {name!r} is defined twice")
            seen[name] = loaded.id
    return tuple(sorted(rules, key=lambda r: r.id))


def get(rule_id: str) -> LoadedRule:
    """A rule by id or alias, case-insensitively; KeyError names the unknown id."""
    wanted = rule_id.strip().casefold()
    for loaded in all_rules():
        if wanted in (name.casefold() for name in (loaded.id, *loaded.rule.aliases)):
            return loaded
    raise KeyError(rule_id)
