"""Whether an element is hidden: the one answer every rule, the accessible-name code and the
page model read.

Two notions, because rules need both:

* *not rendered*: computed ``display: none`` (the ``hidden`` attribute and a closed ``dialog``
  through the browser's defaults, which a stylesheet's ``display`` overrides), computed
  ``visibility: hidden`` or ``collapse`` (inherited; a descendant may set ``visible`` again),
  inside an element with ``content-visibility: hidden`` (or ``hidden="until-found"``) whose
  box can skip its contents (not an inline or a table row: :func:`_skips_contents`), inside
  ``template``, ``noscript``,
  ``script``, ``style`` or ``head``, ``input type=hidden``, or the content of a closed
  ``details`` other than its summary;
* *hidden from assistive technology*: not rendered, or inside ``aria-hidden="true"`` or an
  ``inert`` subtree (HTML: inert nodes are excluded from the accessibility tree).

Styles come from the cascade (:mod:`a11y_audit.semantics.cascade`): style attributes, the
page's ``<style>`` elements and the stylesheets it links when they can be read. *Visually
hidden* content (sr-only clipping, off-screen) stays rendered: see
:func:`a11y_audit.semantics.cascade.visually_hidden_reason`.

A third answer, *may be hidden* (:meth:`Visibility.may_be_hidden`): content the cascade shows
but that a stylesheet rule it cannot evaluate may hide, or whose ``display``/``visibility`` is
unknown; the engine makes a failure on it cantTell (see ``Rule.hidden_content``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import tag_of, unknown_chain
from a11y_audit.semantics.cascade import HIDES, UA_HIDING, _foreign, cascade_of
from a11y_audit.semantics.css import RENDERING, parse_declarations

if TYPE_CHECKING:
    from a11y_audit.page import Page
    from a11y_audit.semantics.cascade import Cascade

_NEVER_RENDERED = frozenset(("template", "noscript", "script", "style", "head", "title", "meta"))

# Per element: (not_rendered, visibility_hidden, aria_hidden); visibility is inheritable but can be
# overridden, so it is tracked apart from display.
State = tuple[bool, bool, bool]
_ROOT_STATE: State = (False, False, False)

# What a rendered element passes on to its children besides its State: its computed
# visibility (a child inherits the value, which may be unknown: None) and what its own
# rendering does to them.
_OPEN, _CONTENT_HIDDEN, _CLOSED_DETAILS = 0, 1, 2
Carry = tuple["str | None", int]
_ROOT_CARRY: Carry = ("visible", _OPEN)

# The tags the walk always works out in full: those hidden whatever the styles, those whose
# browser defaults can hide them (so a page's rule may matter even when it only sets a box),
# and details (what it does to its children depends on ``open``).
_IN_FULL = frozenset(_NEVER_RENDERED | UA_HIDING | {"details"})


class Visibility:
    """Memoised hidden-ness for one document; ask ``not_rendered`` or ``hidden_from_at``."""

    __slots__ = ("_carry", "_cascade", "_may", "_may_sight", "_opened", "_page", "memo",
                 "unknown")

    def __init__(self, page: Page) -> None:
        self.memo: dict[etree._Element, State] = {}    # read directly by the Page's queries
        # rendered elements only, and only those that pass on more than the usual: a
        # missing entry stands for _ROOT_CARRY
        self._carry: dict[etree._Element, Carry] = {}
        self._page = page
        self._cascade: Cascade | None = None            # the page's, on the first question
        # elements shown although their display, visibility or content-visibility is
        # unknown (a var() without a usable value): they may be hidden
        self.unknown: list[etree._Element] = []
        self._may: dict[etree._Element, str] = {}            # see may_be_hidden
        self._may_sight: dict[etree._Element, str] = {}      # the same, sight=True
        self._opened: dict[etree._Element, tuple[State, Carry]] = {}    # see opened_state

    def state(self, el: etree._Element) -> State:
        memo = self.memo
        found = memo.get(el)
        if found is not None:
            return found
        if self._cascade is None:
            self._cascade = cascade_of(self._page)
            # The first question: answer it for the whole document in one walk down it.
            # Rules ask about four elements in five, and top-down each element reads its
            # parent's state from the memo instead of walking up to the nearest known one.
            self._fill()
            found = memo.get(el)
            if found is not None:
                return found
        # an element the walk did not see (not in the page's tree)
        chain, state = unknown_chain(memo, el, _ROOT_STATE)
        above = chain[0].getparent()
        carry = self._carry.get(above, _ROOT_CARRY) if above is not None else _ROOT_CARRY
        for item in chain:
            state, carry = self._step(item, item.getparent(), state, carry)
            memo[item] = state
            self._carry[item] = carry
        return state

    def _fill(self) -> None:
        """Every element's state, in document order (parents first). Most elements need no
        call: they carry no key of a page's rule that can hide them (see
        :meth:`Cascade.key_hides`), no style attribute that sets their rendering, no
        ``hidden``, ``aria-hidden`` or ``inert`` attribute, and their tag means nothing
        here: they share their parent's state and what it passes on. Those that carry
        such a key share it too when none of those rules matches them
        (:meth:`Cascade.shown_as_parent`). The rest go through :meth:`_step`."""
        page = self._page
        cascade = self._cascade
        assert cascade is not None
        memo = self.memo
        carried = self._carry
        attributes = page.by_attribute
        by_tag = page.by_tag
        unseen = _aria_hidden_or_inert(attributes)
        # elements a full step decides: a style attribute that sets display, visibility or
        # content-visibility (one that sets only colours or sizes changes nothing here), or
        # a hidden attribute
        full = {el for el in attributes.get("style", ()) if _sets_rendering(el.get("style"))}
        full.update(attributes.get("hidden", ()))
        # and SVG elements whose presentation attributes set display or visibility
        full.update(cascade.svg_rendering_hinted)
        # and the tags that are never rendered, or whose browser defaults can hide them,
        # and details; all read from the page's indexes, not per element (the tag index is
        # keyed by el.tag: a Page's elements have lower-case local names, see dom.tag_of)
        full.update(*[by_tag.get(tag, ()) for tag in _IN_FULL])
        never = set().union(*[by_tag.get(tag, ()) for tag in _NEVER_RENDERED])
        # elements that carry a key of a rule that may hide them (Cascade.key_hides): a
        # tag, an id or a class word; for universal rules, those they may match (those that
        # carry an attribute of their last compounds, or are under an element that carries
        # a key they require of an ancestor: Cascade.universal_hiding_candidates), or every
        # element
        keyed: set[etree._Element] = set()
        kinds = cascade.kinds_of(HIDES)
        universal = cascade.universal_hiding_candidates if "*" in kinds else None
        if "*" in kinds and universal is None:
            keyed.update(page.elements)
        else:
            if universal:
                keyed.update(universal)
            key_mask = cascade.key_mask
            for tag, elements in by_tag.items():
                if key_mask(tag) & HIDES:
                    keyed.update(elements)
            if kinds:
                keyed.update([el for el, bits in cascade.carriers if bits & HIDES])
        # Each element costs a look-up in this set and, when it is in none of them, one read
        # and one write of the memo; what it passes on is kept only when it is not the usual
        # (_ROOT_CARRY), which a missing entry stands for, so the commonest elements write
        # nothing else.
        special = unseen | full | keyed
        shown_as_parent = cascade.shown_as_parent
        step = self._step
        for el in page.elements:
            parent = el.getparent()
            try:
                state = memo[parent]    # type: ignore[index]  # (the root's None: KeyError)
            except KeyError:
                if parent is not None:  # not under the root (cannot happen in a Page's tree)
                    self.state(el)
                    continue
                state = _ROOT_STATE
            if el not in special:
                if state[0] or parent not in carried:
                    memo[el] = state    # inside something not rendered, or the usual carry
                    continue
                carry = carried[parent]
                if carry[1] == _OPEN:
                    memo[el] = state
                    carried[el] = carry
                    continue
                state, carry = step(el, parent, state, carry)
            elif el in unseen:
                state, carry = step(el, parent, state,
                                    carried.get(parent, _ROOT_CARRY))  # type: ignore[arg-type]
            elif state[0]:
                memo[el] = state    # inside something not rendered: only aria could change
                continue
            elif el in never:
                memo[el] = (True, state[1], state[2])
                continue
            else:
                carry = carried.get(parent, _ROOT_CARRY)  # type: ignore[arg-type]  # (or None)
                if carry[1] != _OPEN or el in full or not shown_as_parent(el):
                    state, carry = step(el, parent, state, carry)
            memo[el] = state
            if carry != _ROOT_CARRY:
                carried[el] = carry

    def _step(self, el: etree._Element, parent: etree._Element | None, state: State,
              carry: Carry) -> tuple[State, Carry]:
        """The state of ``el`` and what it passes on, from its parent's."""
        display, vis, aria = state
        if not display:
            tag = el.tag   # a Page's element: the lower-case local name (see dom.tag_of)
            visibility, children = carry
            if tag in _NEVER_RENDERED or (
                tag == "input" and (el.get("type") or "").strip().lower() == "hidden"
            ) or children == _CONTENT_HIDDEN or (
                children == _CLOSED_DETAILS
                and not (tag == "summary" and parent is not None and _first_summary(parent) is el)
            ):
                display = True
            else:
                cascade = self._cascade
                assert cascade is not None
                rendering = cascade.rendering_under(el, visibility)
                if rendering.display == "none" or (
                        rendering.display == "contents" and _contents_as_none(el, parent)):
                    display = True
                else:
                    vis = rendering.visibility in ("hidden", "collapse")
                    if rendering.display is None or rendering.content_visibility is None or (
                            rendering.visibility is None and visibility is not None):
                        self.unknown.append(el)
                    carry = (rendering.visibility,
                             _CONTENT_HIDDEN if rendering.content_visibility == "hidden"
                             and _skips_contents(tag, rendering.display)
                             else _CLOSED_DETAILS if tag == "details" and el.get("open") is None
                             else _OPEN)
        if not aria:
            value = el.get("aria-hidden")
            if (value is not None and value.strip().lower() == "true") \
                    or el.get("inert") is not None:
                aria = True
        return (display, vis, aria), carry

    def opened_state(self, el: etree._Element) -> State:
        """The state ``el`` would have were every closed ``details`` around it open: what a
        reader meets once they open the disclosures (a summary is always rendered). The
        same as :meth:`state` for what no closed details holds. Memoised for the elements
        not rendered (a rendered one's is its state)."""
        opened = self._opened
        got = opened.get(el)
        if got is not None:
            return got[0]
        chain = []                  # el and its ancestors not rendered, up to the first known
        node: etree._Element | None = el
        while node is not None:
            got = opened.get(node)
            if got is not None:
                break
            state = self.memo.get(node) or self.state(node)
            if not state[0]:
                got = (state, self._carry.get(node, _ROOT_CARRY))
                break
            chain.append(node)
            node = node.getparent()
        else:
            got = (_ROOT_STATE, _ROOT_CARRY)
        for item in reversed(chain):
            state, carry = got
            if not state[0]:        # (inside what stays not rendered opened: the same)
                if carry[1] == _CLOSED_DETAILS:
                    carry = (carry[0], _OPEN)
                got = self._step(item, item.getparent(), state, carry)
            opened[item] = got
        return got[0]

    def may_be_hidden(self, el: etree._Element, sight: bool = False) -> str | None:
        """Why ``el``, rendered as far as the cascade can tell, may not be: a stylesheet rule
        the cascade does not evaluate that may match it or an ancestor
        (:attr:`Cascade.undecided`: ``@container``, a root-less ``@scope`` nested, deep
        nesting, a vendor pseudo-class or a state not judged), or a ``display``,
        ``visibility`` or ``content-visibility`` of it or an ancestor whose value is
        unknown. The reason names the stylesheet rule (or style attribute) and why it cannot
        be evaluated; None on nearly every page (nothing to look up) and for content nothing
        may hide. ``sight``:
        also such rules that may hide it from sight only (clipped, off-screen...), for the
        rules that judge only what is seen. Memoised per element, ancestors first."""
        if self._cascade is None:
            self.state(el)      # the walk records the unknown values
        cascade = self._cascade
        assert cascade is not None
        undecided = cascade.undecided
        if not undecided and not self.unknown:
            return None
        # "" for nothing (unknown_chain's memo values are not None)
        memo = self._may_sight if sight else self._may
        reason = memo.get(el)
        if reason is None:
            unknown = set(self.unknown)
            chain, reason = unknown_chain(memo, el, "")  # type: ignore[arg-type]  # (T: str)
            for item in chain:
                if not reason:
                    if item in unknown:
                        reason = cascade.unknown_rendering(item) or ""
                    if not reason:
                        reason = cascade.undecided_reason(item, sight) or ""
                memo[item] = reason
        return reason or None

    def not_rendered(self, el: etree._Element) -> bool:
        """True when the element is not rendered at all (display:none, hidden, template...)."""
        display, vis, _ = self.state(el)
        return display or vis

    def hidden_from_at(self, el: etree._Element) -> bool:
        """True when assistive technology does not see the element."""
        display, vis, aria = self.state(el)
        return display or vis or aria


