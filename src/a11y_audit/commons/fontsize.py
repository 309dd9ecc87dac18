"""Font sizes that static HTML declares: inline ``style`` attributes and the page's ``<style>``.

A stand-in until the full style cascade is available: it reads ``font-size`` and the size in
the ``font`` shorthand, matches ``<style>`` selectors with cssselect, and picks the declaration
that wins by CSS Cascade 4 order for normal declarations (inline style, then ``!important``,
then specificity, then source order). Rules inside conditional at-rules (``@media``,
``@supports``, ``@container``) are reported as conditional, so callers can say cantTell. External
stylesheets are not seen at all.

Units (CSS Values 4, section 6.2): absolute lengths are ``px``, ``pt``, ``pc``, ``cm``, ``mm``,
``Q`` and ``in`` (1in = 96px = 72pt); keywords ``xx-small``... are absolute sizes from the user's
default; ``em``, ``rem``, ``%``, ``ex``, ``ch`` and viewport units are relative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from cssselect import GenericTranslator, SelectorError, parse
from cssselect.xpath import ExpressionError
from lxml import etree

if TYPE_CHECKING:
    from a11y_audit.page import Page

Element = etree._Element

PX_PER_UNIT = {"px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
               "mm": 96 / 25.4, "q": 96 / 101.6}
ABSOLUTE_UNITS = frozenset(PX_PER_UNIT)

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SIZE = re.compile(r"^\s*(-?\d*\.?\d+)\s*([a-z%]*)\s*$", re.I)
_DECLARATION = re.compile(r"(?:^|;)\s*(font-size|font)\s*:\s*([^;]*)", re.I)
_SHORTHAND_SIZE = re.compile(r"(?:^|\s)(\d*\.?\d+(?:px|pt|pc|in|cm|mm|q|em|rem|%|ex|ch|vw|vh|"
                             r"vmin|vmax)|(?:xx?-)?small|medium|(?:xx?x?-)?large|smaller|larger)"
                             r"(?:\s*/|\s|$)", re.I)
_CONDITIONAL = ("@media", "@supports", "@container", "@layer", "@document", "@scope")


@dataclass(frozen=True, slots=True)
class Size:
    value: str                  # as written: "12px", "0.8em", "small"
    number: float | None        # the number, when there is one
    unit: str                   # lower-case unit ("px", "em", "%"), "" for keywords
    source: str                 # "style attribute" or the selector of the <style> rule
    conditional: bool = False   # inside @media / @supports

    @property
    def absolute(self) -> bool:
        return self.unit in ABSOLUTE_UNITS

    @property
    def px(self) -> float | None:
        if self.number is None or self.unit not in PX_PER_UNIT:
            return None
        return self.number * PX_PER_UNIT[self.unit]


def parse_size(value: str, source: str, conditional: bool = False) -> Size | None:
    value = value.replace("!important", "").strip()
    match = _SIZE.match(value)
    if match:
        return Size(value, float(match.group(1)), match.group(2).lower(), source, conditional)
    word = value.lower()
    if re.fullmatch(r"(?:xx?-)?small|medium|(?:xx?x?-)?large|smaller|larger", word):
        return Size(value, None, "", source, conditional)
    return None


def declared_sizes(declarations: str, source: str, conditional: bool = False
                   ) -> list[tuple[Size, bool]]:
    """(size, important) for each font-size (or font shorthand size) in a declaration block."""
    out = []
    for prop, raw in _DECLARATION.findall(declarations):
        important = "!important" in raw.lower()
        if prop.lower() == "font":
            match = _SHORTHAND_SIZE.search(raw.replace("!important", ""))
            if not match:
                continue
            raw = match.group(1)
        size = parse_size(raw, source, conditional)
        if size is not None:
            out.append((size, important))
    return out


@dataclass(frozen=True, slots=True)
class _Rule:
    selector: str
    xpath: etree.XPath
    specificity: tuple[int, int, int]
    order: int
    size: Size
    important: bool


def _blocks(css: str) -> list[tuple[str, str, bool]]:
    """(prelude, declarations, conditional) of style rules, descending into grouping rules."""
    out: list[tuple[str, str, bool]] = []
    stack: list[bool] = []     # per open block: is it a conditional group?
    start = 0
    i = 0
    n = len(css)
    while i < n:
        ch = css[i]
        if ch == "{":
            prelude = css[start:i].strip()
            if prelude.startswith("@"):
                if prelude.lower().startswith(_CONDITIONAL):
                    stack.append(True)
                    start = i + 1
                else:                           # @font-face, @keyframes, @page: skip it
                    depth, i = 1, i + 1
                    while i < n and depth:
                        depth += {"{": 1, "}": -1}.get(css[i], 0)
                        i += 1
                    start = i
                    continue
            else:
                close = css.find("}", i)
                close = n if close < 0 else close
                out.append((prelude, css[i + 1:close], any(stack)))
                i = close + 1
                start = i
                continue
        elif ch == "}":
            if stack:
                stack.pop()
            start = i + 1
        elif ch == ";" and css[start:i].lstrip().startswith("@"):
            start = i + 1                       # @import/@charset statements
        i += 1
    return out


@lru_cache(maxsize=4096)
def _compile(selector: str) -> list[tuple[etree.XPath, tuple[int, int, int]]]:
    try:
        parsed = parse(selector)
    except SelectorError:
        return []
    out = []
    translator = GenericTranslator()
    for sel in parsed:
        if sel.pseudo_element is not None:
            continue
        try:
            path = translator.selector_to_xpath(sel, prefix="descendant-or-self::")
        except (SelectorError, ExpressionError):
            continue
        try:
            out.append((etree.XPath(path), sel.specificity()))
        except etree.XPathSyntaxError:
            continue
    return out


def _style_rules(page: Page) -> list[_Rule]:
    def compute(page: Page) -> list[_Rule]:
        rules: list[_Rule] = []
        order = 0
        for style in page.tags("style"):
            css = "".join(style.itertext())
            if "font" not in css:
                continue
            css = _COMMENT.sub("", css)
            for prelude, declarations, conditional in _blocks(css):
                if "font" not in declarations:
                    continue
                sizes = declared_sizes(declarations, prelude, conditional)
                if not sizes:
                    continue
                for xpath, specificity in _compile(prelude):
                    for size, important in sizes:
                        order += 1
                        rules.append(_Rule(prelude, xpath, specificity, order, size, important))
        return rules

    return page.memo("fontsize.style_rules", compute)


def _matches(page: Page) -> dict[Element, list[_Rule]]:
    def compute(page: Page) -> dict[Element, list[_Rule]]:
        by_element: dict[Element, list[_Rule]] = {}
        compiled: dict[etree.XPath, list[Element]] = {}
        for rule in _style_rules(page):
            found = compiled.get(rule.xpath)
            if found is None:
                try:
                    found = compiled[rule.xpath] = [
                        e for e in rule.xpath(page.root) if isinstance(e.tag, str)]
                except etree.XPathEvalError:
                    found = compiled[rule.xpath] = []
            for el in found:
                by_element.setdefault(el, []).append(rule)
        return by_element

    return page.memo("fontsize.matches", compute)


def own_size(page: Page, el: Element) -> Size | None:
    """The font-size declared on the element itself that wins the cascade, or None."""
    candidates = _matches(page).get(el, [])
    important = [r for r in candidates if r.important]
    if important:
        best = max(important, key=lambda r: (r.specificity, r.order))
        return best.size
    inline = declared_sizes(el.get("style") or "", "style attribute")
    if inline:
        return inline[-1][0]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (r.specificity, r.order)).size


def has_declarations(page: Page) -> bool:
    """The page declares any font size we can read (inline or in a <style> element)."""
    return bool(_style_rules(page)) or any(
        "font" in (el.get("style") or "") for el in page.select("*[style]"))


KEYWORD_FACTORS = {"xx-small": 3 / 5, "x-small": 3 / 4, "small": 8 / 9, "medium": 1.0,
                   "large": 6 / 5, "x-large": 3 / 2, "xx-large": 2.0, "xxx-large": 3.0}
DEFAULT_PX = 16.0
_RELATIVE_FACTORS = {"em": 1.0, "%": 0.01, "ex": 0.5, "ch": 0.5}


@dataclass(frozen=True, slots=True)
class Computed:
    px: float | None            # None: cannot be computed (viewport units, unknown keyword)
    declared_by: Element | None  # the nearest element whose own absolute size it derives from
    conditional: bool           # some declaration on the way is inside @media/@supports


def computed_size(page: Page, el: Element) -> Computed:
    """The computed font size in px as far as the page's own styles tell, memoised.

    A size that derives from no absolute declaration is relative to the user's default (16px
    unless they changed it, and unless an external stylesheet sets one): ``declared_by`` is
    then None."""
    cache: dict[Element, Computed] = page.memo("fontsize.computed", lambda _: {})
    chain: list[Element] = []
    node: Element | None = el
    while node is not None and node not in cache:
        chain.append(node)
        node = node.getparent()
    inherited = cache[node] if node is not None else Computed(DEFAULT_PX, None, False)
    for current in reversed(chain):
        inherited = cache[current] = _compute(page, current, inherited, cache)
    return cache[el]


def _compute(page: Page, el: Element, inherited: Computed, cache: dict[Element, Computed]
             ) -> Computed:
    own = own_size(page, el)
    if own is None:
        return inherited
    conditional = own.conditional or inherited.conditional
    base = inherited.px
    value = own.value.lower()
    if own.absolute:
        return Computed(own.px, el, own.conditional)
    if own.unit == "rem" and own.number is not None:
        root = cache.get(page.root, Computed(DEFAULT_PX, None, False))
        if el is page.root:
            root = Computed(DEFAULT_PX, None, False)
        px = root.px * own.number if root.px is not None else None
        return Computed(px, root.declared_by, conditional or root.conditional)
    if own.unit in _RELATIVE_FACTORS and own.number is not None:
        px = base * own.number * _RELATIVE_FACTORS[own.unit] if base is not None else None
        return Computed(px, inherited.declared_by, conditional)
    if own.unit == "" and value in KEYWORD_FACTORS:
        return Computed(DEFAULT_PX * KEYWORD_FACTORS[value], None, own.conditional)
    if own.unit == "" and value in ("smaller", "larger"):
        factor = 1 / 1.2 if value == "smaller" else 1.2
        return Computed(base * factor if base is not None else None, inherited.declared_by,
                        conditional)
    return Computed(None, None, conditional)


def matched_elements(page: Page) -> list[Element]:
    """Elements some ``<style>`` font-size rule matches."""
    return list(_matches(page))
