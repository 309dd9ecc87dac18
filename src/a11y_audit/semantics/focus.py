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

from a11y_audit.dom import page_of, tag_of

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
    return int(match.group(1)) if match else None


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
    found = _marks(root.xpath("descendant-or-self::*[@inert]"),
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


def tabbable_among(page: Page, elements: Iterable[etree._Element]) -> list[etree._Element]:
    """The elements that :func:`is_tabbable` keeps, in their order. On a page without inert
    subtrees or disabled fieldsets (most), the ancestors never matter: the page's marks are
    read once instead of once per element."""
    found = page.memo("focus.marks", _page_marks)
    if found.inert or found.disabled_fieldsets:
        return [el for el in elements if is_tabbable(el)]
    out = []
    for el in elements:
        index = tabindex(el)
        if index is not None:
            if index >= 0 and not _never_focusable(el):
                out.append(el)
        elif el.get("inert") is None and is_natively_focusable(el):   # (is_inert, no marks)
            out.append(el)
    return out


def is_tabbable(el: etree._Element) -> bool:
    """In sequential focus navigation: focusable and tabindex is not negative."""
    index = tabindex(el)
    if index is not None:
        return index >= 0 and not _never_focusable(el)
    return is_natively_focusable(el) and not is_inert(el)
