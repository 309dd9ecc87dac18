"""ARIA states and properties are allowed on the element's role.

An attribute the role does not support is ignored: ``aria-pressed`` on a link or ``aria-sort``
on a button is never announced, so the toggle or sort state the developer meant to expose is
missing, often a sign that the wrong role or element was used.

Applies to every WAI-ARIA state or property on an element exposed to assistive technology, as
ACT rule 5c01ea. An attribute passes when it is global, when the element's semantic role (after
presentational-role conflict resolution) supports, inherits or requires it (WAI-ARIA 1.2
section 5.2.2), or when ARIA in HTML allows it on the element (``aria-required`` wherever HTML
allows ``required``, the ``textbox`` states on ``<input type=password>``, the ``application``
states on ``audio``/``video``).

Matches axe-core. Besides WAI-ARIA 1.2, the attributes WAI-ARIA 1.1 allowed and axe-core still
allows pass, since no ACT case fails them: ``aria-expanded`` on landmark, structure and dialog
roles, ``aria-level`` on ``grid``, ``tablist`` and ``treegrid``, ``aria-orientation`` on
``combobox``, ``aria-required`` on ``radio`` and ``slider``, a ``separator``'s value properties
when it is not focusable. ``aria-required="false"`` and ``aria-multiline="false"`` on a
``contenteditable`` element pass (screen readers ignore them); ``br`` and ``wbr`` take no ARIA
attribute but ``aria-hidden``; on a custom element without role or focus the answer is
cantTell (its script may give it a role).

Fails::

    <a href="/live" aria-pressed="true">Live coverage</a>

    <p>Breaking news<br aria-busy="true">Live</p>

Passes::

    <button aria-pressed="true">Live coverage</button>

    <nav aria-label="Sections" aria-expanded="false"><a href="/world">World</a></nav>

Limits: an element hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file
it could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that
could not be read still counts as exposed; where a rule the cascade cannot evaluate (``@container``,
an unknown ``var()``...) may hide it, the failure is cantTell and names
that rule. Prohibited attributes (``aria-label`` on a ``div``) are the business of
``aria-prohibited-attr``.
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="aria-allowed-attr",
    impact="critical",
    wcag=("1.3.1", "4.1.2"),
    act=("5c01ea",),
    tags=("cat.aria",),
    help="Remove the attribute, or use the role (or element) that supports it",
    template_values=("role", "type"),
)


# HTML elements that take no ARIA attribute but aria-hidden (ARIA in HTML: br, wbr).
_HIDDEN_ONLY = frozenset(("br", "wbr"))


def check(page: Page) -> Results:
    for el, held in aria_tree.aria_attributes_of(page):
        attributes = [(name, value) for name, value in held
                      if name in aria.ATTRIBUTES]
        if not attributes or page.is_hidden(el) or aria_tree.in_mathml(page, el):
            continue
        tag = tag_of(el)
        if tag in _HIDDEN_ONLY:
            extra = [name for name, _ in attributes if name != "aria-hidden"]
            if extra:
                yield RULE.fail(el, f"<{tag}> takes no ARIA attribute but aria-hidden; found "
                                    f"{', '.join(extra)}")
            else:
                yield RULE.ok(el)
            continue
        role = page.role(el)
        allowed = aria.supported_attributes(role, focusable=page.is_focusable(el))
        allowed |= aria.feature_attributes(el)
        prohibited = aria.prohibited_attributes(role)
        extra = [name for name, value in attributes if name not in allowed
                 and name not in prohibited and not aria.allowed_by_aria11(role, name)
                 and not _ignored(el, name, value)]
        if extra and not role and "-" in tag and not page.is_focusable(el):
            yield RULE.cant_tell(el, f"{', '.join(extra)} on <{tag}>: a custom element's script "
                                     "may give it a role that supports them")
        elif extra:
            what = f"role {role!r}" if role else f"<{tag}>"
            yield RULE.fail(el, f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} not "
                                f"supported on {what}")
        else:
            yield RULE.ok(el)


def _ignored(el, name: str, value: str) -> bool:
    """Values screen readers ignore, as axe-core lets them pass: ``aria-required="false"``, and
    ``aria-multiline="false"`` on a ``contenteditable`` element."""
    value = value.strip().lower()
    if name == "aria-required" and value == "false":
        return True
    return name == "aria-multiline" and value == "false" and el.get("contenteditable") is not None
