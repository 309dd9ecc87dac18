"""JSON report: machine-readable, versioned (``schema_version``), validated by
``a11y_audit/schemas/report.schema.json`` (JSON Schema 2020-12)."""

from __future__ import annotations

import json
import textwrap
from dataclasses import replace
from typing import IO

from a11y_audit.finding import Report
from a11y_audit.policy import Policy
from a11y_audit.writers.report_data import page_data, report_data, summary

NAME = "json"
SUFFIX = ".json"


def render(report: Report, policy: Policy | None = None) -> str:
    return json.dumps(report_data(report, policy), indent=2, ensure_ascii=False) + "\n"


_PAGES = '\n  "pages": []'


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    """The same text as :func:`render`, written page by page: the pages are read from
    ``report.pages`` one at a time (a :class:`~a11y_audit.spool.PageSpool` keeps them on
    disk), so the report never exists whole in memory."""
    policy = policy or report.policy
    data = report_data(replace(report, pages=[]), policy)
    data["summary"] = summary(report, policy)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    before, marker, after = text.partition(_PAGES)
    assert marker, "the report data has no top-level pages list"
    handle.write(before)
    if not report.pages:
        handle.write(marker)
    else:
        handle.write('\n  "pages": [\n')
        for index, page in enumerate(report.pages):
            if index:
                handle.write(",\n")
            handle.write(textwrap.indent(
                json.dumps(page_data(page, policy), indent=2, ensure_ascii=False), "    "))
        handle.write("\n  ]")
    handle.write(after + "\n")
