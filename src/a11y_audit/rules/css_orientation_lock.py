"""The page is not locked to portrait or landscape by a CSS rotation.

A reader whose phone or tablet is mounted on a wheelchair or a bed frame cannot turn it. A
page that rotates its content a quarter turn in one orientation only (``@media (orientation:
portrait) { html { transform: rotate(90deg) } }``, a pattern of interactive graphics and
games embedded in articles) shows it sideways to that reader. WCAG 1.3.4 asks that content
work in both orientations.

As W3C ACT rule b33eff: applies to each rendered element whose ``transform`` (with a
``rotate``, ``rotateZ``, ``rotate3d``, ``matrix`` or ``matrix3d`` function) or ``rotate``
property depends on the ``orientation`` media feature: the cascade is worked out a second
time, for the screen turned a quarter (the other orientation, nothing else changed), and the
element's values compared. It fails when the element's rotation about the Z axis in one
orientation differs from the other by a quarter turn (90 or 270 degrees, within 2 degrees, as
axe-core's threshold); turning by half or whole turns, or not at all, passes. Rotations are
composed as browsers compose them (the ``rotate`` property, then the transform functions in
order; each function's effect on the Z axis, ``matrix3d`` included).

Differs from axe-core: axe-core answers once, on ``<html>``, from the rules inside
orientation media queries alone, and fails a quarter turn there whatever the element does in
the other orientation; this rule judges each element by its rotation relative from one
orientation to the other, as ACT rule b33eff asks (a body turned 2.5 degrees in portrait and
92.5 degrees in landscape is locked; axe-core reads 92.5 degrees as no quarter turn).

Fails::

    <style>@media (orientation: portrait) { .map { transform: rotate(90deg) } }</style>
    <div class="map">Swipe through the election map.</div>

Passes::

    <style>@media (orientation: portrait) { .map { transform: rotate(1turn) } }</style>
    <div class="map">Swipe through the election map.</div>

Limits: a rotation set by a script, or in a linked stylesheet that could not be read, is not
seen; values the cascade cannot work out (``var()``, ``calc()``) are cantTell.
"""

from __future__ import annotations

import collections
import dataclasses
import math
import re

from a11y_audit.rule import Element, Page, Result, Results, Rule
from a11y_audit.semantics.cascade import Cascade, Style, cascade_of
from a11y_audit.semantics.css import split_selectors
from a11y_audit.semantics.selectors import compile_selector

RULE = Rule(
    id="css-orientation-lock",
    impact="serious",
    wcag=("1.3.4",),
    act=("b33eff",),
    tags=("experimental",),
    help="Do not rotate the page a quarter turn in one orientation only: let it follow the "
         "screen in portrait and landscape",
)

_THRESHOLD = 2.0        # degrees (axe-core's degreeThreshold)
_ALL = re.compile(r"(?:^|[;\s])all\s*:")
_ROTATING = re.compile(r"\b(?:rotate|rotatez|rotate3d|matrix|matrix3d)\s*\(")
_FUNCTION = re.compile(r"([a-z0-9-]+)\(([^()]*)\)")
_ANGLE = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(deg|rad|grad|turn)?$")
_TO_DEGREES = {"deg": 1.0, "rad": 180 / math.pi, "grad": 0.9, "turn": 360.0}
Matrix = tuple[float, float, float, float]      # the 2x2 linear part: (a, b, c, d)
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0)


class _Unknown(Exception):
    """A value that cannot be read (``var()``, ``calc()``, an invalid function)."""


def check(page: Page) -> Results:
    cascade = cascade_of(page)
    if not cascade.orientation:
        return
    env = cascade.env
    viewport = env.viewport
    shown = viewport.orientation or (
        "landscape" if viewport.width >= viewport.height else "portrait")
    turned = "portrait" if shown == "landscape" else "landscape"
    other = Cascade(page, dataclasses.replace(
        env, viewport=dataclasses.replace(viewport, orientation=turned)))
    for el in _candidates(page, cascade, other):
        mine, theirs = _turn(cascade.style(el)), _turn(other.style(el))
        if mine == theirs or not (_rotates(mine) or _rotates(theirs)):
            continue
        if not page.is_rendered(el):
            continue
        yield _judge(el, {shown: mine, turned: theirs})


