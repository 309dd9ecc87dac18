"""Elements with a role attribute set the states and properties that role requires.

A ``role="switch"`` without ``aria-checked`` or a ``role="heading"`` without ``aria-level`` leaves
the state or level undefined: screen readers announce a switch with no on/off state, or guess a
heading level and break the article outline.

Applies to elements exposed to assistive technology with an explicit role that differs from their
implicit HTML role (``<input type=checkbox role=checkbox>`` keeps its native state), as ACT rule
4e8ab6. Required means WAI-ARIA 1.2 "Required States and Properties" of the element's semantic
role; a property with an implicit value for the role (``aria-selected`` on ``option`` and ``tab``)
or one the HTML element already exposes (``checked`` on ``<input type=checkbox role=switch>``)
needs no attribute; an empty value counts as missing. ``separator`` requires ``aria-valuenow`` only
when focusable. ``combobox`` requires ``aria-controls`` only while expanded, as axe-core and
WAI-ARIA 1.3 do.

Differs from axe-core: a ``slider`` with ``aria-valuetext`` but no ``aria-valuenow`` fails, because
WAI-ARIA 1.2 requires ``aria-valuenow`` on ``slider`` and ACT rule 4e8ab6 checks the required
states of the role; axe-core accepts ``aria-valuetext`` instead.

Fails::

    <div role="switch" tabindex="0">Dark mode</div>

Passes::

    <div role="switch" tabindex="0" aria-checked="false">Dark mode</div>

Limits: an element hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file
it could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that
could not be read still counts as exposed; where a rule the cascade cannot evaluate (``@container``,
an unknown ``var()``...) may hide it, the failure is cantTell and names
that rule.
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="aria-required-attr",
    impact="critical",
    wcag=("1.3.1", "4.1.2"),
    act=("4e8ab6",),
    tags=("cat.aria",),
    help="Add the states and properties the role requires (for example aria-checked)",
    template_values=("role",),
)


def check(page: Page) -> Results:
    for el in page.with_role:
        explicit = page.explicit_roles.get(el)
        if explicit is None or page.is_hidden(el) or aria_tree.in_mathml(page, el):
            continue
        if explicit == aria.implicit_role(el, has_name=_has_name(page, el)):
            continue
        role = page.role(el)
        missing = _missing(page, el, role)
        if missing:
            yield RULE.fail(el, f'role="{role}" requires {", ".join(missing)}, which '
                                f"{'is' if len(missing) == 1 else 'are'} missing or empty")
        else:
            yield RULE.ok(el)


def _has_name(page: Page, el: Element) -> bool | None:
    return bool(page.name(el)) if tag_of(el) in ("section", "form", "aside") else None


def _missing(page: Page, el: Element, role: str) -> list[str]:
    required = aria.required_attributes(role, focusable=page.is_focusable(el))
    native = aria.native_states(el)
    out = []
    for name in required:
        if (el.get(name) or "").strip() or name in native:
            continue
        if aria.implicit_value(role, name) is not None:
            continue
        if role == "combobox" and name == "aria-controls" and (
            (el.get("aria-expanded") or "").strip().lower() != "true"
        ):
            continue
        out.append(name)
    return out
