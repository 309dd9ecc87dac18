"""semantics.css's scanner against the plain reading it replaced: one regular-expression match
per item, and strings neutralised by a regular-expression substitution. Hypothesis builds the
sheets from rules, at-rules, nested blocks, stray braces, strings holding braces and
semicolons, escapes and line breaks."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
import tinycss2
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from a11y_audit.page import Page
from a11y_audit.semantics import css
from a11y_audit.semantics.css import DEFAULT_VIEWPORT, Stylesheet
from a11y_audit.semantics.selectors import compile_selector, has_unjudged_state, widened
from a11y_audit.semantics.supports import chromium_prelude

EXAMPLES = int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "300"))

_ITEM = re.compile(r"""\s*(?:
      (@[-\w]+)([^{};]*)(\{|;|\Z)
    | ([^{}@][^{}]*|)\{([^{}]*)\}
    | ([^{}]*)\{
    | (\})
    | ([^{}]+)
    )""", re.X | re.S)


def neutral_strings(text: str) -> str:
    def one(found: re.Match[str]) -> str:
        string = found.group(0)
        return (string.translate(css._STRUCTURE) if "{" in string or "}" in string
                or ";" in string else string)
    return css._STRINGS.sub(one, text)


def scan(text: str, strays: bool = True) -> Stylesheet:
    """The scanner as it was: one match per item, in a loop. What a block nested in a style
    rule does with its items is :class:`css._Context`'s (tested in test_nesting.py): the
    contexts are opened and fed here item by item, as the scanner under test does. A sheet
    that ends open, or (``strays``) holds a "}" that closes no block, is read as
    css.syntax_repaired writes it (tested below against tinycss2)."""
    text = css._COMMENT.sub(" ", text)
    if strays and css._ends_open(text):
        text = css.syntax_repaired(text)
    sheet = Stylesheet()
    for found in css._IMPORT_STATEMENT.finditer(text):
        if "{" not in text[:found.start()]:     # (an @import after a block is ignored)
            css._import(sheet, found.group(1), DEFAULT_VIEWPORT, None, text[:found.start()])
    read = text
    text = neutral_strings(text)
    stack: list[tuple[bool, str | None, Any]] = [(True, None, None)]
    position = 0
    while position < len(text):
        item = _ITEM.match(text, position)
        if item is None or item.end() == position:
            break
        position = item.end()
        applies, layer, context = stack[-1]
        if item.group(5) is not None:
            if applies:
                if context is None:
                    sheet.raw.append((item.group(4).strip(), item.group(5), layer))
                else:
                    context.rule(sheet, item.group(4), item.group(5), layer,
                                 DEFAULT_VIEWPORT, True)
        elif item.group(1) is not None:
            name, prelude = item.group(1)[1:].lower(), " ".join(item.group(2).split())
            if item.group(3) != "{":
                if applies and context is None:
                    css._statement(sheet, name, prelude, layer, DEFAULT_VIEWPORT)
            elif name in css._UNDECIDED_AT_RULES:
                stack.append((applies, layer, css._Context.at_rule(context, name, prelude)))
            elif name == "layer" and context is not None and not context.evaluated:
                stack.append((applies, layer, context))
            else:
                if name == "layer" and not prelude:
                    prelude = css._anonymous_layer()
                stack.append((*css._block(sheet, name, prelude, applies, layer,
                                          DEFAULT_VIEWPORT), context))
        elif item.group(6) is not None:
            stack.append(css._Context.nesting(context, sheet, item.group(6), applies, layer,
                                              DEFAULT_VIEWPORT))
        elif item.group(7) is not None:
            if len(stack) > 1:
                stack.pop()
            elif strays:
                return scan(css.syntax_repaired(read), strays=False)
        elif item.group(8) is not None and context is not None and applies:
            context.rule(sheet, "", item.group(8), layer, DEFAULT_VIEWPORT)
    return sheet


_PIECES = st.sampled_from([
    ".a", " .b > p", "a[href^='/']", "\n", "  ", "\t", "{", "}", ";", "@media screen",
    "@media print", "@media (max-width: 10px)", "@supports not (x:y)", "@layer", "@layer base",
    "@layer a, b;", "@import 'x.css';", '@import url("y.css") print;', "@font-face", "@", "@{",
    "color:red", "display:none;", '"', "'", '"a{b}c"', "'x;y'", '"\\"{"', "'a\\'}'",
    '"line\nbreak{"', "/* } */", "/*", "*/", "é", "\u00a0", '[x="}"]', "\u2022", '"\u2022;"',
    '"\u2022"', "'é'",
])


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_scanner_reads_a_sheet_as_the_item_by_item_scan(text):
    found, expected = css._scan(text, DEFAULT_VIEWPORT), scan(text)
    assert (anonymous_named(found.raw), anonymous_named(found.layers), found.imports) == (
        anonymous_named(expected.raw), anonymous_named(expected.layers), expected.imports)


def anonymous_named(items: list) -> str:
    """The items' text with each anonymous layer named by its place among them (each scan
    names its anonymous layers anew, run-wide)."""
    text, names = repr(items), {}
    return re.sub(r"\\x00anonymous\d+",
                  lambda found: names.setdefault(found.group(0), f"anonymous#{len(names)}"),
                  text)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_strings_are_neutralised_as_by_the_regular_expression(text):
    assert "".join(css._neutral_parts(text)) == neutral_strings(text)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_a_sheet_is_split_by_its_neutral_parts_as_whole(text):
    parts = css._neutral_parts(text)
    assert "".join(parts) == neutral_strings(text)
    assert css._split_parts(parts) == "".join(parts).split("}")


@given(st.lists(st.text(alphabet=st.sampled_from(["}", "a", "{", "\u2022", "é"]), max_size=6),
                min_size=1, max_size=8))
def test_parts_are_split_as_their_join(parts):
    assert css._split_parts(parts) == "".join(parts).split("}")


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet=st.sampled_from(["'", '"', "\\", "\n", "{", ";", "a"]), max_size=40))
@example("a{b:'" + "\\'" * 30 + "}")
@example("'\\'\\'\"a{\"\\'\n'x;'")
@example('"\\"\\"\\' + "'{'" + '\\""')
def test_quotes_after_a_string_without_an_end_are_read_as_by_the_regular_expression(text):
    # After an opening quote whose string has no end, the quotes of its kind up to where its
    # characters stop are skipped together (each tried in turn was quadratic); the other
    # kind's are still tried, and a string may open right after the stop
    assert "".join(css._neutral_parts(text)) == neutral_strings(text)


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.lists(st.sampled_from(["/", "*", "/*", "*/", "a", "\u4e00", "a" * 60, "*" * 9]),
                max_size=40).map("".join))
def test_a_sheet_has_a_comment_as_the_search_for_its_opener_says(text):
    # _has_comment finds "/*" by its "*"s, and with more than one "*" in 128 characters
    # searches for "/*" after the first of them (the budget runs out)
    assert css._has_comment(text) == ("/*" in text)


def test_a_comment_after_many_stars_is_found_once_the_stars_budget_runs_out():
    for text in ("*" * 5000 + "/*x*/", "a*" * 5000 + "/*", "/*" + "*" * 5000, "a*" * 5000):
        assert css._has_comment(text) == ("/*" in text)
        assert css._has_comment(text + "\u4e00") == ("/*" in text)


def test_a_string_holding_braces_and_semicolons_does_not_end_a_rule():
    sheet = css._scan('.a{content:"};{"} [x="a;b"]{color:red} .b{c:d}', DEFAULT_VIEWPORT)
    # the same strings to a CSS parser: "\3b " is ";"
    assert [prelude for prelude, _, _ in sheet.raw] == [".a", '[x="a\\3b b"]', ".b"]
    assert sheet.raw[0][1] == 'content:"\\7d \\3b \\7b "'


# -- declarations: the possessive reading against the backtracking one it replaced ----------

_BACKTRACKING_STRING = r""""(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'"""


