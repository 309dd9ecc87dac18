"""semantics.css, semantics.selectors and semantics.cascade: one test per cascade concept."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from a11y_audit.dom import tag_of
from a11y_audit.page import Page
from a11y_audit.semantics import cascade as cascade_module
from a11y_audit.semantics import css
from a11y_audit.semantics.cascade import (
    Rendering,
    Style,
    StyleEnvironment,
    cascade_of,
    font_size,
    parse_color,
    visually_hidden_reason,
)
from a11y_audit.semantics.css import (
    Viewport,
    media_matches,
    parse_stylesheet,
    selector_key,
    split_selectors,
)
from a11y_audit.semantics.selectors import compile_selector


def page_of(css: str, body: str, **env: object) -> Page:
    page = Page.from_html(f"<html><head><style>{css}</style></head><body>{body}</body></html>")
    if env:
        page.style_environment = StyleEnvironment(**env)  # type: ignore[arg-type]
    return page


def target(page: Page, ident: str = "t"):
    return page.root.xpath(f"//*[@id='{ident}']")[0]


def rendered(css: str, body: str, **env: object) -> bool:
    page = page_of(css, body, **env)
    return page.is_rendered(target(page))


@pytest.mark.parametrize(("css", "body", "expected"), [
    # specificity: an id beats classes, whatever the order
    ("#t{display:block} .a.b{display:none}", '<p id="t" class="a b">x</p>', True),
    ("p.a{display:none} .a{display:block}", '<p id="t" class="a">x</p>', False),
    # source order: the later of equal specificity wins
    (".a{display:none} .a{display:block}", '<p id="t" class="a">x</p>', True),
    (".a{display:block} .a{display:none}", '<p id="t" class="a">x</p>', False),
    # !important beats specificity and order, and a style attribute unless that is important
    (".a{display:none!important} #t{display:block}", '<p id="t" class="a">x</p>', False),
    (".newsletter{display:none} .newsletter{display:block !important}",
     '<p id="t" class="newsletter">x</p>', True),
    (".a{display:none}", '<p id="t" class="a" style="display:block">x</p>', True),
    (".a{display:none!important}", '<p id="t" class="a" style="display:block">x</p>', False),
    # display:none hides the subtree; a child cannot undo it
    (".a{display:none} .c{display:block}", '<div class="a"><p id="t" class="c">x</p></div>',
     False),
    # visibility inherits, and a child can set it back
    (".a{visibility:hidden}", '<div class="a"><p id="t">x</p></div>', False),
    (".a{visibility:hidden} .c{visibility:visible}",
     '<div class="a"><p id="t" class="c">x</p></div>', True),
    # descendant, child and sibling combinators
    ("article .author .author-info{display:none}",
     '<article><div class="author"><ul id="t" class="author-info"></ul></div></article>', False),
    ("article > .author-info{display:none}",
     '<article><div><ul id="t" class="author-info"></ul></div></article>', True),
    ("h2 + p{display:none}", '<h2>a</h2><p id="t">x</p>', False),
    ("h2 ~ p{display:none}", '<h2>a</h2><div></div><p id="t">x</p>', False),
    # at rest: no hover or focus
    (".menu:hover .sub{display:none}", '<div class="menu"><p id="t" class="sub">x</p></div>',
     True),
    (".menu:not(:hover) .sub{display:none}",
     '<div class="menu"><p id="t" class="sub">x</p></div>', False),
    # pseudo-elements never apply to the element
    ("p::before{display:none}", '<p id="t">x</p>', True),
    # :is(), :where(), attribute selectors, :nth-child()
    (":is(.x,.y) p{display:none}", '<div class="y"><p id="t">x</p></div>', False),
    ("[data-state=closed]{display:none}", '<p id="t" data-state="closed">x</p>', False),
    ("li:nth-child(2n){display:none}", '<ul><li>a</li><li id="t">b</li></ul>', False),
    ("li:nth-child(2n+1){display:none}", '<ul><li>a</li><li id="t">b</li></ul>', True),
    # escaped class names (utility CSS)
    (r".md\:hidden{display:none}", '<p id="t" class="md:hidden">x</p>', False),
    # comments and strings do not confuse the scanner
    ('/* .a{display:block} */ .a{display:none} .z{content:"}"}', '<p id="t" class="a">x</p>',
     False),
    # quoted attribute values keep their text (they used to be emptied: never matched)
    ('input[type="submit"]{display:none}', '<input id="t" type="submit">', False),
    ("a[href='#top']{display:none}", '<a id="t" href="#top">x</a>', False),
    ('[data-x="a;b{c}"]{display:none}', '<p id="t" data-x="a;b{c}">x</p>', False),
    ('[data-x="a;b{c}"]{display:none} .a{display:none}', '<p id="t" class="a">x</p>', False),
    ('[data-x="other"]{display:none}', '<p id="t" data-x="a">x</p>', True),
    # @container is not evaluated (what it may hide: test_may_hide.py); nesting is
    ("@container (min-width:1px){.a{display:none}}", '<p id="t" class="a">x</p>', True),
    ("body{.a{display:none}}", '<p id="t" class="a">x</p>', False),
    ("body{color:red;&>.a{display:none}}", '<p id="t" class="a">x</p>', False),
    ("div{.a{display:none}}", '<p id="t" class="a">x</p>', True),
])
def test_cascade_decides_rendering(css, body, expected):
    assert rendered(css, body) is expected


@pytest.mark.parametrize(("css", "expected"), [
    ("@media (min-width:768px){.m{display:none}}", False),      # desktop: applies at 1280
    ("@media (max-width:767px){.m{display:none}}", True),       # mobile only
    ("@media screen and (min-width:48em){.m{display:none}}", False),
    ("@media print{.m{display:none}}", True),                    # print never applies
    ("@media not print{.m{display:none}}", False),
    ("@media (768px <= width < 1400px){.m{display:none}}", False),
    ("@media (orientation:portrait){.m{display:none}}", True),
    ("@media (prefers-color-scheme:dark){.m{display:none}}", True),
    ("@supports (display:grid){.m{display:none}}", False),
    ("@supports not (display:grid){.m{display:none}}", True),
])
def test_media_at_and_off_the_viewport(css, expected):
    assert rendered(css, '<p id="t" class="m">x</p>') is expected


def test_viewport_is_configurable():
    css = "@media (max-width:767px){.m{display:none}}"
    assert rendered(css, '<p id="t" class="m">x</p>', viewport=Viewport(375, 667)) is False
    assert Viewport.parse("375x667") == Viewport(375, 667)
    with pytest.raises(ValueError, match="WIDTHxHEIGHT"):
        Viewport.parse("wide")


def test_media_attribute_on_style_and_print_links():
    page = Page.from_html('<style media="print">.a{display:none}</style><p id="t" class="a">x</p>')
    assert page.is_rendered(target(page))


@pytest.mark.parametrize(("css", "style", "color"), [
    # revert-layer on a page with layers: the cascade rolled back to before the layer
    ("@layer a, b; @layer a { p { color: #111 } } @layer b { p { color: revert-layer } }",
     "", (17, 17, 17)),
    ("@layer a { p { color: #111 } } p { color: revert-layer }", "", (17, 17, 17)),
    ("@layer a { p { color: #111 } } p { color: #222 }", "color: revert-layer", (34, 34, 34)),
    # ... to the browser's value when no layer below sets it (a link's colour here)
    ("@layer a { p { color: #111 } } @layer b { p a { color: revert-layer } }", "",
     (0, 0, 238)),
    # ... an important one reaches the layers' normal declarations, and the other layers'
    # important ones
    ("@layer a { p { color: #111 } } @layer b { p { color: revert-layer !important } }", "",
     (17, 17, 17)),
    ("@layer a, b; @layer a { p { color: #121 } } @layer b { p { color: #131 !important } }"
     " @layer b { p { color: revert-layer !important } }", "", (17, 34, 17)),
    # (layer b above a: a's important one reaches neither, whatever the importance)
    ("@layer a, b; @layer b { p { color: #121 !important } } @layer a { p { color:"
     " revert-layer !important } }", "", (0, 0, 0)),
    # ... but not its own layer's normal ones, nor the layers above it
    ("@layer a { p { color: #111 } } p { color: #222 } p { color: revert-layer !important }",
     "color: #333", (17, 17, 17)),
    ("@layer a { p { color: #111 } } p { color: #222 }",
     "color: revert-layer !important; color: #333", (34, 34, 34)),
    # ... again while the value found rolls back too
    ("@layer a, b, c; @layer a { p { color: #111 } } @layer b { p { color: revert-layer } }"
     " @layer c { p { color: revert-layer } }", "", (17, 17, 17)),
    # ... and by a shorthand
    ("@layer a { p { color: #111; --x: 1 } } @layer b { p { all: revert-layer } }", "",
     (17, 17, 17)),
])
def test_revert_layer_rolls_back_a_layer(css, style, color):
    markup = (f'<p id="t" style="{style}"><a href="/" id="u">x</a></p>' if style
              else '<p id="t"><a href="/" id="u">x</a></p>')
    page = page_of(css, markup)
    el = target(page, "u") if color == (0, 0, 238) else target(page)
    assert page.style(el).color == (*(c / 255 for c in color), 1.0)


@pytest.mark.parametrize(("css", "markup", "shown"), [
    # the presentational hints are the layer below the page's first: revert-layer keeps them
    # where revert does not
    ("", '<p id="t" hidden style="display: revert-layer">x</p>', False),
    ("p { all: revert-layer }", '<p id="t" hidden>x</p>', False),
    ("", '<p id="t" hidden style="display: revert">x</p>', True),
    ("@layer a { p { display: block } }", '<p id="t" hidden style="display: revert-layer">x</p>',
     True),
])
def test_revert_layer_keeps_the_presentational_hints(css, markup, shown):
    page = page_of(css, markup)
    assert page.is_rendered(target(page)) is shown


def test_revert_layer_hides_and_sizes_as_the_layer_below_says():
    css = ("@layer a { .d { display: none } .f { font-size: 30px } .v { visibility: hidden } }"
           " @layer b { .d { display: revert-layer } .f { font-size: revert-layer }"
           " .v { visibility: revert-layer } }")
    page = page_of(css, '<p id="t" class="d f v">x<span id="u">y</span></p>')
    assert page.is_rendered(target(page)) is False
    page = page_of(css, '<p id="t" class="f">x<span id="u">y</span></p>')
    assert cascade_of(page).font(target(page, "u")).size == 30.0
    assert page.style(target(page, "u")).font_size == 30.0
    page = page_of(css, '<p id="t" class="v">x<span id="u">y</span></p>')
    assert cascade_of(page).rendering(target(page, "u")).visibility == "hidden"


def test_layers_lose_to_unlayered_rules_unless_important():
    css = "@layer base{.a{display:none}} .a{display:block}"
    assert rendered(css, '<p id="t" class="a">x</p>') is True
    css = "@layer base{#t{display:none}} .a{display:block}"   # layer beats specificity
    assert rendered(css, '<p id="t" class="a">x</p>') is True
    css = "@layer base{.a{display:none!important}} .a{display:block!important}"
    assert rendered(css, '<p id="t" class="a">x</p>') is False
    css = "@layer a, b; @layer b{.x{display:block}} @layer a{.x{display:none}}"
    assert rendered(css, '<p id="t" class="x">x</p>') is True


@pytest.mark.parametrize(("css", "markup", "expected"), [
    ("", '<p id="t" hidden>x</p>', False),
    (".shown{display:block}", '<p id="t" class="shown" hidden>x</p>', True),  # CSS overrides
    ("[hidden]{display:none!important}", '<p id="t" class="shown" hidden>x</p>', False),
    ("", '<dialog id="t">x</dialog>', False),
    ("", '<dialog id="t" open>x</dialog>', True),
    ("", '<details><summary>s</summary><p id="t">x</p></details>', False),
    (".c{content-visibility:hidden}", '<div class="c"><p id="t">x</p></div>', False),
])
def test_hidden_attribute_and_browser_defaults(css, markup, expected):
    assert rendered(css, markup) is expected


@pytest.mark.parametrize(("css", "hidden"), [
    (".sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}",
     True),
    (".sr-only{position:absolute!important;clip:rect(1px 1px 1px 1px)}", True),
    (".sr-only{clip-path:inset(50%)}", True),
    (".sr-only{position:absolute;left:-9999px}", True),
    (".sr-only{position:absolute;left:-100em}", True),
    (".sr-only{display:block;width:0;height:0;overflow:hidden}", True),
    (".sr-only{width:0;height:0;overflow:hidden}", False),   # nothing to an inline box
    (".sr-only{opacity:0}", True),
    (".sr-only{display:block;max-height:0;overflow:hidden}", True),   # a collapsed panel
    (".sr-only{display:block;max-height:0}", False),
    (".sr-only{clip:rect(0 0 0 0)}", False),          # clip needs absolute positioning
    (".sr-only{position:absolute;left:-20px}", False),
    (".sr-only{width:1px}", False),                    # no overflow: hidden
])
def test_visually_hidden_stays_rendered(css, hidden):
    page = page_of(css, '<span class="sr-only"><b id="t">Skip</b></span>')
    el = target(page)
    assert page.is_rendered(el)
    assert not page.is_hidden(el)
    assert (page.visually_hidden(el) is not None) is hidden


def test_style_values_inherit_and_resolve():
    page = page_of("body{font-size:20px;color:#333} .big{font:bold 1.5em/1.2 serif}"
                   " .bg{background:#fff url(a.png) no-repeat}",
                   '<div class="big"><p id="t" class="bg">x</p></div>')
    style = page.style(target(page))
    assert style.font_size == 30.0
    assert style.font_weight == 700
    assert style.color == pytest.approx((0.2, 0.2, 0.2, 1.0))
    assert style.background_image is True
    assert style.background_color == (1.0, 1.0, 1.0, 1.0)
    assert style.origin["color"] == "body"


@pytest.mark.parametrize(("value", "kept"), [
    ("none", False), ("undefined", False), ("#12", False), ("#abcg", False), ("red blue", False),
    ("rgb(1 2)", False), ("-webkit-nonsense", False), ("inherit red", False),
    ("#abc", True), ("#AABBCCDD", True), ("rebeccapurple", True), ("transparent", True),
    ("currentColor", True), ("canvastext", True), ("-webkit-link", True), ("unset", True),
    ("var(--x)", True), ("color-mix(in srgb, red, blue)", True), ("rgb(from red r g b)", True),
    ("hsl(120 50% 50%)", True),
])
def test_an_invalid_colour_is_dropped_as_browsers_drop_it(value, kept):
    page = page_of(f"p {{ color: #00f; color: {value} }}", '<p id="t">x</p>')
    color = page.style(target(page)).color
    if kept:
        assert color != (0.0, 0.0, 1.0, 1.0)
    else:
        assert color == (0.0, 0.0, 1.0, 1.0)     # the declaration before it applies


def test_a_custom_property_that_makes_a_colour_invalid_unsets_it():
    # invalid at computed-value time: as unset (the parent's colour), not the declaration
    # before it, nor unknown
    page = page_of("div { color: #0f0 } p { --c: none; color: #00f; color: var(--c);"
                   " background-color: var(--c) }", '<div><p id="t">x</p></div>')
    style = page.style(target(page))
    assert style.color == (0.0, 1.0, 0.0, 1.0)
    assert style.background_color == (0.0, 0.0, 0.0, 0.0)


_KEYFRAMES = ("@keyframes fadeIn { from { opacity: 0 } to { opacity: 1 } }"
              " @keyframes fadeOut { to { opacity: 0 } }"
              " @keyframes steady { 0%, 100% { opacity: .5 } 50% { opacity: .5 } }")


@pytest.mark.parametrize(("css", "opacity"), [
    (".x { opacity: 0; animation: fadeIn .3s ease-out forwards }", 1),   # a fade-in ends shown
    (".x { opacity: 0; animation: fadeIn .3s }", 0),                # not filled: as declared
    (".x { opacity: 0; animation: fadeIn .3s infinite forwards }", None),  # endless: unknown
    (".x { opacity: .5; animation: fadeIn .3s forwards paused }", 0),     # paused: at 0%
    (".x { opacity: .5; animation: fadeIn .3s reverse paused }", 1),      # ... reversed: 100%
    (".x { opacity: .5; animation: fadeIn .3s 1s paused }", .5),         # before its delay
    (".x { opacity: .5; animation: fadeIn .3s 1s backwards paused }", 0),  # ... filled
    (".x { opacity: .5; animation: fadeIn .3s -.1s paused }", None),      # part-way: unknown
    (".x { opacity: .5; animation: fadeIn .3s -1s paused both }", 1),     # ended already
    (".x { opacity: .5; animation: fadeIn paused forwards }", 1),         # no duration: ended
    (".x { opacity: .5; animation: fadeIn 1s; animation-play-state: paused }", 0),
    (".x { opacity: .5; animation: fadeIn 1s 2s; animation-delay: 0s;"
     " animation-play-state: paused }", 0),
    (".x { opacity: .5; animation: fadeIn 2s; animation-duration: 0s;"
     " animation-play-state: paused }", .5),                   # ended at once, not filled
    (".x { opacity: 0; animation: fadeIn .3s 1.5 forwards }", None),      # ends mid-way
    (".x { opacity: 0; animation: fadeIn .3s 1.5 }", 0),                  # ... not filled
    (".x { opacity: 0; animation: steady 1s infinite }", .5),     # endless, but one value
    (".x { --t: 2s; opacity: .5; animation: fadeIn var(--t) paused }", 0),
    (".x { opacity: .5; animation: fadeIn 1s paused; animation-delay: calc(1s) }", None),
    (".x { animation: fadeIn .3s 2 alternate both }", 0),           # the 2nd runs backwards
    (".x { animation: fadeIn .3s 3 alternate-reverse forwards }", 0),
    (".x { opacity: 0; -webkit-animation: fadeIn .3s forwards }", 1),
    (".x { opacity: 0 !important; animation: fadeIn .3s forwards }", 0),  # !important wins
    (".x { animation: fadeOut 1s forwards }", 0),
    (".x { animation: fadeIn 1s forwards, fadeOut 1s forwards }", 0),     # the last wins
    (".x { opacity: 0; animation: FADEIN 1s forwards }", 0),       # names have a case
    (".x { opacity: 0; animation-name: fadeIn; animation-fill-mode: forwards }", 1),
    (".x { opacity: .5; animation: missing 1s forwards }", 0.5),
])
def test_a_filled_animation_leaves_its_last_keyframe(css, opacity):
    page = page_of(_KEYFRAMES + css, '<p class="x" id="t">x</p>')
    assert page.style(target(page)).opacity == opacity


@pytest.mark.parametrize("timing", [
    "animation-iteration-count: nan", "animation-iteration-count: -1",
    "animation-iteration-count: infinity", "animation-duration: 1e999s",
    "animation-delay: -1e999s; animation-play-state: paused", "animation-iteration-count: 1e400",
    "animation-duration: nans",
])
def test_hostile_animation_timing_is_unknown_or_ignored_never_a_crash(timing):
    page = page_of(_KEYFRAMES + f" .x {{ opacity: .5; animation: fadeIn 1s forwards; {timing} }}",
                   '<p class="x" id="t">x</p>')
    assert page.style(target(page)).opacity in (None, 0.5, 1.0)


def test_keyframes_in_a_sheet_of_their_own_are_read():
    # CSS-in-JS libraries write @keyframes in a <style> of their own, with no style rule
    page = Page.from_html("<html><head><style>@keyframes in { to { opacity: 1 } }</style>"
                          "<style>.x { opacity: 0; animation: in 1s both }</style></head>"
                          '<body><p class="x" id="t">x</p></body></html>')
    assert page.style(target(page)).opacity == 1


def test_an_element_faded_out_by_an_animation_is_hidden_from_sight():
    # the animation is its only declaration that reads as hiding: found all the same
    page = page_of(_KEYFRAMES + " .x { animation: fadeOut 1s forwards }",
                   '<p class="x" id="t">gone</p><p id="u">here</p>')
    assert page.visually_hidden(target(page)) == "opacity: 0"
    assert page.visually_hidden(target(page, "u")) is None


def test_unknown_values_stay_unknown():
    page = page_of(":root{--c:#000} p{color:var(--unknown);font-size:calc(1ex + 2px)}",
                   '<p id="t">x</p>')
    style = page.style(target(page))
    assert style.color is None                  # a custom property no stylesheet defines
    assert style.font_size is None


@pytest.mark.parametrize(("value", "parent", "expected"), [
    ("12pt", 16.0, 16.0), ("2em", 10.0, 20.0), ("150%", 10.0, 15.0), ("larger", 10.0, 12.0),
    ("x-large", None, 24.0), ("2em", None, None), ("calc(1ex + 1px)", 16.0, None),
    # math functions (fluid type), as Chromium computes them at 1280x800
    ("calc(1em + 1px)", 16.0, 17.0), ("calc(1em + 1px)", None, None),
    ("calc(.9375em + (18 - 15) * (100vw - 480px) / (1400 - 480))", 16.0, 17.6087),
    ("clamp(1rem, 0.8rem + 1vw, 1.5rem)", 10.0, 24.0), ("min(2em, 30px)", 10.0, 20.0),
    ("max(10px, 50%)", 30.0, 15.0), ("calc(10px / 2 + 1rem)", 16.0, 21.0),
    ("calc(10px - 20px)", 16.0, 0.0), ("CALC( ( 3px ) * 4 )".lower(), 16.0, 12.0),
    ("calc(12pt + 1in / 96)", 16.0, 17.0), ("calc(1em+2px)", 16.0, None),
    ("clamp(10px, 1vw)", 16.0, None), ("calc(10)", 16.0, None), ("calc(2px * 3px)", 16.0, None),
    ("calc(2px / 0)", 16.0, None), ("calc(1px + 2)", 16.0, None), ("calc(1px", 16.0, None),
    ("min(1px, 2)", 16.0, None), ("calc(var(--x))", 16.0, None),
    ("calc(1q * 4)", 16.0, 4 * 96 / 101.6),
    ("calc(" + "(" * 5000 + "1px" + ")" * 5000 + ")", 16.0, None),   # hostile: no recursion
    ("calc(" + "(" * 60 + "1px" + ")" * 60 + ")", 16.0, 1.0),
])
def test_font_size(value, parent, expected):
    assert font_size(value, parent, 16.0) == (None if expected is None
                                               else pytest.approx(expected))


@pytest.mark.parametrize(("text", "expected"), [
    ("#fff", (1.0, 1.0, 1.0, 1.0)), ("rgb(0 0 0 / 50%)", (0.0, 0.0, 0.0, 0.5)),
    ("transparent", (0.0, 0.0, 0.0, 0.0)), ("var(--x)", None), ("canvastext", None),
])
def test_parse_color(text, expected):
    assert parse_color(text) == expected


@pytest.mark.parametrize(("selector", "key"), [
    ("div.a > p#x", "#x"), (".a .b", ".b"), ("ul li", "li"), ("*", "*"), ("[hidden]", "*"),
    (".a:not(.b)", ".a"), ("p::before", None), (".x:after", None), (r".md\:flex", ".md:flex"),
    # a last compound of brackets or parentheses only: no key of its own, whatever the
    # ancestor before it holds (".a" is the ancestor's class, not the element's)
    (".a [data-x]", "*"), ("div [x]", "*"), (".a [x][y]", "*"), (".a > [x]", "*"),
    (".a :not(.b)", "*"), ('.a [x="1"]', "*"), (".a [x] .b", ".b"), (".a[x]", ".a"),
])
def test_selector_key(selector, key):
    assert selector_key(selector) == key
    assert css.selector_keys(f"{selector}, .w") == ((selector, key), (".w", ".w"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "DIV", "x-y", "*", ".b", ".c1", "#d", "#e-f", ".é", "#ü",
                                 "_g", "-h", "1", ".", "#", " ", "  ", "\t", "\n", "\xa0",
                                 "\u2003", "\x1c", "\v", ">", "+", "~", " > ", ",", ":x",
                                 ":hover", "::before", ":after", ":-moz-x", ":first-line",
                                 "[y]", "(", "\\", "'"]), max_size=8).map("".join))
@example("nav>a.x")                 # a combinator written without spaces: cut there
@example("#d.b+.c1~DIV")
@example(".b #d>")                  # nothing after it: the universal key
def test_selector_key_without_brackets_or_escapes_takes_a_short_cut(selector):
    assert selector_key(selector) == css._selector_key(selector)
    # a selector list: the keys of its selectors
    prelude = f"{selector},p:hover,{selector[::-1]}"
    assert css.selector_keys(prelude) == tuple(
        (part, css._selector_key(part)) for part in css.split_selectors(prelude))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "DIV", ".b", "#d", ".é", "x-y", "*", " ", ">", "+", "\xa0",
                                 ",", ", ", "(", ")", "[", "]", ":not(", ":is(.c, .d)", "[x=y]",
                                 "[x='a,b']", '"', "'", "\\", ":hover", "::before", ":after",
                                 ":nth-child(2n+1)", "[data-a]", "li"]), max_size=10).map("".join))
@example(".a:is(.b, .c) > .d, p[x] .e")         # a comma inside parentheses
@example("a), b[x]")                            # a closer first: no comma is top-level
@example("p, a), b")                            # a closer after a part without any
@example("nav (.x")                             # unbalanced: read character by character
@example(".a[x] .b[")
@example("aa\xa0a")                             # a space that is not CSS's
@example(".a [x]\xa0")
def test_bracketed_selectors_take_a_short_cut_without_quotes_or_escapes(prelude):
    # commas split where the parts before them balance; groups dropped, then read as plain;
    # every short cut agrees with the reading character by character
    assert css.split_selectors(prelude) == css._split_top_level(prelude)
    for selector in css._split_top_level(prelude):
        assert selector_key(selector) == css._selector_key(selector)
        if selector_key(selector) is not None and _nested(selector) and _css_spaces(selector):
            # and with the reading character by character, which drops nothing before it
            # cuts (a stray or unclosed group it reads its own way, and it cuts at space, tab
            # and newline only, where the others cut at any of str's: U+00A0 too)
            assert selector_key(selector) == css._characters_key(selector)


def _css_spaces(text: str) -> bool:
    """Every white space character of ``text`` is a space, a tab or a newline."""
    return all(char in " \t\n" for char in text if char.isspace())


def _nested(text: str) -> bool:
    """Every bracket and parenthesis of ``text`` closes, in order (quotes and escapes aside)."""
    opened = []
    for char in text:
        if char in "([":
            opened.append(char)
        elif char in ")]" and (not opened or opened.pop() != "(["[")]".index(char)]):
            return False
    return not opened


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "DIV", ".b", "#d", " ", ">", "+", "\xa0", ",", ", ", "(", ")",
                                 "[", "]", ":not(", ":is(.c, .d)", "[x=y]", "[x~=y]", ":hover",
                                 "::before", ":after", ":nth-child(2n+1)", "[data-a]", "li",
                                 ":not([x])", "'", "\\"]), max_size=12).map("".join))
@example(".a[x] .b, p:not(.c)")                 # read at once
@example(".a [x], .b")                          # a part whose groups are all it has
@example(":is(.a, .b) .c, d")                   # a comma inside a group: selector by selector
@example("a), b[x]")                            # a stray closer: no comma is top-level
@example("a[(]), b")                            # groups that do not nest
@example(".x::before, .y[z]")                   # a pseudo-element in one selector only
@example("),")                                  # (no opener: a plain list, not read here)
@example(".a [x] , .b[y] ,p [z]\xa0, [w]")        # white space after a part's groups
def test_a_bracketed_list_read_at_once_keys_each_selector_as_read_alone(prelude):
    reference = tuple((part, css._selector_key(part)) for part in css._split_top_level(prelude))
    if "\\" not in prelude and '"' not in prelude and "'" not in prelude:   # (its callers')
        found = css._flat_keys(prelude)
        assert found is None or found == reference
    if css._special(prelude):      # (a plain list is split at every comma: see above)
        assert css.selector_keys.__wrapped__(prelude) == reference


def test_a_bracketed_list_without_quotes_is_read_at_once():
    assert css._flat_keys(".a[x] .b, p:not(.c)") == ((".a[x] .b", ".b"), ("p:not(.c)", "p"))
    assert css._flat_keys(":is(.a, .b) .c, d") is None


# What makes a comma of a selector list maybe not top-level, as the pattern the list's reader
# used to search with
_LIST_SPECIAL = re.compile(r"[\\()\[\]\"']")


@pytest.mark.parametrize("prelude", ["", "a, b", ".a .b > c", *[f"a{c}b, c" for c in "\\()[]\"'"],
                                     "a{}b", "a:hover,b::before", ".x\xa0y", "[", "\\"])
def test_a_list_is_special_by_the_same_characters_as_the_pattern(prelude):
    assert css._list_special(prelude) == bool(_LIST_SPECIAL.search(prelude))


def test_selector_filters_and_specificity():
    assert compile_selector("nav .menu > a.x")[2:] == (frozenset({"nav", ".menu"}),
                                                       frozenset({"a", ".x"}))
    compiled = compile_selector("#a .b p")
    assert compiled is not None and compiled[1] == (1, 1, 1)
    assert compile_selector("p::before") is None
    assert compile_selector("p:-moz-any(a)") is None     # unknown: skipped knowingly
    # Chromium's :-webkit-any() is :is() with a pseudo-class's specificity
    compiled = compile_selector("p:-webkit-any(#a, .b)")
    assert compiled is not None and compiled[1] == (0, 1, 1)


def test_stylesheet_is_parsed_once_and_indexed_by_key():
    css = ".a{display:none} #b{color:red} p{margin:0} @media print{.c{display:none}}"
    sheet = parse_stylesheet(css)
    assert parse_stylesheet(css) is sheet
    index = sheet.index("all")
    assert set(index) == {".a", "#b"}          # margin is not tracked; print never applies
    assert set(sheet.index("rendering")) == {".a"}


def test_media_queries_alone():
    assert media_matches("screen and (min-width: 1024px)")
    assert not media_matches("(max-width: 1023.98px)")
    assert media_matches("print, (min-width: 0)")
    assert not media_matches("speech")
    for broken in ("()", "(and)", "screen and", "(min-aspect-ratio: 1/0)", "((((", "not"):
        assert media_matches(broken) in (True, False)


# Media query lists built as the bounds media_matches reads by one match are written
# (``only screen and (min-width:48em) and (max-height: 800px)``), each part now and then
# one near them (other spellings, numbers, units, features, types and joins)


def _part(read: list[str], near: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(read * 12 + near)


_SPACE = _part(["", " "], ["  ", "\t", "\u00a0"])
_BOUND_TEXT = st.tuples(
    _part(["("], ["", "(("]), _SPACE, _part(["min-", "max-"], ["", "Min-", "-webkit-min-"]),
    _part(["width", "height"], ["device-width", "aspect-ratio", "Width"]), _SPACE,
    _part([":"], ["", "::"]), _SPACE,
    _part(["0", "768", "47.99", "1280", "1279.98", "800", "1280.000000001"],
          [".5", "1.", "-1", "1e3", "\u0663", "", "1.2.3"]),
    _part(["", "px", "em", "rem"], ["vw", "PX", " px", "x"]), _SPACE,
    _part([")"], ["", "))"])).map("".join)
_QUERY_TEXT = st.tuples(
    _part(["", "screen", "only screen", "all"],
          ["only all", "Screen", "print", "not screen", "screen ", " "]),
    st.lists(st.tuples(_part([" and "], ["and", " AND ", " or ", ", ", "  and "]),
                       _BOUND_TEXT).map("".join), max_size=4),
    _part([""], [",print", " ", "/**/"]),
).map(lambda parts: (parts[0] + "".join(parts[1]) if parts[0].strip()
                     else "".join(parts[1])[5:]) + parts[2])


@settings(max_examples=600, deadline=None)
@given(_QUERY_TEXT,
       st.sampled_from([css.DEFAULT_VIEWPORT, Viewport(768.0, 1024.0), Viewport(1279.98, 12.0)]))
@example("only screen and (min-width: 48em) and (max-height:800px)", css.DEFAULT_VIEWPORT)
@example("(max-width:1280px) and (min-width:1280.000000001px)", css.DEFAULT_VIEWPORT)
def test_media_bounds_read_as_any_query(query: str, viewport: Viewport):
    """The bounds' one-match reading gives what the reading of any query gives."""
    assert css.media_matches.__wrapped__(query, viewport) == css._read_media(query, viewport)


