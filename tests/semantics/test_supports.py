"""``@supports`` conditions, answered as Chromium 156 answers them (each expectation below was
read off ``CSS.supports`` in Debian's Chromium: see scripts/chromium_css_support.py)."""

from __future__ import annotations

import pytest

from a11y_audit.knowledge import css_support
from a11y_audit.semantics.css import parse_declarations, parse_stylesheet
from a11y_audit.semantics.supports import chromium_prelude, import_supports, supports

CHROMIUM = [
    # what current browsers have
    ("(display: grid)", True), ("(display:grid)", True), ("(DISPLAY: GRID)", True),
    ("(position: sticky)", True), ("(object-fit: cover) and (height: 1vh) and (display: flex)",
                                   True),
    ("(fill: currentColor)", True), ("(width: 100vw)", True), ("(text-wrap: balance)", True),
    ("(backdrop-filter: blur(2px))", True), ("(color: oklch(50% 0.1 30))", True),
    ("(width: if(media(width > 1px): 1px; else: 2px))", True),
    ("(display: grid !important)", True), ("(display: inherit)", True),
    ("(display: var(--x))", True), ("(--x: 1)", True), ("(--x:)", True), ("(--x: {a b})", True),
    # what only another engine has: the hacks of the news corpus's stylesheets
    ("(-ms-ime-align:auto)", False), ("(-moz-appearance:none)", False),
    ("(-ms-high-contrast:none)", False), ("(-ms-accelerator:true)", False),
    ("(-webkit-overflow-scrolling:touch)", False), ("(-webkit-touch-callout: none)", False),
    ("(-webkit-backdrop-filter: blur(2px))", False), ("(-moz-osx-font-smoothing: grayscale)",
                                                     False),
    ("(line-clamp: 2)", False), ("(hanging-punctuation: first)", False),
    # ... and the -webkit- names and values Chromium keeps
    ("(-webkit-appearance: none)", True), ("(-webkit-line-clamp: 2)", True),
    ("(-webkit-line-clamp: 2) and (display: -webkit-box)", True),
    ("(width: -webkit-fill-available)", True), ("(width: -moz-available)", False),
    ("(position: -webkit-sticky)", False),
    ("((position:-webkit-sticky) or (position:sticky))", True),
    ("(display: -ms-grid)", False), ("(display: -webkit-flex)", True),
    ("(display: grid-lanes)", False), ("(display: foo)", False), ("(display: flow-root)", True),
    ("(display: block flex)", True), ("(display: inline flow-root)", True),
    ("(display: list-item block flow)", True),
    ("(-ms-filter: none)", False), ("(behavior: url(x))", False), ("(-o-object-fit: cover)", False),
    ("(filter: progid:DXImageTransform.Microsoft.gradient(startColorstr='#1'))", False),
    # values the cascade drops as Chromium drops them (colours, keywords, ranges, backgrounds)
    ("(color: foo)", False), ("(color: red)", True), ("(color: #12)", False),
    ("(color: rgb(1 2 3))", True), ("(color: color-mix(in srgb, red, blue))", True),
    ("(color: light-dark(#000, #fff))", True), ("(color: oklch(0.5 0.1 120))", True),
    ("(color: contrast-color(red))", True), ("(background: blue green)", False),
    ("(background: linear-gradient(red, blue))", True), ("(visibility: hiddenn)", False),
    ("(visibility: collapse)", True), ("(font-size: -1px)", False),
    ("(font-size: clamp(1rem, 2vw, 3rem))", True), ("(opacity: 2)", True),
    ("(opacity: -1)", True), ("(opacity: 50%)", True), ("(position: sticky)", True),
    ("(position: -webkit-sticky)", False), ("(overflow: clip)", True),
    ("(overflow: overlay)", True), ("(display: grid)", True),
    ("(background-color: transparent)", True), ("(background-color: foo)", False),
    ("(font-weight: 1001)", False), ("(font-weight: 950)", True),
    ("(text-decoration-style: wavy)", True),
    ("(background-image: -moz-linear-gradient(red, blue))", False),
    ("(background-image: image-set(url(a.png) 1x))", True), ("(color: inherit)", True),
    ("(color: var(--x))", True), ("(font: 12px serif)", True),
    ("(border: 1px solid red)", True), ("(outline: 2px dotted currentcolor)", True),
    ("(content-visibility: auto)", True), ("(transform: translateX(10px))", True),
    ("(clip-path: inset(50%))", True), ("(width: 10px)", True),
    ("(color: red !important)", True), ("(COLOR: RED)", True),
    ("(-webkit-text-fill-color: transparent)", True),
    # the grammar
    ("not (display: grid)", False), ("not (foo: bar)", True), ("(foo: bar)", False),
    ("(display:grid) and (not (display:inline-grid))", False),
    ("(display: grid) or (foo: bar)", True), ("(display: grid) and (foo bar)", False),
    ("(display: grid) or foo(bar)", True), ("not foo(bar)", True), ("not (foo bar)", True),
    ("(display: grid) and ((color: red) or (foo: bar))", True),
    ("(color: red) and (color: red) or (color: red)", False), ("not not (color: red)", False),
    ("not ((color: red))", False), ("((display: grid))", True),
    ("(color: red) AND (color: red)", True), ("(color: red) and(color: red)", False),
    ("(color:red)and (color:red)", True), ("(color: red)/**/and (color: red)", True),
    ("(display: grid;)", False), ("(display: grid; color: red)", False), ("(display:)", False),
    ("(display: grid) and not (color: red)", False), ("display: grid", False), ("", False),
    # selector(), font-tech(), font-format(), at-rule()
    ("selector(:has(a))", True), ("selector(:focus-visible)", True),
    ("selector(:-moz-focusring)", False), ("selector(::-webkit-scrollbar)", True),
    ("selector(::marker)", True), ("selector(:is(a, b))", True), ("selector(a > b)", True),
    ("selector(:nth-child(2 of .x))", True), ("selector(:hover)", True),
    ("selector(:HOVER)", True), ("selector(::BEFORE)", True), ("selector(a:before)", True),
    ("selector(a:hover::before)", True), ("selector(:foo)", False),
    ("selector(:is(:foo))", False), ("selector(:where(:-moz-any-link))", False),
    ("selector(a, b)", False), ("selector(a >)", False), ("selector()", False),
    ("not selector(:has(a))", False), ("selector(a:-webkit-any(b))", True),
    ("font-tech(color-COLRv1)", True), ("font-tech(incremental)", False),
    ("font-tech(color-colrv1, variations)", False), ("font-format(woff2)", True),
    ("font-format(embedded-opentype)", False),
    ("(display: grid) and font-tech(color-COLRv1)", True),
    ("at-rule(@container)", True), ("at-rule(@scope)", True), ("at-rule(@foo)", False),
]


