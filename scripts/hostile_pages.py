"""Hostile and pathological pages, built here and audited one by one: time, memory, errors.

    python scripts/hostile_pages.py                     # every page, at its default size
    python scripts/hostile_pages.py --only custom       # the pages whose name holds "custom"
    python scripts/hostile_pages.py --scale 0.25        # each page at a quarter of its size
    python scripts/hostile_pages.py --keep /tmp/pages   # keep the pages (to open in a browser)
    PYTHONPATH=../old/src python scripts/hostile_pages.py   # another checkout, to compare
    python scripts/hostile_pages.py --scaling           # how each page's cost grows with it

Each page is something a browser renders at once but that once made the audit crash, run for
minutes or take gigabytes: custom properties that grow exponentially or sit by thousands on
the root, a rule of its own for each of thousands of paragraphs, selectors and markup nested
thousands deep, numbers of thousands of digits, tables of 65,534 spanned rows... (see
:data:`PAGES`). Each is audited by the command line in a process of its own (``check PAGE -f
json --jobs 1``), so its peak memory is its own, and its wall time, peak resident memory (Linux's
VmHWM, read every 10 ms while it runs: 0 on other systems), exit status and the report's
errors (rules stopped at their time limit, a page refused) are printed.

A page over ``--max-seconds`` or ``--max-mb`` is marked ``over``; the exit status is 1 when a
page crashed (an internal error, no report, or an exit status other than 0, 1 or 2) or ran
past ``--timeout``, else 0. The bounds that must not regress are held by tests
(``tests/test_pathological.py`` counts calls, the cascade's tests count memory); this script
shows the whole picture before and after a change. Prints figures; asserts nothing else.

``--scaling`` asks another question: does a page's cost grow faster than the page? Each page
is built at half its size and at its size and audited in a process of its own (every rule,
their time limits in force), and the CPU time of the two audits gives the exponent of its
growth with the page's bytes: 1 for an audit linear in the page, 2 for a quadratic one. A
page whose exponent passes ``--max-exponent`` (default 1.5) is marked ``grows`` and the exit
status is 1, unless :data:`EXPECTED_GROWTH` says why the page grows so by construction. That
is how the quadratic rules of December 2026 were found (a table of thousands of rows,
thousands of labelled fields or skip links): a page of each is kept here.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from a11y_audit.templates import Template

REPO = Path(__file__).resolve().parents[1]
_HEAD = "<!doctype html><html lang=en><title>Hostile page</title>"
_TEXT = "<p>hello <a href='/x'>link</a></p>"


def _page(style: str, body: str) -> str:
    return f"{_HEAD}<style>{style}</style><body>{body}</body></html>"


def _nested(opening: str, inner: str, closing: str, depth: int) -> str:
    return opening * depth + inner + closing * depth


def _var_chain(levels: int) -> str:
    uses = lambda level: " ".join([f"var(--l{level - 1})"] * 10)  # noqa: E731
    chain = "".join(f"--l{level}:{uses(level)};" for level in range(1, levels + 1))
    return _page(f":root{{--l0:aaaaaaaaaa;{chain}}} p{{color:var(--l{levels});"
                 f"font-family:var(--l{levels})}}", _TEXT)


def _customs(n: int, registered: bool = False) -> str:
    root = ";".join(f"--v{i}:{i}px" for i in range(n))
    at_rule = ("@property --r{syntax:'<length>';inherits:false;initial-value:0px}"
               if registered else "")
    return _page(f"{at_rule}:root{{{root}}}",
                 "".join(f"<p style='--own:{i}'><span>x</span></p>" for i in range(n)))


def _is_nested(depth: int) -> str:
    selector = "a"
    for i in range(depth):
        selector = f":is({selector}, .x{i})"
    return _page(f"{selector}{{color:red}}", _TEXT * 1000)


def _imports(levels: int) -> str:
    sheet = "p{color:red}"
    for _ in range(levels):
        sheet = f'@import url("data:text/css,{urllib.parse.quote(sheet)}");'
    return _page(sheet[:3_000_000], _TEXT)


def _calc(depth: int) -> str:
    value = "16px"
    for _ in range(depth):
        value = f"calc({value} + 0px)"
    return _page(f"p{{font-size:{value}}}", _TEXT)


def _color_mix(depth: int) -> str:
    value = "red"
    for _ in range(depth):
        value = f"color-mix(in srgb, {value} 50%, blue)"
    return _page(f"p{{color:{value}}}", _TEXT)


# name -> (what it is, the page at scale n, its default n)
PAGES: dict[str, tuple[str, Callable[[int], str], int]] = {
    # custom properties
    "custom-property-chain": (
        "each custom property ten uses of the one before (past Chromium's 2 MiB limit)",
        _var_chain, 11),
    "custom-properties-below-many": (
        "n custom properties on :root, n paragraphs declaring one each",
        _customs, 6000),
    "custom-properties-registered": (
        "the same, with a registered property that does not inherit",
        lambda n: _customs(n, registered=True), 6000),
    # rules and selectors
    "rules-for-every-paragraph": (
        "a <style>p{...}</style> before each of n paragraphs",
        lambda n: f"{_HEAD}<body>" + "<style>p{color:red}</style><p>x</p>" * n, 20000),
    "ancestor-rules-for-every-paragraph": (
        "a <style>main p{...}</style> before each of n paragraphs",
        lambda n: f"{_HEAD}<body><main>"
                  + "<style>main p{font-weight:bold}</style><p>x</p>" * n, 10000),
    "selectors-nested-deep": (":is() nested n deep", _is_nested, 500),
    "selector-list-long": (
        "one rule with 10n ids, n paragraphs with ids",
        lambda n: _page(",".join(f"#i{i}" for i in range(10 * n)) + "{color:red}",
                        "".join(f"<p id=i{i}>x</p>" for i in range(n))), 20000),
    "descendant-selectors-many": (
        "n selectors of five compounds, links 200 divs deep",
        lambda n: _page(",".join(f".c{i} .d{i} div span a" for i in range(n))
                        + "{color:red}", _nested("<div>", _TEXT * 50, "</div>", 200)), 20000),
    "nth-child-of-many": (
        "n distinct :nth-child(An+B of S) rules over 8n links",
        lambda n: _page("".join(f":nth-child(2n+1 of :nth-child(3n of .a{i})) a{{color:red}}"
                                for i in range(n)), "<div class=a1>" + _TEXT * 8 * n + "</div>"),
        300),
    "attribute-substrings-long": (
        "n [attr*=...] rules, 50 paragraphs with 20 KB attributes",
        lambda n: _page("".join(f"[data-x*='{'a' * 50}{i}']{{color:red}}" for i in range(n)),
                        f"<p data-x='{'a' * 20000}'>x</p>" * 50), 2000),
    "has-nested": (
        ":has() rules over links 500 divs deep",
        lambda n: _page("div:has(p a) p:has(+ p) a{color:red}" * 10,
                        _nested("<div>", _TEXT * n, "</div>", 500)), 2000),
    "striped-rows": (
        ":nth-child() and :last-child over a table of n rows",
        lambda n: _page("tr:nth-child(even) td{background:#eee} tr:nth-last-of-type(3n) td"
                        "{color:#333} tr:last-child td{font-weight:bold}",
                        "<table>" + "<tr><td>Candidate</td><td>1,234</td></tr>" * n
                        + "</table>"), 20000),
    # at-rules and values
    "media-queries-many": (
        "n @media blocks",
        lambda n: _page("".join(f"@media (min-width:{i}px) and (max-width:{i + 1}px)"
                                f"{{.a{i}{{display:none}}}}" for i in range(n)), _TEXT), 50000),
    "media-nested-deep": (
        "@media nested n deep",
        lambda n: _page(_nested("@media screen{", "p{color:red}", "}", n), _TEXT), 5000),
    "supports-parentheses-deep": (
        "an @supports condition in n parentheses",
        lambda n: _page("@supports " + _nested("(", "display:block", ")", n)
                        + "{p{color:red}}", _TEXT), 5000),
    "css-nesting-deep": (
        "CSS Nesting n deep",
        lambda n: _page(_nested("p{ & a{", "color:red", "}}", n), _TEXT), 20000),
    "parentheses-unclosed": (
        "n parentheses left open in a declaration",
        lambda n: _page("p{color:" + "(" * n + "}", _TEXT), 200000),
    "comment-unclosed": (
        "a comment of n characters left open",
        lambda n: _page("/*" + "*" * n, _TEXT), 2000000),
    "layers-many": (
        "n cascade layers",
        lambda n: _page("".join(f"@layer l{i}{{p{{color:rgb({i % 255},0,0)}}}}"
                                for i in range(n)), _TEXT * 100), 20000),
    "keyframes-many": (
        "n @keyframes of 100 steps, all running on 200 paragraphs",
        lambda n: _page("".join(f"@keyframes k{i}{{"
                                + "".join(f"{j}%{{color:red}}" for j in range(100)) + "}"
                                for i in range(n))
                        + "p{animation:" + ",".join(f"k{i} 1s" for i in range(n)) + "}",
                        _TEXT * 200), 500),
    "imports-nested": ("data: URL @imports nested n deep", _imports, 200),
    "calc-nested": ("calc() nested n deep", _calc, 5000),
    "color-mix-nested": ("color-mix() nested n deep", _color_mix, 3000),
    "numbers-long": (
        "numbers of n digits in CSS, tabindex, aria-level, colspan and dates",
        lambda n: _page(f"p{{font-size:{'9' * n}px;opacity:0.{'1' * n};z-index:{'9' * n}}}",
                        f"<p tabindex='{'1' * n}' aria-level='{'2' * n}'>x</p>"
                        f"<table><tr><td colspan='{'3' * n}'>x</td></tr></table>"
                        f"<time datetime='{'2' * n}-01-01'>x</time>"), 5000),
    "stylesheets-missing-many": (
        "n linked stylesheets that cannot be read",
        lambda n: _HEAD + "".join(f"<link rel=stylesheet href='css/s{i}.css'>" for i in range(n))
        + f"<body><main>{_TEXT}</main></body></html>", 10000),
    # markup
    "markup-nested-deep": (
        "n nested divs (past the parser's 2,048: the page is cut, with an error)",
        lambda n: f"{_HEAD}<body>" + _nested("<div>", "x", "</div>", n), 100000),
    "aria-hidden-nested": (
        "n nested aria-hidden containers, each with a link",
        lambda n: f"{_HEAD}<body><main>"
                  + _nested("<div aria-hidden='true'><a href='/'>x</a>", "x", "</div>", n),
        1900),
    "details-nested": (
        "n nested open details",
        lambda n: f"{_HEAD}<body>"
                  + _nested("<details open><summary>s</summary>", "x", "</details>", n), 2000),
    "svg-nested": (
        "n nested svg groups",
        lambda n: f"{_HEAD}<body>" + _nested("<svg><g>", "<text>x</text>", "</g></svg>", n),
        1000),
    "templates-nested": (
        "n nested templates",
        lambda n: f"{_HEAD}<body>" + _nested("<template>", "x", "</template>", n), 1500),
    "self-closing-many": (
        "n paragraphs each holding a span written self-closing (and closed) after a "
        "non-ASCII letter",
        lambda n: f"{_HEAD}<body>" + "<p>é<span class=x/></span>" * n, 40000),
    "self-closing-in-icons": (
        "n SVG icons with a title, a link and an HTML island written self-closing",
        lambda n: f"{_HEAD}<body>" + "<svg><title>t</title><a href=x/><foreignObject><i/>"
                  "</foreignObject></svg><b/></b>" * n, 10000),
    "br-end-tags-many": (
        "n line breaks written '</br>' on one line after a non-ASCII letter, then n in "
        "attribute values",
        lambda n: f"{_HEAD}<body><p>" + "é</br>" * n + "<p title='" + "</br>" * n + "'>t",
        40000),
    "misnested-links-many": (
        "n teaser links closed inside their card (libxml2 ignores the </a>: each link held "
        "the rest of the page), then n closed inside their headline",
        lambda n: f"{_HEAD}<body>" + "<a href=/s><div class=card><h3>T</h3></a></div>" * n
                  + "<a href=/t><h3>H</a></h3>" * n, 10000),
    "formatting-left-open-many": (
        "n paragraphs each opening a b of its own left open (a browser opens each again "
        "in every paragraph after: n*n/2 copies), then n teaser links left open",
        lambda n: f"{_HEAD}<body>" + "".join(f"<p><b class=c{i}>x</p>" for i in range(n))
                  + "<ul>" + "<li><a href=/s>T</li>\n" * n + "</ul>", 5000),
    "closed-early-many": (
        "n headings each holding a paragraph (libxml2 closes each at it), their end tags "
        "all at the end, after an instruction that stops each taking its paragraph back; "
        "then n b each holding a paragraph, nested (n deep once taken back)",
        lambda n: f"{_HEAD}<body>" + "<h2><p>x</p>" * n + "<?pi?>" + "</h2>" * n
                  + "<div>" + "<b><p>x</p>" * n + "</b>" * n + "</div>", 5000),
    "divs-left-open-many": (
        "a section left with a div open and 2,000 spans in it, then n of its end tags (libxml2 "
        "ignores each: every one is decided on); then a button in a button, 2,000 divs in "
        "it, n end tags of the section (each decided on among elements a browser no "
        "longer has open), and n list items each left with a div open",
        lambda n: f"{_HEAD}<body><section><div>" + "<span>" * min(n, 2000) + "x</section>" * n
                  + "<button><section><button>" + "<div>" * min(n, 2000) + "</section>" * n
                  + "</div>" * min(n, 2000) + "</button></section></button><ul>"
                  + "<li><div>x" * n + "</ul>", 20000),
    "headings-left-open-many": (
        "n headings each left open before a paragraph (libxml2 closes each there, a browser "
        "at the next heading), then n left open in list items",
        lambda n: f"{_HEAD}<body>" + "<h2>T<p>x</p>" * n + "<ul>" + "<li><h3>T<p>x</li>" * n
                  + "</ul>", 20000),
    "forms-left-open-many": (
        "n forms left open in a div (a browser ignores every form tag after the first), "
        "then n forms each with a div left open at its end tag, and n with a button",
        lambda n: f"{_HEAD}<body>" + "<div><form><input name=q></div>" * n + "</form>"
                  + "<form><div>x</form>y</div>" * n
                  + "<section><form><button>Go</form>a</button></section>" * n, 10000),
    "paragraphs-left-open-many": (
        "n custom elements each left with a paragraph open (a browser ignores each end tag), "
        "4n spans in a div, n list items left open in a span in a custom element: every end "
        "tag of the page is decided on",
        lambda n: f"{_HEAD}<body>" + "<x-card><p>Text</x-card>" * n + "<div>"
                  + "<span>a</span>" * (4 * n) + "</div>"
                  + "<my-el><span><li>x</span></my-el>" * n, 20000),
    "links-left-open-in-blocks-many": (
        "n teaser links each with its paragraph left open (a browser ends each link before "
        "it, and the paragraph holds what follows), then n with a heading left open in a "
        "section, then n in one div with a span left open in each",
        lambda n: f"{_HEAD}<body><div>" + "<a href=/s><p>Title</a> more" * n + "</div>"
                  + "<section><a href=/s><h3>Title</a><p>x</p></section>" * n
                  + "<div>" + "<a href=/s><p><span>T</a>" * n + "</div>", 10000),
    "template-in-capitals-many": (
        "a template in capitals: n teaser links each with its paragraph left open, n "
        "headings left open, n SCRIPTs writing end tags in their strings (the tags are "
        "counted again in either case)",
        lambda n: f"{_HEAD}<BODY><DIV>" + "<A HREF=/s><P>Title</A> more" * n + "</DIV>"
                  + "<SECTION><H3>Title<P>x</P></SECTION>" * n
                  + "<SCRIPT>s='</DIV></P></A>'</SCRIPT>" * n, 10000),
    "tag-soup": (
        "n runs of '<a<b<c '",
        lambda n: f"{_HEAD}<body>" + "<a<b<c " * n, 200000),
    "attributes-many": (
        "n attributes on one element, an alt text of 100n characters",
        lambda n: f"{_HEAD}<body><div " + " ".join(f"a{i}='{i}'" for i in range(n))
                  + f">x</div><img alt='{'x' * 100 * n}' src=a></body></html>", 50000),
    "images-in-links": (
        "n links holding an image without alt (2n failures to locate)",
        lambda n: f"{_HEAD}<body>" + "<a href='/x'><img src=a.png></a>" * n, 50000),
    "ids-duplicated": (
        "n elements of one id, each labelled by it eight times",
        lambda n: f"{_HEAD}<body>"
                  + "<div id=a aria-labelledby='a a a a a a a a'>x</div>" * n, 30000),
    "labelledby-chain": (
        "n spans each labelled by the next",
        lambda n: f"{_HEAD}<body>" + "".join(f"<span id=s{i} aria-labelledby='s{i + 1} "
                                             f"s{i + 1}'>t{i}</span>" for i in range(n))
                  + "<button aria-labelledby='s0 s0 s0'></button>", 3000),
    "labelledby-long": (
        "a button labelled by n ids",
        lambda n: f"{_HEAD}<body>" + "".join(f"<span id=i{i}>w{i}</span>" for i in range(n))
                  + "<button aria-labelledby='" + " ".join(f"i{i}" for i in range(n))
                  + "'></button>", 20000),
    "owns-cycle": (
        "n lists each owning the next, in a cycle",
        lambda n: f"{_HEAD}<body>" + "".join(f"<div role=list id=o{i} aria-owns='o{(i + 1) % n}'>"
                                             "<div role=listitem>x</div></div>"
                                             for i in range(n)), 5000),
    "table-large": (
        "a table of n by n cells, each naming a header",
        lambda n: f"{_HEAD}<body><table><tr>" + "<th>h</th>" * n + "</tr>"
                  + ("<tr>" + "<td headers='h'>d</td>" * n + "</tr>") * n + "</table>", 300),
    "table-spanned": (
        "a cell spanning 1,000 columns and 65,534 rows, n rows below it",
        lambda n: f"{_HEAD}<body><table><tr><td colspan=1000 rowspan=65534>x</td></tr>"
                  + "<tr><td>y</td></tr>" * n + "</table>", 2000),
    "classes-many": (
        "n class words on one element",
        lambda n: _page(".a1 .a2 .a3{color:red}", "<p class='"
                        + " ".join(f"a{i}" for i in range(n)) + "'>x <a href=/x>y</a></p>"),
        200000),
    "text-long": (
        "a link of n characters, a paragraph of n/3 words",
        lambda n: f"{_HEAD}<body><a href=/x>{'x' * n}</a><p>{'y ' * (n // 3)}</p>", 3000000),
    "frames-srcdoc-many": (
        "n frames with srcdoc documents",
        lambda n: f"{_HEAD}<body>" + '<iframe title=f srcdoc="<p>x</p>"></iframe>' * n, 5000),
    "options-many": (
        "a labelled select of n options",
        lambda n: f"{_HEAD}<body><label>Pick<select>" + "<option>o</option>" * n
                  + "</select></label>", 100000),
    "style-attribute-long": (
        "a style attribute of n declarations",
        lambda n: f"{_HEAD}<body><p style='"
                  + ";".join(f"color:#{i % 999:03}" for i in range(n)) + "'>x</p>", 100000),
    "href-long": (
        "a link whose address has n characters",
        lambda n: f"{_HEAD}<body><main><p>x <a href='https://example.com/{'a' * n}'>link</a>"
                  "</p></main>", 5000000),
    "describedby-long": (
        "a button described by n ids",
        lambda n: f"{_HEAD}<body>" + "".join(f"<span id=d{i}>d</span>" for i in range(n))
                  + "<button aria-describedby='" + " ".join(f"d{i}" for i in range(n))
                  + "'>b</button>", 20000),
    "languages-many": (
        "n spans, each in a language of its own",
        lambda n: f"{_HEAD}<body>" + "".join(f"<span lang='x-aaaaaaaa-{i}'>w</span>"
                                             for i in range(n)), 20000),
    "srcset-long": (
        "an image with n candidates in its srcset",
        lambda n: f"{_HEAD}<body><img alt=x src=a srcset='"
                  + ", ".join(f"a{i}.png {i}w" for i in range(n)) + "'>", 100000),
    "image-map-areas-many": (
        "an image map of n areas without alt",
        lambda n: f"{_HEAD}<body><map name=m>"
                  + "<area href=/ shape=rect coords='0,0,1,1'>" * n
                  + "</map><img usemap=#m src=a alt=x>", 50000),
    "entities-many": (
        "4n character references in one paragraph",
        lambda n: f"{_HEAD}<body><p>" + "&amp;&lt;&#x1F600;&nbsp;" * n + "</p>", 500000),
    "font-faces-many": (
        "n @font-face rules",
        lambda n: _page("".join(f"@font-face{{font-family:f{i};src:url(f{i}.woff)}}"
                                for i in range(n)) + "p{font-family:f1}", _TEXT), 50000),
    "dialogs-many": (
        "n modal dialogs, each with a button",
        lambda n: f"{_HEAD}<body>"
                  + "<div role=dialog aria-modal=true><button>x</button></div>" * n, 20000),
    "labels-for-many": (
        "n form fields, each with its <label for> and a title",
        lambda n: f"{_HEAD}<body><main><form>"
                  + "".join(f"<label for=f{i}>Field</label><input id=f{i} title=Field>"
                            for i in range(n)), 20000),
    "skip-links-many": (
        "n skip links before the main landmark (a live blog's jump links)",
        lambda n: f"{_HEAD}<body>" + "<a href=#main>Skip to content</a>" * n
                  + "<header><nav><a href=/>Home</a></nav></header>"
                  + "<main id=main><h1>Story</h1></main>", 20000),
    "table-tall": (
        "a table of n rows, each headed by a th, under a row of column headers",
        lambda n: f"{_HEAD}<body><table><tr><th>a</th><th>b</th><th>c</th></tr>"
                  + "<tr><th>row</th><td>1</td><td>2</td></tr>" * n + "</table>", 10000),
    "table-th-only": (
        "a table of th only: a row of n, then n rows of two",
        lambda n: f"{_HEAD}<body><table><tr>" + "<th>h</th>" * n + "</tr>"
                  + "<tr><th>a</th><th>b</th></tr>" * n + "</table>", 5000),
    # template files (a local file read with its template syntax): openers left unclosed by
    # the thousand, each of which the reader had tried against the rest of the file
    "template-unclosed-expressions": (
        "a Nunjucks template of n unclosed {{ and {% and {# (read by its .njk name)",
        lambda n: "<main><h1>{{ title }}</h1>" + "<p>{{ x {% if {# y</p>" * n + "</main>",
        8000),
    "template-unclosed-blocks": (
        "a Liquid template of n unclosed {% capture %} blocks and comments",
        lambda n: "<main>" + "<p>{% capture x %}{% comment %}z</p>" * n + "</main>", 8000),
    "template-unclosed-erb": (
        "an ERB template of n unclosed <% tags",
        lambda n: "<main><h1><%= title %></h1>" + "<p><% x</p>" * n + "</main>", 8000),
    "template-unclosed-blade": (
        "a Blade view of n unclosed {{, {!! and {{-- ",
        lambda n: "<main><h1>{{ $title }}</h1>" + "<p>{{ $x {!! $y</p>" * n + "</main>",
        8000),
    "template-unclosed-jsp": (
        "a JSP of n library tags with a quoted value left open, and n unclosed <% and ${",
        lambda n: "<main><h1><c:out value=\"${title}\" /></h1>"
                  + "<p><c:out value=\"${x} <% y ${z</p>" * n + "</main>", 8000),
    "template-unclosed-freemarker": (
        "a FreeMarker template of n directives with a parenthesis or a quote left open",
        lambda n: "<main><h1>${title}</h1>" + "<p><#if (x <@y a=\"${z</p>" * n + "</main>",
        8000),
    "template-unclosed-razor": (
        "a Razor view of n transitions left open: @( and @{, a call's parenthesis, a quote "
        "in a tag",
        lambda n: "<main><h1>@Model.Title</h1>" + "<p class=\"@(x\">@a(@{ \"y</p>" * n
                  + "</main>", 8000),
    "template-unclosed-velocity": (
        "a Velocity template of n directives and references with a parenthesis or a quote "
        "left open",
        lambda n: "<main><h1>$story.title</h1>" + "<p>#if($a $b.c(\"d ${e #foreach( ($f</p>" * n
                  + "</main>", 8000),
    "template-unclosed-thymeleaf": (
        "a Thymeleaf template of n start tags with th: attributes, a quote left open and "
        "n unclosed inlined expressions",
        lambda n: '<main th:fragment="x"><h1 th:text="${title}">T</h1>'
                  + '<p th:text="${a}" th:title=\'b>[[${c} [(${d}</p>' * n + "</main>", 8000),
    # template statements by the thousand, each of which the reader had searched the file for
    "template-unknown-tags": (
        "a Jinja template of n tags of the site's own library, each of another name, and n "
        "includes (read by its .j2 name)",
        lambda n: "<main><h1>{{ title }}</h1>" + "".join(
            f"<p>{{% teaser_{i} story %}} {{% include 'card.html' %}}</p>" for i in range(n))
        + "</main>", 8000),
    "template-wordpress-unclosed": (
        "WordPress block markup: a dynamic block, then n block comments left unclosed",
        lambda n: '<!-- wp:post-content /--><main><h1>Storm</h1>'
                  + '<p><!-- wp:image {"id":1 </p>' * n + "</main>", 8000),
    "wordpress-export-classic": (
        "a WordPress export's classic post (wpautop's paragraphs): n paragraphs of lines, n "
        "bold lines above headings with two <br> in a row, n captioned figures, then n <pre> "
        "and n <div left open",
        lambda n: "Intro line\nsecond line\n\n" * n
                  + "<strong>Sub</strong>\n<h2>H</h2>\ntext<br> <br>more\n" * n
                  + "<figure><img src=a alt=''>\n<figcaption>c\nd</figcaption>\n</figure>\n" * n
                  + "<pre>x\n" * n + "<div" * n, 8000),
    "template-glimmer-unclosed": (
        "an Ember (Glimmer) template: n buttons with a modifier, then n component tags, "
        "each with a quote and a {{ left open",
        lambda n: "<main as |m|><h1>{{title}}</h1>" + "<button {{on 'click' x}}></button>" * n
            + "".join(f"<Card{i} @title=\"{{{{x '<p>y</p>" for i in range(n)) + "</main>",
        8000),
    "template-glimmer-modifiers": (
        "an Ember (Glimmer) template: one button of n element modifiers, each asked whether "
        "it stands in an attribute's value",
        lambda n: "<main as |m|><h1>{{title}}</h1><button "
                  + "{{on 'click' this.go}} class='a {{if x \"b\"}}' " * n + ">Go</button></main>",
        8000),
    "template-svelte-unclosed": (
        "a Svelte component: n buttons whose handlers hold braces, strings, template literals "
        "and a \">\", n strings left open in expressions, then a brace never closed",
        lambda n: "<main><h1>{title}</h1>"
                  + "<button on:click={() => { a > b ? `${ {c: '}'}.c }` : 0 }}>x</button>" * n
                  + "<p>{a + '\\'}</p>" * n + "<p>{'''</p>\n" * n + "<p>{x</p>" * n + "</main>",
        8000),
    "template-vue-unclosed": (
        "a Vue component: n self-closing elements rewritten with their end tags, n "
        "interpolations, then n start tags with a quote left open",
        lambda n: "<template><main><h1 v-text='t' />"
                  + "<div class='x' v-if='a > b' @click='go' />" * n + "{{ a > b }}" * n
                  + "<p :title=\"x>" * n + "</main></template><style>main{color:red}</style>",
        8000),
    "template-astro-unclosed": (
        "an Astro component: n expressions holding markup, each with an expression of its "
        "own, n tags with a spread, then n elements in expressions and n braces never closed",
        lambda n: "---\nconst a = 1;\n---\n<main><h1>{title}</h1>"
                  + "{xs.map((x) => <li class={`a ${x}`}>{x > 1 ? <b>x</b> : 'y'}</li>)}" * n
                  + "<a {...p} href={u}>x</a>" * n + "{a && <p>" * n + "{x</main>",
        8000),
    "template-markdown-unclosed": (
        "a Markdown story: a front matter, n images without a description, n Hugo figures, "
        "n Liquid expressions in link addresses, n quotes nested in lists, then n shortcodes, "
        "expressions and statements never closed, on one line and on n lines",
        lambda n: "---\ntitle: T\n---\n# Story\n\n"
                  + "Text ![](a.png) and [a link]({{ site.url }}/a).\n" * n + "\n"
                  + '{{< figure src="a.png" caption="A *caption*" >}}\n' * n + "\n"
                  + "- > - > item\n" * n + "\n" + "{{< x {{ y {% z " * n + "\n"
                  + "{{\n" * n, 8000),
    "template-expressions-run": (
        "a Handlebars template of n expressions in one start tag, and n more in a list, "
        "each read back over those before it (4 KB of them) to know if it writes markup",
        lambda n: "<main><h1>{{title}}</h1><div " + "{{x}} " * n + "></div><ul>"
                  + "{{x}} " * n + "</ul></main>", 8000),
    "template-php-includes": (
        "a PHP template of n lines that each include a part, in content and in a start tag: "
        "whether each stands in a tag was read back over every token before it",
        lambda n: "<main><h1>News</h1><div>" + "<?php get_template_part('card'); ?>\n" * n
                  + "</div><p " + "<?php post_class(); ?> " * n + ">x</p></main>", 8000),
    "control-characters": (
        "NUL, bidi overrides, noncharacters and n terminal escape sequences",
        lambda n: f"{_HEAD}<body><p>\x00\u202e\ud7ff\ufffe" + "\x1b[31m" * n
                  + "<a href=/x title='\x1b]0;pwn\x07'>\x1b[2J</a></p>", 100),
}


def _high_water(pid: int) -> int:
    """The peak resident memory of a running process, in KiB (Linux's VmHWM; 0 elsewhere or
    once it has ended)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


