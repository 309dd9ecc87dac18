"""JSON report: machine-readable, versioned (``schema_version``), validated by
``a11y_audit/schemas/report.schema.json`` (JSON Schema 2020-12)."""

from __future__ import annotations

from dataclasses import replace
from typing import IO

from a11y_audit.finding import Report
from a11y_audit.policy import Policy
from a11y_audit.writers.json_stream import dumps, write_with_list
from a11y_audit.writers.report_data import page_data, report_data, summary

NAME = "json"
SUFFIX = ".json"


def render(report: Report, policy: Policy | None = None) -> str:
    return dumps(report_data(report, policy)) + "\n"


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    """The same text as :func:`render`, written page by page: the pages are read from
    ``report.pages`` one at a time (a :class:`~a11y_audit.spool.PageSpool` keeps them on
    disk), so the report never exists whole in memory."""
    policy = policy or report.policy
    data = report_data(replace(report, pages=[]), policy)
    data["summary"] = summary(report, policy)
    write_with_list(handle, data, "pages", "  ",
                    (page_data(page, policy) for page in report.pages))
