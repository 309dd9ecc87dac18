"""Time limits hold in any thread, and nest (issue 12).

A limit is proved by a loop that only ends when the limit stops it: the loop watches an escape
event that the test sets only after giving up (a safety net so that a broken limit fails the test
instead of hanging it). No assertion reads a clock.
"""

from __future__ import annotations

import threading
import types
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from a11y_audit import limits
from a11y_audit.engine import audit_page
from a11y_audit.limits import AuditLimits, TimeLimit, check, time_limit
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import LoadedRule, get
from a11y_audit.rule import Rule

GIVE_UP = 60.0     # seconds before the safety net releases a loop no limit stopped


class Endless:
    """A loop that runs until a limit stops it or the test gives up on it."""

    def __init__(self) -> None:
        self.escape = threading.Event()

    def loop(self, step: Callable[[], None] = lambda: None) -> None:
        while not self.escape.is_set():
            step()

    def rule(self, step: Callable[[], None] = lambda: None) -> LoadedRule:
        rule = Rule(id="endless", impact="minor", wcag=(), help="never ends", axe=False)

        def check_page(page: Any):
            self.loop(step)
            yield from ()

        return LoadedRule(rule, check_page, types.ModuleType("endless"))


def in_thread(work: Callable[[], Any], endless: Endless) -> Any:
    """Run ``work`` in a pool thread; the answer, or an AssertionError if no limit stopped it."""
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(work)
        try:
            return future.result(timeout=GIVE_UP)
        except TimeoutError:
            endless.escape.set()
            raise AssertionError("the time limit did not stop the loop") from None


def outcome_of(work: Callable[[], Any]) -> Any:
    """What ``work`` returned, or the TimeLimit it raised."""
    try:
        return work()
    except TimeLimit as exc:
        return exc


@pytest.mark.parametrize("thread", [False, True], ids=["main thread", "pool thread"])
def test_a_rule_time_limit_holds_in_any_thread(thread):
    endless = Endless()
    page = Page.from_html("<h2></h2>")

    def work():
        return audit_page(page, [endless.rule(), get("empty-heading")],
                          limits=AuditLimits(rule_seconds=0.05, page_seconds=None))

    report = in_thread(work, endless) if thread else work()
    assert not endless.escape.is_set()
    assert report.rules["endless"].outcome is Outcome.CANT_TELL
    assert report.rules["empty-heading"].outcome is Outcome.FAILED
    assert report.errors == ["rule endless stopped at its time limit (0.05 s); outcome cantTell"]


def test_the_page_time_limit_holds_in_a_pool_thread():
    endless = Endless()
    page = Page.from_html("<h2></h2>")
    report = in_thread(lambda: audit_page(
        page, [endless.rule(), get("empty-heading")],
        limits=AuditLimits(rule_seconds=None, page_seconds=0.05)), endless)
    assert report.rules["endless"].outcome is Outcome.CANT_TELL
    assert report.rules["empty-heading"].outcome is Outcome.CANT_TELL
    assert report.errors[0].startswith("rule endless stopped at the page time limit")


def test_threads_are_stopped_each_by_its_own_limit():
    loops = [Endless(), Endless()]
    page = Page.from_html("<h2></h2>")
    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(audit_page, page, [loop.rule()],
                               limits=AuditLimits(rule_seconds=seconds, page_seconds=None))
                   for loop, seconds in zip(loops, (0.05, 0.1), strict=True)]
        try:
            reports = [f.result(timeout=GIVE_UP) for f in futures]
        finally:
            for loop in loops:
                loop.escape.set()
    assert [r.errors for r in reports] == [
        ["rule endless stopped at its time limit (0.05 s); outcome cantTell"],
        ["rule endless stopped at its time limit (0.1 s); outcome cantTell"]]