@dataclass
class Outcome:
    name: str
    kilobytes: float
    seconds: float
    peak_mb: float
    status: int | None          # None: killed at --timeout
    errors: list[str]
    crashed: bool


def audit(name: str, markup: str, folder: Path, timeout: float) -> Outcome:
    """Audit one page with the command line, in a process of its own."""
    page = folder / f"{name}{TEMPLATE_NAMES.get(name, '.html')}"
    if name in WORDPRESS_POSTS:
        markup = wordpress_export(markup)
    page.write_text(markup, encoding="utf-8", errors="surrogatepass")
    out = folder / f"{name}-report"
    log = folder / f"{name}.stderr"
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(REPO / "src"))
    start = time.perf_counter()
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "a11y_audit", "check", str(page), "-f", "json", "-o", str(out),
             "--jobs", "1", "--quiet", "--no-color"],
            stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        status: int | None = None
        peak = 0
        while True:
            # The peak of the process's own memory since it started the audit (its VmHWM),
            # read until it ends. Not the rusage's ru_maxrss: that counts the memory the
            # process had before its exec, which a vfork shares with this one (so it would
            # grow with this script's own peak).
            peak = max(peak, _high_water(process.pid))
            if process.poll() is not None:
                status = process.returncode
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                process.wait()
                break
            time.sleep(0.01)
    seconds = time.perf_counter() - start
    errors: list[str] = []
    report = out / "a11y-report.json"
    if report.is_file():
        for entry in json.loads(report.read_text(encoding="utf-8")).get("pages", []):
            errors.extend(str(error) for error in entry.get("errors", []))
    text = log.read_text(encoding="utf-8", errors="replace")
    crashed = (status not in (0, 1, 2) or not report.is_file()
               or "internal error" in text or any("internal error" in e for e in errors))
    return Outcome(name, len(markup.encode("utf-8", "surrogatepass")) / 1024, seconds,
                   peak / 1024, status, errors, crashed)


