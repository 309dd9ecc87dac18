"""scripts/hostile_pages.py: its pages parse, and it audits them in processes of their own."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from a11y_audit.page import Page
from tests.conftest import REPO, load_script

hostile = load_script("hostile_pages")


@pytest.mark.parametrize("name", sorted(hostile.PAGES))
def test_each_page_is_html_the_audit_reads(name):
    _, build, size = hostile.PAGES[name]
    # (a template read as its name says, as the script reads it: a Markdown story's HTML, a
    # WordPress post as WordPress writes it)
    _, parsed, _ = hostile.read_page(name, build(max(1, size // 100)))
    page = Page.from_html(parsed, name)
    assert len(page.elements) > 3      # html, head, title, body at least


def test_pages_are_audited_and_their_figures_printed(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "hostile_pages.py"), "--scale", "0.05",
         "--only", "custom-properties-below", "--only", "markup-nested-deep",
         "--json", str(tmp_path / "figures.json")],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("2 pages: 0 crashed")
    # the deep page is cut by the parser: exit status 2 and the error, named
    deep = next(line for line in lines if line.startswith("markup-nested-deep"))
    assert " 2  1 markup nested deeper than 2,048" in deep
    figures = {item["name"]: item for item in json.loads(
        (tmp_path / "figures.json").read_text())}
    assert figures["custom-properties-below-many"]["status"] == 1      # failures, no error
    assert figures["custom-properties-below-many"]["errors"] == []
    if sys.platform == "linux":
        assert figures["custom-properties-below-many"]["peak_mb"] > 10


def test_a_wordpress_post_is_audited_as_an_export_of_it(tmp_path):
    _, build, _ = hostile.PAGES["wordpress-export-classic"]
    outcome = hostile.audit("wordpress-export-classic", build(3), tmp_path, timeout=120)
    assert not outcome.crashed and outcome.status in (0, 1) and outcome.errors == []
    report = json.loads((tmp_path / "wordpress-export-classic-report" / "a11y-report.json")
                        .read_text())
    (page,) = report["pages"]
    assert page["source"].endswith("wordpress-export-classic.xml#1")
    assert page["template"] == "wordpress"


def test_an_audit_past_its_timeout_is_killed_and_counted_as_a_crash(tmp_path):
    outcome = hostile.audit("slow", "<p>x</p>", tmp_path, timeout=0.0)
    assert outcome.status is None and outcome.crashed


def test_the_growth_exponent_is_read_from_two_audits():
    assert hostile.exponent((100.0, 200.0), (0.5, 1.0)) == pytest.approx(1.0)
    assert hostile.exponent((100.0, 200.0), (0.5, 2.0)) == pytest.approx(2.0)
    assert hostile.exponent((100.0, 300.0), (0.2, 1.8)) == pytest.approx(2.0)
    assert hostile.exponent((100.0, 200.0), (0.01, 0.04)) is None     # too fast to tell
    assert hostile.exponent((100.0, 100.0), (0.5, 1.0)) is None       # the page did not grow


def test_scaling_audits_each_page_at_two_sizes(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "hostile_pages.py"), "--scaling", "--scale",
         "0.02", "--only", "table-tall", "--json", str(tmp_path / "growth.json")],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("1 pages: 0 grow faster")
    (growth,) = json.loads((tmp_path / "growth.json").read_text())
    small, large = growth["kilobytes"]
    assert growth["name"] == "table-tall" and 1.8 < large / small < 2.2
    assert growth["errors"] == [] and all(s >= 0 for s in growth["seconds"])


def test_a_page_that_grows_faster_than_its_size_is_marked_and_fails_the_run(
        monkeypatch, capsys):
    # the audit's own pages grow linearly: a growth is made up here to see it reported
    def quadratic(name, build, size):
        return hostile.Growth(name, (10.0, 20.0), (0.1, 0.4), 2.0, [])

    monkeypatch.setattr(hostile, "scale_audit", quadratic)
    monkeypatch.setattr(sys, "argv", ["hostile_pages.py", "--scaling", "--only", "table-tall",
                                      "--only", "nth-child-of-many"])
    assert hostile.main() == 1
    out = capsys.readouterr().out
    assert "table-tall" in out and out.count(" grows") == 2 and "grows (expected)" in out
    assert "expected: nth-child-of-many: n rules" in out
    assert out.splitlines()[-1] == ("2 pages: 1 grow faster than their size ** 1.5 "
                                    "(table-tall), 1 more by construction")
