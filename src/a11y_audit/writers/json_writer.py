"""JSON report: machine-readable, versioned (``schema_version``), validated by
``a11y_audit/schemas/report.schema.json`` (JSON Schema 2020-12)."""

from __future__ import annotations

from dataclasses import replace
from typing import IO, Any

from a11y_audit.finding import Report
from a11y_audit.policy import Policy
from a11y_audit.writers.json_stream import dumps, item_utf8, write_copied, write_with_list
from a11y_audit.writers.report_data import page_data, report_data, summary, with_timestamps

NAME = "json"
SUFFIX = ".json"


def render(report: Report, policy: Policy | None = None) -> str:
    return dumps(report_data(report, policy)) + "\n"


PAD = "  "     # the indentation of the pages' list


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    """The same text as :func:`render`, written page by page: the pages are read from
    ``report.pages`` one at a time (a :class:`~a11y_audit.spool.PageSpool` keeps them on
    disk), so the report never exists whole in memory. A spool whose pages' items the
    workers rendered (under this policy and timestamp choice) is copied instead."""
    policy = policy or report.policy
    data = report_data(replace(report, pages=[]), policy)
    data["summary"] = summary(report, policy)
    rendered = getattr(report.pages, "json_items", None)
    if (rendered is not None and hasattr(handle, "buffer")
            and rendered.fits(len(report.pages), policy, with_timestamps())):
        write_copied(handle, data, "pages", PAD, rendered)
        return
    write_with_list(handle, data, "pages", PAD,
                    (page_data(page, policy) for page in report.pages))


def page_item_utf8(data: dict[str, Any]) -> bytes:
    """A page's item of the report's pages, from its ``page_data``, in UTF-8 (made by the
    page's worker: :class:`a11y_audit.runner.Digest`)."""
    return item_utf8(data, PAD)
