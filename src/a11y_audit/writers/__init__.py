"""Report writers. Each module has ``NAME``, ``SUFFIX`` (None for stdout-only) and a pure
``render(report) -> str``; :func:`write` puts files in place atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import IO, Any

BUILTIN = ("terminal", "json", "jsonl", "html", "sarif", "junit", "github", "earl", "axe")
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


def write_reports(report: Any, formats: Iterable[str] = ("json", "html"),
                  out: str | Path = "reports", *, skip: Iterable[str] = ()) -> list[Path]:
    """Write ``report`` (a run's :class:`~a11y_audit.finding.Report`, or one page's
    ``PageReport`` from :func:`a11y_audit.audit_html`) in each file format to
    ``out/a11y-report.<suffix>``, atomically; returns the paths written. Formats that only
    print (``terminal``, ``github``) are rendered with the writer's ``render()`` instead."""
    from a11y_audit.finding import PageReport, Report

    if isinstance(report, PageReport):
        report = Report(pages=[report])
    available = writers()
    unknown = [name for name in formats if name not in available]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; "
                         f"known: {', '.join(sorted(available))}")
    printing = [name for name in formats if available[name].SUFFIX is None]
    if printing:
        raise ValueError(f"format(s) {', '.join(printing)} print to standard output: call "
                         "writers()[name].render(report) instead")
    written = []
    skipped = set(skip)
    for name in dict.fromkeys(formats):
        writer = available[name]
        path = Path(out) / f"{REPORT_STEM}{writer.SUFFIX}"
        if name not in skipped:
            if hasattr(writer, "write"):
                with atomic_file(path) as handle:
                    writer.write(report, handle)
            else:
                write_atomic(path, writer.render(report))
        written.append(path)
    return written
