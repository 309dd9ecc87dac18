"""Configuration files, precedence, errors, --print-config, suppressions and element ignores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from a11y_audit.cli import main
from a11y_audit.config import ConfigError, find_config, load_config, parse

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Storm</title></head><body>
<a href="#main">Skip to main content</a>
<header><nav aria-label="Sections"><a href="/world">World</a></nav></header>
<main id="main"><h1>Storm hits coast</h1>
<iframe class="ad-slot" src="/ad"></iframe>
<div class="embed" data-a11y-ignore="image-alt"><img src="tweet.png"></div>
<img src="chart.png">
</main><footer><p>Contact</p></footer></body></html>"""


def run(tmp_path, *args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_find_config_walks_up_and_prefers_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n")
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text("[tool.a11y-audit]\nfail-on = 'serious'\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / ".a11y-audit.toml").write_text("fail-on = 'minor'\n")
    assert find_config(deep) == tmp_path / "a" / ".a11y-audit.toml"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"fial-on": "minor"}, "unknown key(s) fial-on"),
        ({"select": ["no-such-rule"]}, "select: unknown rule id(s) or tag(s) 'no-such-rule'"),
        ({"fail-on": "bad"}, "fail-on must be one of minor, moderate, serious, critical"),
        ({"rules": {"nope": {}}}, "rules.nope: unknown rule id"),
        ({"rules": {"skip-link": {"first-focus": 3}}},
         "rules.skip-link: unknown option(s) first-focus"),
        ({"rules": {"skip-link-present": {"first-focusable": "3"}}},
         "rules.skip-link-present.first-focusable must be int"),
        ({"format": ["pdf"]}, "unknown format(s) pdf"),
        ({"ignore-elements": [{"rule": "frame-title", "selector": "iframe[["}]},
         "invalid CSS selector"),
        ({"ignore-elements": [{"rule": "nope", "selector": "iframe"}]}, "unknown rule id 'nope'"),
        ({"html-max-pages": -1}, "html-max-pages must be a whole number, 0 or more"),
        ({"html-max-pages": "5"}, "html-max-pages must be a whole number, 0 or more"),
        ({"html-max-pages": True}, "html-max-pages must be a whole number, 0 or more"),
        ({"html-max-pages": 2.5}, "html-max-pages must be a whole number, 0 or more"),
    ],
)
def test_errors_name_the_problem(data, message):
    with pytest.raises(ConfigError, match=None) as info:
        parse(data)
    assert message in str(info.value)


def test_select_and_ignore_by_id_and_tag():
    config = parse({"select": ["news"], "ignore": ["skip-link"]})
    ids = {r.id for r in config.rules()}
    assert "figure-image-alt" in ids and "single-heading-one" in ids
    assert "skip-link" not in ids and "image-alt" not in ids
    wcag_a = {r.id for r in parse({"select": ["wcag2a"]}).rules()}
    assert "image-alt" in wcag_a and "heading-order" not in wcag_a


def test_impact_override_and_options(tmp_path):
    cfg = tmp_path / ".a11y-audit.toml"
    cfg.write_text("[rules.heading-order]\nimpact = 'critical'\n"
                   "[rules.skip-link-present]\nfirst-focusable = 3\n")
    config = load_config(cfg)
    order = next(r for r in config.rules() if r.id == "heading-order")
    assert str(order.rule.impact) == "critical"
    assert config.rule_options == {"skip-link-present": {"first-focusable": 3}}


def test_precedence_defaults_file_flags_and_print_config(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.a11y-audit]\nfail-on = 'serious'\nignore = ['region']\nformat = ['json']\n")
    monkeypatch.chdir(tmp_path)
    shown = json.loads(run(tmp_path, "check", "--print-config").output)
    assert shown["fail-on"] == "serious" and shown["format"] == ["json"]
    assert "region" not in shown["rules-run"] and shown["source"].endswith("pyproject.toml")
    shown = json.loads(run(tmp_path, "check", "--print-config", "--fail-on", "minor",
                           "-f", "terminal").output)
    assert shown["fail-on"] == "minor" and shown["format"] == ["terminal"]


