"""What the rule docs say about stylesheets is what the rules do (the Limits paragraphs).

Every rule's first ``Fails::`` example, wrapped in a container that the page's own ``<style>``
hides with ``display: none``, no longer fails: hidden content is out of the accessibility tree
and rules skip it. The rules for which that is deliberately not so declare why in
``Rule.hidden_content`` (page-level rules, rules that apply to hidden elements on purpose), and
the test checks they do still fail. A control (the same wrapper and a ``<style>`` rule that
matches nothing) keeps the failure, so the container alone is never what makes a failure go.

A stylesheet rule the cascade cannot evaluate (``@container``, ``@scope`` without a root
selector in a style rule or with a selector not judged, a rule nested too deep to join,
an unknown ``var()``) that
may hide the container turns the failure into cantTell, naming the rule and why, for every
rule that does not judge hidden content; the rules that do still fail. Decided rules (one
that matches nothing, one that only shows, a user-action state at rest, an ``@scope`` whose
limit leaves the content out, a selector list Chromium drops for a pseudo-class it does not
know) leave the failure as it was.

A linked stylesheet that cannot be read is not seen: an element that only it may hide still
counts as exposed, under either ``--missing-stylesheets`` setting, while the same stylesheet,
readable beside the page, hides it (the structural rules' documented Limits).
"""

from __future__ import annotations

import re

import pytest

from a11y_audit.engine import audit_page
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import all_rules, get
from a11y_audit.semantics.cascade import StyleEnvironment
from tests.conftest import page_outcome
from tests.test_rule_docs import examples

RULES = {loaded.id: loaded for loaded in all_rules()}

# Rules whose failing example still fails inside a container that a <style> rule hides (they
# declare why in Rule.hidden_content).
STILL_FAILS_WHEN_HIDDEN = {rule_id: loaded.rule.hidden_content
                           for rule_id, loaded in RULES.items() if loaded.rule.hidden_content}

HIDE = "<style>.story-part{display:none}</style>"
NEUTRAL = "<style>.story-unused{display:none}</style>"


def wrapped(markup: str, head: str) -> str:
    """The example with its body content inside ``<div class="story-part">`` and ``head``
    (a ``<style>`` or ``<link>``) in the document's head, or before the fragment."""
    body = re.search(r"<body[^>]*>", markup, re.I)
    if body is None:
        return head + '<div class="story-part">' + markup + "</div>"
    end = markup.lower().rfind("</body>")
    end = len(markup) if end < 0 else end
    out = (markup[:body.end()] + '<div class="story-part">' + markup[body.end():end]
           + "</div>" + markup[end:])
    opening = re.search(r"<head[^>]*>", out, re.I)
    at = opening.end() if opening else body.start()
    return out[:at] + head + out[at:]


def outcome(rule_id: str, markup: str, env: StyleEnvironment | None = None,
            source: str = "<test>") -> Outcome:
    page = Page.from_html(markup, source=source)
    if env is not None:
        page.style_environment = env
    report = audit_page(page, [get(rule_id)], include_passed=True)
    return report.rules[rule_id].outcome


def first_failing_example(rule_id: str) -> str:
    return examples(RULES[rule_id].rule.docs, "Fails")[0]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_failing_example_hidden_by_the_pages_style_does_not_fail(rule_id):
    markup = first_failing_example(rule_id)
    assert outcome(rule_id, wrapped(markup, NEUTRAL)) is Outcome.FAILED, (
        f"{rule_id}: the wrapper alone must keep the failure")
    hidden = outcome(rule_id, wrapped(markup, HIDE))
    if rule_id in STILL_FAILS_WHEN_HIDDEN:
        assert hidden is Outcome.FAILED, (
            f"{rule_id} is listed as failing hidden content "
            f"({STILL_FAILS_WHEN_HIDDEN[rule_id]}) but gave {hidden}")
    else:
        assert hidden is not Outcome.FAILED, (
            f"{rule_id} fails content that the page's <style> hides (display: none); "
            "skip hidden content, or list the rule in STILL_FAILS_WHEN_HIDDEN with the reason")


