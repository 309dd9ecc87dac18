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

from a11y_audit.dom import is_digits

BUILTIN = ("terminal", "json", "jsonl", "html", "sarif", "junit", "github", "earl", "axe",
           "markdown", "csv")
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


TEMP_MARK = ".tmp-"


def _temp_prefix(path: Path) -> str:
    # The process id in the name lets a later run tell a killed run's leftovers from the
    # files of a run still going on in the same folder.
    return f".{path.name}.{os.getpid()}{TEMP_MARK}"


class ReportSet:
    """The report files of one run, replaced together: each is written to a temporary file
    beside its place, and :meth:`commit` renames them all at the end. A run that fails or is
    interrupted before then leaves the previous set whole (and no temporary file)."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []

    @contextmanager
    def file(self, path: Path) -> Iterator[IO[str]]:
        path.parent.mkdir(parents=True, exist_ok=True)
        clean_stale(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), dir=path.parent)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                yield handle
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._pending.append((Path(tmp), path))

    def write(self, path: Path, text: str) -> None:
        with self.file(path) as handle:
            handle.write(text)

    def commit(self) -> list[Path]:
        """Put every file in place (renames only: the window between them is microseconds)."""
        done = []
        for tmp, path in self._pending:
            os.replace(tmp, path)
            done.append(path)
        self._pending.clear()
        return done

    def discard(self) -> None:
        for tmp, _ in self._pending:
            tmp.unlink(missing_ok=True)
        self._pending.clear()


def clean_stale(folder: Path) -> list[Path]:
    """Remove temporary report files left by runs that were killed (their process is gone)."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(f".{REPORT_STEM}") and TEMP_MARK in name):
            continue
        pid_text = name.partition(TEMP_MARK)[0].rpartition(".")[2]
        if is_digits(pid_text) and len(pid_text) < 12 and _alive(int(pid_text)):
            continue
        try:
            entry.unlink()
            removed.append(entry)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


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
                  out: str | Path = "reports", *, skip: Iterable[str] = (),
                  report_set: ReportSet | None = None,
                  options: dict[str, dict[str, Any]] | None = None) -> list[Path]:
    """Write ``report`` (a run's :class:`~a11y_audit.finding.Report`, or one page's
    ``PageReport`` from :func:`a11y_audit.audit_html`) in each file format to
    ``out/a11y-report.<suffix>``, atomically; returns the paths written. Formats that only
    print (``terminal``, ``github``) are rendered with the writer's ``render()`` instead.
    ``options`` holds keyword arguments for a format's writer, by format name (``{"html":
    {"max_pages": 500}}``)."""
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
    # One set: every file is renamed into place at the end, together (the caller commits a
    # set it passes in, with other files of the same run).
    own = report_set is None
    files = report_set if report_set is not None else ReportSet()
    try:
        for name in dict.fromkeys(formats):
            writer = available[name]
            path = Path(out) / f"{REPORT_STEM}{writer.SUFFIX}"
            if name not in skipped:
                extra = (options or {}).get(name, {})
                if hasattr(writer, "write"):
                    with files.file(path) as handle:
                        writer.write(report, handle, **extra)
                else:
                    files.write(path, writer.render(report, **extra))
            written.append(path)
    except BaseException:
        if own:
            files.discard()
        raise
    if own:
        files.commit()
    return written
