"""Holes and branches in a template (:mod:`a11y_audit.templates`): where an include, a block
or a raw expression writes markup that another file or the data holds (:func:`is_hole`),
where a conditional begins another branch (:func:`is_branch`), and what the template renders
on a condition (:attr:`a11y_audit.templates.Template.conditions`). Rules that judge what lies
between two elements (a section's content, the headings between two levels, two landmarks
that may be alternatives) ask here whether a template writes some of it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from lxml import etree

from a11y_audit.checks.naming import quote, shorten
from a11y_audit.rule import Element, Page
from a11y_audit.templates import (
    EXPRESSION,
    is_branch,
    is_component,
    is_conditional,
    is_dynamic_heading,
    is_hole,
    is_looped,
    writes_content,
)

_MARKS: dict[Callable[[str | None], bool], object] = {is_hole: object(), is_branch: object()}


def holds_hole(el: Element) -> bool:
    """Whether an include, a block or a raw expression of a template writes markup inside
    the element (or the content of an element inside it: Thymeleaf's ``th:text``)."""
    return any(is_hole(comment.text) for comment in el.iter(etree.Comment)) or any(
        writes_content(d) for d in el.iter(etree.Element))


def holds_component(el: Element) -> bool:
    """Whether a Blade component (:func:`a11y_audit.templates.is_component`) stands inside
    the element: what it writes is its view's."""
    return any(isinstance(d.tag, str) and is_component(d.tag) for d in el.iterdescendants())


def quote_content(page: Page, el: Element, text: str) -> str:
    """``text`` quoted for a message (:func:`a11y_audit.checks.naming.quote`); for an element
    of a template with no text of its own but a hole inside (``<h5><?php largo_byline();
    ?></h5>``), not "(empty)": what the template writes is its text."""
    quoted = quote(text)
    if quoted == "(empty)" and page.template is not None and holds_hole(el):
        return "(text the template writes)"
    return quoted


def hole_among_children(el: Element) -> bool:
    """Whether an include, a block or a raw expression writes some of the element's own
    children (directly, or in a ``<div>`` child: a description list's groups): a list's
    items, a description list's terms. (One inside an item writes that item's content.)"""
    return any(is_hole(comment.text) for parent in (el, *el.iterchildren("div"))
               for comment in parent.iterchildren(etree.Comment)) or any(
        writes_content(parent) for parent in (el, *el.iterchildren("div")))


def hole_between(page: Page, first: Element, second: Element) -> bool:
    """Whether a template writes markup (a hole) between the starts of two elements, or a
    heading whose level the data decides (``<h{{ level }}>``) stands there. False at once
    for a page that is no template."""
    return _between(page, first, second, is_hole)


def branch_between(page: Page, first: Element, second: Element) -> str | None:
    """Why two elements of a template may be alternatives, never on one page together, or
    None: a conditional begins another branch between them (in either order, ``{% else
    %}``), or each stands in a conditional of its own, neither inside the other (``{% if
    a %}...{% endif %}{% if b %}...{% endif %}``, Thymeleaf's ``th:if`` and ``th:unless``
    on two elements). One element on a condition and one without are not: whenever the
    first is rendered, so is the second. Said as "... so they may be alternatives"."""
    if page.template is None:
        return None
    if _between(page, first, second, is_branch):
        return ELSE_BETWEEN
    if _apart_conditions(first, second) or _apart_spans(page, first, second):
        return APART
    return None


ELSE_BETWEEN = "an else of the template stands between them"
APART = "each stands in a conditional of its own in the template"


def _apart_conditions(first: Element, second: Element) -> bool:
    one, other = _condition(first), _condition(second)
    return (one is not None and other is not None and one is not other
            and not _within(one, other) and not _within(other, one))


def _apart_spans(page: Page, first: Element, second: Element) -> bool:
    """Whether the two elements' start tags stand in two conditional blocks of the
    template's text (:attr:`a11y_audit.templates.Template.conditions`), neither inside
    the other."""
    if not page.conditions:
        return False
    at, other_at = page.source_offset(first), page.source_offset(second)
    if at is None or other_at is None:
        return False
    tree: _SpanTree = page.memo(_SPAN_TREE, _span_tree)
    one, other = tree.innermost(at), tree.innermost(other_at)
    return (one is not None and other is not None and one != other
            and not tree.inside(one, other) and not tree.inside(other, one))


class _SpanTree:
    """A template's conditional spans, each with the innermost span around it: which span
    an offset stands in is found in the nesting's depth, not in the number of spans."""

    def __init__(self, spans: tuple[tuple[int, int], ...]) -> None:
        # (two spans that begin together: the outer first)
        ordered = sorted(spans, key=lambda span: (span[0], -span[1]))
        self.starts = [start for start, _ in ordered]
        self.ends = [end for _, end in ordered]
        self.parents: list[int] = []
        around: list[int] = []     # (the spans open at this one's start, innermost last)
        for index, end in enumerate(self.ends):
            while around and self.ends[around[-1]] < end:
                around.pop()
            self.parents.append(around[-1] if around else -1)
            around.append(index)

    def innermost(self, at: int) -> int | None:
        """The innermost span around offset ``at`` (its index), or None."""
        index = bisect_right(self.starts, at) - 1
        while index >= 0 and self.ends[index] <= at:
            index = self.parents[index]
        return index if index >= 0 else None

    def inside(self, index: int, outer: int) -> bool:
        while index >= 0:
            index = self.parents[index]
            if index == outer:
                return True
        return False


def _span_tree(page: Page) -> _SpanTree:
    return _SpanTree(page.conditions)


_SPAN_TREE = object()


def repeated_by_loop(page: Page, el: Element, value: str) -> str | None:
    """Where a template's loop repeats the element with ``value`` as written (an id, an
    access key: no expression in it), so that a page of two items or more holds it twice:
    the loop's opening as the template writes it (``{% for story in stories %}``), cut to
    60 characters; None where it stands in no loop of the template
    (:attr:`a11y_audit.templates.Template.loops`), or the value is filled in when it renders
    (``id="story-{{ loop.index }}"``)."""
    if EXPRESSION in value:
        return None
    if page.template == "thymeleaf":
        return _th_each(page, el)
    if not page.loops:
        return None
    at = page.source_offset(el)
    if at is None:
        return None
    tree: _SpanTree = page.memo(_LOOP_TREE, _loop_tree)
    index = tree.innermost(at)
    if index is None:
        return None
    start = tree.starts[index]
    written = _written(page)
    # (its first line, to the markup it holds: a token of the template's own that begins
    # with "<", <c:forEach ...>, <?php foreach ... ?>, ends before the next "<")
    lines = written[start:start + 200].splitlines()
    opening = lines[0] if lines else ""
    markup = opening.find("<", 1)
    opening = (opening if markup < 0 else opening[:markup]).strip()
    return quote(opening, 60) if opening else "a loop"


def _th_each(page: Page, el: Element) -> str | None:
    """:func:`repeated_by_loop` in Thymeleaf: the element, or one around it, is written for
    each item of its ``th:each``, quoted as the template writes it."""
    looped = next((a for a in (el, *el.iterancestors()) if is_looped(a)), None)
    if looped is None:
        return None
    at = page.source_offset(looped)
    written = _written(page)
    found = _TH_EACH.search(written, at, at + 4096) if at is not None else None
    return shorten(found[0], 60) if found is not None else "th:each"


_TH_EACH = re.compile(r"""(?:data-)?th[:-]each\s*=\s*(?:"[^"]*"|'[^']*')""")


def _written(page: Page) -> str:
    """The template's text as written (its offsets the page model's)."""
    return page.written if page.written is not None else page.markup or ""


def _loop_tree(page: Page) -> _SpanTree:
    return _SpanTree(page.loops)


_LOOP_TREE = object()


def _condition(el: Element) -> Element | None:
    """The nearest element, the element itself or one around it, rendered on a condition."""
    return next((a for a in (el, *el.iterancestors()) if is_conditional(a)), None)


def _within(el: Element, outer: Element) -> bool:
    return any(a is outer for a in el.iterancestors())


def _between(page: Page, first: Element, second: Element,
             kind: Callable[[str | None], bool]) -> bool:
    if page.template is None:
        return False
    # each mark's place, found once a page (every pair of headings asks)
    marks: list[int] = page.memo(_MARKS[kind], lambda page: _marks(page, kind))
    if not marks:
        return False
    start, end = sorted((_elements_before(first), _elements_before(second)))
    # a mark in (start, end]: the first mark past start is at or before end
    after = bisect_right(marks, start)
    return after < len(marks) and marks[after] <= end


def _marks(page: Page, kind: Callable[[str | None], bool]) -> list[int]:
    """Where each mark of ``kind`` stands, in elements before it, in order."""
    nodes = [c for c in page.root.iter(etree.Comment) if kind(c.text)]
    if kind is is_hole:
        nodes.extend(el for el in page.root.iter(etree.Element)
                     if is_dynamic_heading(el.tag) or writes_content(el))
    return sorted(map(_elements_before, nodes))


def _elements_before(node: etree._Element) -> int:
    """How many elements start before ``node`` in document order."""
    return int(node.xpath("count(preceding::*) + count(ancestor::*)"))  # type: ignore[arg-type]
