"""Terminal output: findings grouped by page and rule as ``file:line  selector  message``.

Everything taken from a page or a file name (sources, titles, selectors, messages quoting
attribute values) goes through :func:`~a11y_audit.safe_text.terminal_safe`: no escape sequence
or bidi control reaches the terminal, tty or not.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import IO

from a11y_audit.finding import Report
from a11y_audit.outcome import Outcome
from a11y_audit.safe_text import terminal_safe as safe
from a11y_audit.tally import tally_of
from a11y_audit.writers.report_data import reading_note, summary

NAME = "terminal"
SUFFIX = None

_COLOURS = {"critical": "31;1", "serious": "31", "moderate": "33", "minor": "36",
            "review": "35", "dim": "2", "bold": "1", "ok": "32"}


def _paint(text: str, style: str, colour: bool) -> str:
    return f"\x1b[{_COLOURS[style]}m{text}\x1b[0m" if colour else text


def render(report: Report, colour: bool = False, verbose: bool = False,
           summary: bool = True) -> str:
    """Failures (and with ``verbose`` findings to review). With a baseline, known failures are
    listed only with ``verbose``: the terminal shows what is new. ``summary=False`` leaves out
    errors and the summary line (the CLI prints both on standard error, once)."""
    return "".join(_chunks(report, colour, verbose, summary))


def write(report: Report, handle: IO[str], colour: bool = False, verbose: bool = False,
          summary: bool = True) -> None:
    """:func:`render`'s text, written a page at a time: a run's output is never in memory
    whole (a long run with many failures prints hundreds of megabytes)."""
    for chunk in _chunks(report, colour, verbose, summary):
        handle.write(chunk)


def _chunks(report: Report, colour: bool, verbose: bool, summary: bool) -> Iterator[str]:
    """The text, one page's lines at a time, each line ending in a newline."""
    for page in report.pages:
        lines: list[str] = []
        shown = [f for f in page.findings
                 if (f.outcome is Outcome.FAILED and (verbose or f.baseline != "known"))
                 or (verbose and f.outcome is Outcome.CANT_TELL)]
        source = safe(page.source)
        if summary:
            for error in page.errors:
                lines.append(f"{source}: error: {safe(error)}")
        if shown:
            # (a title of nothing but escape sequences is nothing once they are removed)
            title = safe(page.title) if page.title else ""
            lines.append(_paint(source, "bold", colour)
                         + (f"  ({title})" if title and not title.isspace() else ""))
            read_as = reading_note(page.template, page.fragment)
            if read_as:
                lines.append(f"  {_paint(read_as, 'dim', colour)}")
            shown.sort(key=lambda f: (f.rule, f.line or 0))
            for rule_id, group in groupby(shown, key=lambda f: f.rule):
                items = list(group)
                first = items[0]
                label = "review" if first.outcome is Outcome.CANT_TELL else str(first.impact)
                lines.append(f"  {_paint(rule_id, label, colour)} [{label}] {first.help}")
                for f in items:
                    kind = "?" if f.outcome is Outcome.CANT_TELL else "✗"
                    known = " (known)" if f.baseline == "known" else ""
                    lines.append(f"    {kind} {_where(source, f)}  "
                                 f"{_paint(safe(f.selector), 'dim', colour)}{known}")
                    lines.append(f"      {safe(f.message)}")
                    for r in f.related:
                        lines.append(f"      also {_where(source, r)}  "
                                     f"{_paint(safe(r.selector), 'dim', colour)}")
            lines.append("")
        if lines:
            yield "\n".join(lines) + "\n"
    if summary:
        for failed in report.errors:
            yield f"error: {safe(failed.source)}: {safe(failed.message)}\n"
        yield summary_line(report, colour) + "\n"


def _where(source: str, located) -> str:
    """``file:line:column`` (as far as known), the form editors and terminals link."""
    if not located.line:
        return source
    if located.column:
        return f"{source}:{located.line}:{located.column}"
    return f"{source}:{located.line}"


def summary_line(report: Report, colour: bool = False) -> str:
    data = summary(report)
    impacts = ", ".join(f"{n} {name}" for name, n in data["by_impact"].items() if n)
    parts = [f"{data['pages']} page{'s' if data['pages'] != 1 else ''} audited",
             f"{data['failed']} failure{'s' if data['failed'] != 1 else ''}"
             + (f" ({impacts})" if impacts else "")
             + (f" on {data['pages_failed']} page{'s' if data['pages_failed'] != 1 else ''}"
                if data["failed"] else ""),
             f"{data['cant_tell']} to review"]
    tally = tally_of(report)
    if tally.suppressed:
        parts.append(f"{tally.suppressed} suppressed")
    if report.baseline is not None:
        parts.append(f"baseline: {tally.baseline['new']} new, {tally.baseline['known']} known, "
                     f"{len(report.fixed)} fixed")
    if data["errors"]:
        parts.append(f"{data['errors']} error{'s' if data['errors'] != 1 else ''}")
    text = ", ".join(parts)
    gating = data["gating"] or data["errors"]
    style = "serious" if gating else "ok"
    return _paint(text, style, colour)
