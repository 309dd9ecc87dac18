"""The page has a level-one heading.

A screen reader user opening an article jumps to the first level-one heading to find the
headline. Without one they have to search the page.

Passes when at least one heading exposed to assistive technology has level 1 (``<h1>`` or
``role="heading" aria-level="1"``), as axe-core. Reported on the ``<html>`` element.

Differs from axe-core: axe-core passes the page while a modal dialog is open, which it decides from
the rendered page. Whether a dialog in the markup is open, modal and covering the page is not known
statically, so a page without a level-one heading that shows a dialog
(``role="dialog"``/``"alertdialog"``, ``<dialog open>``) is cantTell here; otherwise it matches
axe-core.

Fails::

    <body><h2>Storm hits coast</h2></body>

    <body><h1 hidden>Storm hits coast</h1><h2>Latest</h2></body>

Passes::

    <body><h1>Storm hits coast</h1></body>

    <body><div role="heading" aria-level="1">Storm hits coast</div></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import shown_dialog
from a11y_audit.checks.naming import quote
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="page-has-heading-one",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Mark the headline up as <h1>",
    hidden_content="the page has no level-one heading, hidden content or not",
    document_level=True,
    whole_content=True,
)


def check(page: Page) -> Results:
    ones = [h for h in page.headings if h.level == 1 and not h.hidden]
    if ones:
        yield RULE.ok(page.root, f"Level-one heading: {quote(ones[0].text)}")
    elif (dialog := shown_dialog(page)) is not None:
        yield RULE.cant_tell(page.root, "The page has no level-one heading, but it shows a "
                                        f"dialog ({page.css_path(dialog)}): if that is a modal "
                                        "covering the page, its heading is what users need")
    else:
        yield RULE.fail(page.root, "The page has no level-one heading exposed to assistive "
                                   "technology")
