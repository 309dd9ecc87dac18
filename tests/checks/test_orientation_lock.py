"""css-orientation-lock: rotations composed from every transform function, and which
elements the orientation media feature turns."""

from __future__ import annotations

import math

import pytest

from a11y_audit.rules.css_orientation_lock import _angle
from tests.conftest import run_rule


@pytest.mark.parametrize(("transform", "rotate", "degrees"), [
    ("none", "none", 0), ("rotate(90deg)", "none", 90), ("rotateZ(-0.25turn)", "none", -90),
    ("rotate(1.5708rad)", "none", 90), ("rotate(100grad)", "none", 90),
    ("matrix(0, 1, -1, 0, 10, 20)", "none", 90),
    ("matrix3d(0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)", "none", -90),
    ("rotate3d(0, 0, 1, 90deg)", "none", 90), ("rotate3d(0, 0, -2, 90deg)", "none", -90),
    ("rotate3d(1, 0, 0, 90deg)", "none", 0), ("rotateX(60deg) rotate(45deg)", "none", None),
    ("translate(10px, 5px) rotate(30deg) scale(2)", "none", 30),
    ("rotate(45deg) rotate(45deg)", "none", 90), ("skewX(45deg)", "none", 0),
    ("none", "90deg", 90), ("none", "z 90deg", 90), ("none", "0 0 1 -90deg", -90),
    ("none", "x 90deg", 0), ("rotate(10deg)", "80deg", 90),
])
def test_the_rotation_about_z(transform, rotate, degrees):
    found = _angle(transform, rotate)
    if degrees is None:     # a rotation about x squashes the y axis: the x axis still at 45°
        assert found == pytest.approx(math.degrees(math.atan2(math.sin(math.pi / 4) * 0.5,
                                                              math.cos(math.pi / 4))))
    else:
        assert found == pytest.approx(degrees, abs=1e-3)


@pytest.mark.parametrize("transform", ["rotate(var())", "rotate(90)", "spin(90deg)",
                                       "rotate(90deg) junk"])
def test_what_cannot_be_read(transform):
    from a11y_audit.rules.css_orientation_lock import _Unknown
    with pytest.raises(_Unknown):
        _angle(transform, "none")


def outcomes(css: str, body: str = "<div class=\"x\">Map</div>") -> list:
    report = run_rule("css-orientation-lock",
                      f"<html><head><style>{css}</style></head><body>{body}</body></html>")
    return [(f.selector, f.outcome.value) for f in report.findings]


def test_only_what_the_orientation_feature_turns_is_judged():
    assert outcomes("@media (orientation: portrait) { .x { transform: rotate(90deg) } }") == [
        ("div.x", "failed")]
    # the same rotation in both orientations, or a width query: not an orientation lock
    assert outcomes(".x { transform: rotate(90deg) }") == []
    assert outcomes("@media (max-width: 2000px) { .x { transform: rotate(90deg) } }") == []
    # not rendered
    assert outcomes("@media (orientation: portrait) { .x { transform: rotate(90deg) } }",
                    '<div class="x" hidden>Map</div>') == []
    # a linked media attribute asks for the orientation too
    assert outcomes("", '<style media="(orientation: portrait)">.x { rotate: 90deg }</style>'
                        '<div class="x">Map</div>') == [("div.x", "failed")]


@pytest.mark.parametrize(("css", "turns"), [
    ("@media (orientation: portrait) { .x { transform: rotate(90deg) } }", True),
    ("@media (orientation:landscape){.x{transform:scale(.8)}} .y{transform:rotate(9deg)}",
     False),
    ("@media screen and (min-width: 40em) and (orientation: portrait) {"
     " @supports (rotate: 0deg) { .x { rotate: 90deg } } }", True),
    ("@media (orientation: portrait) { .x { transform: var(--turn) } }", True),
    ("@media (orientation: portrait) { .x { all: unset } }", True),
    (".x { image-orientation: from-image; transform: rotate(90deg) }", False),
    ("@media (orientation: portrait) { .x { color: red }", False),     # not closed
])
def test_which_sheets_may_turn_by_orientation(css, turns):
    from a11y_audit.semantics.css import turns_by_orientation
    assert turns_by_orientation(css) is turns
