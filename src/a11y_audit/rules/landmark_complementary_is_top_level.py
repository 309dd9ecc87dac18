"""The complementary landmark is not contained in another landmark.

A complementary landmark (a "Most read" box, a related-stories rail) nested in another landmark
is hard to find on its own. An unnamed <aside> inside an article is not a landmark and is not
checked.

Applies to every complementary landmark exposed to assistive technology, as axe-core's
``landmark-complementary-is-top-level``: it passes when no ancestor is a landmark.

Fails::

    <body><main><h1>Storm</h1><div role="complementary">Most read</div></main></body>

Passes::

    <body><main><h1>Storm</h1></main><aside>Most read</aside></body>
"""

from __future__ import annotations

from a11y_audit.commons.landmarks import top_level
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-complementary-is-top-level",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Move the <aside> out of other landmarks, or leave it unnamed inside the article",
)


def check(page: Page) -> Results:
    yield from top_level(RULE, page, "complementary")
