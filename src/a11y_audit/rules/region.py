"""All perceivable content is inside a landmark.

Screen reader users navigate an article by landmarks (banner, navigation, main, complementary,
contentinfo). Text outside every landmark, such as a breaking-news ticker in a bare ``<div>``
above the masthead or a byline outside ``<main>``, is skipped by that navigation and easily
missed.

As axe-core's ``region``: the rule reports the outermost elements whose content (text, images,
form controls, media, embeds) lies outside every landmark. Not counted: content hidden from
assistive technology, skip links whose target exists (as axe-core: one that leads nowhere is
content like any other), dialogs (``role="dialog"``/``"alertdialog"``) and live regions
(``aria-live``, ``role="alert"``, ``"status"``, ``"log"``, ``"marquee"``, ``"timer"``), whose
content is announced when it changes. The page passes on its ``<body>`` when it has landmarks
and no such content.

Matches axe-core.

Fails::

    <body><div class="ticker">BREAKING: Storm reaches the coast</div>
      <header>Daily Planet</header><main><h1>Storm</h1></main></body>

Passes::

    <body><a href="#main">Skip to main content</a><header>Daily Planet</header>
      <main id="main"><h1>Storm</h1></main><footer>Contact us</footer></body>

Limits: content that a stylesheet the cascade reads hides (cookie banners, off-canvas menus) is not
counted; content that only a linked stylesheet that could not be read may hide is reported as
outside landmarks.
"""

from __future__ import annotations

import re

from lxml import etree

from a11y_audit.dom import normalize_space, tag_of, text_content
from a11y_audit.knowledge.aria import LANDMARK_ROLES
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics import skiplinks

RULE = Rule(
    id="region",
    impact="moderate",
    wcag=(),
    tags=("best-practice", "cat.keyboard"),
    help="Put the content inside a landmark: <header>, <nav>, <main>, <aside> or <footer>",
    document_level=True,
)

# Roles whose content is announced or reached on its own (axe-core stops at these too).
_CONTAINER_ROLES = frozenset(("dialog", "alertdialog", "alert", "status", "log", "marquee",
                              "timer", "button"))
_CONTENT_TAGS = frozenset(("img", "video", "audio", "canvas", "iframe", "object", "embed",
                           "input", "select", "textarea", "math", "picture"))
# Not content: metadata, and svg (icon sprites; axe-core skips svg as well).
_NO_CONTENT = frozenset(("script", "style", "template", "noscript", "head", "title", "meta",
                         "link", "base", "svg"))


def check(page: Page) -> Results:
    landmarks = {lm.element for lm in page.landmarks}
    # axe-core exempts a skip link only when its target exists; one that leads nowhere is
    # content outside the landmarks like any other link. A template's or a partial's target
    # may be in another file (WordPress's header.php links to the #content its page opens).
    elsewhere = page.template is not None or page.fragment
    skip = {s.link.element for s in skiplinks.find_skip_links(page)
            if s.link.target is not None or elsewhere}
    # Elements that contain a landmark: descend into them, never report them whole.
    holders: set[Element] = set()
    for el in landmarks:
        for anc in el.iterancestors():
            if anc in holders:
                break
            holders.add(anc)
    # Live regions are announced on their own: skipped like landmarks. Found from the
    # attribute index once, not by el.get("aria-live") for every element visited (~1,500
    # instructions each, for an attribute almost none has).
    live = {el for el in page.by_attribute.get("aria-live", ()) if el.get("aria-live") != "off"}
    excluded = landmarks | skip | live
    stray: list[Element] = []
    _visit(page, page.body, excluded, holders, stray)
    for el in stray:
        excerpt = _excerpt(el, holders)
        if page.template is not None and _EXPRESSIONS_ONLY.match(
                normalize_space(text_content(el))):
            # (what a template's expressions write may be nothing, or a landmark)
            yield RULE.cant_tell(el, "Content outside every landmark is all the template's "
                                     f"expressions write: \"{excerpt}\"")
        else:
            yield RULE.fail(el, f"Content outside every landmark: \"{excerpt}\"")
    if not stray and landmarks:
        yield RULE.ok(page.body)


# Text that is nothing but expressions (``{{ CSS.render() }} {{ ad_slot }}``)
_EXPRESSIONS_ONLY = re.compile(r"(?:\{\{.*?\}\}?\s*)+$", re.S)


def _visit(page: Page, root: Element, excluded: set[Element], holders: set[Element],
           stray: list[Element]) -> None:
    """Collect the outermost elements with content outside landmarks, in document order
    (an explicit stack: deep pages cannot exhaust the recursion limit)."""
    stack = [root]
    while stack:
        el = stack.pop()
        if el in holders:
            # Text directly in <body> between landmarks is ignored, as axe-core does.
            if el is not page.body and _own_text(el):
                stray.append(el)
                continue
            stack.extend(child for child in reversed(el)
                         if isinstance(child.tag, str) and not _skippable(page, child, excluded))
        elif _has_content(page, el, excluded):
            stray.append(el)


def _skippable(page: Page, el: Element, excluded: set[Element]) -> bool:
    # (``excluded`` holds the live regions: aria-live other than "off")
    if el in excluded or el.tag in _NO_CONTENT or page.is_hidden(el):
        return True
    role = page.role(el)
    return role in _CONTAINER_ROLES or role in LANDMARK_ROLES


def _own_text(el: Element) -> bool:
    # Each text and tail read once (lxml makes a new string at each read); ``isspace`` and
    # ``strip`` agree on white space
    text = el.text
    if text and not text.isspace():
        return True
    for child in el:
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


def _has_content(page: Page, el: Element, excluded: set[Element]) -> bool:
    stack = [el]
    while stack:
        node = stack.pop()
        if _skippable(page, node, excluded):
            continue
        if node.tag in _CONTENT_TAGS or _own_text(node):
            return True
        stack.extend(child for child in node if isinstance(child.tag, str))
    return False


def _excerpt(el: Element, holders: set[Element]) -> str:
    if el in holders:
        # A wrapper reported for its own text: quote that text, not its landmarks'.
        own = [el.text or ""] + [c.tail or "" for c in el]
        text = normalize_space(" ".join(own))
    else:
        text = normalize_space(text_content(el, limit=300))
    if not text:
        kinds = sorted({tag_of(d) for d in el.iter(etree.Element) if tag_of(d) in _CONTENT_TAGS})
        text = f"<{tag_of(el)}> holding {', '.join(kinds) or 'content'}"
    return text[:80] + ("…" if len(text) > 80 else "")
