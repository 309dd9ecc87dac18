"""Baseline round trip: known findings do not gate, new ones do, unrelated edits keep identity."""

from __future__ import annotations

import json

from click.testing import CliRunner

from a11y_audit.cli import main

ARTICLE = """<!DOCTYPE html><html lang="en"><head><title>Storm</title></head><body>
<a href="#main">Skip to main content</a>
<header><nav aria-label="Sections"><a href="/world">World</a></nav></header>
<main id="main"><h1>Storm hits coast</h1>
{above}
<figure><img src="/media/IMG_4027.jpg"><figcaption>Residents leave.</figcaption></figure>
{extra}
</main><footer><p>Contact</p></footer></body></html>"""


def check(tmp_path, *args):
    return CliRunner().invoke(main, ["check", *args, "-o", str(tmp_path / "out")],
                              catch_exceptions=False)


def report(tmp_path):
    return json.loads((tmp_path / "out" / "a11y-report.json").read_text())


def test_baseline_round_trip(tmp_path):
    page = tmp_path / "story.html"
    baseline = tmp_path / "a11y-baseline.json"
    page.write_text(ARTICLE.format(above="<p>First paragraph.</p>", extra=""))
    assert check(tmp_path, str(page), "-f", "json").exit_code == 1

    result = check(tmp_path, str(page), "--baseline", str(baseline), "--update-baseline")
    assert result.exit_code == 0
    recorded = json.loads(baseline.read_text())
    assert recorded["format"] == "a11y-audit-baseline"
    assert {e["rule"] for e in recorded["findings"]} == {"image-alt", "figure-image-alt"}
    assert all("line" not in e for e in recorded["findings"])

    # Re-run: everything is known, exit 0.
    assert check(tmp_path, str(page), "-f", "json", "--baseline", str(baseline)).exit_code == 0
    statuses = {f["baseline"] for f in report(tmp_path)["pages"][0]["findings"]
                if f["outcome"] == "failed"}
    assert statuses == {"known"}

    # Unrelated text edited above the element (lines shift): still known.
    page.write_text(ARTICLE.format(above="<p>Updated at 10:42.</p>\n<p>New paragraph.</p>\n",
                                   extra=""))
    assert check(tmp_path, str(page), "-f", "json", "--baseline", str(baseline)).exit_code == 0

    # A new failure: exit 1, and only it is new.
    page.write_text(ARTICLE.format(above="<p>First paragraph.</p>",
                                   extra="<h3>Skipped a level</h3>"))
    result = check(tmp_path, str(page), "-f", "json", "-f", "terminal", "--baseline",
                   str(baseline))
    assert result.exit_code == 1
    assert "baseline: 1 new, 2 known, 0 fixed" in result.output
    assert "heading-order" in result.output and "image-alt" not in result.output
    data = report(tmp_path)
    new = [f["rule"] for f in data["pages"][0]["findings"] if f["baseline"] == "new"]
    assert new == ["heading-order"]
    assert data["fixed"] == []

    # Fix the photo: its entries are reported as fixed.
    page.write_text(ARTICLE.format(above="", extra="").replace(
        '<img src="/media/IMG_4027.jpg">',
        '<img src="/media/IMG_4027.jpg" alt="A flooded street">'))
    assert check(tmp_path, str(page), "-f", "json", "--baseline", str(baseline)).exit_code == 0
    assert {e["rule"] for e in report(tmp_path)["fixed"]} == {"image-alt", "figure-image-alt"}


def test_missing_or_bad_baseline_is_a_usage_error(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(ARTICLE.format(above="", extra=""))
    result = check(tmp_path, str(page), "--baseline", str(tmp_path / "none.json"))
    assert result.exit_code == 2 and "baseline file not found" in result.output
    (tmp_path / "bad.json").write_text("{\"format\": \"other\"}")
    result = check(tmp_path, str(page), "--baseline", str(tmp_path / "bad.json"))
    assert result.exit_code == 2 and "not an a11y-audit baseline" in result.output
    assert check(tmp_path, str(page), "--update-baseline").exit_code == 2
