"""semantics.document: HTML vs bare SVG/MathML documents, and the document's title element."""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.document import is_html_document, title_element


@pytest.mark.parametrize(
    ("markup", "html"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>', False),
        ('<math lang="en">x</math>', False),
        ("<!DOCTYPE html><html><body><svg></svg></body></html>", True),   # a doctype: HTML
        ("<html lang='en'><body><svg></svg></body></html>", True),        # attributes on html
        ("<p>text</p><svg></svg>", True),
        ("<title>t</title><svg></svg>", True),                            # head content
        ("<!DOCTYPE html><title>x</title>", True),
    ],
)
def test_is_html_document(markup, html):
    assert is_html_document(Page.from_html(markup)) is html


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<head><title>A</title></head><body><title>B</title></body>", "A"),
        ("<body><title>B</title></body>", "B"),
        ("<body><svg><title>S</title></svg><title>T</title></body>", "T"),
        ("<body><template><title>T</title></template></body>", None),
        ("<body><p>no title</p></body>", None),
    ],
)
def test_title_element(markup, text):
    el = title_element(Page.from_html("<!DOCTYPE html>" + markup))
    assert (el.text if el is not None else None) == text
