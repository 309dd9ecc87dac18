"""The viewport lets readers zoom at least five times.

Readers with low vision pinch-zoom news pages on phones well beyond double size. A
``maximum-scale`` below 5 in ``<meta name="viewport">`` caps that zoom. (A cap below 2, or
``user-scalable=no``, fails WCAG 1.4.4 and is reported by meta-viewport; this best-practice rule
covers the caps between 2 and 5.)

The rule applies to every ``<meta name="viewport">`` (hidden or not). It fails when the
``content`` has a ``maximum-scale`` of at least 2 and below 5; it passes otherwise, including
when ``maximum-scale`` is below 2 (meta-viewport's case), ``yes`` (read as 1), negative
(ignored) or absent.

Matches axe-core. Same selector (``meta[name="viewport"]``, hidden included) and check
(``meta-viewport-large``: ``meta-viewport-scale`` with ``scaleMinimum`` 5 and ``lowerBound`` 2).

Fails::

    <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=3">

Passes::

    <meta name="viewport" content="width=device-width, initial-scale=1">

    <meta name="viewport" content="width=device-width, maximum-scale=5">
"""

from __future__ import annotations

from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="meta-viewport-large",
    impact="minor",
    wcag=(),
    tags=("cat.sensory-and-visual-cues", "best-practice"),
    help="Allow a maximum-scale of at least 5 (or leave it out)",
    hidden_content="<meta> is never rendered; the browser acts on it anyway",
    template_values=("content",),
)

_SCALE_MINIMUM, _LOWER_BOUND = 5.0, 2.0


def check(page: Page) -> Results:
    # (only the metas with a name: a set test, not meta.get per meta; see Page.holders)
    for meta in filter(page.holders("name").__contains__, page.tags("meta")):
        if meta.get("name") != "viewport":
            continue
        scale = _maximum_scale(meta)
        if scale is not None and _LOWER_BOUND <= scale < _SCALE_MINIMUM:
            yield RULE.fail(meta, f"maximum-scale={scale:g} stops zooming below 5 times")
        else:
            yield RULE.ok(meta, "zooming to 5 times is allowed")


def _maximum_scale(meta: Element) -> float | None:
    """``maximum-scale`` as axe-core's ``meta-viewport-scale`` reads it: items split on ``,``
    or ``;``, ``yes`` is 1, a negative value is ignored, the last one wins."""
    found: float | None = None
    for item in (meta.get("content") or "").replace(";", ",").split(","):
        key, sep, value = item.strip().partition("=")
        if not sep or not key.strip() or not value:
            continue
        if key.strip().lower() != "maximum-scale":
            continue
        value = value.split("=")[0].strip().lower()
        number = 1.0 if value == "yes" else _float(value)
        if number is not None and number < 0:
            continue
        found = number
    return found


def _float(value: str) -> float | None:
    """JavaScript ``parseFloat``: the longest leading decimal number, else None (NaN)."""
    digits = ""
    for index, ch in enumerate(value):
        if ch in "0123456789" or (ch == "." and "." not in digits) or (
                ch in "+-" and index == 0):
            digits += ch
        else:
            break
    try:
        return float(digits)
    except ValueError:
        return None
