"""The run summary printed on standard error at the end of every ``check``, whatever the formats,
and the page counter shown while a run is under way on a terminal."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from a11y_audit.finding import PageReport, Report
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.policy import BaselineStatus, Policy


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_lines(report: Report, written: Sequence[Path | str] = (),
                  policy: Policy | None = None) -> list[str]:
    """Pages audited and passing, failures by impact, review, errors, suppressed and baseline
    counts, the files written, and why the exit code is what it is."""
    policy = policy or report.policy
    pages = len(report.pages)
    passed = sum(1 for page in report.pages if policy.page_passes(page))
    lines = [f"{_n(pages, 'page')} audited: {passed}/{pages} "
             f"{'page passes' if pages == 1 else 'pages pass'} at {policy.threshold()}"]
    failed = [f for page in report.pages for f in page.findings if f.outcome is Outcome.FAILED]
    by_impact = Counter(f.impact for f in failed)
    impacts = ", ".join(f"{by_impact[i]} {i}" for i in reversed(Impact) if by_impact[i])
    pages_failed = sum(1 for page in report.pages
                       if any(f.outcome is Outcome.FAILED for f in page.findings))
    review = sum(1 for page in report.pages for f in page.findings
                 if f.outcome is Outcome.CANT_TELL)
    text = _n(len(failed), "failure")
    if failed:
        text += f" ({impacts}) on {_n(pages_failed, 'page')}"
    counts = [text, f"{review} to review"]
    errors = policy.error_count(report)
    counts.append(_n(errors, "error"))
    suppressed = sum(page.suppressed for page in report.pages)
    if suppressed:
        counts.append(f"{suppressed} suppressed")
    if report.baseline is not None:
        status = Counter(f.baseline for page in report.pages for f in page.findings
                         if f.baseline is not None)
        counts.append(f"baseline: {status[BaselineStatus.NEW]} new, "
                      f"{status[BaselineStatus.KNOWN]} known, {len(report.fixed)} fixed")
    lines.append("  " + ", ".join(counts))
    if written:
        lines.append("  wrote " + ", ".join(str(path) for path in written))
    lines.append("  " + policy.exit_reason(report))
    return lines


class PageCounter:
    """The hook the runner calls once per finished page: a counter that rewrites one line of a
    terminal. It does nothing unless the stream is a TTY. (A full progress bar can replace it:
    anything callable with a :class:`PageReport`, plus ``close()``, will do.)"""

    def __init__(self, stream: TextIO | None = None, total: int | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total = total
        self.count = 0

    def __call__(self, page: PageReport) -> None:
        self.count += 1
        if self.enabled:
            of = f"/{self.total}" if self.total else ""
            self.stream.write(f"\r{self.count}{of} pages audited")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.count:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
