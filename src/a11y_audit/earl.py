"""EARL (Evaluation and Report Language) in JSON-LD, the format of W3C's ACT implementation
reports: one ``Assertion`` per (rule, subject) with an ``earl:`` outcome.

The context is inline (no network needed to read it) and uses the same terms as the ACT Rules
Community Group's ``earl-context.json``: ``source`` and ``title`` are Dublin Core terms, and the
W3C tooling maps each assertion to an ACT rule through its subject's test-case URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from a11y_audit import __version__
from a11y_audit.outcome import Outcome
from a11y_audit.writers.report_data import with_timestamps

TOOL_URI = "https://pypi.org/project/a11y-audit/"

CONTEXT: dict[str, Any] = {
    "@vocab": "http://www.w3.org/ns/earl#",
    "earl": "http://www.w3.org/ns/earl#",
    "WCAG2": "https://www.w3.org/TR/WCAG22/#",
    "dct": "http://purl.org/dc/terms/",
    "sch": "https://schema.org/",
    "doap": "http://usefulinc.com/ns/doap#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "ptr": "http://www.w3.org/2009/pointers#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "WebPage": "sch:WebPage",
    "source": "dct:source",
    "title": "dct:title",
    "description": "dct:description",
    "date": {"@id": "dct:date", "@type": "xsd:dateTime"},
    "isPartOf": {"@id": "dct:isPartOf", "@type": "@id"},
    "assertedBy": {"@type": "@id"},
    "outcome": {"@type": "@id"},
    "mode": {"@type": "@id"},
    "assertions": {"@reverse": "earl:subject"},
    "pointer": {"@id": "earl:pointer"},
    "expression": "ptr:expression",
    "name": "doap:name",
    "release": "doap:release",
    "revision": "doap:revision",
}

_OUTCOMES = {
    Outcome.PASSED: "earl:passed",
    Outcome.FAILED: "earl:failed",
    Outcome.CANT_TELL: "earl:cantTell",
    Outcome.INAPPLICABLE: "earl:inapplicable",
}


def assertor() -> dict[str, Any]:
    return {
        "@id": TOOL_URI,
        "@type": ["earl:Assertor", "earl:Software", "doap:Project"],
        "name": "a11y-audit",
        "description": "Static accessibility auditor for news article pages",
        "release": {"revision": __version__},
    }


def assertion(rule_id: str, outcome: Outcome, *, wcag: Iterable[str] = (),
              selectors: Iterable[str] = (), description: str = "") -> dict[str, Any]:
    result: dict[str, Any] = {"@type": "TestResult", "outcome": _OUTCOMES[outcome]}
    pointers = [{"@type": "ptr:CSSSelectorPointer", "expression": s} for s in selectors]
    if pointers:
        result["pointer"] = pointers
    if description:
        result["description"] = description
    test: dict[str, Any] = {"@type": "TestCase", "title": rule_id}
    parts = [f"WCAG2:{c}" for c in wcag]
    if parts:
        test["isPartOf"] = parts
    return {"@type": "Assertion", "test": test, "result": result, "mode": "earl:automatic",
            "assertedBy": TOOL_URI}


def subject(source: str, assertions: list[dict[str, Any]], title: str = "") -> dict[str, Any]:
    node: dict[str, Any] = {"@type": ["TestSubject", "WebPage"], "source": source,
                            "assertions": assertions}
    if title:
        node["title"] = title
    return node


def document(subjects: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@graph": [assertor(), *subjects],
        # a date only with --timestamps (conformance runs always stamp theirs)
        **({"date": datetime.now(UTC).replace(microsecond=0).isoformat()}
           if with_timestamps() else {}),
    }
