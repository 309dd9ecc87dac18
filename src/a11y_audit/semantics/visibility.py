"""Whether an element is hidden: the one answer every rule, the accessible-name code and the
page model read.

Two notions, because rules need both:

* *not rendered*: computed ``display: none`` (the ``hidden`` attribute and a closed ``dialog``
  through the browser's defaults, which a stylesheet's ``display`` overrides), computed
  ``visibility: hidden`` or ``collapse`` (inherited; a descendant may set ``visible`` again),
  inside an element with ``content-visibility: hidden``, inside ``template``, ``noscript``,
  ``script``, ``style`` or ``head``, ``input type=hidden``, or the content of a closed
  ``details`` other than its summary;
* *hidden from assistive technology*: not rendered, or inside ``aria-hidden="true"`` or an
  ``inert`` subtree (HTML: inert nodes are excluded from the accessibility tree).

Styles come from the cascade (:mod:`a11y_audit.semantics.cascade`): style attributes, the
page's ``<style>`` elements and the stylesheets it links when they can be read. *Visually
hidden* content (sr-only clipping, off-screen) stays rendered: see
:func:`a11y_audit.semantics.cascade.visually_hidden_reason`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import tag_of, unknown_chain

if TYPE_CHECKING:
    from a11y_audit.semantics.cascade import Rendering as Style

_NEVER_RENDERED = frozenset(("template", "noscript", "script", "style", "head", "title", "meta"))

# Per element: (not_rendered, visibility_hidden, aria_hidden); visibility is inheritable but can be
# overridden, so it is tracked apart from display.
State = tuple[bool, bool, bool]
_ROOT_STATE: State = (False, False, False)


class Visibility:
    """Memoised hidden-ness for one document; ask ``not_rendered`` or ``hidden_from_at``."""

    __slots__ = ("_style", "_styles", "memo")

    def __init__(self, styles: Callable[[], Callable[[etree._Element], Style]]) -> None:
        self.memo: dict[etree._Element, State] = {}    # read directly by the Page's queries
        self._styles = styles           # gives the cascade's lookup on first use
        self._style: Callable[[etree._Element], Style] | None = None

    def state(self, el: etree._Element) -> State:
        memo = self.memo
        found = memo.get(el)
        if found is not None:
            return found
        style = self._style
        if style is None:
            style = self._style = self._styles()
            # The first question: answer it for the whole document in one walk down it.
            # Rules ask about four elements in five, and top-down each element reads its
            # parent's state from the memo instead of walking up to the nearest known one.
            self._fill(el.getroottree().getroot(), style)
            found = memo.get(el)
            if found is not None:
                return found
        chain, inherited = unknown_chain(memo, el, _ROOT_STATE)
        for item in chain:
            inherited = _own_state(item, inherited, style)
            memo[item] = inherited
        return inherited

    def _fill(self, root: etree._Element | None,
              style: Callable[[etree._Element], Style]) -> None:
        if root is None:
            return
        memo = self.memo
        memo[root] = _own_state(root, _ROOT_STATE, style)
        for el in root.iterdescendants(etree.Element):     # document order: parents first
            memo[el] = _own_state(el, memo[el.getparent()], style)

    def not_rendered(self, el: etree._Element) -> bool:
        """True when the element is not rendered at all (display:none, hidden, template...)."""
        display, vis, _ = self.state(el)
        return display or vis

    def hidden_from_at(self, el: etree._Element) -> bool:
        """True when assistive technology does not see the element."""
        display, vis, aria = self.state(el)
        return display or vis or aria


def _own_state(el: etree._Element, parent: State,
               style_of: Callable[[etree._Element], Style]) -> State:
    display, vis, aria = parent
    if not display:
        tag = el.tag   # a Page's element: the lower-case local name (see dom.tag_of)
        parent_el = el.getparent()
        if tag in _NEVER_RENDERED or (
            tag == "input" and (el.get("type") or "").strip().lower() == "hidden"
        ) or (parent_el is not None and (
            (parent_el.tag == "details" and parent_el.get("open") is None
             and not (tag == "summary" and _first_summary(parent_el) is el))
            or style_of(parent_el).content_visibility == "hidden"
        )):
            display = True
        else:
            style = style_of(el)
            if style.display == "none":
                display = True
            else:
                vis = style.visibility in ("hidden", "collapse")
    if not aria:
        value = el.get("aria-hidden")
        if (value is not None and value.strip().lower() == "true") or el.get("inert") is not None:
            aria = True
    return (display, vis, aria)


def _first_summary(details: etree._Element) -> etree._Element | None:
    for child in details:
        if tag_of(child) == "summary":
            return child
    return None
