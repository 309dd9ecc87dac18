"""The main landmark is not contained in another landmark.

The main landmark is where screen reader users expect the story to start; nested in a banner or
navigation it is easy to miss.

Applies to every main landmark exposed to assistive technology, as axe-core's ``landmark-main-
is-top-level``: it passes when no ancestor is a landmark.

Matches axe-core. A ``form`` ancestor counts as a landmark only with an explicit ``role``, as in
axe-core.

Fails::

    <body><div role="navigation"><main><h1>Storm</h1></main></div></body>

Passes::

    <body><nav><a href="/">Home</a></nav><main><h1>Storm</h1></main></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import top_level
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-main-is-top-level",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Move <main> out of other landmarks",
)


def check(page: Page) -> Results:
    yield from top_level(RULE, page, "main")
