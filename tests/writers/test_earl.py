"""``check --format earl`` writes the same EARL JSON-LD for any page."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from a11y_audit.cli import example_path, main

EARL = "http://www.w3.org/ns/earl#"


def test_check_format_earl(tmp_path):
    pyld = pytest.importorskip("pyld", reason="pyld is in the test extras")
    result = CliRunner().invoke(main, ["check", str(example_path()), "-f", "earl",
                                       "-o", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 1
    document = json.loads((tmp_path / "a11y-report.earl.jsonld").read_text())
    expanded = pyld.jsonld.expand(document)
    nodes = [n for item in expanded for n in item.get("@graph", [item])]
    page = next(n for n in nodes if f"{EARL}subject" in n.get("@reverse", {}))
    assert page["http://purl.org/dc/terms/source"][0]["@value"].endswith("mali-aid.html")
    by_rule = {
        a[f"{EARL}test"][0]["http://purl.org/dc/terms/title"][0]["@value"]: a
        for a in page["@reverse"][f"{EARL}subject"]
    }
    image = by_rule["image-alt"][f"{EARL}result"][0]
    assert image[f"{EARL}outcome"][0]["@id"] == f"{EARL}failed"
    pointer = image[f"{EARL}pointer"][0]
    assert pointer["http://www.w3.org/2009/pointers#expression"][0]["@value"] == \
        "figure.inline-photo > img"
    landmark = by_rule["landmark-one-main"][f"{EARL}result"][0]
    assert landmark[f"{EARL}outcome"][0]["@id"] == f"{EARL}passed"
