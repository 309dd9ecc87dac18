"""Findings (a located rule result) and reports (per page and per run)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, NamedTuple

from a11y_audit.outcome import _SEVERITY, Impact, Outcome
from a11y_audit.policy import BaselineStatus, Policy


class Related(NamedTuple):
    """Another element a finding involves, located on its own. Also where the engine keeps
    each located element's place: a named tuple, not a frozen dataclass, as one is built per
    located element (the dataclass's ``__init__`` sets each field by ``object.__setattr__``)."""

    selector: str
    xpath: str
    line: int | None
    column: int | None
    snippet: str


@dataclass(slots=True, unsafe_hash=True)
class Finding:
    """A rule result located in the page. Treat it as immutable (``dataclasses.replace``
    makes a changed copy; it hashes by value): it is not a frozen dataclass because one is
    built per reported result (~100 a page, ~900 with passed results), and a frozen
    dataclass's ``__init__`` (an ``object.__setattr__`` per field, 16 fields) cost five times
    as much. The engine builds it with positional arguments, in this field order."""

    rule: str
    outcome: Outcome
    impact: Impact
    message: str
    selector: str                # "main > article > figure:nth-of-type(2) > img"
    xpath: str                   # "/html/body/main/article/figure[2]/img"
    line: int | None
    snippet: str                 # the element's markup as written, at most 200 characters
    wcag: tuple[str, ...]
    help: str
    help_url: str
    path: str = ""               # template path: ancestry without sibling indexes
    fingerprint: str = ""        # stable identity for baselines (no line numbers)
    baseline: BaselineStatus | None = None  # with --baseline: new or known
    column: int | None = None    # 1-based column of the start tag (minified pages: line 1)
    related: tuple[Related, ...] = ()

    def __reduce__(self) -> tuple[type[Finding], tuple[Any, ...]]:
        """Pickled as the tuple of its field values and rebuilt by ``__init__``. Every
        finding is pickled by a worker, unpickled by the main process, pickled to the spool
        and read back for the reports: the default (a dict of slot names and values per
        finding) took 1.6 times as long to pickle, twice as long to unpickle and 19% more
        bytes."""
        return Finding, _finding_values(self)


@dataclass(slots=True)
class RuleSummary:
    """A rule's page-level outcome and how many elements gave each outcome."""

    rule: str
    outcome: Outcome = Outcome.INAPPLICABLE
    passed: int = 0
    failed: int = 0
    cant_tell: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome is Outcome.PASSED:
            self.passed += 1
        elif outcome is Outcome.FAILED:
            self.failed += 1
        elif outcome is Outcome.CANT_TELL:
            self.cant_tell += 1
        # combine((self.outcome, outcome)) without its max() and tuple: one call per result
        if _SEVERITY[outcome] > _SEVERITY[self.outcome]:
            self.outcome = outcome

    def __reduce__(self) -> tuple[type[RuleSummary], tuple[Any, ...]]:
        """Pickled as its field values, as :meth:`Finding.__reduce__` (one per rule a page)."""
        return RuleSummary, _summary_values(self)


_finding_values = attrgetter(*(f.name for f in fields(Finding)))
_summary_values = attrgetter(*(f.name for f in fields(RuleSummary)))


@dataclass(slots=True)
class PageReport:
    source: str
    title: str = ""
    url: str | None = None
    rules: dict[str, RuleSummary] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # rules that crashed on this page
    seconds: float = 0.0
    suppressed: int = 0          # results silenced by data-a11y-ignore or config ignores
    template: str | None = None  # the template syntax the file was read with (templates)
    fragment: bool = False       # a partial: page-level rules not run (templates)

    def failures(self, at_least: Impact | None = None) -> list[Finding]:
        return [
            f for f in self.findings
            if f.outcome is Outcome.FAILED and (at_least is None or f.impact.rank >= at_least.rank)
        ]


@dataclass(frozen=True, slots=True)
class InputError:
    """A source that could not be read or parsed; reported, never a traceback."""

    source: str
    message: str


@dataclass(frozen=True, slots=True)
class Sample:
    """A run that audited a sample of the pages it found (``--sample``): how many it found, how
    many it audited, and the seed that chose them."""

    found: int
    audited: int
    seed: str


@dataclass(slots=True)
class Report:
    pages: list[PageReport] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    rules: list = field(default_factory=list)      # the LoadedRule objects that ran
    seconds: float = 0.0
    fail_on: Impact | None = None
    baseline: str | None = None                    # the baseline file compared against
    fixed: list[dict] = field(default_factory=list)  # baseline entries no longer found
    sample: Sample | None = None                   # --sample: the pages are a sample of those found

    @property
    def policy(self) -> Policy:
        """The gating policy every writer and the exit code read."""
        return Policy(fail_on=self.fail_on)

    def failures(self) -> list[Finding]:
        """Failures that gate: at or above fail_on, and not known from the baseline."""
        return self.policy.gating(self)

    @property
    def failed(self) -> bool:
        return bool(self.failures())

    def exit_code(self) -> int:
        return self.policy.exit_code(self)
