"""Run rules over pages: the one place where results become located findings."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from a11y_audit.commons import dom
from a11y_audit.finding import Finding, PageReport, RuleSummary
from a11y_audit.fingerprint import fingerprint, template_path
from a11y_audit.outcome import Outcome
from a11y_audit.page import Page
from a11y_audit.registry import LoadedRule, all_rules


def audit_page(
    page: Page,
    rules: Sequence[LoadedRule] | None = None,
    *,
    options: dict[str, dict[str, Any]] | None = None,
    include_passed: bool = False,
) -> PageReport:
    """Run each rule once over ``page``. A crashing rule is recorded, never raised."""
    started = time.perf_counter()
    rules = all_rules() if rules is None else rules
    report = PageReport(source=page.source, title=page.title, url=page.url)
    for loaded in rules:
        summary = RuleSummary(loaded.id)
        report.rules[loaded.id] = summary
        try:
            results = list(loaded.run(page, (options or {}).get(loaded.id)))
        except Exception as exc:  # a rule bug must not stop the batch
            report.errors.append(f"rule {loaded.id} crashed: {type(exc).__name__}: {exc}")
            summary.outcome = Outcome.CANT_TELL
            continue
        for result in results:
            summary.add(result.outcome)
            if include_passed or result.outcome is not Outcome.PASSED:
                report.findings.append(locate(page, loaded, result.outcome, result.element,
                                              result.message))
    report.seconds = time.perf_counter() - started
    return report


def locate(page: Page, loaded: LoadedRule, outcome: Outcome, element: Any,
           message: str) -> Finding:
    rule = loaded.rule
    path = template_path(element)
    return Finding(
        rule=rule.id,
        outcome=outcome,
        impact=rule.impact,  # type: ignore[arg-type]
        message=message or rule.help,
        selector=page.css_path(element),
        xpath=page.xpath(element),
        line=element.sourceline,
        snippet=dom.snippet(element),
        wcag=rule.wcag,
        help=rule.help,
        help_url=rule.help_url,
        path=path,
        fingerprint=fingerprint(rule.id, element, path),
    )


def audit_html(
    markup: str | bytes,
    source: str = "<string>",
    rules: Iterable[LoadedRule] | None = None,
    **kwargs: Any,
) -> PageReport:
    """Audit one HTML document given as text: the library entry point."""
    return audit_page(Page.from_html(markup, source), None if rules is None else tuple(rules),
                      **kwargs)
