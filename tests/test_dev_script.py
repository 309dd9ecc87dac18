"""scripts/dev.py's search for the other Python versions the package supports: a pyenv shim
on the PATH that does not run that version is passed over, pyenv's own interpreter is found,
and a version the machine lacks is named as not tested, never a failure."""

from __future__ import annotations

import importlib.util
import stat

import pytest

from tests.conftest import REPO


@pytest.fixture
def dev():
    spec = importlib.util.spec_from_file_location("dev_script", REPO / "scripts" / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _program(path, code):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\nexit {code}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_other_pythons_are_found_on_the_path_or_in_pyenv(dev, tmp_path, monkeypatch):
    shims = tmp_path / "shims"
    _program(shims / "python3.12", 127)         # (pyenv's shim, no version selected)
    _program(shims / "python3.14", 0)
    found = _program(tmp_path / "pyenv" / "versions" / "3.12.1" / "bin" / "python3.12", 0)
    _program(tmp_path / "pyenv" / "versions" / "3.12.0" / "bin" / "python3.12", 0)
    monkeypatch.setenv("PATH", str(shims))
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "pyenv"))
    assert dev.find_python("3.12") == str(found)
    assert dev.find_python("3.13") is None
    assert dev.find_python("3.14") == str(shims / "python3.14")


def test_a_python_the_machine_lacks_is_named_and_not_a_failure(dev, tmp_path, monkeypatch,
                                                               capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))
    assert dev.other_pythons([]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Python {v}: not on this machine (PATH or pyenv); not tested"
        for v in dev.OTHER_PYTHONS]


def test_the_tests_named_for_other_pythons_exist(dev):
    assert dev.PORTABLE_TESTS and all((REPO / name).is_file() for name in dev.PORTABLE_TESTS)
