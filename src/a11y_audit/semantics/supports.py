"""``@supports`` conditions, answered as Chromium answers them (knowledge floor: no Page).

A site's stylesheet asks ``@supports`` two kinds of question. Most ask for a feature every
current browser has (``(display: grid)``, ``(position: sticky)``), and a few ask for one that
only another engine has, to aim a fix at it: ``(-ms-ime-align: auto)`` for the old Edge,
``(-moz-appearance: none)`` for Firefox, ``(-webkit-overflow-scrolling: touch)`` for iOS
Safari. Chromium, where axe-core runs, applies the first and not the second, and so does
:func:`supports`: a declaration is supported when Chromium knows its property
(:data:`a11y_audit.knowledge.css_support.PROPERTIES`, read off the browser) and its value
holds no vendor keyword or function Chromium does not take; ``display`` values are checked
against Chromium's. Other values are taken as valid (``(color: foo)`` is not, in a browser:
no site asks that). ``selector()`` checks the pseudo-classes and pseudo-elements the
selector names, ``font-tech()``, ``font-format()`` and ``at-rule()`` their keywords. The
grammar is CSS Conditional 5's: ``not``, ``and`` and ``or`` (not mixed without parentheses),
an unknown function or parenthesised text is false (``not foo(x)`` holds), and a condition
that does not parse makes the whole rule invalid: it does not apply.

Selectors are read as Chromium reads them too (:func:`chromium_prelude`): a selector with a
pseudo-class or pseudo-element Chromium does not know (``:-moz-focusring``,
``::-ms-clear``, ``:-webkit-scrollbar`` with one colon) is invalid, and so is one whose
functional pseudo-class has an argument Chromium does not read (``:nth-child(2n+)``,
``:nth-child(1 OF .a)``, ``:lang(en, fr)``, ``:not()``, ``:has(:has(a))``, ``:hover(a)``)
or that holds a parenthesis closing none. One invalid selector makes a rule's whole
selector list invalid (``.a, .b:-moz-placeholder { ... }`` applies to no ``.a``), except in
the forgiving lists of ``:is()`` and ``:where()``, which drop the invalid argument and keep
the others. Chromium takes any ``::-webkit-`` pseudo-element.
"""

from __future__ import annotations

import functools
import re

import tinycss2
from tinycss2 import ast

from a11y_audit.knowledge.css_support import (
    AT_RULES,
    DISPLAY_VALUES,
    FONT_FORMAT,
    FONT_TECH,
    PROPERTIES,
    PSEUDO_CLASSES,
    PSEUDO_ELEMENTS,
    VENDOR_VALUES,
)
from a11y_audit.semantics.selectors import (
    AN_PLUS_B,
    SCOPE_MARK,
    closing,
    nth_series,
    split_arguments,
    top_level,
)


class _Invalid(Exception):
    """The condition does not parse: the ``@supports`` rule is dropped."""


# The CSS-wide keywords (CSS Values 4, 3.1.1): a value of any property, but only alone
WIDE_KEYWORDS = frozenset(("initial", "inherit", "unset", "revert", "revert-layer"))
# The components of a multi-keyword display value (CSS Display 3: outside, inside, list-item)
_DISPLAY_PARTS = frozenset(("block", "inline", "run-in", "flow", "flow-root", "table", "flex",
                            "grid", "ruby", "list-item", "math"))
_VENDOR = re.compile(r"-(?!-)[a-z]+-", re.I)       # -webkit-, -moz-, -ms-, -o-...
_LEGACY_ELEMENTS = frozenset(("before", "after", "first-line", "first-letter"))


@functools.lru_cache(maxsize=1024)
def supports(condition: str, quirks: bool = False) -> bool:
    """Whether Chromium applies an ``@supports`` rule with this condition (its prelude), in
    a sheet of a page in quirks mode if ``quirks`` (whose values take the quirks:
    :func:`a11y_audit.semantics.css.quirky_value`)."""
    try:
        return _condition(_significant(tinycss2.parse_component_value_list(condition)),
                          quirks)
    except (_Invalid, RecursionError):
        return False


def import_supports(condition: str, quirks: bool = False) -> bool:
    """The ``supports()`` of an ``@import``: a condition or one declaration
    (``supports(display: grid)``)."""
    tokens = _significant(tinycss2.parse_component_value_list(condition))
    if len(tokens) >= 2 and isinstance(tokens[0], ast.IdentToken) and (
            tokens[0].lower_value != "not" and isinstance(tokens[1], ast.LiteralToken)
            and tokens[1].value == ":"):
        return supports(f"({condition})", quirks)
    return supports(condition, quirks)


