"""SARIF 2.1.0 (validated against the OASIS schema), JUnit XML and GitHub annotations."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from a11y_audit.cli import example_path
from a11y_audit.finding import InputError
from a11y_audit.runner import audit_sources
from a11y_audit.writers import github_writer, junit_writer, sarif_writer
from tests.conftest import REPO, require_data

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


def test_junit_suite_per_page_case_per_rule(report):
    root = ET.fromstring(junit_writer.render(report))
    suites = root.findall("testsuite")
    assert len(suites) == 2  # the page, and the unreadable input
    page_suite = suites[0]
    cases = {c.get("name"): c for c in page_suite.findall("testcase")}
    assert set(cases) == {r.id for r in report.rules}
    assert cases["image-alt"].find("failure") is not None
    assert "IMG_4027.jpg" in cases["image-alt"].find("failure").text
    assert cases["landmark-one-main"].find("failure") is None
    failures = sum(1 for c in cases.values() if c.find("failure") is not None)
    assert page_suite.get("failures") == str(failures)
    assert root.get("errors") == "1"
    assert suites[1].find("testcase/error").get("message") == "no such file or folder"


def test_junit_drops_characters_xml_cannot_carry():
    from a11y_audit.engine import audit_html
    from a11y_audit.finding import Report

    page = audit_html("<html><body><h1>x</h1><h3>bad \x0b\x1b control</h3></body></html>")
    ET.fromstring(junit_writer.render(Report(pages=[page])))


def test_github_annotations(report):
    lines = github_writer.render(report).splitlines()
    image = next(line for line in lines if "title=image-alt" in line)
    assert image.startswith("::error file=") and ",line=70," in image
    assert "title=image-alt (critical)" in image
    assert any(line.startswith("::warning ") and "heading-order" in line for line in lines)
    assert lines[-1] == "::error title=a11y-audit::missing.html: no such file or folder"
    encoded = github_writer._escape_data("50% done\nnext")
    assert encoded == "50%25 done%0Anext"
