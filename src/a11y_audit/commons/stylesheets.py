"""Hints from the page's own ``<style>`` elements: could a rule there hide this element?

Static HTML cannot run the cascade, so this is deliberately a *may* answer used to say cantTell
rather than guess: a rule in a ``<style>`` element whose declarations hide content or move it
off-screen (``display:none``, ``visibility:hidden``, large negative offsets, ``clip``, zero
size with ``overflow:hidden``, ``opacity:0``) and whose whole selector (through cssselect, the
CSS-to-XPath translator lxml uses) matches the element or one of its ancestors. Rules inside
``@media`` blocks count (they may apply); selectors with state pseudo-classes (``:hover``,
``:focus``) or pseudo-elements are not judged. External stylesheets are not seen at all. Content
hidden from sight only (off-screen, clipped) stays in the Tab order, so callers asking about
focus pass ``sight_only=False``.

:func:`likely_hidden_widget` adds a naming heuristic for closed menus, modals and drawers, whose
scripts set ``aria-hidden="true"`` together with a class the site's (external) stylesheet hides.

Source for what hides content: CSS Display 3 (``display: none``), CSS 2.2 section 11.2
(``visibility``) and 11.1.2 (``clip``), and the ACT rules glossary "Visible"
(https://www.w3.org/WAI/standards-guidelines/act/rules/about/#visible): content moved out of
the viewport is not visible.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cssselect import HTMLTranslator, SelectorError
from cssselect.xpath import ExpressionError
from lxml import etree

from a11y_audit.commons.dom import tag_of

if TYPE_CHECKING:
    from a11y_audit.page import Page

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_NOT_RENDERING = (
    re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.I),
    re.compile(r"(?:^|;)\s*visibility\s*:\s*(?:hidden|collapse)\b", re.I),
)
_HIDING = (
    *_NOT_RENDERING,
    re.compile(r"(?:^|;)\s*(?:left|top|right|bottom|margin-left|margin-top|text-indent)\s*:"
               r"\s*-\d{3,}", re.I),
    re.compile(r"(?:^|;)\s*clip\s*:\s*rect\(\s*[01]", re.I),
    re.compile(r"(?:^|;)\s*clip-path\s*:\s*inset\(\s*50%", re.I),
    re.compile(r"(?:^|;)\s*opacity\s*:\s*0(?:\.0+)?\s*(?:;|$|!)", re.I),
)
_TINY = re.compile(r"(?:^|;)\s*(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$|!)", re.I)
_OVERFLOW_HIDDEN = re.compile(r"(?:^|;)\s*overflow\s*:\s*hidden\b", re.I)


def _hides(declarations: str, *, sight_only: bool) -> bool:
    """The declarations stop rendering (``display``, ``visibility``), or, with ``sight_only``,
    also hide from sight only (off-screen, clip, opacity, zero size)."""
    if not sight_only:
        return any(p.search(declarations) for p in _NOT_RENDERING)
    if any(p.search(declarations) for p in _HIDING):
        return True
    return bool(_TINY.search(declarations) and _OVERFLOW_HIDDEN.search(declarations))


# Declarations that can hide something; only rules containing one are parsed at all. Each
# keyword is found with str.find (C speed) and confirmed with its pattern, so a page with 300 KB
# of inline CSS costs a few scans, not a regex tried at every position.
_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (keyword, re.compile(pattern))
    for keyword, pattern in (
        ("display", r"display\s*:\s*none"),
        ("visibility", r"visibility\s*:\s*(?:hidden|collapse)"),
        ("left", r"left\s*:\s*-\d{3}"),
        ("top", r"top\s*:\s*-\d{3}"),
        ("right", r"right\s*:\s*-\d{3}"),
        ("bottom", r"bottom\s*:\s*-\d{3}"),
        ("text-indent", r"text-indent\s*:\s*-\d{3}"),
        ("clip", r"clip(?:-path)?\s*:"),
        ("opacity", r"opacity\s*:"),
        ("width", r"width\s*:\s*[01](?:px)?\s*(?:;|\}|!)"),
        ("height", r"height\s*:\s*[01](?:px)?\s*(?:;|\}|!)"),
    )
)


def _hint_positions(css: str) -> list[int]:
    positions = []
    for keyword, pattern in _HINTS:
        start = css.find(keyword)
        while start >= 0:
            if pattern.match(css, start):
                positions.append(start)
            start = css.find(keyword, start + len(keyword))
    return sorted(positions)


def candidate_rules(page: Page) -> list[tuple[str, str]]:
    """(selectors, declarations) of the page's ``<style>`` rules that may hide something."""
    def compute(page: Page) -> list[tuple[str, str]]:
        rules: list[tuple[str, str]] = []
        for style in page.by_tag.get("style", []):
            css = "".join(style.itertext())
            if "/*" in css:
                css = _COMMENT.sub("", css)
            seen = -1
            for position in _hint_positions(css):
                open_ = css.rfind("{", 0, position)
                if open_ <= seen or open_ < 0:
                    continue
                seen = open_
                close = css.find("}", position)
                start = max(css.rfind("}", 0, open_), css.rfind("{", 0, open_)) + 1
                rules.append((css[start:open_], css[open_ + 1:close if close >= 0 else None]))
        return rules

    return page.memo("stylesheets.candidate_rules", compute)


@functools.lru_cache(maxsize=8192)
def _selector_xpath(selector: str) -> etree.XPath | None:
    """The selector as compiled XPath (cssselect), or None when it cannot be judged statically:
    state pseudo-classes (``:hover``, ``:focus``) and pseudo-elements are not translated."""
    try:
        return etree.XPath(HTMLTranslator().css_to_xpath(selector))
    except (SelectorError, ExpressionError, etree.XPathSyntaxError, ValueError):
        return None


