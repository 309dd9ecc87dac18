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

import re
from typing import TYPE_CHECKING

from lxml import etree

from a11y_audit.dom import tag_of
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
    on ``container`` or between it and ``el``, or a strong marker on an ancestor above
    ``container``.

    ``el`` is rendered (its caller, aria-hidden-focus, asks only about elements in the Tab
    order, which :func:`a11y_audit.semantics.tabbing.focus_state` takes only from rendered
    content): content that a stylesheet the cascade read hides never reaches this question."""
    cascade = cascade_of(page)
    inside = True
    for node in (el, *el.iterancestors()):
        if cascade.sets_rendering(node):
            if node is container:
                inside = False
            continue            # a stylesheet rule decides this node is displayed
        vocabulary = _TOGGLED_WORDS if inside and node is not el else _HIDDEN_WORDS
        hint = _toggled_hint(node, vocabulary, page)
        if hint:
            return f"<{tag_of(node)}> has {hint}, so a stylesheet probably hides it"
        if node is container:
            inside = False
        if tag_of(node) == "body":
            break
    return None
