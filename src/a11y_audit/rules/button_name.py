"""Buttons have an accessible name.

Screen reader users hear a button by its name: "Share, button", "Play video, button". A button
with only an icon and no text, ``aria-label`` or ``title`` is announced as "button" and nothing
more, so the share bars, gallery arrows and menu toggles of a news page become guesswork. Voice
control users cannot say its name either.

The rule applies, as axe-core routes them, to ``<button>`` elements exposed as buttons, and to
a ``<button>`` given another role that needs a name or that stays focusable (``<button
role="gridcell">``). Other elements with ``role="button"`` are aria-command-name's, a ``<button
role="link">`` is link-name's, a ``<button role="menuitem">`` aria-command-name's; ``input``
buttons have their own rules (input-button-name, input-image-alt).

Matches axe-core.

Fails::

    <button class="share-facebook"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg></button>

    <button role="gridcell"></button>

Passes::

    <button class="share-facebook" aria-label="Share on Facebook"><svg></svg></button>

    <button>Load more stories</button>

Limits: CSS generated content (``::before`` icons or text) is not seen; a button whose only text
comes from a stylesheet fails here. An unnamed button that a stylesheet the cascade reads hides
(``display: none``, ``visibility: hidden``) is not checked; one that only a linked stylesheet that
could not be read may hide is checked. A custom element or ``data-alt`` placeholder inside an
unnamed button is cantTell: a script renders it.
"""

from __future__ import annotations

from a11y_audit.checks.naming import check_named, command_rule, native_name_rule_applies
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="button-name",
    impact="critical",
    wcag=("4.1.2",),
    act=("97a4e1",),
    tags=("cat.name-role-value",),
    help="Give the button text content, an aria-label or aria-labelledby",
    template_values=("aria-labelledby", "content"),
)


def check(page: Page) -> Results:
    yield from check_named(RULE, page, _buttons(page), "Button",
                           purpose="what the button does")


def _buttons(page: Page) -> list[Element]:
    """``<button>`` elements this rule routes to (see ``command_rule``), exposed as buttons; a
    ``<button>`` given another role that needs a name or that stays focusable
    (``<button role="gridcell">``) is checked too, as axe-core does. Input buttons are
    input-button-name's."""
    found = []
    for el in page.tags("button"):
        if page.is_hidden(el) or command_rule(page, el) != RULE.id:
            continue
        role = page.role(el)
        if role == "button" or (role not in ("none", "presentation", "")
                                and native_name_rule_applies(page, el)):
            found.append(el)
    return found
