"""Developer tasks that need nothing but Python 3.11+: ``python3 scripts/dev.py TASK``.

Each task creates ``.venv`` (with the package installed editable) when it is missing or stale,
then runs inside it. ``demo`` installs only the tool's run-time dependencies; the other tasks
add the test tools (the ``test`` extra). The Makefile and CI call this script, so every entry point
does the same thing.

    demo         audit the bundled example article; reports go to reports/
    test         run the test suite (the command CI runs)
    conformance  score the W3C ACT test cases (../shared/act-rules)
    bench        time the audit over the news corpus (../shared/corpus/news)
    lint         ruff and mypy
"""

from __future__ import annotations

import hashlib
import os
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


def ensure_venv(extras: str = "test") -> None:
    """Create .venv and install the package; ``extras`` "" installs only what the tool needs
    at run time (the demo), "test" also the test tools (pytest, ruff, playwright...)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by any python3
        raise SystemExit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        print(f"creating {VENV.relative_to(REPO)} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    installed = STAMP.read_text() if STAMP.exists() else ""
    if installed in (_stamp(extras), _stamp("test")):
        return                       # the test extras include everything the demo needs
    what = "a11y-audit and test tools" if extras else "a11y-audit"
    print(f"installing {what} into .venv ...", flush=True)
    target = f"{REPO}[{extras}]" if extras else str(REPO)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-e", target], check=True)
    STAMP.write_text(_stamp(extras))


def run(*args: str) -> int:
    return subprocess.call([str(PYTHON), *args], cwd=REPO)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    task, rest = argv[0], argv[1:]
    tasks = {
        "demo": lambda: run("-m", "a11y_audit", "check", "--example", "-o", "reports", *rest),
        "test": lambda: run("-m", "pytest", *rest),
        "conformance": lambda: run(str(REPO / "scripts" / "conformance.py"), *rest),
        "bench": lambda: run(str(REPO / "scripts" / "bench.py"), *rest),
        # both run, whatever the first finds; the worse exit code is the task's
        "lint": lambda: max(run("-m", "ruff", "check", "src", "tests", "scripts", *rest),
                            run("-m", "mypy")),
    }
    if task not in tasks:
        print(f"unknown task {task!r}; tasks: {', '.join(tasks)}", file=sys.stderr)
        return 2
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
