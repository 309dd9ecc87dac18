"""link-in-text-block: which links stand in text, how they are told apart, and the cascade's
decorations, slant, families, borders and outlines it reads."""

from __future__ import annotations

import pytest

from a11y_audit.engine import audit_page
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import get
from a11y_audit.semantics.cascade import StyleEnvironment, cascade_of
from tests.conftest import run_rule

TEXT = "The council voted on Tuesday, {link}, after a survey of the pier."


def results(link: str, css: str = "", block: str = "p", text: str = TEXT
            ) -> list[tuple[str, str]]:
    markup = (f"<html><head><style>p, li, div {{ color: #333 }} {css}</style></head><body>"
              f"<{block}>{text.format(link=link)}</{block}></body></html>")
    report = run_rule("link-in-text-block", markup)
    return [(f.outcome.value, f.message) for f in report.findings]


def outcome(link: str, css: str = "", **kwargs: str) -> str | None:
    found = results(link, css, **kwargs)
    assert len(found) <= 1, found
    return found[0][0] if found else None


BLUE = "a { color: #1a73e8; text-decoration: none } "   # 2.80:1 against #333


@pytest.mark.parametrize(("css", "expected"), [
    ("", "passed"),                                             # the browser's underline
    (BLUE, "failed"),
    (BLUE + "a { text-decoration: underline dotted }", "passed"),
    (BLUE + "a { text-decoration-line: overline }", "passed"),
    (BLUE + "a { font-weight: bold }", "passed"),
    (BLUE + "a { font-style: italic }", "passed"),
    (BLUE + "a { font: italic 16px Georgia }", "passed"),      # slant and family from font
    (BLUE + "a { font-size: 110% }", "passed"),
    (BLUE + "a { font-family: Arial, sans-serif }", "passed"),
    (BLUE + "p { font-family: Arial } a { font-family: 'arial', serif }", "failed"),
    (BLUE + "a { border-bottom: 1px solid }", "passed"),
    (BLUE + "a { border: 2px dashed #1a73e8 }", "passed"),
    (BLUE + "a { border-style: none none solid; border-width: 1px }", "passed"),
    (BLUE + "a { border-bottom: 1px solid transparent }", "failed"),
    (BLUE + "a { border-bottom: 0 solid }", "failed"),
    (BLUE + "a { border-top: thin hidden }", "failed"),
    (BLUE + "a { outline: 1px dotted }", "passed"),
    (BLUE + "a { outline: 1px none }", "failed"),
    (BLUE + "a { background: url(dots.png) repeat-x bottom }", "passed"),
    ("a { color: #6ea8fe; text-decoration: none } p { color: #222 }", "passed"),  # 6.59:1
    ("a { color: inherit; text-decoration: none }", "passed"),     # the text's own colours
    # the text's colour on a dark background: the backgrounds differ by 3:1 or more
    ("a { color: #333; text-decoration: none; background: #000 }", "passed"),
    ("a { color: #333; text-decoration: none; background: #ffd23f }", "failed"),
    # all: unset takes the browser's underline off a link
    ("a { all: unset; color: #1a73e8 }", "failed"),
    # u and ins underline; em slants
    ("a { text-decoration: none } p { text-decoration: underline }", "passed"),
])
def test_how_a_link_is_told_apart(css, expected):
    assert outcome('<a href="/minutes">the minutes show</a>', css) == expected


def test_text_inside_the_link_set_apart_counts_all_of_it_or_part():
    assert outcome('<a href="/m"><u>the minutes show</u></a>', BLUE) == "passed"
    assert outcome('<a href="/m"><u><span>the minutes</span> show</u></a>', BLUE) == "passed"
    assert outcome('<a href="/m"><em>the minutes show</em></a>', BLUE) == "passed"
    assert outcome('<a href="/m"><u>the minutes</u> show</a>', BLUE) == "cantTell"
    assert outcome('<a href="/m"><span>the minutes show</span></a>', BLUE) == "failed"