def _significant(tokens: list[ast.Node]) -> list[ast.Node]:
    return [token for token in tokens
            if not isinstance(token, (ast.WhitespaceToken, ast.Comment))]


def _condition(tokens: list[ast.Node], quirks: bool) -> bool:
    if not tokens:
        raise _Invalid
    first = tokens[0]
    if isinstance(first, ast.IdentToken) and first.lower_value == "not":
        if len(tokens) != 2:
            raise _Invalid
        return not _in_parens(tokens[1], quirks)
    values = [_in_parens(first, quirks)]
    joins = set()
    rest = tokens[1:]
    if len(rest) % 2:
        raise _Invalid
    for join, operand in zip(rest[::2], rest[1::2], strict=True):
        if not isinstance(join, ast.IdentToken) or join.lower_value not in ("and", "or"):
            raise _Invalid
        joins.add(join.lower_value)
        values.append(_in_parens(operand, quirks))
    if len(joins) > 1:
        raise _Invalid          # "a and b or c": mixed without parentheses
    return any(values) if joins == {"or"} else all(values)


def _in_parens(token: ast.Node, quirks: bool) -> bool:
    if isinstance(token, ast.FunctionBlock):
        return _function(token)
    if not isinstance(token, ast.ParenthesesBlock):
        raise _Invalid
    content = _significant(token.content)
    if not content:
        return False            # "()": general-enclosed
    first = content[0]
    if isinstance(first, (ast.ParenthesesBlock, ast.FunctionBlock)) or (
            isinstance(first, ast.IdentToken) and first.lower_value == "not"):
        try:
            return _condition(content, quirks)
        except _Invalid:
            return False        # general-enclosed: "((a: b) c)"
    if (len(content) >= 2 and isinstance(first, ast.IdentToken)
            and isinstance(content[1], ast.LiteralToken) and content[1].value == ":"):
        return _declaration(first.value, token.content, quirks)
    return False                # general-enclosed: "(a b)"


def _function(token: ast.FunctionBlock) -> bool:
    name = token.lower_name
    arguments = _significant(token.arguments)
    if name == "selector":
        return _selector(tinycss2.serialize(token.arguments))
    if name in ("font-tech", "font-format"):
        known = FONT_TECH if name == "font-tech" else FONT_FORMAT
        return (len(arguments) == 1 and isinstance(arguments[0], ast.IdentToken)
                and arguments[0].lower_value in known)
    if name == "at-rule":
        return (len(arguments) == 1 and isinstance(arguments[0], ast.AtKeywordToken)
                and arguments[0].lower_value in AT_RULES)
    return False                # general-enclosed: "foo(x)"


def _declaration(name: str, content: list[ast.Node], quirks: bool) -> bool:
    """``(name: value)``: the tokens of the parentheses' content, the name's included."""
    colon = next(i for i, token in enumerate(content)
                 if isinstance(token, ast.LiteralToken) and token.value == ":")
    value = _significant(content[colon + 1:])
    if name.startswith("--"):
        return True             # a custom property takes any value, none included
    if len(value) >= 2 and isinstance(value[-1], ast.IdentToken) and (
            value[-1].lower_value == "important"
            and isinstance(value[-2], ast.LiteralToken) and value[-2].value == "!"):
        value = value[:-2]
    if not value or any(isinstance(token, ast.LiteralToken) and token.value in (";", "!", ":")
                        for token in value):
        # "(display:)", "(display: grid; color: red)", the old Internet Explorer's filters
        # ("progid:DXImageTransform...")
        return False
    name = name.lower()
    if name not in PROPERTIES:
        return False
    if any(isinstance(token, ast.FunctionBlock) and token.lower_name in ("var", "env", "attr")
           for token in value):
        return True             # resolved at computed-value time: any value parses
    if len(value) == 1 and isinstance(value[0], ast.IdentToken) and (
            value[0].lower_value in WIDE_KEYWORDS):
        return True
    if name == "display":
        words = [token.lower_value for token in value if isinstance(token, ast.IdentToken)]
        return len(words) == len(value) and display_valid(words)
    # the values the cascade drops (a colour, keyword or background Chromium does not take:
    # css.value_valid; imported here, as css imports this module; supports() is memoised)
    from a11y_audit.semantics.css import value_valid
    if value_valid(name, tinycss2.serialize(value), quirks) is False:
        return False
    return _plain_value(value)


