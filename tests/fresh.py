"""A program run in a fresh interpreter: what importing a module loads shows only there."""

from __future__ import annotations

import subprocess
import sys


def run_fresh(*lines: str) -> str:
    """Run ``lines`` as a program in a new Python process and return its output; the test
    fails with the program's error output when the program fails (an assert in it)."""
    done = subprocess.run([sys.executable, "-c", "\n".join(lines)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout
