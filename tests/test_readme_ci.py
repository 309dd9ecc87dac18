"""The README's CI examples are real: each documented a11y-audit command runs as written."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from a11y_audit.cli import example_path, main
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
CI_SECTION = README.split("## In CI", 1)[1].split("\n## ", 1)[0]
COMMANDS = re.findall(r"^\s*(?:- (?:run: )?)?(a11y-audit check [^\n]+)$", CI_SECTION, re.M)


def test_the_section_documents_commands():
    assert len(COMMANDS) >= 3
    assert any("-f sarif" in c for c in COMMANDS) and any("-f junit" in c for c in COMMANDS)


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "public" / "world").mkdir(parents=True)
    shutil.copy(example_path(), tmp_path / "public" / "world" / "mali-aid.html")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(command: str):
    args = shlex.split(command)
    assert args[0] == "a11y-audit"
    return CliRunner().invoke(main, args[1:], catch_exceptions=False)


def test_readme_commands_in_order(site):
    # The baseline must exist before the GitLab job uses it: run the documented refresh first.
    ordered = sorted(COMMANDS, key=lambda c: "--update-baseline" not in c)
    for command in ordered:
        result = run(command)
        if "--update-baseline" in command:
            assert result.exit_code == 0, result.output
        else:
            # The example has deliberate failures; with the fresh baseline they are all known.
            expected = 0 if "--baseline" in command else 1
            assert result.exit_code == expected, (command, result.output)
    sarif = json.loads((site / "reports" / "a11y-report.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    junit = ET.parse(site / "reports" / "a11y-report.junit.xml").getroot()
    assert junit.get("tests") and int(junit.get("tests")) > 0
    assert (site / ".a11y-baseline.json").is_file()


def test_toml_example_is_valid_configuration(tmp_path, monkeypatch):
    block = re.search(r"```toml\n(.*?)```", README, re.S).group(1)
    (tmp_path / "pyproject.toml").write_text(block)
    (tmp_path / ".a11y-baseline.json").write_text(
        '{"format": "a11y-audit-baseline", "version": 1, "findings": []}')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STAGING_TOKEN", "secret-from-the-ci")
    result = CliRunner().invoke(main, ["check", "--print-config"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["fail-on"] == "serious" and "region" not in shown["rules-run"]
    assert shown["headers"] == ["Authorization: ****"] and "secret" not in result.output
    assert shown["ignore-elements"] == [{"rule": "frame-title", "selector": "iframe.ad-slot"}]
