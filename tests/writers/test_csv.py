"""The CSV report: a row per finding, read back with Python's csv module as a spreadsheet
would read it; page text never becomes a formula or an escape sequence."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from a11y_audit.cli import example_path, main
from a11y_audit.finding import InputError, PageReport, Report
from a11y_audit.outcome import Outcome
from a11y_audit.runner import audit_sources
from a11y_audit.writers import csv_writer, json_writer


def read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


@pytest.fixture(scope="module")
def example():
    return audit_sources([str(example_path())])


def test_a_row_per_finding_with_the_json_reports_fields(example):
    rows = read(csv_writer.render(example))
    findings = json.loads(json_writer.render(example))["pages"][0]["findings"]
    assert len(rows) == len(findings) == 13
    for row, f in zip(rows, findings, strict=True):
        assert row["rule"] == f["rule"] and row["outcome"] == f["outcome"]
        assert row["level"] == f["level"] and row["impact"] == f["impact"]
        assert row["message"] == f["message"] and row["snippet"] == f["snippet"]
        assert row["selector"] == f["selector"] and row["fingerprint"] == f["fingerprint"]
        assert row["line"] == str(f["line"]) and row["wcag"] == " ".join(f["wcag"])
        assert row["page"] == example.pages[0].source
    assert sum(row["outcome"] == "failed" for row in rows) == 9


def test_lines_end_in_crlf_and_snippets_keep_their_line_breaks(example):
    failure = next(f for f in example.pages[0].findings if f.outcome is Outcome.FAILED)
    page = PageReport(source="a.html", findings=[replace(failure, snippet="<p>\n  x, \"y\"</p>")])
    text = csv_writer.render(Report(pages=[page]))
    assert text.count("\r\n") == 2 and '"<p>\n  x, ""y""</p>"' in text
    assert read(text)[0]["snippet"] == "<p>\n  x, \"y\"</p>"


def test_page_text_is_never_a_formula_or_an_escape_sequence(example):
    failure = next(f for f in example.pages[0].findings if f.outcome is Outcome.FAILED)
    hostile = replace(failure, message='=HYPERLINK("https://evil.example","click")',
                      snippet="@SUM(1+1)\x1b]0;owned\x07 \u202eexe.txt", selector="-x")
    page = PageReport(source="+cmd|' /C calc'!A0", url="https://news.example/a",
                      findings=[hostile], errors=["\tboom"])
    report = Report(pages=[page], errors=[InputError("-gone.html", "=1+2")])
    text = csv_writer.render(report)
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    rows = read(text)
    assert rows[0]["message"] == "'=HYPERLINK(\"https://evil.example\",\"click\")"
    assert rows[0]["snippet"] == "'@SUM(1+1) \\u202eexe.txt"
    assert rows[0]["selector"] == "'-x" and rows[0]["page"] == "'+cmd|' /C calc'!A0"
    assert [(r["outcome"], r["page"], r["message"]) for r in rows[1:]] == [
        ("error", "'+cmd|' /C calc'!A0", "a rule crashed: \\x09boom"),
        ("error", "'-gone.html", "'=1+2")]
    for row in rows:
        assert not row["message"].startswith(csv_writer._FORMULA)


def test_csv_is_a_report_format_of_the_command(tmp_path):
    result = CliRunner().invoke(main, ["check", "--example", "-f", "csv", "-o", str(tmp_path)])
    assert result.exit_code == 1
    rows = read((tmp_path / "a11y-report.csv").read_bytes().decode("utf-8"))
    assert {row["rule"] for row in rows if row["level"] == "error"} >= {"image-alt",
                                                                        "figure-image-alt"}
