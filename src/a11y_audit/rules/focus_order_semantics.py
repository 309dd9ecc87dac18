"""Elements added to the tab order have a role that says what they do.

A ``div``, ``span``, ``p`` or heading given ``tabindex="0"`` takes keyboard focus, and a screen
reader then announces it: with no widget role, the reader hears "group" or just its text, and
cannot tell that it is a carousel control, a menu toggle or a scrollable panel, or what keys it
takes. News pages do this for slideshow arrows, "read more" toggles and live-blog panels.

The rule applies to every ``div``, ``span``, ``p``, ``h1``-``h6`` and ``role="heading"``
element that a ``tabindex`` of 0 or more puts into the focus order (it is not focusable by
itself), when not hidden from assistive technology. It passes when the element's ``role``
attribute gives a widget or composite role (``button``, ``link``, ``tab``, ``slider``,
``listbox``...) or a role suited to a scrollable region (``region``, ``article``, ``dialog``,
``log``, ``tabpanel``, ``main``, ``navigation``...), and fails otherwise.

Matches axe-core. Same selector, ``inserted-into-focus-order-matches``, and checks
(``has-widget-role``, ``valid-scrollable-semantics`` with its ``roles`` option). axe-core tags
it experimental; so do we.

Fails::

    <div class="carousel-next" tabindex="0">›</div>

    <span tabindex="0" class="toggle">Read more</span>

Passes::

    <div class="carousel-next" role="button" tabindex="0" aria-label="Next photo">›</div>

    <div class="live-blog" role="region" aria-label="Live updates" tabindex="0">…</div>
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics.focus import is_focusable, is_natively_focusable, tabindex

RULE = Rule(
    id="focus-order-semantics",
    impact="minor",
    wcag=(),
    tags=("cat.keyboard", "best-practice", "experimental"),
    help="Give the focusable element a widget role (button, link, tab...) or a region role",
)

_TAGS = frozenset(("div", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6"))
# valid-scrollable-semantics: roles (with its "roles" option) and tags fit for a scrollable region
_SCROLLABLE_ROLES = frozenset((
    "alert", "alertdialog", "application", "article", "complementary", "contentinfo", "dialog",
    "form", "log", "main", "navigation", "region", "status", "tabpanel", "tooltip"))
_SCROLLABLE_TAGS = frozenset(("article", "aside", "nav", "section"))


def check(page: Page) -> Results:
    for el in page.by_attribute.get("tabindex", []):
        tag = tag_of(el)
        if tag not in _TAGS and el.get("role") != "heading":
            continue
        index = tabindex(el)
        if index is None or index < 0 or not is_focusable(el) or is_natively_focusable(el):
            continue
        if page.is_hidden(el):
            continue
        role = page.explicit_roles.get(el)
        fitting = bool(role and (aria.is_widget(role) or role in _SCROLLABLE_ROLES))
        if fitting or tag in _SCROLLABLE_TAGS:
            yield RULE.ok(el, lambda role=role: f"role {role!r} tells what the element does")
        else:
            what = f"role {role!r}, not a widget role" if role else "no role"
            yield RULE.fail(el, f"{describe(el)} is in the tab order with {what}")
