"""Form fields (``input`` and ``textarea``) have an accessible name.

A text field, checkbox or date picker without a name is announced as "edit text", "checkbox"
or "date" with no hint of what to type or tick. On news pages these are the search box, the
newsletter sign-up, comment forms and poll answers. A visible ``<label>`` (``for``/``id`` or
wrapping the field) is the best name; ``aria-label``, ``aria-labelledby``, ``title`` and, as a
last resort, ``placeholder`` also count.

The rule applies to ``input`` (except ``hidden``, ``image``, ``submit``, ``reset`` and
``button``) and ``textarea`` elements that are exposed to assistive technology as a form field,
including input types with no ARIA role (``date``, ``color``, ``password``, ``file``...).

Differs from axe-core: names are computed as browsers do (accname 1.2, HTML-AAM), so a ``<label>``
with no text but a ``title`` names its field by that title (accname 1.2 step 2I applies to every
node of the computation), where axe-core reads only the label's content. Otherwise it matches
axe-core (and W3C ACT rule e086e5). When a ``<label>`` beside the field is not associated with it
(no ``for``, or ``for`` naming the field's ``name`` instead of its id), the failure says so and
carries that label as a related node.

Fails::

    <form class="newsletter"><p>Get the morning briefing</p><input type="email" name="email">
      <button>Sign up</button></form>

    <label>Date of birth</label> <input type="date">

Passes::

    <form class="newsletter"><label for="nl-email">Email address</label>
      <input type="email" id="nl-email" name="email"><button>Sign up</button></form>

    <label><input type="checkbox" name="terms"> I accept the terms</label>

    <input type="search" name="q" placeholder="Search the site">

A ``<label>`` that is hidden (``display: none``, ``visibility: hidden``, ``hidden`` or
``aria-hidden``) names nothing, as HTML-AAM, Chromium and axe-core's ``hidden-explicit-label``
have it; a visually hidden ("sr-only") label still names the field.

Limits: a label that only a linked stylesheet that could not be read may hide still counts. An
unnamed field that a stylesheet the cascade reads hides (``display: none``, ``visibility: hidden``)
is not checked; one that only a linked stylesheet that could not be read may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.naming import FIELD_ROLES, ROLELESS_FIELD_TYPES, check_named
from a11y_audit.dom import tag_of
from a11y_audit.rule import Element, Outcome, Page, Results, Rule
from a11y_audit.semantics.names import input_type

RULE = Rule(
    id="label",
    impact="critical",
    wcag=("4.1.2",),
    act=("e086e5",),
    tags=("cat.forms",),
    help="Label the field: a <label> element, aria-label or aria-labelledby",
    template_values=("for", "id", "aria-labelledby", "type", "content", "labels"),
)

_NOT_FIELDS = frozenset(("hidden", "image", "submit", "reset", "button"))


def check(page: Page) -> Results:
    fields = [el for el in page.select("input", "textarea") if _is_field(page, el)]
    for result in check_named(RULE, page, fields, "Form field", ("<label>",)):
        if result.outcome is Outcome.FAILED:
            stray = _stray_labels(page, result.element)
            if stray:
                where = ", ".join(f"line {page.line(lb)}" for lb in stray)
                result = result._replace(text=f"{result.message}; a <label> beside it is "
                                                f"not associated with it ({where})",
                                         related=tuple(stray))
        yield result


def _stray_labels(page: Page, el: Element) -> list[Element]:
    """Labels meant for the field that do not label it: ``for`` naming its ``name`` or its id
    in another case, or a ``<label>`` right before it with no ``for`` and no control inside."""
    field_id, field_name = el.get("id") or "", el.get("name") or ""
    by_for, by_folded = page.memo(_LABELS_BY_FOR, _labels_by_for)
    found = by_for.get(field_name, []) if field_name and field_name != field_id else []
    if field_id:
        for target, labels in by_folded.get(field_id.lower(), {}).items():
            if target != field_id:
                found = [*found, *labels]
    if found:
        found = sorted(set(found), key=page.order.__getitem__)
    previous = el.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if (previous is not None and tag_of(previous) == "label" and previous.get("for") is None
            and not previous.xpath(".//input|.//select|.//textarea|.//button")
            and previous not in found):
        found.append(previous)
    return found


_LABELS_BY_FOR = "label.by-for"


def _labels_by_for(page: Page) -> tuple[dict[str, list[Element]],
                                        dict[str, dict[str, list[Element]]]]:
    """The page's labels with a ``for``, by its value (:attr:`Page.labels_by_for`), and by
    its value lower-cased then as written: looked up per failed field."""
    by_for = page.labels_by_for
    by_folded: dict[str, dict[str, list[Element]]] = {}
    for target, labels in by_for.items():
        by_folded.setdefault(target.lower(), {})[target] = labels
    return by_for, by_folded


def _is_field(page: Page, el: Element) -> bool:
    if tag_of(el) == "input" and input_type(el) in _NOT_FIELDS:
        return False
    if page.is_hidden(el):
        return False
    role = page.role(el)
    if role in FIELD_ROLES:
        return True
    return role == "" and tag_of(el) == "input" and input_type(el) in ROLELESS_FIELD_TYPES
