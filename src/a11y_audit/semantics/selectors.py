"""CSS selectors matched against one lxml element, right to left, as browsers match them.

cssselect parses the selector; :func:`compile_selector` turns its tree into a test of one
element, so a rule found through the stylesheet index costs a few attribute reads, not an XPath
query over the page. Selectors Level 4 as static HTML can judge it:

* type, universal, ``#id``, ``.class``, attribute selectors (all operators, ``i`` flag), the
  four combinators, ``:not()``, ``:is()``/``:matches()``/``:where()`` (of complex selectors and
  lists too, which cssselect does not read: :func:`_with_complex_arguments`), ``:has()``;
* tree-structural pseudo-classes (``:root``, ``:empty``, ``:first-child``, ``:nth-child()``,
  ``:nth-of-type()``... ), ``:link``/``:any-link``, ``:checked``, ``:disabled``/``:enabled``,
  ``:required``/``:optional``, ``:lang()``, ``:defined``, ``:placeholder-shown``,
  ``:default``;
* ``:open``: a ``<details>`` or ``<dialog>`` with the ``open`` attribute;
* user-action and time-dependent pseudo-classes (``:hover``, ``:focus``, ``:focus-within``,
  ``:focus-visible``, ``:active``, ``:visited``, ``:target``, ``:modal``...) match nothing:
  the page is judged at rest, as a reader first sees it (so ``:not(:hover)`` matches);
* states static HTML may hold but that are not judged (:data:`UNJUDGED_STATES`: ``:valid``,
  ``:invalid``, ``:paused``...) make a selector skipped, and :func:`widened` gives it one
  without them;
* pseudo-elements (``::before``, ``::placeholder``...) are never applied to elements (see
  :func:`a11y_audit.semantics.css.selector_key`), and a selector cssselect cannot parse, or with
  a pseudo-class not listed here (a vendor one Chromium knows: none in Chromium 156, whose
  ``:-webkit-any()`` is read as an ``:is()`` of compounds with a pseudo-class's specificity,
  ``:-webkit-any-link`` as ``:any-link`` and the others as states at rest), or a state of
  :data:`UNJUDGED_STATES`, is skipped; :func:`widened` gives the last two a selector that
  matches at least what they match, for the "may be hidden" answer. ``:nth-child(An+B of
  S)`` and ``:nth-last-child()`` are read with S's selectors compiled apart (the "of" in
  lower case, as Chromium reads it). (A pseudo-class or
  pseudo-element Chromium does not know, ``:-moz-only-whitespace``, drops its whole rule
  before: :func:`a11y_audit.semantics.supports.chromium_prelude`.)
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import threading
import weakref
from collections.abc import Callable, Iterator
from typing import Any, Literal

from cssselect import SelectorError, parse
from cssselect.parser import parse_series
from lxml import etree

from a11y_audit.dom import integer, tag_of

Element = etree._Element
Matcher = Callable[[Element], bool]


class Unsupported(Exception):
    """A selector this module does not judge."""


_AT_REST = frozenset((
    "hover", "focus", "focus-within", "focus-visible", "active", "visited", "target",
    "target-within", "current", "past", "future", "closed", "modal", "popover-open",
    "fullscreen", "picture-in-picture", "user-invalid", "user-valid", "autofill",
    "-webkit-autofill", "local-link", "blank", "-webkit-drag", "-webkit-full-screen",
    "-webkit-full-screen-ancestor",
    # (a page shown as a media document: never an HTML page)
    "-webkit-full-page-media",
))
# States that static HTML may hold at rest, but that this module does not judge: a paused
# or playing media element (autoplay, and whether a browser lets it play), a form control's
# validity (:valid, :invalid: every control that takes part in validation is one or the
# other; a required empty field is invalid), an indeterminate checkbox, radio group or
# progress bar, a number out of its range. A selector with one is not judged, and is widened
# without it for the "may be hidden" answer (see :func:`widened`).
UNJUDGED_STATES = frozenset(("paused", "playing", "valid", "invalid", "indeterminate",
                             "in-range", "out-of-range"))
_FORM = frozenset(("button", "input", "select", "textarea", "optgroup", "option", "fieldset"))


def _previous(el: Element) -> Element | None:
    node = el.getprevious()
    while node is not None and not isinstance(node.tag, str):
        node = node.getprevious()
    return node


def _next(el: Element) -> Element | None:
    """The next element sibling."""
    return next(el.itersiblings(etree.Element), None)


def _same_tag(el: Element, before: bool) -> bool:
    """An element sibling before (or after) ``el`` has its tag."""
    tag = el.tag
    return any(s.tag == tag for s in el.itersiblings(etree.Element, preceding=before))


# A position among more siblings than this is read from the parent's list of positions,
# made once (Chromium keeps such a cache too): :nth-child() on each row of a table of
# thousands (zebra stripes) counted the rows before it for each.
_COUNTED = 32
_POSITIONS: weakref.WeakKeyDictionary[Element, dict[tuple[bool, Any], dict[Element, int]]] = (
    weakref.WeakKeyDictionary())


def _position(el: Element, last: bool, counted: Matcher | None = None,
              key: Any = None) -> int:
    """The 1-based position of ``el`` among its element siblings that ``counted`` accepts
    (all of them when None; ``el`` is one), from the last (``last``). Past _COUNTED siblings
    it is read from a list of the parent's positions, made once for what ``key`` names (the
    same ``counted`` each time)."""
    count = 1
    for scanned, sibling in enumerate(el.itersiblings(etree.Element, preceding=not last)):
        if scanned == _COUNTED:
            break
        if counted is None or counted(sibling):
            count += 1
    else:
        return count
    parent = el.getparent()
    assert parent is not None       # (siblings)
    tables = _POSITIONS.get(parent)
    if tables is None:
        tables = _POSITIONS[parent] = {}
    table = tables.get((last, key))
    if table is None:
        children = [child for child in parent.iterchildren(etree.Element)
                    if counted is None or counted(child)]
        if last:
            children.reverse()
        table = tables[(last, key)] = dict(zip(children, range(1, len(children) + 1),
                                               strict=True))
    return table[el]


def _tagged(tag: Any, el: Element) -> bool:
    return el.tag == tag


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
            return _always
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
    token = tree.value  # type: ignore[attr-defined]
    return _attrib_test(tree.attrib, tree.operator,  # type: ignore[attr-defined]
                        getattr(token, "value", token) or "",
                        getattr(tree, "flag", None), base)


def _attrib_test(name: str, operator: str, wanted: str, flag: str | None,
                 base: Matcher) -> Matcher:
    """``[name operator wanted flag]`` and ``base``: for cssselect's trees and the regex
    reader alike."""
    name = name.lower()
    if not _attribute_name(name):
        return never        # (a control character: no element carries such an attribute)
    fold = (flag or "").lower() == "i" or name in _CASE_INSENSITIVE
    if fold:
        wanted = wanted.lower()
    if operator == "exists":
        return lambda el: el.get(name) is not None and base(el)
    test = _ATTRIBUTE_TESTS.get(operator)
    if test is None:
        raise Unsupported(operator)

    def attrib(el: Element) -> bool:
        found = el.get(name)
        if found is None:
            return False
        return test(found.lower() if fold else found, wanted) and base(el)
    return attrib


def _attribute_name(name: str) -> bool:
    """Whether lxml can look ``name`` up: it refuses NUL and control characters (which a
    sheet can write escaped, ``[a\\1 b]``) with a ValueError on every element."""
    try:
        _PROBE.get(name)
    except ValueError:
        return False
    return True


_PROBE = etree.Element("probe")


_ATTRIBUTE_TESTS: dict[str, Callable[[str, str], bool]] = {
    "=": lambda v, w: v == w,
    "~=": lambda v, w: bool(w) and w in v.split(),
    "|=": lambda v, w: v == w or v.startswith(w + "-"),
    "^=": lambda v, w: bool(w) and v.startswith(w),
    "$=": lambda v, w: bool(w) and v.endswith(w),
    "*=": lambda v, w: bool(w) and w in v,
    "!=": lambda v, w: v != w,
}


# HTML attributes whose values selectors compare case-insensitively (HTML, "case-sensitivity
# of selectors"); the common ones.
_CASE_INSENSITIVE = frozenset(("type", "dir", "lang", "method", "rel", "align", "valign",
                               "checked", "disabled", "hidden", "multiple", "readonly"))


def _pseudo(ident: str, base: Matcher) -> Matcher:
    if ident in _AT_REST:
        return never
    test = _PSEUDO_TESTS.get(ident)
    if test is None and (scope := _STAND_INS.get(ident)) is not None:
        test = scope.bound
    if test is None:
        arguments = getattr(_ARGUMENTS, "tests", None)
        if not arguments or ident not in arguments:
            raise Unsupported(ident)
        test = arguments[ident]
    if base is _always:
        return test
    return lambda el: test(el) and base(el)


def _always(el: Element) -> bool:
    return True


def _any_of(negated: bool, tests: list[Matcher]) -> Matcher:
    """The test of ``:is()`` (or ``:not()``, ``negated``) of arguments compiled apart."""
    if negated:
        return lambda el: not any(test(el) for test in tests)
    return lambda el: any(test(el) for test in tests)


def never(el: Element) -> bool:
    """The test of a selector that matches no element of a page at rest: one that requires
    a user-action state (``a:hover``, ``.menu:focus-within .item``), ``:state()`` or
    ``:dir()``. The cascade leaves the rules it is the test of out of a page's index."""
    return False


