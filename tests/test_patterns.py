"""The package's regular expressions read page text in linear time: no run of digits they can
split two ways (``\\d+\\.?\\d*`` reads "123" as 1|23, 12|3, 123: on a long run of digits
that then fails, every split is tried, and an alt text, a keyframe selector or a calc() term
of a few thousand digits took minutes)."""

from __future__ import annotations

import importlib
import pkgutil
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import a11y_audit
from a11y_audit.knowledge import alttext
from a11y_audit.semantics.css import NUMBER

_AMBIGUOUS = (r"\d+\.?\d*", r"\d*\.?\d+", r"[\w-]*\d{5,}[\w-]*")


def _patterns() -> list[tuple[str, str]]:
    found = []
    for module in pkgutil.walk_packages(a11y_audit.__path__, "a11y_audit."):
        if module.name.endswith("__main__"):
            continue
        for name, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{module.name}.{name}", value.pattern))
    return found


def test_no_pattern_splits_a_run_of_digits_two_ways():
    patterns = _patterns()
    assert len(patterns) > 150
    assert [name for name, pattern in patterns
            if any(run in pattern for run in _AMBIGUOUS)] == []


_OLD_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789.+-eE", max_size=12))
def test_numbers_are_the_same_language_as_before(text):
    assert bool(re.fullmatch(NUMBER, text)) == bool(_OLD_NUMBER.fullmatch(text))


def test_file_names_and_numbered_words_are_told_from_alt_text():
    for alt in ("IMG_20190412", "DSC01234", "12345-67", "photo 3", "hero.JPG",
                "a1b2c3d4e5f60718", " 20191120_smith "):
        assert alttext.is_file_name(alt), alt
    for alt in ("1234", "Smith at the 2019 summit", "12345 x",
                "", "1" * 5000 + "!"):
        assert not alttext.is_file_name(alt), alt[:20]
