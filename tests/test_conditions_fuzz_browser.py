"""Random ``@media`` and ``@supports`` conditions: the cascade's answer against Chromium's, a
differential test.

Hypothesis builds conditions from features that hold, do not hold, and that Chromium does
not know (``inverted-colors``, an unknown name, a value a feature does not take), with
``not``, ``and`` and ``or`` nested in parentheses, media types with ``only`` and ``not``,
query lists, and malformed forms (``and``/``or`` mixed without parentheses, ``and(``
written as a function, ``or`` after a media type). Each example is one page whose rules set
``color`` in each condition's block; the colour the cascade computes for each paragraph
must be Chromium's. A difference fails with the conditions on which the two differ.

CI runs 40 examples, the same each run; a longer, random run::

    A11Y_AUDIT_STYLE_FUZZ_EXAMPLES=2000 python -m pytest tests/test_conditions_fuzz_browser.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from a11y_audit.page import Page
from a11y_audit.semantics.cascade import StyleEnvironment

EXAMPLES = int(os.environ.get("A11Y_AUDIT_STYLE_FUZZ_EXAMPLES", "40"))
DERANDOMIZE = "A11Y_AUDIT_STYLE_FUZZ_EXAMPLES" not in os.environ

# Page JavaScript is off in the browser context (tests/conftest.py): no `scripting` feature
MEDIA_FEATURES = (
    "(min-width: 1000px)", "(max-width: 600px)", "(width > calc(1000px + 1px))",
    "(400px <= width <= 2000px)", "(min-width: 10)", "(min-width: 0)", "(hover)",
    "(hover: none)", "(forced-colors)", "(forced-colors: none)", "(inverted-colors: none)",
    "(unknown-x)", "(unknown-x: 1)", "(prefers-reduced-motion: reduce)",
    "(prefers-color-scheme)", "(prefers-color-scheme: blue)", "(orientation: landscape)",
    "(aspect-ratio > 1/1)", "(min-aspect-ratio: 16/9)", "(display-mode: borderless)",
    "(color)", "(monochrome)", "(overflow-block: scroll)", "(min-resolution: 2dppx)",
    "(-webkit-min-device-pixel-ratio: 1)", "(device-posture: continuous)",
)
SUPPORTS_FEATURES = (
    "(display: grid)", "(display: grid-lanes)", "(display: block flex)", "(-ms-ime-align: auto)",
    "(-webkit-appearance: none)", "(-moz-appearance: none)", "(position: -webkit-sticky)",
    "(foo: bar)", "(--x: 1)", "(color: red !important)", "selector(:has(a))",
    "selector(:-moz-focusring)", "selector(a, b)", "font-tech(color-colrv1)",
    "font-format(embedded-opentype)", "at-rule(@scope)", "foo(bar)", "(foo bar)",
)
MEDIA_TYPES = ("", "", "", "screen and ", "only screen and ", "not screen and ", "all and ",
               "print and ", "not print and ", "not all and ")


@st.composite
def condition(draw: st.DrawFn, features: tuple[str, ...], depth: int = 2) -> str:
    """A condition: a feature, or features joined by not/and/or, some malformed."""
    def term() -> str:
        if depth and draw(st.integers(0, 2)) == 0:
            return f"({draw(condition(features, depth - 1))})"
        return draw(st.sampled_from(features))

    shape = draw(st.integers(0, 4 if depth else 0))
    if shape == 0:
        return draw(st.sampled_from(features))
    if shape == 1:
        return f"not {term()}"
    if shape == 2:
        terms = [term() for _ in range(draw(st.integers(2, 3)))]
        join = draw(st.sampled_from((" and ", " or ", " AND ", " and ", " or ", "and",
                                     ") and (")))
        if join == ") and (":
            return f"({') and ('.join(terms)})"        # the terms wrapped once more
        return join.join(terms)
    if shape == 3:
        return f"{term()} and {term()} or {term()}"    # mixed: malformed
    return draw(st.sampled_from(("{} not {}", "not {} and {}", "not {} or {}"))).format(
        term(), term())                                 # malformed


MEDIA = st.lists(st.tuples(st.sampled_from(MEDIA_TYPES), condition(MEDIA_FEATURES)).map(
    lambda p: p[0] + p[1] if not p[0] or p[1].startswith(("(", "not ")) else p[0].strip()),
    min_size=1, max_size=2).map(", ".join)
SUPPORTS = condition(SUPPORTS_FEATURES)


def _red(colour: object) -> bool:
    return colour == (1.0, 0.0, 0.0, 1.0)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(media=st.lists(MEDIA, min_size=1, max_size=20),
       supports=st.lists(SUPPORTS, min_size=1, max_size=20))
def test_random_conditions_are_answered_as_chromium_answers_them(styles_context, media,
                                                                 supports):
    conditions = [("media", text) for text in media] + [("supports", text) for text in supports]
    css = "\n".join(f"@{kind} {text} {{ .c{n} {{ color: red }} }}"
                    for n, (kind, text) in enumerate(conditions))
    body = "".join(f'<p class="c{n}">{n}</p>' for n in range(len(conditions)))
    markup = f"<html><head><style>\n{css}\n</style></head><body>{body}</body></html>"
    page = styles_context.new_page()
    try:
        page.set_content(markup, wait_until="domcontentloaded")
        theirs = page.evaluate("() => [...document.querySelectorAll('p')].map("
                               "p => getComputedStyle(p).color === 'rgb(255, 0, 0)')")
    finally:
        page.close()
    ours_page = Page.from_html(markup)
    ours_page.style_environment = StyleEnvironment(missing_stylesheets="ignore")
    ours = [_red(ours_page.style(p).color) for p in ours_page.root.iter("p")]
    differ = [f"@{kind} {text}: Chromium {chromium}, ours {mine}"
              for (kind, text), chromium, mine in zip(conditions, theirs, ours, strict=True)
              if chromium != mine]
    assert not differ, "\n".join(differ)
