"""semantics.language: the nearest lang attribute, memoised per page."""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.language import declared_lang


@pytest.mark.parametrize(("markup", "expected"), [
    ('<html lang="en"><body><p id="t">x</p></body></html>', "en"),
    ('<html lang="en"><body><div lang="ru"><p><b id="t">x</b></p></div></body></html>', "ru"),
    ('<html lang="en"><body><p id="t" lang="fr-CA">x</p></body></html>', "fr-CA"),
    # an empty lang is the author's "unknown": it stops the search
    ('<html lang="en"><body><div lang=""><p id="t">x</p></div></body></html>', ""),
    ('<html lang="en"><body><div lang=" "><p id="t">x</p></div></body></html>', " "),
    ('<html><body><p id="t">x</p></body></html>', None),
])
def test_declared_lang_is_the_nearest_lang_attribute(markup, expected):
    page = Page.from_html(markup)
    assert declared_lang(page, page.ids["t"]) == expected


def test_declared_lang_answers_siblings_and_ancestors_from_one_walk():
    page = Page.from_html('<html lang="de"><body><div lang="el"><p id="a">x</p>'
                          '<p id="b">y</p></div><p id="c">z</p></body></html>')
    assert [declared_lang(page, page.ids[i]) for i in "abc"] == ["el", "el", "de"]
    memo = page.memo("language.declared", dict)
    assert memo[page.ids["a"].getparent()] == "el" and memo[page.body] == "de"


@pytest.mark.parametrize(("markup", "expected"), [
    ('<html lang="pt-BR"><body><p><b id="t">x</b></p></body></html>', "pt-BR"),
    ('<html lang=""><body><p id="t">x</p></body></html>', ""),
    ('<html><body><svg><text id="t">x</text></svg></body></html>', None),
])
def test_a_page_with_lang_on_the_root_alone_answers_every_element_alike(markup, expected):
    page = Page.from_html(markup)
    assert declared_lang(page, page.ids["t"]) == expected
    assert declared_lang(page, page.root) == expected
    assert page.memo("language.uniform", dict) == (expected,)   # no walk, no per-element memo
    assert page.memo("language.declared", lambda _: {}) == {}


def test_lang_below_the_root_keeps_the_walk():
    page = Page.from_html('<html lang="en"><body><p id="a">x</p><q lang="fr" id="b">y</q>'
                          '</body></html>')
    assert [declared_lang(page, page.ids[i]) for i in "ab"] == ["en", "fr"]
    assert page.memo("language.uniform", dict) is None
