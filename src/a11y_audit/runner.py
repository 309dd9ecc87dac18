"""Audit a batch of sources: read, parse, run the rules, collect errors. No I/O beyond reading."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from a11y_audit import sources
from a11y_audit.engine import audit_page
from a11y_audit.finding import InputError, PageReport, Report
from a11y_audit.outcome import Impact
from a11y_audit.page import Page
from a11y_audit.registry import LoadedRule, all_rules


def audit_sources(
    names: Sequence[str],
    rules: Sequence[LoadedRule] | None = None,
    *,
    fail_on: Impact | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    include_passed: bool = False,
    ignores: Sequence[Any] = (),
    max_bytes: int = sources.MAX_BYTES,
    on_page: Callable[[PageReport], None] | None = None,
) -> Report:
    """Audit every page named (files, folders, URLs); unreadable ones become report errors."""
    started = time.perf_counter()
    rules = tuple(all_rules() if rules is None else rules)
    report = Report(rules=list(rules), fail_on=fail_on)
    for item in sources.expand(names):
        if isinstance(item, sources.SourceError):
            report.errors.append(InputError(item.source, item.reason))
            continue
        try:
            document = sources.read(item, max_bytes)
            page = Page.from_html(document.text, source=item, url=document.url)
        except sources.SourceError as exc:
            report.errors.append(InputError(exc.source, exc.reason))
            continue
        except (ValueError, RecursionError, MemoryError) as exc:
            report.errors.append(InputError(item, f"cannot parse: {exc}"))
            continue
        try:
            page_report = audit_page(page, rules, options=options,
                                     include_passed=include_passed, ignores=ignores)
        except Exception as exc:  # a bug, but one page must not stop the batch
            report.errors.append(InputError(item, f"internal error while auditing: "
                                                  f"{type(exc).__name__}: {exc}"))
            continue
        report.pages.append(page_report)
        if on_page is not None:
            on_page(page_report)
    report.seconds = time.perf_counter() - started
    return report
