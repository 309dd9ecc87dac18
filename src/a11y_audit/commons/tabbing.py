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

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.commons import focus
from a11y_audit.commons.dom import tag_of

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element

TABBABLE = "tabbable"
FRAME = "frame"   # a frame whose document we cannot see: it may hold tabbable content

# Elements that may be in the Tab order: a cheap XPath pre-filter before the exact tests.
_CANDIDATES = (
    ".//*[@tabindex or @href or @contenteditable or self::input or self::button or self::select"
    " or self::textarea or self::iframe or self::embed or self::summary or self::audio"
    " or self::video]"
)
_FRAMES = frozenset(("iframe", "embed"))


def is_inert(el: Element) -> bool:
    """Inside an ``inert`` subtree or a closed ``dialog`` (not rendered by default)."""
    for node in (el, *el.iterancestors()):
        if node.get("inert") is not None:
            return True
        if tag_of(node) == "dialog" and node.get("open") is None:
            return True
    return False


def focus_state(page: Page, el: Element) -> str | None:
    """:data:`TABBABLE` when the element is in the Tab order; :data:`FRAME` for a frame whose
    unknown document may add tabbable content; None otherwise."""
    if not focus.is_tabbable(el) or not page.is_rendered(el) or is_inert(el):
        return None
    if tag_of(el) in _FRAMES:
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
    for candidate in el.xpath(_CANDIDATES):
        state = focus_state(page, candidate)
        if state is not None:
            yield candidate, state


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
    attribute, or an inline script that names the element and handles focus."""
    if el.get("onfocus") is not None or el.get("onfocusin") is not None:
        return True
    return _script_names(page, el, _FOCUS_WORDS)


def script_may_change_tabindex(page: Page, el: Element) -> bool:
    """An inline script names the element and sets a tabindex or makes content inert."""
    return _script_names(page, el, _TABINDEX_WORDS)
