"""Content follows every heading before the next heading of the same or a higher rank.

A heading announces a section. When the next thing after it is another heading of the same
rank (or the end of the page), the section is empty: screen reader users who jump by headings
land on a title with nothing under it, often a leftover "Related stories" or "Comments"
heading whose content a script never loaded. bbc-a11y's standard "Content must follow
headings" checks the same.

No axe-core counterpart. bbc-a11y fails a heading whose next text is a heading with the same tag
name; this rule also fails one followed directly by a heading of a higher rank (an ``h3`` then an
``h2``: the ``h3`` section is just as empty, HTML "headings and outlines"), and uses ``aria-level``
for ``role="heading"``. Text, images (named, or unlabelled: image-alt reports those; not ``alt=""``
decorative ones), embedded frames, media, form controls and lower-rank sub-headings count as
content (bbc-a11y counts text only), and so does the content of a closed ``details``: a
heading in its ``summary`` (a question of an FAQ) leads to the answer its reader opens. Text
that is not rendered (``hidden``, ``display: none`` from
an inline style or a stylesheet the cascade reads, ``script``, ``template``) does not, nor does
content hidden from assistive technology (``aria-hidden="true"``, ``inert``: the thumbnail link
of a teaser card, which repeats its headline link, is one), since a screen reader user meets the
next heading at once. A heading
that is a link or holds one (the headline of a teaser card in a "Related stories" list) passes: the
link is what the heading leads to, and lists of teaser headlines are a navigation aid, not empty
sections.

Fails::

    <h2>Related stories</h2><h2>Most read</h2><ol><li><a href="/a">Flood</a></li></ol>

    <article><h1>Storm hits coast</h1><p>Text.</p><h2>Comments</h2></article>

    <h2>Gallery</h2><img src="divider.png" alt=""><h2>Weather</h2><p>Rain.</p>

    <h2>The latest</h2><a href="/ferries" aria-hidden="true" tabindex="-1"><img src="f.jpg"
    alt="Ferry at the dock"></a><h2><a href="/ferries">Ferries cancelled</a></h2>

Passes::

    <h2>Most read</h2><ol><li><a href="/a">Flood defences fail</a></li></ol>

    <h2>Video</h2><iframe src="https://www.youtube.com/embed/x" title="Flood"></iframe>

    <h1>Story</h1><picture><img src="1.jpg" alt="Flooded high street"></picture>
    <div role="img" aria-label="Map of the flooded area"></div>

    <details><summary><h3>Is my donation tax deductible?</h3></summary><p>Yes.</p></details>
    <details><summary><h3>Can I give by mail?</h3></summary><p>Yes.</p></details>

Limits: content that only a linked stylesheet that could not be read may hide counts as content;
content a script adds later is not seen (that is the case this rule exists for, but it cannot tell
a lazy-loaded section from an abandoned one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise

from lxml import etree

from a11y_audit.checks.holes import branch_between, hole_between, quote_content
from a11y_audit.checks.naming import quote
from a11y_audit.knowledge import bbc
from a11y_audit.page import heading_level
from a11y_audit.rule import Element, Page, Results, Rule

RULE = Rule(
    id="heading-has-content",
    impact="minor",
    wcag=(),
    tags=("news", "cat.structure"),
    axe=False,
    help_url=bbc.url("structure/headings"),
    help="Put the section's content after its heading, or remove the empty heading",
)

_SKIP = frozenset(("script", "style", "template", "noscript", "head", "title", "meta", "link"))
_EMBEDDED = frozenset(("iframe", "frame", "video", "audio", "object", "embed", "canvas",
                       "input", "select", "textarea", "button", "math"))


def check(page: Page) -> Results:
    headings = {h.element: h for h in page.headings if not h.hidden}
    if not headings:
        return
    events = _events(page, headings)
    for i, (kind, el, level) in enumerate(events):
        if kind != "heading":
            continue
        following = events[i + 1] if i + 1 < len(events) else None
        name = headings[el].text
        # (a passed result's message is made only where a report lists passes)
        if _is_teaser(el):
            yield RULE.ok(el, lambda el=el, name=name: f"Heading "
                          f"{quote_content(page, el, name)} is a teaser headline: its link "
                          "is the content")
        elif following is None and (page.fragment or page.template is not None):
            # (a partial ends where the layout goes on; a template's blocks may follow)
            yield RULE.cant_tell(el, f"Heading {quote_content(page, el, name)} ends this "
                                     f"{'partial' if page.fragment else 'template'}: what "
                                     "the page holds after it is the rendered page's")
        elif following is None:
            yield RULE.fail(el, f"Heading {quote(name)} ends the page: no content follows it")
        elif following[0] == "heading" and following[2] <= level:
            after = following[1]
            message = (f"Heading {quote_content(page, el, name)} is followed directly by the "
                       f"level-{following[2]} heading "
                       f"{quote_content(page, after, headings[after].text)}")
            if hole_between(page, el, following[1]):
                yield RULE.cant_tell(el, "an include, a block or a raw expression of the "
                                         f"template writes content after it: {message}")
            elif why := branch_between(page, el, following[1]):
                yield RULE.cant_tell(el, f"{why}, so they may be alternatives: {message}")
            else:
                yield RULE.fail(el, message)
        else:
            yield RULE.ok(el, lambda el=el, name=name: "Content follows heading "
                          f"{quote_content(page, el, name)}")


def _is_teaser(el: Element) -> bool:
    """A heading that is a link or wraps one: a teaser card's headline in a list of stories."""
    # Tag-filtered iteration (in libxml2): a page of 2,000 nested headings asks this 2,000 times.
    # The first link found is enough (``next``, not a generator for any()). A heading with
    # no child (its text alone: most that are not teasers) holds no link, and is asked
    # without the descendant iterator (~6,000 instructions to set up; len() counts its
    # children, none).
    return (len(el) > 0 and next(el.iterdescendants("a"), None) is not None) or any(
        anc.get("href") is not None for anc in el.iterancestors("a"))


