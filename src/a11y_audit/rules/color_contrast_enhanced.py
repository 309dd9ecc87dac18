"""Text has enhanced contrast with its background: 7:1, or 4.5:1 for large text (AAA).

WCAG 1.4.6 (level AAA) asks for a contrast ratio of at least 7:1 between text and its
background, 4.5:1 for large text (24px, or 18.66px bold): the level readers with moderately low
vision need without assistive technology. Newsrooms that aim for AAA on article text use it.

Applies like ``color-contrast`` (ACT 09o5cg has the same applicability as afw4f7): rendered,
visible text outside disabled controls, with colours from the cascade.

Differs from axe-core: axe measures the rendered page in a browser; we decide only where the cascade
determines both colours and answer cantTell otherwise (background images, gradients, translucent or
positioned boxes, unresolved ``var()`` colours, rules the cascade does not evaluate that may
set them, unread linked stylesheets), as
``color-contrast`` explains; text with a shadow, and failing text of fewer than two letters, is
cantTell (ACT 09o5cg expectation: highest possible contrast, text in a human language).
And axe-core's check passes text below 4.5:1 (3:1 when large), leaving it to its ``color-contrast``
rule (its ``minThreshold`` option): we fail it here too, as ACT 09o5cg does, since text below the AA
ratio is below the AAA one (WCAG 1.4.6). Text below the AA ratio therefore fails both rules.

Fails::

    <p style="color: #767676; background: #fff">Updated 5 minutes ago</p>

Passes::

    <p style="color: #333; background: #fff">Updated 5 minutes ago</p>
"""

from __future__ import annotations

from a11y_audit.checks.contrast import results
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="color-contrast-enhanced",
    impact="serious",
    wcag=("1.4.6",),
    act=("09o5cg",),
    help="Darken the text or lighten its background to a contrast of at least 7:1 "
         "(4.5:1 for large text)",
    seen_only=True,
    template_values=("style",),
)


def check(page: Page) -> Results:
    yield from results(RULE, page, normal=7.0, large=4.5)
