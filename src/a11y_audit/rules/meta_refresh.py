"""A meta refresh does not reload or redirect the page after a delay shorter than 20 hours.

``<meta http-equiv="refresh" content="300">`` reloads a live blog or homepage every few
minutes. The reload moves a screen reader back to the top of the page, loses the reader's place
and the text they were typing, and gives no way to stop or extend the timer. An immediate
redirect (delay 0) is no such interruption, and a delay of more than 20 hours is allowed by
WCAG 2.2.1.

Applies to the first ``meta`` element with ``http-equiv="refresh"`` whose ``content`` makes a
refresh by the HTML "shared declarative refresh steps" (``"0: url"`` or ``"+5"`` make none).
Metas inside ``noscript`` or ``template`` are skipped: with scripting on they are not markup.

Matches axe-core.

Fails::

    <!DOCTYPE html>
    <html lang="en"><head><title>Live: election results</title>
    <meta http-equiv="refresh" content="300"></head>
    <body><h1>Live: election results</h1></body></html>

Passes::

    <!DOCTYPE html>
    <html lang="en"><head><title>Moved</title>
    <meta http-equiv="refresh" content="0; url=https://news.example/live"></head>
    <body><p>This page has moved.</p></body></html>

Limits: reloads done by scripts (setTimeout, location.reload) are not seen; a page that lets
the user turn the refresh off still fails here.
"""

from __future__ import annotations

from a11y_audit.checks.meta import judge_refresh
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="meta-refresh",
    impact="critical",
    wcag=("2.2.1",),
    act=("bc659a",),
    tags=("cat.time-and-media",),
    help="Remove the timed meta refresh; update content with a script the reader can pause",
    hidden_content="<meta> is never rendered; the browser acts on it anyway",
    template_values=("content",),
)

TWENTY_HOURS = 72000


def check(page: Page) -> Results:
    yield from judge_refresh(RULE, page, allowed_over=TWENTY_HOURS)
