"""semantics.visibility: the one top-down walk and its shortcuts.

Most elements take a shortcut in the walk: they share their parent's state when no rule of the
page that could hide them applies (Cascade.key_hides, Cascade.shown_as_parent). These tests pin
the answers on the cases where a shortcut could go wrong, and check every element of each page
against the full per-element step (the path taken for elements the walk did not see)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from a11y_audit.page import Page
from a11y_audit.semantics.cascade import _subject_attribute, cascade_of
from a11y_audit.semantics.selectors import compile_selector
from a11y_audit.semantics.visibility import _ROOT_CARRY, Visibility

# (css, body, {id: (not displayed, visibility hidden, hidden from AT)})
CASES = [
    # a rule keyed by a tag hides only where its context matches
    (".closed li{display:none}",
     '<ul class="closed"><li id="a">a</li></ul><ul><li id="b">b</li></ul>',
     {"a": (True, False, False), "b": (False, False, False)}),
    # a box rule never hides, even when it is the only rule of the element's keys...
    (".card{display:flex} div{display:block}", '<div class="card" id="a"><p id="b">x</p></div>',
     {"a": (False, False, False), "b": (False, False, False)}),
    # ...but it shows what the browser's defaults hide
    (".shown{display:block}", '<p class="shown" hidden id="a">x</p><p hidden id="b">y</p>',
     {"a": (False, False, False), "b": (True, False, False)}),
    # a later box rule beats a hiding one of the same key; a more specific one too
    (".x{display:none} .x{display:block} .y{display:none} p.y{display:grid}",
     '<p class="x" id="a">a</p><p class="y" id="b">b</p><span class="y" id="c">c</span>',
     {"a": (False, False, False), "b": (False, False, False), "c": (True, False, False)}),
    # a rule needing two classes hides only elements that carry both
    (".a.b{display:none}", '<p class="a" id="a">a</p><p class="b a" id="b">b</p>',
     {"a": (False, False, False), "b": (True, False, False)}),
    # id rules, universal rules, unknown values
    ("#gone{display:none} *{visibility:visible}", '<p id="gone">a</p><p id="kept">b</p>',
     {"gone": (True, False, False), "kept": (False, False, False)}),
    (".v{display:var(--d)}", '<div style="--d:none"><p class="v" id="a">x</p></div>',
     {"a": (True, False, False)}),
    # visibility inherits through plain elements and can be set back
    (".h{visibility:hidden} .s{visibility:visible}",
     '<div class="h"><div><p id="a">a</p><p class="s" id="b"><i id="c">c</i></p></div></div>',
     {"a": (False, True, False), "b": (False, False, False), "c": (False, False, False)}),
    # content-visibility hides the children, not the element; a closed details its content
    (".cv{content-visibility:hidden}",
     '<div class="cv" id="a"><p id="b">x</p></div>'
     '<details id="c"><summary id="d">s</summary><p id="e">x</p></details>',
     {"a": (False, False, False), "b": (True, False, False), "c": (False, False, False),
      "d": (False, False, False), "e": (True, False, False)}),
    # aria-hidden and inert pass down; a style attribute decides on its element
    ("", '<div aria-hidden=" TRUE "><p id="a">a</p></div><div inert><p id="b">b</p></div>'
         '<p style="display:none" id="c"><b id="d">d</b></p>',
     {"a": (False, False, True), "b": (False, False, True), "c": (True, False, False),
      "d": (True, False, False)}),
    # a style attribute that sets no rendering property takes the shortcut: it neither
    # shows what a rule hides nor hides, and keeps the inherited visibility
    (".g{display:none} .h{visibility:hidden}",
     '<p class="g" style="color:red" id="a">a</p><div class="h"><p style="font-size:9px"'
     ' id="b">b</p><p style="color:red; Visibility: visible" id="c">c</p></div>'
     '<p style="--display:none; width:0" id="d">d</p><p hidden style="color:red" id="e">e</p>',
     {"a": (True, False, False), "b": (False, True, False), "c": (False, False, False),
      "d": (False, False, False), "e": (True, False, False)}),
    # hiding keys of every kind read from the page's indexes: an id, a class word among
    # others (with its context), a tag whose defaults also matter, and a tag with its own
    ("#a{visibility:hidden} .x .y{display:none} input{display:none} b{display:none}",
     '<p id="a"><i id="f">a</i></p><div class="x"><p class="z y" id="b">b</p></div>'
     '<p class="w y" id="c">c<b id="g">g</b></p><input id="d"><p id="e">e</p>',
     {"a": (False, True, False), "f": (False, True, False), "b": (True, False, False),
      "c": (False, False, False), "g": (True, False, False), "d": (True, False, False),
      "e": (False, False, False)}),
    # what a parent passes on besides the usual (an inherited visibility, a closed details)
    # reaches plain descendants, keyed ones and aria-hidden ones alike
    (".h{visibility:hidden} .k{display:block}",
     '<div class="h"><section><p class="k" id="a"><i id="b">b</i></p></section></div>'
     '<details><div><p aria-hidden="true" id="c">c<b id="d">d</b></p></div></details>',
     {"a": (False, True, False), "b": (False, True, False), "c": (True, False, True),
      "d": (True, False, True)}),
    # a last compound of attribute or :not() parts only is keyed by no word of its own: the
    # word before it is an ancestor's (".a"), so elements without it are matched too
    (".a [data-x]{display:none} section :not(p){visibility:hidden}",
     '<div class="a"><img data-x="1" id="a"><img id="b"></div><img data-x="2" id="c">'
     '<section><span id="d">d</span><p id="e">e</p></section>',
     {"a": (True, False, False), "b": (False, False, False), "c": (False, False, False),
      "d": (False, True, False), "e": (False, False, False)}),
    # universal rules that end in attribute selectors hide only elements that carry one of
    # their attributes (the walk matches only those against them), in their context, with
    # the attribute's name in any case and values holding spaces, brackets or combinators
    ("[data-ad]{display:none} .a > [data-x='1 2']{visibility:hidden} [DATA-Y]{display:none}"
     " [data-q='a>[b] c']:hover{display:none} [data-r=\"x [y]\"] {display:none}",
     '<p data-ad id="a">a</p><div class="a"><p data-x="1 2" id="b">b<i id="c">c</i></p></div>'
     '<p data-y="" id="d">d</p><p id="e">e</p><div data-x="1 2" id="f"></div>'
     '<p data-q="a>[b] c" id="g">g</p><p data-r="x [y]" id="h"><b id="i">i</b></p>',
     {"a": (True, False, False), "b": (False, True, False), "c": (False, True, False),
      "d": (True, False, False), "e": (False, False, False), "f": (False, False, False),
      "g": (False, False, False), "h": (True, False, False), "i": (True, False, False)}),
    # ...and those that require nothing of the element but a key of an ancestor only
    # elements under one that carries it (an id, a class, a tag; carriers nested)
    ("[data-z]{display:none} .m > *{display:none} #n .o > i{color:red} #n .o *{visibility:"
     "hidden} ul>*{display:none} .p span > *{visibility:hidden} .q>.r>*{display:none}",
     '<div class="m"><p id="a">a</p><div class="m x"><i id="b">b</i></div></div>'
     '<p data-z id="c">c</p><p id="d">d</p><div id="n"><p class="o"><i id="e">e</i></p></div>'
     '<p class="o"><i id="f">f</i></p><ul><li id="g">g</li></ul><div class="p"><span>'
     '<b id="h">h</b></span></div><span><b id="i">i</b></span><div class="q"><div class="r">'
     '<b id="j">j</b></div><div><b id="k">k</b></div></div>',
     {"a": (True, False, False), "b": (True, False, False), "c": (True, False, False),
      "d": (False, False, False), "e": (False, True, False), "f": (False, False, False),
      "g": (True, False, False), "h": (False, True, False), "i": (False, False, False),
      "j": (True, False, False), "k": (False, False, False)}),
    # ...but every element when one such rule requires nothing of the element or its
    # ancestors (a sibling's key is not an ancestor's)
    ("[data-z]{display:none} .k + *{display:none} :not([data-k]) > b{visibility:hidden}",
     '<p class="k">k</p><p id="a">a</p><p data-z id="b">b</p><p id="c">c<b id="d">d</b>'
     '</p><p data-k><b id="e">e</b></p>',
     {"a": (True, False, False), "b": (True, False, False), "c": (False, False, False),
      "d": (False, True, False), "e": (False, False, False)}),
    # display: contents renders nothing of images, controls and most SVG elements, and
    # keeps the children of others (a style attribute, a tag rule and a class rule)
    (".k{display:contents} img{display:contents}",
     '<img id="a"><input class="k" id="b"><iframe style="display:contents" id="c"></iframe>'
     '<div class="k" id="d"><p id="e">e</p></div><select class="k" id="f"><option id="g">'
     '</option></select><svg class="k" id="h"><rect id="i"/></svg><svg><g class="k" id="j">'
     '<rect id="k"/></g><text class="k" id="l">t</text></svg><button class="k" id="m">b'
     '</button>',
     {"a": (True, False, False), "b": (True, False, False), "c": (True, False, False),
      "d": (False, False, False), "e": (False, False, False), "f": (True, False, False),
      "g": (True, False, False), "h": (True, False, False), "i": (True, False, False),
      "j": (False, False, False), "k": (False, False, False), "l": (True, False, False),
      "m": (False, False, False)}),
    # never rendered whatever the styles; input type=hidden
    ("script, template{display:block}",
     '<script id="a"></script><template id="b"></template><input type=" Hidden " id="c">',
     {"a": (True, False, False), "b": (True, False, False), "c": (True, False, False)}),
]


def _page(css: str, body: str) -> Page:
    return Page.from_html(f"<html><head><style>{css}</style></head><body>{body}</body></html>")


@pytest.mark.parametrize(("css", "body", "expected"), CASES)
def test_states(css, body, expected):
    page = _page(css, body)
    for ident, state in expected.items():
        assert page.visibility_state(page.ids[ident]) == state, ident


@pytest.mark.parametrize(("css", "body", "expected"), CASES)
def test_the_walk_agrees_with_the_full_step_on_every_element(css, body, expected):
    page = _page(css, body)
    walked = [page.visibility_state(el) for el in page.elements]
    stepped = Visibility(page)
    stepped._cascade = cascade_of(page)     # as if the walk were done: each element steps
    assert [stepped.state(el) for el in page.elements] == walked
    assert not stepped._carry.keys() - set(page.elements)


@pytest.mark.parametrize(("css", "body", "expected"), CASES)
def test_the_walk_keeps_only_carries_other_than_the_usual(css, body, expected):
    """A missing entry stands for the usual carry: the walk writes none for most elements,
    and what it keeps is what the full step passes on."""
    page = _page(css, body)
    page.visibility_state(page.root)
    walked = page._visibility
    assert _ROOT_CARRY not in walked._carry.values()
    stepped = Visibility(page)
    stepped._cascade = cascade_of(page)
    for el in page.elements:
        if not stepped.state(el)[0]:    # (what a node not rendered passes on is unused)
            assert walked._carry.get(el, _ROOT_CARRY) == stepped._carry[el]



# -- the attribute a universal rule's element must carry ------------------------------------

_ATTRIBUTE_PARTS = st.sampled_from([
    "[data-a]", "[DATA-A]", "[data-b='1 2']", '[data-b="x [y] > z"]', "[data-a=1]",
    "[data-b~=2]", "[data-a|=x]", "[data-b^=x]", "[data-a*=' ']", "[data-b$=']']",
    "[data-a!=1]", "[ data-b ]", "[data-a='1' i]", ".c", "#d", "p", "*", ":hover",
    ":first-child", ":not([data-a])", "[x|data-a]", "[data\\-a]", " ", " > ", " + ", " ~ ",
    ">", ",", "("])

_ATTRIBUTE_PAGE = (
    '<div class="c"><p data-a id="d" data-b="1 2">x</p><p data-a="1" class="c">y</p>'
    '<span data-b="x [y] > z" data-a=" "><i data-a="x-y" data-b="]">z</i></span>'
    '<p data-b="2 3" data-a="X"></p><b>b</b><p class="c" data-b="x1">w</p></div>'
    '<p data-a="" id="e"></p><em data-b="xx">v</em>'
    '<section data-b="1 2"><p data-a="1">u</p><p class="c">t</p></section>'
    '<div data-a="1" class="c"><em data-b="x [y] > z">s</em><p>r</p></div>')


@settings(max_examples=300, deadline=None)
@given(st.lists(_ATTRIBUTE_PARTS, min_size=1, max_size=6).map("".join))
def test_a_universal_rule_matches_only_elements_that_carry_its_attribute(selector):
    """The walk matches a universal rule that may hide only against the elements that
    carry the attribute _subject_attribute names for it: every element its selector matches
    must carry it."""
    name = _subject_attribute(selector)
    if name is None:
        return
    compiled = compile_selector(selector)
    if compiled is None:
        return
    page = Page.from_html(f"<html><body>{_ATTRIBUTE_PAGE}</body></html>")
    for el in page.elements:
        if compiled[0](el):
            assert el.get(name) is not None, (selector, name)


@pytest.mark.parametrize(("selector", "name"), [
    ("[hidden]", "hidden"), ("[DATA-X=y]", "data-x"), (".a > [data-x='b c'][y]", "data-x"),
    ('[t="a [b]"] [u]', "u"), ("a[href]:hover", "href"), ("[x|=en]", "x"),
    (".a [b] c", None), (".m > *", None), (":not([x])", None), ("[ns|x]", None),
    ("[ng\\:cloak]", None), ("div", None),
])
def test_the_attribute_of_a_selectors_last_compound(selector, name):
    assert _subject_attribute(selector) == name
