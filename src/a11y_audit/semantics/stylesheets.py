"""What the page's stylesheets hide, in the words rules use in their messages.

The cascade (:mod:`a11y_audit.semantics.cascade`) decides what is rendered: content a ``<style>``
rule sets to ``display: none`` is simply not rendered, and rules see that through
``page.is_rendered`` / ``page.is_hidden``. What stays for rules to say is *which* rule hides
content from sight while it stays in the accessibility tree (clipped, off-screen, zero size,
transparent): :func:`may_be_hidden_by_style` names its selector, so a rule can answer cantTell
("the <style> rule '.sr-only' hides it") instead of failing on content nobody sees.

:func:`likely_hidden_widget` keeps a naming heuristic for closed menus, modals and drawers,
whose scripts set ``aria-hidden="true"`` together with a class the site's stylesheet hides.
It applies only where no stylesheet decides: it skips every element on which a stylesheet rule
that was read sets ``display`` or ``visibility`` (scripts may still hide the rest).

Source for what hides content: CSS Display 3 (``display: none``), CSS 2.2 section 11.2
(``visibility``) and 11.1.2 (``clip``), and the ACT rules glossary "Visible"
(https://www.w3.org/WAI/standards-guidelines/act/rules/about/#visible): content moved out of
the viewport is not visible.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lxml import etree

from a11y_audit.dom import DEPTHS, tag_of
from a11y_audit.dom import depth as depth_of
from a11y_audit.semantics.cascade import BROWSER_DEFAULT, HIDDEN_ATTRIBUTE, cascade_of

if TYPE_CHECKING:
    from a11y_audit.page import Page

_SOURCES_NOT_RULES = ("style attribute", BROWSER_DEFAULT, HIDDEN_ATTRIBUTE)


def may_be_hidden_by_style(page: Page, el: etree._Element, *, sight_only: bool = True
                           ) -> str | None:
    """The selector of a stylesheet rule that hides ``el`` (or an ancestor), else None.

    With ``sight_only=False`` only rules that stop rendering count; the cascade already took
    such content out (``page.is_rendered``), so this names the rule for content that is
    not rendered. The default also counts rules that hide from sight only (clipped,
    off-screen, zero size, transparent), which keep content in the accessibility tree."""
    cascade = cascade_of(page)
    if not cascade.sheets:
        return None
    if not page.is_rendered(el):
        for node in (el, *el.iterancestors()):
            origin = cascade.display_origin(node)
            if origin and origin not in _SOURCES_NOT_RULES:
                return origin
        return None
    if not sight_only:
        return None
    for node in (el, *el.iterancestors()):
        if page.visually_hidden(node) is None:
            return None
        origin = _hiding_origin(page, node)
        if origin:
            return origin
    return None


_PROPERTY = re.compile(r"^([-a-z]+)")


def _hiding_origin(page: Page, node: etree._Element) -> str | None:
    """The selector that set the property hiding ``node`` itself, if a stylesheet rule."""
    style = page.style(node)
    reason = cascade_of(page).sight(node)
    if reason is None:
        return None
    match = _PROPERTY.match(reason)
    name = match.group(1) if match else ""
    origin = style.origin.get(name) or style.origin.get(f"{name}-x") or ""
    if name in ("width", "height") and origin in _SOURCES_NOT_RULES:
        origin = style.origin.get("overflow-x") or style.origin.get("overflow-y") or ""
    return origin if origin and origin not in _SOURCES_NOT_RULES else None


def _words(text: str) -> list[str]:
    return text.split()


# -- widgets that a stylesheet almost always hides while aria-hidden="true" -------------------

# Class, id and tag-name words of toggled widgets (closed menus, modals, drawers, dropdowns)
# whose scripts set aria-hidden="true" together with a class that the site's stylesheet hides.
_TOGGLED_WORDS = frozenset(
    _words("""
    hidden hide invisible collapse collapsed closed modal dialog popup popover dropdown
    offcanvas overlay drawer flyout reveal lightbox menu submenu tooltip pswp
    """)
)
# The strongest of those, also looked for on the element itself and above the container.
_HIDDEN_WORDS = frozenset(
    _words("hidden hide invisible collapsed closed modal offcanvas lightbox popup")
)
_HIDDEN_ROLES = frozenset(("dialog", "alertdialog"))
_SPLIT = re.compile(r"[-_:]+")
# "visually-hidden", "sr-only", "screen-reader-text": hidden from sight only, still focusable.
_SIGHT_ONLY = re.compile(r"visually|screen-?reader|^sr-", re.I)


def _words_of(el: etree._Element, page: Page | None = None) -> frozenset[str]:
    """The class, id and tag-name words of an element, tokenised once per element and page
    (aria-hidden-focus asks for every ancestor of every tabbable element)."""
    if page is None:
        return _split_words(el)
    cache: dict[etree._Element, frozenset[str]] = page.memo(_WORDS_KEY, lambda _page: {})
    found = cache.get(el)
    if found is None:
        found = cache[el] = _split_words(el)
    return found


_WORDS_KEY = "stylesheets.words"


def _split_words(el: etree._Element) -> frozenset[str]:
    words: set[str] = set()
    for value in (el.get("class"), el.get("id"), tag_of(el)):
        for token in (value or "").split():
            if _SIGHT_ONLY.search(token):
                continue
            parts = [p.lower() for p in _SPLIT.split(token) if p]
            words.update(parts)
            words.add("".join(parts))
    return frozenset(words)


def _toggled_hint(el: etree._Element, vocabulary: frozenset[str],
                  page: Page | None = None) -> str | None:
    role = (el.get("role") or "").strip().lower()
    if role in _HIDDEN_ROLES:
        return f'role="{role}"'
    found = sorted(_words_of(el, page) & vocabulary)
    return f"{found[0]!r} in its class, id or tag name" if found else None


def likely_hidden_widget(page: Page, el: etree._Element, container: etree._Element
                         ) -> str | None:
    """Why ``el`` (inside ``container``) is probably not displayed although no style we could
    read says so: a closed-widget marker (a dialog
    role, or words such as "modal", "dropdown", "menu", "hidden" in the class, id or tag name)
    on ``container`` or between it and ``el``, or a strong marker on ``el`` or an ancestor
    above ``container``. The nearest marker wins, up to ``body``; a node whose display a
    stylesheet rule decides has none.

    ``el`` is rendered (its caller, aria-hidden-focus, asks only about elements in the Tab
    order, which :func:`a11y_audit.semantics.tabbing.focus_state` takes only from rendered
    content): content that a stylesheet the cascade read hides never reaches this question.

    One question: :func:`hidden_widget_test` asks it of every element of one container."""
    return hidden_widget_test(page, container)(el)


def hidden_widget_test(page: Page, container: etree._Element
                       ) -> Callable[[etree._Element], str | None]:
    """:func:`likely_hidden_widget` for the elements inside one ``container``.

    Each ancestor chain is read once a page (:class:`_Markers`), what is asked of an element
    whatever its container once an element (:meth:`_Markers.facts`), and what is asked of the
    container once here: aria-hidden-focus asks for every tabbable element of every
    ``aria-hidden`` container, and a walk per question was cubic in nested containers (480
    levels: 56 s); then a marker test per question, quadratic (1,900 levels: 7 s, now 1 s)."""
    markers: _Markers = page.memo(_MARKERS_KEY, _Markers)
    depth = markers.depth(container)
    above = container.getparent()
    facts = markers.facts
    strong_above: list[str | None] = []     # the strong marker above, once asked

    def test(el: etree._Element) -> str | None:
        own, last, near, near_depth, stop_depth = facts(el)
        if own:
            return own
        if last:
            return None
        if el is container:
            # (not last: el has a parent)
            return markers.nearest(el.getparent(), strong=True)  # type: ignore[arg-type]
        if near is not None and near_depth >= depth:
            return near             # on the container or between it and el
        if above is None or stop_depth >= depth:
            return None             # the walk up from el ends at or below the container
        if not strong_above:
            strong_above.append(markers.nearest(above, strong=True))
        return strong_above[0]

    return test


_MARKERS_KEY = "stylesheets.markers"


class _Markers:
    """Per page: each element's nearest closed-widget marker at or above it, up to ``body``
    (strong words only, or all of them), and its depth; each worked out once."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.cascade = cascade_of(page)
        # nearest_node's answers, with strong markers only and with any
        self._strong: dict[etree._Element, tuple[etree._Element, str] | None] = {}
        self._any: dict[etree._Element, tuple[etree._Element, str] | None] = {}
        self._depths: dict[etree._Element, int] = page.memo(DEPTHS, lambda _: {})
        self._stops: dict[etree._Element, etree._Element | None] = {}
        self._facts: dict[etree._Element, tuple[str | None, bool, str | None, int, int]] = {}

    def own(self, el: etree._Element) -> str | None:
        """``el``'s own strong marker."""
        return self._marker(el, _HIDDEN_WORDS)

    def stops(self, node: etree._Element) -> bool:
        """The walk up ends at ``node``: the ``body``, unless a stylesheet rule decides its
        display (then it is passed over as any such node is, and the walk goes on)."""
        return tag_of(node) == "body" and not self.cascade.sets_rendering(node)

    def facts(self, el: etree._Element) -> tuple[str | None, bool, str | None, int, int]:
        """What :func:`likely_hidden_widget` asks of ``el`` whatever its container, worked out
        once: ``el``'s own strong marker; whether the walk up ends at ``el`` (it has no
        parent, or :meth:`stops`); and from its parent up, the nearest marker and its node's
        depth, and the depth of the node where the walk up ends (-1 for none)."""
        found = self._facts.get(el)
        if found is None:
            parent = el.getparent()
            if parent is None or self.stops(el):
                found = (self.own(el), True, None, -1, -1)
            else:
                near = self.nearest_node(parent)
                stop = self._stop_of(parent)
                found = (self.own(el), False, near[1] if near is not None else None,
                         self.depth(near[0]) if near is not None else -1,
                         self.depth(stop) if stop is not None else -1)
            self._facts[el] = found
        return found

    def _stop_of(self, node: etree._Element) -> etree._Element | None:
        """The node at or above ``node`` where the walk up ends (see :meth:`stops`)."""
        return self._first_up(self._stops, node,
                              lambda current: current if self.stops(current) else None)

    def _first_up(self, memo: dict[etree._Element, Any], node: etree._Element,
                  hit: Callable[[etree._Element], Any]) -> Any:
        """The first answer of ``hit`` (not None) at or above ``node``, the walk ending
        where it :meth:`stops`; memoised in ``memo`` for every node the walk passed."""
        path: list[etree._Element] = []
        current: etree._Element | None = node
        found = None
        while current is not None:
            if current in memo:
                found = memo[current]
                break
            path.append(current)
            found = hit(current)
            if found is not None or self.stops(current):
                break
            current = current.getparent()
        for visited in path:
            memo[visited] = found
        return found

    def _marker(self, node: etree._Element, vocabulary: frozenset[str]) -> str | None:
        if self.cascade.sets_rendering(node):
            return None             # a stylesheet rule decides this node is displayed
        hint = _toggled_hint(node, vocabulary, self.page)
        return f"<{tag_of(node)}> has {hint}, so a stylesheet probably hides it" if hint else None

    def nearest(self, node: etree._Element, strong: bool) -> str | None:
        found = self.nearest_node(node, strong)
        return found[1] if found is not None else None

    def nearest_node(self, node: etree._Element, strong: bool = False
                     ) -> tuple[etree._Element, str] | None:
        """The nearest node at or above ``node`` (``body`` the last) with a marker, and it."""
        vocabulary = _HIDDEN_WORDS if strong else _TOGGLED_WORDS

        def marked(current: etree._Element) -> tuple[etree._Element, str] | None:
            hint = self._marker(current, vocabulary)
            return (current, hint) if hint else None

        found: tuple[etree._Element, str] | None = self._first_up(
            self._strong if strong else self._any, node, marked)
        return found

    def depth(self, node: etree._Element) -> int:
        return depth_of(self._depths, node)