def _events(page: Page, headings: dict) -> list[tuple[str, Element, int]]:
    """Headings and content in document order: ("heading", el, level) or ("content", el, 0).

    Only the first piece of content after each heading matters, so runs are collapsed. Once
    that piece is found (and before the first heading) nothing matters until the next
    heading the full walk reaches (no ancestor skipped as not rendered), so the walk jumps
    to its start and goes on from there: nothing between is read, not even as an event. On
    a news page that is most of the tree (two events in three of a walk that only skipped
    the subtrees without a heading); the events are the same as a walk of every element
    (:func:`_events_walk`).

    The walk is lxml's ``iterwalk`` read by :meth:`_Record.run`, one walk a stretch: from
    the body, then from each heading jumped to, then from each following sibling of the
    subtree just walked, with the end events of the ancestors between made here. (A
    generator that joined those walks into one cost a resumption an event.)"""
    body = page.body
    order = page.order
    ahead = [h for h in headings if h in order]     # in document order, as page.headings
    record = _Record(page, headings, _nesting(page, ahead))
    position = 0                        # ahead[position]: the next heading to jump to
    target: Element | None = None
    jump: Element | None = None         # where the next stretch starts, when wait() jumps
    done = False                        # no heading left: nothing more to record
    # The order of body's last element: a heading past it is not in the walk.
    last = body
    while (child := next(last.iterchildren(etree.Element, reversed=True), None)) is not None:
        last = child
    end = order.get(last, -1)
    reached = _reacher(page, body)

    def wait(el: Element) -> bool:
        """The next heading the full walk reaches: this one, or the stretch ends to jump."""
        nonlocal position, target, jump, done
        if el is not target:
            here = order[el]
            while position < len(ahead) and (order[ahead[position]] < here
                                             or not reached(ahead[position])):
                position += 1
            if position == len(ahead) or order[ahead[position]] > end:
                done = True
                return False
            target = ahead[position]
            if el is not target:
                jump = target
                return False
        record.heading(el)
        return True

    node = body                         # the top of the stretch being walked
    while True:
        walker = etree.iterwalk(node, events=("start", "end"))
        record.run(walker, walker.skip_subtree, wait)
        if done:
            return record.events
        if jump is not None:
            node, jump = jump, None
            continue
        # node's subtree is done: its next element sibling's, else its parent's end
        while node is not body:
            following = node.getnext()
            while following is not None and not isinstance(following.tag, str):
                following = following.getnext()
            if following is not None:
                node = following
                break
            node = node.getparent()  # type: ignore[assignment]  # (below body)
            record.end(node)
        else:
            return record.events


