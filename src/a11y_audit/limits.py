"""Limits that keep one hostile page from hanging or exhausting a batch.

- :class:`AuditLimits`: time per rule and per page, element count and nesting depth.
- :func:`time_limit`: a deadline for a block of Python code, raised as :class:`TimeLimit` from a
  ``SIGALRM`` timer. It works in the main thread of a process (the CLI, and each worker
  process of a parallel run); elsewhere (a thread pool) it is a no-op: the page still finishes,
  only later.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# libxml2's HTML parser stops at this depth whatever the options (2.14: "Excessive depth in
# document: 2048"); deeper markup is cut off, which Page.from_html reports.
LIBXML2_MAX_DEPTH = 2048


@dataclass(frozen=True, slots=True)
class AuditLimits:
    rule_seconds: float | None = 10.0      # one rule on one page; then cantTell "time limit"
    page_seconds: float | None = 60.0      # all rules on one page; the rest are cantTell
    max_elements: int = 1_000_000          # more: the page is refused (a news page has ~3,000)
    max_depth: int = LIBXML2_MAX_DEPTH     # deeper nesting: the page is refused


DEFAULT_LIMITS = AuditLimits()


class TimeLimit(BaseException):
    """Raised inside code that ran past its :func:`time_limit`.

    A ``BaseException``, so that ``except Exception`` in a rule cannot swallow it.
    """


def can_time_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimit` in this block once ``seconds`` have passed (None: no limit)."""
    if seconds is None or not can_time_limit():
        yield
        return
    if seconds <= 0:
        raise TimeLimit

    def expire(signum: int, frame: object) -> None:
        raise TimeLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Budget:
    """What is left of a page's time while its rules run."""

    def __init__(self, seconds: float | None) -> None:
        self.total = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def left(self) -> float | None:
        return None if self._end is None else self._end - time.monotonic()
