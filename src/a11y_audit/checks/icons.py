"""Icons inside named controls: advice that fits the element.

An unnamed ``<svg role="img">`` (or ``<i role="img">``) inside a link or button that already
has a name ("Share on Facebook", "Search") is a decorative icon there. Naming it with a
``<title>`` or ``aria-label`` would add its words to the control's name ("Facebook logo Share
on Facebook"); the fix is to hide it from assistive technology with ``aria-hidden="true"``.
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe, quote
from a11y_audit.dom import normalize_space
from a11y_audit.rule import Element, Page

# Roles whose name comes from their content, where an icon sits beside the words.
_CONTROL_ROLES = frozenset(("link", "button", "menuitem", "tab", "menuitemcheckbox",
                            "menuitemradio", "option", "treeitem", "switch"))
_NAME_LIMIT = 60


def named_control_around(page: Page, el: Element) -> tuple[Element, str] | None:
    """The nearest link or button (or other name-from-content control) around ``el``, with its
    accessible name, when that name is not empty; else None."""
    for ancestor in el.iterancestors():
        if page.role(ancestor) in _CONTROL_ROLES:
            name = normalize_space(page.name(ancestor))
            return (ancestor, name) if name else None
    return None


def hide_icon_advice(page: Page, el: Element, what: str) -> str | None:
    """The message for an unnamed icon inside a named control, else None."""
    found = named_control_around(page, el)
    if found is None:
        return None
    control, name = found
    return (f"{what} {describe(el)} has no accessible name, but it is an icon inside "
            f"{describe(control)}, which is already named {quote(name, _NAME_LIMIT)}: hide the "
            "icon with aria-hidden=\"true\" (a <title> or aria-label would be read as part of "
            "that name)")
