"""The "may be hidden" answer: style rules the cascade cannot evaluate, kept apart from it.

css: which rules are kept (``Stylesheet.undecided``) and with what selector; selectors: how a
selector with ``:nth-child(... of S)`` or a vendor pseudo-class is widened; the page: which
elements may be hidden, and why, while the cascade's own answer does not change.
"""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.css import parse_stylesheet
from a11y_audit.semantics.selectors import widened


def undecided(css: str) -> list[tuple[str, str, str]]:
    return [(origin, selector, why) for origin, selector, _, why in
            parse_stylesheet(css).undecided]


def test_container_rules_are_kept_apart_with_their_query():
    sheet = parse_stylesheet("@container card (min-width: 40em) { .promo, .ad { display: none }"
                             " .x { margin: 0 } }")
    assert sheet.raw == []
    assert [(o, s, w) for o, s, _, w in sheet.undecided] == [
        ("'@container card (min-width: 40em) .promo'", ".promo", "container queries need layout"),
        ("'@container card (min-width: 40em) .ad'", ".ad", "container queries need layout")]


def test_a_container_rule_inside_media_that_does_not_apply_is_not_kept():
    assert undecided("@media print { @container (width > 1px) { .a { display: none } } }") == []
    assert undecided("@media screen { @container (width > 1px) { .a { display: none } } }")


def test_scope_rules_are_evaluated_and_those_not_judged_kept_with_the_root_widened():
    # (test_scope.py: what @scope matches, and the other cases kept apart)
    assert undecided("@scope (.card) to (.body) { :scope > img { display: none } }") == []
    assert undecided("@scope (.card) to (.body) { :scope:invalid > img { display: none } }"
                     ) == [("'@scope (.card) to (.body) :scope:invalid > img'",
                            ":is(.card):invalid > img",
                            "a selector of this @scope rule is not judged")]


@pytest.mark.parametrize(("css", "expected"), [
    # nesting is evaluated (test_nesting.py), but not in an undecided block, where it joins
    # its parent all the same
    (".card { @container (min-width: 1px) { .promo { display: none } } }",
     [("'@container (min-width: 1px) .promo' nested in '.card'", ".card .promo")]),
    ("@container (min-width: 1px) { .card { .promo { display: none } } }",
     [("'@container (min-width: 1px) .promo' nested in '.card'", ".card .promo")]),
])
def test_nested_rules_in_undecided_blocks_are_kept_with_their_parent_joined(css, expected):
    assert [(o, s) for o, s, _ in undecided(css)] == expected


def test_nested_rules_evaluated_join_the_cascade_and_are_not_kept_apart():
    sheet = parse_stylesheet(".a { .b { display: none } } .plain { display: none }")
    assert [prelude for prelude, _, _ in sheet.raw] == [".a .b", ".plain"]
    assert sheet.undecided == []


def test_rules_that_can_neither_hide_nor_repaint_text_are_not_kept():
    assert undecided("@container (width > 1px) { .a { margin: 0; padding: 2em } }") == []
    # (those that set the colours or font size are kept for the contrast rules, which say
    # cantTell where they may apply: tests/checks/test_contrast.py)
    assert undecided("@container (width > 1px) { .a { color: red; font-size: 2em } }") == [
        ("'@container (width > 1px) .a'", ".a", "container queries need layout")]


@pytest.mark.parametrize(("selector", "expected"), [
    ("li:nth-child(2 of .x)", None),            # judged
    (".x:nth-last-child(2n+1 of .y, .z)", None),
    # S not judged: :is(S), then the state dropped
    ("li:nth-child(2 of .x:invalid)", "li:is(.x)"),
    (".a:-moz-only-whitespace .b", ".a .b"),
    (".a:not(:-moz-only-whitespace) .b", ".a .b"),
    (".a:-webkit-full-screen .b", None),        # a state: never at rest
    ("input:-ms-input-placeholder", None),      # a pseudo-element written with one colon
    ("x:-o-prefocus .menu", None),
    (".a .b", None),                            # judged: nothing to widen
    (".a:hover .b", None),
    # states static HTML may hold, not judged: dropped, and a :not() that holds one
    ("form:invalid [type=submit]", "form [type=submit]"),
    (".quiz:not(:valid) .b", ".quiz .b"),
    ("video:PAUSED + .overlay", "video + .overlay"),
    ("details:open .b", None),                  # judged: open attribute
])
def test_widened_selectors(selector, expected):
    found = widened(selector)
    assert (found[0] if found else None) == expected


