"""The page has a main landmark.

Screen reader users jump straight to the story with the "main" landmark shortcut; without one
they have to wade through the masthead and navigation on every article.

Passes when a ``main`` landmark (``<main>`` or ``role="main"``) is exposed to assistive
technology, as axe-core. Reported on the ``<html>`` element.

Differs from axe-core: axe-core passes the page while a modal dialog is open, which it decides from
the rendered page. Whether a dialog in the markup is open, modal and covering the page is not known
statically, so a page without main that shows a dialog (``role="dialog"``/``"alertdialog"``,
``<dialog open>``) is cantTell here; otherwise it matches axe-core. A dialog with
``aria-hidden="true"`` is a closed one (scripts set it as they hide the dialog), so it does not
count; axe-core looks at whether it is on screen, which a saved page without its stylesheet
shows it to be (`scripts/axe_corpus.py` sees this on Bootstrap and Foundation modals).

Fails::

    <body><div class="story"><h1>Storm hits coast</h1></div></body>

Passes::

    <body><main><h1>Storm hits coast</h1></main></body>

    <body><div role="main"><h1>Storm hits coast</h1></div></body>
"""

from __future__ import annotations

from a11y_audit.checks.landmarks import of_role, shown_dialog
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="landmark-one-main",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Wrap the story in one <main> element",
    hidden_content="the page has no main landmark, hidden content or not",
    document_level=True,
    whole_content=True,
)


def check(page: Page) -> Results:
    mains = of_role(page, "main")
    if mains:
        yield RULE.ok(page.root, f"Main landmark: {page.css_path(mains[0].element)}")
    elif (dialog := shown_dialog(page)) is not None:
        yield RULE.cant_tell(page.root, "The page has no main landmark, but it shows a dialog "
                                        f"({page.css_path(dialog)}): if that is a modal covering "
                                        "the page, the main content is not what users reach")
    else:
        yield RULE.fail(page.root, "The page has no main landmark (<main> or role=\"main\")")
