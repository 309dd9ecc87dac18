"""JUnit XML: a test suite per page, a test case per rule that applied (GitLab, Jenkins, ...).

The gating policy (:mod:`a11y_audit.policy`) decides: a rule with a finding that gates (at or
above ``--fail-on``, not known from the baseline) is a ``failure`` listing those findings; its
other failures (below the threshold, or known) and findings to review are a note in
``system-out`` of a passing case. An inapplicable rule is not a test. Unreadable inputs are
suites with one ``error`` case.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO
from xml.etree import ElementTree as ET

from a11y_audit.finding import InputError, PageReport, Report
from a11y_audit.outcome import Outcome
from a11y_audit.policy import Level, Policy
from a11y_audit.writers.report_data import with_timestamps

NAME = "junit"
SUFFIX = ".junit.xml"


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters from broken pages)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20
                   and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff"))


def _where(f) -> str:
    if not f.line:
        return "?"
    return f"{f.line}:{f.column}" if getattr(f, "column", None) else str(f.line)


def _note(f) -> str:
    if f.outcome is Outcome.CANT_TELL:
        return "review"
    if f.baseline == "known":
        return f"known {f.impact} failure"
    return f"{f.impact} failure below the gate"


def render(report: Report, policy: Policy | None = None) -> str:
    out = io.StringIO()
    write(report, out, policy)
    return out.getvalue()


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    """The report written a page at a time: the totals on ``<testsuites>`` are counted in a
    first pass over the pages (:func:`_counts`; a spool on disk in a batch, read twice), then
    each page's suite is built, written and dropped, so the report is never whole in memory.
    The text is what indenting the whole tree would give (``ET.indent``)."""
    policy = policy or report.policy
    stamps = with_timestamps()    # times only with --timestamps: reruns are byte-identical
    tests = failures = errors = 0
    for page in report.pages:
        counted = _counts(page, policy)
        tests, failures, errors = tests + counted[0], failures + counted[1], errors + counted[2]
    tests += len(report.errors)
    errors += len(report.errors)
    # (the ignores: mypy takes a ** of a dict as possibly filling Element's attrib argument)
    root = ET.Element("testsuites", name="a11y-audit",
                      **({"time": f"{report.seconds:.3f}"}
                         if stamps else {}))  # type: ignore[arg-type]
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    root.set("skipped", "0")
    head = ET.tostring(root, encoding="unicode")        # <testsuites ... />
    handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    first = True
    for suite in _suites(report, policy, stamps):
        handle.write((head[:-3] + ">\n  ") if first else "\n  ")
        first = False
        ET.indent(suite, level=1)
        handle.write(ET.tostring(suite, encoding="unicode"))
    handle.write(head + "\n" if first else "\n</testsuites>\n")


def _suites(report: Report, policy: Policy, stamps: bool) -> Iterator[ET.Element]:
    for page in report.pages:
        yield _suite(page, policy, stamps)
    for error in report.errors:
        yield _error_suite(error)


def _counts(page: PageReport, policy: Policy) -> tuple[int, int, int]:
    """(tests, failures, errors) of the page's suite, as :func:`_suite` makes it."""
    gating = {f.rule for f in page.findings if policy.level(f) is Level.ERROR}
    applicable = [rule_id for rule_id, summary in page.rules.items()
                  if summary.outcome is not Outcome.INAPPLICABLE]
    failed = sum(1 for rule_id in applicable if rule_id in gating)
    return len(applicable) + bool(page.errors), failed, int(bool(page.errors))


def _suite(page: PageReport, policy: Policy, stamps: bool) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(page.source),
                       **({"time": f"{page.seconds:.3f}"}
                          if stamps else {}))  # type: ignore[arg-type]
    s_tests = s_fail = 0
    by_rule: dict[str, list] = {}
    for f in page.findings:
        by_rule.setdefault(f.rule, []).append(f)
    for rule_id, summary in page.rules.items():
        if summary.outcome is Outcome.INAPPLICABLE:
            continue                      # nothing to check: not a test
        s_tests += 1
        case = ET.SubElement(suite, "testcase", name=rule_id,
                             classname=f"a11y-audit.{rule_id}")
        found = by_rule.get(rule_id, [])
        levels = [(policy.level(f), f) for f in found]
        gating = [f for level, f in levels if level is Level.ERROR]
        if gating:
            s_fail += 1
            lines = [f"{page.source}:{_where(f)} {f.selector}\n  {f.message}"
                     for f in gating]
            failure = ET.SubElement(case, "failure", type=str(gating[0].impact),
                                    message=_clean(f"{len(gating)} failure(s): "
                                                   f"{gating[0].help}"))
            failure.text = _clean("\n".join(lines))
        notes = [(level, f) for level, f in levels if level in (Level.WARNING, Level.NOTE)]
        if notes:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n".join(
                f"{_note(f)}: {page.source}:{_where(f)} {f.selector} {f.message}"
                for _, f in notes))
    if page.errors:
        case = ET.SubElement(suite, "testcase", name="rules", classname="a11y-audit")
        err = ET.SubElement(case, "error", message="rule crashed")
        err.text = _clean("\n".join(page.errors))
        s_tests += 1
    suite.set("tests", str(s_tests))
    suite.set("failures", str(s_fail))
    suite.set("errors", "1" if page.errors else "0")
    suite.set("skipped", "0")
    return suite


def _error_suite(error: InputError) -> ET.Element:
    suite = ET.Element("testsuite", name=_clean(error.source), tests="1", failures="0",
                       errors="1", skipped="0", time="0")
    case = ET.SubElement(suite, "testcase", name="read", classname="a11y-audit")
    ET.SubElement(case, "error", message=_clean(error.message))
    return suite
