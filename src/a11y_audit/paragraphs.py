"""What a block's start tag does to an open paragraph, as HTML's parser builds the tree.

In a browser, the start tag of a block (``div``, ``ul``, ``h2``, ``figure``, ``section``...)
closes a ``p`` that is open around it, with every element open inside the ``p``: ``<p><a
href="/story"><div class="card">...`` is a paragraph holding an empty link, then the
``div``. The formatting elements that were open (``a``, ``b``, ``em``, ``strong``...) are
opened again, as copies, where text or an inline element comes next ("reconstruct the active
formatting elements"): the card's content is inside a copy of the link, and what followed
the ``div`` up to ``</a>`` inside another copy.

libxml2's parser closes a ``p`` only at a block written straight inside it, and only at the
blocks of HTML 4: ``<p><span>Intro<div>`` or ``<p>Intro<figure>`` nested the block, and all
that followed, in the paragraph. Here that tree is rebuilt as the browser's: the block, and
what followed it in the paragraph, go after the ``p``, and the formatting elements are copied
where the browser copies them. The copies are made-up elements (no start tag of their own).

Not rebuilt here: what the browser's list of formatting elements does beyond this paragraph
(a formatting element left open without its end tag is opened again across later blocks by
:mod:`a11y_audit.formatting_list`, which runs first), and the empty ``p`` a stray ``</p>``
makes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from lxml import etree

from a11y_audit.dom import (
    detach_content,
    detach_following,
    joined_text,
    start_tag_copy,
    text_at_end,
)
from a11y_audit.knowledge.html_parser import (
    CLOSES_P,
    FORMATTING,
    MARKERS,
    NO_RECONSTRUCTION,
    SCOPE_BOUNDARIES,
)

Element: TypeAlias = etree._Element
Item: TypeAlias = "Element | str"

# What puts a marker in the list of formatting elements (a table, through its cells): no
# formatting element is opened again inside
_MARKED = MARKERS | {"table"}
# Where "has a p element in button scope" stops looking up (HTML, 13.2.4.2)
_BUTTON_SCOPE = SCOPE_BOUNDARIES | {"button"}


def close_paragraphs(paragraphs: list[Element], quirks: Callable[[], bool],
                     made: list[Element],
                     split_links: dict[Element, tuple[str, Element]]) -> bool:
    """Close each ``p`` of ``paragraphs`` (in document order) at the first block inside it
    whose start tag closes it; whether any was. ``quirks``: whether the document is in
    quirks mode (asked only of a table in a paragraph); ``made``: the copies made are added
    to it; ``split_links``: each link a block ended, with ("paragraph", that block)."""
    closed = False
    for paragraph in paragraphs:
        if not len(paragraph):
            continue    # text only (most paragraphs): no search
        # (a walk of the paragraph's few elements, tested against a set: a search for 40
        # tag names in C costs more, 7 us a paragraph, to set its names up)
        for block in paragraph.iterdescendants(etree.Element):
            if (block.tag in CLOSES_P and (block.tag != "table" or not quirks())
                    and _in_button_scope(block, paragraph)):
                _close(paragraph, block, made, split_links)
                closed = True
                break
    return closed


def _in_button_scope(el: Element, paragraph: Element) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor.tag in _BUTTON_SCOPE:
            return False
    return False


def _close(paragraph: Element, block: Element, made: list[Element],
           split_links: dict[Element, tuple[str, Element]]) -> None:
    open_inside: list[Element] = []     # the elements open between them, outermost first
    node = block.getparent()
    while node is not None and node is not paragraph:
        open_inside.append(node)
        node = node.getparent()
    open_inside.reverse()
    formatting = _active([el for el in open_inside if el.tag in FORMATTING])
    for el in formatting:
        if el.tag == "a":
            split_links.setdefault(el, ("paragraph", block))
    # What followed the block inside each open element, the deepest first, then what
    # followed them in the paragraph: all of it comes after the block in the browser's tree
    levels: list[tuple[Element, list[Item]]] = []
    node = block
    for owner in reversed(open_inside):
        levels.append((owner, detach_following(node)))
        node = owner
    after = detach_following(node)
    content = detach_content(block)
    holder = paragraph.makeelement("p", {})     # (detached: what goes after the paragraph)
    holder.append(block)
    _Copies(block, formatting, made).place(content)
    following = _Copies(holder, formatting, made)
    for owner, items in levels:
        following.place(items)
        following.end(owner)
    following.place(after)
    _put_after(paragraph, holder)


def _active(formatting: list[Element]) -> list[Element]:
    """The formatting elements a browser's list keeps of those open, outermost first: of
    elements alike (the same tag and attributes) no more than the last three (HTML's
    "Noah's Ark" clause), so ``<b>`` written 2,000 times is copied three times."""
    kept: list[Element] = []
    for el in formatting:
        alike = [other for other in kept
                 if other.tag == el.tag and sorted(other.items()) == sorted(el.items())]
        if len(alike) >= 3:
            kept.remove(alike[0])
        kept.append(el)
    return kept


def _put_after(paragraph: Element, holder: Element) -> None:
    tail = paragraph.tail
    paragraph.tail = holder.text
    last = paragraph
    for child in list(holder):
        last.addnext(child)     # with its tail
        last = child
    if tail:
        last.tail = joined_text(last.tail, tail)


class _Copies:
    """Puts items into ``container`` as HTML's parser inserts them, with the formatting
    elements of ``active`` (still in its list of active formatting elements, none of them
    open) opened again, as copies, before the first text or inline element."""

    def __init__(self, container: Element, active: list[Element], made: list[Element]) -> None:
        self.container = container
        self.active = list(active)
        self.copies: list[Element] = []     # the copies open, of active's first originals
        self.made = made

    def _current(self) -> Element:
        return self.copies[-1] if self.copies else self.container

    def _reconstruct(self) -> None:
        for original in self.active[len(self.copies):]:
            copy = start_tag_copy(original)
            self._current().append(copy)
            self.copies.append(copy)
            self.made.append(copy)

    def place(self, items: list[Item]) -> None:
        for item in items:
            if isinstance(item, str):
                self._reconstruct()     # (white space too: every character token does)
                text_at_end(self._current(), item)
            elif not isinstance(item.tag, str):     # a comment: no reconstruction
                self._current().append(item)
            elif item.tag in NO_RECONSTRUCTION:
                self._current().append(item)
                if len(self.copies) < len(self.active) and item.tag not in _MARKED:
                    # the formatting elements not open are opened again inside it
                    _Copies(item, self.active[len(self.copies):], self.made).place(
                        detach_content(item))
            else:
                if item.tag == "a":
                    self._drop_link()
                self._reconstruct()
                self._current().append(item)

    def _drop_link(self) -> None:
        """An ``<a>`` start tag first ends a link still in the list of formatting elements
        (not open: it is not copied around the new link)."""
        for at in range(len(self.copies), len(self.active)):
            if self.active[at].tag == "a":
                del self.active[at]
                return

    def end(self, original: Element) -> None:
        """``original``'s end tag: its copy, if open, closes (with what is open inside it),
        and it leaves the list. The end tag of an element that is no formatting element
        does nothing here (the browser ignores it: that element is closed)."""
        for at, el in enumerate(self.active):
            if el is original:
                del self.copies[at:]
                del self.active[at]
                return
