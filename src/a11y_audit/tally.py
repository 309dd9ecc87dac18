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


@dataclass(frozen=True, slots=True)
class PageFigures:
    """One page's share of a run's figures, under one policy: what :class:`Tally` adds, and
    all a run that keeps no page report needs of a page (a worker counts it and sends this
    instead of the report: :class:`a11y_audit.runner.Digest`)."""

    source: str
    failed: int
    gating: int
    cant_tell: int
    suppressed: int
    by_impact: dict[Impact, int]        # failures, in the order first met
    by_rule: dict[str, int]
    baseline: dict[str, int]
    errors: tuple[str, ...]

    @classmethod
    def of(cls, page: PageReport, policy: Policy) -> PageFigures:
        gates = policy.gates
        gating = failed = cant_tell = 0
        by_impact: dict[Impact, int] = {}
        by_rule: dict[str, int] = {}
        baseline: dict[str, int] = {}
        for f in page.findings:
            if f.outcome is Outcome.FAILED:
                failed += 1
                by_impact[f.impact] = by_impact.get(f.impact, 0) + 1
                by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
                if gates(f):
                    gating += 1
            elif f.outcome is Outcome.CANT_TELL:
                cant_tell += 1
            if f.baseline is not None:
                status = str(f.baseline)
                baseline[status] = baseline.get(status, 0) + 1
        return cls(page.source, failed, gating, cant_tell, page.suppressed, by_impact, by_rule,
                   baseline, tuple(page.errors))


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
        self.add_figures(PageFigures.of(page, self.policy))

    def add_figures(self, page: PageFigures) -> None:
        self.pages += 1
        self.failed += page.failed
        self.gating += page.gating
        self.cant_tell += page.cant_tell
        self.pages_failed += bool(page.failed)
        self.pages_passed += not page.errors and not page.gating
        self.suppressed += page.suppressed
        self.by_impact.update(page.by_impact)
        self.by_rule.update(page.by_rule)
        self.baseline.update(page.baseline)
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
