"""Cascade layers as Chromium orders them, ``@import`` into a layer, and stylesheets given as
``data:`` URLs. (tests/test_styles_browser.py holds the same against Chromium itself.)"""

from __future__ import annotations

import base64
import random
from pathlib import Path

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.cascade import StyleEnvironment, _layer_ranks, cascade_of, data_url_css
from a11y_audit.semantics.css import Import, parse_stylesheet


def colour_of(page: Page, ident: str = "t") -> tuple[int, ...]:
    style = page.style(page.root.xpath(f"//*[@id='{ident}']")[0])
    return tuple(round(channel * 255) for channel in style.color[:3])


def page_of(*sheets: str, body: str = '<p id="t" class="a">x</p>', **env: object) -> Page:
    styles = "".join(f"<style>{sheet}</style>" for sheet in sheets)
    page = Page.from_html(f"<!DOCTYPE html><html><head>{styles}</head><body>{body}</body></html>",
                          source="page.html")
    page.style_environment = StyleEnvironment(**env)  # type: ignore[arg-type]
    return page


@pytest.mark.parametrize(("order", "expected"), [
    # a layer's own rules after its sublayers' (its implicit last sublayer)
    (["a", "a.b"], ["a.b", "a"]),
    (["a.b", "a"], ["a.b", "a"]),
    (["a", "b", "a.c", "b.d", "a.c.e"], ["a.c.e", "a.c", "a", "b.d", "b"]),
    # a sublayer declares its parent with it, where it first appears
    (["x.y", "z", "x"], ["x.y", "x", "z"]),
    # repeats keep the first place
    (["b", "a", "b", "a"], ["b", "a"]),
])
def test_layer_ranks_put_sublayers_before_their_layer(order, expected):
    ranks = _layer_ranks(order)
    assert sorted(ranks, key=ranks.__getitem__) == expected


def _ranked_by_walk(order: list[str]) -> dict[str, int]:
    """Every layer's rank by the definition: the tree of the names, its nodes numbered
    after their sublayers, in order of first appearance."""
    tree: dict = {}
    for name in order:
        node = tree
        for part in name.split("."):
            node = node.setdefault(part, {})
    ranks: dict[str, int] = {}

    def walk(node: dict, prefix: str) -> None:
        for part, sublayers in node.items():
            full = f"{prefix}.{part}" if prefix else part
            walk(sublayers, full)
            ranks[full] = len(ranks)

    walk(tree, "")
    return ranks


def test_layer_ranks_are_the_walks_for_every_name_declared():
    rng = random.Random(3)
    for _ in range(300):
        order = [".".join(rng.choice("abc") for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(1, 8))]
        walked = _ranked_by_walk(order)
        assert _layer_ranks(order) == {name: walked[name] for name in order}


def test_a_layer_named_with_thousands_of_parts_is_ranked():
    name = ".".join(f"l{i}" for i in range(20_000))
    # the named layer before its 19,999 parents, then "b"
    assert _layer_ranks(["a", name, "b"]) == {"a": 0, name: 1, "b": 20_001}
    page = page_of(f"@layer {name} {{ .a {{ color: #010000 }} }} .a {{ color: #020000 }}")
    assert colour_of(page) == (2, 0, 0)


@pytest.mark.parametrize(("css", "expected"), [
    # the layer's own rule wins over its sublayer's, written after or before it
    ("@layer l { .a { color: #010000 } @layer s { .a { color: #020000 } } }", (1, 0, 0)),
    ("@layer l { @layer s { .a { color: #020000 } } .a { color: #010000 } }", (1, 0, 0)),
    ("@layer l.s { .a { color: #020000 } } @layer l { .a { color: #010000 } }", (1, 0, 0)),
    # ... and loses to it with !important
    ("@layer l { .a { color: #010000 !important } @layer s { .a { color: #020000 !important } } }",
     (2, 0, 0)),
    # an anonymous layer is a layer of its own, with sublayers of its own
    ("@layer { .a { color: #010000 } @layer q { .a { color: #020000 } } }", (1, 0, 0)),
    ("@layer { .a { color: #010000 } } @layer { .a { color: #020000 } } @layer n {"
     " .a { color: #030000 } }", (3, 0, 0)),
])
def test_nested_and_anonymous_layers(css, expected):
    assert colour_of(page_of(css)) == expected


def test_each_sheets_anonymous_layers_are_their_own():
    # the second sheet's anonymous layer comes after the first sheet's layer h: it wins
    page = page_of("@layer { .a { color: #010000 } } @layer h { .a { color: #020000 } }",
                   "@layer { .a { color: #030000 } }")
    assert colour_of(page) == (3, 0, 0)
    # the same sheet parsed again (a site's sheet) names them as before: ranks stay stable
    again = parse_stylesheet("@layer { .b { color: red } }")
    assert again.layers == parse_stylesheet("@layer { .b { color: red } }").layers


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def local_page(folder: Path, css: str, body: str = '<p id="t" class="a">x</p>') -> Page:
    file = folder / "story.html"
    file.write_text(f"<!DOCTYPE html><html><head><style>{css}</style></head><body>{body}"
                    "</body></html>", encoding="utf-8")
    page = Page.from_html(file.read_bytes(), source=str(file))
    page.style_environment = StyleEnvironment(missing_stylesheets="ignore")
    return page