def test_a_failure_says_the_colours_the_ratio_and_what_took_the_underline_off():
    [(kind, message)] = results('<a href="/m">the minutes show</a>', BLUE)
    assert kind == "failed"
    assert message == (
        "The link is told from the text around it by colour alone: #1a73e8 against the "
        "text's #333333, a contrast of 2.80:1 (at least 3:1 is needed without an underline "
        "or another mark); the style rule `a` removes its underline")
    [(_, message)] = results('<a href="/m" style="text-decoration:none;color:#1a73e8">the '
                             'minutes show</a>')
    assert message.endswith("; its style attribute removes the underline")


def test_ratios_are_rounded_down_to_two_decimals_as_axe_does():
    # #9666c3 against #333: 2.9995:1, which rounds to 3.00 but is below 3:1
    [(kind, message)] = results('<a href="/m">the minutes</a>',
                                "a { color: #9666c3; text-decoration: none }")
    assert kind == "failed" and "a contrast of 2.99:1" in message


@pytest.mark.parametrize(("link", "text", "block"), [
    # a line that is mostly links
    ('<a href="/a">Politics</a>', "Tags: {link}, <a href='/b'>Europe and more</a>", "p"),
    # a link on its own line, after or before a line break
    ('<a href="/a">Read more about it</a>', "A long line of text about the pier<br>{link}",
     "p"),
    ('<a href="/a">Read more about it</a>', "{link}<br>A long line of text about the pier",
     "p"),
    # a link that is a box of its own
    ('<a href="/a" style="display:block">the minutes</a>', TEXT, "p"),
    ('<a href="/a" style="display:inline-block">the minutes</a>', TEXT, "p"),
    # no visible text, hidden, off-screen, another role
    ('<a href="/a"><img src="x.png" alt="Minutes"></a>', TEXT, "p"),
    ('<a href="/a" hidden>the minutes</a>', TEXT, "p"),
    ('<a href="/a" style="position:absolute;left:-9999px">the minutes</a>', TEXT, "p"),
    ('<a href="/a" role="button">the minutes</a>', TEXT, "p"),
    ('<a>the minutes</a>', TEXT, "p"),
    # a link in an SVG drawing, inline or a block of its own
    ('<svg><a href="/a"><text>the minutes</text></a></svg>', TEXT, "p"),
    ('<svg style="display:block"><text>A long caption of the drawing</text><a href="/a">'
     '<text>the minutes</text></a></svg>', TEXT, "p"),
])
def test_links_that_do_not_stand_in_text(link, text, block):
    assert outcome(link, BLUE, text=text, block=block) is None


def test_what_counts_as_the_text_around_a_link():
    # text hidden by the page's CSS is not text around the link: mostly links then
    hidden = "<span class='gone'>A long sentence about the pier nobody sees</span> {link}"
    assert outcome('<a href="/a">the minutes show</a>', BLUE, text=hidden) == "failed"
    assert outcome('<a href="/a">the minutes show</a>', BLUE + ".gone { display: none }",
                   text=hidden) is None
    # a nested block before the link starts the text again; an element of role link
    text = "<div>A long sentence about the pier that ends here</div>Read {link}"
    assert outcome('<a href="/a">the minutes show</a>', BLUE, text=text, block="div") is None
    assert outcome('<span role="link" tabindex="0" style="color:#1a73e8">the minutes '
                   'show</span>', BLUE) == "failed"


def test_generated_content_makes_it_a_question_for_a_person():
    css = BLUE + 'a[target="_blank"]::after { content: "\\2197" } a.plain::before { content: none }'
    assert outcome('<a href="/m" target="_blank">the minutes show</a>', css) == "cantTell"
    assert outcome('<a href="/m" class="plain">the minutes show</a>', css) == "failed"
    # an invalid selector (two pseudo-elements) is dropped, as browsers drop it
    css = BLUE + "a:before:after { content: 'x' }"
    assert outcome('<a href="/m">the minutes show</a>', css) == "failed"


