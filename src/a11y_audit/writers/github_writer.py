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

import io
import shutil
import tempfile
from typing import IO

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


_IN_MEMORY = 1 << 20   # bytes of annotations kept in memory before they go to disk
_COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.NOTE: "notice"}


def render(report: Report, policy: Policy | None = None) -> str:
    buffer = io.StringIO()
    write(report, buffer, policy)
    return buffer.getvalue()


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    """The annotations, the notice on GitHub's limit first when a kind is over it. The
    annotations wait in a temporary file (on disk beyond a megabyte) until the counts are
    known: a run's annotations are never in memory whole."""
    policy = policy or report.policy
    counts = dict.fromkeys(_COMMAND.values(), 0)
    with tempfile.SpooledTemporaryFile(_IN_MEMORY, mode="w+", encoding="utf-8",
                                       newline="\n") as lines:
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
                lines.write(f"::{command} {','.join(props)}::"
                            f"{_escape_data(f'{f.message} [{f.selector}] {f.help_url}')}\n")
        for error in report.errors:
            text = _escape_data(f"{error.source}: {error.message}")
            lines.write(f"::error title=a11y-audit::{text}\n")
            counts["error"] += 1
        if any(count > SHOWN for count in counts.values()):
            found = ", ".join(f"{count} {kind}{'s' if count != 1 else ''}"
                              for kind, count in counts.items() if count)
            handle.write(f"::notice title=a11y-audit::GitHub shows the first {SHOWN} "
                         f"annotations of each kind; this run has {found}. The SARIF report "
                         "(code scanning) and the HTML report list every finding.\n")
        lines.seek(0)
        shutil.copyfileobj(lines, handle)
