"""Focusability from markup (HTML "focusable area" and "sequential focus navigation").

https://html.spec.whatwg.org/multipage/interaction.html#focusable-area : natively focusable
elements (links and image-map areas with ``href``, SVG links, form controls, ``iframe``,
``embed``, the ``summary`` of a ``details``, media with ``controls``, editing hosts), minus
disabled form controls, plus anything with a valid ``tabindex`` ("rules for parsing integers");
nothing inside an ``inert`` subtree or an ``<input type=hidden>`` is focusable. Whether CSS
hides an element is not visible here; callers combine this with the page's visibility.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import integer, page_of, tag_of

if TYPE_CHECKING:
    from a11y_audit.page import Page

_TABINDEX = re.compile(r"^\s*([+-]?\d+)\s*$")
_DISABLEABLE = frozenset(
    ("button", "input", "select", "textarea", "optgroup", "option", "fieldset")
)


def tabindex(el: etree._Element) -> int | None:
    """The parsed tabindex, or None when absent or not a valid integer."""
    value = el.get("tabindex")
    if value is None:
        return None     # most elements: no regular expression to run
    match = _TABINDEX.match(value)
    return integer(match.group(1)) if match else None


def is_disabled(el: etree._Element) -> bool:
    """A form control disabled by its own attribute or by a disabled fieldset ancestor."""
    tag = el.tag
    if tag not in _DISABLEABLE:
        return False
    if el.get("disabled") is not None:
        return True
    if not marks(el).disabled_fieldsets:   # the usual page: no ancestor walk at all
        return False
    for anc in el.iterancestors():
        if anc.tag == "fieldset" and anc.get("disabled") is not None:
            legend = next(anc.iterchildren("legend"), None)
            if legend is None or not any(a is legend for a in el.iterancestors()):
                return True
    return False


def is_natively_focusable(el: etree._Element) -> bool:
    tag = el.tag   # lower-case local name; a comment's tag matches nothing below
    if tag in ("a", "area"):
        return el.get("href") is not None or (tag == "a" and el.get("xlink:href") is not None)
    if tag == "input":
        return (el.get("type") or "").strip().lower() != "hidden" and not is_disabled(el)
    if tag in ("button", "select", "textarea"):
        return not is_disabled(el)
    if tag in ("iframe", "embed"):
        return True
    if tag == "summary":
        parent = el.getparent()
        return parent is not None and parent.tag == "details" and next(
            parent.iterchildren("summary"), None
        ) is el
    if tag in ("audio", "video"):
        return el.get("controls") is not None
    editable = el.get("contenteditable")
    return editable is not None and editable.strip().lower() in ("", "true", "plaintext-only")


def is_inert(el: etree._Element) -> bool:
    """In an ``inert`` subtree (HTML "inert" attribute): never focusable."""
    if el.get("inert") is not None:
        return True
    inert = marks(el).inert
    return bool(inert) and any(anc in inert for anc in el.iterancestors())


@dataclass(frozen=True, slots=True)
class Marks:
    """The few elements of a document that change focusability of their whole subtree. Most
    pages have none, so the ancestor walks that look for them are skipped: on a page nested
    1,000 deep those walks were most of the audit."""

    inert: frozenset[etree._Element]
    closed_dialogs: frozenset[etree._Element]
    disabled_fieldsets: frozenset[etree._Element]


_MARKS: dict[int, tuple[etree._Element, Marks]] = {}


def _page_marks(page: Page) -> Marks:
    by_tag = page.by_tag
    return _marks(page.by_attribute.get("inert", ()),
                  [*by_tag.get("dialog", ()), *by_tag.get("fieldset", ())])


def _marks(inert: Iterable[etree._Element], boxes: list[etree._Element]) -> Marks:
    return Marks(
        frozenset(inert),
        frozenset(el for el in boxes if tag_of(el) == "dialog" and el.get("open") is None),
        frozenset(el for el in boxes if tag_of(el) == "fieldset"
                  and el.get("disabled") is not None),
    )


def marks(el: etree._Element) -> Marks:
    """:class:`Marks` of ``el``'s document: its page's, else kept for the last few
    documents."""
    # A page's tag and attribute indexes, built once for every rule, answer what two scans
    # of the whole tree would (an XPath scan for @inert alone cost about 2% of a page's
    # audit), and the answer is kept in the page's memo.
    page = page_of(el)
    if page is not None:
        return page.memo("focus.marks", _page_marks)
    root = el.getroottree().getroot()
    if root is None:
        return Marks(frozenset(), frozenset(), frozenset())
    kept = _MARKS.get(id(root))
    if kept is not None and kept[0] is root:
        return kept[1]
    # Tag-filtered iteration runs in libxml2 and costs a tenth of an XPath scan of the page
    # ("{*}" matches the name in any namespace or none, as local-name() did).
    # (the ignore: lxml-stubs give any XPath answer's union; this one is elements only)
    found = _marks(root.xpath("descendant-or-self::*[@inert]"),  # type: ignore[arg-type]
                   list(root.iter("{*}dialog", "{*}fieldset")))
    if len(_MARKS) >= 8:
        _MARKS.pop(next(iter(_MARKS)))
    _MARKS[id(root)] = (root, found)
    return found


def _never_focusable(el: etree._Element) -> bool:
    if tag_of(el) == "input" and (el.get("type") or "").strip().lower() == "hidden":
        return True
    return is_disabled(el) or is_inert(el)


def is_focusable(el: etree._Element) -> bool:
    """Focusable at all (by keyboard or click): native focusability or a valid tabindex."""
    if tabindex(el) is not None:
        return not _never_focusable(el)
    return is_natively_focusable(el) and not is_inert(el)


def focusable_on(page: Page, el: etree._Element) -> bool:
    """:func:`is_focusable` for an element of ``page``: whether it carries a tabindex, an
    href, contenteditable or inert is a set test on the page's holders instead of lxml's
    get (~1,300 instructions each, for attributes most elements do not have), and the
    inert subtrees are the page's marks."""
    if el in page.holders("tabindex") and tabindex(el) is not None:
        return not _never_focusable(el)
    return _natively_focusable_on(page, el) and not _inert_on(page, el)