@pytest.mark.parametrize(("condition", "expected"), CHROMIUM)
def test_a_condition_is_answered_as_chromium_answers_it(condition, expected):
    assert supports(condition) is expected


def test_an_imports_supports_takes_a_declaration_or_a_condition():
    assert import_supports("display: grid")
    assert not import_supports("-ms-ime-align: auto")
    assert import_supports("(display: grid) and (gap: 1px)")
    assert not import_supports("not (display: grid)")


@pytest.mark.parametrize(("prelude", "imported"), [
    ('url("a.css") supports(display: grid)', True),
    ('url("a.css") supports(-ms-accelerator: true)', False),
    ('url("a.css") layer(base) supports((display: grid) and (gap: 1px)) screen', True),
    ('url("a.css") layer supports(display: grid) print', False),
    ('url("a.css") supports(display: grid) (max-width: 10px)', False),
    ('url("a.css") supports(display: grid', False),
    ('url("a.css") layer(x) (min-width: 1px)', True),
])
def test_an_import_applies_where_its_conditions_hold(prelude, imported):
    sheet = parse_stylesheet(f"@import {prelude};")
    assert [found.url for found in sheet.imports] == (["a.css"] if imported else [])


def test_a_vendor_hack_block_is_left_out_of_the_cascade():
    sheet = parse_stylesheet("@supports (-ms-ime-align:auto){.a{display:none}}"
                             "@supports (display:grid){.b{display:none}}")
    assert set(sheet.index("all")) == {".b"}


