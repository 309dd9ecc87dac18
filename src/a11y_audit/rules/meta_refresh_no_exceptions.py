"""A meta refresh does not reload or redirect the page after any delay.

The strict (AAA) form of meta-refresh: even a refresh after a day interrupts whoever still has
the page open, and a screen reader is sent back to the top with its place lost. Only an
immediate redirect (delay 0) passes.

Applies to the first ``meta`` element with ``http-equiv="refresh"`` whose ``content`` makes a
refresh by the HTML "shared declarative refresh steps". Metas inside ``noscript`` or
``template`` are skipped: with scripting on they are not markup.

Differs from axe-core: axe-core's check passes delays up to 20 hours (72,000 seconds,
its ``minDelay`` option), leaving those to its ``meta-refresh`` rule, so only longer delays fail
it. ACT rule bisz58 ("Meta element has no refresh delay (no exception)") fails every delay above
0, as this rule does: a news page reloading every 45 minutes fails both rules here.

Fails::

    <!DOCTYPE html>
    <html lang="en"><head><title>Front page</title>
    <meta http-equiv="refresh" content="72001"></head>
    <body><h1>Front page</h1></body></html>

Passes::

    <!DOCTYPE html>
    <html lang="en"><head><title>Moved</title>
    <meta http-equiv="refresh" content="0; url=https://news.example/"></head>
    <body><p>This page has moved.</p></body></html>

Limits: reloads done by scripts are not seen.
"""

from __future__ import annotations

from a11y_audit.checks.meta import judge_refresh
from a11y_audit.rule import Page, Results, Rule

RULE = Rule(
    id="meta-refresh-no-exceptions",
    impact="minor",
    wcag=("2.2.4", "3.2.5"),
    act=("bisz58",),
    tags=("cat.time-and-media",),
    help="Remove the timed meta refresh; redirect at once (delay 0) or on the server",
    hidden_content="<meta> is never rendered; the browser acts on it anyway",
    template_values=("content",),
)


def check(page: Page) -> Results:
    yield from judge_refresh(RULE, page)
