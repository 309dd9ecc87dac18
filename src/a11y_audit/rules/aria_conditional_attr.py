"""ARIA attributes are used as their role's conditions allow.

Two ARIA attributes are allowed on a role only in some contexts. ``aria-checked`` on a native
``<input type="checkbox">`` must agree with the box's real state: a screen reader may announce
"checked" for a box that is not, and a reader ticks a newsletter box that was already ticked. And
``aria-posinset``, ``aria-setsize``, ``aria-expanded`` and ``aria-level`` belong on the rows of a
``treegrid``; on the rows of a ``table`` or ``grid`` they announce a hierarchy that is not there.

The rule applies to every element with an ``aria-`` attribute, not hidden from assistive
technology. It fails (1) a native checkbox whose ``aria-checked`` (anything but ``true`` and
``mixed`` reads as ``false``) differs from its ``checked`` attribute, and (2) an element with the
role ``row`` carrying one of those four attributes inside a ``table`` (without a role) or an
element whose role is ``table`` or ``grid``.

Matches axe-core. Same selection (``aria-allowed-attr-matches``, hidden excluded) and check
(``aria-conditional-attr`` with its ``invalidTableRowAttrs``). A checkbox with
``aria-checked="mixed"`` is cantTell: only a script can make it indeterminate, and axe-core,
running with the page's scripts, would see whether one did. axe-core lists ACT rule 5c01ea for
it; we leave that ACT rule to aria-allowed-attr, which implements it exactly.

Fails::

    <input type="checkbox" aria-checked="true" aria-label="Newsletter">

    <table><tr aria-level="1"><td>North</td></tr></table>

Passes::

    <input type="checkbox" checked aria-checked="true" aria-label="Newsletter">

    <div role="treegrid"><div role="row" aria-level="1" aria-expanded="true">
      <span role="gridcell">North</span></div></div>
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe
from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.rule import Element, Page, Result, Results, Rule

RULE = Rule(
    id="aria-conditional-attr",
    impact="serious",
    wcag=("4.1.2",),
    tags=("cat.aria",),
    help="Keep aria-checked equal to the checkbox state; use row levels only in a treegrid",
)

_ROW_ATTRIBUTES = ("aria-posinset", "aria-setsize", "aria-expanded", "aria-level")
_ROW_OWNER_ROLES = frozenset(("treegrid", "table", "grid"))


def check(page: Page) -> Results:
    for el in page.memo("aria_conditional_attr.holders", _aria_holders):
        if page.is_hidden(el):
            continue
        role = page.role(el)
        if role == "checkbox":
            yield _checkbox(el)
        elif role == "row":
            yield _row(page, el)
        else:
            yield RULE.ok(el, "no conditional attribute")


def _aria_holders(page: Page) -> list[Element]:
    """Elements with an ``aria-*`` attribute, in document order, from the attribute index."""
    found: set[Element] = set()
    for name, holders in page.by_attribute.items():
        if name.startswith("aria-"):
            found.update(holders)
    return sorted(found, key=page.order.__getitem__)


def _checkbox(el: Element) -> Result:
    value = el.get("aria-checked")
    if tag_of(el) != "input" or (el.get("type") or "").strip().lower() != "checkbox" or not value:
        return RULE.ok(el, "not a native checkbox with aria-checked")
    declared = value.lower() if value.lower() in ("true", "mixed") else "false"
    state = "true" if el.get("checked") is not None else "false"
    if declared == state:
        return RULE.ok(el, f"aria-checked={value!r} matches the checkbox")
    if declared == "mixed":
        return RULE.cant_tell(el, f"{describe(el)} has aria-checked=\"mixed\": only a script "
                                  "can make the checkbox indeterminate to match")
    return RULE.fail(el, f"{describe(el)} has aria-checked={value!r} but the checkbox is "
                         f"{'checked' if state == 'true' else 'not checked'}")


def _row(page: Page, el: Element) -> Result:
    found = [name for name in _ROW_ATTRIBUTES if el.get(name) is not None]
    if not found:
        return RULE.ok(el, "no treegrid-only attribute")
    owner = next((a for a in el.iterancestors() if (tag_of(a) == "table" and a.get("role") is None)
                  or set(aria.role_tokens(a)) & _ROW_OWNER_ROLES), None)
    owner_role = page.role(owner) if owner is not None else ""
    if not owner_role or owner_role == "treegrid":
        return RULE.ok(el, "the row is in a treegrid (or no table)")
    return RULE.fail(el, f"{describe(el)} has {', '.join(found)}, supported on treegrid rows "
                         f"only, but its owner is a {owner_role}")
