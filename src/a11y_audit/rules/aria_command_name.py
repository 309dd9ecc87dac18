"""Menu items have an accessible name.

Site menus, "more" menus and share menus built with ``role="menu"`` are read item by item. A
``menuitem`` that shows only an icon, with no text, ``aria-label``, ``aria-labelledby`` or
``title``, is announced as "menu item" and nothing more, so its command is unknown to screen
reader and voice control users.

The rule applies to elements that take the role ``button`` or ``menuitem`` from their ``role``
attribute, other than a ``<button>`` or input button with ``role="button"`` (button-name checks
those). That includes ``<a href role="button">``, which ACT rule c487ae does not count as a link.

Differs from axe-core: elements given ``role="link"`` are checked by link-name, since ACT rule
c487ae applies to every element with the link role; axe-core checks them here. An
``<a href role="button">`` is checked only here (axe-core also runs link-name on it, which ACT
rule c487ae rules out).

Fails::

    <div role="menu"><button role="menuitem"><img src="/icons/print.svg" alt=""></button></div>

    <ul role="menu"><li role="menuitem"><span class="icon-mail"></span></li></ul>

    <span role="button" tabindex="0" class="gallery-next"></span>

Passes::

    <div role="menu"><button role="menuitem"><img src="/icons/print.svg" alt="">
      Print</button></div>

    <ul role="menu"><li role="menuitem" aria-label="Email this article">
      <span class="icon-mail"></span></li></ul>

Limits: text added by CSS (``::before``) is not seen. An unnamed menu item that a stylesheet the
cascade reads hides (``display: none``, ``visibility: hidden``) is not checked; one that only a
linked stylesheet that could not be read may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.naming import check_named, command_rule
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="aria-command-name",
    impact="serious",
    wcag=("4.1.2",),
    act=("m6b1q3", "97a4e1"),
    tags=("cat.aria",),
    help="Give the menu item text content, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    for el in page.select("*[role]"):
        role = page.explicit_roles.get(el)
        if command_rule(page, el) == RULE.id and page.role(el) == role \
                and not page.is_hidden(el):
            what = _WHAT.get(role, "Link")
            yield from check_named(RULE, page, [el], what, purpose=(
                "where the link leads" if what == "Link" else f"what the {what.lower()} does"))


_WHAT = {"button": "Button", "link": "Link", "menuitem": "Menu item"}