def display_valid(words: list[str]) -> bool:
    """Whether Chromium takes a ``display`` value of these keywords (lower case): one of its
    values, or the outside and inside keywords of CSS Display 3 (``block flex``, ``inline
    flow-root``, ``list-item block flow``), each once."""
    if len(words) == 1:
        return words[0] in DISPLAY_VALUES
    return len(set(words)) == len(words) and all(word in _DISPLAY_PARTS for word in words)


def _plain_value(tokens: list[ast.Node]) -> bool:
    """No vendor keyword or function Chromium does not take, at any depth."""
    for token in tokens:
        if isinstance(token, ast.IdentToken):
            word = token.lower_value
        elif isinstance(token, ast.FunctionBlock):
            word = token.lower_name
            if not _plain_value(token.arguments):
                return False
        elif isinstance(token, (ast.ParenthesesBlock, ast.SquareBracketsBlock)):
            if not _plain_value(token.content):
                return False
            continue
        else:
            continue
        if _VENDOR.match(word) and word not in VENDOR_VALUES:
            return False
    return True


def _selector(text: str) -> bool:
    """``selector(S)``: S one complex selector that Chromium reads whole (a forgiving
    argument it would leave out, ``:is(:foo)``, makes it unsupported), with no combinator
    at either end (its syntax is not checked further)."""
    text = text.strip()
    if not text or text[0] in ">+~" or text[-1] in ">+~" or len(split_arguments(text)) > 1:
        return False
    try:
        return _one_selector(text, argument=False) == text
    except RecursionError:
        return False


# -- selectors ----------------------------------------------------------------------------

# A pseudo-class or pseudo-element (its colons and name), as the fast path of
# chromium_prelude reads them: outside strings, brackets and escapes this is every one
_PSEUDO_TOKEN = re.compile(r"(::?)(-?[_a-zA-Z][-_a-zA-Z0-9]*)")
_FORGIVING = frozenset(("is", "where"))
# Functional pseudo-classes whose arguments are selector lists, unforgiving (one invalid
# argument makes the selector invalid)
_SELECTOR_ARGUMENTS = frozenset(("not", "has", "-webkit-any", "host", "host-context"))
_NTH_OF = frozenset(("nth-child", "nth-last-child"))
_NTH = frozenset(("nth-of-type", "nth-last-of-type"))
_COMPOUND_ARGUMENT = frozenset(("host", "host-context"))
# Functional pseudo-classes whose argument is one identifier, or a list of them
_IDENT_ARGUMENT = frozenset(("dir", "lang", "state"))
_IDENT_LIST_ARGUMENT = frozenset(("active-view-transition-type",))
_ESCAPE = r"\\(?:[0-9a-fA-F]{1,6}(?:\r\n|[ \t\n\r\f])?|[^\n\r\f0-9a-fA-F])"
_IDENT = re.compile(rf"(?:--|-?(?:[_a-zA-Z]|[^\x00-\x7f]|{_ESCAPE}))"
                    rf"(?:[-_a-zA-Z0-9]|[^\x00-\x7f]|{_ESCAPE})*")
_CSS_WS = " \t\n\r\f"
_CSS_WS_CLASS = "[ \t\n\r\f]"
_COMBINATOR_CHARS = " \t\n\r\f>+~"     # (whitespace inside a compound is in its arguments)
_NOTHING = ":not(*)"          # what an :is() with no valid argument left matches


@functools.lru_cache(maxsize=8192)
def chromium_prelude(prelude: str) -> str | None:
    """A style rule's selector list as Chromium reads it: None when one of its selectors is
    invalid (the rule is dropped), else the list with the invalid arguments of ``:is()``
    and ``:where()`` left out (the prelude itself where there are none).

    Most lists name only pseudo-classes and pseudo-elements Chromium knows, outside any
    argument: their names (:data:`_PSEUDO_NAMES`) and, where the list has a parenthesis, a
    look at its pseudo-elements tell, and only the others are read character by character
    (a set of ~150 names in a lookahead of one search cost eight times as much). The
    arguments of functional pseudo-classes are read too, but for the forgiving ``:is()``
    and ``:where()`` and what :data:`_PLAIN_FUNCTIONAL` sees to be valid at a glance."""
    if ")" in prelude and (prelude.count(")") != prelude.count("(")
                           or prelude.find(")") < prelude.find("(")) and top_level(
            prelude, ")", first=True):
        # a parenthesis that closes none (where as many open, one of them before it, one
        # opened after it is left open too: its rule runs to the end of the sheet in a
        # browser, which is not read so here)
        return None
    if ":" not in prelude:
        return prelude
    names = _PSEUDO_NAMES.findall(prelude)
    if not _KNOWN.issuperset(names):
        names = [name.lower() for name in names]
        known = _KNOWN.issuperset(names) or all(
            name in _KNOWN or name.startswith("::-webkit-") for name in names)
    else:
        known = True
    if known:
        opened = prelude.find("(")
        if opened < 0:
            return prelude
        # (the arguments of the others are read: their syntax is checked; the forgiving
        # :is() and :where() leave out what they cannot read, as the selector engine does)
        checked = [name for name in _FUNCTIONAL.findall(prelude)
                   if name.lower() not in _FORGIVING]
        if not checked or len(_PLAIN_FUNCTIONAL.findall(prelude)) == len(checked):
            if not any(name[1] == ":" or name in _LEGACY_TOKENS for name in names):
                return prelude
            for element in _ELEMENT.finditer(prelude, opened):
                at = element.start()
                if prelude.count("(", 0, at) != prelude.count(")", 0, at):
                    break       # a pseudo-element in an argument: read it all
            else:
                return prelude
    if prelude.startswith(SCOPE_MARK):
        return prelude      # a rule of an @scope block, read before it was marked (css)
    try:
        return _selector_list(prelude, forgiving=False, argument=False)
    except RecursionError:
        return None


