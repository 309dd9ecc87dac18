"""Our computed styles equal Chromium's (getComputedStyle) on pages that exercise the cascade:
the browser's defaults, legacy attributes, and the CSS features rules depend on.

Runs scripts/styles_vs_chromium.py's comparison (which ``python3
scripts/styles_vs_chromium.py`` runs over the news corpus) on the pages below, in Debian's
chromium with page JavaScript off. Needs ``bash scripts/install-browser-deps.sh``; without
chromium or playwright the tests skip locally and fail under CI=true.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from a11y_audit.page import Page
from tests.conftest import load_script

styles = load_script("styles_vs_chromium")

CONTROLS = "".join(f'<input type="{kind}" value="v">' for kind in (
    "text", "search", "email", "password", "number", "date", "checkbox", "radio",
    "file", "image", "color", "submit", "reset", "button", "hidden", "no-such-type", "SUBMIT"))



DARK_CONTROLS = CONTROLS + """<input type="range" value="v"><button>b <b>in</b></button>
  <button disabled>off</button><textarea>t</textarea><textarea disabled>t</textarea>
  <select><option>drop</option></select><select disabled><option>drop</option></select>
  <select size="4"><option>a</option><option selected>b</option><option disabled>c</option>
  <option selected>d</option><optgroup label="g" disabled><option>e</option></optgroup>
  <optgroup label="h"><option>f</option></optgroup></select>
  <select multiple><option selected>a</option><option selected disabled>b</option>
  <option>c</option></select><select size="3" disabled><option selected>a</option>
  <option>b</option></select>"""


def data_css(text: str) -> str:
    """A data: URL of this CSS."""
    return "data:text/css," + quote(text)


PAGES = {
    # the browser's own colours in a dark colour scheme: the root's text, links, a dialog,
    # a mark, a rule, form controls enabled and disabled, list boxes' options (selected:
    # in a list box without multiple, the last option marked so), and the same in a light
    # part of the page
    "dark scheme": f"""<html><head><meta name="color-scheme" content="dark"></head><body>
      <p>text</p><a href="/x">link</a><a>no href</a><mark>mark</mark><hr>
      <dialog open>dialog <a href="/y">in</a></dialog><div style="color-scheme: dark">
      <a href="/z">dark div</a></div><div style="color-scheme: light"><a href="/w">light</a>
      <p>light p</p>{DARK_CONTROLS}</div><div>{DARK_CONTROLS}</div>
      <div>{DARK_CONTROLS.replace('value="v"', 'value="v" disabled')}</div>
      <button style="color: #a00">own colour</button><div style="color: #a50">
      <input type="file"><input type="file" disabled><input type="checkbox"></div>
      <input style="background-color: #ccc" value="own face">
    </body></html>""",
    # content-visibility: hidden skips the contents of a box that can be contained (a block,
    # an inline-block, a flex or grid box, a cell, an <svg>), not of an inline, a table, a
    # row or a caption; hidden="until-found" (in any case, not with spaces) sets it, where
    # another value of hidden hides the element; an embed's hidden attribute hides nothing
    "content-visibility": """<html><head><style>.cv { content-visibility: hidden }
      .v { content-visibility: visible } .i { display: inline } .ib { display: inline-block }
      .f { display: flex } .g { display: grid } .t { display: table } .c { display: contents }
      .li { display: list-item } .fr { display: flow-root }</style></head><body>
      <span class="cv"><b>span</b></span><div class="cv"><b>div</b></div>
      <div class="cv i"><b>inline</b></div><div class="cv ib"><b>inline-block</b></div>
      <div class="cv f"><b>flex</b></div><div class="cv g"><b>grid</b></div>
      <div class="cv t"><b>table</b></div><div class="cv c"><b>contents</b></div>
      <div class="cv li"><b>list item</b></div><div class="cv fr"><b>flow root</b></div>
      <table><tbody><tr class="cv"><td>row</td></tr><tr><td class="cv"><b>cell</b></td></tr>
      </tbody></table><a href="/x" class="cv"><i>link</i></a>
      <button class="cv"><b>button</b></button><label class="cv"><b>label</b></label>
      <svg class="cv" width="40" height="20"><g><text y="10">svg</text></g></svg>
      <div hidden="until-found"><p>found</p></div><span hidden="until-found"><b>uf</b></span>
      <div hidden="UNTIL-FOUND"><p>upper</p></div><div hidden="until-found "><p>spaced</p></div>
      <div hidden="until-found" class="v"><p>shown</p></div>
      <div hidden="until-found" style="display: none"><p>none</p></div>
      <div hidden="until-found" style="all: revert"><p>reverted</p></div>
      <div hidden><p>hidden</p></div><div hidden="" style="display: block"><p>shown</p></div>
      <embed hidden src="x.swf"><embed src="y.swf" hidden="until-found">
    </body></html>""",
    # custom properties registered with @property: their initial values where none is set,
    # and those that do not inherit reset on each element; a rule without an initial value
    # (but for the "*" syntax) registers nothing
    "@property": """<html><head><style>
      @property --fg { syntax: '<color>'; inherits: false; initial-value: #0a0 }
      @property --bg { syntax: '<color>'; inherits: true; initial-value: #eee }
      @property --any { syntax: '*'; inherits: false }
      @property --bad { syntax: '<color>'; inherits: false }
      @property --size { syntax: '<length>'; inherits: false; initial-value: 20px }
      .a { --fg: #a00; --bg: #00a; --any: #a0a; --bad: #aa0; --size: 10px; color: var(--fg);
           background-color: var(--bg) }
      .b { color: var(--fg); background-color: var(--bg) }
      .c { color: var(--any, #0aa); background-color: var(--bad, #ccc) }
      .d { font-size: var(--size) } .e { color: var(--fg, #555) }
    </style></head><body>
      <div class="a"><p class="b">child of a</p><p class="c">c in a</p><p class="d">d</p>
      <p class="e">e</p><div style="--fg: #a50"><p class="b">own fg</p></div></div>
      <p class="b">b alone</p><p class="c">c alone</p><p class="d">d alone</p>
    </body></html>""",
    # a substitution longer than 2,097,152 characters is invalid (CSS Values 5, "long
    # substitution"): a custom property whose value would pass it is guaranteed-invalid
    # (its var()s take their fallbacks), a property's value invalid at computed-value time
    "long substitutions": f"""<html><head><style>
      :root {{ --l0: aaaaaaaaaa; {"".join(
          f"--l{i}: {' '.join([f'var(--l{i - 1})'] * 10)}; " for i in range(1, 9))}
          --under: {"b" * 1_048_570}; --over: {"c" * 1_048_580} }}
      .six {{ color: var(--l6, rgb(0, 128, 0)) }} .eight {{ color: var(--l8, rgb(0, 0, 160)) }}
      .five {{ color: rgb(200, 0, 0); color: var(--l5, rgb(0, 128, 0)) }}
      .twice {{ color: rgb(200, 0, 0); color: var(--l5) var(--l5) red }}
      .under {{ --y: var(--under) var(--under); color: var(--y, rgb(0, 100, 0)) }}
      .over {{ --y: var(--over) var(--over); color: var(--y, rgb(0, 100, 0)) }}
    </style></head><body><div style="color: rgb(90, 0, 90)">
      <p class="six">6</p><p class="eight">8</p><p class="five">5</p><p class="twice">2</p>
      <p class="under">u</p><p class="over">o</p><p class="six"><b>6</b></p>
      <p class="over"><i>o</i></p></div>
    </body></html>""",
    # display: contents renders nothing of replaced elements, form controls, line breaks and
    # most SVG elements (CSS Display 3, appendix B), and is a plain contents box elsewhere
    "display: contents": """<html><head><style>.k { display: contents }</style></head><body>
      <br class="k"><wbr class="k"><meter class="k">m</meter><progress class="k">p</progress>
      <canvas class="k">c</canvas><embed class="k"><object class="k">o</object>
      <audio class="k">a</audio><iframe class="k">i</iframe><img class="k"><video class="k">v
      </video><input class="k"><textarea class="k">t</textarea><select class="k"><option>o
      </option></select><button class="k">b</button><details class="k"><summary>s</summary>
      </details><fieldset class="k"><legend class="k">l</legend></fieldset><span class="k">s
      </span><div class="k">d</div><a href="/x" class="k">a</a><label class="k">l</label>
      <svg><g class="k"><text class="k">t</text><text>t<tspan class="k">s</tspan>
      <textPath class="k">p</textPath></text><a href="/x" class="k"><text>l</text></a>
      <use class="k" href="#r"/><rect class="k" id="r" width="5" height="5"/>
      <svg class="k"><rect width="3" height="3"/></svg><foreignObject class="k"><p>f</p>
      </foreignObject></g></svg><svg class="k"><rect/></svg>
    </body></html>""",
    # @scope, as Chromium reads it: roots and limits (exclusive, relative to their root, the
    # root itself where the limit says :scope), selectors relative to the root unless they
    # hold :scope or &, only the styled element in scope, one root bound for the whole
    # selector, nested blocks (the element in the outer scope too), specificity (:scope a
    # pseudo-class, & none), proximity (over order; under specificity; any over none, for
    # !important too), declarations in the block, @media, @layer and nesting inside it, a
    # block without a root selector (the parent of its <style>; the head's: nothing shown),
    # blocks in style rules (their root selectors joined to the rule's), and conditional
    # blocks in @scope, which hold rules only (declarations there are dropped)
    "@scope": """<html><head><style>@scope { p { color: crimson } }</style><style>
      @scope (.a) { .a { color: teal } p { color: navy } }
      @scope (.r) to (.lim) { p { color: olive } .lim { color: orchid } :scope { color: sienna }
        .lim + b { color: gold } }
      @scope (.s) { .x .y { color: indigo } :scope + i { color: tomato } }
      @scope (.t) to (.u) { .v .w { color: seagreen } }
      @scope (.g) to (:scope) { em { color: slateblue } }
      @scope (.f) to (:scope > .f2) { sub { color: peru } }
      @scope (.j) { .k:has(:scope) ~ span { color: darkcyan } .x2 :scope u { color: maroon } }
      @scope (.outer) { q { color: chocolate } } @scope (.inner) { q { color: purple } }
      @scope (.inner2) { q { color: deeppink } } @scope (.outer2) { q { color: steelblue } }
      @scope (.o) { div s { color: darkorange } } @scope (.n) { s { color: forestgreen } }
      @scope (.sc) { b { color: firebrick } } b { color: cadetblue }
      @scope (.z) { & small { color: darkkhaki } :is(&) abbr { color: hotpink } }
      small.y, abbr.y { color: lightseagreen }
      @scope (.z3) { :is(:scope) small { color: darkviolet } } small.y3 { color: limegreen }
      .imp mark { color: yellowgreen !important }
      @scope (.imp2) { mark { color: rebeccapurple !important } }
      @scope (.m1) { @scope (.m2) { kbd { color: saddlebrown } } }
      @scope (.a1) to (.lim1) { @scope (.b1) { kbd { color: orangered } } }
      @media (min-width: 600px) { @scope (.c) { samp { color: darkslateblue } } }
      @media print { @scope (.c) { samp { font-weight: 700 } } }
      @scope (.d) { @layer l { var { color: mediumvioletred } } var { font-weight: 700 } }
      @scope (.e) { .f3 { color: darkgreen; .g3 { color: darkred } & .h3 { font-style: italic } } }
      @scope (.i) { color: royalblue; font-weight: 700 } * { color: black } .i2 { color: tan }
      @scope (.hid) { .gone { display: none } } @scope (.vh) to (.vl) { .p2 { visibility: hidden } }
      @scope (.list1, .list2) { sup { color: darkmagenta } }
      @scope (.cx .cy) { dfn { color: olivedrab } }
      .card { @scope (.x9) { b { color: coral } } }
      .card3 { @scope (& > .x9) to (.y9) { b { color: navy } } color: gray; }
      @scope (.i6) { b { color: blue }; @media (min-width: 1px) { color: red } }
      @scope (.i7) { b { color: teal } @supports (color: red) { color: red; b { color: red } } }
      @scope (.i8) { i { color: plum }; * { color: wheat }; @scope (.j8) { color: salmon } }
    </style></head><body>
      <div class="a"><div class="a">nested root</div><p>p</p></div>
      <div class="r"><p>in</p><div class="lim"><p>out</p></div><b>after</b></div>
      <div class="r"><div class="lim"><div class="r"><p>inner root</p></div></div></div>
      <div class="x"><div class="s"><div class="y">x outside</div></div></div><i>i</i>
      <div class="s"><div class="x"><div class="y">x inside</div></div></div><i>next</i>
      <div class="v"><div class="t"><div class="w">v outside</div></div></div>
      <div class="t"><div class="u"><div class="v"><div class="w">w</div></div></div></div>
      <div class="g"><em>em</em></div>
      <div class="f"><div class="f2"><sub>out</sub></div><div><div class="f2"><sub>in</sub>
      </div></div></div>
      <div class="j"><div class="k"><div class="j"></div></div><span>s</span></div>
      <div class="x2"><div class="j"><u>u</u></div></div>
      <div class="outer"><div class="inner"><q>q</q></div></div>
      <div class="outer2"><div class="inner2"><q>q</q></div></div>
      <div class="o"><div class="n"><s>s</s></div></div>
      <div class="sc"><b>b</b></div>
      <div class="z"><small class="y">s</small><abbr class="y">a</abbr></div>
      <div class="z3"><small class="y3">s</small></div>
      <div class="imp imp2"><mark>m</mark></div>
      <div class="m2"><div class="m1"><kbd>no</kbd></div></div>
      <div class="m1"><div class="m2"><kbd>yes</kbd></div></div><div class="m1 m2"><kbd>k</kbd>
      </div><div class="a1"><div class="lim1"><div class="b1"><kbd>under</kbd></div></div></div>
      <div class="a1"><div class="b1"><div class="lim1"><kbd>limited</kbd></div></div></div>
      <div class="a1"><div class="b1"><kbd>in</kbd></div></div>
      <div class="c"><samp>s</samp></div><div class="d"><var>v</var></div>
      <div class="e"><div class="f3"><p class="g3">g</p><p class="h3">h</p></div></div>
      <div class="f3">outside</div>
      <div class="i i2">i <span>x</span></div>
      <div class="hid"><p class="gone">gone</p></div><p class="gone">stays</p>
      <div class="vh"><p class="p2">hid</p><div class="vl"><p class="p2">shown</p></div></div>
      <div class="list2"><sup>s</sup></div>
      <div class="cx"><div class="cy"><dfn>d</dfn></div></div><div class="cy"><dfn>n</dfn></div>
      <div class="x9"><b>x9 not in card</b></div><div class="card"><div class="x9"><b>in</b>
      </div></div><div class="card x9"><b>card x9</b></div><div class="card3"><div class="x9">
      <b>child</b><div class="y9"><b>limited</b></div></div><div><div class="x9"><b>deep</b>
      </div></div></div>
      <div class="i6">i6 <b>b</b></div><div class="i7">i7 <b>b</b></div>
      <div class="i8">i8 <i>i</i><p class="j8">j8</p></div>
      <section><style>@scope to (.no) { cite { color: darkturquoise } }</style><cite>c</cite>
      <div class="no"><cite>c2</cite></div></section><cite>outside</cite><p>p in body</p>
    </body></html>""",
    # CSS Nesting, as Chromium reads it: relative and "&" selectors, a parent list, the
    # specificity of :is(parent), declarations after nested rules (in source order), @media
    # and @layer inside a rule, nesting three deep, parents with combinators ("&" first or
    # not: :is() of complex selectors), "&div" (dropped); and :is(), :not() and :where() of
    # complex selectors written by hand
    "nesting": """<html><head><style>
      .card { color: #111; .title { color: #a00; font-weight: 700 } &.lead { color: #0a0 }
        > .meta { font-size: 12px } & + .after { color: #00a } .wrap & { color: #aa0 } }
      .card, .box { .tag { color: #0aa } }
      #main .item { color: #111 } .item { & { color: #a0a } }
      .plain .x { color: #333 } .order { .x { color: #a00 } color: #0a0; }
      .media { @media (min-width: 600px) { color: #a50; .inner { display: none } }
        @media print { color: #05a } }
      @layer base { .layered { .x { color: #5a0 } } } .layered .x { color: #333 }
      .one { .two { .three { color: #50a; font-size: 20px } } }
      .outer .deep { .leaf { color: #a05 } &:not(.z) > .kid { color: #0a5 } }
      .hide { .gone { display: none } & .stays { visibility: hidden } }
      .late { color: #a00; & { color: #00a } color: #0a0; }
      .outer2 .deep2 { .wrap2 & { color: #0aa } &div { font-style: italic } }
      .card { &div { font-weight: 300 } }
      #main2 > .m, .m2 { .e { color: #a0a } } .e { color: #333 }
      .cx :not(.cy .cz) { color: #5a5 } :is(.cy > .cz, .none) b { color: #a55 }
      :where(.cy .cz) i { color: #55a } .cz i { color: #222 }
      .mq { color: #111; @media (min-width: 600px) { color: #a50; .in { color: #5a0 } }
        @media print { color: #05a } font-size: 18px; @supports (display: grid) {
        font-weight: 700 } @layer lay { color: #000 } }
    </style></head><body>
      <div class="card"><p class="title">t</p><p class="meta">m</p><p>p</p></div>
      <p class="after">after</p><div class="card lead">lead</div>
      <div class="wrap"><div class="card">wrapped</div></div>
      <div class="box"><span class="tag">tag</span></div>
      <div id="main"><p class="item">item</p></div>
      <div class="plain order"><p class="x">x</p></div>
      <div class="media">media <p class="inner">inner</p></div>
      <div class="layered"><p class="x">layered</p></div>
      <div class="one"><div class="two"><p class="three">three</p></div></div>
      <div class="outer"><div class="deep"><p class="leaf">leaf</p><p class="kid">kid</p>
      </div></div>
      <div class="hide"><p class="gone">gone</p><p class="stays">stays</p></div>
      <p class="late">late</p><div class="mq">mq <span class="in">in</span></div>
      <div class="wrap2"><div class="outer2"><div class="deep2">deep2</div></div></div>
      <div id="main2"><div class="m"><p class="e">e</p></div></div>
      <div class="m2"><p class="e">e2</p></div>
      <div class="cx"><div class="cy"><p class="cz"><b>b</b> <i>i</i></p></div>
      <span>s</span></div>
    </body></html>""",
    "decorations, slant, families and edges": """<html><head><style>
      p { font: italic 18px/1.4 Georgia, "Times New Roman", serif }
      .plain { text-decoration: none; font-style: normal; font-family: Arial }
      .deco { text-decoration: underline overline wavy red }
      .line { text-decoration-line: line-through; text-decoration-style: double }
      .edge { border-bottom: 1px solid; border-top: 0 solid red }
      .box { border: 2px dashed transparent; outline: 1px dotted }
      .sides { border-style: none none solid; border-width: 1px 0 3px }
      .gone { border-style: solid; border-width: 0 }
      .reset { all: unset }
      .font { font: oblique bold 12px monospace }
      </style></head><body>
      <p>Text <a href="/a">link</a> <a href="/b" class="plain">plain</a>
        <u>u</u> <ins>ins</ins> <s>s</s> <del>del</del> <em>em</em> <cite>cite</cite>
        <span class="deco">deco</span> <span class="line">line</span>
        <span class="edge">edge</span> <span class="box">box</span>
        <span class="sides">sides</span> <span class="gone">gone</span>
        <a href="/c" class="reset">reset</a> <span class="font">font</span>
        <span style="text-decoration: inherit">inherit</span></p>
      <address>address <i>i</i> <var>var</var> <dfn>dfn</dfn></address>
    </body></html>""",
    "browser defaults": f"""<html><body>
      <h1>Head <strong>strong <b>bolder</b></strong></h1><h2>2</h2><h3>3</h3><h4>4</h4>
      <h5>5</h5><h6>6</h6><p>Text <small>small <sub>sub</sub></small> <sup>sup</sup>
      <b>b <strong>b</strong></b> <mark>mark</mark> <a href="/x">link</a> <a>anchor</a></p>
      <table><tbody><tr><th>Head <b>b</b></th><td>cell</td></tr></tbody></table>
      <table><tbody><tr><form style="display:block"></form><td>a form left in a row</td>
      </tr></tbody></table><div><form>form</form></div><input type="hidden" style="display:
      block !important">
      <div style="font-size:30px;font-weight:bold">{CONTROLS}
        <button>Button <span>inside</span></button><select><option>One</option>
        <optgroup label="g"><option>Two</option></optgroup></select>
        <select multiple><option>One</option></select><select size="3"><option>a</option>
        </select><select size="1"><option>a</option></select><textarea>Typed</textarea></div>
      <dialog open>Open</dialog><dialog>Closed</dialog><p hidden>Hidden</p>
      <details><summary>Summary</summary><p>Closed content</p></details>
      <hr><template><p>t</p></template><p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>
      <input list="dl"><datalist id="dl"><option value="x">x</option></datalist>
      <object><param name="a" value="b"></object><noembed>x</noembed></p></body></html>""",
    "legacy attributes": """<html><body bgcolor="navy" text="#ffcc00" link="chucknorris">
      <table bgcolor="FFFFFF" background="paper.gif"><tbody><tr bgcolor="#eee"><td bgcolor="red">
      <font color="green" size="2">Green <a href="/x">link</a> <font size="+2">big</font>
      <font size="-1">small</font> <font size="9">huge</font></font></td>
      <th bgcolor="transparent">th</th></tr></tbody></table>
      <font color="transparent">transparent</font> <font color="#fc0">short hex</font>
      <a href="/y" style="color:teal">own colour</a>
      <hr noshade><hr color="red"><hr noshade color="blue"><hr noshade style="background:white">
      <hr color=""><hr color="chucknorris" size="3"></body></html>""",
    "svg presentation attributes": """<html><body><div style="color:green;font-size:10px">
      <svg width="10" height="10" color="red" opacity="0.5"><path d="M0 0" opacity=".33"
      color="blue"/><g display="none"><path d="M0 0"/></g><g visibility="hidden"><path
      d="M0 0" visibility="visible"/><path d="M1 1"/></g><text font-size="20"
      font-weight="bold">t<tspan font-size="2em" font-weight="300">s</tspan></text>
      <text font-size=" 12px " opacity=" 0.5 " font-weight="bolder" color="#f00f">a</text>
      <text font-size="50%" opacity="-1" visibility="collapse" color="currentColor">c</text>
      <text font-size="unset" font-weight="initial" color="inherit" display="revert">e</text>
      <text font-size="var(--x)" color="rgb(1 2 3)" opacity=".5!important">f</text>
      <text font-size="12 px" color=" red " font-weight="heavy" visibility="gone">g</text>
      <rect opacity="2" color="#12" font-size="-3"/><rect style="opacity:.7" opacity=".2"/>
      <foreignObject color="teal"><div color="red" opacity="0.5" display="none">html</div>
      </foreignObject><circle r="1" opacity="30%" display="inline"/></svg>
      <p color="red" opacity="0.1" display="none" visibility="hidden">not svg</p>
      <svg display="none"><path d="M0 0"/></svg></div></body></html>""",
    "invalid colours and fluid sizes": """<html><head><style>
      html { font-size: 20px }
      body { color: green; font-size: calc(.9375em + (18 - 15) * (100vw - 480px) / (1400 - 480)) }
      .n { color: red; color: none } .u { color: red; color: undefined } .h { color: red;
      color: #12 } .f { color: red; color: rgb(1 2) } .w { color: red; color: red blue }
      .b { background-color: red; background-color: none } .g { color: red; color: #abcg }
      .v { color: red; color: -webkit-nonsense } .t { color: red; color: transparent }
      .k { color: red; color: hsl(120 50% 50%) }
      .c1 { font-size: clamp(1rem, 0.8rem + 1vw, 1.5rem) } .c2 { font-size: min(2em, 30px) }
      .c3 { font-size: max(10px, 50%) } .c4 { font-size: calc(1em + 2px) }
      .c5 { font-size: calc(10px / 2 + 1rem) } .c6 { font-size: calc(10px - 20px) }
      .c7 { font-size: calc( ( 3px ) * 4 ) } .c8 { font-size: CALC(1.5EM) }
      .c9 { font-size: calc(12pt + 1in / 96) } .c10 { font-size: clamp(1px, 50vw, 30px) }
    </style></head><body><p class="n">n</p><p class="u">u</p><p class="h">h</p>
      <p class="f">f</p><p class="w">w</p><p class="b">b</p><p class="g">g</p><p class="v">v</p>
      <p class="t">t</p><p class="k">k</p><p class="c1">1</p><p class="c2">2</p>
      <p class="c3">3</p><p class="c4">4 <span class="c4">4</span></p><p class="c5">5</p>
      <p class="c6">6</p><p class="c7">7</p><p class="c8">8</p><p class="c9">9</p>
      <code class="c4">c</code><p class="c10">10</p></body></html>""",
    "revert-layer with layers": """<html><head><style>
      @layer base, theme;
      @layer base { p { color: #111 } .b { color: #112 !important } div { background: #eee } }
      @layer theme { .a { color: revert-layer } .b { color: revert-layer !important }
        .c { color: revert-layer } .d { display: revert-layer } .e { background: revert-layer }
        .f { font-size: revert-layer } .v { visibility: revert-layer } .o { all: revert-layer }
        .n { color: revert-layer } }
      .c { color: #333 } .g { color: revert-layer } .h { color: #555 }
      .i { color: revert-layer } @layer theme { .i { color: #666 } }
      @layer base { .f { font-size: 30px } .d { display: none } .v { visibility: hidden }
        .o { opacity: .5; color: #123 } .n { color: revert-layer } }
      /* an important revert-layer leaves out its layer's normal declarations too, and the
         layers above it (the style attribute above the unlayered rules) */
      .j { background-color: revert-layer !important; background-color: #eee }
      @layer base { .k { background-color: #ddd } }
      .k { background-color: revert-layer !important; background-color: #eee }
      @layer base { .l { color: #123 } } @layer theme { .l { color: revert-layer !important;
        color: #456 } }
    </style></head><body><p class="a">a</p><p class="b">b</p><p class="c">c</p>
      <p class="d">d</p><div class="e">e</div><p class="f">f <span>s</span></p>
      <p class="g">g</p><p class="h" style="color: revert-layer">h</p><p class="i">i</p>
      <h1 class="a">h1</h1><a href="/" class="a">link</a><a href="/" class="g">link g</a>
      <p class="b" style="color: revert-layer !important">bi</p><p class="v">v <b>b</b></p>
      <p class="o">o</p><button class="o">b</button><h2 class="n">n</h2><p class="j">j</p>
      <p class="j" style="background-color: #ccc">j</p><p class="k">k</p><p class="l">l</p>
      <p style="background-color: revert-layer !important; background-color: #eee">s</p>
    </body></html>""",
    "animations at rest": """<html><head><style>
      @keyframes fadeIn { from { opacity: 0 } to { opacity: 1; color: red } }
      @keyframes fadeOut { 0% { opacity: 1 } 100% { opacity: 0 } }
      @-webkit-keyframes Slide { to { background-color: yellow } 50% { color: teal } }
      @keyframes Mixed { 0%, 100% { color: navy !important; background: #eee } }
      .a { opacity: 0; animation: fadeIn 1ms forwards } .b { opacity: 0; animation: fadeIn 1ms }
      .c { animation: fadeOut 1ms both }
      .d { opacity: 0; animation: fadeIn 1ms 2 alternate forwards }
      .f { opacity: 0; -webkit-animation: fadeIn 1ms forwards }
      .g { opacity: 0; animation-name: fadeIn; animation-duration: 1ms;
           animation-fill-mode: forwards }
      .h { color: blue !important; animation: fadeIn 1ms forwards }
      .i { animation: fadeIn 1ms forwards reverse }
      .j { animation: Slide 1ms forwards, fadeOut 1ms forwards }
      .k { opacity: 0; animation: nope 1ms forwards }
      .m { opacity: .5; animation: fadeIn 0s 0 forwards }
      .n { animation: Mixed 1ms 3 alternate-reverse both }
      .o { animation: fadeIn 1ms forwards, none }
      @keyframes steady { 0%, 100% { opacity: .7; color: olive } 40% { opacity: .7 } }
      .p1 { opacity: .5; animation: fadeIn 1s paused }
      .p2 { opacity: .5; animation: fadeIn 1s reverse paused }
      .p3 { opacity: .5; animation: fadeIn 1s 10s paused }
      .p4 { opacity: .5; animation: fadeIn 1s 10s backwards paused }
      .p5 { opacity: .5; animation: fadeIn 1s -5s paused forwards }
      .p6 { opacity: .5; animation: fadeIn paused forwards }
      .p7 { opacity: .5; animation: fadeIn 1s alternate-reverse; animation-play-state: paused }
      .p8 { opacity: .5; animation: steady 1s infinite }
      .p9 { opacity: .5; -webkit-animation: fadeIn 2s 1s; animation-delay: 0s;
            animation-play-state: paused }
    </style></head><body><p class="a">a</p><p class="b">b</p><p class="c">c</p><p class="d">d</p>
      <p class="f">f</p><p class="g">g</p><p class="h">h</p><p class="i">i</p><p class="j">j</p>
      <p class="k">k</p><p class="m">m</p><p class="n">n</p><p class="o">o</p>
      <div class="a"><span>inherits the end colour</span></div><p class="p1">1</p>
      <p class="p2">2</p><p class="p3">3</p><p class="p4">4</p><p class="p5">5</p>
      <p class="p6">6</p><p class="p7">7</p><p class="p8">8</p><p class="p9">9</p></body></html>""",
    "svg and position": """<html><head><style>
      * { position: absolute } html, body { position: static } .r { position: relative }
    </style></head><body><svg><g><path d="M0 0"/><text>x<tspan>y</tspan></text><svg><rect/>
      </svg><foreignObject><div>x<svg class="r"><circle class="r"/></svg></div>
      </foreignObject><a href="/"><text>z</text></a></g></svg><span>x</span>
      <p><svg style="position: fixed"><g style="position: fixed"><path/></g></svg></p>
      <math><mi>x</mi></math></body></html>""",
    "svg links": """<html><body link="red"><svg><a href="/"><text>z</text></a><a
      xlink:href="/"><text>y</text></a><g><a href="/"><text>w</text></a></g></svg><a
      href="/">x</a><a>y</a><p><a href="/"><svg><a href="/"><text>v</text></a></svg></a>
      </p><svg><foreignObject><a href="/">h</a></foreignObject></svg></body></html>""",
    "all and CSS-wide keywords": """<html><head><style>
      .u { all: unset } .i { all: initial } .r { all: revert } .rl { all: revert-layer }
      .inh { all: inherit } .bad { all: unset red } .bad2 { all: bogus }
      .after { all: unset; color: teal } .before { color: teal; all: unset }
      .bgm { background: unset url(x.png) } .bgr { background: revert }
      .bgi { background: inherit } .fm { font: inherit 12px serif } .fr { font: revert }
      .dm { display: none; display: unset block }
      .om { opacity: .5; opacity: initial .3 } .cm { color: teal; color: red inherit }
      .wrap { color: red; font-size: 20px; background: yellow; font-weight: bold }
    </style></head><body><div class="wrap">
      <button class="u">b <span>s</span></button><button class="i">b</button>
      <button class="r">b</button><button class="rl">b</button><button class="inh">b</button>
      <div class="u">d</div><h1 class="u">h</h1><h1 class="r">h</h1><input class="u">
      <p class="bad" style="color:blue">p</p><p class="bad2" style="color:blue">p</p>
      <p class="after">p</p><p class="before">p</p><p hidden class="u">hidden</p>
      <p hidden class="rl">rl</p><p hidden style="display: revert-layer">rl</p>
      <font color="red" class="rl">f</font><font color="red" class="r">f</font>
      <mark class="bgm">m</mark><mark class="bgr">m</mark><mark class="bgi">m</mark>
      <h2 class="fm">h</h2><h2 class="fr">h</h2><p class="dm">p</p><p class="om">p</p>
      <p class="cm">p</p><a class="u" href="/">a</a><strong class="u">s</strong>
      <select class="u"><option>o</option></select><textarea class="r">t</textarea>
    </div></body></html>""",
    "disabled and selected controls": f"""<html><body>
      <div>{CONTROLS.replace('value="v"', 'value="v" disabled')}
      <input type="range"><input type="range" disabled><button disabled>B <span>s</span></button>
      <textarea disabled>t</textarea><textarea disabled style="background:white">t</textarea>
      <select disabled><option>a</option></select><select multiple disabled><option>a</option>
      </select><select size="3"><option selected>a</option><option>b</option><option disabled>c
      </option></select><select multiple><option selected>a</option><option selected disabled>b
      </option><optgroup disabled label="g"><option>c</option></optgroup></select>
      <select><option selected>a</option><option disabled>b</option><optgroup disabled
      label="g"><option>c</option></optgroup></select>
      <fieldset disabled><legend><span><input></span></legend><legend><input></legend><div>
      <fieldset><input><button>b</button></fieldset></div></fieldset><fieldset><legend>x
      </legend><fieldset disabled><input><select><option>o</option></select></fieldset>
      </fieldset><input readonly><button disabled style="color:red;background:blue">x</button>
      <a disabled href="/">a</a><input disabled="false"><button disabled=""><b>x</b></button>
      </div></body></html>""",
    "monospace and small sizes": """<html><head><style>
      .m { font-family: monospace } .mm { font-family: monospace, monospace }
      .s { font-family: serif } .q { font-family: "monospace" } .U { font-family: MONOSPACE }
      .e2 { font-size: 2em } .p62 { font-size: 62.5% } .r1 { font-size: 1rem }
      .px { font-size: 20px } .kl { font-size: large } .sm { font-size: smaller }
      .tiny { font-size: 0.2em } .tinyp { font-size: 3px } .fsh { font: 1em monospace }
      .nofamily { font: bold 20px } .slash { font: 1em / 1.5 monospace }
      .fi { font-family: inherit } .fu { font-family: unset } .fin { font-family: initial }
      .fv { font-family: var(--nope) } .mv { --f: monospace; font-family: var(--f) }
      .ix { font-size: inherit } .ta { font-size: 100% }
    </style></head><body>
      <code>c</code><pre>p</pre><kbd>k</kbd><samp>s</samp><tt>t</tt><textarea>t</textarea>
      <code class="e2">c</code><div class="e2"><code>c <span class="s">s</span>
      <span>i</span></code></div><code class="kl">c<span class="s">s</span></code>
      <code class="mm">c</code><code class="q">c</code><code class="U">c</code>
      <div class="m">m<span class="s">s</span></div><div class="px"><code>c</code></div>
      <div class="r1"><code>c</code></div><div class="p62"><code>c</code></div>
      <div class="m"><div class="e2">e</div><div class="p62">p</div><div class="kl">k</div></div>
      <h1><code>c</code></h1><h3><code>c</code></h3><code><code class="e2">c</code></code>
      <div class="tiny">t<span class="tiny">t</span><code>c</code><span style="font-size:10em">
      x</span></div><div class="tinyp">t<span class="e2">e</span></div>
      <div class="p62"><div class="p62"><div class="p62"><div class="p62"><div class="p62">x
      <span class="e2">y</span></div></div></div></div></div>
      <div class="fsh">f</div><div class="nofamily">n</div><div class="slash">s</div>
      <small><code>c</code></small><code class="sm">c</code><code class="fi">c</code>
      <code class="fu">c</code><code class="fin">c</code><code class="fv">c</code>
      <div class="mv">m</div><code class="ix">c</code><div class="kl"><code class="ix">c</code>
      </div><div class="p62"><textarea class="ta">t</textarea></div>
      <input class="m"><button class="m">b</button><div class="r1 m">r</div>
      <font size="7"><code>c</code></font><code><font size="3">f</font></code>
      <code style="font-size: xx-small">c</code><code style="font-size: x-small">c</code>
      <code style="font-size: small">c</code><code style="font-size: x-large">c</code>
      <code style="font-size: xx-large">c</code><code style="font-size: xxx-large">c</code>
      <code style="font-size: 0">c</code><code style="all: unset">c</code>
      <font face="monospace">f</font><font face="Courier, monospace">f</font><font
      face="monospace" style="font-family: serif">f</font><div class="e2"><font
      face=" MONOSPACE ">f</font></div><font face="">f</font><code><font face="serif">f
      </font></code>
    </body></html>""",
    "@supports and media queries": """<html><head><style>
      @supports (-ms-ime-align:auto) { .u0 { color: #a00 } }
      @supports (-moz-appearance:none) { .u1 { color: #0a0 } }
      @supports (-ms-high-contrast:none) { .u2 { color: #00a } }
      @supports (-webkit-overflow-scrolling:touch) { .u3 { color: #aa0 } }
      @supports (position: -webkit-sticky) { .u4 { color: #0aa } }
      @supports ((position:-webkit-sticky) or (position:sticky)) { .u5 { color: #a0a } }
      @supports (display: -ms-grid) { .u6 { color: #a00 } }
      @supports (display: grid-lanes) { .u7 { color: #0a0 } }
      @supports not (foo: bar) { .u8 { color: #00a } }
      @supports (display: grid) and (foo bar) { .u9 { color: #aa0 } }
      @supports not foo(bar) { .u10 { color: #0aa } }
      @supports selector(:-moz-focusring) { .u11 { color: #a0a } }
      @supports selector(:has(a)) { .u12 { color: #a00 } }
      @supports font-format(embedded-opentype) { .u13 { color: #0a0 } }
      @supports at-rule(@scope) { .u14 { color: #00a } }
      @supports (color: red) and(color: red) { .u15 { color: #aa0 } }
      @supports (-webkit-line-clamp: 2) and (display: -webkit-box) { .u16 { color: #0aa } }
      @media not (inverted-colors: none) { .m0 { color: #a00 } }
      @media (inverted-colors: none) { .m1 { color: #0a0 } }
      @media not (unknown-feature) { .m2 { color: #00a } }
      @media (overflow-block: scroll) { .m3 { color: #aa0 } }
      @media (prefers-color-scheme) { .m4 { color: #0aa } }
      @media (display-mode) { .m5 { color: #a0a } }
      @media (max-width: calc(2000px - 1px)) { .m6 { color: #a00 } }
      @media (min-width: calc(100px * 2)) { .m7 { color: #0a0 } }
      @media (min-width:1024px)and(max-width:1400px) { .m8 { color: #00a } }
      @media (min-width: 10) { .m9 { color: #aa0 } }
      @media (aspect-ratio > 1/1) { .m10 { color: #0aa } }
      @media not screen and (color) { .m11 { color: #a0a } }
      @media not all and (unknown-feature) { .m12 { color: #a00 } }
      @media (device-posture: continuous) { .m13 { color: #0a0 } }
      @media (horizontal-viewport-segments: 1) { .m14 { color: #00a } }
      @media not (display-mode: borderless) { .m15 { color: #aa0 } }
      @media (width > calc(1000px + 1px)) { .m16 { color: #0aa } }
      @media (min-width: +1px) { .m17 { color: #a0a } }
    </style></head><body>
      <p class="u0">u0</p><p class="u1">u1</p><p class="u2">u2</p><p class="u3">u3</p>
      <p class="u4">u4</p><p class="u5">u5</p><p class="u6">u6</p><p class="u7">u7</p>
      <p class="u8">u8</p><p class="u9">u9</p><p class="u10">u10</p><p class="u11">u11</p>
      <p class="u12">u12</p><p class="u13">u13</p><p class="u14">u14</p><p class="u15">u15</p>
      <p class="u16">u16</p><p class="m0">m0</p><p class="m1">m1</p><p class="m2">m2</p>
      <p class="m3">m3</p><p class="m4">m4</p><p class="m5">m5</p><p class="m6">m6</p>
      <p class="m7">m7</p><p class="m8">m8</p><p class="m9">m9</p><p class="m10">m10</p>
      <p class="m11">m11</p><p class="m12">m12</p><p class="m13">m13</p><p class="m14">m14</p>
      <p class="m15">m15</p><p class="m16">m16</p><p class="m17">m17</p>
    </body></html>""",
    "selector lists with selectors Chromium does not read": """<html><head><style>
      .a1, .x:-moz-focusring { color: #a00 }
      .a2, .x::-moz-selection { color: #0a0 }
      .a3, .x:-ms-input-placeholder { color: #00a }
      .a4, .x::-webkit-scrollbar { color: #aa0 }
      .a5, .x:-webkit-autofill { color: #0aa }
      :is(.a6, :-moz-focusring) { color: #a0a }
      :where(.a7, .x::before) { color: #a00 }
      :is(.a8, :unknown-thing) { color: #0a0 }
      .a9:not(:-moz-focusring) { color: #00a }
      .a10, .x:unknown-thing { color: #aa0 }
      .a11, .x::-moz-placeholder { color: #0aa }
      .a12, input:-moz-placeholder { color: #a0a }
      .a13, .x:-webkit-any(.y) { color: #a00 }
      .a14, .x:-moz-any(.y) { color: #0a0 }
      .a15, .x::placeholder { color: #00a }
      .a16, .x::-webkit-input-placeholder { color: #aa0 }
      .a17, .x:-webkit-full-screen { color: #0aa }
      .a18, .x:-moz-full-screen { color: #a0a }
      .a19, .x:fullscreen { color: #a00 }
      .a20, .x::-ms-clear { color: #0a0 }
      .a21:is(:-moz-focusring, .a21) { color: #00a }
      .a22, .x:focus-visible { color: #aa0 }
      .a23, .x:-moz-ui-invalid { color: #0aa }
      .a24, .x::selection { color: #a0a }
      .a25, .x::-webkit-details-marker { color: #a00 }
      .a26, .x:hover::before { color: #0a0 }
      .a27, .x:has(> .y) { color: #00a }
      .a28, .x:host { color: #aa0 }
      .a29, .x::part(y) { color: #0aa }
      .a30, .x:nth-child(2 of .y) { color: #a0a }
      .a31, .x:-webkit-scrollbar { color: #a00 }
      .a32, .x::-webkit-foo-bar { color: #0a0 }
      .a33, .x:popover-open { color: #00a }
      .a34, .x:state(y) { color: #aa0 }
      .a35, .x::-internal-foo { color: #0aa }
    </style></head><body>
      <p class="a1">a1</p><p class="a2">a2</p><p class="a3">a3</p><p class="a4">a4</p>
      <p class="a5">a5</p><p class="a6">a6</p><p class="a7">a7</p><p class="a8">a8</p>
      <p class="a9">a9</p><p class="a10">a10</p><p class="a11">a11</p><p class="a12">a12</p>
      <p class="a13">a13</p><p class="a14">a14</p><p class="a15">a15</p><p class="a16">a16</p>
      <p class="a17">a17</p><p class="a18">a18</p><p class="a19">a19</p><p class="a20">a20</p>
      <p class="a21">a21</p><p class="a22">a22</p><p class="a23">a23</p><p class="a24">a24</p>
      <p class="a25">a25</p><p class="a26">a26</p><p class="a27">a27</p><p class="a28">a28</p>
      <p class="a29">a29</p><p class="a30">a30</p><p class="a31">a31</p><p class="a32">a32</p>
      <p class="a33">a33</p><p class="a34">a34</p><p class="a35">a35</p>
    </body></html>""",
    # a selector list is dropped whole where one selector's functional pseudo-class has an
    # argument Chromium does not read (or a pseudo-class takes one it takes none of)
    "selector lists with arguments Chromium does not read": """<html><head><style>
      .b1, .x:nth-child(foo) { color: #0a0 }
      .b2, .x:nth-child(2n+) { color: #00a }
      .b3, .x:nth-child(+ 2n) { color: #aa0 }
      .b4, .x:nth-child(1.5) { color: #0aa }
      .b5, .x:nth-child(1 of) { color: #a0a }
      .b6, .x:nth-child(1 OF .y) { color: #a00 }
      .b7, .x:nth-child(2n+1of .y) { color: #0a0 }
      .b8, .x:nth-child(1 of >.y) { color: #00a }
      .b9, .x:nth-of-type(1 of .y) { color: #aa0 }
      .b10, .x:not() { color: #0aa }
      .b11, .x:not(>.y) { color: #a0a }
      .b12, .x:not(.y >) { color: #a00 }
      .b13, .x:has() { color: #0a0 }
      .b14, .x:has(.y >) { color: #00a }
      .b15, .x:has(:has(.y)) { color: #aa0 }
      .b16, .x:lang() { color: #0aa }
      .b17, .x:lang(en, fr) { color: #a0a }
      .b18, .x:lang("en") { color: #a00 }
      .b19, .x:dir(ltr rtl) { color: #0a0 }
      .b20, .x:host(.y .z) { color: #00a }
      .b21, .x:host(.y, .z) { color: #aa0 }
      .b22, .x:state() { color: #0aa }
      .b23, .x:hover(.y) { color: #a0a }
      .b24, .x:current(.y) { color: #a00 }
      .b25, .x) { color: #0a0 }
      .b26, .x:nth-child( 2n + 1 ) { color: #00a }
      .b27, .x:nth-child(-n+3 of .y) { color: #aa0 }
      .b28, .x:nth-child(ODD) { color: #0aa }
      .b29, .x:lang(en) { color: #a0a }
      .b30, .x:dir(\\6c tr) { color: #a00 }
      .b31, .x:has(> .y) { color: #0a0 }
      .b32, .x:not(.y .z) { color: #00a }
      .b33, .x:active-view-transition-type(y, z) { color: #aa0 }
      .b34, .x:nth-child(1 of ::before) { color: #0aa }
      .b35, .x:has(:is(:has(.y), .z)) { color: #a0a }
    </style></head><body>
      <p class="b1">b1</p> <p class="b2">b2</p> <p class="b3">b3</p> <p class="b4">b4</p>
      <p class="b5">b5</p> <p class="b6">b6</p> <p class="b7">b7</p> <p class="b8">b8</p>
      <p class="b9">b9</p> <p class="b10">b10</p> <p class="b11">b11</p>
      <p class="b12">b12</p> <p class="b13">b13</p> <p class="b14">b14</p>
      <p class="b15">b15</p> <p class="b16">b16</p> <p class="b17">b17</p>
      <p class="b18">b18</p> <p class="b19">b19</p> <p class="b20">b20</p>
      <p class="b21">b21</p> <p class="b22">b22</p> <p class="b23">b23</p>
      <p class="b24">b24</p> <p class="b25">b25</p> <p class="b26">b26</p>
      <p class="b27">b27</p> <p class="b28">b28</p> <p class="b29">b29</p>
      <p class="b30">b30</p> <p class="b31">b31</p> <p class="b32">b32</p>
      <p class="b33">b33</p> <p class="b34">b34</p> <p class="b35">b35</p>
    </body></html>""",
    "invalid keyword values": """<html><head><style>
      .d1 { display: block; display: flexx }
      .d2 { display: none; display: -ms-flexbox }
      .d3 { display: none; display: -webkit-box }
      .d4 { display: none; display: block flex }
      .d5 { display: none; display: grid-lanes }
      .d6 { display: none; display: inline list-item }
      .d7 { display: none; display: flow }
      .d8 { display: none; display: table-cell foo }
      .d9 { display: none; display: BLOCK }
      .d10 { display: none; display: block block }
      .v1 { visibility: hidden; visibility: hiddenn }
      .v2 { visibility: hidden; visibility: 0 }
      .v3 { visibility: hidden; visibility: Visible }
      .p1 { position: absolute; position: -webkit-sticky }
      .p2 { position: absolute; position: fixedd }
      .p3 { position: absolute; position: sticky }
      .o1 { overflow: hidden; overflow: hidden scroll }
      .o2 { font-style: italic; font-style: oblique 10deg }
      .o3 { font-style: italic; font-style: slanted }
      .o4 { text-decoration: underline; text-decoration-style: wavyy }
      .k1 { display: none; display: inherit initial }
      .k2 { display: none; display: initial !important; display: block }
      .k3 { content-visibility: hidden; content-visibility: hiddenn }
    </style></head><body>
      <div class="d1">d1 <span>s</span></div><div class="d2">d2 <span>s</span></div>
      <div class="d3">d3 <span>s</span></div><div class="d4">d4 <span>s</span></div>
      <div class="d5">d5 <span>s</span></div><div class="d6">d6 <span>s</span></div>
      <div class="d7">d7 <span>s</span></div><div class="d8">d8 <span>s</span></div>
      <div class="d9">d9 <span>s</span></div><div class="d10">d10 <span>s</span></div>
      <div class="v1">v1 <span>s</span></div><div class="v2">v2 <span>s</span></div>
      <div class="v3">v3 <span>s</span></div><div class="p1">p1 <span>s</span></div>
      <div class="p2">p2 <span>s</span></div><div class="p3">p3 <span>s</span></div>
      <div class="o1">o1 <span>s</span></div><div class="o2">o2 <span>s</span></div>
      <div class="o3">o3 <span>s</span></div><div class="o4">o4 <span>s</span></div>
      <div class="k1">k1 <span>s</span></div><div class="k2">k2 <span>s</span></div>
      <div class="k3">k3 <span>s</span></div>
    </body></html>""",
    # cascade layers as Chromium orders them: a layer's own rules after its sublayers' (and
    # the reverse for !important), each anonymous layer a layer of its own (one per <style>
    # too), and @import into a layer (named, anonymous, nested, with media; an import that
    # fails still declares its layer, one whose media does not apply does not, and an import
    # after a block is ignored), the imported sheets given as data: URLs, as a <link> may
    "cascade layers and @import": """<html><head><style>
      @layer lx { .n1 { color: rgb(30,100,0) } @layer inner { .n1 { color: rgb(77,129,71) } } }
      @layer ly { @layer inner { .n2 { color: rgb(124,158,142) } } .n2 { color: rgb(171,187,213) } }
      @layer lz.inner { .n3 { color: rgb(218,216,34) } }
      @layer lz { .n3 { color: rgb(65,245,105) } }
      @layer { .n4 { color: rgb(112,124,176) } @layer q { .n4 { color: rgb(159,153,247) } } }
      @layer la.b { .n5 { color: rgb(206,182,68) } } @layer la.c { .n5 { color: rgb(53,211,139) } }
      @layer la { .n5 { color: rgb(100,240,210) } }
      @layer lb { .n6 { color: rgb(147,119,31) !important }
        @layer inner { .n6 { color: rgb(194,148,102) !important } } }
    </style><style>@layer { .n7 { color: rgb(41,177,173) } }
      @layer h { .n7 { color: rgb(88,206,244) } }
    </style><style>@layer { .n7 { color: rgb(135,235,65) } }</style><style>
      @layer first;
      @import url("DATA1") layer(lx2);
      @import url("DATA2") layer;
      @import url("DATA3");
      @import "DATA4" layer(first);
      @import url("DATA5") layer(lx2.sub) screen;
      @import url("DATA6") layer(z) print;
      @import url("data:text/css;base64,LmkxMCB7IGNvbG9yOiByZ2IoMTAsMiwwKSB9") layer(b64);
      @import url("DATA7") layer(outer);
      @import url("http://127.0.0.1:9/none.css") layer(c);
      @import url("DATA8") layer(e) print;
      .i1 { color: rgb(182,114,136) }
      @layer first { .i2 { color: rgb(229,143,207) } .i7 { color: rgb(76,172,28) }
        .i8 { color: rgb(123,201,99) } }
      @layer lx2 { .i3 { color: rgb(170,230,170) } }
      @layer lx2.inner { .i3 { color: rgb(217,109,241) } }
      @layer lx2.sub { .i8 { color: rgb(64,138,62) } }
      .i4 { color: rgb(111,167,133) } .i5 { color: rgb(158,196,204) !important }
      @layer { .i6 { color: rgb(205,225,25) } }
      @layer a { .i10, .i11, .t1, .t2 { color: rgb(52,104,96) } }
      @layer b64 { .i10 { color: rgb(99,133,167) } }
      @layer outer.deep { .i11 { color: rgb(146,162,238) } }
      @layer c { .t1 { color: rgb(193,191,59) } } @layer e { .t2 { color: rgb(40,220,130) } }
      @import url("DATA9");
    </style>
    <link rel="stylesheet" href="data:text/css,.l1%20%7B%20color%3A%20rgb(20%2C0%2C0)%20%7D">
    <link rel="stylesheet" href="data:text/css;base64,LmwyIHsgY29sb3I6IHJnYigyMSwwLDApIH0=">
    <link rel="stylesheet" href="data:TEXT/CSS;charset=utf-8,.l3%7Bcolor:rgb(218,216,34)%7D">
    <link rel="stylesheet" href="data:text/css,.l4{color:rgb(87,249,201)}#.l5{color:red}">
    <link rel="stylesheet" href="data:text/css;base64,!!!">
    </head><body>
      <p class="n1">n1</p><p class="n2">n2</p><p class="n3">n3</p><p class="n4">n4</p>
      <p class="n5">n5</p><p class="n6">n6</p><p class="n7">n7</p>
      <p class="i1">i1</p><p class="i2">i2</p><p class="i3">i3</p><p class="i4">i4</p>
      <p class="i5">i5</p><p class="i6">i6</p><p class="i7">i7</p><p class="i8">i8</p>
      <p class="i9">i9</p><p class="i10">i10</p><p class="i11">i11</p><p class="t1">t1</p>
      <p class="t2">t2</p><p class="t3">t3</p><p class="l1">l1</p><p class="l2">l2</p>
      <p class="l3">l3</p><p class="l4">l4</p><p class="l5">l5</p>
    </body></html>""".replace("DATA1", data_css(
        ".i1{color:rgb(1,2,0)} .i2{color:rgb(2,2,0)} @layer inner{.i3{color:rgb(3,2,0)}}")).replace(
        "DATA2", data_css(".i4{color:rgb(4,2,0)} .i5{color:rgb(5,2,0)!important}")).replace(
        "DATA3", data_css(".i6{color:rgb(6,2,0)}")).replace(
        "DATA4", data_css(".i7{color:rgb(7,2,0)}")).replace(
        "DATA5", data_css(".i8{color:rgb(8,2,0)}")).replace(
        "DATA6", data_css(".i9{color:rgb(9,2,0)}")).replace(
        "DATA7", data_css(f"@import '{data_css('.i11{color:rgb(11,2,0)}')}' layer(deep);")).replace(
        "DATA8", data_css(".i12{color:rgb(12,2,0)}")).replace(
        "DATA9", data_css(".t3{color:rgb(4,3,0)}")),
    # Chromium's vendor pseudo-classes: :-webkit-any() an :is() of compound selectors (its
    # :not() of compounds, no :has(); any other argument drops the rule) with a pseudo-class's
    # specificity, :-webkit-any-link, and states never held at rest
    "vendor pseudo-classes": """<html><head><style>
      .w1:-webkit-any(.a, .b) { color: rgb(30,100,0) } .w1.a { color: rgb(77,129,71) }
      div:-webkit-any(#q, .b).w2 { color: rgb(124,158,142) } div.w2.a.c { color: rgb(171,187,213) }
      .w3 { color: rgb(218,216,34) } :-webkit-any(p).w3 { color: rgb(65,245,105) }
      :-webkit-any(.a .b, .w4) { color: rgb(112,124,176) } :-webkit-any(.w5, :hover) { color: red }
      :-webkit-any(.w6, :-moz-foo) { color: rgb(159,153,247) }
      :-webkit-any(.w7 > p, .w7) { color: rgb(206,182,68) }
      :-webkit-any(:not(.zz)).w8 { color: rgb(53,211,139) }
      :-webkit-any(#id9).w9 { color: rgb(100,240,210) } .w9.a.b { color: rgb(147,119,31) }
      .w12 :-webkit-any(span) { color: rgb(194,148,102) }
      :-webkit-any(.w13::before, .w13) { color: rgb(41,177,173) }
      :-webkit-any( .w14 ) { color: rgb(88,206,244) } :-webkit-any(.w15,) { color: rgb(135,235,65) }
      :-webkit-any() .w16 { color: rgb(182,114,136) }
      :-webkit-any(:-webkit-any(.w17)) { color: rgb(229,143,207) }
      :is(:-webkit-any(.w19)) { color: rgb(76,172,28) }
      :-WEBKIT-ANY(.w20) { color: rgb(123,201,99) }
      :-webkit-any([data-x]).w22 { color: rgb(170,230,170) } .w22.a { color: rgb(217,109,241) }
      :-webkit-any(.x1, p.b:not(.c d)) { color: rgb(64,138,62) }
      :-webkit-any([x='a b'], .x2:not(.c)) { color: rgb(111,167,133) }
      :is(:-webkit-any(.a .b), .x3) { color: rgb(158,196,204) }
      :-webkit-any(.x4:has(> span)) { color: rgb(205,225,25) }
      :-webkit-any(.y1:is(.a .b, .y1)) { color: rgb(52,104,96) }
      :-webkit-any(.y4:not(.a, .b)) { color: rgb(99,133,167) }
      :-webkit-any(.y7:not(:is(.a .b))) { color: rgb(146,162,238) }
      a:-webkit-any-link { color: rgb(193,191,59) } .v1 { color: rgb(40,220,130) }
      .v2:-webkit-any-link { color: rgb(87,249,201) } a.v2 { color: rgb(134,128,22) }
      .v3:-webkit-full-page-media { color: rgb(181,157,93) }
      .v4:not(:-webkit-drag) { color: rgb(228,186,164) }
      .v5:-webkit-full-screen-ancestor, .v5:-webkit-full-screen { color: rgb(75,215,235) }
    </style></head><body>
      <p class="w1 a">w1</p><div class="w2 a c" id="q">w2</div><p class="w3">w3</p>
      <p class="w4">w4</p><p class="w5">w5</p><p class="w6">w6</p><p class="w7">w7</p>
      <p class="w8">w8</p><p class="w9 a b" id="id9">w9</p><div class="w12"><span>s</span></div>
      <p class="w13">w13</p><p class="w14">w14</p><p class="w15">w15</p>
      <div><p class="w16">w16</p></div><p class="w17">w17</p><p class="w19">w19</p>
      <p class="w20">w20</p><p class="w22 a" data-x="1">w22</p><p class="x1">x1</p>
      <p class="x2">x2</p><p class="x3">x3</p><p class="x4"><span>x4</span></p>
      <p class="y1">y1</p><p class="y4">y4</p><p class="y7">y7</p>
      <a href="/x" class="v1">v1</a><a href="/x" class="v2">v2</a><a class="v1">v1</a>
      <p class="v3">v3</p><p class="v4">v4</p><p class="v5">v5</p>
    </body></html>""",
    # background shorthands Chromium drops (two colours, a colour before the last layer, a
    # word of no component, a component twice, a size without a position): the declaration
    # before applies
    "background shorthands": """<html><head><style>
      .b1 { background: red; background: blue green }
      .b2 { background: red; background: blue, url(x.png) }
      .b3 { background: red; background: url(x.png), blue }
      .b4 { background: red; background: none blue }
      .b5 { background: red; background: blue none repeat }
      .b6 { background: red; background: blue 10px 10px }
      .b7 { background: red; background: blue foo }
      .b8 { background: red; background: rgb(0 0 255) no-repeat fixed center / cover }
      .b9 { background: red; background: linear-gradient(red, blue), green }
      .b10 { background: red; background: transparent }
      .b11 { background: red; background: blue !important; background: green }
      .b12 { background: red; background: 0 }
      .b13 { background: red; background: blue blue }
      .b14 { background: red; background: blue, }
      .b15 { background: red; background: ,blue }
      .b16 { background: red; background: blue repeat repeat repeat }
      .b17 { background: red; background: url(a.png) url(b.png) blue }
      .b18 { background: red; background: padding-box content-box border-box blue }
      .b19 { background: red; background: blue / cover }
      .b20 { background: red; background: center / cover blue }
      .b21 { background: red; background-color: blue green }
      .b22 { background: red; background-color: rgb(0 0 255) }
      .b23 { background: red; background: blue 10px }
      .b24 { background: red; background: inherit blue }
      .b25 { background: red; background: currentcolor }
      .b26 { background: red; background: blue scroll local }
    </style></head><body>
      <p class="b1">b1</p><p class="b2">b2</p><p class="b3">b3</p><p class="b4">b4</p>
      <p class="b5">b5</p><p class="b6">b6</p><p class="b7">b7</p><p class="b8">b8</p>
      <p class="b9">b9</p><p class="b10">b10</p><p class="b11">b11</p><p class="b12">b12</p>
      <p class="b13">b13</p><p class="b14">b14</p><p class="b15">b15</p><p class="b16">b16</p>
      <p class="b17">b17</p><p class="b18">b18</p><p class="b19">b19</p><p class="b20">b20</p>
      <p class="b21">b21</p><p class="b22">b22</p><p class="b23">b23</p><p class="b24">b24</p>
      <p class="b25">b25</p><p class="b26">b26</p>
    </body></html>""",
    # :nth-child(An+B of S): counted among the siblings that match S, S's most specific
    # selector and the pseudo-class in the specificity, S complex or a list; "of" in lower
    # case only, and not in :nth-of-type()
    ":nth-child(An+B of S)": """<html><head><style>
      li:nth-child(2 of .x) { color: rgb(30,100,0) }
      li:nth-last-child(1 of .x) { background-color: rgb(77,129,71) }
      ul.b li:nth-child(odd of .y, .z) { color: rgb(124,158,142) }
      ul.c li:nth-child(2 of .q) { color: rgb(171,187,213) }
      ul.c li.q.r.s { color: rgb(218,216,34) }
      ul.d li:nth-child(1 of #i1, .q) { color: rgb(65,245,105) }
      ul.d li.q.r.s.t { color: rgb(112,124,176) }
      ul.e li:nth-child(n+2 of :not(.skip)) { color: rgb(159,153,247) }
      ul.f li:nth-child(2 of .a .q) { color: rgb(206,182,68) }
      ul.g li:NTH-CHILD(-n+2 of .q) { color: rgb(53,211,139) }
      ul.g2 li:nth-child(-n+2 OF .q) { color: rgb(100,240,210) }
      ul.h li:nth-of-type(2 of .q) { color: rgb(147,119,31) }
      ul.k li.q.r { color: rgb(194,148,102) } ul.k li:nth-child(1 of .q) { color: rgb(41,177,173) }
      ul.m li:nth-child(2 of :hover, .q) { color: rgb(88,206,244) }
      ul.n li:nth-child(2 of .q::before) { color: rgb(135,235,65) }
    </style></head><body>
      <ul><li class="a1">1</li><li class="x a2">2</li><li class="a3">3</li><li class="x a4">4</li>
      <li class="x a5">5</li></ul>
      <ul class="b"><li class="y b1">1</li><li class="b2">2</li><li class="z b3">3</li>
      <li class="y b4">4</li></ul>
      <ul class="c"><li class="q c1">1</li><li class="q r s c2">2</li></ul>
      <ul class="d"><li class="q r s t d1" id="i1">1</li><li class="d2">2</li></ul>
      <ul class="e"><li class="e1">1</li><li class="skip e2">2</li><li class="e3">3</li></ul>
      <ul class="f a"><li class="q f1">1</li><li class="q f2">2</li></ul>
      <ul class="g"><li class="q g1">1</li><li class="g2">2</li><li class="q g3">3</li>
      <li class="q g4">4</li></ul>
      <ul class="g2"><li class="q h1">1</li><li class="q h2">2</li></ul>
      <ul class="h"><li class="q h3">1</li><li class="q h4">2</li></ul>
      <ul class="k"><li class="q r k1">1</li></ul>
      <ul class="m"><li class="q m1">1</li><li class="q m2">2</li></ul>
      <ul class="n"><li class="q n1">1</li><li class="q n2">2</li></ul>
    </body></html>""",
    # :default: a checked checkbox or radio, a selected option, a form's first submit button
    # (its form attribute's form, disabled or not)
    ":default": """<html><head><style>:default { color: rgb(30,100,0) }</style></head><body>
      <form id="f1"><input class="d1" type="text"><input class="d2" type="checkbox" checked>
      <input class="d3" type="checkbox"><input class="d4" type="radio" checked>
      <select><option class="d5">a</option><option class="d6" selected>b</option></select>
      <button class="d7" type="button">x</button><button class="d8">s1</button>
      <button class="d9" type="submit">s2</button><input class="d10" type="submit"></form>
      <form id="f2"><input class="d11" type="image" alt="go"><input class="d12" type="submit">
      </form><button class="d13" form="f3">outside</button>
      <form id="f3"><button class="d14">inside</button></form><button class="d15">none</button>
      <form><fieldset disabled><button class="d16">dis</button></fieldset>
      <button class="d17" disabled>d</button></form>
      <form><input class="d19" type="reset"><input class="d20" type="SUBMIT"></form>
      <p id="f4"></p><button class="d21" form="f4">not a form</button>
    </body></html>""",
    # font sizes and family lists Chromium drops: the declaration before applies
    "font values": """<html><head><style>
      .f1 { font-size: 30px; font: bold } .f2 { font-size: 30px; font-size: 1.2.3em }
      .f3 { font: 30px serif; font: 12px } .f4 { font-size: 30px } .f4.x { font: italic bold }
      .f5 { font-weight: 700; font: 20px/1 } .f6 { font: 20px serif; font: bold 2.2.2px serif }
      .f8 { font-size: 30px; font-size: 12px 14px } .f9 { font-size: 30px; font-size: bigger }
      .f11 { font: 30px serif; font: 12px "A", } .f12 { font-size: 30px; font-size: 1e1px }
      .f13 { font-size: 30px; font-size: 1.em } .f14 { font-size: 30px; font-size: 2fr }
      .f15 { font-family: monospace; font-family: Georgia, }
    </style></head><body>
      <p class="f1">1</p><p class="f2">2</p><p class="f3">3</p><p class="f4 x">4</p>
      <p class="f5">5</p><p class="f6">6</p><p class="f8">8</p><p class="f9">9</p>
      <p class="f11">11</p><p class="f12">12</p><p class="f13">13</p><p class="f14">14</p>
      <p class="f15">15</p>
    </body></html>""",
    "cascade": """<html><head><style>
      body { color: #333; font: 14px/1.4 Georgia, serif }
      .a { color: red } p.a { color: blue } #x { color: green } .b { color: orange !important }
      #y.b { color: purple }
      .hide { display: none } .shown { display: block }
      .vis { visibility: hidden } .vis .back { visibility: visible }
      .em { font-size: 1.5em } .rem { font-size: 2rem } .pct { font-size: 80% }
      .pt { font-size: 12pt } .kw { font-size: x-large } .smaller { font-size: smaller }
      .larger { font-size: larger } .short { font: bold 20px/2 sans-serif }
      :root { --fg: #123456; --size: 18px }
      .var { color: var(--fg); font-size: var(--size) } .fallback { color: var(--nope, #654321) }
      .inherit { color: inherit } .initial { color: initial; font-weight: initial }
      .unset { color: unset; background-color: unset }
      .bg { background: #f0f0f0 } .bgc { background-color: rgba(0, 0, 0, .5) }
      .op { opacity: .5 } .abs { position: absolute } .fix { position: fixed }
      .w800 { font-weight: 800 } .lighter { font-weight: lighter } .bolder { font-weight: bolder }
      @media (min-width: 1000px) { .wide { color: #0a0 } }
      @media (max-width: 600px) { .narrow { display: none } }
      @media print { .screen-only { display: none } }
      @supports (display: grid) { .grid { color: #a0a } }
      @layer base { .layered { color: #111 } } .layered { color: #222 }
      @layer base { .imp { color: #333 !important } } .imp { color: #444 !important }
      .list :is(.c, .d) { color: #0aa } .list li:not(.c) { color: #aa0 }
      ul li:nth-child(2n+1) { font-weight: 300 } [data-x="a b"] { color: #b0b }
      a[href^="http"] { color: #c0c } input[type="submit"] { color: #d0d }
      .parent > .child { color: #e0e } .sib + .next { color: #f0f } .sib ~ .later { color: #1f1 }
      .contents { display: contents; color: #2f2 }
      .rvt { display: inline; font-size: 10px; background: none; visibility: hidden }
      .rvt.rv { display: revert; font-size: revert; background-color: revert }
      .rvt .rv { visibility: revert }
      html { font-size: 20px }
    </style></head><body>
      <p class="a">a</p><p id="x" class="a">x</p><p id="y" class="a b">y</p>
      <div class="hide"><p>hidden</p></div><p class="hide shown">shown</p><p hidden class="shown">
      shown too</p><div class="vis"><p>invisible <span class="back">back</span></p></div>
      <div class="em">em <span class="em">em em</span> <span class="pct">pct</span></div>
      <p class="rem">rem</p><p class="pt">pt</p><p class="kw">kw <span class="smaller">s</span>
      <span class="larger">l</span></p><p class="short">short <em>em</em></p>
      <p class="var">var</p><p class="fallback">fallback</p>
      <div class="a"><p class="inherit">inherit</p><p class="initial">initial</p>
      <p class="unset bg">unset</p></div><div class="bg"><p class="bgc">bgc</p></div>
      <p class="op">op</p><p class="abs">abs</p><p class="fix">fix</p>
      <p class="w800">w800 <span class="lighter">lighter</span> <b>b</b></p>
      <p class="bolder">bolder</p><p class="wide">wide</p><p class="narrow">narrow</p>
      <p class="screen-only">screen</p><p class="grid">grid</p><p class="layered">layered</p>
      <p class="imp">imp</p><ul class="list"><li class="c">c</li><li class="d">d</li>
      <li>e</li></ul><p data-x="a b">attr</p><a href="https://example.org/">ext</a>
      <input type="submit" value="go"><div class="parent"><p class="child">child</p></div>
      <p class="sib">sib</p><p class="next">next</p><p class="later">later</p>
      <div class="contents"><p>in contents</p></div>
      <div class="rvt rv">revert <span class="rv">v</span></div><p hidden class="rvt rv">h</p>
      <h2 class="rvt rv">h2</h2><mark class="rvt rv">m</mark>
      <p style="font-size: 20px; font-size: -3px; font-weight: 600; font-weight: 1500">n</p>
      <p style="color: #abc; font-size: 1.25em !important; font-weight: 600">style</p>
    </body></html>""",
}


# Read in both modes (no doctype: quirks mode): a table's font and colour, numbers without
# units and colours without "#", in style attributes, rules and @supports
QUIRKS_PAGE = """<html><head><style>
  body { color: #c00; font: bold italic 12px Georgia }
  .blue { color: #00c; font-size: 20px; font-weight: 300 }
  .inherit td { font-size: inherit } .k1 { color: 00aa00 } .k2 { background-color: 0f0 }
  .u1 { font-size: 13 } .u2 { font: 14 serif } .u3 { font: bold 14/2 serif }
  .u4 { font: 450 15px serif }
  @supports (width: 50) { .s1 { color: #0a0 } }
  @supports (color: ff0000) { .s2 { color: #0a0 } }
  @media (min-width: 100) { .m1 { color: #0a0 } }
</style></head><body>
  <table><tbody><tr><td>cell</td></tr></tbody></table>
  <div class="blue"><table><caption>cap</caption><tbody><tr><th>h</th><td><b>b</b></td>
  </tr></tbody></table></div>
  <table style="font-size: 10px; color: #0a0"><tbody><tr><td><code>c</code></td></tr>
  </tbody></table>
  <div style="font-family: monospace"><table><tbody><tr><td>mono</td></tr></tbody></table>
  </div><table class="inherit"><tbody><tr><td>inherit</td></tr></tbody></table>
  <div class="blue"><table style="color: revert"><tbody><tr><td>revert</td></tr></tbody>
  </table></div>
  <div class="blue"><table style="color: inherit; font-weight: inherit"><tbody><tr><td>i</td>
  </tr></tbody></table></div>
  <div class="blue"><table style="all: revert"><tbody><tr><td>all</td></tr></tbody></table>
  </div><div style="color-scheme: dark"><table><tbody><tr><td>dark</td></tr></tbody></table>
  <p><mark>m</mark><a href="/x">l</a></p></div>
  <div class="k1">k1</div><div class="k2">k2</div><div class="s1">s1</div>
  <div class="s2">s2</div><div class="m1">m1</div><div class="u1">u1</div>
  <div class="u2">u2</div><div class="u3">u3</div><div class="u4">u4</div>
  <div style="color: ff0000">ident</div><div style="color: abc">three</div>
  <div style="color: 123">number</div><div style="color: 12a">dimension</div>
  <div style="color: 1e">1e</div><div style="color: 00ff00">00ff00</div>
  <div style="color: +12">plus</div><div style="color: #888; color: abcd">four</div>
  <div style="color: #888; color: 1e3">exponent</div>
  <div style="color: #888; color: 1234567">seven</div>
  <div style="color: #888; color: -123">negative</div>
  <div style="color: #888; color: 12345g">g</div>
  <div style="background: ff0">shorthand</div>
  <div style="background: #ff0 10 10">position</div>
  <div style="font-size: 13px; font-size: 1.2.3">kept</div>
  <div style="font-size: 13.5">13.5</div><div style="color: ABCDEF !important">important</div>
</body></html>"""


@pytest.mark.parametrize("quirks", [True, False], ids=["quirks mode", "no-quirks mode"])
def test_our_computed_styles_are_chromiums_in_both_modes(styles_context, quirks):
    markup = styles.numbered(QUIRKS_PAGE, quirks)
    assert markup.startswith("<html") is quirks
    tally = styles.Tally()
    styles.compare(markup, styles.chromium_rows(styles_context, markup), tally)
    assert tally.elements > 60 and tally.restructured == 0
    assert not tally.differences, styles.report(tally, 50)
    assert sum(tally.unknown.values()) == 0, tally.unknown


# Every element of HTML (obsolete ones too, but frames and the plaintext element) in a parent
# whose inherited properties no browser default shares: where an element's own defaults
# (Chromium's html.css) set one, it shows (a <big>'s larger text, a dialog's CanvasText,
# ruby text halved only inside a ruby, a file input's inherited colour)
_EVERY_TAG_TEXT = """a abbr acronym address article aside b bdi bdo big blink blockquote button
  canvas center cite code data dd del details dfn dir div dl dt em fieldset figcaption figure
  font footer form h1 h2 h3 h4 h5 h6 header hgroup i ins kbd label legend li listing main mark
  marquee menu meter nav nobr ol output p pre progress q rp rt rtc ruby s samp search section
  small span strike strong sub summary sup textarea time tt u ul var xmp"""
EVERY_ELEMENT = "".join(
    f"<{tag}{' href=/x' if tag == 'a' else ' title=t' if tag in ('abbr', 'acronym') else ''}>"
    f"{tag}</{tag}>" for tag in _EVERY_TAG_TEXT.split()) + """
  <select><option>o</option></select><select size="3"><option>o</option>
  <optgroup label="g"><option>p</option></optgroup></select><input value="v">
  <input type="checkbox"><input type="file"><input type="submit" value="s">
  <input type="range"><table><caption>c</caption><thead><tr><th>h</th></tr></thead>
  <tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>
  <details open><summary>s</summary>in</details><fieldset><legend>l</legend>x</fieldset>
  <dialog open>d</dialog><ruby>r<rp>(</rp><rt>t</rt><rp>)</rp></ruby>
  <p><img alt="i" src=""><br><wbr><q>q</q></p>"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("quirks", [True, False], ids=["quirks mode", "no-quirks mode"])
def test_every_elements_defaults_are_chromiums(styles_context, quirks, scheme):
    markup = styles.numbered(
        f'<html style="color-scheme: {scheme}"><body><div style="color: rgb(200, 0, 0); '
        "font-size: 23px; font-weight: 300; font-style: italic; font-family: cursive; "
        f'line-height: 3">{EVERY_ELEMENT}</div></body></html>', quirks)
    tally = styles.Tally()
    styles.compare(markup, styles.chromium_rows(styles_context, markup), tally)
    assert tally.elements > 120 and tally.restructured == 0
    assert not tally.differences, styles.report(tally, 50)
    assert sum(tally.unknown.values()) == 0, tally.unknown


@pytest.mark.parametrize("name", list(PAGES))
def test_our_computed_styles_are_chromiums(styles_context, name):
    markup = styles.numbered(PAGES[name])
    tally = styles.Tally()
    styles.compare(markup, styles.chromium_rows(styles_context, markup), tally)
    assert tally.elements > 12 and tally.restructured == 0
    assert not tally.differences, styles.report(tally, 50)
    assert sum(tally.unknown.values()) == 0, tally.unknown


# Sheets whose braces do not pair up, or that end inside a rule, read as Chromium reads them
# (CSS Syntax 3): a "}" that closes no block begins a rule that is dropped (with the block
# after it); a block, a parenthesis, a string or a url() left open at the end is closed
# there, but where it swallows what follows (a "{", "}" or ";" after it), the statement it
# is in is dropped
MALFORMED_SHEETS = [
    ".a { color: red; } } .b { color: red } .c { color: red }",
    "} @media screen { .b { color: red } } .c { color: red }",
    ".a { color: red } } @media screen { .b { color: red } } .c { color: red }",
    ".a { color: red } color: blue } .b { color: red } .c { color: red }",
    ".a { { color: red } color: blue } .b { color: red; { x: y } }",
    ".w-\\[1px\\] { color: red } .a { color: blue } .b { color: red",
    ";.b { color: red",
    "@media screen { .a { color: red",
    ".a { color: rgb(200, 0, 0",
    ".a { color: red; } .b { color: red; background: url(x.png",
    ".a { color: blue } .b { color: red; background: url(x.png } .c { color: red",
    ".a { color: red } .b:is( { color: red",
    ".a { color: red } .b { color: red; --x: foo(",
    '.a { color: red } .b { color: red; content: "x',
    ".a { color: red } .b { color: green; content: \"x\\\"; } .c { color: red",
]


@pytest.mark.parametrize("sheet", MALFORMED_SHEETS)
def test_a_sheet_that_does_not_pair_up_is_read_as_chromium_reads_it(styles_context, sheet):
    markup = styles.numbered(f"""<html><head><style>{sheet}</style></head><body>
      <p class="a">a</p><p class="b">b</p><p class="c">c</p><p class="w-[1px]">w</p>
    </body></html>""")
    tally = styles.Tally()
    styles.compare(markup, styles.chromium_rows(styles_context, markup), tally)
    assert tally.elements >= 6 and tally.restructured == 0
    assert not tally.differences, styles.report(tally, 10)
    assert sum(tally.unknown.values()) == 0, tally.unknown


def test_a_difference_is_counted_and_reported():
    # the comparison itself: one paragraph Chromium shows red where we read black
    markup = styles.numbered("<html><body><p>x</p><p>y</p></body></html>")
    tally = styles.Tally()
    rows = [[0, None, False, "visible", "rgb(0, 0, 0)", "rgba(0, 0, 0, 0)", "16px", "400", "1",
             "static"],
            [1, "0  ", False, "visible", "rgb(0, 0, 0)", "rgba(0, 0, 0, 0)", "16px", "400",
             "1", "static"],
            [2, "1  3", False, "visible", "rgb(255, 0, 0)", "rgba(0, 0, 0, 0)", "16px", "400",
             "1", "static"],
            [3, "1 2 ", True, "visible", "", "", "", "", "", ""]]
    styles.compare(markup, rows, tally)
    assert tally.differ("color") == 1 and tally.differ("displayed") == 1
    assert tally.restructured == 0
    # an element Chromium placed elsewhere (another sibling before it) is left out
    moved = [[row[0], "1 9 3" if row[0] == 2 else row[1], *row[2:]] for row in rows]
    left = styles.Tally()
    styles.compare(markup, moved, left)
    assert left.restructured == 1 and left.differ("color") == 0
    text = styles.report(tally, 5)
    assert "color, <p>: rgb(255, 0, 0) / rgb(0, 0, 0)" in text


SIGHT_PAGE = """<html><head><style>
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
        white-space: nowrap }
  .cp { position: absolute; clip-path: inset(50%) } .op { opacity: 0 }
  .left { position: absolute; left: -9999px } .top { position: absolute; top: -9999px }
  .ty { position: absolute; top: 0; transform: translateY(-100%) }
  .tx { position: absolute; left: 10px; top: 10px;
        transform: translate3d(calc(-100% - 20px), 0, 0) }
  .fx { position: fixed; top: 0; left: 0; transform: translate(0, -120%) }
  .half { position: absolute; top: 0; transform: translateY(-50%) }
  .low { position: absolute; top: 200px; transform: translateY(-100%) }
  .rel { position: relative; top: 300px }
  .in { position: absolute; top: 0; transform: translateY(-100%) }
  .shift { transform: translateY(-100%) }
  .ir { text-indent: -9999px; display: block; width: 200px } .f0 { font-size: 0 }
  .tr { color: transparent } .ind { text-indent: 2em }
  .box { width: 1px; height: 1px; overflow: hidden; white-space: nowrap }
  .zero { width: 0; overflow: hidden } .sc { transform: scale(0) }
  .out { text-indent: -9999px } .flex { display: flex }
  .mh { max-height: 0; overflow: hidden }
</style></head><body>
  <p>plain</p><span class="sr">sr-only</span><span class="cp">clip-path</span>
  <p class="op">opacity</p><p class="left">left</p><p class="top">top</p>
  <a href="#m" class="ty">skip up</a><a href="#m" class="tx">skip left</a>
  <a href="#m" class="fx">skip fixed</a><a href="#m" class="half">half shown</a>
  <a href="#m" class="low">lower</a><div class="rel"><a href="#m" class="in">inside</a></div>
  <p class="shift">static, moved up</p><a href="/" class="ir">logo</a>
  <p class="f0">no size</p><p class="tr">transparent</p><p class="ind">indented</p>
  <p>an inline box: <span class="box">box of 1px</span> <span class="zero">no width</span>
  <span class="sc">scaled</span> <span class="out">own indent</span></p>
  <p class="out">indented block <b>its bold</b></p><div class="flex"><span class="box">flex
  item</span></div><p><span class="box" style="display: inline-block">inline block</span></p>
  <div class="mh">collapsed</div><p><span class="mh">inline, not collapsed</span></p>
  <main id="m">main</main>
</body></html>"""


def test_hidden_from_sight_as_chromiums_layout_hides(styles_context):
    # The cascade's "visually hidden" against where Chromium's layout puts each element with
    # text: the sr-only patterns, offsets, and a skip link moved off the page's edge by a
    # translation of its own size (top: 0; translateY(-100%)), but not one moved part-way,
    # from lower down or inside a positioned box; an inline box, which sizes, overflow,
    # transforms and its own text-indent leave as it is, unless it is a flex item or an
    # inline-block, and the inline text of a block indented off the page; a collapsed
    # max-height: 0
    markup = styles.numbered(SIGHT_PAGE)
    chromium = styles.chromium_sight(styles_context, markup)
    tally = styles.SightTally()
    styles.compare_sight(markup, chromium, tally)
    assert len(chromium) == 29
    assert tally.counts == {"both": 16, "neither": 13}, tally.differing


def test_the_sight_comparison_counts_each_kind_and_lists_where_we_differ():
    # (no browser: Chromium's answers given) ours: the sr-only span and the indented text
    # are hidden, the paragraph is not; say Chromium hides the paragraph and the span only
    markup = styles.numbered(
        '<html><head><style>.sr { position: absolute; clip: rect(0 0 0 0) }'
        ' .ir { text-indent: -9999px; display: block }</style></head><body><p>plain</p>'
        '<span class="sr">sr</span><a class="ir" href="/">logo</a></body></html>')
    page = Page.from_html(markup)
    number = {el.tag: el.get(styles.NUMBER) for el in page.root.iter("p", "span", "a")}
    tally = styles.SightTally()
    styles.compare_sight(markup, {number["p"]: "clipped", number["span"]: "clipped",
                                  number["a"]: ""}, tally, "x")
    assert tally.counts == {"both": 1, "ours only": 1, "Chromium only": 1}
    assert [row[1] for row in tally.differing] == ["p", "a"]
    assert tally.differing[1][3] == "text-indent: -9999px"
    report = styles.sight_report(tally, 5)
    assert "for us only:                           1" in report
    assert "x | a | ir | text-indent: -9999px |  | logo" in report


def test_background_values_are_read_as_chromium_reads_them(styles_context):
    # the recorded tables of tests/semantics/test_dropped_values.py, asked of Chromium again
    from a11y_audit.semantics.css import background_valid
    from tests.semantics.test_dropped_values import (
        DROPPED,
        GRADIENTS_DROPPED,
        GRADIENTS_TAKEN,
        TAKEN,
        all_positions,
    )
    values = [*TAKEN, *DROPPED, *(f"url(a.png) {position}" for position in all_positions()),
              *GRADIENTS_TAKEN, *GRADIENTS_DROPPED]
    page = styles_context.new_page()
    try:
        page.set_content("<!DOCTYPE html><p>x</p>")
        taken = page.evaluate("vs => vs.map(v => CSS.supports('background', v))", values)
    finally:
        page.close()
    assert [v for v, t in zip(values, taken, strict=True) if t != background_valid(v)] == []
    assert sum(taken) == len(TAKEN) + 62 + len(GRADIENTS_TAKEN)


def test_font_values_are_read_as_chromium_reads_them(styles_context):
    # the recorded tables of tests/semantics/test_dropped_values.py, asked of Chromium again
    from tests.semantics.test_dropped_values import FAMILIES, FONT_SIZES
    page = styles_context.new_page()
    try:
        page.set_content("<!DOCTYPE html><p>x</p>")
        for prop, table in (("font-size", FONT_SIZES), ("font-family", FAMILIES)):
            taken = page.evaluate(f"vs => vs.map(v => CSS.supports('{prop}', v))",
                                  [value for value, _ in table])
            assert taken == [expected for _, expected in table], prop
    finally:
        page.close()


def test_the_document_mode_is_chromiums(styles_context):
    # tests/semantics/test_quirks.py's doctypes: quirks mode is Chromium's "BackCompat"
    from a11y_audit.semantics.document import quirks_mode
    from tests.semantics.test_quirks import DOCTYPES
    for doctype, _ in DOCTYPES:
        page = styles_context.new_page()    # (a page of its own: its document's own mode)
        try:
            page.set_content(doctype + "<html><body><p>x</p></body></html>")
            ours = quirks_mode(Page.from_html(doctype + "<p>x</p>").root)
            assert (page.evaluate("document.compatMode") == "BackCompat") is ours, doctype
        finally:
            page.close()


def test_values_are_read_by_the_document_mode_as_chromium_reads_them(styles_context):
    # tests/semantics/test_quirks.py's table: in each mode, Chromium computes for the
    # declaration what it computes, with a doctype, for the value we read (or for nothing,
    # where we drop it)
    from tests.semantics.test_quirks import VALUES

    def computed(doctype: str, declarations: list[str]) -> list[str]:
        boxes = "".join(f'<div style="position: absolute; border-style: solid; {d}">x</div>'
                        for d in declarations)
        page = styles_context.new_page()    # (a page of its own: its document's own mode)
        try:
            page.set_content(f"{doctype}<html><body>{boxes}</body></html>")
            assert (page.evaluate("document.compatMode") == "BackCompat") is (not doctype)
            return page.evaluate(
                "names => [...document.body.children].map((el, i) =>"
                " getComputedStyle(el).getPropertyValue(names[i]))", names)
        finally:
            page.close()

    names = [declaration.partition(":")[0] for declaration, _, _ in VALUES]
    for doctype, column in (("", 1), ("<!DOCTYPE html>", 2)):
        found = computed(doctype, [row[0] for row in VALUES])
        ours = computed("<!DOCTYPE html>", [
            "" if row[column] is None else f"{name}: {row[column]}"
            for name, row in zip(names, VALUES, strict=True)])
        assert [(row[0], chromium, read) for row, chromium, read
                in zip(VALUES, found, ours, strict=True) if chromium != read] == [], doctype


def test_colours_of_every_space_are_painted_as_we_read_them(styles_context):
    # tests/semantics/test_colors.py's table, painted on a canvas again (8-bit sRGB, the
    # colours outside sRGB's gamut clipped)
    from tests.semantics.test_colors import PAINTED, pixel
    page = styles_context.new_page()
    try:
        page.set_content("<!DOCTYPE html><canvas id=c width=1 height=1></canvas>")
        painted = page.evaluate(
            "vs => vs.map(v => { const ctx = document.getElementById('c').getContext('2d');"
            " ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = v; ctx.fillRect(0, 0, 1, 1);"
            " return Array.from(ctx.getImageData(0, 0, 1, 1).data); })",
            [text for text, _ in PAINTED])
    finally:
        page.close()
    assert [tuple(found) for found in painted] == [expected for _, expected in PAINTED]
    assert all(abs(a - b) <= 1 for text, expected in PAINTED
               for a, b in zip(pixel(text), expected, strict=True))  # type: ignore[arg-type]


# Colour functions, custom properties holding them (as Tailwind CSS 4 writes its palette),
# relative colours of them and light-dark() by the colour scheme: with the page's meta
# color-scheme light (every colour known) and dark (the browser's dark colours unknown,
# never wrong)
COLOURS_PAGE = """<html><head><meta name="color-scheme" content="{scheme}"><style>
  :root {{ --gray-900: oklch(21% 0.034 264.665); --red-500: oklch(0.637 0.237 25.331) }}
  .t1 {{ color: var(--gray-900); background: oklch(0.985 0.002 247.839) }}
  .t2 {{ color: var(--red-500) }}
  .t3 {{ background-color: color-mix(in oklab, #000 50%, transparent) }}
  .t4 {{ color: color-mix(in oklch, white, red) }}
  .t5 {{ color: lab(50% 20 30); background: lch(90 20 100) }}
  .t6 {{ color: color(display-p3 0.2 0.8 0.3) }} .t7 {{ color: light-dark(#a00, #0a0) }}
  .dark {{ color-scheme: dark }} .both {{ color-scheme: light dark }}
  .only {{ color-scheme: only dark }}
  .t8 {{ background: light-dark(#fff, #123) url(x.png) }}
  .t9 {{ color: color-mix(in lch longer hue, blue, yellow) }}
  .t10 {{ color: color-mix(in srgb, light-dark(#a00, #00a) 50%, white) }}
  .t11 {{ background: color-mix(in srgb, red 30%, blue 30%) }}
  .t12 {{ color: hwb(120 10% 20%); background: color(rec2020 0.5 0.3 0.2) }}
  .t13 {{ color: oklab(0.8 -0.2 0.1) }}
  .t14 {{ background: rgb(from var(--red-500) r g b / 10%);
          color: oklch(from var(--gray-900) calc(l + 0.1) c h) }}
</style></head><body>
  <p class="t1">t1</p><p class="t2">t2</p><p class="t3">t3</p><p class="t4">t4</p>
  <p class="t5">t5</p><p class="t6">t6</p><p class="t7">t7</p><div class="dark">
  <p class="t7">dark</p><p class="t8">bg</p><p class="t10">mix</p><div class="both">
  <p class="t7">both</p></div></div><div class="only"><p class="t7">only dark</p></div>
  <p class="t9">t9</p><p class="t10">t10</p><p class="t11">t11</p><p class="t12">t12</p>
  <p class="t13">t13</p><p style="color: light-dark(#a00, #0a0); color-scheme: dark">own</p>
  <p class="t14">relative</p>
</body></html>"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_functions_and_schemes_are_chromiums(styles_context, scheme):
    markup = styles.numbered(COLOURS_PAGE.format(scheme=scheme))
    tally = styles.Tally()
    styles.compare(markup, styles.chromium_rows(styles_context, markup), tally)
    assert tally.elements > 20 and tally.restructured == 0
    assert not tally.differences, styles.report(tally, 50)
    # (in the dark scheme the root's text is the dark CanvasText, which the others inherit)
    assert sum(tally.unknown.values()) == 0, tally.unknown


def _system_page() -> str:
    from a11y_audit.semantics.colors import _SYSTEM
    cells = "".join(f'<p style="color: {name}; background-color: {name}">{name}</p>'
                    for name in sorted(_SYSTEM))
    return (f"<html><body><div>{cells}</div><div style='color-scheme: dark'>{cells}</div>"
            "<div style='color-scheme: light dark'><p style='background: Canvas'>c</p>"
            "<p style='color: CanvasText'>t</p></div></body></html>")


def test_system_colours_are_chromiums_in_both_schemes(styles_context):
    # the colours a page may name (Canvas, LinkText, ButtonFace... and the deprecated ones),
    # in a light scheme and in a dark one, as Chromium 156 gives them
    markup = styles.numbered(_system_page())
    tally = styles.Tally()
    styles.compare(markup, styles.chromium_rows(styles_context, markup), tally)
    assert tally.elements > 80 and tally.restructured == 0
    assert not tally.differences, styles.report(tally, 50)
    assert sum(tally.unknown.values()) == 0, tally.unknown
