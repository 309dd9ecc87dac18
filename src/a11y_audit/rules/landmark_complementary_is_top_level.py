"""The complementary landmark is not contained in another landmark.

A complementary landmark (a "Most read" box, a related-stories rail) nested in another landmark
is hard to find on its own. An unnamed <aside> inside an article is not a landmark and is not
checked.

Applies to every complementary landmark exposed to assistive technology: it passes when no
ancestor is a landmark other than main (a sidebar inside the main content is a common, useful
layout; axe-core allows it since its issue 2651). A ``form`` ancestor counts only with an
explicit role.

Differs from axe-core: axe's rule (deprecated and off by default in current axe-core) selects
every ``aside`` without a role, whatever role it maps to, so an unnamed pull-quote ``<aside>``
inside an ``<article>`` in ``<main>`` fails there. HTML-AAM maps such an aside to ``generic``:
it is not a landmark, so it cannot be a landmark nested in another, and this rule leaves it out.
On the news corpus this is the whole difference: 31 pages that only axe fails, each over asides
that HTML-AAM maps to ``generic`` (pull quotes, related boxes, sidebar widgets in sections). As
in axe-core, a complementary landmark inside main passes, and a ``form`` ancestor counts only
with an explicit ``role``.

Fails::

    <body><nav><a href="/">Home</a><aside aria-label="Offers">Subscribe</aside></nav></body>

    <body><main><h1>Storm</h1><section aria-label="Live"><aside aria-label="Key points">
      Wall breached</aside></section></main></body>

Passes::

    <body><main><h1>Storm</h1></main><aside>Most read</aside></body>

    <body><main><h1>Storm</h1><div role="complementary">Most read</div></main></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import top_level
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-complementary-is-top-level",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Move the <aside> out of other landmarks, or leave it unnamed inside the article",
    template_values=("landmarks",),
)


def check(page: Page) -> Results:
    yield from top_level(RULE, page, "complementary")
