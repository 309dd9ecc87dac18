"""Shared pieces of the "has a non-empty accessible name" rules.

The ACT rules 97a4e1 (buttons), c487ae (links), 59796f (image buttons), 23a2a8 (images),
7d6734 (SVG images), m6b1q3 (menu items), e086e5 (form fields), 2t702h (summary), cae760
(iframes) and 8fc3b6 (objects) share one expectation: each applicable element, *included in the
accessibility tree*, has an accessible name that is not empty. This module holds the role sets
they split between them, the check itself, and the element description used in messages.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from a11y_audit.dom import normalize_space, text_content
from a11y_audit.knowledge.aria import PRESENTATIONAL
from a11y_audit.rule import Element, Page, Result, Results, Rule
from a11y_audit.semantics.names import input_type

# ACT e086e5 (form field): roles that inherit from input, menuitem or select and are form fields.
INPUT_FIELD_ROLES = frozenset(("combobox", "listbox", "searchbox", "slider", "spinbutton",
                               "textbox"))
TOGGLE_FIELD_ROLES = frozenset(("checkbox", "menuitemcheckbox", "menuitemradio", "radio",
                                "switch"))
FIELD_ROLES = INPUT_FIELD_ROLES | TOGGLE_FIELD_ROLES
# ``input`` types with no ARIA role that are form fields all the same (ACT e086e5, cc0f0a).
ROLELESS_FIELD_TYPES = frozenset(("color", "date", "datetime-local", "file", "month",
                                  "password", "time", "week"))
# Native form controls; custom (ARIA) fields are every other element with a field role.
NATIVE_FIELDS = frozenset(("input", "select", "textarea"))

# DPUB-ARIA roles that inherit from link (ACT "inheriting semantic link").
LINK_ROLES = frozenset(("link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"))

_SHOWN_ATTRIBUTES = ("id", "type", "role", "name", "href", "src", "data", "class")
_SHOWN = frozenset(_SHOWN_ATTRIBUTES)
_VALUE_LIMIT = 40


QUOTE_LIMIT = 80


def shorten(text: str | None, limit: int = QUOTE_LIMIT) -> str:
    """``text`` for a message: white space collapsed, and cut to ``limit`` characters with
    an ellipsis where it is longer."""
    text = normalize_space(text)
    return f"{text[:limit - 1]}…" if len(text) > limit else text


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` in quotes for a message (:func:`shorten`): a name taken from a whole cookie
    banner's text runs to thousands; "(empty)" for no text (not a pair of quotes a reader
    may take for a typing slip)."""
    text = shorten(text, limit)
    return f"\"{text}\"" if text else "(empty)"


def describe(el: Element) -> str:
    """A short opening tag naming the element: ``<a href="/news" class="card">``."""
    parts = [el.tag]   # an element the naming rules judge
    # The shown attributes it has, found by one set intersection with its names (in C),
    # then read in _SHOWN_ATTRIBUTES order: eight gets cost more than the rest.
    present = _SHOWN.intersection(el.keys())
    for attribute in _SHOWN_ATTRIBUTES if present else ():
        if attribute not in present:
            continue
        value = normalize_space(el.get(attribute))
        if len(value) > _VALUE_LIMIT:   # (shorten's, inline: described for every result)
            value = value[: _VALUE_LIMIT - 1] + "…"
        parts.append(f'{attribute}="{value}"')
    return "<" + " ".join(parts) + ">"


def in_tree(page: Page, el: Element) -> bool:
    """Included in the accessibility tree, as far as markup and inline styles tell."""
    return not page.is_hidden(el) and page.role(el) not in PRESENTATIONAL


def name_sources(el: Element, attributes: tuple[str, ...] = (), text: bool = True) -> str:
    """What was looked at, for the failure message: the naming attributes the element has (all
    empty), or the list of what it lacks (``text`` says if content could have named it)."""
    attributes = (*attributes, "aria-labelledby", "aria-label", "title")
    found = []
    for attribute in attributes:
        value = el.get(attribute)
        if value is not None:
            found.append(f'{attribute}="{normalize_space(value)[:_VALUE_LIMIT]}"')
    if found:
        verb = " gives" if len(found) == 1 else " give"
        return ", ".join(found) + verb + " no name" + (" and there is no text" if text else "")
    lacking = (["text"] if text else []) + list(attributes)
    return "no " + ", ".join(lacking[:-1]) + " or " + lacking[-1]


