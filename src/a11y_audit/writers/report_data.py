"""The report as plain data (the JSON schema's shape); the JSON and HTML writers share it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from a11y_audit import __version__
from a11y_audit.finding import Finding, PageReport, Report
from a11y_audit.outcome import Impact
from a11y_audit.policy import Policy
from a11y_audit.tally import tally_of

SCHEMA_VERSION = "1.12"
SCHEMA_ID = "https://a11y-audit.invalid/schemas/report-1.schema.json"


# Reports are byte-identical for the same input unless timestamps are asked for (--timestamps):
# then the JSON and HTML carry the generation time and durations, JUnit its times, EARL a date.
_TIMESTAMPS: ContextVar[bool] = ContextVar("a11y_audit_timestamps", default=False)


def with_timestamps() -> bool:
    return _TIMESTAMPS.get()


@contextmanager
def timestamps(enabled: bool = True) -> Iterator[None]:
    """Render reports with (or without) timestamps and durations inside this block."""
    token = _TIMESTAMPS.set(enabled)
    try:
        yield
    finally:
        _TIMESTAMPS.reset(token)


def finding_data(f: Finding, policy: Policy | None = None) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "outcome": str(f.outcome),
        "impact": str(f.impact),
        "message": f.message,
        "selector": f.selector,
        "xpath": f.xpath,
        "line": f.line,
        "snippet": f.snippet,
        "wcag": list(f.wcag),
        "help": f.help,
        "help_url": f.help_url,
        "path": f.path,
        "fingerprint": f.fingerprint,
        "baseline": None if f.baseline is None else str(f.baseline),
        "level": str((policy or Policy()).level(f)),
        "column": f.column,
        "related": [{"selector": r.selector, "xpath": r.xpath, "line": r.line,
                     "column": r.column, "snippet": r.snippet} for r in f.related],
    }


def page_data(page: PageReport, policy: Policy | None = None, *,
              rules: bool = True) -> dict[str, Any]:
    """A page's data; ``rules=False`` leaves out its per-rule counts (a list of every rule
    run), which the HTML report does not show."""
    return {
        "source": page.source,
        "url": page.url,
        "title": page.title,
        **({"seconds": round(page.seconds, 6)} if with_timestamps() else {}),
        **({"rules": [
            {"rule": s.rule, "id": s.rule, "outcome": str(s.outcome), "passed": s.passed,
             "failed": s.failed, "cantTell": s.cant_tell}
            for s in page.rules.values()
        ]} if rules else {}),
        "findings": [finding_data(f, policy) for f in page.findings],
        "errors": list(page.errors),
        "suppressed": page.suppressed,
        # (only where set: the report of a plain page is what it was before 1.4)
        **({"template": page.template} if page.template else {}),
        **({"fragment": True} if page.fragment else {}),
    }


# The families of stories written in Markdown (a11y_audit.markdown), as people name them
_STORIES = {"markdown": "Markdown", "mdx": "MDX"}


def reading_note(template: str | None, fragment: bool) -> str:
    """How a local file was read, for people (:mod:`a11y_audit.templates`): "" for a page."""
    if template in _STORIES:
        return (f"read as a {_STORIES[template]} story, the HTML it renders: page-level rules "
                "not run; what its template syntax or the layout including it decide is to "
                "review")
    if template and fragment:
        return (f"read as a partial in {template} template syntax: page-level rules not run; "
                "what its expressions or the layout including it decide is to review")
    if template:
        return f"read as a {template} template: what its expressions decide is to review"
    if fragment:
        return ("read as a partial: page-level rules not run; what the layout including it "
                "decides is to review")
    return ""


def reading_label(template: str | None, fragment: bool) -> str:
    """:func:`reading_note` in a few words, for a table of pages."""
    if template in _STORIES:
        return f"{_STORIES[template]} story"
    kind = f"{template} template" if template else ""
    return ", ".join(part for part in ("partial" if fragment else "", kind) if part)


def rule_data(loaded: Any) -> dict[str, Any]:
    rule = loaded.rule
    return {
        "id": rule.id,
        "description": rule.description,
        "impact": str(rule.impact),
        "wcag": list(rule.wcag),
        "act": list(rule.act),
        "tags": list(rule.all_tags),
        "help": rule.help,
        "help_url": rule.help_url,
    }


def summary(report: Report, policy: Policy | None = None) -> dict[str, Any]:
    policy = policy or report.policy
    tally = tally_of(report, policy)
    return {
        "pages": tally.pages,
        "pages_failed": tally.pages_failed,
        "failed": tally.failed,
        "cant_tell": tally.cant_tell,
        "by_impact": {str(i): tally.by_impact[i] for i in reversed(Impact)},
        "by_rule": dict(sorted(tally.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
        "pages_passed": tally.pages_passed,
        "gating": tally.gating,
        "suppressed": tally.suppressed,
        "errors": policy.error_count(report),
        "exit_code": policy.exit_code(report),
        "exit_reason": policy.exit_reason(report),
    }


def report_data(report: Report, policy: Policy | None = None) -> dict[str, Any]:
    policy = policy or report.policy
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "a11y-audit", "version": __version__},
        **({"generated_at": datetime.now(UTC).replace(microsecond=0).isoformat()}
           if with_timestamps() else {}),
        "fail_on": str(report.fail_on) if report.fail_on else None,
        **({"seconds": round(report.seconds, 6)} if with_timestamps() else {}),
        **({"sample": {"found": report.sample.found, "audited": report.sample.audited,
                       "seed": report.sample.seed}} if report.sample is not None else {}),
        "summary": summary(report, policy),
        "rules": [rule_data(r) for r in report.rules],
        "pages": [page_data(p, policy) for p in report.pages],
        "errors": [{"source": e.source, "message": e.message} for e in report.errors],
        "baseline": report.baseline,
        "fixed": list(report.fixed),
    }
