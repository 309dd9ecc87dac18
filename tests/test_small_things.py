"""What a newcomer hits first: explain, rule ids, the Python API."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from a11y_audit import audit_html, write_reports
from a11y_audit.cli import example_path, main
from a11y_audit.sources import SourceError

EXAMPLE = example_path().read_text(encoding="utf-8")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_explain_is_readable_text_with_examples_marked():
    result = run("explain", "skip-link-present", "--no-color")
    assert result.exit_code == 0
    out = result.output
    assert "::" not in out and "``" not in out          # no raw reST
    assert "\nFails:\n" in out and "\nPasses:\n" in out
    assert '  ✗ <body><header><a href="/">Daily Planet</a>' in out
    assert '  ✓ <body><a href="#main">Skip to main content</a>' in out
    assert "\nOptions:\n" in out and "Defaults (set them" in out and "first-focusable = " in out
    coloured = run("explain", "skip-link-present", "--color").output
    assert "\x1b[31m  ✗ " in coloured and "\x1b[32m  ✓ " in coloured


def test_rule_ids_are_case_insensitive_everywhere(tmp_path):
    assert run("explain", "IMAGE-ALT").output.startswith("image-alt (critical)")
    result = run("check", str(example_path()), "-r", "Image-Alt", "-f", "json",
                 "-o", str(tmp_path))
    assert result.exit_code == 1
    data = json.loads((tmp_path / "a11y-report.json").read_text())
    assert [r["rule"] for r in data["pages"][0]["rules"]] == ["image-alt"]


def test_unknown_rule_names_the_flag_and_suggests(tmp_path):
    result = run("check", str(example_path()), "--rule", "imge-alt", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "'-r' / '--rule'" in result.output and "did you mean 'image-alt'?" in result.output
    assert "select" not in result.output                 # not the configuration key
    ignored = run("check", str(example_path()), "--ignore", "regoin", "-o", str(tmp_path))
    assert "'--ignore'" in ignored.output and "did you mean 'region'?" in ignored.output
    assert "did you mean 'skip-link'?" in run("explain", "skip-links").output


def test_json_uses_one_key_for_the_rule(tmp_path):
    run("check", str(example_path()), "-f", "json", "-o", str(tmp_path))
    page = json.loads((tmp_path / "a11y-report.json").read_text())["pages"][0]
    assert all("rule" in r for r in page["rules"]) and all("rule" in f for f in page["findings"])


def test_api_takes_rule_ids_and_refuses_empty_input():
    report = audit_html(EXAMPLE, rules=["image-alt", "Heading-Order"])
    assert set(report.rules) == {"image-alt", "heading-order"}
    for empty in ("", "  \n", b"", b"\n"):
        with pytest.raises(SourceError, match="file is empty"):
            audit_html(empty, source="x.html")
    with pytest.raises(SourceError, match="not HTML: a PNG image"):
        audit_html(b"\x89PNG\r\n\x1a\n\x00\x00", source="x.png")
    assert audit_html(EXAMPLE.encode("utf-8")).findings      # bytes decode like files


def test_write_reports_from_python(tmp_path):
    report = audit_html(EXAMPLE, source="mali.html")
    written = write_reports(report, ["json", "sarif", "junit", "html"], tmp_path / "out")
    assert [p.name for p in written] == ["a11y-report.json", "a11y-report.sarif",
                                         "a11y-report.junit.xml", "a11y-report.html"]
    data = json.loads(written[0].read_text())
    assert data["pages"][0]["source"] == "mali.html" and data["summary"]["exit_code"] == 1
    with pytest.raises(ValueError, match="print to standard output"):
        write_reports(report, ["terminal"], tmp_path)
    with pytest.raises(ValueError, match="unknown format"):
        write_reports(report, ["pdf"], tmp_path)


def test_conformance_subcommand_scores_a_suite_copy(tmp_path, act_root):
    suite = act_root
    result = run("conformance", str(suite), "--rule", "b5c3f8", "--earl",
                 str(tmp_path / "earl.jsonld"))
    assert result.exit_code == 0, result.output
    assert "b5c3f8" in result.output and (tmp_path / "earl.jsonld").is_file()
    missing = run("conformance", str(tmp_path))
    assert missing.exit_code == 2 and "has no manifest.json" in missing.output
