"""SARIF 2.1.0 (validated against the OASIS schema), JUnit XML and GitHub annotations."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import jsonschema
import pytest

from a11y_audit.cli import example_path
from a11y_audit.finding import InputError, PageReport, Report
from a11y_audit.outcome import Impact
from a11y_audit.runner import audit_sources
from a11y_audit.writers import (
    github_writer,
    html_writer,
    json_writer,
    junit_writer,
    sarif_writer,
)
from tests.conftest import REPO, require_data
from tests.fresh import run_fresh

SARIF_SCHEMA = REPO / "node_modules" / "@microsoft" / "jest-sarif" / "lib" / "schemas" / \
    "sarif-2.1.0-rtm.5.json"


@pytest.fixture(scope="module")
def report():
    result = audit_sources([str(example_path())])
    result.errors.append(InputError("missing.html", "no such file or folder"))
    return result


def test_sarif_validates_and_points_at_lines(report):
    path = require_data(SARIF_SCHEMA, "SARIF 2.1.0 schema",
                        "run bash scripts/install-browser-deps.sh (npm ci)")
    schema = json.loads(path.read_text())
    data = json.loads(sarif_writer.render(report))
    jsonschema.Draft4Validator(schema).validate(data)
    run = data["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {r.id for r in report.rules}
    assert all(r["helpUri"].startswith("https://") and r["help"]["text"] for r in rules)
    failed = [r for r in run["results"] if r["kind"] == "fail"]
    expected = sum(1 for f in report.pages[0].findings if f.outcome == "failed")
    assert len(failed) == expected
    image = next(r for r in failed if r["ruleId"] == "image-alt")
    location = image["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 70
    assert location["artifactLocation"]["uri"].endswith("examples/mali-aid.html")
    assert rules[image["ruleIndex"]]["id"] == "image-alt"
    assert image["level"] == "error"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_rule_texts_are_plain_and_its_markdown_keeps_code_spans(report):
    rules = {r["id"]: r for r in json.loads(sarif_writer.render(report))["runs"][0]["tool"][
        "driver"]["rules"]}
    anchor = rules["anchor-has-href"]     # "Every ``<a>`` with visible content has an ``href``."
    assert anchor["shortDescription"]["text"] == (
        "Every <a> with visible content has an href.")
    assert "``" not in json.dumps([[r["shortDescription"], r["fullDescription"],
                                    r["help"]["text"]] for r in rules.values()])
    # in markdown a bare <a> would be read as HTML: the code span stays
    assert "Every ``<a>`` with visible content has an ``href``." in anchor["help"]["markdown"]


def test_junit_suite_per_page_case_per_rule(report):
    root = ET.fromstring(junit_writer.render(report))
    suites = root.findall("testsuite")
    assert len(suites) == 2  # the page, and the unreadable input
    page_suite = suites[0]
    cases = {c.get("name"): c for c in page_suite.findall("testcase")}
    applied = {rule for rule, s in report.pages[0].rules.items() if s.outcome != "inapplicable"}
    assert set(cases) == applied and len(applied) < len(report.rules)
    assert page_suite.find("testcase/skipped") is None   # inapplicable rules are not tests
    assert cases["image-alt"].find("failure") is not None
    assert "IMG_4027.jpg" in cases["image-alt"].find("failure").text
    assert cases["landmark-one-main"].find("failure") is None
    failures = sum(1 for c in cases.values() if c.find("failure") is not None)
    assert page_suite.get("failures") == str(failures)
    assert root.get("errors") == "1"
    assert suites[1].find("testcase/error").get("message") == "no such file or folder"


def _junit_shapes(report) -> dict[str, Report]:
    crashed = PageReport(source="c.html", errors=["rule x crashed: <boom>"])
    return {"pages": report, "empty": Report(),
            "errors only": Report(errors=[InputError("a<b>.html", "binary file")]),
            "crashed and gated": Report(pages=[*report.pages, crashed], errors=report.errors,
                                        fail_on=Impact.SERIOUS)}


@pytest.mark.parametrize("shape", ["pages", "empty", "errors only", "crashed and gated"])
def test_junit_written_a_suite_at_a_time_is_the_whole_tree_indented(report, shape):
    text = junit_writer.render(_junit_shapes(report)[shape])
    root = ET.fromstring(text)
    # the totals, counted in a pass before any suite is written, are the suites' sums
    for name in ("tests", "failures", "errors", "skipped"):
        assert root.get(name) == str(sum(int(s.get(name)) for s in root.findall("testsuite")))
    # and the text, written suite by suite, is the whole tree's indented at once
    ET.indent(root)
    assert text == ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    + ET.tostring(root, encoding="unicode") + "\n")


def test_junit_drops_characters_xml_cannot_carry():
    from a11y_audit.engine import audit_html
    from a11y_audit.finding import Report

    page = audit_html("<html><body><h1>x</h1><h3>bad \x0b\x1b control</h3></body></html>")
    ET.fromstring(junit_writer.render(Report(pages=[page])))


def _gate_at(fail_on):
    from a11y_audit.outcome import Impact

    return audit_sources([str(example_path())], fail_on=Impact(fail_on))


def test_every_format_agrees_with_the_exit_code():
    """One gating policy: with --fail-on serious, a moderate failure is a warning everywhere
    and never an error; a critical one is an error everywhere and makes the exit code 1."""
    gated = _gate_at("serious")
    failed = [f for f in gated.pages[0].findings if f.outcome == "failed"]
    moderate = next(f for f in failed if f.impact == "moderate")
    critical = next(f for f in failed if f.impact == "critical")
    assert gated.exit_code() == 1
    sarif = json.loads(sarif_writer.render(gated))["runs"][0]["results"]
    levels = {(r["ruleId"], r["level"]) for r in sarif}
    assert (moderate.rule, "warning") in levels and (moderate.rule, "error") not in levels
    assert (critical.rule, "error") in levels
    gh = github_writer.render(gated).splitlines()
    assert not any(line.startswith("::error") and f"title={moderate.rule} " in line
                   for line in gh)
    assert any(line.startswith("::warning") and f"title={moderate.rule} " in line for line in gh)
    cases = {c.get("name"): c for c in ET.fromstring(junit_writer.render(gated))
             .iter("testcase")}
    assert cases[moderate.rule].find("failure") is None
    assert "below the gate" in cases[moderate.rule].find("system-out").text
    assert cases[critical.rule].find("failure") is not None
    html = html_writer.render(gated)
    assert "gates</span>" in html and "below gate</span>" in html
    data = json.loads(json_writer.render(gated))
    assert data["summary"]["gating"] == sum(1 for f in failed if f.impact.rank >= 2)
    assert data["summary"]["exit_code"] == 1


def test_nothing_gates_below_the_threshold():
    gated = _gate_at("critical")
    critical = [f for f in gated.pages[0].findings
                if f.outcome == "failed" and f.impact == "critical"]
    for f in critical:   # drop the critical ones: nothing at or above the gate is left
        gated.pages[0].findings.remove(f)
    assert gated.exit_code() == 0
    assert all(r["level"] != "error"
               for r in json.loads(sarif_writer.render(gated))["runs"][0]["results"])
    assert "::error" not in github_writer.render(gated)
    assert ET.fromstring(junit_writer.render(gated)).get("failures") == "0"


def test_github_annotations(report):
    lines = github_writer.render(report).splitlines()
    image = next(line for line in lines if "title=image-alt" in line)
    assert image.startswith("::error file=") and ",line=70," in image
    assert "title=image-alt (critical)" in image
    # without --fail-on every failure gates, so a moderate one is an error too
    assert any(line.startswith("::error ") and "heading-order" in line for line in lines)
    assert lines[-1] == "::error title=a11y-audit::missing.html: no such file or folder"
    encoded = github_writer._escape_data("50% done\nnext")
    assert encoded == "50%25 done%0Anext"


def test_github_says_when_it_shows_only_some_annotations(report):
    # the example page: fewer than ten of each kind, so no word about the limit
    assert not github_writer.render(report).startswith("::notice title=a11y-audit::")
    failure = next(f for f in report.pages[0].findings if f.outcome == "failed")
    many = PageReport(source="a.html", findings=[
        replace(failure, message=f"photo {i}", line=i + 1)
        for i in range(github_writer.SHOWN + 2)])
    lines = github_writer.render(Report(pages=[many], errors=report.errors)).splitlines()
    errors = sum(1 for line in lines if line.startswith("::error "))
    assert errors == github_writer.SHOWN + 3       # twelve findings and the unreadable input
    assert lines[0] == ("::notice title=a11y-audit::GitHub shows the first 10 annotations of "
                        "each kind; this run has 13 errors. The SARIF report (code scanning) "
                        "and the HTML report list every finding.")


def test_a_ci_format_run_does_not_load_jinja(tmp_path):
    """Jinja loads with the first HTML report: a run writing SARIF and JUnit alone (a CI gate)
    does not import it; a run writing HTML does."""
    example = str(example_path())
    out = run_fresh(
        "import sys",
        "from a11y_audit.cli import main",
        "def run(*formats):",
        "    try:",
        f"        main(['check', {example!r}, '-o', {str(tmp_path)!r}, '--quiet',",
        "              *[a for f in formats for a in ('-f', f)]])",
        "    except SystemExit:",
        "        pass",
        "run('sarif', 'junit')",
        "print('jinja2' in sys.modules)",
        "run('html')",
        "print('jinja2' in sys.modules)")
    assert out.split() == ["False", "True"]
    assert (tmp_path / "a11y-report.sarif").is_file() and (tmp_path / "a11y-report.html").is_file()
