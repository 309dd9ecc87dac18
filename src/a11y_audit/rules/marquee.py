"""No ``<marquee>`` elements.

A ``<marquee>`` scrolls its text across the screen; browsers still animate it. Moving text
cannot be read by many people with low vision or reading difficulties, distracts those with
attention disorders, and gives no control to pause or stop it. News tickers built with it are
the usual case.

The rule applies to every ``marquee`` element, hidden or not. It fails when the element is rendered
and on screen; one that is not rendered (``hidden``, ``display: none`` from an inline style or a
stylesheet the cascade reads...) or that the cascade moves off screen or clips passes. One in a
``template`` is not in the document (its content is a document fragment of its own), so, as in
axe-core, it is not checked.

Matches axe-core. Same selector (``marquee``, hidden included) and check (``is-on-screen`` in
its ``none`` list).

Fails::

    <marquee>Markets: FTSE 100 up 0.4% · Dow down 0.2%</marquee>

    <div class="ticker"><marquee scrollamount="3"><a href="/live">Live updates</a></marquee></div>

Passes::

    <marquee style="position: absolute; left: -10000px">Markets: FTSE 100 up 0.4%</marquee>

    <marquee style="display: none">Markets: FTSE 100 up 0.4%</marquee>

Limits: a ``marquee`` that only a linked stylesheet that could not be read may hide fails.
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import on_screen_results
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="marquee",
    impact="serious",
    wcag=("2.2.2",),
    tags=("cat.parsing",),
    help="Replace the <marquee> with static text, or a ticker the reader can pause",
    seen_only=True,
)


def check(page: Page) -> Results:
    yield from on_screen_results(RULE, page, page.tags("marquee"),
                                 "<marquee> text scrolls and cannot be paused")
