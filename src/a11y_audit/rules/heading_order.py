"""Heading levels only increase by one.

Screen reader users move through an article by its headings and infer its structure from their
levels. A jump from the headline (h1) to an h4 suggests missing sections and breaks navigation
by level.

As in axe-core: each heading exposed to assistive technology (h1-h6 or ``role="heading"``; the
level is ``aria-level`` when valid, else the tag's number, else 2) may be at most one level
deeper than the heading before it. The first heading may have any level; going back up to any
level is fine. Hidden headings do not count.

Matches axe-core.

Fails::

    <h1>Storm hits coast</h1><h3>What we know</h3>

    <h2>Live updates</h2><div role="heading" aria-level="4">10:42 GMT</div>

Passes::

    <h1>Storm hits coast</h1><h2>What we know</h2><h3>Evacuations</h3><h2>Related</h2>

    <h1>Storm hits coast</h1><h2 hidden>Sharing</h2><h2>What we know</h2>
"""

from __future__ import annotations

from a11y_audit.checks.holes import branch_between, hole_between, quote_content
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="heading-order",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.semantics"),
    help="Use heading levels in order: after an h2 comes an h2 or h3, not an h4",
)


def check(page: Page) -> Results:
    previous = None
    for heading in page.headings:
        if heading.hidden:
            continue
        if previous is not None and heading.level > previous.level + 1:
            message = (f"Heading level {heading.level} "
                       f"{quote_content(page, heading.element, heading.text)} follows level "
                       f"{previous.level} {quote_content(page, previous.element, previous.text)}"
                       f": level {previous.level + 1} "
                       "skipped")
            if hole_between(page, previous.element, heading.element):
                # (the headings of an included section may stand between them)
                yield RULE.cant_tell(heading.element, "an include, a block, a raw expression "
                                                      "or a heading whose level the data "
                                                      "decides stands between them: "
                                                      f"{message}")
            elif why := branch_between(page, previous.element, heading.element):
                yield RULE.cant_tell(heading.element, f"{why}, so they may be alternatives: "
                                                      f"{message}")
            else:
                yield RULE.fail(heading.element, message)
        else:
            yield RULE.ok(heading.element)
        previous = heading
