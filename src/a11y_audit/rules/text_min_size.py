"""Text is not smaller than 11px.

Small print (datelines, photo credits, "sponsored" labels, legal notes in cookie banners) set
below 11px is hard to read for many readers, and on a phone often unreadable without zooming.
bbc-a11y's standard "Text cannot be too small" fails text whose computed font size is below
11px.

No axe-core counterpart. Like bbc-a11y, an element fails when its text's computed size is below
the minimum (option ``min-px``, default 11) and differs from its parent's (the failure is
reported where the size changes, not on every descendant). The size is computed from the page's
own inline styles and ``<style>`` elements: absolute units convert to px (1pt = 4/3 px), ``em``
and ``%`` multiply the parent's size, ``rem`` the root's, keywords follow CSS Fonts 4
(``xx-small`` is 3/5 of the default).

Fails::

    <p class="credit" style="font-size: 9px">Photo: Reuters</p>

    <div style="font-size: 12px"><span style="font-size: 0.75em">Sponsored</span></div>

Passes::

    <p class="credit" style="font-size: 12px">Photo: Reuters</p>

    <p style="font-size: 0.875rem">Photo: Reuters</p>

Text at ``font-size: 0`` is hidden from sight on purpose (text for screen readers only) and is
not judged.

cantTell: a size set inside ``@media``/``@supports`` (it may apply only at some viewports, or
only in print), and a small relative size (``font-size: 0.6em``) that no absolute size on the
page anchors: it depends on the reader's default and on external stylesheets.

Limits: external stylesheets are not seen, so pages styled only by them are inapplicable.

Options
-------

``min-px`` (number, default 11)
    Text whose computed size is below this many CSS pixels fails.
"""

from __future__ import annotations

from typing import Any

from a11y_audit.checks.naming import describe
from a11y_audit.dom import tag_of
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics import fontsize

RULE = Rule(
    id="text-min-size",
    impact="minor",
    wcag=(),
    tags=("news", "cat.sensory-and-visual-cues"),
    axe=False,
    help_url=bbc.url("design/content-resizing"),
    help="Set text at 11px (0.6875rem) or larger",
)

OPTIONS: dict[str, Any] = {
    "min-px": 11.0,
}

_NO_TEXT = frozenset(("head", "script", "style", "template", "noscript", "title", "svg",
                      "math", "select", "textarea", "option"))


def check(page: Page, options: dict[str, Any]) -> Results:
    if not fontsize.has_declarations(page):
        return
    minimum = float(options["min-px"])
    for el in _declaring(page):
        if tag_of(el) in _NO_TEXT or not page.is_rendered(el) or not _direct_text(page, el):
            continue
        size = fontsize.computed_size(page, el)
        if size.px is None or size.px < 1:
            continue  # font-size 0 is the "visually hidden" idiom, not small print
        parent = el.getparent()
        if parent is not None and fontsize.computed_size(page, parent).px == size.px:
            continue  # not where the size changes
        shown = f"{size.px:.1f}px"
        if size.px >= minimum:
            yield RULE.ok(el, f"Text at {shown}")
        elif size.conditional:
            yield RULE.cant_tell(el, f"{describe(el)} has text at {shown} under an @media or "
                                     "@supports condition that may not apply")
        elif size.declared_by is None:
            yield RULE.cant_tell(el, f"{describe(el)} has text at {shown} if the reader's "
                                     "default is 16px (its size is relative to a size the page "
                                     "does not set)")
        else:
            yield RULE.fail(el, f"{describe(el)} has text at {shown}, below {minimum:g}px")


def _declaring(page: Page) -> list[Element]:
    """Elements with a font size of their own, in document order."""
    found = set(fontsize.matched_elements(page))
    found.update(el for el in page.select("*[style]") if "font" in (el.get("style") or ""))
    return sorted(found, key=page.order.__getitem__)


def _direct_text(page: Page, el: Element) -> bool:
    """Rendered text at this element's size: its own text, or text in descendants that do not
    set a size of their own."""
    stack = [el]
    while stack:
        node = stack.pop()
        if node.text and node.text.strip():
            return True
        for child in node:
            if child.tail and child.tail.strip():
                return True
            if (isinstance(child.tag, str) and tag_of(child) not in _NO_TEXT
                    and fontsize.own_size(page, child) is None and page.is_rendered(child)):
                stack.append(child)
    return False
