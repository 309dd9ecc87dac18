"""ARIA states and properties are allowed on the element's role.

An attribute the role does not support is ignored: ``aria-pressed`` on a link or ``aria-sort``
on a button is never announced, so the toggle or sort state the developer meant to expose is
missing, often a sign that the wrong role or element was used.

Applies to every WAI-ARIA state or property on an element exposed to assistive technology, as
ACT rule 5c01ea. An attribute passes when it is global,
when the element's semantic role (after presentational-role conflict resolution) supports,
inherits or requires it (WAI-ARIA 1.2 section 5.2.2), or when ARIA in HTML allows it on the
element (``aria-required`` wherever HTML allows ``required``, the ``textbox`` states on
``<input type=password>``, the ``application`` states on ``audio``/``video``). ``separator``
supports its value properties only when focusable.

Differs from axe-core: which attributes a role supports follows WAI-ARIA 1.2 and ACT rule 5c01ea,
so some attributes axe-core still allows from its ARIA 1.1 tables (``aria-expanded`` on landmark
and structure roles, ``aria-required`` on ``radio``, ``slider`` and ``button``) fail here.

Fails::

    <a href="/live" aria-pressed="true">Live coverage</a>

Passes::

    <button aria-pressed="true">Live coverage</button>

Limits: an element that only a stylesheet hides still counts as exposed. Prohibited attributes
(``aria-label`` on a ``div``) are the business of ``aria-prohibited-attr``.
"""

from __future__ import annotations

from a11y_audit.commons import aria
from a11y_audit.commons.dom import tag_of
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-allowed-attr",
    impact="critical",
    wcag=("1.3.1", "4.1.2"),
    act=("5c01ea",),
    tags=("cat.aria",),
    help="Remove the attribute, or use the role (or element) that supports it",
)


def check(page: Page) -> Results:
    for el in aria.iter_aria_elements(page):
        names = [name for name, _ in aria.aria_attributes(el) if name in aria.ATTRIBUTES]
        if not names or page.is_hidden(el) or aria.is_mathml(el):
            continue
        role = page.role(el)
        allowed = aria.supported_attributes(role, focusable=page.is_focusable(el))
        allowed |= aria.feature_attributes(el)
        extra = [name for name in names if name not in allowed
                 and name not in aria.prohibited_attributes(role)]
        if extra:
            what = f"role {role!r}" if role else f"<{tag_of(el)}>"
            yield RULE.fail(el, f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} not "
                                f"supported on {what}")
        else:
            yield RULE.ok(el)