class _Record:
    """The events a walk of the body records, and what it does with an element once it is
    not waiting for the next heading (both walks: :func:`_events`, :func:`_events_walk`)."""

    __slots__ = ("events", "headings", "inside", "nesting", "page", "skip_subtree")

    def __init__(self, page: Page, headings: dict, nesting: set[Element]) -> None:
        self.page = page
        self.headings = headings
        self.nesting = nesting              # the headings with a heading inside (_nesting)
        self.events: list[tuple[str, Element, int]] = []
        self.inside: list[Element] = []     # open headings (their text is not content)
        self.skip_subtree: Callable[[], None] = _nothing

    def waiting(self) -> bool:
        """Nothing matters until the next heading: none is open, and the last one has its
        content already (or there was none yet)."""
        return not self.inside and (not self.events or self.events[-1][0] == "content")

    def end(self, el: Element) -> None:
        """An element's end event (:meth:`run` has it inline)."""
        waiting = self.waiting()
        inside = self.inside
        if inside and inside[-1] is el:
            inside.pop()
        if not waiting:
            self.tail(el)

    def content(self, el: Element) -> None:
        events = self.events
        if not self.inside and (not events or events[-1][0] != "content"):
            events.append(("content", el, 0))

    def heading(self, el: Element) -> None:
        """A heading's start, the last event of the walk: inside it nothing is content (it
        is open), so unless it holds another heading (an event), its subtree is skipped;
        its end event, and its tail, still come."""
        self.events.append(("heading", el, heading_level(el)))
        self.inside.append(el)
        if el not in self.nesting:
            self.skip_subtree()

    def run(self, walker: Iterable[tuple[str, Element]], skip_subtree: Callable[[], None],
            wait: Callable[[Element], bool]) -> list[tuple[str, Element, int]]:
        """The events of ``walker``'s walk. An element's start while the walk waits for the
        next heading goes to ``wait``, the one thing the two walks do differently; it
        returns False to end the walk (no heading left, or :func:`_events` jumps ahead)."""
        inside, events = self.inside, self.events   # (lists changed in place, never replaced)
        self.skip_subtree = skip_subtree
        for event, el in walker:
            # self.waiting(), inline: asked for every event of the walk
            waiting = not inside and (not events or events[-1][0] == "content")
            if not isinstance(el.tag, str):
                if not waiting and event == "end":
                    self.tail(el)       # a comment or processing instruction
            elif event != "start":
                # (end(), inline: a call for every element's end event showed)
                if inside and inside[-1] is el:
                    inside.pop()
                if not waiting:
                    self.tail(el)
            elif not waiting:
                self.start(el, skip_subtree)
            elif not wait(el):
                break
        return self.events

    def tail(self, el: Element) -> None:
        """A node's tail is its parent's text."""
        tail = el.tail      # (lxml makes a new string at each read)
        if tail and not tail.isspace():
            parent = el.getparent()
            self.content(parent if parent is not None else el)

    def start(self, el: Element, skip_subtree: Callable[[], None]) -> None:
        page = self.page
        tag = el.tag   # an element (comments are run()'s)
        if tag in _SKIP or (page.is_hidden(el) and not page.opens_to_show(el)):
            # not rendered, or hidden from assistive technology (aria-hidden, inert): no
            # content for the screen reader user the rule is for; but what a closed
            # details holds is, once they open it (an FAQ's question in the summary)
            skip_subtree()       # its "end" event still comes, with the tail
        elif el in self.headings:
            self.heading(el)
        elif self.inside:
            pass    # inside an open heading: no content (what content() would find)
        elif (tag in _EMBEDDED or _is_image(page, el, tag) or (tag == "svg" and page.name(el))
                or ((text := el.text) and not text.isspace())):
            self.content(el)