@pytest.mark.parametrize("thread", [False, True], ids=["main thread", "pool thread"])
def test_an_inner_limit_that_ends_in_time_keeps_the_outer_one(thread):
    endless = Endless()
    outer, inner = time_limit(0.05), time_limit(30)

    def work():
        with outer:
            with inner:
                pass
            endless.loop()      # only the outer limit can stop this
        return "not stopped"

    result = in_thread(lambda: outcome_of(work), endless) if thread else outcome_of(work)
    assert isinstance(result, TimeLimit)
    assert (outer.expired, inner.expired) == (True, False)


@pytest.mark.parametrize("thread", [False, True], ids=["main thread", "pool thread"])
def test_an_outer_limit_expiring_inside_an_inner_one_is_the_outers(thread):
    endless = Endless()
    outer, inner = time_limit(0.05), time_limit(30)

    def work():
        with outer, inner:
            endless.loop()
        return "not stopped"

    result = in_thread(lambda: outcome_of(work), endless) if thread else outcome_of(work)
    assert isinstance(result, TimeLimit)
    assert (outer.expired, inner.expired) == (True, False)


@pytest.mark.parametrize("thread", [False, True], ids=["main thread", "pool thread"])
def test_an_inner_limit_expiring_first_leaves_the_outer_running(thread):
    first, second = Endless(), Endless()
    outer, inner = time_limit(0.3), time_limit(0.02)
    stops = []

    def work():
        with outer:
            try:
                with inner:
                    first.loop()
            except TimeLimit:
                stops.append(("inner", inner.expired, outer.expired))
            second.loop()
        return "not stopped"

    def both():
        try:
            return outcome_of(work)
        finally:
            first.escape.set()

    result = in_thread(both, second) if thread else both()
    assert isinstance(result, TimeLimit)
    assert stops == [("inner", True, False)]
    assert outer.expired


def test_a_callers_limit_passes_through_the_engines_rule_limit():
    """A library user's page deadline around audit_page is not absorbed as one rule's
    cantTell: it stops the audit."""
    endless = Endless()
    page = Page.from_html("<h2></h2>")
    mine = time_limit(0.05)

    def work():
        with mine:
            return audit_page(page, [endless.rule(), get("empty-heading")],
                              limits=AuditLimits(rule_seconds=30, page_seconds=None))

    result = in_thread(lambda: outcome_of(work), endless)
    assert isinstance(result, TimeLimit)
    assert mine.expired


def test_a_limit_never_fires_after_its_block_ended():
    """Many blocks whose limits end about when their work does: a TimeLimit either stops its
    own block or never arrives; none lands in the code after the block."""

    def work():
        stopped = finished = 0
        for _ in range(300):
            limit = time_limit(0.0002)
            try:
                with limit:
                    sum(range(3000))
                finished += 1
            except TimeLimit:
                assert limit.expired
                stopped += 1
            for _ in range(2000):       # bytecodes where a stray exception would land
                pass
        return stopped + finished

    assert in_thread(work, Endless()) == 300


def test_a_watchdog_exception_landing_as_the_block_exits_leaves_no_spent_limit(monkeypatch):
    """The watchdog's exception lands at the thread's next check point, which can be the first
    instruction of ``Deadline.__exit__``: the exception leaves, but the limit's own cleanup never
    ran. That spent limit must not stop every later block of the thread."""
    monkeypatch.setattr(limits, "_watchdog_fired", False)
    original_exit = limits.Deadline.__exit__
    landed = []

    def exit_hit_on_entry(self, kind, exc, tb):
        if not landed:          # as the watchdog does, then the exception at __exit__'s entry
            landed.append(self)
            self._fired = self.expired = True
            limits._watchdog_fired = True
            raise TimeLimit
        return original_exit(self, kind, exc, tb)

    monkeypatch.setattr(limits.Deadline, "__exit__", exit_hit_on_entry)

    def work():
        first = time_limit(30)
        try:
            with first:
                pass
        except TimeLimit:
            assert first.expired
        with time_limit(30):
            check()     # raised for the spent limit before the fix: it is not in force
        check()
        return list(limits._stack())

    assert in_thread(work, Endless()) == []
    assert len(landed) == 1


