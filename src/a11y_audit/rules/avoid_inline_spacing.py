"""Inline styles do not lock text spacing with ``!important``.

Readers with dyslexia or low vision widen letter, word and line spacing with a user stylesheet or
a browser extension (WCAG 1.4.12 asks that text still works at letter spacing 0.12em, word
spacing 0.16em and line height 1.5). An inline ``style`` with ``!important`` beats their
stylesheet: a pull quote with ``letter-spacing: 0 !important`` stays cramped whatever they do.

The rule applies to every element with a ``style`` attribute that is rendered and on screen. It
fails when the inline style sets ``letter-spacing`` below 0.12 times the font size,
``word-spacing`` below 0.16 times, or ``line-height`` below 1.5 times (on text that wraps onto
several lines) with ``!important``. ``normal`` counts as 0 for the spacings and 1 for line
height; ``inherit``, ``unset``, ``revert`` and ``revert-layer`` pass.

Matches axe-core. Same selector (``[style]``, ``is-visible-on-screen-matches``) and checks
(``important-letter-spacing``, ``important-word-spacing``, ``important-line-height`` with their
minimum values), and ACT rules 24afc2, 9e45ec and 78fd32.

Fails::

    <blockquote style="letter-spacing: 0.05em !important">We will not back down.</blockquote>

    <p style="word-spacing: normal !important">Polls close at 10pm.</p>

Passes::

    <blockquote style="letter-spacing: 0.05em">We will not back down.</blockquote>

    <p style="line-height: 1.6 !important; letter-spacing: 0.2em !important">Polls close.</p>

Limits: values in ``px``, ``pt`` or ``rem`` need the computed font size; when the inline style
does not give it in ``px``, the result is cantTell. A ``line-height`` below 1.5 only counts on
text that wraps, which needs layout: cantTell too.
"""

from __future__ import annotations

import re

from a11y_audit.checks.naming import describe
from a11y_audit.rule import Element, Page, Result, Results, Rule

RULE = Rule(
    id="avoid-inline-spacing",
    impact="serious",
    wcag=("1.4.12",),
    act=("24afc2", "9e45ec", "78fd32"),
    tags=("cat.structure",),
    help="Drop !important from inline letter-spacing, word-spacing and line-height",
    seen_only=True,
)

# property: (minimum as a multiple of the font size, value of "normal")
_LIMITS = {"letter-spacing": (0.12, 0.0), "word-spacing": (0.16, 0.0), "line-height": (1.5, 1.0)}
_DECLARATION = re.compile(r"(?:^|;)\s*(letter-spacing|word-spacing|line-height|font-size)\s*:"
                          r"\s*([^;]*?)\s*(!\s*important)?\s*(?=;|$)", re.I)
_LENGTH = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+))(px|pt|em|rem|%)?$")
_KEEP = frozenset(("inherit", "unset", "revert", "revert-layer"))


def check(page: Page) -> Results:
    for el in page.by_attribute.get("style", []):
        if not page.is_rendered(el) or page.visibility_state(el)[1]:
            continue
        if page.visually_hidden(el) is not None:
            continue
        yield _judge(el)


def _judge(el: Element) -> Result:
    declared = {m.group(1).lower(): (m.group(2).strip().lower(), bool(m.group(3)))
                for m in _DECLARATION.finditer(el.get("style") or "")}
    font_size = _font_size_px(declared.get("font-size", ("", False))[0])
    failed, unsure = [], []
    for prop, (minimum, normal) in _LIMITS.items():
        value, important = declared.get(prop, ("", False))
        if not important or value in _KEEP:
            continue
        ratio = _ratio(prop, value, normal, font_size)
        if ratio is None:
            unsure.append(f"{prop}: {value} !important (needs the computed font size)")
        elif ratio < minimum:
            if prop == "line-height":
                unsure.append(f"line-height: {value} !important (fails only if the text wraps)")
            else:
                failed.append(f"{prop}: {value} !important (below {minimum:g} times the font "
                              "size)")
    if failed:
        return RULE.fail(el, f"{describe(el)} locks " + "; ".join(failed + unsure))
    if unsure:
        return RULE.cant_tell(el, f"{describe(el)} sets " + "; ".join(unsure))
    return RULE.ok(el, "no text spacing locked below WCAG 1.4.12 values")


def _font_size_px(value: str) -> float | None:
    match = _LENGTH.match(value)
    if not match or match.group(2) not in ("px", "pt"):
        return None
    number = float(match.group(1))
    return number * 4 / 3 if match.group(2) == "pt" else number


def _ratio(prop: str, value: str, normal: float, font_size: float | None) -> float | None:
    """The value as a multiple of the font size, or None when the font size is needed and
    unknown (or the value is not understood)."""
    if value == "normal":
        return normal
    match = _LENGTH.match(value)
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit == "em":
        return number
    if unit is None:
        return number if prop == "line-height" else (0.0 if number == 0 else None)
    if unit == "%":
        return number / 100 if prop == "line-height" else None
    if unit in ("px", "pt"):
        if number == 0:
            return 0.0
        if font_size is None:
            return None
        return (number * 4 / 3 if unit == "pt" else number) / font_size
    return None   # rem: relative to the root, not to this element's font
