"""The text of a page's nodes, read once for every check that sifts it.

Several checks look for something in all the text a page could show: the contrast checks
for the elements that hold text, lang-of-parts for the letters of other scripts. Reading
each node's text through lxml is most of their cost, so the page's text is read once, in C
(``attrgetter`` mapped over the page's elements), and kept aligned with the elements for the
checks to sift with ``compress`` and ``str`` methods.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from itertools import chain, filterfalse
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element

_TEXT = operator.attrgetter("text")
_TAIL = operator.attrgetter("tail")
_OTHER_NODES = (etree.Comment, etree.ProcessingInstruction, etree.Entity)


class PageText(NamedTuple):
    """The text of a page's nodes: every element but ``script`` and ``style`` (whose raw
    text can be a megabyte of JSON, and is never shown) with its text, aligned; every
    element's tail, aligned with ``page.elements``; and the comments, processing
    instructions and entities, whose tails are text too. A superset of all the text a page
    shows."""

    elements: list[Element]
    texts: list[str | None]
    tails: list[str | None]
    others: list[etree._Element]

    def pieces(self) -> Iterator[str]:
        """Every text and tail that is not None or empty."""
        return filter(None, chain(self.texts, self.tails, map(_TAIL, self.others)))


def page_text(page: Page) -> PageText:
    """:class:`PageText` of the page, memoised."""
    return page.memo("page_text", _page_text)


def _page_text(page: Page) -> PageText:
    elements = page.elements
    raw = set(page.by_tag.get("script", ()))
    raw.update(page.by_tag.get("style", ()))
    readable = list(filterfalse(raw.__contains__, elements)) if raw else elements
    return PageText(readable, list(map(_TEXT, readable)), list(map(_TAIL, elements)),
                    list(page.root.iter(*_OTHER_NODES)))
