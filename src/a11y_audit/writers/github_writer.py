"""GitHub Actions workflow commands: ``::error file=...,line=...::message`` per finding.

Printed to standard output (GitHub reads annotations from the job log). The gating policy
decides the command: a finding that gates (at or above ``--fail-on``) is an ``::error``, a
failure below it a ``::warning``, a finding to review a ``::notice``; failures the baseline
already knows are not annotated.

GitHub shows the first 10 annotations of each kind a step (and 50 a job) and drops the rest
without a word, so a run with more of any kind starts with a notice that says how many there
are and where all of them are (the SARIF and HTML reports): it takes one of the notices' places
and is never the one dropped.
"""

from __future__ import annotations

from a11y_audit.finding import Report
from a11y_audit.policy import BaselineStatus, Level, Policy
from a11y_audit.safe_text import terminal_safe
from a11y_audit.writers.sarif_writer import relative_path

NAME = "github"
SUFFIX = None
SHOWN = 10             # annotations of one kind (error, warning, notice) GitHub shows a step


def _escape_data(text: str) -> str:
    # Workflow-command escapes, then no escape sequence or control/bidi character from a page
    # reaches the job log (shown in a terminal-like viewer).
    encoded = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal_safe(encoded)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.NOTE: "notice"}


def render(report: Report, policy: Policy | None = None) -> str:
    policy = policy or report.policy
    lines = []
    counts = dict.fromkeys(_COMMAND.values(), 0)
    for page in report.pages:
        file = relative_path(page.source)
        for f in page.findings:
            level = policy.level(f)
            if level is Level.NONE or f.baseline == BaselineStatus.KNOWN:
                continue
            command = _COMMAND[level]
            counts[command] += 1
            props = [f"file={_escape_property(file)}"]
            if f.line:
                props.append(f"line={f.line}")
                if getattr(f, "column", None):
                    props.append(f"col={f.column}")
            props.append(f"title={_escape_property(f'{f.rule} ({f.impact})')}")
            lines.append(f"::{command} {','.join(props)}::"
                         f"{_escape_data(f'{f.message} [{f.selector}] {f.help_url}')}")
    for error in report.errors:
        text = _escape_data(f"{error.source}: {error.message}")
        lines.append(f"::error title=a11y-audit::{text}")
        counts["error"] += 1
    if any(count > SHOWN for count in counts.values()):
        found = ", ".join(f"{count} {kind}{'s' if count != 1 else ''}"
                          for kind, count in counts.items() if count)
        lines.insert(0, f"::notice title=a11y-audit::GitHub shows the first {SHOWN} annotations "
                        f"of each kind; this run has {found}. The SARIF report (code scanning) "
                        "and the HTML report list every finding.")
    return "\n".join(lines) + ("\n" if lines else "")
