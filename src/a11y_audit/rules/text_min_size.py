"""Text is not smaller than 11px.

Small print (datelines, photo credits, "sponsored" labels, legal notes in cookie banners) set
below 11px is hard to read for many readers, and on a phone often unreadable without zooming.
bbc-a11y's standard "Text cannot be too small" fails text whose computed font size is below
11px.

No axe-core counterpart. Like bbc-a11y, an element fails when its text's computed size is below
the minimum (option ``min-px``, default 11); the failure is reported once, on the element that
declares the size (``.credit { font-size: 9px }``), not on every descendant, and only where
the size changes (it differs from its parent's). Sizes are the cascade's computed values
(inline styles, ``<style>`` elements, linked and ``--stylesheet`` sheets, ``@media`` at the
viewport, specificity and ``!important``): absolute units convert to px (1pt = 4/3 px),
``em`` and ``%`` multiply the parent's size, ``rem`` the root's, keywords follow CSS Fonts 4.

Fails::

    <p class="credit" style="font-size: 9px">Photo: Reuters</p>

    <div style="font-size: 12px"><span style="font-size: 0.75em">Sponsored</span></div>

Passes::

    <p class="credit" style="font-size: 12px">Photo: Reuters</p>

    <p style="font-size: 0.875rem">Photo: Reuters</p>

Text at ``font-size: 0`` and visually hidden text (the sr-only patterns) are hidden from sight
on purpose and not judged. The browser's own sizes (headings, ``small``) are judged only where
a size the page sets anchors them.

cantTell: a small size relative to a size the page never sets (``font-size: 0.6em`` under no
absolute size): it depends on the reader's default; and a size a style rule the cascade does
not evaluate (``@container``, a state such as ``:invalid``...) may change, on the element or an
ancestor.

Limits: a linked stylesheet that could not be read may set sizes this rule does not see; pages
whose sizes all come from such sheets are inapplicable.

Options
-------

``min-px`` (number, default 11)
    Text whose computed size is below this many CSS pixels fails.
"""

from __future__ import annotations

import functools
from typing import Any

from a11y_audit.checks import fontsize
from a11y_audit.checks.naming import describe
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.cascade import cascade_of

RULE = Rule(
    id="text-min-size",
    impact="minor",
    wcag=(),
    tags=("news", "cat.sensory-and-visual-cues"),
    axe=False,
    help_url=bbc.url("design/content-resizing"),
    help="Set text at 11px (0.6875rem) or larger",
    seen_only=True,
    template_values=("style",),
)

OPTIONS: dict[str, Any] = {
    "min-px": 11.0,
}


def check(page: Page, options: dict[str, Any]) -> Results:
    minimum = float(options["min-px"])
    font_of = fontsize.fonts(page)
    cascade = cascade_of(page)
    # a rule the cascade does not evaluate that may set sizes (nearly never one)
    doubt = (functools.partial(cascade.repaint_doubt, size=True) if cascade.repaints
             else None)
    for el in fontsize.sized_text(page):
        font = font_of(el)
        px = font.size
        if px is None or px < 1:
            continue  # unknown (ex, var()), or 0: the "visually hidden" idiom
        by_browser = (font.origin or fontsize.BROWSER) == fontsize.BROWSER
        if by_browser and font.anchor is None:
            continue  # the browser's own design at the reader's size
        parent = el.getparent()
        if parent is not None and font_of(parent).size == px:
            continue  # not where the size changes
        shown = f"{px:.1f}px"
        if doubt is not None and (why := doubt(el)) is not None:
            yield RULE.cant_tell(el, f"{describe(el)} has text at {shown} as far as the "
                                     f"cascade tells, but {why}")
        elif px >= minimum:
            yield RULE.ok(el, f"Text at {shown}")
        elif font.anchor is None:
            yield RULE.cant_tell(el, f"{describe(el)} has text at {shown} if the reader's "
                                     "default is 16px (its size is relative to a size the page "
                                     "does not set)")
        else:
            yield RULE.fail(el, f"{describe(el)} has text at {shown}, below {minimum:g}px "
                                f"(font-size {font.own} from "
                                f"{_where(fontsize.origin(page, el))})")


def _where(origin: str) -> str:
    return origin if origin in ("style attribute", fontsize.BROWSER) else f'"{origin[:80]}"'
