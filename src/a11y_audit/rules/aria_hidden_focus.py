"""Content hidden with aria-hidden="true" cannot be reached with the Tab key.

``aria-hidden="true"`` removes content from what screen readers see, but not from the Tab order.
A share button, "read more" link or carousel control inside a hidden container still takes
keyboard focus, and the screen reader then announces nothing, or a name without a role: the
reader is on something that, for them, does not exist.

Applies to each element with ``aria-hidden="true"``. Neither the element nor any descendant may
be in the Tab order: focusable (links with ``href``, form controls that are not disabled, a
``tabindex``, ``summary``, media with controls...), rendered, not inert and without a negative
``tabindex``. ``aria-hidden="false"`` on a descendant does not undo the hiding.

Differs from axe-core: an ``aria-hidden="true"`` element that is itself in the Tab order fails, as
ACT rule 6cfa84 says (its applicability includes the element itself); axe-core asks for a review.
Everything else matches axe-core's check.

Fails::

    <div class="share-bar" aria-hidden="true">
      <a href="https://social.example/share?u=/story">Share</a></div>

Passes::

    <div class="share-bar" aria-hidden="true">
      <a href="https://social.example/share?u=/story" tabindex="-1">Share</a></div>

Limits: sites hide closed menus, modals and drawers with a class of their stylesheet while their
script sets ``aria-hidden="true"``. A focusable element that a stylesheet the cascade reads hides
(``display: none``, ``visibility: hidden``) is out of the Tab order and passes. Where no stylesheet
that was read sets ``display`` or ``visibility`` on them, a focusable element gives cantTell
instead of failing when the hidden container (or something between it and the element) looks like
such a widget: a ``dialog`` role, or a class, id or tag name with a word like modal, dropdown,
menu, drawer, overlay, popup or hidden (and a strong one such as modal or hidden on an ancestor
above it). An iframe loaded from ``src`` gives cantTell (its document is not seen), and so does an
element that a script handles on focus (``onfocus``, or an inline script naming its id with
"focus", as focus-trap sentinels do).
"""

from __future__ import annotations

from lxml import etree

from a11y_audit.dom import tag_of
from a11y_audit.rule import Page, Result, Results, Rule
from a11y_audit.semantics.stylesheets import hidden_widget_test
from a11y_audit.semantics.tabbing import (
    FRAME,
    TABBABLE,
    focus_state,
    script_may_move_focus,
    tabbable_in,
)

RULE = Rule(
    id="aria-hidden-focus",
    impact="serious",
    wcag=("4.1.2",),
    act=("6cfa84",),
    tags=("cat.name-role-value",),
    help='Add tabindex="-1" (or disabled) to focusable content inside aria-hidden="true", '
         "or do not hide it",
)


def check(page: Page) -> Results:
    for el in page.select("*[aria-hidden]"):
        if (el.get("aria-hidden") or "").strip().lower() != "true":
            continue
        yield _judge(page, el)


def _judge(page: Page, el: etree._Element) -> Result:
    found: list[tuple[etree._Element, str]] = []
    own = focus_state(page, el)
    if own is not None:
        found.append((el, own))
    found.extend(tabbable_in(page, el))
    tabbable = [f for f, state in found if state == TABBABLE]
    name = f'<{tag_of(el)} aria-hidden="true">'
    definite: list[etree._Element] = []
    doubts: list[str] = []
    hidden_widget = hidden_widget_test(page, el)
    for item in tabbable:
        if script_may_move_focus(page, item):
            doubts.append(f"a script handles focus on <{tag_of(item)}> (it may move focus on)")
            continue
        hidden = hidden_widget(item)
        if hidden:
            doubts.append(hidden)
        else:
            definite.append(item)
    if definite:
        return RULE.fail(el, f"{name} {_what(el, definite)} in the Tab order")
    if tabbable:
        return RULE.cant_tell(el, f"{name} {_what(el, tabbable)} in the Tab order, but "
                              f"{doubts[0]}")
    if any(state == FRAME for _, state in found):
        return RULE.cant_tell(el, f"{name} contains an iframe whose document is not visible "
                              "here; it may hold focusable content")
    return RULE.ok(el, f"{name} has nothing in the Tab order")


def _what(hidden: etree._Element, items: list[etree._Element]) -> str:
    first = items[0]
    label = "is itself" if first is hidden else f"contains <{tag_of(first)}>"
    more = f" and {len(items) - 1} more" if len(items) > 1 else ""
    return f"{label}{more}"
