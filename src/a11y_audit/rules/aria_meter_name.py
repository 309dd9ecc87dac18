"""Meters have an accessible name.

A ``role="meter"`` gauge (a turnout gauge, a poll's approval bar, a "reading progress" meter)
is announced by its name and value: "Turnout, 62%". Without a name screen readers say only
"meter, 62", and the number means nothing.

The rule applies to every element whose ``role`` attribute is exactly ``meter``, not hidden
from assistive technology, and that HTML does not already name. The name must come from
``aria-label``, ``aria-labelledby`` or ``title``: a meter's content does not name it.

Matches axe-core. Same selector (``[role="meter"]``, hidden excluded, the
``no-naming-method-matches`` filter) and checks (``aria-label``, ``aria-labelledby``,
``non-empty-title``).

Fails::

    <div role="meter" aria-valuenow="62" aria-valuemin="0" aria-valuemax="100"></div>

    <div role="meter" aria-valuenow="62">Turnout</div>

Passes::

    <div role="meter" aria-valuenow="62" aria-label="Turnout"></div>

    <span id="t">Turnout</span><div role="meter" aria-valuenow="62" aria-labelledby="t"></div>

Limits: an unnamed meter that a stylesheet the cascade reads hides (``display: none``,
``visibility: hidden``) is not checked; one that only a linked stylesheet that could not be read
may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import unnamed_role_elements
from a11y_audit.checks.naming import check_named
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-meter-name",
    impact="serious",
    wcag=("1.1.1",),
    tags=("cat.aria",),
    help="Name the meter with aria-label, aria-labelledby or title",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    yield from check_named(RULE, page, unnamed_role_elements(page, "meter"), "Meter",
                           text=False)
