"""CSS Nesting: style rules nested in style rules join the cascade, as browsers read them.

A nested selector is relative to its parent (as if it began with ``&``), ``&`` stands for
``:is(parent)`` with that specificity, declarations after a nested rule come after it in
the cascade (CSS Nesting's nested declarations rules, as current browsers do), and
conditional at-rules nest in style rules. Nesting too deep to join stays undecided: the
"may be hidden" answer (test_may_hide.py). tests/test_styles_browser.py holds the same
constructs to Chromium, and tests/semantics/test_selectors.py the ``:is()`` of
complex selectors the joins use.
"""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics import css
from a11y_audit.semantics.cascade import cascade_of, parse_color
from a11y_audit.semantics.css import parse_stylesheet
from a11y_audit.semantics.selectors import compile_selector


@pytest.mark.parametrize(("parent", "nested", "joined"), [
    # "&" first or implied: the parent's selectors written out, as an author flattens them
    (".card", ".title", ".card .title"),
    (".card", "> .meta", ".card > .meta"),
    (".card", "&.lead", ".card.lead"),
    (".a .b", ".c", ".a .b .c"),
    (".a .b", "&.d:hover", ".a .b.d:hover"),
    (".a > .b, .c .d", "& + .e", ".a > .b + .e, .c .d + .e"),
    # "&" elsewhere, or a list of compounds: :is() of the parent
    (".card", "& + .after, .wrap &", ".card + .after, .wrap :is(.card)"),
    (".card, .box", ".tag", ":is(.card, .box) .tag"),
    (".card, #main", "&.x", ":is(.card, #main).x"),
    ("div.x", ":not(&) p", ":not(:is(div.x)) p"),
    (".a", '[data-x="&"] &', '[data-x="&"] :is(.a)'),      # (an "&" in a string is text)
    (".a .b", ".x &", ".x :is(.a .b)"),
    (".a > .b, .c", ".e", ":is(.a > .b, .c) .e"),   # 0,2,0 and 0,1,0: :is() takes the larger
    ("", ".x", None),
])
def test_a_nested_selector_joins_its_parent(parent, nested, joined):
    assert css._nest(parent, nested) == joined
    if joined is not None:
        assert all(compile_selector(s) is not None for s in css.split_selectors(joined))


@pytest.mark.parametrize("parent", [".card", ".a .b"])
def test_a_type_selector_after_the_ampersand_is_dropped_as_chromium_drops_it(parent):
    joined = css._nest(parent, "&div")
    assert joined is not None and compile_selector(joined) is None


def test_the_join_keeps_the_specificity_of_is_parent():
    # :is(.card, #main) .x is (1,1,0) for both elements, as in browsers
    joined = css._nest(".card, #main", ".x")
    assert joined == ":is(.card, #main) .x"
    compiled = compile_selector(joined)
    assert compiled is not None and compiled[1] == (1, 1, 0)


def test_rules_join_the_sheet_in_source_order():
    sheet = parse_stylesheet(".a { color: red; .b { color: blue } color: green;"
                             " @media (min-width: 1px) { color: gray; .c { color: pink } }"
                             " @media print { color: black } }")
    assert [(prelude, body.strip(" ;")) for prelude, body, _ in sheet.raw] == [
        (".a", "color: red"), (".a .b", "color: blue"), (".a", "color: green"),
        (".a", "color: gray"), (".a .c", "color: pink")]
    assert sheet.undecided == []


def test_nested_layers_and_three_levels():
    sheet = parse_stylesheet("@layer base { .a { .b { .c { color: red } } } }"
                             " .x { @layer top { color: blue } }")
    assert [(prelude, body.strip(), layer) for prelude, body, layer in sheet.raw] == [
        (".a .b .c", "color: red", "base"), (".x", "color: blue", "top")]
    assert sheet.layers == ["base", "top"]


@pytest.mark.parametrize("nested", [False, True])
def test_layers_are_named_once_in_order_of_first_appearance(nested):
    """Each layer once, where first named, by block or statement; the set that tells a new
    name at once holds the same names, also after a sheet with nested rules is read again."""
    inner = " .b { color: red }" if nested else ""
    sheet = parse_stylesheet(
        f"@layer b, a; @layer a {{ .x {{ color: red;{inner} }} }} @layer c {{ @layer d {{ }} }}"
        f" @layer b {{ }} @layer a, e; @layer c.d, f; " + "".join(
            f"@layer l{i % 300} {{ p {{ color: red }} }}" for i in range(900)))
    expected = ["b", "a", "c", "c.d", "e", "f", *(f"l{i}" for i in range(300))]
    assert sheet.layers == expected
    assert sheet.layer_names == set(expected)


def test_nesting_too_deep_to_join_stays_undecided():
    css_text = ".a" + " { .b" * 200 + " { display: none }" + " }" * 201
    sheet = parse_stylesheet(css_text)
    assert sheet.raw == []
    [(origin, selector, _, why)] = sheet.undecided
    assert why == css._NESTED_DEEP and origin.startswith("'.b' nested in '... {")
    assert compile_selector(selector) is not None      # (wider: see _Context.nesting)


def page_with(style: str, body: str) -> Page:
    return Page.from_html(f"<html><head><style>{style}</style></head><body>{body}</body></html>")


def test_the_cascade_applies_nested_rules_with_their_specificity_and_order():
    page = page_with(
        "#main .item { color: #111 } .item { & { color: #a0a } }"
        " .late { color: #a00; & { color: #00a } color: #0a0; }"
        " .card { .gone { display: none } &.lead { font-weight: 700 } }",
        '<div id="main"><p class="item">i</p></div><p class="late">l</p>'
        '<div class="card lead"><p class="gone">g</p></div>')
    cascade = cascade_of(page)
    item, late, card, gone = (page.root.find(f".//*[@class='{name}']")
                              for name in ("item", "late", "card lead", "gone"))
    assert cascade.style(item).color == pytest.approx(_rgb("#111"))
    assert cascade.style(late).color == pytest.approx(_rgb("#0a0"))
    assert cascade.style(card).font_weight == 700
    assert not page.is_rendered(gone) and page.may_be_hidden(gone) is None


def _rgb(hex_colour: str) -> tuple[float, ...]:
    colour = parse_color(hex_colour)
    assert colour is not None
    return colour