def test_the_rules_that_judge_hidden_content_are_the_page_level_and_deliberate_ones():
    """A change to this set is a decision about accuracy: review it (each says why)."""
    assert set(STILL_FAILS_WHEN_HIDDEN) == {
        "aria-hidden-body", "doctype-html", "document-title", "html-has-lang",
        "html-lang-valid", "html-xml-lang-mismatch", "landmark-one-main",
        "page-has-heading-one", "skip-link-present", "meta-refresh",
        "meta-refresh-no-exceptions", "meta-viewport", "meta-viewport-large", "area-alt",
        "aria-valid-attr", "aria-valid-attr-value", "duplicate-id-aria", "no-autoplay-audio",
        "time-datetime-valid"}


# -- rules the cascade cannot evaluate: the container may be hidden ---------------------------

# One <style> per construct that may hide .story-part, and what the message names.
MAY_HIDE = {
    "container": ("<style>@container (min-width: 40em) { .story-part { display: none } }"
                  "</style>", "'@container (min-width: 40em) .story-part'",
                  "container queries need layout"),
    "scope-not-judged": ("<style>@scope (body:invalid) to (.story-end) { .story-part { "
                         "display: none } }</style>",
                         "'@scope (body:invalid) to (.story-end) .story-part'",
                         "a selector of this @scope rule is not judged"),
    "scope-in-a-rule": ("<style>body { @scope { .story-part { display: none } } }"
                        "</style>", "'@scope .story-part' nested in 'body'",
                        "@scope without a root selector in a style rule is not evaluated"),
    "nested-container": ("<style>.story-part { @container (min-width: 1px) { display: none } }"
                         "</style>", "'@container (min-width: 1px) .story-part'",
                         "container queries need layout"),
    "form-state": ("<style>body:invalid .story-part, body:valid .story-part { display: none }"
                   "</style>", "'body:invalid .story-part'",
                   "the pseudo-class :invalid is not evaluated"),
    "unknown-var": ("<style>.story-part { display: var(--promo-display) }</style>",
                    "'.story-part'", "display: var(--promo-display) has no known value"),
    "unknown-var-visibility": ("<style>.story-part { visibility: var(--v) }</style>",
                               "'.story-part'", "visibility: var(--v) has no known value"),
}
# Rules that stay decided: each keeps the failure.
DECIDED = {
    "matches-nothing": "<style>@container (min-width: 40em) { .story-unused { display: none } }"
                       "</style>",
    "only-shows": "<style>@container (min-width: 40em) { .story-part { display: block } }"
                  "</style>",
    "hover-at-rest": "<style>body:hover .story-part { display: none }</style>",
    # :nth-child(An+B of S), evaluated: the part is no second .story-part
    "nth-of": "<style>div:nth-child(2 of .story-part) { display: none }</style>",
    "vendor-state-at-rest": "<style>body:-webkit-full-screen .story-part { display: none }"
                            "</style>",
    # Chromium's :-webkit-any() and :-webkit-any-link, evaluated (as :is() and :any-link)
    "vendor-evaluated": "<style>body:-webkit-any(.x, .y) .story-part, body:-webkit-any-link"
                        " .story-part { display: none }</style>",
    # a pseudo-class Chromium does not know: the whole rule is dropped, in a list too
    "vendor-chromium-drops": "<style>body:-moz-only-whitespace .story-part, .story-part "
                             "{ display: none }</style>",
    "starting-style": "<style>@starting-style { .story-part { display: none } }</style>",
    "open-absent": "<style>details:open .story-part { display: none }</style>",
    "known-var": "<style>.story-part { --d: block; display: var(--d, none) }</style>",
    # nesting the cascade evaluates: decided either way
    "nested-matches-nothing": "<style>body { & > .story-unused { display: none } }</style>",
    "nested-only-shows": "<style>body { .story-part { display: block } }</style>",
    # @scope the cascade evaluates: the part is out of its scope
    "scope-limited": "<style>@scope (body) to (.story-part) { .story-part { display: none } }"
                     "</style>",
}


