"""The figures of a run, counted as its pages finish: the summary, the gating count and the exit
code read them, so a run whose pages are spooled on disk is not read back for them.

:class:`Tally` adds one page at a time. :func:`tally_of` gives a report's figures: the running
tally its page spool kept (:class:`~a11y_audit.spool.PageSpool`), or, for pages held in a list
(the library entry points), one pass over them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from a11y_audit.outcome import Impact, Outcome

if TYPE_CHECKING:
    from a11y_audit.finding import PageReport, Report
    from a11y_audit.policy import Policy


@dataclass(slots=True)
class Tally:
    """Counts over the pages added so far, under one gating ``policy``."""

    policy: Policy
    pages: int = 0
    pages_passed: int = 0            # no page error and no gating failure
    pages_failed: int = 0            # at least one failure
    failed: int = 0
    cant_tell: int = 0
    gating: int = 0
    suppressed: int = 0
    # (source, error) of errors recorded on audited pages (rule crashes, limits): few
    errors: list[tuple[str, str]] = field(default_factory=list)
    by_impact: Counter[Impact] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    baseline: Counter[str] = field(default_factory=Counter)  # "new" / "known" failures

    def add(self, page: PageReport) -> None:
        gates = self.policy.gates
        gating = failed = 0
        for f in page.findings:
            if f.outcome is Outcome.FAILED:
                failed += 1
                self.by_impact[f.impact] += 1
                self.by_rule[f.rule] += 1
                if gates(f):
                    gating += 1
            elif f.outcome is Outcome.CANT_TELL:
                self.cant_tell += 1
            if f.baseline is not None:
                self.baseline[str(f.baseline)] += 1
        self.pages += 1
        self.failed += failed
        self.gating += gating
        self.pages_failed += bool(failed)
        self.pages_passed += not page.errors and not gating
        self.suppressed += page.suppressed
        self.errors.extend((page.source, error) for error in page.errors)

    @property
    def page_errors(self) -> int:
        return len(self.errors)


def tally_of(report: Report, policy: Policy | None = None) -> Tally:
    """The figures of ``report``'s pages under ``policy`` (the report's own by default)."""
    policy = policy or report.policy
    pages: Any = report.pages
    kept = getattr(pages, "tally", None)
    if kept is not None and kept.policy == policy and kept.pages == len(pages):
        return kept
    tally = Tally(policy)
    for page in pages:
        tally.add(page)
    return tally
