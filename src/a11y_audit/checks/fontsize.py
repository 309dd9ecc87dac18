"""Text sizes from the cascade: where rendered text gets its font size, for the font-size rules.

The computed size, the size declared on each element and the element whose absolute size it
derives from are the cascade's (:meth:`a11y_audit.semantics.cascade.Cascade.font`, the
font-size fields of the computed style, worked out without the rest of it), so inline
styles, ``<style>`` elements, linked and supplied stylesheets, ``@media`` at the viewport,
specificity, ``!important`` and inheritance are all decided there, once per page.

Units (CSS Values 4, section 6.2): absolute lengths are ``px``, ``pt``, ``pc``, ``cm``, ``mm``,
``Q`` and ``in`` (1in = 96px = 72pt); ``em``, ``rem``, ``%``, ``ex``, ``ch`` and the size
keywords follow the reader's default size; viewport units follow neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from a11y_audit.checks.contrast import text_elements
from a11y_audit.rule import Element
from a11y_audit.semantics.cascade import BROWSER_DEFAULT, FontSize, cascade_of
from a11y_audit.semantics.css import NUMBER

if TYPE_CHECKING:
    from a11y_audit.page import Page

BROWSER = BROWSER_DEFAULT
ABSOLUTE_UNITS = frozenset(("px", "pt", "pc", "in", "cm", "mm", "q"))
_UNIT = re.compile(rf"^{NUMBER}([a-z%]*)$")


def unit(value: str) -> str:
    """The unit of a font-size value as written ("px", "em", "%"), "" for keywords and for
    anything else (``calc()``, ``var()``)."""
    match = _UNIT.match(value.strip().lower())
    return match.group(1) if match else ""


def declaring(page: Page, el: Element) -> Element | None:
    """The nearest element, ``el`` or an ancestor, that declares the font size ``el``'s text
    is set in (a page's rule or the browser's own, as for headings); None when none does.
    Memoised along the way up, so deep pages stay linear."""
    return cascade_of(page).font_owner(el)


def sized_text(page: Page) -> dict[Element, Element]:
    """Each element that declares the size of some rendered, visible text, with the first
    such text element, in document order (memoised per page)."""
    def compute(page: Page) -> dict[Element, Element]:
        found: dict[Element, Element] = {}
        owner_of = cascade_of(page).font_owner
        for el in text_elements(page):
            owner = owner_of(el)
            if owner is None or owner in found:
                continue            # (asked first: cheaper than visually_hidden's walk up)
            if page.visually_hidden(el) is not None:
                continue            # text for screen readers only: no one reads it by sight
            found[owner] = el
        return dict(sorted(found.items(), key=lambda item: page.order[item[0]]))

    return page.memo("fontsize.sized_text", compute)


def computed(page: Page, el: Element) -> FontSize:
    """The element's computed font size, the size declared on it, the element that size
    derives from and where it was set (memoised by the cascade)."""
    return cascade_of(page).font(el)


def fonts(page: Page) -> Callable[[Element], FontSize]:
    """:func:`computed` for one page, looked up once: a rule that reads the size of every
    sized element (and of its parent) then skips the page's cascade look-up per element."""
    return cascade_of(page).font


def origin(page: Page, el: Element) -> str:
    """Where the element's own font-size comes from: a selector, "style attribute" or the
    browser's default."""
    return computed(page, el).origin or BROWSER
