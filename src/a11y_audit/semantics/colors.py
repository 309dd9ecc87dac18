"""CSS colours in every colour space, as the sRGB a screen shows: what contrast is worked out on.

tinycss2 reads every colour function of CSS Color 4 (``lab()``, ``oklch()``, ``color(display-p3
...)``...) but converts only ``hsl()`` and ``hwb()`` to sRGB. Design systems now write their
palettes in those spaces (Tailwind CSS 4's whole palette is ``oklch()``, and its opacity
modifiers are ``color-mix(in oklab, ..., transparent)``), so without the conversions every such
text's contrast would be unknown. Here:

- :func:`to_srgb`: a colour of any CSS Color 4 space to sRGB, the conversions of CSS Color 4,
  section 18 ("Sample code for color conversions"), the matrices worked out from each space's
  primaries and white point (below) rather than copied; Bradford adaptation between D50
  (Lab, LCH, ProPhoto, XYZ-D50) and D65 (the others). A colour outside sRGB's gamut is
  clipped to it, as Chromium paints it on an sRGB screen and as axe-core reads it (its
  ``toGamut({method: 'clip'})``);
- :func:`mix`: ``color-mix()`` (CSS Color 5, section 2): both colours converted to the
  interpolation space, premultiplied by their alpha (not the hue), missing and powerless
  components carried over from the other colour, the hue interpolated the shorter way unless
  the function says otherwise, percentages normalised, and an alpha multiplier where they sum
  to less than 100%.

- relative colours (CSS Color 5, section 4: ``rgb(from var(--brand) r g b / 50%)``,
  ``oklch(from X calc(l - 0.1) c h)``): the origin in the function's space, its channels
  named by keywords;
- :func:`light_dark`: ``light-dark()`` (CSS Color 5), the colour of the element's scheme,
  chosen by the cascade from its ``color-scheme``.

- :func:`system`: system colours (``Canvas``, ``CanvasText``...), by the scheme too.

Colours these functions cannot decide give None (unknown): ``currentcolor`` or a system colour
inside ``color-mix()`` or as a relative colour's origin, and the system colours that follow
the reader's platform (``Highlight``, ``AccentColor``).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

import tinycss2
from tinycss2 import ast, color4

from a11y_audit.semantics.selectors import closing

Vector = tuple[float, float, float]
Matrix = tuple[Vector, Vector, Vector]
# A colour as CSS Color 4 keeps it: its space, its coordinates (None: a missing component,
# "none") and its alpha
Parsed = tuple[str, tuple["float | None", ...], float]

# -- matrices, from primaries and white points ---------------------------------------------


def _multiply(m: Matrix, v: Sequence[float]) -> Vector:
    return (m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2])


def _product(a: Matrix, b: Matrix) -> Matrix:
    columns = [_multiply(a, (b[0][j], b[1][j], b[2][j])) for j in range(3)]
    return ((columns[0][0], columns[1][0], columns[2][0]),
            (columns[0][1], columns[1][1], columns[2][1]),
            (columns[0][2], columns[1][2], columns[2][2]))


def _inverse(m: Matrix) -> Matrix:
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return (((e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det),
            ((f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det),
            ((d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det))


def _white(x: float, y: float) -> Vector:
    return (x / y, 1.0, (1 - x - y) / y)


# CSS Color 4's white points (section 4.2), from their chromaticities
D50 = _white(0.3457, 0.3585)
D65 = _white(0.3127, 0.3290)


def _to_xyz(primaries: Sequence[tuple[float, float]], white: Vector) -> Matrix:
    """The matrix from linear RGB of these primaries (x, y chromaticities) to XYZ, scaled so
    that RGB white is the white point."""
    columns = [(x / y, 1.0, (1 - x - y) / y) for x, y in primaries]
    m: Matrix = ((columns[0][0], columns[1][0], columns[2][0]),
                 (columns[0][1], columns[1][1], columns[2][1]),
                 (columns[0][2], columns[1][2], columns[2][2]))
    s = _multiply(_inverse(m), white)
    return tuple(tuple(row[j] * s[j] for j in range(3)) for row in m)  # type: ignore[return-value]


_SRGB_PRIMARIES = ((0.640, 0.330), (0.300, 0.600), (0.150, 0.060))
_SRGB_TO_XYZ = _to_xyz(_SRGB_PRIMARIES, D65)
_XYZ_TO_SRGB = _inverse(_SRGB_TO_XYZ)
# Bradford chromatic adaptation (CSS Color 4, section 18)
_BRADFORD: Matrix = ((0.8951, 0.2664, -0.1614), (-0.7502, 1.7135, 0.0367),
                     (0.0389, -0.0685, 1.0296))


def _adaptation(source: Vector, target: Vector) -> Matrix:
    cone_source, cone_target = _multiply(_BRADFORD, source), _multiply(_BRADFORD, target)
    scale: Matrix = ((cone_target[0] / cone_source[0], 0.0, 0.0),
                     (0.0, cone_target[1] / cone_source[1], 0.0),
                     (0.0, 0.0, cone_target[2] / cone_source[2]))
    return _product(_inverse(_BRADFORD), _product(scale, _BRADFORD))


_D50_TO_D65 = _adaptation(D50, D65)
_D65_TO_D50 = _inverse(_D50_TO_D65)

# OKLab (Björn Ottosson; CSS Color 4, section 9.2): XYZ-D65 to cone responses, and their cube
# roots to OKLab
_OKLAB_LMS: Matrix = ((0.8190224379967030, 0.3619062600528904, -0.1288737815209879),
                      (0.0329836539323885, 0.9292868615863434, 0.0361446663506424),
                      (0.0481771893596242, 0.2642395317527308, 0.6335478284694309))
_OKLAB_FROM_LMS: Matrix = ((0.2104542683093140, 0.7936177747023054, -0.0040720430116193),
                           (1.9779985324311684, -2.4285922420485799, 0.4505937096174110),
                           (0.0259040424655478, 0.7827717124575296, -0.8086757549230774))
_LMS_FROM_OKLAB = _inverse(_OKLAB_FROM_LMS)
_XYZ_FROM_LMS = _inverse(_OKLAB_LMS)

# -- transfer functions ---------------------------------------------------------------------


def _srgb_linear(c: float) -> float:
    a = abs(c)
    return c / 12.92 if a <= 0.04045 else math.copysign(((a + 0.055) / 1.055) ** 2.4, c)


def _srgb_gamma(c: float) -> float:
    a = abs(c)
    return 12.92 * c if a <= 0.0031308 else math.copysign(1.055 * a ** (1 / 2.4) - 0.055, c)


def _a98_linear(c: float) -> float:
    return math.copysign(abs(c) ** (563 / 256), c)


def _prophoto_linear(c: float) -> float:
    return c / 16 if abs(c) <= 16 / 512 else math.copysign(abs(c) ** 1.8, c)


_REC2020_ALPHA = 1.09929682680944
_REC2020_BETA = 0.018053968510807


def _rec2020_linear(c: float) -> float:
    a = abs(c)
    if a < _REC2020_BETA * 4.5:
        return c / 4.5
    return math.copysign(((a + _REC2020_ALPHA - 1) / _REC2020_ALPHA) ** (1 / 0.45), c)


def _same(c: float) -> float:
    return c


# The RGB spaces of color(): (their linear RGB to XYZ, the white point of that XYZ, their
# transfer function to linear light)
_RGB_SPACES = {
    "srgb": (_SRGB_TO_XYZ, D65, _srgb_linear),
    "srgb-linear": (_SRGB_TO_XYZ, D65, _same),
    "display-p3": (_to_xyz(((0.680, 0.320), (0.265, 0.690), (0.150, 0.060)), D65), D65,
                   _srgb_linear),
    "a98-rgb": (_to_xyz(((0.64, 0.33), (0.21, 0.71), (0.15, 0.06)), D65), D65, _a98_linear),
    "prophoto-rgb": (_to_xyz(((0.734699, 0.265301), (0.159597, 0.840403),
                              (0.036598, 0.000105)), D50), D50, _prophoto_linear),
    "rec2020": (_to_xyz(((0.708, 0.292), (0.170, 0.797), (0.131, 0.046)), D65), D65,
                _rec2020_linear),
}
# ... and XYZ (of each one's white) to its linear RGB
_FROM_XYZ = {space: _inverse(matrix) for space, (matrix, _, _) in _RGB_SPACES.items()}
_POLAR = {"lch": 2, "oklch": 2, "hsl": 0, "hwb": 0}      # the hue's index

# -- to XYZ-D65, and to sRGB ----------------------------------------------------------------

_KAPPA = 24389 / 27
_EPSILON = 216 / 24389


def _lab_to_xyz_d50(lightness: float, a: float, b: float) -> Vector:
    f1 = (lightness + 16) / 116
    f0, f2 = a / 500 + f1, f1 - b / 200
    x = f0 ** 3 if f0 ** 3 > _EPSILON else (116 * f0 - 16) / _KAPPA
    y = f1 ** 3 if lightness > _KAPPA * _EPSILON else lightness / _KAPPA
    z = f2 ** 3 if f2 ** 3 > _EPSILON else (116 * f2 - 16) / _KAPPA
    return (x * D50[0], y * D50[1], z * D50[2])


def _xyz_d50_to_lab(xyz: Vector) -> Vector:
    def f(value: float) -> float:
        return value ** (1 / 3) if value > _EPSILON else (_KAPPA * value + 16) / 116
    fx, fy, fz = (f(xyz[i] / D50[i]) for i in range(3))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def _polar_to_rectangular(lightness: float, chroma: float, hue: float) -> Vector:
    radians = math.radians(hue)
    return (lightness, chroma * math.cos(radians), chroma * math.sin(radians))


def _rectangular_to_polar(lightness: float, a: float, b: float) -> Vector:
    return (lightness, math.hypot(a, b), math.degrees(math.atan2(b, a)) % 360)


def _hsl_to_srgb(hue: float, saturation: float, lightness: float) -> Vector:
    saturation, lightness = saturation / 100, lightness / 100

    def channel(n: float) -> float:
        k = (n + hue / 30) % 12
        a = saturation * min(lightness, 1 - lightness)
        return lightness - a * max(-1.0, min(k - 3, 9 - k, 1.0))
    return (channel(0), channel(8), channel(4))


def _srgb_to_hsl(r: float, g: float, b: float) -> Vector:
    high, low = max(r, g, b), min(r, g, b)
    lightness = (high + low) / 2
    delta = high - low
    hue = saturation = 0.0
    if delta:
        saturation = 0.0 if lightness in (0, 1) else (high - lightness) / min(lightness,
                                                                             1 - lightness)
        if high == r:
            hue = (g - b) / delta + (6 if g < b else 0)
        elif high == g:
            hue = (b - r) / delta + 2
        else:
            hue = (r - g) / delta + 4
        hue *= 60
    return (hue % 360, saturation * 100, lightness * 100)


def _hwb_to_srgb(hue: float, white: float, black: float) -> Vector:
    white, black = white / 100, black / 100
    if white + black >= 1:
        grey = white / (white + black)
        return (grey, grey, grey)
    red, green, blue = _hsl_to_srgb(hue, 100, 50)
    return tuple(c * (1 - white - black) + white for c in (red, green, blue))  # type: ignore


def to_xyz(space: str, coordinates: Sequence[float]) -> Vector:
    """A colour of a CSS Color 4 space (tinycss2's names: ``xyz-d65``...) in XYZ-D65."""
    if space in _RGB_SPACES:
        matrix, white, linear = _RGB_SPACES[space]
        xyz = _multiply(matrix, [linear(c) for c in coordinates])
        return _multiply(_D50_TO_D65, xyz) if white is D50 else xyz
    if space == "xyz-d65":
        return (coordinates[0], coordinates[1], coordinates[2])
    if space == "xyz-d50":
        return _multiply(_D50_TO_D65, coordinates)
    if space in ("lab", "lch"):
        lab = _polar_to_rectangular(*coordinates) if space == "lch" else coordinates
        return _multiply(_D50_TO_D65, _lab_to_xyz_d50(*lab))
    if space in ("oklab", "oklch"):
        oklab = _polar_to_rectangular(*coordinates) if space == "oklch" else coordinates
        lms = _multiply(_LMS_FROM_OKLAB, oklab)
        return _multiply(_XYZ_FROM_LMS, [c ** 3 for c in lms])
    if space == "hsl":
        return to_xyz("srgb", _hsl_to_srgb(*coordinates))
    if space == "hwb":
        return to_xyz("srgb", _hwb_to_srgb(*coordinates))
    raise ValueError(space)


def from_xyz(space: str, xyz: Vector) -> Vector:
    """XYZ-D65 in a CSS Color 4 space (the inverse of :func:`to_xyz`)."""
    if space in _RGB_SPACES:
        if _RGB_SPACES[space][1] is D50:
            xyz = _multiply(_D65_TO_D50, xyz)
        rgb = _multiply(_FROM_XYZ[space], xyz)
        return tuple(_gamma(space, c) for c in rgb)  # type: ignore[return-value]
    if space == "xyz-d65":
        return xyz
    if space == "xyz-d50":
        return _multiply(_D65_TO_D50, xyz)
    if space in ("lab", "lch"):
        lab = _xyz_d50_to_lab(_multiply(_D65_TO_D50, xyz))
        return _rectangular_to_polar(*lab) if space == "lch" else lab
    if space in ("oklab", "oklch"):
        lms = _multiply(_OKLAB_LMS, xyz)
        oklab = _multiply(_OKLAB_FROM_LMS, [math.copysign(abs(c) ** (1 / 3), c) for c in lms])
        return _rectangular_to_polar(*oklab) if space == "oklch" else oklab
    if space in ("hsl", "hwb"):
        r, g, b = from_xyz("srgb", xyz)
        hue, saturation, lightness = _srgb_to_hsl(r, g, b)
        if space == "hsl":
            return (hue, saturation, lightness)
        return (hue, min(r, g, b) * 100, (1 - max(r, g, b)) * 100)
    raise ValueError(space)


def _gamma(space: str, c: float) -> float:
    """Linear light to the encoded value of an RGB space (the inverse of its transfer)."""
    if space in ("srgb", "display-p3"):
        return _srgb_gamma(c)
    if space == "srgb-linear":
        return c
    if space == "a98-rgb":
        return math.copysign(abs(c) ** (256 / 563), c)
    if space == "prophoto-rgb":
        return c * 16 if abs(c) < 1 / 512 else math.copysign(abs(c) ** (1 / 1.8), c)
    a = abs(c)                  # rec2020
    if a < _REC2020_BETA:
        return c * 4.5
    return math.copysign(_REC2020_ALPHA * a ** 0.45 - (_REC2020_ALPHA - 1), c)


def to_srgb(space: str, coordinates: Sequence[float]) -> Vector:
    """A colour of a CSS Color 4 space in sRGB, clipped to its gamut (0 to 1 each)."""
    if space == "srgb":
        rgb: Sequence[float] = coordinates
    elif space == "hsl":
        rgb = _hsl_to_srgb(*coordinates)
    elif space == "hwb":
        rgb = _hwb_to_srgb(*coordinates)
    else:
        rgb = from_xyz("srgb", to_xyz(space, coordinates))
    return tuple(max(0.0, min(1.0, c)) for c in rgb)  # type: ignore[return-value]


# -- color-mix() ----------------------------------------------------------------------------

# The interpolation spaces color-mix() names (CSS Color 5), as tinycss2 names the spaces
_MIX_SPACES = {"srgb": "srgb", "srgb-linear": "srgb-linear", "display-p3": "display-p3",
               "a98-rgb": "a98-rgb", "prophoto-rgb": "prophoto-rgb", "rec2020": "rec2020",
               "lab": "lab", "oklab": "oklab", "xyz": "xyz-d65", "xyz-d50": "xyz-d50",
               "xyz-d65": "xyz-d65", "hsl": "hsl", "hwb": "hwb", "lch": "lch",
               "oklch": "oklch"}
_HUE_METHODS = frozenset(("shorter", "longer", "increasing", "decreasing"))
# A chroma (lch, oklch) or saturation (hsl) this small makes the hue powerless: it is read as
# missing when interpolating (CSS Color 4, section 4.4)
_ACHROMATIC = {"lch": 0.0015, "oklch": 0.000004, "hsl": 0.0001}


def parse(text: str) -> Parsed | None:
    """A colour value as its space, coordinates and alpha (``color-mix()`` worked out to its
    interpolation space); None when it is no colour, or one not decided here (``currentcolor``,
    a system colour, a relative colour)."""
    return _parse(text.strip())


@functools.lru_cache(maxsize=1024)
def _parse(text: str) -> Parsed | None:
    lower = text.lower()
    if lower.startswith("color-mix("):
        try:
            token = tinycss2.parse_one_component_value(text)
        except Exception:       # (tinycss2 raises on some malformed input)
            return None
        return _mix(token) if isinstance(token, ast.FunctionBlock) else None
    if lower.startswith("light-dark("):
        return None             # a colour of the used scheme (see light_dark)
    if _FROM.search(lower) is not None:
        try:
            token = tinycss2.parse_one_component_value(text)
        except Exception:       # (tinycss2 raises on some malformed input)
            return None
        return _relative(token) if isinstance(token, ast.FunctionBlock) else None
    try:
        found = color4.parse_color(text)
    except Exception:           # (tinycss2 raises on some malformed input)
        return None
    if found is None or isinstance(found, str):
        return None
    space = "xyz-d65" if found.space == "xyz" else found.space
    coordinates = tuple(None if c is None else float(c) for c in found.coordinates)
    return space, coordinates, float(found.alpha)


def _arguments(token: ast.FunctionBlock) -> list[list[ast.Node]]:
    """A function's arguments between commas, without white space and comments."""
    parts: list[list[ast.Node]] = [[]]
    for item in token.arguments:
        if isinstance(item, ast.LiteralToken) and item.value == ",":
            parts.append([])
        elif not isinstance(item, (ast.WhitespaceToken, ast.Comment)):
            parts[-1].append(item)
    return parts


def _mix(token: ast.FunctionBlock) -> Parsed | None:
    """color-mix(): (the interpolation space, the mixed coordinates, alpha)."""
    parts = _arguments(token)
    if len(parts) != 3:
        return None
    method = [item.lower_value for item in parts[0] if isinstance(item, ast.IdentToken)]
    if len(method) != len(parts[0]) or len(method) < 2 or method[0] != "in":
        return None
    space = _MIX_SPACES.get(method[1])
    hue = "shorter"
    if space is None:
        return None
    if len(method) == 4 and space in _POLAR and method[2] in _HUE_METHODS and (
            method[3] == "hue"):
        hue = method[2]
    elif len(method) != 2:
        return None
    colours: list[Parsed] = []
    weights: list[float | None] = []
    for part in parts[1:]:
        percentages = [item for item in part if isinstance(item, ast.PercentageToken)]
        others = [item for item in part if not isinstance(item, ast.PercentageToken)]
        if len(percentages) > 1 or len(others) != 1:
            return None
        colour = _parse(tinycss2.serialize(others))
        if colour is None:
            return None
        weight = float(percentages[0].value) if percentages else None
        if weight is not None and not 0 <= weight <= 100:
            return None
        colours.append(colour)
        weights.append(weight)
    p1, p2 = weights
    if p1 is None and p2 is None:
        p1 = p2 = 50.0
    elif p1 is None:
        p1 = 100 - p2   # type: ignore[operator]
    elif p2 is None:
        p2 = 100 - p1
    total = p1 + p2     # type: ignore[operator]
    if total == 0:
        return None
    multiplier = min(total, 100) / 100
    p1, p2 = p1 / total, p2 / total     # type: ignore[operator]
    first, second = (_in_space(colour, space) for colour in colours)
    return _interpolate(space, first, second, p2, hue, multiplier)


def _in_space(colour: Parsed, space: str) -> tuple[list[float | None], float]:
    """A colour's coordinates in ``space`` (missing ones kept missing where the two spaces
    share them; a powerless hue made missing) and its alpha."""
    source, coordinates, alpha = colour
    if source == space:
        converted: list[float | None] = list(coordinates)
    else:
        known = [0.0 if c is None else c for c in coordinates]
        converted = list(from_xyz(space, to_xyz(source, known)))
        if _analogous(source, space):
            for i, c in enumerate(coordinates):
                if c is None:
                    converted[i] = None
    # (hsl's saturation is its index 1, as lch's chroma)
    chroma = converted[1] if space in _ACHROMATIC else None
    if chroma is not None and abs(chroma) <= _ACHROMATIC[space]:
        converted[0 if space == "hsl" else 2] = None
    if space == "hwb" and None not in converted[1:] and (
            converted[1] + converted[2] >= 100 - 1e-6):  # type: ignore[operator]
        converted[0] = None                             # (a grey: no hue)
    return converted, alpha


_RECTANGULAR_RGB = frozenset((*_RGB_SPACES, "xyz-d50", "xyz-d65"))


def _analogous(source: str, target: str) -> bool:
    rgb = _RECTANGULAR_RGB
    return source == target or (source in rgb and target in rgb) or (
        {source, target} <= {"lab", "oklab"}) or ({source, target} <= {"lch", "oklch"})


def _interpolate(space: str, first: tuple[list[float | None], float],
                 second: tuple[list[float | None], float], amount: float, hue: str,
                 multiplier: float) -> Parsed:
    (given_a, alpha_a), (given_b, alpha_b) = first, second
    hue_index = _POLAR.get(space)
    # missing components take the other colour's; both missing: 0
    a: list[float] = [(0.0 if y is None else y) if x is None else x
                      for x, y in zip(given_a, given_b, strict=True)]
    b: list[float] = [(0.0 if x is None else x) if y is None else y
                      for x, y in zip(given_a, given_b, strict=True)]
    if hue_index is not None:
        h1, h2 = a[hue_index] % 360, b[hue_index] % 360
        delta = h2 - h1
        if hue == "shorter":
            if delta > 180:
                h1 += 360
            elif delta < -180:
                h2 += 360
        elif hue == "longer":
            if 0 < delta < 180:
                h1 += 360
            elif -180 < delta <= 0:
                h2 += 360
        elif hue == "increasing" and delta < 0:
            h2 += 360
        elif hue == "decreasing" and delta > 0:
            h1 += 360
        a[hue_index], b[hue_index] = h1, h2
    alpha = alpha_a * (1 - amount) + alpha_b * amount
    mixed: list[float] = []
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if i == hue_index:
            mixed.append((x * (1 - amount) + y * amount) % 360)
        elif alpha:
            mixed.append((x * alpha_a * (1 - amount) + y * alpha_b * amount) / alpha)
        else:
            mixed.append(x * (1 - amount) + y * amount)
    return space, tuple(mixed), alpha * multiplier


def srgb(text: str) -> tuple[float, float, float, float] | None:
    """A colour value as sRGB (0 to 1, clipped to the gamut) and alpha; None as :func:`parse`."""
    found = parse(text)
    if found is None:
        return None
    space, coordinates, alpha = found
    red, green, blue = to_srgb(space, [0.0 if c is None else c for c in coordinates])
    return (red, green, blue, max(0.0, min(1.0, alpha)))


# -- relative colours ---------------------------------------------------------------------

_FROM = re.compile(r"^[-a-z]+\(\s*from\s", re.I)
# A relative colour's function: its space, its channels' keywords and each one's reference
# range (what 100% is, and how its value maps to the space's coordinates: rgb()'s 0-255 are
# sRGB's 0-1); hue channels are None (an angle, in degrees)
_RELATIVE: dict[str, tuple[str, tuple[str, str, str], tuple[float | None, ...], float]] = {
    "rgb": ("srgb", ("r", "g", "b"), (255.0, 255.0, 255.0), 255.0),
    "rgba": ("srgb", ("r", "g", "b"), (255.0, 255.0, 255.0), 255.0),
    "hsl": ("hsl", ("h", "s", "l"), (None, 100.0, 100.0), 1.0),
    "hsla": ("hsl", ("h", "s", "l"), (None, 100.0, 100.0), 1.0),
    "hwb": ("hwb", ("h", "w", "b"), (None, 100.0, 100.0), 1.0),
    "lab": ("lab", ("l", "a", "b"), (100.0, 125.0, 125.0), 1.0),
    "oklab": ("oklab", ("l", "a", "b"), (1.0, 0.4, 0.4), 1.0),
    "lch": ("lch", ("l", "c", "h"), (100.0, 150.0, None), 1.0),
    "oklch": ("oklch", ("l", "c", "h"), (1.0, 0.4, None), 1.0),
}
_COLOR_SPACES = {"srgb": "srgb", "srgb-linear": "srgb-linear", "display-p3": "display-p3",
                 "a98-rgb": "a98-rgb", "prophoto-rgb": "prophoto-rgb", "rec2020": "rec2020",
                 "xyz": "xyz-d65", "xyz-d65": "xyz-d65", "xyz-d50": "xyz-d50"}
_ANGLES = {"deg": 1.0, "grad": 0.9, "rad": 180 / math.pi, "turn": 360.0}


class _NotRead(Exception):
    """A relative colour's channel this reading does not work out."""


def _relative(token: ast.FunctionBlock) -> Parsed | None:
    """A relative colour (CSS Color 5, section 4: ``rgb(from var(--brand) r g b / 50%)``):
    the origin colour in the function's space, its channels named by keywords in the
    arguments, which may be numbers, percentages, angles, ``none`` or ``calc()``,
    ``min()``, ``max()`` and ``clamp()`` of them."""
    name = token.lower_name
    items = [item for item in token.arguments
             if not isinstance(item, (ast.WhitespaceToken, ast.Comment))]
    if len(items) < 2 or not isinstance(items[0], ast.IdentToken) or (
            items[0].lower_value != "from"):
        return None
    origin = _parse(tinycss2.serialize([items[1]]))
    if origin is None:
        return None
    rest = items[2:]
    if name == "color":
        if not rest or not isinstance(rest[0], ast.IdentToken):
            return None
        space = _COLOR_SPACES.get(rest[0].lower_value)
        if space is None:
            return None
        keywords = ("x", "y", "z") if space.startswith("xyz") else ("r", "g", "b")
        ranges: tuple[float | None, ...] = (1.0, 1.0, 1.0)
        scale = 1.0
        rest = rest[1:]
    elif name in _RELATIVE:
        space, keywords, ranges, scale = _RELATIVE[name]
    else:
        return None
    if len(rest) == 5 and isinstance(rest[3], ast.LiteralToken) and rest[3].value == "/":
        channels, alpha_item = rest[:3], rest[4]
    elif len(rest) == 3:
        channels, alpha_item = rest, None
    else:
        return None
    source, coordinates, alpha = origin
    known = [0.0 if c is None else c for c in coordinates]
    converted = known if source == space else list(from_xyz(space, to_xyz(source, known)))
    values = {keyword: value * scale for keyword, value in zip(keywords, converted,
                                                                strict=True)}
    values["alpha"] = alpha
    try:
        read = [_channel(item, values, reference) for item, reference in zip(
            channels, ranges, strict=True)]
        new_alpha = alpha if alpha_item is None else _channel(alpha_item, values, 1.0)
    except (_NotRead, ZeroDivisionError, OverflowError):
        return None
    coordinates_out = tuple(None if c is None else c / scale for c in read)
    if new_alpha is None:
        new_alpha = 0.0
    return space, coordinates_out, max(0.0, min(1.0, new_alpha))


def _channel(item: ast.Node, values: dict[str, float], reference: float | None
             ) -> float | None:
    """One channel argument of a relative colour (None: ``none``)."""
    if isinstance(item, ast.IdentToken) and item.lower_value == "none":
        return None
    return _value(item, values, reference)


def _value(item: ast.Node, values: dict[str, float], reference: float | None) -> float:
    if isinstance(item, ast.NumberToken):
        return float(item.value)
    if isinstance(item, ast.PercentageToken):
        if reference is None:
            raise _NotRead       # (no percentage for a hue)
        return float(item.value) / 100 * reference
    if isinstance(item, ast.DimensionToken):
        factor = _ANGLES.get(item.lower_unit)
        if factor is None or reference is not None:
            raise _NotRead
        return float(item.value) * factor
    if isinstance(item, ast.IdentToken):
        found = values.get(item.lower_value)
        if found is None:
            raise _NotRead
        return found
    if isinstance(item, ast.FunctionBlock) and item.lower_name in ("calc", "min", "max",
                                                                    "clamp"):
        read = [_sum(part, values, reference) for part in _arguments(item)]
        if item.lower_name == "calc" and len(read) == 1:
            return read[0]
        if item.lower_name == "min" and read:
            return min(read)
        if item.lower_name == "max" and read:
            return max(read)
        if item.lower_name == "clamp" and len(read) == 3:
            return max(read[0], min(read[1], read[2]))
        raise _NotRead
    if isinstance(item, ast.ParenthesesBlock):
        return _sum([inner for inner in item.content
                     if not isinstance(inner, (ast.WhitespaceToken, ast.Comment))],
                    values, reference)
    raise _NotRead


def _sum(items: list[ast.Node], values: dict[str, float], reference: float | None) -> float:
    """A calc() sum: products joined by + and -, a product factors joined by * and /."""
    if not items:
        raise _NotRead
    total: float | None = None
    sign = 1.0
    product: float | None = None
    operator = "*"
    for item in [*items, None]:
        if item is None or (isinstance(item, ast.LiteralToken) and item.value in "+-"):
            if product is None:
                raise _NotRead
            total = (total or 0.0) + sign * product
            if item is not None:
                sign = 1.0 if item.value == "+" else -1.0
                product = None
                operator = "*"
            continue
        if isinstance(item, ast.LiteralToken) and item.value in "*/":
            if product is None:
                raise _NotRead
            operator = item.value
            continue
        value = _value(item, values, reference)
        if product is None:
            if operator != "*":
                raise _NotRead      # (a value right after another)
            product = value
            operator = ""
        elif operator == "*":
            product *= value
            operator = ""
        elif operator == "/":
            product /= value
            operator = ""
        else:
            raise _NotRead      # two values without an operator
    if total is None:
        raise _NotRead
    return total


# -- light-dark() ---------------------------------------------------------------------------

# The functions whose value is a colour (a background shorthand's word that is one of them is
# its colour, read or not)
COLOR_FUNCTIONS = frozenset(("rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab",
                             "oklch", "color", "color-mix", "light-dark", "-webkit-light-dark"))


def light_dark(text: str, dark: bool) -> str | None:
    """``text`` with each ``light-dark(L, D)`` in it replaced by L, or by D if ``dark`` (CSS
    Color 5, section 6); None when one is malformed."""
    at = text.lower().find("light-dark(")
    while at >= 0:
        end = closing(text, at + 11)
        if end is None:
            return None
        try:
            token = tinycss2.parse_one_component_value(text[at:end + 1])
        except Exception:       # (tinycss2 raises on some malformed input)
            return None
        parts = _arguments(token) if isinstance(token, ast.FunctionBlock) else []
        if len(parts) != 2:
            return None
        text = text[:at] + tinycss2.serialize(parts[dark]) + text[end + 1:]
        at = text.lower().find("light-dark(", at)
    return text


# -- system colours -------------------------------------------------------------------------

# CSS Color 4's system colours (section 6.2) that browsers give fixed values, and the
# deprecated ones mapped to them, as Chromium 156 computes them in a light and a dark colour
# scheme (8-bit sRGB; read off the browser, see tests/test_styles_browser.py). Those that
# follow the reader's platform (Highlight, AccentColor, SelectedItem and their text, the focus
# ring) are left out: unknown.
_SYSTEM: dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]] = {
    "canvas": ((255, 255, 255), (18, 18, 18)),
    "canvastext": ((0, 0, 0), (255, 255, 255)),
    "linktext": ((0, 0, 238), (158, 158, 255)),
    "visitedtext": ((85, 26, 139), (208, 173, 240)),
    "activetext": ((255, 0, 0), (255, 0, 0)),
    "buttonface": ((239, 239, 239), (107, 107, 107)),
    "buttontext": ((0, 0, 0), (255, 255, 255)),
    "buttonborder": ((0, 0, 0), (255, 255, 255)),
    "field": ((255, 255, 255), (59, 59, 59)),
    "fieldtext": ((0, 0, 0), (255, 255, 255)),
    "graytext": ((128, 128, 128), (128, 128, 128)),
    "mark": ((255, 255, 0), (255, 255, 0)),
    "marktext": ((0, 0, 0), (0, 0, 0)),
    # deprecated (CSS Color 4, section 6.3), as Chromium maps them
    "activeborder": ((0, 0, 0), (255, 255, 255)),
    "activecaption": ((255, 255, 255), (18, 18, 18)),
    "appworkspace": ((255, 255, 255), (18, 18, 18)),
    "background": ((255, 255, 255), (18, 18, 18)),
    "buttonhighlight": ((239, 239, 239), (107, 107, 107)),
    "buttonshadow": ((239, 239, 239), (107, 107, 107)),
    "captiontext": ((0, 0, 0), (255, 255, 255)),
    "inactiveborder": ((0, 0, 0), (255, 255, 255)),
    "inactivecaption": ((255, 255, 255), (18, 18, 18)),
    "inactivecaptiontext": ((128, 128, 128), (128, 128, 128)),
    "infobackground": ((255, 255, 255), (18, 18, 18)),
    "infotext": ((0, 0, 0), (255, 255, 255)),
    "menu": ((255, 255, 255), (18, 18, 18)),
    "menutext": ((0, 0, 0), (255, 255, 255)),
    "scrollbar": ((255, 255, 255), (18, 18, 18)),
    "threeddarkshadow": ((0, 0, 0), (255, 255, 255)),
    "threedface": ((239, 239, 239), (107, 107, 107)),
    "threedhighlight": ((0, 0, 0), (255, 255, 255)),
    "threedlightshadow": ((0, 0, 0), (255, 255, 255)),
    "threedshadow": ((0, 0, 0), (255, 255, 255)),
    "window": ((255, 255, 255), (18, 18, 18)),
    "windowframe": ((0, 0, 0), (255, 255, 255)),
    "windowtext": ((0, 0, 0), (255, 255, 255)),
    "-webkit-link": ((0, 0, 238), (158, 158, 255)),
    "-webkit-activelink": ((255, 0, 0), (255, 158, 158)),
}


def system(word: str, dark: bool) -> tuple[float, float, float, float] | None:
    """A system colour (lower case) in a light or dark scheme, as Chromium gives it; None
    for one that follows the reader's platform, or no system colour."""
    found = _SYSTEM.get(word)
    if found is None:
        return None
    red, green, blue = found[dark]
    return (red / 255, green / 255, blue / 255, 1.0)
