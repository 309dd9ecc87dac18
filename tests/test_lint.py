"""The code base stays ruff-clean (the style STYLE.md asks for) and mypy-clean where
pyproject.toml's [tool.mypy] says, checked with the tests."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def _tool(name: str) -> list[str]:
    """The tool on PATH, in the checkout's .venv, or as a module of the running Python (a git
    worktree run with the main checkout's venv has no .venv of its own)."""
    found = shutil.which(name) or shutil.which(str(REPO / ".venv" / "bin" / name))
    if found:
        return [found]
    if importlib.util.find_spec(name) is not None:
        return [sys.executable, "-m", name]
    pytest.fail(f"{name} is not installed: install the test extras (pip install -e '.[test]')")


def test_ruff_is_clean():
    result = subprocess.run([*_tool("ruff"), "check", "--output-format", "concise", "src", "tests",
                             "scripts"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    """The package type-checks with lxml-stubs, every module of it (pyproject.toml's
    [tool.mypy]): the page model, the cascade, locating and the engine among them (their
    annotations are what a compiled build, docs/performance.md, would rely on)."""
    result = subprocess.run([*_tool("mypy"), "--no-error-summary"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
