"""Runs ``rules/<id>/{pass,fail}/*.html``: real-world snippets with their expected outcomes.

In a fixture, each element that must fail carries ``data-expect="failed"`` (``"cantTell"`` for
cantTell); the findings of that outcome must be exactly those elements. Pass fixtures must give
no failed finding, and at least one passed result (else the fixture tests nothing).

A fixture ``foo.html`` may have rule options beside it in ``foo.options.json`` (as they would
go in ``[tool.a11y-audit.rules.<id>]``); the fixture runs with them, and must come out
differently without them (else the options file tests nothing). Every rule with options has at
least one such fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import all_rules
from tests.conftest import RULES_DATA, run_rule

RULE_IDS = {r.id for r in all_rules()}


def fixtures():
    for folder in sorted(p for p in RULES_DATA.iterdir() if p.is_dir()):
        for kind in ("pass", "fail"):
            for path in sorted((folder / kind).glob("*.html")):
                yield pytest.param(folder.name, kind, path, id=f"{folder.name}/{kind}/{path.name}")


def test_every_rule_has_fixtures_and_every_folder_a_rule():
    folders = {p.name for p in RULES_DATA.iterdir() if p.is_dir()}
    assert folders - RULE_IDS == set(), "fixture folders without a rule"
    missing = sorted(r for r in RULE_IDS if not (
        list((RULES_DATA / r / "pass").glob("*.html"))
        and list((RULES_DATA / r / "fail").glob("*.html"))
        and (RULES_DATA / r / "notes.md").is_file()
    ))
    assert missing == [], "rules without pass/ and fail/ fixtures and notes.md"


def options_for(path: Path) -> dict:
    """The options in ``foo.options.json`` beside the fixture ``foo.html`` ({} when none)."""
    file = path.with_name(path.name.removesuffix(".html") + ".options.json")
    return json.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}


def _observed(report, rule_id: str) -> tuple:
    return (report.rules[rule_id].outcome,
            sorted((f.xpath, f.outcome.value) for f in report.findings))


def test_options_files_sit_beside_a_fixture_and_name_real_options():
    by_id = {r.id: r for r in all_rules()}
    files = sorted(RULES_DATA.glob("*/*/*.options.json"))
    assert files, "no fixture carries options"
    for file in files:
        rule_id, kind = file.parent.parent.name, file.parent.name
        page = file.with_name(file.name.removesuffix(".options.json") + ".html")
        assert kind in ("pass", "fail") and page.is_file(), f"{file}: no fixture page beside it"
        options = json.loads(file.read_text(encoding="utf-8"))
        assert isinstance(options, dict) and options, f"{file}: an object of options"
        unknown = set(options) - set(by_id[rule_id].options)
        assert not unknown, f"{file}: {rule_id} has no option(s) {sorted(unknown)}"


def test_every_rule_with_options_has_a_fixture_that_sets_them():
    with_files = {f.parent.parent.name for f in RULES_DATA.glob("*/*/*.options.json")}
    missing = sorted(r.id for r in all_rules() if r.options and r.id not in with_files)
    assert missing == [], "rules with options but no fixture with an options file"


def _expected(markup: str, outcome: str) -> set[str]:
    """The elements written with ``data-expect``: not the copies a browser's parser makes of
    one (a link split by a link inside it, whose copies get its attributes)."""
    page = Page.from_html(markup)
    return {page.xpath(el) for el in page.root.xpath(f"//*[@data-expect='{outcome}']")
            if el not in page._made_up}


@pytest.mark.parametrize(("rule_id", "kind", "path"), list(fixtures()))
def test_fixture(rule_id: str, kind: str, path: Path):
    markup = path.read_text(encoding="utf-8")
    options = options_for(path)
    report = run_rule(rule_id, markup, source=str(path), **options)
    if options:
        default = run_rule(rule_id, markup, source=str(path))
        assert _observed(default, rule_id) != _observed(report, rule_id), (
            "the options change nothing on this fixture")
    failed = {f.xpath for f in report.findings if f.outcome is Outcome.FAILED}
    cant_tell = {f.xpath for f in report.findings if f.outcome is Outcome.CANT_TELL}
    if kind == "pass":
        assert failed == set(), f"unexpected failures: {failed}"
        assert report.rules[rule_id].passed > 0, "pass fixture yields no passed result"
    else:
        expected = _expected(markup, "failed")
        assert expected, "fail fixture marks no element with data-expect=\"failed\""
        assert failed == expected
    assert cant_tell == _expected(markup, "cantTell")
