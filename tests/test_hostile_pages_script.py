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
    page = Page.from_html(build(max(1, size // 100)), name)
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


def test_an_audit_past_its_timeout_is_killed_and_counted_as_a_crash(tmp_path):
    outcome = hostile.audit("slow", "<p>x</p>", tmp_path, timeout=0.0)
    assert outcome.status is None and outcome.crashed