def test_bad_config_file_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / ".a11y-audit.toml").write_text("selekt = ['x']\n")
    monkeypatch.chdir(tmp_path)
    result = run(tmp_path, "check", "--example")
    assert result.exit_code == 2
    assert "unknown key(s) selekt" in result.output


def test_inline_suppression_and_element_ignores(tmp_path, monkeypatch):
    page = tmp_path / "p.html"
    page.write_text(PAGE)
    monkeypatch.chdir(tmp_path)
    result = run(tmp_path, "check", str(page), "-f", "json", "-f", "terminal", "-o", "out")
    assert "1 suppressed" in result.output
    data = json.loads((tmp_path / "out" / "a11y-report.json").read_text())
    failed = {(f["rule"], f["selector"]) for f in data["pages"][0]["findings"]
              if f["outcome"] == "failed"}
    assert ("image-alt", "#main > img") in failed
    assert not any("embed" in sel or "div > img" in sel for _, sel in failed)
    assert ("frame-title", "iframe.ad-slot") in failed      # a unique class anchors it
    assert data["pages"][0]["suppressed"] == 1
    (tmp_path / ".a11y-audit.toml").write_text(
        "[[ignore-elements]]\nrule = 'frame-title'\nselector = 'iframe.ad-slot'\n")
    result = run(tmp_path, "check", str(page), "-f", "json", "-o", "out")
    data = json.loads((tmp_path / "out" / "a11y-report.json").read_text())
    rules_failed = {f["rule"] for f in data["pages"][0]["findings"] if f["outcome"] == "failed"}
    assert "frame-title" not in rules_failed and "image-alt" in rules_failed
    assert data["pages"][0]["suppressed"] == 2
    assert result.exit_code == 1


def test_tags_option_selects_the_newsroom_rules(tmp_path):
    """``--tags news`` runs exactly the rules tagged news, like ``select = ["news"]``."""
    from a11y_audit.registry import all_rules

    news = sorted(r.id for r in all_rules() if "news" in r.rule.all_tags)
    assert "heading-has-content" in news and "image-alt" not in news
    shown = json.loads(run(tmp_path, "check", "--print-config", "--tags", "news").output)
    assert shown["rules-run"] == news
    config = tmp_path / ".a11y-audit.toml"
    config.write_text('select = ["news"]\n', encoding="utf-8")
    shown = json.loads(run(tmp_path, "check", "--print-config", "--config", str(config)).output)
    assert shown["rules-run"] == news
    both = json.loads(run(tmp_path, "check", "--print-config", "--tags", "news",
                          "-r", "image-alt").output)["rules-run"]
    assert both == sorted([*news, "image-alt"])
    assert run(tmp_path, "check", "--tags", "no-such-tag", "x.html").exit_code == 2


def test_html_max_pages_from_the_file_and_the_command_line(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    for i in range(4):    # each page has an article finding: an image without alt, each at its
        # own template path (the same path on 3 pages would be a template problem)
        own = "<div>" * i + f'<img src="chart{i}.png">' + "</div>" * i
        (site / f"p{i}.html").write_text(PAGE.replace('<img src="chart.png">', own))
    monkeypatch.chdir(tmp_path)

    def sections(*args: str) -> int:
        result = CliRunner().invoke(main, ["check", str(site), "-f", "html", "-q", *args])
        assert result.exit_code == 1, result.output
        return (tmp_path / "reports" / "a11y-report.html").read_text().count('<div class="pg"')

    assert parse({}).html_max_pages == 1000
    assert sections() == 4
    (tmp_path / ".a11y-audit.toml").write_text("html-max-pages = 3\n")
    assert sections() == 3
    assert sections("--html-max-pages", "1") == 1          # the command line wins
    assert sections("--html-max-pages", "0") == 4          # 0: every page
    printed = CliRunner().invoke(main, ["check", "--print-config", "--html-max-pages", "2"])
    assert json.loads(printed.output)["html-max-pages"] == 2