# -- copies for other screen sizes, when the stylesheet that picks one was not read ------------

# Class tokens that hide an element on a desktop screen (axe-core's 1280x800, the default
# viewport), or until a script shows it, in the common CSS frameworks and themes: Bootstrap
# 2-5 (hide, hidden-lg, hidden-md-up, visible-xs, d-none, d-lg-none), Foundation
# (hide-for-large, show-for-small-only), Tailwind (hidden, md:hidden, invisible) and site
# conventions (is-hidden, mobile-only, module-hidden-on-desktop). Not those that hide only on
# small screens (hidden-xs, show-for-medium-up) or on paper (hidden-print), nor Foundation's
# show-for-medium (medium only in Foundation 5, medium and up in 6).
_HIDING_TOKEN = re.compile(r"""(?x)^(?:
    hidden|hide|is-hidden|u-hidden|invisible|d-none|collapsed
    | hidden-(?:lg|xl|xlg|desktop) | hidden-(?:xs|sm|md|lg)-up
    | visible-(?:xs|sm|md)(?:-(?:block|inline|inline-block))?
    | (?:sm|md|lg|xl):hidden | d-(?:sm|md|lg|xl)-none
    | hide-for-(?:large|xlarge|desktop|medium-up|large-up)
    | show-for-small(?:-only)? | show-for-medium-(?:only|down) | show-for-(?:mobile|tablet)
    | (?:[\w-]+-)?(?:hidden|hide)-(?:on|for)-desktop
    | (?:mobile|tablet)-only | only-(?:mobile|tablet)
)$""", re.I)
# Tokens that show an element on a desktop screen whatever a token above hides at other
# sizes: Bootstrap's d-lg-block after d-none, Tailwind's md:block after hidden
_SHOWING_TOKEN = re.compile(r"""(?x)^(?:
    d-(?:sm|md|lg|xl)-(?:block|flex|inline|inline-block|inline-flex|grid|table|contents)
    | (?:sm|md|lg|xl):(?:block|flex|inline|inline-block|inline-flex|grid|table|contents)
    | visible-(?:lg|xl)(?:-(?:block|inline|inline-block))?
)$""", re.I)
# Parts of a class token that name a widget a script opens (a modal's copy of the masthead,
# a popup's heading): "modal-window", "elementor-location-popup", "offcanvas-menu"
_OPENED_PARTS = frozenset(("modal", "popup", "offcanvas"))


