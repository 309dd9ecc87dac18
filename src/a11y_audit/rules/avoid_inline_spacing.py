"""Inline styles do not lock text spacing with ``!important``.

Readers with dyslexia or low vision widen letter, word and line spacing with a user stylesheet or
a browser extension (WCAG 1.4.12 asks that text still works at letter spacing 0.12em, word
spacing 0.16em and line height 1.5). An inline ``style`` with ``!important`` beats their
stylesheet: a pull quote with ``letter-spacing: 0 !important`` stays cramped whatever they do.

As W3C ACT rules 24afc2, 9e45ec and 78fd32: the rule applies to each rendered, on-screen
element with text of its own whose ``letter-spacing``, ``word-spacing`` or ``line-height``
is locked by an important declaration in a ``style`` attribute, its own or an ancestor's
whose value it inherits (a stylesheet rule that sets the property on the element, or on an
element between, decides instead; the ``font`` shorthand sets ``line-height``). It fails
when the computed letter spacing is below 0.12 times the element's computed font size, or the
word spacing below 0.16 times; a line height below 1.5 times is cantTell, since it fails
only on text that wraps onto several lines (layout). Lengths in ``em`` are computed with the
font size of the element that declares them and inherited as lengths, a line height without
unit as a number; ``normal`` counts as 0 for the spacings and 1 for line height; ``inherit``,
``unset``, ``revert`` and ``revert-layer`` lock nothing. Font sizes come from the cascade.

Differs from axe-core: axe-core judges each element with a ``style`` attribute by its own
declarations, so a wrapper ``<div style="letter-spacing: 0.1em !important">`` with no text of
its own fails there even when the paragraph inside sets 0.2em, and a paragraph that inherits
a locked value is not judged; the ACT rules this rule implements judge the text and the value
that reaches it (24afc2 and 9e45ec: Passed Examples 5 and 6, Inapplicable Example 2).

Fails::

    <blockquote style="letter-spacing: 0.05em !important">We will not back down.</blockquote>

    <div style="word-spacing: normal !important"><p>Polls close at 10pm.</p></div>

Passes::

    <blockquote style="letter-spacing: 0.12em !important">We will not back down.</blockquote>

    <p style="line-height: 1.6 !important; letter-spacing: 0.2em !important">Polls close.</p>

Limits: a font size or value the cascade cannot work out (``var()``, ``calc()``), word spacing
in ``%`` (of the space character's width) and line heights below 1.5 are cantTell.
"""

from __future__ import annotations

import re

from a11y_audit.checks.naming import describe
from a11y_audit.rule import Element, Page, Result, Results, Rule
from a11y_audit.semantics.cascade import STYLE_ATTRIBUTE, Cascade, cascade_of, winning

RULE = Rule(
    id="avoid-inline-spacing",
    impact="serious",
    wcag=("1.4.12",),
    act=("24afc2", "9e45ec", "78fd32"),
    tags=("cat.structure",),
    help="Drop !important from inline letter-spacing, word-spacing and line-height",
    seen_only=True,
    template_values=("style",),
)

# property: (minimum as a multiple of the font size, value of "normal")
_LIMITS = {"letter-spacing": (0.12, 0.0), "word-spacing": (0.16, 0.0), "line-height": (1.5, 1.0)}
# A style attribute that may lock one of them: an important declaration of it, of the font
# shorthand (it sets line-height) or of all
_LOCKS = re.compile(r"(?:letter-spacing|word-spacing|line-height|font|all)\s*:[^;]*!\s*important",
                    re.I)
_LENGTH = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)([a-z%]*)$")
_ABSOLUTE = {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4,
             "q": 96 / 101.6}
# Values of a style attribute's declaration that lock nothing: the inherited or the
# browser's value is asked for, and a user's stylesheet still sets it on the parent (axe-core)
_KEEP = frozenset(("inherit", "unset", "revert", "revert-layer"))
_EPSILON = 1e-9


def check(page: Page) -> Results:
    lockers = [el for el, text in page.values("style").items()
               if "important" in text.lower() and _LOCKS.search(text)]
    if not lockers:
        return
    cascade = cascade_of(page)
    judged: set[Element] = set()
    for locker in lockers:
        for el in locker.iter():
            if el in judged or not isinstance(el.tag, str):
                continue
            judged.add(el)
            if not _has_own_text(el) or not page.is_rendered(el):
                continue
            if page.visibility_state(el)[1] or page.visually_hidden(el) is not None:
                continue
            result = _judge(page, cascade, el)
            if result is not None:
                yield result


