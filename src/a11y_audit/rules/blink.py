"""No ``<blink>`` elements.

Blinking text distracts readers with attention disorders, cannot be paused, and can be hard to
read at all for people with low vision. ``<blink>`` is obsolete; browsers no longer animate it,
but old CMS content and pasted markup still carry it, and the author meant it to blink.

The rule applies to every ``blink`` element, hidden or not. It fails when the element is rendered
and on screen; one that is not rendered (``hidden``, ``display: none`` from an inline style or a
stylesheet the cascade reads...) or that the cascade moves off screen or clips passes. One in a
``template`` is not in the document (its content is a document fragment of its own), so, as in
axe-core, it is not checked.

Matches axe-core. Same selector (``blink``, hidden included) and check (``is-on-screen`` in its
``none`` list).

Fails::

    <p><blink>Breaking:</blink> Polls close at 10pm</p>

    <blink><b>LIVE</b></blink>

Passes::

    <div style="display: none"><blink>Breaking:</blink></div>

    <p><blink hidden>Breaking:</blink> Polls close at 10pm</p>

Limits: a ``blink`` that only a linked stylesheet that could not be read may hide fails.
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import on_screen_results
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="blink",
    impact="serious",
    wcag=("2.2.2",),
    tags=("cat.time-and-media",),
    help="Remove the <blink> element; use emphasis that does not move",
    seen_only=True,
)


def check(page: Page) -> Results:
    yield from on_screen_results(RULE, page, page.tags("blink"),
                                 "<blink> text is meant to blink and cannot be paused")
