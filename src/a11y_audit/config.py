"""Configuration: defaults < ``[tool.a11y-audit]`` in pyproject.toml or ``.a11y-audit.toml``
(the nearest one walking up from the working directory) < command-line flags.

    [tool.a11y-audit]              # in .a11y-audit.toml the table is the top level
    select = ["wcag2a", "news"]    # rule ids or tags; default: every rule
    ignore = ["region"]            # rule ids or tags, removed after select
    fail-on = "serious"
    format = ["terminal", "json"]
    out = "reports"
    baseline = ".a11y-baseline.json"

    [tool.a11y-audit.rules.skip-link]     # per-rule options (see `a11y-audit explain ID`)
    first-focusable = 15
    impact = "serious"                    # impact override

    [[tool.a11y-audit.ignore-elements]]   # ignore a rule on elements matching a CSS selector
    rule = "frame-title"                  # a rule id, or "*" for every rule
    selector = "iframe.ad-slot"

    include = ["article"]     # audit only these subtrees (CSS selectors; axe's context)
    exclude = [".ad-slot"]    # and drop every rule's results inside these
    headers = ["Authorization: Bearer ${STAGING_TOKEN}"]   # to the origins of URLs named
    ca-bundle = "certs/staging-ca.pem"    # a staging site's own certificate authority
    cookies = "staging-cookies.txt"       # a login's session, as curl -c writes it

Unknown keys, rule ids, tags, options or formats are errors that name them.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from a11y_audit.credentials import CredentialsError, expand, parse_header
from a11y_audit.outcome import Impact
from a11y_audit.registry import LoadedRule, all_rules
from a11y_audit.scope import Scope, ScopeError
from a11y_audit.templates import LANGUAGES

FILE_NAMES = (".a11y-audit.toml", "pyproject.toml")
TOP_KEYS = frozenset(("select", "ignore", "fail-on", "format", "out", "baseline", "rules",
                      "ignore-elements", "include-passed", "stylesheets", "viewport", "site-root",
                      "site-urls", "include", "exclude", "missing-stylesheets",
                      "html-max-pages", "headers", "ca-bundle", "cookies", "templates",
                      "fragments"))
# Article findings in the HTML report: those of the first this many pages that have some
# (writers.html_writer.MAX_PAGES; 0: every page)
HTML_MAX_PAGES = 1000
MISSING_STYLESHEETS = ("cantTell", "ignore")
# How a local file's template syntax is read (a11y_audit.templates): found in its markup or
# its name, never, or as the language named
TEMPLATES = ("auto", "off", *LANGUAGES)
# A local file without doctype, <html>, <head>, <body> or <title>: a partial ("auto"), or a
# page like any other ("pages")
FRAGMENTS = ("auto", "pages")


class ConfigError(Exception):
    """A configuration problem; the message names the file and the offending key or value."""


@dataclass(frozen=True)
class ElementIgnore:
    rule: str          # rule id or "*"
    selector: str
    xpath: str


@dataclass(frozen=True)
class Config:
    source: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Impact | None = None
    formats: tuple[str, ...] = ()
    out: Path | None = None
    baseline: Path | None = None
    include_passed: bool = False
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    impacts: dict[str, Impact] = field(default_factory=dict)
    ignore_elements: tuple[ElementIgnore, ...] = ()
    stylesheets: tuple[Path, ...] = ()     # site CSS applied to every page (the cascade)
    viewport: str | None = None            # "WIDTHxHEIGHT" for @media; default 1280x800
    scope: Scope | None = None             # include/exclude CSS selectors (a11y_audit.scope)
    # a linked stylesheet that cannot be read: "cantTell" (styles unknown) or "ignore" (absent,
    # as in a browser whose load failed); see a11y_audit.semantics.cascade
    missing_stylesheets: str = "cantTell"
    site_root: Path | None = None          # where a local page's "/css/x.css" links point
    # URLs whose stylesheets are the site's own files under site_root (--site-url)
    site_urls: tuple[str, ...] = ()
    html_max_pages: int = HTML_MAX_PAGES   # pages with article findings written in HTML (0: all)
    # "Name: value" headers for the origins of the URLs named (a11y_audit.credentials), their
    # ${VAR} references expanded; never printed
    headers: tuple[tuple[str, str], ...] = ()
    ca_bundle: Path | None = None          # PEM file of CAs trusted besides the public ones
    cookies: Path | None = None            # Netscape cookie file (a login's session)
    templates: str = "auto"                # TEMPLATES
    fragments: str = "auto"                # FRAGMENTS

    def rules(self) -> list[LoadedRule]:
        """The rules to run: selected (all by default) minus ignored, impacts overridden."""
        every = all_rules()
        chosen = list(rules_named(self.select, every) if self.select else every)
        chosen = [r for r in chosen if not _matches(r, self.ignore)]
        out = []
        for loaded in chosen:
            impact = self.impacts.get(loaded.id)
            if impact is not None:
                loaded = replace(loaded, rule=replace(loaded.rule, impact=impact))
            out.append(loaded)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": str(self.source) if self.source else None,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "fail-on": str(self.fail_on) if self.fail_on else None,
            "format": list(self.formats),
            "out": str(self.out) if self.out else None,
            "baseline": str(self.baseline) if self.baseline else None,
            "include-passed": self.include_passed,
            "rules": {
                rid: {**self.rule_options.get(rid, {}),
                      **({"impact": str(self.impacts[rid])} if rid in self.impacts else {})}
                for rid in sorted({*self.rule_options, *self.impacts})
            },
            "ignore-elements": [{"rule": i.rule, "selector": i.selector}
                                for i in self.ignore_elements],
            "stylesheets": [str(p) for p in self.stylesheets],
            "viewport": self.viewport,
            "missing-stylesheets": self.missing_stylesheets,
            "site-root": str(self.site_root) if self.site_root else None,
            "site-urls": list(self.site_urls),
            "html-max-pages": self.html_max_pages,
            "headers": [f"{name}: ****" for name, _ in self.headers],
            "ca-bundle": str(self.ca_bundle) if self.ca_bundle else None,
            "cookies": str(self.cookies) if self.cookies else None,
            "templates": self.templates,
            "fragments": self.fragments,
            "include": list(self.scope.include) if self.scope else [],
            "exclude": list(self.scope.exclude) if self.scope else [],
            "rules-run": [r.id for r in self.rules()],
        }


def rules_named(names: tuple[str, ...], rules: Iterable[LoadedRule]) -> tuple[LoadedRule, ...]:
    """The ``rules`` that one of ``names`` (ids, aliases or tags, as :func:`resolve_names`
    spells them) names, in their order."""
    return tuple(r for r in rules if _matches(r, names))


def _matches(loaded: LoadedRule, names: tuple[str, ...]) -> bool:
    tags = set(loaded.rule.all_tags)
    return any(n == loaded.id or n in loaded.rule.aliases or n in tags for n in names)


def find_config(start: Path) -> Path | None:
    """The nearest .a11y-audit.toml, or pyproject.toml with a [tool.a11y-audit] table."""
    for folder in (start, *start.parents):
        for name in FILE_NAMES:
            path = folder / name
            if not path.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    data = tomllib.loads(path.read_text(encoding="utf-8"))
                except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                    continue
                if "a11y-audit" not in data.get("tool", {}):
                    continue
            return path
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("a11y-audit", {})
    return parse(data, path)


def parse(data: dict[str, Any], path: Path | None = None) -> Config:
    where = str(path) if path else "configuration"
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; known: "
                          f"{', '.join(sorted(TOP_KEYS))}")
    known_names = _known_names()
    select = _names(data.get("select", []), "select", where, known_names)
    ignore = _names(data.get("ignore", []), "ignore", where, known_names)
    fail_on = _impact(data.get("fail-on"), "fail-on", where) if "fail-on" in data else None
    formats = tuple(_strings(data.get("format", []), "format", where))
    from a11y_audit.writers import writers

    bad = sorted(set(formats) - set(writers()))
    if bad:
        raise ConfigError(f"{where}: unknown format(s) {', '.join(bad)}")
    base = path.parent if path else Path.cwd()
    out = base / data["out"] if "out" in data else None
    baseline = base / data["baseline"] if "baseline" in data else None
    include_passed = data.get("include-passed", False)
    if not isinstance(include_passed, bool):
        raise ConfigError(f"{where}: include-passed must be true or false")
    options, impacts = _rule_tables(data.get("rules", {}), where)
    ignores = tuple(_element_ignore(item, where) for item in data.get("ignore-elements", []))
    stylesheets = tuple(base / p for p in _strings(data.get("stylesheets", []), "stylesheets",
                                                   where))
    viewport = data.get("viewport")
    if viewport is not None:
        viewport = check_viewport(viewport, where)
    scope = scope_of(_strings(data.get("include", []), "include", where),
                     _strings(data.get("exclude", []), "exclude", where), where)
    missing = _choice(data, "missing-stylesheets", MISSING_STYLESHEETS, where)
    site_root = None
    if "site-root" in data:
        if not isinstance(data["site-root"], str):
            raise ConfigError(f"{where}: site-root must be a folder path (a string)")
        site_root = base / data["site-root"]
    site_urls = tuple(check_site_url(url, f"{where}: site-urls")
                      for url in _strings(data.get("site-urls", []), "site-urls", where))
    html_max_pages = data.get("html-max-pages", HTML_MAX_PAGES)
    if type(html_max_pages) is not int or html_max_pages < 0:
        raise ConfigError(f"{where}: html-max-pages must be a whole number, 0 or more "
                          f"(0: every page), not {html_max_pages!r}")
    headers = header_list(_strings(data.get("headers", []), "headers", where),
                          f"{where}: headers", expand_variables=True)
    ca_bundle, cookies = (_file(data, key, base, where) for key in ("ca-bundle", "cookies"))
    templates, fragments = (_choice(data, key, choices, where) for key, choices in (
        ("templates", TEMPLATES), ("fragments", FRAGMENTS)))
    return Config(path, select, ignore, fail_on, formats, out, baseline, include_passed,
                  options, impacts, ignores, stylesheets, viewport, scope, missing, site_root,
                  site_urls, html_max_pages, headers, ca_bundle, cookies, templates=templates,
                  fragments=fragments)


def _choice(data: dict[str, Any], key: str, choices: tuple[str, ...], where: str) -> str:
    """The value of ``key``, one of ``choices`` (the first when absent); ConfigError else."""
    value = data.get(key, choices[0])
    if value not in choices:
        raise ConfigError(f"{where}: {key} must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def _file(data: dict[str, Any], key: str, base: Path, where: str) -> Path | None:
    """A file the configuration names under ``key``, relative to the configuration's folder."""
    if key not in data:
        return None
    if not isinstance(data[key], str):
        raise ConfigError(f"{where}: {key} must be a file path (a string)")
    return base / data[key]


