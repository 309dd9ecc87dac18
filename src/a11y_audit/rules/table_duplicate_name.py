"""A table's ``summary`` does not repeat its ``caption``.

A screen reader announces a table's caption (its name) and then its ``summary`` (its
description). When both say the same, the reader hears it twice and gets no description of
how the table is organised, which is what ``summary`` was for.

The rule applies to every ``table`` not hidden from assistive technology. It fails when the
table has a ``caption`` child with text and a ``summary`` attribute that are the same, ignoring
case and runs of white space; it passes otherwise.

Matches axe-core. Same selector (``table``, hidden excluded) and check
(``same-caption-summary`` in its ``none`` list).

Fails::

    <table summary="Turnout by region"><caption>Turnout by region</caption>
      <tr><th>North</th><td>64%</td></tr></table>

    <table summary=" TURNOUT  by region "><caption>Turnout <b>by</b> region</caption>
      <tr><td>64%</td></tr></table>

Passes::

    <table summary="Regions in rows, turnout and change in columns">
      <caption>Turnout by region</caption><tr><th>North</th><td>64%</td></tr></table>

    <table><caption>Turnout by region</caption><tr><th>North</th><td>64%</td></tr></table>
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import subtree_text
from a11y_audit.dom import normalize_space, tag_of
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="table-duplicate-name",
    impact="minor",
    wcag=(),
    tags=("cat.tables", "best-practice"),
    help="Keep the caption as the table's title; make summary describe its layout, or drop it",
    template_values=("branches",),
)


def check(page: Page) -> Results:
    for table in page.tags("table"):
        if page.is_hidden(table):
            continue
        caption_el = next((c for c in table if tag_of(c) == "caption"), None)
        caption = subtree_text(caption_el, page) if caption_el is not None else ""
        summary = normalize_space(table.get("summary"))
        if caption and summary and caption.lower() == summary.lower():
            yield RULE.fail(table, f"summary and caption both read {caption[:80]!r}")
        else:
            yield RULE.ok(table, "the summary does not repeat the caption")
