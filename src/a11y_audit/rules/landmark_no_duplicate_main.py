"""The page has at most one main landmark.

Two main landmarks leave screen reader users guessing which one holds the story: a common slip
when a live blog or an embedded article template brings its own <main>.

Applies to every main landmark exposed to assistive technology (``<main>`` or ``role="main"``),
as axe-core. A single one passes; with several, the first fails and names the others.

Matches axe-core.

Where a linked stylesheet could not be read (not under ``--missing-stylesheets ignore``), a copy
in an element whose class the common frameworks hide on a desktop screen or until a script shows
it (a phone's copy in ``hidden-lg``, ``md:hidden`` or ``d-lg-none``, a ``modal-window``) makes
the failure cantTell unless two copies are shown for sure: the site's stylesheet shows one of
them, and axe-core, run on the page with it, sees that one.

Fails::

    <body><main><h1>Storm hits coast</h1></main><main><h2>Live updates</h2></main></body>

Passes::

    <body><main><h1>Storm hits coast</h1></main><aside><h2>Most read</h2></aside></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import no_duplicate
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-no-duplicate-main",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Keep one <main> for the story; use <section> or <aside> for the rest",
    copies=True,
    template_values=("branches",),
)


def check(page: Page) -> Results:
    yield from no_duplicate(RULE, page, "main")