def ends_at_rest(selector: str) -> bool:
    """Whether ``selector`` ends in a pseudo-class of :data:`_AT_REST` (``a:hover``, ``.menu
    li:focus``) and holds no parenthesis, escape, vendor pseudo-class or state this module
    does not judge (:data:`UNJUDGED_STATES`): read from its text alone, a selector that
    matches no element of a page at rest. :func:`compile_selector` makes its test
    :func:`never` (that pseudo-class is its last compound's last part), or does not judge
    it, and then css.noted_if_uncompiled does not note it (none of those it notes: a vendor
    pseudo-class, a state not judged, ``:nth-child(... of S)``): the cascade leaves such a
    rule out before its declarations are read and its selector compiled."""
    return (":" in selector and "(" not in selector and "\\" not in selector
            and ":-" not in selector and selector.rpartition(":")[2].lower() in _AT_REST
            and not has_unjudged_state(selector))


def has_unjudged_state(selector: str) -> bool:
    """Whether ``selector`` holds a pseudo-class of :data:`UNJUDGED_STATES` (``:valid``): not
    judged, and widened without it (see css.noted_if_uncompiled)."""
    return ":" in selector and _STATE.search(selector) is not None


def _writable(el: Element) -> bool:
    tag = tag_of(el)
    if tag in ("input", "textarea"):
        return el.get("readonly") is None and el.get("disabled") is None
    return (el.get("contenteditable") or "false").lower() in ("", "true", "plaintext-only")


def _link(el: Element) -> bool:
    """``:link``, ``:any-link`` and Chromium's ``:-webkit-any-link`` (never visited at rest)."""
    return tag_of(el) in ("a", "area") and el.get("href") is not None


def _default(el: Element) -> bool:
    """``:default``, as Chromium matches it at rest: a checkbox or radio button with
    ``checked``, an option with ``selected``, and a form's default button (its first submit
    button in tree order, whatever its state)."""
    tag = tag_of(el)
    if tag == "option":
        return el.get("selected") is not None
    if tag == "input":
        kind = (el.get("type") or "").strip().lower()
        if kind in ("checkbox", "radio"):
            return el.get("checked") is not None
    if not _submits(el):
        return False
    form = _form_owner(el)
    if form is None:
        return False
    return next((other for other in form.getroottree().iter("button", "input")
                 if _submits(other) and _form_owner(other) is form), None) is el


def _submits(el: Element) -> bool:
    """A submit button: ``<button>`` of type submit (missing or unknown: submit), or
    ``<input type=submit|image>``."""
    kind = (el.get("type") or "").strip().lower()
    if tag_of(el) == "button":
        return kind not in ("reset", "button")
    return tag_of(el) == "input" and kind in ("submit", "image")


def _form_owner(el: Element) -> Element | None:
    """The form a control belongs to: the element its ``form`` attribute names by id (the
    first of that id; None unless a ``<form>``), else its nearest ancestor ``<form>``."""
    named = el.get("form")
    if named is not None:
        found = el.getroottree().getroot().xpath("(//*[@id=$name])[1]", name=named)
        first = found[0] if isinstance(found, list) and found else None
        return first if isinstance(first, etree._Element) and tag_of(first) == "form" else None
    return next(el.iterancestors("form"), None)


_PSEUDO_TESTS: dict[str, Matcher] = {
    "default": _default,
    "root": lambda el: el.getparent() is None,
    "scope": lambda el: el.getparent() is None,
    "empty": lambda el: not el.text and all(
        not isinstance(c.tag, str) and not c.tail for c in el),
    # (the root element is the only child of the document: it matches these, as in
    # Selectors 4 and browsers, though it has no parent element)
    # (the siblings read lazily, up to the first that decides: a list of thousands of
    # rows read whole for each row was quadratic)
    "first-child": lambda el: _previous(el) is None,
    "last-child": lambda el: _next(el) is None,
    "only-child": lambda el: _previous(el) is None and _next(el) is None,
    "first-of-type": lambda el: not _same_tag(el, before=True),
    "last-of-type": lambda el: not _same_tag(el, before=False),
    "only-of-type": lambda el: not _same_tag(el, before=True) and not _same_tag(
        el, before=False),
    "link": _link,
    "any-link": _link,
    "-webkit-any-link": _link,
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
    # (a select's or an input's picker is closed at rest)
    "open": lambda el: tag_of(el) in ("details", "dialog") and el.get("open") is not None,
}


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
        return _nth_test(name, *_series(arguments), base)
    if name in _AT_REST or name in ("state", "dir"):
        return never
    raise Unsupported(name)


