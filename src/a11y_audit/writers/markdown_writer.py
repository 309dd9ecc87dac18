"""Markdown: a run's summary for a person reading a CI job, a pull request or a chat message.

What a reviewer needs before opening the HTML report: whether the run gates and why, the
figures, the rules that failed (with how to fix them), the template problems (one fix in a
template clears a failure from every page), the worst pages and the inputs that could not be
read. It is bounded whatever the run's size (a table lists its first rows and counts the rest),
so it fits GitHub's job summary (1 MiB a step) and a pull-request comment (65,536 characters):
under ``-f github`` in GitHub Actions, ``check`` appends it to the job summary too
(``$GITHUB_STEP_SUMMARY``).

Page sources, error messages and template paths come from pages and servers: every such text
is written on one line, its control and bidi characters escaped, and every ASCII punctuation
character backslash-escaped, so that no page can write a link, an image, an HTML tag or a
table cell into the summary.
"""

from __future__ import annotations

import heapq
import io
import re
from collections import Counter
from collections.abc import Callable
from typing import IO

from a11y_audit import __version__
from a11y_audit.finding import Report
from a11y_audit.outcome import Impact, Outcome
from a11y_audit.policy import BaselineStatus, Policy
from a11y_audit.safe_text import one_line
from a11y_audit.tally import tally_of
from a11y_audit.writers import grouping
from a11y_audit.writers.report_data import page_data
from a11y_audit.writers.sarif_writer import relative_path

_Write = Callable[[str], object]
_Worst = tuple[int, int, str, Counter[Impact], int]

NAME = "markdown"
SUFFIX = ".md"
RULES_SHOWN = 25
TEMPLATES_SHOWN = 10
PAGES_SHOWN = 10
ERRORS_SHOWN = 10
_TEXT_LIMIT = 300          # characters of one untrusted text (a URL, an error message)

_VERDICT = {0: "✅ Accessibility audit passed", 1: "❌ Accessibility audit failed",
            2: "⚠️ Accessibility audit: inputs could not be audited",
            3: "⚠️ Accessibility audit: an internal error (please report it)"}
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# A rule's help URL written as a link's destination as it is (a plug-in's rule may give any)
_LINKABLE = re.compile(r"https://[^\s()<>|\\]+\Z")


def text(value: object, limit: int = _TEXT_LIMIT) -> str:
    """Untrusted text as Markdown that shows it as it is: on one line, cut to ``limit``, every
    ASCII punctuation character escaped (CommonMark lets any be; GitHub's tables need ``|``
    escaped even in code)."""
    line = one_line(str(value))
    if len(line) > limit:
        line = line[:limit - 1] + "…"
    return _PUNCTUATION.sub(r"\\\1", line)


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def render(report: Report, policy: Policy | None = None) -> str:
    out = io.StringIO()
    write(report, out, policy)
    return out.getvalue()


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    """The summary, from the run's tally and one pass over its pages (template groups and
    the worst pages; a spooled run's pages stream from disk through it)."""
    policy = policy or report.policy
    tally = tally_of(report, policy)
    grouper = grouping.Grouper(keep=1)
    # the worst pages so far: (weighted failures, -index, source, failures by impact, gating)
    worst: list[_Worst] = []
    for index, page in enumerate(report.pages):
        data = page_data(page, policy, rules=False)
        grouper.add(index, data)
        score = grouping.weighted_failures(data["findings"])
        if score:
            by_impact = Counter(f.impact for f in page.findings if f.outcome is Outcome.FAILED)
            entry = (score, -index, page.source, by_impact, sum(map(policy.gates, page.findings)))
            if len(worst) < PAGES_SHOWN:
                heapq.heappush(worst, entry)
            else:
                heapq.heappushpop(worst, entry)
    groups = [g for g in grouper.finish().template if g.outcome == "failed"]
    code = policy.exit_code(report)
    w = handle.write
    w(f"## {_VERDICT.get(code, _VERDICT[1])}\n\n{text(policy.exit_reason(report))}\n\n")
    impacts = ", ".join(f"{tally.by_impact[i]:,} {i}" for i in reversed(Impact)
                        if tally.by_impact[i])
    w("| pages audited | pages passing | failures | to review | errors |\n")
    w("|---:|---:|---|---:|---:|\n")
    w(f"| {tally.pages:,} | {tally.pages_passed:,} | {tally.failed:,}"
      f"{f' ({impacts})' if impacts else ''} | {tally.cant_tell:,} | "
      f"{policy.error_count(report):,} |\n\n")
    extra = []
    if report.sample is not None:
        extra.append(f"A sample of {report.sample.found:,} pages found (seed "
                     f"{text(report.sample.seed)}).")
    if report.baseline is not None:
        extra.append(f"Baseline: {tally.baseline[BaselineStatus.NEW]:,} new, "
                     f"{tally.baseline[BaselineStatus.KNOWN]:,} known, "
                     f"{len(report.fixed):,} fixed.")
    if tally.suppressed:
        extra.append(f"{_n(tally.suppressed, 'result')} suppressed by configuration or "
                     "`data-a11y-ignore`.")
    if extra:
        w(" ".join(extra) + "\n\n")
    _rules(report, tally.by_rule, w)
    _templates(groups, report, w)
    _pages(sorted(worst, reverse=True), tally.pages_failed, w)
    _errors(report, tally.errors, w)
    w(f"<sub>a11y-audit {text(__version__)}: the HTML and SARIF reports list every finding, "
      "with its place in the page.</sub>\n")


