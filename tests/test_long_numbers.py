"""Numbers a page writes with thousands of digits, or with digits that are not ASCII, are read
without a crash: Python refuses to convert more than 4,300 digits to an int (the conversion
is quadratic), and ``str.isdigit`` takes "²", which ``int`` refuses."""

from __future__ import annotations

import pytest
from lxml import html

from a11y_audit.dom import BIG, integer, is_digits, list_box_size
from a11y_audit.engine import audit_page
from a11y_audit.knowledge import datetimes
from a11y_audit.limits import AuditLimits
from a11y_audit.page import Page
from a11y_audit.registry import all_rules

D = "9" * 5000

HOSTILE_ATTRIBUTES = f"""<main><div tabindex="{D}">x</div><table><tr><td colspan="{D}"
rowspan="{D}">x</td><th scope=col>h</th></tr></table><h2 role="heading" aria-level="{D}">h</h2>
<ul><li aria-posinset="{D}" aria-setsize="{D}">a</li></ul><ol start="{D}"><li value="{D}">x</li>
</ol><input size="{D}" maxlength="{D}" tabindex="-{D}" aria-label=x><select size="{D}"
aria-label=s><option>o</option></select><select size="²" aria-label=t><option>o</option>
</select><img src=a.png alt="{D}" width="{D}"><time datetime="{D}">x</time><time
datetime="{D}-02-29">y</time><time datetime="{D}h">w</time><meta http-equiv="refresh"
content="{D}; url=/x"><div role="slider" aria-valuenow="{D}" aria-valuemin="-{D}" tabindex=0
aria-label=s></div><div role="grid"><div role="row"><div role="gridcell" aria-colindex="{D}"
aria-colspan="{D}">c</div></div></div><p style="font-weight:²;font-size:{D}px">b</p></main>"""

HOSTILE_SHEET = f"""<style>p{{font-size:{D}px;color:rgb({D},{D},{D});font-weight:{D}}}
li:nth-child({D}n+{D}){{color:red}} li:nth-last-child(-{D}n-{D}){{color:red}}
a{{animation:k {D}s {D}}} @keyframes k{{ {D}% {{color:red}} }} @media (min-width:{D}px){{p{{
display:none}}}} span{{font-size:calc({D}px + 1px)}} div{{width:{D}px;text-indent:-{D}px}}
</style><main><p>x<a href=/>l</a></p><ul><li>i</li></ul><div>d<span>s</span></div></main>"""


@pytest.mark.parametrize("body", [HOSTILE_ATTRIBUTES, HOSTILE_SHEET],
                         ids=["attributes", "stylesheet"])
def test_numbers_of_thousands_of_digits_crash_no_rule(body):
    page = Page.from_html(f"<!doctype html><html lang=en><title>t</title><body>{body}")
    report = audit_page(page, all_rules(), limits=AuditLimits(rule_seconds=None,
                                                              page_seconds=None))
    assert report.errors == []


def test_integers_are_read_whatever_their_length():
    assert integer(" 42 ") == 42 and integer("-007") == -7 and integer("+0") == 0
    assert integer("9" * 18) == int("9" * 18)
    assert integer(D) == BIG and integer("-" + D) == -BIG
    assert integer("0" * 5000 + "12") == 12
    assert is_digits("123") and not is_digits("²") and not is_digits("١٢") and not is_digits("")


def test_a_list_box_needs_a_size_above_one_in_ascii_digits():
    sizes = {size: list_box_size(html.fromstring(f'<select size="{size}"></select>'))
             for size in ("2", " 3 ", "1", "0", "²", "x", D)}
    assert sizes == {"2": True, " 3 ": True, "1": False, "0": False, "²": False, "x": False,
                     D: True}


@pytest.mark.parametrize(("value", "kind"), [
    ("1" * 5000, "year"),                       # HTML years have no upper bound
    ("0" * 5000, None),                         # nor a zero one
    ("1" * 4996 + "2024-02-29", "date"),        # the leap years of its 400-year cycle
    ("1" * 4996 + "2023-02-29", None),
    ("1" * 4996 + "2020-W53", "week"),
    ("1" * 4996 + "2021-W53", None),
])
def test_years_of_thousands_of_digits_keep_their_calendar(value, kind):
    assert datetimes.kind_of(value) == kind
