"""The accessibility tree, as far as markup decides it: ``aria-owns``, owned nodes, tree parents.

Page-aware: reads the page's roles, ids and hidden-ness. The role tables and one-element
questions it builds on are :mod:`a11y_audit.knowledge.aria`.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from lxml import etree

from a11y_audit.knowledge.aria import (
    ALL_GLOBAL_ATTRIBUTES,
    PRESENTATIONAL,
    aria_attributes,
    is_mathml,
)

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element


# -- the accessibility tree, as far as markup decides it -------------------------------------
#
# ACT "owned by": a child in the accessibility tree. Hidden elements are out; elements whose
# role is none/presentation, and elements without any role (label, col, br...), are not nodes of
# their own, so their children take their place; ``aria-owns`` moves elements under their owner
# (the first owner in document order wins; an element cannot own one of its ancestors). Generic
# elements (div, span...) are nodes: ACT rule bc4a75 counts them as owned.

_OWNS_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class OwnedText(str):
    """Non-blank text owned directly by an element (a text node in the accessibility tree).

    ``wrapper`` is the ignored generic element (see :func:`is_ignored_generic`) the text sits
    in, when the owned elements were collected through such wrappers; else None."""

    wrapper: Element | None = None


def owns_index(page: Page) -> dict[Element, Element]:
    """Each element moved by ``aria-owns`` → its owner."""
    found = _OWNS_CACHE.get(page)
    if found is not None:
        return found
    index: dict[Element, Element] = {}
    for owner in page.select("*[aria-owns]"):
        ancestors = set(owner.iterancestors())
        for ref in (owner.get("aria-owns") or "").split():
            target = page.ids.get(ref)
            if target is None or target in index or target is owner or target in ancestors:
                continue
            index[target] = owner
    _OWNS_CACHE[page] = index
    return index


def aria_owned(page: Page, owner: Element) -> list[Element]:
    """The elements ``owner`` takes by ``aria-owns``, in attribute order."""
    index = owns_index(page)
    out = []
    for ref in (owner.get("aria-owns") or "").split():
        target = page.ids.get(ref)
        if target is not None and index.get(target) is owner and target not in out:
            out.append(target)
    return out


def is_transparent(page: Page, el: Element) -> bool:
    """Not a node of the accessibility tree itself: its children stand in its place."""
    role = page.role(el)
    return role in PRESENTATIONAL or role == ""


def is_ignored_generic(page: Page, el: Element) -> bool:
    """A ``generic`` element (``div``, ``span``, an ``li`` outside a list role...) with no global
    ARIA attribute that is not focusable. WAI-ARIA 1.3 ("allowed accessibility child roles",
    "required context role") and axe-core look through such wrappers when they match owned
    elements to their owner: ``<div role="tablist"><div class="x"><button role="tab">``."""
    if page.role(el) != "generic" or page.is_focusable(el):
        return False
    return not any(name in ALL_GLOBAL_ATTRIBUTES for name in el.attrib)


def owned_nodes(page: Page, owner: Element, *, through_generic: bool = False
                ) -> list[Element | OwnedText]:
    """The children of ``owner`` in the accessibility tree: elements and non-blank text. With
    ``through_generic``, ignored generic wrappers are looked through as well (their text is
    returned with its ``wrapper``)."""
    out: list[Element | OwnedText] = []
    moved = owns_index(page)
    _collect(page, owner, moved, out, through_generic, None)
    for target in aria_owned(page, owner):
        if page.is_hidden(target):
            continue
        if is_transparent(page, target):
            _collect(page, target, moved, out, through_generic, None)
        elif through_generic and is_ignored_generic(page, target):
            _collect(page, target, moved, out, through_generic, target)
        else:
            out.append(target)
    return out


def _collect(page: Page, node: Element, moved: dict[Element, Element],
             out: list[Element | OwnedText], through_generic: bool = False,
             wrapper: Element | None = None) -> None:
    """Append to ``out`` what ``node`` owns: its text and elements, looking through
    transparent elements (and with ``through_generic``, ignored generic wrappers, whose text
    then carries its ``wrapper``). A walk with a stack, not a call per wrapper (wrappers
    nested 1,900 deep ran out of the interpreter's stack)."""
    if node.text and node.text.strip() and not page.is_hidden(node):
        out.append(_owned_text(node.text, wrapper))
    # (the node looked through, its children left, its wrapper, the text after it)
    stack: list[tuple[Element, Iterator[Any], Element | None, OwnedText | None]] = [
        (node, iter(node), wrapper, None)]
    while stack:
        parent, children, around, after = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if after is not None:
                out.append(after)
            continue
        tail = (_owned_text(child.tail, around)
                if child.tail and child.tail.strip() and not page.is_hidden(parent) else None)
        if isinstance(child.tag, str) and child not in moved and not page.is_hidden(child):
            through = is_transparent(page, child)
            if through or (through_generic and is_ignored_generic(page, child)):
                # looked into: a transparent child keeps the wrapper, a generic one is it
                inner = around if through else child
                if child.text and child.text.strip():
                    out.append(_owned_text(child.text, inner))
                stack.append((child, iter(child), inner, tail))
                continue
            out.append(child)
        if tail is not None:
            out.append(tail)


def _owned_text(data: str, wrapper: Element | None) -> OwnedText:
    owned = OwnedText(data.strip())
    owned.wrapper = wrapper
    return owned


def tree_parent(page: Page, el: Element, *, through_generic: bool = False) -> Element | None:
    """The element's parent in the accessibility tree (None at the root); with
    ``through_generic``, ignored generic wrappers (:func:`is_ignored_generic`) are skipped."""
    index = owns_index(page)
    seen: set[Element] = set()
    node: Element | None = el
    while node is not None and node not in seen:
        seen.add(node)
        owner = index.get(node)
        parent = owner if owner is not None else node.getparent()
        if parent is None:
            return parent
        if not is_transparent(page, parent) and not (
            through_generic and is_ignored_generic(page, parent)
        ):
            return parent
        node = parent
    return None  # an aria-owns cycle through transparent elements


def iter_aria_elements(page: Page) -> Iterator[Element]:
    """Elements with at least one ``aria-*`` attribute, in document order."""
    return iter(page.memo("aria.elements", lambda p: p.select(
        *(f"*[{name}]" for name in p.by_attribute if name.startswith("aria-")))))


def in_mathml(page: Page, el: Element) -> bool:
    """:func:`aria.is_mathml` (the element is in a ``math`` element), answered at once on a
    page without one (most pages): no walk over the element's ancestors."""
    return "math" in page.by_tag and is_mathml(el)


def aria_attributes_of(page: Page) -> list[tuple[Element, list[tuple[str, str]]]]:
    """Each element of :func:`iter_aria_elements` with its :func:`aria_attributes`,
    read once a page: four rules (aria-allowed-attr, aria-prohibited-attr, aria-valid-attr,
    aria-valid-attr-value) sift the same attributes of the same elements. Read-only."""
    return page.memo("aria.attributes", _aria_attributes_of)


def _aria_attributes_of(page: Page) -> list[tuple[Element, list[tuple[str, str]]]]:
    elements = list(iter_aria_elements(page))
    return list(zip(elements, map(aria_attributes, elements), strict=True))


_ATTACH_SHADOW = re.compile(r"\.attachShadow\s*\(")


def shadow_root_sources(page: Page) -> list[Element]:
    """Scripts that call ``.attachShadow(`` and declarative shadow-root templates.

    Elements in shadow trees are not in the parsed document; rules about the accessibility
    tree's structure say cantTell where such content exists. Found once a page (two rules
    ask; a page's scripts can be a megabyte of text to search). Read-only.
    """
    return page.memo("aria.shadow_root_sources", _shadow_root_sources)


def _shadow_root_sources(page: Page) -> list[Element]:
    found = []
    for el in page.by_tag.get("script", []):
        text = el.text or ""
        # Every match holds the word: str's search skips through a script's text several
        # times faster than the pattern's scan (0.08 against 0.37 M instructions a page)
        if "attachShadow" in text and _ATTACH_SHADOW.search(text):
            found.append(el)
    for el in page.by_tag.get("template", []):
        if el.get("shadowrootmode") is not None or el.get("shadowroot") is not None:
            found.append(el)
    return found
