"""The run summary printed on standard error at the end of every ``check``, whatever the formats.

Its figures come from the report's :class:`~a11y_audit.tally.Tally`, counted as the pages
finished: printing it reads no page back from the spool."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from a11y_audit.finding import Report
from a11y_audit.outcome import Impact
from a11y_audit.policy import BaselineStatus, Policy
from a11y_audit.safe_text import one_line
from a11y_audit.tally import tally_of


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_lines(report: Report, written: Sequence[Path | str] = (),
                  policy: Policy | None = None) -> list[str]:
    """Pages audited and passing, failures by impact, review, errors, suppressed and baseline
    counts, the files written, and why the exit code is what it is."""
    policy = policy or report.policy
    tally = tally_of(report, policy)
    pages = tally.pages
    sampled = (f" (a sample of {report.sample.found:,} found, --seed "
               f"{one_line(report.sample.seed)})"
               if report.sample is not None else "")
    lines = [f"{_n(pages, 'page')} audited{sampled}: {tally.pages_passed}/{pages} "
             f"{'page passes' if pages == 1 else 'pages pass'} at {policy.threshold()}"]
    impacts = ", ".join(f"{tally.by_impact[i]} {i}" for i in reversed(Impact)
                        if tally.by_impact[i])
    text = _n(tally.failed, "failure")
    if tally.failed:
        text += f" ({impacts}) on {_n(tally.pages_failed, 'page')}"
    counts = [text, f"{tally.cant_tell} to review"]
    counts.append(_n(policy.error_count(report), "error"))
    if tally.suppressed:
        counts.append(f"{tally.suppressed} suppressed")
    if report.baseline is not None:
        counts.append(f"baseline: {tally.baseline[BaselineStatus.NEW]} new, "
                      f"{tally.baseline[BaselineStatus.KNOWN]} known, {len(report.fixed)} fixed")
    lines.append("  " + ", ".join(counts))
    if written:
        lines.append("  wrote " + ", ".join(str(path) for path in written))
    lines.append("  " + policy.exit_reason(report))
    return lines
