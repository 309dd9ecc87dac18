"""``@scope``: style rules that apply only between a root and its limits join the cascade, with
CSS Cascade 6's specificity and scope proximity, as Chromium reads them.

A rule's selector is relative to the block's root (as if it began with ``:where(:scope)``)
unless it holds ``:scope`` or ``&``; only the element it styles must be in scope (the root or
below it, above any limit); two declarations of one specificity are ordered by the
generations between the element and its root, the fewest winning, and any ``@scope`` match
wins over a rule outside one. tests/test_styles_browser.py holds the same constructs to
Chromium.
"""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.cascade import cascade_of, parse_color
from a11y_audit.semantics.css import parse_stylesheet
from a11y_audit.semantics.selectors import compile_selector, scoped, written_scoped

GREEN, RED, BLUE = parse_color("green"), parse_color("red"), parse_color("blue")
BLACK = parse_color("black")


def colors(css: str, body: str) -> dict[str, object]:
    """The colour of each element with an id, on a page with this CSS and body."""
    page = Page.from_html(f"<html><head><style>{css}</style></head><body>{body}</body></html>")
    cascade = cascade_of(page)
    return {el.get("id"): cascade.style(el).color for el in page.root.iter()
            if isinstance(el.tag, str) and el.get("id")}


def matches(preludes: tuple[str, ...], selector: str, body: str) -> list[str]:
    """The ids of the elements a selector written in these @scope blocks matches."""
    compiled = compile_selector(scoped(preludes, selector))
    assert compiled is not None
    page = Page.from_html(f"<html><body>{body}</body></html>")
    return [el.get("id") for el in page.root.iter()
            if isinstance(el.tag, str) and el.get("id") and compiled[0](el)]


@pytest.mark.parametrize(("preludes", "selector", "body", "expected"), [
    # relative to the root: its descendants, not the root itself
    (("(.a)",), ".a", '<div class="a" id="r"><div class="a" id="in"></div></div>', ["in"]),
    (("(.a)",), "*", '<div class="a" id="r"><b id="b"></b></div><b id="out"></b>', ["b"]),
    (("(.a)",), "> p", '<div class="a"><p id="child"></p><div><p id="deep"></p></div></div>',
     ["child"]),
    # :scope is the root; an element outside the scope is not matched
    (("(.a)",), ":scope", '<div class="a" id="r"><div class="a" id="in"></div></div>',
     ["r", "in"]),
    (("(.a)",), ":scope + p", '<div class="a"></div><p id="sibling"></p>', []),
    # ... but the selector may read elements outside it, as in browsers
    (("(.a)",), ".x :scope p", '<div class="x"><div class="a"><p id="p"></p></div></div>',
     ["p"]),
    (("(.r) to (.lim)",), ".lim + p",
     '<div class="r"><div class="lim"></div><p id="after"></p></div>', ["after"]),
    # limits: exclusive, and below their own root
    (("(.r) to (.lim)",), "p",
     '<div class="r"><p id="in"></p><div class="lim"><p id="out"></p></div></div>', ["in"]),
    (("(.r) to (.lim)",), ".lim", '<div class="r"><div class="lim" id="l"></div></div>', []),
    (("(.r) to (.lim)",), "p", '<div class="r"><div class="lim"><div class="r">'
     '<p id="inner-root"></p></div></div></div>', ["inner-root"]),
    (("(.d) to (.e)",), ":scope", '<div class="d e" id="both"></div>', ["both"]),
    (("(.g) to (:scope)",), "em", '<div class="g"><em id="e"></em></div>', []),
    (("(.f) to (:scope > .g)",), "i", '<div class="f"><div class="g"><i id="out"></i></div>'
     '<div><div class="g"><i id="in"></i></div></div></div>', ["in"]),
    # the same root serves the whole selector: :has(:scope) finds no root above the span
    (("(.j)",), ".k:has(:scope) ~ span", '<div class="j"><div class="k"><div class="j"></div>'
     '</div><span id="s"></span></div>', []),
    # a root selector list, and a complex one
    (("(.h, .h2)",), "sup", '<div class="h2"><sup id="s"></sup></div>', ["s"]),
    (("(.n .o)",), "mark", '<div class="n"><div class="o"><mark id="m"></mark></div></div>'
     '<div class="o"><mark id="no"></mark></div>', ["m"]),
    # nested blocks: the inner root below the outer one, in its scope, and so the element
    (("(.m1)", "(.m2)"), "kbd", '<div class="m2"><div class="m1"><kbd id="a"></kbd></div>'
     '</div><div class="m1"><div class="m2"><kbd id="b"></kbd></div></div>'
     '<div class="m1 m2"><kbd id="c"></kbd></div>', ["b"]),
    (("(.a) to (.lim)", "(.b)"), "kbd", '<div class="a"><div class="lim"><div class="b">'
     '<kbd id="under"></kbd></div></div></div><div class="a"><div class="b"><div class="lim">'
     '<kbd id="limited"></kbd></div></div></div><div class="a"><div class="b">'
     '<kbd id="in"></kbd></div></div>', ["in"]),
])
def test_a_scoped_selector_matches_what_chromium_matches(preludes, selector, body, expected):
    assert matches(preludes, selector, body) == expected


