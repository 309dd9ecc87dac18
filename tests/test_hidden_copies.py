"""Copies for other screen sizes where the stylesheet that picks one was not read.

A site writes its masthead, navigation or search twice, one for phones and one for desktops,
and its stylesheet shows one of them (Bootstrap's ``hidden-lg``, Tailwind's ``md:hidden``), or
keeps a copy in a modal a script opens. With that stylesheet read, the cascade decides which
is shown. Where it was not read (a saved page, a template, a partial without the site's CSS),
the rules about copies (landmark-unique, the landmark-no-duplicate rules, single-heading-one)
say cantTell unless two copies are shown for sure (``Rule.copies``,
:func:`a11y_audit.semantics.stylesheets.hidden_by_class`).
"""

from __future__ import annotations

import pytest

from a11y_audit.engine import audit_html, audit_page
from a11y_audit.page import Page
from a11y_audit.registry import get
from a11y_audit.semantics.cascade import StyleEnvironment
from a11y_audit.semantics.stylesheets import _hiding_token

SITE_CSS = '<link rel="stylesheet" href="https://cdn.example.com/site.css">'


def page(body: str, head: str = SITE_CSS) -> str:
    return (f"<!doctype html><html lang=en><title>T</title>{head}<body>{body}"
            "<main><h1>Storm</h1></main></body></html>")


def outcomes(markup: str, rule: str = "landmark-unique") -> list[str]:
    return [f.outcome.value for f in audit_html(markup, rules=[rule]).findings]


NAV = '<nav aria-label="Primary"><a href="/">Home</a></nav>'


@pytest.mark.parametrize(("desktop", "mobile", "outcome"), [
    # one copy for each screen size: which one is shown, the site's CSS says
    ('<div class="hidden md:block">{}</div>', '<div class="md:hidden invisible">{}</div>',
     "cantTell"),
    ('<div class="hidden-xs hidden-sm">{}</div>', '<div class="hidden-lg hidden-md">{}</div>',
     "cantTell"),
    ('<div class="d-none d-lg-block">{}</div>', '<div class="d-lg-none">{}</div>', "cantTell"),
    ('<div class="show-for-medium-up">{}</div>', '<div class="show-for-small-only">{}</div>',
     "cantTell"),
    ("{}", '<div class="modal-window">{}</div>', "cantTell"),
    # both shown on a desktop screen, as the frameworks define them: two copies for sure
    ('<div class="hidden-xs">{}</div>', "{}", "failed"),
    ('<div class="d-none d-lg-block">{}</div>', '<div class="show-for-medium-up">{}</div>',
     "failed"),
    ('<div class="hidden-print">{}</div>', '<div class="hide-for-print">{}</div>', "failed"),
    ('<div class="overflow-hidden">{}</div>', "{}", "failed"),
])
def test_copies_for_other_screen_sizes_are_the_stylesheets_to_pick(desktop, mobile, outcome):
    markup = page(desktop.format(NAV) + mobile.format(NAV))
    assert outcomes(markup) == [outcome]
    assert outcomes(markup.replace(NAV, '<header>Daily Planet</header>'),
                    "landmark-no-duplicate-banner") == [outcome]


def test_the_cascade_decides_where_the_stylesheets_were_read():
    copies = f'<div class="hidden-lg">{NAV}</div>' + NAV
    # no stylesheet missing: the page is styled as written, and both copies are shown
    assert outcomes(page(copies, head="")) == ["failed"]
    # a <style> rule that was read decides the copy's display
    assert outcomes(page(copies, head=SITE_CSS + "<style>.hidden-lg{display:block}</style>")
                    ) == ["failed"]
    assert outcomes(page(copies)) == ["cantTell"]
    # --missing-stylesheets ignore: the missing sheet is absent, as in a browser whose load
    # of it failed
    doc = Page.from_html(page(copies))
    doc.style_environment = StyleEnvironment(missing_stylesheets="ignore")
    found = audit_page(doc, [get("landmark-unique")]).findings
    assert [f.outcome.value for f in found] == ["failed"]


def test_a_headline_copy_in_a_popup_is_to_review():
    body = ('<div class="elementor-location-popup"><h1>Need a hand?</h1></div>'
            "<article><h1>Storm hits coast</h1></article>")
    markup = page(body).replace("<main><h1>Storm</h1></main>", "")
    (finding,) = audit_html(markup, rules=["single-heading-one"]).findings
    assert finding.outcome.value == "cantTell"
    assert finding.message.startswith('"elementor-location-popup" in the class of <div> (line '
                                      '1) hides a copy on a desktop screen or until a script '
                                      "shows it")


@pytest.mark.parametrize(("classes", "token"), [
    ("nav hidden", "hidden"), ("navbar-form hidden-lg hidden-md", "hidden-lg"),
    ("md:hidden invisible", "md:hidden"), ("d-none", "d-none"), ("d-none d-lg-block", None),
    ("hidden md:flex", None), ("visible-xs", "visible-xs"), ("visible-xs visible-lg", None),
    ("module-hidden-on-desktop", "module-hidden-on-desktop"), ("mobile-only", "mobile-only"),
    ("modal-window register", "modal-window"), ("offcanvas-menu", "offcanvas-menu"),
    ("hidden-xs hidden-sm", None), ("hide-for-print", None), ("hidden-print", None),
    ("overflow-hidden", None), ("show-for-medium", None), ("penci-enable-lightbox", None),
    ("nav-closed", None), ("hide-rss-link", None), ("visually-hidden", None),
])
def test_which_classes_hide_an_element_on_a_desktop_screen(classes, token):
    assert _hiding_token(classes) == token
