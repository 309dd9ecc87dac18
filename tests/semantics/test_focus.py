"""Focusability from markup (semantics/focus.py), table-driven."""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics import focus


def _el(markup: str):
    page = Page.from_html(f"<body>{markup}</body>")
    return page.root.xpath("//*[@id='t']")[0]


@pytest.mark.parametrize(("markup", "focusable", "tabbable"), [
    ('<a id="t" href="/">x</a>', True, True),
    ('<a id="t">x</a>', False, False),
    ('<a id="t" tabindex="0">x</a>', True, True),
    ('<map><area id="t" href="/" alt="x"></map>', True, True),
    ('<button id="t">x</button>', True, True),
    ('<button id="t" disabled>x</button>', False, False),
    ('<button id="t" disabled tabindex="0">x</button>', False, False),
    ('<fieldset disabled><input id="t"></fieldset>', False, False),
    ('<fieldset disabled><legend><input id="t"></legend></fieldset>', True, True),
    ('<input id="t">', True, True),
    ('<input id="t" type="hidden">', False, False),
    ('<input id="t" type="hidden" tabindex="0">', False, False),
    ('<select id="t"><option>a</option></select>', True, True),
    ('<textarea id="t"></textarea>', True, True),
    ('<iframe id="t" src="/ad"></iframe>', True, True),
    ('<details><summary id="t">More</summary>x</details>', True, True),
    ('<details><summary>a</summary><summary id="t">b</summary></details>', False, False),
    ('<summary id="t">Orphan</summary>', False, False),
    ('<video id="t" controls></video>', True, True),
    ('<video id="t"></video>', False, False),
    ('<div id="t" contenteditable>x</div>', True, True),
    ('<div id="t" contenteditable="false">x</div>', False, False),
    ('<div id="t">x</div>', False, False),
    ('<div id="t" tabindex="0">x</div>', True, True),
    ('<div id="t" tabindex="-1">x</div>', True, False),
    ('<div id="t" tabindex=" 2 ">x</div>', True, True),
    ('<div id="t" tabindex="abc">x</div>', False, False),
    ('<div id="t" tabindex="">x</div>', False, False),
    ('<div inert><a id="t" href="/">x</a></div>', False, False),
    ('<div inert><div id="t" tabindex="0">x</div></div>', False, False),
    ('<svg><a id="t" xlink:href="/">x</a></svg>', True, True),
])
def test_focusable_and_tabbable(markup, focusable, tabbable):
    el = _el(markup)
    assert focus.is_focusable(el) is focusable
    assert focus.is_tabbable(el) is tabbable


@pytest.mark.parametrize(("value", "parsed"), [
    ("0", 0), ("-1", -1), ("+3", 3), (" 7 ", 7), ("1.5", None), ("x", None), (None, None),
])
def test_tabindex(value, parsed):
    el = _el(f'<div id="t" tabindex="{value}"></div>' if value is not None else '<div id="t">')
    assert focus.tabindex(el) == parsed
