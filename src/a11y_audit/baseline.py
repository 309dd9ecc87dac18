"""Baselines: record today's failures, then gate CI only on new ones.

A baseline file lists failed findings by fingerprint (rule + template path + a hash of the
element's content; no line numbers), so an edit elsewhere in the page keeps a finding known.
Matching counts duplicates: two identical failures in the baseline cover two in the run.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from a11y_audit import __version__
from a11y_audit.finding import PageReport, Report
from a11y_audit.outcome import Outcome
from a11y_audit.policy import BaselineStatus
from a11y_audit.writers import write_atomic

FORMAT = "a11y-audit-baseline"
VERSION = 1


class BaselineError(Exception):
    pass


def load(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with "
                            "--update-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError(f"{path}: not an a11y-audit baseline (format {FORMAT!r})")
    if data.get("version") != VERSION:
        raise BaselineError(f"{path}: baseline version {data.get('version')!r} is not "
                            f"supported (expected {VERSION})")
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise BaselineError(f"{path}: findings must be a list of objects with a fingerprint")
    return entries


def apply(report: Report, entries: list[dict[str, Any]], path: Path) -> None:
    """Mark each failed finding new or known; list baseline entries no longer found."""
    matcher = Matcher(entries)
    for page in report.pages:
        matcher.mark(page)
    matcher.finish(report, path)


class Matcher:
    """Baseline matching one page at a time, as pages stream in (same result as :func:`apply`
    over the whole report, in the same page order)."""

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.entries = entries
        self.remaining = Counter(e["fingerprint"] for e in entries)
        self.audited: set[str] = set()

    def mark(self, page: PageReport) -> None:
        remaining = self.remaining
        for i, finding in enumerate(page.findings):
            if finding.outcome is not Outcome.FAILED:
                continue
            if remaining[finding.fingerprint] > 0:
                remaining[finding.fingerprint] -= 1
                status = BaselineStatus.KNOWN
            else:
                status = BaselineStatus.NEW
            page.findings[i] = replace(finding, baseline=status)
        self.audited.add(page.source)

    def finish(self, report: Report, path: Path) -> None:
        remaining = self.remaining
        fixed = []
        for entry in self.entries:
            fp = entry["fingerprint"]
            if remaining[fp] > 0 and entry.get("source", "") in self.audited:
                remaining[fp] -= 1
                fixed.append({k: entry[k] for k in ("rule", "fingerprint", "source", "path",
                                                     "message") if k in entry})
        report.fixed = fixed
        report.baseline = str(path)


def write(report: Report, path: Path) -> int:
    """(Re)write the baseline from this run's failures; returns how many were recorded."""
    findings = [
        {"rule": f.rule, "fingerprint": f.fingerprint, "source": page.source, "path": f.path,
         "message": f.message}
        for page in report.pages for f in page.findings if f.outcome is Outcome.FAILED
    ]
    findings.sort(key=lambda e: (e["source"], e["rule"], e["path"], e["fingerprint"]))
    data = {"format": FORMAT, "version": VERSION, "tool": f"a11y-audit {__version__}",
            "findings": findings}
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return len(findings)
