"""The page has a working skip link before its main content.

Keyboard and switch users must tab through the masthead, the section navigation, the breaking-
news banner and the share tools on every article before they reach the story. A skip link ("Skip
to main content") at the very start of the page takes them there in one keystroke. This is the
newsroom check: one working skip link per page. Whether each same-page link's target exists is
``skip-link``'s question (axe-core's meaning).

No axe-core counterpart. axe-core's ``skip-link`` checks only that skip links which exist reach
an existing target; a page without one is inapplicable there. This rule (``axe=False``, tags
``news`` and ``best-practice``) asks for one and claims no WCAG failure: a page with landmarks
or headings can meet 2.4.1 Bypass Blocks without a skip link (techniques ARIA11, H69).

What counts as a skip link is defined in ``a11y_audit.semantics.skiplinks``: a same-page link
(``href="#id"``, not bare ``#``) before the main landmark (or, without one, among the first
focusable elements) whose target is the main landmark or inside it, or whose name reads like a
skip link in one of several languages. A same-page link named only "Menu" or "Sections" opens a
drawer and is not a skip link. Targets are found as browsers find them: the element with that
``id``, else an ``<a name>``.

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

A skip link works when keyboard users can Tab to it (no ``tabindex="-1"``), its target exists
and is rendered and outside the banner, navigation, search and contentinfo landmarks ("Skip to
navigation" leads to a block, not past it), and following it skips something: the focusable
elements between the link and its target (what the next Tab no longer visits) must include the
first banner or navigation landmark after the link (the masthead), or, on a page without those,
at least one element. What the target contains does not matter: CNBC's "Skip Navigation" lands
on a wrapper that holds the article's own ``<header>``, and passes because it skips the 29 links
of the site header. A WordPress ``#content`` that starts before the masthead skips nothing and
fails. One result per page: passed on the first working skip link; otherwise failed on the first
skip link (with why it does not work) or on ``<body>`` when there is none. A target hidden only
with ``aria-hidden="true"`` is cantTell: focus still moves there.

Limits: a target that a stylesheet the cascade reads hides is not rendered (the link fails), but
one that only a linked stylesheet that could not be read may hide counts as rendered. A page whose
main landmark comes before any focusable element has nothing to skip, and the rule is inapplicable
there.

Options
-------

``languages`` (list of language codes, default every language with skip phrases)
    Languages whose skip phrases are recognised.

``skip-patterns`` (list of regular expressions, default none)
    More patterns that mark a link's name as a skip link (case is ignored).

``menu-patterns`` (list of regular expressions, default none)
    More patterns that mark a control as a menu opener, which may come before the skip link.

``first-focusable`` (integer, default 10)
    Without a main landmark, a skip link must be among this many first focusable elements.
"""

from __future__ import annotations

import bisect
from typing import Any

from a11y_audit.outcome import Outcome
from a11y_audit.rule import Element, Page, Result, Results, Rule
from a11y_audit.semantics import skiplinks
from a11y_audit.semantics.focus import is_tabbable
from a11y_audit.semantics.tabbing import subtree_end

RULE = Rule(
    id="skip-link-present",
    impact="moderate",
    wcag=(),
    tags=("news", "best-practice", "cat.keyboard"),
    axe=False,
    help="Start the page with a link like <a href=\"#main\">Skip to main content</a> "
         "that skips the masthead and navigation",
    help_url="https://www.w3.org/WAI/WCAG22/Techniques/general/G1",
    hidden_content="the page has no skip link: the failure is on <body>",
    document_level=True,
    whole_content=True,
)

OPTIONS: dict[str, Any] = {
    # Languages whose skip phrases are recognised (keys of semantics.skiplinks.SKIP_PATTERNS).
    "languages": sorted(skiplinks.SKIP_PATTERNS),
    # Extra regular expressions that mark a link name as a skip link, and as a menu opener.
    "skip-patterns": [],
    "menu-patterns": [],
    # Without a main landmark, a skip link must be among this many first focusable elements.
    "first-focusable": skiplinks.DEFAULT_FIRST_FOCUSABLE,
}