def _has_own_text(el: Element) -> bool:
    """A text node child that is not white space (ACT: the element has visible text node
    children; its rendering is checked apart)."""
    if el.text and not el.text.isspace():
        return True
    return any(child.tail and not child.tail.isspace() for child in el)


def _judge(page: Page, cascade: Cascade, el: Element) -> Result | None:
    failed, unsure, fine = [], [], []
    size = page.style(el).font_size
    for prop, (minimum, normal) in _LIMITS.items():
        found = _locked(cascade, el, prop)
        if found is None:
            continue
        owner, value = found
        where = "" if owner is el else f" on {describe(owner)}"
        written = f"{prop}: {value} !important{where}"
        ratio = _ratio(page, el, owner, prop, value, normal, size)
        if isinstance(ratio, str):
            unsure.append(f"{written} ({ratio})")
        elif ratio + _EPSILON < minimum:
            if prop == "line-height":
                unsure.append(f"{written}: {ratio:.2f} times the font size, which fails only "
                              f"if the text wraps onto several lines (layout)")
            else:
                failed.append(f"{written}: {ratio:.3g} times the font size, below "
                              f"{minimum:g}")
        else:
            fine.append(written)
    if failed:
        return RULE.fail(el, f"{describe(el)}: text spacing locked by a style attribute: "
                             + "; ".join(failed + unsure))
    if unsure:
        return RULE.cant_tell(el, f"{describe(el)}: text spacing locked by a style attribute: "
                                  + "; ".join(unsure))
    if fine:
        return RULE.ok(el, "text spacing locked at WCAG 1.4.12 values or wider: "
                           + "; ".join(fine))
    return None


def _locked(cascade: Cascade, el: Element, prop: str) -> tuple[Element, str] | None:
    """The element whose style attribute locks ``prop`` for ``el`` with an important
    declaration (``el`` itself, or the ancestor it inherits the value from) and that value
    (lower case); None when the value that applies comes from elsewhere."""
    node: Element | None = el
    while node is not None:
        found = winning(cascade.declarations(node), prop)
        if found is not None:
            value, important, origin = found
            lower = value.lower()
            if lower in ("inherit", "unset") and not (important and origin == STYLE_ATTRIBUTE):
                node = node.getparent()     # (from a stylesheet: the parent's value)
                continue
            if not important or origin != STYLE_ATTRIBUTE or lower in _KEEP:
                return None
            return node, lower
        node = node.getparent()
    return None


def _ratio(page: Page, el: Element, owner: Element, prop: str, value: str, normal: float,
           size: float | None) -> float | str:
    """The computed value of ``prop`` on ``el`` as a multiple of its font size ``size``, the
    value ``value`` being declared on ``owner``; or why it cannot be worked out. Spacing
    lengths and line heights in lengths or percentages are computed where declared (an
    ``em`` of ``owner``'s font) and inherited as lengths; a line height without unit is
    inherited as a number."""
    if value == "normal" or value == "initial":
        return normal
    if "var(" in value or "calc(" in value or "env(" in value:
        return "a value the cascade cannot work out"
    match = _LENGTH.match(value)
    if match is None:
        return "a value the cascade cannot read"
    number, unit = float(match.group(1)), match.group(2)
    if number == 0:
        return 0.0
    if not unit:
        if prop == "line-height":
            return number
        return "a length without unit"
    if prop == "line-height" and unit == "%":
        number, unit = number / 100, "em"
    if unit == "%":
        return "a percentage of the space character's width (layout)"
    if size is None:
        return "the font size is not known"
    if unit in _ABSOLUTE:
        return number * _ABSOLUTE[unit] / size
    if unit == "em":
        declared = size if owner is el else page.style(owner).font_size
        if declared is None:
            return "the font size is not known"
        return number * declared / size
    if unit == "rem":
        root = page.style(page.root).font_size
        if root is None:
            return "the font size is not known"
        return number * root / size
    return f"a value in {unit}, which needs layout"