def test_media_bounds_are_read_by_one_match():
    for query in ("(min-width:768px)", "screen", "only screen and (max-width: 47.99em)",
                  "(min-width:661px) and (max-width:980px) and (min-height:1rem)"):
        assert css._BOUNDS.fullmatch(query), query
    for query in ("(min-width:768px), print", "screen and", "(min-width:-1px)", "print"):
        assert not css._BOUNDS.fullmatch(query), query


def test_linked_supplied_and_missing_stylesheets(tmp_path: Path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text(".a{display:none}", encoding="utf-8")
    (tmp_path / "base.css").write_text(".b{display:none}", encoding="utf-8")
    page_file = tmp_path / "story.html"
    page_file.write_text('<link rel="stylesheet" href="css/site.css">'
                         '<link rel="stylesheet" href="https://cdn.example/missing.css">'
                         '<style>@import "base.css";</style>'
                         '<p id="a" class="a">x</p><p id="b" class="b">x</p>'
                         '<p id="c" class="c">x</p>', encoding="utf-8")
    page = Page.from_html(page_file.read_bytes(), source=str(page_file))
    page.style_environment = StyleEnvironment(site_css=(".c{display:none}",))
    assert not page.is_rendered(target(page, "a"))       # linked, read from disk
    assert not page.is_rendered(target(page, "b"))       # @import, relative to the page
    assert not page.is_rendered(target(page, "c"))       # supplied site CSS
    cascade = cascade_of(page)
    assert cascade.missing == ["https://cdn.example/missing.css"]
    assert not cascade.complete


def test_url_pages_fetch_their_stylesheets_once_per_run():
    fetched: list[str] = []

    def fetch(url: str) -> str | None:
        fetched.append(url)
        return ".a{display:none}"

    env = StyleEnvironment(fetch=fetch)
    for _ in range(2):
        page = Page.from_html('<link rel="stylesheet" href="/s.css"><p id="t" class="a">x</p>',
                              url="https://news.example/story")
        page.style_environment = env
        assert not page.is_rendered(target(page))
    assert fetched == ["https://news.example/s.css"]


def test_visually_hidden_reason_names_the_property():
    page = page_of(".sr{position:absolute;left:-10000px}", '<p id="t" class="sr">x</p>')
    assert visually_hidden_reason(page.style(target(page))) == "left: -10000px (off-screen)"


def test_a_large_stylesheet_is_indexed_not_scanned_per_element():
    rules = "".join(f".c{i}{{display:none}}" for i in range(20000))
    page = page_of(rules, '<p id="t" class="c19999">x</p><p id="u" class="other">y</p>')
    assert not page.is_rendered(target(page))
    assert page.is_rendered(target(page, "u"))
    index = cascade_of(page)._index("rendering")
    assert len(index[".c19999"]) == 1 and ".other" not in index


def test_a_page_indexes_only_the_keys_it_carries_and_a_sheet_parses_each_rule_once():
    rules = "".join(f".c{i}{{display:none;color:red}}" for i in range(2000))
    sheet = parse_stylesheet(rules)
    index = sheet.index("all", frozenset({".c7", "p"}))
    assert set(index) == {".c7"}
    assert len(sheet._rules) == 1                     # only the rule the page can match
    again = sheet.index("all", frozenset({".c7"}))
    assert again[".c7"][0] is index[".c7"][0]         # another page of the site reuses it
    assert len(sheet.index("all")) == 2000            # no keys given: every rule


def test_font_size_declared_and_where_it_derives_from():
    page = page_of(
        "html{font-size:10pt} .box{font-size:14px} .rel{font-size:1.5em} .rem{font-size:1rem}"
        " .kw{font-size:small}",
        '<div id="box" class="box"><p id="p">a <span id="rel" class="rel">b</span>'
        '<span id="rem" class="rem">c</span><span id="kw" class="kw">d</span>'
        '<span id="inh" style="font-size: inherit">e</span><small id="s">f</small></p></div>')
    style = page.style
    box = target(page, "box")
    assert style(box).font_size_own == "14px" and style(box).font_size_anchor is box
    assert style(target(page, "p")).font_size_own is None      # inherited, not declared
    assert style(target(page, "p")).font_size_anchor is box
    rel = style(target(page, "rel"))
    assert rel.font_size == 21 and rel.font_size_own == "1.5em" and rel.font_size_anchor is box
    rem = style(target(page, "rem"))
    assert rem.font_size == pytest.approx(40 / 3) and rem.font_size_anchor is page.root
    assert style(target(page, "kw")).font_size_anchor is None  # the reader's default
    assert style(target(page, "inh")).font_size_anchor is box
    small = style(target(page, "s"))                            # the browser's own "smaller"
    assert small.font_size == pytest.approx(14 / 1.2) and small.font_size_anchor is box
    assert small.origin["font-size"] == "the browser's default"


# The browser's defaults for form controls and bold text, as Chromium 156 computes them
# (getComputedStyle): a control takes the control font (13.33px, normal weight) whatever its
# container's, and paints a button face or a field.
@pytest.mark.parametrize(("markup", "size", "weight", "background"), [
    ('<button id="t">Go</button>', 40 / 3, 400, (239, 239, 239, 1)),
    ('<b style="font-size:30px"><button id="t">Go</button></b>', 40 / 3, 400, (239, 239, 239, 1)),
    ('<button><span id="t">Go</span></button>', 40 / 3, 400, (0, 0, 0, 0)),
    ('<input id="t" type="submit">', 40 / 3, 400, (239, 239, 239, 1)),
    ('<input id="t" type="COLOR">', 40 / 3, 400, (239, 239, 239, 1)),
    ('<input id="t">', 40 / 3, 400, (255, 255, 255, 1)),
    ('<input id="t" type="date">', 40 / 3, 400, (255, 255, 255, 1)),
    ('<input id="t" type="no-such-type">', 40 / 3, 400, (255, 255, 255, 1)),   # a text field
    ('<input id="t" type="checkbox">', 40 / 3, 400, (0, 0, 0, 0)),
    ('<input id="t" type="image" alt="Go">', 40 / 3, 400, (0, 0, 0, 0)),
    ('<select id="t"><option>a</option></select>', 40 / 3, 400, (239, 239, 239, 1)),
    ('<select id="t" multiple><option>a</option></select>', 40 / 3, 400, (255, 255, 255, 1)),
    ('<select id="t" size="4"><option>a</option></select>', 40 / 3, 400, (255, 255, 255, 1)),
    ('<select id="t" size="1"><option>a</option></select>', 40 / 3, 400, (239, 239, 239, 1)),
    ('<textarea id="t">a</textarea>', 40 / 3, 400, (255, 255, 255, 1)),
    ('<dialog id="t" open>a</dialog>', 16, 400, (255, 255, 255, 1)),
    ('<strong id="t">a</strong>', 16, 700, (0, 0, 0, 0)),
    ('<strong><b id="t">a</b></strong>', 16, 900, (0, 0, 0, 0)),          # bolder, twice
    ('<h1><strong id="t">a</strong></h1>', 32, 900, (0, 0, 0, 0)),
    ('<div style="font-weight:100"><b id="t">a</b></div>', 16, 400, (0, 0, 0, 0)),
    ('<div style="font-weight:600"><b id="t">a</b></div>', 16, 900, (0, 0, 0, 0)),
    ('<table><tr><th><strong id="t">a</strong></th></tr></table>', 16, 900, (0, 0, 0, 0)),
    ('<select><optgroup label="g"><option id="t">a</option></optgroup></select>', 40 / 3, 400,
     (0, 0, 0, 0)),
])
def test_browser_defaults_of_controls_and_bold_text(markup, size, weight, background):
    page = page_of("", markup)
    style = page.style(target(page))
    assert style.font_size == pytest.approx(size)
    assert style.font_weight == weight
    assert style.background_color is not None
    red, green, blue, alpha = style.background_color
    assert (round(red * 255), round(green * 255), round(blue * 255), alpha) == background


def test_initial_colour_is_black_not_inherited_and_an_open_dialog_is_positioned():
    page = page_of(".a{color:red} .i{color:initial}",
                   '<div class="a"><p id="t" class="i">x</p></div><dialog id="d" open>d</dialog>'
                   '<hr id="h">')
    assert page.style(target(page)).color == (0.0, 0.0, 0.0, 1.0)
    assert page.style(target(page, "d")).position == "absolute"
    hr = page.style(target(page, "h")).color
    assert hr is not None and round(hr[0] * 255) == 128


def test_browser_defaults_that_differ_from_what_is_inherited():
    page = page_of(".p{color:#a00;font-size:20px}", """<div class="p">
      <big id="big">b<big id="big2">bb</big></big><dialog id="d" open>d</dialog>
      <rt id="alone">t</rt><ruby>r<rt id="in">t</rt></ruby><ruby><span><rt id="deep">t</rt>
      </span></ruby><input id="file" type="file"></div>""")
    style = page.style
    assert style(target(page, "big")).font_size == pytest.approx(24)      # larger: x1.2
    assert style(target(page, "big2")).font_size == pytest.approx(28.8)
    assert style(target(page, "d")).color == (0.0, 0.0, 0.0, 1.0)          # CanvasText
    # ruby text is halved inside a ruby only (Chromium's "ruby > rt")
    assert [style(target(page, name)).font_size for name in ("alone", "in", "deep")] == [
        20, 10, 20]
    assert style(target(page, "file")).color == (2 / 3, 0.0, 0.0, 1.0)     # inherited


def test_a_controls_font_follows_the_readers_default_and_the_pages_own_size():
    page = page_of(".big{font-size:30px} .own{font-size:18px}",
                   '<div class="big"><button id="b">Go<span id="s" style="font-size:75%">'
                   '!</span></button><button id="own" class="own">Go</button></div>')
    style = page.style
    button = style(target(page, "b"))
    # the reader's default less 2pt: no element of the page anchors it
    assert button.font_size_anchor is None and button.origin["font-size"] == (
        "the browser's default")
    assert style(target(page, "s")).font_size == pytest.approx(10)
    assert style(target(page, "s")).font_size_anchor is None
    assert style(target(page, "own")).font_size == 18


@pytest.mark.parametrize(("markup", "color", "background", "opacity"), [
    # disabled controls, greyed as Chromium 156 paints them (contrast exempts their text)
    ('<input id="t" disabled>', (84, 84, 84, 1), (239, 239, 239, 0.3), 1),
    ('<input id="t" type="checkbox" disabled>', (84, 84, 84, 1), (0, 0, 0, 0), 1),
    ('<button id="t" disabled>b</button>', (16, 16, 16, 0.3), (239, 239, 239, 0.3), 1),
    ('<button disabled><span id="t">b</span></button>', (16, 16, 16, 0.3), (0, 0, 0, 0), 1),
    ('<select id="t" disabled><option>a</option></select>', (128, 128, 128, 1),
     (239, 239, 239, 1), 0.7),
    ('<fieldset disabled><div><textarea id="t"></textarea></div></fieldset>', (84, 84, 84, 1),
     (239, 239, 239, 0.3), 1),
    # not disabled: in a disabled fieldset's first legend, or with no disabled ancestor
    ('<fieldset disabled><legend><input id="t"></legend></fieldset>', (0, 0, 0, 1),
     (255, 255, 255, 1), 1),
    ('<fieldset disabled><legend>a</legend><legend><input id="t"></legend></fieldset>',
     (84, 84, 84, 1), (239, 239, 239, 0.3), 1),
    ('<input id="t" readonly>', (0, 0, 0, 1), (255, 255, 255, 1), 1),
    # a list box's selected option; a drop-down list's options are not painted in the page
    ('<select size="3"><option id="t" selected>a</option></select>', (16, 16, 16, 1),
     (206, 206, 206, 1), 1),
    ('<select multiple><option id="t" selected disabled>a</option></select>',
     (128, 128, 128, 1), (206, 206, 206, 1), 1),
    ('<select size="3"><option id="t" disabled>a</option></select>', (128, 128, 128, 1),
     (0, 0, 0, 0), 1),
    ('<select><option id="t" disabled selected>a</option></select>', (0, 0, 0, 1),
     (0, 0, 0, 0), 1),
])
def test_disabled_and_selected_controls(markup, color, background, opacity):
    page = page_of("", markup)
    style = page.style(target(page))
    assert style.color is not None and style.background_color is not None
    assert tuple(round(c * 255) for c in style.color[:3]) == color[:3]
    assert style.color[3] == pytest.approx(color[3])
    assert tuple(round(c * 255) for c in style.background_color[:3]) == background[:3]
    assert style.background_color[3] == pytest.approx(background[3])
    assert style.opacity == pytest.approx(opacity)


def test_htmls_hidden_elements_are_not_rendered():
    # HTML "Rendering", 15.3.1, as Chromium: ruby parentheses, a datalist's options, params
    page = page_of("", '<ruby>漢<rp id="rp">(</rp><rt id="rt">kan</rt></ruby><input list="d">'
                       '<datalist id="d"><option id="o" value="x">x</option></datalist>'
                       '<object><param id="pa" name="a" value="b"></object>')
    assert [page.is_rendered(target(page, i)) for i in ("rp", "rt", "o", "pa")] == [
        False, True, False, False]


def test_a_hidden_input_is_not_rendered_whatever_the_page_says():
    page = page_of("input{display:block}", '<input id="t" type=" Hidden "><input id="u">')
    assert not page.is_rendered(target(page)) and page.is_rendered(target(page, "u"))


# Presentational hints, as Chromium 156 computes them: below every rule of the page's own CSS,
# above the browser's defaults.
@pytest.mark.parametrize(("css", "markup", "color", "background"), [
    ("", '<table bgcolor="#003366"><tr><td id="t">x</td></tr></table>', (0, 0, 0), None),
    ("", '<table><tr bgcolor="FFCC00"><td id="t" bgcolor="chucknorris">x</td></tr></table>',
     (0, 0, 0), (192, 0, 0)),
    ("td{background:#fff}", '<table><tr><td id="t" bgcolor="#000">x</td></tr></table>',
     (0, 0, 0), (255, 255, 255)),                   # any rule of the page wins
    ("", '<font id="t" color="#fc0">x</font>', (255, 204, 0), None),
    ("", '<font color="transparent"><b id="t">x</b></font>', (0, 0, 0), None),
    ("", '<body text="white" bgcolor="navy"><p id="t">x</p></body>', (255, 255, 255), None),
    ("", '<body link="#c00"><p><a id="t" href="/">x</a></p></body>', (204, 0, 0), None),
    ("", '<body link="#c00"><p><a id="t">x</a></p></body>', (0, 0, 0), None),   # no :link
    ("a{color:green}", '<body link="#c00"><a id="t" href="/">x</a></body>', (0, 128, 0), None),
    ("", '<font color="red"><a id="t" href="/">x</a></font>', (0, 0, 238), None),
])
def test_presentational_hints(css, markup, color, background):
    page = (Page.from_html(f"<html><head><style>{css}</style></head>{markup}</html>")
            if markup.startswith("<body") else page_of(css, markup))
    style = page.style(target(page))
    assert style.color is not None
    assert tuple(round(c * 255) for c in style.color[:3]) == color
    if background is not None:
        assert style.background_color is not None
        assert tuple(round(c * 255) for c in style.background_color[:3]) == background


def test_a_body_or_table_background_attribute_is_a_background_image():
    page = page_of("", '<table background="paper.gif"><tr><td id="t">x</td></tr></table>')
    table = next(page.root.iter("table"))
    assert page.style(table).background_image is True
    assert page.style(table).origin["background-image"] == "background attribute"
    assert page.style(target(page)).background_image is False


@pytest.mark.parametrize(("size", "px"), [
    ("2", 13), ("3", 16), ("+1", 18), ("-1", 13), ("7", 48), ("9", 48), ("0", 10), ("-9", 10),
    (" 5px", 24), ("x", 16), ("", 16)])
def test_font_size_attribute(size, px):
    page = page_of("", f'<p style="font-size:20px"><font size="{size}"><span id="t">x</span>'
                       '</font></p>')
    expected = 20 if size in ("x", "") else px    # no number: no hint, the parent's size
    assert page.style(target(page)).font_size == pytest.approx(expected)
    assert cascade_of(page).font(target(page)).size == pytest.approx(expected)


# Chromium's two font-size quirks, as it computes them (standards mode): the monospace family
# alone has its own sizes where the size is not absolute (13px at the reader's default, and
# its own keyword table), and a size that is not absolute is never below 6px; em and %
# multiply the size before that minimum.
@pytest.mark.parametrize(("css", "body", "px"), [
    ("", '<code id="t">x</code>', 13),
    ("", '<pre id="t">x</pre>', 13),
    ("", '<div style="font-size:2em"><code id="t">x</code></div>', 26),
    ("", '<h3><code id="t">x</code></h3>', 18.72 * 13 / 16),
    ("", '<div style="font-size:2em"><code><i id="t" style="font-family:serif">x</i></code>'
         '</div>', 32),                                  # back from monospace: 26 * 16 / 13
    ("", '<code style="font-size:large"><span id="t" style="font-family:serif">x</span>'
         '</code>', 18),                                 # a keyword is kept, and read again
    ("", '<code id="t" style="font-size:x-large">x</code>', 20),
    ("", '<div style="font-size:large"><code id="t" style="font-size:inherit">x</code></div>',
     16),
    ("code{font-family:Menlo, monospace}", '<code id="t">x</code>', 16),
    ("code{font-family:monospace, monospace}", '<code id="t">x</code>', 16),
    ('code{font-family:"monospace"}', '<code id="t">x</code>', 16),
    ("code{font-family:inherit}", '<code id="t">x</code>', 16),
    ("code{font-family:var(--nope)}", '<code id="t">x</code>', 16),
    (".m{--f:MonoSpace} .m{font-family:var(--f)}", '<p class="m" id="t">x</p>', 13),
    ("", '<div style="font-size:20px"><code id="t">x</code></div>', 20),
    ("", '<div style="font-size:1rem"><code id="t">x</code></div>', 16),
    ("", '<div style="font-size:62.5%"><code id="t">x</code></div>', 10 * 13 / 16),
    (".m{font-family:monospace}", '<p class="m" id="t">x</p>', 13),
    (".m{font:1em / 1.5 monospace}", '<p class="m" id="t">x</p>', 13),
    ("", '<textarea id="t">x</textarea>', 16 - 8 / 3),      # a control's size is absolute
    ("", '<div id="t" style="font-size:0.2em">x</div>', 6),
    ("", '<div style="font-size:0.2em"><span id="t" style="font-size:10em">x</span></div>', 32),
    ("", '<div style="font-size:0.2em"><code id="t">x</code></div>', 6),
    ("", '<div id="t" style="font-size:3px">x</div>', 3),
    ("", '<div style="font-size:3px"><span id="t" style="font-size:1em">x</span></div>', 3),
    ("", '<p id="t" style="font-size:0">x</p>', 0),
    ("", '<p id="t" style="font-size:2ex">x</p>', None),    # the font's x-height: unknown
    ("p{font:bold 20px}", '<p id="t">x</p>', 16),          # no family: the shorthand is invalid
    ("", '<div style="font-size:2em"><font id="t" face=" MonoSpace ">x</font></div>', 26),
    ("", '<code><font face="serif"><b id="t">x</b></font></code>', 16),
    ("font{font-family:serif}", '<font id="t" face="monospace">x</font>', 16),
])
def test_monospace_sizes_and_the_minimum_size(css, body, px):
    for first in ("style", "font"):
        page = page_of(css, body)
        el = target(page)
        found = (page.style(el).font_size if first == "style"
                 else cascade_of(page).font(el).size)
        assert found == (None if px is None else pytest.approx(px)), first


@pytest.mark.parametrize(("css", "style", "expected"), [
    ("p{font-family:serif}", "", False),
    ("code,pre{font-family:monospace, monospace} p{font-family:Menlo,monospace}", "", False),
    (".a{font:1em Monospace}", "", True),
    (".a{--mono:monospace}", "", True),
    (".a{font-family:var(--f, monospace)}", "", True),
    ("", "font-family: monospace !important", True),
    ("", "font-family: Courier, monospace", False),
    (".absent{font-family:monospace}", "", False),      # no element carries its key
])
def test_only_a_page_whose_rules_may_set_monospace_reads_every_family(css, style, expected):
    page = page_of(css, f'<p class="a" style="{style}">x <code>y <b>z</b></code></p>')
    cascade = cascade_of(page)
    assert cascade._monospace is expected
    # the browser's own monospace elements, and what is inside them, are read in any case
    assert {tag_of(el) for el in cascade._monospace_scope} == {"code", "b"}


# SVG presentation attributes, as Chromium 156 computes them: hints below the page's rules,
# for SVG elements only (not HTML ones, nor the HTML inside a foreignObject).
@pytest.mark.parametrize(("css", "markup", "shown", "opacity", "color", "size"), [
    ("", '<svg><g display="none"><path id="t"/></g></svg>', False, 1, None, None),
    ("", '<svg display=" NONE "><path id="t"/></svg>', False, 1, None, None),
    ("g{display:inline}", '<svg><g display="none"><path id="t"/></g></svg>', True, 1, None,
     None),                                         # any rule of the page wins
    ("", '<svg><path id="t" opacity=".33" color="red"/></svg>', True, 0.33, (255, 0, 0), None),
    ("", '<svg><path id="t" opacity="50%" style="opacity:.7"/></svg>', True, 0.7, None, None),
    ("", '<svg><path id="t" opacity=".5!important" color="#12"/></svg>', True, 1, (0, 0, 0),
     None),                                         # invalid values are ignored
    ("", '<svg color="blue"><text id="t" font-size="20" font-weight="bold">x</text></svg>',
     True, 1, (0, 0, 255), 20),                     # inherited; a unitless size is px
    ("", '<svg><text id="t" font-size="12 px">x</text></svg>', True, 1, None, 16),
    ("", '<svg><text id="t" font-size="var(--x)">x</text></svg>', True, 1, None, 16),
    ("", '<svg><foreignObject color="red"><p id="t" display="none" opacity=".1">x</p>'
         '</foreignObject></svg>', True, 1, (255, 0, 0), None),
    ("", '<p id="t" display="none" opacity=".1" color="red">x</p>', True, 1, (0, 0, 0), None),
])
def test_svg_presentation_attributes(css, markup, shown, opacity, color, size):
    page = page_of(css, markup)
    el = target(page)
    assert page.is_rendered(el) is shown
    style = page.style(el)
    assert style.opacity == pytest.approx(opacity)
    if color is not None:
        assert style.color is not None
        assert tuple(round(c * 255) for c in style.color[:3]) == color
    if size is not None:
        assert style.font_size == pytest.approx(size)
        assert cascade_of(page).font(el).size == pytest.approx(size)


@pytest.mark.parametrize("first", ["html", "svg"])
def test_svg_elements_but_the_outermost_svg_take_no_position(first):
    # Chromium's style adjuster: an SVG path is never positioned, nor off-screen; the
    # <span> and <svg> share one style, and so would their children but for their kinds
    page = page_of("* {position: absolute} html, body, p {position: static}"
                   " .off {left: -9999px}",
                   '<p><span><i id="h">x</i></span><svg><g id="g"><text id="t" class="off">'
                   'x</text></g><foreignObject><b id="b" class="off">y</b></foreignObject>'
                   '</svg></p>')
    order = ["h", "g"] if first == "html" else ["g", "h"]
    positions = {ident: page.style(target(page, ident)).position for ident in order}
    assert positions == {"h": "absolute", "g": "static"}
    assert page.style(next(page.root.iter("svg"))).position == "absolute"
    assert page.visually_hidden(target(page, "t")) is None
    assert page.visually_hidden(target(page, "b")) is not None     # HTML again


def test_an_svg_link_is_not_coloured_as_a_link():
    page = page_of("", '<svg><a href="/" id="s"><text>x</text></a></svg><a href="/" id="h">y'
                       '</a>')
    assert page.style(target(page, "s")).color == (0.0, 0.0, 0.0, 1.0)
    assert page.style(target(page, "h")).color != (0.0, 0.0, 0.0, 1.0)


@pytest.mark.parametrize(("attributes", "background"), [
    ("noshade", (128, 128, 128)), ('color="red"', (255, 0, 0)),
    ('noshade color="blue"', (0, 0, 255)), ('color=""', None), ("", None),
])
def test_a_rules_colour_and_noshade_are_its_background(attributes, background):
    page = page_of("", f'<hr id="t" {attributes}>')
    color = page.style(target(page)).background_color
    assert color is not None
    if background is None:
        assert color[3] == 0
    else:
        assert tuple(round(c * 255) for c in color[:3]) == background


def test_important_browser_defaults_beat_the_page():
    # HTML's rendering: a form the parser left empty in a table, and input type=hidden,
    # are display: none !important, whatever the page says; a form with content is shown
    page = page_of("form, input {display: block !important}",
                   '<table><tr><form id="f"></form><td>x</td></tr></table>'
                   '<table><form id="g"><tr><td>y</td></tr></form></table>'
                   '<input type="hidden" id="h" style="display: inline !important">'
                   '<div><form id="d"></form></div>')
    assert [page.style(target(page, i)).display for i in "fhgd"] == [
        "none", "none", "block", "block"]
    assert [page.is_rendered(target(page, i)) for i in "fhgd"] == [False, False, True, True]


def test_the_hidden_attribute_hides_html_elements_only():
    # HTML's rendering rules are for HTML elements: Chromium displays <svg hidden>
    page = page_of("", '<svg id="s" hidden><g id="g" hidden><path id="p"/></g><foreignObject>'
                       '<p id="h" hidden>x</p></foreignObject></svg><math id="m" hidden>'
                       '<mi id="i">x</mi></math><p id="t" hidden>p</p>')
    assert [page.is_rendered(target(page, i)) for i in "sgphmit"] == [
        True, True, True, False, True, True, False]


def test_svg_visibility_attribute_inherits_and_is_overridden():
    page = page_of("", '<svg><g visibility="hidden"><path id="h"/><path id="v" '
                       'visibility="visible"/></g></svg>')
    assert not page.is_rendered(target(page, "h"))
    assert page.is_rendered(target(page, "v"))
    assert page.style(target(page, "h")).origin["visibility"] == "visibility attribute"


@pytest.mark.parametrize(("value", "color"), [
    ("#fc0", "#ffcc00"), ("FFFFFF", "#ffffff"), (" Red ", "red"), ("chucknorris", "#c00000"),
    ("crap", "#c0a000"), ("abc", "#0a0b0c"), ("#1234567890abcdef", "#1278cd"),
    ("transparent", None), ("", None), ("currentColor", "#c0e000")])
def test_legacy_colours_read_as_browsers_read_them(value, color):
    assert cascade_module.legacy_color(value) == color


@pytest.mark.parametrize(("css", "markup", "color", "background", "size", "shown"), [
    # all: each property rules read, in its place among the block's declarations
    ("div{color:red;font-size:20px} button{all:unset}", '<div><button id="t">b</button></div>',
     (255, 0, 0), (0, 0, 0, 0), 20, True),          # no button face: the page's colours
    ("div{color:red} p{all:initial}", '<div><p id="t">p</p></div>', (0, 0, 0), None, 16,
     True),
    ("div{color:red} button{all:revert}", '<div><button id="t">b</button></div>',
     (0, 0, 0), (239, 239, 239, 1), 13.333, True),  # the browser's defaults
    ("button{all:revert-layer}", '<button id="t">b</button>', (0, 0, 0), (239, 239, 239, 1),
     13.333, True),                                 # no layers: as revert
    ("p{color:teal;all:unset} div{color:red}", '<div><p id="t">p</p></div>', (255, 0, 0),
     None, 16, True),
    ("p{all:unset;color:teal}", '<p id="t">p</p>', (0, 128, 128), None, 16, True),
    ("p{all:unset}", '<p id="t" hidden>p</p>', (0, 0, 0), None, 16, True),  # a hint
    ("p{display:none;all:inherit}", '<p id="t">p</p>', (0, 0, 0), None, 16, True),
    # a CSS-wide keyword beside other values, and all without one, are invalid: dropped
    ("p{color:teal} p{all:unset red} p{all:none}", '<p id="t">p</p>', (0, 128, 128), None,
     16, True),
    ("p{display:none;display:unset block}", '<p id="t">p</p>', None, None, 16, False),
    ("mark{background:unset url(x.png)}", '<mark id="t">m</mark>', None, (255, 255, 0, 1),
     16, True),
    ("h2{font:inherit 12px serif}", '<h2 id="t">h</h2>', None, None, 24, True),
    ("h2{font-size:5px} h2{font:revert}", '<h2 id="t">h</h2>', None, None, 24, True),
    ("p{color:var(--c, red) inherit}", '<p id="t">p</p>', None, None, 16, True),  # var()
])
def test_all_and_the_css_wide_keywords(css, markup, color, background, size, shown):
    page = page_of(css, markup)
    el = target(page)
    assert page.is_rendered(el) is shown
    style = page.style(el)
    if color is not None:
        assert style.color is not None
        assert tuple(round(c * 255) for c in style.color[:3]) == color
    if background is not None:
        assert style.background_color is not None
        assert tuple(round(c * 255) for c in style.background_color[:3]) == background[:3]
        assert style.background_color[3] == background[3]
    assert style.font_size == pytest.approx(size, abs=0.01)


def test_revert_takes_the_browsers_value_not_the_initial_one():
    # CSS Cascade 5, 7.3.3, as Chromium computes it: "the new CSS reset" (all: unset;
    # display: revert) keeps a div a block; and shows a [hidden] element, since Chromium maps
    # the attribute to a presentational hint, which revert rolls back with the page's CSS
    page = page_of("*{display:inline;font-size:10px} .r{display:revert} h1.r{font-size:revert}"
                   " .v{visibility:hidden} .v .r{visibility:revert} mark{background:none}"
                   " mark.r{background-color:revert} strong{font-weight:revert}",
                   '<div id="d" class="r">x</div><p id="h" hidden class="r">h</p>'
                   '<div class="v"><span id="v" class="r">v</span></div><h1 id="h1" class="r">'
                   'x</h1><mark id="m" class="r">m</mark><strong id="s">s</strong>')
    style = page.style
    assert style(target(page, "d")).display == "block"
    assert page.is_rendered(target(page, "h"))
    plain = page_of("", '<p id="t" hidden>h</p>')
    assert not plain.is_rendered(target(plain))
    assert style(target(page, "v")).visibility == "hidden"     # none of the browser's: unset
    assert style(target(page, "h1")).font_size == 20            # 2em of the body's 10px
    assert cascade_of(page).font(target(page, "h1")).size == 20
    assert style(target(page, "h1")).origin["font-size"] == "the browser's default"
    assert style(target(page, "m")).background_color == (1.0, 1.0, 0.0, 1.0)
    assert style(target(page, "s")).font_weight == 700


@pytest.mark.parametrize(("declarations", "size", "weight"), [
    ("font-size:20px;font-size:-3px", 20, 400), ("font-weight:600;font-weight:1500", 16, 600),
    ("font-weight:600;font-weight:0", 16, 600), ("font-size:-1em", 16, 400),
    ("font-weight:1000", 16, 1000), ("font-size:0", 0, 400)])
def test_out_of_range_font_sizes_and_weights_are_dropped(declarations, size, weight):
    page = page_of("", f'<p id="t" style="{declarations}">x</p>')
    assert page.style(target(page)).font_size == size
    assert page.style(target(page)).font_weight == weight


def test_font_size_initial_is_medium_not_inherited():
    page = page_of(".a{font-size:30px} .b{font-size:initial}",
                   '<div class="a"><p id="t" class="b">x</p></div>')
    assert page.style(target(page)).font_size == 16.0
    assert page.style(target(page)).font_size_anchor is None


def test_custom_properties_resolve_through_inheritance_with_fallbacks():
    page = page_of(
        ":root{--brand:#c00;--Case:blue;--hide:none}"
        ".dark{--bg:#000;--fg:var(--missing, #fff);--ref:var(--brand)}"
        ".light{--brand:#00c}"
        ".x{color:var(--brand)} .y{background:var(--bg) } .z{color:var(--fg)}"
        ".h{display:var(--hide)} .c{color:var(--Case)} .lc{color:var(--case)}"
        ".u{color:var(--nope)} .f{color:var(--nope, var(--also-nope, green))}"
        ".r{color:var(--ref)} .loop{--a:var(--b);--b:var(--a);color:var(--a)}",
        '<p id="x" class="x">a</p><div class="dark"><p id="b" class="y z">b</p>'
        '<div class="light"><p id="r" class="r">r</p></div></div>'
        '<p id="h" class="h">h</p><p id="c" class="c">c</p><p id="lc" class="lc">c</p>'
        '<p id="u" class="u">u</p><p id="f" class="f">f</p><p id="loop" class="loop">l</p>')
    color = lambda ident: page.style(target(page, ident)).color  # noqa: E731
    assert color("x") == parse_color("#c00")
    assert color("b") == parse_color("#fff")                    # fallback of an unknown one
    assert page.style(target(page, "b")).background_color == parse_color("#000")
    assert color("r") == parse_color("#c00")    # --ref resolved where declared, then inherited
    assert color("c") == parse_color("blue")
    assert color("lc") is None                                  # names are case-sensitive
    assert color("u") is None                                   # unknown, no fallback
    assert color("f") == parse_color("green")
    assert color("loop") is None                                # a cycle is unknown
    assert not page.is_rendered(target(page, "h"))              # display: var(--hide)


def test_a_substitution_longer_than_chromiums_limit_is_invalid():
    limit = cascade_module.MAX_SUBSTITUTION
    half = {"--x": "a" * (limit // 2)}
    assert len(cascade_module.substitute_vars("var(--x)var(--x)", half, True) or "") == limit
    with pytest.raises(cascade_module.SubstitutionTooLong):
        cascade_module.substitute_vars("var(--x) var(--x)", half, True)


def test_custom_properties_that_grow_exponentially_are_invalid_past_the_limit():
    # each level is ten uses of the one before: --l5 is 1.1 million characters, --l6 11
    # million (guaranteed-invalid: its var()s take their fallbacks, as in Chromium), and the
    # levels above it are invalid in turn, never built (a page with a dozen levels would
    # otherwise grow values of terabytes)
    chain = "".join(f"--l{level}:{' '.join([f'var(--l{level - 1})'] * 10)};"
                    for level in range(1, 8))
    page = page_of(f":root{{--l0:aaaaaaaaaa;{chain}}} div{{color:#00f}}"
                   ".six{color:var(--l6, green)} .top{color:var(--l7, #c00)}"
                   ".five{color:var(--l5, green)} .twice{font-size:3px;"
                   "font-size:var(--l5) var(--l5)}",
                   '<div><p id="six" class="six">6</p><p id="top" class="top">12</p>'
                   '<p id="five" class="five">5</p><p id="twice" class="twice">2</p></div>')
    color = lambda ident: page.style(target(page, ident)).color  # noqa: E731
    assert color("six") == parse_color("green")
    assert color("top") == parse_color("#c00")
    assert color("five") == parse_color("#00f")     # known, not a colour: unset, inherited
    assert page.style(target(page, "twice")).font_size == 16    # too long: unset


def test_elements_matched_by_the_same_rules_share_their_declarations():
    page = page_of("p{color:red} .a{color:blue;font-weight:bold} @scope (div){p{color:green}}",
                   '<div><p id="x" class="a">x</p><p id="y" class="a">y</p></div>')
    cascade = cascade_of(page)
    first, second = (cascade.declarations(target(page, ident)) for ident in ("x", "y"))
    assert [item[4] for item in first] == [item[4] for item in second]
    assert len([item for item in first if item[4] in ("p", ".a")]) == 3
    # one tuple for each declaration of a rule, whatever it matches (not a copy each); a
    # rule in @scope has its own priority for each match
    assert all(mine is theirs for mine, theirs in zip(first, second, strict=True)
               if not mine[4].startswith("@scope"))


def test_var_fallbacks_are_not_used_when_a_stylesheet_is_missing(tmp_path: Path):
    page_file = tmp_path / "story.html"
    page_file.write_text('<link rel="stylesheet" href="https://cdn.example/theme.css">'
                         '<style>.f{color:var(--brand, green)} :root{--known:red}'
                         '.k{color:var(--known)}</style>'
                         '<p id="f" class="f">x</p><p id="k" class="k">y</p>', encoding="utf-8")
    page = Page.from_html(page_file.read_bytes(), source=str(page_file))
    assert page.style(target(page, "f")).color is None      # theme.css may define --brand
    assert page.style(target(page, "k")).color == parse_color("red")


def test_svg_metadata_and_definitions_are_not_rendered():
    page = page_of("", '<svg><metadata id="m"><format>image/svg+xml</format></metadata>'
                       '<defs id="d"><text>t</text></defs><desc id="s">d</desc>'
                       '<symbol id="y"><path/></symbol><g id="g"><path/></g></svg>')
    for ident in ("m", "d", "s", "y"):
        assert not page.is_rendered(target(page, ident)), ident
    assert page.is_rendered(target(page, "g"))


@pytest.mark.parametrize(("prelude", "expected"), [
    ('a[title="x, y"], p', ['a[title="x, y"]', "p"]),
    (":is(h1, h2) span, .b", [":is(h1, h2) span", ".b"]),
    (r"[data-a]\,.b, i", [r"[data-a]\,.b", "i"]),          # an escaped comma does not split
    (r".w-1\,5, i", [r".w-1\,5", "i"]),                    # also without brackets
])
def test_selector_lists_split_at_top_level_commas_only(prelude, expected):
    assert split_selectors(prelude) == expected


def test_rendering_and_full_style_read_one_match():
    page = page_of(".a{display:none; color:red} .a{visibility:hidden; width:0}",
                   '<p id="t" class="a" style="content-visibility:hidden">x</p>')
    cascade = cascade_of(page)
    el = target(page)
    everything = cascade.declarations(el)
    assert cascade.declarations(el, "rendering") == [
        item for item in everything if item[1] in ("display", "visibility", "content-visibility")]
    assert [item[1] for item in cascade.declarations(el, "rendering")] == [
        "display", "display", "visibility", "content-visibility"]     # browser's p, then .a
    assert cascade.rendering(el) == Rendering("none", "hidden", "hidden")
    style = page.style(el)
    assert (style.display, style.visibility, style.color) == ("none", "hidden", (1.0, 0, 0, 1.0))


def test_elements_with_only_defaults_share_a_style_but_inherit_from_their_own_parent():
    page = page_of(".big{font-size:20px; color:blue}",
                   '<div style="font-size:10px"><b id="a">a</b><b id="b">b</b></div>'
                   '<div class="big"><b id="c">c</b><i id="d">d</i></div>')
    a, b, c, d = (page.style(target(page, i)) for i in "abcd")
    assert a is b                                   # same parent style, same defaults
    assert (a.font_size, a.font_weight, a.color) == (10.0, 700, (0.0, 0.0, 0.0, 1.0))
    assert (c.font_size, c.font_weight, c.color) == (20.0, 700, (0.0, 0.0, 1.0, 1.0))
    assert (d.font_size, d.font_weight) == (20.0, 400)      # no bold default for <i>
    assert c.origin["font-size"] == ".big" and a.origin["font-size"] == "style attribute"


_SHARING_BODY = (
    '<div class="a"><p class="b">x<span class="c">y</span></p><p class="b">x<span class="c">y'
    '</span><b class="c">z</b><em class="c">v</em></p></div><div class="a d"><p class="b c">z'
    '<i>w</i></p><p class="b c" style="font-size:10px">z<i>w</i></p><p class="b c">z<i>w</i>'
    '</p></div>')
_SHARING_RULES = st.lists(st.sampled_from([
    ".a{color:red}", ".b{font-size:12px}", ".b{font-size:1.5em}", ".c{font-size:9pt}",
    "p{font-weight:bold}", ".a .b{display:block}", ".d{--c:blue}", ".c{color:var(--c, green)}",
    ".c{font-size:2rem}", "html{font-size:20px}", ".c{background:currentColor}",
    ".b{opacity:.5;font:bold 2vw serif}", ".c{font-size:inherit}", "i{font-size:larger}",
    "span, em{color:blue}",
]), max_size=6).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(_SHARING_RULES)
def test_styles_shared_by_parent_style_and_declarations_equal_each_elements_own(css):
    """Elements with the same parent style and declarations share one computed style (but
    for a font size in absolute units declared on the element itself): it equals the
    style computed for each element alone, from its own parent's."""
    page = page_of(css, _SHARING_BODY)
    cascade = cascade_of(page)
    alone = {}
    for el in page.root.iter("*"):              # parents first
        parent = el.getparent()
        alone[el] = cascade._compute(
            el, alone[parent] if parent is not None else cascade_module._ROOT_PARENT,
            alone.get(page.root), cascade.declarations(el))
    for el, style in alone.items():
        shared = page.style(el)
        assert shared == style
        assert list(shared.values.items()) == list(style.values.items())
        assert list(shared.origin.items()) == list(style.origin.items())


def test_elements_with_the_same_parent_style_and_declarations_share_a_style():
    page = page_of(".b{font-size:1.5em} .c{color:red} .d .c{font-size:12px}", _SHARING_BODY)
    first, second = page.tags("p")[:2]
    assert page.style(first) is page.style(second)
    assert page.style(first[0]) is page.style(second[0])        # (the same parent style)
    third, _, fifth = page.tags("p")[2:]
    assert page.style(third) is not page.style(fifth)      # the size's anchor is each itself
    assert page.style(third).font_size_anchor is third
    assert page.style(third[0]) is not page.style(fifth[0])
    assert page.style(third[0]).font_size_anchor is third


def test_a_child_style_given_by_position_is_the_style_given_by_keywords():
    page = page_of("", "<p>x</p>")
    parent = Style(display="block", visibility="hidden", content_visibility="auto", opacity=0.5,
                   color=(1.0, 0.0, 0.0, 1.0), background_color=(0.0, 1.0, 0.0, 1.0),
                   background_image=True, font_size=20.0, font_weight=700, position="fixed",
                   font_size_own="20px", font_size_anchor=page.root, custom={"--a": "1"},
                   values={"text-shadow": "none"}, origin={"color": ".a"})
    for above in (parent, cascade_module._ROOT_PARENT):
        custom, values, origin = {"--b": "2"}, {"width": "0"}, {"width": ".b"}
        assert cascade_module._child_style(above, custom, values, origin) == Style(
            visibility=above.visibility, color=above.color, font_size=above.font_size,
            font_weight=above.font_weight, font_size_anchor=above.font_size_anchor,
            custom=custom, values=values, origin=origin)


def test_the_origin_of_a_selector_list_tie_does_not_depend_on_the_hash_seed():
    """Two selectors of one rule matching one element tie exactly; the origin reported must
    be the same in every process (it was picked by set order, i.e. PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = ("from a11y_audit.page import Page\n"
            "from a11y_audit.semantics.cascade import cascade_of\n"
            "p = Page.from_html('<style>.ad, .dk, .zz{display:none}</style>"
            "<p class=\"zz dk ad\">x</p>')\n"
            "print(cascade_of(p).display_origin(p.tags('p')[0]))\n")
    seen = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        seen.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                text=True, check=True).stdout.strip())
    assert len(seen) == 1 and seen.pop() in (".ad", ".dk", ".zz")


def test_rendering_matched_alone_equals_the_full_match_filtered():
    css = (".a{color:red; display:none} .a.b{display:block!important; width:0}"
           " div .a{visibility:hidden} p{content-visibility:auto} .c{color:blue}")
    body = ('<div><p id="t" class="a b" style="color:red; display:flex; visibility:visible">x'
            '</p><p id="u" class="c">y</p></div>')
    for ident in ("t", "u"):
        page = page_of(css, body)
        cascade = cascade_of(page)
        el = target(page, ident)
        alone = cascade.declarations(el, "rendering")      # asked first: matched alone
        assert el not in cascade._declared
        everything = cascade.declarations(el)
        assert alone == [item for item in everything
                         if item[1] in ("display", "visibility", "content-visibility")]
    page = page_of(css, body)
    assert cascade_of(page).rendering(target(page)) == Rendering("block", "visible", "auto")
    assert [item[1] for item in alone] == ["display", "content-visibility"]    # <p class=c>


def test_the_stylesheet_cache_is_bounded_by_the_css_it_holds(monkeypatch):
    from a11y_audit.semantics import css

    monkeypatch.setattr(css, "CACHED_CSS_BYTES", 100)
    first = parse_stylesheet(".first-sheet{display:none}" + " " * 40)
    assert parse_stylesheet(".first-sheet{display:none}" + " " * 40) is first
    parse_stylesheet(".second-sheet{display:none}" + " " * 40)     # 134 characters held
    assert parse_stylesheet(".first-sheet{display:none}" + " " * 40) is not first
    assert css._cached_bytes <= 100
    huge = ".huge{color:red}" * 10
    assert parse_stylesheet(huge) is not parse_stylesheet(huge)     # larger than the bound


def test_the_stylesheet_cache_tells_apart_sheets_of_one_length(monkeypatch):
    # kept by the text's length and compared, not hashed: texts of one length, equal texts
    # made anew, another viewport, and the look-up table following the evictions
    from a11y_audit.semantics import css

    monkeypatch.setattr(css, "CACHED_SHEETS", 3)
    texts = [f".s{i}-length-kept{{display:none}}" for i in range(5)]
    assert len({len(text) for text in texts}) == 1
    first = parse_stylesheet(texts[0])
    second = parse_stylesheet(texts[1])
    assert first is not second and first.raw != second.raw
    assert parse_stylesheet("".join([texts[0][:5], texts[0][5:]])) is first    # a new str
    assert first.uses == 2 and second.uses == 1
    small = Viewport(320, 480)
    assert parse_stylesheet(texts[0], small) is not first
    assert parse_stylesheet(texts[0], small) is parse_stylesheet(texts[0], small)
    for text in texts[2:]:
        parse_stylesheet(text)
    assert parse_stylesheet(texts[4]) is parse_stylesheet(texts[4])
    assert parse_stylesheet(texts[0]) is not first                   # evicted: read anew
    kept = sorted(serial for serials in css._by_size.values() for serial in serials)
    assert kept == sorted(css._sheets) and len(kept) == 3
    for serial, (text, key, _) in css._sheets.items():
        assert serial in css._by_size[key] and key[0] == len(text)


def test_a_shared_sheet_keeps_its_work_and_each_page_its_own_order_and_layers():
    shared = ".shared-rule{color:#f00}"             # a site's sheet: red
    blue = ".shared-rule{color:#00f}"

    def color_of(*sheets: str) -> tuple:
        styles = "".join(f"<style>{css}</style>" for css in sheets)
        page = Page.from_html(f"<!DOCTYPE html><html><head>{styles}</head>"
                              '<body><p id="t" class="shared-rule">x</p></body></html>')
        return page.style(target(page)).color

    red, blue_rgba = (1.0, 0.0, 0.0, 1.0), (0.0, 0.0, 1.0, 1.0)
    assert color_of(shared) == red
    assert color_of(shared, blue) == blue_rgba          # the later sheet wins...
    assert color_of(blue, shared) == red                # ... wherever the shared one is
    assert color_of(shared, blue) == blue_rgba
    assert parse_stylesheet(shared).prepared            # worked out once, kept with it
    # the same layered sheet, its layer ranked low on one page and high on the next
    layered = "@layer site { .shared-rule{color:#f00} }"
    low = "@layer site, theme; @layer theme { .shared-rule{color:#00f} }"
    high = "@layer theme, site; @layer theme { .shared-rule{color:#00f} }"
    for _ in range(2):
        assert color_of(low, layered) == blue_rgba
        assert color_of(high, layered) == red


_FONT_CSS = (
    "html{font-size:10pt} .box{font-size:14px} .rel{font-size:1.5em} .rem{font-size:1rem}"
    " .kw{font-size:small} .sh{font:italic bold 0.5em/2 serif} .sys{font:caption}"
    " .init{font-size:initial} .un{font-size:unset} .v{--s:20px;font-size:var(--s)}"
    " .vw{font-size:2vw} .calc{font-size:calc(1ex + 2px)} .imp{font-size:30px!important}"
    " #i2{font-size:9px}")
_FONT_BODY = (
    '<div id="box" class="box"><p id="p">a <span id="rel" class="rel">b</span>'
    '<span id="rem" class="rem">c</span><span id="kw" class="kw">d</span>'
    '<span id="inh" style="font-size: inherit">e</span><small id="s">f</small>'
    '<b id="sh" class="sh">g<i id="sh2" class="rel">h</i></b><b id="sys" class="sys">i</b>'
    '<b id="init" class="init">j<i id="init2">k</i></b><b id="un" class="un">l</b>'
    '<b id="v" class="v">m<i id="v2" class="rel">n</i></b><b id="vw" class="vw">o</b>'
    '<b id="calc" class="calc">p<i id="calc2" class="rel">q</i></b>'
    '<b id="i2" class="imp" style="font-size:8px">r</b><h2 id="h">s</h2></p></div>')


@pytest.mark.parametrize("first", ["font", "style"])
def test_font_alone_equals_the_full_styles_font_size_fields(first):
    """Cascade.font works the font size out from the size declarations alone: the same
    size, declared value, anchor and origin as the full computed style, whichever is asked
    first (each reads the other's memo)."""
    idents = [el.get("id") for el in page_of(_FONT_CSS, _FONT_BODY).root.iter() if el.get("id")]
    expected = {}
    page = page_of(_FONT_CSS, _FONT_BODY)
    for ident in idents:
        style = page.style(target(page, ident))
        expected[ident] = (style.font_size, style.font_size_own,
                           style.font_size_anchor.get("id") if style.font_size_anchor is not None
                           else None, style.origin.get("font-size"))
    page = page_of(_FONT_CSS, _FONT_BODY)
    cascade = cascade_of(page)
    for ident in reversed(idents):          # deepest first: each walks up its own chain
        el = target(page, ident)
        if first == "style" and ident in ("sh", "v", "box"):
            page.style(el)
        font = cascade.font(el)
        got = (font.size, font.own, font.anchor.get("id") if font.anchor is not None else None,
               font.origin)
        assert got == pytest.approx(expected[ident]), ident
        assert cascade.declares_font_size(el) is (font.own is not None)
    if first == "font":
        # var() in a size declaration takes the full style; the others computed none
        assert set(cascade._styles) == {target(page, "v"), *target(page, "v").iterancestors()}
    assert expected["sh2"][0] == pytest.approx(14 * 0.5 * 1.5)
    assert expected["v2"][:3] == (30.0, "1.5em", "v")
    assert expected["i2"][:2] == (30.0, "30px") and expected["calc2"][0] is None


@pytest.mark.parametrize(("css", "markup", "hidden"), [
    (".sr{position:absolute;left:-60em} .p{font-size:20px}",     # em: the inherited size
     '<div class="p"><span class="sr"><b id="t">x</b></span></div>', True),
    (".sr{position:absolute;left:-80em} .p{font-size:10px}",
     '<div class="p"><span class="sr"><b id="t">x</b></span></div>', False),
    (".o{opacity:0} .sr{opacity:inherit}", '<div class="o"><span class="sr" id="t">x</span></div>',
     True),                                 # inherit reads the parent's value
    (".o{opacity:0.5} .sr{opacity:inherit}",
     '<div class="o"><span class="sr" id="t">x</span></div>', False),
    (":root{--x:-9999px} .sr{position:absolute;left:var(--x)}",
     '<span class="sr" id="t">x</span>', True),                       # var(): inherited custom
    (".sr{position:absolute;clip:rect(0 0 0 0)} .sr{position:static}",
     '<span class="sr" id="t">x</span>', False),                      # the winner decides
    ("div .sr{clip-path:inset(50%)}", '<p><span class="sr" id="t">x</span></p>', False),
    ("div .sr{clip-path:inset(50%)}", '<div><span class="sr" id="t">x</span></div>', True),
    ("", '<span style="display:inline-block;transform:scale(0)" id="t">x</span>', True),
    ("", '<span style="transform:scale(0)" id="t">x</span>', False),    # an inline box
    (".b{width:0;overflow:hidden}", '<span class="b" id="t">x</span>', False),
    (".b{width:0;overflow:hidden}", '<div style="display:flex"><span class="b" id="t">x'
     '</span></div>', True),                                            # a flex item
])
def test_visually_hidden_without_the_ancestors_styles_equals_the_full_style(css, markup, hidden):
    page = page_of(css, markup)
    el = target(page)
    assert (page.visually_hidden(el) is not None) is hidden
    for node in (el, *el.iterancestors()):      # each element's own reason, asked first
        other = page_of(css, markup)
        same = other.root.xpath(page.root.getroottree().getpath(node))[0]
        alone = cascade_of(other).sight(same)
        assert alone == cascade_of(other).sight_of_style(same)


def test_visually_hidden_computes_no_style_where_no_rule_can_hide():
    page = page_of(".sr{position:absolute;left:-9999px} p{color:red}",
                   '<div><p><span id="t">x</span></p><p class="sr" id="u">y</p></div>')
    cascade = cascade_of(page)
    assert page.visually_hidden(target(page)) is None
    assert page.visually_hidden(target(page, "u")) == "left: -9999px (off-screen)"
    assert not cascade._styles        # no full style: the reason is the element's own values


def test_a_sheet_seen_once_leaves_out_rules_that_need_what_the_page_lacks():
    # a page carries few of a framework's classes: a rule naming a class, id or tag the
    # page has nowhere cannot match, and is left out before its selector is compiled; a
    # class inside :not() or an attribute value is not required, and the rule stays
    css = ("body .absent .x{display:none} .x.gone{color:red} #nowhere .x{color:red}"
           " svg .x{color:red} [data-k='.absent'] .x{color:red} .x:not(.absent){color:#00f}"
           " .here .x{font-weight:700}")
    page = page_of(f"/* {id(object())} */ {css}",      # a sheet no other test has parsed
                   '<div class="here" data-k=".absent"><p id="t" class="x">t</p></div>')
    assert page.is_rendered(target(page))
    style = page.style(target(page))
    assert style.color == (0.0, 0.0, 1.0, 1.0) and style.font_weight == 700
    bucket = cascade_of(page)._buckets("all")[".x"]
    assert [rule[1][5] for rule in bucket.rules] == [
        "[data-k='.absent'] .x", ".x:not(.absent)", ".here .x"]


def test_a_shared_sheet_keeps_every_rule_for_the_pages_to_come():
    css = f"/* {id(object())} */ .only-on-b .x{{display:none}}"
    first = page_of(css, '<p id="t" class="x">a</p>')
    assert first.is_rendered(target(first))
    assert ".x" not in cascade_of(first)._buckets("all")      # left out on this page
    second = page_of(css, '<p id="t" class="x">a</p>')        # the sheet is shared now
    assert second.is_rendered(target(second))
    third = page_of(css, '<div class="only-on-b"><p id="t" class="x">b</p></div>')
    assert not third.is_rendered(target(third))


# Pages where the walks up the ancestors of text pass most elements by with a set look-up
# (Cascade._uncarried): sizes and hiding from sight set by tag, id, class, a class pair, the
# universal key, style attributes and the browser's defaults, next to elements none applies to.
_CARRIER_CASES = [
    (".big{font-size:20px} #n{font-size:9px} .a.b{font-size:1.5em} p span{font-size:12px}"
     " .sr{position:absolute;left:-9999px} #off{clip-path:inset(50%)} .o.p{opacity:0}",
     '<div class="big" id="top"><p id="n">a <span>b</span><i class="a">c</i>'
     '<i class="b a" id="ab">d<b>e</b></i></p><h2>f<small>g</small></h2>'
     '<div class="sr"><em>h</em></div><p id="off"><b class="o">i</b><b class="p o">j</b></p>'
     '<u style="color:red">k<i style="font-size:8px">l</i><i style="transform:scale(0)">m</i>'
     '</u><s id="unnamed" class="unnamed-word">n</s></div>'),
    ("*{font-size:14px} .x{opacity:0}", '<div><p class="x">a<b>b</b></p><p>c</p></div>'),
    ("*{transform:scale(0)} .k{font-size:2em}", '<div class="k"><p>a</p></div>'),
    ("", '<p style="font-size:9px; left:-9999px; position:absolute">a<b>b</b></p><h1>c</h1>'),
    # universal rules that may match only elements carrying an attribute, elements under a
    # carrier of a key, or the root (Cascade.universal_candidates)...
    ("[data-s]{font-size:20px} .w > *{opacity:0} :root{font-size:10px} .v span{font:2em x}"
     " [data-t] [data-u]{clip-path:inset(50%)} #g *{left:-9999px;position:absolute}",
     '<div class="w"><p>a<b>b</b></p></div><p data-s>c<i>d</i></p><p>e</p><div data-t>'
     '<i data-u>f</i><i>g</i></div><i data-u>h</i><div class="v"><span>i<b>j</b></span>'
     '</div><span>k</span><div id="g"><p>l</p></div>'),
    # ...and those that may match any element
    ("*:not(.z){font-size:12px} .q + *{transform:scale(0)}",
     '<p class="q">a</p><p>b<b>c</b></p><p class="z">d</p>'),
    # (one that requires only body of an ancestor may match any element too)
    ("body > :not(.n){opacity:0} html .m > *{font-size:9px}",
     '<p>a<b>b</b></p><p class="n">c</p><div class="m"><i>d</i></div><i>e</i>'),
]


@pytest.mark.parametrize(("css", "body"), _CARRIER_CASES)
def test_text_walks_agree_with_the_full_styles_on_every_element(css, body):
    """font_owner and visually_hidden skip the elements no declaration of a size or of a
    hiding-from-sight property can apply to; their answers equal the full styles' (the
    nearest element declaring a size; the outermost reason to hide from sight)."""
    reference = page_of(css, body)
    ref_cascade = cascade_of(reference)
    expected_owner, expected_hidden = [], []
    for el in reference.elements:
        chain = [el, *el.iterancestors()]
        owner = next((n for n in chain if reference.style(n).font_size_own is not None), None)
        expected_owner.append(None if owner is None else reference.xpath(owner))
        # the outermost reason: an ancestor's hides the element whatever its own
        expected_hidden.append(next((reason for n in reversed(chain) if (reason := ref_cascade.
                                     sight_of_style(n)) is not None), None))
    page = page_of(css, body)
    cascade = cascade_of(page)
    for el in reversed(page.elements):      # the deepest first: each walks its own chain
        index = page.order[el]
        owner = cascade.font_owner(el)
        assert (None if owner is None else page.xpath(owner)) == expected_owner[index]
        assert page.visually_hidden(el) == expected_hidden[index], page.xpath(el)
        assert cascade.declares_font_size(el) is (
            reference.style(reference.elements[index]).font_size_own is not None)
    assert expected_hidden.count(None) < len(expected_hidden) or "sr" not in css


def test_elements_no_size_or_sight_rule_names_are_passed_by():
    page = page_of(".big{font-size:20px} .sr{position:absolute;left:-9999px}",
                   '<div class="big"><p class="other" id="x">a</p></div><p class="sr">b</p>')
    cascade = cascade_of(page)
    p = target(page, "x")
    assert cascade.font_owner(p) is p.getparent()
    assert p in cascade._unsized and p.getparent() not in cascade._unsized
    assert page.visually_hidden(p) is None and p in cascade._unsighted
    assert page.visually_hidden(page.tags("p")[1]) == "left: -9999px (off-screen)"
    assert not cascade._styles      # neither walk computed a full style


def test_candidate_lists_leave_out_only_the_keys_no_rule_names():
    """Elements that differ only by ids and class words no rule names share one candidate
    list, which equals the list built from all their keys (a key a rule requires besides
    its bucket's, as .b of .a.b, is kept)."""
    from a11y_audit.semantics.cascade import _class_keys

    page = page_of(".a.b{color:red} p#x{display:none} #y .c{font-size:9px} div.q.r{opacity:0}"
                   " .b{color:blue} p{color:green}",
                   '<div id="y" class="r q z"><p id="x" class="b a w">a</p><p id="u1" class="a">b'
                   '</p><p id="u2" class="a">c</p><p class="c b a">d</p><p class="a c b">e</p>'
                   '<div class="q">f</div><div class="zz q r">g</div></div>')
    cascade = cascade_of(page)
    for el in page.elements:
        ident, classes = el.get("id"), el.get("class")
        keys = ["*", el.tag]
        if ident:
            keys.append("#" + ident)
        if classes:
            keys.extend(_class_keys(classes))
        assert cascade._candidates(el.tag, ident, classes) == cascade._candidates_of(
            tuple(keys)), page.xpath(el)
    u1, u2 = target(page, "u1"), target(page, "u2")
    assert cascade._candidates("p", "u1", "a") is cascade._candidates("p", "u2", "a")
    assert cascade._short("p", "u1", "a w") == ("*", "p", ".a")
    assert cascade._short("p", "x", "w b") == ("*", "p", "#x", ".b")
    # #y is named only as an ancestor (read by _above, not from the element's own keys)
    assert cascade._short("div", "y", "r zz q") == ("*", "div", ".r", ".q")
    assert [page.style(el).color for el in (u1, u2)] == [(0.0, 0.5019607843137255, 0.0, 1.0)] * 2
    assert page.style(target(page, "x")).color == (1.0, 0.0, 0.0, 1.0)


_STYLE_FIELDS = ("display", "visibility", "content_visibility", "opacity", "color",
                 "background_color", "background_image", "font_size", "font_weight",
                 "position", "font_size_own")


@pytest.mark.parametrize(("parent", "own"), [
    ("color: #123; font-size: 20px", "background: currentColor; color: red"),
    ("color: #123; text-shadow: 1px 1px red", "color: inherit; display: unset; opacity: .5"),
    ("font: bold 12px serif", "font-size: 2em; font-weight: bolder; clip: rect(0 0 0 0)"),
    ("--c: #0f0; color: var(--c)", "background-color: var(--c); border-color: VAR(--c)"),
    ("--c: #0f0", "color: var(--missing, blue); position: initial; width: revert"),
    ("visibility: hidden; --c: #00f", "visibility: inherit; left: unset; top: -9999px"),
    ("", "display: initial; overflow: hidden; inset: 0 1px; background-image: none"),
    ("-webkit-text-fill-color: red", "font-size: inherit; color: currentcolor; height: 1px"),
])
def test_style_without_custom_properties_of_its_own_is_the_two_pass_style(parent, own):
    """An element that declares no custom property is computed in one pass over its
    declarations, reading its parent's custom properties; one that declares some resolves
    them first. Both give the same values (and in the same order) where the custom property
    declared is one no value reads."""
    page = page_of("", f'<div style="{parent}"><p id="t" style="{own}">x</p>'
                       f'<p id="u" style="{own}; --unread-custom-property: 0">x</p></div>')
    cascade = cascade_of(page)
    one_pass, two_passes = cascade.style(target(page)), cascade.style(target(page, "u"))
    assert "--unread-custom-property" in two_passes.custom
    for name in _STYLE_FIELDS:
        assert getattr(one_pass, name) == getattr(two_passes, name), name
    assert list(one_pass.values.items()) == list(two_passes.values.items())
    assert list(one_pass.origin.items()) == list(two_passes.origin.items())
    t, u = target(page), target(page, "u")
    anchors = (one_pass.font_size_anchor, two_passes.font_size_anchor)
    assert anchors[0] is anchors[1] or anchors == (t, u)
    assert one_pass.custom == {k: v for k, v in two_passes.custom.items()
                               if k != "--unread-custom-property"}


_SIZE_VALUES = ["12px", " 12px ", "0", "12", "-1px", "1e2em", "1.5e-1rem", "2rem", "rem", "80%",
                "1.2em", "3ex", "2ch", "9pt", "1pc", "1in", "1cm", "10mm", "4q", "5vw", "3vh",
                "2vmin", "2vmax", "medium", "x-small", "smaller", "larger", "inherit",
                "initial", "calc(1px + 1ex)", "var()", "12PX", "", ".5em", "1.2.3.px"]


@pytest.mark.parametrize("value", _SIZE_VALUES)
def test_font_size_parses_memoised_by_text_give_the_regular_expressions_answers(value):
    """The font-size value's kind (what its size derives from) and number are memoised by
    the text; each answer is the regular expressions' own, asked twice."""
    from a11y_audit.semantics import cascade as module

    el, parent, root = object(), object(), object()
    stripped = value.strip()
    expected = (el if module._ABSOLUTE_SIZE.match(stripped)
                else parent if module._RELATIVE_SIZE.match(stripped)
                else root if stripped.endswith("rem") else None)
    for _ in range(2):
        assert module._size_anchor(el, value, parent, root) is expected
    match = module._SIZE.match(stripped)
    for _ in range(2):
        if match is None:
            assert module._size_number(stripped) is None
            continue
        number = float(match.group(1))      # (a CSS number: "1.2.3" is none, no match)
        unit = match.group(2) or ("px" if number == 0 else "")
        assert module._size_number(stripped) == (number, unit)
    for parent_size, root_size in ((16.0, 16.0), (10.0, 20.0), (None, None)):
        try:
            found = font_size(value, parent_size, root_size)
        except ValueError:
            found = "error"
        assert found == _font_size_by_regex(value, parent_size, root_size)


def _font_size_by_regex(value, parent, root):
    """font_size as it was before its parse was memoised (the reference)."""
    value = value.strip()
    keywords = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0,
                "large": 18.0, "x-large": 24.0, "xx-large": 32.0, "xxx-large": 48.0}
    if value in keywords:
        return keywords[value]
    if value in ("smaller", "larger"):
        return None if parent is None else parent * (1 / 1.2 if value == "smaller" else 1.2)
    import re
    match = re.match(r"^(-?[\d.]+(?:e-?\d+)?)"
                     r"(px|em|rem|%|pt|pc|in|cm|mm|q|vw|vh|vmin|vmax|ex|ch)?$", value)
    if not match:
        return None
    try:
        number = float(match.group(1))
    except ValueError:
        return None     # "1.2.3.px": no number, no size (it once raised, crashing rules)
    unit = match.group(2) or ("px" if number == 0 else "")
    factors = {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
               "mm": 96 / 25.4, "q": 96 / 101.6, "vw": 12.8, "vh": 8.0, "vmin": 8.0,
               "vmax": 12.8}
    if unit in ("em", "%"):
        return None if parent is None else parent * (number / 100 if unit == "%" else number)
    if unit == "rem":
        return None if root is None else root * number
    if unit in ("ex", "ch"):
        return None     # the font's x-height and digit width are not known
    return number * factors[unit] if unit in factors else None


def test_page_keys_are_every_tag_id_and_class_word_of_the_page():
    """_page_keys reads ids and classes with the element class's get, mapped in C; it must
    be what each element's own attributes give (ids with spaces, empty values, repeated and
    Unicode class words, elements in head and body)."""
    page = Page.from_html(
        '<html><head><style>p{color:red}</style></head><body id="top">'
        '<div id="" class="  card\tcard--wide  "><p id="a b" class="x">t</p></div>'
        '<svg class="icon"><use class="icon"/></svg><span class="caf\u00e9 x"></span>'
        '<i class=""></i></body></html>', "k.html")
    keys = cascade_of(page)._page_keys()
    expected = {"*"}
    for el in page.root.iter():
        if not isinstance(el.tag, str):
            continue
        expected.add(tag_of(el))
        if el.get("id"):
            expected.add("#" + el.get("id"))
        expected.update("." + word for word in (el.get("class") or "").split())
    assert keys == expected
    assert {"#a b", ".card--wide", ".caf\u00e9", ".icon", "svg", "use"} <= keys


@pytest.mark.parametrize(("selector", "decided"), [
    (".a", True), ("a.more", True), (".nav a", True), ("#main .title", True), ("A B", True),
    ("a\tb", True), ("div .a.b", True),
    # a child, sibling or second combinator, a pseudo-class, an attribute, the universal
    # selector, a repeated key, an escape, a first compound of two keys: the test decides
    ("a>b", False), ("a > b", False), ("a+b", False), ("a~b", False), (".a .b .c", False),
    ("a:hover", False), ("[x]", False), (".a [x]", False), ("*", False), ("* .a", False),
    (".a.a", False), (r".\31 0", False), ("div.a .b", False), (".a:not(.b)", False),
])
def test_the_keys_decide_one_compound_or_a_descendant_of_one_key(selector, decided):
    _, _, above, own = compile_selector(selector)
    assert cascade_module._keys_decide(selector, above, own) is decided


_DECIDING_PAGE = ('<div id="u" class="a b"><section class="b"><p id="t" class="a">x</p>'
                  '<a class="b c" href="/">y</a></section><span class="c">z</span></div>'
                  '<p class="c"><a id="v">w</a></p>')
_SELECTOR_PARTS = st.lists(st.sampled_from([
    "a", "p", "DIV", "section", "span", ".a", ".b", ".c", "#t", "#u", "#v", " ", "  ", "\t",
    ">", "+", "~", "*", ":hover", ":focus-within", ":first-child", "[href]", ":not(.a)",
    r"\61", "."]),
    min_size=1, max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(_SELECTOR_PARTS)
@example(".a .a")
@example("div .c")
@example("DIV P.a")
@example("DIV>p")       # a child combinator: the parent, not any ancestor, decides
def test_a_selector_its_keys_decide_matches_where_its_keys_are(selector):
    # where the cascade tests a candidate: the element carries its own keys and its
    # ancestors the keys above; a selector whose keys decide it then matches
    compiled = compile_selector(selector.strip())
    if compiled is None:
        return
    matches, _, above, own = compiled
    if not cascade_module._keys_decide(selector.strip(), above, own):
        return
    page = page_of("", _DECIDING_PAGE)
    styles = cascade_of(page)
    for el in page.elements:
        if own <= set(cascade_module._element_keys(el)) and above <= styles._above(el):
            assert matches(el)


_SHEETS = itertools.count()


def answers_with(css: str, name: str, value: object) -> list:
    """What the cascade answers for every element of the test page under ``css``, with the
    cascade module's ``name`` set to ``value``: declarations, rendering, font owner, sight
    and whether the element shares its parent's rendering. (A sheet of its own each time:
    buckets are kept with a shared sheet.)"""
    page = page_of(f"/* {next(_SHEETS)} */ {css}", _DECIDING_PAGE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cascade_module, name, value)
        styles = cascade_of(page)
        place = {el: i for i, el in enumerate(page.elements)}      # (pages differ)
        return [([item[1:] for item in styles.declarations(el)], page.is_rendered(el),
                 place.get(styles.font_owner(el)), styles.visually_hidden(el),
                 styles.shown_as_parent(el)) for el in page.elements]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_SELECTOR_PARTS, st.sampled_from(
    ["display:none", "display:block", "color:red", "font-size:20px", "visibility:hidden"])),
    min_size=1, max_size=5))
@example([("div .a", "display:none"), ("DIV>p", "color:red"), (".b .c", "font-size:20px")])
def test_matching_without_the_tests_its_keys_decide_finds_what_the_tests_find(rules):
    css = "".join(f"{selector}{{{body}}}" for selector, body in rules)
    assert answers_with(css, "_keys_decide", cascade_module._keys_decide) == answers_with(
        css, "_keys_decide", lambda *_: False)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_SELECTOR_PARTS, st.sampled_from(
    ["display:none", "visibility:hidden", "font-size:20px", "opacity:0", "color:red",
     "position:absolute;clip:rect(0 0 0 0)"])), min_size=1, max_size=5))
