"""Elements do not use a deprecated ARIA role.

WAI-ARIA 1.2 deprecates ``directory`` and DPUB-ARIA 1.1 ``doc-biblioentry`` and ``doc-endnote``.
Assistive technologies may stop supporting a deprecated role, so the element would lose the
meaning the author gave it; the roles that replace them (``list``, ``listitem``) are supported
everywhere.

The rule applies to every element with a ``role`` attribute that is not empty or white space and
that is not hidden from assistive technology. It fails when the element's role (its first valid
role token, else its implicit role) is deprecated.

Matches axe-core. Same selector (``[role]``, ``no-empty-role-matches``, hidden excluded) and
check (``deprecatedrole``). axe-core lists ACT rule 674b10 for it; we do not, because that ACT
rule counts deprecated roles as valid and our ``aria-roles`` implements it.

Fails::

    <ul role="directory"><li><a href="/politics">Politics</a></li></ul>

    <aside role="doc-endnotes"><ol><li role="doc-endnote">Source: ONS</li></ol></aside>

Passes::

    <ul role="list"><li><a href="/politics">Politics</a></li></ul>

    <aside role="doc-endnotes"><ol><li>Source: ONS</li></ol></aside>
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.knowledge import aria_data
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-deprecated-role",
    impact="minor",
    wcag=("4.1.2",),
    tags=("cat.aria",),
    help="Replace the deprecated role (directory: list; doc-endnote, doc-biblioentry: listitem)",
    template_values=("role",),
)


def check(page: Page) -> Results:
    for el in page.with_role:
        if not (el.get("role") or "").strip() or page.is_hidden(el):
            continue
        role = page.role(el)
        definition = aria_data.ROLES.get(role)
        if definition is not None and definition.deprecated:
            yield RULE.fail(el, f"{describe(el)} has the deprecated role {role!r}")
        else:
            yield RULE.ok(el, lambda role=role: f"role {role!r} is not deprecated")
