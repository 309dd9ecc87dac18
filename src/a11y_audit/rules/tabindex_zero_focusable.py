"""``tabindex="0"`` is set only on elements that are focusable anyway, or on ARIA widgets.

``tabindex="0"`` adds an element to the Tab order. On a ``<div>`` or ``<span>`` without a role,
keyboard users land on something that does nothing and screen readers announce no role: a
wasted, confusing Tab stop (carousels, cards and "sticky" video players on news pages often
do this). bbc-a11y's standard "Zero tab index must only be set on elements which are focusable
by default" checks the same.

No axe-core counterpart. bbc-a11y fails every visible element with ``tabindex="0"`` other than
``input``, ``button``, ``select``, ``textarea`` and ``a``. This rule uses HTML's list of
focusable elements (links with ``href``, form controls, disabled ones included, ``iframe``,
``summary``, media with controls, editing hosts), passes elements with an interactive ARIA
role (a custom widget needs ``tabindex="0"``, WAI-ARIA Authoring Practices "Keyboard
navigation inside components"), and answers cantTell for a likely scrollable region (a
landmark ``region``, or ``overflow: auto|scroll`` from the cascade), which must be focusable
so keyboard users can scroll it (WCAG 2.1.1, axe-core ``scrollable-region-focusable``).
Option ``allow-widget-roles = false`` applies the BBC standard strictly.

Fails::

    <div class="card" tabindex="0"><h3>Markets slide</h3><p>Shares fell 3%.</p></div>

Passes::

    <div role="button" tabindex="0" aria-pressed="false">Follow</div>

    <a href="/markets" tabindex="0">Markets</a>

Limits: ``overflow`` comes from the cascade (style attribute, ``<style>`` elements, stylesheets that
were read). Where a linked stylesheet could not be read, an element whose class or id has the
word "scroll" (``table-scroll``, ``scroller``...) is cantTell: that stylesheet probably makes it
scroll. Otherwise a scroll container known to no stylesheet we have fails; add
``role="region"`` and a name, which it needs anyway. Whether its content overflows (so that it
really scrolls) needs layout: a scroll container is cantTell, never passed.

Options
-------

``allow-widget-roles`` (true or false, default true)
    Pass custom widgets (``role=button``, ``tab``, ``slider``...) that need ``tabindex="0"``;
    false fails them too.
"""

from __future__ import annotations

import re
from typing import Any

from a11y_audit.checks.naming import describe
from a11y_audit.knowledge import bbc
from a11y_audit.knowledge.aria import is_widget
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.cascade import cascade_of
from a11y_audit.semantics.focus import is_disabled, is_natively_focusable, tabindex

RULE = Rule(
    id="tabindex-zero-focusable",
    impact="minor",
    wcag=(),
    tags=("news", "cat.keyboard"),
    axe=False,
    help_url=bbc.url("focus/focusable-elements"),
    help="Use a native control (<a href>, <button>) or give the element a widget role",
    template_values=("tabindex", "role"),
)

OPTIONS: dict[str, Any] = {
    # Pass custom widgets (role=button, tab, slider...) that need tabindex="0".
    "allow-widget-roles": True,
}

_SCROLLS = frozenset(("auto", "scroll"))
_SCROLL_WORD = re.compile(r"scroll", re.I)


def check(page: Page, options: dict[str, Any]) -> Results:
    for el in page.select("*[tabindex]"):
        if tabindex(el) != 0 or not page.is_rendered(el):
            continue
        role = page.explicit_roles.get(el)
        if is_natively_focusable(el):
            yield RULE.ok(el, "Focusable by default")
        elif is_disabled(el):
            # never in the Tab order while disabled; a control focusable by default once enabled
            yield RULE.ok(el, "A disabled form control: focusable by default once enabled")
        elif role is not None and is_widget(role) and options["allow-widget-roles"]:
            yield RULE.ok(el, f"A custom widget (role=\"{role}\") needs tabindex=\"0\"")
        elif role == "region" or _scrolls(page, el):
            yield RULE.cant_tell(el, f"{describe(el)} with tabindex=\"0\" may be a scrollable "
                                     "region, which keyboard users must be able to focus")
        elif not cascade_of(page).complete and _SCROLL_WORD.search(
                " ".join(v for v in (el.get("class"), el.get("id")) if v)):
            yield RULE.cant_tell(el, f"{describe(el)} with tabindex=\"0\" may be a scrollable "
                                     "region (a stylesheet that could not be read may make it "
                                     "scroll), which keyboard users must be able to focus")
        else:
            what = f"role \"{role}\"" if role else "no interactive role"
            yield RULE.fail(el, f"{describe(el)} has tabindex=\"0\" and {what}: keyboard users "
                                "stop on it, but screen readers do not say what it does")


def _scrolls(page: Page, el: Element) -> bool:
    """The cascade gives ``el`` ``overflow: auto`` or ``scroll`` on either axis."""
    values = page.style(el).values
    return values.get("overflow-x") in _SCROLLS or values.get("overflow-y") in _SCROLLS