def test_check_stops_a_loop_where_nothing_can_interrupt_it(monkeypatch):
    """Without the watchdog (not CPython) only cooperative checks stop a thread's loop."""
    monkeypatch.setattr(limits, "_SET_ASYNC_EXC", None)
    endless = Endless()
    page = Page.from_html("<h2></h2>")
    report = in_thread(lambda: audit_page(page, [endless.rule(step=check)],
                                          limits=AuditLimits(rule_seconds=0.05,
                                                             page_seconds=None)), endless)
    assert report.errors == ["rule endless stopped at its time limit (0.05 s); outcome cantTell"]


def test_no_limit_and_a_spent_limit():
    with time_limit(None) as unlimited:
        check()                     # no limit in force: nothing to stop
    assert not unlimited.expired
    spent = time_limit(0)
    with pytest.raises(TimeLimit), spent:
        pass                    # pragma: no cover
    assert spent.expired


def test_limits_inside_an_alarm_scope_fire_and_leave_no_timer_or_handler_behind():
    """The engine runs its rules' limits inside one alarm_scope (the handler installed once
    a page): a limit in the scope still stops its block, the next one starts afresh, and after
    the scope the caller's SIGALRM handler is back and no timer is left armed."""
    import signal

    def caller_handler(signum: int, frame: object) -> None:    # pragma: no cover
        raise AssertionError("the caller's handler ran")

    previous = signal.signal(signal.SIGALRM, caller_handler)
    try:
        endless = Endless()
        with limits.alarm_scope():
            first = time_limit(0.05)

            def run_first() -> None:
                with first:
                    endless.loop()

            assert isinstance(outcome_of(run_first), TimeLimit)
            assert first.expired
            with time_limit(30.0) as second:
                pass
            assert not second.expired
            assert signal.getsignal(signal.SIGALRM) is not caller_handler
        assert signal.getsignal(signal.SIGALRM) is caller_handler
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_an_alarm_scope_in_a_callers_limit_changes_nothing():
    import signal

    with time_limit(30.0):
        installed = signal.getsignal(signal.SIGALRM)
        with limits.alarm_scope():
            assert signal.getsignal(signal.SIGALRM) is installed
            with time_limit(20.0):
                pass
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0     # the caller's timer re-armed
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_timer_left_armed_for_an_ended_limit_fires_harmlessly():
    """Limits leave the timer armed when they end (two system calls less per rule): when it
    fires for a limit whose block has ended, the handler re-arms it for the limits in force
    and raises nothing; a later limit still stops its block."""
    import signal

    endless = Endless()
    with limits.alarm_scope():
        with time_limit(0.05):
            pass                           # ends at once; its timer stays armed
        with time_limit(30.0) as second:
            # Runs until the early timer has fired and was re-armed for this limit (30 s).
            endless.loop(lambda: signal.getitimer(signal.ITIMER_REAL)[0] > 1.0
                         and endless.escape.set())
        assert not second.expired
        third = time_limit(0.05)

        def run_third() -> None:
            with third:
                Endless().loop()

        assert isinstance(outcome_of(run_third), TimeLimit)
        assert third.expired
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _fire_while_arming(monkeypatch: pytest.MonkeyPatch, where: str) -> list[int]:
    """Make the next arming of the timer fire at once, for the limit just entered, as a
    timer armed for a microsecond does when a page's time is nearly spent: the alarm lands
    inside ``Deadline.__enter__``, before the block begins. ``where``: the frame the handler
    is told it interrupted, "enter" (that of ``__enter__``, as the signal module passes it)
    or "unknown" (None: as an exception raised from elsewhere would arrive)."""
    import signal
    import sys
    import time

    real = limits._arm_timer
    fired = []

    def arm_and_fire(stack: list[limits.Deadline]) -> None:
        real(stack)
        if not fired:
            fired.append(1)
            stack[-1].end = time.monotonic() - 1.0      # the limit entered is due
            limits._alarm(signal.SIGALRM, sys._getframe(1) if where == "enter" else None)

    monkeypatch.setattr(limits, "_arm_timer", arm_and_fire)
    return fired