@example([(".b:hover .a", "display:none"), ("section:focus-within", "font-size:20px"),
          ("div:hover > section", "opacity:0")])
def test_the_rules_of_states_at_rest_left_out_change_no_answer(rules):
    # a rule that requires :hover or :focus-within (of the element or an ancestor) is left
    # out of the page's index: the answers are those of an index that holds it
    css = "".join(f"{selector}{{{body}}}" for selector, body in rules)
    assert answers_with(css, "never", cascade_module.never) == answers_with(
        css, "never", object())


def test_a_rule_that_requires_a_state_at_rest_is_not_in_the_page_index():
    page = page_of(".menu:hover .item{display:none} a:focus{font-size:40px} .item{color:red}",
                   '<div class="menu"><p id="t" class="item">x</p><a href="/">y</a></div>')
    styles = cascade_of(page)
    assert page.is_rendered(target(page))
    assert [rule[1][5] for rule in styles._buckets("all")[".item"].rules] == [".item"]
    assert "a" not in styles._buckets("all") and styles.key_mask(".item") == 0


def test_google_fonts_stylesheets_are_neither_fetched_nor_missing(tmp_path: Path):
    fetched: list[str] = []

    def fetch(url: str) -> str | None:
        fetched.append(url)
        return None

    markup = ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Lora">'
              '<link rel="stylesheet" href="//fonts.googleapis.com/css2?family=Inter">'
              '<style>@import url("https://fonts.googleapis.com/css?family=Roboto");'
              ' .a{display:none}</style><p id="t" class="a">x</p>')
    page = Page.from_html(markup, url="https://news.example/story")
    page.style_environment = StyleEnvironment(fetch=fetch)
    assert not page.is_rendered(target(page))
    assert cascade_of(page).complete and fetched == []
    page_file = tmp_path / "story.html"          # a local template: same answer, no fetch
    page_file.write_text(markup, encoding="utf-8")
    page = Page.from_html(page_file.read_bytes(), source=str(page_file))
    page.style_environment = StyleEnvironment()
    assert cascade_of(page).complete
    # an icon font's stylesheet sets font-size and display: it stays a stylesheet
    page = Page.from_html('<link rel="stylesheet" '
                          'href="https://fonts.googleapis.com/icon?family=Material+Icons">')
    page.style_environment = StyleEnvironment(fetch=fetch)
    assert cascade_of(page).missing == [
        "https://fonts.googleapis.com/icon?family=Material+Icons"]
    assert fetched == ["https://fonts.googleapis.com/icon?family=Material+Icons"]