def _rules(report: Report, by_rule: dict[str, int], w: _Write) -> None:
    if not by_rule:
        return
    meta = {loaded.id: loaded.rule for loaded in report.rules}
    rank = {str(impact): impact.rank for impact in Impact}

    def order(item: tuple[str, int]) -> tuple[int, int, str]:
        rule = meta.get(item[0])
        return (-rank.get(str(rule.impact), 0) if rule else 0, -item[1], item[0])

    ranked = sorted(by_rule.items(), key=order)
    w("### Failures by rule\n\n| rule | impact | WCAG | failures | how to fix |\n"
      "|---|---|---|---:|---|\n")
    for rule_id, count in ranked[:RULES_SHOWN]:
        rule = meta.get(rule_id)
        if rule is None:
            w(f"| {text(rule_id)} |  |  | {count:,} |  |\n")
            continue
        name = (f"[{text(rule_id)}]({rule.help_url})" if _LINKABLE.match(rule.help_url)
                else text(rule_id))
        wcag = ", ".join(rule.wcag) or "best practice"
        w(f"| {name} | {rule.impact} | {text(wcag)} | {count:,} | {text(rule.help)} |\n")
    _more(len(ranked) - RULES_SHOWN, ("rule", "rules"), w)


def _templates(groups: list[grouping.TemplateGroup], report: Report, w: _Write) -> None:
    if not groups:
        return
    w(f"### Template problems ({len(groups):,}): one fix in the template clears them on "
      "every page\n\n| rule | impact | pages | where (template path) | first page |\n"
      "|---|---|---:|---|---|\n")
    shown = groups[:TEMPLATES_SHOWN]
    sources = _sources(report, {group.pages[0] for group in shown if group.pages})
    for group in shown:
        first = sources.get(group.pages[0]) if group.pages else None
        page = text(relative_path(first)) if first is not None else ""
        w(f"| {text(group.rule)} | {group.impact} | {group.page_count:,} | "
          f"{text(group.path, 160)} | {page} |\n")
    _more(len(groups) - TEMPLATES_SHOWN, ("template problem", "template problems"), w)


def _sources(report: Report, indexes: set[int]) -> dict[int, str]:
    """The sources of the pages at ``indexes``: read again up to the last of them (a
    group's first page is early in a run, where its site's pages start), since a run's
    sources are not kept (a million-page run's would not fit)."""
    found: dict[int, str] = {}
    if indexes:
        last = max(indexes)
        for index, page in enumerate(report.pages):
            if index in indexes:
                found[index] = page.source
            if index >= last:
                break
    return found


def _pages(worst: list[_Worst], failing: int, w: _Write) -> None:
    if not worst:
        return
    impacts = list(reversed(Impact))
    w("### Pages with the worst failures\n\nRanked by impact (a critical failure weighs "
      f"{grouping.WEIGHTS['critical']}, a serious one {grouping.WEIGHTS['serious']}, a "
      f"moderate one {grouping.WEIGHTS['moderate']}, a minor one {grouping.WEIGHTS['minor']})."
      f"\n\n| page | {' | '.join(map(str, impacts))} | gating |\n"
      f"|---|{'---:|' * len(impacts)}---:|\n")
    for _, _, source, by_impact, gating in worst:
        counts = " | ".join(f"{by_impact[impact]:,}" for impact in impacts)
        w(f"| {text(relative_path(source))} | {counts} | {gating:,} |\n")
    _more(failing - len(worst), ("page with failures", "pages with failures"), w)


def _errors(report: Report, page_errors: list[tuple[str, str]], w: _Write) -> None:
    errors = [(e.source, e.message) for e in report.errors] + page_errors
    if not errors:
        return
    w("### Inputs that could not be audited, and errors on pages\n\n")
    for source, message in errors[:ERRORS_SHOWN]:
        w(f"- {text(source)}: {text(message)}\n")
    _more(len(errors) - ERRORS_SHOWN, ("error", "errors"), w)


def _more(count: int, what: tuple[str, str], w: _Write) -> None:
    """Ends a table or a list (a blank line: a line right after a table is one of its rows),
    with the count of what it left out."""
    w("\n")
    if count > 0:
        w(f"… and {count:,} more {what[count != 1]} (see the HTML report).\n\n")
