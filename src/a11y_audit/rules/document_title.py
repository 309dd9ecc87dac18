"""The HTML page has a title element with text.

The page title is the first thing a screen reader announces when a page opens, and the name of
the browser tab, history entry and bookmark. Readers with many articles open in tabs, and
everyone coming back from search results, tell pages apart by it. A page without a title is
announced by its address.

Applies to the document element of an HTML page (not to a bare SVG or MathML document). The
title that counts is the first HTML ``title`` element in tree order (what ``document.title``
reads), wherever it is: a second, non-empty ``title`` does not rescue an empty first one, and
``title`` elements inside ``svg`` or ``template`` are not the page title.

Matches axe-core.

Fails::

    <!DOCTYPE html>
    <html lang="en"><head><title> </title></head>
    <body><h1>Storm closes schools across the region</h1></body></html>

Passes::

    <!DOCTYPE html>
    <html lang="en"><head><title>Storm closes schools across the region | City News</title>
    </head><body><h1>Storm closes schools across the region</h1></body></html>

Limits: whether the title describes the page is for a person to judge; a title added by a
script (or only inside a shadow root) is not seen.
"""

from __future__ import annotations

from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.document import is_html_document, title_element

RULE = Rule(
    id="document-title",
    impact="serious",
    wcag=("2.4.2",),
    act=("2779a5",),
    tags=("cat.text-alternatives",),
    help="Give the page a <title> that names the article and the site",
    hidden_content="judges the document's <title>",
    document_level=True,
    whole_content=True,
)


def check(page: Page) -> Results:
    if not is_html_document(page):
        return
    root = page.root
    title = title_element(page)
    if title is None:
        yield RULE.fail(root, "The page has no <title> element")
        return
    text = "".join(title.itertext())  # type: ignore[arg-type]  # (str)
    if not text.strip():
        yield RULE.fail(root, "The page's first <title> element is empty"
                        if not text else "The page's first <title> contains only whitespace")
        return
    yield RULE.ok(root, f"Page title: {text.strip()[:120]!r}")