def test_stylesheets_under_a_site_url_are_read_from_the_site_root(tmp_path: Path):
    (tmp_path / "public" / "css").mkdir(parents=True)
    (tmp_path / "public" / "css" / "site.css").write_text(
        '@import "print.css" print; @import "more.css"; .a{display:none}', encoding="utf-8")
    (tmp_path / "public" / "css" / "more.css").write_text(".b{display:none}",
                                                          encoding="utf-8")
    (tmp_path / "outside.css").write_text(".c{display:none}", encoding="utf-8")
    fetched: list[str] = []

    def fetch(url: str) -> str | None:
        fetched.append(url)
        return None

    body = '<p id="a" class="a">x</p><p id="b" class="b">x</p><p id="c" class="c">x</p>'
    root = str(tmp_path / "public")
    for href in ("https://CDN.example.com/assets/css/site.css?v=3",
                 "http://cdn.example.com/assets/css/site%2Ecss",
                 "//cdn.example.com/assets/css/site.css"):
        page_file = tmp_path / "story.html"
        page_file.write_text(f'<link rel="stylesheet" href="{href}">{body}', encoding="utf-8")
        page = Page.from_html(page_file.read_bytes(), source=str(page_file))
        page.style_environment = StyleEnvironment(
            site_root=root, site_urls=("https://cdn.example.com/assets",))
        assert not page.is_rendered(target(page, "a")), href
        assert not page.is_rendered(target(page, "b")), href      # its relative @import
        assert page.is_rendered(target(page, "c")) and cascade_of(page).complete
    # a URL page too: read from the checkout, not fetched
    page = Page.from_html(f'<link rel="stylesheet" href="/assets/css/site.css">{body}',
                          url="https://cdn.example.com/story")
    page.style_environment = StyleEnvironment(
        fetch=fetch, site_root=root, site_urls=("https://cdn.example.com/assets/",))
    assert not page.is_rendered(target(page, "b")) and fetched == []
    # other hosts and paths stay what they were; "/../" does not leave the site root
    for href, missing in (
            ("https://www.example.com/assets/css/site.css",
             "https://www.example.com/assets/css/site.css"),
            ("https://cdn.example.com/other/site.css", "https://cdn.example.com/other/site.css"),
            ("https://cdn.example.com/assets/../../outside.css",
             "https://cdn.example.com/assets/../../outside.css"),
            ("https://cdn.example.com/assets/css/none.css",
             str((tmp_path / "public" / "css" / "none.css").resolve()))):
        page = Page.from_html(f'<link rel="stylesheet" href="{href}">{body}',
                              source=str(tmp_path / "story.html"))
        page.style_environment = StyleEnvironment(
            site_root=root, site_urls=("https://cdn.example.com/assets/",))
        assert page.is_rendered(target(page, "c"))
        assert cascade_of(page).missing == [missing], href


