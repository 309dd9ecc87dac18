"""JSON Lines report: one JSON object a line, written as pages finish.

Line 1 is the run (``"kind": "run"``: tool, schema version, rules); then one line a page
(``"kind": "page"``, the JSON report's page object); then one line an unreadable input
(``"kind": "error"``); the last line is the summary (``"kind": "summary"``). A reader can follow
the file while the run goes on (``tail -f``), and no line depends on a later one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import IO, Any

from a11y_audit.finding import PageReport, Report
from a11y_audit.policy import Policy
from a11y_audit.writers.json_stream import dumps_line, dumps_line_utf8
from a11y_audit.writers.report_data import page_data, report_data, summary, with_timestamps

NAME = "jsonl"
SUFFIX = ".jsonl"


def _line(data: dict[str, Any]) -> str:
    return dumps_line(data) + "\n"


def head(report: Report, policy: Policy | None = None) -> str:
    data = report_data(replace(report, pages=[], errors=[]), policy)
    keep = ("$schema", "schema_version", "tool", "generated_at", "fail_on", "sample", "rules")
    return _line({"kind": "run", **{k: data[k] for k in keep if k in data}})


def page_line(page: PageReport, policy: Policy | None = None) -> str:
    return page_line_utf8(page_data(page, policy)).decode("utf-8")


def page_line_utf8(data: dict[str, Any]) -> bytes:
    """:func:`page_line` of a page's ``page_data``, in UTF-8: what a worker sends (a line is
    ~90 KB of mostly non-ASCII text on news pages; as bytes it is neither decoded nor pickled
    as text, and the writing process copies it without encoding it)."""
    return dumps_line_utf8({"kind": "page", **data}) + b"\n"


def tail(report: Report, policy: Policy | None = None) -> Iterator[str]:
    for error in report.errors:
        yield _line({"kind": "error", "source": error.source, "message": error.message})
    yield _line({"kind": "summary",
                 **({"seconds": round(report.seconds, 6)} if with_timestamps() else {}),
                 "baseline": report.baseline, "fixed": list(report.fixed),
                 **summary(report, policy)})


def render(report: Report, policy: Policy | None = None) -> str:
    policy = policy or report.policy
    return (head(report, policy) + "".join(page_line(p, policy) for p in report.pages)
            + "".join(tail(report, policy)))


class Stream:
    """Writes the report to ``handle`` as pages arrive; :meth:`close` adds errors and summary."""

    def __init__(self, handle: IO[str], report: Report) -> None:
        self.handle = handle
        self.policy = report.policy
        handle.write(head(report, self.policy))
        handle.flush()

    def add(self, page: PageReport) -> None:
        self.handle.write(page_line(page, self.policy))

    def add_line(self, line: bytes) -> None:
        """A page's line as :func:`page_line_utf8` gave it under this run's policy (in a
        worker): copied as bytes when the handle has a binary buffer under it."""
        buffer = getattr(self.handle, "buffer", None)
        if buffer is None:
            self.handle.write(line.decode("utf-8"))
            return
        self.handle.flush()     # text written before it goes first
        buffer.write(line)

    def close(self, report: Report) -> None:
        self.handle.writelines(tail(report, self.policy))
