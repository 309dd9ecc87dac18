"""An element with ``role="text"`` holds nothing focusable.

``role="text"`` (a role screen readers support but ARIA never standardised) makes assistive
technology read the element's content as one plain string, so a headline split into styled
spans is not read word by word. Anything interactive inside it disappears for those users: a
link or button in it can still take keyboard focus, but its role and name are gone.

The rule applies to every element whose ``role`` attribute is exactly ``text`` and that is not
hidden from assistive technology. It fails when a descendant is focusable (natively or by any
``tabindex``, ``-1`` included) and has a widget role, such as a link, a button or a form field;
a focusable element without a widget role does not count, but its descendants do.

Matches axe-core. Same selector (``[role=text]``, hidden excluded) and check
(``no-focusable-content``).

Fails::

    <h2 role="text"><span>Live:</span> <a href="/live">Election results</a></h2>

    <span role="text">Share <span role="button" tabindex="-1">this</span></span>

Passes::

    <h2 role="text"><span>Live:</span> <span>Election results</span></h2>

    <p role="text">Updated <time>10:42</time></p>
"""

from __future__ import annotations

from lxml import etree

from a11y_audit.checks.naming import describe
from a11y_audit.knowledge import aria
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="aria-text",
    impact="serious",
    wcag=(),
    tags=("cat.aria", "best-practice"),
    help="Keep links, buttons and other focusable widgets out of role=\"text\"",
)


def check(page: Page) -> Results:
    for el in page.with_role:
        if el.get("role") != "text" or page.is_hidden(el):
            continue
        found = _focusable_widgets(el, page)
        if found:
            names = ", ".join(describe(w) for w in found[:3])
            more = f" and {len(found) - 3} more" if len(found) > 3 else ""
            yield RULE.fail(el, f"role=\"text\" holds focusable {names}{more}, which screen "
                                "readers will not announce as such")
        else:
            yield RULE.ok(el, "nothing focusable inside")


def _focusable_widgets(el: Element, page: Page) -> list[Element]:
    """Focusable descendants with a widget role, not looking inside those found."""
    found: list[Element] = []
    stack = [c for c in reversed(el) if isinstance(c.tag, str)]
    while stack:
        node = stack.pop()
        role = page.role(node)
        if role and aria.is_widget(role) and page.is_focusable(node):
            found.append(node)
            continue
        stack.extend(c for c in reversed(node) if isinstance(c, etree._Element)
                     and isinstance(c.tag, str))
    return found