# The pseudo-classes and pseudo-elements of a selector list, each with its colons, as
# chromium_prelude's first reading (an escaped colon, ``.md\:flex`` in utility classes, is
# part of a name), and those Chromium knows (any "::-webkit-" pseudo-element too: below)
_PSEUDO_NAMES = re.compile(r":(?<!\\:):?-?[_a-zA-Z][-_a-zA-Z0-9]*")   # (":" first: searched fast)
_LEGACY_TOKENS = frozenset(f":{name}" for name in _LEGACY_ELEMENTS)
# A functional pseudo-class or pseudo-element (its name, without the colons)
_FUNCTIONAL = re.compile(r":(?<!\\:):?(-?[_a-zA-Z][-_a-zA-Z0-9]*)\(")
# The functional pseudo-classes most sheets write, whose argument is seen to be valid at a
# glance: an An+B series, or a :not() of a selector without parentheses, brackets, strings,
# escapes, commas or a combinator at an end (the others are read in full)
_PLAIN_FUNCTIONAL = re.compile(
    rf":(?<!\\:)(?:nth-(?:last-)?(?:child|of-type)\({_CSS_WS_CLASS}*(?:{AN_PLUS_B})"
    rf"{_CSS_WS_CLASS}*\)|not\({_CSS_WS_CLASS}*[^\s()>+~,\\\[\]\"']"
    rf"[^()\\\[\]\"',]*?(?<![\s>+~]){_CSS_WS_CLASS}*\))", re.I)
_KNOWN = frozenset((*(f":{name}" for name in PSEUDO_CLASSES | _LEGACY_ELEMENTS),
                    *(f"::{name}" for name in PSEUDO_ELEMENTS)))
_ELEMENT = re.compile(r"::|:(?:before|after|first-line|first-letter)(?![-\w])", re.I)


def _compound(text: str) -> bool:
    """Whether ``text`` is what Chromium takes for an argument of ``:-webkit-any()``: a
    compound selector, whose ``:not()`` holds compounds too, and no ``:has()`` (``:is()``
    and ``:where()`` may hold complex selectors)."""
    if top_level(text, _COMBINATOR_CHARS):
        return False
    for found in _NOT_OR_HAS.finditer(text):
        if text.count("(", 0, found.start()) != text.count(")", 0, found.start()):
            continue        # (in another pseudo-class's argument)
        close = closing(text, found.end())
        if found.group(1).lower() == "has" or close is None or any(
                top_level(part, _COMBINATOR_CHARS)
                for part in split_arguments(text[found.end():close])):
            return False
    return True


_NOT_OR_HAS = re.compile(r":(not|has)\(", re.I)


def _argument_valid(name: str, arguments: str, in_has: bool) -> bool:
    """Whether Chromium reads ``arguments`` as the argument of the pseudo-class ``name``
    (not one whose argument is a plain selector list: :func:`_one_selector`). An An+B
    series (``:nth-child(2n+1 of .a)``: "of" in lower case, its list of selectors may hold
    a pseudo-element), one identifier (``:lang(en)``, ``:dir(rtl)``, ``:state(x)``: not a
    list, nor a string) or a list of them (``:active-view-transition-type(a, b)``); any
    other known pseudo-class takes no argument (``:hover(a)`` is invalid)."""
    if name in _NTH_OF:
        of = re.search(r"\s[oO][fF]\s", arguments)
        if of is None:
            return nth_series(arguments)
        selectors = arguments[of.end():]
        return (of.group()[1:3] == "of" and nth_series(arguments[:of.start() + 1])
                and not any(part[:1] in (">", "+", "~")
                            for part in split_arguments(selectors))
                and _selector_list(selectors, False, argument=False,
                                   in_has=in_has) is not None)
    if name in _NTH:
        return nth_series(arguments)
    if name in _IDENT_ARGUMENT:
        return _IDENT.fullmatch(arguments.strip(_CSS_WS)) is not None
    if name in _IDENT_LIST_ARGUMENT:
        return all(_IDENT.fullmatch(part) is not None for part in split_arguments(arguments))
    return False