def _backtracking_group(depth: int) -> str:
    group = rf"""\((?:[^()"']|{_BACKTRACKING_STRING})*\)"""
    for _ in range(depth - 1):
        group = rf"""\((?:[^()"']|{_BACKTRACKING_STRING}|{group})*\)"""
    return group


_BACKTRACKING = re.compile(
    r"""(?:^|;)\s*(?:/\*.*?\*/\s*)*([-A-Za-z][-\w]*)\s*:\s*"""
    rf"""((?:[^;"'(]|{_BACKTRACKING_STRING}"""
    rf"""|{_backtracking_group(css.PAREN_DEPTH)})*)""",
    re.S)
_DECLARATION_PIECES = st.sampled_from([
    "color", "display", "--x", "Font-Size", ":", " : ", ";", " ", "red", "none", "!important",
    "! important", "url(a;b)", "rgb(1, (2), 3)", "(", ")", '"a;b"', "'c\\';d'", '"', "'",
    "\\", "/* ; */", "\n", "calc(1px + (2px * 3))",
])


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_DECLARATION_PIECES, max_size=16).map("".join))
def test_declarations_are_read_as_by_the_backtracking_expression(body):
    assert css._DECLARATION.findall(body) == _BACKTRACKING.findall(body)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.sampled_from([
    "color", "COLOR", "Display", "display", "--x", "--Brand-Color", "--", "-x", "margin",
    "-webkit-text-fill-color", "-Webkit-Text-Fill-Color", ":", ";", " ", "red", "!important",
    "all", "ALL", "unset", "Inherit",
]), max_size=16).map("".join))
def test_declaration_names_are_read_as_by_lowering_each_but_custom_ones(body):
    # parse_declarations looks a name up as written first; the plain reading lowers each
    # name that is not a custom property's, then looks it up
    assert css.parse_declarations(body) == _declarations_by_expression(body)


def _declarations_by_expression(body: str) -> tuple:
    """parse_declarations as _DECLARATION's search reads every block, each name that is not
    a custom property's lowered and then looked up."""
    out: list[tuple[str, str, bool]] = []
    for name, value in css._DECLARATION.findall(css._COMMENT.sub("", body)):
        if not name.startswith("--"):
            name = css.ALIASES.get(name.lower(), name.lower())
            if name not in css.TRACKED and name != "all":
                continue
        value = value.strip()
        important = False
        if (found := css._IMPORTANT.search(value)) is not None:
            important = True
            value = value[:found.start()].rstrip()
        words = value.lower().split()
        if not value or (name in css.VALUE_CHECKS and not css.VALUE_CHECKS[name](value)):
            continue    # a value Chromium does not take ("display: color"): dropped
        if "var(" not in value.lower() and not name.startswith("--") and (
                words != [words[0]] or words[0] not in _WIDE if name == "all"
                else len(words) > 1 and any(word in _WIDE for word in words)):
            continue    # a CSS-wide keyword not alone, or all without one: invalid
        if name == "all":
            out.extend((longhand, value, important) for longhand in sorted(
                css.TRACKED - {"background", "font", "inset", "overflow", "text-decoration",
                               "border", "border-top", "border-bottom", "border-style",
                               "border-width", "border-color", "outline"}))
        else:
            out.append((name, value, important))
    return tuple(out)


_WIDE = ("initial", "inherit", "unset", "revert", "revert-layer")


# Blocks mostly without strings, parentheses or comments (split at their semicolons), with
# names the expression does not read (digits, dots, escapes, spaces inside, non-ASCII) and
# white space of several kinds; now and then a character that sends a block to the search
_PLAIN_DECLARATION_PIECES = st.one_of(
    st.sampled_from(["color", "Color", "DISPLAY", "font-size", "--x", "--X-y", "--", "-x",
                     "-webkit-text-fill-color", "bac\u212aground", "1color", "col.or",
                     "col or", "co\\lor", "--a.b", "--\u00e9", "\u00e9", "red", "none",
                     "!important", "! IMPORTANT", "!", "1px", "#fff", "a,b", "%", ".5em",
                     "all", "All", "unset", "REVERT", "revert-layer", "initial",
                     "font-family", "Background", "bigger", "serif,", "url(x)"]),
    st.sampled_from([*":;:; \n\t\u00a0\x0c\x1c-_*/)", "(", '"', "/**/"]))


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.lists(_PLAIN_DECLARATION_PIECES, max_size=20).map("".join))
def test_a_block_split_at_its_semicolons_reads_as_the_expressions_search(body):
    assert css.parse_declarations(body) == _declarations_by_expression(body)


