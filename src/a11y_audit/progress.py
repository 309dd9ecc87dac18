"""Progress while a batch runs, on standard error: a bar on a terminal, a status line every few
seconds otherwise (CI logs), nothing under ``--quiet``. Before the pages, a long enumeration
(a folder of a million files, a sitemap index of many sitemaps) counts the pages it finds.

Only counts are printed (pages, rate, failures, errors, time left), never text from a page.
"""

from __future__ import annotations

import sys
import time
from typing import IO

from a11y_audit.finding import PageReport
from a11y_audit.outcome import Outcome

INTERVAL = 10.0          # seconds between status lines when standard error is not a terminal
# Runs of this many pages or more say at once that they started (when standard error is not a
# terminal): a long run shows it is alive before the first interval ends; a short one, which
# ends in a few seconds, prints only its summary.
ANNOUNCE_FROM = 100
REDRAW = 0.1             # seconds between redraws of the bar
WIDTH = 24


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Counts pages as they finish and shows how the run goes.

    ``tty`` None asks the stream. On a terminal the bar is redrawn in place at most every
    :data:`REDRAW` seconds; elsewhere a line is printed when a long run starts
    (:data:`ANNOUNCE_FROM` pages) and then every ``interval`` seconds, so a CI log shows the
    run is alive without filling up."""

    def __init__(self, total: int, *, stream: IO[str] | None = None, tty: bool | None = None,
                 interval: float = INTERVAL, jobs: int = 1,
                 clock: object = time.monotonic) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval
        self.clock = clock
        self.started = clock()  # type: ignore[operator]
        self.done = 0
        self.failures = 0
        self.errors = 0
        self._shown = -1.0 if self.tty else self.started
        self._drawn = False
        if not self.tty and total >= ANNOUNCE_FROM:
            self._write(f"a11y-audit: auditing {total:,} page{'s' if total != 1 else ''}"
                        f" with {jobs} worker{'s' if jobs != 1 else ''}\n")

    def page(self, page: PageReport) -> None:
        self.counted(sum(1 for f in page.findings if f.outcome is Outcome.FAILED),
                     bool(page.errors))

    def counted(self, failures: int, errored: bool) -> None:
        """A page done, known by its counts (a page the run keeps no report of)."""
        self.done += 1
        self.failures += failures
        self.errors += errored
        self._tick()

    def error(self) -> None:
        self.done += 1
        self.errors += 1
        self._tick()

    def _tick(self) -> None:
        now = self.clock()  # type: ignore[operator]
        if self.tty:
            if now - self._shown >= REDRAW or self.done == self.total:
                self._shown = now
                self._write("\r" + self.bar(now) + "\x1b[K")
                self._drawn = True
        elif now - self._shown >= self.interval:
            self._shown = now
            self._write("a11y-audit: " + self.status(now) + "\n")

    def rate(self, now: float) -> float:
        elapsed = now - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def status(self, now: float) -> str:
        rate = self.rate(now)
        share = f" ({100 * self.done // self.total}%)" if self.total else ""
        left = (self.total - self.done) / rate if rate else None
        eta = f", ETA {_clock(left)}" if left is not None and self.done < self.total else ""
        return (f"{self.done:,}/{self.total:,} pages{share}, {rate:.1f} pages/s, "
                f"{self.failures:,} failures, {self.errors:,} errors{eta}")

    def bar(self, now: float) -> str:
        filled = WIDTH * self.done // self.total if self.total else WIDTH
        return "[" + "#" * filled + "." * (WIDTH - filled) + "] " + self.status(now)

    def close(self) -> None:
        """End the bar's line (the summary follows on its own line)."""
        if self.tty and self._drawn:
            self._write("\r" + self.bar(self.clock()) + "\x1b[K\n")  # type: ignore[operator]
            self._drawn = False

    def _write(self, text: str) -> None:
        _write(self.stream, text)


class Listing:
    """Counts the pages found while a run's inputs are enumerated, shown once it takes
    longer than a moment: on a terminal a line redrawn in place (erased when the audit's own
    progress starts), elsewhere a line every ``interval`` seconds. An enumeration of a few
    seconds or less (the corpus repeated to 2,000 pages: 0.1 s) shows nothing."""

    def __init__(self, *, stream: IO[str] | None = None, tty: bool | None = None,
                 interval: float = INTERVAL, clock: object = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.clock = clock
        # a terminal shows the count after a second, then redraws it; a log after interval
        self.wait = 1.0 if self.tty else interval
        self.every = REDRAW if self.tty else interval
        self._next = clock() + self.wait  # type: ignore[operator]
        self._drawn = False

    def found(self, count: int) -> None:
        """``count`` inputs found so far."""
        now = self.clock()  # type: ignore[operator]
        if now < self._next:
            return
        self._next = now + self.every
        text = f"finding pages: {count:,} so far"
        if self.tty:
            _write(self.stream, "\r" + text + "\x1b[K")
            self._drawn = True
        else:
            _write(self.stream, f"a11y-audit: {text}\n")

    def close(self) -> None:
        """Erase the terminal's line: the audit's bar or summary takes its place."""
        if self._drawn:
            _write(self.stream, "\r\x1b[K")
            self._drawn = False


def _write(stream: IO[str], text: str) -> None:
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):   # a closed pipe must not stop the audit
        pass