@pytest.mark.parametrize(("selector", "specificity"), [
    ("p", (0, 0, 1)),                       # the implied :where(:scope)
    (":scope p", (0, 1, 1)),                # :scope, a pseudo-class
    ("& p", (0, 0, 1)),                     # & is :where(:scope) (csswg-drafts 9740)
    (":is(&) p", (0, 0, 1)),
    ("p:not(:scope *)", (0, 1, 1)),
    ("#x .y", (1, 1, 0)),
])
def test_specificity(selector, specificity):
    compiled = compile_selector(scoped(("(#root.a)",), selector))
    assert compiled is not None and compiled[1] == specificity


def test_the_nearest_root_wins_over_order_of_appearance():
    found = colors("@scope (.inner) { q { color: green } } @scope (.outer) { q { color: red } }",
                   '<div class="outer"><div class="inner"><q id="q">q</q></div></div>')
    assert found["q"] == GREEN


def test_specificity_wins_over_proximity():
    found = colors("@scope (.outer) { div q { color: green } } @scope (.inner) { q { color: red"
                   " } }", '<div class="outer"><div class="inner"><q id="q">q</q></div></div>')
    assert found["q"] == GREEN


@pytest.mark.parametrize("important", ["", " !important"])
def test_a_scoped_rule_wins_over_an_unscoped_one_of_the_same_specificity(important):
    found = colors(f"@scope (.a) {{ b {{ color: green{important} }} }} b {{ color: red"
                   f"{important} }}", '<div class="a"><b id="b">b</b></div><b id="out">o</b>')
    assert found == {"b": GREEN, "out": RED}


def test_declarations_in_the_block_apply_to_the_root_with_no_specificity():
    found = colors("@scope (.i) { color: green } div { color: red } .i { color: blue }",
                   '<div class="i" id="i"><span id="s">s</span></div>')
    assert found == {"i": BLUE, "s": BLUE}
    # before a rule of the block, and after one
    found = colors("@scope (.i) { color: green; b { color: blue } } @scope (.j) { b { color:"
                   " blue } color: red }", '<div class="i" id="i"><b id="b">b</b></div>'
                   '<div class="j" id="j">j</div>')
    assert found == {"i": GREEN, "b": BLUE, "j": RED}
    # a block's contents are read as a style rule's: a ";" after a rule is an empty
    # declaration, not the start of a selector that drops the at-rule after it
    found = colors("@scope (.i) { b { color: blue }; * { color: red }; @scope (.j) { color:"
                   " blue } }", '<div class="i" id="i"><b id="b">b</b><p class="j" id="j">j'
                   '</p></div>')
    assert found == {"i": BLACK, "b": BLUE, "j": BLUE}


@pytest.mark.parametrize(("css", "b"), [
    ("@scope (.i) { @media (min-width: 1px) { color: red } }", BLACK),
    ("@scope (.i) { b { color: blue }; @media (min-width: 1px) { color: red } }", BLUE),
    # (there, as at the top of a sheet, text before a rule spoils the rule)
    ("@scope (.i) { b { color: blue } @supports (color: red) { color: red; b { color: red } } }",
     BLUE),
    ("@scope (.i) { @layer x { color: red } }", BLACK),
])
def test_declarations_in_a_conditional_block_in_scope_are_dropped_as_chromium_drops_them(css,
                                                                                          b):
    assert colors(css, '<div class="i" id="i">i <b id="b">b</b></div>') == {"i": BLACK, "b": b}
    # (0,0,0) both: proximity wins over order of appearance
    found = colors("@scope (.i) { color: green } * { color: red }",
                   '<div class="i" id="i">i</div>')
    assert found["i"] == GREEN


def test_media_layers_and_nesting_inside_a_block():
    found = colors(
        "@media (min-width: 600px) { @scope (.c) { samp { color: green } } }"
        "@media print { @scope (.c) { samp { color: red } } }"
        "@scope (.d) { @layer l { var { color: red } } var { color: green } }"
        "@scope (.e) { .f { color: blue; .g { color: green } & .h { color: red } } }",
        '<div class="c"><samp id="samp">s</samp></div><div class="d"><var id="var">v</var>'
        '</div><div class="e"><div class="f" id="f"><p class="g" id="g">g</p></div></div>'
        '<div class="f" id="outside">f</div>')
    assert found == {"samp": GREEN, "var": GREEN, "f": BLUE, "g": GREEN, "outside": BLACK}