def _nth_of(last: bool, a: int, b: int, tests: list[Matcher]) -> Matcher:
    """The test of ``:nth-child(an+b of S)`` (``last``: ``:nth-last-child()``), S's
    selectors compiled apart: an element that matches S, counted among its siblings that
    match S."""
    def matches(el: Element) -> bool:
        return any(test(el) for test in tests)

    def nth(el: Element) -> bool:
        # (the positions among a long list's siblings that match S are kept for ``matches``)
        return matches(el) and _nth(a, b, _position(el, last, matches, matches))
    return nth


def _nth_test(name: str, a: int, b: int, base: Matcher) -> Matcher:
    """``:nth-child(an+b)`` and its three siblings (``name``), and ``base``."""
    last = "last" in name
    typed = name.endswith("of-type")

    def nth(el: Element) -> bool:
        if typed:
            tag = el.tag
            position = _position(el, last, functools.partial(_tagged, tag), tag)
        else:
            position = _position(el, last)
        return _nth(a, b, position) and base(el)
    return nth


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
        candidates: Iterator[Element]
        for symbol, test in tests:
            if symbol == ">":
                candidates = (c for c in el if isinstance(c.tag, str))
            elif symbol == "+":
                nxt = _next(el)
                candidates = iter([nxt] if nxt is not None else [])
            elif symbol == "~":
                candidates = el.itersiblings(etree.Element)
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


Compiled = tuple[Matcher, tuple[int, int, int], frozenset[str], frozenset[str]]
# One compound's test, specificity and the keys it requires (see _compound)
_Compound = tuple[Matcher, tuple[int, int, int], frozenset[str]]


@functools.lru_cache(maxsize=65536)
def compile_selector(selector: str) -> Compiled | None:
    """A test of one element, the specificity, the ids (``#x``), classes (``.x``) and tags
    its ancestors must carry, and those the element itself must carry (cheap filters before
    the test); None when not judged. A selector marked as in ``@scope`` blocks
    (:func:`scoped`) is read by :func:`_compile_scoped`: its test gives the match's scope
    proximity."""
    if selector[:1] == ":" and selector.startswith(SCOPE_MARK):
        return _compile_scoped(selector)
    read = _read(selector)
    if read is not None:
        return read or None
    compiled = _from_cssselect(selector)
    if compiled is None and _LOGICAL.search(selector):
        return _with_complex_arguments(selector)
    return compiled


# The pseudo-classes whose arguments are selector lists: cssselect reads only compounds in the
# logical ones (and one in :not()), and no ":nth-child(An+B of S)"; Chromium's legacy
# :-webkit-any() is :is() of compounds (supports.chromium_prelude drops a rule with another)
# with a pseudo-class's specificity
_LOGICAL = re.compile(r":(is|matches|where|not|-webkit-any|nth-child|nth-last-child)\(", re.I)
# The argument tests of a selector being compiled by _with_complex_arguments, by the name of
# the pseudo-class standing for them (read by _pseudo; one thread's, during one parse)
_ARGUMENTS = threading.local()


# Selector lists nested deeper than this in ``:is()``, ``:not()``... are not judged. Chromium
# reads any depth (5,000 checked), but each level here is a few Python calls, compiling and
# matching: a hostile sheet's 500 levels ran out of the interpreter's stack.
_MAX_NESTING = 100


def too_deep(selector: str) -> bool:
    """Whether the selector nests past :data:`_MAX_NESTING`: not judged (see
    :func:`widened`)."""
    return selector.count("(") > _MAX_NESTING and _nesting(selector) > _MAX_NESTING


def _nesting(selector: str) -> int:
    """How deep the selector's parentheses nest (quotes not read: an upper bound)."""
    depth = deepest = 0
    for found in _PARENTHESIS.finditer(selector):
        if found.group() == "(":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


_PARENTHESIS = re.compile(r"[()]")


def _with_complex_arguments(selector: str) -> Compiled | None:
    """:func:`compile_selector` of a selector whose ``:is()``, ``:where()`` or ``:not()``
    holds complex selectors or a list cssselect cannot read (``:not(.a .b)``, ``.x
    :is(.a > .b, .c)``), or with ``:nth-child(An+B of S)``: each argument is compiled on its
    own, the pseudo-class is read as a stand-in that tests them, and the specificity is the
    one Selectors 4 gives (the largest argument's for ``:is()`` and ``:not()``, none for
    ``:where()``, a pseudo-class's and the largest of S's for ``:nth-child()``; a
    pseudo-class's for ``:-webkit-any()``, as Chromium gives it). None when an argument is
    not judged."""
    if too_deep(selector):
        return None
    out: list[str] = []
    tests: dict[str, Matcher] = {}
    extra = [0, 0, 0]
    at = 0
    for found in _LOGICAL.finditer(selector):
        if found.start() < at:
            continue            # inside an argument read already (compiled with it)
        close = closing(selector, found.end())
        if close is None:
            return None
        name = found.group(1).lower()
        series = None
        inner = selector[found.end():close]
        if name[:4] == "nth-":
            of = _OF.search(inner)
            if of is None:
                continue        # An+B alone: cssselect reads it
            if not _SERIES.fullmatch(inner, 0, of.start()):
                return None
            series = _an_plus_b(inner[:of.start()])
            inner = inner[of.end():]
        arguments = split_arguments(inner)
        compiled = [read for argument in arguments
                    if argument and (read := compile_selector(argument)) is not None]
        if len(compiled) != len(arguments):
            return None
        stand_in = f"-a11y-arguments-{len(tests)}"
        tested = [c[0] for c in compiled]
        tests[stand_in] = (_nth_of(name == "nth-last-child", *series, tested)
                           if series is not None else _any_of(name == "not", tested))
        specificity = ((0, 0, 0) if name == "where" else (0, 1, 0) if name == "-webkit-any"
                       else max(c[1] for c in compiled))
        if series is not None:      # (the pseudo-class's own, and S's)
            specificity = (specificity[0], specificity[1] + 1, specificity[2])
        extra = [extra[0] + specificity[0], extra[1] + specificity[1] - 1,
                 extra[2] + specificity[2]]        # (less the stand-in's own, a class's)
        out.append(selector[at:found.start()])
        out.append(":" + stand_in)
        at = close + 1
    out.append(selector[at:])
    _ARGUMENTS.tests = tests
    try:
        compiled_whole = _from_cssselect("".join(out))
    finally:
        _ARGUMENTS.tests = None
    if compiled_whole is None:
        return None
    test, (a, b, c), above, own = compiled_whole
    return test, (a + extra[0], b + extra[1], c + extra[2]), above, own


