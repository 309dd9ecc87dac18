"""Runs ``rules/<id>/{pass,fail}/*.html``: real-world snippets with their expected outcomes.

In a fixture, each element that must fail carries ``data-expect="failed"`` (``"cantTell"`` for
cantTell); the findings of that outcome must be exactly those elements. Pass fixtures must give
no failed finding, and at least one passed result (else the fixture tests nothing).
"""

from __future__ import annotations

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


def _expected(markup: str, outcome: str) -> set[str]:
    page = Page.from_html(markup)
    return {page.xpath(el) for el in page.root.xpath(f"//*[@data-expect='{outcome}']")}


@pytest.mark.parametrize(("rule_id", "kind", "path"), list(fixtures()))
def test_fixture(rule_id: str, kind: str, path: Path):
    markup = path.read_text(encoding="utf-8")
    report = run_rule(rule_id, markup, source=str(path))
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
