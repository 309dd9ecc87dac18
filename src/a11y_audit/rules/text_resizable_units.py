"""Text is sized in units that follow the reader's font-size setting, not in px or pt.

Readers with low vision often set a larger default font size in their browser or phone. Text
sized in ``px``, ``pt``, ``pc``, ``cm``, ``mm``, ``Q`` or ``in`` ignores that setting (only
page zoom enlarges it); text sized in ``em``, ``rem``, ``%`` or keywords follows it. bbc-a11y's
standard "Text must be styled with units that are resizable in all browsers" checks the same.

No axe-core counterpart. bbc-a11y fails every element with text whose own rules or whose
ancestors' rules set ``font-size`` in an absolute unit. This rule reports each element that
declares an absolute font size and has rendered text inside (its text, and the text of
everything that inherits from it, does not follow the reader's setting): one finding on
``body { font-size: 14px }``, not one on every paragraph. Elements that declare a relative size
pass. WCAG 1.4.4 can be met by page zoom alone, so this is a best practice, not a WCAG failure.

Fails::

    <p style="font-size: 14px">Shares fell 3% on Monday.</p>

    <style>.byline { font-size: 9pt }</style><p class="byline">By A. Reporter</p>

Passes::

    <p style="font-size: 0.875rem">Shares fell 3% on Monday.</p>

    <style>.byline { font-size: 90% }</style><p class="byline">By A. Reporter</p>

Limits: reads inline ``style`` attributes and the page's ``<style>`` elements (including the
``font`` shorthand and rules inside ``@media``); external stylesheets are not seen, so a page
styled only by them is inapplicable. Among several ``<style>`` rules the winner is chosen by
``!important``, specificity and order.
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics import fontsize

RULE = Rule(
    id="text-resizable-units",
    impact="minor",
    wcag=(),
    tags=("news", "cat.sensory-and-visual-cues"),
    axe=False,
    help_url=bbc.url("design/content-resizing"),
    help="Size text in rem, em or % so it follows the reader's font-size setting",
)

_NO_TEXT = frozenset(("head", "script", "style", "template", "noscript", "title", "svg",
                      "math", "select", "textarea", "option"))


def check(page: Page) -> Results:
    if not fontsize.has_declarations(page):
        return
    for el in _declaring(page):
        size = fontsize.own_size(page, el)
        if size is None or tag_of(el) in _NO_TEXT or not page.is_rendered(el):
            continue
        if not normalize_space(text_content(el, 40)):
            continue
        where = ("its style attribute" if size.source == "style attribute"
                 else f"the rule \"{normalize_space(size.source)[:80]}\"")
        if size.absolute:
            yield RULE.fail(el, f"{describe(el)} sets font-size {size.value} ({where}): its "
                                "text ignores the reader's font-size setting")
        else:
            yield RULE.ok(el, f"font-size {size.value} follows the reader's setting")


def _declaring(page: Page) -> list[Element]:
    """Elements with a font size of their own, in document order."""
    found = set(fontsize.matched_elements(page))
    found.update(el for el in page.select("*[style]") if "font" in (el.get("style") or ""))
    return sorted(found, key=page.order.__getitem__)
