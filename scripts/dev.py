"""Developer tasks that need nothing but Python 3.11+: ``python3 scripts/dev.py TASK``.

Each task creates ``.venv`` (with the package installed editable, plus test tools) when it is
missing or stale, then runs inside it. The Makefile and CI call this script, so every entry point
does the same thing.

    demo         audit the bundled example article; reports go to reports/
    test         run the test suite (the command CI runs)
    conformance  score the W3C ACT test cases (../shared/act-rules)
    bench        time the audit over the news corpus (../shared/corpus/news)
    lint         ruff
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


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by any python3
        raise SystemExit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        print(f"creating {VENV.relative_to(REPO)} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _fingerprint():
        print("installing a11y-audit and test tools into .venv ...", flush=True)
        subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "-e", f"{REPO}[test]"], check=True)
        STAMP.write_text(_fingerprint())


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
        "conformance": lambda: run("-m", "a11y_audit.conformance", *rest),
        "bench": lambda: run(str(REPO / "scripts" / "bench.py"), *rest),
        "lint": lambda: run("-m", "ruff", "check", "src", "tests", "scripts", *rest),
    }
    if task not in tasks:
        print(f"unknown task {task!r}; tasks: {', '.join(tasks)}", file=sys.stderr)
        return 2
    ensure_venv()
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
