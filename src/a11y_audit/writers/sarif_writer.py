"""SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.

The gating policy sets each result's ``level``: a failure that gates (at or above
``--fail-on``, not known from the baseline) is an ``error``, a failure below the threshold a
``warning``, a known failure a ``note``; findings to review are ``note`` results with
``kind: review``. Locations point at the source file and line; the
element's XPath is the logical location; ``partialFingerprints`` carry our stable fingerprint so
viewers track a finding across commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from a11y_audit import __version__
from a11y_audit.finding import Report
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.policy import BaselineStatus, Policy
from a11y_audit.sources import is_url
from a11y_audit.writers.json_stream import dumps, write_with_list

NAME = "sarif"
SUFFIX = ".sarif"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/a11y-audit/"
# GitHub code scanning sorts by security-severity; map impact to its 0-10 scale.
_SEVERITY = {Impact.CRITICAL: "9.0", Impact.SERIOUS: "7.0", Impact.MODERATE: "5.0",
             Impact.MINOR: "3.0"}


def relative_path(source: str) -> str:
    """The source relative to the working directory (POSIX), else absolute; URLs as they are."""
    if is_url(source):
        return source
    path = Path(source).resolve()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _uri(source: str) -> str:
    """A SARIF artifact URI: relative to the working directory where possible."""
    relative = relative_path(source)
    return Path(relative).as_uri() if relative.startswith("/") else relative


def _rule(loaded: Any, policy: Policy) -> dict[str, Any]:
    rule = loaded.rule
    text = f"{rule.help}. {rule.description}"
    # the docstring's first line as written: its reST literals (``<a>``) are markdown code
    # spans too, where the plain description's "<a>" would be read as HTML
    summary = next(iter(rule.docs.strip().splitlines()), "").strip() or rule.description
    markdown = f"**{rule.help}.**\n\n{summary}\n\n[More about {rule.id}]({rule.help_url})"
    if rule.wcag:
        markdown += "\n\nWCAG " + ", ".join(rule.wcag)
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": rule.description},
        "help": {"text": text, "markdown": markdown},
        "helpUri": rule.help_url,
        "defaultConfiguration": {"level": _default_level(Impact(rule.impact), policy)},
        "properties": {
            "tags": ["accessibility", *rule.all_tags],
            "precision": "high",
            "problem.severity": _default_level(Impact(rule.impact), policy),
            "security-severity": _SEVERITY[Impact(rule.impact)],
            "impact": str(rule.impact),
            "wcag": list(rule.wcag),
            "act": list(rule.act),
        },
    }


def _default_level(impact: Impact, policy: Policy) -> str:
    """A new failure of a rule with this impact: error where it gates, else warning."""
    gates = policy.fail_on is None or impact.rank >= policy.fail_on.rank
    return "error" if gates else "warning"


def _region(line: int | None, column: int | None, snippet: str) -> dict[str, Any]:
    region: dict[str, Any] = {"snippet": {"text": snippet}}
    if line:
        region["startLine"] = line
        if column:
            region["startColumn"] = column
    return region


def _results(report: Report, policy: Policy, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    for page in report.pages:
        uri = _uri(page.source)
        for f in page.findings:
            if f.outcome is Outcome.PASSED:
                continue
            region = _region(f.line, f.column, f.snippet)
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region},
                    "logicalLocations": [{"fullyQualifiedName": f.xpath, "kind": "element",
                                          "name": f.selector}],
                }],
                "partialFingerprints": {"a11yAudit/v1": f.fingerprint},
                "properties": {"impact": str(f.impact), "selector": f.selector,
                               "outcome": str(f.outcome)},
            }
            if f.related:
                result["relatedLocations"] = [
                    {"id": i, "physicalLocation": {"artifactLocation": {"uri": uri},
                                                   "region": _region(r.line, r.column,
                                                                     r.snippet)},
                     "logicalLocations": [{"fullyQualifiedName": r.xpath, "kind": "element",
                                           "name": r.selector}],
                     "message": {"text": r.selector}}
                    for i, r in enumerate(f.related)]
            if f.rule in index:
                result["ruleIndex"] = index[f.rule]
            result["kind"] = "review" if f.outcome is Outcome.CANT_TELL else "fail"
            result["level"] = str(policy.level(f))
            if f.baseline:
                result["baselineState"] = ("unchanged" if f.baseline == BaselineStatus.KNOWN
                                           else "new")
            yield result


def _document(report: Report, policy: Policy,
              results: bool) -> tuple[dict[str, Any], dict[str, int]]:
    rules = [_rule(r, policy) for r in report.rules]
    index = {r["id"]: i for i, r in enumerate(rules)}
    notifications = [
        {"level": "error", "message": {"text": f"{e.source}: {e.message}"}}
        for e in report.errors
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "a11y-audit", "version": __version__,
                            "semanticVersion": __version__, "informationUri": INFORMATION_URI,
                            "rules": rules}},
        "results": list(_results(report, policy, index)) if results else [],
        "invocations": [{"executionSuccessful": not report.errors,
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, index


def sarif_data(report: Report, policy: Policy | None = None) -> dict[str, Any]:
    return _document(report, policy or report.policy, results=True)[0]


def render(report: Report, policy: Policy | None = None) -> str:
    return dumps(sarif_data(report, policy)) + "\n"


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    """The same text as :func:`render`, the results written as the pages are read (from the
    spool on disk in a batch): the results are never in memory whole."""
    policy = policy or report.policy
    data, index = _document(report, policy, results=False)
    write_with_list(handle, data, "results", " " * 6, _results(report, policy, index))
