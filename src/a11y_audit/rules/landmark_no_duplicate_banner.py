"""The page has at most one banner landmark.

The banner holds the site masthead. Two of them (a sticky header copied into the page, a second
<header> outside the article) make the landmark list ambiguous.

Applies to every banner landmark exposed to assistive technology (``<header>`` not inside
``article``, ``aside``, ``main``, ``nav`` or ``section``, or ``role="banner"``), as axe-core.
A single one passes; with several, the first fails and names the others.

Differs from axe-core: a ``<header>`` inside an element with role ``article``, ``complementary``,
``main``, ``navigation`` or ``region`` is not a banner, as HTML-AAM maps it; axe-core scopes
``<header>`` by native ancestors only and counts it. With several banners the first fails and names
the others, as in axe-core.

Where a linked stylesheet could not be read (not under ``--missing-stylesheets ignore``), a copy
in an element whose class the common frameworks hide on a desktop screen or until a script shows
it (a phone's copy in ``hidden-lg``, ``md:hidden`` or ``d-lg-none``, a ``modal-window``) makes
the failure cantTell unless two copies are shown for sure: the site's stylesheet shows one of
them, and axe-core, run on the page with it, sees that one.

Fails::

    <body><header>Daily Planet</header><div role="banner">Daily Planet (sticky)</div></body>

Passes::

    <body><header>Daily Planet</header><main><article><header><h1>Storm</h1></header></article>
      </main></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import no_duplicate
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-no-duplicate-banner",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Keep one site header (<header> at the top level or role=banner)",
    copies=True,
    template_values=("branches", "landmarks"),
)


def check(page: Page) -> Results:
    yield from no_duplicate(RULE, page, "banner")
