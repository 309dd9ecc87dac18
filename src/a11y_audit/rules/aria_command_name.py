"""Menu items have an accessible name.

Site menus, "more" menus and share menus built with ``role="menu"`` are read item by item. A
``menuitem`` that shows only an icon, with no text, ``aria-label``, ``aria-labelledby`` or
``title``, is announced as "menu item" and nothing more, so its command is unknown to screen
reader and voice control users.

The rule applies to every element exposed with the role ``menuitem``. Buttons and links, which
axe-core's aria-command-name also covers when their role comes from a ``role`` attribute, are
checked here by button-name and link-name, which follow the ACT rules for all buttons and links.

Fails::

    <div role="menu"><button role="menuitem"><img src="/icons/print.svg" alt=""></button></div>

    <ul role="menu"><li role="menuitem"><span class="icon-mail"></span></li></ul>

Passes::

    <div role="menu"><button role="menuitem"><img src="/icons/print.svg" alt="">
      Print</button></div>

    <ul role="menu"><li role="menuitem" aria-label="Email this article">
      <span class="icon-mail"></span></li></ul>

Limits: text added by CSS (``::before``) is not seen. An unnamed menu item that a rule of the
page's own ``<style>`` may hide (``display: none``, ``visibility: hidden``) is cantTell; one
hidden by an external stylesheet is checked.
"""

from __future__ import annotations

from a11y_audit.commons.naming import check_named, with_roles
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-command-name",
    impact="serious",
    wcag=("4.1.2",),
    act=("m6b1q3",),
    tags=("cat.aria",),
    help="Give the menu item text content, an aria-label or aria-labelledby",
)


def check(page: Page) -> Results:
    items = with_roles(page, ("menuitem",))
    yield from check_named(RULE, page, items, "Menu item")
