"""Tooltips have an accessible name.

A ``role="tooltip"`` popup (a glossary term, a "what is this?" hint beside a chart) is read by
its name when a control points at it with ``aria-describedby``. An empty tooltip adds nothing,
or an empty description, to the control it explains.

The rule applies to every element whose ``role`` attribute is exactly ``tooltip``, not hidden
from assistive technology, and that HTML does not already name. It passes when the element's
accessible name (content, ``aria-label``, ``aria-labelledby`` or ``title``) is not empty.

Matches axe-core. Same selector (``[role="tooltip"]``, hidden excluded, the
``no-naming-method-matches`` filter) and checks (``has-visible-text``, ``aria-label``,
``aria-labelledby``, ``non-empty-title``).

Fails::

    <button aria-describedby="t1">PAC</button><div role="tooltip" id="t1"></div>

    <span role="tooltip"><i class="icon-info"></i></span>

Passes::

    <button aria-describedby="t1">PAC</button>
    <div role="tooltip" id="t1">Political action committee</div>

    <span role="tooltip" aria-label="Figures are provisional"><i class="icon-info"></i></span>

Limits: text added by CSS (``::before``) is not seen; a tooltip that a script fills when it opens
fails if it is empty and visible in the markup. An unnamed tooltip that a stylesheet the cascade
reads hides (``display: none``, ``visibility: hidden``) is not checked; one that only a linked
stylesheet that could not be read may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import unnamed_role_elements
from a11y_audit.checks.naming import check_named
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-tooltip-name",
    impact="serious",
    wcag=("4.1.2",),
    tags=("cat.aria",),
    help="Give the tooltip text content, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    yield from check_named(RULE, page, unnamed_role_elements(page, "tooltip"), "Tooltip")
