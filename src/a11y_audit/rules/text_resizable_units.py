"""Text is sized in units that follow the reader's font-size setting, not in px or pt.

Readers with low vision often set a larger default font size in their browser or phone. Text
sized in ``px``, ``pt``, ``pc``, ``cm``, ``mm``, ``Q`` or ``in`` ignores that setting (only
page zoom enlarges it); text sized in ``em``, ``rem``, ``%`` or keywords follows it. bbc-a11y's
standard "Text must be styled with units that are resizable in all browsers" checks the same.

No axe-core counterpart. bbc-a11y fails every element with text whose own rules or whose
ancestors' rules set ``font-size`` in an absolute unit. This rule reports each element whose
absolute font size some rendered text's computed size derives from (its own size, or
through ``em``/``%``/``rem``): one finding on ``body { font-size: 14px }``, not one on every
paragraph, and none on an absolute size that every text below overrides. Elements that
declare a relative size under no absolute one pass. WCAG 1.4.4 can be met by page zoom alone,
so this is a best practice, not a WCAG failure.

Fails::

    <p style="font-size: 14px">Shares fell 3% on Monday.</p>

    <style>.byline { font-size: 9pt }</style><p class="byline">By A. Reporter</p>

Passes::

    <p style="font-size: 0.875rem">Shares fell 3% on Monday.</p>

    <style>.byline { font-size: 90% }</style><p class="byline">By A. Reporter</p>

Sizes come from the cascade: inline styles, ``<style>`` elements (the ``font`` shorthand
included), linked and ``--stylesheet`` sheets, ``@media`` evaluated at the viewport. Limits: a
linked stylesheet that could not be read is not seen; viewport units (``vw``) neither follow the
reader's setting nor are absolute, and are not judged.
"""

from __future__ import annotations

from a11y_audit.checks import fontsize
from a11y_audit.checks.naming import describe
from a11y_audit.dom import normalize_space
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="text-resizable-units",
    impact="minor",
    wcag=(),
    tags=("news", "cat.sensory-and-visual-cues"),
    axe=False,
    help_url=bbc.url("design/content-resizing"),
    help="Size text in rem, em or % so it follows the reader's font-size setting",
    seen_only=True,
)


def check(page: Page) -> Results:
    failed: set[Element] = set()
    font_of = fontsize.fonts(page)
    for el in fontsize.sized_text(page):
        font = font_of(el)
        if font.size is not None and font.size < 1:
            continue  # 0: the "visually hidden" idiom, read by no one by sight (as text-min-size)
        anchor = font.anchor
        if anchor is None:
            if ((font.origin or fontsize.BROWSER) != fontsize.BROWSER
                    and fontsize.unit(font.own or "") not in fontsize.ABSOLUTE_UNITS
                    and font.size is not None):
                yield RULE.ok(el, f"font-size {font.own} follows the reader's setting")
            continue
        if anchor in failed:
            continue
        declared = font_of(anchor).own or ""
        where = fontsize.origin(page, anchor)
        if where == fontsize.BROWSER or fontsize.unit(declared) not in fontsize.ABSOLUTE_UNITS:
            continue
        failed.add(anchor)
        where = ("its style attribute" if where == "style attribute"
                 else f"the rule \"{normalize_space(where)[:80]}\"")
        yield RULE.fail(anchor, f"{describe(anchor)} sets font-size {declared} ({where}): "
                                "its text ignores the reader's font-size setting")