# A style rule's selector in ``@scope`` blocks, as the cascade keeps it: a mark for each block,
# the outermost first, holding the block's prelude, then the selector as written
# (``:a11y-scope((.card) to (.ad)) img``; see :func:`scoped`)
SCOPE_MARK = ":a11y-scope("
# The root of an @scope without a root selector in a prelude of scoped(): "<owner DIGEST>",
# the parent of a <style> element whose text has that digest (owner_digest)
OWNER_MARK = "<owner "
# The ":scope" pseudo-class (not a longer name that starts so)
_SCOPE_WORD = re.compile(r"scope(?![-_a-zA-Z0-9])", re.I)


def scoped(preludes: tuple[str, ...], selector: str) -> str:
    """The selector the cascade keeps for ``selector`` written in ``@scope`` blocks with these
    preludes (``(.card) to (.ad)``), the outermost first: :func:`compile_selector` reads it
    as CSS Cascade 6 does (:func:`_compile_scoped`)."""
    return "".join(f"{SCOPE_MARK}{prelude}) " for prelude in preludes) + selector


def owner_digest(css: str) -> str:
    """A digest of a stylesheet's text, as its ``<style>`` element holds it: what marks the
    root of its ``@scope`` blocks without a root selector (:data:`OWNER_MARK`)."""
    return hashlib.blake2b(css.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def _owner_test(digest: str) -> Matcher:
    """The roots of an ``@scope`` without a root selector in the sheet of this digest: the
    parent of each ``<style>`` element that holds it."""
    def owns(el: Element) -> bool:
        for child in el.iterchildren("style"):
            found = _DIGESTS.get(child)
            if found is None:
                text = "".join(child.itertext())  # type: ignore[arg-type]  # (str)
                found = _DIGESTS[child] = owner_digest(text)
            if found == digest:
                return True
        return False
    return owns


# Each <style> element's owner_digest, while its page lives (a page's elements stay while it
# does): a body may hold many large ones, and each root candidate reads its children's
_DIGESTS: weakref.WeakKeyDictionary[Element, str] = weakref.WeakKeyDictionary()


def written_scoped(selector: str) -> str:
    """A selector marked by :func:`scoped`, as written in its blocks (``@scope (.card) to
    (.ad) { img }``), for messages."""
    preludes, rest = _marks(selector)
    if preludes is None:
        return selector
    return ("".join(f"@scope {' '.join(_OWNER.sub('', prelude).split())} {{ "
                    for prelude in preludes)
            + rest + " }" * len(preludes)).replace("@scope  ", "@scope ")


def _marks(selector: str) -> tuple[list[str] | None, str]:
    """The preludes a selector marked by :func:`scoped` holds, and the selector as written
    (None: the marks do not close)."""
    preludes: list[str] = []
    rest = selector
    while rest.startswith(SCOPE_MARK):
        close = closing(rest, len(SCOPE_MARK))
        if close is None:
            return None, selector
        preludes.append(rest[len(SCOPE_MARK):close])
        rest = rest[close + 1:].lstrip()
    return preludes, rest


class _Scope:
    """One ``@scope`` block, as its style rules are matched: its roots (``start``: the
    elements its ``<scope-start>`` matches, within the scope of the block around it, if any),
    its limits (``limit``, tested with the root bound: what ``:scope`` stands for), the
    stand-in pseudo-class (``name``) that tests for the bound root in the selectors compiled
    for the block, and for a block inside another, the test of the outer block's scope
    (``within``: an element in the inner scope must be in the outer one too, as in
    Chromium)."""

    __slots__ = ("__weakref__", "cell", "limit", "name", "start", "within")

    def __init__(self, serial: int) -> None:
        self.name = f"a11y-root-{serial}"
        self.cell = threading.local()   # .root: the root being tried, in this thread
        self.start: Callable[[Element], object] = never
        self.limit: Matcher | None = None
        self.within: Callable[[Element], object] | None = None

    def bound(self, el: Element) -> bool:
        """The stand-in's test: ``el`` is the root being tried."""
        return el is getattr(self.cell, "root", None)


_SCOPE_SERIALS = itertools.count()
# The blocks by their stand-in's name, while a compiled selector holds them (_scope_of keeps
# the recent ones; read by _pseudo): a name is never used again, since compile_selector keeps
# selectors by their text
_STAND_INS: weakref.WeakValueDictionary[str, _Scope] = weakref.WeakValueDictionary()
_OWNER = re.compile(re.escape(OWNER_MARK) + r"(\w+)>")


@functools.lru_cache(maxsize=1024)
def _scope_of(preludes: tuple[str, ...]) -> _Scope | None:
    """The innermost of these ``@scope`` blocks (each inside the one before), or None when
    it is not judged: one whose selectors are not judged, a prelude that does not parse,
    or one without a ``<scope-start>`` inside another (a top-level one's prelude names the
    sheet instead, :data:`OWNER_MARK`: its roots are the parents of the ``<style>``
    elements that hold it)."""
    outer: _Scope | None = None
    if len(preludes) > 1:
        outer = _scope_of(preludes[:-1])
        if outer is None:
            return None
    prelude = preludes[-1].strip()
    owner = _OWNER.match(prelude) if outer is None else None
    if owner is not None:
        start_text, rest = None, prelude[owner.end():].strip()
    else:
        close = closing(prelude, 1) if prelude[:1] == "(" else None
        if close is None:
            return None
        start_text, rest = prelude[1:close].strip(), prelude[close + 1:].strip()
    limit_text = None
    if rest:
        if rest[:2].lower() != "to" or rest[2:].lstrip()[:1] != "(":
            return None
        rest = rest[2:].lstrip()
        end = closing(rest, 1)
        if end is None or rest[end + 1:].strip():
            return None
        limit_text = rest[1:end].strip()
    scope = _Scope(next(_SCOPE_SERIALS))
    if owner is not None:
        scope.start = _owner_test(owner.group(1))
        return _limited_by(scope, limit_text)
    assert start_text is not None
    if outer is not None:
        within = compile_selector(scoped(preludes[:-1], "*"))
        if within is None:
            return None
        scope.within = _per_element(within[0])
    starts = []
    for selector in split_arguments(start_text):
        if outer is None:
            if "&" in selector or _SCOPE_WORD.search(selector):
                return None     # (":scope" and "&" of a root selector at the top: not read)
            compiled = compile_selector(selector) if selector else None
        else:
            compiled = compile_selector(scoped(preludes[:-1], selector)) if selector else None
        if compiled is None:
            return None
        starts.append(compiled)
    if not starts:
        return None
    tests = [compiled[0] for compiled in starts]
    scope.start = tests[0] if len(tests) == 1 else (
        lambda el: next((hit for test in tests if (hit := test(el))), False))
    if outer is not None:
        # (a root inside another block is a match of the outer block's own: kept per
        # element, or each block inside another would multiply the walks up the page)
        scope.start = _per_element(scope.start)
    return _limited_by(scope, limit_text)


def _per_element(test: Callable[[Element], object]) -> Callable[[Element], object]:
    """``test``, its answer kept per element while the element lives (its page does)."""
    memo: weakref.WeakKeyDictionary[Element, object] = weakref.WeakKeyDictionary()

    def kept(el: Element) -> object:
        found = memo.get(el, memo)
        if found is memo:
            found = memo[el] = test(el)
        return found
    return kept


def _limited_by(scope: _Scope, limit_text: str | None) -> _Scope | None:
    """``scope`` with its stand-in registered and its limits compiled (None when they are
    not judged)."""
    _STAND_INS[scope.name] = scope
    if limit_text is not None:
        limits = []
        for selector in split_arguments(limit_text):
            compiled = compile_selector(_relative(selector, scope)) if selector else None
            if compiled is None:
                return None
            limits.append(compiled[0])
        scope.limit = limits[0] if len(limits) == 1 else _any_of(False, limits)
    return scope


def _relative(selector: str, scope: _Scope) -> str:
    """``selector``, written in ``scope``, as a selector of the page's elements with the
    root a stand-in pseudo-class (CSS Cascade 6, scoped style rules): ``:scope`` is the
    root, with a pseudo-class's specificity; ``&`` is the root with none
    (``:where(:scope)``, as in Chromium: csswg-drafts issue 9740); a selector with neither
    is relative to the root, as if it began with ``:where(:scope)`` and a descendant
    combinator (or its own leading combinator)."""
    stand_in = ":" + scope.name
    replaced = replace_roots(selector, stand_in, f":where({stand_in})")
    if replaced is not None:
        return replaced
    joiner = "" if selector[:1] in ">+~" else " "
    return f":where({stand_in}){joiner}{selector}"


def replace_roots(selector: str, scope: str, amp: str) -> str | None:
    """``selector`` with each ``:scope`` written as ``scope`` and each ``&`` as ``amp``, at
    any depth but not in strings; None when it holds neither."""
    out: list[str] = []
    at = 0
    for i in top_level(selector, "&:", nested=True):
        if selector[i] == ":":
            if not _SCOPE_WORD.match(selector, i + 1) or selector[i - 1:i] == ":":
                continue
            out.append(selector[at:i])
            out.append(scope)
            at = i + 6
        else:
            out.append(selector[at:i])
            out.append(amp)
            at = i + 1
    if not out:
        return None
    out.append(selector[at:])
    return "".join(out)


def _compile_scoped(selector: str) -> Compiled | None:
    """:func:`compile_selector` of a selector marked as in ``@scope`` blocks (:func:`scoped`).
    Its test gives, for an element it matches, 1 + the number of generations between the
    element and the root its match was found from, the nearest such root (CSS Cascade 6's
    scope proximity: the cascade prefers the fewest between two declarations of one
    specificity, and any over a declaration not in ``@scope``); a false value otherwise.
    Its specificity is the one CSS Cascade 6 gives (see :func:`_relative`). A root is an
    element the innermost block's ``<scope-start>`` matches (within the scope of the blocks
    around it); the element must be in its scope: the root or below it, with no limit
    (an element its ``<scope-end>`` matches, relative to that root) on the way. The other
    elements the selector reads may be outside the scope, as in browsers (``.x :scope p``,
    ``.limit + p``)."""
    preludes, rest = _marks(selector)
    scope = _scope_of(tuple(preludes)) if preludes and rest else None
    if scope is None:
        return None
    compiled = compile_selector(_relative(rest, scope))
    if compiled is None:
        return None
    test, specificity, above, own = compiled
    if test is never:
        return never, specificity, above, own
    return _scoped_test(scope, test), specificity, above, own


def _scoped_test(scope: _Scope, test: Matcher) -> Matcher:
    """The test of :func:`_compile_scoped`: ``test`` (the selector, its root the stand-in)
    tried from each root above the element or at it, the nearest first."""
    cell, start, limit, within = scope.cell, scope.start, scope.limit, scope.within

    def in_scope(el: Element) -> int:
        if within is not None and not within(el):
            return 0
        node: Element | None = el
        hops = 1
        while node is not None:
            if start(node):
                previous = getattr(cell, "root", None)
                cell.root = node
                try:
                    if (limit is None or not _limited(el, node, limit)) and test(el):
                        return hops
                finally:
                    cell.root = previous
            node = node.getparent()
            hops += 1
        return 0
    return in_scope  # type: ignore[return-value]  # (an int: the match's proximity)


def _limited(el: Element, root: Element, limit: Matcher) -> bool:
    """Whether a limit of the scope of ``root`` (bound) is ``el`` or stands between them
    (the root itself only where the ``<scope-end>`` says ``:scope``)."""
    node: Element | None = el
    while node is not None:
        if limit(node):
            return True
        if node is root:
            return False
        node = node.getparent()
    return False


def closing(text: str, start: int) -> int | None:
    """Where the parenthesis opened just before ``start`` closes (quotes and escapes read).
    Read from ``start`` to there only: a selector of thousands of groups (``&&&...`` nested)
    read to its end for each made the joined selector's compile quadratic."""
    closes = top_level(text, ")", start=start, first=True)
    return closes[0] if closes else None


def split_arguments(text: str) -> list[str]:
    """A selector list split at its top-level commas (an empty part kept: not judged)."""
    bounds = [-1, *top_level(text, ","), len(text)]
    return [text[a + 1:b].strip() for a, b in itertools.pairwise(bounds)]


def top_level(text: str, wanted: str, nested: bool = False, start: int = 0,
              first: bool = False) -> list[int]:
    """Positions of the characters in ``wanted`` that stand outside quotes, brackets and
    parentheses, and are not escaped: where a selector list or a selector splits (a ``)``
    or ``]`` wanted: where an unclosed one closes). ``nested``: inside brackets and
    parentheses too. ``start``: read from there; ``first``: only the first one."""
    found = []
    depth, quote, escaped = 0, "", -1
    # Only escapes, quotes, brackets and the wanted characters change anything: visit those
    # (a regex finds them at C speed; long selectors made a loop over every character show).
    for match in _structure(wanted).finditer(text, start):
        i = match.start()
        if i == escaped:
            continue                    # the character after a backslash
        char = match.group()
        if char == "\\":
            escaped = i + 1
        elif quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in wanted and (depth == 0 or nested):
            found.append(i)
            if first:
                break
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
    return found


@functools.lru_cache(maxsize=16)
def _structure(wanted: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape("\\\"'()[]" + wanted) + "]")


def _from_cssselect(selector: str) -> Compiled | None:
    """:func:`compile_selector` through cssselect's parse (what the regex reader does not
    read; the reference the tests hold the reader to)."""
    try:
        parsed = parse(selector)
    except (SelectorError, ValueError, TypeError, IndexError, RecursionError):
        return None
    if len(parsed) != 1 or parsed[0].pseudo_element is not None:
        return None
    try:
        tree = parsed[0].parsed_tree
        subject = (tree.subselector  # type: ignore[union-attr]  # (a CombinedSelector's)
                   if type(tree).__name__ == "CombinedSelector" else tree)
        return (_compile(tree), parsed[0].specificity(), frozenset(_ancestor_keys(tree)),
                frozenset(_compound_keys(subject)))
    except (Unsupported, AttributeError, TypeError, ValueError, RecursionError):
        return None


# -- the regex reader -------------------------------------------------------------------------
#
# Nearly every selector of a news site's stylesheets is a chain of compounds of a tag, classes,
# ids, attribute selectors and pseudo-classes (with :not() of one compound and :nth-child(an+b)
# and its siblings) joined by combinators (".card .title", "nav > ul li.active",
# "a[href^='/']:hover", "li:not(.ad):nth-of-type(2n+1)"). cssselect's parse of one costs
# ~200 us, more than a page's matching against it, so these are read here with regular
# expressions, into the same tests :func:`_compile` makes from cssselect's tree; a compound is
# read once and its test shared by every selector that has it. What is read is a subset of
# cssselect's grammar, read as cssselect reads it: identifiers are the plain ASCII ones (no
# escapes, no digit or "--" first), strings have no escapes. Anything else goes to cssselect.

_WS = r"[ \t\n\r\f]"
_IDENT = r"-?[_a-zA-Z][-_a-zA-Z0-9]*"
_NAME = r"[-_a-zA-Z0-9]+"          # what cssselect reads after "#"
_QUOTED = r"\"[^\"\\\x00\n\r\f\ud800-\udfff]*\"|'[^'\\\x00\n\r\f\ud800-\udfff]*'"
_NTH = (r"[nN][tT][hH]-(?:[lL][aA][sS][tT]-)?"
        r"(?:[cC][hH][iI][lL][dD]|[oO][fF]-[tT][yY][pP][eE])")
_AN_PLUS_B = (rf"[-+]?[0-9]*[nN](?:{_WS}*[-+]{_WS}*[0-9]+)?|[-+]?[0-9]+"
              r"|[oO][dD][dD]|[eE][vV][eE][nN]")
AN_PLUS_B = _AN_PLUS_B      # (the pattern of an An+B series: supports reads it too)
# (_with_complex_arguments) The "of" of ":nth-child(An+B of S)", and its An+B
_OF = re.compile(rf"{_WS}+of{_WS}+")     # (in lower case only, as Chromium reads it)
_SERIES = re.compile(rf"{_WS}*(?:{_AN_PLUS_B}){_WS}*")


def nth_series(text: str) -> bool:
    """Whether ``text`` is an An+B series as Chromium reads one (``odd``, ``2n+1``,
    ``-n + 3``; white space around it), the argument of ``:nth-of-type()`` and the part of
    ``:nth-child()``'s before "of"."""
    return _SERIES.fullmatch(text) is not None


def _part_pattern(capture: bool, inner: str = "") -> str:
    """One part of a compound after its tag: ``.class``, ``#id``, a pseudo-class, an attribute
    selector, an nth pseudo-class, and (``inner``: the compound it takes) ``:not()``. With
    ``capture``, the groups :func:`_compound` reads: 1 class, 2 id, 3 pseudo-class, 4-9
    attribute (name, operator, identifier, flag, quoted string, flag), 10-11 nth pseudo-class
    and argument, 12 the compound inside :not()."""
    def group(pattern: str) -> str:
        return f"({pattern})" if capture else f"(?:{pattern})"
    attribute = (
        rf"\[{_WS}*{group(_IDENT)}{_WS}*(?:{group('[~|^$*!]?=')}{_WS}*"
        rf"(?:{group(_IDENT)}(?:{_WS}+{group('[iIsS]')})?"
        rf"|{group(_QUOTED)}{_WS}*{group('[iIsS]')}?){_WS}*)?\]")
    parts = [rf"\.{group(_IDENT)}", f"#{group(_NAME)}",
             rf":{group(_IDENT)}(?![-_a-zA-Z0-9(])", attribute,
             rf":{group(_NTH)}\({_WS}*{group(_AN_PLUS_B)}{_WS}*\)"]
    if inner:
        parts.append(rf":[nN][oO][tT]\({_WS}*{group(inner)}{_WS}*\)")
    return "|".join(parts)


_INNER = rf"(?:\*|{_IDENT})?(?:{_part_pattern(False)})*"     # a compound without :not()
_ANY_PART = _part_pattern(False, _INNER)
_PART = re.compile(_part_pattern(True, _INNER))
_COMPOUND = re.compile(rf"(\*|{_IDENT})?((?:{_ANY_PART})*)")
# A selector as (combinator, compound) pairs; the combinator is empty before the first.
_STEP = re.compile(rf"({_WS}*[>+~]{_WS}*|{_WS}+)?((?:\*|{_IDENT})?(?:{_ANY_PART})*)")
# CSS 2's pseudo-elements written with one colon (cssselect reads them as pseudo-elements)
_LEGACY_PSEUDO_ELEMENTS = frozenset(("before", "after", "first-line", "first-letter"))
_SPACE = " \t\n\r\f"


# Characters after which a selector is read by _STEP whole (see _read): _STEP's white space
# includes four more than the space
_STEPPED = ("\t", "\n", "\r", "\f")
_COMBINATORS = frozenset((">", "+", "~"))


def _read(selector: str) -> Compiled | Literal[False] | None:
    """:func:`compile_selector` for a selector the regex reader reads; False when it reads it
    and cssselect's tree is never judged either (an unknown pseudo-class); None when it is not
    read here.

    A selector without white space but spaces (nearly all) is split at its spaces and
    combinators by str methods and each part read as a compound (:func:`_compound`,
    memoised), rather than read whole by :data:`_STEP`, whose alternatives cost the regular
    expression engine some 20,000 instructions a selector (30,000 with brackets). Both read
    the same chain (see :func:`_steps_read`, which the tests compare with this); a part that
    is no compound, or never judged, is left to _STEP to say which (it reads the whole
    selector first), but a combinator out of place makes it None, as _STEP meets it before
    any part after it.

    Brackets and parentheses (``a[href^=x]``, ``li:not(.ad)``) do not stop the split: the
    split is _STEP's wherever no group holds a space or a combinator's character. Where one
    does (``:nth-child(2n+1)``, ``[class~=a]``, ``:not( .a )``), the part that opens the
    group is cut before its closer, and no compound is cut so (each bracket or parenthesis
    of a compound closes in it): that part is no compound, and _STEP reads the selector,
    before any combinator found inside the group is judged out of place."""
    text = selector.strip(_SPACE)
    if not text:
        return None
    for char in _STEPPED:
        if char in text:
            return _steps_read(text)
    spaced = text
    if ">" in text or "+" in text or "~" in text:
        spaced = text.replace(">", " > ").replace("+", " + ").replace("~", " ~ ")
    compounds: list[tuple[str, _Compound]] = []
    symbol = ""
    for part in spaced.split(" "):
        if not part:
            continue            # (runs of spaces)
        if part in _COMBINATORS:
            if symbol in _COMBINATORS or not compounds:
                return None     # two combinators, or one before the first compound
            symbol = part
            continue
        compound = _compound(part)
        if not compound:
            return _steps_read(text)
        compounds.append((symbol, compound))
        symbol = " "
    if symbol in _COMBINATORS:
        return None             # a combinator with no compound after it
    return _chain(compounds)


def _steps_read(text: str) -> Compiled | Literal[False] | None:
    """:func:`_read` of a stripped selector through :data:`_STEP`, for any selector (the
    reference the split of :func:`_read` is held to)."""
    steps = _STEP.findall(text)
    if not text or sum(len(symbol) + len(part) for symbol, part in steps) != len(text):
        return None             # not one chain of compounds
    compounds: list[tuple[str, _Compound]] = []
    for symbol, part in steps:
        if not part:
            if symbol:
                return None
            continue            # findall's empty match at the end
        if (not symbol) != (not compounds):
            return None
        compound = _compound(part)
        if not compound:
            return compound
        compounds.append((symbol.strip(_SPACE) or " ", compound))
    return _chain(compounds)


def _chain(compounds: list[tuple[str, _Compound]]) -> Compiled:
    """The compiled selector of its compounds, each with the combinator before it."""
    test, (a, b, c), keys = compounds[0][1]
    above: set[str] = set()
    # while ``test`` is a run of descendant combinators: its last compound's test and the
    # tests of the compounds before, innermost first (see _descendants)
    run: tuple[Matcher, tuple[Matcher, ...]] | None = None
    for symbol, (right, (a2, b2, c2), right_keys) in compounds[1:]:
        if symbol in " >":
            above |= keys
        if symbol == " " and test is not never and right is not never:
            tests = (run[0], *run[1]) if run is not None else (test,)
            test = _descendants(right, tests)
            run = (right, tests)
        else:
            test = _combine(test, symbol, right)
            run = None
        a, b, c = a + a2, b + b2, c + c2
        keys = right_keys
    return test, (a, b, c), frozenset(above), keys


# A compound of a tag, classes and ids only: _COMPOUND's reading of one without ":" or "["
# (no pseudo-class, attribute selector or :not() can be in it), and its classes and ids as
# written (".name", "#name": each part runs to the next "." or "#", as _PART reads it)
_PLAIN_COMPOUND = re.compile(rf"(\*|{_IDENT})?(?:\.{_IDENT}|#{_NAME})*")
_PLAIN_PART = re.compile(r"[.#][-_a-zA-Z0-9]+")


@functools.lru_cache(maxsize=16384)
def _compound(text: str, negated: bool = False
              ) -> _Compound | Literal[False] | None:
    """One compound's test (what :func:`_compile` makes of its cssselect tree), specificity,
    and the ids, classes and tag it requires (not those inside :not()); False when never
    judged, None when not read here. ``negated``: the compound inside :not().

    A tag, classes and ids only (two thirds of compounds, ``.card__title``) are read by
    :data:`_PLAIN_COMPOUND`, not by :data:`_COMPOUND` and :data:`_PART`, whose alternatives
    cost the regular expression engine some 20,000 instructions a compound."""
    if ":" not in text and "[" not in text:
        return _plain_compound_read(text)
    return _compound_read(text, negated)


def _plain_compound_read(text: str) -> _Compound | None:
    """:func:`_compound` of a text without ":" or "[" (the tests hold it to
    :func:`_compound_read`)."""
    found = _PLAIN_COMPOUND.fullmatch(text)
    if not text or found is None:
        return None
    tag = found.group(1)
    tag = None if tag is None or tag == "*" else tag.lower()
    idents: list[str] = []
    names: list[str] = []
    keys: set[str] = set()
    if found.end(1) != len(text):
        for part in _PLAIN_PART.findall(text):
            keys.add(part)
            if part[0] == ".":
                names.append(part[1:])
            else:
                idents.append(part[1:])
    if tag is not None:
        keys.add(tag)
    return (_plain_compound(tag, idents, names),
            (len(idents), len(names), 0 if tag is None else 1), frozenset(keys))


def _compound_read(text: str, negated: bool = False
                   ) -> _Compound | Literal[False] | None:
    """:func:`_compound` of any text, read by :data:`_COMPOUND` and :data:`_PART`."""
    found = _COMPOUND.fullmatch(text)
    if not text or found is None:
        return None
    tag = found.group(1)
    tag = None if tag in (None, "*") else tag.lower()
    idents: list[str] = []
    names: list[str] = []
    rest: list[tuple] = []
    # the keys it requires, gathered as its parts are read (a set comprehension and a
    # generator after the loop cost a Python frame each, more than the adds)
    keys: set[str] = set()
    a, b, c = 0, 0, 0 if tag is None else 1
    parts = found.group(2)
    for (name, ident, pseudo, attribute, operator, word, flag, quoted, flag2, nth, argument,
         inner) in _PART.findall(parts) if parts else ():
        if name:
            names.append(name)
            keys.add("." + name)
            b += 1
        elif ident:
            idents.append(ident)
            keys.add("#" + ident)
            a += 1
        elif pseudo:
            pseudo = pseudo.lower()
            if pseudo in _LEGACY_PSEUDO_ELEMENTS or (
                    pseudo not in _AT_REST and pseudo not in _PSEUDO_TESTS
                    and pseudo not in _STAND_INS):
                return False
            if pseudo == "scope":
                return None     # cssselect takes it only at the start of a selector
            rest.append(("pseudo", pseudo))
            b += 1
        elif attribute:
            if operator:
                value = word or quoted[1:-1]
                rest.append(("attribute", attribute, operator, value, flag or flag2 or None))
            else:
                rest.append(("attribute", attribute, "exists", "", None))
            b += 1
        elif nth:
            rest.append(("nth", nth.lower(), *_an_plus_b(argument)))
            b += 1
        else:                   # :not(inner)
            if negated:
                return None     # cssselect reads no :not() inside :not()
            sub = _compound(inner, True)
            if not sub:
                return sub
            rest.append(("not", sub[0]))
            a, b, c = a + sub[1][0], b + sub[1][1], c + sub[1][2]
    test = _plain_compound(tag, idents, names)
    for item in rest:
        kind = item[0]
        if kind == "pseudo":
            test = _pseudo(item[1], test)
        elif kind == "attribute":
            test = _attrib_test(*item[1:], test)  # type: ignore[call-arg]  # (rest's tuples)
        elif kind == "nth":
            test = _nth_test(*item[1:], test)  # type: ignore[call-arg]
        else:
            test = _negation(test, item[1])
    if tag is not None:
        keys.add(tag)
    return test, (a, b, c), frozenset(keys)


def _negation(base: Matcher, sub: Matcher) -> Matcher:
    if base is _always:
        return lambda el: not sub(el)
    return lambda el: base(el) and not sub(el)


def _an_plus_b(text: str) -> tuple[int, int]:
    """(a, b) of an ``an+b`` argument the reader took, as cssselect's ``parse_series``."""
    text = "".join(text.split()).lower()
    if text == "odd":
        return 2, 1
    if text == "even":
        return 2, 0
    if "n" not in text:
        return 0, integer(text)
    a, b = text.split("n", 1)
    return (integer(a + "1") if a in ("", "-", "+") else integer(a)), (integer(b) if b else 0)


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
            return _always
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


def _descendants(right: Matcher, tests: tuple[Matcher, ...]) -> Matcher:
    """A run of descendant combinators, ``A B C`` (``right``: C; ``tests``: B then A): the
    element matches ``right`` and has an ancestor matching B that has one matching A. The
    lowest ancestor matching B is the one to try: any higher one's ancestors are among its
    own. So one walk up the ancestors finds each test's match above the last one's, where
    nested descendant tests walk again above every ancestor B matches (a ``div`` or ``li``
    in the middle of a selector, and deep trees: quadratic. The step-9 pages' matches
    replayed: 119.3 -> 110.1 M instructions, 0.44 M a page)."""
    if len(tests) == 1:
        return _combine(tests[0], " ", right)

    def descendants(el: Element) -> bool:
        if not right(el):
            return False
        # one iterator for the whole walk: any() stops at a test's match, and the next
        # test goes on from the ancestor above it
        up = el.iterancestors()
        for test in tests:  # noqa: SIM110 (a loop: all() of a generator costs a frame)
            if not any(map(test, up)):
                return False
        return True
    return descendants


def _combine(left: Matcher, symbol: str, right: Matcher) -> Matcher:
    """``left`` and ``right`` joined by a combinator: for the regex reader's compounds and for
    :func:`_compile`'s cssselect trees alike."""
    if left is never or right is never:
        # a side that never matches at rest (``.menu:hover .item``): nor does the whole,
        # and a descendant's test would call it on every ancestor of each element it is
        # tried on
        return never
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
    return lambda el: right(el) and any(
        left(s) for s in el.itersiblings(etree.Element, preceding=True))


# -- selectors this module does not judge, widened ----------------------------------------------
#
# A vendor pseudo-class not evaluated (one a later Chromium may add), or a state not judged
# in the S of ``:nth-child(An+B of S)``, makes a selector one the cascade skips. For the
# "may be hidden" answer (Cascade.undecided) such a selector is widened to one that matches
# at least the elements it matches: ``:nth-child(An+B of S)`` (and ``nth-last-child``) only
# matches elements that match S, so it becomes ``:is(S)``; a vendor pseudo-class is dropped
# (it may hold, in some browser), and so is a ``:not()`` that holds one (it may not hold).
# Vendor user-action states stay decided at rest, as the standard ones (:data:`_AT_REST`): a
# selector that requires one cannot match.

_VENDOR = re.compile(r":-(?:webkit|moz|ms|o)-([-\w]+)(\((?:[^()]|\([^()]*\))*\))?", re.I)
_NOT_WITH_VENDOR = re.compile(r":not\((?:[^()]|\([^()]*\))*?:-(?:webkit|moz|ms|o)-"
                              r"(?:[^()]|\([^()]*\))*\)", re.I)
_NTH_OF = re.compile(r":nth-(?:last-)?child\(\s*[-+\w\s]*?\s+of\s+((?:[^()]|\([^()]*\))+)\)",
                     re.I)
# The states of UNJUDGED_STATES, and a :not() that holds one (both dropped by widened)
_STATE_NAMES = "|".join(sorted(UNJUDGED_STATES, key=len, reverse=True))
_STATE = re.compile(rf":(?:{_STATE_NAMES})(?![-\w(])", re.I)
_NOT_WITH_STATE = re.compile(rf":not\((?:[^()]|\([^()]*\))*?:(?:{_STATE_NAMES})(?![-\w(])"
                             r"(?:[^()]|\([^()]*\))*\)", re.I)
# Vendor names of user-action or transient states, and of pseudo-elements written with one
# colon: they never make an element at rest hidden
_VENDOR_STATES = ("full-screen", "fullscreen", "focusring", "autofill", "ui-invalid",
                  "ui-valid", "prefocus", "drag-over", "window-inactive")
_VENDOR_PARTS = ("scrollbar", "placeholder", "selection", "button", "thumb", "track", "spin",
                 "decoration", "swatch", "media-", "clear", "reveal", "expand", "fill-",
                 "inner", "outer", "resizer", "meter", "progress", "slider", "range-",
                 "details-marker", "file-upload", "calendar", "datetime")


_WIDENED_CHARS = 2000      # longer selectors widen to any element (the patterns are not linear)


def widened(selector: str) -> tuple[str, str] | None:
    """A selector that matches at least every element ``selector`` matches, and why
    ``selector`` is not judged; None when it is judged (or may not be widened: a vendor
    state at rest, a vendor pseudo-element)."""
    if compile_selector(selector) is not None or "::" in selector:
        return None
    if too_deep(selector):
        return "*", f"selectors nested deeper than {_MAX_NESTING} levels are not evaluated"
    if len(selector) > _WIDENED_CHARS:
        return "*", f"selectors longer than {_WIDENED_CHARS:,} characters are not evaluated"
    text, why = selector, ""
    if "of" in text and _NTH_OF.search(text):
        text = _NTH_OF.sub(lambda found: f":is({found.group(1).strip()})", text)
        why = ":nth-child(... of S) is not evaluated"
    if ":-" in text:
        first = _VENDOR.search(text)
        if first is None:
            return None
        text = _NOT_WITH_VENDOR.sub("", text)
        for found in _VENDOR.finditer(text):
            name = found.group(1).lower()
            if name in _VENDOR_STATES or any(part in name for part in _VENDOR_PARTS):
                return None         # requires a state at rest, or a pseudo-element
        text = _VENDOR.sub("", text)
        why = why or f"the vendor pseudo-class {first.group(0)} is not evaluated"
    if ":" in text and (state := _STATE.search(text)) is not None:
        text = _STATE.sub("", _NOT_WITH_STATE.sub("", text))
        why = why or f"the pseudo-class {state.group(0)} is not evaluated"
    if not why or compile_selector(text) is None:
        return None
    return text, why