@functools.lru_cache(maxsize=4096)
def _hiding_token(classes: str) -> str | None:
    """The first token of a class value that hides its element on a desktop screen or until
    a script shows it (:data:`_HIDING_TOKEN`, :data:`_OPENED_PARTS`), unless another shows
    it there (:data:`_SHOWING_TOKEN`); or None."""
    tokens = classes.split()
    if any(_SHOWING_TOKEN.match(token) for token in tokens):
        return None
    for token in tokens:
        if _HIDING_TOKEN.match(token) or not _OPENED_PARTS.isdisjoint(
                part.lower() for part in _SPLIT.split(token)):
            return token
    return None


def hidden_by_class(page: Page, el: etree._Element) -> str | None:
    """Why a stylesheet the run could not read may hide ``el``: the nearest element at or
    above it (below ``body``) whose class holds a token that frameworks and themes hide on a
    desktop screen or until a script shows it (a mobile menu's ``hidden-lg``, Tailwind's
    ``md:hidden``, a modal's copy of the masthead), where no stylesheet rule that was read
    decides that element's display. None when the page's stylesheets were all read (or
    taken as absent, ``--missing-stylesheets ignore``): the cascade decides then. A
    partial judged without the site's CSS counts as one whose stylesheets were not read."""
    cascade = cascade_of(page)
    if not (cascade.missing or cascade.partial_styles_only):
        return None
    node: etree._Element | None = el
    while node is not None and node.tag not in ("body", "html"):
        classes = node.get("class")
        if classes and (token := _hiding_token(classes)) and not cascade.sets_rendering(node):
            return f'"{token}" in the class of <{tag_of(node)}> (line {page.line(node)})'
        node = node.getparent()
    return None
