"""The banner landmark is not contained in another landmark.

Landmarks are a flat table of contents: a banner nested inside main or navigation is hard to
find and its scope is unclear.

Applies to every banner landmark exposed to assistive technology, as axe-core's ``landmark-
banner-is-top-level``: it passes when no ancestor is a landmark.

Differs from axe-core: a ``<header>`` inside an element with role ``article``,
``complementary``, ``main``, ``navigation`` or ``region`` (``<div role="main">``) is not a
banner landmark, as HTML-AAM and ARIA in HTML map it, so it is not checked; axe-core scopes
``<header>`` by native sectioning ancestors only, takes it as a banner and fails it. Otherwise
it matches axe-core: a ``form`` ancestor counts as a landmark only with an explicit ``role``.

Fails::

    <body><main><div role="banner">Daily Planet</div><h1>Storm</h1></main></body>

Passes::

    <body><header>Daily Planet</header><main><article><header><h1>Storm</h1></header></article>
      </main></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import top_level
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-banner-is-top-level",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Move the site header out of other landmarks",
    template_values=("landmarks",),
)


def check(page: Page) -> Results:
    yield from top_level(RULE, page, "banner")
