"""Every ``<a>`` with visible content has an ``href``.

An ``<a>`` without ``href`` is not a link: it is not focusable, screen readers do not announce
it as a link and keyboard users cannot reach it, though it often looks and acts like one for
mouse users (a script listens for clicks). News templates do this for "Load more", share
buttons and cookie-banner actions. bbc-a11y's principle "Anchors must have hrefs" checks the
same.

No axe-core counterpart. bbc-a11y fails every visible ``<a>`` without ``href``; this rule leaves
out empty placeholder anchors (``<a name="top"></a>``, ``<a id="comments"></a>``: fragment
targets with nothing to click) and anchors turned into an ARIA widget that keyboard users can
reach (a role plus a non-negative ``tabindex``), which the ARIA rules check instead (WAI-ARIA 1.2
section 5.3: authors may give ``a`` another role).

Fails::

    <a class="load-more" onclick="loadMore()">More stories</a>

    <a class="share" data-network="twitter"><img src="x.svg" alt="Share on X"></a>

Passes::

    <a href="/world">World</a>

    <a name="comments"></a><a href="#comments">Comments</a>

    <a role="button" tabindex="0" onclick="share()">Share</a>

Limits: an anchor that a stylesheet the cascade reads hides (``display: none``, ``visibility:
hidden``) is not checked; one that only a linked stylesheet that could not be read may hide is.
"""

from __future__ import annotations

from a11y_audit.checks.naming import shorten
from a11y_audit.dom import normalize_space, text_content
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.focus import tabindex

RULE = Rule(
    id="anchor-has-href",
    impact="moderate",
    wcag=(),
    tags=("news", "cat.keyboard"),
    axe=False,
    help_url=bbc.url("principles"),
    help="Give the link an href, or make it a <button> if it runs a script",
)

_HAS_HREF = "The link has an href"
_CONTENT = ("img", "svg", "picture", "video", "canvas")


def check(page: Page) -> Results:
    anchors = page.tags("a")
    # The anchors without href, by set difference against the page's attribute index: most
    # anchors have one, and el.get("href") cost ~1,500 instructions an anchor. The runs of
    # anchors between them pass in one batch each, in document order.
    lacking = set(anchors).difference(page.by_attribute.get("href", ()))
    if not lacking:
        yield from RULE.passes(anchors, _HAS_HREF)
        return
    start = 0
    for i, el in enumerate(anchors):
        if el not in lacking:
            continue
        yield from RULE.passes(anchors[start:i], _HAS_HREF)
        start = i + 1
        if not _has_content(el) or not page.is_rendered(el):   # (the cheap test first)
            continue
        role, index = page.explicit_roles.get(el), tabindex(el)
        if role is not None and index is not None and index >= 0:
            yield RULE.ok(el, f"<a role=\"{role}\" tabindex=\"{index}\"> is an ARIA widget "
                              "keyboard users can reach")
        else:
            # (its text cut with an ellipsis where long: read far enough past 60 to tell)
            label = shorten(text_content(el, 240), 60) or page.name(el) or "(image)"
            yield RULE.fail(el, f"<a> \"{label}\" has no href: keyboard users cannot reach it "
                                "and screen readers do not announce it as a link")
    yield from RULE.passes(anchors[start:], _HAS_HREF)


def _has_content(el: Element) -> bool:
    if normalize_space(text_content(el, 10)):
        return True
    return any(True for _ in el.iter(*_CONTENT))
