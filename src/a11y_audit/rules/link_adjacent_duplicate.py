"""An image link and a text link side by side to the same page are one link.

The teaser card of every news front page: a thumbnail linked to the story, then the headline
linked to the same story. Keyboard users tab twice per story and screen reader users hear each
story twice (once, often, as an unlabelled image link). bbc-a11y's standard "Repeated links to
the same resource must be combined" (BBC guideline "Links: Combining repeated links") asks for
one link around both.

No axe-core counterpart. Two links are adjacent when they come one after the other in the
page's links and their nearest common container holds no other link (the same card); they
repeat when their ``href`` is the same after trimming white space, a trailing slash and a
fragment. The rule applies when one of the pair holds an image and the other text (the teaser
pattern); a pair where one link is taken out of the Tab order and hidden from assistive
technology (``tabindex="-1"`` with ``aria-hidden="true"``) passes, since that is the common fix.

Fails::

    <div class="card"><a href="/news/flood"><img src="f.jpg" alt="Flood"></a>
      <h3><a href="/news/flood">Flood defences fail</a></h3></div>

Passes::

    <div class="card"><a href="/news/flood"><img src="f.jpg" alt="">
      <h3>Flood defences fail</h3></a></div>

    <div class="card"><a href="/news/flood" tabindex="-1" aria-hidden="true"><img src="f.jpg"
      alt=""></a><h3><a href="/news/flood">Flood defences fail</a></h3></div>

An image a script loads counts where its ``<noscript>`` fallback holds an ``img`` (news
fronts lazy-load their teasers so): the link shows an image once the page runs.

Limits: links separated by other links, or placed in different containers by the template
(image in one list, headline in another), are not compared.
"""

from __future__ import annotations

import itertools

from a11y_audit.checks.naming import QUOTE_LIMIT, quote, shorten
from a11y_audit.dom import text_content
from a11y_audit.knowledge import bbc
from a11y_audit.rule import Element, Page, Results, Rule
from a11y_audit.semantics.focus import tabindex

RULE = Rule(
    id="link-adjacent-duplicate",
    impact="minor",
    wcag=(),
    tags=("news", "cat.name-role-value"),
    axe=False,
    help_url=bbc.url("links/combining-repeated-links"),
    help="Wrap the image and the headline in one link",
    # (a template's logo link and its text link, in the two branches of {{#if logo}})
    template_values=("branches",),
)

_IMAGES = ("img", "svg", "picture")
_NOT_TEXT = ("svg", "script", "style")    # text there is not shown as the link's text


def check(page: Page) -> Results:
    links = [link for link in page.links if link.rendered]
    # Each link's kind is asked up to three times, and only a link holding an image can be
    # "both": the text of the others is looked at only when they pair with a link to the
    # same page (few do).
    kinds: dict[Element, str] = {}
    holders = image_holders(page)
    # The links with an svg, script or style inside, found from those up (as the images):
    # the text test of any other link reads its whole subtree, without asking lxml for a
    # tag-filtered iterator over it first (~4,000 instructions a link asked).
    others = _holders_of(page, _NOT_TEXT)
    images: dict[Element, bool] = {}
    for link in links:
        el = link.element
        image = images[el] = el in holders
        if image and _kind_of(kinds, el, image, others) == "both":
            yield RULE.ok(el, "One link holds the image and the text")
    normalised: dict[str, str] = {}         # hrefs repeat: the pairs this rule looks for
    targets = []
    for link in links:
        target = normalised.get(link.href)
        if target is None:
            target = normalised[link.href] = _normalise(link.href)
        targets.append(target)
    pairs = itertools.pairwise(zip(links, targets, strict=True))
    for (first, target), (second, next_target) in pairs:
        a, b = first.element, second.element
        if not target or target != next_target:
            continue
        kind = _kind_of(kinds, a, images[a], others)
        if {kind, _kind_of(kinds, b, images[b], others)} != {"image", "text"}:
            continue
        if not _same_card(page, a, b):
            continue
        if _removed(page, a) or _removed(page, b):
            yield RULE.ok(a, "One of the two links is hidden from assistive technology and "
                             "the Tab order")
        else:
            yield RULE.fail(a, f"{_pair(a, b, kind == 'image')} both go to "
                               f"{shorten(first.href, 80)}: combine them", related=(b,))


