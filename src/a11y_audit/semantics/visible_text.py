"""Visible inner text of an element, decided from the markup and the page's cascade.

The ACT rules glossary (https://www.w3.org/WAI/standards-guidelines/act/rules/about/, "Visible
inner text", used by rule 2ee8b8 "Visible label is part of accessible name") defines the text a
sighted user reads on a control: visible text nodes with white space collapsed; an element that
is not rendered gives nothing; a rendered but invisible element gives a space; ``br`` a line
break; block-level elements are set apart by line breaks and table cells by spaces. Unlike the
accessible name, ``aria-hidden`` does not matter and alternative text (``alt``) is no text.

What is invisible comes from the cascade (style attributes, ``<style>`` elements and the
stylesheets that could be read): not-rendered content gives nothing, and content hidden from
sight (clipping, zero size with overflow hidden, off-screen offsets, zero opacity, a large
negative ``text-indent``, zero font size, transparent text) gives a space. Callers pass
``hidden`` to treat more elements as invisible (for instance those a class may hide on a page
whose stylesheet could not be read).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import list_box, tag_of
from a11y_audit.semantics.names import (
    _INLINE_DISPLAYS,
    flat_text,
    is_block,
    option_text,
    selected_options,
)

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element

# Never rendered as text, or replaced content whose children are fallback.
_NO_TEXT = frozenset((
    "script", "style", "template", "noscript", "head", "title", "meta", "link", "desc",
    "datalist", "param", "source", "track", "iframe", "frame", "audio", "video", "object",
    "embed", "canvas", "select", "textarea", "img", "input", "picture", "math",
))
_CELLS = frozenset(("td", "th"))
_SPACE = re.compile(r"\s+")
_MAX_DEPTH = 200


def visible_inner_text(
    el: Element, page: Page, hidden: Callable[[Element], bool] | None = None,
    block: Callable[[Element, str], bool] = is_block,
) -> str:
    """The element's visible inner text; ``hidden(descendant)`` marks more text invisible.
    ``block(descendant, tag)`` says which elements are set apart by line breaks: by default
    the tag's default display or an inline ``display`` style (:func:`names.is_block`);
    :func:`cascade_block` reads the cascade's computed ``display``."""
    out: list[str] = []
    _element(el, page, hidden, out, depth=0, root=True, block=block)
    return "".join(out)


def cascade_block(page: Page) -> Callable[[Element, str], bool]:
    """A ``block`` test for :func:`visible_inner_text` from the cascade's computed ``display``
    (style attribute, ``<style>``, stylesheets that were read): anything but the inline-level
    displays sets an element apart; an unknown display (``var()``) falls back to the tag's."""
    def block(el: Element, tag: str) -> bool:
        display = page.style(el).display
        if display is None:
            return is_block(el, tag)
        return display not in _INLINE_DISPLAYS
    return block


def has_visible_text(el: Element, page: Page) -> bool:
    """The element has visible text content (a visible text node that is not white space)."""
    return bool(visible_inner_text(el, page).strip())


def visually_hidden_style(el: Element, page: Page) -> bool:
    """The cascade hides the element (or its own text) from sight but keeps it rendered."""
    from a11y_audit.semantics.cascade import cascade_of

    cascade = cascade_of(page)
    if not el.get("style") and not cascade.sheets:
        return False
    return (cascade.sight(el) is not None
            or cascade.text_hidden(el, page.style(el)) is not None)


def _element(el: Element, page: Page, hidden: Callable[[Element], bool] | None,
             out: list[str], depth: int, root: bool = False,
             block: Callable[[Element, str], bool] = is_block) -> None:
    tag = tag_of(el)
    if not root and (tag in _NO_TEXT or not tag):
        return
    display_none, invisible, _ = page.visibility_state(el)
    if display_none:
        return
    if root and tag == "select" and not invisible:
        out.append(_shown_options(el))
        return
    if tag == "br":
        out.append("\n")
        return
    if not root and (visually_hidden_style(el, page) or (hidden is not None and hidden(el))):
        out.append(" ")
        return
    apart = not root and block(el, tag)
    cell = tag in _CELLS
    out.append("\n" if apart and not cell else " " if cell else "")
    if el.text:
        out.append(_text(el.text, invisible))
    for child in el:
        if isinstance(child.tag, str):
            if depth < _MAX_DEPTH:
                _element(child, page, hidden, out, depth + 1, block=block)
            else:   # pathologically deep: take the text as is
                out.append(_text(flat_text(child) if tag_of(child) not in _NO_TEXT else "",
                                 invisible))
        if child.tail:
            out.append(_text(child.tail, invisible))
    out.append("\n" if apart and not cell else " " if cell else "")


def _shown_options(select: Element) -> str:
    """The text a ``<select>`` shows: a drop-down box (no ``multiple``, ``size`` 1 or none)
    its selected option (HTML's selectedness: :func:`names.selected_options`), a list box its
    options, one a line."""
    options: list[Element] = (select.xpath(".//option")  # type: ignore[assignment]
                              if list_box(select) else selected_options(select))
    return "\n".join(option_text(o) for o in options)


def _text(data: str, invisible: bool) -> str:
    if not invisible:
        return _SPACE.sub(" ", data)
    return " " if not data.strip() else ""