def header_list(texts: Iterable[str], where: str,
                expand_variables: bool = False) -> tuple[tuple[str, str], ...]:
    """``"Name: value"`` strings as (name, value) pairs, ``${VAR}`` expanded from the
    environment in a configuration's; ConfigError for a malformed one or a name given twice.
    Messages never repeat a value."""
    pairs: dict[str, tuple[str, str]] = {}
    for text in texts:
        try:
            name, value = parse_header(text, where)
            if expand_variables:
                value = expand(value, f"{where}: {name}")
                parse_header(f"{name}: {value}", f"{where}: {name} (as expanded)")
        except CredentialsError as exc:
            raise ConfigError(str(exc)) from None
        if name.lower() in pairs:
            raise ConfigError(f"{where}: {name} is given twice (give one header with every "
                              f"value it needs, such as 'Cookie: a=1; b=2')")
        pairs[name.lower()] = (name, value)
    return tuple(pairs.values())


def check_site_url(url: str, where: str) -> str:
    """A site URL as given, or ConfigError naming ``where`` when it is not an http(s) URL
    with a host and without query or fragment."""
    from a11y_audit.semantics.cascade import site_url_prefix  # (the cascade reads it so)

    if site_url_prefix(url) is None:
        raise ConfigError(f"{where}: {url!r} is not an http(s) URL of the site "
                          f"(such as https://cdn.example.com/assets/)")
    return url.strip()


