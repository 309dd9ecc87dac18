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

from cssselect import HTMLTranslator, SelectorError, parse
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
    compiled: _Compiled
    specificity: tuple[int, int, int]
    order: int
    size: Size
    important: bool


_BRACES = re.compile(r"[{}]")


_PRINT_ONLY = re.compile(r"@media\s+(?:only\s+)?print\b[^,]*\Z", re.I)


def _blocks(css: str) -> list[tuple[str, str, bool]]:
    """(prelude, declarations, conditional) of style rules, descending into grouping rules;
    rules under ``@media print`` are left out (they never apply on screen)."""
    out: list[tuple[str, str, bool]] = []
    stack: list[bool] = []     # per open grouping rule: is it print-only?
    start = 0
    n = len(css)
    braces = _BRACES.finditer(css)
    for match in braces:
        i = match.start()
        if css[i] == "}":
            if stack:
                stack.pop()
            start = i + 1
            continue
        prelude = css[start:i]
        if ";" in prelude:                      # after @import/@charset statements
            prelude = prelude.rsplit(";", 1)[1]
        prelude = prelude.strip()
        if prelude.startswith("@") and prelude.lower().startswith(_CONDITIONAL):
            stack.append(bool(_PRINT_ONLY.match(prelude)))
            start = i + 1
            continue
        depth = 1
        for inner in braces:                    # to the matching close brace
            depth += 1 if css[inner.start()] == "{" else -1
            if depth == 0:
                break
        close = inner.start() if depth == 0 else n
        if not prelude.startswith("@") and not any(stack):   # @font-face, @keyframes: skipped
            out.append((prelude, css[i + 1:close], bool(stack)))
        start = close + 1
    return out


@dataclass(frozen=True, slots=True)
class _Compiled:
    xpath: etree.XPath          # tests one element: "self::B[ancestor::A]"
    whole: etree.XPath          # finds every match in a document, for many candidates
    specificity: tuple[int, int, int]
    # What the last compound requires, a cheap filter before XPath runs over the page.
    tag: str | None
    ident: str | None
    classes: frozenset[str]


def _last_compound(tree: object) -> tuple[str | None, str | None, frozenset[str]]:
    while type(tree).__name__ == "CombinedSelector":
        tree = tree.subselector  # type: ignore[attr-defined]
    tag = ident = None
    classes: set[str] = set()
    while tree is not None:
        kind = type(tree).__name__
        if kind == "Class":
            classes.add(tree.class_name)  # type: ignore[attr-defined]
        elif kind == "Hash":
            ident = tree.id  # type: ignore[attr-defined]
        elif kind == "Element":
            element = tree.element  # type: ignore[attr-defined]
            tag = element.lower() if element and element != "*" else None
            break
        tree = getattr(tree, "selector", None)
    return tag, ident, frozenset(classes)


_AXES = {" ": "ancestor", ">": "parent", "~": "preceding-sibling"}


def _step(translator: HTMLTranslator, tree: object) -> str:
    """The selector as one XPath step that tests the element itself: ``A B`` becomes
    ``B[ancestor::A]``. Evaluated on candidate elements only, it avoids the whole-document
    ``descendant-or-self`` walks of the usual translation."""
    if type(tree).__name__ == "CombinedSelector":
        right = _step(translator, tree.subselector)  # type: ignore[attr-defined]
        left = _step(translator, tree.selector)  # type: ignore[attr-defined]
        combinator = tree.combinator  # type: ignore[attr-defined]
        if combinator == "+":
            return f"{right}[preceding-sibling::*[1][self::{left}]]"
        return f"{right}[{_AXES[combinator]}::{left}]"
    expr = translator.xpath(tree)  # type: ignore[arg-type]
    return expr.element + (f"[{expr.condition}]" if expr.condition else "")