def test_site_url_prefixes():
    from a11y_audit.semantics.cascade import site_url_prefix

    assert site_url_prefix("https://CDN.example.com/assets") == ("cdn.example.com", "/assets/")
    assert site_url_prefix(" http://www.example.com ") == ("www.example.com", "/")
    for bad in ("ftp://example.com/", "cdn.example.com/assets", "/assets/", "https://",
                "https://example.com/?v=1", "https://example.com/#top", "https://[::1/"):
        assert site_url_prefix(bad) is None, bad


def test_stylesheets_a_script_applies_on_load_count(tmp_path: Path):
    # loadCSS (rel=preload as=style, onload makes it a stylesheet) and the "print media"
    # pattern (onload sets media to all): a scripting browser applies both once loaded
    (tmp_path / "late.css").write_text(".a{display:none}", encoding="utf-8")
    page_file = tmp_path / "story.html"
    body = '<p id="a" class="a">x</p>'

    def hidden(link: str) -> bool:
        page_file.write_text(link + body, encoding="utf-8")
        page = Page.from_html(page_file.read_bytes(), source=str(page_file))
        page.style_environment = StyleEnvironment()
        return not page.is_rendered(target(page, "a"))

    for link in (
            '''<link rel="preload" href="late.css" as="style" onload="this.onload=null;'''
            '''this.rel='stylesheet'">''',
            '''<link rel=preload as=STYLE href=late.css onload='loadCSS(this.href)'>''',
            '''<link rel="stylesheet" href="late.css" media="print" onload="this.media='all'">''',
            '''<link rel="stylesheet" href="late.css" media="none" '''
            '''onload="if(media!='all')media='all'">'''):
        assert hidden(link), link
    for link in (
            '<link rel="preload" href="late.css" as="style">',      # a hint, no more
            '<link rel="preload" href="late.css" as="script" onload="run()">',
            '<link rel="stylesheet" href="late.css" media="print">',
            '''<link rel="stylesheet" href="late.css" media="print" '''
            '''onload="this.media='print'">''',
            '''<link rel="stylesheet" href="late.css" media="print" '''
            '''onload="if (this.media == 'all') done()">''',
            '''<link rel="preload" href="late.css" as="style" disabled '''
            '''onload="this.rel='stylesheet'">'''):
        assert not hidden(link), link
    # one a script would apply but that cannot be read is missing, as a linked one is
    page = Page.from_html('<link rel="preload" href="https://cdn.example/late.css" as="style" '
                          '''onload="this.rel='stylesheet'">''' + body)
    assert cascade_of(page).missing == ["https://cdn.example/late.css"]


