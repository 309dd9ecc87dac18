"""Values Chromium drops, so the declaration before them applies: the ``background``
shorthand and ``background-image`` (their colour and image decide contrast), gradients,
``font-size`` and font family lists (the size decides the text rules and large text).

The tables are Chromium 156's ``CSS.supports()`` answers; tests/test_styles_browser.py asks
the browser again, and holds a page of these declarations to its computed styles."""

from __future__ import annotations

import itertools

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.css import background_valid

TAKEN = [
    'url(x.png), blue', 'none blue', 'blue none repeat', 'blue 10px 10px',
    'rgb(0 0 255) no-repeat fixed center / cover', 'linear-gradient(red, blue), green',
    'transparent', '0', 'center / cover blue', 'blue 10px', 'currentcolor',
    '#fff url(a.png) no-repeat 0 0', 'url(a.png) no-repeat 50% 50% / cover, #fff',
    '-webkit-linear-gradient(top, #fff, #000)', 'none', '#ffff',
    'red url(a.png) repeat-x top left', 'url(a.png) 0 0 / auto 100%',
    'url(a.png) left 10px top 20px', 'image-set(url(a.png) 1x, url(b.png) 2x) #000',
    '-webkit-image-set(url(a.png) 1x) #000', 'calc(10px + 5%) 0 red',
    'url(a.png) no-repeat no-repeat', 'url(a.png) repeat no-repeat', 'border-box red',
    'border-box border-box red', 'text red', 'color-mix(in srgb, red, blue)',
    'light-dark(#fff, #000)', 'hsl(0 0% 0% / .5) none',
    'radial-gradient(circle, red, blue) center / 50% no-repeat', '0 0 / cover',
    'rgba(0,0,0,.5)', 'RED', 'Transparent NONE', 'url(a.png), url(b.png) 0 0 / contain, red',
    'canvas', 'buttonface', 'url(a.png) center center no-repeat transparent', 'top center',
    '10px',
]
DROPPED = [
    'blue green', 'blue, url(x.png)', 'blue foo', 'blue blue', 'blue,', ',blue',
    'blue repeat repeat repeat', 'url(a.png) url(b.png) blue',
    'padding-box content-box border-box blue', 'blue / cover', 'inherit blue',
    'blue scroll local', '#666\\9', '-moz-linear-gradient(top, #fff, #000)',
    '-o-linear-gradient(top, #fff, #000) #fff', '#fffff', 'url(a.png) repeat-x repeat-y',
    'url(a.png) 0 0 / auto auto auto', 'url(a.png) left top right',
    'url(a.png) 1px 2px 3px 4px 5px', 'url(a.png) fixed fixed', '"a.png"', 'auto', 'cover',
    'url(a.png) / cover', 'url(a.png) red, url(b.png)', 'red !ie', 'systemcolor',
]
# Linear gradients, as background-image values (an interpolation method, "in hsl", is not
# read: taken)
GRADIENTS_TAKEN = [
    'linear-gradient(red, blue)', 'linear-gradient(red)',
    'linear-gradient(45deg, red 10%, blue 90%)',
    'linear-gradient(to top left, red, 30%, blue)', 'linear-gradient(0, red, blue)',
    'linear-gradient(red 10% 20%, blue)', 'linear-gradient(red 0, blue calc(50% + 2px))',
    'linear-gradient(to right in hsl longer hue, red, blue)', 'linear-gradient(var(--x))',
    '-webkit-linear-gradient(top, #fff, #000)', '-webkit-linear-gradient(left top, red, blue)',
    'repeating-linear-gradient(45deg, red 0 10px, blue 10px 20px)',
    'LINEAR-GRADIENT(RED, BLUE)', 'linear-gradient(1turn, currentcolor, transparent)',
    'radial-gradient(circle, red, blue)',
    'linear-gradient(180DEG, hsl(0 0% 0% / .5) 50%, rgba(0,0,0,.5))',
    '-webkit-repeating-linear-gradient(top, red, blue 10px)',
]
GRADIENTS_DROPPED = [
    'linear-gradient(to left right, red, blue)', 'linear-gradient(to, red)',
    'linear-gradient(top, red, blue)', 'linear-gradient(10px, red, blue)',
    'linear-gradient(red 10% 20% 30%, blue)', 'linear-gradient(50% red, blue)',
    'linear-gradient(red, 10%)', 'linear-gradient(10%, red)',
    'linear-gradient(red, 10%, 20%, blue)', 'linear-gradient(red 1, blue)',
    'linear-gradient(foo, blue)', 'linear-gradient(#12345, blue)',
    'linear-gradient(from(#4267B2), to(#2a4887))', 'linear-gradient()',
    'linear-gradient(red, , blue)', '-webkit-linear-gradient(to bottom, red, blue)',
    '-webkit-linear-gradient(red, 50%, blue)',
]
# Every <bg-position> of one to four of these words that Chromium takes, of the 1,554
POSITION_WORDS = ("left", "right", "top", "bottom", "center", "10px")
POSITIONS = frozenset((
    'left', 'right', 'top', 'bottom', 'center', '10px', 'left top', 'left bottom',
    'left center', 'left 10px', 'right top', 'right bottom', 'right center', 'right 10px',
    'top left', 'top right', 'top center', 'bottom left', 'bottom right', 'bottom center',
    'center left', 'center right', 'center top', 'center bottom', 'center center',
    'center 10px', '10px top', '10px bottom', '10px center', '10px 10px', 'left top 10px',
    'left bottom 10px', 'left 10px top', 'left 10px bottom', 'left 10px center',
    'right top 10px', 'right bottom 10px', 'right 10px top', 'right 10px bottom',
    'right 10px center', 'top left 10px', 'top right 10px', 'top 10px left', 'top 10px right',
    'top 10px center', 'bottom left 10px', 'bottom right 10px', 'bottom 10px left',
    'bottom 10px right', 'bottom 10px center', 'center left 10px', 'center right 10px',
    'center top 10px', 'center bottom 10px', 'left 10px top 10px', 'left 10px bottom 10px',
    'right 10px top 10px', 'right 10px bottom 10px', 'top 10px left 10px',
    'top 10px right 10px', 'bottom 10px left 10px', 'bottom 10px right 10px',
))


