"""Document-level facts: is this an HTML document at all, which is its title element, and
does it render in quirks mode.

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

import functools
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


def quirks_mode(el: etree._Element) -> bool:
    """The document of ``el`` renders in quirks mode, as HTML's parser decides from its
    doctype ("the initial insertion mode"): none at all (libxml2 then reports its own HTML
    4.0 Transitional one, itself a quirks-mode doctype), a name other than ``html``, or an
    obsolete public or system identifier. Limited-quirks mode (XHTML 1.0 Transitional, HTML
    4.01 Transitional with a system identifier) changes only line heights: False."""
    info = el.getroottree().docinfo
    # the doctype's own name (DocInfo.root_name is the root element's); None for none, or
    # for "<!DOCTYPE>" (quirks mode)
    dtd = info.internalDTD
    # (lxml-stubs lack DTD.name and DocInfo.system_url)
    return _quirky_doctype(dtd.name if dtd is not None else None,  # type: ignore[attr-defined]
                           info.public_id, info.system_url)  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=64)
def _quirky_doctype(name: str | None, public: str | None, system: str | None) -> bool:
    if (name or "").lower() != "html":
        return True
    public_lower = (public or "").lower()
    if public_lower in _QUIRKS_PUBLIC or (system or "").lower() == _QUIRKS_SYSTEM:
        return True
    if public_lower.startswith(_QUIRKS_PUBLIC_PREFIXES):
        return True
    return system is None and public_lower.startswith(_QUIRKS_WITHOUT_SYSTEM)


# HTML, "the initial insertion mode": the identifiers that set quirks mode (lower case, as
# compared: ASCII case-insensitively)
_QUIRKS_PUBLIC = frozenset(("-//w3o//dtd w3 html strict 3.0//en//",
                            "-/w3c/dtd html 4.0 transitional/en", "html"))
_QUIRKS_SYSTEM = "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"
_QUIRKS_PUBLIC_PREFIXES = tuple(prefix.lower() for prefix in (
    "+//Silmaril//dtd html Pro v0r11 19970101//",
    "-//AS//DTD HTML 3.0 asWedit + extensions//",
    "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
    "-//IETF//DTD HTML 2.0 Level 1//",
    "-//IETF//DTD HTML 2.0 Level 2//",
    "-//IETF//DTD HTML 2.0 Strict Level 1//",
    "-//IETF//DTD HTML 2.0 Strict Level 2//",
    "-//IETF//DTD HTML 2.0 Strict//",
    "-//IETF//DTD HTML 2.0//",
    "-//IETF//DTD HTML 2.1E//",
    "-//IETF//DTD HTML 3.0//",
    "-//IETF//DTD HTML 3.2 Final//",
    "-//IETF//DTD HTML 3.2//",
    "-//IETF//DTD HTML 3//",
    "-//IETF//DTD HTML Level 0//",
    "-//IETF//DTD HTML Level 1//",
    "-//IETF//DTD HTML Level 2//",
    "-//IETF//DTD HTML Level 3//",
    "-//IETF//DTD HTML Strict Level 0//",
    "-//IETF//DTD HTML Strict Level 1//",
    "-//IETF//DTD HTML Strict Level 2//",
    "-//IETF//DTD HTML Strict Level 3//",
    "-//IETF//DTD HTML Strict//",
    "-//IETF//DTD HTML//",
    "-//Metrius//DTD Metrius Presentational//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 3.0 Tables//",
    "-//Netscape Comm. Corp.//DTD HTML//",
    "-//Netscape Comm. Corp.//DTD Strict HTML//",
    "-//O'Reilly and Associates//DTD HTML 2.0//",
    "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
    "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
    "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
    "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
    "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
    "-//Spyglass//DTD HTML 2.0 Extended//",
    "-//Sun Microsystems Corp.//DTD HotJava HTML//",
    "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
    "-//W3C//DTD HTML 3 1995-03-24//",
    "-//W3C//DTD HTML 3.2 Draft//",
    "-//W3C//DTD HTML 3.2 Final//",
    "-//W3C//DTD HTML 3.2//",
    "-//W3C//DTD HTML 3.2S Draft//",
    "-//W3C//DTD HTML 4.0 Frameset//",
    "-//W3C//DTD HTML 4.0 Transitional//",
    "-//W3C//DTD HTML Experimental 19960712//",
    "-//W3C//DTD HTML Experimental 970421//",
    "-//W3C//DTD W3 HTML//",
    "-//W3O//DTD W3 HTML 3.0//",
    "-//WebTechs//DTD Mozilla HTML 2.0//",
    "-//WebTechs//DTD Mozilla HTML//",
))
_QUIRKS_WITHOUT_SYSTEM = ("-//w3c//dtd html 4.01 frameset//",
                          "-//w3c//dtd html 4.01 transitional//")
