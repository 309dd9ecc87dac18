"""DOM helpers over lxml trees: text, locations (CSS path, XPath, line) and snippets."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from itertools import repeat
from typing import Any, TypeVar

from lxml import etree
from lxml.html import HtmlElement

SNIPPET_LIMIT = 200
T = TypeVar("T")

def attribute_values(elements: Iterable[etree._Element], name: str) -> Iterator[str | None]:
    """Each element's ``get(name)``, lazily, with no Python step per element: the element
    class's own ``get`` (lxml.html's classes do not override it) mapped in C. A
    ``methodcaller("get", name)`` looks the method up on each element's Python class first:
    ~2,170 instructions a get against ~1,410."""
    return map(_GET, elements, repeat(name))


_GET = etree._Element.get

# Simple CSS identifiers can be used as-is in a selector; anything else falls back to nth-of-type.
_CSS_IDENT = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")


# Python refuses to read more than 4,300 digits as an int (its conversion is quadratic), and
# a page's attributes and values may hold any number of them
_DIGITS_READ = 18
BIG = 10 ** 18


def integer(text: str) -> int:
    """``int(text)`` of an optional sign and decimal digits (a caller's pattern took them),
    however many: past 18 significant digits ``BIG`` (or ``-BIG``), beyond every range HTML,
    ARIA and CSS check (a ``tabindex`` of 5,000 digits crashed rules)."""
    body = text.strip()
    sign = -1 if body[:1] == "-" else 1
    digits = body.lstrip("+-").lstrip("0")
    if len(digits) > _DIGITS_READ:
        return sign * BIG
    return sign * int(digits) if digits else 0


def is_digits(text: str) -> bool:
    """Only ASCII digits, as HTML's numbers are written (``str.isdigit`` takes "²", which
    ``int`` refuses)."""
    return text.isascii() and text.isdigit()


def list_box_size(select: etree._Element) -> bool:
    """A ``select`` whose ``size`` is above 1 (with ``multiple``, HTML shows a list box)."""
    size = (select.get("size") or "").strip()
    return is_digits(size) and integer(size) > 1


def list_box(select: etree._Element) -> bool:
    """HTML: a ``select`` shows a list box (``multiple``, or a ``size`` above 1), else a
    drop-down box of its selected option."""
    return select.get("multiple") is not None or list_box_size(select)


def normalize_space(value: str | None) -> str:
    """Collapse runs of whitespace to one space and strip the ends (like XPath normalize-space).

    ``str.split()`` splits on the same Unicode whitespace as the regex ``\\s+`` and is faster."""
    return " ".join(value.split()) if value else ""


def tag_of(el: etree._Element) -> str:
    """Local tag name ("" for comments, processing instructions and entities).

    lxml's HTML parser already lower-cases tag names (SVG and MathML included), so this is
    on the hot path without a ``lower()``; namespaced names from other trees are reduced.

    Every :class:`~a11y_audit.page.Page` comes from that parser, so an element's ``el.tag``
    already *is* this name. Hot code that holds an element (from ``page.elements``,
    ``page.tags()``, ``iterancestors()``, ``iterchildren(etree.Element)``...) reads ``el.tag``
    and lets lxml filter by tag in C (``iterancestors("figure")``); a comparison such as
    ``node.tag == "title"`` is safe on a comment too (its tag is a function, never equal).
    This function is for nodes that may be comments, and for text built from the name.
    """
    tag = el.tag
    if type(tag) is str:
        return tag if tag[0] != "{" else tag.rpartition("}")[2].lower()
    return ""


def is_element(node: object) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def xpath(el: etree._Element) -> str:
    """Absolute XPath of an element, e.g. ``/html/body/main/figure[2]/img``."""
    return el.getroottree().getpath(el)


def css_path(el: etree._Element, ids: dict[str, object] | None = None) -> str:
    """A CSS selector that matches exactly this element.

    Walks up to the nearest ancestor with a unique, CSS-safe id (``ids`` maps each unique id to
    its element) and uses ``:nth-of-type`` only where a tag has siblings of the same name.
    """
    parts: list[str] = []
    node: etree._Element | None = el
    while node is not None and is_element(node):
        tag = tag_of(node)
        node_id = node.get("id")
        if node_id and ids is not None and ids.get(node_id) is node and _CSS_IDENT.match(node_id):
            parts.append(f"#{node_id}")
            break
        parent = node.getparent()
        if parent is None or tag in ("html", "body", "head"):
            parts.append(tag)
            if tag == "html" or parent is None:
                break
            node = parent
            continue
        same = [sib for sib in parent.iterchildren(node.tag)]
        if len(same) > 1:
            parts.append(f"{tag}:nth-of-type({same.index(node) + 1})")
        else:
            parts.append(tag)
        node = parent
    return " > ".join(reversed(parts))


def opening_tag(el: etree._Element, limit: int = SNIPPET_LIMIT) -> str:
    """The element's opening tag as HTML source, cut to ``limit`` characters."""
    tag = tag_of(el)
    pieces = [f"<{tag}"]
    name: str
    value: str
    for name, value in el.attrib.items():  # type: ignore[assignment]  # (str, not bytes)
        value = normalize_space(value).replace('"', "&quot;")
        pieces.append(f' {name}="{value}"')
    pieces.append(">")
    text = "".join(pieces)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def snippet(el: etree._Element, limit: int = SNIPPET_LIMIT) -> str:
    """A short HTML excerpt: the opening tag plus the start of the text content."""
    head = opening_tag(el, limit)
    if len(head) >= limit or tag_of(el) in VOID_ELEMENTS:
        return head
    room = limit - len(head) - len(tag_of(el)) - 3
    inner = normalize_space(text_content(el, limit=room + 1)) if room > 10 else ""
    if inner and room > 10:
        if len(inner) > room:
            inner = inner[: room - 1] + "…"
        return f"{head}{inner}</{tag_of(el)}>"
    return head


