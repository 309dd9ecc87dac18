"""semantics.tabbing: what is in the Tab order, including srcdoc frames and script hints."""

from __future__ import annotations

import pytest

from a11y_audit.page import Page
from a11y_audit.semantics.tabbing import (
    FRAME,
    TABBABLE,
    focus_state,
    frame_content_state,
    is_inert,
    script_may_change_tabindex,
    script_may_move_focus,
    tabbable_in,
)


def _target(markup: str):
    page = Page.from_html(markup)
    return page, page.root.xpath("//*[@id='t']")[0]


@pytest.mark.parametrize(
    ("markup", "state"),
    [
        ('<a id="t" href="/">x</a>', TABBABLE),
        ('<a id="t">x</a>', None),
        ('<a id="t" href="/" tabindex="-1">x</a>', None),
        ('<button id="t" disabled>x</button>', None),
        ('<p id="t" tabindex="0">x</p>', TABBABLE),
        ('<a id="t" href="/" style="display:none">x</a>', None),
        ('<div hidden><a id="t" href="/">x</a></div>', None),
        ('<div inert><a id="t" href="/">x</a></div>', None),
        ('<dialog><a id="t" href="/">x</a></dialog>', None),
        ('<dialog open><a id="t" href="/">x</a></dialog>', TABBABLE),
        ('<details><summary id="t">s</summary></details>', TABBABLE),
        ('<details><summary>s</summary><a id="t" href="/">x</a></details>', None),
        ('<iframe id="t" srcdoc="<a href=\'/\'>x</a>"></iframe>', TABBABLE),
        ('<iframe id="t" srcdoc="<h1>x</h1>"></iframe>', None),
        ('<iframe id="t" src="https://ads.example/"></iframe>', FRAME),
        ('<iframe id="t"></iframe>', None),
        ('<iframe id="t" tabindex="-1" src="https://ads.example/"></iframe>', None),
    ],
)
def test_focus_state(markup, state):
    page, el = _target(markup)
    assert focus_state(page, el) == state


def test_frame_content_state_ignores_the_frames_own_tabindex():
    _, el = _target('<iframe id="t" tabindex="-1" srcdoc="<button>b</button>"></iframe>')
    assert frame_content_state(el) == TABBABLE


def test_tabbable_in_lists_descendants_in_order():
    page, el = _target('<div id="t"><a href="/a">a</a><span>x</span><input>'
                       '<button tabindex="-1">b</button></div>')
    assert [e.tag for e, _ in tabbable_in(page, el)] == ["a", "input"]


@pytest.mark.parametrize(
    ("markup", "inert"),
    [('<div inert><p id="t">x</p></div>', True), ('<dialog><p id="t">x</p></dialog>', True),
     ('<dialog open><p id="t">x</p></dialog>', False), ('<p id="t">x</p>', False)],
)
def test_is_inert(markup, inert):
    _, el = _target(markup)
    assert is_inert(el) is inert


@pytest.mark.parametrize(
    ("markup", "moves"),
    [
        ('<a id="t" href="#" onfocus="go()">x</a>', True),
        ('<a id="t" href="#">x</a><script>document.getElementById("t")'
         '.addEventListener("focus", f)</script>', True),
        ('<a id="t" href="#">x</a><script>document.getElementById("u").focus()</script>', False),
        ('<a id="t" href="#">x</a><script src="/app.js"></script>', False),
        ('<a href="#">x</a>', False),
    ],
)
def test_script_may_move_focus(markup, moves):
    page = Page.from_html(markup)
    el = page.by_tag["a"][0]
    assert script_may_move_focus(page, el) is moves


@pytest.mark.parametrize(
    ("script", "changes"),
    [("myFrame.tabIndex = '-1'", True), ("dialog.showModal(); x = myFrame", True),
     ("myFrameX.tabIndex = -1", False), ("console.log(myFrame)", False)],
)
def test_script_may_change_tabindex(script, changes):
    page = Page.from_html(f'<iframe id="myFrame"></iframe><script>{script}</script>')
    assert script_may_change_tabindex(page, page.ids["myFrame"]) is changes


@pytest.mark.parametrize("backwards", [False, True])
def test_subtree_end_is_the_position_of_the_last_descendant(backwards):
    from a11y_audit.semantics.tabbing import subtree_end

    page = Page.from_html(
        "<body><div id=a><p>x<b>y</b><!-- c --></p><ul><li>1</li><li>2<i>z</i></li></ul>"
        "<!-- trailing comment --></div><button><button><button>q</button></button></button>"
        "<span></span></body>")
    asked = list(reversed(page.elements)) if backwards else page.elements
    for el in asked:      # the memo fills in a different order each way
        inner = [d for d in el.iterdescendants() if isinstance(d.tag, str)]
        expected = page.order[inner[-1]] if inner else page.order[el]
        assert subtree_end(page, el) == expected, el.tag
