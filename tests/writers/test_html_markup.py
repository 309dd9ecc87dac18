"""The per-finding markup the HTML report builds in Python (html_writer.finding, findings,
location, help_line's cache) is the markup of the Jinja macros it replaced, byte for byte:
escaping, bidi isolation, optional rows and badges included. The macros are kept here, as
they were in _macros.html.j2, and rendered by the report's own environment."""

from __future__ import annotations

import itertools

import pytest
from markupsafe import Markup, escape

from a11y_audit.finding import Finding, PageReport, Related
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.writers import html_writer
from a11y_audit.writers.report_data import page_data

# The macros as they were before the markup moved to Python: the general path.
REFERENCE = """{% from "_macros.html.j2" import badge, level_badge, baseline_badge %}
{% macro location(f, path="", example=None) %}
<dl class="loc">{% if path %}<dt>Template path</dt><dd class="c">{{ path }}</dd>{% endif %}{% if example %}<dt>Example</dt><dd><a href="#pr-{{ example.index }}">{{ example.name }}</a></dd>{% endif %}{% if f.line %}<dt>Line</dt><dd>{{ f.line }}{% if f.column %}, column {{ f.column }}{% endif %}</dd>{% endif %}<dt>Selector</dt><dd class="c">{{ f.selector }}</dd><dt>XPath</dt><dd class="c">{{ f.xpath }}</dd></dl>
<pre>{{ f.snippet }}</pre>{% if f.related %}
<p class="rel">Also involved:</p><ul class="rel">{% for r in f.related %}<li><span class="c">{{ r.selector }}</span>{% if r.line %} (line {{ r.line }}{% if r.column %}, column {{ r.column }}{% endif %}){% endif %}<pre>{{ r.snippet }}</pre></li>{% endfor %}</ul>{% endif %}
{% endmacro %}
{% macro finding(f) %}
{% set kind = label(f) %}
<div class="f" role="listitem" data-i="{{ kind }}"{% if f.baseline %} data-b="{{ f.baseline }}"{% endif %}><p class="msg">{{ badge(kind) }}{{ level_badge(f.level) }}{{ baseline_badge(f.baseline) }} {{ f.message }}</p>
{{ location(f) }}</div>
{% endmacro %}
"""  # noqa: E501 - the macros exactly as they were


@pytest.fixture(scope="module")
def reference():
    return html_writer.environment().from_string(REFERENCE).module


RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"
HOSTILE = "</pre><script>alert('x')</script> & \"q\" {{ 7*7 }}"
TEXTS = ["", "plain", HOSTILE, f"evil{RLO}txt.exe", f"{LRI}<b>{PDI} & 'x'",
         f"https://example.org/{RLO}", "a\u200fb", Markup("<b>kept</b>")]


def related(*snippets: str) -> list[dict]:
    return [{"selector": f"div > {s}", "xpath": "/html/body/div", "line": i or None,
             "column": i % 2 or None, "snippet": s} for i, s in enumerate(snippets)]


def findings() -> list[dict]:
    """Finding dicts as page_data makes them, and as JSON data may hold them (keys missing,
    odd types), varied over each field the markup prints or tests."""
    base = {"rule": "image-alt", "outcome": "failed", "impact": "critical", "message": "No alt",
            "selector": "img", "xpath": "/html/body/img", "line": 3, "snippet": "<img src=x>",
            "wcag": ["1.1.1"], "help": "Add alt", "help_url": "https://example.org/r",
            "path": "html>body>img", "fingerprint": "f", "baseline": None, "level": "error",
            "column": 7, "related": []}
    out = []
    for field in ("message", "selector", "xpath", "snippet"):
        out += [{**base, field: text} for text in TEXTS]
    for text in TEXTS:
        out.append({**base, "related": related(text, "<p>", text)})
    for outcome, impact in itertools.product(("failed", "cantTell"),
                                             ("critical", "minor", f"x{RLO}y", "a&b")):
        out.append({**base, "outcome": outcome, "impact": impact})
    for baseline, level in itertools.product((None, "", "new", "known", f"n{RLO}"),
                                             ("error", "warning", "", None, "info")):
        out.append({**base, "baseline": baseline, "level": level})
    for line, column in itertools.product((None, 0, 1, 12, "4", -1), (None, 0, 5, "9")):
        out.append({**base, "line": line, "column": column})
    out.append({**base, "selector": None, "snippet": 5, "message": 2.5, "line": True})
    for missing in ("baseline", "level", "column", "related", "line", "message", "selector",
                    "xpath", "snippet"):
        out.append({k: v for k, v in base.items() if k != missing})
    return out


