"""A ``<template>``'s content is a document fragment apart from the document (HTML, "The
template element"), and a ``<noscript>``'s is text when scripting is on (HTML, "The noscript
element"; axe-core runs with scripting on, and this tool reads pages so): rules judge the
document a browser, and axe-core in it, has."""

from __future__ import annotations

import pytest

from a11y_audit.outcome import Outcome
from tests.conftest import outcomes, page_outcome, run_rule

INERT = pytest.mark.parametrize("inert", ["template", "noscript"])


@INERT
def test_a_viewport_meta_in_it_does_not_apply(inert):
    meta = '<meta name="viewport" content="width=device-width, user-scalable=no">'
    assert page_outcome("meta-viewport", f"<head>{meta}</head>") is Outcome.FAILED
    assert run_rule("meta-viewport", f"<head><{inert}>{meta}</{inert}></head>").findings == []


@INERT
def test_a_reference_never_resolves_into_it(inert):
    # getElementById does not reach the content: the button has no name
    markup = (f'<{inert}><span id="nm">Share</span></{inert}>'
              '<button id="b" aria-labelledby="nm"></button>')
    assert outcomes("button-name", markup) == [(Outcome.FAILED, "#b")]
    in_a_div = markup.replace(f"<{inert}>", "<div>").replace(f"</{inert}>", "</div>")
    assert outcomes("button-name", in_a_div) == [(Outcome.PASSED, "#b")]


@INERT
def test_a_label_in_it_labels_nothing(inert):
    markup = f'<{inert}><label for="q">Search</label></{inert}><input id="q">'
    found = run_rule("label", markup).findings
    assert [(f.outcome, f.selector) for f in found] == [(Outcome.FAILED, "#q")]
    assert "no text, <label>, aria-labelledby" in found[0].message


@INERT
def test_an_id_in_it_is_no_duplicate(inert):
    markup = (f'<{inert}><div id="q">stamp</div></{inert}>'
              '<label for="q">Search</label><input id="q">')
    assert outcomes("duplicate-id-aria", markup) == [(Outcome.PASSED, "#q")]
    assert outcomes("label", markup) == [(Outcome.PASSED, "#q")]
    # in the document, the label's id would name the div first, which no label can name
    assert page_outcome("duplicate-id-aria", markup.replace(inert, "div")) is Outcome.FAILED


@INERT
def test_a_skip_link_whose_target_is_only_in_it_has_no_target(inert):
    markup = ('<a href="#story" class="skip">Skip to content</a><header><nav>'
              f'<a href="/">Home</a></nav></header><{inert}><main id="story"></main></{inert}>')
    assert outcomes("skip-link", markup) == [(Outcome.FAILED, "a.skip")]
