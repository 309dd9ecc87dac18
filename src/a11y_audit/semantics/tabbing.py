"""Sequential focus navigation (the Tab order), decided from markup.

Sources: HTML Living Standard 6.6.3 "The tabindex attribute" and 6.6.5 "Sequential focus
navigation" (https://html.spec.whatwg.org/multipage/interaction.html#sequential-focus-navigation):
an element is in the Tab order when it is focusable, rendered, not inert and its tabindex is not
negative. HTML 6.3 "Inert subtrees" (``inert`` attribute) and 4.11.4 "The dialog element" (a
closed ``dialog`` is not rendered). A nested browsing context (``iframe``) takes part through its
own document; with ``srcdoc`` that document is in the markup and is parsed here, otherwise its
content is unknown (:data:`FRAME`). An iframe with a negative tabindex keeps its content out of
the Tab order (ACT rule akn7bn, "Background").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import tag_of
from a11y_audit.semantics import focus

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element

TABBABLE = "tabbable"
FRAME = "frame"   # a frame whose document we cannot see: it may hold tabbable content

# Elements that may be in the Tab order: a cheap pre-filter, read from the page's tag and
# attribute indexes (an XPath of the same was a scan of the whole tree), before the exact tests.
_CANDIDATES = (
    "*[tabindex]", "*[href]", "*[contenteditable]", "input", "button", "select", "textarea",
    "iframe", "embed", "summary", "audio", "video",
)
_FRAMES = frozenset(("iframe", "embed"))


def is_inert(el: Element) -> bool:
    """Inside an ``inert`` subtree or a closed ``dialog`` (not rendered by default)."""
    found = focus.marks(el)
    if not found.inert and not found.closed_dialogs:
        return False          # the usual page: no ancestor walk
    for node in (el, *el.iterancestors()):
        if node.get("inert") is not None:
            return True
        if node.tag == "dialog" and node.get("open") is None:
            return True
    return False


def focus_state(page: Page, el: Element) -> str | None:
    """:data:`TABBABLE` when the element is in the Tab order; :data:`FRAME` for a frame whose
    unknown document may add tabbable content; None otherwise."""
    if not focus.is_tabbable(el) or not page.is_rendered(el) or is_inert(el):
        return None
    if el.tag in _FRAMES:
        return frame_content_state(el)
    return TABBABLE


def frame_content_state(frame: Element) -> str | None:
    """For a frame: TABBABLE when its ``srcdoc`` document has tabbable content, None when it has
    none (or the frame is empty), FRAME when its document is loaded from elsewhere."""
    srcdoc = frame.get("srcdoc")
    if srcdoc is not None:
        return TABBABLE if _srcdoc_has_tabbable(srcdoc) else None
    if tag_of(frame) == "iframe" and not (frame.get("src") or "").strip():
        return None   # about:blank
    if tag_of(frame) == "embed" and not (frame.get("src") or "").strip():
        return None
    return FRAME


def tabbable_in(page: Page, el: Element) -> Iterator[tuple[Element, str]]:
    """Descendants of ``el`` with a focus state (see :func:`focus_state`), in document order."""
    index = _focus_index(page)
    lo, hi = index.span(page, el)
    if hi - lo > _FEW:
        full = index.full(page)
        lo, hi = full.span(page, el)
        for i in range(lo, hi):
            yield full.elements[i], full.states[i]
        return
    for candidate in index.candidates[lo:hi]:
        state = index.state(page, candidate)
        if state is not None:
            yield candidate, state


def tabbable_summary(page: Page, el: Element) -> tuple[Element | None, int, bool]:
    """For the descendants of ``el``: the first in the Tab order (or None), how many are, and
    whether a frame's unknown document may add more. Constant time after one index per page
    (a chain of 1,000 nested buttons asks this 1,000 times)."""
    index = _focus_index(page)
    lo, hi = index.span(page, el)
    if hi - lo > _FEW:
        full = index.full(page)
        lo, hi = full.span(page, el)
        count = full.tabbable_before[hi] - full.tabbable_before[lo]
        first = full.elements[full.next_tabbable[lo]] if count else None
        return first, count, (hi - lo) > count
    first = None
    count = with_state = 0
    for candidate in index.candidates[lo:hi]:
        state = index.state(page, candidate)
        if state is None:
            continue
        with_state += 1
        if state == TABBABLE:
            count += 1
            if first is None:
                first = candidate
    return first, count, with_state > count


# Subtrees with at most this many candidates are answered from the candidates themselves;
# larger ones (and nested chains of them) from the prefix counts of the full index.
_FEW = 32


class _Candidates:
    """The elements that may be in the Tab order (a cheap pre-filter), in document order.
    Their focus states, which cost a cascade lookup each, are decided only when a subtree
    holding them is asked about: most pages ask about a few small subtrees (the contents of
    ``aria-hidden`` icons and of buttons), not about every link of the page."""

    __slots__ = ("_full", "_states", "candidates", "positions")

    def __init__(self, page: Page) -> None:
        root = page.root
        # descendants only, as the document's own Tab order
        self.candidates = [c for c in page.select(*_CANDIDATES) if c is not root]
        self.positions = [page.order[c] for c in self.candidates]
        self._states: dict[Element, str | None] = {}
        self._full: _FocusIndex | None = None

    def state(self, page: Page, el: Element) -> str | None:
        states = self._states
        if el in states:
            return states[el]
        state = states[el] = focus_state(page, el)
        return state

    def span(self, page: Page, el: Element) -> tuple[int, int]:
        """Index range of the candidates among ``el``'s descendants."""
        return _span(page, self.positions, el)

    def full(self, page: Page) -> _FocusIndex:
        if self._full is None:
            self._full = _FocusIndex(page, self)
        return self._full


