"""Hostile HTML through the whole pipeline: bytes on disk -> read, sniff, decode -> parse ->
every rule -> every report format. Hypothesis builds the documents: random and real tags,
attributes (ARIA, ids and references, tabindex, style, hidden), entities, control characters,
bidi controls, deep nesting, several encodings.

Asserted for every example: no exception escapes; the source is a page or a one-line error; the
JSON report validates against the schema; nothing a page holds reaches terminal output as an
escape sequence or control character; the limits hold (a page past the element or depth limit
is an error naming the limit).

CI runs ``FUZZ_EXAMPLES`` examples (default 20). A longer run::

    A11Y_AUDIT_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py -q
"""

from __future__ import annotations

import json
import os
import tempfile
from importlib.resources import files
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from a11y_audit.finding import InputError
from a11y_audit.limits import AuditLimits
from a11y_audit.runner import audit_sources
from a11y_audit.writers import (
    github_writer,
    html_writer,
    json_writer,
    junit_writer,
    sarif_writer,
    terminal_writer,
)

FUZZ_EXAMPLES = int(os.environ.get("A11Y_AUDIT_FUZZ_EXAMPLES", "20"))
SCHEMA = json.loads((files("a11y_audit") / "schemas" / "report.schema.json").read_text())
LIMITS = AuditLimits(rule_seconds=20.0, page_seconds=120.0, max_elements=3000, max_depth=400)

TAGS = ("div", "span", "a", "button", "img", "h1", "h2", "h3", "p", "main", "nav", "header",
        "footer", "section", "article", "aside", "figure", "figcaption", "table", "tr", "td",
        "th", "ul", "li", "form", "label", "input", "select", "option", "textarea", "iframe",
        "svg", "title", "dialog", "details", "summary", "wbr", "embed", "source", "template",
        "noscript", "object", "area", "map", "video", "meta", "html", "body", "head", "x-y",
        # the formatting elements and line break that the parse repairs rebuild when their end
        # tags are misnested (HTML's adoption agency, `</br>`)
        "b", "em", "font", "nobr", "br", "dl", "dt", "dd", "ol",
        # and those libxml2 closes at a start tag a browser keeps them open at (a heading or
        # a small at a paragraph, a list at a form...), which the page model gives back
        "small", "i", "u", "address", "pre", "legend", "fieldset", "center", "menu")
ROLES = ("button", "link", "img", "heading", "presentation", "none", "main", "banner", "tab",
         "checkbox", "listbox", "option", "dialog", "region", "navigation", "bogus", "",
         "button link", "TAB")
ATTRIBUTES = ("role", "aria-label", "aria-labelledby", "aria-hidden", "aria-level", "id", "for",
              "href", "tabindex", "alt", "title", "style", "hidden", "lang", "src", "srcdoc",
              "type", "name", "inert", "open", "disabled", "aria-expanded", "aria-owns",
              "data-a11y-ignore", "onclick", "content", "http-equiv", "charset")
HOSTILE = st.sampled_from([
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b[2J", "\x1b]0;pwned\x07", "\x9b31m",
    "\u202e", "\u2066", "\u200f", "\ufeff", "\ufffe", "\ud7ff", "&#0;", "&#11;", "&#x1b;",
    "&#x202e;", "&amp;", "&lt;", "&nbsp;", "&bogus;", "&#99999999;", "<!--", "-->", "]]>",
    "<![CDATA[", "</", "<", ">", "\"", "'", "é", "漢", "😀", "\r\n", "\t",
])
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=8)), max_size=4).map("".join)
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "shift_jis", "gb18030")


def _attribute_value(name: str) -> st.SearchStrategy[str]:
    if name == "role":
        return st.sampled_from(ROLES)
    if name in ("id", "for", "aria-labelledby", "aria-owns"):
        return st.sampled_from(["a", "b", "a b", "", "main", "x\u202ey"])
    if name == "tabindex":
        return st.sampled_from(["0", "-1", "5", "x", ""])
    return TEXT


ATTRIBUTE = st.one_of(
    st.sampled_from(ATTRIBUTES).flatmap(
        lambda name: _attribute_value(name).map(lambda value: (name, value))),
    # names lxml refuses to look up or set, which libxml2 keeps (a repair that copies or
    # merges attributes must not raise on them)
    st.tuples(st.sampled_from(["a\x01", "\x02", "@click", "x:y", "data-\x1b", "é"]), TEXT))


def _render_attributes(pairs: list[tuple[str, str]]) -> str:
    return "".join(f' {name}="{value}"' if value else f" {name}" for name, value in pairs)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A document built as a list of open tags, texts and closing tags (unbalanced on purpose),
    sometimes with a long run of one tag nested deep."""
    parts = ["<!doctype html>" if draw(st.booleans()) else ""]
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(st.lists(ATTRIBUTE, max_size=4))
            parts.append(f"<{tag}{_render_attributes(attrs)}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        else:
            parts.append(draw(TEXT))
    if draw(st.integers(0, 9)) == 0:
        tag = draw(st.sampled_from(("div", "span", "button", "h2", "a href=#")))
        parts.append(f"<{tag}>x" * draw(st.integers(100, 600)))
    return "".join(parts)


def _encode(text: str, encoding: str) -> bytes:
    meta = f'<meta charset="{encoding}">' if encoding not in ("utf-16", "utf-16-le") else ""
    return (meta + text).encode(encoding, errors="replace")


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=documents(), encoding=st.sampled_from(ENCODINGS), gzip_it=st.booleans())
def test_hostile_html_never_breaks_the_pipeline(text, encoding, gzip_it):
    import gzip

    raw = _encode(text, encoding)
    with tempfile.TemporaryDirectory() as folder:
        name = "page.html.gz" if gzip_it else "page.html"
        path = Path(folder) / name
        path.write_bytes(gzip.compress(raw) if gzip_it else raw)
        report = audit_sources([str(path)], limits=LIMITS, jobs=1)
    assert_sound_report(report, str(path))


def assert_sound_report(report, source: str) -> None:
    """What every hostile input's report of one source holds: a page or a one-line error
    (never an internal one), every rule run, a JSON report that validates, every writer's
    output, and no escape sequence or control character from the page on a terminal."""
    assert len(report.pages) + len(report.errors) == 1
    for error in report.errors:
        assert isinstance(error, InputError) and error.source == source
        assert error.message and "\n" not in error.message
        assert not error.message.startswith("internal error"), error.message
    for page in report.pages:
        assert len(page.rules) == len(report.rules)
        assert not [e for e in page.errors if "crashed" in e], page.errors
    data = json.loads(json_writer.render(report))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    for writer in (html_writer, sarif_writer, junit_writer):
        assert writer.render(report)
    for output in (terminal_writer.render(report, colour=False, verbose=True),
                   github_writer.render(report)):
        assert "\x1b" not in output and "\u202e" not in output and "\x9b" not in output
        assert not any(ord(c) < 32 and c != "\n" for c in output)