def test_links_resolve_against_the_document_base_url(tmp_path: Path):
    fetched: list[str] = []

    def fetch(url: str) -> str | None:
        fetched.append(url)
        return ".a{display:none}"

    markup = ('<base href="https://static.example.com/theme/"><base href="https://x.example/">'
              '<link rel="stylesheet" href="css/site.css"><p id="a" class="a">x</p>')
    page = Page.from_html(markup, url="https://news.example/2026/story")
    page.style_environment = StyleEnvironment(fetch=fetch)
    assert not page.is_rendered(target(page, "a"))
    assert fetched == ["https://static.example.com/theme/css/site.css"]   # the first base
    # a relative base href on a fetched page resolves against the page's URL
    page = Page.from_html('<base href="/theme/"><link rel="stylesheet" href="site.css">',
                          url="https://news.example/2026/story")
    page.style_environment = StyleEnvironment(fetch=fetch)
    assert cascade_of(page).complete and fetched[-1] == "https://news.example/theme/site.css"
    # a local file: an absolute base makes its links URLs; a relative one is not followed
    (tmp_path / "site.css").write_text(".a{display:none}", encoding="utf-8")
    for base, missing in (('<base href="https://news.example/">',
                           ["https://news.example/site.css"]),
                          ('<base href="/">', [])):
        page_file = tmp_path / "story.html"
        page_file.write_text(f'{base}<link rel="stylesheet" href="site.css">'
                             '<p id="a" class="a">x</p>', encoding="utf-8")
        page = Page.from_html(page_file.read_bytes(), source=str(page_file))
        page.style_environment = StyleEnvironment()
        assert cascade_of(page).missing == missing
        assert page.is_rendered(target(page, "a")) == bool(missing)