def _candidates(page: Page, cascade: Cascade, other: Cascade) -> list[Element]:
    """The elements a style rule that applies in one orientation only may turn: the rules
    of the page's sheets in one cascade and not the other, that set ``transform``,
    ``rotate`` (or ``all``), matched over the page. Only their styles are worked out in the
    other orientation (a page's every style twice cost a quarter of an audit)."""
    mine = collections.Counter(rule for sheet in cascade.sheets for rule in sheet.raw)
    theirs = collections.Counter(rule for sheet in other.sheets for rule in sheet.raw)
    tests = []
    for prelude, body, _ in (mine - theirs) + (theirs - mine):
        lower = body.lower()
        if "transform" not in lower and "rotate" not in lower and not _ALL.search(lower):
            continue
        for selector in split_selectors(prelude):
            compiled = compile_selector(selector)
            tests.append(compiled[0] if compiled is not None else _every)
    if not tests:
        return []
    return [el for el in page.root.iter() if isinstance(el.tag, str)
            and any(test(el) for test in tests)]


def _every(el: Element) -> bool:
    return True     # a selector not judged statically: any element may match it


def _turn(style: Style) -> tuple[str, str]:
    values = style.values
    return values.get("transform", "none"), values.get("rotate", "none")


def _rotates(turn: tuple[str, str]) -> bool:
    """A rotation, or a value that may be one (an unresolved ``var()``)."""
    transform, rotate = turn
    return (rotate not in ("none", "") or _ROTATING.search(transform) is not None
            or "var(" in transform)


def _judge(el: Element, turns: dict[str, tuple[str, str]]) -> Result:
    try:
        angles = {name: _angle(*turn) for name, turn in turns.items()}
    except _Unknown as unknown:
        return RULE.cant_tell(el, f"<{el.tag}> is rotated by the orientation media feature, "
                                  f"but its rotation cannot be worked out: {unknown}")
    landscape, portrait = angles["landscape"], angles["portrait"]
    difference = abs(landscape - portrait) % 180
    described = (f"{_degrees(landscape)} in landscape, {_degrees(portrait)} in portrait")
    if abs(difference - 90) <= _THRESHOLD:
        return RULE.fail(el, f"<{el.tag}> is turned a quarter turn in one orientation "
                             f"against the other ({described}): it stays sideways when the "
                             f"screen is turned")
    return RULE.ok(el, f"<{el.tag}> turns with the screen ({described})")


def _degrees(angle: float) -> str:
    return f"{round(angle, 2) + 0.0:g}°"     # (no "-0°")


def _angle(transform: str, rotate: str) -> float:
    """The rotation about the Z axis (degrees) of the ``rotate`` property followed by the
    transform functions, composed as 2x2 linear maps (translations do not turn)."""
    matrix = _rotate_property(rotate)
    if transform not in ("none", ""):
        text = transform.lower()
        if "var(" in text or "calc(" in text or "env(" in text:
            raise _Unknown("its transform comes from a custom property or calc() the cascade "
                           "cannot resolve" if "var()" in text or "calc(" in text
                           else f"transform: {transform}")
        functions = _FUNCTION.findall(text)
        if not functions or _FUNCTION.sub("", text).strip():
            raise _Unknown(f"transform: {transform}")
        for name, arguments in functions:
            matrix = _product(matrix, _function(name, arguments))
    a, b, _, _ = matrix
    return math.degrees(math.atan2(b, a))