@functools.lru_cache(maxsize=4096)
def _sets_rendering(inline: str | None) -> bool:
    """A style attribute declares ``display``, ``visibility`` or ``content-visibility``
    (what :meth:`Cascade.declarations` keeps of it for the rendering)."""
    return bool(inline) and any(name in RENDERING for name, _, _ in parse_declarations(inline))


def _aria_hidden_or_inert(attributes: dict[str, list[etree._Element]]) -> set[etree._Element]:
    found = set(attributes.get("inert", ()))
    found.update(el for el in attributes.get("aria-hidden", ())
                 if (el.get("aria-hidden") or "").strip().lower() == "true")
    return found


# HTML elements whose "display: contents" is "display: none" (CSS Display 3, appendix B:
# their rendering is not their children's: replaced elements, form controls, line breaks)
_CONTENTS_AS_NONE = frozenset(("br", "wbr", "meter", "progress", "canvas", "embed", "object",
                               "audio", "iframe", "img", "video", "input", "textarea",
                               "select", "frame", "frameset"))
# SVG elements whose "display: contents" keeps their children rendered (Chromium 156, as
# tests/test_styles_browser.py holds it); for every other SVG element, and the outermost
# <svg>, it is "display: none"
_SVG_CONTENTS_KEPT = frozenset(("g", "use", "tspan"))