@dataclass
class Growth:
    name: str
    kilobytes: tuple[float, float]      # the page at half its size, and at its size
    seconds: tuple[float, float]        # CPU time of each audit
    exponent: float | None              # None: too fast to tell
    errors: list[str]


# Audits faster than this (CPU seconds) are timed by the clock's grain and the interpreter's
# noise, not by their work: no exponent is read from them.
_MIN_SECONDS = 0.05

# The name a page's file is given where it is not .html: a template's, read with its syntax
TEMPLATE_NAMES = {"template-unclosed-expressions": ".njk", "template-unknown-tags": ".html.j2",
                  "template-unclosed-blocks": ".liquid", "template-unclosed-erb": ".erb",
                  "template-unclosed-blade": ".blade.php", "template-unclosed-jsp": ".jsp",
                  "template-unclosed-freemarker": ".ftl", "template-unclosed-razor": ".cshtml",
                  "template-unclosed-velocity": ".vm", "template-glimmer-unclosed": ".hbs",
                  "template-expressions-run": ".hbs", "template-php-includes": ".php",
                  "template-glimmer-modifiers": ".hbs", "template-svelte-unclosed": ".svelte",
                  "template-vue-unclosed": ".vue", "template-astro-unclosed": ".astro",
                  "template-markdown-unclosed": ".md",
                  "template-unclosed-thymeleaf": ".html"}

