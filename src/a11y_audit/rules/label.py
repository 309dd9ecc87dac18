"""Form fields (``input`` and ``textarea``) have an accessible name.

A text field, checkbox or date picker without a name is announced as "edit text", "checkbox"
or "date" with no hint of what to type or tick. On news pages these are the search box, the
newsletter sign-up, comment forms and poll answers. A visible ``<label>`` (``for``/``id`` or
wrapping the field) is the best name; ``aria-label``, ``aria-labelledby``, ``title`` and, as a
last resort, ``placeholder`` also count.

The rule applies to ``input`` (except ``hidden``, ``image``, ``submit``, ``reset`` and
``button``) and ``textarea`` elements that are exposed to assistive technology as a form field,
including input types with no ARIA role (``date``, ``color``, ``password``, ``file``...).

Fails::

    <form class="newsletter"><p>Get the morning briefing</p><input type="email" name="email">
      <button>Sign up</button></form>

    <label>Date of birth</label> <input type="date">

Passes::

    <form class="newsletter"><label for="nl-email">Email address</label>
      <input type="email" id="nl-email" name="email"><button>Sign up</button></form>

    <label><input type="checkbox" name="terms"> I accept the terms</label>

    <input type="search" name="q" placeholder="Search the site">

Limits: a label hidden by a stylesheet still counts (browsers use hidden labels). An unnamed
field that a rule of the page's own ``<style>`` may hide (``display: none``, ``visibility:
hidden``) is cantTell; one hidden by an external stylesheet is checked.
"""

from __future__ import annotations

from a11y_audit.commons.dom import tag_of
from a11y_audit.commons.names import input_type
from a11y_audit.commons.naming import FIELD_ROLES, ROLELESS_FIELD_TYPES, check_named
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="label",
    impact="critical",
    wcag=("4.1.2",),
    act=("e086e5",),
    tags=("cat.forms",),
    help="Label the field: a <label> element, aria-label or aria-labelledby",
)

_NOT_FIELDS = frozenset(("hidden", "image", "submit", "reset", "button"))


def check(page: Page) -> Results:
    fields = [el for el in page.select("input", "textarea") if _is_field(page, el)]
    yield from check_named(RULE, page, fields, "Form field", ("<label>",))


def _is_field(page: Page, el: Element) -> bool:
    if tag_of(el) == "input" and input_type(el) in _NOT_FIELDS:
        return False
    if page.is_hidden(el):
        return False
    role = page.role(el)
    if role in FIELD_ROLES:
        return True
    return role == "" and tag_of(el) == "input" and input_type(el) in ROLELESS_FIELD_TYPES
