"""Baselines survive unrelated edits: every failure of the original page stays "known"."""

from __future__ import annotations

import re

import pytest

from a11y_audit import baseline
from a11y_audit.cli import example_path
from a11y_audit.engine import audit_html
from a11y_audit.finding import Report
from a11y_audit.policy import BaselineStatus

# No skip link, no main landmark, no level-one heading: page-level findings on <html>/<body>.
PAGE = """<!DOCTYPE html><html lang="en"><head><title>Storm</title></head><body class="story">
<header><nav aria-label="Sections"><a href="/world">World</a> <a href="/uk">UK</a></nav></header>
<div class="story-body"><h2>Storm hits coast</h2><p>Residents left their homes on Monday.</p>
<figure><img src="flood.jpg"><figcaption>Main St.</figcaption></figure></div>
<footer><ul><li><a href="/about">About</a></li><li><a href="/help">Help</a></li></ul></footer>
</body></html>"""


def promo_first(html: str) -> str:
    """A promotion inserted as the first thing in <body> (in a landmark, so it is no new
    failure of its own)."""
    promo = '<aside aria-label="Promotion"><p>Promo</p></aside>'
    return re.sub(r"(<body[^>]*>)", rf"\1{promo}", html, count=1)


def reorder_footer(html: str) -> str:
    return html.replace('<li><a href="/about">About</a></li><li><a href="/help">Help</a></li>',
                        '<li><a href="/help">Help</a></li><li><a href="/about">About</a></li>')


def new_article_text(html: str) -> str:
    return html.replace("Residents left their homes on Monday.",
                        "Residents were evacuated overnight, officials said.")


def example_promo(html: str) -> str:
    return promo_first(html)


def example_reorder(html: str) -> str:
    about, contact = ('<li><a href="/about">About us</a></li>',
                      '<li><a href="/contact">Contact</a></li>')
    return html.replace(about, "@@").replace(contact, about).replace("@@", contact)


def example_text(html: str) -> str:
    return html.replace("<p>The package, announced", "<p>Updated at noon. The package, "
                        "first announced")


def run(html: str, entries=None, tmp_path=None) -> Report:
    report = Report(pages=[audit_html(html, source="page.html")])
    if entries is not None:
        baseline.apply(report, entries, tmp_path / "base.json")
    return report


@pytest.mark.parametrize("page, edit", [
    (PAGE, promo_first), (PAGE, reorder_footer), (PAGE, new_article_text),
    ("example", example_promo), ("example", example_reorder), ("example", example_text),
], ids=["promo", "reorder", "text", "example-promo", "example-reorder", "example-text"])
def test_unrelated_edits_keep_every_failure_known(tmp_path, page, edit):
    html = example_path().read_text(encoding="utf-8") if page == "example" else page
    edited = edit(html)
    assert edited != html
    original = run(html)
    page_level = [f for f in original.pages[0].findings
                  if f.outcome == "failed" and f.xpath in ("/html", "/html/body")]
    if page == "example":
        assert original.failures()
    else:
        assert {f.rule for f in page_level} >= {"landmark-one-main", "page-has-heading-one"}
    path = tmp_path / "base.json"
    count = baseline.write(original, path)
    assert count == len(original.failures())
    after = run(edited, baseline.load(path), tmp_path)
    statuses = [f.baseline for f in after.pages[0].findings if f.outcome == "failed"]
    assert statuses and all(s is BaselineStatus.KNOWN for s in statuses), [
        (f.rule, f.baseline) for f in after.pages[0].findings if f.outcome == "failed"]
    assert after.fixed == []


def test_a_real_change_is_new(tmp_path):
    path = tmp_path / "base.json"
    baseline.write(run(PAGE), path)
    worse = PAGE.replace('<img src="flood.jpg">', '<img src="flood.jpg"><img src="b.jpg">')
    after = run(worse, baseline.load(path), tmp_path)
    new = {f.rule for f in after.pages[0].findings if f.baseline is BaselineStatus.NEW}
    assert new == {"image-alt", "figure-image-alt"}
