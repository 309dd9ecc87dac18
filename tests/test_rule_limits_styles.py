"""What the rule docs say about stylesheets is what the rules do (the Limits paragraphs).

Every rule's first ``Fails::`` example, wrapped in a container that the page's own ``<style>``
hides with ``display: none``, no longer fails: hidden content is out of the accessibility tree
and rules skip it. The rules for which that is deliberately not so are listed in
``STILL_FAILS_WHEN_HIDDEN`` with the reason, and the test checks they do still fail. A control
(the same wrapper and a ``<style>`` rule that matches nothing) keeps the failure, so the
container alone is never what makes a failure go.

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
from tests.test_rule_docs import examples

RULES = {loaded.id: loaded for loaded in all_rules()}

# Rules whose failing example still fails inside a container that a <style> rule hides, and why.
STILL_FAILS_WHEN_HIDDEN = {
    # page-level rules: the page, its <html>, <head> or <body> is what they judge
    "aria-hidden-body": "judges the <body> element itself",
    "doctype-html": "judges the document's doctype",
    "document-title": "judges the document's <title>",
    "html-has-lang": "judges the <html> element",
    "html-lang-valid": "judges the <html> element",
    "html-xml-lang-mismatch": "judges the <html> element",
    "landmark-one-main": "the page has no main landmark, hidden content or not",
    "page-has-heading-one": "the page has no level-one heading, hidden content or not",
    "skip-link-present": "the page has no skip link: the failure is on <body>",
    "meta-refresh": "<meta> is never rendered; the browser acts on it anyway",
    "meta-refresh-no-exceptions": "<meta> is never rendered; the browser acts on it anyway",
    "meta-viewport": "<meta> is never rendered; the browser acts on it anyway",
    "meta-viewport-large": "<meta> is never rendered; the browser acts on it anyway",
    # rules that apply to hidden elements on purpose
    "area-alt": "axe-core's selector includes hidden areas (map area[href])",
    "aria-valid-attr": "ACT 5f99a7 applies to every aria- attribute, hidden elements included",
    "aria-valid-attr-value": "ACT 6a7281 applies to every ARIA state or property, hidden or not",
    "duplicate-id-aria": "axe-core counts hidden elements: a reference may still resolve to them",
    "no-autoplay-audio": "hidden media still plays its sound",
    "time-datetime-valid": "the datetime value is for machines, whether the text is shown or not",
}

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


def test_the_exceptions_name_real_rules():
    assert set(STILL_FAILS_WHEN_HIDDEN) <= set(RULES)


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