def scope_of(include: Iterable[str], exclude: Iterable[str], where: str) -> Scope | None:
    """The run's scope from include/exclude selectors, or ConfigError naming ``where``."""
    try:
        return Scope.of(include, exclude)
    except ScopeError as exc:
        raise ConfigError(f"{where}: {exc.key}: {exc}") from None


def check_viewport(value: Any, where: str) -> str:
    """A viewport setting, ``"WIDTHxHEIGHT"`` in CSS pixels, or ConfigError."""
    from a11y_audit.semantics.css import Viewport

    try:
        Viewport.parse(value if isinstance(value, str) else "")
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return value


def _known_names() -> set[str]:
    names: set[str] = set()
    for loaded in all_rules():
        names.update((loaded.id, *loaded.rule.aliases, *loaded.rule.all_tags))
    return names


def _strings(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return value


def _names(value: Any, key: str, where: str, known: set[str]) -> tuple[str, ...]:
    names = _strings(value, key, where)
    try:
        return resolve_names(names, known)
    except UnknownNames as exc:
        raise ConfigError(f"{where}: {key}: {exc}") from None


class UnknownNames(ValueError):
    """Rule ids or tags that do not exist; the message suggests the nearest known ones."""


def resolve_names(names: Iterable[str], known: set[str] | None = None) -> tuple[str, ...]:
    """Rule ids, aliases or tags as spelled in the registry: matched case-insensitively
    (``Image-Alt`` is ``image-alt``). Unknown names raise :class:`UnknownNames`, which names
    them with the nearest known spelling."""
    known = _known_names() if known is None else known
    by_fold = {name.casefold(): name for name in known}
    resolved, unknown = [], []
    for name in names:
        canonical = by_fold.get(name.strip().casefold())
        if canonical is None:
            unknown.append(name)
        else:
            resolved.append(canonical)
    if unknown:
        hints = []
        for name in unknown:
            close = difflib.get_close_matches(name.casefold(), list(by_fold), n=1, cutoff=0.6)
            hints.append(f"{name!r}" + (f" (did you mean {by_fold[close[0]]!r}?)" if close
                                         else ""))
        raise UnknownNames(f"unknown rule id(s) or tag(s) {', '.join(hints)}; "
                           "see 'a11y-audit rules'")
    return tuple(resolved)


def _impact(value: Any, key: str, where: str) -> Impact:
    try:
        return Impact(value)
    except ValueError:
        raise ConfigError(f"{where}: {key} must be one of "
                          f"{', '.join(i.value for i in Impact)}, not {value!r}") from None


def _rule_tables(tables: Any, where: str) -> tuple[dict[str, dict[str, Any]], dict[str, Impact]]:
    if not isinstance(tables, dict):
        raise ConfigError(f"{where}: rules must be a table of rule tables")
    by_id = {r.id: r for r in all_rules()}
    options: dict[str, dict[str, Any]] = {}
    impacts: dict[str, Impact] = {}
    for rule_id, table in tables.items():
        loaded = by_id.get(rule_id)
        if loaded is None:
            raise ConfigError(f"{where}: rules.{rule_id}: unknown rule id")
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: rules.{rule_id} must be a table")
        table = dict(table)
        if "impact" in table:
            impacts[rule_id] = _impact(table.pop("impact"), f"rules.{rule_id}.impact", where)
        unknown = sorted(set(table) - set(loaded.options))
        if unknown:
            allowed = ", ".join(sorted(loaded.options)) or "none"
            raise ConfigError(f"{where}: rules.{rule_id}: unknown option(s) "
                              f"{', '.join(unknown)} (options: {allowed}, impact)")
        for name, value in table.items():
            default = loaded.options[name]
            if type(value) is not type(default) and not (
                isinstance(default, float) and isinstance(value, int)
            ):
                raise ConfigError(f"{where}: rules.{rule_id}.{name} must be "
                                  f"{type(default).__name__}, like the default {default!r}")
        if table:
            options[rule_id] = table
    return options, impacts


def _element_ignore(item: Any, where: str) -> ElementIgnore:
    if not isinstance(item, dict) or set(item) != {"rule", "selector"}:
        raise ConfigError(f"{where}: each ignore-elements entry needs exactly rule and selector")
    rule, selector = item["rule"], item["selector"]
    if rule != "*" and rule not in {r.id for r in all_rules()}:
        raise ConfigError(f"{where}: ignore-elements: unknown rule id {rule!r}")
    from cssselect import HTMLTranslator, SelectorError

    try:
        xpath = HTMLTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        raise ConfigError(f"{where}: ignore-elements: invalid CSS selector {selector!r}: "
                          f"{exc}") from None
    return ElementIgnore(rule, selector, xpath)
