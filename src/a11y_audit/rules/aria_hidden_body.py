"""The document body is not ``aria-hidden="true"``.

``aria-hidden="true"`` on ``body`` removes the whole page from the accessibility tree: screen
readers find nothing to read. Scripts of modal dialogs sometimes set it while a dialog is open
and fail to remove it; in a saved page it hides everything.

The rule applies to the ``body`` element (hidden or not). It fails when ``aria-hidden`` is
exactly ``true``.

Matches axe-core. Same selector (``body``, hidden included, top-level document only) and check
(``aria-hidden-body``: the attribute value compared as written, so ``"TRUE"`` passes).

Fails::

    <body aria-hidden="true"><main><h1>Headline</h1></main></body>

Passes::

    <body><main><h1>Headline</h1></main></body>

    <body aria-hidden="false"><main><h1>Headline</h1></main></body>
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-hidden-body",
    impact="critical",
    wcag=("1.3.1", "4.1.2"),
    tags=("cat.aria",),
    help="Remove aria-hidden=\"true\" from the body element",
    hidden_content="judges the <body> element itself",
    document_level=True,
)


def check(page: Page) -> Results:
    body = page.body
    if tag_of(body) != "body":
        return
    if body.get("aria-hidden") == "true":
        yield RULE.fail(body, "<body aria-hidden=\"true\"> hides the whole page from assistive "
                              "technology")
    else:
        yield RULE.ok(body, "the body is not aria-hidden")
