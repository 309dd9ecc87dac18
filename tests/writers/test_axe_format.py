"""-f axe: axe-core's result JSON, type-checked against axe-core's own TypeScript types."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from a11y_audit.cli import example_path
from a11y_audit.runner import audit_sources
from a11y_audit.writers import axe_writer
from tests.conftest import REPO, require_data

TSC = REPO / "node_modules" / "typescript" / "bin" / "tsc"
AXE_TYPES = REPO / "node_modules" / "axe-core" / "axe.d.ts"
HINT = "run bash scripts/install-browser-deps.sh (npm ci)"


@pytest.fixture(scope="module")
def report():
    return audit_sources([str(example_path())], include_passed=True)


def typecheck(tmp_path: Path, results_literal: str) -> subprocess.CompletedProcess:
    """Compile ``const results: AxeResults[] = <literal>`` with tsc --strict: the literal is
    checked against axe-core's published types (enums such as impact included)."""
    require_data(TSC, "typescript (npm dev dependency)", HINT)
    require_data(AXE_TYPES, "axe-core's TypeScript types", HINT)
    node = shutil.which("node")
    require_data(Path(node) if node else Path("node"), "node", HINT)
    (tmp_path / "node_modules").symlink_to(REPO / "node_modules")
    (tmp_path / "check.ts").write_text(
        'import type { AxeResults } from "axe-core";\n'
        f"export const results: AxeResults[] = {results_literal};\n", encoding="utf-8")
    return subprocess.run([node, str(TSC), "--noEmit", "--strict", "--skipLibCheck",
                           "--module", "esnext", "--moduleResolution", "node",
                           "check.ts"], cwd=tmp_path, capture_output=True, text=True)


def test_axe_output_type_checks_against_axe_core(report, tmp_path):
    text = axe_writer.render(report)
    result = typecheck(tmp_path, text)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_wrong_shape_does_not_type_check(report, tmp_path):
    data = json.loads(axe_writer.render(report))
    data[0]["violations"][0]["impact"] = "severe"          # not an axe impact
    result = typecheck(tmp_path, json.dumps(data))
    assert result.returncode != 0 and "severe" in result.stdout


def test_axe_results_map_our_outcomes(report):
    (page,) = json.loads(axe_writer.render(report))
    ours = report.pages[0]
    violations = {r["id"]: r for r in page["violations"]}
    failed_rules = {f.rule for f in ours.findings if f.outcome == "failed"}
    assert set(violations) == failed_rules
    assert {r["id"] for r in page["inapplicable"]} == {
        rule for rule, s in ours.rules.items() if s.outcome == "inapplicable"}
    assert {r["id"] for r in page["incomplete"]} == {
        f.rule for f in ours.findings if f.outcome == "cantTell"}
    image = violations["image-alt"]
    assert image["impact"] == "critical" and image["helpUrl"].startswith("https://")
    (node,) = image["nodes"]
    assert node["html"].startswith("<img") and node["target"] == ["figure.inline-photo > img"]
    assert node["failureSummary"].startswith("Fix any of the following:\n  ")
    assert page["url"].endswith("mali-aid.html") and page["testEngine"]["name"] == "a11y-audit"
