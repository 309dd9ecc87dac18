"""Headings have a non-empty accessible name.

Screen readers list headings for navigation; an empty one is announced as "heading level 2"
with nothing after it, a dead stop in the outline. News templates produce them when a section
title or a live-blog timestamp is filled by a script that did not run.

Applies to every heading exposed to assistive technology (h1-h6 and ``role="heading"``), as ACT
rule ffd0e9 and axe-core's ``empty-heading``.

Matches axe-core.

Fails::

    <h2></h2>

    <h2><span aria-hidden="true">Most read</span></h2>

Passes::

    <h2>Most read</h2>

    <h2><img src="logo.png" alt="Daily Planet"></h2>

Limits: text that a stylesheet the cascade reads hides (``display: none``, ``visibility: hidden``)
is no content, as in a browser; text that only a linked stylesheet that could not be read may hide
still counts.
"""

from __future__ import annotations

from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="empty-heading",
    impact="minor",
    wcag=("1.3.1", "2.4.6"),
    act=("ffd0e9",),
    tags=("cat.name-role-value",),
    help="Put text in the heading, or remove the heading element",
    template_values=("content",),
)


def check(page: Page) -> Results:
    for heading in page.headings:
        if heading.hidden:
            continue
        if heading.text:
            yield RULE.ok(heading.element)
        else:
            yield RULE.fail(heading.element, f"Level-{heading.level} heading has no text that "
                                             "assistive technology can read")
