"""Titled elements and the text they show, for the two title-attribute rules.

title-attr-inputs-only and title-attr-not-duplicate both compare each rendered element's
``title`` with the text the element shows (an image's alt, else its text content): that text is
read once a page here, not once by each rule (a titled container's text can be long).
"""

from __future__ import annotations

from a11y_audit.dom import normalize_space, text_content
from a11y_audit.rule import Element, Page


def shown_text(page: Page, el: Element, tag: str) -> str:
    """The text ``el`` shows, white space collapsed and case-folded: ``alt`` for an ``img``,
    else its text content. Memoised per page; ``tag`` is ``tag_of(el)``."""
    memo: dict[Element, str] = page.memo("titles.shown_text", lambda _: {})
    found = memo.get(el)
    if found is None:
        found = memo[el] = normalize_space(
            el.get("alt") if tag == "img" else text_content(el)).casefold()
    return found
