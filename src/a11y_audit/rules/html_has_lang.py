"""The html element of the page has a lang attribute.

Screen readers pick their voice and pronunciation rules from the page language. Without it they
read the article with the user's default voice: a French report read by an English voice is
hard to follow, and braille displays may choose the wrong contraction table. Browsers also use
it for translation offers and hyphenation.

Applies to the document element of an HTML page (not to a bare SVG or MathML document). A
``lang`` attribute that is empty or only whitespace counts as missing, and ``xml:lang`` alone
does not do: HTML readers use ``lang``.

Matches axe-core.

Fails::

    <!DOCTYPE html>
    <html><head><title>Election night live</title></head>
    <body><p>Polls close at eight.</p></body></html>

Passes::

    <!DOCTYPE html>
    <html lang="en-GB"><head><title>Election night live</title></head>
    <body><p>Polls close at eight.</p></body></html>

Limits: whether the value names the right language is for html-lang-valid (a known language)
and for a person (the language actually used).
"""

from __future__ import annotations

from a11y_audit.knowledge.lang import is_blank
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.document import is_html_document

RULE = Rule(
    id="html-has-lang",
    impact="serious",
    wcag=("3.1.1",),
    act=("b5c3f8",),
    tags=("cat.language",),
    help='Add the page language to the html element, e.g. <html lang="en">',
    hidden_content="judges the <html> element",
    document_level=True,
)


def check(page: Page) -> Results:
    if not is_html_document(page):
        return
    root = page.root
    lang = root.get("lang")
    if lang is None:
        extra = " (xml:lang is not used by HTML readers)" if root.get("xml:lang") else ""
        yield RULE.fail(root, f"<html> has no lang attribute{extra}")
    elif is_blank(lang):
        yield RULE.fail(root, "<html lang> is empty" if not lang
                        else "<html lang> contains only whitespace")
    else:
        yield RULE.ok(root, f"<html lang={lang!r}>")
