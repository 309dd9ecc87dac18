"""Colours of every CSS Color 4 space, ``color-mix()``, relative colours and ``light-dark()``
as the sRGB a screen shows. The expected pixels are Chromium 156's, painted on a canvas
(8-bit sRGB); tests/test_styles_browser.py paints them again and holds a page of them to the
browser's computed styles."""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics import cascade, colors
from a11y_audit.semantics.cascade import parse_color

# (colour, Chromium's canvas pixel: red, green, blue, alpha 0-255)
PAINTED = [
    ("oklch(21% 0.034 264.665)", (16, 24, 40, 255)),        # Tailwind 4's gray-900
    ("oklch(0.637 0.237 25.331)", (251, 44, 54, 255)),       # red-500: outside sRGB, clipped
    ("oklch(0.985 0.002 247.839)", (249, 250, 251, 255)),
    ("oklch(50% 0.1 200)", (0, 116, 122, 255)),
    ("lab(50% 20 30)", (161, 105, 69, 255)),
    ("lch(50% 30 200)", (29, 132, 135, 255)),
    ("oklab(0.5 0.1 0.1)", (161, 66, 3, 255)),
    ("color(display-p3 1 0 0)", (255, 0, 0, 255)),
    ("color(display-p3 0.2 0.8 0.3)", (0, 208, 50, 255)),
    ("color(rec2020 0.5 0.3 0.2)", (163, 83, 61, 255)),
    ("color(prophoto-rgb 0.5 0.3 0.2)", (185, 77, 59, 255)),
    ("color(a98-rgb 0.5 0.3 0.2)", (143, 75, 46, 255)),
    ("color(xyz 0.2 0.3 0.4)", (0, 167, 164, 255)),
    ("color(xyz-d50 0.2 0.3 0.4)", (0, 168, 189, 255)),
    ("color(srgb-linear 0.2 0.5 0.8)", (124, 188, 231, 255)),
    ("color-mix(in srgb, red 50%, blue)", (128, 0, 128, 255)),
    ("color-mix(in oklab, black 50%, transparent)", (0, 0, 0, 128)),
    ("color-mix(in oklch, white, red)", (255, 161, 145, 255)),
    ("color-mix(in srgb, #0a0 30%, #f00 30%)", (128, 85, 0, 153)),
    ("color-mix(in lch, blue, yellow)", (255, 0, 94, 255)),
    ("color-mix(in lch longer hue, blue, yellow)", (0, 194, 222, 255)),
    ("color-mix(in hsl, red, blue)", (255, 0, 255, 255)),
    ("color-mix(in hsl increasing hue, red, blue)", (0, 255, 0, 255)),
    ("color-mix(in hsl decreasing hue, red, blue)", (255, 0, 255, 255)),
    ("color-mix(in srgb-linear, red, blue)", (188, 0, 188, 255)),
    ("color-mix(in oklch, gray, red)", (198, 99, 86, 255)),
    ("color-mix(in oklch, oklch(0.5 none 120), oklch(0.7 0.1 200))", (66, 146, 107, 255)),
    ("color-mix(in srgb, color-mix(in srgb, red, blue), white)", (191, 128, 191, 255)),
    ("color-mix(in srgb, rgb(255 0 0 / 0.2) 40%, rgb(0 0 255 / 0.8))", (36, 0, 219, 143)),
    # relative colours (CSS Color 5, section 4)
    ("rgb(from #336699 r g b / 50%)", (52, 102, 153, 128)),
    ("rgb(from oklch(0.5 0.1 200) r g b / 0.5)", (0, 116, 122, 128)),
    ("oklch(from #336699 calc(l - 0.1) c h)", (20, 73, 122, 255)),
    ("hsl(from red calc(h + 120) s l)", (0, 255, 0, 255)),
    ("hsl(from #336699 h calc(s + 20) l)", (31, 102, 173, 255)),
    ("lch(from #336699 l c calc(h + 180))", (117, 94, 41, 255)),
    ("oklab(from #336699 l calc(a * -1) b)", (98, 88, 151, 255)),
    ("color(from #336699 srgb calc(r + 0.1) g b / 0.7)", (77, 103, 152, 179)),
    ("color(from #336699 xyz x y z)", (51, 102, 153, 255)),
    ("hwb(from #336699 h calc(w + 10) b)", (77, 115, 153, 255)),
    ("rgb(from red clamp(0, r - 20, 255) min(g, 40) max(b, 10))", (235, 0, 10, 255)),
    ("rgb(from red 50% none b)", (128, 0, 0, 255)),
    ("oklch(from red 50% 50% h)", (186, 12, 7, 255)),
    ("hsl(from red 0.5turn s l)", (0, 255, 255, 255)),
    ("oklch(from red l c h / calc(alpha / 2))", (255, 0, 0, 128)),
    ("rgb(from color-mix(in srgb, red, blue) calc((r + b) / 4) g b)", (64, 0, 128, 255)),
]


def pixel(text: str) -> tuple[int, ...] | None:
    found = parse_color(text)
    return None if found is None else (*(round(c * 255) for c in found[:3]),
                                       round(found[3] * 255))


