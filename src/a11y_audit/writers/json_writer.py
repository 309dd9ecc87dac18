"""JSON report: machine-readable, versioned (``schema_version``), validated by
``a11y_audit/schemas/report.schema.json`` (JSON Schema 2020-12)."""

from __future__ import annotations

import json

from a11y_audit.finding import Report
from a11y_audit.policy import Policy
from a11y_audit.writers.report_data import report_data

NAME = "json"
SUFFIX = ".json"


def render(report: Report, policy: Policy | None = None) -> str:
    return json.dumps(report_data(report, policy), indent=2, ensure_ascii=False) + "\n"