class _FocusIndex:
    """Every element with a focus state, in document order, with prefix counts: the elements
    with a state inside any subtree are one contiguous run of it."""

    __slots__ = ("elements", "next_tabbable", "positions", "states", "tabbable_before")

    def __init__(self, page: Page, candidates: _Candidates) -> None:
        self.elements: list[Element] = []
        self.states: list[str] = []
        for candidate in candidates.candidates:
            state = candidates.state(page, candidate)
            if state is not None:
                self.elements.append(candidate)
                self.states.append(state)
        self.positions = [page.order[e] for e in self.elements]
        self.tabbable_before = [0]
        for state in self.states:
            self.tabbable_before.append(self.tabbable_before[-1] + (state == TABBABLE))
        size = len(self.states)
        self.next_tabbable = [size] * (size + 1)
        for i in range(size - 1, -1, -1):
            self.next_tabbable[i] = i if self.states[i] == TABBABLE else self.next_tabbable[i + 1]

    def span(self, page: Page, el: Element) -> tuple[int, int]:
        """Index range of the elements with a state among ``el``'s descendants."""
        return _span(page, self.positions, el)


def _span(page: Page, positions: list[int], el: Element) -> tuple[int, int]:
    """Index range of the document positions in ``positions`` (sorted) inside ``el``'s
    subtree, ``el`` itself excluded."""
    start = page.order.get(el)
    if start is None:
        return 0, 0
    end = subtree_end(page, el)
    return bisect.bisect_right(positions, start), bisect.bisect_right(positions, end)


def _focus_index(page: Page) -> _Candidates:
    return page.memo("tabbing.focus-index", _Candidates)


def subtree_end(page: Page, el: Element) -> int:
    """Document position of the last element in ``el``'s subtree (``el``'s own when none).

    That element is found by going down last element children; every element met on the way
    has the same answer, so each is memoised and a page asks each element at most once (a
    chain of nested buttons stays linear). Only the subtrees asked about are visited."""
    memo: dict[Element, int] = page.memo("dom.subtree-end", lambda _: {})
    chain: list[Element] = []
    node: Element | None = el
    end = -1
    while node is not None:
        known = memo.get(node)
        if known is not None:
            end = known
            break
        chain.append(node)
        end = page.order[node]
        node = next((child for child in reversed(node) if isinstance(child.tag, str)), None)
    for item in chain:
        memo[item] = end
    return end


@lru_cache(maxsize=64)
def _srcdoc_has_tabbable(srcdoc: str) -> bool:
    from a11y_audit.page import Page

    inner = Page.from_html(srcdoc)
    return any(state == TABBABLE for _, state in tabbable_in(inner, inner.root))


_FOCUS_WORDS = re.compile(r"focus", re.I)
_TABINDEX_WORDS = re.compile(r"tabindex|inert|showModal", re.I)


def _script_names(page: Page, el: Element, words: re.Pattern[str]) -> bool:
    """An inline script mentions the element's id (quoted, as ``#id`` or as a bare name, which
    browsers expose on ``window``) and matches ``words``."""
    ident = el.get("id")
    if not ident:
        return False
    named = re.compile(r"(?<![\w-])" + re.escape(ident) + r"(?![\w-])")
    for script in page.by_tag.get("script", []):
        if script.get("src"):
            continue
        text = script.text or ""
        if words.search(text) and named.search(text):
            return True
    return False


def script_may_move_focus(page: Page, el: Element) -> bool:
    """A script may react to this element getting focus: an ``onfocus``/``onfocusin``
    attribute, or an inline script that names the element and handles focus. Worked out
    once an element: aria-hidden-focus asks it of an element once for each ``aria-hidden``
    container it is in."""
    memo: dict[Element, bool] = page.memo("tabbing.focus-scripts", lambda _: {})
    found = memo.get(el)
    if found is None:
        found = memo[el] = (el.get("onfocus") is not None or el.get("onfocusin") is not None
                            or _script_names(page, el, _FOCUS_WORDS))
    return found


def script_may_change_tabindex(page: Page, el: Element) -> bool:
    """An inline script names the element and sets a tabindex or makes content inert."""
    return _script_names(page, el, _TABINDEX_WORDS)
