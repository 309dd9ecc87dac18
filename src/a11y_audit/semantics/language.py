"""The language an element's text is in, as markup declares it: the nearest ``lang``.

HTML "The lang and xml:lang attributes": an element's language is its own ``lang`` attribute,
else its parent's language (an empty value means "unknown" and stops the search). Rules that
ask it of many elements (every text block, every link) read one memo per page, filled along
each walk up, instead of walking every element's ancestors; on a page where only the root
element carries ``lang`` (most), one answer serves every element.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element


def declared_lang(page: Page, el: Element) -> str | None:
    """The ``lang`` attribute of ``el`` or of its nearest ancestor that has one, as written
    (not stripped: "" and " " are the author's "unknown"); None when no element has one."""
    uniform = page.memo("language.uniform", _uniform)
    if uniform is not None:
        return uniform[0]
    memo: dict[Element, str | None] = page.memo("language.declared", lambda _: {})
    if el in memo:
        return memo[el]
    chain = []
    node: Element | None = el
    found: str | None = None
    while node is not None:
        if node in memo:
            found = memo[node]
            break
        value = node.get("lang")
        if value is not None:
            found = value
            memo[node] = found
            break
        chain.append(node)
        node = node.getparent()
    for item in chain:
        memo[item] = found
    return found


def _uniform(page: Page) -> tuple[str | None] | None:
    """The one answer every element of the page gets, when no element but the root carries
    ``lang`` (most pages: ``<html lang="en">`` and nothing else), else None."""
    holders = page.by_attribute.get("lang", ())
    if not holders:
        return (None,)
    if len(holders) == 1 and holders[0] is page.root:
        return (page.root.get("lang"),)
    return None
