"""checks.meta: HTML refresh pragma parsing and viewport zoom settings."""

from __future__ import annotations

import pytest

from a11y_audit.checks.meta import (
    first_refresh,
    maximum_scale_problem,
    refresh_time,
    user_scalable_problem,
    viewport_properties,
    zoom_problems,
)
from a11y_audit.page import Page


@pytest.mark.parametrize(
    ("content", "time"),
    [
        ("0; URL='https://github.com'", 0),
        ("5; https://w3.org", 5),
        ("72001; https://w3.org", 72001),
        ("30", 30),
        ("  7 ", 7),
        ("3.9", 3),                  # digits and dots after the time are ignored
        (".5", 0),                   # a leading "." means 0
        ("0, https://w3.org", 0),
        ("0: https://w3.org", None),  # ":" after the time: no refresh
        ("-00.12 foo", None),
        ("; 30", None),
        ("+5; https://w3.org", None),
        ("foo; URL='https://w3.org'", None),
        ("", None),
        (None, None),
    ],
)
def test_refresh_time(content, time):
    assert refresh_time(content) == time


def test_first_refresh_skips_invalid_noscript_and_template():
    page = Page.from_html(
        '<head><meta http-equiv="refresh" content="0: x">'
        '<noscript><meta http-equiv="refresh" content="1"></noscript>'
        '<meta http-equiv="REFRESH" content="5; x"><meta http-equiv="refresh" content="0">'
        "</head><body><template><meta http-equiv='refresh' content='2'></template></body>"
    )
    found = first_refresh(page)
    assert found is not None and found[1] == 5


def test_viewport_properties():
    props = viewport_properties("width = device-width , Maximum-Scale=1;user-scalable=NO")
    assert props == {"width": "device-width", "maximum-scale": "1", "user-scalable": "no"}


@pytest.mark.parametrize(
    ("value", "blocks"),
    [("yes", False), ("device-width", False), ("device-height", False), ("5", False),
     ("1", False), ("-1", False), ("no", True), ("0", True), ("0.5", True), ("-0.9", True),
     ("invalid", True)],
)
def test_user_scalable(value, blocks):
    assert (user_scalable_problem(value) is not None) is blocks


@pytest.mark.parametrize(
    ("value", "blocks"),
    [("2", False), ("2.0", False), ("10", False), ("-1", False), ("device-width", False),
     ("1", True), ("1.5", True), ("0", True), ("yes", True), ("invalid", True), ("", True)],
)
def test_maximum_scale(value, blocks):
    assert (maximum_scale_problem(value) is not None) is blocks


@pytest.mark.parametrize(
    ("content", "applicable", "count"),
    [
        ("width=device-width", False, 0),
        ("", False, 0),
        (None, False, 0),
        ("user-scalable=yes", True, 0),
        ("user-scalable=yes, initial-scale=0.8, maximum-scale=1.5", True, 1),
        ("maximum-scale=1.0, user-scalable=no", True, 2),
    ],
)
def test_zoom_problems(content, applicable, count):
    found_applicable, problems = zoom_problems(content)
    assert found_applicable is applicable
    assert len(problems) == count
