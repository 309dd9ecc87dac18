"""The ``datetime`` of a ``<time>`` element is a valid HTML date, time or duration.

Datelines and "Updated" stamps carry a machine-readable ``datetime`` that browsers, reader
views, aggregators and assistive tools can present in the reader's own format and time zone.
A value like ``2019-11-20T7:00`` or ``Nov 20, 2019`` is not a date to any of them. Checked
exactly against HTML's microsyntaxes (knowledge/datetimes.py): year, month, date, yearless date,
week, time, local and global date and time, time-zone offset, and duration.

No axe-core counterpart. A conformance requirement of HTML (4.5.14 "The time element"), not a
WCAG criterion: a best practice.

Fails::

    <p>Updated <time datetime="2019-11-20T7:00">7am</time></p>

    <time datetime="November 20, 2019">20 Nov</time>

Passes::

    <time datetime="2019-11-20T07:00:00.000Z">20 November 2019, 7am GMT</time>

    <time datetime="PT4M33S">4:33</time>

A hidden ``<time>`` is checked too: its value is for machines, shown or not.

Limits: a ``<time>`` without ``datetime`` is not checked (its text is the value, and news pages
write "2 hours ago" there); a valid but wrong date (the wrong day) cannot be seen.
"""

from __future__ import annotations

from a11y_audit.knowledge import datetimes
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="time-datetime-valid",
    impact="minor",
    wcag=(),
    tags=("news", "cat.parsing"),
    axe=False,
    help_url="https://html.spec.whatwg.org/multipage/text-level-semantics.html#the-time-element",
    help="Write datetime as YYYY-MM-DD, YYYY-MM-DDTHH:MM(:SS)(Z|+HH:MM) or a duration like PT4M",
    hidden_content="the datetime value is for machines, whether the text is shown or not",
    template_values=("datetime",),
)


def check(page: Page) -> Results:
    for el in page.tags("time"):
        value = el.get("datetime")
        if value is None:
            continue
        kind = datetimes.kind_of(value)
        if kind is not None:
            yield RULE.ok(el, lambda kind=kind, value=value: f"datetime=\"{value}\" is a {kind}")
        else:
            yield RULE.fail(el, f"datetime=\"{value[:80]}\" is not valid: "
                                f"{datetimes.why_invalid(value)}")