def report_of(rule_id: str, markup: str):
    return audit_page(Page.from_html(markup), [get(rule_id)])


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_failing_example_a_container_query_may_hide_is_cant_tell(rule_id):
    head, origin, why = MAY_HIDE["container"]
    report = report_of(rule_id, wrapped(first_failing_example(rule_id), head))
    summary = report.rules[rule_id]
    if rule_id in STILL_FAILS_WHEN_HIDDEN:
        assert summary.outcome is Outcome.FAILED, rule_id
        return
    assert summary.failed == 0 and summary.outcome is Outcome.CANT_TELL, (
        f"{rule_id}: a failure on content an @container rule may hide must be cantTell "
        f"(gave {summary.outcome})")
    for finding in report.findings:
        if finding.outcome is Outcome.CANT_TELL and origin in finding.message:
            assert f"may hide it ({why})" in finding.message
            break
    else:
        raise AssertionError(f"{rule_id}: no cantTell names {origin}")


SAMPLE = ("image-alt", "list", "landmark-unique", "aria-required-children", "button-name",
          "label")


@pytest.mark.parametrize("construct", sorted(MAY_HIDE))
@pytest.mark.parametrize("rule_id", SAMPLE)
def test_each_construct_the_cascade_cannot_evaluate_gives_cant_tell(rule_id, construct):
    head, origin, why = MAY_HIDE[construct]
    report = report_of(rule_id, wrapped(first_failing_example(rule_id), head))
    assert report.rules[rule_id].failed == 0, (rule_id, construct)
    messages = [f.message for f in report.findings if f.outcome is Outcome.CANT_TELL]
    assert any(f"the stylesheet rule {origin} may hide it ({why})" in m.lower()
               or f"The stylesheet rule {origin} may hide it ({why})" in m for m in messages), (
        construct, messages)


@pytest.mark.parametrize("construct", sorted(DECIDED))
@pytest.mark.parametrize("rule_id", SAMPLE)
def test_a_decided_rule_leaves_the_failure(rule_id, construct):
    report = report_of(rule_id, wrapped(first_failing_example(rule_id), DECIDED[construct]))
    assert report.rules[rule_id].outcome is Outcome.FAILED, (rule_id, construct)


@pytest.mark.parametrize("head", [
    "<style>body { & > .story-part { display: none } }</style>",
    "<style>.story-part { color: red; @media (min-width: 1px) { display: none } }</style>",
    "<style>html body { .story-part { visibility: hidden } }</style>",
    "<style>html body { color: #222; html & > .story-part { display: none } }</style>",
    "<style>@scope (body) to (.story-end) { .story-part { display: none } }</style>",
    "<style>@scope (html) { @scope (body) { :scope > .story-part { visibility: hidden } } }"
    "</style>",
    "<style>html { @scope (body) { .story-part { display: none } } }</style>",
])
@pytest.mark.parametrize("rule_id", SAMPLE)
def test_a_nested_rule_that_hides_the_content_is_decided_as_the_plain_rule(rule_id, head):
    report = report_of(rule_id, wrapped(first_failing_example(rule_id), head))
    plain = report_of(rule_id, wrapped(first_failing_example(rule_id), HIDE))
    assert report.rules[rule_id].outcome is plain.rules[rule_id].outcome is not Outcome.FAILED
    assert not any(f.outcome is Outcome.CANT_TELL for f in report.findings)


