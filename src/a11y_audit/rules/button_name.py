"""Buttons have an accessible name.

Screen reader users hear a button by its name: "Share, button", "Play video, button". A button
with only an icon and no text, ``aria-label`` or ``title`` is announced as "button" and nothing
more, so the share bars, gallery arrows and menu toggles of a news page become guesswork. Voice
control users cannot say its name either.

The rule applies to every element exposed with the role ``button``: ``<button>``, ``input``
buttons (``type="button"``, ``"submit"``, ``"reset"``) and elements with ``role="button"``;
``input type="image"`` has its own rule (input-image-alt). ``submit`` and ``reset`` inputs get a
default name from the browser and pass.

Fails::

    <button class="share-facebook"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg></button>

    <span role="button" class="gallery-next"></span>

Passes::

    <button class="share-facebook" aria-label="Share on Facebook"><svg></svg></button>

    <button>Load more stories</button>

    <input type="submit">

Limits: CSS generated content (``::before`` icons or text) is not seen; a button whose only text
comes from a stylesheet fails here. An unnamed button that a rule of the page's own ``<style>``
may hide (``display: none``, ``visibility: hidden``) is cantTell; one hidden by an external
stylesheet is checked. A custom element or ``data-alt`` placeholder inside an unnamed button is
cantTell: a script renders it.
"""

from __future__ import annotations

from a11y_audit.commons.dom import tag_of
from a11y_audit.commons.names import input_type
from a11y_audit.commons.naming import check_named
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="button-name",
    impact="critical",
    wcag=("4.1.2",),
    act=("97a4e1",),
    tags=("cat.name-role-value",),
    help="Give the button text content, an aria-label or aria-labelledby",
)


def check(page: Page) -> Results:
    yield from check_named(RULE, page, _buttons(page), "Button")


def _buttons(page: Page) -> list[Element]:
    return [
        el for el in page.select("button", "input", "*[role]")
        if page.role(el) == "button" and not page.is_hidden(el)
        and not (tag_of(el) == "input" and input_type(el) == "image")
    ]
