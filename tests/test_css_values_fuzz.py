"""Malformed CSS values through the cascade and every rule: no rule may crash on them.

A page's CSS is as untrusted as its markup, and values are where a reader meets numbers:
``font-size: 1.2.3em``, ``clip: rect(1..2px, ...)``, ``animation: x 1.2.3s``. Hypothesis
builds declarations of the properties the cascade reads (and the shorthands and animation
properties that set them) from number-like tokens (several dots, a bare exponent, signs,
huge exponents), units, math and shape functions, keywords, commas, slashes and
``!important``, and puts them in ``style`` attributes, a ``<style>`` rule, an ``@media``
query and ``@keyframes``. Every rule runs on the page; a rule that raises is reported by the
engine as "crashed", which fails the test.

CI runs 100 examples (a few seconds), the same each run; a longer, random run::

    A11Y_AUDIT_FUZZ_EXAMPLES=2000 python -m pytest tests/test_css_values_fuzz.py -q
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from a11y_audit.engine import audit_page
from a11y_audit.page import Page
from a11y_audit.semantics.css import TRACKED

EXAMPLES = int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "100"))
DERANDOMIZE = "A11Y_AUDIT_FUZZ_EXAMPLES" not in os.environ

PROPERTIES = sorted(TRACKED | {"font", "background", "border", "outline", "animation",
                               "animation-duration", "animation-delay", "inset", "margin",
                               "animation-iteration-count", "transition", "line-height"})
# (the malformed ones twice: they are what the test is for)
NUMBERS = ("0", "1", "-1", "+1", ".5", "1.", "1e3", "1e-3", "1e999", "-1e999", "9" * 40,
           "0.0000001", *(("1.2.3", "..5", "1..2", "1e", "+-1", "--1", "1.2e3.4", ".", "-.")
                          * 2))
UNITS = ("", "px", "em", "rem", "%", "pt", "vw", "vh", "s", "ms", "deg", "x", "dppx", "fr",
         "ch", "ex", "q", "in", "PX")
KEYWORDS = ("none", "auto", "inherit", "initial", "unset", "revert", "bold", "hidden",
            "absolute", "fixed", "red", "transparent", "currentColor", "smaller", "larger",
            "infinite", "forwards", "paused", "solid", "!important", ",", "/", "var(--x)",
            "var(--x, 1.2.3px)", "")
FUNCTIONS = ("calc", "min", "max", "clamp", "rect", "inset", "translate", "translateX",
             "scale", "rgb", "rgba", "hsl", "color-mix", "cubic-bezier", "steps", "url")


@st.composite
def value(draw: st.DrawFn, depth: int = 1) -> str:
    parts = []
    # mostly one part: a value of several parts is often refused before its numbers are read
    for _ in range(draw(st.sampled_from((1, 1, 1, 2, 3)))):
        kind = draw(st.integers(0, 3 if depth else 2))
        if kind <= 1:
            parts.append(draw(st.sampled_from(NUMBERS)) + draw(st.sampled_from(UNITS)))
        elif kind == 2:
            parts.append(draw(st.sampled_from(KEYWORDS)))
        else:
            inner = draw(st.lists(value(depth - 1), min_size=1, max_size=4))
            separator = draw(st.sampled_from((", ", " ", " + ", " * ", " / ", ",")))
            parts.append(f"{draw(st.sampled_from(FUNCTIONS))}({separator.join(inner)})")
    return " ".join(parts)


DECLARATION = st.tuples(st.sampled_from(PROPERTIES), value()).map(lambda p: f"{p[0]}: {p[1]}")
DECLARATIONS = st.lists(DECLARATION, min_size=1, max_size=6).map("; ".join)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(inline=DECLARATIONS, sheet=DECLARATIONS, frame=DECLARATIONS,
       query=value(), position=st.sampled_from(("absolute", "fixed", "static")))
# what crashed rules before CSS numbers were read as CSS Syntax reads them (a float() of
# "1.2.3"): font sizes, the font shorthand, text-indent, clip, offsets, animation times
@example(inline="font-size: 1.2.3em", sheet="font: bold 1.2.3px serif", frame="opacity: 1",
         query="1.2.3px", position="static")
@example(inline="text-indent: 1.2.3px", sheet="clip: rect(1.2.3px, 1px, 1px, 1px); left: 1.2.3px",
         frame="opacity: ..5", query="1.2.3/1", position="absolute")
@example(inline="font-size: 1..2%", sheet="animation: k 1.2.3s 1.2.3ms 1.2.3 forwards",
         frame="transform: translateY(1.2.3px)", query="calc(1.2.3px)", position="fixed")
def test_malformed_values_never_crash_a_rule(inline, sheet, frame, query, position):
    markup = (
        "<!DOCTYPE html><html lang=en><head><title>t</title><style>"
        f".x {{ {sheet} }} .y {{ position: {position}; {sheet} }}"
        f"@media (min-width: {query}) {{ .x {{ {sheet} }} }}"
        f"@keyframes k {{ from {{ {frame} }} to {{ {frame} }} }}"
        ".z { animation: k 1s forwards }</style></head><body><main>"
        f'<h1 class="x">Headline</h1><p class="x y" style="{inline}">Text <a href="/a">link'
        f'</a> more text</p><p class="y z" style="{inline}">Second paragraph</p>'
        f'<button class="x" style="{inline}">Go</button><img class="y" src="a.png" alt="A">'
        '<a class="x y z" href="#main">Skip</a></main></body></html>')
    report = audit_page(Page.from_html(markup, "page"))
    assert not [error for error in report.errors if "crashed" in error], (
        report.errors, markup)
