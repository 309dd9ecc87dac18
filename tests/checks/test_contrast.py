"""checks.contrast: ratios, composition, applicability and the cantTell reasons."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from a11y_audit.checks.contrast import judge, ratio
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.semantics.cascade import parse_color
from tests.conftest import run_rule


def color(text: str):
    found = parse_color(text)
    assert found is not None
    return found


@pytest.mark.parametrize(("fg", "bg", "expected"), [
    ("#000", "#fff", 21.0), ("#fff", "#fff", 1.0), ("#767676", "#fff", 4.54),
    ("#aaa", "#fff", 2.32), ("#fff", "#005ea5", 6.68),
])
def test_ratio(fg, bg, expected):
    assert ratio(color(fg), color(bg)) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(("css", "origin"), [
    # an endless animation of the opacity: where it is in it at rest is not known
    ("@keyframes pulse { 0%, 100% { opacity: 1 } 50% { opacity: .4 } }"
     " .live { animation: pulse 2s infinite }", "set by @keyframes pulse"),
    (".live { opacity: var(--fade) }", "set by .live"),
])
def test_an_unknown_opacity_says_where_it_comes_from(css, origin):
    assert outcome_of('<p class="live" style="color:#767676">Live updates</p>', css) == [
        ("cantTell", "Text contrast cannot be decided: <p> has an opacity the cascade cannot "
                     f"resolve ({origin})")]


def outcome_of(body: str, css: str = "", rule: str = "color-contrast") -> list[tuple[str, str]]:
    report = run_rule(rule, f"<html><head><style>{css}</style></head><body>{body}</body></html>")
    return [(f.outcome.value, f.message) for f in report.findings]


@pytest.mark.parametrize(("css", "body", "expected"), [
    ("", '<p style="color:#aaa">x text</p>', "failed"),
    ("", '<p style="color:#767676">x text</p>', "passed"),
    # alpha text and translucent backgrounds are composed onto the white page
    ("", '<p style="color:rgba(0,0,0,.3)">x text</p>', "failed"),
    ("", '<div style="background:rgba(0,0,0,.9)"><p style="color:#fff">x text</p></div>',
     "passed"),
    ("", '<div style="opacity:.3"><p>x text</p></div>', "failed"),
    # large and bold large text
    ("", '<p style="color:#949494;font-size:24px">x text</p>', "passed"),
    ("", '<p style="color:#949494;font-size:14pt;font-weight:bold">x text</p>', "passed"),
    ("", '<p style="color:#949494;font-size:14pt">x text</p>', "failed"),
    # what cannot be decided
    ("", '<p style="background:linear-gradient(#fff,#000)">x text</p>', "cantTell"),
    ("", '<div style="background-image:url(a.png)"><p>x text</p></div>', "cantTell"),
    ("", '<div style="background:#fff;opacity:.5"><p>x text</p></div>', "cantTell"),
    ("", '<p style="position:absolute;color:#333">x text</p>', "cantTell"),
    ("p{color:var(--grey)}", "<p>x text</p>", "cantTell"),
    ("", '<p style="color:#aaa;text-shadow:0 0 2px #000">x text</p>', "cantTell"),
    ("", '<p style="color:#aaa;text-shadow:1px 1px 1px rgba(0,0,0,.5)">x text</p>', "cantTell"),
    ("", '<p style="color:#aaa;text-shadow:1px 1px 1px">x text</p>', "cantTell"),
    # a shadow that paints nothing (the font-smoothing trick) does not stop the verdict
    ("body{text-shadow:1px 1px 1px rgba(0,0,0,.004)}", '<p style="color:#aaa">x text</p>',
     "failed"),
    ("", '<p style="color:#333;text-shadow:0 0 3px transparent">x text</p>', "passed"),
    ("", '<p style="color:#aaa;text-shadow:0 0 1px rgba(0,0,0,.004),0 0 1px #fff">x text</p>',
     "cantTell"),
    ("", '<p style="color:#aaa">»</p>', "cantTell"),
    # an input button's value is its text; controls have their own font size (13.33px)
    ("", '<input type="submit" value="Search" style="color:#fff;background:#82c341">',
     "failed"),
    ("", '<div style="font-size:30px"><input type="button" value="Go" '
         'style="color:#949494;background:#fff"></div>', "failed"),
    ("", '<input type="button" value="Go" style="color:#949494;background:#fff;'
         'font-size:30px">', "passed"),
    # no background of the page's: on the browser's button face (#efefef), 3.9:1
    ("", '<input type="submit" value="Search" style="color:#777">', "failed"),
    ("", '<input type="submit" value="Search" style="color:#555">', "passed"),
    # a <button>'s text too, at the control font size whatever its container's
    ("body{background:#000}", '<button>Read more</button>', "passed"),
    ("body{background:#000}", '<button style="color:#fff">Read more</button>', "failed"),
    ("", '<div style="font-size:30px"><button style="color:#949494;background:#fff">Go '
         'on</button></div>', "failed"),
    ("", '<select style="color:#777"><option>One</option></select><button style="color:#777;'
         'background:none">Read</button>', "failed"),
    ("", '<p style="color:#aaa;filter:contrast(2)">x text</p>', "cantTell"),
])
def test_outcomes(css, body, expected):
    found = outcome_of(body, css)
    assert [o for o, _ in found] == [expected], found


@pytest.mark.parametrize("body", [
    '<p style="display:none;color:#eee">x</p>',
    '<p style="color:#fff;background:#fff">x</p>',
    '<button disabled style="color:#ccc;background:#fff">x</button>',
    '<div role="button" aria-disabled="true" style="color:#ccc">x</div>',
    '<label style="color:#ccc" for="i">Name</label><input id="i" disabled>',
    '<span style="position:absolute;clip:rect(0 0 0 0);color:#eee">x</span>',
    '<p style="text-indent:-9999px;color:#eee">x</p>',
    '<svg><text style="fill:#eee">x</text></svg>',
    '<input type="text" value="typed" style="color:#eee;background:#fff">',
    '<input type="submit" value="" style="color:#eee;background:#fff">',
    # the browser's own button colours: not the page's choice, and readable in every browser
    '<div style="color:#ccc"><input type="submit" value="Search"></div>',
])
def test_inapplicable(body):
    assert outcome_of(body) == []


def test_messages_name_the_colours_and_the_threshold():
    [(outcome, message)] = outcome_of('<p style="color:#aaa;background:#fff">Byline</p>')
    assert outcome == "failed"
    assert message == ("Text contrast 2.32:1 (#aaaaaa on #ffffff, 16px) is below 4.5:1 "
                       "for normal text")
    [(outcome, message)] = outcome_of('<p style="background:url(x.png)">Byline</p>')
    assert "background image or gradient" in message and "style attribute" in message


def test_enhanced_thresholds():
    assert outcome_of('<p style="color:#767676">x text</p>', rule="color-contrast-enhanced"
                      )[0][0] == "failed"
    assert outcome_of('<p style="color:#595959">x text</p>', rule="color-contrast-enhanced"
                      )[0][0] == "passed"


def test_missing_stylesheet_is_one_cant_tell_naming_it(tmp_path: Path):
    markup = ('<link rel="stylesheet" href="https://cdn.example/site.css">'
              '<p style="color:#aaa">a</p><p>b</p>')
    report = run_rule("color-contrast", markup)
    assert [(f.outcome, f.selector) for f in report.findings] == [
        (Outcome.CANT_TELL, "html > head > link")]
    assert "https://cdn.example/site.css" in report.findings[0].message
    (tmp_path / "site.css").write_text("p{color:#aaa}", encoding="utf-8")
    page_file = tmp_path / "page.html"
    page_file.write_text('<link rel="stylesheet" href="site.css"><p>text here</p>')
    report = run_rule("color-contrast", page_file.read_text(), source=str(page_file))
    assert [f.outcome for f in report.findings] == [Outcome.FAILED]


def test_missing_stylesheets_ignore_judges_the_page_without_it():
    from a11y_audit.engine import audit_page
    from a11y_audit.page import Page
    from a11y_audit.registry import get
    from a11y_audit.semantics.cascade import StyleEnvironment

    markup = ('<link rel="stylesheet" href="https://cdn.example/site.css">'
              '<p style="color:#aaa">grey text</p><p>black text</p>')
    page = Page.from_html(markup)
    page.style_environment = StyleEnvironment(missing_stylesheets="ignore")
    report = audit_page(page, [get("color-contrast")])
    outcomes = [f.outcome for f in report.findings]
    assert outcomes == [Outcome.FAILED]
    assert "judged without the stylesheet https://cdn.example/site.css" in (
        report.findings[0].message)


def test_judge_folds_opacity_below_the_background_into_the_text():
    from a11y_audit.page import Page

    page = Page.from_html('<div style="background:#000"><p id="t" style="color:#fff;'
                          'opacity:.5">x</p></div>')
    verdict = judge(page, page.root.xpath("//*[@id='t']")[0])
    assert verdict is not None and verdict.foreground == pytest.approx((0.5, 0.5, 0.5, 1.0))


def test_text_elements_are_the_rendered_elements_with_text_of_their_own():
    from a11y_audit.checks.contrast import text_elements
    from a11y_audit.page import Page

    page = Page.from_html(
        '<body><p id="a">text</p><div id="b"> \n <span id="c">x</span>\t</div>'
        '<div id="d"><b id="e2">x</b> tail</div><p hidden id="e">gone</p>'
        '<svg><g><text id="f">in svg</text></g></svg><select><option id="g">o</option>'
        '</select><input id="h" type="submit" value=" Go "><input id="i" value="typed">'
        '<input id="j" type="button" value="  "><template><p id="k">t</p></template></body>')
    found = [el.get("id") for el in text_elements(page)]
    assert found == ["a", "c", "d", "e2", "h"]
    assert text_elements(page) is text_elements(page)      # one list per page


def test_text_deeper_than_the_depth_limit_below_svg_is_text_again():
    from a11y_audit.checks.contrast import _MAX_DEPTH, text_elements
    from a11y_audit.page import Page

    # The exclusion looks _MAX_DEPTH ancestors up, as the ancestor walk it replaces did.
    deep = "<div>" * _MAX_DEPTH + '<span id="deep">x</span>' + "</div>" * _MAX_DEPTH
    near = "<div>" * (_MAX_DEPTH - 2) + '<span id="near">x</span>' + "</div>" * (_MAX_DEPTH - 2)
    page = Page.from_html(f"<body><svg>{deep}</svg><svg>{near}</svg></body>")
    assert [el.get("id") for el in text_elements(page)] == ["deep"]


def test_both_contrast_rules_share_one_verdict_per_element():
    from a11y_audit.engine import audit_page
    from a11y_audit.page import Page
    from a11y_audit.registry import get

    page = Page.from_html('<p style="color:#767676">grey text</p>')
    report = audit_page(page, [get("color-contrast"), get("color-contrast-enhanced")])
    assert [(f.rule, f.outcome) for f in report.findings] == [
        ("color-contrast-enhanced", Outcome.FAILED)]
    verdicts = page.memo("contrast.verdicts", dict)
    (verdict,) = verdicts.values()
    assert verdict.ratio == pytest.approx(4.54, abs=.01)


@pytest.mark.parametrize("order", [1, -1])
def test_an_ancestors_backdrop_is_shared_but_depends_on_what_is_below_it(order):
    """The backdrop from an ancestor up is worked out once, and the same translucent
    ancestor folds into the text colour of text with no background of its own below it, but
    makes text over a background below it cantTell, whichever is judged first."""
    from a11y_audit.page import Page

    page = Page.from_html(
        '<div style="background:#000"><div style="opacity:.5">'
        '<p id="a" style="color:#fff">text</p>'
        '<p id="b" style="color:#fff;background:rgba(0,0,255,.5)">text</p>'
        '<p id="c" style="color:#fff;position:absolute">text</p>'
        '<section style="background:#fff"><p id="d" style="color:#000">text</p></section>'
        '</div></div>')
    verdicts = {}
    for ident in ["a", "b", "c", "d"][::order]:
        verdicts[ident] = judge(page, page.root.xpath(f"//*[@id='{ident}']")[0])
    a, b, c, d = (verdicts[i] for i in "abcd")
    assert a is not None and a.foreground == pytest.approx((0.5, 0.5, 0.5, 1.0))
    assert a.background == (0.0, 0.0, 0.0, 1.0) and not a.doubt
    assert b is not None and b.doubt.startswith("<div> is translucent (opacity 0.5)")
    assert c is not None and c.doubt.startswith("<p> is positioned (absolute)")
    assert d is not None and not d.doubt and d.ratio == pytest.approx(21.0)
    clean, over_a_background = page.memo("contrast.backdrop", dict)
    translucent = page.root.xpath("//*[@id='a']")[0].getparent()
    assert translucent in clean and translucent in over_a_background


@pytest.mark.parametrize("body", [
    '<p id="a">text</p><div>\n  <p>\n    <span>x</span>\n  </p>\n</div>',
    '<div>\u00a0<span>\u2003</span></div><p>\u00a0\u00a0</p><p>\u00a0a</p>',   # Unicode spaces
    '<div>\n  <b>x</b> tail\n</div><div><i></i>\t\r\n</div><div><i></i>\n.</div>',
    '<div><script>var a = 1</script><style>p {}</style>after</div><script> x </script>',
    '<form><input type="submit" value="Go"><input type="reset"><input value="typed">'
    '<input type="button" value="\u00a0"><input type="BUTTON" value=" x "></form>',
    '<svg><text> in svg </text></svg><math><mi>x</mi></math><select><option>o</option>'
    '</select><textarea> t </textarea><noscript>n</noscript><template><p>t</p></template>',
    '<p hidden>gone</p><div style="display:none"><p>gone</p></div><title>t</title>',
    '<table><tr><td> </td><td>1</td></tr></table><ul><li><!-- c --></li><li>x<!-- c --></li></ul>',
    '<p><!-- c --></p><p><br>\n</p><p><br>x</p><div><?pi x?>text</div><div><!-- c --> <br> </div>',
])
def test_text_elements_are_those_a_test_of_every_element_finds(body):
    """The inline test of each element's text and its children's tails finds the elements
    a test of every element with own_text() finds, no more and no fewer, in order."""
    from a11y_audit.checks.contrast import _NO_TEXT, _in_foreign_content, own_text, text_elements
    from a11y_audit.page import Page

    page = Page.from_html(f"<html><body>{body}</body></html>")
    foreign = _in_foreign_content(page)
    general = [el for el in page.root.iter() if isinstance(el.tag, str)
               and el.tag not in _NO_TEXT and not el.tag.startswith("{")
               and own_text(el).strip() and el not in foreign and page.is_rendered(el)]
    assert text_elements(page) == general


def test_verdicts_compare_and_hash_by_value_as_the_frozen_dataclass_did():
    # slotted, not frozen (a frozen dataclass's __init__ costs ~5x), but still a value
    page = Page.from_html('<p id="t" style="color:#777">grey text</p>')
    verdict = judge(page, page.root.xpath("//*[@id='t']")[0])
    assert verdict is not None
    copy = dataclasses.replace(verdict)
    assert copy == verdict and hash(copy) == hash(verdict) and len({verdict, copy}) == 1
    assert dataclasses.replace(verdict, letters=verdict.letters + 1) != verdict


# A style rule the cascade does not evaluate may set what the text is painted with: where it
# may match the text or an ancestor, the contrast is cantTell and names it; elsewhere, and
# where it sets nothing that paints, the verdict stands.
@pytest.mark.parametrize(("css", "body", "expected", "origin"), [
    ("@container (min-width: 40em) { .card { color: #000 } }",
     '<div class="card"><p style="color:#aaa">x text</p></div>', "cantTell",
     "'@container (min-width: 40em) .card' may set the colours, opacity or font size here "
     "(container queries need layout)"),
    ("@container (min-width: 40em) { .card { background: #000 } }",
     '<div class="card"><p style="color:#333">x text</p></div>', "cantTell", "'@container"),
    ("@container card (width > 1px) { p { font-size: 30px } }",
     '<p style="color:#949494">x text</p>', "cantTell", "'@container card (width > 1px) p'"),
    ("@container (width > 1px) { .card { --ink: #000 } }",
     '<div class="card"><p style="color:#aaa">x text</p></div>', "cantTell", "'@container"),
    ("body:invalid p { color: #000 }", '<p style="color:#aaa">x text</p>', "cantTell",
     "the pseudo-class :invalid is not evaluated"),
    ("li:nth-child(2 of .x:invalid) { opacity: .5 }",
     '<ul><li class="x"><p>x text</p></li></ul>', "cantTell", "'li:nth-child(2 of .x:invalid)'"),
    # matches nothing here, or sets nothing that paints text: decided
    ("@container (min-width: 40em) { .promo { color: #000 } }",
     '<div class="card"><p style="color:#aaa">x text</p></div>', "failed", ""),
    ("@container (min-width: 40em) { .card { width: 50%; padding: 1em } }",
     '<div class="card"><p style="color:#aaa">x text</p></div>', "failed", ""),
    ("@scope (.card) { p { color: #000 } }",
     '<div class="card"><p style="color:#aaa">x text</p></div>', "failed", ""),
    # :nth-child(An+B of S), evaluated: the one .x is no second, and is the first
    ("li:nth-child(2 of .x) { color: #aaa }", '<ul><li class="x"><p>x text</p></li></ul>',
     "passed", ""),
    ("li:nth-child(1 of .x) { color: #aaa }", '<ul><li class="x"><p>x text</p></li></ul>',
     "failed", ""),
    # a vendor pseudo-class (form parts, browser chrome; a selector Chromium does not read)
    ("p:-moz-only-whitespace { color: #000 } p:-ms-x { background: #000 }",
     '<p style="color:#aaa">x text</p>', "failed", ""),
])
def test_a_rule_the_cascade_cannot_evaluate_that_may_repaint_the_text(css, body, expected,
                                                                      origin):
    [(outcome, message)] = outcome_of(body, css)
    assert outcome == expected, message
    if expected == "cantTell":
        assert message.startswith("Text contrast cannot be decided: the stylesheet rule")
        assert origin in message


def test_link_in_text_block_says_cant_tell_where_such_a_rule_may_repaint_the_link():
    markup = ("<html><head><style>@container (width > 1px) { a { color: #000 } }"
              "p a { text-decoration: none; color: #0000ee }</style></head><body><p>Some "
              "running text with <a href='/x'>a link</a> inside it.</p></body></html>")
    [finding] = [f for f in run_rule("link-in-text-block", markup).findings]
    assert finding.outcome is Outcome.CANT_TELL
    assert "'@container (width > 1px) a' may set the colours" in finding.message