def _contents_as_none(el: etree._Element, parent: etree._Element | None) -> bool:
    """``display: contents`` on ``el`` renders nothing (see _CONTENTS_AS_NONE)."""
    tag = el.tag
    if _foreign(el, ("svg",)):
        if tag == "svg":
            return parent is None or not _foreign(parent, ("svg",))
        return tag not in _SVG_CONTENTS_KEPT
    return tag in _CONTENTS_AS_NONE and not _foreign(el)


# The displays whose box content-visibility: hidden leaves the contents of (it skips the
# contents of boxes that layout containment applies to, CSS Contain 2: not a non-atomic
# inline box, an internal table box but a cell, or a ruby box; Chromium 156 also shows those
# of a table and of its caption, and of an inline <object>, whose fallback content is
# inline). An inline <svg> is replaced: an atomic box, whose contents it skips. (A display
# of two keywords is read by its first here: "inline flow-root" as inline.)
_CONTENTS_KEPT_BY = frozenset((
    "inline", "contents", "table", "inline-table", "table-row-group", "table-header-group",
    "table-footer-group", "table-row", "table-caption", "ruby", "ruby-base", "ruby-text",
    "ruby-base-container", "ruby-text-container"))


def _skips_contents(tag: str, display: str | None) -> bool:
    """``content-visibility: hidden`` skips the contents of a ``tag`` element of this
    computed display (unknown: taken to, as the value says)."""
    return display not in _CONTENTS_KEPT_BY or (display == "inline" and tag == "svg")


def _first_summary(details: etree._Element) -> etree._Element | None:
    for child in details:
        if tag_of(child) == "summary":
            return child
    return None
