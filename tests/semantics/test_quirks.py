"""Quirks mode: a page without a doctype (or with an obsolete one) renders as browsers rendered
pages before CSS 2, and its CSS is read so too (the Quirks Mode Standard, 3.3 and 3.4; HTML,
"Tables"). The expected values are Chromium 156's computed styles of the same declarations
on a page with and without ``<!DOCTYPE html>``; tests/test_styles_browser.py loads a page of
them in the browser in both modes."""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.css import parse_declarations, parse_stylesheet, quirky_value
from a11y_audit.semantics.document import quirks_mode
from a11y_audit.semantics.supports import supports

STANDARD = "<!DOCTYPE html>"

# Doctypes and the mode HTML's parser sets for them (tests/test_styles_browser.py asks
# Chromium's document.compatMode for each)
DOCTYPES = [
    ("", True),
    ("<!DOCTYPE html>", False),
    ("<!doctype HTML>", False),
    ('<!DOCTYPE html SYSTEM "about:legacy-compat">', False),
    ("<!DOCTYPE>", True),
    ("<!DOCTYPE svg>", True),
    ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">', True),
    ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">', True),
    ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', True),
    ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
     '"http://www.w3.org/TR/html4/loose.dtd">', False),          # limited-quirks mode
    ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" '
     '"http://www.w3.org/TR/html4/strict.dtd">', False),
    ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
     '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">', False),  # limited
    ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
     '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">', False),
    ('<!DOCTYPE html PUBLIC "HTML">', True),
    ('<!DOCTYPE html PUBLIC "-//IETF//DTD HTML 2.0//EN">', True),
    ('<!DOCTYPE html PUBLIC "-//w3c//dtd html 4.0 frameset//en">', True),
    ('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">', True),
    ('<!DOCTYPE html SYSTEM "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd">',
     True),
    ("<!-- a comment first --><!DOCTYPE html>", False),
]


@pytest.mark.parametrize(("doctype", "quirks"), DOCTYPES)
def test_the_doctype_sets_quirks_mode_as_htmls_parser_does(doctype, quirks):
    page = Page.from_html(doctype + "<html><body><p>x</p></body></html>")
    assert quirks_mode(page.root) is quirks
    assert quirks_mode(page.by_tag["p"][0]) is quirks


# (declaration, what a page in quirks mode reads, what a page in no-quirks mode reads; None:
# dropped). Chromium 156's computed values of each, in both modes.
VALUES = [
    # numbers without a unit: px in quirks mode, invalid otherwise (0 is a length in both)
    ("font-size: 13", "13px", None),
    ("font-size: 13.5", "13.5px", None),
    ("font-size: 0", "0", "0"),
    ("font-size: -13", None, None),
    ("width: 50", "50px", None),
    ("width: +50", "+50px", None),
    ("width: 1e2", "1e2px", None),
    ("width: 50 !important", "50px", None),
    ("height: 50", "50px", None),
    ("max-width: 50", "50px", None),
    ("max-height: 50", "50px", None),
    ("left: -9999", "-9999px", None),
    ("top: 50", "50px", None),
    ("right: 50", "50px", None),
    ("bottom: 50", "50px", None),
    ("text-indent: -999", "-999px", None),
    ("letter-spacing: 3", "3px", None),
    ("word-spacing: 3", "3px", None),
    ("border-width: 3 5", "3px 5px", None),
    ("border-top-width: 4", "4px", None),
    ("clip: rect(1 2 3 4)", "rect(1px, 2px, 3px, 4px)", None),
    ("clip: rect(1px, 2, 3px, 4px)", "rect(1px, 2px, 3px, 4px)", None),
    ("clip: rect(0 0 0 0)", "rect(0 0 0 0)", "rect(0 0 0 0)"),
    ("width: calc(50 + 1px)", "calc(50 + 1px)", "calc(50 + 1px)"),   # (no quirk inside)
    ("width: 50px", "50px", "50px"),
    # no quirk in a shorthand, nor in a property the standard does not list
    ("inset: 50", "50", "50"),
    ("line-height: 3", "3", "3"),
    # colours without "#": an identifier of 3 or 6 hex digits; an integer (with a unit or
    # not), 0 <= n < 1,000,000, its digits and unit made 6 hex digits with zeros before
    ("color: ff0000", "#ff0000", None),
    ("color: ABCDEF", "#abcdef", None),
    ("color: abc !important", "#abc", None),
    ("color: 123", "#000123", None),
    ("color: 000123", "#000123", None),
    ("color: 0000001", "#000001", None),
    ("color: 12345", "#012345", None),
    ("color: 12a", "#00012a", None),
    ("color: 1e", "#00001e", None),
    ("color: 00ff00", "#00ff00", None),
    ("color: +12", "#000012", None),
    ("background-color: 0f0", "#0000f0", None),
    ("border-color: f00 0f0", "#f00 #0000f0", "f00 0f0"),
    ("border-top-color: f00", "#f00", "f00"),
    ("color: abcd", None, None),
    ("color: 1e3", None, None),
    ("color: 12E3", None, None),
    ("color: 1234567", None, None),
    ("color: -123", None, None),
    ("color: 1.5", None, None),
    ("color: 12345g", None, None),
    ("color: red", "red", "red"),
    ("color: #abc", "#abc", "#abc"),
]


