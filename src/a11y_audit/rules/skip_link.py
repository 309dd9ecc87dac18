"""The page has a skip link before its main content, and every skip link's target exists.

Keyboard and switch users must tab through the masthead, the section navigation, the breaking-
news banner and the share tools on every article before they reach the story. A skip link ("Skip
to main content") at the very start of the page takes them there in one keystroke; one whose
target is missing or hidden does nothing, which is worse than none because it looks like a fix.

What counts as a skip link is defined in ``a11y_audit.commons.skiplinks``: a same-page link
(``href="#id"``, not bare ``#``) before the main landmark (or, without one, among the first
focusable elements) whose target is the main landmark or inside it, or whose name reads like a
skip link in one of several languages. A same-page link named only "Menu" or "Sections" opens a
drawer and is not a skip link. Targets are found as browsers find them: the element with that
``id``, else an ``<a name>``.

Differs from axe-core: axe-core's ``skip-link`` only checks that each skip link's target exists and
is rendered, and a page without skip links is inapplicable; this rule also fails a page without a
skip link.

Fails::

    <body><header><a href="/">Daily Planet</a><nav><a href="/world">World</a></nav></header>
      <main><h1>Storm hits coast</h1></main></body>

    <body><a href="#content">Skip to content</a><nav><a href="/world">World</a></nav>
      <main id="main"><h1>Storm hits coast</h1></main></body>

Passes::

    <body><a href="#main">Skip to main content</a><nav><a href="/world">World</a></nav>
      <main id="main"><h1>Storm hits coast</h1></main></body>

    <body><a href="#story">Jump to story</a><nav><a href="/world">World</a></nav>
      <div><a name="story"></a><h1>Storm hits coast</h1></div></body>

Each skip link fails when keyboard users cannot use it: ``tabindex="-1"`` takes it out of the
Tab order; its target is missing or not rendered; or its target wraps the banner or navigation
that comes after the link, so the next Tab lands in the blocks it should have skipped. A target
hidden only with ``aria-hidden="true"`` is cantTell: focus still moves there.

Limits: a target hidden by a stylesheet class cannot be seen in static HTML; only the ``hidden``
attribute and inline ``display:none``/``visibility:hidden`` count as not rendered. A page with
landmarks can meet WCAG 2.4.1 without a skip link (technique ARIA11); this rule holds news pages
to the stricter newsroom practice of having one. A page whose main landmark comes before any
focusable element has nothing to skip, and the rule is inapplicable there.
"""

from __future__ import annotations

from typing import Any

from a11y_audit.commons import skiplinks
from a11y_audit.commons.focus import is_tabbable
from a11y_audit.rule import Element, Page, Result, Results, Rule

RULE = Rule(
    id="skip-link",
    impact="moderate",
    wcag=("2.4.1",),
    tags=("news", "cat.keyboard"),
    axe=False,
    help="Start the page with a link like <a href=\"#main\">Skip to main content</a> "
         "whose target exists",
)

OPTIONS: dict[str, Any] = {
    # Languages whose skip phrases are recognised (keys of commons.skiplinks.SKIP_PATTERNS).
    "languages": sorted(skiplinks.SKIP_PATTERNS),
    # Extra regular expressions that mark a link name as a skip link, and as a menu opener.
    "skip-patterns": [],
    "menu-patterns": [],
    # Without a main landmark, a skip link must be among this many first focusable elements.
    "first-focusable": skiplinks.DEFAULT_FIRST_FOCUSABLE,
}


def check(page: Page, options: dict[str, Any]) -> Results:
    phrases = skiplinks.phrases_for(options["languages"], options["skip-patterns"],
                                    options["menu-patterns"])
    limit = int(options["first-focusable"])
    found = skiplinks.find_skip_links(page, phrases, limit)
    if not found:
        main = skiplinks.main_landmark(page)
        if main is not None and not any(
            page.order[el] < page.order[main] for el in skiplinks.first_tabbable(page, 1)
        ):
            return  # nothing focusable before the main content: nothing to skip
        where = "before the main landmark" if main is not None else (
            f"among the first {limit} focusable elements (the page has no main landmark)")
        yield RULE.fail(page.body, f"No skip link {where}: keyboard users must tab through "
                                   "every header and navigation link to reach the story")
        return
    for skip in found:
        yield _judge(page, skip)


def _judge(page: Page, skip: skiplinks.SkipLink) -> Result:
    link, label = skip.link, skip.name or "(no name)"
    href, el, target = link.href.strip(), link.element, link.target
    if not is_tabbable(el):
        return RULE.fail(el, f"Skip link \"{label}\" has tabindex=\"{el.get('tabindex')}\": "
                             "keyboard users can never reach it")
    if target is None:
        return RULE.fail(el, f"Skip link \"{label}\" points to {href}, but no element has id "
                             f"or name \"{link.fragment}\"")
    if not page.is_rendered(target):
        return RULE.fail(el, f"Skip link \"{label}\" points to {href}, whose target is hidden "
                             "(not rendered)")
    wrapped = _skipped_blocks_inside(page, el, target)
    if wrapped is not None:
        return RULE.fail(el, f"Skip link \"{label}\" points to {href}, which contains the "
                             f"{wrapped} it should skip: the next Tab lands in it")
    if page.is_hidden(target):
        return RULE.cant_tell(el, f"Skip link \"{label}\" points to {href}, whose target is "
                                  "aria-hidden; keyboard focus moves there, but screen readers "
                                  "may not follow")
    return RULE.ok(el, f"Skip link \"{label}\" reaches {href}")


def _skipped_blocks_inside(page: Page, link: Element, target: Element) -> str | None:
    """The banner or navigation where focus lands after the skip link, if the target wraps it.

    After following the link, Tab moves to the first focusable element inside the target. When
    that element is in a banner or navigation landmark outside the main landmark, the link has
    skipped nothing.
    """
    tabbable = page.tabbable
    try:
        start = tabbable.index(link) + 1
    except ValueError:
        return None
    landing = next((el for el in tabbable[start:] if skiplinks.within(el, target)), None)
    if landing is None:
        return None
    ancestors = [(anc, page.role(anc)) for anc in landing.iterancestors()]
    if any(role == "main" for _, role in ancestors):
        return None  # focus lands in the main content, whatever landmark is nested there
    for anc, role in ancestors:
        if role in ("banner", "navigation") and skiplinks.within(anc, target) and anc is not target:
            return f"{role} landmark ({page.css_path(anc)})"
    return None
