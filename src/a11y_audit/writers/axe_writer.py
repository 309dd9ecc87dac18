"""axe-core's result JSON, so tools built for axe output can read ours (``-f axe``).

The file holds a JSON array with one ``AxeResults`` object per page, as ``@axe-core/cli``
saves it: ``violations`` (failed), ``incomplete`` (cantTell), ``passes`` and ``inapplicable``
rules, each with ``id``, ``impact``, ``tags``, ``description``, ``help``, ``helpUrl`` and
``nodes`` (``html``, ``target``, ``xpath``, ``impact``, ``any``/``all``/``none`` check
results and a ``failureSummary``). Our finding is reported as one check of the rule's own id;
its related nodes are that check's ``relatedNodes``. Passed nodes are listed only with
``--include-passed`` (the pass still shows as a rule in ``passes``). Unreadable inputs have
no axe equivalent and are left out (they are in every other format and the summary).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

from a11y_audit import __version__
from a11y_audit.finding import Finding, PageReport, Report
from a11y_audit.outcome import Outcome
from a11y_audit.policy import Policy
from a11y_audit.writers.json_stream import dumps, write_items
from a11y_audit.writers.report_data import with_timestamps

NAME = "axe"
SUFFIX = ".axe.json"

_SUMMARY = {Outcome.FAILED: "Fix any of the following:",
            Outcome.CANT_TELL: "Review the following:"}


def _node(f: Finding) -> dict[str, Any]:
    check: dict[str, Any] = {"id": f.rule, "impact": str(f.impact), "message": f.message,
                             "data": None}
    if f.related:
        check["relatedNodes"] = [{"html": r.snippet, "target": [r.selector],
                                  "xpath": [r.xpath]} for r in f.related]
    node: dict[str, Any] = {
        "html": f.snippet,
        "impact": str(f.impact) if f.outcome is not Outcome.PASSED else None,
        "target": [f.selector],
        "xpath": [f.xpath],
        "any": [check] if f.outcome is not Outcome.PASSED else [],
        "all": [],
        "none": [],
    }
    if f.outcome is Outcome.PASSED:
        node["any"] = [{**check, "impact": str(f.impact)}]
    else:
        node["failureSummary"] = f"{_SUMMARY[f.outcome]}\n  {f.message}"
    return node


def _rule(meta: dict[str, Any], outcome: Outcome, nodes: list[dict[str, Any]]) -> dict:
    worst = meta["impact"] if outcome in (Outcome.FAILED, Outcome.CANT_TELL) else None
    return {"id": meta["id"], "impact": worst, "tags": meta["tags"],
            "description": meta["description"], "help": meta["help"],
            "helpUrl": meta["helpUrl"], "nodes": nodes}


def page_results(page: PageReport, rules: dict[str, dict[str, Any]],
                 timestamp: str) -> dict[str, Any]:
    by_rule: dict[str, list[Finding]] = {}
    for f in page.findings:
        by_rule.setdefault(f.rule, []).append(f)
    out: dict[str, list] = {"passes": [], "violations": [], "incomplete": [], "inapplicable": []}
    for rule_id, summary in page.rules.items():
        meta = rules.get(rule_id) or {"id": rule_id, "impact": None, "tags": [],
                                      "description": "", "help": "", "helpUrl": ""}
        found = by_rule.get(rule_id, [])
        if summary.outcome is Outcome.INAPPLICABLE:
            out["inapplicable"].append(_rule(meta, summary.outcome, []))
            continue
        failed = [_node(f) for f in found if f.outcome is Outcome.FAILED]
        review = [_node(f) for f in found if f.outcome is Outcome.CANT_TELL]
        passed = [_node(f) for f in found if f.outcome is Outcome.PASSED]
        if failed:
            out["violations"].append(_rule(meta, Outcome.FAILED, failed))
        if review:
            out["incomplete"].append(_rule(meta, Outcome.CANT_TELL, review))
        if summary.passed:
            out["passes"].append(_rule(meta, Outcome.PASSED, passed))
    return {
        "testEngine": {"name": "a11y-audit", "version": __version__},
        "testRunner": {"name": "a11y-audit"},
        "testEnvironment": {"userAgent": f"a11y-audit/{__version__} (static HTML)",
                            "windowWidth": 0, "windowHeight": 0},
        "timestamp": timestamp,
        "url": page.url or page.source,
        "toolOptions": {},
        **out,
    }


def _pages(report: Report) -> Iterator[dict[str, Any]]:
    rules = {}
    for loaded in report.rules:
        rule = loaded.rule
        rules[rule.id] = {"id": rule.id, "impact": str(rule.impact),
                          "tags": list(rule.all_tags), "description": rule.description,
                          "help": rule.help, "helpUrl": rule.help_url}
    # axe's results require the field; without --timestamps it is empty: reruns are identical
    timestamp = (datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
                 if with_timestamps() else "")
    return (page_results(page, rules, timestamp) for page in report.pages)


def axe_data(report: Report) -> list[dict[str, Any]]:
    return list(_pages(report))


def render(report: Report, policy: Policy | None = None) -> str:
    return dumps(axe_data(report)) + "\n"


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    """The same text as :func:`render`, one page at a time (from the spool in a batch)."""
    write_items(handle, _pages(report), "")
    handle.write("\n")
