"""Custom toggles (ARIA ``checkbox``, ``radio``, ``switch``, menu checkboxes) have a name.

Dark-mode switches, consent toggles, poll answers and "follow this topic" checkboxes are often
built from ``div``, ``span`` or ``button`` elements with a ``role``. A screen reader announces
"switch, off" or "checkbox, not checked"; only the element's name says what is being switched.

The rule applies to elements other than ``input``, ``select`` and ``textarea`` whose role is
``checkbox``, ``menuitemcheckbox``, ``menuitemradio``, ``option``, ``radio`` or ``switch``. Their
name can come from their text, ``aria-label`` or ``aria-labelledby``.

Matches axe-core.

Fails::

    <span role="switch" aria-checked="false" tabindex="0" class="dark-mode-toggle"></span>

    <div role="radiogroup" aria-label="Poll"><div role="radio" aria-checked="false" tabindex="0">
      <img src="/poll/yes.png" alt=""></div></div>

Passes::

    <span role="switch" aria-checked="false" tabindex="0">Dark mode</span>

    <div role="checkbox" aria-checked="true" tabindex="0" aria-label="Follow Politics"></div>

Limits: text added by CSS (``::before``) is not seen. An unnamed toggle that a stylesheet the
cascade reads hides (``display: none``, ``visibility: hidden``) is not checked; one that only a
linked stylesheet that could not be read may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.naming import NATIVE_FIELDS, TOGGLE_FIELD_ROLES, check_named, with_roles
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-toggle-field-name",
    impact="serious",
    wcag=("4.1.2",),
    act=("e086e5",),
    tags=("cat.aria",),
    help="Give the toggle text content, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    # ``option`` too, as axe-core checks it: a listbox choice is announced by its name.
    toggles = with_roles(page, TOGGLE_FIELD_ROLES | {"option"}, skip_tags=NATIVE_FIELDS)
    yield from check_named(RULE, page, toggles, "Toggle")
