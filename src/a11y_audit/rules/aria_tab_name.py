"""Tabs have an accessible name.

Tabbed boxes on news pages ("Most read / Most shared", results by region, gallery tabs) are read
tab by tab: "Most read, tab, 1 of 2". A ``role="tab"`` with only an icon, and no text,
``aria-label``, ``aria-labelledby`` or ``title``, is announced as "tab" and nothing more.

The rule applies to every element whose ``role`` attribute is exactly ``tab``, not hidden from
assistive technology, and that HTML does not already name (a ``button`` or ``a href`` given the
role is left to the rules for those elements). It passes when the element's accessible name
(content, ``aria-label``, ``aria-labelledby`` or ``title``) is not empty.

Matches axe-core. Same selector (``[role="tab"]``, hidden excluded, the
``no-naming-method-matches`` filter) and checks (``has-visible-text``, ``aria-label``,
``aria-labelledby``, ``non-empty-title``).

Fails::

    <div role="tablist"><div role="tab" aria-selected="true"><i class="icon-fire"></i></div>
      <div role="tab">Most shared</div></div>

Passes::

    <div role="tablist"><div role="tab" aria-selected="true">Most read</div>
      <div role="tab">Most shared</div></div>

    <div role="tablist"><span role="tab" aria-label="Most read"><i class="icon-fire"></i></span>
      </div>

Limits: text added by CSS (``::before``) is not seen. An unnamed tab that a stylesheet the cascade
reads hides (``display: none``, ``visibility: hidden``) is not checked; one that only a linked
stylesheet that could not be read may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.axe_scope import unnamed_role_elements
from a11y_audit.checks.naming import check_named
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-tab-name",
    impact="serious",
    wcag=("4.1.2",),
    tags=("cat.aria",),
    help="Give the tab text content, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    yield from check_named(RULE, page, unnamed_role_elements(page, "tab"), "Tab")