@pytest.mark.parametrize("body", [
    "color:red", " color : red ; display:none", "COLOR:Red!important", "--x: 1; --Y:2",
    "col or:red", "1color:red", "--a.b:1", "color:;display:block", ";;color:red;;",
    "color\n:\nred", "\u00a0color\u00a0:\u00a0red", "display:none; color", "a:b:c",
    "bac\u212aground:red", "color:red!important;display:none ! important",
    "all:unset", "color:red;ALL: Revert !important;display:block", "all:none", "all:",
    "all:unset red", "color:unset red", "color:\tinherit\t", "background:initial url(x.png)",
    "color:var(--x) inherit", "all:var(--reset)", "--x: unset red", "--y:inherit",
])
def test_plain_blocks_read_as_the_expressions_search(body):
    assert css.parse_declarations(body) == _declarations_by_expression(body)


# Parts of plain blocks from a few names and values that differ in case and white space only
_PLAIN_PARTS = st.tuples(
    st.sampled_from(["color", "Color", " color", "--x", "--X", "--x ", "top", "margin", "--a.b",
                     "1top", ""]),
    st.sampled_from([":", " : ", "", "::"]),
    st.sampled_from(["red", "Red", " 0 ", "none !important", "none!IMPORTANT", "", "!"]),
).map("".join)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.lists(st.one_of(_PLAIN_PARTS, st.lists(_PLAIN_DECLARATION_PIECES,
                                                          max_size=6).map("".join)),
                         max_size=6).map(";".join), min_size=1, max_size=4))
def test_plain_parts_kept_for_the_run_read_as_anew(bodies):
    # parse_declarations keeps the declaration of each part it reads (_PLAIN_PARTS): blocks
    # read again, or sharing parts with blocks read before, read as with nothing kept
    read = css.parse_declarations.__wrapped__
    css._PLAIN_PARTS.clear()
    first = [read(body) for body in bodies]
    assert [read(body) for body in bodies] == first
    assert first == [_declarations_by_expression(body) for body in bodies]


def test_plain_parts_kept_are_emptied_when_many(monkeypatch):
    monkeypatch.setattr(css, "_PLAIN_PARTS", {})
    monkeypatch.setattr(css, "_PLAIN_PARTS_KEPT", 2)
    read = css.parse_declarations.__wrapped__
    assert read("color:red; margin:0;top:0") == (("color", "red", False), ("top", "0", False))
    assert css._PLAIN_PARTS == {"color:red": ("color", "red", False), " margin:0": None,
                                "top:0": ("top", "0", False)}
    assert read("top:0;left:1px") == (("top", "0", False), ("left", "1px", False))
    assert css._PLAIN_PARTS == {"top:0": ("top", "0", False), "left:1px": ("left", "1px", False)}


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.booleans())
def test_items_are_the_fast_items_read_again_one_by_one_where_needed(text, stray):
    # the shortcut (no item to read again, told by two joins) against the look at each item
    fast, slow = css._STRAY[stray]
    general = css._split_items(fast.findall(text), slow)
    if stray:
        general = [item[:7] if not item[7] else ("", item[7], "", "", "", "", "")
                   for item in general]
    assert css._items(text, stray) == general
    if not stray:
        assert css._items(text) == css._ITEM.findall(text)


@pytest.mark.parametrize("end", ["x{" * 40, "{" * 40, "a{b{" * 20, "a{b:c;" * 20,
                                 "a{b:(" * 20, "@media x{a{" * 10, "@media (" * 10])
@pytest.mark.parametrize("stray", [False, True])
def test_an_unclosed_end_is_read_without_the_fast_pattern(monkeypatch, end, stray):
    """A sheet whose end has openers and no "}" after them (cut short, or hostile): there
    _FAST_ITEM's body runs to the end from every opener before it fails, in time quadratic in
    the openers (20 KB of "x{" took 4 s, 160 KB over four minutes). Such text must go to
    _ITEM, whose parts stop at the next brace. A count of regex steps cannot be had, so the
    test checks that no text without a "}" reaches the fast pattern, and that the items are
    still the structure expression's."""
    fast, slow = css._STRAY[stray]
    given: list[str] = []

    class Recording:
        def findall(self, text):
            given.append(text)
            return fast.findall(text)

    sheet = ".a{b:c}@media x{.d{e:f}}" + end
    reference = css._items(sheet, stray)
    monkeypatch.setitem(css._STRAY, stray, (Recording(), slow))
    assert css._items(sheet, stray) == reference
    if not stray:
        assert reference == css._ITEM.findall(sheet)
    assert css._read_items(sheet, stray) == reference
    sheet_read = Stylesheet()
    css._read(sheet_read, sheet, DEFAULT_VIEWPORT, stray)
    assert given and all("}" in text for text in given)


def test_a_rule_with_a_brace_in_its_prelude_or_body_is_read_again():
    # ".a}b{c}" is stray text, a "}" and a rule; ".a{b{c}" a nested block: the one fast
    # item of each is neither
    assert len(css._FAST_ITEM.findall(".a}b{c}")) == 1
    assert css._items(".a}b{c}") == css._ITEM.findall(".a}b{c}")
    assert css._items(".a}b{c}")[-1][3:5] == ("b", "{c")
    assert css._items(".x{y} .a{b{c}") == css._ITEM.findall(".x{y} .a{b{c}")



@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab.#:,>~+ ()[]\\"\'=*-_\u00e9\u2028{}'), max_size=40))
def test_special_characters_are_the_regular_expressions_set(text):
    assert css._special(text) == bool(re.search(r"[\\(\[\"']", text))


# -- the sheet read piece by piece between its closing braces, against _items -------------

# Characters and words that make every kind of piece: style rules, "}" alone, at-rules
# opening a block (with and without a first rule, with declarations), statements, nested
# and unbalanced braces, strings, comments, escapes, white space of several kinds
_SHEET_PIECES = st.one_of(
    st.sampled_from(list("{}@;:\"'/*\\() \n\t\u00a0\ufeffaZ-_.#,>")),
    st.sampled_from(["@media", "@media screen", "@font-face", "@layer", "@import", "@-x",
                     "@supports (a:b)", ".a", "div p", "color:red", "{}", "}}", "{ }"]))


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.lists(_SHEET_PIECES, max_size=40).map("".join), st.booleans())
def test_the_sheet_is_read_between_closers_as_by_the_structure_expression(text, stray):
    assert css._read_items(text, stray) == css._items(text, stray)


