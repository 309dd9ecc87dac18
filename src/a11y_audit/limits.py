"""Limits that keep one hostile page from hanging or exhausting a batch.

- :class:`AuditLimits`: time per rule and per page, element count and nesting depth.
- :func:`time_limit`: a deadline for a block of Python code, raised inside the block as
  :class:`TimeLimit`. It holds in any thread:

  * in the main thread of a process (the CLI, each worker process of a parallel run) a
    ``SIGALRM`` timer raises it;
  * in any other thread (a library user's thread pool, Dask threads) one watchdog thread per
    process raises it asynchronously in the late thread (``PyThreadState_SetAsyncExc``);
  * where neither exists (not CPython, no ``setitimer``), only :func:`check` calls, which the
    engine makes between rules, stop the block.

  Limits nest: an inner block never cancels or extends an enclosing one. When a limit
  expires, the exception belongs to the outermost expired limit (:attr:`Deadline.expired`),
  so the engine's per-rule handler lets a caller's page limit through.

What is bounded: Python code (every rule, the engine, locating findings) is stopped within a
few milliseconds of the deadline. What is not: a single call into C that runs long (one lxml
XPath over a huge tree, one regular expression backtracking) is stopped only when it returns
to Python; a blocking read is bounded by the fetch deadline, not by these limits.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

# libxml2's HTML parser stops at this depth whatever the options (2.14: "Excessive depth in
# document: 2048"); deeper markup is cut off, which Page.from_html reports.
LIBXML2_MAX_DEPTH = 2048

# lxml keeps the first 100 errors a parser reports: a page with more (a hundred duplicate
# ids) may have reported what the page model's repairs look for after them.
LXML_ERROR_LOG_SIZE = 100

# The copies HTML's parser makes of formatting elements a page leaves open are as many as
# the blocks after them times the elements open (``<p><b class=1>x</p>`` written 3,000 times
# is 4.5 million in a browser); the page model makes no more than these, keeps no more than
# REOPENED_AT_ONCE in its list of active formatting elements (the earliest goes), and says so.
REOPENED_COPIES = 20_000
REOPENED_AT_ONCE = 100

# Elements libxml2 closed at a start tag a browser does not close them at take back what
# follows them, sibling by sibling; a page of such elements that cannot take it back (one
# thousand ``<h2><p>x</p>``, then what stops each) has each look at all the siblings after
# it. The page model looks at no more siblings than this for them, and says so.
CLOSED_EARLY_STEPS = 100_000


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
    """True when a block running in this thread is stopped at its deadline without calling
    :func:`check` (a timer in the main thread, the watchdog elsewhere)."""
    if _on_main_thread():
        return True
    return _SET_ASYNC_EXC is not None


_HAS_TIMER = hasattr(signal, "setitimer")


def _on_main_thread() -> bool:
    return _HAS_TIMER and threading.current_thread() is threading.main_thread()


try:  # CPython: raise an exception in another thread at its next bytecode
    _SET_ASYNC_EXC: Callable[..., int] | None = ctypes.pythonapi.PyThreadState_SetAsyncExc
    # (the ignore: the function just read; the global's None is for other interpreters)
    _SET_ASYNC_EXC.argtypes = (ctypes.c_ulong, ctypes.py_object)  # type: ignore[union-attr]
except (AttributeError, OSError):  # pragma: no cover - not CPython
    _SET_ASYNC_EXC = None

_local = threading.local()


def _stack() -> list[Deadline]:
    stack = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


class Deadline:
    """One :func:`time_limit` block. ``expired`` becomes True when this limit is the one that
    stopped the block (the earliest end of the limits in force; the outermost on a tie)."""

    __slots__ = ("_done", "_fired", "_main", "_previous", "_thread", "end", "expired", "seconds")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.end: float | None = None
        self.expired = False
        self._thread = 0
        self._done = False
        self._fired = False            # the watchdog raised TimeLimit in the thread
        self._previous: object = None  # the SIGALRM handler this block replaced (outermost)
        self._main = False             # entered on the main thread (timer, not watchdog)

    def __enter__(self) -> Deadline:
        if self.seconds is None:
            return self
        if self.seconds <= 0:
            self.expired = True
            raise TimeLimit
        stack = _stack()
        self.end = time.monotonic() + self.seconds
        self._thread = threading.get_ident()
        self._main = _on_main_thread()
        try:
            if self._main:
                if not _handler_installed(stack):
                    self._previous = signal.signal(signal.SIGALRM, _alarm) or signal.SIG_DFL
                stack.append(self)
                # Lazy: a timer already due at or before this end serves this limit too (the
                # handler re-arms when it fires for a limit that has ended). One setitimer per
                # limit in and out cost 2 syscalls per rule, most of the engine's cost per rule.
                if _armed_end is None or _armed_end > self.end:
                    _arm_timer(stack)
            else:
                if stack and _watchdog_fired:
                    _drop_fired(stack)
                stack.append(self)
                if _SET_ASYNC_EXC is not None:
                    _WATCHDOG.watch(self)
        except BaseException as exc:
            # The alarm of this limit or of an enclosing one arrived before the block began
            # (with a page's time nearly spent, the timer is armed for a microsecond): undo
            # the entry as __exit__ would. A limit left on the stack would take the blame for
            # every later alarm, and keep the timer armed after its scope had ended.
            if any(entry is self for entry in stack):
                self.__exit__(type(exc), exc, exc.__traceback__)
            elif self._previous is not None:
                signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.end is None:
            return
        stack = _stack()
        if self._main:
            try:
                if self._previous is not None:
                    _set_timer(None)
            finally:
                stack.remove(self)
                if self._previous is not None:
                    signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
                elif stack and _armed_end is None:
                    _arm_timer(stack)     # this limit's timer fired: arm the enclosing ones'
                # else the timer stays as it is, due at or before every end still in force
            return
        try:
            with _WATCHDOG.lock:
                self._done = True
                if self._fired and not (kind is not None and issubclass(kind, TimeLimit)):
                    # fired as the block ended: the exception must not land outside it
                    # NULL clears the pending exception; None is passed as Py_None: a SystemError
                    _SET_ASYNC_EXC(self._thread, ctypes.py_object())  # type: ignore[misc]
                    self.expired = False
        finally:
            if self in stack:   # not when a later entry dropped it as fired (_drop_fired)
                stack.remove(self)

    def left(self) -> float | None:
        return None if self.end is None else self.end - time.monotonic()


def time_limit(seconds: float | None) -> Deadline:
    """A block that raises :class:`TimeLimit` once ``seconds`` have passed (None: no limit)::

        limit = time_limit(2.0)
        try:
            with limit:
                work()
        except TimeLimit:
            if not limit.expired:
                raise          # an enclosing limit expired: not ours to handle
    """
    return Deadline(seconds)


def check() -> None:
    """Raise :class:`TimeLimit` if a limit on this thread has passed its end: a cheap call for
    long loops, and the only stop where neither a timer nor the watchdog exists."""
    stack = getattr(_local, "stack", None)
    if stack and _watchdog_fired:
        _drop_fired(stack)
    if stack:
        first = _first(stack)
        if first.end is not None and first.end <= time.monotonic():
            first.expired = True
            raise TimeLimit


def _drop_fired(stack: list[Deadline]) -> None:
    """Take off the stack the limits whose exception the watchdog has already raised.

    The watchdog's exception lands at the thread's next check point, which may be the first
    instruction of :meth:`Deadline.__exit__`, before it could take the limit off the stack:
    the exception goes out as it should, but the spent limit stays behind, and every later
    :func:`check` in the thread would raise for it. A fired limit's block is over by the time
    the thread runs anything else (its exception unwinds the block), so no later entry needs
    it. Off the main thread only: there the watchdog is what fires."""
    if any(deadline._fired for deadline in stack):
        stack[:] = [deadline for deadline in stack if not deadline._fired]


def _handler_installed(stack: list[Deadline]) -> bool:
    """Whether a limit or scope on this stack has installed our SIGALRM handler: the outermost
    one, asked first (this runs once per rule)."""
    return bool(stack) and (stack[0]._previous is not None
                            or any(d._previous is not None for d in stack))


def _first(stack: list[Deadline]) -> Deadline:
    """The limit that ends first (on a tie the outermost: a page limit beats a rule limit)."""
    first = stack[0]
    for deadline in stack:   # a loop, not min() with a key: this runs twice per rule
        end = deadline.end
        if end is not None and (first.end is None or end < first.end):
            first = deadline
    return first


# When the main thread's SIGALRM timer is due (a time.monotonic() value), None when it is not
# armed. Invariant while limits are in force on the main thread: the timer is due at or before
# the earliest of their ends, so it may fire early (for a limit whose block has ended), never late.
_armed_end: float | None = None


def _set_timer(end: float | None) -> None:
    global _armed_end
    _armed_end = end
    if end is not None:
        signal.setitimer(signal.ITIMER_REAL, max(end - time.monotonic(), 1e-6))
    else:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _arm_timer(stack: list[Deadline]) -> None:
    # end None: only an alarm_scope is left, no limit in force
    _set_timer(_first(stack).end)


class alarm_scope:  # lower case: used like time_limit, ``with alarm_scope():``
    """Install the ``SIGALRM`` handler once for many consecutive limits in this block.

    Each outermost :func:`time_limit` swaps the handler in and out (two ``signal.signal``
    calls, ~20 us); the engine runs ~110 rules a page, each under its own limit, which made
    the swaps ~2 ms of a small page's audit. Inside a scope a limit only sets the timer. The
    scope is an entry on the limit stack with no end (it never expires); it does nothing off
    the main thread or where an enclosing limit has installed the handler already.

    :meth:`limit` gives the limit of one block in the scope: where the scope installed the
    handler, its own entry serves each block in turn (its end set as the block begins and
    cleared as it ends), so a block's limit costs two short calls, not a limit pushed on and
    taken off the stack (the engine's per-rule cost)."""

    __slots__ = ("_entry",)

    def __init__(self) -> None:
        self._entry: _ScopeEntry | None = None

    def __enter__(self) -> alarm_scope:
        if _on_main_thread():
            stack = _stack()
            if not _handler_installed(stack):
                entry = _ScopeEntry(None)
                entry._main = True
                entry._previous = signal.signal(signal.SIGALRM, _alarm) or signal.SIG_DFL
                stack.append(entry)
                self._entry = entry
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        entry, self._entry = self._entry, None
        if entry is None:
            return
        stack = _stack()
        try:
            entry.end = None
            if not any(d.end is not None for d in stack):
                _set_timer(None)
        finally:
            stack.remove(entry)
            signal.signal(signal.SIGALRM, entry._previous)  # type: ignore[arg-type]

    def limit(self, seconds: float | None) -> Deadline:
        """A :func:`time_limit` of ``seconds`` for one block inside this scope (used the same
        way: ``with``, then :attr:`Deadline.expired` when TimeLimit comes out)."""
        entry = self._entry
        if entry is None or seconds is None or seconds <= 0:
            return Deadline(seconds)
        entry.seconds = seconds
        entry.expired = False
        return entry


class _ScopeEntry(Deadline):
    """An :class:`alarm_scope`'s entry on the limit stack (the bottom one: the scope has the
    handler): no end between blocks, the end of one block while it runs."""

    __slots__ = ()

    def __enter__(self) -> Deadline:
        end = self.end = time.monotonic() + self.seconds  # type: ignore[operator]
        try:
            if _armed_end is None or _armed_end > end:
                _arm_timer(_stack())
        except BaseException:
            self.end = None     # an alarm before the block began: ended, and this expired
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.end = None     # the timer stays armed: it may fire early, never late


# How long an alarm that landed in this module's own bookkeeping waits before it fires again
_DEFER = 1e-4


def _alarm(signum: int, frame: object) -> None:
    global _armed_end
    _armed_end = None                  # the timer fired: it is no longer armed
    if _in_bookkeeping(frame):
        # The limits' own code is running (a block being entered or left: the stack is
        # half updated). Raising here would leave a limit on the stack, to be blamed for
        # every later alarm; fire again in a moment, in the block or after it.
        _armed_end = time.monotonic() + _DEFER
        signal.setitimer(signal.ITIMER_REAL, _DEFER)
        return
    stack = _stack()
    if stack:
        first = _first(stack)
        if first.end is None or first.end > time.monotonic():
            # Early: the limit it was armed for has ended (timers are left armed lazily).
            _arm_timer(stack)
            return
        first.expired = True
    raise TimeLimit


def _in_bookkeeping(frame: object) -> bool:
    """The interrupted code is this module's (or code it called, such as
    ``threading.current_thread``): the blocks it guards never run inside its frames."""
    while frame is not None:
        if frame.f_code.co_filename == __file__:  # type: ignore[attr-defined]
            return True
        frame = frame.f_back  # type: ignore[attr-defined]
    return False


# Whether the watchdog has raised in any thread of this process: until it has, no fired limit
# can be left on a stack, and check() skips looking for one.
_watchdog_fired = False


class _Watchdog:
    """One daemon thread per process that raises :class:`TimeLimit` in threads whose limit
    has passed (started on first use)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._wake = threading.Condition(self.lock)
        self._heap: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: Deadline) -> None:
        with self.lock:
            # (the ignore: a watched limit has its end, set in __enter__)
            heapq.heappush(self._heap,  # type: ignore[misc]
                           (deadline.end, next(self._order), deadline))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="a11y-audit-watchdog",
                                                daemon=True)
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        global _watchdog_fired
        with self.lock:
            while True:
                while self._heap and self._heap[0][2]._done:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._wake.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                deadline = heapq.heappop(self._heap)[2]
                if not deadline._done and not deadline._fired:
                    _watchdog_fired = True
                    deadline._fired = deadline.expired = True
                    _SET_ASYNC_EXC(deadline._thread, TimeLimit)  # type: ignore[misc]


_WATCHDOG = _Watchdog()


def _after_fork() -> None:
    # A forked child has no watchdog thread, and the parent's lock may have been held at the
    # fork: start afresh.
    global _WATCHDOG, _armed_end
    _WATCHDOG = _Watchdog()
    _armed_end = None      # a child does not inherit its parent's interval timer


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


class Budget:
    """A page's time while its rules run: ``total`` seconds, ending at ``end`` on
    time.monotonic()'s clock (None: no limit). The engine reads what is left inline."""

    def __init__(self, seconds: float | None) -> None:
        self.total = seconds
        self.end = None if seconds is None else time.monotonic() + seconds
