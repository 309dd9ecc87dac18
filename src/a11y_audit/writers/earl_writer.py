"""EARL JSON-LD (the W3C ACT implementation-report format) for any audited page.

One subject per page (its URL, else its file URI); one assertion per rule that ran, with the
page-level outcome and a CSS-selector pointer to each failed or cantTell element.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any

from a11y_audit import earl
from a11y_audit.finding import Report
from a11y_audit.outcome import Outcome
from a11y_audit.sources import is_url
from a11y_audit.writers.json_stream import write_with_list

NAME = "earl"
SUFFIX = ".earl.jsonld"


def _source(page_source: str, url: str | None) -> str:
    if url:
        return url
    return page_source if is_url(page_source) else Path(page_source).resolve().as_uri()


def render(report: Report) -> str:
    buffer = io.StringIO()
    write(report, buffer)
    return buffer.getvalue()


def write(report: Report, handle: IO[str]) -> None:
    """The document, its graph written a page at a time (the graph of a long run is never in
    memory whole)."""
    document = earl.document([])
    graph = document["@graph"]
    document["@graph"] = []
    write_with_list(handle, document, "@graph", "  ",
                    chain(graph, _subjects(report)))


def _subjects(report: Report) -> Iterator[dict[str, Any]]:
    wcag = {loaded.id: loaded.rule.wcag for loaded in report.rules}
    for page in report.pages:
        located: dict[str, list[str]] = {}
        for f in page.findings:
            if f.outcome is not Outcome.PASSED:
                located.setdefault(f.rule, []).append(f.selector)
        assertions = [
            earl.assertion(rule_id, summary.outcome, wcag=wcag.get(rule_id, ()),
                           selectors=located.get(rule_id, ()))
            for rule_id, summary in page.rules.items()
        ]
        yield earl.subject(_source(page.source, page.url), assertions, page.title)
