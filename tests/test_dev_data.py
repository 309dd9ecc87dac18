"""The shared-data locator is dev-only: tests and scripts find ../shared, the package does not."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import a11y_audit
from tests.conftest import REPO

SRC = Path(a11y_audit.__file__).parent


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("A11Y_AUDIT_")}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC.parent), env.get("PYTHONPATH", "")])
    return {**env, **extra}


def test_the_package_has_no_shared_data_locator():
    assert importlib.util.find_spec("a11y_audit.shared_data") is None
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "shared_data" not in text and '/ "shared"' not in text, path


def test_module_conformance_needs_a_named_suite(tmp_path):
    result = subprocess.run([sys.executable, "-m", "a11y_audit.conformance"], cwd=tmp_path,
                            env=_env(), capture_output=True, text=True)
    assert result.returncode == 2
    assert "A11Y_AUDIT_ACT_RULES" in result.stderr
    assert "scripts/conformance.py" in result.stderr
    axe = subprocess.run([sys.executable, "-m", "a11y_audit.conformance", "--axe"],
                         cwd=tmp_path, env=_env(), capture_output=True, text=True)
    assert axe.returncode == 2 and "A11Y_AUDIT_AXE_FIXTURES" in axe.stderr


def test_module_conformance_reads_the_variable(tmp_path, act_root):
    result = subprocess.run([sys.executable, "-m", "a11y_audit.conformance", "--rule", "b5c3f8",
                             "--earl", str(tmp_path / "earl.jsonld")], cwd=tmp_path,
                            env=_env(A11Y_AUDIT_ACT_RULES=str(act_root)),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "b5c3f8" in result.stdout and (tmp_path / "earl.jsonld").is_file()


def test_the_dev_script_finds_the_checkouts_data(tmp_path, act_root):
    env = _env()
    if act_root.resolve() != (REPO.parent / "shared" / "act-rules").resolve():
        env["A11Y_AUDIT_ACT_RULES"] = str(act_root)   # data elsewhere: the variable names it
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "conformance.py"),
                             "--rule", "b5c3f8", "--earl", str(tmp_path / "earl.jsonld")],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "b5c3f8" in result.stdout
