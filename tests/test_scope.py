"""--include / --exclude: CSS selectors that scope every rule's results, as axe-core's context."""

from __future__ import annotations

import json
import pickle

import pytest
from click.testing import CliRunner

from a11y_audit import audit_html
from a11y_audit.cli import main
from a11y_audit.config import ConfigError, parse
from a11y_audit.page import Page
from a11y_audit.scope import Scope, ScopeError

PAGE = """<!doctype html><html><head><title>Storm</title></head><body>
<main><article><h1>Storm</h1><p>Text.</p><img id="story" src="a.jpg">
<div class="ad-slot"><img id="ad" src="ad.jpg"><div class="keep"><img id="kept" src="k.jpg">
</div></div></article></main>
<aside><img id="side" src="side.jpg"></aside></body></html>"""


def ids(report, rule: str = "image-alt") -> set[str]:
    page = Page.from_html(PAGE)
    found = set()
    for finding in report.findings:
        if finding.rule == rule:
            found.add(page.root.xpath(finding.xpath)[0].get("id"))
    return found


def test_without_a_scope_every_image_fails():
    assert ids(audit_html(PAGE, rules=["image-alt"])) == {"story", "ad", "kept", "side"}


def test_exclude_drops_results_inside_the_excluded_subtree():
    report = audit_html(PAGE, rules=["image-alt"], scope=Scope(exclude=(".ad-slot",)))
    assert ids(report) == {"story", "side"}
    assert report.suppressed == 0                 # out of scope is not "suppressed"
    assert not report.errors


def test_include_keeps_only_included_subtrees():
    report = audit_html(PAGE, rules=["image-alt"], scope=Scope(include=("article",)))
    assert ids(report) == {"story", "ad", "kept"}


def test_a_nearer_include_inside_an_exclude_wins_as_in_axe():
    scope = Scope(include=("article", ".keep"), exclude=(".ad-slot",))
    assert ids(audit_html(PAGE, rules=["image-alt"], scope=scope)) == {"story", "kept"}


def test_include_wins_on_the_same_element():
    scope = Scope(include=("#ad",), exclude=("#ad", "#story"))
    assert ids(audit_html(PAGE, rules=["image-alt"], scope=scope)) == {"ad"}


def test_page_level_results_are_kept_with_exclude_only_and_dropped_with_include():
    rules = ["html-has-lang", "image-alt"]
    whole = audit_html(PAGE, rules=rules, scope=Scope(exclude=(".ad-slot",)))
    assert [f.selector for f in whole.findings if f.rule == "html-has-lang"] == ["html"]
    scoped = audit_html(PAGE, rules=rules, scope=Scope(include=("article",)))
    assert [f for f in scoped.findings if f.rule == "html-has-lang"] == []
    assert scoped.rules["html-has-lang"].outcome.value == "inapplicable"
    assert scoped.rules["image-alt"].outcome.value == "failed"
    with_html = audit_html(PAGE, rules=rules, scope=Scope(include=("html",)))
    assert [f.selector for f in with_html.findings if f.rule == "html-has-lang"] == ["html"]


def test_rules_still_read_the_whole_page():
    # the label is outside the scope, the field inside: the field is named, so it passes
    markup = ("<!doctype html><html lang=en><head><title>t</title></head><body>"
              "<label for=q>Search</label><form><input id=q></form>"
              "<form class=other><input id=r></form></body></html>")
    report = audit_html(markup, rules=["label"], scope=Scope(include=("form",)),
                        include_passed=True)
    outcomes = {f.xpath: f.outcome.value for f in report.findings}
    assert sorted(outcomes.values()) == ["failed", "passed"]


def test_an_include_that_matches_nothing_is_a_page_error_and_nothing_runs():
    report = audit_html(PAGE, rules=["image-alt"], scope=Scope(include=("nav",)))
    assert report.findings == []
    assert report.errors == ["--include 'nav' matches no element on this page: nothing audited"]


def test_invalid_selectors_are_refused_naming_the_list():
    with pytest.raises(ScopeError) as caught:
        Scope(exclude=("div[",))
    assert caught.value.key == "exclude"
    assert "div[" in str(caught.value)
    with pytest.raises(ScopeError):
        Scope(include=("",))


def test_scope_of_nothing_is_none_and_a_scope_pickles_for_workers():
    assert Scope.of() is None
    scope = Scope.of(["article"], [".ad-slot"])
    again = pickle.loads(pickle.dumps(scope))
    assert again == scope
    assert ids(audit_html(PAGE, rules=["image-alt"], scope=again)) == {"story"}


def test_config_keys_include_and_exclude():
    config = parse({"include": ["article"], "exclude": ".ad-slot"})
    assert config.scope == Scope(("article",), (".ad-slot",))
    assert config.to_dict()["include"] == ["article"]
    assert config.to_dict()["exclude"] == [".ad-slot"]
    assert parse({}).scope is None
    with pytest.raises(ConfigError, match=r"exclude: invalid CSS selector 'p\['"):
        parse({"exclude": ["p["]})
    with pytest.raises(ConfigError, match="include must be a list of strings"):
        parse({"include": [3]})


def run(tmp_path, *args):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(page), "-f", "json", "-o",
                                       str(tmp_path / "out"), "-r", "image-alt", *args],
                                catch_exceptions=False)
    data = json.loads((tmp_path / "out" / "a11y-report.json").read_text(encoding="utf-8")) \
        if (tmp_path / "out" / "a11y-report.json").exists() else None
    return result, data


def cli_ids(data) -> set[str]:
    page = Page.from_html(PAGE)
    return {page.root.xpath(f["xpath"])[0].get("id") for f in data["pages"][0]["findings"]}


def test_cli_include_and_exclude(tmp_path):
    result, data = run(tmp_path, "--include", "article", "--exclude", ".ad-slot")
    assert result.exit_code == 1
    assert cli_ids(data) == {"story"}


def test_cli_flags_add_to_the_configuration(tmp_path, monkeypatch):
    (tmp_path / ".a11y-audit.toml").write_text('exclude = ["aside"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, data = run(tmp_path, "--exclude", ".ad-slot")
    assert cli_ids(data) == {"story"}
    printed = CliRunner().invoke(main, ["check", "--print-config", "--include", "main"])
    settings = json.loads(printed.output)
    assert (settings["include"], settings["exclude"]) == (["main"], ["aside"])


def test_cli_invalid_selector_is_a_usage_error_naming_the_flag(tmp_path):
    result, _ = run(tmp_path, "--exclude", "div[")
    assert result.exit_code == 2
    assert "'--exclude'" in result.output and "div[" in result.output


def test_cli_include_matching_nothing_exits_2_with_one_line(tmp_path):
    result, data = run(tmp_path, "--include", "nav")
    assert result.exit_code == 2
    assert "--include 'nav' matches no element on this page" in result.output
    assert data["pages"][0]["findings"] == []


def test_cli_scope_reaches_worker_processes(tmp_path):
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.html"), str(tmp_path / "b.html"),
                                       "-j", "2", "-f", "json", "-o", str(tmp_path / "out"),
                                       "-r", "image-alt", "--exclude", "article"],
                                catch_exceptions=False)
    assert result.exit_code == 1
    data = json.loads((tmp_path / "out" / "a11y-report.json").read_text(encoding="utf-8"))
    assert [cli_ids({"pages": [p]}) for p in data["pages"]] == [{"side"}, {"side"}]
