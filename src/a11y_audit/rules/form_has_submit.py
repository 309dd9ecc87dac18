"""A form that people fill in has a submit button.

Forms that submit only when a script reacts to a click or a change (newsletter sign-ups,
comment boxes, search fields with an icon that is not a button) leave keyboard and switch users
without a clear way to send what they typed, and screen reader users without a control that
says what happens next. bbc-a11y's standard "Forms must have submit buttons" checks the same.

No axe-core counterpart. bbc-a11y counts ``input[type=submit]``, ``button[type=submit]`` and
``input[type=image]`` inside the form. This rule follows HTML's definition of a submit button,
so a ``<button>`` without ``type`` (whose default type is submit) counts, and so does a submit
button outside the form that names it with ``form="id"``; and it applies only to rendered forms
with a field to fill in (not forms of hidden inputs or a lone button, like "Log out").

Fails::

    <form class="newsletter"><label>Email <input type="email" name="e"></label>
      <a class="btn" onclick="signUp()">Sign up</a></form>

Passes::

    <form role="search" action="/search"><label>Search <input type="search" name="q"></label>
      <button>Go</button></form>

    <form id="f"><label>Email <input type="email"></label></form>
    <button type="submit" form="f">Sign up</button>

Limits: a form that a stylesheet the cascade reads hides is not rendered and not checked; one that
only a linked stylesheet that could not be read may hide is. A form of one text field can be
submitted with Enter (HTML "implicit submission"), but nothing tells users so; it still fails.
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="form-has-submit",
    impact="moderate",
    wcag=(),
    tags=("news", "cat.forms"),
    axe=False,
    help_url=bbc.url("forms/managing-focus"),
    help="Add a submit button (<button type=\"submit\">) to the form",
    # (an include or a hook inside the form may write its button: WooCommerce's checkout)
    template_values=("content",),
)

_FIELDS = ("input", "select", "textarea")
_NO_ENTRY = frozenset(("hidden", "submit", "image", "button", "reset"))


def check(page: Page) -> Results:
    forms = [f for f in page.tags("form") if page.is_rendered(f)]
    if not forms:
        return
    external: dict[str, list[Element]] = {}
    for el in page.select("button[form]", "input[form]"):
        if _is_submit(el):
            external.setdefault(el.get("form") or "", []).append(el)
    for form in forms:
        if not any(_is_field(el) for el in form.iter(*_FIELDS)):
            continue
        if any(_is_submit(el) for el in form.iter("button", "input")) or (
            form.get("id") and external.get(form.get("id") or "")
        ):
            yield RULE.ok(form, "The form has a submit button")
        else:
            yield RULE.fail(form, "The form has fields but no submit button (<button>, "
                                  "<input type=submit> or <input type=image>)")


def _is_field(el: Element) -> bool:
    if tag_of(el) != "input":
        return True
    return (el.get("type") or "text").strip().lower() not in _NO_ENTRY


def _is_submit(el: Element) -> bool:
    kind = (el.get("type") or "").strip().lower()
    if tag_of(el) == "button":
        return kind not in ("button", "reset")   # missing or invalid type: submit
    return kind in ("submit", "image")