def with_roles(page: Page, roles: Iterable[str], skip_tags: Iterable[str] = ()) -> list[Element]:
    """Elements whose role attribute gives them one of ``roles``, not hidden from assistive
    technology, except those with a tag in ``skip_tags`` (native fields other rules judge)."""
    roles, skip_tags = frozenset(roles), frozenset(skip_tags)
    return [el for el in page.with_role
            if el.tag not in skip_tags and page.role(el) in roles and not page.is_hidden(el)]


def check_named(rule: Rule, page: Page, elements: Iterable[Element], what: str,
                attributes: tuple[str, ...] = (), text: bool = True,
                purpose: str = "") -> Results:
    """Pass each element with a non-empty accessible name, fail the others."""
    for el in elements:
        yield named(rule, page, el, what, attributes, text, purpose)


def named(rule: Rule, page: Page, el: Element, what: str, attributes: tuple[str, ...] = (),
          text: bool = True, purpose: str = "") -> Result:
    """``ok`` when the element has a non-empty accessible name, else ``fail``; ``attributes``
    and ``text`` list the element's own name sources for the message. With ``purpose`` (what
    a name must say: "where the link leads"), a failure also says what in the content gave no
    name (:func:`content_hint`).

    cantTell instead of fail when static HTML cannot decide: the text would come from a
    script: a custom element (``<lazy-image alt=...>``) or a lazy-loading placeholder
    (``data-alt``) where the name would be.

    Callers pass only elements in the accessibility tree: each skips ``page.is_hidden``
    elements, which takes out what the cascade does not render (a ``<style>`` or read linked
    stylesheet's ``display: none``), so no stylesheet rule can hide ``el`` here
    (tests/checks/test_naming.py runs every caller on hidden content).
    """
    name = page.name(el)
    if name:
        return rule.ok(el, lambda: f'{what} {describe(el)} is named {quote(name)}')
    labels = page.labels_for(el)
    if labels and all(page.is_hidden(label) for label in labels):
        # a hidden label names nothing (HTML-AAM; Chromium, axe-core's hidden-explicit-label)
        others = tuple(a for a in attributes if a != "<label>")
        message = (f"{what} {describe(el)} has no accessible name: its <label> is hidden "
                   "(display: none, visibility: hidden, hidden or aria-hidden), so it names "
                   f"nothing, and there is {name_sources(el, others, text)}")
    else:
        message = (f"{what} {describe(el)} has no accessible name: "
                   f"{name_sources(el, attributes, text)}")
    scripted = scripted_content(el) if text else None
    if scripted is not None:
        return rule.cant_tell(el, f"{message}; but a script may fill {describe(scripted)} "
                                  "with a name")
    if purpose:
        message += content_hint(page, el, what.lower(), purpose)
    return rule.fail(el, message)


# Content that shows something of its own, not drawn by a stylesheet: a control holding one
# gets no hint (its name may come from what a script puts there, or the cause lies elsewhere).
_EMBEDDED = frozenset(("picture", "source", "canvas", "video", "audio", "object", "embed",
                       "iframe", "input", "select", "textarea", "math"))


