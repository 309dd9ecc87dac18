"""Selector matching: the regex reader of simple selectors agrees with cssselect's tree."""

from __future__ import annotations

import pytest
from cssselect import parse
from lxml import html

from a11y_audit.semantics import selectors
from a11y_audit.semantics.selectors import compile_selector

DOCUMENT = html.document_fromstring(
    '<html><body class="home Page"><div id="main" class="a b">'
    '<ul class="nav"><li class="item active"><a href="/" class="link">x</a></li>'
    '<li class="item"><a class="link -dash x_y">y</a></li><li id="last">z</li></ul>'
    '<p class="a">p <span class="b">s</span></p><x-card class="a"><p>c</p></x-card>'
    '</div><div id="aside" class="b"><p id="main">dup</p></div></body></html>')
ELEMENTS = [el for el in DOCUMENT.iter() if isinstance(el.tag, str)]

SIMPLE = [
    "*", "div", "DIV", "*.a", ".a", ".a.b", ".b.a", "#main", "div#main", "#main#main",
    "#main#aside", "div#main.a.b", ".a .b", ".a > .b", ".a>.b", ".a + .b", ".a ~ .b",
    ".a  \t .b", "ul li a.link", ".nav > li.item > a", "li.item + li", "li ~ #last",
    "body .a p span.b", "x-card p", "X-CARD > P", ".-dash", ".x_y", "#aside p#main",
    "html body div ul li a", ".home .nav .item .link", "  .a  ", "* > *", "* + *",
    "a:hover", ".nav a:focus", "li:first-child", "li:last-child a", "li:FIRST-CHILD.item",
    ":root", ":root .a", "a:link", "a:any-link.link", "p:empty", "span:first-child",
    "li:only-child", "li:first-of-type + li", ".item:hover .link", "x-card:defined",
]
NOTHING = ("#main#aside", "a:hover", ".nav a:focus", "p:empty", ".item:hover .link",
           "li:last-child a", "li:only-child", "x-card:defined")
NOT_SIMPLE = [
    "a:before", ".a:after", "p:first-line", "a:nth-child", ".a:not-a-class-x", ".a:not(.b)",
    "[href]", "a[href^='/']", ".md\\:flex", ".1a", "#1a", "a::before",
    ".a,.b", "a >", "> a", "a > > b", "", "a\u00a0b", ".--x", "a|b", ".a..b", "a##b",
]


def reference(selector: str):
    """What compile_selector gave before the regex reader: cssselect's tree compiled."""
    parsed = parse(selector)
    tree = parsed[0].parsed_tree
    return (selectors._compile(tree), tuple(parsed[0].specificity()),
            frozenset(selectors._ancestor_keys(tree)))


@pytest.mark.parametrize("selector", SIMPLE)
def test_simple_selectors_match_as_cssselect_does(selector):
    fast = selectors._compile_simple(selector)
    assert fast is not None, "read without cssselect"
    matcher, specificity, above = reference(selector)
    assert (tuple(fast[1]), fast[2]) == (specificity, above)
    assert [fast[0](el) for el in ELEMENTS] == [matcher(el) for el in ELEMENTS]
    assert any(fast[0](el) for el in ELEMENTS) or selector in NOTHING


@pytest.mark.parametrize("selector", NOT_SIMPLE)
def test_other_selectors_are_left_to_cssselect(selector):
    assert selectors._compile_simple(selector) is None


def test_compile_selector_reads_simple_ones_and_skips_invalid_ones():
    matcher, specificity, above = compile_selector(".nav > li.item")
    assert specificity == (0, 2, 1) and above == frozenset({".nav"})
    assert [el.get("class") for el in ELEMENTS if matcher(el)] == ["item active", "item"]
    assert compile_selector("a >") is None and compile_selector(".1a") is None
