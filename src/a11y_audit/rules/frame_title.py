"""Frames (``iframe``) have an accessible name.

News pages embed videos, tweets, maps, polls, podcasts and ads in iframes. Screen readers
announce a frame by its name when users tab into it or list the page's frames; a frame without
``title`` (or ``aria-label``/``aria-labelledby``) is read as "frame" or by its URL, so users
cannot tell the video player from an advert.

The rule applies to ``iframe`` and ``frame`` elements exposed to assistive technology, except
frames removed from the tab order (negative ``tabindex``) or marked as decorative
(``role="none"``/``"presentation"``). The decorative role does not stick on a frame with a
``tabindex`` or a global ARIA attribute such as ``aria-live`` (WAI-ARIA 1.2 section 7.3), nor
on one with a ``title`` attribute, which JAWS announces as a group: those are checked.

Matches axe-core.

Fails::

    <iframe src="https://www.youtube.com/embed/x1Y2z3"></iframe>

    <iframe src="https://ads.example.net/slot/top" title=" "></iframe>

    <iframe src="https://ads.example.net/slot/top" role="none" tabindex="0"></iframe>

Passes::

    <iframe src="https://www.youtube.com/embed/x1Y2z3"
            title="Video: the flood in 90 seconds"></iframe>

    <iframe src="https://ads.example.net/slot/top" title="Advertisement"></iframe>

Limits: an unnamed frame that a stylesheet the cascade reads hides (``display: none``,
``visibility: hidden``) is not checked; one that only a linked stylesheet that could not be read
may hide is checked.
"""

from __future__ import annotations

from a11y_audit.checks.naming import check_named
from a11y_audit.knowledge.aria import PRESENTATIONAL, has_global_attribute
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.focus import tabindex

RULE = Rule(
    id="frame-title",
    impact="serious",
    wcag=("4.1.2",),
    act=("cae760",),
    tags=("cat.text-alternatives",),
    help="Give the frame a title attribute that says what it contains",
    template_values=("aria-labelledby",),
)


def check(page: Page) -> Results:
    frames = [el for el in page.select("iframe", "frame") if _applies(page, el)]
    yield from check_named(RULE, page, frames, "Frame", text=False)


def _applies(page: Page, el: Element) -> bool:
    """Rendered frames outside no negative ``tabindex``. A presentational role counts only when
    it sticks (WAI-ARIA 1.2 section 7.3: ``tabindex`` or ``aria-live`` undo it, as
    ``Page.role`` resolves) and the frame has no ``title`` (JAWS announces a titled
    ``role="none"`` frame as a group, so its title must say something, as axe-core checks)."""
    if page.is_hidden(el):
        return False
    index = tabindex(el)
    if index is not None and index < 0:
        return False
    if page.explicit_roles.get(el) not in PRESENTATIONAL or el.get("title") is not None:
        return True
    # Conflict resolution by the author's markup: a frame is focusable by default, which does
    # not undo role="none" (ACT rule cae760 leaves such frames out).
    return index is not None or has_global_attribute(el)
