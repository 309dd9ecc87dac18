"""The engine's plain path (no scope, no suppression, passed results counted only) reports
what its general path does; findings stay values; the page's select() answers as XPath."""

from __future__ import annotations

import dataclasses

import pytest

from a11y_audit.engine import audit_page
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import all_rules
from a11y_audit.scope import Scope

MARKUP = """<!doctype html><html lang="en"><head><title>T</title></head><body>
<header><nav><a href="/a"><img src="a.jpg"></a><a href="/a">Story A</a>
<a href="/b">Read more</a></nav></header>
<main><h1>News</h1><h2></h2><img src="b.jpg" alt="Flood">
<div id="x">one</div><div id="x">two</div>
<ul><li><a href="#gone">Skip</a></li><li><a href="/c">C</a></li><p>stray</p></ul>
<nav><a href="/d">D</a></nav><label for="none">Name</label><input id="q">
<table><tr><td>cell</td></tr></table>
<button></button><input type="text"></main></body></html>"""


def _page() -> Page:
    return Page.from_html(MARKUP, "engine.html")


def test_plain_path_reports_what_the_general_path_reports() -> None:
    rules = list(all_rules())
    plain = audit_page(_page(), rules)
    # include_passed takes the general path: without its passed results it is the plain one.
    general = audit_page(_page(), rules, include_passed=True)
    assert plain.findings  # fails, cantTells and related elements on this page
    assert any(f.related for f in plain.findings)
    assert plain.findings == [f for f in general.findings if f.outcome is not Outcome.PASSED]
    assert len(general.findings) > len(plain.findings)
    assert plain.rules == general.rules
    # A scope that includes the whole page takes the general path too, and drops nothing.
    scoped = audit_page(_page(), rules, scope=Scope(include=("html",)))
    assert scoped.findings == plain.findings
    assert scoped.rules == plain.rules


def test_findings_are_values() -> None:
    found = audit_page(_page()).findings
    again = audit_page(_page()).findings
    assert found == again
    assert {hash(f) for f in found} == {hash(f) for f in again}
    changed = dataclasses.replace(found[0], message="other")
    assert changed != found[0] and changed.selector == found[0].selector


@pytest.mark.parametrize("branches", [
    ("a[href]",), ("a[href]", "area[href]"), ("h1", "h2", "*[id]"), ("td", "nav"),
    ("area[href]", "map"), ("img[alt]", "img[src]"), (),
])
def test_select_answers_as_the_xpath_union(branches) -> None:
    page = _page()
    xpath = "|".join(f"//{b}" if "[" not in b else f"//{b.replace('[', '[@')}"
                     for b in branches)
    expected = page.root.xpath(xpath) if xpath else []
    first = page.select(*branches)
    assert first == expected
    first.clear()                      # a caller's list: the page's index is untouched
    assert page.select(*branches) == expected
