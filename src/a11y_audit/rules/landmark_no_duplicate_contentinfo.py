"""The page has at most one contentinfo landmark.

The contentinfo landmark holds the site footer (copyright, contact, legal links). Two of them
make the landmark list ambiguous.

Applies to every contentinfo landmark exposed to assistive technology (``<footer>`` not inside
``article``, ``aside``, ``main``, ``nav`` or ``section``, or ``role="contentinfo"``), as axe-
core. A single one passes; with several, the first fails and names the others.

Differs from axe-core: a ``<footer>`` inside an element with role ``article``, ``complementary``,
``main``, ``navigation`` or ``region`` is not a contentinfo landmark, as HTML-AAM maps it; axe-core
scopes ``<footer>`` by native ancestors only and counts it. With several the first fails and names
the others, as in axe-core.

Where a linked stylesheet could not be read (not under ``--missing-stylesheets ignore``), a copy
in an element whose class the common frameworks hide on a desktop screen or until a script shows
it (a phone's copy in ``hidden-lg``, ``md:hidden`` or ``d-lg-none``, a ``modal-window``) makes
the failure cantTell unless two copies are shown for sure: the site's stylesheet shows one of
them, and axe-core, run on the page with it, sees that one.

Fails::

    <body><main>Story</main><footer>Contact us</footer><div role="contentinfo">Copyright</div>
      </body>

Passes::

    <body><main><article>Story<footer>Filed under World</footer></article></main>
      <footer>Contact</footer></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import no_duplicate
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-no-duplicate-contentinfo",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Keep one site footer (<footer> at the top level or role=contentinfo)",
    copies=True,
    template_values=("branches", "landmarks"),
)


def check(page: Page) -> Results:
    yield from no_duplicate(RULE, page, "contentinfo")