def test_the_knowledge_is_chromiums():
    # spot checks of the generated lists, against what the browser answered
    assert {"display", "color", "-webkit-appearance", "-webkit-line-clamp"} <= (
        css_support.PROPERTIES)
    assert not {"-moz-appearance", "-ms-filter", "line-clamp"} & css_support.PROPERTIES
    assert "grid" in css_support.DISPLAY_VALUES and "-ms-grid" not in css_support.DISPLAY_VALUES
    assert css_support.CHROMIUM_VERSION.startswith("156.")


# Selector lists as Chromium 156 reads them: the list itself, with :is()/:where() arguments
# it drops left out, or None where it drops the whole rule (read off a page in Chromium:
# tests/test_styles_browser.py holds a page of these to its computed styles)
SELECTOR_LISTS = [
    (".a, .x:-moz-focusring", None), (".a, .x::-moz-selection", None),
    (".a, .x:-ms-input-placeholder", None),
    (".a, .x::-webkit-scrollbar", ".a, .x::-webkit-scrollbar"),
    (".a, .x:-webkit-autofill", ".a, .x:-webkit-autofill"), (".a, .x:unknown-thing", None),
    (".a, input:-moz-placeholder", None), (".a, .x:-webkit-any(.y)", ".a, .x:-webkit-any(.y)"),
    (".a, .x:-moz-any(.y)", None), (".a, .x::-webkit-foo-bar", ".a, .x::-webkit-foo-bar"),
    (".a, .x:-webkit-scrollbar", None), (".a, .x::-internal-foo", None),
    (".a, .x::-ms-clear", None), (".a, .x:hover::before", ".a, .x:hover::before"),
    (":is(.a, :-moz-focusring)", ":is(.a)"), (":where(.a, .x::before)", ":where(.a)"),
    (":is(.a, :unknown-thing)", ":is(.a)"), (".a:is(:-moz-focusring, .a)", ".a:is(.a)"),
    (".a:not(:-moz-focusring)", None), (":is(:-moz-x)", ":is(:not(*))"),
    (":is(.a, :is(.b, :-moz-x))", ":is(.a, :is(.b))"), (":not(:is(.a, :-moz-x))", ":not(:is(.a))"),
    ("a:has(:-moz-x)", None), ("a:nth-child(2 of :foo)", None), (":not(::before)", None),
    (".a:not(:before)", None), ("a::hover", None), (":matches(.a)", None), (":paused", None),
    ("a:HOVER", "a:HOVER"), ("a:not(.b)::before", "a:not(.b)::before"),
    # an escaped colon is part of a class name; an attribute's value holds no pseudo-class
    (".md\\:flex", ".md\\:flex"), (".hover\\:bg:hover", ".hover\\:bg:hover"),
    (".md\\:flex:-moz-x", None), ('[x=":-moz"] a:is(.b, :-moz-x)', '[x=":-moz"] a:is(.b)'),
    # :-webkit-any() takes compound selectors only, and drops its rule for anything else
    (":-webkit-any(.a .b, .c)", None), (":-webkit-any(.a > .b)", None),
    (":-webkit-any(.a, :-moz-x)", None), (":-webkit-any(.a,)", None), (":-webkit-any()", None),
    (":-webkit-any(.a::before)", None), (":-WEBKIT-ANY( .a , p.b:not(.c, d) )",
                                         ":-WEBKIT-ANY(.a, p.b:not(.c, d))"),
    (":-webkit-any([x='a b'], :not(.c))", ":-webkit-any([x='a b'], :not(.c))"),
    # ... its :not() too, but not what :is() holds; no :has()
    (":-webkit-any(.a:not(.c d))", None), (":-webkit-any(.a:not(:is(.c d)))",
                                           ":-webkit-any(.a:not(:is(.c d)))"),
    (":-webkit-any(.a:is(.c d, .e))", ":-webkit-any(.a:is(.c d, .e))"),
    (":-webkit-any(.a:has(> b))", None),
    (":is(:-webkit-any(.a .b), .c)", ":is(.c)"), ("a:-webkit-any-link", "a:-webkit-any-link"),
    # a functional pseudo-class's argument has its syntax (an An+B series, "of" in lower
    # case; one identifier for :lang(), :dir(), :state(); one compound for :host(); no
    # :has() in :has(), but where a forgiving :is() leaves it out; no combinator at an end
    # but where :has() begins one); a pseudo-class that takes no argument takes none, and
    # a parenthesis that closes none drops its rule too
    *((f".a, .x{bad}", None) for bad in (
        ":nth-child(foo)", ":nth-child(2n+)", ":nth-child(+ 2n)", ":nth-child(1.5)",
        ":nth-child(1 of)", ":nth-child(1 OF .y)", ":nth-child(2n+1of .y)",
        ":nth-child(1 of >.y)", ":nth-of-type(1 of .y)", ":not()", ":not(>.y)",
        ":not(.y >)", ":has()", ":has(.y >)", ":has(:has(.y))", ":lang()", ":lang(en, fr)",
        ':lang("en")', ":dir(ltr rtl)", ":host(.y .z)", ":host(.y, .z)", ":state()",
        ":hover(.y)", ":current(.y)", ")")),
    *((f".a, .x{good}", f".a, .x{good}") for good in (
        ":nth-child( 2n + 1 )", ":nth-child(-n+3 of .y)", ":nth-child(ODD)", ":lang(en)",
        ":dir(\\6c tr)", ":has(> .y)", ":not(.y .z)", ":active-view-transition-type(y, z)",
        ":nth-child(1 of ::before)")),
    (".a, .x:has(:is(:has(.y), .z))", ".a, .x:has(:is(.z))"),
]