@pytest.mark.parametrize("f", findings())
def test_finding_markup_is_the_macro_markup(reference, f):
    made = html_writer.finding(f)
    assert isinstance(made, Markup)
    assert made == reference.finding(f)
    assert html_writer.findings([f, f]) == reference.finding(f) * 2


class Example:
    """The template section's example page (a PageView): read by attribute."""

    def __init__(self, index, name):
        self.index, self.name = index, name


@pytest.mark.parametrize("path", ["", "html>body>a", HOSTILE, f"a{RLO}b"])
@pytest.mark.parametrize("example", [None, Example(3, "p.html"), Example(0, f"{RLO}<x>.html")])
def test_location_markup_is_the_macro_markup(reference, path, example):
    for f in findings()[::5]:
        assert html_writer.location(f, path, example) == reference.location(f, path, example)


def test_findings_read_by_attribute_as_well():
    """A finding that is not a dict is read as a template reads it (attribute, then key)."""
    f = Finding(rule="image-alt", outcome=Outcome.FAILED, impact=Impact.CRITICAL,
                message=f"m{RLO}", selector="img", xpath="/img", line=2, snippet="<img>",
                wcag=("1.1.1",), help="h", help_url="",
                related=(Related("a", "/a", 1, 2, "<a>"),), column=4)
    env = html_writer.environment()
    expected = env.from_string(REFERENCE).module.location(f)
    assert html_writer.location(f) == expected


def test_bidi_anywhere_takes_the_isolating_path(reference):
    """A bidi control in any one field puts that field, and only it, in <bdi>."""
    for f in findings():
        made = html_writer.finding(f)
        plain = html_writer._finding(html_writer._out_plain, f)
        if made != plain:
            assert "<bdi>" in made
            assert html_writer.has_bidi_controls(plain)


@pytest.mark.parametrize("text", [HOSTILE, "&amp;<>'\"", "caf\u00e9 \u2028", "", "x" * 300,
                                  "".join(map(chr, range(0, 0x300)))])
def test_escape_is_markupsafe_escape(text):
    assert html_writer._escape(text) == str(escape(text))
    assert type(html_writer._escape(text)) is str


def test_plain_output_of_ints_and_others_is_the_environment_output():
    for value in (0, 7, -3, 10**20, True, None, 2.5, Impact.CRITICAL, Markup("<i>"), HOSTILE):
        assert html_writer._out_plain(value) == html_writer._out(value) \
            == escape(html_writer.isolate_bidi(value))


@pytest.mark.parametrize(("help_text", "url", "numbers"), [
    ("Give the link text", "https://example.org/r", ["2.4.4", "4.1.2"]),
    ("Give the link text", "https://example.org/r", ("2.4.4",)),
    ("Give the link text", "javascript:alert(1)", []),
    (HOSTILE, "", ["9.9.9", f"1.{RLO}"]),
    (f"help {RLO}", "https://example.org/r", ["1.1.1"]),
    (1, "", [1]),                                    # not strings: never cached
    ("h", "https://example.org/r", [1.0]),
])
def test_help_line_cache_gives_the_macro_markup(help_text, url, numbers):
    macro = html_writer._macros().help_line
    for _ in range(2):                               # the cached answer as well
        assert html_writer.help_line("link-name", help_text, url, numbers) \
            == macro("link-name", help_text, url, numbers)


def test_help_line_cache_keeps_equal_values_apart():
    """1 and True are equal keys to a cache but print differently."""
    assert "True" not in html_writer.help_line("r", "h", "", [1])
    assert "True" in html_writer.help_line("r", "h", "", [True])
    assert html_writer.help_line("r", "h", "", ["1"]) == html_writer._macros().help_line(
        "r", "h", "", ["1"])


def test_page_data_without_rules_is_page_data_less_its_rules():
    page = PageReport(source="a.html", findings=[])
    full = page_data(page)
    assert page_data(page, rules=False) == {k: v for k, v in full.items() if k != "rules"}
    assert list(page_data(page, rules=False)) == [k for k in full if k != "rules"]