_BLOCK_ROLES = ("banner", "navigation")


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
    verdicts = [_judge(page, skip) for skip in found]
    for outcome in (Outcome.PASSED, Outcome.CANT_TELL, Outcome.FAILED):
        chosen = next((v for v in verdicts if v.outcome is outcome), None)
        if chosen is not None:
            yield chosen
            return


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
    block = _enclosing_block(page, target)
    if block is not None:
        return RULE.fail(el, f"Skip link \"{label}\" points to {href}, inside the {block}: "
                             "it leads to the blocks to skip, not past them to the content")
    missed = _skips_nothing(page, el, target)
    if missed is not None:
        return RULE.fail(el, f"Skip link \"{label}\" points to {href}, but following it "
                             f"{missed}")
    if page.is_hidden(target):
        return RULE.cant_tell(el, f"Skip link \"{label}\" points to {href}, whose target is "
                                  "aria-hidden; keyboard focus moves there, but screen readers "
                                  "may not follow")
    return RULE.ok(el, f"Skip link \"{label}\" reaches {href}")


def _tabbable_index(page: Page) -> tuple[dict[Element, int], list[int]]:
    """Each tabbable element's index in :attr:`Page.tabbable`, and their document positions
    in that order (ascending): read once a page, since the rule judges every skip-link
    candidate (a pass over the Tab order each was quadratic: 8,000 "Skip" links, 5.8 s)."""
    def build(page: Page) -> tuple[dict[Element, int], list[int]]:
        tabbable = page.tabbable
        order = page.order
        return (dict(zip(tabbable, range(len(tabbable)), strict=True)),
                [order[el] for el in tabbable])
    return page.memo("skip-link-present.tabbable", build)


def _passed_over(page: Page, link: Element, target: Element) -> tuple[int, int]:
    """The tabbable elements that following ``link`` skips, as a range of indexes into
    :attr:`Page.tabbable`: those after the link and before the target in document order
    (focus moves to the target; the next Tab goes to the first focusable element at or
    after it). Empty when the link is not tabbable."""
    index, positions = _tabbable_index(page)
    start = index.get(link)
    if start is None:
        return 0, 0
    return start + 1, bisect.bisect_left(positions, page.order[target], start + 1)


def _skips_nothing(page: Page, link: Element, target: Element) -> str | None:
    """Why following the link skips neither the masthead nor anything else, else None."""
    if page.order[target] < page.order[link]:
        return None  # a target above the link (rare; "back to content"): not judged here
    first, end = _passed_over(page, link, target)
    masthead = _first_block_after(page, link, subtree_end(page, target))
    if masthead is None:
        return None if first < end else "skips no focusable element: the next Tab goes " \
                                        "where it would have gone anyway"
    # The tabbable elements in the masthead are one run of the Tab order (a subtree is
    # contiguous in document order): does the skipped run meet it?
    _, positions = _tabbable_index(page)
    inside = bisect.bisect_left(positions, page.order[masthead])
    beyond = bisect.bisect_right(positions, subtree_end(page, masthead))
    if max(first, inside) < min(end, beyond):
        return None
    return (f"does not skip the {page.role(masthead)} landmark ({page.css_path(masthead)}): "
            "the next Tab lands in it")


def _enclosing_block(page: Page, target: Element) -> str | None:
    """The banner, navigation, search or contentinfo landmark the target is in, if any (a
    "Skip to navigation" link is not a way past the masthead to the content)."""
    for node in (target, *target.iterancestors()):
        role = page.role(node)
        if role == "main":
            return None
        if role in (*_BLOCK_ROLES, "search", "contentinfo"):
            return f"{role} landmark ({page.css_path(node)})"
    return None


def _first_block_after(page: Page, link: Element, end: int) -> Element | None:
    """The masthead a skip link exists to skip: the first banner or navigation landmark that
    starts after the link and before the target ends (a site index after the story is not in
    the way), holds a tabbable element and is outside the main landmark."""
    main = skiplinks.main_landmark(page)
    tabbable = page.tabbable
    _, positions = _tabbable_index(page)
    blocks, starts = page.memo("skip-link-present.blocks", _blocks)
    for i in range(bisect.bisect_left(starts, page.order[link]), len(blocks)):
        el = blocks[i]
        if starts[i] > end:
            break
        if main is not None and skiplinks.within(el, main):
            continue
        # A subtree is contiguous in document order: the first tabbable element after the
        # landmark starts is inside it, or none is.
        index = bisect.bisect_right(positions, starts[i])
        if index < len(tabbable) and skiplinks.within(tabbable[index], el):
            return el
    return None


def _blocks(page: Page) -> tuple[list[Element], list[int]]:
    """The banner and navigation landmarks in document order, and their positions (read
    once a page: each skip-link candidate looks from its own position on)."""
    blocks = [lm.element for lm in page.landmarks if lm.role in _BLOCK_ROLES]
    return blocks, [page.order[el] for el in blocks]
