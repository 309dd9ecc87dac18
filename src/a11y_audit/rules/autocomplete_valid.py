"""The autocomplete attribute of a form field holds valid autofill tokens.

Newsletter sign-ups, comment forms, subscription checkouts and contact forms ask for names,
emails and card numbers. A valid ``autocomplete`` value lets the browser fill them in and lets
assistive tools show the field's purpose with familiar icons or words, which helps readers with
cognitive or motor disabilities. A typo ("e-mail"), a made-up word or tokens in the wrong order
make the field's purpose unknown to software.

Applies to each ``input``, ``select`` and ``textarea`` with an ``autocomplete`` value that is not
empty, only whitespace, or a lone ``on``/``off``, except fields that are disabled (``disabled``,
a disabled fieldset, or ``aria-disabled="true"`` on the field or an ancestor), inputs whose type
takes no autofill (hidden, button, checkbox, file, image, radio, reset, submit), fields that are
not rendered, and fields outside the Tab order whose role is not a widget role. The value must
follow the HTML grammar: optional ``section-*``, optional ``shipping``/``billing``, a field name
(a contact type such as ``work`` only before ``tel``, ``email`` or ``impp``), optional
``webauthn``.

Matches axe-core. As there, a read-only field (``readonly``, ``aria-readonly="true"``) is not
checked; a lone word browsers read as off or on (``none``, ``false``, ``true``, ``disabled``,
``enabled``, ``null``, ``undefined``, ``xon``, ``xoff``) passes; and a lone common word that is no
token but may name a purpose HTML has no token for (``text``, ``pronouns``, ``gender``,
``message``, ``content``) is cantTell. No ACT case decides these.

Fails::

    <form><label>Email for our newsletter
      <input type="email" autocomplete="e-mail"></label></form>

Passes::

    <form><label>Email for our newsletter
      <input type="email" autocomplete="email"></label></form>

Limits: a field that a stylesheet the cascade reads hides is not rendered and not checked; one that
only a linked stylesheet that could not be read may hide is; whether the token fits the field (a
``bday`` token on an email field) is not judged.
"""

from __future__ import annotations

from lxml import etree

from a11y_audit.dom import tag_of
from a11y_audit.knowledge.autocomplete import is_toggle, problem
from a11y_audit.knowledge.lang import is_blank
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics import focus
from a11y_audit.semantics.tabbing import is_inert

RULE = Rule(
    id="autocomplete-valid",
    impact="serious",
    wcag=("1.3.5",),
    act=("73f2c2",),
    tags=("cat.forms",),
    help='Use autofill tokens from the HTML standard, e.g. autocomplete="email" or "given-name"',
    template_values=("autocomplete", "type"),
)

# Input types for which autocomplete has no effect (HTML: the attribute does not apply).
_NO_AUTOFILL_TYPES = frozenset(
    ("hidden", "button", "checkbox", "file", "image", "radio", "reset", "submit")
)


def _words(text: str) -> list[str]:
    return text.split()


# WAI-ARIA 1.2 section 5.3.2 "Widget Roles" (standalone and composite).
WIDGET_ROLES = frozenset(
    _words("""
    button checkbox gridcell link menuitem menuitemcheckbox menuitemradio option progressbar
    radio scrollbar searchbox separator slider spinbutton switch tab tabpanel textbox treeitem
    combobox grid listbox menu menubar radiogroup tablist tree treegrid
    """)
)


# Values that are no autofill token but that browsers read as "off" or "on" (axe-core lets them
# pass), and common words that are no token but may be meant for a field with no standard
# token (axe-core asks for a review).
_STATE_WORDS = frozenset(("none", "false", "true", "disabled", "enabled", "undefined", "null",
                          "xoff", "xon"))
_NON_STANDARD_PURPOSES = frozenset(("text", "pronouns", "gender", "message", "content"))


def check(page: Page) -> Results:
    for el in page.select("input[autocomplete]", "select[autocomplete]",
                          "textarea[autocomplete]"):
        value = el.get("autocomplete") or ""
        if is_blank(value) or is_toggle(value) or not _applicable(page, el):
            continue
        reason = problem(value)
        name = tag_of(el)
        word = value.strip().lower()
        if reason is not None and word in _STATE_WORDS:
            yield RULE.ok(el, f"<{name} autocomplete={value!r}>: browsers read it as on/off")
        elif reason is not None and word in _NON_STANDARD_PURPOSES:
            yield RULE.cant_tell(el, f"<{name} autocomplete={value!r}> is no autofill token; "
                                     "if the field's purpose has a standard token, use it")
        elif reason is None:
            yield RULE.ok(el, f"<{name} autocomplete={value!r}>")
        else:
            yield RULE.fail(el, f"<{name} autocomplete={value!r}> is not a valid autofill "
                            f"value: {reason}")


def _applicable(page: Page, el: etree._Element) -> bool:
    if tag_of(el) == "input" and (el.get("type") or "").strip().lower() in _NO_AUTOFILL_TYPES:
        return False
    if focus.is_disabled(el) or _aria_disabled(el) or is_inert(el):
        return False
    if el.get("readonly") is not None or (el.get("aria-readonly") or "").strip().lower() == "true":
        return False   # nothing is filled in a read-only field (as axe-core)
    if not page.is_rendered(el):
        return False
    return focus.is_tabbable(el) or page.role(el) in WIDGET_ROLES


def _aria_disabled(el: etree._Element) -> bool:
    return any((node.get("aria-disabled") or "").strip().lower() == "true"
               for node in (el, *el.iterancestors()))
