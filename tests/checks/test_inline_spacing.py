"""avoid-inline-spacing: which value reaches the text, and where its em is computed."""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.cascade import cascade_of, winning
from tests.conftest import run_rule


def results(body: str, css: str = "") -> list[tuple[str, str]]:
    report = run_rule("avoid-inline-spacing",
                      f"<html><head><style>{css}</style></head><body>{body}</body></html>")
    return [(f.selector, f.outcome.value) for f in report.findings]


@pytest.mark.parametrize(("body", "css", "expected"), [
    # 0.1em of the wrapper's 20px is 2px, 0.2em of the paragraph's 10px text: passes
    ('<div style="font-size: 20px; letter-spacing: 0.1em !important">'
     '<p style="font-size: 10px">t</p></div>', "", [("html > body > div > p", "passed")]),
    # 0.1em of the paragraph's own font: fails
    ('<div style="font-size: 10px"><p style="font-size: 20px; letter-spacing: 0.1em '
     '!important">t</p></div>', "", [("html > body > div > p", "failed")]),
    # a stylesheet rule on the element between decides
    ('<div style="letter-spacing: 0 !important"><section><p>t</p></section></div>',
     "section { letter-spacing: 0.2em }", []),
    # an important stylesheet rule loses to the important style attribute
    ('<p style="letter-spacing: 0 !important">t</p>', "p { letter-spacing: 1em !important }",
     [("html > body > p", "failed")]),
    # the font shorthand sets line-height: a line height of 1 locked by it
    ('<p style="font: 16px/1 serif !important">t</p>', "", [("html > body > p", "cantTell")]),
    ('<p style="font: 16px/1.5 serif !important">t</p>', "", [("html > body > p", "passed")]),
    # rem: the root's font size
    ('<p style="word-spacing: 0.2rem !important">t</p>', "html { font-size: 20px }",
     [("html > body > p", "passed")]),
    # inherit locks nothing; white space is no text of one's own
    ('<p style="letter-spacing: inherit !important">t</p>', "", []),
    ('<div style="letter-spacing: 0 !important">  <p style="letter-spacing: 0.2em !important">'
     't</p> </div>', "", [("html > body > div > p", "passed")]),
])
def test_the_value_that_reaches_the_text(body, css, expected):
    assert results(body, css) == expected


def test_winning_reads_shorthands_and_priorities():
    page = Page.from_html('<style>p { font: 12px/2 serif !important } p { line-height: 1 }'
                          '</style><p style="all: unset">t</p>')
    p = page.root.xpath("//p")[0]
    declared = cascade_of(page).declarations(p)
    assert winning(declared, "line-height") == ("2", True, "p")
    assert winning(declared, "letter-spacing") == ("unset", False, "style attribute")
    assert winning(declared, "word-spacing") == ("unset", False, "style attribute")
    assert winning([], "line-height") is None
