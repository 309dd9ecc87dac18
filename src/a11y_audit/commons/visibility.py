"""Whether an element is hidden, decided from markup and inline styles only.

Two notions, because rules need both:

* *not rendered*: ``hidden`` attribute, inline ``display:none``, inline ``visibility:hidden`` or
  ``collapse`` (a descendant may set ``visibility:visible`` again), inside ``template``,
  ``noscript``, ``script``, ``style`` or ``head``, ``input type=hidden``, a ``dialog`` without
  ``open`` (the browser's own stylesheet hides it), or the content of a closed ``details`` other
  than its summary;
* *hidden from assistive technology*: not rendered, or inside ``aria-hidden="true"`` or an
  ``inert`` subtree (HTML: inert nodes are excluded from the accessibility tree).

A class name that only a stylesheet could hide counts as visible: static HTML cannot see
stylesheets, and rules that depend on it say so in their documentation (and answer cantTell
where the difference would change the outcome).
"""

from __future__ import annotations

import re

from lxml import etree

from a11y_audit.commons.dom import tag_of

_DISPLAY_NONE = re.compile(r"(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)", re.I)
_VIS_HIDDEN = re.compile(
    r"(?:^|;)\s*visibility\s*:\s*(hidden|collapse)\s*(?:!important\s*)?(?:;|$)", re.I)
_VIS_VISIBLE = re.compile(r"(?:^|;)\s*visibility\s*:\s*visible\s*(?:!important\s*)?(?:;|$)", re.I)
_NEVER_RENDERED = frozenset(("template", "noscript", "script", "style", "head", "title", "meta"))

# Per element: (not_rendered, visibility_hidden, aria_hidden); visibility is inheritable but can be
# overridden, so it is tracked apart from display.
State = tuple[bool, bool, bool]
_ROOT_STATE: State = (False, False, False)


class Visibility:
    """Memoised hidden-ness for one document; ask ``not_rendered`` or ``hidden_from_at``."""

    __slots__ = ("_memo",)

    def __init__(self) -> None:
        self._memo: dict[etree._Element, State] = {}

    def state(self, el: etree._Element) -> State:
        memo = self._memo
        found = memo.get(el)
        if found is not None:
            return found
        chain: list[etree._Element] = []
        node: etree._Element | None = el
        inherited = _ROOT_STATE
        while node is not None:
            known = memo.get(node)
            if known is not None:
                inherited = known
                break
            chain.append(node)
            node = node.getparent()
        for item in reversed(chain):
            inherited = _own_state(item, inherited)
            memo[item] = inherited
        return inherited

    def not_rendered(self, el: etree._Element) -> bool:
        """True when the element is not rendered at all (display:none, hidden, template...)."""
        display, vis, _ = self.state(el)
        return display or vis

    def hidden_from_at(self, el: etree._Element) -> bool:
        """True when assistive technology does not see the element."""
        display, vis, aria = self.state(el)
        return display or vis or aria


def _own_state(el: etree._Element, parent: State) -> State:
    display, vis, aria = parent
    if not display:
        tag = tag_of(el)
        if (
            tag in _NEVER_RENDERED
            or el.get("hidden") is not None
            or (tag == "dialog" and el.get("open") is None)
            or (tag == "input" and (el.get("type") or "").strip().lower() == "hidden")
        ):
            display = True
        else:
            parent_el = el.getparent()
            if (
                parent_el is not None
                and tag_of(parent_el) == "details"
                and parent_el.get("open") is None
                and not (tag == "summary" and _first_summary(parent_el) is el)
            ):
                display = True
    style = el.get("style")
    if style and not display:
        if _DISPLAY_NONE.search(style):
            display = True
        elif _VIS_HIDDEN.search(style):
            vis = True
        elif vis and _VIS_VISIBLE.search(style):
            vis = False
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
