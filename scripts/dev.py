"""Developer tasks that need nothing but Python 3.11+: ``python3 scripts/dev.py TASK``.

Each task creates ``.venv`` (with the package installed editable) when it is missing or stale,
then runs inside it. ``demo`` installs only the tool's run-time dependencies; the other tasks
add the test tools (the ``test`` extra). The Makefile and CI call this script, so every entry point
does the same thing.

    demo         audit the bundled example article; reports go to reports/
    test         run the test suite (the command CI runs)
    pythons      run the tests most bound to the interpreter on the other Python versions
                 the package supports (3.12, 3.13, 3.14: each one this machine has, on its
                 PATH or in pyenv), each in its own .venv-3.X; CI runs it after the suite
    conformance  score the W3C ACT test cases (../shared/act-rules)
    bench        time the audit over the news corpus (../shared/corpus/news)
    lint         ruff and mypy
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".a11y-audit-installed"


def _fingerprint() -> str:
    return hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()


def _stamp(extras: str) -> str:
    return f"{_fingerprint()} {extras}"


def ensure_venv(extras: str = "test", where: Path = VENV, python: str | None = None) -> Path:
    """Create the virtual environment ``where`` (with ``python``, default this one) and
    install the package; ``extras`` "" installs only what the tool needs at run time (the
    demo), "test" also the test tools (pytest, ruff, playwright...). Returns its python."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by any python3
        raise SystemExit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    bin_dir = where / ("Scripts" if os.name == "nt" else "bin")
    interpreter, stamp = bin_dir / "python", where / STAMP.name
    if not interpreter.exists():
        print(f"creating {where.relative_to(REPO)} ...", flush=True)
        if python is None:
            venv.EnvBuilder(with_pip=True, clear=False).create(where)
        else:
            subprocess.run([python, "-m", "venv", str(where)], check=True)
    installed = stamp.read_text() if stamp.exists() else ""
    if installed in (_stamp(extras), _stamp("test")):
        return interpreter           # the test extras include everything the demo needs
    what = "a11y-audit and test tools" if extras else "a11y-audit"
    print(f"installing {what} into {where.relative_to(REPO)} ...", flush=True)
    target = f"{REPO}[{extras}]" if extras else str(REPO)
    subprocess.run([str(interpreter), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-e", target], check=True)
    stamp.write_text(_stamp(extras))
    return interpreter


def run(*args: str) -> int:
    return subprocess.call([str(PYTHON), *args], cwd=REPO)


# The Python versions the package supports beside the one CI's suite runs on (3.11, the
# oldest), and the tests that run on each: those of the parts most bound to the interpreter
# (files, archives, processes and their start, threads, signals and time limits, HTTP and
# TLS, Dask) and every rule's fixtures, some 1,200 tests in a minute; the rest is pure Python
# over lxml, the same on each.
OTHER_PYTHONS = ("3.12", "3.13", "3.14")
PORTABLE_TESTS = (
    "tests/test_inputs.py", "tests/test_remote_wacz.py", "tests/test_fetch.py",
    "tests/test_cli.py", "tests/test_runner.py", "tests/test_streaming.py",
    "tests/test_archives.py", "tests/test_time_limits.py", "tests/test_sources.py",
    "tests/test_dask.py", "tests/test_rule_fixtures.py", "tests/test_page.py",
    "tests/test_robustness.py",
)


def find_python(version: str) -> str | None:
    """An interpreter of Python ``version`` that runs: ``python3.X`` on the PATH, else one
    pyenv installed (whose shim on the PATH runs only the versions a project selects)."""
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    candidates = [shutil.which(f"python{version}"),
                  *map(str, sorted((root / "versions").glob(f"{version}.*/bin/python{version}"),
                                   reverse=True))]
    for candidate in candidates:
        if candidate and subprocess.run(
                [candidate, "-c", f"import sys; assert sys.version.startswith('{version}.')"],
                capture_output=True).returncode == 0:
            return candidate
    return None


def other_pythons(args: list[str]) -> int:
    """Run :data:`PORTABLE_TESTS` (or the tests ``args`` name) on each of
    :data:`OTHER_PYTHONS` this machine has; the worst exit code."""
    worst = 0
    for version in OTHER_PYTHONS:
        python = find_python(version)
        if python is None:
            print(f"Python {version}: not on this machine (PATH or pyenv); not tested",
                  flush=True)
            continue
        print(f"Python {version}: {python}", flush=True)
        interpreter = ensure_venv("test", REPO / f".venv-{version}", python)
        code = subprocess.call([str(interpreter), "-m", "pytest", "-q", "-p",
                                "no:cacheprovider", *(args or PORTABLE_TESTS)], cwd=REPO)
        if code == 5:
            print(f"Python {version}: pytest collected no tests", file=sys.stderr)
            code = 1
        worst = max(worst, code)
    return worst


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    task, rest = argv[0], argv[1:]
    tasks = {
        "demo": lambda: run("-m", "a11y_audit", "check", "--example", "-o", "reports", *rest),
        "test": lambda: run("-m", "pytest", *rest),
        "pythons": lambda: other_pythons(rest),
        "conformance": lambda: run(str(REPO / "scripts" / "conformance.py"), *rest),
        "bench": lambda: run(str(REPO / "scripts" / "bench.py"), *rest),
        # both run, whatever the first finds; the worse exit code is the task's
        "lint": lambda: max(run("-m", "ruff", "check", "src", "tests", "scripts", *rest),
                            run("-m", "mypy")),
    }
    if task not in tasks:
        print(f"unknown task {task!r}; tasks: {', '.join(tasks)}", file=sys.stderr)
        return 2
    if task != "pythons":
        ensure_venv("" if task == "demo" else "test")
    started = time.time()
    code = tasks[task]()
    report = REPO / "reports" / "a11y-report.html"
    if task == "demo" and code == 1 and report.is_file() and report.stat().st_mtime >= started:
        print("\n(exit code 1 means failures were found: the example article has deliberate "
              "mistakes)\nreports: reports/a11y-report.json, reports/a11y-report.html")
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