@pytest.mark.parametrize("text", [
    ".a{color:red}", " .a { color:red } ", "{x}", "}", " } ", "}}", "\n}\n", "a{b}c",
    "@media screen{.a{b}}", " @media (x) { .a { b } } ", "@media x{}", "@media x{ }",
    "@font-face{src:x}", "@font-face{ src:x }", "@media x{@media y{.a{b}}}",
    "@media x{@import y;.a{b}}", "@media x{@foo}", "@import 'a';.a{b}", "@charset x;.a{b}",
    "@ media{.a{b}}", "@{a}", "@media x;y{.a{b}}", "\ufeff @font-face{src:x}",
    ".a{b{c}}", ".a{b} .c{d", ".a{b}   ", ".a{b} x", "a @b{c}", "@x{.a{b} c{d}}",
    "@media x{.a{b}} .c{d}}}", "@media x{.a{b;@c{d}}", "@font-face{src:x;@y z}",
    "@MEDIA print{.a{b}}", "@media-x y{.a{b}}", "@media x{{b}}", "@media x{ @a{b}}",
])
@pytest.mark.parametrize("stray", [False, True])
def test_each_kind_of_piece_is_read_as_by_the_structure_expression(text, stray):
    assert css._read_items(text, stray) == css._items(text, stray)


@pytest.mark.parametrize("text", [
    "@media print{.a{display:none}}.b{c:d}", "@MEDIA screen{.a{color:red}}",
    "@media  (min-width:1px)  {.a{b:c}}@media (min-width: 1px){.d{e:f}}",
    "@media print{@media screen{.a{b:c}}}.d{e:f}", "@media-x y{.a{b:c}}", "@media x{{b:c}}",
    "@media print{.a{b:c}}}.d{e:f}", "@container (a){@media screen{.a{display:none}}}",
    ".a{@media screen{.b{display:none}}}", "@layer x{@media screen{.a{b:c}}}",
])
@pytest.mark.parametrize("stray", [False, True])
def test_an_at_media_opening_and_its_rule_are_read_as_by_the_items(text, stray):
    found, expected = _read_both(text, stray)
    assert found == expected


@pytest.mark.parametrize("text", [
    "@media print{.a{display:none}}@media print{.b{c:d}}@media screen{.c{e:f}}"
    "@media print{.d{g:h}}",
    "@media print{@media screen{.a{b:c}}}@media screen{.d{e:f}}@media print{.g{h:i}}",
    "@supports (a:b){.a{b:c}}@supports (a:b){.d{e:f}}@supports (x:y){.g{h:i}}",
    "@media-x y{.a{b:c}}@media-x y{.d{e:f}}@media y{.g{h:i}}@media-x y{.j{k:l}}",
    "@layer x{.a{b:c}}@layer x{.d{e:f}}@media print{.g{h:i}}@layer x{.j{k:l}}",
    "@container (a){@media screen{.a{display:none}}}@media screen{.b{display:none}}",
    ".a{@media screen{.b{display:none}}}@media screen{.c{display:none}}",
])
@pytest.mark.parametrize("stray", [False, True])
def test_a_repeated_at_rule_opening_is_read_as_by_the_items(text, stray):
    # _read keeps each at-rule opening's query (or None: not @media) for the openings that
    # repeat, whatever the blocks around them
    found, expected = _read_both(text, stray)
    assert found == expected


def test_an_at_rule_opening_is_read_by_the_expression_once_per_sheet(monkeypatch):
    seen = []

    class Counting:
        @staticmethod
        def fullmatch(text):
            seen.append(text)
            return media_head.fullmatch(text)

    media_head = css._MEDIA_HEAD
    monkeypatch.setattr(css, "_MEDIA_HEAD", Counting)
    sheet = Stylesheet()
    assert css._read(sheet, "@media screen{.a{b:c}}@media print{.d{e:f}}@media screen{.g{h:i}}"
                     "@supports (color:red){.j{k:l}}@supports (color:red){.m{n:o}}",
                     DEFAULT_VIEWPORT, False)
    assert seen == ["@media screen", "@media print", "@supports (color:red)"]
    assert sheet.raw == [(".a", "b:c", None), (".g", "h:i", None), (".j", "k:l", None),
                         (".m", "n:o", None)]


def test_an_at_media_opening_and_its_rule_are_read_without_their_items(monkeypatch):
    monkeypatch.setattr(css, "_piece_items", lambda piece, stray: pytest.fail(piece))
    sheet = Stylesheet()
    assert css._read(sheet, "@media screen{.a{b:c}}@media print{.d{e:f}}}",
                     DEFAULT_VIEWPORT, False)
    assert sheet.raw == [(".a", "b:c", None)]


def test_the_corpus_sheets_are_read_as_by_the_structure_expression(corpus_root):
    import gzip

    from a11y_audit.page import Page
    from a11y_audit.sources import decode

    sheets = 0
    for path in sorted(corpus_root.glob("*.html.gz"))[::6]:
        page = Page.from_html(decode(gzip.decompress(path.read_bytes()), path.name)[0])
        for style in page.select("style"):
            text = css._COMMENT.sub(" ", "".join(style.itertext()))
            text = "".join(css._neutral_parts(text))
            assert css._read_items(text) == css._items(text), path.name
            found, expected = _read_both(text, False)
            assert found == expected, path.name
            sheets += 1
    assert sheets > 50


def _read_both(text: str, stray: bool) -> tuple:
    """_read of a sheet's pieces, and _read of its items as _items reads them."""
    fast, general = Stylesheet(), Stylesheet()
    found = css._read(fast, text, DEFAULT_VIEWPORT, stray)
    expected = css._read(general, text, DEFAULT_VIEWPORT, stray, css._items(text, stray))
    return ((found, anonymous_named([fast.raw, fast.layers]), fast.undecided),
            (expected, anonymous_named([general.raw, general.layers]), general.undecided))


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(st.lists(st.one_of(_SHEET_PIECES, st.sampled_from([
    "@container (min-width: 1px)", "@scope (.a)", "@layer x", "display:none", "& .b",
    "visibility:hidden;", "@media print", "@MEDIA (max-width:1px)", "@media-x", "@mediä",
    "@media\n all", "@keyframes k", "from"])), max_size=40).map("".join), st.booleans())
def test_a_sheet_read_by_its_pieces_is_the_sheet_read_by_its_items(text, stray):
    found, expected = _read_both(text, stray)
    assert found == expected


