"""CSV: one row per finding, for a spreadsheet (QA triage, a newsroom's tracker import).

Columns: the page (source and URL), the rule, its outcome, impact and gating level, the WCAG
criteria, the message, where the element is (selector, XPath, line, column, its markup as
written), how to fix it (help text and URL), and the finding's identity across runs (template
path, fingerprint, baseline status). Findings are listed as the other reports list them
(failed and cantTell; passed ones too with ``--include-passed``), in report order, with the
level the gating policy gives each as SARIF and the JSON report do (``error`` gates,
``warning``, ``note``, ``none``); an input
that could not be read, or rules that crashed on a page, is a row whose outcome is ``error``.

RFC 4180 (comma-separated, fields with commas, quotes or line breaks quoted, CRLF line ends),
UTF-8 with a byte order mark, so that Excel reads it as UTF-8 (LibreOffice and pandas's
``encoding="utf-8-sig"`` read it either way). Written a page at a time.

Page text is untrusted. A cell that starts with ``=``, ``+``, ``-``, ``@`` or a tab or carriage
return would be a formula to a spreadsheet (CSV injection: ``=HYPERLINK(...)`` in a page title
or an error message); such a cell starts with ``'`` here, as OWASP advises. Escape sequences
and control and bidi characters are escaped as in the terminal (a CSV is often ``cat``), line
breaks inside a snippet kept.
"""

from __future__ import annotations

import csv
import io
from typing import IO

from a11y_audit.finding import Finding, Report
from a11y_audit.policy import Policy
from a11y_audit.safe_text import terminal_safe

NAME = "csv"
SUFFIX = ".csv"
COLUMNS = ("page", "url", "rule", "outcome", "impact", "level", "wcag", "message", "selector",
           "xpath", "line", "column", "snippet", "help", "help_url", "template_path",
           "fingerprint", "baseline")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A value as a cell a spreadsheet shows as text (see the module's docstring)."""
    if value is None:
        return ""
    text = str(value)
    if not (text.isprintable() and text.isascii()):
        text = "\n".join(terminal_safe(line) for line in text.split("\n"))
    return "'" + text if text.startswith(_FORMULA) else text


def render(report: Report, policy: Policy | None = None) -> str:
    out = io.StringIO()
    write(report, out, policy)
    return out.getvalue()


def write(report: Report, handle: IO[str], policy: Policy | None = None) -> None:
    policy = policy or report.policy
    handle.write("\ufeff")
    rows = csv.writer(handle, lineterminator="\r\n")
    rows.writerow(COLUMNS)
    for page in report.pages:
        source, url = cell(page.source), cell(page.url)
        for f in page.findings:
            rows.writerow(_row(source, url, f, policy))
        for crash in page.errors:
            rows.writerow(_error(source, url, f"a rule crashed: {crash}"))
    for error in report.errors:
        rows.writerow(_error(cell(error.source), "", error.message))


def _row(source: str, url: str, f: Finding, policy: Policy) -> list[str]:
    return [source, url, f.rule, str(f.outcome), str(f.impact), str(policy.level(f)),
            " ".join(f.wcag), cell(f.message),
            cell(f.selector), cell(f.xpath), "" if f.line is None else str(f.line),
            "" if f.column is None else str(f.column), cell(f.snippet), cell(f.help),
            cell(f.help_url), cell(f.path), f.fingerprint,
            "" if f.baseline is None else str(f.baseline)]


def _error(source: str, url: str, message: str) -> list[str]:
    row = [""] * len(COLUMNS)
    row[0], row[1], row[3], row[7] = source, url, "error", cell(message)
    return row
