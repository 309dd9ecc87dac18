"""Holes in a template: where an include, a block or a raw expression writes markup that
another file or the data holds (:func:`a11y_audit.templates.is_hole`). Rules that judge
what lies between two elements (a section's content, the headings between two levels) ask
here whether a template writes some of it."""

from __future__ import annotations

from lxml import etree

from a11y_audit.rule import Element, Page
from a11y_audit.templates import is_hole

_HOLES = object()       # Page.memo key


def hole_between(page: Page, first: Element, second: Element) -> bool:
    """Whether a template writes markup (a hole) between the starts of two elements. False
    at once for a page that is no template."""
    if page.template is None:
        return False
    holes = page.memo(_HOLES, _holes)
    if not holes:
        return False
    start, end = _elements_before(first), _elements_before(second)
    return any(start < _elements_before(hole) <= end for hole in holes)


def _holes(page: Page) -> list[etree._Element]:
    return [c for c in page.root.iter(etree.Comment) if is_hole(c.text)]


def _elements_before(node: etree._Element) -> int:
    """How many elements start before ``node`` in document order."""
    return int(node.xpath("count(preceding::*) + count(ancestor::*)"))  # type: ignore[arg-type]