def content_hint(page: Page, el: Element, noun: str, purpose: str) -> str:
    """What in the content of a control that takes its name from its content (a link, a
    button) left it unnamed, in the cases that make nearly all such failures on news pages,
    with the fix that fits; "" when the control holds text (the cause lies elsewhere: the
    text is hidden) or none of the cases fits. ``noun``: "link"; ``purpose``: what the name
    must say, "where the link leads".

    - nothing inside: a logo or icon a stylesheet draws (the linked masthead);
    - all content hidden from assistive technology: an icon given ``aria-hidden="true"``
      without a label on the control (otherwise only the content that is shown counts);
    - images, none named: one without ``alt``, or all ``alt=""`` (marked decorative: the
      linked thumbnail of a teaser card);
    - an ``<svg>`` with no name;
    - else, elements without text (an empty ``<i class="fa fa-twitter">``): an icon that an
      icon font or a stylesheet's background draws (share buttons, menu toggles).
    """
    if normalize_space(text_content(el)):
        return ""
    content = [node for node in el.iterdescendants(etree.Element)
               if node.tag not in ("br", "wbr")]
    if not content:
        return (f"; the {noun} is empty (a logo or icon that a stylesheet draws gives no "
                f"name): add an aria-label or visually hidden text that says {purpose}")
    shown = [node for node in content if not page.is_hidden(node)]
    if not shown:
        how = ("aria-hidden=\"true\"" if page.visibility_state(content[0])[2]
               else "a style that does not display it")
        return (f"; its content ({describe(content[0])}) is hidden from assistive technology "
                f"by {how}: add an aria-label that says {purpose}")
    content = shown
    images = [node for node in content if node.tag == "img"]
    if images:
        missing = next((img for img in images if img.get("alt") is None), None)
        if missing is not None:
            return f"; its image {describe(missing)} has no alt: give it alt text that says " \
                   f"{purpose}"
        if all(not normalize_space(img.get("alt")) for img in images):
            return (f"; its image {describe(images[0])} has alt=\"\", which marks it "
                    f"decorative: give it alt text that says {purpose}")
        return ""
    svg = next((node for node in content if node.tag == "svg"), None)
    if svg is not None:
        return (f"; its {describe(svg)} has no name: give the {noun} an aria-label (and the "
                f"svg aria-hidden=\"true\") that says {purpose}")
    if any(node.tag in _EMBEDDED for node in content):
        return ""
    icon = next((node for node in content if node.get("class")), content[0])
    return (f"; its content ({describe(icon)}) has no text (an icon that a stylesheet draws "
            f"gives no name): add an aria-label or visually hidden text that says {purpose}")


def scripted_content(el: Element) -> Element | None:
    """A custom element or lazy-loading placeholder whose rendered content scripts decide."""
    if "-" in el.tag:
        return el
    # (a walk in document order, as the XPath .//*[contains(local-name(), '-') or @data-alt]
    # would find it: libxml2's XPath took ~100 us an element asked, most of a failure's cost)
    for node in el.iterdescendants(etree.Element):
        if "-" in node.tag or node.get("data-alt") is not None:
            return node
    return None


# -- which rule checks an element's name: axe-core's routing --------------------------------

# Roles that need an accessible name (WAI-ARIA 1.2 "Accessible Name Required", as axe-core's
# ``accessibleNameRequired`` lists them).
NAME_REQUIRED_ROLES = frozenset((
    "alertdialog", "application", "button", "checkbox", "combobox", "dialog", "img", "link",
    "listbox", "menuitem", "menuitemcheckbox", "menuitemradio", "meter", "option",
    "progressbar", "radio", "searchbox", "slider", "spinbutton", "switch", "textbox", "toolbar",
    "treeitem"))
# Roles aria-command-name checks when an element other than <a href> or <button> takes them
# from its role attribute (link roles excepted: link-name checks every link, ACT c487ae).
COMMAND_ROLES = frozenset(("button", "link", "menuitem"))


def native_name_rule_applies(page: Page, el: Element) -> bool:
    """axe-core's ``no-explicit-name-required-matches`` for ``img``, ``button`` and image
    buttons: the native rule applies unless an explicit role takes over that needs no name
    (``<img role="separator">`` that is not focusable). ``none``/``presentation`` keep it."""
    role = page.explicit_roles.get(el)
    if role is None or role in PRESENTATIONAL or role in NAME_REQUIRED_ROLES:
        return True
    return page.is_focusable(el)


def command_rule(page: Page, el: Element) -> str | None:
    """Which naming rule checks a link, button or menu item, axe-core's routing where the ACT
    rules allow it: ``button-name`` for ``<button>``, ``input-button-name`` for input buttons
    (``type=button|submit|reset``), ``link-name`` for
    ``<a href>`` and for every element with an explicit link role (ACT rule c487ae covers them
    all), ``aria-command-name`` for other elements given ``role="button"`` or
    ``role="menuitem"``, including ``<a href role="button">`` (not a link for ACT rule c487ae).
    None for anything else."""
    tag, role = el.tag, page.explicit_roles.get(el)
    native = None
    if tag == "a" and el.get("href") is not None:
        native = "link-name"
    elif tag == "button":
        native = "button-name"
    elif tag == "input" and input_type(el) in ("button", "submit", "reset"):
        native = "input-button-name"
    if role in LINK_ROLES:
        return "link-name"
    if role in COMMAND_ROLES:
        return native if role == "button" and native in ("button-name", "input-button-name") \
            else "aria-command-name"
    return native
