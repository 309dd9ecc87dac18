"""HTML report: one self-contained, autoescaped page QA can open offline."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from a11y_audit.commons import wcag
from a11y_audit.finding import Report
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.writers.report_data import report_data

NAME = "html"
SUFFIX = ".html"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("a11y_audit", "writers/templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["wcag_title"] = lambda c: wcag.CRITERIA.get(c, ("", "", ""))[0]
    env.globals["wcag_url"] = lambda c: wcag.url(c) if c in wcag.CRITERIA else ""
    env.globals["wcag_level"] = lambda c: wcag.CRITERIA.get(c, ("", "", ""))[1]
    return env


def render(report: Report) -> str:
    data = report_data(report)
    rules = {r["id"]: r for r in data["rules"]}
    impact_rank = {str(i): i.rank for i in Impact}
    groups: dict[str, list[dict]] = defaultdict(list)
    for page in data["pages"]:
        for finding in page["findings"]:
            if finding["outcome"] != str(Outcome.PASSED):
                groups[finding["rule"]].append({**finding, "source": page["source"]})
    ordered = sorted(
        groups.items(),
        key=lambda kv: (-max(impact_rank[f["impact"]] for f in kv[1]),
                        -sum(f["outcome"] == "failed" for f in kv[1]), kv[0]),
    )
    return environment().get_template("report.html.j2").render(
        data=data, groups=ordered, rules=rules,
    )
