"""Frames (``iframe``) have an accessible name.

News pages embed videos, tweets, maps, polls, podcasts and ads in iframes. Screen readers
announce a frame by its name when users tab into it or list the page's frames; a frame without
``title`` (or ``aria-label``/``aria-labelledby``) is read as "frame" or by its URL, so users
cannot tell the video player from an advert.

The rule applies to ``iframe`` and ``frame`` elements exposed to assistive technology, except
frames removed from the tab order (negative ``tabindex``) or marked as decorative
(``role="none"``/``"presentation"``).

Fails::

    <iframe src="https://www.youtube.com/embed/x1Y2z3"></iframe>

    <iframe src="https://ads.example.net/slot/top" title=" "></iframe>

Passes::

    <iframe src="https://www.youtube.com/embed/x1Y2z3"
            title="Video: the flood in 90 seconds"></iframe>

    <iframe src="https://ads.example.net/slot/top" title="Advertisement"></iframe>

Limits: An unnamed frame that a rule of the page's own ``<style>`` may hide (``display: none``,
``visibility: hidden``) is cantTell; one hidden by an external stylesheet is checked.
"""

from __future__ import annotations

from a11y_audit.commons.aria import PRESENTATIONAL, explicit_role
from a11y_audit.commons.focus import tabindex
from a11y_audit.commons.naming import check_named
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="frame-title",
    impact="serious",
    wcag=("4.1.2",),
    act=("cae760",),
    tags=("cat.text-alternatives",),
    help="Give the frame a title attribute that says what it contains",
)


def check(page: Page) -> Results:
    frames = [el for el in page.select("iframe", "frame") if _applies(page, el)]
    yield from check_named(RULE, page, frames, "Frame", text=False)


def _applies(page: Page, el: Element) -> bool:
    if page.is_hidden(el) or explicit_role(el) in PRESENTATIONAL:
        return False
    index = tabindex(el)
    return index is None or index >= 0
