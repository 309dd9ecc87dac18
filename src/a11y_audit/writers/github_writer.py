"""GitHub Actions workflow commands: ``::error file=...,line=...::message`` per finding.

Printed to standard output (GitHub reads annotations from the job log). Failures at serious or
critical impact are errors, others warnings; findings to review are notices.
"""

from __future__ import annotations

from a11y_audit.finding import Report
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.writers.sarif_writer import relative_path

NAME = "github"
SUFFIX = None


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for page in report.pages:
        file = relative_path(page.source)
        for f in page.findings:
            if f.outcome is Outcome.PASSED or f.baseline == "known":
                continue
            if f.outcome is Outcome.CANT_TELL:
                command = "notice"
            elif f.impact.rank >= Impact.SERIOUS.rank:
                command = "error"
            else:
                command = "warning"
            props = [f"file={_escape_property(file)}"]
            if f.line:
                props.append(f"line={f.line}")
            props.append(f"title={_escape_property(f'{f.rule} ({f.impact})')}")
            lines.append(f"::{command} {','.join(props)}::"
                         f"{_escape_data(f'{f.message} [{f.selector}] {f.help_url}')}")
    for error in report.errors:
        text = _escape_data(f"{error.source}: {error.message}")
        lines.append(f"::error title=a11y-audit::{text}")
    return "\n".join(lines) + ("\n" if lines else "")