def test_links_and_bases_that_are_no_urls_are_missing_not_errors(tmp_path: Path):
    (tmp_path / "site.css").write_text(".a{display:none}", encoding="utf-8")
    page_file = tmp_path / "story.html"
    body = '<p id="a" class="a">x</p>'
    # a <base href> that is no URL is ignored, as HTML says: links resolve beside the file
    page_file.write_text(f'<base href="https://[::1"><link rel="stylesheet" href="site.css">'
                         f'{body}', encoding="utf-8")
    page = Page.from_html(page_file.read_bytes(), source=str(page_file))
    page.style_environment = StyleEnvironment()
    assert not page.is_rendered(target(page, "a")) and cascade_of(page).complete
    # on a fetched page, a link that is no URL is a stylesheet that cannot be had
    page = Page.from_html(f'<link rel="stylesheet" href="//[::1/x.css">{body}',
                          url="https://news.example/story")
    page.style_environment = StyleEnvironment(fetch=lambda url: ".a{display:none}")
    assert page.is_rendered(target(page, "a"))
    assert cascade_of(page).missing == ["//[::1/x.css"]
    page = Page.from_html(f'<base href="https://[::1"><link rel="stylesheet" href="s.css">'
                          f'{body}', url="https://news.example/story")
    fetched: list[str] = []
    page.style_environment = StyleEnvironment(fetch=lambda url: fetched.append(url) or "")
    assert cascade_of(page).complete and fetched == ["https://news.example/s.css"]