# The pages that are the body of a WordPress export's post: audited as an export of that one
# post (the body rendered as WordPress writes it, a11y_audit.wordpress.render)
WORDPRESS_POSTS = {"wordpress-export-classic"}
TEMPLATE_NAMES["wordpress-export-classic"] = ".xml"


def wordpress_export(body: str) -> str:
    """A WordPress export (WXR) of one post whose body is ``body``."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content='
            '"http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/'
            '1.2/">\n<channel><item><title>Post</title><content:encoded><![CDATA['
            + body.replace("]]>", "]]]]><![CDATA[>") + "]]></content:encoded><wp:post_id>1"
            "</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
            "</item></channel></rss>\n")


def read_page(name: str, markup: str) -> tuple[Template, str, str | None]:
    """The page ``name`` built as ``markup``, read as the audit reads it: a template by its
    name (plain HTML as it is), an export's post rendered as WordPress writes it."""
    from a11y_audit.runner import read_template

    source = f"{name}{TEMPLATE_NAMES.get(name, '.html')}"
    if name in WORDPRESS_POSTS:
        from a11y_audit.wordpress import render
        return read_template(source, render(markup), "wordpress")
    return read_template(source, markup)


# Pages whose cost grows faster than their bytes by construction, and why: --scaling shows
# their exponent but does not count them.
EXPECTED_GROWTH = {
    "nth-child-of-many": "n rules, each tested on 8n links: rules times elements, as in a "
                         "browser's style engine",
    "attribute-substrings-long": "n substring rules over the same megabyte of attributes: "
                                 "the page hardly grows, the searches do",
    "css-nesting-deep": "each level's selector holds its parents': n levels write n * n",
    "attributes-many": "libxml2's parse alone is quadratic in one element's attributes",
    "aria-hidden-nested": "aria-hidden-focus reads each of n nested containers' links, n - k "
                          "in the k-th: n * n / 2 in all (a few comparisons each)",
    "details-nested": "n nested elements: a walk up from each element passes n ancestors "
                      "(markup deeper than 2,048 elements is cut)",
}


