"""Input buttons have discernible text.

``<input type="button">``, ``"submit"`` and ``"reset"`` show their ``value`` as their label and
screen readers announce it: "Search, button". A ``type="button"`` input without a value, or any
of them with an empty one, is drawn as an empty box and announced as "button" alone; search
boxes and comment forms on news pages are where they turn up.

The rule applies to every ``input`` whose ``type`` is ``button``, ``submit`` or ``reset``, not
hidden from assistive technology (one with an explicit role other than ``none``/``presentation``
is skipped when it is not focusable, as axe-core's ``no-explicit-name-required-matches`` does
for roles that need no name). It passes with any of: a ``submit``/``reset`` without a ``value``
attribute (the browser's "Submit"/"Reset"), a ``value`` that is not white space, an
``aria-label``, an ``aria-labelledby`` that gives text, a ``title``, a ``label`` that gives
text, or a presentational role. A ``value=""`` is no label: the button shows nothing.

Matches axe-core. Same selector, hidden excluded, and the same checks (``non-empty-if-present``,
``non-empty-value``, ``aria-label``, ``aria-labelledby``, ``non-empty-title``,
``implicit-label``, ``explicit-label``, ``presentational-role``), ACT rule 97a4e1 for these
inputs.

Fails::

    <form role="search"><input type="text" name="q" aria-label="Search">
      <input type="button" class="search-go"></form>

    <input type="submit" value="">

Passes::

    <input type="submit">

    <input type="button" value="Load more stories">

    <input type="reset" value="" aria-label="Clear the form">
"""

from __future__ import annotations

from a11y_audit.checks.naming import describe, named
from a11y_audit.dom import normalize_space, text_content
from a11y_audit.knowledge import aria
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="input-button-name",
    impact="critical",
    wcag=("4.1.2",),
    act=("97a4e1",),
    tags=("cat.name-role-value",),
    help="Give the input button a value (its visible label), an aria-label or a title",
    template_values=("aria-labelledby",),
)

_TYPES = frozenset(("button", "submit", "reset"))


def check(page: Page) -> Results:
    for el in page.tags("input"):
        kind = (el.get("type") or "").lower()
        if kind not in _TYPES or page.is_hidden(el):
            continue
        role = page.explicit_roles.get(el)
        if role and role not in aria.PRESENTATIONAL and not page.is_focusable(el):
            continue
        value = el.get("value")
        if value is None and kind in ("submit", "reset"):
            yield RULE.ok(el, lambda el=el: f"{describe(el)} has the browser's default label")
        elif value is not None and value.strip():
            yield RULE.ok(el, lambda el=el: f"{describe(el)} shows its value")
        elif value is not None and not _other_name(el, page):
            yield RULE.fail(el, f"{describe(el)} has an empty value and no aria-label, "
                                "aria-labelledby, title or label")
        else:
            yield named(RULE, page, el, "Input button", ("value",), text=False)


def _other_name(el: Element, page: Page) -> bool:
    """A name from something other than the value: aria-labelledby, aria-label, title, label
    (the default "Submit" that the name computation gives an empty value is not one)."""
    if page.role(el) in aria.PRESENTATIONAL:
        return True
    if normalize_space(el.get("aria-label")) or normalize_space(el.get("title")):
        return True
    for ref in normalize_space(el.get("aria-labelledby")).split():
        target = page.ids.get(ref)
        if target is not None and normalize_space(text_content(target)):
            return True
    return any(normalize_space(text_content(label)) for label in page.labels_for(el))
