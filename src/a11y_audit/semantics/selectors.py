"""CSS selectors matched against one lxml element, right to left, as browsers match them.

cssselect parses the selector; :func:`compile_selector` turns its tree into a test of one
element, so a rule found through the stylesheet index costs a few attribute reads, not an XPath
query over the page. Selectors Level 4 as static HTML can judge it:

* type, universal, ``#id``, ``.class``, attribute selectors (all operators, ``i`` flag), the
  four combinators, ``:not()``, ``:is()``/``:matches()``/``:where()``, ``:has()``;
* tree-structural pseudo-classes (``:root``, ``:empty``, ``:first-child``, ``:nth-child()``,
  ``:nth-of-type()``... ), ``:link``/``:any-link``, ``:checked``, ``:disabled``/``:enabled``,
  ``:required``/``:optional``, ``:lang()``, ``:defined``, ``:placeholder-shown``;
* user-action and time-dependent pseudo-classes (``:hover``, ``:focus``, ``:focus-within``,
  ``:focus-visible``, ``:active``, ``:visited``, ``:target``, ``:open``, ``:modal``...) match
  nothing: the page is judged at rest, as a reader first sees it (so ``:not(:hover)`` matches);
* pseudo-elements (``::before``, ``::placeholder``...) are never applied to elements (see
  :func:`a11y_audit.semantics.css.selector_key`), and a selector cssselect cannot parse, or with
  a pseudo-class not listed here (vendor ones such as ``:-webkit-autofill``), is skipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from cssselect import SelectorError, parse
from cssselect.parser import parse_series
from lxml import etree

from a11y_audit.dom import tag_of

Element = etree._Element
Matcher = Callable[[Element], bool]


class Unsupported(Exception):
    """A selector this module does not judge."""


_AT_REST = frozenset((
    "hover", "focus", "focus-within", "focus-visible", "active", "visited", "target",
    "target-within", "current", "past", "future", "playing", "paused", "open", "closed", "modal",
    "popover-open", "fullscreen", "picture-in-picture", "user-invalid", "user-valid", "autofill",
    "-webkit-autofill", "indeterminate", "invalid", "valid", "in-range", "out-of-range",
    "local-link", "blank",
))
_FORM = frozenset(("button", "input", "select", "textarea", "optgroup", "option", "fieldset"))


def _previous(el: Element) -> Element | None:
    node = el.getprevious()
    while node is not None and not isinstance(node.tag, str):
        node = node.getprevious()
    return node


def _siblings_before(el: Element) -> list[Element]:
    out = []
    node = el.getprevious()
    while node is not None:
        if isinstance(node.tag, str):
            out.append(node)
        node = node.getprevious()
    return out


def _siblings_after(el: Element) -> list[Element]:
    out = []
    node = el.getnext()
    while node is not None:
        if isinstance(node.tag, str):
            out.append(node)
        node = node.getnext()
    return out


def _series(arguments: list) -> tuple[int, int]:
    try:
        return parse_series(arguments)
    except (ValueError, TypeError, SelectorError):
        raise Unsupported("nth series") from None


def _nth(a: int, b: int, position: int) -> bool:
    """Whether ``position`` (1-based) is ``a*n + b`` for some n >= 0."""
    if a == 0:
        return position == b
    n, rest = divmod(position - b, a)
    return rest == 0 and n >= 0


def _compile(tree: object) -> Matcher:
    kind = type(tree).__name__
    if kind == "Element":
        name = tree.element  # type: ignore[attr-defined]
        if not name or name == "*":
            return lambda el: True
        name = name.lower()
        return lambda el: el.tag == name   # a comment's tag is never equal
    base = _compile(tree.selector)  # type: ignore[attr-defined]
    if kind == "Class":
        cls = tree.class_name  # type: ignore[attr-defined]

        def has_class(el: Element) -> bool:
            value = el.get("class")
            return (value is not None and cls in value and cls in value.split()
                    and base(el))
        return has_class
    if kind == "Hash":
        ident = tree.id  # type: ignore[attr-defined]
        return lambda el: el.get("id") == ident and base(el)
    if kind == "Attrib":
        return _attrib(tree, base)
    if kind == "Pseudo":
        return _pseudo(tree.ident.lower(), base)  # type: ignore[attr-defined]
    if kind == "Function":
        return _function(tree, base)
    if kind == "Negation":
        sub = _compile(tree.subselector)  # type: ignore[attr-defined]
        return lambda el: base(el) and not sub(el)
    if kind in ("Matching", "SpecificityAdjustment"):
        subs = [_compile(s) for s in tree.selector_list]  # type: ignore[attr-defined]
        return lambda el: base(el) and any(s(el) for s in subs)
    if kind == "Relation":
        return _has(tree, base)
    if kind == "CombinedSelector":
        combinator = tree.combinator  # type: ignore[attr-defined]
        if combinator in (" ", ">", "+", "~"):
            return _combine(base, combinator,
                            _compile(tree.subselector))  # type: ignore[attr-defined]
    raise Unsupported(kind)


def _attrib(tree: object, base: Matcher) -> Matcher:
    name = tree.attrib.lower()  # type: ignore[attr-defined]
    operator = tree.operator  # type: ignore[attr-defined]
    token = tree.value  # type: ignore[attr-defined]
    wanted = getattr(token, "value", token) or ""
    fold = (getattr(tree, "flag", None) or "").lower() == "i" or name in _CASE_INSENSITIVE
    if fold:
        wanted = wanted.lower()

    def value(el: Element) -> str | None:
        found = el.get(name)
        if found is None:
            return None
        return found.lower() if fold else found

    if operator == "exists":
        return lambda el: el.get(name) is not None and base(el)
    tests: dict[str, Callable[[str], bool]] = {
        "=": lambda v: v == wanted,
        "~=": lambda v: bool(wanted) and wanted in v.split(),
        "|=": lambda v: v == wanted or v.startswith(wanted + "-"),
        "^=": lambda v: bool(wanted) and v.startswith(wanted),
        "$=": lambda v: bool(wanted) and v.endswith(wanted),
        "*=": lambda v: bool(wanted) and wanted in v,
        "!=": lambda v: v != wanted,
    }
    test = tests.get(operator)
    if test is None:
        raise Unsupported(operator)

    def attrib(el: Element) -> bool:
        found = value(el)
        return found is not None and test(found) and base(el)
    return attrib


# HTML attributes whose values selectors compare case-insensitively (HTML, "case-sensitivity
# of selectors"); the common ones.
_CASE_INSENSITIVE = frozenset(("type", "dir", "lang", "method", "rel", "align", "valign",
                               "checked", "disabled", "hidden", "multiple", "readonly"))


def _pseudo(ident: str, base: Matcher) -> Matcher:
    if ident in _AT_REST:
        return lambda el: False
    tests: dict[str, Matcher] = {
        "root": lambda el: el.getparent() is None,
        "scope": lambda el: el.getparent() is None,
        "empty": lambda el: not el.text and all(
            not isinstance(c.tag, str) and not c.tail for c in el),
        "first-child": lambda el: el.getparent() is not None and _previous(el) is None,
        "last-child": lambda el: el.getparent() is not None and not _siblings_after(el),
        "only-child": lambda el: el.getparent() is not None and _previous(el) is None
        and not _siblings_after(el),
        "first-of-type": lambda el: el.getparent() is not None
        and not any(s.tag == el.tag for s in _siblings_before(el)),
        "last-of-type": lambda el: el.getparent() is not None
        and not any(s.tag == el.tag for s in _siblings_after(el)),
        "only-of-type": lambda el: el.getparent() is not None
        and not any(s.tag == el.tag for s in (*_siblings_before(el), *_siblings_after(el))),
        "link": lambda el: tag_of(el) in ("a", "area") and el.get("href") is not None,
        "any-link": lambda el: tag_of(el) in ("a", "area") and el.get("href") is not None,
        "checked": lambda el: (tag_of(el) == "input" and el.get("checked") is not None)
        or (tag_of(el) == "option" and el.get("selected") is not None),
        "disabled": lambda el: tag_of(el) in _FORM and el.get("disabled") is not None,
        "enabled": lambda el: tag_of(el) in _FORM and el.get("disabled") is None,
        "required": lambda el: el.get("required") is not None,
        "optional": lambda el: tag_of(el) in ("input", "select", "textarea")
        and el.get("required") is None,
        "read-only": lambda el: not _writable(el),
        "read-write": _writable,
        "defined": lambda el: "-" not in tag_of(el),
        "placeholder-shown": lambda el: el.get("placeholder") is not None
        and not el.get("value"),
    }
    test = tests.get(ident)
    if test is None:
        raise Unsupported(ident)
    return lambda el: test(el) and base(el)


def _writable(el: Element) -> bool:
    tag = tag_of(el)
    if tag in ("input", "textarea"):
        return el.get("readonly") is None and el.get("disabled") is None
    return (el.get("contenteditable") or "false").lower() in ("", "true", "plaintext-only")


def _function(tree: object, base: Matcher) -> Matcher:
    name = tree.name  # type: ignore[attr-defined]
    arguments = tree.arguments  # type: ignore[attr-defined]
    if name == "lang":
        wanted = "".join(str(getattr(t, "value", "")) for t in arguments).strip("\"'").lower()

        def lang(el: Element) -> bool:
            for node in (el, *el.iterancestors()):
                value = node.get("lang")
                if value is not None:
                    value = value.lower()
                    return (value == wanted or value.startswith(wanted + "-")) and base(el)
            return False
        return lang
    if name in ("nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type"):
        if any(getattr(t, "value", None) == "of" for t in arguments):
            raise Unsupported("nth-child(... of S)")
        a, b = _series(arguments)
        last = "last" in name
        typed = name.endswith("of-type")

        def nth(el: Element) -> bool:
            if el.getparent() is None:
                return False
            others = _siblings_after(el) if last else _siblings_before(el)
            if typed:
                others = [s for s in others if s.tag == el.tag]
            return _nth(a, b, len(others) + 1) and base(el)
        return nth
    if name in _AT_REST or name in ("state", "dir"):
        return lambda el: False
    raise Unsupported(name)


def _has(tree: object, base: Matcher) -> Matcher:
    tests: list[tuple[str, Matcher]] = []
    for combinator, selector in tree.arguments:  # type: ignore[attr-defined]
        symbol = getattr(combinator, "value", " ") or " "
        if getattr(combinator, "type", "") in ("S", "DELIM") and symbol.strip() == "":
            symbol = " "
        tests.append((symbol.strip() or " ", _compile(selector.parsed_tree)))

    def has(el: Element) -> bool:
        if not base(el):
            return False
        for symbol, test in tests:
            if symbol == ">":
                candidates = (c for c in el if isinstance(c.tag, str))
            elif symbol == "+":
                nxt = _siblings_after(el)[:1]
                candidates = iter(nxt)
            elif symbol == "~":
                candidates = iter(_siblings_after(el))
            else:
                candidates = el.iterdescendants(etree.Element)
            if any(test(c) for c in candidates):
                return True
        return False
    return has


def _compound_keys(tree: object) -> set[str]:
    keys: set[str] = set()
    while tree is not None:
        kind = type(tree).__name__
        if kind == "Class":
            keys.add("." + tree.class_name)  # type: ignore[attr-defined]
        elif kind == "Hash":
            keys.add("#" + tree.id)  # type: ignore[attr-defined]
        elif kind == "Element":
            name = tree.element  # type: ignore[attr-defined]
            if name and name != "*":
                keys.add(name.lower())
            break
        elif kind == "CombinedSelector":
            break
        tree = getattr(tree, "selector", None)
    return keys


def _ancestor_keys(tree: object) -> set[str]:
    """Ids, classes and tags that some ancestor of a matching element must carry."""
    if type(tree).__name__ != "CombinedSelector":
        return set()
    left = tree.selector  # type: ignore[attr-defined]
    keys = _ancestor_keys(left)
    if tree.combinator in (" ", ">"):  # type: ignore[attr-defined]
        right_of_left = left.subselector if type(left).__name__ == "CombinedSelector" else left
        keys |= _compound_keys(right_of_left)
    return keys


@functools.lru_cache(maxsize=65536)
def compile_selector(selector: str
                     ) -> tuple[Matcher, tuple[int, int, int], frozenset[str]] | None:
    """A test of one element, the specificity, and the ids (``#x``), classes (``.x``) and tags
    its ancestors must carry (a cheap filter before the test); None when not judged."""
    simple = _compile_simple(selector)
    if simple is not None:
        return simple
    try:
        parsed = parse(selector)
    except (SelectorError, ValueError, TypeError, IndexError):
        return None
    if len(parsed) != 1 or parsed[0].pseudo_element is not None:
        return None
    try:
        tree = parsed[0].parsed_tree
        return _compile(tree), parsed[0].specificity(), frozenset(_ancestor_keys(tree))
    except (Unsupported, AttributeError, TypeError, ValueError):
        return None


# -- simple selectors without cssselect -------------------------------------------------------
#
# Most selectors of a news site's stylesheets are compounds of a tag, classes, ids and
# pseudo-classes without arguments joined by combinators (".card .title", "nav > ul
# li.active", ".menu a:hover"). cssselect's parse of one costs ~200 us, more than a page's
# matching against it, so these are read here with a regular expression, into the same tests
# :func:`_compile` makes from cssselect's tree. Identifiers are the plain ASCII ones (no
# escapes, no digit or "--" first): anything else goes to cssselect.

_SIMPLE_TEXT = re.compile(r"[-_a-zA-Z0-9.#:*>+~ \t\n\r\f]+")
_IDENT = r"-?[_a-zA-Z][-_a-zA-Z0-9]*"
_SIMPLE_COMPOUND = re.compile(rf"(\*|{_IDENT})?((?:[.#:]{_IDENT})*)")
_SIMPLE_PART = re.compile(rf"([.#:])({_IDENT})")
# CSS 2's pseudo-elements written with one colon (cssselect reads them as pseudo-elements)
_LEGACY_PSEUDO_ELEMENTS = frozenset(("before", "after", "first-line", "first-letter"))
_SIMPLE_SPLIT = re.compile(r"[ \t\n\r\f]*([>+~])[ \t\n\r\f]*|[ \t\n\r\f]+")


def _compile_simple(selector: str
                    ) -> tuple[Matcher, tuple[int, int, int], frozenset[str]] | None:
    """:func:`compile_selector` for a selector of tags, classes, ids and combinators only;
    None for any other selector."""
    text = selector.strip(" \t\n\r\f")
    if not text or not _SIMPLE_TEXT.fullmatch(text):
        return None
    parts = _SIMPLE_SPLIT.split(text)
    compounds: list[tuple[str | None, list[str], list[str], list[str]]] = []
    for part in parts[0::2]:
        found = _SIMPLE_COMPOUND.fullmatch(part) if part else None
        if found is None:
            return None
        tag = found.group(1)
        names = _SIMPLE_PART.findall(found.group(2))
        pseudos = [name.lower() for kind, name in names if kind == ":"]
        if _LEGACY_PSEUDO_ELEMENTS.intersection(pseudos):
            return None
        compounds.append((None if tag in (None, "*") else tag.lower(),
                          [name for kind, name in names if kind == "#"],
                          [name for kind, name in names if kind == "."], pseudos))
    combinators = [symbol or " " for symbol in parts[1::2]]
    ids = sum(len(c[1]) for c in compounds)
    classes = sum(len(c[2]) + len(c[3]) for c in compounds)
    tags = sum(1 for c in compounds if c[0] is not None)
    above: set[str] = set()
    for (tag, idents, names, _), symbol in zip(compounds, combinators, strict=False):
        if symbol in (" ", ">"):
            above.update("#" + ident for ident in idents)
            above.update("." + name for name in names)
            if tag is not None:
                above.add(tag)
    try:
        matcher = _compound_test(*compounds[0])
        for symbol, compound in zip(combinators, compounds[1:], strict=True):
            matcher = _combine(matcher, symbol, _compound_test(*compound))
    except Unsupported:
        return None             # cssselect's tree says the same (an unknown pseudo-class)
    return matcher, (ids, classes, tags), frozenset(above)


def _compound_test(tag: str | None, idents: list[str], names: list[str],
                   pseudos: list[str]) -> Matcher:
    """The test of one compound: what :func:`_compile` tests for its ``Element``, ``Hash``,
    ``Class`` and argument-less ``Pseudo`` parts."""
    test = _plain_compound(tag, idents, names)
    for ident in pseudos:
        test = _pseudo(ident, test)
    return test


def _plain_compound(tag: str | None, idents: list[str], names: list[str]) -> Matcher:
    if not idents and len(names) == 1:
        name = names[0]
        if tag is None:
            def one_class(el: Element) -> bool:
                value = el.get("class")
                return value is not None and name in value and name in value.split()
            return one_class

        def tag_and_class(el: Element) -> bool:
            value = el.get("class")
            return (value is not None and name in value and name in value.split()
                    and el.tag == tag)
        return tag_and_class
    if not idents and not names:
        if tag is None:
            return lambda el: True
        return lambda el: el.tag == tag
    wanted = frozenset(names)

    def compound(el: Element) -> bool:
        if idents:
            ident = el.get("id")
            for want in idents:
                if ident != want:
                    return False
        if wanted:
            value = el.get("class")
            if value is None or not wanted.issubset(value.split()):
                return False
        return tag is None or el.tag == tag
    return compound


def _combine(left: Matcher, symbol: str, right: Matcher) -> Matcher:
    """``left`` and ``right`` joined by a combinator: for the regex reader's compounds and for
    :func:`_compile`'s cssselect trees alike."""
    if symbol == " ":
        def descendant(el: Element) -> bool:
            if not right(el):
                return False
            # map, not a generator expression: no Python frame per ancestor (this runs
            # for most candidates)
            return any(map(left, el.iterancestors()))
        return descendant
    if symbol == ">":
        def child(el: Element) -> bool:
            if not right(el):
                return False
            parent = el.getparent()
            return parent is not None and left(parent)
        return child
    if symbol == "+":
        def adjacent(el: Element) -> bool:
            if not right(el):
                return False
            previous = _previous(el)
            return previous is not None and left(previous)
        return adjacent
    return lambda el: right(el) and any(left(s) for s in _siblings_before(el))