def _known(colons: str, name: str) -> bool:
    if colons == ":":
        return name in PSEUDO_CLASSES or name in _LEGACY_ELEMENTS
    return name in PSEUDO_ELEMENTS or name.startswith("-webkit-")


def _selector_list(text: str, forgiving: bool, argument: bool = True,
                   relative: bool = False, in_has: bool = False) -> str | None:
    """The list with each selector as Chromium reads it; None when one is invalid (unless
    ``forgiving``: then the invalid ones are left out, and an empty list matches nothing).
    ``argument``: the list is a pseudo-class's argument, where pseudo-elements are invalid
    and a selector may not begin with a combinator, unless ``relative`` (``:has()``'s);
    ``in_has``: inside ``:has()``'s argument, where another ``:has()`` is invalid."""
    kept = []
    for part in split_arguments(text):
        read = _one_selector(part, argument, relative, in_has)
        if read is None:
            if not forgiving:
                return None
            continue
        kept.append(read)
    if not kept:
        return _NOTHING if forgiving else None
    return ", ".join(kept) if len(kept) > 1 or kept[0] != text.strip() else kept[0]


# What a selector's reading stops at: an escape, an attribute selector, a string, a colon
_SPECIAL = re.compile(r"[\\\[\"':]")


def _one_selector(text: str, argument: bool, relative: bool = False,
                  in_has: bool = False) -> str | None:
    """One complex selector as Chromium reads it, or None when invalid (``argument``,
    ``relative``, ``in_has``: see :func:`_selector_list`). A functional pseudo-class's
    argument has its own syntax (:func:`_argument_valid`); a combinator may not end a
    selector, nor begin one in an argument but ``:has()``'s (a top-level one begins a
    nested rule's, relative to its parent)."""
    if not text:
        return None
    if (text[-1] in ">+~" and text[-2:-1] != "\\") or (
            argument and not relative and text[0] in ">+~"):
        return None
    out: list[str] = []
    at, start = 0, 0
    for special in _SPECIAL.finditer(text):
        if special.start() < at:
            continue        # (inside what was read: an escape, brackets, a pseudo-class)
        at = special.start()
        char = special.group()
        if char == "\\":
            at += 2
            continue
        if char == "[":     # an attribute selector: its value may hold ":"
            at = text.find("]", at)
            if at < 0:
                return None
            at += 1
            continue
        if char in "\"'":
            end = text.find(char, at + 1)
            at = len(text) if end < 0 else end + 1
            continue
        token = _PSEUDO_TOKEN.match(text, at)
        if token is None:
            return None     # ":" and no name
        colons, name = token.group(1), token.group(2).lower()
        after = token.end()
        if after < len(text) and text[after] == "(":
            close = closing(text, after + 1)
            if close is None:
                close = len(text)
            arguments = text[after + 1:close]
            if colons == "::":
                if argument or not _known(colons, name):
                    return None
            elif name in _FORGIVING or name in _SELECTOR_ARGUMENTS:
                if name not in PSEUDO_CLASSES or (name == "has" and in_has):
                    return None
                if name == "-webkit-any" and not all(
                        _compound(part) for part in split_arguments(arguments)):
                    return None
                if name in _COMPOUND_ARGUMENT and (
                        len(parts := split_arguments(arguments)) != 1
                        or top_level(parts[0], _COMBINATOR_CHARS)):
                    return None     # (one compound selector)
                read = _selector_list(arguments, forgiving=name in _FORGIVING,
                                      relative=name == "has", in_has=in_has or name == "has")
                if read is None:
                    return None
                if read != arguments:
                    out.append(text[start:after + 1])
                    out.append(read)
                    start = close
            elif not _argument_valid(name, arguments, in_has):
                return None
            at = close + 1
            continue
        if not _known(colons, name) or (argument and (
                colons == "::" or name in _LEGACY_ELEMENTS)):
            return None
        at = after
    out.append(text[start:])
    return "".join(out)
