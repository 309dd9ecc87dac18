"""The one output policy: what gates a run, at which level each finding is shown, and why the
exit code is what it is. Every writer and the exit code read it, so the formats never disagree.

* A **gating** finding is a failure at or above ``fail_on`` (any failure without it) that the
  baseline does not already know. It makes the run exit 1, and every format shows it as an
  error: SARIF ``level: error``, a JUnit ``failure``, a GitHub ``::error``, the HTML "blocks"
  badge.
* A failure below the threshold is a **warning** (SARIF ``warning``, JUnit ``system-out``,
  GitHub ``::warning``); a failure the baseline knows is a **note**, as is a finding to review
  (cantTell).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from a11y_audit.errors import is_internal
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.tally import tally_of

if TYPE_CHECKING:
    from a11y_audit.finding import Finding, Report


class BaselineStatus(StrEnum):
    """A failed finding compared against a baseline file."""

    NEW = "new"
    KNOWN = "known"


class Level(StrEnum):
    """How loudly a finding is reported (SARIF's levels)."""

    ERROR = "error"      # gates: exit 1
    WARNING = "warning"  # a failure below --fail-on
    NOTE = "note"        # to review (cantTell), or a failure the baseline knows
    NONE = "none"        # passed


EXIT_OK, EXIT_FAILURES, EXIT_ERRORS, EXIT_INTERNAL = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class Policy:
    """Gating and display, decided once per run."""

    fail_on: Impact | None = None

    def gates(self, finding: Finding) -> bool:
        return (finding.outcome is Outcome.FAILED
                and (self.fail_on is None or finding.impact.rank >= self.fail_on.rank)
                and finding.baseline != BaselineStatus.KNOWN)

    def level(self, finding: Finding) -> Level:
        if finding.outcome is Outcome.FAILED:
            if self.gates(finding):
                return Level.ERROR
            return Level.NOTE if finding.baseline == BaselineStatus.KNOWN else Level.WARNING
        if finding.outcome is Outcome.CANT_TELL:
            return Level.NOTE
        return Level.NONE

    def threshold(self) -> str:
        """The gate in words: "--fail-on serious" or "any failure"."""
        return f"--fail-on {self.fail_on}" if self.fail_on else "any failure"

    def page_passes(self, page) -> bool:
        return not page.errors and not any(self.gates(f) for f in page.findings)

    def gating(self, report: Report) -> list[Finding]:
        return [f for page in report.pages for f in page.findings if self.gates(f)]

    def error_count(self, report: Report) -> int:
        return len(report.errors) + tally_of(report, self).page_errors

    def exit_code(self, report: Report) -> int:
        if any(is_internal(error) for error in report.errors):
            return EXIT_INTERNAL     # a source hit a bug in a11y-audit (the rest is reported)
        if self.error_count(report):
            return EXIT_ERRORS
        return EXIT_FAILURES if tally_of(report, self).gating else EXIT_OK

    def exit_reason(self, report: Report) -> str:
        """Why the exit code is what it is, in one sentence."""
        code = self.exit_code(report)
        errors = self.error_count(report)
        gating = tally_of(report, self).gating
        if code == EXIT_INTERNAL:
            bugs = sum(1 for error in report.errors if is_internal(error))
            return (f"exit 3: {bugs} input{'s' if bugs != 1 else ''} hit a bug in a11y-audit "
                    "(traceback on stderr; please report it)")
        if code == EXIT_ERRORS:
            return (f"exit 2: {errors} input{'s' if errors != 1 else ''} or rule"
                    f"{'s' if errors != 1 else ''} could not be audited")
        known = " that the baseline does not know" if report.baseline is not None else ""
        if code == EXIT_FAILURES:
            return f"exit 1: {gating} failure{'s' if gating != 1 else ''}{self._gate()}{known}"
        return f"exit 0: no failure{self._gate()}{known}"

    def _gate(self) -> str:
        if self.fail_on is None:
            return " (without --fail-on, any failure gates)"
        return f" of impact {self.fail_on} or worse (--fail-on {self.fail_on})"

