"""Report writers. Each module has ``NAME``, ``SUFFIX`` (None for stdout-only) and a pure
``render(report) -> str``; :func:`write` puts files in place atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import IO

BUILTIN = ("terminal", "json", "jsonl", "html", "sarif", "junit", "github", "earl")
ENTRY_POINT_GROUP = "a11y_audit.writers"
REPORT_STEM = "a11y-report"


def writers() -> dict[str, ModuleType]:
    found = {name: import_module(f"a11y_audit.writers.{name}_writer") for name in BUILTIN}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(entry.name, entry.load())
    return found


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; reports are ordinary files
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[str]]:
    """A text file written in place of ``path`` only when the block ends without error (for
    writers that stream: the report is never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