def _rotate_property(value: str) -> Matrix:
    """The ``rotate`` property: ``none``, an angle, or an axis (``x``, ``y``, ``z`` or
    three numbers) and an angle."""
    value = value.strip().lower()
    if value in ("none", ""):
        return _IDENTITY
    if "var(" in value or "calc(" in value:
        raise _Unknown(f"rotate: {value}")
    parts = value.split()
    angle = _radians(parts[-1])
    axis = parts[:-1]
    if not axis or axis == ["z"]:
        return _rotation(angle)
    if axis in (["x"], ["y"]):
        return _about(1.0 if axis == ["x"] else 0.0, 1.0 if axis == ["y"] else 0.0, 0.0, angle)
    if len(axis) == 3:
        return _about(_number(axis[0]), _number(axis[1]), _number(axis[2]), angle)
    raise _Unknown(f"rotate: {value}")


def _function(name: str, arguments: str) -> Matrix:
    parts = [p.strip() for p in arguments.split(",")] if arguments.strip() else []
    if name in ("rotate", "rotatez") and len(parts) == 1:
        return _rotation(_radians(parts[0]))
    if name in ("rotatex", "rotatey") and len(parts) == 1:
        cos = math.cos(_radians(parts[0]))
        return (1.0, 0.0, 0.0, cos) if name == "rotatex" else (cos, 0.0, 0.0, 1.0)
    if name == "rotate3d" and len(parts) == 4:
        return _about(_number(parts[0]), _number(parts[1]), _number(parts[2]),
                      _radians(parts[3]))
    if name == "matrix" and len(parts) == 6:
        a, b, c, d = (_number(p) for p in parts[:4])
        return a, b, c, d
    if name == "matrix3d" and len(parts) == 16:
        numbers = [_number(p) for p in parts]
        return numbers[0], numbers[1], numbers[4], numbers[5]
    if name in ("scale", "scale3d") and 1 <= len(parts) <= 3:
        x = _scale(parts[0])
        y = _scale(parts[1]) if len(parts) > 1 else x
        return x, 0.0, 0.0, y
    if name in ("scalex", "scaley") and len(parts) == 1:
        factor = _scale(parts[0])
        return (factor, 0.0, 0.0, 1.0) if name == "scalex" else (1.0, 0.0, 0.0, factor)
    if name == "scalez" and len(parts) == 1:
        return _IDENTITY
    if name in ("skew", "skewx", "skewy") and 1 <= len(parts) <= 2:
        x = math.tan(_radians(parts[0])) if name != "skewy" else 0.0
        y = (math.tan(_radians(parts[1])) if len(parts) > 1 else 0.0) if name == "skew" else (
            math.tan(_radians(parts[0])) if name == "skewy" else 0.0)
        return 1.0, y, x, 1.0
    if name in ("translate", "translatex", "translatey", "translatez", "translate3d",
                "perspective"):
        return _IDENTITY
    raise _Unknown(f"{name}({arguments})")


def _product(first: Matrix, second: Matrix) -> Matrix:
    """``first`` then ``second`` as CSS lists them: the map ``first · second``."""
    a1, b1, c1, d1 = first
    a2, b2, c2, d2 = second
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2)


def _rotation(angle: float) -> Matrix:
    cos, sin = math.cos(angle), math.sin(angle)
    return cos, sin, -sin, cos


def _about(x: float, y: float, z: float, angle: float) -> Matrix:
    """The 2x2 part of a rotation by ``angle`` about the axis (x, y, z) (CSS Transforms 2,
    rotate3d)."""
    length = math.sqrt(x * x + y * y + z * z)
    if length == 0:
        return _IDENTITY
    x, y, z = x / length, y / length, z / length
    cos, sin = math.cos(angle), math.sin(angle)
    turn = 1 - cos
    return (cos + x * x * turn, y * x * turn + z * sin, x * y * turn - z * sin,
            cos + y * y * turn)


def _radians(text: str) -> float:
    match = _ANGLE.match(text.strip())
    if match is None or (match.group(2) is None and float(match.group(1)) != 0):
        raise _Unknown(f"the angle {text}")
    return math.radians(float(match.group(1)) * _TO_DEGREES[match.group(2) or "deg"])


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise _Unknown(f"the number {text}") from None


def _scale(text: str) -> float:
    text = text.strip()
    if text.endswith("%"):
        return _number(text[:-1]) / 100
    return _number(text)