def all_positions() -> list[str]:
    return [" ".join(words) for count in range(1, 5)
            for words in itertools.product(POSITION_WORDS, repeat=count)]


@pytest.mark.parametrize("value", TAKEN)
def test_a_background_chromium_takes_is_kept(value):
    assert background_valid(value)


@pytest.mark.parametrize("value", DROPPED)
def test_a_background_chromium_drops_is_dropped(value):
    assert not background_valid(value)


def test_background_positions_as_chromium_reads_them():
    found = {value for value in all_positions() if background_valid("url(a.png) " + value)}
    assert found == POSITIONS and len(all_positions()) == 1554


@pytest.mark.parametrize(("value", "taken"), [
    ("url(a.png), none", True), ("linear-gradient(red, blue)", True), ("none", True),
    ("url(a.png) no-repeat", False), ("red", False), ("-moz-linear-gradient(red, blue)", False),
    ("url(a.png),", False), ("inherit", True), ("var(--x)", True),
])
def test_background_image_is_a_list_of_images(value, taken):
    assert background_valid(value, images=True) is taken


def test_a_dropped_background_leaves_the_one_before():
    page = Page.from_html("<!DOCTYPE html><style>.a { background: #010203; background: blue "
                          "green } .b { background: #010203; background: -moz-linear-gradient("
                          "top, #fff, #000) }</style><p class=a>a</p><p class=b>b</p>")
    for el in page.root.iter("p"):
        assert tuple(round(c * 255) for c in page.style(el).background_color) == (1, 2, 3, 255)


@pytest.mark.parametrize(("value", "taken"), [
    # a URL is one token, whatever it holds: a comma, a slash, a parenthesis in quotes
    ("url('a b,c.png') no-repeat red", True), ('url("x/y(1).png") 0 0 / cover', True),
    ("url(data:image/png;base64,iVBOR/w0K+Gg==) no-repeat, red", True),
    ("url(a.png) url('b,c.png')", False), ("url( a.png ) red blue", False),
])
def test_urls_are_read_whole(value, taken):
    assert background_valid(value) is taken


@pytest.mark.parametrize("value", GRADIENTS_TAKEN)
def test_a_gradient_chromium_takes_is_an_image(value):
    assert background_valid(value, images=True)
    assert background_valid(f"{value} no-repeat, #fff")


@pytest.mark.parametrize("value", GRADIENTS_DROPPED)
def test_a_gradient_chromium_drops_is_dropped(value):
    assert not background_valid(value, images=True)
    assert not background_valid(f"{value} no-repeat, #fff")


# Font sizes and families, as Chromium 156's CSS.supports() answers (a number without a unit
# is left undecided: a page in quirks mode takes it)
FONT_SIZES = [
    ("12px", True), ("0", True), ("1.2.3em", False), ("12px 14px", False), ("bigger", False),
    ("calc(10px + 2px)", True), ("min(1em, 2vw)", True), ("1E1px", True), ("+1px", True),
    (".5em", True), ("1.em", False), ("math", True), ("MEDIUM", True), ("larger", True),
    ("xxx-large", True), ("50%", True), ("clamp(1rem, 2vw, 3rem)", True), ("foo(1px)", False),
    ("1PX", True), ("round(1.5px, 1px)", True), ("inherit 1px", False), ("12px !ie", False),
    ("1cqmin", True), ("1dvh", True), ("1rlh", True), ("1x", False), ("1deg", False),
    ("1fr", False), ("var(--s)", True),
]


@pytest.mark.parametrize(("value", "taken"), FONT_SIZES)
def test_font_sizes_as_chromium_reads_them(value, taken):
    from a11y_audit.semantics.css import font_size_valid
    assert font_size_valid(value) is taken


FAMILIES = [
    ("Georgia, serif", True), ('"Helvetica Neue", Arial', True), ("'A, B', serif", True),
    ("Georgia,", False), (", serif", False), ("a,, b", False), ("var(--f),", True),
]


@pytest.mark.parametrize(("value", "taken"), FAMILIES)
def test_font_family_lists_as_chromium_reads_them(value, taken):
    from a11y_audit.semantics.css import family_list_valid
    assert family_list_valid(value) is taken


def test_a_dropped_font_size_or_family_leaves_the_one_before():
    page = Page.from_html(
        "<!DOCTYPE html><style>.a { font-size: 30px; font-size: 1.2.3em } .b { font-size: 30px;"
        " font-size: bigger } .c { font: 30px serif; font: 12px Georgia, } .d { font-size: 30px;"
        " font-size: 12px 14px }</style><p class=a>a</p><p class=b>b</p><p class=c>c</p>"
        "<p class=d>d</p>")
    assert [page.style(el).font_size for el in page.root.iter("p")] == [30.0] * 4
