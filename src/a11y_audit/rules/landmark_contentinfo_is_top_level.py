"""The contentinfo landmark is not contained in another landmark.

A contentinfo landmark nested inside another landmark is hard to find and its scope is unclear.

Applies to every contentinfo landmark exposed to assistive technology, as axe-core's ``landmark-
contentinfo-is-top-level``: it passes when no ancestor is a landmark.

Differs from axe-core: a ``<footer>`` inside an element with role ``article``,
``complementary``, ``main``, ``navigation`` or ``region`` (``<div role="main">``) is not a
contentinfo landmark, as HTML-AAM and ARIA in HTML map it, so it is not checked; axe-core scopes
``<footer>`` by native sectioning ancestors only, takes it as a contentinfo and fails it. Otherwise
it matches axe-core: a ``form`` ancestor counts as a landmark only with an explicit ``role``.

Fails::

    <body><main><h1>Storm</h1><div role="contentinfo">Contact</div></main></body>

Passes::

    <body><main><h1>Storm</h1></main><footer>Contact</footer></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import top_level
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-contentinfo-is-top-level",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Move the site footer out of other landmarks",
    template_values=("landmarks",),
)


def check(page: Page) -> Results:
    yield from top_level(RULE, page, "contentinfo")