def _pair(first: Element, second: Element, image_first: bool) -> str:
    """The pair as a failure names it, by the text link's text (an image link has none)."""
    if image_first:
        return f"This image link and the next ({_text(second)})"
    return f"This link ({_text(first)}) and the next, an image link,"


def _text(link: Element) -> str:
    """A link's text in quotes, cut with an ellipsis where it is long (read far enough past
    the quote's length to tell; a template's text runs with spaces)."""
    return quote(text_content(link, 4 * QUOTE_LIMIT))


def image_holders(page: Page) -> set[Element]:
    """The elements with an ``img``, ``svg`` or ``picture`` inside, the ``a`` and ``area``
    elements among them: found from the page's few images up, instead of a search inside
    each of its many links. A ``noscript`` whose content holds an image counts as one: it
    is the fallback of an image a script loads (the lazy teaser images of news fronts),
    which the page shows where the fallback stands, though with scripting on the fallback
    itself is not part of the document (:attr:`Page.contents_apart`)."""
    holders = _holders_of(page, _IMAGES)
    apart = page.contents_apart
    for noscript in page.tags("noscript"):
        content = apart.get(noscript)
        if content is not None and next(content.iter(*_IMAGES), None) is not None:
            _mark(holders, noscript)
    return holders


def _normalise(href: str) -> str:
    value = href.strip().split("#", 1)[0]
    if value.lower().startswith(("javascript:", "mailto:", "tel:")):
        return ""
    return value.rstrip("/")


def _holders_of(page: Page, tags: tuple[str, ...]) -> set[Element]:
    """The elements with an element of one of ``tags`` somewhere below them: each such
    element's ancestors, climbed until one is marked already (they share most of them; a
    tag-filtered ``iterancestors`` per element costs lxml ~4,000 instructions to set up)."""
    marked: set[Element] = set()
    for tag in tags:
        for el in page.tags(tag):
            _mark(marked, el.getparent())
    return marked


def _mark(marked: set[Element], node: Element | None) -> None:
    """Add ``node`` and its ancestors to ``marked``, up to the first marked already."""
    while node is not None and node not in marked:
        marked.add(node)
        node = node.getparent()


def _kind_of(kinds: dict[Element, str], el: Element, image: bool,
             others: set[Element]) -> str:
    """:func:`_kind`, kept in ``kinds``; ``image``: the link holds an image; ``others``:
    the elements with an svg, script or style below them (:func:`_holders_of`)."""
    found = kinds.get(el)
    if found is None:
        found = kinds[el] = _kind(el, image, el in others)
    return found


def _kind(el: Element, image: bool | None = None, other: bool | None = None) -> str:
    if image is None:
        image = next(el.iter(*_IMAGES), None) is not None
    if _has_text(el, other):
        return "both" if image else "text"
    return "image" if image else "empty"


def _has_text(el: Element, other: bool | None = None) -> bool:
    """The link shows text that is not white space, leaving out what an svg holds (its
    <title> is not visible text). Stops at the first text found: most links start with it.
    ``other``: an svg, script or style is inside (None: look)."""
    if el.text and not el.text.isspace():
        return True
    if other is None:
        other = next(el.iter(*_NOT_TEXT), None) is not None
    if not other:
        # Nothing to leave out (most links): any text node of the subtree will do, in any
        # order, so lxml's own iteration replaces the walk below.
        for node in el.iterdescendants():
            text = node.text if isinstance(node.tag, str) else None
            if text and not text.isspace():
                return True
            tail = node.tail
            if tail and not tail.isspace():
                return True
        return False
    stack = [(child, False) for child in reversed(el)]
    while stack:
        node, done = stack.pop()
        text = node.tail if done else None
        if not done:
            stack.append((node, True))
            if isinstance(node.tag, str) and node.tag not in _NOT_TEXT:
                text = node.text
                stack.extend((child, False) for child in reversed(node))
        if text and not text.isspace():
            return True
    return False


def _same_card(page: Page, a: Element, b: Element) -> bool:
    """The two links' nearest common ancestor holds no other link."""
    ancestors = set(a.iterancestors())
    common = next((anc for anc in b.iterancestors() if anc in ancestors), None)
    if common is None:
        return False
    count = 0
    for el in common.iter("a", "area"):
        if el.get("href") is not None:
            count += 1
            if count > 2:
                return False
    return True


def _removed(page: Page, el: Element) -> bool:
    index = tabindex(el)
    return page.is_hidden(el) and index is not None and index < 0
