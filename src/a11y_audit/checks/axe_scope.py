"""How axe-core picks the elements its rules look at, for the rules that share its ids.

axe-core selects elements with a CSS selector, drops those hidden from screen readers (unless a
rule sets ``excludeHidden: false``) and then runs a rule's ``matches`` function. A few of those
steps recur across rules; they live here so each rule reads the same way:

* ``role_attribute_is`` is the selector ``[role="x"]``: the attribute value exactly (a token list
  such as ``role="treeitem none"`` or a different case does not match).
* ``natively_named`` is axe's ``no-naming-method-matches``: an element that HTML already names
  (the ``namingMethods`` of axe's ``standards/html-elms``: ``<a href>`` content, ``img`` alt,
  ``button`` content, a labelled field...) is left to the rules for that element.
* ``on_screen_results`` is ``is-on-screen`` in a ``none`` list (``blink``, ``marquee``).
* ``screen_reader_text`` is axe's ``visibleVirtual(el, true)``: the text nodes of the subtree that
  are not hidden from assistive technology, concatenated and white space collapsed (alt text and
  ARIA labels are no text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import normalize_space
from a11y_audit.knowledge import aria_data

if TYPE_CHECKING:
    from a11y_audit.page import Page
    from a11y_audit.rule import Results, Rule

Element = etree._Element

# Elements HTML-AAM gives a naming method (axe-core standards/html-elms ``namingMethods``).
_NAMED_TAGS = frozenset((
    "area", "br", "button", "fieldset", "figure", "hr", "img", "output", "select", "svg",
    "summary", "table", "textarea",
))
# ``input`` types without a naming method in axe's table (checkbox and radio variants).
_UNNAMED_INPUTS = frozenset(("checkbox", "radio", "hidden"))
_NO_TEXT = frozenset(("script", "style", "template", "noscript", "head", "title", "meta",
                      "link", "datalist", "param", "source", "track"))


def role_attribute_is(el: Element, *roles: str) -> bool:
    """The ``role`` attribute is exactly one of ``roles`` (CSS ``[role="x"]``)."""
    return el.get("role") in roles


def natively_named(el: Element) -> bool:
    """HTML gives the element a naming method of its own (axe ``no-naming-method-matches``)."""
    tag = el.tag
    if tag in _NAMED_TAGS:
        return True
    if tag == "a":
        return el.get("href") is not None
    if tag == "input":
        return (el.get("type") or "").strip().lower() not in _UNNAMED_INPUTS
    return False


def screen_reader_text(el: Element, page: Page) -> str:
    """Text nodes of the subtree not hidden from assistive technology (axe ``visibleVirtual``
    with ``screenReader``), white space collapsed."""
    out: list[str] = []
    stack: list[Element | str] = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):          # the tail text after a child of a visible parent
            out.append(node)
            continue
        if node.tag in _NO_TEXT:
            continue
        visible = not page.is_hidden(node)
        if visible and node.text:
            out.append(node.text)
        for child in reversed([c for c in node if isinstance(c.tag, str)]):
            if visible and child.tail:
                stack.append(child.tail)
            stack.append(child)
    return normalize_space("".join(out))


def id_referenced(page: Page) -> frozenset[str]:
    """Ids that an ARIA ID-reference attribute or a ``label for`` points at (axe-core
    ``isAccessibleRef``), computed once per page."""
    return page.memo("axe_scope.id_referenced", _referenced)


def _referenced(page: Page) -> frozenset[str]:
    found: set[str] = set()
    for label in page.tags("label"):
        value = label.get("for")
        if value is not None:
            found.add(value)
    for attribute in _IDREF_ATTRIBUTES:
        for holder in page.by_attribute.get(attribute, []):
            found.update(normalize_space(holder.get(attribute)).split())
    return frozenset(found)


_IDREF_ATTRIBUTES = tuple(
    name for name, attr in aria_data.ATTRIBUTES.items()
    if attr.type in (aria_data.ID_REFERENCE, aria_data.ID_REFERENCE_LIST)
)


def subtree_text(el: Element, page: Page) -> str:
    """The name the element's content gives (accname 2F over its children: text, alt text,
    names of descendants), ignoring the element's own ``aria-label``, ``aria-labelledby`` and
    ``title``: axe-core's ``subtreeText``, used by ``has-visible-text``."""
    from a11y_audit.semantics.names import _Computation  # the one accname implementation

    return normalize_space(_Computation(page)._content(el, False, False, 0, own_text=True))


def unnamed_role_elements(page: Page, *roles: str) -> list[Element]:
    """Elements selected by ``[role="x"]`` for one of ``roles``, not hidden from assistive
    technology and not named by HTML itself: the candidates of axe-core's ``aria-*-name`` rules
    that use ``no-naming-method-matches``."""
    return [el for el in page.with_role
            if role_attribute_is(el, *roles) and not natively_named(el)
            and not page.is_hidden(el)]


def on_screen_results(rule: Rule, page: Page, elements: list[Element], problem: str) -> Results:
    """axe-core's ``is-on-screen`` in a ``none`` list (blink, marquee): fail each element that is
    rendered and on screen; pass those not rendered or moved off screen or clipped by the
    cascade (:meth:`Page.visually_hidden`)."""
    from a11y_audit.checks.naming import describe

    for el in elements:
        if not page.is_rendered(el) or page.visibility_state(el)[1]:
            yield rule.ok(el, "not rendered")
            continue
        hidden = page.visually_hidden(el)
        if hidden is not None:
            yield rule.ok(el, f"moved off screen or clipped ({hidden})")
            continue
        # Rendered, and no style the cascade read hides it from sight: on screen.
        yield rule.fail(el, f"{describe(el)}: {problem}")