@pytest.mark.parametrize(("declaration", "quirks_value", "standard_value"), VALUES)
def test_numbers_without_units_and_colours_without_hashes_are_read_by_the_mode(
        declaration, quirks_value, standard_value):
    name = declaration.partition(":")[0]
    for quirks, expected in ((True, quirks_value), (False, standard_value)):
        found = parse_declarations(declaration, quirks)
        assert [value for _, value, _ in found] == ([] if expected is None else [expected]), (
            quirks)
        assert all(prop == name for prop, _, _ in found)
    # (the same with a string in the block: the declaration pattern's path)
    for quirks in (True, False):
        assert parse_declarations(declaration + '; --x: ";"', quirks)[:-1] == (
            parse_declarations(declaration, quirks))


def test_quirky_value_leaves_what_it_does_not_read_as_it_is():
    assert quirky_value("width", "auto", False) == "auto"
    assert quirky_value("width", "var(--w)", False) == "var(--w)"
    assert quirky_value("width", "50", False) is None
    assert quirky_value("color", "ff0000", False) == "ff0000"   # (the colour check drops it)
    assert quirky_value("color", "ff0000 00ff00", True) == "ff0000 00ff00"   # (one value)
    assert quirky_value("clip", "auto", True) == "auto"


def style_of(markup: str, standard: bool = False):
    page = Page.from_html((STANDARD if standard else "") + markup)
    return {el.get("id"): page.style(el) for el in page.root.iter()
            if isinstance(el.tag, str) and el.get("id")}


def test_a_table_in_quirks_mode_resets_its_font_and_takes_the_bodys_colour():
    markup = """<html><head><style>
      body { color: #c00; font: bold italic 12px Georgia }
      .blue { color: #00c; font-size: 20px; font-weight: 300 }
      .inherit td { font-size: inherit }
    </style></head><body>
      <table id="t1"><tr><td id="c1">cell</td></tr></table>
      <div class="blue"><table id="t2"><caption id="cap">c</caption><tr>
        <th id="th">h</th><td><b id="b">b</b></td></tr></table></div>
      <table id="t3" style="font-size: 10px; color: #0a0"><tr><td id="c3">x</td></tr></table>
      <div style="font-family: monospace"><table id="t4"><tr><td>m</td></tr></table></div>
      <table class="inherit"><tr><td id="c5">i</td></tr></table>
      <div class="blue"><table id="t6" style="color: revert"><tr><td>r</td></tr></table></div>
      <div class="blue"><table id="t7" style="color: inherit; font-weight: inherit">
        <tr><td>i</td></tr></table></div>
    </body></html>"""
    red, blue, green = (0.8, 0.0, 0.0, 1.0), (0.0, 0.0, 0.8, 1.0), (0.0, 2 / 3, 0.0, 1.0)
    quirks, standard = style_of(markup), style_of(markup, standard=True)
    for key in ("t1", "c1", "t2", "cap", "c5"):
        assert (quirks[key].font_size, quirks[key].font_weight, quirks[key].color) == (
            16.0, 400, red), key
        assert quirks[key].values.get("font-style") in (None, "normal"), key
    assert (quirks["th"].font_size, quirks["th"].font_weight) == (16.0, 700)
    assert (quirks["b"].font_weight, quirks["c3"].font_size, quirks["c3"].color) == (
        700, 10.0, green)
    assert quirks["t4"].font_size == 13.0       # medium, in the monospace family
    assert quirks["t6"].color == red            # revert: the browser's, the body's colour
    assert (quirks["t7"].color, quirks["t7"].font_weight) == (blue, 300)
    assert quirks["t1"].origin["color"] == "the browser's default"
    # with a doctype, a table inherits its font and colour
    assert (standard["t1"].font_size, standard["t1"].font_weight, standard["t1"].color) == (
        12.0, 700, red)
    assert (standard["t2"].font_size, standard["t2"].color, standard["th"].font_size) == (
        20.0, blue, 20.0)
    assert standard["t4"].font_size == 12.0