def test_a_may_hide_rule_on_a_related_element_makes_the_failure_cant_tell():
    """list fails on the <ul>; the child at fault is what may be hidden."""
    head = "<style>@container (min-width: 40em) { .promo { display: none } }</style>"
    markup = f"<html lang=en><head>{head}</head><body><ul><li>a</li>" \
             "<div class=promo>b</div></ul></body></html>"
    report = report_of("list", markup)
    assert report.rules["list"].outcome is Outcome.CANT_TELL
    assert "'@container (min-width: 40em) .promo' may hide it" in report.findings[0].message
    # the same list, the container query on another element: a failure
    report = report_of("list", markup.replace("class=promo", "class=other"))
    assert report.rules["list"].outcome is Outcome.FAILED


def test_passed_stays_passed_when_content_may_be_hidden():
    head = "<style>@container (min-width: 40em) { img { display: none } }</style>"
    report = report_of("image-alt", f"<html lang=en><head>{head}</head><body>"
                                    "<img src=a.jpg alt=Flood></body></html>")
    assert report.rules["image-alt"].outcome is Outcome.PASSED


# The rules whose Limits say: an element that only an unreadable linked stylesheet may hide
# still counts as exposed (or as a child, or as a level-one heading).
STRUCTURAL = ("aria-allowed-attr", "aria-prohibited-attr", "aria-required-attr",
              "aria-required-children", "aria-required-parent", "aria-roles",
              "definition-list", "dlitem", "list", "listitem", "presentation-role-conflict",
              "single-heading-one")
LINK = '<link rel="stylesheet" href="site.css">'


@pytest.mark.parametrize("rule_id", STRUCTURAL)
def test_an_unreadable_linked_stylesheet_leaves_a_structural_failure(rule_id, tmp_path):
    markup = wrapped(first_failing_example(rule_id), LINK)
    source = str(tmp_path / "page.html")
    for missing in ("cantTell", "ignore"):
        env = StyleEnvironment(missing_stylesheets=missing)
        assert outcome(rule_id, markup, env, source) is Outcome.FAILED, (rule_id, missing)
    (tmp_path / "site.css").write_text(".story-part { display: none }")
    assert outcome(rule_id, markup, StyleEnvironment(), source) is not Outcome.FAILED, (
        f"{rule_id}: the same stylesheet, readable beside the page, hides the element")


@pytest.mark.parametrize("rule_id", ("list", "aria-required-children", "single-heading-one"))
def test_site_css_hides_as_a_pages_style_does(rule_id):
    markup = wrapped(first_failing_example(rule_id), "")
    env = StyleEnvironment(site_css=(".story-part { display: none }",))
    assert outcome(rule_id, markup, StyleEnvironment()) is Outcome.FAILED
    assert outcome(rule_id, markup, env) is not Outcome.FAILED


# Content, not the element, hidden: (rule, markup, outcome when the page's <style> hides
# .story-part, outcome when only an unreadable linked stylesheet might). Text that a read
# stylesheet hides is no content and no name; behind an unreadable stylesheet it still counts.
CONTENT_HIDDEN = [
    ("empty-heading", '<h2><span class="story-part">Key points</span></h2>',
     Outcome.FAILED, Outcome.PASSED),
    ("heading-has-content",
     '<h2>News</h2><p class="story-part">Text</p><h2>Sport</h2><p>Scores</p>',
     Outcome.FAILED, Outcome.PASSED),
    ("link-text-generic",
     '<a href="/flood">Read more<span class="story-part"> about the flood</span></a>',
     Outcome.FAILED, Outcome.PASSED),
    ("region", '<div class="story-part">Cookie notice</div><main>Story</main>',
     Outcome.PASSED, Outcome.FAILED),
    ("label-content-name-mismatch",
     '<button aria-label="Send">Send <span class="story-part">now</span></button>',
     Outcome.PASSED, Outcome.FAILED),
    ("label", '<label for="f" class="story-part">Name</label><input id="f">',
     Outcome.FAILED, Outcome.PASSED),
    ("skip-link-present",
     '<a href="#m">Skip to content</a><header><a href="/">Home</a></header>'
     '<main id="m" class="story-part"><p>Story</p></main>',
     Outcome.FAILED, Outcome.PASSED),
    ("valid-lang", '<p lang="qq-zz"><span class="story-part">Bonjour</span></p>',
     Outcome.INAPPLICABLE, Outcome.FAILED),
    # documented: hidden text still counts as the element's text here
    ("title-attr-not-duplicate",
     '<a href="/flood" title="Flood"><span class="story-part">Flood</span></a>',
     Outcome.FAILED, Outcome.FAILED),
]