def test_an_import_puts_its_sheet_in_its_layer(tmp_path: Path):
    write(tmp_path, "lib.css", ".a { color: #010000 } .b { color: #010000 }"
          " @layer inner { .c { color: #010000 } }")
    # the imported rules are in layer "lib": the page's unlayered rule wins, and so does
    # lib's own rule over its sublayer lib.inner
    page = local_page(tmp_path, '@import url("lib.css") layer(lib);'
                      " .a { color: #020000 } @layer first { .b { color: #020000 } }"
                      " @layer lib.inner { .c { color: #020000 } } @layer lib {"
                      " .c { color: #030000 } }",
                      '<p id="t" class="a">a</p><p id="b" class="b">b</p>'
                      '<p id="c" class="c">c</p>')
    assert colour_of(page) == (2, 0, 0)
    assert colour_of(page, "b") == (2, 0, 0)     # "first" is declared after "lib"
    assert colour_of(page, "c") == (3, 0, 0)
    # declared first by an @layer statement before the import, "first" comes before "lib"
    page = local_page(tmp_path, '@layer first; @import "lib.css" layer(lib);'
                      " @layer first { .b { color: #020000 } }",
                      '<p id="t" class="b">b</p>')
    assert colour_of(page) == (1, 0, 0)
    # an anonymous import layer: below the page's unlayered rules, above for !important
    write(tmp_path, "imp.css", ".a { color: #010000 !important }")
    page = local_page(tmp_path, '@import "imp.css" layer; .a { color: #020000 !important }')
    assert colour_of(page) == (1, 0, 0)


def test_import_layers_nest_and_follow_the_imports_conditions(tmp_path: Path):
    write(tmp_path, "inner.css", ".a { color: #010000 }")
    write(tmp_path, "outer.css", '@import "inner.css" layer(deep); .b { color: #010000 }')
    page = local_page(tmp_path, '@import "outer.css" layer(out);'
                      " @layer out.deep { .a { color: #020000 } } @layer out {"
                      " .b { color: #020000 } }",
                      '<p id="t" class="a">a</p><p id="b" class="b">b</p>')
    assert colour_of(page) == (2, 0, 0)          # the same layer, out.deep: later wins
    assert colour_of(page, "b") == (2, 0, 0)
    # a failed import still declares its layer; one whose media does not apply does not
    body = '<p id="t" class="a">a</p>'
    page = local_page(tmp_path, '@import "gone.css" layer(c); @layer a { .a { color: #010000 } }'
                      " @layer c { .a { color: #020000 } }", body)
    assert colour_of(page) == (1, 0, 0)          # c, a: a wins
    page = local_page(tmp_path, '@import "inner.css" layer(c) print; @layer a {'
                      " .a { color: #030000 } } @layer c { .a { color: #020000 } }", body)
    assert colour_of(page) == (2, 0, 0)          # a, c: c wins
    # an @import after a block is ignored
    page = local_page(tmp_path, '.x { color: red } @import "inner.css";', body)
    assert colour_of(page) == (0, 0, 0)


def test_imports_keep_their_layer_and_the_layers_declared_before_them():
    sheet = parse_stylesheet('@layer a, b; @import url("x.css") layer(b.c) screen;'
                             ' @layer d; @import "y.css" layer; @import "z.css" print;')
    first, second = sheet.imports
    assert first == Import("x.css", "b.c", ("a", "b"))
    assert second.url == "y.css" and second.layer is not None
    assert second.layer.startswith("\0anonymous") and second.after == ("a", "b", "d")
    inner = parse_stylesheet('@import "w.css" layer(x); @layer y { .a { color: red } }'
                             " .b { color: red }", layer="lib")
    assert inner.imports == [Import("w.css", "lib.x")]
    assert inner.layers == ["lib", "lib.y"]
    assert [(rule[0], rule[2]) for rule in inner.raw] == [(".a", "lib.y"), (".b", "lib")]


CSS = ".a { color: rgb(1, 0, 0) }"


@pytest.mark.parametrize(("url", "expected"), [
    ("data:text/css,.a%7Bcolor:red%7D", ".a{color:red}"),
    ("data:text/css,.a{color:red}#fragment", ".a{color:red}"),
    ("data:TEXT/CSS ; charset=utf-8,%C3%A9", "é"),
    ("data:text/css;charset=latin-1,%E9", "é"),
    ("data:text/css;charset=no-such-charset,x", "x"),
    ("data:text/css;base64," + base64.b64encode(CSS.encode()).decode(), CSS),
    ("data:text/css;base64, " + base64.b64encode(CSS.encode()).decode()[:-1], CSS),
    ("data:text/css;BASE64,LmE=", ".a"),
    ("data:text/css;base64,LmE", ".a"),
    # no CSS: bad base64, no comma, or another type (a page with a doctype ignores it)
    ("data:text/css;base64,!!!", None),
    ("data:text/css;base64,LmE=a", None),
    ("data:text/css;base64,L", None),
    ("data:text/css", None),
    ("data:text/plain,.a{}", None),
    ("data:,.a{}", None),
])
def test_data_url_stylesheets(url, expected):
    assert data_url_css(url) == expected


def test_a_page_reads_its_data_url_stylesheets():
    page = Page.from_html('<!DOCTYPE html><link rel="stylesheet" href="data:text/css,.a%7B'
                          'color:rgb(1,0,0)%7D"><style>@import "data:text/css;base64,'
                          + base64.b64encode(b".b{color:rgb(2,0,0)}").decode() + '";</style>'
                          '<link rel="stylesheet" href="data:text/plain,.c{color:red}">'
                          '<p id="t" class="a">a</p><p id="b" class="b">b</p>')
    page.style_environment = StyleEnvironment()
    assert colour_of(page) == (1, 0, 0)
    assert colour_of(page, "b") == (2, 0, 0)
    # a sheet of another type is one that cannot be had: named, shortened, in the report
    assert cascade_of(page).missing == ["data:text/plain,.c{color:red}"]
    long = "data:text/plain," + "x" * 200
    assert StyleEnvironment().load(long, None) == (long[:79] + "\u2026", None)
