"""Table header cells have text.

A header cell is read with every data cell it heads: "Turnout, 64%". An empty ``th`` (the
top-left corner of a results table is the usual one) gives the cells beneath or beside it no
header, and a screen reader announces "blank" when it reaches it.

The rule applies to every ``th`` without a ``role`` attribute and every element with
``role="rowheader"`` or ``role="columnheader"``, when not hidden from assistive technology. It
passes when the cell has text content in its subtree (text, or the alt text of an image, as the
accessible name computation reads content); an ``aria-label`` alone does not count.

Matches axe-core. Same selector (``th:not([role]), [role=rowheader], [role=columnheader]``,
hidden excluded) and check (``has-visible-text``, which reads the subtree's text).

Fails::

    <table><tr><th></th><th>Votes</th></tr><tr><th>North</th><td>1,204</td></tr></table>

    <div role="table"><div role="row"><span role="columnheader" aria-label="Seats">
      </span></div></div>

Passes::

    <table><tr><th>Region</th><th>Votes</th></tr><tr><th>North</th><td>1,204</td></tr></table>

    <table><tr><th><img src="/i/seat.svg" alt="Seats"></th></tr><tr><td>12</td></tr></table>
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import subtree_text
from a11y_audit.dom import tag_of
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="empty-table-header",
    impact="minor",
    wcag=(),
    tags=("cat.name-role-value", "best-practice"),
    help="Put text in the header cell, or make it a td if it heads nothing",
    template_values=("content",),
)


def check(page: Page) -> Results:
    for el in page.select("th", "*[role]"):
        if not (tag_of(el) == "th" and el.get("role") is None) and el.get("role") not in (
                "rowheader", "columnheader"):
            continue
        if page.is_hidden(el):
            continue
        text = subtree_text(el, page)
        if text:
            yield RULE.ok(el, lambda text=text: f"header cell reads {text[:60]!r}")
        else:
            yield RULE.fail(el, f"<{tag_of(el)}> header cell has no text"
                                + (" (aria-label does not count)" if el.get("aria-label")
                                   else ""))