# -- a key's rules for one page, against the look at every selector's ids and classes -------

_PAGE_KEYS = ["*", "div", "p", ".a", ".b", ".c", "#d", "#e"]
_SELECTORS = st.sampled_from([
    ".a", ".b", "#d", "div", "*", ".a .b", "div.a", ".a.b", "#d .a", "#e", ".c", "p .c",
    "[x] .a", ".a:not(.b)", ".b > .a", "div .b", "#e.a", ".a, .b", "div, .c", ".x", "#y",
    ".x .a", "p#d", ".a[y]", ".a::before", ".x:not(.a) .b", "[x=a.b] .c", ".a:is(.x)",
    "#y:not(#d)", ".x [y] .a", ".a:-moz-x", ".x:-moz-x", "p:nth-child(2 of .x)",
    ".x:nth-child(2)", ".a:has(.x)", ".x [y='.a'] .a", ".x\\:y .a", ".x (.a", ".x ) .a",
    "div:not(.x) p", ".x[y]:hover .c", ".x:nth-of-type(2):y(1) .a", ".x:nth-child(2 of .y) .a",
    ".x:nth-last-child(2\tOF .y) .a", ".x:nth-child(2 of.y) .a"])


def _fails_on_page(selector: str, within: frozenset[str]) -> bool:
    """The general path's reading (cascade._sheet_bucket): the compiled selector requires
    an id, class or tag the page lacks, or it is not judged and not noted (only a vendor
    pseudo-class or ``:nth-child(... of S)`` is noted: Stylesheet.suspects), or noted to
    no effect (a note counts only when widened gives the selector a wider one)."""
    compiled = compile_selector(selector)
    if compiled is None:
        return (not (":-" in selector or ("of" in selector and "nth-" in selector)
                     or has_unjudged_state(selector))
                or widened(selector) is None)
    return not (compiled[2] <= within and compiled[3] <= within)


def _page_filter(selectors: list[str], page: set[str], kind: str):
    """rules_of with a page's keys against rules_of without, each key of a sheet of
    ``selectors``: the rules it keeps are in the same order, and of the plain selectors it
    keeps those whose ids and classes, read from the whole text, the page has all of.
    Yields (the page's keys, every rule of the key, the rules kept) for more checks."""
    sheet = css._scan("".join(f"{s}{{display:none;color:red}}" for s in selectors),
                      DEFAULT_VIEWPORT)
    for key in sheet.keyed():
        within = frozenset(page | {key})
        every = sheet.rules_of(kind, key)
        kept = sheet.rules_of(kind, key, within)
        assert kept == [rule for rule in every if rule in kept]
        assert [rule for rule in kept if not css._special(rule.selector)] == [
            rule for rule in every if not css._special(rule.selector)
            and within.issuperset(css._ID_OR_CLASS.findall(rule.selector))]
        yield within, every, kept


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_SELECTORS, min_size=1, max_size=12),
       st.sets(st.sampled_from(_PAGE_KEYS)), st.sampled_from(["all", "rendering"]))
def test_a_keys_rules_for_a_page_leave_out_only_those_the_compiled_selector_would(
        selectors, page, kind):
    # rules_of's filter on the ids and classes a selector's text names (outside brackets
    # and parentheses) against the compiled selector's keys: it drops only rules that
    # could not match on the page, and none that compiles to None (a vendor pseudo-class
    # the cascade notes as not judged when it meets it)
    for within, every, kept in _page_filter(selectors, page, kind):
        for rule in every:
            if rule not in kept:
                assert _fails_on_page(rule.selector, within), rule.selector


_WORD_PARTS = st.sampled_from([
    ".a", ".b", "#d", "#e", ".c", "div", "p", " ", "\t", "\n", "\x0b", "\x1c", "\x1f",
    "\u00a0", "\u2003", "\u3000", ">", "+", "~", "*", ":hover", ":first-child", ".", "#", "-",
    "_", "1", ".é", "é", "#dé", ".a.b", "a.b", ".c#d", ",", "|"])


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.lists(_WORD_PARTS, min_size=1, max_size=8).map("".join), min_size=1,
                max_size=8),
       st.sets(st.sampled_from(_PAGE_KEYS)), st.sampled_from(["all", "rendering"]))
def test_a_plain_selectors_ids_and_classes_read_word_by_word_are_those_of_the_whole(
        selectors, page, kind):
    # rules_of reads the ids and classes of a plain ASCII selector word by word (memoised
    # by the word, the first word that names one the page lacks ending the reading): it
    # filters as the reading of the whole selector does, with white space of every kind
    # between and inside the names (U+00A0 is a name's character, not a separator)
    for _ in _page_filter(selectors, page, kind):
        pass


_PRELUDE_PARTS = st.sampled_from([
    ".a", ".b", "#d", "div", "P", "*", " ", "  ", "\t", "\n", ">", "+", "~", ",", ":hover",
    "::before", ":-moz-x", "[x]", "(", ")", "\\", "'", '"', ".é", "|", "-", "1", ".a.b",
    "#d.a", "a>b", "", "\u00a0", ":valid", ":not(:paused)"])


def _keyed_by_selector_keys(sheet: Stylesheet) -> tuple[dict, int, dict]:
    """keyed(), skipped and suspects as read from selector_keys of each prelude, as Chromium
    reads it where it holds a vendor pseudo-class or a pseudo-element (the reference of
    keyed's own reading of plain selectors and plain lists)."""
    keyed: dict[str, list[tuple[int, str]]] = {}
    skipped, suspects = 0, {}
    for order, (written, _, _) in enumerate(sheet.raw):
        prelude = chromium_prelude(written) if ":-" in written or "::" in written else written
        if prelude is None:
            continue        # a selector Chromium does not read: the rule is dropped
        for selector, key in css.selector_keys(prelude):
            if key is None:
                skipped += 1
                if ":-" in selector:
                    suspects[(order, selector)] = None
            else:
                keyed.setdefault(key, []).append((order, selector))
    return keyed, skipped, suspects


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.lists(_PRELUDE_PARTS, max_size=6).map("".join), max_size=12))
def test_a_sheets_keys_are_those_of_each_preludes_selectors(preludes):
    sheet = Stylesheet(raw=[(prelude, "color:red", None) for prelude in preludes])
    assert (sheet.keyed(), sheet.skipped, sheet.suspects) == _keyed_by_selector_keys(sheet)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.lists(_PRELUDE_PARTS, max_size=6).map("".join), max_size=12),
       st.one_of(st.none(), st.sets(st.sampled_from(_PAGE_KEYS)).map(frozenset)))