VOID_ELEMENTS = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "param", "source", "track", "wbr"))


def text_content(el: etree._Element, limit: int | None = None) -> str:
    """Descendant text, skipping comments, ``script``, ``style``, ``template`` and
    ``noscript``; with ``limit``, stops once that many characters are collected.

    Iterative (an explicit stack), so pathologically deep pages cannot exhaust Python's
    recursion limit."""
    if type(el.tag) is not str:
        return ""
    if not len(el):
        # A leaf (a link's or a cell's plain text...): its own text is all there is, without
        # the two lxml iterators below (len counts children, none here)
        text = el.text or ""
        return text if limit is None else text[:limit]
    holders = _text_holders(el)
    if el not in holders if holders is not None else \
            next(el.iterdescendants(*_NO_TEXT), None) is None:
        # Nothing to leave out (most elements). Whole, the text is libxml2's own (a text
        # serialisation, in C: what lxml's itertext gives joined, no comment or
        # processing-instruction text, their tails, not el's own tail), a seventh of the
        # cost of itertext; cut to ``limit``, lxml's text iteration stops early (the whole
        # text of each element of a deep chain would be quadratic in the page).
        if limit is None:
            return _tostring(el, method="text", encoding=str, with_tail=False)
        pieces: list[str] = []
        left = limit
        piece: str
        for piece in el.itertext():  # type: ignore[assignment]  # (str, not bytes)
            pieces.append(piece)
            left -= len(piece)
            if left <= 0:
                break
        return "".join(pieces)[:limit]
    return _walked_text(el, limit)


_tostring = etree.tostring


def _walked_text(el: etree._Element, limit: int | None) -> str:
    """:func:`text_content` of an element, leaving out what ``_NO_TEXT`` elements hold."""
    parts: list[str] = []
    budget = float("inf") if limit is None else limit
    # The stack holds elements to enter and tail strings to emit after a subtree.
    stack: list[etree._Element | str] = [el]
    while stack and budget > 0:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            budget -= len(item)
            continue
        if item.text:
            parts.append(item.text)
            budget -= len(item.text)
        for child in reversed(item):
            if child.tail:
                stack.append(child.tail)
            if type(child.tag) is str and child.tag not in _NO_TEXT:
                stack.append(child)
    text = "".join(parts)
    return text if limit is None else text[:limit]


_NO_TEXT = frozenset(("script", "style", "template", "noscript"))


def _text_holders(el: etree._Element) -> set[etree._Element] | None:
    """The elements of ``el``'s page that hold a ``_NO_TEXT`` element somewhere below them,
    once a page; None when ``el`` is in no page's tree. A set test instead of a filtered
    descendant iterator per call (setting one up costs lxml ~11,000 instructions, ten times
    the page look-up)."""
    page = page_of(el)
    return page.memo(_TEXT_HOLDERS, _holders_of_no_text) if page is not None else None


def _holders_of_no_text(page: Any) -> set[etree._Element]:
    holders: set[etree._Element] = set()
    # the same tag filter as the descendant test it stands for, over the page once
    for found in page.root.iter(*_NO_TEXT):
        for ancestor in found.iterancestors():
            if ancestor in holders:
                break   # and all above it: each element is added once
            holders.add(ancestor)
    return holders


_TEXT_HOLDERS = "dom.text-holders"
# Pages (weakly) by id of their root element, so that helpers given only an element can read
# the indexes of the page it belongs to (:func:`page_of`).
_PAGES: dict[int, weakref.ref[Any]] = {}


def attach(page: Any) -> None:
    """Register ``page`` (a :class:`~a11y_audit.page.Page`, which calls this once built):
    :func:`page_of` answers for its elements while it lives."""
    key = id(page.root)

    def forget(ref: weakref.ref[Any]) -> None:
        if _PAGES.get(key) is ref:
            del _PAGES[key]

    _PAGES[key] = weakref.ref(page, forget)


def page_of(el: etree._Element) -> Any:
    """The live page whose tree holds ``el``, or None (a fragment, a tree no page was built
    from). A page's tree is not changed once built, so what its memo holds stays true."""
    root = el.getroottree().getroot()
    ref = _PAGES.get(id(root)) if root is not None else None
    page = ref() if ref is not None else None
    return page if page is not None and page.root is root else None