@pytest.mark.parametrize(("rule_id", "body", "hidden", "unread"), CONTENT_HIDDEN,
                         ids=[case[0] for case in CONTENT_HIDDEN])
def test_content_hidden_by_a_stylesheet(rule_id, body, hidden, unread, tmp_path):
    def page(head: str) -> str:
        return (f"<!DOCTYPE html><html lang='en'><head><title>Story</title>{head}</head>"
                f"<body>{body}</body></html>")

    assert outcome(rule_id, page(HIDE)) is hidden
    assert outcome(rule_id, page(LINK), StyleEnvironment(),
                   str(tmp_path / "page.html")) is unread


@pytest.mark.parametrize("rule_id, body", [
    ("td-headers-attr", '<table class="off"><tr><th id="h">H</th></tr>'
                        '<tr><td headers="nope">x</td></tr></table>'),
    ("th-has-data-cells", '<table class="off"><tr><th id="h">H</th></tr>'
                          '<tr><td headers="nope">x</td></tr></table>'),
])
def test_a_table_a_linked_stylesheet_moves_off_screen_is_named_as_hidden_from_sight(
        rule_id, body, tmp_path):
    """The cantTell names the stylesheet rule and what it does (off screen), not "a <style>
    rule may hide": the rule here is in a linked file, and it hides from sight only."""
    (tmp_path / "site.css").write_text(".off { position: absolute; left: -9999px }")
    page = Page.from_html(f'<html lang="en"><head>{LINK}</head><body>{body}</body></html>',
                          str(tmp_path / "page.html"))
    page.style_environment = StyleEnvironment()
    report = audit_page(page, [get(rule_id)])
    found = [f for f in report.findings if f.outcome is Outcome.CANT_TELL]
    assert found and not [f for f in report.findings if f.outcome is Outcome.FAILED]
    for finding in found:
        assert "the stylesheet rule '.off' hides" in finding.message
        assert "from sight (left: -9999px (off-screen))" in finding.message
        assert "<style>" not in finding.message


def test_may_be_hidden_applies_on_the_filtered_path_too():
    """--include-passed, a scope or a suppression take the engine's other loop."""
    head, origin, _ = MAY_HIDE["container"]
    markup = wrapped(first_failing_example("image-alt"), head)
    report = audit_page(Page.from_html(markup), [get("image-alt")], include_passed=True)
    assert report.rules["image-alt"].outcome is Outcome.CANT_TELL
    assert any(origin in f.message for f in report.findings)


def test_explain_says_why_a_rule_judges_hidden_content():
    from click.testing import CliRunner

    from a11y_audit.cli import main

    out = CliRunner().invoke(main, ["explain", "no-autoplay-audio"]).output
    assert "Judges hidden content too: hidden media still plays its sound" in out
    assert "Judges hidden content" not in CliRunner().invoke(main, ["explain", "image-alt"]).output


# -- rules that judge only what is seen: content that may be hidden from sight -----------------

