"""Document-level facts: is this an HTML document at all, and which is its title element.

Sources: DOM Standard "document element" and "content type"
(https://dom.spec.whatwg.org/#concept-document-content-type); HTML 4.2.2 "The title element"
and the ``document.title`` getter (https://html.spec.whatwg.org/multipage/dom.html#document.title:
the first ``title`` element in tree order, in the HTML namespace).

The page model parses everything as HTML. A stand-alone SVG or MathML file (``<svg ...>`` or
``<math ...>`` with no doctype, head or body) comes out wrapped in an implied ``html``/``body``;
rules about the HTML document element must not apply to it, so :func:`is_html_document` spots
that shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import tag_of

if TYPE_CHECKING:
    from a11y_audit.page import Page

# libxml2 adds this doctype when the source has none.
_IMPLIED_DOCTYPE = "-//W3C//DTD HTML 4.0 Transitional//EN"
_FOREIGN_ROOTS = frozenset(("svg", "math"))
# Elements whose content is not part of the HTML document tree proper: foreign content (an SVG
# <title> is not an HTML title) and template contents (a separate document fragment).
_NOT_HTML_CONTENT = frozenset(("svg", "math", "template"))


def _elements(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent if isinstance(child.tag, str)]


def is_html_document(page: Page) -> bool:
    """False when the source was a bare SVG or MathML document (see the module docstring)."""
    root = page.root
    if tag_of(root) != "html" or root.attrib:
        return True
    if root.getroottree().docinfo.public_id != _IMPLIED_DOCTYPE:
        return True
    children = _elements(root)
    head = next((c for c in children if tag_of(c) == "head"), None)
    body = next((c for c in children if tag_of(c) == "body"), None)
    if (head is not None and _elements(head)) or body is None or body.attrib:
        return True
    content = _elements(body)
    if len(content) != 1 or tag_of(content[0]) not in _FOREIGN_ROOTS:
        return True
    loose_text = (body.text or "") + (content[0].tail or "")
    return bool(loose_text.strip())


def in_html_content(el: etree._Element) -> bool:
    """The element is an HTML element of the document tree (not in SVG, MathML or template)."""
    return not any(tag_of(anc) in _NOT_HTML_CONTENT for anc in el.iterancestors())


def title_element(page: Page) -> etree._Element | None:
    """The document's title element: the first HTML ``title`` in tree order."""
    for el in page.by_tag.get("title", []):
        if in_html_content(el):
            return el
    return None