def tabbable_on(page: Page, el: etree._Element) -> bool:
    """:func:`is_tabbable` for an element of ``page`` (see :func:`focusable_on`)."""
    if el in page.holders("tabindex"):
        index = tabindex(el)
        if index is not None:
            return index >= 0 and not _never_focusable(el)
    return _natively_focusable_on(page, el) and not _inert_on(page, el)


_NATIVE_TAGS = frozenset(("input", "button", "select", "textarea", "iframe", "embed",
                          "summary", "audio", "video"))


def _natively_focusable_on(page: Page, el: etree._Element) -> bool:
    """:func:`is_natively_focusable`, its attribute presence tests read from ``page``'s
    holder sets: a link's href, any other element's contenteditable."""
    tag = el.tag
    if tag in ("a", "area"):
        return el in page.holders("href") or (tag == "a" and el in page.holders("xlink:href"))
    if tag in _NATIVE_TAGS or el in page.holders("contenteditable"):
        return is_natively_focusable(el)
    return False       # is_natively_focusable's last test: no contenteditable


def _inert_on(page: Page, el: etree._Element) -> bool:
    """:func:`is_inert` from ``page``'s marks (its inert set is every element carrying the
    attribute)."""
    inert = page.memo("focus.marks", _page_marks).inert
    return bool(inert) and (el in inert or any(anc in inert for anc in el.iterancestors()))


def tabbable_among(page: Page, elements: Iterable[etree._Element]) -> list[etree._Element]:
    """The elements that :func:`is_tabbable` keeps, in their order. On a page without inert
    subtrees or disabled fieldsets (most), the ancestors never matter: the page's marks are
    read once instead of once per element."""
    found = page.memo("focus.marks", _page_marks)
    if found.inert or found.disabled_fieldsets:
        return [el for el in elements if tabbable_on(page, el)]
    tabindexed, hrefs = page.holders("tabindex"), page.holders("href")
    out = []
    for el in elements:
        if el in tabindexed:
            index = tabindex(el)
            if index is not None:
                if index >= 0 and not _never_focusable(el):
                    out.append(el)
                continue
        # not inert (no element is) and natively focusable; most candidates are links
        if (el.tag in ("a", "area") and el in hrefs) or _natively_focusable_on(page, el):
            out.append(el)
    return out


def is_tabbable(el: etree._Element) -> bool:
    """In sequential focus navigation: focusable and tabindex is not negative."""
    index = tabindex(el)
    if index is not None:
        return index >= 0 and not _never_focusable(el)
    return is_natively_focusable(el) and not is_inert(el)