def test_unknown_values_and_backgrounds_are_cant_tell():
    assert outcome('<a href="/m">the minutes show</a>',
                   BLUE + "a { text-decoration: var(--deco) }") == "cantTell"
    [(kind, message)] = results('<a href="/m">the minutes show</a>',
                                BLUE + "p { background: url(paper.png) }")
    assert kind == "cantTell" and "background image" in message


def test_a_missing_stylesheet_is_one_cant_tell_naming_it_and_ignore_judges_without_it():
    markup = ('<link rel="stylesheet" href="https://cdn.example/site.css">'
              f'<style>p {{ color: #333 }} {BLUE}</style>'
              f'<p>{TEXT.format(link="<a href=/m>the minutes</a>")}</p>'
              f'<p>{TEXT.format(link="<a href=/n>the survey</a>")}</p>')
    report = run_rule("link-in-text-block", markup)
    assert [f.outcome for f in report.findings] == [Outcome.CANT_TELL]
    assert "https://cdn.example/site.css" in report.findings[0].message
    page = Page.from_html(markup)
    page.style_environment = StyleEnvironment(missing_stylesheets="ignore")
    report = audit_page(page, [get("link-in-text-block")])
    assert [f.outcome for f in report.findings] == [Outcome.FAILED, Outcome.FAILED]
    assert "judged without the stylesheet https://cdn.example/site.css" in (
        report.findings[0].message)


# -- the cascade's longhands --------------------------------------------------------------

def values_of(css: str, tag: str = "a") -> dict[str, str]:
    page = Page.from_html(f"<style>{css}</style><p><{tag} href='/x' class='x'>t</{tag}></p>")
    el = page.root.xpath(f"//{tag}")[0]
    return cascade_of(page).style(el).values


@pytest.mark.parametrize(("css", "tag", "expected"), [
    ("", "a", {"text-decoration-line": "underline"}),
    ("", "u", {"text-decoration-line": "underline"}),
    ("", "del", {"text-decoration-line": "line-through"}),
    ("", "em", {"font-style": "italic"}),
    (".x { text-decoration: underline overline wavy red }", "a",
     {"text-decoration-line": "overline underline", "text-decoration-style": "wavy"}),
    (".x { text-decoration: none }", "a",
     {"text-decoration-line": "none", "text-decoration-style": "solid"}),
    (".x { text-decoration: inherit }", "a", {"text-decoration-line": None}),  # p has none
    (".x { border: 1px solid red }", "span",
     {"border-top-width": "1px", "border-top-style": "solid", "border-top-color": "red",
      "border-bottom-style": "solid"}),
    (".x { border-bottom: dotted }", "span",
     {"border-bottom-width": "medium", "border-bottom-style": "dotted",
      "border-bottom-color": "currentcolor", "border-top-style": None}),
    (".x { border-width: 1px 2px 3px }", "span",
     {"border-top-width": "1px", "border-bottom-width": "3px"}),
    (".x { border-color: red blue }", "span",
     {"border-top-color": "red", "border-bottom-color": "red"}),
    (".x { outline: thick double }", "span",
     {"outline-width": "thick", "outline-style": "double"}),
    ("p { font: oblique bold 12px/1.5 'Open Sans', Arial }", "span",
     {"font-style": "oblique", "font-family": "'open sans', arial"}),
    ("p { font-family: Georgia } .x { font-style: italic }", "span",
     {"font-style": "italic", "font-family": "georgia"}),
    (".x { all: initial }", "a", {"text-decoration-line": None, "font-style": None}),
])
def test_the_cascade_reads_decorations_slant_families_and_edges(css, tag, expected):
    found = values_of(css, tag)
    assert {name: found.get(name) for name in expected} == expected
