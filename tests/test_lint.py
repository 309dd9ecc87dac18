"""The code base stays ruff-clean (the style STYLE.md asks for), checked with the tests."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def _ruff() -> list[str]:
    """ruff on PATH, in the checkout's .venv, or as a module of the running Python (a git
    worktree run with the main checkout's venv has no .venv of its own)."""
    found = shutil.which("ruff") or shutil.which(str(REPO / ".venv" / "bin" / "ruff"))
    if found:
        return [found]
    if importlib.util.find_spec("ruff") is not None:
        return [sys.executable, "-m", "ruff"]
    pytest.fail("ruff is not installed: install the test extras (pip install -e '.[test]')")


def test_ruff_is_clean():
    result = subprocess.run([*_ruff(), "check", "--output-format", "concise", "src", "tests",
                             "scripts"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
