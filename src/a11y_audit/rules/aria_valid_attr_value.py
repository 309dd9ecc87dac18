"""ARIA states and properties have values of their WAI-ARIA value type.

A value outside the type is ignored or replaced by a default: ``aria-expanded="collapsed"`` on
the menu button of a site header is not announced as collapsed, ``aria-live="page"`` on a live
blog is not live at all. Users of screen readers get a wrong or missing state.

Applies to every WAI-ARIA state or property with a non-empty value on an HTML or SVG element, as
ACT rule 6a7281. Values are compared ASCII case-insensitively; ID references need no matching
element (ACT rule 6a7281: a missing target is tested elsewhere), but an ID reference is a single
token.

Differs from axe-core: ID references need no matching element, as ACT rule 6a7281 says (a missing
target is another rule's failure), where axe-core fails ``aria-activedescendant``,
``aria-controls``, ``aria-flowto`` and ``aria-owns`` that point at no element, and an
``aria-errormessage`` whose target is hidden or that lists several ids. Integer values have
WAI-ARIA 1.2's lower bounds, as in axe-core (``aria-level`` and ``aria-posinset`` at least 1, the
counts and ``aria-setsize`` at least -1).

Fails::

    <button aria-expanded="collapsed" aria-controls="site-menu">Menu</button>

Passes::

    <button aria-expanded="false" aria-controls="site-menu">Menu</button>
"""

from __future__ import annotations

from a11y_audit.knowledge import aria
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="aria-valid-attr-value",
    impact="critical",
    wcag=("1.3.1", "4.1.2"),
    act=("6a7281",),
    tags=("cat.aria",),
    help="Give the ARIA attribute a value its type allows (see the WAI-ARIA definition)",
    hidden_content="ACT 6a7281 applies to every ARIA state or property, hidden or not",
    template_values=("aria-*",),
)


def check(page: Page) -> Results:
    for el, held in aria_tree.aria_attributes_of(page):
        targets = [(name, value) for name, value in held
                   if name in aria.ATTRIBUTES and value.strip()]
        if not targets or aria_tree.in_mathml(page, el):
            continue
        wrong = [(name, value) for name, value in targets if not aria.is_valid_value(name, value)]
        if wrong:
            detail = "; ".join(f'{name}="{value.strip()}" (expected '
                               f"{aria.expected_values(name)})" for name, value in wrong)
            yield RULE.fail(el, f"Invalid ARIA value: {detail}")
        else:
            yield RULE.ok(el)