def test_the_page_reads_its_styles_by_its_mode():
    markup = """<html><head><style>
      .k1 { color: 00aa00 } .u1 { font-size: 13 } .w { width: 1; height: 1; overflow: hidden;
      position: absolute; clip: rect(0 0 0 0) }
      @supports (width: 50) { .s1 { color: #0a0 } }
      @supports (color: ff0000) { .s2 { color: #0a0 } }
      @media (min-width: 100) { .m1 { color: #0a0 } }
    </style></head><body style="color: #c00">
      <p id="k1" class="k1">k</p><p id="u1" class="u1">u</p><p id="s1" class="s1">s</p>
      <p id="s2" class="s2">s</p><p id="m1" class="m1">m</p>
      <p id="a1" style="color: 0000cc; font-size: 13.5">a</p>
      <p id="f1" style="font: 14 serif; font-weight: 300">f</p>
    </body></html>"""
    quirks, standard = style_of(markup), style_of(markup, standard=True)
    green, red, blue = (0.0, 2 / 3, 0.0, 1.0), (0.8, 0.0, 0.0, 1.0), (0.0, 0.0, 0.8, 1.0)
    assert [quirks[key].color for key in ("k1", "s1", "s2", "m1", "a1")] == [
        green, green, green, red, blue]
    assert [standard[key].color for key in ("k1", "s1", "s2", "m1", "a1")] == [red] * 5
    assert (quirks["u1"].font_size, quirks["a1"].font_size) == (13.0, 13.5)
    assert (standard["u1"].font_size, standard["a1"].font_size) == (16.0, 16.0)
    # the font shorthand takes no quirk: dropped in both modes
    for styles in (quirks, standard):
        assert (styles["f1"].font_size, styles["f1"].font_weight) == (16.0, 300)


def test_supports_and_shared_sheets_are_read_per_mode():
    assert supports("(width: 50)", True) and not supports("(width: 50)")
    assert supports("(color: ff0000)", True) and not supports("(color: ff0000)")
    assert supports("(font: 14px serif)", True) and supports("(width: 50px)")
    css = ".x { width: 50; color: abc }"
    quirky, standard = parse_stylesheet(css, quirks=True), parse_stylesheet(css)
    assert quirky is not standard and quirky.quirks and not standard.quirks
    assert [rule.declarations for rule in quirky.index()[".x"]] == [
        (("width", "50px", False), ("color", "#abc", False))]
    assert standard.index() == {}           # (both declarations dropped: no rule left)


@pytest.mark.parametrize("value", ["red 10 10", "#ff0 10px 10", "url(a.png) 5"])
def test_a_background_position_without_a_unit_is_dropped_in_both_modes(value):
    for quirks in (True, False):
        assert parse_declarations(f"background: {value}", quirks) == ()
    assert parse_declarations("background: red 0 0") == (("background", "red 0 0", False),)


def test_a_number_before_the_font_size_in_the_shorthand_is_its_weight():
    page = Page.from_html(STANDARD + '<p id="p" style="font: 450 15px serif">x</p>'
                          '<p id="q" style="font-weight: 300; font: bold 14/2 serif">y</p>')
    styles = {el.get("id"): page.style(el) for el in page.by_tag["p"]}
    assert (styles["p"].font_weight, styles["p"].font_size) == (450, 15.0)
    assert (styles["q"].font_weight, styles["q"].font_size) == (300, 16.0)