def test_a_block_without_a_root_selector_scopes_to_its_style_elements_parent():
    css = "@scope to (.no) { em { color: green } }"
    page = Page.from_html(f"<html><head><style>@scope {{ p {{ color: red }} }}</style></head>"
                          f"<body><p id='p'>p</p><section><style>{css}</style>"
                          "<em id='in'>e</em><div class='no'><em id='limited'>e</em></div>"
                          "</section><em id='outside'>e</em></body></html>")
    cascade = cascade_of(page)
    found = {el.get("id"): cascade.style(el).color for el in page.root.iter("p", "em")}
    # (the head's block has the head as its root: nothing in the body)
    assert found == {"p": BLACK, "in": GREEN, "limited": BLACK, "outside": BLACK}


def test_a_scoped_rule_that_hides_decides_the_element():
    page = Page.from_html("<html><head><style>@scope (.m) { .gone { display: none } }"
                          "@scope (.n) to (.o) { .p { visibility: hidden } }</style></head>"
                          "<body><div class='m'><p class='gone' id='a'>a</p></div>"
                          "<p class='gone' id='b'>b</p><div class='n'><p class='p' id='c'>c"
                          "</p><div class='o'><p class='p' id='d'>d</p></div></div>"
                          "</body></html>")
    hidden = {el.get("id"): page.is_hidden(el) for el in page.root.iter("p")}
    assert hidden == {"a": True, "b": False, "c": True, "d": False}
    assert all(page.may_be_hidden(el, True) is None for el in page.root.iter("p"))
    origin = cascade_of(page).display_origin(page.root.get_element_by_id("a"))
    assert origin == "@scope (.m) { .gone }"


@pytest.mark.parametrize(("css", "marked"), [
    # in a style rule, the root selectors are joined to the rule's, as CSS Nesting joins
    (".card { @scope (.x) { b { color: red } } }", ":a11y-scope((.card .x)) b"),
    (".card { @scope (& > .x) to (.y) { b { color: red } } }",
     ":a11y-scope((.card > .x) to (.y)) b"),
    ("@scope (.o) { .f { @scope (.x) { b { color: red } } } }",
     ":a11y-scope((.o)) :a11y-scope((.f .x)) b"),
    (".card { @scope (.x) { color: red } }", ":a11y-scope((.card .x)) :where(:scope)"),
])
def test_scope_in_a_style_rule_joins_its_root_to_the_rule(css, marked):
    assert [selector for selector, _, _ in parse_stylesheet(css).raw] == [marked]


def test_the_rule_is_kept_marked_and_shown_as_written():
    sheet = parse_stylesheet("@scope (.card) to (.body) { :scope > img, p { display: none } }")
    assert [selector for selector, _, _ in sheet.raw] == [
        ":a11y-scope((.card) to (.body)) :scope > img", ":a11y-scope((.card) to (.body)) p"]
    assert sheet.undecided == []
    assert written_scoped(sheet.raw[0][0]) == "@scope (.card) to (.body) { :scope > img }"
    nested = parse_stylesheet("@scope (.a) { @scope (.b) { i { color: red } } }").raw[0][0]
    assert written_scoped(nested) == "@scope (.a) { @scope (.b) { i } }"


@pytest.mark.parametrize(("css", "origin", "selector", "why"), [
    # a root selector the cascade does not judge: the rule stays undecided
    ("@scope (.card:valid) { img { display: none } }", "'@scope (.card:valid) img'", "img",
     "a selector of this @scope rule is not judged"),
    ("@scope (.card) { :scope:invalid img { display: none } }",
     "'@scope (.card) :scope:invalid img'", ":is(.card):invalid img",
     "a selector of this @scope rule is not judged"),
    # @scope without a root selector in a style rule
    (".story { @scope { img { display: none } } }", "'@scope img' nested in '.story'",
     ".story img", "@scope without a root selector in a style rule is not evaluated"),
    # a block without a root selector inside another
    ("@scope (.a) { @scope { img { display: none } } }", "'@scope (.a) @scope img'", "img",
     "@scope without a root selector is not evaluated"),
])
def test_what_is_not_judged_stays_undecided_with_why(css, origin, selector, why):
    sheet = parse_stylesheet(css)
    assert sheet.raw == []
    assert [(o, s, w) for o, s, _, w in sheet.undecided] == [(origin, selector, why)]


def test_roots_inside_another_block_are_kept_per_page():
    # the outer block's answer for each element is kept while its page lives: two pages of
    # one sheet, where the same places hold a root in one and not in the other
    css = "@scope (.m1) { @scope (.m2) { kbd { color: green } } }"
    inside = '<div class="m1"><div class="m2"><kbd id="k">k</kbd></div></div>'
    outside = '<div class="m0"><div class="m2"><kbd id="k">k</kbd></div></div>'
    for _ in range(2):
        assert colors(css, inside)["k"] == GREEN
        assert colors(css, outside)["k"] == BLACK
