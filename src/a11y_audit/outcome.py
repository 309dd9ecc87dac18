"""The vocabulary every rule, finding and writer shares: outcomes (ACT/EARL terms) and impacts."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Outcome(StrEnum):
    """The result of a rule on one element, in W3C ACT / EARL terms."""

    PASSED = "passed"
    FAILED = "failed"
    CANT_TELL = "cantTell"
    INAPPLICABLE = "inapplicable"


class Impact(StrEnum):
    """How badly a failure affects users (axe-core's vocabulary), least to most severe."""

    MINOR = "minor"
    MODERATE = "moderate"
    SERIOUS = "serious"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Impact).index(self)


# failed > cantTell > passed > inapplicable: the page-level outcome of a rule is its worst element.
_SEVERITY = {Outcome.INAPPLICABLE: 0, Outcome.PASSED: 1, Outcome.CANT_TELL: 2, Outcome.FAILED: 3}


def combine(outcomes: Iterable[Outcome]) -> Outcome:
    """Reduce element outcomes to one: failed if any failed, else cantTell, else passed."""
    return max(outcomes, key=_SEVERITY.__getitem__, default=Outcome.INAPPLICABLE)
