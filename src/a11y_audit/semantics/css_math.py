"""CSS math functions over lengths: ``calc()``, ``min()``, ``max()``, ``clamp()`` (knowledge
floor: no Page).

Read by the cascade for font sizes (fluid type: ``clamp(1rem, 0.8rem + 1vw, 1.5rem)``) and by
media queries (``(max-width: calc(48em - 1px))``), each with the units it can resolve.
"""

from __future__ import annotations

import re


def math_length(value: str, units: dict[str, float]) -> float | None:
    """A length written with ``calc()``, ``min()``, ``max()`` or ``clamp()``, in CSS pixels,
    with ``units`` the pixels of one of each unit it can resolve; None when a term cannot be
    resolved (a unit not in ``units``, ``var()``), the result is a plain number, or the
    expression is not valid (CSS Values 4, section 10)."""
    if value.count("(") > _MATH_DEPTH:
        return None         # (hostile nesting: the reader recurses once a parenthesis)
    tokens = _MATH_TOKEN.findall(value.lower())
    if "".join(tokens) != "".join(value.lower().split()):
        return None         # a character the expressions do not take
    try:
        found, at = _math_sum(tokens, 0, units)
    except (_NotMath, IndexError, ZeroDivisionError, OverflowError):
        return None
    if at != len(tokens) or found is None or not found[1]:
        return None         # trailing tokens, or a plain number (a length is wanted)
    return found[0]


_MATH_DEPTH = 64         # parentheses a math function may hold (real ones hold a few)


class _NotMath(Exception):
    """An expression :func:`_math_size` cannot read, or does not resolve."""


# A number with its unit (a length, a percentage, or none), an operator, a parenthesis or
# comma, or a function's name with its "(" (lower case, spaces left out)
_MATH_TOKEN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?(?:%|[a-z]+)?"
                         r"|[-+*/(),]|calc\(|min\(|max\(|clamp\(")

# (value, is a length): a length in px, or a plain number
_Term = tuple[float, bool]


def _math_sum(tokens: list[str], at: int, units: dict[str, float]
              ) -> tuple[_Term | None, int]:
    """A sum of products from ``tokens[at]``; the position after it."""
    total, at = _math_product(tokens, at, units)
    while at < len(tokens) and tokens[at] in ("+", "-"):
        sign = tokens[at]
        term, at = _math_product(tokens, at + 1, units)
        if total is None or term is None or total[1] != term[1]:
            raise _NotMath
        total = (total[0] + term[0] if sign == "+" else total[0] - term[0], total[1])
    return total, at


def _math_product(tokens: list[str], at: int, units: dict[str, float]
                  ) -> tuple[_Term | None, int]:
    value, at = _math_value(tokens, at, units)
    while at < len(tokens) and tokens[at] in ("*", "/"):
        operator_, (other, at) = tokens[at], _math_value(tokens, at + 1, units)
        if value is None or other is None:
            raise _NotMath
        if operator_ == "*":
            if value[1] and other[1]:
                raise _NotMath          # a length times a length is no length
            value = (value[0] * other[0], value[1] or other[1])
        else:
            if other[1]:
                raise _NotMath          # only a number may divide
            value = (value[0] / other[0], value[1])
    return value, at


def _math_value(tokens: list[str], at: int, units: dict[str, float]
                ) -> tuple[_Term | None, int]:
    token = tokens[at]
    if token in ("(", "calc("):
        found, at = _math_sum(tokens, at + 1, units)
        if tokens[at] != ")":
            raise _NotMath
        return found, at + 1
    if token in ("min(", "max(", "clamp("):
        arguments: list[_Term] = []
        at += 1
        while True:
            found, at = _math_sum(tokens, at, units)
            if found is None or (arguments and arguments[0][1] != found[1]):
                raise _NotMath
            arguments.append(found)
            if tokens[at] == ")":
                break
            if tokens[at] != ",":
                raise _NotMath
            at += 1
        numbers = [number for number, _ in arguments]
        if token == "clamp(":
            if len(numbers) != 3:
                raise _NotMath
            low, middle, high = numbers
            result = max(low, min(middle, high))
        else:
            result = min(numbers) if token == "min(" else max(numbers)
        return (result, arguments[0][1]), at + 1
    number = _MATH_NUMBER.match(token)
    if number is None:
        raise _NotMath
    unit = number.group(2)
    if not unit:
        return (float(number.group(1)), False), at + 1
    factor = units.get(unit)
    if factor is None:
        raise _NotMath      # a unit not in units (ex, an unknown parent size...)
    return (float(number.group(1)) * factor, True), at + 1


_MATH_NUMBER = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(%|[a-z]+)?$")