@pytest.mark.parametrize(("text", "painted"), PAINTED)
def test_a_colour_of_any_space_is_the_srgb_chromium_paints(text, painted):
    ours = pixel(text)
    assert ours is not None
    assert all(abs(a - b) <= 1 for a, b in zip(ours, painted, strict=True)), ours


@pytest.mark.parametrize("text", [
    "rgb(from currentcolor r g b)", "rgb(from red r g)", "rgb(from red r g b / foo)",
    "rgb(from red r g b 1)", "rgb(from red calc(r g) g b)", "hsl(from red 10% s l)",
    "light-dark(red, blue)", "color-mix(in oklab, currentcolor, red)",
    "color-mix(in srgb, canvas, red)", "color-mix(in foo, red, blue)", "color-mix(red, blue)",
    "color-mix(in srgb, red 0%, blue 0%)", "color-mix(in srgb, red 120%, blue)",
    "color-mix(in srgb, red, blue, green)", "color-mix(in srgb longer hue, red, blue)",
    "oklch(", "lab(50% 20)",
])
def test_what_is_not_decided_here_is_unknown(text):
    assert parse_color(text) is None


def test_the_spaces_go_there_and_back():
    for space in ("srgb", "srgb-linear", "display-p3", "a98-rgb", "prophoto-rgb", "rec2020",
                  "xyz-d50", "xyz-d65", "lab", "lch", "oklab", "oklch", "hsl", "hwb"):
        xyz = colors.to_xyz("srgb", (0.2, 0.5, 0.7))
        back = colors.to_xyz(space, colors.from_xyz(space, xyz))
        assert all(abs(a - b) < 1e-9 for a, b in zip(xyz, back, strict=True)), space
    # white is white in every space
    assert colors.to_srgb("lab", (100, 0, 0)) == pytest.approx((1, 1, 1), abs=1e-6)
    assert colors.to_srgb("oklch", (1, 0, 0)) == pytest.approx((1, 1, 1), abs=1e-4)


def test_light_dark_is_chosen_by_the_scheme():
    assert colors.light_dark("light-dark(#a00, #0a0)", False) == "#a00"
    assert colors.light_dark("light-dark(#a00, #0a0)", True) == "#0a0"
    assert colors.light_dark("color-mix(in srgb, light-dark(red, blue) 50%, white)", True) == (
        "color-mix(in srgb, blue 50%, white)")
    assert colors.light_dark("light-dark(red)", False) is None


def styles(markup: str) -> dict:
    page = Page.from_html("<!DOCTYPE html>" + markup)
    return {el.get("id"): page.style(el) for el in page.root.iter()
            if isinstance(el.tag, str) and el.get("id")}


RED, GREEN = (2 / 3, 0.0, 0.0, 1.0), (0.0, 2 / 3, 0.0, 1.0)


def test_the_cascade_reads_light_dark_by_the_elements_color_scheme():
    found = styles("""<html><head><style>
      .c { color: light-dark(#a00, #0a0) } .dark { color-scheme: dark }
      .both { color-scheme: light dark } .only { color-scheme: only dark }
      .bg { background: light-dark(#a00, #0a0) url(x.png) }
    </style></head><body>
      <p id="p" class="c">light</p><div class="dark"><p id="d" class="c">dark</p>
      <p id="b" class="bg">bg</p><div class="both"><p id="n" class="c">both</p></div></div>
      <div class="only"><p id="o" class="c">only dark</p></div>
      <p id="s" style="color: light-dark(#a00, #0a0); color-scheme: dark">own, after</p>
      <div class="dark"><a id="a" href="/x">link</a><p id="i">inherited</p></div>
    </body></html>""")
    assert [found[key].color for key in ("p", "d", "n", "o", "s")] == [
        RED, GREEN, RED, GREEN, GREEN]
    assert found["b"].background_color == GREEN
    # in a dark scheme the browser's link colour is its dark LinkText; inherited text keeps
    # its parent's colour
    assert found["a"].color == (158 / 255, 158 / 255, 1.0, 1.0)
    assert found["i"].color == (0.0, 0.0, 0.0, 1.0)


@pytest.mark.parametrize(("meta", "dark"), [
    ("light", False), ("dark", True), ("light dark", False), ("only dark", True), ("", False)])
def test_a_pages_meta_color_scheme_is_its_roots(meta, dark):
    found = styles(f"""<html id="r"><head><meta name="color-scheme" content="{meta}">
      <style>.c {{ color: light-dark(#a00, #0a0) }}</style></head>
      <body id="b"><p id="p" class="c">x</p><p id="t">text</p></body></html>""")
    assert found["p"].color == (GREEN if dark else RED)
    # the root's text is the scheme's CanvasText: white in dark, inherited
    text = (1.0, 1.0, 1.0, 1.0) if dark else (0.0, 0.0, 0.0, 1.0)
    assert (found["r"].color, found["t"].color) == (text, text)