SEEN_ONLY = sorted(rule_id for rule_id, loaded in RULES.items() if loaded.rule.seen_only)
MAY_HIDE_FROM_SIGHT = {
    "container-clip": ("<style>@container (min-width: 40em) { .story-part { position: absolute;"
                       " clip: rect(0 0 0 0) } }</style>",
                       "'@container (min-width: 40em) .story-part' may hide it from sight "
                       "(container queries need layout)"),
    "nested-container-off-screen": ("<style>.story-part { @container (min-width: 1px) {"
                                    " left: -9999px; position: absolute } }</style>",
                                    "'@container (min-width: 1px) .story-part' may hide it "
                                    "from sight (container queries need layout)"),
}


def test_the_rules_that_judge_only_what_is_seen():
    assert SEEN_ONLY == ["avoid-inline-spacing", "blink", "color-contrast",
                         "color-contrast-enhanced", "label-content-name-mismatch",
                         "link-in-text-block", "marquee", "text-min-size",
                         "text-resizable-units"]


@pytest.mark.parametrize("construct", sorted(MAY_HIDE_FROM_SIGHT))
@pytest.mark.parametrize("rule_id", [*SEEN_ONLY, "image-alt", "link-name", "list"])
def test_content_that_may_be_hidden_from_sight(rule_id, construct):
    """cantTell for the rules that judge only what is seen; content hidden from sight stays
    in the accessibility tree, so the others still fail."""
    head, reason = MAY_HIDE_FROM_SIGHT[construct]
    report = report_of(rule_id, wrapped(first_failing_example(rule_id), head))
    if rule_id not in SEEN_ONLY:
        assert report.rules[rule_id].outcome is Outcome.FAILED
        return
    assert report.rules[rule_id].failed == 0, (rule_id, construct)
    assert any(reason in f.message for f in report.findings
               if f.outcome is Outcome.CANT_TELL), [f.message for f in report.findings]


def test_ignore_drops_the_modal_word_hint_of_aria_dialog_name_not_of_aria_hidden_focus(tmp_path):
    """A "modal" class hints that the site's unreadable stylesheet hides the widget (cantTell).
    ``--missing-stylesheets ignore`` judges the page as a browser does without that stylesheet:
    the dialog is shown, so an unnamed one fails (axe-core, run with the stylesheet's request
    aborted, fails it too). aria-hidden-focus keeps its cantTell: a shown dialog means the page
    may be in a modal-open state, where a script hides the rest (axe-core's own
    focusable-modal-open check answers "needs review" then)."""
    source = str(tmp_path / "story.html")
    link = '<link rel="stylesheet" href="missing.css">'
    ignore = StyleEnvironment(missing_stylesheets="ignore")
    dialog = link + '<div class="modal fade" role="dialog"><p>Sign up</p></div>'
    assert outcome("aria-dialog-name", dialog, StyleEnvironment(), source) is Outcome.CANT_TELL
    assert outcome("aria-dialog-name", dialog, ignore, source) is Outcome.FAILED
    hidden = link + '<div class="modal" aria-hidden="true"><a href="/x">Close</a></div>'
    for env in (StyleEnvironment(), ignore):
        assert outcome("aria-hidden-focus", hidden, env, source) is Outcome.CANT_TELL


@pytest.mark.parametrize(("word", "outcome"), [
    ("sr-only", Outcome.CANT_TELL), ("visually-hidden", Outcome.CANT_TELL),
    # text shown on hover (MSN's logo link: "msn" and a span.logohover "back to msn home")
    ("logohover", Outcome.CANT_TELL), ("hover-text", Outcome.CANT_TELL),
    ("tooltip", Outcome.CANT_TELL),
    ("label", Outcome.FAILED), ("brand", Outcome.FAILED),
])
def test_label_in_name_text_a_class_word_may_hide_is_cant_tell(word, outcome):
    # no stylesheet decides: the class word is the only hint that a stylesheet hides the
    # span, and without it "msn" would be part of the name
    markup = (f'<a href="/" aria-label="back to msn home">msn <span class="{word}">back to '
              f'msn home</span></a>')
    assert page_outcome("label-content-name-mismatch", markup) is outcome