HEAD = "<html lang=en><head><style>{css}</style></head><body>{body}</body></html>"
BODY = '<div class="card"><p class="promo"><a href="/x">x</a></p></div><p class="other">y</p>'


def page_with(css: str, body: str = BODY) -> Page:
    return Page.from_html(HEAD.format(css=css, body=body))


@pytest.mark.parametrize(("css", "reason"), [
    ("@container (min-width: 40em) { .promo { display: none } }",
     "the stylesheet rule '@container (min-width: 40em) .promo' may hide it "
     "(container queries need layout)"),
    (".card { @container (min-width: 1px) { .promo { display: none } } }",
     "the stylesheet rule '@container (min-width: 1px) .promo' nested in '.card' may hide it "
     "(container queries need layout)"),
    (".card { content-visibility: var(--cv) }",
     "the stylesheet rule '.card' may hide it "
     "(content-visibility: var(--cv) has no known value)"),
    (".promo { display: var(--d) }",
     "the stylesheet rule '.promo' may hide it (display: var(--d) has no known value)"),
])
def test_the_page_says_what_may_hide_an_element_and_its_descendants(css, reason):
    page = page_with(css)
    promo = page.root.find(".//p")
    link = page.root.find(".//a")
    other = page.root.findall(".//p")[1]
    assert page.is_rendered(promo) and page.is_rendered(link)     # the cascade's answer
    assert page.may_be_hidden(promo) == reason
    assert page.may_be_hidden(link) == reason
    assert page.may_be_hidden(other) is None


def test_a_style_attribute_with_an_unknown_display_is_named():
    page = page_with("", '<p style="display: var(--d)">x</p>')
    assert page.may_be_hidden(page.root.find(".//p")) == (
        "its style attribute may hide it (display: var(--d) has no known value)")


@pytest.mark.parametrize("css", [
    "",
    ".promo { display: none }",                       # decided: not rendered, no "may"
    ".promo { --d: none; display: var(--d) }",        # a known value
    "@container (min-width: 40em) { .promo { display: block } }",
    ".card:hover .promo { display: none }",
    "@starting-style { .promo { display: none } }",
])
def test_nothing_may_hide_when_the_cascade_decides(css):
    page = page_with(css)
    assert page.may_be_hidden(page.root.find(".//a")) is None


def test_a_known_var_in_content_visibility_now_hides():
    page = page_with(".card { --cv: hidden; content-visibility: var(--cv) }")
    assert not page.is_rendered(page.root.find(".//a"))


@pytest.mark.parametrize(("css", "rendering", "sight"), [
    ("@container (width > 1px) { .promo { position: absolute; clip: rect(0 0 0 0) } }",
     False, True),
    ("@container (width > 1px) { .promo { opacity: 0 } }", False, True),
    ("@container (width > 1px) { .promo { left: -9999px } }", False, True),
    ("@container (width > 1px) { .promo { width: 1px; overflow: hidden } }", False, True),
    ("@container (width > 1px) { .promo { width: var(--w) } }", False, True),
    ("@container (width > 1px) { .promo { display: none } }", True, True),
    ("@container (width > 1px) { .promo { width: 20em; opacity: 1; inset: 0 } }", False, False),
])
def test_rules_that_may_hide_from_sight_count_for_sight_only(css, rendering, sight):
    page = page_with(css)
    link = page.root.find(".//a")
    assert (page.may_be_hidden(link) is not None) is rendering
    assert (page.may_be_hidden(link, sight=True) is not None) is sight
