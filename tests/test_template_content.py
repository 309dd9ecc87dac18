"""A ``<template>``'s content is a document fragment apart from the document (HTML, "The
template element"): rules judge the document a browser, and axe-core in it, has."""

from __future__ import annotations

from a11y_audit.outcome import Outcome
from tests.conftest import outcomes, page_outcome, run_rule


def test_a_viewport_meta_in_a_template_does_not_apply():
    meta = '<meta name="viewport" content="width=device-width, user-scalable=no">'
    assert page_outcome("meta-viewport", f"<head>{meta}</head>") is Outcome.FAILED
    assert run_rule("meta-viewport", f"<head><template>{meta}</template></head>").findings == []


def test_a_reference_never_resolves_into_a_template():
    # getElementById does not reach template content: the button has no name
    markup = ('<template><span id="nm">Share</span></template>'
              '<button id="b" aria-labelledby="nm"></button>')
    assert outcomes("button-name", markup) == [(Outcome.FAILED, "#b")]
    assert outcomes("button-name", markup.replace("<template>", "<div>")
                    .replace("</template>", "</div>")) == [(Outcome.PASSED, "#b")]


def test_a_label_in_a_template_labels_nothing():
    markup = '<template><label for="q">Search</label></template><input id="q">'
    found = run_rule("label", markup).findings
    assert [(f.outcome, f.selector) for f in found] == [(Outcome.FAILED, "#q")]
    assert "<label>" not in found[0].message.split(":", 1)[1].replace("no text, <label>", "")


def test_an_id_in_a_template_is_no_duplicate():
    markup = ('<template><div id="q">stamp</div></template>'
              '<label for="q">Search</label><input id="q">')
    assert outcomes("duplicate-id-aria", markup) == [(Outcome.PASSED, "#q")]
    # in the document, the label's id would name the div first, which no label can name
    assert page_outcome("duplicate-id-aria", markup.replace("template", "div")) \
        is Outcome.FAILED


def test_a_skip_link_whose_target_is_only_in_a_template_has_no_target():
    markup = ('<a href="#story" class="skip">Skip to content</a><header><nav>'
              '<a href="/">Home</a></nav></header><template><main id="story"></main></template>')
    assert outcomes("skip-link", markup) == [(Outcome.FAILED, "a.skip")]
