"""semantics.stylesheets: which <style> rule hides an element; closed-widget markers."""

from __future__ import annotations

import random

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.stylesheets import (
    hidden_widget_test,
    likely_hidden_widget,
    may_be_hidden_by_style,
)


@pytest.mark.parametrize(
    ("css", "markup", "selector"),
    [
        (".notInPage { position: absolute; left: -9999px; top: -9999px }",
         '<table class="notInPage"><tr><td id="t">x</td></tr></table>', ".notInPage"),
        ("#promo{display:none}", '<div id="promo"><p id="t">x</p></div>', "#promo"),
        ("@media (min-width: 600px) { .m-only { visibility: hidden } }",
         '<p class="m-only x" id="t">x</p>', ".m-only"),
        # a media query off the 1280x800 viewport does not apply
        ("@media (max-width: 600px) { .m-only { visibility: hidden } }",
         '<p class="m-only x" id="t">x</p>', None),
        ("@media print { .m-only { display: none } }", '<p class="m-only" id="t">x</p>', None),
        # a later rule shows it again
        (".promo{display:none} .promo{display:block}", '<p class="promo" id="t">x</p>', None),
        (".sr-only{clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}",
         '<div class="sr-only" id="t">x</div>', ".sr-only"),
        # (an inline box, which neither clip without position nor a size hides)
        (".sr-only{clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}",
         '<span class="sr-only" id="t">x</span>', None),
        ("nav .menu a{opacity:0}", '<a class="menu" id="t">x</a>', None),  # bare last tag
        (".a .b div{display:none}", '<div id="t">x</div>', None),             # bare tag: too broad
        (".x:focus{display:none}", '<p class="x" id="t">x</p>', None),         # pseudo-class
        (".shown{color:red}", '<p class="shown" id="t">x</p>', None),
        ("/* .c{display:none} */", '<p class="c" id="t">x</p>', None),
    ],
)
def test_may_be_hidden_by_style(css, markup, selector):
    page = Page.from_html(f"<style>{css}</style>{markup}")
    el = page.root.xpath("//*[@id='t']")[0]
    assert may_be_hidden_by_style(page, el) == selector


@pytest.mark.parametrize(
    ("css", "not_rendered"),
    [(".x{display:none}", True), (".x{visibility:hidden}", True),
     (".x{position:absolute;left:-9999px}", False),
     (".x{position:absolute;clip:rect(0 0 0 0)}", False)],
)
def test_sight_only_false_counts_only_rules_that_stop_rendering(css, not_rendered):
    page = Page.from_html(f'<style>{css}</style><p class="x" id="t">x</p>')
    el = page.root.xpath("//*[@id='t']")[0]
    assert may_be_hidden_by_style(page, el) == ".x"
    assert (may_be_hidden_by_style(page, el, sight_only=False) is not None) is not_rendered


@pytest.mark.parametrize(
    ("markup", "hidden"),
    [
        ('<div id="c" class="modal fade" aria-hidden="true"><button id="t">x</button></div>', True),
        ('<div id="c" role="dialog" aria-hidden="true"><button id="t">x</button></div>', True),
        ('<nav id="c" aria-hidden="true"><ul class="dropdown-menu"><li><a id="t" href="/">x</a>'
         "</li></ul></nav>", True),
        ('<phoenix-overlay id="c" aria-hidden="true"><a id="t" href="/">x</a></phoenix-overlay>',
         True),
        ('<div class="is-hidden"><div id="c" aria-hidden="true"><a id="t" href="/">x</a></div>'
         "</div>", True),
        # weaker words count only inside the hidden container
        ('<div class="menu"><div id="c" aria-hidden="true"><a id="t" href="/">x</a></div></div>',
         False),
        # the focusable element itself: only strong words
        ('<a id="t" class="menu-toggle" href="#" aria-hidden="true">x</a>', False),
        ('<div id="c" class="share-bar" aria-hidden="true"><a id="t" href="/">x</a></div>', False),
        ('<div id="c" class="noLightbox" aria-hidden="true"><a id="t" href="/">x</a></div>', False),
        # hidden from sight only: still in the Tab order
        ('<div id="c" class="visually-hidden" aria-hidden="true"><a id="t" href="/">x</a></div>',
         False),
        # a stylesheet rule decides the container is displayed: no guess from its class
        ('<style>.modal{display:block}</style>'
         '<div id="c" class="modal" aria-hidden="true"><button id="t">x</button></div>', False),
    ],
)
def test_likely_hidden_widget(markup, hidden):
    page = Page.from_html(markup)
    el = page.root.xpath("//*[@id='t']")[0]
    found = page.root.xpath("//*[@id='c']")
    container = found[0] if found else el
    assert (likely_hidden_widget(page, el, container) is not None) is hidden


def _walked(page: Page, el, container) -> str | None:
    """likely_hidden_widget's answer by its definition: one walk up from ``el``, strong
    markers on ``el`` and above ``container``, any marker from ``container`` down to ``el``'s
    parent, nodes whose display a stylesheet rule decides skipped, ``body`` the last."""
    from a11y_audit.dom import tag_of
    from a11y_audit.semantics.cascade import cascade_of
    from a11y_audit.semantics.stylesheets import _HIDDEN_WORDS, _TOGGLED_WORDS, _toggled_hint

    cascade = cascade_of(page)
    inside = True
    for node in (el, *el.iterancestors()):
        if cascade.sets_rendering(node):
            inside = inside and node is not container
            continue
        vocabulary = _TOGGLED_WORDS if inside and node is not el else _HIDDEN_WORDS
        hint = _toggled_hint(node, vocabulary, page)
        if hint:
            return f"<{tag_of(node)}> has {hint}, so a stylesheet probably hides it"
        inside = inside and node is not container
        if tag_of(node) == "body":
            break
    return None


def _random_widget_page(rng: random.Random) -> Page:
    words = ["menu", "modal", "hidden", "card", "x", "drawer", "closed", "sr-only", "shown"]

    def tree(depth: int) -> str:
        if depth == 0 or rng.random() < 0.2:
            return '<a href="/">x</a>'
        attributes = f' class="{rng.choice(words)} {rng.choice(words)}"'
        if rng.random() < 0.3:
            attributes += ' aria-hidden="true"'
        if rng.random() < 0.1:
            attributes += ' role="dialog"'
        return f"<div{attributes}>" + "".join(
            tree(depth - 1) for _ in range(rng.randint(1, 3))) + "</div>"
    shown = rng.choice(words)
    return Page.from_html(f'<html class="{rng.choice(words)}"><style>.{shown}'
                          f'{{display:block}}</style><body class="{rng.choice(words)}">'
                          f"{tree(6)}</body></html>")


def test_one_containers_test_answers_each_element_as_a_walk_up_from_it_does():
    # as aria-hidden-focus asks: one test per container, over every element inside it
    # (the container's own answers kept between elements), in document order
    rng = random.Random(11)
    for _ in range(150):
        page = _random_widget_page(rng)
        for container in page.root.iter("div", "body", "html"):
            test = hidden_widget_test(page, container)
            for el in container.iter("a", "div"):
                assert test(el) == _walked(page, el, container), (el, container)


def test_likely_hidden_widget_reads_each_chain_as_a_walk_up_from_the_element_does():
    rng = random.Random(5)
    for _ in range(150):
        page = _random_widget_page(rng)
        elements = list(page.root.iter("a", "div", "body", "html"))
        for el in elements:
            for container in (el, *el.iterancestors()):
                assert likely_hidden_widget(page, el, container) == _walked(
                    page, el, container), (el, container)
