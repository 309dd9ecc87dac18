"""Global ARIA properties are not used on roles that prohibit them.

Some roles take no name: a ``div`` or ``span`` (role ``generic``), a paragraph, ``code``,
``strong``... Browsers drop an ``aria-label`` put there, so the label a developer wrote for a
byline, a price or an icon is never read, and the visible text is all users hear.

Applies to every global WAI-ARIA state or property on an element exposed to assistive technology,
as ACT rule kb1m8s. The element's semantic role is its explicit role, else its implicit role, after
presentational-role conflict resolution (``<div role="none" aria-label="x">`` is a ``generic``).
Prohibited means WAI-ARIA 1.2 "Prohibited States and Properties" (``aria-label`` and
``aria-labelledby`` on caption, code, deletion, emphasis, generic, insertion, paragraph,
presentation/none, strong, subscript, superscript; also ``aria-roledescription`` on generic) and
the WAI-ARIA 1.3 braille counterparts (``aria-braillelabel``, ``aria-brailleroledescription``).

Differs from axe-core: an element with text whose ``aria-label`` or ``aria-labelledby`` is
prohibited fails, as the failed examples of ACT rule kb1m8s do; axe-core asks for a review there,
since the text is still read. Otherwise it follows axe-core: an empty value is ignored; an element
without role (``kbd``, ``abbr``, a custom element) may not be named either; a ``span`` or ``i``
inside a widget (``role="button"``, a link) may, since the widget's name is computed from it;
``mark`` and ``suggestion`` (WAI-ARIA 1.3) take no name; a ``summary``, the disclosure button
of its ``details``, may be named.

Fails::

    <div class="price" aria-label="Was 100 euros, now 1 euro"><s>€100</s> <b>€1</b></div>

Passes::

    <a href="/deal" aria-label="Was 100 euros, now 1 euro"><s>€100</s> <b>€1</b></a>

Limits: an element hidden by any stylesheet the cascade reads (a ``<style>`` element, a linked file
it could read, ``--stylesheet`` site CSS) is skipped; one hidden only by a linked stylesheet that
could not be read still counts as exposed; where a rule the cascade cannot evaluate (``@container``,
an unknown ``var()``...) may hide it, the failure is cantTell and names
that rule.
"""

from __future__ import annotations

from a11y_audit.dom import tag_of
from a11y_audit.knowledge import aria
from a11y_audit.rule import Page, Results, Rule
from a11y_audit.semantics import aria_tree

RULE = Rule(
    id="aria-prohibited-attr",
    impact="serious",
    wcag=("1.3.1", "4.1.2"),
    act=("kb1m8s",),
    tags=("cat.aria",),
    help="Remove the prohibited attribute, or give the element a role that allows it",
    template_values=("role",),
)


_NAMING = frozenset(("aria-label", "aria-labelledby"))
# WAI-ARIA 1.3 roles browsers map that take no name (as axe-core checks them).
_UNNAMED_ARIA13_ROLES = frozenset(("mark", "suggestion"))
# WAI-ARIA 1.2 section 5.3.2, the widgets that are not containers of other widgets (plus
# combobox and listbox, which axe-core counts with them): a name inside one feeds its name.
_NAMED_FROM_INSIDE_WIDGETS = frozenset((
    "button", "checkbox", "combobox", "gridcell", "link", "listbox", "menuitem",
    "menuitemcheckbox", "menuitemradio", "option", "progressbar", "radio", "scrollbar",
    "searchbox", "slider", "spinbutton", "switch", "tab", "textbox", "treeitem"))
# Elements without a role whose aria-label browsers still use (axe-core's list, and a
# details' summary, its disclosure button: axe-core gives it role button, and ARIA in HTML
# allows the button role's attributes on it).
_LABEL_ALLOWED_TAGS = frozenset(("applet", "input", "summary"))


def check(page: Page) -> Results:
    for el, held in aria_tree.aria_attributes_of(page):
        attributes = [(name, value) for name, value in held
                      if name in aria.ALL_GLOBAL_ATTRIBUTES]
        if not attributes or page.is_hidden(el) or aria_tree.in_mathml(page, el):
            continue
        role = page.role(el)
        forbidden = _prohibited(page, el, role)
        prohibited = [name for name, value in attributes if name in forbidden and value.strip()]
        if not prohibited:
            yield RULE.ok(el)
            continue
        what = f"role {role!r} (<{tag_of(el)}>)" if role else f"<{tag_of(el)}>, which has no role"
        message = (f"{', '.join(prohibited)} {'is' if len(prohibited) == 1 else 'are'} not "
                   f"allowed on {what}")
        yield RULE.fail(el, message)


def _prohibited(page: Page, el, role: str) -> frozenset[str]:
    """The attributes the element may not carry. A ``generic`` element or one without role
    (``kbd``, ``abbr``, a custom element) may carry a name inside a widget (a ``span`` in a
    ``role="button"``, an ``<i>`` in a link): the widget's name is computed from it."""
    if role in _UNNAMED_ARIA13_ROLES:
        return _NAMING
    if role and role != "generic":
        return aria.prohibited_attributes(role)
    if tag_of(el) in _LABEL_ALLOWED_TAGS or _inside_widget(page, el):
        return frozenset()
    return aria.prohibited_attributes("generic") if role else _NAMING


def _inside_widget(page: Page, el) -> bool:
    """The closest ancestor with a role of its own is a widget (not a grid, row or menu, whose
    cells and items carry their own names)."""
    for ancestor in el.iterancestors():
        role = page.role(ancestor)
        if role in ("", "none", "presentation", "generic"):
            continue
        return role in _NAMED_FROM_INSIDE_WIDGETS or "link" in aria.role_chain(role)
    return False