def id_refs(value: str | None) -> list[str]:
    """Split an ID-reference list attribute (aria-labelledby, headers, ...) into ids."""
    return value.split() if value else []


__all__ = [
    "HtmlElement",
    "css_path",
    "id_refs",
    "inside",
    "is_element",
    "normalize_space",
    "opening_tag",
    "snippet",
    "tag_of",
    "text_content",
    "xpath",
]


# Characters lxml refuses in text (XML 1.0 excludes most C0 controls) but HTML parsers keep.
_NOT_XML_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str | None) -> str | None:
    """``text`` as lxml takes it: libxml2 keeps control characters in the text it parses
    that lxml refuses to set; each becomes U+FFFD (a form feed, a space)."""
    if text is None:
        return None
    return _NOT_XML_TEXT.sub("\ufffd", text.replace("\x0c", " "))


def joined_text(text: str | None, more: str) -> str | None:
    """``text`` and then ``more``, as lxml takes text (:func:`xml_text`): for the page
    model's repairs, which move text libxml2 parsed."""
    return xml_text((text or "") + more)


def text_before(el: etree._Element, text: str) -> None:
    """Put ``text`` just before ``el``, after what is there already (the previous sibling's
    tail, or the parent's text): for the page model's repairs."""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = joined_text(previous.tail, text)
    else:
        parent = el.getparent()
        if parent is not None:
            parent.text = joined_text(parent.text, text)


def text_at_end(parent: etree._Element, text: str) -> None:
    """Put ``text`` at the end of what ``parent`` holds."""
    if len(parent):
        last = parent[-1]
        last.tail = joined_text(last.tail, text)
    else:
        parent.text = joined_text(parent.text, text)


def detach_following(el: etree._Element) -> list[etree._Element | str]:
    """Take what follows ``el`` in its parent (its tail, its following siblings and theirs)
    out of the tree, in order: for the page model's repairs."""
    items: list[etree._Element | str] = []
    if el.tail:
        items.append(el.tail)
    el.tail = None
    parent = el.getparent()
    if parent is not None:
        for sibling in list(el.itersiblings()):
            take(parent, sibling, items)
    return items


def detach_content(el: etree._Element) -> list[etree._Element | str]:
    """Take what ``el`` holds (its text, its children and theirs) out of it, in order."""
    items: list[etree._Element | str] = [el.text] if el.text else []
    el.text = None
    for child in list(el):
        take(el, child, items)
    return items


def take(parent: etree._Element, child: etree._Element,
         items: list[etree._Element | str]) -> None:
    """Take ``child`` out of ``parent`` onto ``items``, then its tail."""
    tail = child.tail
    child.tail = None
    parent.remove(child)
    items.append(child)
    if tail:
        items.append(tail)


def start_tag_copy(el: etree._Element) -> etree._Element:
    """A new element with ``el``'s tag, attributes (in their order) and line, holding
    nothing: what HTML's parser makes when it opens a formatting element again."""
    copy = el.makeelement(el.tag, {})
    for name, value in el.items():
        try:
            # (libxml2 keeps control characters in values that lxml refuses to set)
            copy.set(name, xml_text(value))  # type: ignore[arg-type]  # (str in, str out)
        except ValueError:
            continue    # a name lxml refuses ("h\x01ref"): no selector or rule reads it
    if el.sourceline is not None:
        copy.sourceline = el.sourceline
    return copy


def inside(el: etree._Element, container: etree._Element) -> bool:
    """Whether ``el`` is a descendant of ``container`` (not ``container`` itself)."""
    return any(node is container for node in el.iterancestors())


# The page memo (Page.memo) of elements' depths, the root's 0, filled by depth():
# contrast's walks and aria-hidden-focus's widget hint share it
DEPTHS = "dom.depths"


def depth(depths: dict[etree._Element, int], el: etree._Element) -> int:
    """``el``'s depth (the root's 0), memoised in ``depths`` (the page's :data:`DEPTHS`) for
    it and each ancestor whose depth was not known: the parent's, most often known (text
    elements are siblings and cousins), is tried first."""
    found = depths.get(el)
    if found is not None:
        return found
    parent = el.getparent()
    above = depths.get(parent) if parent is not None else -1
    if above is not None:
        depths[el] = above + 1
        return above + 1
    chain, top = unknown_chain(depths, el, -1)
    for item in chain:
        top += 1
        depths[item] = top
    return top


def unknown_chain(memo: dict[Any, T], el: etree._Element, root: T
                  ) -> tuple[list[etree._Element], T]:
    """``el`` and its ancestors up to the nearest one already in ``memo``, outermost first,
    with that ancestor's memoised value (``root`` when none is): the elements a per-element
    memo still has to fill, in the order inheritance needs (values must not be None)."""
    chain: list[etree._Element] = []
    node: etree._Element | None = el
    while node is not None:
        known = memo.get(node)
        if known is not None:
            chain.reverse()
            return chain, known
        chain.append(node)
        node = node.getparent()
    chain.reverse()
    return chain, root
