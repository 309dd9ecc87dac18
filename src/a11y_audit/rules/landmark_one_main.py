"""The page has a main landmark.

Screen reader users jump straight to the story with the "main" landmark shortcut; without one
they have to wade through the masthead and navigation on every article.

Passes when a ``main`` landmark (``<main>`` or ``role="main"``) is exposed to assistive
technology, as axe-core. Reported on the ``<html>`` element.

Matches axe-core.

Fails::

    <body><div class="story"><h1>Storm hits coast</h1></div></body>

Passes::

    <body><main><h1>Storm hits coast</h1></main></body>

    <body><div role="main"><h1>Storm hits coast</h1></div></body>
"""

from __future__ import annotations

from a11y_audit.commons.landmarks import of_role
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-one-main",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Wrap the story in one <main> element",
)


def check(page: Page) -> Results:
    mains = of_role(page, "main")
    if mains:
        yield RULE.ok(page.root, f"Main landmark: {page.css_path(mains[0].element)}")
    else:
        yield RULE.fail(page.root, "The page has no main landmark (<main> or role=\"main\")")