def exponent(sizes: tuple[float, float], seconds: tuple[float, float]) -> float | None:
    """How the cost grows with the size, from two audits: time ~ size ** exponent. None when
    either audit is too short to tell, or the sizes are the same."""
    if min(seconds) < _MIN_SECONDS or sizes[0] <= 0 or sizes[1] <= sizes[0]:
        return None
    return math.log(seconds[1] / seconds[0]) / math.log(sizes[1] / sizes[0])


def scale_audit(name: str, build: Callable[[int], str], size: int) -> Growth:
    """The page at half its size and at its size, each audited in a process of its own (the
    rules' time limits in force; in one process, what earlier pages left behind, such as
    read stylesheets, made some audits nearly free): its bytes, CPU time and the exponent."""
    kilobytes: list[float] = []
    seconds: list[float] = []
    errors: list[str] = []
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(REPO / "src"))
    for count in (max(1, size // 2), max(2, size)):
        process = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--measure", f"{name}:{count}"],
            capture_output=True, text=True, env=env, check=False)
        if process.returncode != 0:
            raise RuntimeError(f"{name} at {count}: {process.stderr.strip()[-500:]}")
        measured = json.loads(process.stdout)
        kilobytes.append(measured["kilobytes"])
        seconds.append(measured["seconds"])
        errors = measured["errors"]
    pair = (kilobytes[0], kilobytes[1])
    times = (seconds[0], seconds[1])
    return Growth(name, pair, times, exponent(pair, times), errors)


def _measure(name: str, count: int) -> int:
    """One audit of one page built at ``count``, in this process: its kilobytes, the CPU
    time of the audit (the page's parse, every rule) and its errors, as JSON."""
    from a11y_audit.engine import audit_page
    from a11y_audit.page import Page
    from a11y_audit.registry import all_rules

    rules = list(all_rules())
    audit_page(Page.from_html(_HEAD + "<p>warm-up</p>"), rules)     # imports, first calls
    markup = PAGES[name][1](count)
    started = time.process_time()
    source = f"{name}{TEMPLATE_NAMES.get(name, '.html')}"
    template, parsed, written = read_page(name, markup)
    page = Page.from_html(parsed, source)
    page.read_as(template, written)
    report = audit_page(page, rules)
    seconds = time.process_time() - started
    print(json.dumps({"kilobytes": len(markup.encode("utf-8", "surrogatepass")) / 1024,
                      "seconds": seconds, "errors": [str(e) for e in report.errors]}))
    return 0


def _scaling(chosen: list[str], args: argparse.Namespace) -> int:
    growths: list[Growth] = []
    print(f"{'page':36} {'KB':>8} {'KB':>8} {'seconds':>8} {'seconds':>8} {'exponent':>8}  errors")

    def grows(growth: Growth) -> bool:
        return growth.exponent is not None and growth.exponent > args.max_exponent

    for name in chosen:
        _, build, size = PAGES[name]
        count = max(2, round(size * args.scale))
        growth = scale_audit(name, build, count)
        if grows(growth):
            # once more, the least time of each size kept: a shared host's load can make
            # one audit of a pair slow
            again = scale_audit(name, build, count)
            seconds = (min(growth.seconds[0], again.seconds[0]),
                       min(growth.seconds[1], again.seconds[1]))
            growth = Growth(name, growth.kilobytes, seconds,
                            exponent(growth.kilobytes, seconds), again.errors)
        growths.append(growth)
        shown = "   -" if growth.exponent is None else f"{growth.exponent:8.2f}"
        first = growth.errors[0][:60] if growth.errors else ""
        mark = ""
        if grows(growth):
            mark = " grows (expected)" if name in EXPECTED_GROWTH else " grows"
        print(f"{name:36} {growth.kilobytes[0]:8.0f} {growth.kilobytes[1]:8.0f} "
              f"{growth.seconds[0]:8.2f} {growth.seconds[1]:8.2f} {shown:>8}  "
              f"{len(growth.errors)} {first}{mark}", flush=True)
    expected = [g.name for g in growths if grows(g) and g.name in EXPECTED_GROWTH]
    for name in expected:
        print(f"  expected: {name}: {EXPECTED_GROWTH[name]}")
    grown = [g.name for g in growths if grows(g) and g.name not in EXPECTED_GROWTH]
    print(f"{len(growths)} pages: {len(grown)} grow faster than their size ** "
          f"{args.max_exponent:g}" + (f" ({', '.join(grown)})" if grown else "")
          + f", {len(expected)} more by construction")
    if args.json:
        args.json.write_text(json.dumps([g.__dict__ for g in growths], indent=1) + "\n",
                             encoding="utf-8")
    return 1 if grown else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[],
                        help="only the pages whose name holds this (repeatable)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply each page's size by this (default 1)")
    parser.add_argument("--max-seconds", type=float, default=10.0,
                        help="mark a page slower than this 'over' (default 10)")
    parser.add_argument("--max-mb", type=float, default=500.0,
                        help="mark a page whose audit's peak memory passes this 'over'")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="kill an audit after this many seconds (default 300)")
    parser.add_argument("--keep", type=Path, help="write the pages and reports here")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--list", action="store_true", help="list the pages and stop")
    parser.add_argument("--scaling", action="store_true",
                        help="audit each page at half its size and at its size, each in "
                             "a process of its own, and print how its cost grows with it")
    parser.add_argument("--max-exponent", type=float, default=1.5,
                        help="with --scaling, mark a page whose cost grows faster than its "
                             "size to this power 'grows' (default 1.5)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)     # NAME:COUNT (see scale_audit)
    args = parser.parse_args()
    if args.measure:
        name, _, count = args.measure.rpartition(":")
        return _measure(name, int(count))
    chosen = [name for name in PAGES if not args.only or any(part in name for part in args.only)]
    if args.list or not chosen:
        for name in chosen or PAGES:
            print(f"{name:36} {PAGES[name][0]}")
        return 0 if chosen else 2
    if args.scaling:
        return _scaling(chosen, args)
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'page':36} {'KB':>8} {'seconds':>8} {'peak MB':>8}  status  errors")
        for name in chosen:
            _, build, size = PAGES[name]
            outcome = audit(name, build(max(1, round(size * args.scale))), folder, args.timeout)
            outcomes.append(outcome)
            over = (outcome.seconds > args.max_seconds or outcome.peak_mb > args.max_mb)
            status = ("timeout" if outcome.status is None or outcome.status < 0
                      else str(outcome.status))
            marks = " CRASHED" if outcome.crashed else ""
            marks += " over" if over else ""
            first = outcome.errors[0][:70] if outcome.errors else ""
            print(f"{name:36} {outcome.kilobytes:8.0f} {outcome.seconds:8.2f} "
                  f"{outcome.peak_mb:8.0f}  {status:>6}  {len(outcome.errors)} {first}{marks}",
                  flush=True)
    crashed = [o.name for o in outcomes if o.crashed]
    over = [o.name for o in outcomes
            if o.seconds > args.max_seconds or o.peak_mb > args.max_mb]
    print(f"{len(outcomes)} pages: {len(crashed)} crashed, {len(over)} over "
          f"{args.max_seconds:g} s or {args.max_mb:g} MB; "
          f"{sum(o.seconds for o in outcomes):.1f} s in all")
    if args.json:
        args.json.write_text(json.dumps([o.__dict__ for o in outcomes], indent=1) + "\n",
                             encoding="utf-8")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
