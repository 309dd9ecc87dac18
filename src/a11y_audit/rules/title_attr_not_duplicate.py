"""A ``title`` attribute does not repeat the element's own text.

A ``title`` that repeats the link or heading text adds a tooltip that says nothing new and
makes some screen readers read the same words twice (once as the name, once as the
description). News templates often set ``title`` to the headline on every teaser link.
bbc-a11y's standard "Title attributes must not duplicate content" checks the same.

No axe-core counterpart. Like bbc-a11y, the title is compared with the element's text content
(trimmed); this rule also ignores case and runs of white space, and for an image compares the
title with its ``alt``.

Fails::

    <a href="/storm" title="Storm hits coast">Storm hits coast</a>

    <img src="mayor.jpg" alt="The mayor at the podium" title="The mayor at the podium">

Passes::

    <a href="/storm" title="Opens the live blog">Storm hits coast</a>

    <abbr title="European Central Bank">ECB</abbr>

Limits: hidden text counts as content too (the ``hidden`` attribute, ``display: none`` from any
stylesheet).
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.checks.titles import shown_text
from a11y_audit.dom import normalize_space, tag_of
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="title-attr-not-duplicate",
    impact="minor",
    wcag=(),
    tags=("news", "cat.text-alternatives"),
    axe=False,
    help_url=bbc.url("text-equivalents/tooltips-and-supplementary-information"),
    help="Remove the title, or make it say something the content does not",
)

_HEAD = frozenset(("html", "head", "link", "style", "meta", "title", "script", "base"))


def check(page: Page) -> Results:
    for el in page.select("*[title]"):
        title = normalize_space(el.get("title")).casefold()
        tag = tag_of(el)
        if not title or tag in _HEAD or not page.is_rendered(el):
            continue
        own = shown_text(page, el, tag)
        if not own:
            continue
        if own == title:
            yield RULE.fail(el, f"{describe(el)} has a title that repeats its "
                                f"{'alt' if tag == 'img' else 'text'} \"{own[:80]}\"")
        else:
            yield RULE.ok(el, "The title differs from the content")