@pytest.mark.parametrize(("prelude", "read"), SELECTOR_LISTS)
def test_a_selector_list_is_read_as_chromium_reads_it(prelude, read):
    assert chromium_prelude(prelude) == read


def test_a_rule_chromium_drops_sets_nothing():
    sheet = parse_stylesheet(".a, .b:-moz-focusring { display: none } "
                             ":is(.c, :-moz-x) { display: none } .d:-ms-clear { display: none }")
    index = sheet.index("all")
    assert ".a" not in index and ".d" not in index
    assert [rule.selector for rule in index["*"]] == [":is(.c)"]


@pytest.mark.parametrize(("body", "kept"), [
    # keyword values Chromium does not take are dropped, so the one before applies
    ("display: none; display: grid-lanes", "none"),
    ("display: none; display: -ms-flexbox", "none"),
    ("display: none; display: table-cell foo", "none"),
    ("display: none; display: block block", "none"),
    ("display: none; display: -webkit-box", "-webkit-box"),
    ("display: none; display: block flex", "block flex"),
    ("display: none; display: BLOCK", "BLOCK"),
    ("display: none; display: var(--d)", "var(--d)"),
    ("display: none; display: inherit", "inherit"),
    ("visibility: hidden; visibility: hiddenn", "hidden"),
    ("visibility: hidden; visibility: Visible", "Visible"),
    ("position: absolute; position: -webkit-sticky", "absolute"),
    ("position: absolute; position: sticky", "sticky"),
    ("overflow: clip; overflow: hidden scroll", "hidden scroll"),
    ("overflow: clip; overflow: hidden scroll auto", "clip"),
    ("font-style: italic; font-style: oblique 10deg", "oblique 10deg"),
    ("font-style: italic; font-style: slanted", "italic"),
    ("content-visibility: hidden; content-visibility: nope", "hidden"),
])
def test_a_keyword_value_chromium_does_not_take_is_dropped(body, kept):
    declarations = parse_declarations(body)
    assert declarations[-1][1] == kept
