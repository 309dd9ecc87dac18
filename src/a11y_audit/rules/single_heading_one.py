"""A news article has exactly one level-one heading: its headline.

Screen reader users press "1" to jump to the headline. When the site logo, a section name or a
promo box is also an h1, they land on the wrong one, and the outline of the article shows
several top-level stories.

Applies when the page has at least one level-one heading exposed to assistive technology
(``page-has-heading-one`` reports pages with none). The headline is the first level-one heading
inside the main landmark or an ``<article>`` (the first one on the page when none is inside);
it passes, and every other level-one heading fails and names it. So a logo marked up as h1 is
reported, not the headline after it.

No axe-core counterpart. A news convention (bbc-a11y: "A document must have exactly one <h1>
element"), not a WCAG requirement: HTML allows several level-one headings and 1.3.1 Info and
Relationships does not ask for one, so this rule (tags ``news`` and ``best-practice``) claims
no WCAG failure. A logo or a promo box marked up as h1 costs screen reader users the jump to
the headline, which is why newsrooms hold themselves to one.

Fails::

    <body><header><h1>Daily Planet</h1></header><main><h1>Storm hits coast</h1></main></body>

Passes::

    <body><header><a href="/">Daily Planet</a></header><main><h1>Storm hits coast</h1></main>
      <aside><h2>Most read</h2></aside></body>

    <body><h1>Storm hits coast</h1><h1 hidden>Daily Planet</h1></body>

Limits: a level-one heading hidden by any stylesheet the cascade reads (a ``<style>`` element, a
linked file it could read, ``--stylesheet`` site CSS) does not count; one hidden only by a linked
stylesheet that could not be read still counts, unless a class the common frameworks hide on a
desktop screen or until a script shows it is on it or around it (a popup's ``h1`` in
``elementor-location-popup``, a phone masthead's in ``hidden-lg``): then, unless two level-one
headings are shown for sure, cantTell; where a rule the cascade cannot evaluate
(``@container``, an unknown ``var()``...) may hide it, the failure is
cantTell and names that rule. In a template, a page's one level-one heading inside a loop
(``{% for %}``, ``{{#each}}``, a ``foreach`` block: a listing's cards) is written once for
each item: cantTell, naming the loop.
"""

from __future__ import annotations

from a11y_audit.checks.holes import repeated_by_loop
from a11y_audit.checks.naming import quote
from a11y_audit.dom import tag_of
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="single-heading-one",
    impact="moderate",
    wcag=(),
    tags=("news", "best-practice", "cat.semantics"),
    axe=False,
    help_url=bbc.url("structure/headings"),
    help="Keep one <h1> for the headline; make the logo a link and section titles h2",
    copies=True,
    document_level=True,
    whole_content=True,
    template_values=("branches",),
)


def check(page: Page) -> Results:
    ones = [h for h in page.headings if h.level == 1 and not h.hidden]
    if not ones:
        return
    first = next((h for h in ones if _in_story(page, h.element)), ones[0])
    if len(ones) == 1 and page.template is not None and (
            loop := repeated_by_loop(page, first.element, "")):
        yield RULE.cant_tell(first.element, (
            f"The level-one heading {quote(first.text)} stands in the template's loop "
            f"{loop}: each item writes one, so a page of two items or more has more than "
            "one"))
        return
    yield RULE.ok(first.element, f"Headline: {quote(first.text)}")
    for extra in ones:
        if extra is first:
            continue
        yield RULE.fail(
            extra.element,
            f"Level-one heading \"{extra.text[:60]}\" is one of {len(ones)}; the headline is "
            f"\"{first.text[:60]}\" (line {page.line(first.element)})",
        )


def _in_story(page: Page, el: Element) -> bool:
    return any(tag_of(a) == "article" or page.role(a) == "main" for a in el.iterancestors())
