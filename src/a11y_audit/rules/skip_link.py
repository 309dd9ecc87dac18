"""Every skip link's target exists and is rendered.

A skip link ("Skip to main content") whose target is missing does nothing when keyboard users
follow it, which is worse than none because it looks like a fix. This is axe-core's rule; a
page without skip links is inapplicable here (``skip-link-present`` asks for one).

Differs from axe-core: axe checks only skip links that are off-screen when the page loads (shown on
focus), which needs a layout engine. Static HTML rarely says where a stylesheet puts a link, so we
take a skip link as off-screen when the cascade moves it out of sight (an inline style, a
``<style>`` rule, a linked file it could read, ``--stylesheet``), when its class or id reads like a
visually-hidden or skip-link class (``sr-only``, ``visually-hidden``, ``screen-reader-text``,
``skip``...), or when its name reads like a skip link ("Skip to content"). Otherwise what is
checked is axe's: the target is found as axe finds it (the element with that ``id``, else the first
element with that ``name``); a missing target fails; a target that is not rendered or is
``aria-hidden`` is cantTell (axe: "should become visible on activation"); an existing, rendered
target passes.

What is a skip link (axe-core's definition): a link whose ``href`` starts with ``#`` or ``/#``
(not a bare ``#``, nor a ``#/`` or ``#!`` router link), or that names this page's own address
plus a fragment, and that comes before the first link to another page. Links that are not
rendered are not checked.

Fails::

    <body><a href="#content" class="sr-only">Skip to content</a>
      <nav><a href="/world">World</a></nav><main id="main"><h1>Storm</h1></main></body>

Passes::

    <body><a href="#main" class="skip-link">Skip to main content</a>
      <nav><a href="/world">World</a></nav><main id="main"><h1>Storm</h1></main></body>

    <body><a href="#story" style="position:absolute;left:-10000px">Jump</a>
      <nav><a href="/world">World</a></nav><h2 name="story">Storm</h2></body>

Limits: a link shown on screen and never hidden, whose name does not read like a skip link, is not
checked (axe does not check it either); a target that a stylesheet the cascade reads hides is not
rendered (cantTell), but one that only a linked stylesheet that could not be read may hide counts
as rendered. Neither this rule nor ``skip-link-present`` claims a WCAG failure: landmarks and
headings can meet 2.4.1 Bypass Blocks.

Options
-------

``languages`` (list of language codes, default every language with skip phrases)
    Languages whose skip phrases mark a link as a skip link.

``skip-patterns`` (list of regular expressions, default none)
    More patterns that mark a link's name as a skip link (case is ignored).
"""

from __future__ import annotations

import re
from typing import Any

from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics import skiplinks, stylesheets
from a11y_audit.semantics.visible_text import visually_hidden_style

RULE = Rule(
    id="skip-link",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.keyboard"),
    help="Point every skip link at an element that exists and is shown",
    document_level=True,
    whole_content=True,
    template_values=("href", "id"),
)

OPTIONS: dict[str, Any] = {
    # Languages whose skip phrases mark a link as a skip link (semantics.skiplinks.SKIP_PATTERNS).
    "languages": sorted(skiplinks.SKIP_PATTERNS),
    # Extra regular expressions that mark a link name as a skip link.
    "skip-patterns": [],
}

# href of a same-page link as axe-core reads it: "#x" or Angular's "/#x", not "#", "#/", "#!".
_SAME_PAGE = re.compile(r"^/?#[^/!]")
# Class or id words of visually-hidden and skip-link styles.
_OFFSCREEN_WORDS = re.compile(
    r"sr-only|visually-?hidden|screen-?reader|offscreen|off-screen|element-invisible|"
    r"a11y|accessib|skip", re.I)


def check(page: Page, options: dict[str, Any]) -> Results:
    phrases = skiplinks.phrases_for(options["languages"], options["skip-patterns"])
    for el in skip_links(page):
        if not page.is_rendered(el) or not _off_screen(page, el, phrases):
            continue
        href = (el.get("href") or "").strip()
        fragment = href.split("#", 1)[1]
        target = _target(page, fragment)
        if target is None:
            yield RULE.fail(el, f"Skip link {href} has no target: no element has id or name "
                                f"\"{fragment}\"")
        elif page.is_hidden(target):
            yield RULE.cant_tell(el, f"Skip link {href} points to a hidden element; check that "
                                     "it is shown when the link is followed")
        else:
            yield RULE.ok(el, f"Skip link {href} reaches an existing, shown element")


def skip_links(page: Page) -> list[Element]:
    """axe-core's skip links: same-page links before the first link to another page."""
    def compute(page: Page) -> list[Element]:
        found = []
        for link in page.links:
            el = link.element
            if el.tag != "a":
                continue
            href = (el.get("href") or "").strip()
            if _SAME_PAGE.match(href) or (link.fragment and not href.startswith("#")):
                found.append(el)
            elif not href.lower().startswith("javascript:"):
                break  # the first link to a page: what follows is not a skip link
        return found
    return page.memo("skip-link.axe-candidates", compute)


def _off_screen(page: Page, el: Element, phrases: skiplinks.Phrases) -> bool:
    if phrases.is_skip(page.name(el)) or visually_hidden_style(el, page):
        return True
    for node in (el, el.getparent()):
        if node is None:
            continue
        words = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _OFFSCREEN_WORDS.search(words) or visually_hidden_style(node, page):
            return True
    return stylesheets.may_be_hidden_by_style(page, el) is not None


def _target(page: Page, fragment: str) -> Element | None:
    """axe-core's getElementByReference: the element with this id, else the first element with
    this name attribute (any element, not only ``<a>``)."""
    target = page.fragment_target(fragment)
    if target is not None:
        return target
    for el in page.by_attribute.get("name", ()):
        if el.get("name") == fragment:
            return el
    return None