def test_links_to_nothing_or_to_the_page_itself_are_no_stylesheets(tmp_path: Path):
    # HTML: a link whose href is empty creates no link; "#x" is the page, not a stylesheet
    page_file = tmp_path / "story.html"
    page_file.write_text('<link rel="stylesheet" href=""><link rel="stylesheet" href="  ">'
                         '<link rel="stylesheet" href="#top"><style>@import ""; @import "#a";'
                         ' .a{display:none}</style><p id="a" class="a">x</p>', encoding="utf-8")
    page = Page.from_html(page_file.read_bytes(), source=str(page_file))
    page.style_environment = StyleEnvironment()
    assert cascade_of(page).complete and not page.is_rendered(target(page, "a"))


def test_a_nul_byte_in_a_link_is_a_missing_stylesheet(tmp_path: Path):
    (tmp_path / "site").mkdir()
    body = '<p id="a" class="a">x</p>'
    page_file = tmp_path / "story.html"
    for href in ("rel%00.css", "/css/a%00b.css", "https://cdn.example.com/x%00.css"):
        page_file.write_text(f'<link rel="stylesheet" href="{href}">{body}', encoding="utf-8")
        page = Page.from_html(page_file.read_bytes(), source=str(page_file))
        page.style_environment = StyleEnvironment(
            site_root=str(tmp_path / "site"), site_urls=("https://cdn.example.com/",))
        assert page.is_rendered(target(page, "a")), href
        assert len(cascade_of(page).missing) == 1, href


@pytest.mark.parametrize(("css", "wrap", "hidden"), [
    # a box moved off the page's top or left edge by a translation of its own size
    ("a { position: absolute; top: 0; transform: translateY(-100%) }", "", True),
    ("a { position: absolute; left: 10px; top: 10px;"
     " transform: translate3d(calc(-100% - 20px), 0, 0) }", "", True),
    ("a { position: fixed; top: 0; left: 0; transform: translate(0, -120%) }", "", True),
    ("a { position: fixed; top: 0; transform: translateY(-100%) } div { position: relative }",
     "div", True),                       # a fixed box's containing block is the viewport
    # ... not where the layout decides
    ("a { position: absolute; top: 10px; transform: translateY(-100%) }", "", False),
    ("a { position: absolute; top: 0; transform: translateY(-50%) }", "", False),
    ("a { position: absolute; transform: translateY(-100%) }", "", False),  # static position
    ("a { top: 0; transform: translateY(-100%) }", "", False),              # not positioned
    ("a { position: absolute; top: 0; transform: translateY(-100%) } div { position: relative }",
     "div", False),                      # inside a positioned box, wherever that is
    ("a { position: fixed; top: 0; transform: translateY(-100%) } div { transform: scale(1) }",
     "div", False),                      # a transformed ancestor contains even a fixed box
    ("a { position: absolute; top: 0; transform: translateY(-100%) rotate(1deg) }", "", False),
    ("a { position: absolute; top: 0; transform: translateY(-100em) }", "", False),
    ("a { position: absolute; top: 0; transform: translateY(var(--y)) }", "", False),
])
def test_a_translation_by_its_own_size_moves_a_box_off_screen(css, wrap, hidden):
    link = '<a id="t" href="#m">Skip to content</a>'
    body = f"<{wrap}>{link}</{wrap}>" if wrap else link
    page = page_of(css, body + '<main id="m">x</main>')
    assert (page.visually_hidden(target(page)) is not None) is hidden


# Hostile values where this session's readings parse them: the animation timing (and
# revert-layer with layers in keyframes and rules), and a translation's lengths. The
# cascade may find any value unknown; it never raises.
_TIMING_WORDS = ("1s", "-1s", "0s", "1e999s", "-1e999s", "nan", "inf", "infinite", "1.5", "0",
                 "-1", "paused", "running", "forwards", "both", "none", "reverse",
                 "alternate-reverse", "f", "g", "var(--x)", "calc(1s)", "steps(2)", ",", "1e400",
                 ".", "-", "revert-layer", "inherit")
_ANIMATION_PROPERTIES = ("animation", "animation-name", "animation-duration", "animation-delay",
                         "animation-iteration-count", "animation-play-state",
                         "animation-fill-mode", "-webkit-animation")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_ANIMATION_PROPERTIES),
                          st.lists(st.sampled_from(_TIMING_WORDS), min_size=1, max_size=6)),
                max_size=5),
       st.sampled_from(("", "@layer a { p { opacity: .1 } }"
                            " @layer b { p { opacity: revert-layer } }")))
def test_hostile_animation_timings_never_raise(declarations, layers):
    body = "; ".join(f"{name}: {' '.join(words)}" for name, words in declarations)
    page = page_of("@keyframes f { from { opacity: 0; color: var(--c) } 50% { color: red } to {"
                   " opacity: 1 } } @keyframes g { 0%, 100% { opacity: revert-layer } }"
                   f" {layers} p {{ {body} }}", f'<p id="t" style="{body}">x<span>y</span></p>')
    el = target(page)
    assert page.style(el) is not None and page.style(el[0]) is not None
    page.visually_hidden(el)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(("translate(", "translatex(", "translateY(", "translate3d(", ")",
                                 "(", ",", "-100%", "calc(", "-", "+", "20px", "0", "1e999px",
                                 "-1e999%", ".5", "%", "em", "var(--y)", " ", "scale(0)")),
                max_size=10).map("".join),
       st.sampled_from(("absolute", "fixed", "static")),
       st.sampled_from(("0", "-10px", "auto", "10%", "1e999px", "var(--t)")))
def test_hostile_translations_never_raise(transform, position, offset):
    page = page_of(f"a {{ position: {position}; top: {offset}; left: {offset};"
                   f" transform: {transform} }}", '<div><a id="t" href="#m">x</a></div>')
    reason = page.visually_hidden(target(page))
    assert reason is None or reason.startswith("transform: ")   # (the only hiding property)


def test_a_registered_custom_property_takes_its_initial_value_and_may_not_inherit():
    page = Page.from_html("""<!DOCTYPE html><html><head><style>
      @property --fg { syntax: '<color>'; inherits: false; initial-value: #0a0 }
      @property --bg { syntax: "<color>"; inherits: true; initial-value: #eee }
      @property --bad { syntax: '<color>'; inherits: false }
      .a { --fg: #a00; --bg: #00a; --bad: #aa0; color: var(--fg) }
      .b { color: var(--fg); background-color: var(--bg) }
      .c { color: var(--bad, #555) }
    </style></head><body><div class="a" id="a"><p class="b" id="b">x</p>
      <p class="c" id="c">y</p></div><p class="b" id="d">z</p></body></html>""")
    styles = {el.get("id"): page.style(el) for el in page.root.iter() if el.get("id")}
    red, green, blue = (2 / 3, 0.0, 0.0, 1.0), (0.0, 2 / 3, 0.0, 1.0), (0.0, 0.0, 2 / 3, 1.0)
    assert styles["a"].color == red
    # --fg does not inherit: its initial value under .a; --bg does
    assert (styles["b"].color, styles["b"].background_color) == (green, blue)
    # a rule without an initial value registers nothing: --bad inherits as written
    assert styles["c"].color == (2 / 3, 2 / 3, 0.0, 1.0)
    assert styles["d"].background_color == (14 / 15, 14 / 15, 14 / 15, 1.0)


@pytest.mark.parametrize(("markup", "hidden"), [
    # width, height and overflow do nothing to an inline box, nor does a transform
    ('<p><span id="t" class="box">x</span></p>', False),
    ('<p><span id="t" class="scale">x</span></p>', False),
    # ... but they do to a block, an inline-block, a positioned box or a flex item
    ('<div id="t" class="box">x</div>', True),
    ('<p><span id="t" class="box" style="display: inline-block">x</span></p>', True),
    ('<p><span id="t" class="box" style="position: absolute">x</span></p>', True),
    ('<div style="display: flex"><span id="t" class="box">x</span></div>', True),
    ('<p><span id="t" class="scale" style="display: block">x</span></p>', True),
    # and to a replaced inline element
    ('<p><img id="t" class="box" alt="x" src="x.png"></p>', True),
])
def test_sizes_and_transforms_leave_an_inline_box_as_it_is(markup, hidden):
    page = page_of(".box { width: 1px; height: 1px; overflow: hidden } "
                   ".scale { transform: scale(0) }", markup)
    assert (page.visually_hidden(target(page)) is not None) is hidden


@pytest.mark.parametrize(("markup", "hidden"), [
    # an image replacement: the block's indent moves its inline text off the page
    ('<h1 class="out"><a id="t" href="/">Site</a></h1>', True),
    ('<h1 class="out"><a href="/"><b id="t">Site</b></a></h1>', True),
    ('<p class="out" id="t">text</p>', True),
    # an inline box's own indent does nothing
    ('<p><span class="out" id="t">text</span></p>', False),
    ('<p><a class="out" href="/" id="t">text</a></p>', False),
    ('<p><a class="out" href="/" id="t" style="display: block">text</a></p>', True),
])
def test_an_inline_boxs_text_is_indented_by_its_block(markup, hidden):
    page = page_of(".out { text-indent: -9999px }", markup)
    el = target(page)
    assert (cascade_of(page).text_hidden(el, page.style(el)) is not None) is hidden


_LAYERED_CSS = (
    "@property --reg { syntax: '<color>'; inherits: false; initial-value: #0a0 }"
    ":root{--a:#100;--b:#200;--c:#300;--d:var(--a);--e:var(--missing, #500)}"
    ".own{--a:#111;--f:var(--b)} .loop{--c:var(--g);--g:var(--c)} .reg{--reg:#00f}"
    ".again{--c:#333;--a:var(--f)} p{color:var(--c, #999);background-color:var(--a)}"
    ".deep{--h:var(--a)} .read{color:var(--d0, #888);background-color:var(--reg)}")


def _layered_page() -> Page:
    deep = "".join(f'<div style="--d{i}: #{i:03}">' for i in range(12))
    body = ('<div class="own" id="own"><p id="p1">x</p><div class="loop" id="loop">'
            '<p id="p2">x</p><div class="again" id="again"><p id="p3">x</p>'
            f'<div class="reg" id="reg">{deep}<p class="read" id="p4">x</p>'
            f'<p class="deep" id="p5">x</p>{"</div>" * 12}</div></div></div></div>'
            '<p id="p6">x</p>')
    return page_of(_LAYERED_CSS, body)


def test_custom_properties_shared_under_layers_read_as_copied_maps(monkeypatch):
    """An element that declares custom properties below an ancestor with many shares that
    ancestor's map under a layer of its own changes (LayeredCustoms), as Chromium does; a
    layer grown past the limit is made one map again. Every value reads as it does with each
    element's map copied whole: overrides, new names, var()s of inherited ones, a cycle that
    makes an inherited name guaranteed-invalid, registered properties that do not inherit."""
    def styles(shared_from: int) -> tuple[dict, bool]:
        monkeypatch.setattr(cascade_module, "_SHARED_FROM", shared_from)
        page = _layered_page()
        found = {el: page.style(el) for el in page.root.iter("p", "div")}
        layered = any(isinstance(style.custom, cascade_module.LayeredCustoms)
                      for style in found.values())
        return ({(el.get("id") or el.get("style")): (style.color, style.background_color,
                                                    dict(style.custom.items()))
                 for el, style in found.items()}, layered)

    copied, layered_there = styles(10**9)
    shared, layered_here = styles(2)
    assert not layered_there and layered_here
    assert shared == copied
    # and what the copies say is right
    assert copied["p1"][:2] == (parse_color("#300"), parse_color("#111"))
    assert "--c" not in copied["p2"][2] and copied["p2"][0] == parse_color("#999")
    assert copied["p3"][:2] == (parse_color("#333"), parse_color("#200"))
    assert copied["p4"][:2] == (parse_color("#000"), parse_color("#0a0"))   # not inherited
    assert copied["p5"][2]["--h"] == "#200" and copied["p6"][1] == parse_color("#100")


@pytest.mark.parametrize("registered", [False, True])
def test_custom_properties_of_many_elements_below_many_take_memory_in_proportion(registered):
    """6,000 custom properties on the root and 6,000 paragraphs declaring one each took 1.3 GB
    when each paragraph copied the root's map; shared under layers, four times the page takes
    about four times the memory. So with a registered property that does not inherit, which
    each paragraph's child starts from its initial value (that copied the map again)."""
    import tracemalloc

    def peak(n: int) -> int:
        root = ";".join(f"--v{i}:{i}px" for i in range(n))
        at_rule = ("@property --r{syntax:'<length>';inherits:false;initial-value:0px}"
                   if registered else "")
        page = page_of(f"{at_rule}:root{{{root}}}",
                       "".join(f'<p style="--own:{i}"><span>x</span></p>' for i in range(n)))
        paragraphs = list(page.root.iter("span"))
        tracemalloc.start()
        try:
            for el in paragraphs:
                page.style(el)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(500), peak(2000)
    assert large < 8 * small, (small, large)


def test_elements_whose_keys_decide_many_rules_share_one_list_and_read_the_same(monkeypatch):
    """Past _KEYED_FROM candidate rules, elements whose rules their own and their ancestors'
    keys decide share one declaration list (matched and sorted once, not once an element);
    what each element is given is what it is given matching alone."""
    rules = "".join(f"p{{--n{i}:{i}}} .x p{{margin-left:{i}px}} body p{{z-index:{i}}}"
                    for i in range(20))
    css = (rules + "p{color:#111} .x p{color:#222!important} article p{display:none}"
           ".y{color:#333} p:first-child{font-weight:bold}")
    body = ('<p id="a">1</p><p id="b" hidden>2</p><div class="x"><p id="c">3</p>'
            '<p id="d" style="color:#444">4</p><p id="e" class="y">5</p></div>'
            '<article><p id="f">6</p><p id="g">7</p></article><p id="h">8</p>')

    def read(keyed_from: int):
        monkeypatch.setattr(cascade_module, "_KEYED_FROM", keyed_from)
        page = page_of(css, body)
        cascade = cascade_of(page)
        found = {}
        for el in page.root.iter("p"):
            style = page.style(el)
            found[el.get("id")] = (cascade.declarations(el), style.color, style.font_weight,
                                   page.is_rendered(el), dict(style.values))
        return found, cascade

    alone, _ = read(10**9)
    shared, cascade = read(0)
    assert shared == alone
    assert cascade._keyed       # (some lists were shared)
    assert shared["c"][1] == parse_color("#222") and shared["h"][1] == parse_color("#111")
    assert not shared["f"][3] and shared["a"][3]