def _nesting(page: Page, ahead: list[Element]) -> set[Element]:
    """The headings of ``ahead`` (in document order) that hold another one. What a heading
    holds comes right after it in document order, so a heading holds one if and only if it
    holds the next one: that one's ancestors are climbed while they come after the heading
    (a few steps: headings sit close in the tree, and most do not nest)."""
    order = page.order
    nesting: set[Element] = set()
    for first, second in pairwise(ahead):
        start = order[first]
        node = second.getparent()
        while node is not None and order[node] > start:
            node = node.getparent()
        if node is first:
            nesting.add(first)
    return nesting


def _nothing() -> None:
    pass


def _reacher(page: Page, body: Element) -> Callable[[Element], bool]:
    """``reached(el)``: the full walk would reach ``el``, no ancestor up to the body
    skipped. Headings share most of their ancestors: each is asked once."""
    reachable: set[Element] = set()

    def reached(el: Element) -> bool:
        node: Element | None = el
        on_the_way = []
        while node is not None and node not in reachable:
            if node.tag in _SKIP or not page.is_rendered(node):
                return False
            on_the_way.append(node)
            if node is body:
                break
            node = node.getparent()
        reachable.update(on_the_way)
        return True

    return reached


def _events_walk(page: Page, headings: dict) -> list[tuple[str, Element, int]]:
    """:func:`_events` by one walk of the body that skips the subtrees without a heading
    while it waits for the next one: the general path, which the tests compare with.

    Only the first piece of content after each heading matters, so runs are collapsed. Once
    that piece is found (and before the first heading) nothing matters until the next
    heading, so the walk goes straight down to it: it skips every subtree that does not hold
    it, asks nothing of the elements on the way, and checks instead that the heading is one
    the full walk reaches (no ancestor skipped as not rendered). On a news page that is most
    of the tree; the events are the same as a walk of every element."""
    body = page.body
    order = page.order
    ahead = [h for h in headings if h in order]     # in document order, as page.headings
    record = _Record(page, headings, _nesting(page, ahead))
    position = 0                        # ahead[position]: the next heading to go down to
    target: Element | None = None
    path: set[Element] = set()          # target's ancestors
    reached = _reacher(page, body)
    walker = etree.iterwalk(body, events=("start", "end"))

    def wait(el: Element) -> bool:
        nonlocal position, target, path
        here = order[el]
        if target is None or order[target] < here:
            while position < len(ahead) and order[ahead[position]] < here:
                position += 1
            if position == len(ahead):
                return False                # no heading left: nothing more to record
            target = ahead[position]
            path = set(target.iterancestors())
        if el is target and reached(el):
            record.heading(el)
        elif el not in path:
            walker.skip_subtree()           # holds no heading, or only unreachable ones
        return True

    return record.run(walker, walker.skip_subtree, wait)


def _is_image(page: Page, el: Element, tag: str) -> bool:
    """An image a reader meets: an ``img`` that is not decorative (alt text, an ARIA name, or
    no ``alt`` at all: unlabelled, which image-alt reports, but still there), or a named
    ``role="img"``. ``alt=""`` (or ``role="presentation"``) declares it decorative: nothing;
    so is an unlabelled ``width``/``height`` of 0 or 1 (a tracking pixel)."""
    if tag == "img":
        if page.role(el) != "img":
            return False
        return bool(page.name(el)) or not any(
            el.get(size, "").strip() in ("0", "1", "0px", "1px") for size in ("width", "height"))
    return el in page.holders("role") and page.role(el) == "img" and bool(page.name(el))