def test_an_alarm_inside_the_limits_own_code_fires_again_in_the_block(monkeypatch):
    """The handler does not raise in the middle of ``__enter__`` (the stack half updated): it
    fires again a moment later, inside the block, which the limit then stops as usual."""
    import signal

    fired = _fire_while_arming(monkeypatch, "enter")
    with limits.alarm_scope():
        limit = time_limit(30.0)
        started = []

        def run() -> None:
            with limit:
                started.append(1)
                Endless().loop()

        assert isinstance(outcome_of(run), TimeLimit)
        assert fired and started and limit.expired
        assert [entry.end for entry in limits._stack()] == [None]     # the scope alone
    assert limits._stack() == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_alarm_before_the_block_begins_leaves_no_limit_behind(monkeypatch):
    """Should TimeLimit still come out of ``__enter__`` (after the limit is on the stack), the
    limit is taken off again and is the one that expired. Left on the stack, it would take
    the blame for every later alarm (the next rule's TimeLimit escaped the engine as a
    traceback) and keep the timer armed after its scope."""
    import signal

    fired = _fire_while_arming(monkeypatch, "unknown")
    with limits.alarm_scope():
        first = time_limit(30.0)
        ran = []

        def run_first() -> None:
            with first:
                ran.append(1)

        assert isinstance(outcome_of(run_first), TimeLimit)
        assert fired and not ran and first.expired
        assert all(entry is not first for entry in limits._stack())
        second = time_limit(0.05)

        def run_second() -> None:
            with second:
                Endless().loop()

        assert isinstance(outcome_of(run_second), TimeLimit)
        assert second.expired
    assert limits._stack() == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_engine_survives_an_alarm_before_a_rules_block_begins(monkeypatch):
    """End to end: the rule whose limit the alarm hit is cantTell with a page error, the
    other rules run, and the next page's audit is untouched (it raised TimeLimit before)."""
    fired = _fire_while_arming(monkeypatch, "unknown")
    html = "<html lang=en><head><title>T</title></head><body><img src=a.png></body></html>"
    rules = [get("document-title"), get("image-alt")]
    first = audit_page(Page.from_html(html, "a.html"), rules)
    assert fired
    assert first.rules["document-title"].outcome is Outcome.CANT_TELL
    assert any("document-title stopped at its time limit" in e for e in first.errors)
    assert first.rules["image-alt"].outcome is Outcome.FAILED
    assert limits._stack() == []
    second = audit_page(Page.from_html(html, "b.html"), rules)
    assert second.errors == []
    assert second.rules["document-title"].outcome is Outcome.PASSED


def test_a_scopes_block_limits_stop_their_block_and_leave_nothing_armed_between_blocks():
    """``alarm_scope().limit()`` (the engine's per-rule limit): the scope's own stack entry
    serves each block in turn. A block past its limit is stopped and that limit is the one
    expired; the next block starts afresh; between blocks nothing on the stack has an end, so
    a stale alarm raises nothing there; after the scope no timer or entry is left."""
    import signal

    with limits.alarm_scope() as scope:
        first = scope.limit(0.05)

        def run_first() -> None:
            with first:
                Endless().loop()

        assert isinstance(outcome_of(run_first), TimeLimit)
        assert first.expired
        assert [entry.end for entry in limits._stack()] == [None]
        second = scope.limit(30.0)
        with second:
            nested = time_limit(20.0)       # a rule's own limit inside: nests as usual
            with nested:
                pass
        assert not second.expired and not nested.expired
        assert [entry.end for entry in limits._stack()] == [None]
        limits._alarm(signal.SIGALRM, None)     # a stale alarm between blocks: harmless
        third = scope.limit(0.05)

        def run_third() -> None:
            with third:
                Endless().loop()

        assert isinstance(outcome_of(run_third), TimeLimit)
        assert third.expired
    assert limits._stack() == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