def test_preludes_read_before_are_keyed_as_anew(preludes, within):
    # keyed() keeps the key of each plain prelude of one selector it reads (_PRELUDE_KEYS):
    # a sheet whose preludes were all read before (the second) and one read with none kept
    # (the first) are keyed alike, as selector_keys reads each prelude, the page's part of
    # it when the page's keys are given; a prelude with white space around it (as _read
    # never writes one) is not taken for the one without
    css._PRELUDE_KEYS.clear()
    raw = [(prelude, "color:red", None)
           for prelude in [prelude.strip() for prelude in preludes] + preludes]
    first, second = Stylesheet(raw=list(raw)), Stylesheet(raw=list(raw))
    keyed, skipped, suspects = _keyed_by_selector_keys(first)
    if within is not None:
        keyed = {key: found for key, found in keyed.items() if key in within}
    for sheet in (first, second):
        found = sheet.keyed(within)
        assert (found, list(found), sheet.skipped, list(sheet.suspects)) == (
            keyed, list(keyed), skipped, list(suspects))
    assert all(prelude in css._PRELUDE_KEYS for prelude, _, _ in raw[:len(preludes)]
               if prelude and not css._special(prelude) and "," not in prelude
               and ((":-" not in prelude and "::" not in prelude)
                    or chromium_prelude(prelude) is not None))


def test_prelude_keys_kept_are_emptied_when_many(monkeypatch):
    monkeypatch.setattr(css, "_PRELUDE_KEYS", {})
    monkeypatch.setattr(css, "_PRELUDE_KEYS_KEPT", 2)
    Stylesheet(raw=[(".a", "x:y", None), ("p::before", "x:y", None)]).keyed()
    assert css._PRELUDE_KEYS == {".a": ".a", "p::before": ""}
    sheet = Stylesheet(raw=[("div .b", "x:y", None), (".c, .d", "x:y", None)])
    assert sheet.keyed() == {".b": [(0, "div .b")], ".c": [(1, ".c")], ".d": [(1, ".d")]}
    assert css._PRELUDE_KEYS == {"div .b": ".b"}      # (a list of selectors is not kept)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.lists(_PRELUDE_PARTS, max_size=6).map("".join), max_size=12),
       st.sets(st.sampled_from(_PAGE_KEYS)), st.sampled_from(["all", "rendering"]))
def test_a_pages_own_keyed_selectors_are_those_of_its_keys_in_the_sheets_keyed(
        preludes, page, kind):
    # keyed(within) for the one page of a sheet no other page has had: the full reading's
    # selectors of the page's keys, in the same order, skipped and suspects counted alike,
    # and rules_of reads it as it reads the full one; a later full reading is unchanged
    raw = [(prelude, "display:none;color:red", None) for prelude in preludes]
    sheet, alone = Stylesheet(raw=list(raw)), Stylesheet(raw=list(raw))
    within = frozenset(page)
    full = sheet.keyed()
    partial = alone.keyed(within)
    assert partial == {key: found for key, found in full.items() if key in within}
    assert list(partial) == [key for key in full if key in within]
    assert (alone.skipped, list(alone.suspects)) == (sheet.skipped, list(sheet.suspects))
    assert alone.keyed(within) is partial and alone.keyed(frozenset(set(within))) is partial
    for key in within:
        assert alone.rules_of(kind, key, within) == sheet.rules_of(kind, key, within)
    assert alone.keyed() == full and alone._partial is None     # (not kept beside it)
    assert (alone.skipped, list(alone.suspects)) == (sheet.skipped, list(sheet.suspects))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet=st.sampled_from('{};\\7bd3 "\'ab\n\u00e9'), max_size=40))
def test_a_strings_braces_and_semicolons_are_escaped_as_by_the_translation(text):
    # _neutral_parts replaces the three one after the other (see there)
    quoted = '"' + text.replace('"', "").replace("\\", "").replace("\n", "") + '"'
    assert "".join(css._neutral_parts(quoted)) == quoted.translate(css._STRUCTURE)


def test_a_bracketed_selectors_rules_are_left_out_by_the_ids_and_classes_outside_groups():
    sheet = css._scan(".x:not(.a) .b{color:red} :not(.x) .b{color:red} [y=x.z] .b{color:red}"
                      ".x:nth-child(2 of .y) .b{color:red}", DEFAULT_VIEWPORT)
    page = frozenset({".a", ".b", "*"})
    assert [rule.selector for rule in sheet.rules_of("all", ".b", page)] == [
        ":not(.x) .b", "[y=x.z] .b", ".x:nth-child(2 of .y) .b"]
    assert len(sheet.rules_of("all", ".b")) == 4


def test_a_selectors_nth_child_without_of_does_not_stop_its_ids_and_classes_being_read():
    # only ":nth-child(... of S)" (or a vendor pseudo-class) may be noted as not judged
    # when compiled: a plain :nth-child() or :nth-of-type() selector is read for its ids
    # and classes
    sheet = css._scan(".x:nth-child(2) .b{color:red} .x:nth-of-type(2) .b{color:red}"
                      ".x:nth-child(2 of .y) .b{color:red}",
                      DEFAULT_VIEWPORT)
    page = frozenset({".a", ".b", "*"})
    assert [rule.selector for rule in sheet.rules_of("all", ".b", page)] == [
        ".x:nth-child(2 of .y) .b"]
    assert css._required_keys(".x:nth-child(2) .b") == [".x", ".b"]
    assert css._required_keys(".x:nth-child(2 of .y) .b") is None


_GROUP_PARTS = st.sampled_from([
    ".a", ".b", "#d", "#e", ".x", "div", " ", "  ", "\t", "\n", "\x1c", "\u00a0", ">", "+",
    "(", ")", "[", "]", ":not(", ":is(", ":nth-child(", ":nth-of-type(", "2n", "2n + 1", "of",
    "OF", " of ", ":-moz-x", "'", '"', "\\", "=", "y.z", ".\u00e9", ":hover", "[x]", ":valid",
    ":not(:invalid)"])


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_GROUP_PARTS, min_size=1, max_size=14).map("".join),
       st.sets(st.sampled_from(_PAGE_KEYS)))