@lru_cache(maxsize=4096)
def _compile(selector: str) -> list[_Compiled]:
    try:
        parsed = parse(selector)
    except SelectorError:
        return []
    out = []
    translator = HTMLTranslator()
    for sel in parsed:
        if sel.pseudo_element is not None:
            continue
        try:
            compiled = etree.XPath("self::" + _step(translator, sel.parsed_tree))
            whole = etree.XPath(translator.selector_to_xpath(sel, prefix="descendant-or-self::"))
        except (SelectorError, ExpressionError, etree.XPathSyntaxError, KeyError, ValueError):
            continue
        out.append(_Compiled(compiled, whole, sel.specificity(),
                             *_last_compound(sel.parsed_tree)))
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
                if not sizes or not _quick_may_occur(page, prelude):
                    continue
                for compiled in _compile(prelude):
                    if not _may_occur(page, compiled):
                        continue
                    for size, important in sizes:
                        order += 1
                        rules.append(_Rule(prelude, compiled, compiled.specificity, order,
                                           size, important))
        return rules

    return page.memo("fontsize.style_rules", compute)


_COMBINATOR_SPLIT = re.compile(r"[\s>+~]+")
_SIMPLE_LAST = re.compile(r"^(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:[.#][\w-]+)*)(?::[\w-]+)*$")


def _quick_may_occur(page: Page, prelude: str) -> bool:
    """Before cssselect parses a rule: could any of its selectors match here, judging by the
    tag, classes and id of each selector's last compound? (Unusual syntax: assume yes.)"""
    index = _class_index(page)
    for selector in prelude.split(","):
        parts = _COMBINATOR_SPLIT.split(selector.strip())
        match = _SIMPLE_LAST.match(parts[-1]) if parts and parts[-1] else None
        if match is None:
            return True
        tag = match.group("tag")
        if tag and tag != "*" and not page.tags(tag.lower()):
            continue
        tokens = re.findall(r"[.#][\w-]+", match.group("rest"))
        if all((t[1:] in index) if t[0] == "." else (t[1:] in page.ids) for t in tokens):
            return True
    return False


def _class_index(page: Page) -> dict[str, list[Element]]:
    def compute(page: Page) -> dict[str, list[Element]]:
        index: dict[str, list[Element]] = {}
        for el in page.by_attribute.get("class", []):
            for name in (el.get("class") or "").split():
                index.setdefault(name, []).append(el)
        return index

    return page.memo("fontsize.class_index", compute)


def _may_occur(page: Page, compiled: _Compiled) -> bool:
    """Some element could match the selector's last compound (most rules of a site-wide
    stylesheet target classes this page does not use)."""
    if compiled.ident is not None and compiled.ident not in page.ids:
        return False
    if compiled.tag is not None and not page.tags(compiled.tag):
        return False
    index = _class_index(page)
    return all(name in index for name in compiled.classes)


def _candidates(page: Page, compiled: _Compiled) -> list[Element]:
    if compiled.ident is not None:
        return [el for el in page.by_attribute.get("id", []) if el.get("id") == compiled.ident]
    if compiled.classes:
        index = _class_index(page)
        return min((index.get(name, []) for name in compiled.classes), key=len)
    if compiled.tag is not None:
        return page.tags(compiled.tag)
    return page.elements


_PER_ELEMENT_LIMIT = 48


def _matches(page: Page) -> dict[Element, list[_Rule]]:
    def compute(page: Page) -> dict[Element, list[_Rule]]:
        by_element: dict[Element, list[_Rule]] = {}
        done: dict[str, list[Element]] = {}
        for rule in _style_rules(page):
            found = done.get(rule.compiled.xpath.path)
            if found is None:
                found = []
                candidates = _candidates(page, rule.compiled)
                try:
                    if len(candidates) > _PER_ELEMENT_LIMIT:   # one C-level pass is cheaper
                        found = [e for e in rule.compiled.whole(page.root)
                                 if isinstance(e.tag, str)]
                    else:
                        found = [el for el in candidates if rule.compiled.xpath(el)]
                except etree.XPathEvalError:
                    found = []
                done[rule.compiled.xpath.path] = found
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
