"""Custom input fields (ARIA ``textbox``, ``combobox``, ``slider``...) have an accessible name.

Script-driven search boxes, autocompletes, sliders and spin buttons built from ``div`` and
``span`` take their role from a ``role`` attribute; a ``<label>`` cannot name them, and their
content is their value, not their name. Without ``aria-label`` or ``aria-labelledby`` a screen
reader announces "edit text" or "slider" with no purpose.

The rule applies to elements other than ``input``, ``select`` and ``textarea`` whose role is
``combobox``, ``listbox``, ``searchbox``, ``slider``, ``spinbutton`` or ``textbox``.

Matches axe-core. A ``listbox`` that a combobox controls or owns (its pop-up) is not checked, as in
axe-core: users reach it through the combobox.

Fails::

    <div role="textbox" contenteditable="true" class="comment-box"></div>

    <label for="volume">Volume</label><div role="slider" id="volume" tabindex="0"
      aria-valuenow="40"></div>

Passes::

    <div role="textbox" contenteditable="true" aria-label="Your comment"></div>

    <span id="vol-label">Volume</span><div role="slider" aria-labelledby="vol-label"
      tabindex="0" aria-valuenow="40"></div>

Limits: an unnamed field that a stylesheet the cascade reads hides (``display: none``,
``visibility: hidden``) is not checked; one that only a linked stylesheet that could not be read
may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.naming import INPUT_FIELD_ROLES, NATIVE_FIELDS, check_named, with_roles
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-input-field-name",
    impact="serious",
    wcag=("4.1.2",),
    act=("e086e5",),
    tags=("cat.aria",),
    help="Give the field an aria-label or aria-labelledby",
    template_values=("aria-labelledby",),
)


def check(page: Page) -> Results:
    fields = [el for el in with_roles(page, INPUT_FIELD_ROLES, skip_tags=NATIVE_FIELDS)
              if not _combobox_popup(page, el)]
    yield from check_named(RULE, page, fields, "Input field", text=False)


def _combobox_popup(page: Page, el) -> bool:
    """A ``listbox`` that a combobox controls or owns is the combobox's pop-up: users reach it
    through the combobox, whose name covers it (axe-core leaves it out too)."""
    if page.role(el) != "listbox":
        return False
    own = el.get("id")
    if not own:
        return False
    for owner in page.select("*[aria-controls]", "*[aria-owns]"):
        refs = f"{owner.get('aria-controls') or ''} {owner.get('aria-owns') or ''}".split()
        if own in refs and page.role(owner) == "combobox":
            return True
    return False
