"""The Markdown summary (``-f markdown``, and GitHub's job summary under ``-f github``): read
as a CommonMark renderer with GitHub's tables reads it (markdown-it-py)."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from a11y_audit.cli import example_path, main
from a11y_audit.finding import InputError, PageReport, Report
from a11y_audit.outcome import Outcome
from a11y_audit.runner import audit_sources
from a11y_audit.writers import markdown_writer

HOSTILE = ("<img src=x onerror=alert(1)> | [click](javascript:alert(1)) ![i](https://evil.example/"
           "t.png) <script>x</script> **bold** `code` \x1b[31mred\x1b[0m \u202eexe.txt\nnext")


def html_of(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def rows(html: str, heading: str) -> list[list[str]]:
    """The cells of the table after ``heading``, as text."""
    section = html.split(heading, 1)[1].split("</table>", 1)[0]
    return [[unescape(re.sub(r"<[^>]+>", "", cell))
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", section, re.S) if "<td" in row]


@pytest.fixture(scope="module")
def example():
    return audit_sources([str(example_path())])


def test_the_summary_of_the_example_page(example):
    html = html_of(markdown_writer.render(example))
    assert "<h2>❌ Accessibility audit failed</h2>" in html
    assert "exit 1: 9 failures (without --fail-on, any failure gates)" in html
    assert rows(html, "pages audited") == [
        ["1", "0", "9 (1 critical, 2 serious, 6 moderate)", "4", "0"]]
    by_rule = rows(html, "Failures by rule")
    assert [row[:4] for row in by_rule[:2]] == [["image-alt", "critical", "1.1.1", "1"],
                                                ["figure-image-alt", "serious", "1.1.1", "2"]]
    assert sum(int(row[3]) for row in by_rule) == 9
    assert ('<a href="https://dequeuniversity.com/rules/axe/4.10/image-alt">image-alt</a>'
            in html)
    # critical, serious, moderate, minor, gating
    assert [row[1:] for row in rows(html, "Pages with the worst failures")] == [
        ["1", "2", "6", "0", "9"]]


def test_a_passing_run_says_so_and_lists_no_failures():
    page = PageReport(source="clean.html")
    html = html_of(markdown_writer.render(Report(pages=[page])))
    assert "<h2>✅ Accessibility audit passed</h2>" in html
    assert "Failures by rule" not in html and "Pages with the worst" not in html


def test_page_text_writes_no_markup_into_the_summary(example):
    """A page's source (a URL from a sitemap), an error message and a template path are
    shown as written: no tag, link, image or table cell of theirs reaches the HTML."""
    failure = next(f for f in example.pages[0].findings if f.outcome is Outcome.FAILED)
    pages = [PageReport(source=f"https://news.example/{i}/{HOSTILE}", url=f"https://x.example/{i}",
                        findings=[replace(failure, path=f"html/body/{HOSTILE}")])
             for i in range(3)]
    report = Report(pages=pages, rules=example.rules,
                    errors=[InputError(HOSTILE, f"HTTP 500 {HOSTILE}")])
    markdown = markdown_writer.render(report)
    assert "\x1b" not in markdown and "\u202e" not in markdown
    html = html_of(markdown)
    assert "<img" not in html and "<script" not in html and "javascript:" not in html.replace(
        "javascript:alert", "")  # (as text only)
    assert not re.search(r'<a href="(?!https://(dequeuniversity\.com|www\.w3\.org)/)', html)
    assert "<strong>" not in html and "<code>" not in html
    # every row keeps its cells, the text shown as written (escapes visible, one line)
    shown = markdown_writer.one_line(HOSTILE)
    templates = rows(html, "Template problems")
    assert [len(row) for row in templates] == [5]
    assert templates[0][2] == "3"
    assert templates[0][3] == f"html/body/{shown}"[:159] + "…"     # (cut at 160)
    assert [len(row) for row in rows(html, "Pages with the worst failures")] == [6, 6, 6]
    escaped = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;")
    assert f"<li>{escaped}: HTTP 500 {escaped}</li>" in html


def test_tables_list_their_first_rows_and_count_the_rest(example):
    failure = next(f for f in example.pages[0].findings if f.outcome is Outcome.FAILED)
    many_rules = [replace(failure, rule=f"rule-{i:02d}") for i in range(30)]
    pages = [PageReport(source=f"p{i:02d}.html", findings=many_rules[:i + 1 + (i == 14) * 15])
             for i in range(15)]
    errors = [InputError(f"gone{i}.html", "no such file or folder") for i in range(12)]
    html = html_of(markdown_writer.render(Report(pages=pages, errors=errors)))
    assert len(rows(html, "Failures by rule")) == markdown_writer.RULES_SHOWN == 25
    assert "… and 5 more rules (see the HTML report)." in html
    worst = rows(html, "Pages with the worst failures")
    assert [row[0] for row in worst] == [f"p{i:02d}.html" for i in range(14, 4, -1)]
    assert "… and 5 more pages with failures (see the HTML report)." in html
    assert html.count("<li>gone") == 10
    assert "… and 2 more errors (see the HTML report)." in html


def test_a_template_problem_names_its_pages_count_and_first_page(example):
    failure = next(f for f in example.pages[0].findings if f.outcome is Outcome.FAILED)
    pages = [PageReport(source=f"site/{name}.html", findings=[failure])
             for name in ("a", "b", "c", "d")]
    html = html_of(markdown_writer.render(Report(pages=pages, rules=example.rules)))
    assert rows(html, "Template problems") == [
        [failure.rule, str(failure.impact), "4", failure.path, "site/a.html"]]


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(main, ["check", "--example", *args],
                                     catch_exceptions=False)


def test_markdown_is_a_report_file_and_rewritten_byte_for_byte(tmp_path):
    first = _run("-f", "markdown", "-o", str(tmp_path / "a"))
    again = _run("-f", "markdown", "-o", str(tmp_path / "b"))
    assert first.exit_code == again.exit_code == 1
    text = (tmp_path / "a" / "a11y-report.md").read_bytes()
    assert text == (tmp_path / "b" / "a11y-report.md").read_bytes()
    assert text.startswith("## ❌ Accessibility audit failed".encode())


def test_github_format_appends_the_summary_to_the_job_summary(tmp_path):
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    for _ in range(2):
        result = _run("-f", "github", "-o", str(tmp_path / "out"), env=env)
        assert result.exit_code == 1
    text = summary.read_text()
    assert text.startswith("earlier step\n## ❌ Accessibility audit failed")
    assert text.count("### Failures by rule") == 2
    # without -f github, or outside GitHub Actions, nothing is written there
    _run("-f", "json", "-o", str(tmp_path / "out"), env=env)
    assert summary.read_text() == text
    assert "::error" in _run("-f", "github", "-o", str(tmp_path / "out")).stdout


def test_a_job_summary_that_cannot_be_written_is_a_warning(tmp_path):
    result = _run("-f", "github", "-o", str(tmp_path / "out"),
                  env={"GITHUB_STEP_SUMMARY": str(tmp_path)})     # a folder
    assert result.exit_code == 1
    assert "warning: the job summary ($GITHUB_STEP_SUMMARY" in result.stderr
    assert "::error" in result.stdout