_LAST_COMPOUND = re.compile(r"^(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:[#.][\w-]+)*)$")
_COMBINATORS = re.compile(r"\s*[>+~]\s*|\s+")


@dataclass(frozen=True, slots=True)
class _HidingRule:
    """One selector of a hiding rule. The last compound (tag, id, classes) is a cheap filter;
    the whole selector is checked with XPath, evaluated at most once per page."""

    text: str
    xpath: etree.XPath
    tag: str | None
    ident: str | None
    classes: frozenset[str]
    filtered: bool          # False: the last compound could not be parsed, check every node

    def may_match(self, el: etree._Element) -> bool:
        if not self.filtered:
            return True
        if self.tag and tag_of(el) != self.tag:
            return False
        if self.ident and el.get("id") != self.ident:
            return False
        return not self.classes or self.classes <= set((el.get("class") or "").split())


@functools.lru_cache(maxsize=8192)
def _hiding_rule(selector: str) -> _HidingRule | None:
    xpath = _selector_xpath(selector)
    if xpath is None:
        return None
    last = _COMBINATORS.split(selector.strip())[-1]
    match = _LAST_COMPOUND.match(last)
    if match is None or not last:
        return _HidingRule(selector, xpath, None, None, frozenset(), False)
    parts = re.findall(r"[#.][\w-]+", match.group("rest"))
    tag = match.group("tag")
    return _HidingRule(
        selector, xpath, None if tag in (None, "*") else tag.lower(),
        next((p[1:] for p in parts if p[0] == "#"), None),
        frozenset(p[1:] for p in parts if p[0] == "."), True,
    )


def hiding_rules(page: Page, *, sight_only: bool = True) -> list[_HidingRule]:
    """The selectors of the page's ``<style>`` rules that hide what they match: from sight at
    all (``sight_only``, the default), or only those that stop rendering."""
    def compute(page: Page) -> list[_HidingRule]:
        found = []
        for selectors, declarations in candidate_rules(page):
            if _hides(declarations, sight_only=sight_only):
                for selector in selectors.split(","):
                    rule = _hiding_rule(selector.strip()) if selector.strip() else None
                    if rule is not None:
                        found.append(rule)
        return found

    return page.memo(("stylesheets.hiding_rules", sight_only), compute)


def _rules_by_key(page: Page, sight_only: bool) -> dict[str | None, list[tuple[int, _HidingRule]]]:
    """The hiding rules with their positions, by what their last compound requires of a node:
    ``"#id"``, else ``".class"`` (one of them), else the tag; ``None``: any node may match."""
    def compute(page: Page) -> dict[str | None, list[tuple[int, _HidingRule]]]:
        index: dict[str | None, list[tuple[int, _HidingRule]]] = {}
        for position, rule in enumerate(hiding_rules(page, sight_only=sight_only)):
            if not rule.filtered:
                key = None
            elif rule.ident:
                key = "#" + rule.ident
            elif rule.classes:
                key = "." + min(rule.classes)
            else:
                key = rule.tag
            index.setdefault(key, []).append((position, rule))
        return index

    return page.memo(("stylesheets.rules_by_key", sight_only), compute)


def _hiding_rule_of(page: Page, node: etree._Element, sight_only: bool) -> str | None:
    """The selector of the first hiding rule (in page order) that matches ``node`` itself."""
    index = _rules_by_key(page, sight_only)
    keys = [None, tag_of(node), *("." + name for name in (node.get("class") or "").split())]
    if node.get("id"):
        keys.append("#" + node.get("id"))
    for _, rule in sorted((item for key in keys for item in index.get(key, ())),
                          key=lambda item: item[0]):
        if rule.may_match(node) and node in _matched(page, rule):
            return rule.text
    return None


def _matched(page: Page, rule: _HidingRule) -> set[etree._Element]:
    return page.memo(("stylesheets.matched", rule.text), lambda p: set(rule.xpath(p.root)))


def may_be_hidden_by_style(page: Page, el: etree._Element, *, sight_only: bool = True
                           ) -> str | None:
    """The selector of a ``<style>`` rule that may hide ``el`` (or an ancestor), else None.

    With ``sight_only=False`` only rules that stop rendering count (what takes an element out
    of the Tab order); the default also counts off-screen, clipped and transparent content."""
    rules = hiding_rules(page, sight_only=sight_only)
    if not rules:
        return None
    # Elements share ancestors, so each node's answer is kept (None: no rule hides the node).
    found: dict[etree._Element, str | None] = page.memo(
        ("stylesheets.hiding_rule_of", sight_only), lambda p: {})
    for node in (el, *el.iterancestors()):
        try:
            text = found[node]
        except KeyError:
            text = found[node] = _hiding_rule_of(page, node, sight_only)
        if text is not None:
            return text
    return None


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
    """Why ``el`` (inside ``container``) is probably not displayed although no inline style
    says so: a ``<style>`` rule that may stop rendering it, or a closed-widget marker (a dialog
    role, or words such as "modal", "dropdown", "menu", "hidden" in the class, id or tag name)
    on ``container`` or between it and ``el``, or a strong marker on an ancestor above
    ``container``."""
    by_style = may_be_hidden_by_style(page, el, sight_only=False)
    if by_style:
        return f"the <style> rule {by_style!r} may hide it"
    inside = True
    for node in (el, *el.iterancestors()):
        vocabulary = _TOGGLED_WORDS if inside and node is not el else _HIDDEN_WORDS
        hint = _toggled_hint(node, vocabulary, page)
        if hint:
            return f"<{tag_of(node)}> has {hint}, so a stylesheet probably hides it"
        if node is container:
            inside = False
        if tag_of(node) == "body":
            break
    return None