def test_a_bracketed_selector_read_word_by_word_lacks_what_its_whole_reading_lacks(
        selector, page):
    # rules_of reads a selector with brackets or parentheses word by word (each word's
    # reading memoised, css._GROUP_WORDS), the whole where a word does not read alone: it
    # leaves out what the whole's reading (_required_keys) leaves out, groups spanning
    # words, unclosed or nested amiss, escapes, quotes and notes of every kind and place
    # included; read twice, the second time from the words kept
    within = frozenset(page)
    needs = css._required_keys(selector)
    lacks = needs is not None and not within.issuperset(needs)
    assert css._lacks_required(selector, within) == lacks
    assert css._lacks_required(selector, within) == lacks


@pytest.mark.parametrize(("selector", "read"), [
    (".x:nth-of-type(2) .b", [".x", ".b"]),
    (".side-of-rail li:nth-child(2) .b", [".side-of-rail", ".b"]),
    (".x:nth-of-type(2):y(1) .b", [".x", ".b"]),         # not judged, its note widens nothing
    (".x:nth-child(2 of.y) .b", [".x", ".b"]),           # (the same)
    (".x:nth-child(2 of .y) .b", None),
    (".x:nth-last-child(2\nof .y) .b", None),
    (".x:nth-child(-n+3 of .y:not(.z)) .b", None),
    (".x li:nth-child(2 OF .y) .bof", None),
    (".x li:not(:-o-x) .b", None)])
def test_a_selector_the_cascade_notes_to_effect_is_not_read_for_its_ids_and_classes(
        selector, read):
    # the cascade notes a selector it cannot compile as not judged (css.noted_if_uncompiled;
    # below, the wider reading of any with "of" and "nth-", or ":-"), and the note counts
    # when widened gives it a wider selector: such a selector is not left out by its ids and
    # classes (its note would be lost); the others with "of" and "nth-" are
    # (:nth-of-type(), nearly all)
    assert css._required_keys(selector) == read
    noted = compile_selector(selector) is None and (
        ":-" in selector or ("of" in selector and "nth-" in selector)
        or has_unjudged_state(selector))
    if noted and widened(selector) is not None:
        assert read is None


def test_keyframes_are_kept_by_name_the_last_winning():
    sheet = css.parse_stylesheet(
        "@keyframes in { from { opacity: 0 } 50%, to { opacity: 1 } }"
        " .x { animation: in 1s } @-webkit-keyframes In { to { color: red } }"
        " @KEYFRAMES out { to { opacity: 0 } } @keyframes in { to { opacity: .5 } }"
        " /* @keyframes gone { to { opacity: 0 } } */")
    assert sheet.keyframes == {"in": (("to", " opacity: .5 "),), "In": (("to", " color: red "),),
                               "out": (("to", " opacity: 0 "),)}
    assert css.parse_stylesheet(".x { animation: in 1s; opacity: 0 }").keyframes == {}


# -- declarations nested past the pattern: read as CSS Syntax reads them ------------------

_NESTED_PIECES = st.sampled_from([
    "color", "width", "background", "display", "--x", ":", " ", ";", "red", "none",
    "!important", "var(--a, var(--b, var(--c, red)))", "calc(1px + (2px * (3 + 1)))",
    "rgb(from color-mix(in srgb, red, blue) calc((r + b) / 4) g b)", "min(1px, 2px)",
    '"a;(b"', "'c;)d'", "url(a;b)", "[x;(y]", "(", ")", 'attr(x, "(")', "f(')', 1)",
    "var(--a, var(--b, var(--c, var(--d, var(--e, var(--f, var(--g, red)))))))",
    "color-mix(in srgb, color-mix(in srgb, color-mix(in srgb, color-mix(in srgb, "
    "color-mix(in srgb, color-mix(in srgb, color-mix(in srgb, red, blue), red), red), red), "
    "red), red), red)",
])


def _by_css_syntax(body: str) -> list[tuple[str, str, bool]]:
    """The declarations tinycss2 reads in ``body`` (CSS Syntax 3), as (lower-case name or
    custom property name, value as written, important), for the names parse_declarations
    keeps."""
    out = []
    for item in tinycss2.parse_blocks_contents(body, skip_whitespace=True):
        if item.type != "declaration":
            continue
        name = item.name if item.name.startswith("--") else item.lower_name
        out.append((name, tinycss2.serialize(item.value).strip(), item.important))
    return out


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_NESTED_PIECES, max_size=14).map("".join))
def test_declarations_nested_deep_are_read_as_css_syntax_reads_them(body):
    # (an unbalanced block is cut where the pattern stops; one nested past PAREN_DEPTH is
    # read whole, by _value_end)
    assume(_balanced(body))
    ours = css.parse_declarations(body)
    # tinycss2's declarations, each read by our reader of one (names we keep, value checks,
    # "!important"): the same ones in the same order, with the same values (as tinycss2
    # writes them)
    expected = [found for name, value, important in _by_css_syntax(body)
                if (found := css._declaration(name, value + (" !important" if important
                                                              else ""))) is not None]
    assert [(n, _same(v), i) for n, v, i in ours] == [(n, _same(v), i) for n, v, i in expected]


def _balanced(body: str) -> bool:
    """Every bracket of ``body`` outside its strings closes, in order."""
    stack: list[str] = []
    quote = None
    for char in body:
        if quote is not None:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            stack.append(")" if char == "(" else "]")
        elif char in ")]" and (not stack or stack.pop() != char):
            return False
    return not stack and quote is None


def _same(value: str) -> str:
    """A value as tinycss2 writes it, its white space folded (its strings in double quotes)."""
    return " ".join(tinycss2.serialize(tinycss2.parse_component_value_list(value)).split())


@pytest.mark.parametrize(("depth", "colour"), [
    (css.PAREN_DEPTH, (1.0, 0.0, 0.0, 1.0)), (css.PAREN_DEPTH + 1, (1.0, 0.0, 0.0, 1.0)),
    (12, (1.0, 0.0, 0.0, 1.0)), (40, None)])
