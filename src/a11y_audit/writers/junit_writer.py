"""JUnit XML: a test suite per page, a test case per rule that ran (GitLab, Jenkins, ...).

A rule that failed on the page is a failing test case listing its failures; a rule with only
findings to review passes with them in ``system-out``; an inapplicable rule is ``skipped``.
Unreadable inputs are suites with one ``error`` case.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from a11y_audit.finding import Report
from a11y_audit.outcome import Outcome

NAME = "junit"
SUFFIX = ".junit.xml"


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters from broken pages)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20
                   and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff"))


def render(report: Report) -> str:
    root = ET.Element("testsuites", name="a11y-audit", time=f"{report.seconds:.3f}")
    total = failures = errors = skipped = 0
    for page in report.pages:
        suite = ET.SubElement(root, "testsuite", name=_clean(page.source),
                              time=f"{page.seconds:.3f}")
        s_tests = s_fail = s_skip = 0
        by_rule: dict[str, list] = {}
        for f in page.findings:
            by_rule.setdefault(f.rule, []).append(f)
        for rule_id, summary in page.rules.items():
            s_tests += 1
            case = ET.SubElement(suite, "testcase", name=rule_id,
                                 classname=f"a11y-audit.{rule_id}")
            found = by_rule.get(rule_id, [])
            failed = [f for f in found if f.outcome is Outcome.FAILED
                      and f.baseline != "known"]
            if failed:
                s_fail += 1
                lines = [f"{page.source}:{f.line or '?'} {f.selector}\n  {f.message}"
                         for f in failed]
                failure = ET.SubElement(case, "failure", type=str(failed[0].impact),
                                        message=_clean(f"{len(failed)} failure(s): "
                                                       f"{failed[0].help}"))
                failure.text = _clean("\n".join(lines))
            elif summary.outcome is Outcome.INAPPLICABLE:
                s_skip += 1
                ET.SubElement(case, "skipped", message="inapplicable: nothing to check")
            review = [f for f in found if f.outcome is Outcome.CANT_TELL]
            if review:
                out = ET.SubElement(case, "system-out")
                out.text = _clean("\n".join(f"review: {page.source}:{f.line or '?'} "
                                            f"{f.selector} {f.message}" for f in review))
        if page.errors:
            case = ET.SubElement(suite, "testcase", name="rules", classname="a11y-audit")
            err = ET.SubElement(case, "error", message="rule crashed")
            err.text = _clean("\n".join(page.errors))
            s_tests += 1
            errors += 1
        suite.set("tests", str(s_tests))
        suite.set("failures", str(s_fail))
        suite.set("errors", "1" if page.errors else "0")
        suite.set("skipped", str(s_skip))
        total += s_tests
        failures += s_fail
        skipped += s_skip
    for error in report.errors:
        suite = ET.SubElement(root, "testsuite", name=_clean(error.source), tests="1",
                              failures="0", errors="1", skipped="0", time="0")
        case = ET.SubElement(suite, "testcase", name="read", classname="a11y-audit")
        ET.SubElement(case, "error", message=_clean(error.message))
        total += 1
        errors += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    root.set("skipped", str(skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