def test_contrast_in_a_dark_scheme_is_judged_on_the_dark_canvas_and_control_faces():
    from a11y_audit.engine import audit_html
    report = audit_html("""<!DOCTYPE html><html lang="en"><head><title>t</title>
      <meta name="color-scheme" content="dark"></head><body><main>
      <p style="color: #666">grey on the dark canvas</p><p>default text</p>
      <p style="color: #fff; background: #000">white on black</p>
      <button>Subscribe</button><button style="color: #999">Grey button</button>
      <label>Email <input value="you@example.com"></label></main></body></html>""",
                        rules=["color-contrast"])
    outcomes = [(finding.snippet.split(">")[1][:4], finding.outcome)
                for finding in report.findings]
    # #666 on Chromium's dark canvas (#121212) is 3.3:1; the default text is white on it;
    # a button's dark face is #6b6b6b (white on it 5.3:1, #999 1.9:1), a text field's
    # #3b3b3b (white on it 11.4:1)
    assert outcomes == [("grey", "failed"), ("Grey", "failed")]
    assert "#999999 on #6b6b6b" in report.findings[1].message


def test_dark_scheme_form_controls_take_chromiums_dark_colours():
    found = styles("""<html><head><meta name="color-scheme" content="dark"></head><body>
      <button id="b">b <b id="bb">in</b></button><button id="bd" disabled>off</button>
      <input id="f"><input id="fd" disabled><input id="c" type="checkbox">
      <div style="color: #a50"><input id="file" type="file"></div>
      <select id="s"><option>x</option></select>
      <select id="l" size="3"><option id="o1" selected>a</option><option id="o2" selected>b
      </option><option id="o3" disabled>c</option></select>
      <button id="own" style="color: #a00">own</button>
    </body></html>""")
    white, grey = (1.0, 1.0, 1.0, 1.0), (170 / 255,) * 3 + (1.0,)
    face, field = (107 / 255,) * 3 + (1.0,), (59 / 255,) * 3 + (1.0,)
    assert (found["b"].color, found["b"].background_color) == (white, face)
    assert found["bb"].color == white       # (inherited from the button, already dark)
    assert found["bd"].color == (1.0, 1.0, 1.0, 0.3)
    assert (found["f"].color, found["f"].background_color) == (white, field)
    assert (found["fd"].color, found["fd"].background_color) == (grey, (*field[:3], 0.3))
    assert (found["c"].color, found["c"].background_color) == (white, (0.0, 0.0, 0.0, 0.0))
    assert found["file"].color == (0xaa / 255, 0x55 / 255, 0.0, 1.0)    # inherited
    assert (found["s"].color, found["s"].background_color) == (white, face)
    assert (found["l"].color, found["l"].background_color) == (white, field)
    # in a list box without multiple, the last option marked selected is the selected one
    selected = (84 / 255,) * 3 + (1.0,)
    assert (found["o1"].background_color, found["o2"].background_color) == (
        (0.0, 0.0, 0.0, 0.0), selected)
    assert found["o3"].color == grey
    # the page's own colour wins; the face stays the dark one
    assert (found["own"].color, found["own"].background_color) == (
        (0xaa / 255, 0.0, 0.0, 1.0), face)


def test_system_colours_are_read_by_the_elements_scheme():
    found = styles("""<html><body>
      <p id="l" style="color: CanvasText; background: Canvas">light</p>
      <div style="color-scheme: dark"><p id="d" style="color: CanvasText; background: Canvas">
      dark</p><p id="k" style="color: LinkText; background-color: ButtonFace">k</p></div>
      <p id="h" style="color: Highlight; background: AccentColor">platform</p>
    </body></html>""")
    white, black = (1.0, 1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 1.0)
    assert (found["l"].color, found["l"].background_color) == (black, white)
    assert (found["d"].color, found["d"].background_color) == (white, (18 / 255,) * 3 + (1.0,))
    assert found["k"].color == (158 / 255, 158 / 255, 1.0, 1.0)
    assert found["k"].background_color == (107 / 255,) * 3 + (1.0,)
    # the platform's colours (selection, accent) are not known
    assert (found["h"].color, found["h"].background_color) == (None, None)


@pytest.mark.parametrize("depth", [50, 3000])
def test_colours_nested_past_the_stack_are_unknown_not_a_crash(depth):
    mixed = "color-mix(in srgb, " * depth + "red" + ", blue)" * depth
    relative = "rgb(from " * depth + "red" + " r g b)" * depth
    chosen = "light-dark(" * depth + "red" + ", blue)" * depth
    page = Page.from_html('<!DOCTYPE html><p style="color: light-dark(red, blue)">c</p>')
    style = page.style(page.by_tag["p"][0])
    if depth == 50:
        assert parse_color(mixed) is not None and parse_color(relative) == (1, 0, 0, 1)
        assert colors.light_dark(chosen, False) == "red"
    else:
        assert (parse_color(mixed), parse_color(relative)) == (None, None)
    assert cascade._paint(chosen, chosen.lower(), style) == (
        None if depth > 50 else (1, 0, 0, 1))