def test_a_value_nested_past_the_pattern_is_read_whole_not_dropped(depth, colour):
    # a token system's chain of var() fallbacks, deeper than the pattern reads: the whole
    # value, not a cut one that drops the declaration (and lets the one before it apply);
    # the declarations after it are read as well. (Substitution gives up past 16 levels:
    # then the colour is unknown, never the blue before it.)
    chain = "".join(f"var(--v{n}, " for n in range(depth)) + "red" + ")" * depth
    body = f"color: blue; color: {chain}; background-color: lime; width: calc(1px)"
    found = css.parse_declarations(body)
    assert [(name, value) for name, value, _ in found] == [
        ("color", "blue"), ("color", chain), ("background-color", "lime"),
        ("width", "calc(1px)")]
    page = Page.from_html(f"<p style='{body}'>x</p>")
    assert page.style(page.root.find(".//p")).color == colour


def test_an_unclosed_parenthesis_nested_deep_runs_to_the_end_of_the_block():
    body = "color: blue; color: " + "calc(" * 8 + "1; width: 2px"
    assert [name for name, _, _ in css.parse_declarations(body)] == ["color", "color"]


def test_a_parenthesis_in_a_string_in_a_function_is_the_strings():
    # (the declaration was cut before the function: 'color: red("a(")' read as red, and
    # a quoted url holding "(" dropped)
    found = css.parse_declarations('color: blue; color: red("a("); background: '
                                   'url("a(b.png") no-repeat; content: attr(x, ")")')
    assert [(name, value) for name, value, _ in found] == [
        ("color", "blue"), ("color", 'red("a(")'),
        ("background", 'url("a(b.png") no-repeat')]


def test_a_value_nested_three_deep_is_read_whole_and_the_block_goes_on():
    body = ("color: var(--a, var(--b, var(--c, red))); width: calc(100% - calc(2 * (1px + "
            "2px))); background: rgb(from color-mix(in srgb, red, blue) calc((r + b) / 4) g "
            'b); content: ";"; display: none')
    assert [name for name, _, _ in css.parse_declarations(body)] == [
        "color", "width", "background", "display"]
    assert css.parse_declarations(body)[1][1] == "calc(100% - calc(2 * (1px + 2px)))"


# -- sheets that do not pair up: read as CSS Syntax reads their structure ---------------

_BROKEN_PIECES = st.sampled_from([
    ".a", " .b", "p", "@media screen", "@media (color), (", " ", "{", "}", ";", "(", ")",
    "[", "]", "color: red", "x: url(a.png)", "x: url(a b", "x: url(", '"s', '"s"', "'t",
    "'t'", "\n", "\\(", "calc(1px + (2px)", "--v: foo(", ":is(.c,", "[x=", "}}",
])
# (not an escaped brace: the scanner reads braces whether escaped or not, as it did before)


def _style_rules(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The style rules tinycss2 (CSS Syntax 3) reads at the top level and in @media screen
    blocks whose prelude is a plain selector list (letters, dots, spaces, commas), each with
    the declarations tinycss2 reads in it (see _kept)."""
    out = []
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "media" and (
                rule.content is not None
                and tinycss2.serialize(rule.prelude).strip() == "screen"):
            out.extend(_style_rules(tinycss2.serialize(rule.content)))
        elif rule.type == "qualified-rule":
            # (tinycss2 reads no CSS Nesting: a sheet with a block in a style rule's is not
            # compared)
            assume(not any(token.type == "{} block" for token in rule.content))
            prelude = " ".join(tinycss2.serialize(rule.prelude).split())
            if re.fullmatch(r"[\w.,: -]+", prelude):
                out.append((prelude, _declarations(rule.content)))
    return [(prelude, kept) for prelude, kept in out if kept]


def _our_rules(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The same of the rules our scanner reads in the sheet, each body's declarations read
    by tinycss2 (the structure is under test here, not our reader of declarations)."""
    sheet = css.parse_stylesheet(text, DEFAULT_VIEWPORT)
    out = []
    for prelude, body, *_ in sheet.raw:
        prelude = " ".join(prelude.split())
        if re.fullmatch(r"[\w.,: -]+", prelude):
            kept = _declarations(tinycss2.parse_component_value_list(body))
            if kept:
                out.append((prelude, kept))
    return out


def _declarations(content: list[Any]) -> list[tuple[str, str]]:
    return _kept([(item.name if item.name.startswith("--") else item.lower_name,
                   tinycss2.serialize(item.value))
                  for item in tinycss2.parse_blocks_contents(content)
                  if item.type == "declaration"])


def _kept(declared: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The declarations our cascade keeps (names it tracks, values it takes), but those
    whose value holds a string, a url or an escape (written differently where the sheet's
    end closes them) or swallowed braces, semicolons or an at-rule, with the parentheses the
    sheet's end closes written closed, as tinycss2 writes them."""
    out = []
    for name, value in declared:
        value = value.replace("!important", "").strip()
        if _SET_APART & set(value) or "url(" in value.lower():
            continue
        value = value + ")" * (value.count("(") - value.count(")"))
        if css._declaration(name, value) is not None:
            out.append((name, " ".join(value.split())))
    return out


_SET_APART = set("{};@\"'\\")


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_BROKEN_PIECES, max_size=24).map("".join))
@example(text=".a { color: red; } } .b { color: red } .c { color: red }")
@example(text="} @media screen { .b { color: red } } .c { color: red }")
@example(text=".a { x: ( { ; } ) ; y: 1 } .b { color: red }")
@example(text=".w-\\[1px\\] { color: red } .b\\( { color: red }")
@example(text=".a { color: red; } .b { color: red; background: url(x.png")
@example(text=".a { color: calc(1")
@example(text=".a { color: red } .b:is( { color: red")
@example(text=".a { color: red; } .b { color: red; --x: foo(")
@example(text='.a { color: red } .b { content: "x')
def test_a_sheet_that_does_not_pair_up_is_read_as_css_syntax_reads_it(text):
    # a parenthesis, bracket, string or url() left open swallows the rest of the sheet into
    # the statement it is in; a brace that closes nothing starts a rule that is dropped; a
    # block left open is closed by the end. Compared: the plain style rules and the
    # declarations each keeps (_kept). (What swallows the rest of a sheet that still ends
    # with a "}" is not looked for: css._ends_open)
    assume(css._repair(text)[1] < 0 or css._ends_open(text))
    assert _our_rules(text) == _style_rules(text)
    repaired = css.syntax_repaired(text)
    assert css.syntax_repaired(repaired) == repaired
